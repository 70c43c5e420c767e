/* pidfile: a pidfile that is its own lock. Byte 1 of the file carries the run lock, a POSIX
 * record lock held by the supervising process, so "running" means "the lock is held" and
 * F_GETLK names the holder (never a pid merely read from the file); byte 0 is a short gate
 * that serialises starting, taking over and removing the file. The caller owns every
 * descriptor these functions return. Nothing here prints or exits. */
#ifndef COOKBOX_PIDFILE_H
#define COOKBOX_PIDFILE_H

#include <sys/types.h>

enum { PF_CREATE = 1, PF_WRITE = 2 };

/* Open PATH without following a symbolic link (PF_CREATE: create it 0644; PF_WRITE or
 * PF_CREATE: read-write, else read-only), close-on-exec, and refuse anything but a regular
 * file that others cannot write. The descriptor, or -1 with errno set; for a refusal *WHY is
 * set to the reason ("is a symbolic link", "is not a regular file", "is writable by others")
 * and errno to ELOOP, EINVAL or EPERM, else *WHY is NULL. */
int pidfile_open(const char *path, int flags, const char **why);
/* Take the gate (byte 0), waiting for it: 0 or -1 with errno. */
int pidfile_gate(int fd);
int pidfile_ungate(int fd);
/* 1 if PATH still names FD's file (not unlinked or replaced), 0 if not, -1 on error. */
int pidfile_linked(int fd, const char *path);
/* The pid of the process holding the run lock: > 0, 0 if nobody holds it, -1 with errno. */
pid_t pidfile_holder(int fd);
/* Take the run lock: 0, or -1 with errno (EAGAIN/EACCES: held by another process). WAIT
 * blocks (EINTR when a signal interrupts it). */
int pidfile_lock(int fd, int wait);
/* Drop the run lock. */
int pidfile_unlock(int fd);
/* Replace the contents with "PID\n": 0 or -1 with errno. */
int pidfile_write(int fd, pid_t pid);
/* The pid written in the file: > 0, 0 if it holds none (empty or malformed), -1 with errno. */
pid_t pidfile_read(int fd);
/* Parse N bytes as a pidfile's contents: optional blanks, decimal digits (1 to 2^22 or
 * INT_MAX), optional blanks and one newline; the pid or 0 if malformed. */
pid_t pidfile_parse(const char *s, size_t n);

#endif
