"""Samverkan's entry point: settings → storage → domain → app → scheduler → mode."""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from config import TEXT_LOG_FORMAT, ConfigError, Settings, configure_logging
from samverkan.service import Samverkan
from storage import Store, StoreError
from storage.store import BackupRefused

if TYPE_CHECKING:
    from slack_sdk import WebClient

    from schedules import Scheduler
    from slackapi.installs import TeamClients


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: a mode and its options."""
    p = argparse.ArgumentParser(prog="bot.py", description="Samverkan, the plan bot.")
    p.add_argument(
        "mode",
        nargs="?",
        choices=["console", "demo", "socket", "http", "backup"],
        help="default: from the environment (console when no Slack tokens are set)",
    )
    p.add_argument("target", nargs="?", help="backup: the file to write")
    p.add_argument("--as", dest="user", default=None, help="console: who you are")
    p.add_argument("--channel", default=None, help="console: which channel you are in")
    p.add_argument("-c", dest="command", default=None, help="console: run one command and exit")
    p.add_argument("--demo", action="store_true", help="console: load the example plan first")
    p.add_argument("--db", default=None, help="the SQLite file (default $SAMVERKAN_DB)")
    return p.parse_args(argv)


def run_console(
    samverkan: Samverkan, store: Store, settings: Settings, args: argparse.Namespace
) -> int:
    """Console mode: a terminal session, a pipe, or one command with -c."""
    from console.session import pipe_closed

    try:
        return _console(samverkan, store, settings, args)
    except BrokenPipeError:
        pipe_closed(sys.stdout)
        return 0


def _console(
    samverkan: Samverkan, store: Store, settings: Settings, args: argparse.Namespace
) -> int:
    from console import Console
    from console.demo import DEMO_CHANNEL, DEMO_COORDINATOR, load_demo

    demo = args.mode == "demo" or args.demo
    if demo and load_demo(store, datetime.now(UTC), language=settings.language):
        print("Loaded the example plan “Trygg i Husby 2026” into #" + DEMO_CHANNEL + ".\n")
    user = args.user or (DEMO_COORDINATOR if demo else "you")
    channel = (args.channel or (DEMO_CHANNEL if demo else "samverkan")).lstrip("#")
    session = Console(samverkan, user=user.lstrip("@"), channel=channel)
    if args.command is not None:
        session.handle(args.command)
    elif sys.stdin.isatty():
        session.interactive()
    else:
        session.run_lines(sys.stdin, echo=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Start the bot in the mode asked for."""
    logging.basicConfig(level=logging.INFO, format=TEXT_LOG_FORMAT)
    args = parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as e:
        print(f"bot.py: {e}", file=sys.stderr)
        return 2
    configure_logging(settings.log_format)
    store = Store(args.db or settings.db)
    if args.mode == "backup":
        return run_backup(store, args.target)
    # Checked before anything touches the file: a damaged or unwritable database is refused.
    problem = store.problem_at_start()
    if problem is not None:
        print(f"bot.py: {problem}", file=sys.stderr)
        return 2
    try:
        store.migrate()
    except StoreError as e:
        print(f"bot.py: cannot prepare the database: {e}", file=sys.stderr)
        return 2
    samverkan = Samverkan(
        store,
        default_language=settings.language,
        default_timezone=settings.timezone,
        command=settings.command,
    )
    mode = args.mode or settings.mode()
    if mode in ("console", "demo"):
        from console.session import quiet_logging

        quiet_logging()
        return run_console(samverkan, store, settings, args)
    return run_slack(samverkan, store, settings, mode)


def run_backup(store: Store, target: str | None) -> int:
    """`bot.py backup FILE`: an online copy of the database; one line either way."""
    if not target:
        print("usage: bot.py backup <file> [--db <database>]", file=sys.stderr)
        return 2
    try:
        store.backup(target)
    except (BackupRefused, StoreError) as e:
        print(f"bot.py backup: {e}", file=sys.stderr)
        return 2
    print(f"Backed up {store.path} to {target}")
    return 0


