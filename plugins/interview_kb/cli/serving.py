"""``interview-kb serve``: MkDocs' development server on the notebook, with
live reload, at 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import gc
import ipaddress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..reader.mkdocs_yml import configured_dev_addr
from .app import BadInput, config_option, find_config, main

DEFAULT_ADDRESS = "127.0.0.1:8000"
# The server learns of a save from the system's change notifications
# (inotify on Linux, FSEvents on macOS), at once; where they do not come (a
# network drive, a Windows folder under WSL) it looks for changed files this
# often, with --poll or when notifications cannot be set up (MkDocs: every
# 0.5 s). A look at a 1,000-note notebook takes about 11 ms, some 5% of a core.
POLLING_SECONDS = 0.2
QUIET_SECONDS = 0.05
# Python's collector looks through every live object at its full collections,
# and a build makes millions of short-lived ones: collecting less often saves
# about a tenth of a rebuild (1.24 s to 1.11 s, a role edited in 200 notes).
COLLECTOR_THRESHOLDS = (50_000, 50, 100)


@dataclass(frozen=True)
class Address:
    """Where the server listens: a host (an IP address or ``localhost``) and a port."""

    host: str
    port: int

    @property
    def text(self) -> str:
        """``HOST:PORT`` as MkDocs' ``dev_addr`` takes it (IPv6 in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def private(self) -> bool:
        """True when only this machine can reach the address (a loopback one)."""
        return self.host == "localhost" or ipaddress.ip_address(self.host).is_loopback


def parse_address(text: str, where: str) -> Address:
    """``HOST:PORT`` read as MkDocs reads ``dev_addr``; a ``BadInput`` naming
    ``where`` (the option or the file) and the fix when it is not one."""
    fix = f"{where}: '{text}' is not HOST:PORT; write for example {DEFAULT_ADDRESS}"
    host, colon, port_text = text.rpartition(":")
    if not colon or not host:
        raise BadInput(fix)
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if host != "localhost":
        try:
            host = str(ipaddress.ip_address(host))
        except ValueError:
            raise BadInput(f"{fix} ('{host}' is not an IP address or localhost)") from None
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise BadInput(f"{fix} (the port is a number from 1 to 65535)")
    return Address(host, int(port_text))


def exposure_warning(address: Address) -> str | None:
    """The warning to print before serving at ``address``, or None for a loopback one."""
    if address.private:
        return None
    return (
        f"Warning: serving at {address.text}, not on 127.0.0.1: other machines on the "
        "network can reach this notebook, its private pages included (contacts, "
        "interviews, follow-ups). Use --dev-addr 127.0.0.1:PORT to keep it to this machine."
    )


@main.command()
@config_option
@click.option(
    "--dev-addr",
    "dev_addr",
    metavar="HOST:PORT",
    help=f"Where to serve: mkdocs.yml's dev_addr if it has one, else {DEFAULT_ADDRESS}.",
)
@click.option(
    "--poll",
    is_flag=True,
    help=f"Look for changed files every {POLLING_SECONDS} s instead of waiting for the "
    "system to tell of them: for a notebook on a network drive, or in a Windows "
    "folder under WSL, where a save may go unnoticed.",
)
def serve(config_file: str, dev_addr: str | None, poll: bool) -> None:
    """Serve the notebook at http://127.0.0.1:8000 and reload the open page on every save.

    The way to browse a notebook while writing it: `mkdocs serve` with live
    reload, bound to this machine unless --dev-addr says otherwise. After a
    save, only the pages the edit changed are made again. Stop it with Ctrl-C.
    """
    path = find_config(config_file)
    if not path.is_file():
        raise click.UsageError(
            f"{config_file} not found here or in any folder above: run this in a notebook "
            "folder, or pass --config PATH"
        )
    if dev_addr is not None:
        address = parse_address(dev_addr, "--dev-addr")
    else:
        configured = configured_dev_addr(path)
        where = f"{path}: dev_addr"
        address = parse_address(configured or DEFAULT_ADDRESS, where)
    warning = exposure_warning(address)
    if warning:
        click.secho(warning, err=True, fg="yellow")
    from mkdocs.__main__ import cli as mkdocs_cli

    notified = not poll and notifications_work(path.parent)
    if not poll and not notified:
        click.secho(
            f"This system does not tell of changed files in {path.parent}: looking for "
            f"them every {POLLING_SECONDS} s instead.",
            err=True,
        )
    _watch_with(notified, POLLING_SECONDS)
    gc.set_threshold(*COLLECTOR_THRESHOLDS)

    # MkDocs' own command, so that its log, its warnings and Ctrl-C behave as
    # under `mkdocs serve`; --livereload is given, not left to its default.
    # --dirty: MkDocs does not empty the site folder before each rebuild, and
    # the plugin redoes only what an edit changed (plugin_rebuilds), exactly:
    # the site after a rebuild is the site a full build makes.
    mkdocs_cli.main(
        args=[
            "serve",
            "--livereload",
            "--dirty",
            "--dev-addr",
            address.text,
            "--config-file",
            str(path),
        ],
        prog_name="interview-kb serve",
    )


def notifications_work(folder: Path) -> bool:
    """Whether the system's change notifications can watch ``folder`` (a watch
    is set up and taken down again): not when its limit of watches is reached,
    or where the platform has none."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    observer = Observer()
    try:
        observer.schedule(FileSystemEventHandler(), str(folder), recursive=True)
        observer.start()
    except OSError:
        return False
    finally:
        if observer.is_alive():
            observer.stop()
            observer.join()
    return True


def _changes_observer() -> Any:
    """The system's observer (``watchdog``), told only of files written,
    created, moved or deleted: MkDocs rebuilds on any event it hears of, and a
    build opens and reads the notes, which would start the next one at once."""
    from watchdog.events import (
        FileAttribEvent,
        FileClosedEvent,
        FileCreatedEvent,
        FileDeletedEvent,
        FileModifiedEvent,
        FileMovedEvent,
        FileSystemEvent,
    )
    from watchdog.observers import Observer

    changes: list[type[FileSystemEvent]] = [
        FileCreatedEvent,
        FileModifiedEvent,
        FileMovedEvent,
        FileDeletedEvent,
        FileClosedEvent,  # closed after a write
        FileAttribEvent,  # touched
    ]

    class Changes(Observer):  # type: ignore[misc,valid-type]
        def schedule(self, *args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("event_filter", changes)
            return super().schedule(*args, **kwargs)

    return Changes()


def _watch_with(notified: bool, seconds: float) -> None:
    """Make the server that MkDocs' serve command starts in this process learn
    of changed files from the system's notifications when ``notified``, else
    by looking for them every ``seconds`` (MkDocs' server always polls, every
    0.5 s, and gives no option for either)."""
    from mkdocs.commands import serve as serve_command
    from mkdocs.livereload import LiveReloadServer

    class Watching(LiveReloadServer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("polling_interval", seconds)
            super().__init__(*args, **kwargs)
            if notified:  # before any watch is scheduled (MkDocs' serve does that next)
                setattr(self, "observer", _changes_observer())  # noqa: B010  (MkDocs types it as its poller)
                # A save comes as a burst of events a few milliseconds long: the
                # rebuild starts once none came for this long (MkDocs: 0.1 s).
                self.build_delay = QUIET_SECONDS

    setattr(serve_command, "LiveReloadServer", Watching)  # noqa: B010
