"""The notebook's own site stays private; the guide has its own home page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from interview_kb.core.model import Options
from interview_kb.plugin_private_site import NOINDEX, add_noindex, deploy_refusal

from ..conftest import REPO, LogGuard, WriteNotebook
from ..render.test_guide import build_guide, every_text, member, write_group


def test_deploy_refusal() -> None:
    assert deploy_refusal("gh-deploy", Options(), "mkdocs.yml") is not None
    assert "mkdocs.public.yml" in str(deploy_refusal("gh-deploy", Options(), "mkdocs.yml"))
    assert deploy_refusal("gh-deploy", Options(publish="guide"), "x.yml") is None
    assert deploy_refusal("gh-deploy", Options(deploy_notebook=True), "x.yml") is None
    for command in ("build", "serve", None):
        assert deploy_refusal(command, Options(), "mkdocs.yml") is None


def _on_config(config_file: Path, command: str) -> None:
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command=command, dirty=False)
    config.plugins.on_config(config)


def test_gh_deploy_of_the_notebook_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match=r"mkdocs\.public\.yml"):
        _on_config(REPO / "mkdocs.yml", "gh-deploy")
    _on_config(REPO / "mkdocs.public.yml", "gh-deploy")  # the guide may go
    _on_config(REPO / "mkdocs.yml", "build")
    allowed = tmp_path / "mkdocs.yml"
    allowed.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {REPO / 'docs'}\n"
        "plugins:\n  interview-kb:\n    deploy_notebook: true\n",
        encoding="utf-8",
    )
    _on_config(allowed, "gh-deploy")


def test_gh_deploy_command_stops_before_pushing(write_notebook: WriteNotebook) -> None:
    """The real command: refused with one error line, in a folder that is no
    git repository (so nothing could be pushed had the refusal failed)."""
    root = write_notebook({"contacts/ann.md": "---\nname: Ann Lee\n---\n"})
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "-f", str(root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GIT_DIR": str(root / "no-git")},
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "would publish every private note" in done.stderr
    assert not (root / "site").exists() or not any((root / "site").rglob("*.html"))


def test_notebook_build_is_not_for_search_engines(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    root = write_notebook(
        {
            "contacts/ann.md": "---\nname: Ann Lee\n---\n",
            "docs/index.md": "# Home\n",
            "docs/about.md": "# About\n",
        }
    )
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True)
    build(config)
    site = Path(config.site_dir)
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and "Disallow: /" in robots
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        assert page.read_text(encoding="utf-8").count(NOINDEX) == 1, page


def test_the_guide_may_be_indexed(tmp_path: Path, log_guard: LogGuard) -> None:
    site = build_guide(write_group(tmp_path))
    assert not (site / "robots.txt").exists()
    assert NOINDEX not in every_text(site)


def test_add_noindex() -> None:
    assert add_noindex("<html><head><title>x</title></head>") == (
        f"<html><head>{NOINDEX}<title>x</title></head>"
    )
    assert add_noindex('<HEAD lang="en">').startswith('<HEAD lang="en">' + NOINDEX)
    twice = add_noindex(add_noindex("<head></head>"))
    assert twice.count(NOINDEX) == 1
    assert add_noindex("no head") == "no head"


def test_the_guide_opens_with_its_own_home(tmp_path: Path, log_guard: LogGuard) -> None:
    root = write_group(tmp_path)
    (root / "docs/index.md").write_text("# My notebook ZQPHOMEPAGE\n\nPrivate home.\n")
    (root / "docs/guide").mkdir()
    (root / "docs/guide/index.md").write_text(
        "# The group's guide\n\nSee [etiquette](etiquette.md) and the "
        "[question bank](../questions.md).\n"
    )
    (root / "docs/guide/etiquette.md").write_text("# Etiquette\n\n[Back](index.md)\n")
    site = build_guide(root)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "The group&#39;s guide" in home or "The group's guide" in home
    assert 'href="guide/etiquette/"' in home and 'href="questions/"' in home
    assert "ZQPHOMEPAGE" not in every_text(site)
    assert not (site / "guide/index.html").exists()
    etiquette = (site / "guide/etiquette/index.html").read_text(encoding="utf-8")
    assert 'href="../../">Back' in etiquette


def test_a_generated_home_stands_in(tmp_path: Path, log_guard: LogGuard) -> None:
    root = write_group(tmp_path)
    (root / "docs/index.md").write_text("# ZQPHOMEPAGE\n")
    site = build_guide(root)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Informational interviews: a guide" in home
    assert "its author chose to share" in home and "members" not in home
    assert "ZQPHOMEPAGE" not in every_text(site)


def test_members_only_for_a_group(tmp_path: Path, log_guard: LogGuard) -> None:
    alone = build_guide(write_group(tmp_path / "one"))
    questions = (alone / "questions/index.html").read_text(encoding="utf-8")
    assert "members" not in questions.lower()
    assert "Lessons learned" in questions
    for tag in ("B", "C"):
        member(tmp_path / f"members/{tag.lower()}", tag)
    (tmp_path / "members/empty").mkdir()  # a folder, not a notebook
    group = build_guide(write_group(tmp_path, shared_from=["../members/*"]))
    questions = (group / "questions/index.html").read_text(encoding="utf-8")
    assert "What members learned" in questions
    assert "from 3 notebooks" in questions
