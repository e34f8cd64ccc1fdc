"""Slash-command latency: Samverkan in http mode against a bare default Bolt app, side by side.

Both run as their own processes on 127.0.0.1, served by the same WSGI server (waitress, 8
threads); the bare app uses Bolt's own WSGI adapter (slack_bolt.adapter.wsgi). Each request is
a signed slash command over a fresh HTTP connection, timed from sending the request to having
read the whole response. The two apps take turns (interleaved, alternating who goes first), so
both see the same machine load. A local Slack-compatible Web API server (tests/support) answers
the few Web API calls: our bot's auth.test at start and the scheduler's, and the one auth.test
the bare app makes lazily on its first request.

    python bench/latency.py [-n 200] [--warmup 30] [--check]

`--check` exits 1 when a median of ours is over half of the bare app's.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support.bot_process import BotProcess, free_port  # noqa: E402
from tests.support.fake_slack import FakeSlack  # noqa: E402
from tests.support.signed import get, sign, slash_command_body  # noqa: E402

SECRET = "bench-signing-secret"
CHANNEL = "C0PLAN"
USER = "U0COORD"
COMMANDS = {
    "log": "log A1 Walked the area with the housing company",
    "status": "status",
    "mine": "mine",
}


def serve_bare(port: int, api_url: str) -> None:
    """The bare default Bolt app: one command listener that acks with a text (subprocess)."""
    from slack_bolt import App
    from slack_bolt.adapter.wsgi import SlackRequestHandler
    from slack_sdk import WebClient
    from waitress import serve

    # Bolt's defaults, except that its one lazy auth.test goes to the local server, not Slack.
    app = App(
        client=WebClient(token="xoxb-bench", base_url=api_url),
        signing_secret=SECRET,
        token_verification_enabled=False,
    )

    @app.command("/samverkan")
    def handle(ack) -> None:
        ack("ok")

    serve(SlackRequestHandler(app), host="127.0.0.1", port=port, threads=8, _quiet=True)


def timed_post(port: int, text: str) -> float:
    """One signed slash command over a fresh connection; seconds until the response is read."""
    body = slash_command_body(text, user=USER, channel=CHANNEL)
    headers = sign(body, SECRET)
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
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


def wait_up(port: int, proc: subprocess.Popen | None = None, timeout: float = 20) -> None:
    """Wait until something answers HTTP on the port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError("the bare Bolt app exited")
        try:
            get(f"http://127.0.0.1:{port}/")
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing answers on port {port}")


def p99(values: list[float]) -> float:
    """The 99th percentile."""
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print medians, p99 and the ratio ours / bare."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200, help="requests per command and app")
    parser.add_argument("--warmup", type=int, default=30, help="untimed requests per app first")
    parser.add_argument("--check", action="store_true", help="fail unless ours ≤ half of bare")
    parser.add_argument(
        "--serve-bare", nargs=2, metavar=("PORT", "API_URL"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.serve_bare:
        serve_bare(int(args.serve_bare[0]), args.serve_bare[1])
        return 0

    with FakeSlack() as fake, tempfile.TemporaryDirectory() as tmp:
        fake.check_trigger_reuse = False
        ours = BotProcess("http", workdir=Path(tmp), api_url=fake.base_url, secret=SECRET)
        bare_port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
        bare = subprocess.Popen(
            [sys.executable, __file__, "--serve-bare", str(bare_port), fake.base_url],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            ours.start()
            wait_up(bare_port, bare)
            for text in (
                "setup Trygg i Husby",
                "org add Polisen police",
                "join Polisen",
                "activity add Trygga vägar",
                f"follow <@{USER}> Check the lamps by +3d",
                f"follow <@{USER}> Call the school by +5d",
            ):
                timed_post(ours.port, text)
            for _ in range(args.warmup):
                for text in COMMANDS.values():
                    timed_post(ours.port, text)
                    timed_post(bare_port, text)
            results: dict[str, dict[str, list[float]]] = {
                name: {"bare": [], "ours": []} for name in COMMANDS
            }
            for i in range(args.n):
                for name, text in COMMANDS.items():
                    order = [("bare", bare_port), ("ours", ours.port)]
                    if i % 2:
                        order.reverse()
                    for who, port in order:
                        results[name][who].append(timed_post(port, text))
        finally:
            ours.stop()
            bare.terminate()
            bare.wait(10)
    return report(results, args.n, args.check)


def report(results: dict[str, dict[str, list[float]]], n: int, check: bool) -> int:
    """Print the table; with `check`, fail when a ratio of medians is over 0.5."""
    print(f"Slash command latency over HTTP on loopback, {n} requests per command and app")
    print(f"Python {sys.version.split()[0]}, {sys.platform}")
    print()
    header = f"{'command':<8} {'bare median':>12} {'bare p99':>10} {'ours median':>12} {'ours p99':>10} {'ratio':>7}"
    print(header)
    print("-" * len(header))
    worst = 0.0
    for name, runs in results.items():
        b, o = runs["bare"], runs["ours"]
        ratio = statistics.median(o) / statistics.median(b)
        worst = max(worst, ratio)
        print(
            f"{name:<8} {statistics.median(b) * 1000:>9.2f} ms {p99(b) * 1000:>7.2f} ms "
            f"{statistics.median(o) * 1000:>9.2f} ms {p99(o) * 1000:>7.2f} ms {ratio:>7.2f}"
        )
    print()
    print(
        f"ratio = our median / the bare default Bolt app's median; goal ≤ 0.50 (worst {worst:.2f})"
    )
    return 1 if check and worst > 0.5 else 0


if __name__ == "__main__":
    sys.exit(main())
