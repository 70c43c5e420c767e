/* findrobots-inflate: the floor findrobots is measured against: a bare zlib inflate of each
 * gzip FILE (all members) into a buffer that is thrown away, one thread per file up to -j N.
 * usage: findrobots-inflate [-j N] FILE...   (built by bench/findrobots.sh) */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define BLOCK (128 * 1024)

static char **files;
static int nfiles, next;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long long total;

static unsigned long long inflate_file(const char *path)
{
	static __thread unsigned char in[BLOCK], out[2 * BLOCK];
	unsigned long long n = 0;
	z_stream z;
	ssize_t r;
	int fd = open(path, O_RDONLY), rc = Z_OK;

	if (fd < 0) {
		perror(path);
		exit(2);
	}
	memset(&z, 0, sizeof z);
	inflateInit2(&z, 16 + MAX_WBITS);
	while ((r = read(fd, in, BLOCK)) > 0) {
		z.next_in = in;
		z.avail_in = (unsigned)r;
		while (z.avail_in > 0) {
			if (rc == Z_STREAM_END)
				inflateReset(&z);
			z.next_out = out;
			z.avail_out = sizeof out;
			rc = inflate(&z, Z_NO_FLUSH);
			if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
				fprintf(stderr, "%s: %s\n", path, z.msg ? z.msg : "inflate error");
				exit(2);
			}
			n += sizeof out - z.avail_out;
		}
	}
	inflateEnd(&z);
	close(fd);
	return n;
}

static void *work(void *arg)
{
	unsigned long long n;
	int i;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&lock);
		i = next++;
		pthread_mutex_unlock(&lock);
		if (i >= nfiles)
			return NULL;
		n = inflate_file(files[i]);
		pthread_mutex_lock(&lock);
		total += n;
		pthread_mutex_unlock(&lock);
	}
}

int main(int argc, char **argv)
{
	pthread_t t[64];
	int j = 1, i;

	if (argc > 2 && strcmp(argv[1], "-j") == 0) {
		j = atoi(argv[2]);
		argv += 2, argc -= 2;
	}
	if (j < 1 || j > 64)
		j = 1;
	files = argv + 1;
	nfiles = argc - 1;
	for (i = 0; i < j; i++)
		pthread_create(&t[i], NULL, work, NULL);
	for (i = 0; i < j; i++)
		pthread_join(t[i], NULL);
	printf("%llu bytes\n", total);
	return 0;
}
