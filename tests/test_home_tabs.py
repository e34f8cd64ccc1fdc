"""App Homes published again after changes (handlers/home_tabs.py): a burst is drawn once more
after it, each person's at most once per interval, never two of one person's at once."""

from __future__ import annotations

import itertools
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from handlers.home_tabs import HomeTabs

INTERVAL = 0.3


class Recorder:
    """A publish that records whose Home was drawn, from which change, when it started."""

    def __init__(self, seconds: float = 0.0) -> None:
        self.seconds = seconds
        self.state: dict[str, int] = {}
        self.published: list[tuple[str, int, float]] = []
        self.running: set[str] = set()
        self.overlaps = 0
        self.lock = threading.Lock()

    def __call__(self, client: object, samverkan: object, team_id: str, user: str) -> None:
        with self.lock:
            if user in self.running:
                self.overlaps += 1
            self.running.add(user)
            seen = self.state.get(user, 0)  # the view is drawn from the state at its start
            started = time.monotonic()
        time.sleep(self.seconds)
        with self.lock:
            self.running.discard(user)
            self.published.append((user, seen, started))

    def of(self, user: str) -> list[tuple[int, float]]:
        with self.lock:
            return [(seen, at) for who, seen, at in self.published if who == user]


@pytest.fixture
def pool():
    with ThreadPoolExecutor(max_workers=4) as executor:
        yield executor


