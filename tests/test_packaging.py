"""Packaging: every data file shipped, the lock in step with pyproject.toml,
one Python claimed, one version and one licence."""

from __future__ import annotations

import fnmatch
import re
import sys
import tomllib
from importlib import metadata
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

import interview_kb

from .conftest import REPO


def test_every_data_file_is_in_package_data() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["interview_kb"]
    package = REPO / "plugins/interview_kb"
    missing = []
    for path in package.rglob("*"):
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(package).as_posix()
        # fnmatch's "*" crosses "/", setuptools' does not: compare folder by folder.
        if not any(
            fnmatch.fnmatch(relative, p) and relative.count("/") == p.count("/") for p in patterns
        ):
            missing.append(relative)
    assert not missing, f"add patterns to [tool.setuptools.package-data]: {missing}"


def project() -> dict[str, Any]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def locked(name: str) -> dict[str, list[Version]]:
    """Every version the lock pins, by canonical package name."""
    pins: dict[str, list[Version]] = {}
    for line in (REPO / "requirements" / name).read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line):
            pins.setdefault(canonicalize_name(match[1]), []).append(Version(match[2]))
    return pins


@pytest.mark.parametrize(
    ("lock", "extras"), [("runtime.txt", ()), ("test.txt", ("test",))], ids=["runtime", "test"]
)
def test_the_lock_pins_every_dependency_within_its_range(
    lock: str, extras: tuple[str, ...]
) -> None:
    """What `make` installs is what pyproject.toml asks for: a lock made before
    a dependency was added or a range was narrowed fails here (run `make lock`)."""
    config = project()["project"]
    wanted = [Requirement(r) for r in config["dependencies"]]
    for extra in extras:
        wanted += [Requirement(r) for r in config["optional-dependencies"][extra]]
    pins = locked(lock)
    problems = []
    for requirement in wanted:
        versions = pins.get(canonicalize_name(requirement.name))
        if not versions:
            problems.append(f"{requirement.name} is not in the lock")
        elif not all(requirement.specifier.contains(v, prereleases=True) for v in versions):
            problems.append(f"{requirement.name} {versions} is outside {requirement.specifier}")
    assert not problems, f"run `make lock`: {problems}"


def test_both_locks_agree() -> None:
    runtime, test = locked("runtime.txt"), locked("test.txt")
    assert {name: test.get(name) for name in runtime} == runtime


def test_one_python_claimed_and_tested() -> None:
    """The Python the package claims is the one the lock, ruff and mypy are set for."""
    config = project()
    assert config["project"]["requires-python"] == ">=3.11"
    assert config["tool"]["ruff"]["target-version"] == "py311"
    assert config["tool"]["mypy"]["python_version"] == "3.11"
    assert "--python-version 3.11" in (REPO / "Makefile").read_text(encoding="utf-8")
    assert sys.version_info >= (3, 11)


def test_the_version_and_licence_have_one_home() -> None:
    config = project()
    assert "version" not in config["project"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "interview_kb.__version__"
    }
    assert metadata.version("interview-kb") == interview_kb.__version__
    assert config["project"]["license"] == "MIT"
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert f"## {interview_kb.__version__} " in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
