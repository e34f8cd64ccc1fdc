"""Speed at any size: Samverkan on 10 k and 1 M log entries, against a bare Bolt app, one run.

    python bench/scale.py [--runs 3] [-n 40] [--load-runs 3] [--duration 6] [--clients 16]

What it measures, each figure printed beside its goal (issue 13):

1. the search index migration (m014, which builds the whole index again, as m009 did first)
   on a copy of the 1 M database;
2. start to healthy of `bot.py http` on the 1 M database;
3. reply latency per command over signed HTTP, the two sizes interleaved request by request
   (median over runs of p50 at 1 M ÷ p50 at 10 k, and the same for p99);
4. throughput with concurrent clients (40 % log, 20 % status, 20 % mine, 10 % follow, 10 %
   search) on the 1 M database and the same clients against a bare default Bolt app
   (bench/latency.py's), in turn, round by round (the median of the rounds' ratios), with
   errors and p99;
5. the digest of the 300-activity / 2,000-entry plan built and drawn as Block Kit, and all the
   plans' digests, in process;
6. the bot's peak memory (VmHWM) after the load runs.

The databases are built through the storage layer and cached in bench/.cache (bench/scale_data.py);
each run works on copies. Not run by CI.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "bench"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import scale_data  # noqa: E402
from latency import SECRET, p99, wait_up  # noqa: E402

from blocks.kit import message_payload  # noqa: E402
from samverkan.digest import build_digest  # noqa: E402
from storage import Store  # noqa: E402
from tests.support.bot_process import BotProcess, free_port  # noqa: E402
from tests.support.fake_slack import FakeSlack  # noqa: E402
from tests.support.signed import sign, slash_command_body  # noqa: E402

CHANNEL = scale_data.channel(0)
USER = scale_data.USER
COMMANDS = {
    "help": "help",
    "search belysning": "search belysning",
    "history A1": "history A1",
    "status": "status",
    "digest preview": "digest preview",
    "log": "log A2 Walked the area with the housing company",
    "mine": "mine",
    "overdue": "overdue",
    "activity list": "activity list",
}
MIX = [
    ("log", 40, "log A3 Nattvandring vid torget"),
    ("status", 20, "status"),
    ("mine", 20, "mine"),
    ("follow", 10, "follow <@U0000P1> Ring skolan by +3d"),
    ("search", 10, "search belysning"),
]


def post(port: int, text: str) -> float:
    """One signed slash command from the benchmark's user in plan 0's channel; seconds."""
    body = slash_command_body(text, user=USER, channel=CHANNEL, team=scale_data.TEAM)
    headers = sign(body, SECRET)
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("POST", "/slack/events", body=body, headers=headers)
        response = conn.getresponse()
        response.read()
    finally:
        conn.close()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise RuntimeError(f"{text!r} on port {port}: HTTP {response.status}")
    return elapsed


def copy_db(src: Path, workdir: Path) -> Path:
    """A working copy of a cached database as workdir/samverkan.db."""
    workdir.mkdir(parents=True, exist_ok=True)
    dst = workdir / "samverkan.db"
    shutil.copyfile(src, dst)
    scale_data.settle(dst, datetime.now(UTC))
    return dst


def migration_seconds(src: Path, tmp: Path) -> float:
    """How long m014 (the whole search index built again) takes on a copy of the database."""
    path = copy_db(src, tmp / "migration")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DELETE FROM schema_migrations WHERE version = 14")
    conn.close()
    store = Store(path)
    started = time.perf_counter()
    applied = store.migrate()
    elapsed = time.perf_counter() - started
    store.close()
    assert applied == [14], applied
    return elapsed


def latency(ports: dict[str, int], runs: int, n: int) -> dict[str, list[tuple[float, ...]]]:
    """Per command, per run: p50 and p99 ratios of 1 M over 10 k, p50 at 10 k, p50 and p99 at
    1 M (interleaved request by request)."""
    out: dict[str, list[tuple[float, ...]]] = {name: [] for name in COMMANDS}
    for _run in range(runs):
        times = {name: {size: [] for size in ports} for name in COMMANDS}
        for i in range(n):
            for name, text in COMMANDS.items():
                order = list(ports.items())
                if i % 2:
                    order.reverse()
                for size, port in order:
                    times[name][size].append(post(port, text))
        for name, by_size in times.items():
            big, small = by_size["1M"], by_size["10k"]
            out[name].append(
                (
                    statistics.median(big) / statistics.median(small),
                    p99(big) / p99(small),
                    statistics.median(small),
                    statistics.median(big),
                    p99(big),
                )
            )
    return out


def load(port: int, clients: int, seconds: float) -> tuple[float, int, float]:
    """Commands per second, errors and p99 with `clients` concurrent clients for `seconds`."""
    weights = [w for _, w, _ in MIX]
    texts = [t for _, _, t in MIX]
    stop = time.monotonic() + seconds
    done: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def client(seed: int) -> None:
        rnd = random.Random(seed)
        mine: list[float] = []
        bad = 0
        while time.monotonic() < stop:
            text = rnd.choices(texts, weights)[0]
            try:
                mine.append(post(port, text))
            except Exception:
                bad += 1
        with lock:
            done.extend(mine)
            errors[0] += bad

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.monotonic() - started
    return len(done) / elapsed, errors[0], p99(done) if len(done) > 1 else 0.0


def digests(path: Path) -> tuple[float, float, int]:
    """The big plan's digest built and drawn (median of 20, seconds), all digests (seconds)."""
    store = Store(path)
    now = datetime.now(UTC)
    with store.read() as tx:
        plans = tx.plans.all()
    big = next(p for p in plans if p.channel_id == scale_data.DIGEST_CHANNEL)

    def one(plan_id: int) -> None:
        with store.read() as tx:
            plan = tx.plans.get(plan_id)
            assert plan is not None
            message_payload(build_digest(tx, plan, now, "/samverkan"))

    one(big.id)
    times = []
    for _ in range(20):
        started = time.perf_counter()
        one(big.id)
        times.append(time.perf_counter() - started)
    started = time.perf_counter()
    for plan in plans:
        one(plan.id)
    every = time.perf_counter() - started
    store.close()
    return statistics.median(times), every, len(plans)


