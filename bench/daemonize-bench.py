#!/usr/bin/env python3
"""Helper of bench/daemonize.sh: start latency (until the daemon's pid runs the program) and
start+stop cycles per second for cookbox daemonize and its peers, interleaved per repetition
so that load on the shared machine hits every tool alike."""
import ctypes, os, shutil, signal, statistics, subprocess, sys, threading, time

PROG = ["/bin/sleep", "1000"]


def running(pidfile):
    """The pid in PIDFILE once that process runs PROG, else None."""
    try:
        with open(pidfile) as f:
            pid = int(f.read().strip() or 0)
        if pid and os.readlink(f"/proc/{pid}/exe") == os.path.realpath(PROG[0]):
            return pid
    except (OSError, ValueError):
        pass
    return None


def wait_running(pidfile, limit=5.0):
    end = time.perf_counter() + limit
    while time.perf_counter() < end:
        pid = running(pidfile)
        if pid:
            return pid
    raise RuntimeError(f"{pidfile}: never ran")


def gone(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in "ZX"
    except OSError:
        return True


def wait_gone(pid, limit=10.0):
    end = time.perf_counter() + limit
    while not gone(pid):
        if time.perf_counter() > end:
            raise RuntimeError(f"pid {pid} did not stop")


ACTIVE = set()


def run(argv):
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    ACTIVE.add(p.pid)
    try:
        if p.wait() != 0:
            raise RuntimeError(f"{argv[0]} exited {p.returncode}")
    finally:
        ACTIVE.discard(p.pid)


TARGET = [0]


def zombie_child(pid, me):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return fields[0] == "Z" and int(fields[1]) == me
    except (OSError, IndexError, ValueError):
        return False


def reaper():
    """This machine's init does not reap orphans, so a killed daemon whose parent exited stays
    a zombie, and a stop that polls kill(pid, 0) waits for ever. We are the subreaper: orphans
    come to us, and this thread reaps the daemon being stopped (TARGET) once it is dead."""
    me = os.getpid()
    while True:
        pid = TARGET[0]
        if pid and zombie_child(pid, me):
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
            TARGET[0] = 0
        time.sleep(0.0005 if pid else 0.005)


def sweep():
    """Reap the other orphans (supervisors, intermediates) between measurements."""
    me = os.getpid()
    for d in os.listdir("/proc"):
        if d.isdigit() and int(d) not in ACTIVE and zombie_child(int(d), me):
            try:
                os.waitpid(int(d), os.WNOHANG)
            except ChildProcessError:
                pass


class Cookbox:
    name = "cookbox daemonize"

    def __init__(self, binary, work):
        self.b, self.p = binary, os.path.join(work, "cookbox.pid")

    def start(self):
        run([self.b, "daemonize", "start", "-p", self.p, "--"] + PROG)

    def stop(self, pid):
        run([self.b, "daemonize", "stop", "-p", self.p])
        wait_gone(pid)


class StartStopDaemon:
    name = "start-stop-daemon"

    def __init__(self, work):
        self.p = os.path.join(work, "ssd.pid")

    def start(self):
        run(["start-stop-daemon", "--start", "--quiet", "--background", "--make-pidfile",
             "--pidfile", self.p, "--exec", PROG[0], "--"] + PROG[1:])

    def stop(self, pid):
        run(["start-stop-daemon", "--stop", "--quiet", "--pidfile", self.p, "--retry", "TERM/10/KILL/5",
             "--remove-pidfile"])
        wait_gone(pid)


class Daemonize1:
    name = "daemonize(1)"

    def __init__(self, work):
        self.p = os.path.join(work, "d1.pid")
        self.l = os.path.join(work, "d1.lock")

    def start(self):
        run(["daemonize", "-p", self.p, "-l", self.l] + PROG)

    def stop(self, pid):
        # daemonize(1) has no stop: kill the pid it wrote, wait until it is gone.
        os.kill(pid, signal.SIGTERM)
        wait_gone(pid)
        os.unlink(self.p)


def cleanup(work):
    for name in ("cookbox.pid", "ssd.pid", "d1.pid"):
        pid = running(os.path.join(work, name))
        if pid:
            os.kill(pid, signal.SIGKILL)


def main():
    if sys.argv[1] == "--cleanup":
        cleanup(sys.argv[2])
        return
    binary, work, reps, cycles = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    threading.Thread(target=reaper, daemon=True).start()
    tools = [Cookbox(binary, work)]
    for exe, cls in (("start-stop-daemon", StartStopDaemon), ("daemonize", Daemonize1)):
        if shutil.which(exe):
            tools.append(cls(work))
        else:
            print(f"SKIP {cls.name}: {exe} not found (apt-get install {'dpkg' if exe != 'daemonize' else 'daemonize'})")
    lat = {t.name: [] for t in tools}
    cps = {t.name: [] for t in tools}
    for _ in range(reps):
        for t in tools:
            t0 = time.perf_counter()
            t.start()
            pid = wait_running(t.p)
            lat[t.name].append(time.perf_counter() - t0)
            TARGET[0] = pid
            t.stop(pid)
            sweep()
    for _ in range(5):
        for t in tools:
            t0 = time.perf_counter()
            for _ in range(cycles):
                t.start()
                pid = wait_running(t.p)
                TARGET[0] = pid
                t.stop(pid)
            cps[t.name].append(cycles / (time.perf_counter() - t0))
            sweep()
    ours = tools[0].name
    ml = {k: statistics.median(v) * 1000 for k, v in lat.items()}
    mc = {k: statistics.median(v) for k, v in cps.items()}
    print(f"daemonize bench: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"{os.cpu_count()} CPUs, program {' '.join(PROG)}; medians of {reps} starts and 5 x {cycles} cycles")
    print(f"{'tool':<20} {'start->running ms':>18} {'vs cookbox':>11} {'start+stop /s':>14} {'cookbox vs':>11}")
    for t in tools:
        n = t.name
        print(f"{n:<20} {ml[n]:>18.2f} {ml[n] / ml[ours]:>10.2f}x {mc[n]:>14.1f} {mc[ours] / mc[n]:>10.2f}x")


main()
