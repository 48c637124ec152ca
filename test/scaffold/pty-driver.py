"""Drives a command through a real pseudo-terminal, the way a person at a keyboard would.

Reads a JSON script on stdin:
  {"argv": [...], "cwd": "...", "env": {...}, "timeout": 30,
   "steps": [{"expect": "<regex>", "send": "<keys>"}, ...]}
Each step waits until the regex matches the terminal output seen since the previous step (ANSI
escape sequences removed), then types the keys. After the last step it waits for the command to
exit and prints {"status": <exit code, or 128 + signal>, "output": "<all output, cleaned>",
"timedOut": <bool>, "pending": <index of the step still waiting, or null>} as JSON.
Used by test/scaffold/*.e2e.test.ts; needs only the standard library (pty is POSIX-only).
"""
import json
import os
import pty
import re
import select
import signal
import sys
import time

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[\]P^_].*?(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def clean(text):
    return ANSI.sub("", text).replace("\r", "")


def settle(fd, quiet=0.03, longest=0.5):
    """What the command writes until it has written nothing for `quiet` seconds (at most `longest`)."""
    out = ""
    until = time.time() + longest
    while time.time() < until:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        out += data.decode("utf-8", "replace")
    return out


def main():
    script = json.load(sys.stdin)
    deadline = time.time() + script.get("timeout", 30)
    env = dict(os.environ)
    for key, value in script.get("env", {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(script["cwd"])
        os.execvpe(script["argv"][0], script["argv"], env)
    steps = script.get("steps", [])
    step = 0
    seen = ""
    since = 0
    status = None
    timed_out = False
    while True:
        if time.time() > deadline:
            timed_out = True
            os.kill(pid, signal.SIGKILL)
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if data:
                seen += data.decode("utf-8", "replace")
        if step < len(steps) and re.search(steps[step]["expect"], clean(seen[since:])):
            # Let the prompt finish drawing before typing, as a person would: until the terminal has
            # been quiet for a moment (a fixed pause cost seconds over a test file's steps).
            seen += settle(fd)
            os.write(fd, steps[step]["send"].encode("utf-8"))
            since = len(seen)
            step += 1
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            # Drain what the command wrote before it exited.
            seen += settle(fd, quiet=0.1, longest=float("inf"))
            status = os.WEXITSTATUS(code) if os.WIFEXITED(code) else 128 + os.WTERMSIG(code)
            break
    json.dump({"status": status, "output": clean(seen), "timedOut": timed_out, "pending": step if step < len(steps) else None}, sys.stdout)


main()
