"""App Home tabs published again after a change: at most one views.publish per person a second.

A burst of changes (a coordinator assigning ten follow-ups to one person, a digest's Done
buttons pressed in a row) draws that person's Home once more after the burst, not once per
change: Slack keeps only the last view anyway, and views.publish is rate-limited per workspace.
The view is drawn when its publish starts, so the last one shows every change committed before.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from storage import StoreError

log = logging.getLogger("samverkan.slack")

#: Seconds between two publishes of one person's Home.
INTERVAL = 1.0
#: How often a publish that failed for a passing fault is tried again (an interval apart).
RETRIES = 2

#: (team id, user id)
Key = tuple[str, str]
#: Draws and publishes one Home: (client, domain, team id, user id).
Publish = Callable[[Any, Any, str, str], None]


@dataclass
class _Pending:
    client: Any
    samverkan: Any
    at: float
    #: Publishes of this view that failed for a passing fault (the network, a busy database).
    failed: int = 0


class HomeTabs:
    """Publishes Homes on `submit`'s threads, each person's at most once per `interval`."""

    def __init__(
        self,
        publish: Publish,
        submit: Callable[[Callable[[], None]], None],
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._publish = publish
        self._submit = submit
        self._interval = interval
        self._clock = clock
        self._cond = threading.Condition()
        self._pending: dict[Key, _Pending] = {}
        self._running: set[Key] = set()
        self._started: dict[Key, float] = {}
        self._thread: threading.Thread | None = None

    def request(self, client: Any, samverkan: Any, team_id: str, users: Iterable[str]) -> None:
        """Publish these people's Homes again: now, or once a second has passed since the last."""
        with self._cond:
            now = self._clock()
            for user in sorted(set(users)):
                key = (team_id, user)
                pending = self._pending.get(key)
                if pending is not None:
                    # The publish already waiting draws the newest state; the newest client
                    # carries the newest token.
                    pending.client, pending.samverkan = client, samverkan
                    continue
                last = self._started.get(key)
                at = now if last is None else max(now, last + self._interval)
                self._pending[key] = _Pending(client, samverkan, at)
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="home-tabs", daemon=True)
                self._thread.start()
            self._cond.notify_all()  # flush() may wait on the same condition

    def flush(self, timeout: float = 10) -> None:
        """Publish what is waiting now and wait for it (at shut-down)."""
        deadline = self._clock() + timeout
        with self._cond:
            for pending in self._pending.values():
                pending.at = min(pending.at, self._clock())
            self._cond.notify_all()
            while (self._pending or self._running) and self._clock() < deadline:
                if self._thread is None:
                    break
                self._cond.wait(max(deadline - self._clock(), 0))

    def _loop(self) -> None:
        while True:
            with self._cond:
                ready = self._take_ready()
                while not ready:
                    self._cond.wait(self._wait_time())
                    ready = self._take_ready()
            for key, pending in ready:
                run = self._runner(key, pending)
                try:
                    self._submit(run)
                except RuntimeError:  # the pool is shutting down: publish here instead
                    run()

    def _take_ready(self) -> list[tuple[Key, _Pending]]:
        now = self._clock()
        ready = [
            (key, p) for key, p in self._pending.items() if p.at <= now and key not in self._running
        ]
        for key, _ in ready:
            del self._pending[key]
            self._running.add(key)
            self._started[key] = now
        # Forget who has not been published for a while: their next publish is at once.
        for key in [k for k, at in self._started.items() if at + self._interval < now]:
            if key not in self._running:
                del self._started[key]
        return ready

    def _wait_time(self) -> float | None:
        waiting = [p.at for key, p in self._pending.items() if key not in self._running]
        if not waiting:
            return None  # until a request or a finished publish notifies
        return max(min(waiting) - self._clock(), 0.0)

    def _again(self, key: Key, failed: _Pending) -> None:
        """Publish once more after the interval, unless a newer request already waits."""
        with self._cond:
            if key not in self._pending:
                at = self._clock() + self._interval
                self._pending[key] = _Pending(
                    failed.client, failed.samverkan, at, failed=failed.failed + 1
                )

    def _runner(self, key: Key, pending: _Pending) -> Callable[[], None]:
        def run() -> None:
            try:
                self._publish(pending.client, pending.samverkan, *key)
            except (OSError, StoreError) as e:  # Slack or the database not there just now
                again = pending.failed < RETRIES
                log.warning(
                    "publishing the App Home of %s failed%s: %r",
                    key[1],
                    " (tried again in a second)" if again else "",
                    e,
                )
                if again:
                    self._again(key, pending)
            except Exception:  # this thread, or the pool's, must go on: logged, not raised
                log.exception("publishing the App Home of %s failed", key[1])
            finally:
                with self._cond:
                    self._running.discard(key)
                    self._cond.notify_all()

        run.__name__ = "publish_home"
        return run