def peak_mb(pid: int) -> float:
    """A process's peak resident memory (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def children(pid: int) -> list[int]:
    """The worker processes of a bot (Linux /proc)."""
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(c) for c in (task / "children").read_text().split()]
    return out


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the databases, measure, print every figure beside its goal."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="latency runs (median of their ratios)")
    parser.add_argument("-n", type=int, default=40, help="requests per command, size and run")
    parser.add_argument("--duration", type=float, default=6, help="seconds of each load run")
    parser.add_argument(
        "--load-runs", type=int, default=3, help="load rounds of ours and the bare app, in turn"
    )
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument(
        "--workers", type=int, default=2, help="SAMVERKAN_WORKERS of both bots (processes)"
    )
    args = parser.parse_args(argv)

    today = date.today()
    print("Building or reusing the databases (bench/.cache) …", flush=True)
    small_db, big_db = scale_data.cached(10_000, today), scale_data.cached(1_000_000, today)
    load_avg = os.getloadavg()
    ok_all = True
    with tempfile.TemporaryDirectory() as tmp_name, FakeSlack() as fake:
        tmp = Path(tmp_name)
        fake.check_trigger_reuse = False
        migration = migration_seconds(big_db, tmp)
        bots = {}
        for size, src in (("10k", small_db), ("1M", big_db)):
            copy_db(src, tmp / size)
            bots[size] = BotProcess(
                "http",
                workdir=tmp / size,
                api_url=fake.base_url,
                secret=SECRET,
                extra_env={"SAMVERKAN_WORKERS": str(args.workers)},
            )
        started = time.perf_counter()
        bots["1M"].start()
        healthy = time.perf_counter() - started
        bots["10k"].start()
        bare_port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
        bare = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "bench" / "latency.py"),
                "--serve-bare",
                str(bare_port),
                fake.base_url,
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_up(bare_port, bare)
            ports = {size: bot.port for size, bot in bots.items()}
            for _ in range(10):  # warm up
                for text in COMMANDS.values():
                    for port in ports.values():
                        post(port, text)
            lat = latency(ports, args.runs, args.n)
            # Ours and the bare app take turns, so that both see the machine as it is then;
            # the ratio is the median of the rounds' ratios.
            rounds = []
            for _ in range(args.load_runs):
                rounds.append(
                    (
                        load(ports["1M"], args.clients, args.duration),
                        load(bare_port, args.clients, args.duration),
                    )
                )
            assert bots["1M"].proc is not None
            pids = [bots["1M"].proc.pid, *children(bots["1M"].proc.pid)]
            memory = [peak_mb(pid) for pid in pids]
        finally:
            for bot in bots.values():
                bot.stop()
            bare.terminate()
            bare.wait(10)
        digest_one, digest_all, n_plans = digests(tmp / "1M" / "samverkan.db")

    print()
    end_avg = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average at start "
        f"{load_avg[0]:.2f} {load_avg[1]:.2f} {load_avg[2]:.2f}, at the end {end_avg}; "
        f"bots with SAMVERKAN_WORKERS={args.workers}"
    )
    print(f"m014 (the search index built again) on 1 M entries: {migration:.1f} s")
    ok = healthy <= 1.0
    ok_all &= ok
    print(f"start to healthy at 1 M: {healthy:.2f} s (goal ≤ 1 s: {verdict(ok)})")
    print()
    print(
        f"Latency, {args.runs} runs × {args.n} requests per command and size "
        "(median over runs of the ratio 1 M ÷ 10 k)"
    )
    head = f"{'command':<17} {'p50 10k':>9} {'p50 1M':>9} {'p99 1M':>9} {'p50 ratio':>10} {'p99 ratio':>10}"
    print(head)
    print("-" * len(head))
    for name, rows in lat.items():
        r50 = statistics.median(r[0] for r in rows)
        r99 = statistics.median(r[1] for r in rows)
        small = statistics.median(r[2] for r in rows) * 1000
        big = statistics.median(r[3] for r in rows) * 1000
        big99 = statistics.median(r[4] for r in rows) * 1000
        mark = "" if name == "help" else ("" if r50 <= 1.2 and r99 <= 2 else "  NOT met")
        if name != "help":
            ok_all &= r50 <= 1.2 and r99 <= 2
        print(
            f"{name:<17} {small:>6.2f} ms {big:>6.2f} ms {big99:>6.2f} ms {r50:>10.2f} "
            f"{r99:>10.2f}{mark}"
        )
    print("goal: p50 ratio ≤ 1.2 and p99 ratio ≤ 2 for every command (help is the control)")
    print()
    ratios = [o[0] / b[0] for o, b in rounds]
    ratio = statistics.median(ratios)
    ours_errors, ours_p99 = sum(o[1] for o, _ in rounds), max(o[2] for o, _ in rounds)
    ok = ratio >= 0.5 and ours_errors == 0 and ours_p99 < 3
    ok_all &= ok
    print(
        f"Throughput, {args.clients} clients on 1 M (40 % log, 20 % status, 20 % mine, "
        f"10 % follow, 10 % search), {args.load_runs} rounds of {args.duration:.0f} s each, "
        "ours and the bare app in turn"
    )
    print(
        f"  ours: {statistics.median(o[0] for o, _ in rounds):.0f} commands/s (median), "
        f"{ours_errors} errors, p99 {ours_p99 * 1000:.0f} ms (worst round)"
    )
    print(
        f"  bare default Bolt app: {statistics.median(b[0] for _, b in rounds):.0f} commands/s, "
        f"{sum(b[1] for _, b in rounds)} errors, p99 {max(b[2] for _, b in rounds) * 1000:.0f} ms"
    )
    each = ", ".join(f"{r:.2f}" for r in ratios)
    print(
        f"  ratio {ratio:.2f}, the median of {each} "
        f"(goal ≥ 0.5, zero errors, p99 < 3 s: {verdict(ok)}; stretch ≥ 1)"
    )
    print()
    ok1, ok2 = digest_one <= 0.025, digest_all <= 2
    ok_all &= ok1 and ok2
    print(
        f"Digest of 300 activities / 2,000 entries in the week: {digest_one * 1000:.1f} ms "
        f"(goal ≤ 25 ms: {verdict(ok1)})"
    )
    print(f"All {n_plans} digests: {digest_all:.2f} s (goal ≤ 2 s: {verdict(ok2)})")
    ok = max(memory) <= 100
    ok_all &= ok
    each = " + ".join(f"{m:.0f}" for m in memory)
    print(
        f"Peak memory of the bot after the load run, per process: {each} MB "
        f"(goal ≤ 100 MB a process: {verdict(ok)})"
    )
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
