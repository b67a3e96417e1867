"""Launch to prompt: start the shell on a pseudo-terminal, time until `workshop> ` appears, then leave.

Usage: launch_to_prompt.py BINARY LESSONS WORKSPACE [RUNS]
Prints the median, mean and min over RUNS launches (after 3 warm-up launches)."""
import os
import pty
import select
import statistics
import sys
import time

binary, lessons, workspace = sys.argv[1:4]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 30


def launch():
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm"
        os.execv(binary, [binary, "--pack", lessons, "--workspace", workspace])
    seen = b""
    while b"workshop> " not in seen:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            raise SystemExit(f"no prompt within 10 s; the screen showed: {seen!r}")
        seen += os.read(fd, 4096)
    elapsed = time.perf_counter() - started
    os.write(fd, b"\x04")
    try:
        while os.read(fd, 4096):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


for _ in range(3):
    launch()
times = [launch() for _ in range(runs)]
print(f"launch to prompt: median {statistics.median(times) * 1000:.0f} ms, "
      f"mean {statistics.mean(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms over {runs} runs")
