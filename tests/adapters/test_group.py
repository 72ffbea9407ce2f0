"""A group's guide from share bundles: ``init --group`` writes a repository
whose CI files are valid and whose build steps pass, here, without network."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from interview_kb import __version__
from interview_kb.cli import main

from ..analysis.test_share import member_notebook, share
from ..conftest import REPO, LogGuard
from ..render.test_guide import assert_private_absent, build_guide, every_text

BIN = Path(sys.executable).parent


def init_group(tmp_path: Path, *extra: str) -> Path:
    result = CliRunner().invoke(
        main, ["init", "--group", "Career Club", *extra], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return tmp_path / "Career-Club"


def test_init_group_writes_a_documented_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = init_group(tmp_path)
    names = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert {
        "mkdocs.yml",
        "README.md",
        "members/README.md",
        "requirements.txt",
        ".github/workflows/guide.yml",
        ".gitlab-ci.yml",
        "docs/guide/index.md",
    } <= names
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Career Club"
    assert config["plugins"]["interview-kb"] == {"publish": "guide", "shared_from": ["members/*"]}
    # The lock is the project's own.
    assert (root / "requirements.txt").read_text() == (
        REPO / "requirements/runtime.txt"
    ).read_text()
    readme = (root / "README.md").read_text(encoding="utf-8")
    for said in ("interview-kb share --out", "--bundle members/", "mkdocs serve", "Pages"):
        assert said in readme
    # Only the CI asked for.
    other = tmp_path / "other"
    result = CliRunner().invoke(main, ["init", "--group", "X", str(other), "--ci", "gitlab"])
    assert result.exit_code == 0, result.output
    assert (other / ".gitlab-ci.yml").is_file() and not (other / ".github").exists()
    assert "GitHub" not in (other / "README.md").read_text(encoding="utf-8")


def test_the_github_workflow_is_valid_and_publishes_from_main(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = init_group(tmp_path)
    flow = yaml.safe_load((root / ".github/workflows/guide.yml").read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "pull_request"}
    build, publish = flow["jobs"]["build"], flow["jobs"]["publish"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert any("--require-hashes" in r and "requirements.txt" in r for r in runs)
    assert any(f"interview-kb=={__version__}" in r for r in runs)
    assert "mkdocs build --strict" in runs and "interview-kb guide --review" in runs
    assert "refs/heads/main" in publish["if"] and publish["needs"] == "build"
    assert publish["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert flow["permissions"] == {"contents": "read"}  # pages: write only to publish


def test_the_gitlab_file_is_valid_and_publishes_from_the_default_branch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = init_group(tmp_path)
    ci = yaml.safe_load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert any("--require-hashes" in line for line in ci["default"]["before_script"])
    assert "mkdocs build --strict" in ci["guide"]["script"]
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    assert "$CI_DEFAULT_BRANCH" in ci["pages"]["rules"][0]["if"]
    assert any("--site-dir public" in line for line in ci["pages"]["script"])


def _run(command: str, cwd: Path) -> str:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    done = subprocess.run(
        shlex.split(command), cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def test_the_workflow_build_steps_pass_with_three_bundles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The steps of the GitHub workflow (all but the install, which needs the
    network: this environment is installed from the same lock), run in the
    new repository: with no bundle yet, then with three."""
    monkeypatch.chdir(tmp_path)
    root = init_group(tmp_path)
    flow = yaml.safe_load((root / ".github/workflows/guide.yml").read_text(encoding="utf-8"))
    steps = [s["run"] for s in flow["jobs"]["build"]["steps"] if "run" in s]
    steps = [s for s in steps if "pip install" not in s]
    assert len(steps) == 2
    for step in steps:  # a group with no bundle yet builds
        _run(step, root)
    for tag in ("A", "B", "C"):
        share(member_notebook(tmp_path, tag), root / f"members/{tag.lower()}")
    review, _ = (_run(step, root) for step in steps)
    # Each bundle: an answer, an own question, its answer and a lesson.
    assert "The guide will publish 12 passages" in review
    assert_private_absent(review, ["A", "B", "C"])
    text = every_text(root / "site")
    # The site's copy of the note format shows example dates: leave dates out.
    assert not re.findall(r"ZQP[ABC][A-Z]+|zqp[abc]@|Annmarker|Bomarker", text)
    for tag in ("A", "B", "C"):
        assert f"SHARED{tag}ANSWER" in text and f"SHARED{tag}LESSON" in text


def test_a_strict_build_refuses_a_bundle_outside_its_schema(
    tmp_path: Path, log_guard: LogGuard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = init_group(tmp_path)
    share(member_notebook(tmp_path), root / "members/a")
    (root / "members/a/contacts.md").write_text("Annmarker\n")
    log_guard.expect("members/a/bundle.yml:1")
    log_guard.expect("left out of the guide")
    with pytest.raises(Abort):
        build_guide(root)
