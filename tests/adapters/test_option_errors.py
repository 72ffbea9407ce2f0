"""Every bad option value is one line naming the option and the fix, from the
command line and from MkDocs, and never a traceback (issue 18)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from interview_kb.cli import main
from interview_kb.core.model import Options
from interview_kb.reader.option_rules import RULES

from ..conftest import REPO

BAD = [
    ("holidays_country: XX", "holidays_country", "US, GB, DE or FR"),
    ("holidays_country: 12", "holidays_country", "country code"),
    ("today: '2026-13-01'", "today", "2026-11-20"),
    ("today: yesterday", "today", "2026-11-20"),
    ("holidays: 2026-01-01", "holidays", "list of dates"),
    ("holidays: [2026-12-25, soon]", "holidays", "2026-12-24"),
    ("follow_up_policy: weekly", "follow_up_policy", "week"),
    ("publish: public", "publish", "publish: guide"),
    ("contacts_dir: nowhere", "contacts_dir", "no folder 'nowhere'"),
    ("interviews_dir: 5", "interviews_dir", "folder"),
    ("questions_file: nope.yml", "questions_file", "no file 'nope.yml'"),
    ("reconnect_after_days: -3", "reconnect_after_days", "1 or more"),
    ("plan_junior_share: 3.5", "plan_junior_share", "from 0 to 1"),
    ("plan_interviews_min: 9", "plan_interviews_min", "smaller"),
    ("shared_from: members", "shared_from", "list of folders"),
    ("deploy_notebook: maybe", "deploy_notebook", "yes or no"),
    ("guide_home: nowhere.md", "guide_home", "guide/index.md"),
]


def notebook(root: Path, line: str) -> Path:
    for folder in ("docs", "contacts", "interviews"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: T\ntheme:\n  name: material\n  font: false\nplugins:\n"
        f"  - interview-kb:\n      {line}\n",
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize(("line", "option", "fix"), BAD)
def test_the_command_line_says_one_line(tmp_path: Path, line: str, option: str, fix: str) -> None:
    config = notebook(tmp_path, line)
    for command in (["due"], ["contacts"], ["export", "ics"]):
        result = CliRunner().invoke(main, [*command, "--config", str(config)])
        assert result.exit_code in (1, 2), result.output
        assert isinstance(result.exception, SystemExit), result.exception
        lines = result.output.strip().splitlines()
        assert len(lines) == 1, result.output
        assert f"'{option}'" in lines[0] and fix in lines[0], lines[0]


@pytest.mark.parametrize(("line", "option", "fix"), BAD)
def test_mkdocs_build_says_one_line(tmp_path: Path, line: str, option: str, fix: str) -> None:
    config = notebook(tmp_path, line)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and f"'{option}'" in errors[0] and fix in errors[0], done.stderr


def test_an_impossible_date_is_one_line_from_the_command_line(tmp_path: Path) -> None:
    """YAML itself refuses 2026-02-30 (MkDocs reads mkdocs.yml before any
    plugin is loaded, so only the command line can say it in one line)."""
    config = notebook(tmp_path, "today: 2026-02-30")
    result = CliRunner().invoke(main, ["due", "--config", str(config)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert result.output.strip() == (
        f"Error: {config}: mkdocs.yml line 7: 2026-02-30 is not a date "
        "(day is out of range for month); write a date that exists"
    )


VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 400),
    st.floats(-1, 2, allow_nan=False),
    st.text(max_size=8),
    st.sampled_from(["US", "XX", "week", "3b7", "guide", "notebook", "2026-11-20", "contacts"]),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
    st.lists(st.one_of(st.dates(), st.text(max_size=6), st.integers(0, 3)), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=1),
)
SETTINGS = st.dictionaries(st.sampled_from(sorted(RULES)), VALUES, max_size=4)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(SETTINGS)
def test_fuzzed_options_never_crash(tmp_path: Path, plugin: dict[str, Any]) -> None:
    """Any option values: the command line answers or says one line; MkDocs
    loads the config and runs the plugin's on_config, or refuses it cleanly."""
    root = tmp_path / "fuzz"
    for folder in ("docs", "contacts", "interviews"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    data = {"site_name": "x", "theme": {"name": "material"}, "plugins": [{"interview-kb": plugin}]}
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(main, ["due", "--config", str(config), "--today", "2026-11-20"])
    assert isinstance(result.exception, (SystemExit, type(None))), result.exception
    if result.exit_code:
        assert result.exit_code in (1, 2)
        assert len(result.output.strip().splitlines()) == 1, result.output
    try:
        loaded = load_config(config_file=str(config))
        loaded.plugins.on_config(loaded)
    except (Abort, ConfigurationError, PluginError):
        assert result.exit_code, "MkDocs refused what the command line took"


def test_every_option_has_a_rule() -> None:
    assert set(RULES) == set(Options.__dataclass_fields__)


def test_the_example_configs_pass(tmp_path: Path) -> None:
    for name in ("mkdocs.yml", "mkdocs.public.yml"):
        result = CliRunner().invoke(main, ["due", "--config", str(REPO / name)])
        assert result.exit_code == 0, result.output


def test_readme_config_snippet_is_valid() -> None:
    """The options the docs show are accepted by their rules."""
    text = textwrap.dedent(
        """
        today: 2026-11-20
        holidays_country: US
        publish: guide
        deploy_notebook: false
        guide_home: guide/index.md
        """
    )
    for name, value in yaml.safe_load(text).items():
        RULES[name](value)
