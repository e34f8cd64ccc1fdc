"""HTTP mode in several processes (`SAMVERKAN_WORKERS`): one listening socket, shared by this
process and the workers it forks, each with its own thread pool and SQLite connections.

Only this first process runs the scheduler (DESIGN §4: exactly once); the workers serve Slack.
A worker stops when this process stops it (SIGTERM) or is gone.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable

log = logging.getLogger("samverkan.server")


def bind(host: str, port: int) -> socket.socket:
    """The listening socket every process accepts on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    sock.setblocking(False)
    return sock


def fork_workers(count: int, serve: Callable[[], int]) -> list[int]:
    """Fork `count` worker processes that each run `serve()` and exit; returns their pids.

    Call before any thread is started: a forked process has only the thread that forked.
    """
    pids = []
    for _ in range(count):
        pid = os.fork()
        if pid == 0:  # the worker
            code = 1
            try:
                _watch_parent(os.getppid())
                code = serve()
            except BaseException:
                log.exception("worker %s failed", os.getpid())
            finally:
                os._exit(code)
        pids.append(pid)
    log.info("HTTP mode: %s worker processes beside this one", count)
    return pids


def stop_workers(pids: list[int], timeout: float = 10) -> None:
    """SIGTERM the workers and wait for them (SIGKILL after `timeout`)."""
    for pid in pids:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for pid in pids:
        while time.monotonic() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.02)
        else:
            _signal(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def _watch_parent(parent: int) -> None:
    """Exit this worker when the process that forked it is gone (killed without stopping us)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