def wait_until(condition, timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_single_change_is_published_at_once(pool) -> None:
    publish = Recorder()
    tabs = HomeTabs(publish, pool.submit, interval=60)  # "at once" is then anything under 5 s
    tabs.request("client", "samverkan", "T1", ["U1", "U2", "U1"])
    wait_until(lambda: len(publish.published) == 2)
    assert sorted(u for u, _, _ in publish.published) == ["U1", "U2"]


def test_a_burst_is_published_once_more_after_it_with_the_last_change(pool) -> None:
    publish = Recorder(seconds=0.02)
    tabs = HomeTabs(publish, pool.submit, interval=INTERVAL)
    began = time.monotonic()
    for change in range(1, 51):
        with publish.lock:
            publish.state["U1"] = change  # committed before the request, as after an ack
        tabs.request("client", "samverkan", "T1", ["U1"])
        time.sleep(0.005)
    burst = time.monotonic() - began
    wait_until(lambda: bool(publish.of("U1")) and publish.of("U1")[-1][0] == 50)
    time.sleep(INTERVAL * 2)
    shown = publish.of("U1")
    # The first at once, then one per interval while the burst lasts, and one after it.
    assert 2 <= len(shown) <= 2 + int(burst / INTERVAL), (shown, burst)
    assert shown[-1][0] == 50
    starts = [at for _, at in shown]
    assert all(b - a >= INTERVAL / 2 for a, b in itertools.pairwise(starts))  # pool delays
    assert publish.overlaps == 0


def test_one_persons_burst_does_not_delay_anothers_home(pool) -> None:
    publish = Recorder()
    tabs = HomeTabs(publish, pool.submit, interval=60)
    tabs.request("client", "samverkan", "T1", ["U1"])
    wait_until(lambda: len(publish.of("U1")) == 1)
    tabs.request("client", "samverkan", "T1", ["U1"])  # waits a minute
    tabs.request("client", "samverkan", "T1", ["U2"])
    tabs.request("client", "samverkan", "T2", ["U1"])  # another workspace's U1
    wait_until(lambda: len(publish.published) == 3)
    assert sorted(u for u, _, _ in publish.published[1:]) == ["U1", "U2"]
    time.sleep(0.2)
    assert len(publish.published) == 3  # T1's U1 still waits


def test_a_slow_publish_is_never_overtaken_by_the_next_of_the_same_person(pool) -> None:
    publish = Recorder(seconds=INTERVAL * 2)
    tabs = HomeTabs(publish, pool.submit, interval=INTERVAL / 3)
    tabs.request("client", "samverkan", "T1", ["U1"])
    wait_until(lambda: "U1" in publish.running)
    with publish.lock:
        publish.state["U1"] = 1
    tabs.request("client", "samverkan", "T1", ["U1"])
    wait_until(lambda: len(publish.of("U1")) == 2)
    assert [seen for seen, _ in publish.of("U1")] == [0, 1]
    assert publish.overlaps == 0


def test_flush_publishes_what_waits_at_once(pool) -> None:
    publish = Recorder()
    tabs = HomeTabs(publish, pool.submit, interval=60)
    tabs.request("client", "samverkan", "T1", ["U1"])
    wait_until(lambda: len(publish.published) == 1)
    with publish.lock:
        publish.state["U1"] = 7
    tabs.request("client", "samverkan", "T1", ["U1"])  # due in a minute
    started = time.monotonic()
    tabs.flush(timeout=5)
    assert time.monotonic() - started < 2
    assert [seen for seen, _ in publish.of("U1")] == [0, 7]


def test_the_newest_client_publishes(pool) -> None:
    clients: list[str] = []

    def publish(client: str, samverkan: object, team_id: str, user: str) -> None:
        clients.append(client)

    tabs = HomeTabs(publish, pool.submit, interval=INTERVAL)
    tabs.request("old token", "samverkan", "T1", ["U1"])
    wait_until(lambda: len(clients) == 1)
    tabs.request("old token", "samverkan", "T1", ["U1"])
    tabs.request("rotated token", "samverkan", "T1", ["U1"])
    wait_until(lambda: len(clients) == 2)
    assert clients == ["old token", "rotated token"]


def test_a_failing_publish_stops_nothing_after_it(pool) -> None:
    published: list[str] = []

    def publish(client: object, samverkan: object, team_id: str, user: str) -> None:
        if user == "U1":
            raise OSError("Slack did not answer")
        if user == "U2":
            raise ValueError("a bug")
        published.append(user)

    def refusing(run) -> None:
        raise RuntimeError("the pool takes nothing new")  # published on the Home thread

    for submit in (pool.submit, refusing):
        published.clear()
        tabs = HomeTabs(publish, submit, interval=60)
        tabs.request("client", "samverkan", "T1", ["U1", "U2"])
        tabs.request("client", "samverkan", "T1", ["U3"])
        wait_until(lambda: published == ["U3"])
        tabs.request("client", "samverkan", "T1", ["U4"])
        wait_until(lambda: published == ["U3", "U4"])


def test_shutdown_publishes_every_home_still_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """At shut-down: the work after the ack finishes, then the Homes it asked for and those
    waiting for their second are published, before the process may end."""
    from handlers import common

    published: list[str] = []
    monkeypatch.setattr(common, "publish_home", lambda c, s, team, user: published.append(user))
    monkeypatch.setattr(common, "_tabs", None)
    monkeypatch.setattr(common, "_executor", None)
    common.publish_homes("client", "samverkan", "T1", ["U1"])
    wait_until(lambda: published == ["U1"])
    common.publish_homes("client", "samverkan", "T1", ["U1"])  # waits for its second

    def queued_work() -> None:
        time.sleep(0.2)  # still running when the shut-down begins
        common.publish_homes("client", "samverkan", "T1", ["U2"])

    common.after_ack(queued_work)
    common.shutdown_after_ack()
    assert sorted(published) == ["U1", "U1", "U2"]
    common.after_ack(lambda: published.append("after"))  # a pool again, as at the start
    wait_until(lambda: "after" in published)
    common.shutdown_after_ack()


def test_a_publish_that_met_a_passing_fault_is_tried_again(pool) -> None:
    attempts: list[float] = []

    def publish(client: object, samverkan: object, team_id: str, user: str) -> None:
        attempts.append(time.monotonic())
        if len(attempts) < 3 or user == "U9":
            raise OSError("connection reset")

    tabs = HomeTabs(publish, pool.submit, interval=0.05)
    tabs.request("client", "samverkan", "T1", ["U1"])
    wait_until(lambda: len(attempts) == 3)  # failed twice, then published
    assert all(b - a >= 0.05 for a, b in itertools.pairwise(attempts))
    attempts.clear()
    tabs.request("client", "samverkan", "T1", ["U9"])  # fails every time: tried three times
    wait_until(lambda: len(attempts) == 3)
    time.sleep(0.3)
    assert len(attempts) == 3