def run_slack(samverkan: Samverkan, store: Store, settings: Settings, mode: str) -> int:
    """Slack mode (socket or http): the Bolt app, the scheduler, then serve until stopped."""
    from slack_bolt.error import BoltError

    from handlers.app import build_app, clients_of
    from serve import missing_settings, serve

    missing = missing_settings(settings, mode)
    if missing:
        print(f"{mode} mode needs {' and '.join(missing)} (see README).", file=sys.stderr)
        return 2
    try:
        app = build_app(samverkan, settings, mode)
    except BoltError as e:
        print(f"bot.py: Slack refused the bot token at start: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        # Nothing is served or scheduled without Slack; start again once it can be reached.
        where = settings.api_url or "https://slack.com/api/"
        print(f"bot.py: Slack API at {where} unreachable: {_reason(e)}", file=sys.stderr)
        return 2
    sockets, workers = None, []
    if mode == "http" and settings.workers > 1:
        from serve.workers import bind, fork_workers

        sockets = [bind(settings.host, settings.port)]
        store.close()  # no connection crosses the fork: each process opens its own

        def worker() -> int:
            return serve(build_app(samverkan, settings, mode), store, settings, mode, sockets)

        # Before any thread starts here: the scheduler (and its poll, which also picks up the
        # schedules the workers change) runs in this process only.
        workers = fork_workers(settings.workers - 1, worker)
    # After the fork (no thread may cross it): a file too large to check whole before the
    # start is checked beside the serving.
    store.check_fully_later()
    stop = threading.Event()
    scheduler = start_scheduler(
        samverkan, clients_of(app, settings, samverkan), settings.schedule_poll, stop, settings
    )
    try:
        return serve(app, store, settings, mode, sockets)
    finally:
        stop.set()
        scheduler.shutdown()
        if workers:
            from serve.workers import stop_workers

            stop_workers(workers)


def _reason(e: OSError) -> str:
    reason = getattr(e, "reason", None)
    return str(reason or e)


def start_scheduler(
    samverkan: Samverkan,
    client: WebClient | TeamClients,
    poll_seconds: float = 30.0,
    stop: threading.Event | None = None,
    settings: Settings | None = None,
) -> Scheduler:
    """The one scheduler of this process: weekly digests and reminders (schedules/).

    Exactly one process per database runs it: when another one holds the database's schedule
    lock, this process serves Slack without schedules (and logs why), and tries again every
    `poll_seconds` until `stop` is set, so it takes over when the other process ends.
    """
    from schedules import Scheduler
    from schedules.upkeep import Backups

    backups = None
    if settings is not None and settings.backup_dir:
        backups = Backups(settings.backup_dir, settings.backup_keep)
    scheduler = Scheduler(samverkan, client, poll_seconds=poll_seconds, backups=backups)
    if scheduler.start():
        samverkan.schedule_listeners.append(scheduler.reschedule)
    elif stop is not None:
        threading.Thread(
            target=_stand_by,
            args=(samverkan, scheduler, poll_seconds, stop),
            name="schedules-standby",
            daemon=True,
        ).start()
    return scheduler


def _stand_by(
    samverkan: Samverkan, scheduler: Scheduler, every: float, stop: threading.Event
) -> None:
    """Take the schedules over once the process that ran them has let go of the lock."""
    from schedules.scheduler import DatabaseLock

    while not stop.wait(every):
        probe = DatabaseLock(samverkan.store.path)
        if not probe.acquire():
            continue  # still taken
        probe.release()
        try:
            started = scheduler.start()
        except Exception as e:  # a failed start leaves nothing running; try again later
            logging.getLogger("samverkan").warning("schedules could not start: %r", e)
            continue
        if started:
            logging.getLogger("samverkan").info(
                "took over the schedules of %s", samverkan.store.path
            )
            samverkan.schedule_listeners.append(scheduler.reschedule)
            return


if __name__ == "__main__":
    sys.exit(main())
