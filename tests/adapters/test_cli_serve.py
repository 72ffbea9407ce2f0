"""``interview-kb serve``: where it listens, what it says, and that it serves with live reload."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_kb.cli import main, serving
from interview_kb.cli.app import BadInput
from interview_kb.cli.serving import Address, exposure_warning, parse_address

from ..conftest import WriteNotebook

NOTES = {"contacts/jane-doe.md": "---\nname: Jane Doe\nrole: UX Researcher\n---\nNotes.\n"}


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("127.0.0.1:8000", Address("127.0.0.1", 8000)),
        ("localhost:9000", Address("localhost", 9000)),
        ("[::1]:8001", Address("::1", 8001)),
        ("0.0.0.0:8000", Address("0.0.0.0", 8000)),
    ],
)
def test_addresses_read_as_mkdocs_reads_dev_addr(text: str, address: Address) -> None:
    assert parse_address(text, "--dev-addr") == address
    assert parse_address(address.text, "--dev-addr") == address


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("8000", "is not HOST:PORT"),
        (":8000", "is not HOST:PORT"),
        ("example.org:8000", "'example.org' is not an IP address or localhost"),
        ("127.0.0.1:http", "the port is a number"),
        ("127.0.0.1:70000", "the port is a number"),
    ],
)
def test_a_bad_address_is_named_with_the_fix(text: str, why: str) -> None:
    with pytest.raises(BadInput) as raised:
        parse_address(text, "--dev-addr")
    message = str(raised.value)
    assert message.startswith(f"--dev-addr: '{text}'")
    assert why in message
    assert "127.0.0.1:8000" in message


def test_only_other_interfaces_than_loopback_are_warned_about() -> None:
    for private in ("127.0.0.1", "127.0.0.2", "::1", "localhost"):
        assert exposure_warning(Address(private, 8000)) is None
    for shared in ("0.0.0.0", "::", "192.168.1.20"):
        warning = exposure_warning(Address(shared, 8000))
        assert warning is not None
        assert "private pages" in warning
        assert "--dev-addr 127.0.0.1:PORT" in warning


def test_a_bad_dev_addr_stops_before_serving(write_notebook: WriteNotebook) -> None:
    root = write_notebook(NOTES)
    result = CliRunner().invoke(
        main, ["serve", "--config", str(root / "mkdocs.yml"), "--dev-addr", "8000"]
    )
    assert result.exit_code == 2
    assert "--dev-addr: '8000' is not HOST:PORT" in result.output


def test_a_bad_dev_addr_in_mkdocs_yml_names_the_file(write_notebook: WriteNotebook) -> None:
    root = write_notebook(NOTES)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text() + "dev_addr: 'here:8000'\n")
    result = CliRunner().invoke(main, ["serve", "--config", str(config)])
    assert result.exit_code == 2
    assert f"{config}: dev_addr: 'here:8000' is not HOST:PORT" in result.output


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def test_serve_serves_the_notebook_with_live_reload(
    write_notebook: WriteNotebook, tmp_path: Path
) -> None:
    root = write_notebook(NOTES)
    port = free_port()
    log = tmp_path / "serve.log"
    # mkdocs.yml's address is used when --dev-addr is not given.
    config = root / "mkdocs.yml"
    config.write_text(config.read_text() + f"dev_addr: 127.0.0.1:{port}\n")
    command = [sys.executable, "-c", "from interview_kb.cli import main; main()", "serve"]
    before = {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    with log.open("wb") as out:
        server = subprocess.Popen(
            command,
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}/contacts/jane-doe/"
        page = None
        deadline = time.monotonic() + 60
        while page is None and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.2)
            page = fetch(url)
        assert page is not None, log.read_text(errors="replace")
        assert "UX Researcher" in page
        assert "livereload" in page  # the script that reloads the page on a change
    finally:
        server.terminate()
        server.wait(timeout=20)
    # The site is built in a folder of MkDocs' own: the notebook is as it was.
    assert {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()} == before
    text = log.read_text(errors="replace")
    assert f"Serving on http://127.0.0.1:{port}/" in text
    assert "Warning: serving at" not in text


def test_another_interface_is_warned_about_before_mkdocs_starts(
    write_notebook: WriteNotebook,
) -> None:
    # A config MkDocs refuses (no site_name): the warning comes first, and
    # MkDocs' own error ends the command before anything listens.
    root = write_notebook({**NOTES, "mkdocs.yml": "plugins:\n  - interview-kb\n"})
    result = CliRunner().invoke(
        main,
        ["serve", "--config", str(root / "mkdocs.yml"), "--dev-addr", "0.0.0.0:8000"],
    )
    assert result.exit_code != 0
    assert result.output.startswith("Warning: serving at 0.0.0.0:8000, not on 127.0.0.1")
    assert "private pages" in result.output


@pytest.mark.parametrize("flags", [[], ["--poll"]], ids=["notified", "polling"])
def test_a_save_shows_on_the_served_page(
    write_notebook: WriteNotebook, tmp_path: Path, flags: list[str]
) -> None:
    # Told by the system's notifications (inotify here), or by looking every 0.2 s.
    root = write_notebook(NOTES)
    port = free_port()
    log = tmp_path / "serve.log"
    command = [sys.executable, "-c", "from interview_kb.cli import main; main()", "serve"]
    with log.open("wb") as out:
        server = subprocess.Popen(
            [*command, *flags, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )

    def page_with(text: str) -> bool:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            page = fetch(f"http://127.0.0.1:{port}/contacts/jane-doe/")
            if page is not None and text in page:
                return True
            time.sleep(0.1)
        return False

    def rebuilds() -> int:
        return log.read_text(errors="replace").count("Detected file changes")

    try:
        assert page_with("UX Researcher"), log.read_text(errors="replace")
        # A build reads the notes: reading is no change, and starts no rebuild.
        time.sleep(2)
        assert rebuilds() == 0, log.read_text(errors="replace")
        note = root / "contacts/jane-doe.md"
        note.write_text(note.read_text().replace("UX Researcher", "Design Lead"))
        assert page_with("Design Lead"), log.read_text(errors="replace")
        time.sleep(2)
        assert rebuilds() == 1, log.read_text(errors="replace")  # one save, one rebuild
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert "does not tell of changed files" not in log.read_text(errors="replace")


def test_polling_when_notifications_cannot_be_set_up(
    write_notebook: WriteNotebook, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import watchdog.observers
    from mkdocs.commands import serve as serve_command
    from watchdog.observers.polling import PollingObserver

    assert serving.notifications_work(tmp_path)  # inotify, on the machines that run these

    class Refused(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
        def start(self) -> None:
            raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watchdog.observers, "Observer", Refused)
    assert not serving.notifications_work(tmp_path)
    # The warning comes before MkDocs starts (here it refuses the config at once).
    monkeypatch.setattr(serve_command, "LiveReloadServer", serve_command.LiveReloadServer)
    root = write_notebook({**NOTES, "mkdocs.yml": "plugins:\n  - interview-kb\n"})
    result = CliRunner().invoke(main, ["serve", "--config", str(root / "mkdocs.yml")])
    assert result.exit_code != 0
    assert result.output.startswith(
        f"This system does not tell of changed files in {root}: looking for them every 0.2 s"
    )
    server = serve_command.LiveReloadServer(lambda: None, "127.0.0.1", free_port(), str(tmp_path))
    assert isinstance(server.observer, PollingObserver)
    assert server.observer.timeout == serving.POLLING_SECONDS
    server.server_close()


def test_the_server_waits_for_notifications_when_they_work(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from mkdocs.commands import serve as serve_command
    from watchdog.observers.api import BaseObserver
    from watchdog.observers.polling import PollingObserver

    monkeypatch.setattr(serve_command, "LiveReloadServer", serve_command.LiveReloadServer)
    serving._watch_with(True, serving.POLLING_SECONDS)
    server = serve_command.LiveReloadServer(lambda: None, "127.0.0.1", free_port(), str(tmp_path))
    assert isinstance(server.observer, BaseObserver)
    assert not isinstance(server.observer, PollingObserver)
    assert server.build_delay == serving.QUIET_SECONDS
    server.server_close()
