"""The local console: the whole command set in a terminal, as a local user in a local channel."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from blocks.text import render
from samverkan.i18n import t
from samverkan.service import Context, Samverkan

TEAM = "TLOCAL"
_AT_NAME = re.compile(r"(?<![<\w@])@([\w.\-]+)")


def to_command_text(line: str, command: str) -> str:
    """What Slack would send as `text`: no slash command, `@name` as a mention."""
    line = line.strip()
    for prefix in (command, "/samverkan"):
        if line.startswith(prefix + " ") or line == prefix:
            line = line[len(prefix) :].strip()
            break
    return _AT_NAME.sub(lambda m: f"<@{m.group(1)}>", line)


class OneLineFormatter(logging.Formatter):
    """A log record as one line, without a traceback: the console's user sees the domain's
    own "something went wrong" reply; the kind of failure is enough on stderr."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            # The type only: an exception's text may hold what someone typed.
            message += f" ({type(record.exc_info[1]).__name__})"
        return f"{record.levelname.lower()}: {message}".replace("\n", " ")


def quiet_logging() -> None:
    """Console mode's logging: warnings and errors, one line each, no tracebacks (the http and
    socket modes keep full tracebacks)."""
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
    for handler in root.handlers:
        handler.setFormatter(OneLineFormatter())


def pipe_closed(stream: TextIO) -> None:
    """The reader of our output went away (`bot.py … | head`): send the rest nowhere, so
    neither this nor the flush at exit ends in a BrokenPipeError traceback."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())


class Console:
    """A console session: who you are, where you are, and the app to ask."""

    def __init__(
        self,
        app: Samverkan,
        user: str = "you",
        channel: str = "samverkan",
        out: TextIO | None = None,
        color: bool | None = None,
        folder: Path | None = None,
    ) -> None:
        self.app = app
        #: Where files the bot sends (an export) are written; the working folder by default.
        self.folder = folder
        self.user = user
        self.channel = channel
        self.out = out or sys.stdout
        self.color = self.out.isatty() if color is None else color

    @property
    def prompt(self) -> str:
        """The prompt: user and channel."""
        return f"{self.user}@#{self.channel}> "

    def ctx(self) -> Context:
        """The request context of the current user and channel."""
        return Context(TEAM, self.channel, self.user, surface="console")

    def handle(self, line: str) -> bool:
        """Run one input line; False when the session should end."""
        line = line.strip()
        if not line or line.startswith("#"):
            return True
        if line in (":quit", ":q", "exit", "quit"):
            return False
        if line.startswith(":as "):
            self.user = line[4:].strip().lstrip("@") or self.user
            return True
        if line.startswith(":channel "):
            self.channel = line[9:].strip().lstrip("#") or self.channel
            return True
        reply = self.app.run(self.ctx(), to_command_text(line, self.app.command))
        where = "" if reply.visibility == "channel" else " (only you)"
        tag = f"[#{self.channel}{where}]"
        self.out.write(tag + "\n" + render(reply, color=self.color) + "\n\n")
        for file in reply.files:
            path = (self.folder or Path.cwd()) / file.name
            path.write_bytes(file.data())
            self.out.write(t(reply.lang, "export.saved", path=str(path)) + "\n\n")
        for effect in reply.effects:
            # What the bot would send as direct messages in Slack.
            if effect.kind == "direct_message" and effect.message is not None:
                for user in sorted(effect.users):
                    text = render(effect.message, color=self.color)
                    self.out.write(f"[direct message to @{user}]\n{text}\n\n")
        self.out.flush()
        return True

    def run_lines(self, lines: Iterable[str], echo: bool) -> None:
        """Run lines from a pipe or a script, echoing each as a transcript."""
        for line in lines:
            if echo and line.strip() and not line.strip().startswith("#"):
                self.out.write(self.prompt + line.strip() + "\n")
            if not self.handle(line):
                break

    def interactive(self) -> None:
        """Read commands from the terminal until end of input."""
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (line editing and history when available)
        self.out.write(
            "Samverkan console. Type `help`, `:as NAME` to switch user, "
            "`:channel NAME` to switch channel, `:quit` to leave.\n\n"
        )
        while True:
            try:
                line = input(self.prompt)
            except (EOFError, KeyboardInterrupt):
                self.out.write("\n")
                return
            if not self.handle(line):
                return
