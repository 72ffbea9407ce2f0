"""``interview-kb check`` reads mkdocs.yml without MkDocs (issue 8): the options
it finds are the ones MkDocs gives, or it leaves the config to MkDocs."""

from __future__ import annotations

import json
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
from mkdocs.exceptions import Abort, ConfigurationError

from interview_kb.cli import main
from interview_kb.core.model import Options
from interview_kb.core.vocab import Policy, PublishMode, values
from interview_kb.plugin_config import PluginConfig
from interview_kb.reader.mkdocs_yml import QUICK_RULES, quick_setup

from ..conftest import REPO

POLICIES = values(Policy)
PUBLISH_MODES = values(PublishMode)

CONFIG = """\
site_name: Test notebook
plugins:
  - search
  - interview-kb:
      today: 2026-11-20
"""


def by_mkdocs(config_file: Path) -> tuple[Options, Path] | str:
    """What MkDocs makes of the config: the plugin's options and docs_dir."""
    try:
        config = load_config(config_file=str(config_file))
    except (ConfigurationError, Abort):
        return "refused"
    plugin = config.plugins.get("interview-kb")
    if plugin is None:
        return "no plugin"
    assert isinstance(plugin.config, PluginConfig)
    return plugin.config.to_options(), Path(config.docs_dir).resolve()


def notebook(folder: Path, config: str, name: str = "mkdocs.yml") -> Path:
    (folder / "docs").mkdir(exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(config), encoding="utf-8")
    return path


def agrees(path: Path) -> tuple[Options, Path] | None:
    """The quick answer, checked against MkDocs' whenever there is one."""
    quick = quick_setup(path)
    if quick is not None:
        assert quick == by_mkdocs(path)
    return quick


@pytest.mark.parametrize("name", ["mkdocs.yml", "mkdocs.public.yml"])
def test_the_example_configs_are_read_quickly(name: str) -> None:
    quick = agrees(REPO / name)
    assert quick is not None
    assert quick[0].publish == ("guide" if "public" in name else "notebook")


@pytest.mark.parametrize(
    "config",
    [
        CONFIG,
        # The mapping form, an empty entry, a leading slash.
        "site_name: x\nplugins:\n  search: {}\n  interview-kb:\n    publish: guide\n",
        "site_name: x\nplugins: [search, interview-kb]\n",
        "site_name: x\nplugins:\n  - /interview-kb:\n",
        # Tags MkDocs reads elsewhere in the file: the plugin's options are plain.
        """\
        site_name: x
        markdown_extensions:
          - pymdownx.snippets:
              base_path: !relative $config_dir
          - pymdownx.emoji:
              emoji_index: !!python/name:material.extensions.emoji.twemoji
        plugins:
          - interview-kb:
              holidays: [2026-12-25, '2026-12-24', 2026-12-23 10:00:00]
              shared_from: [members/*]
              plan_junior_share: 0.25
        """,
        "site_name: !ENV [KB_TEST_UNSET_NAME, From the default]\nplugins:\n  - interview-kb\n",
        "site_name: x\ndocs_dir: pages\nplugins:\n  - interview-kb\n",
    ],
)
def test_ordinary_configs_are_read_quickly(tmp_path: Path, config: str) -> None:
    (tmp_path / "pages").mkdir()
    path = notebook(tmp_path, config)
    assert agrees(path) is not None


@pytest.mark.parametrize(
    "config",
    [
        "plugins:\n  - interview-kb\n",  # no site_name
        "site_name: x\nplugins:\n  - search\n",
        "site_name: x\n",
        "site_name: x\nplugins:\n  - interview-kb:\n      enabled: false\n",
        "site_name: x\nplugins:\n  - interview-kb\n  - interview-kb\n",
        "site_name: x\nplugins:\n  - interview-kb:\n      today: nope\n",
        "site_name: x\nplugins:\n  - interview-kb:\n      reconnect_after_days: 0\n",
        "site_name: x\nplugins:\n  - interview-kb:\n      plan_role_interest: true\n",
        "site_name: x\nplugins:\n  - interview-kb:\n      publish: everything\n",
        "site_name: x\nplugins:\n  - interview-kb:\n      holidays: [2026-12-25, null]\n",
        "site_name: x\nplugins:\n  - interview-kb:\n      contacts_dir: !relative\n",
        "site_name: x\ndocs_dir: missing\nplugins:\n  - interview-kb\n",
        "site_name: x\ndocs_dir: .\nplugins:\n  - interview-kb\n",
        "site_name: x\nplugins:\n  - interview-kb: [today]\n",
        "site_name: x\nplugins: interview-kb\n",
        "site_name: [x\n",
        "INHERIT: nowhere.yml\nsite_name: x\nplugins:\n  - interview-kb\n",
        "INHERIT: mkdocs.yml\nsite_name: x\n",  # a loop
    ],
)
def test_anything_unsure_is_left_to_mkdocs(tmp_path: Path, config: str) -> None:
    assert quick_setup(notebook(tmp_path, config)) is None


def test_inherited_configs_merge_as_in_mkdocs(tmp_path: Path) -> None:
    notebook(tmp_path, CONFIG + "      holidays_country: US\n      publish: notebook\n")
    child = notebook(
        tmp_path,
        """\
        INHERIT: mkdocs.yml
        site_name: The guide
        plugins:
          interview-kb:
            publish: guide
        """,
        "guide.yml",
    )
    # The parent's plugins are a list, the child's a mapping: MkDocs takes
    # the child's whole, so the parent's options are gone.
    quick = agrees(child)
    assert quick is not None and quick[0] == Options(publish="guide")
    mapping = notebook(
        tmp_path,
        "site_name: x\nplugins:\n  interview-kb:\n    today: 2026-11-20\n    publish: guide\n",
        "parent.yml",
    )
    merged = notebook(
        tmp_path,
        "INHERIT: parent.yml\nplugins:\n  interview-kb:\n    publish: notebook\n",
        "child.yml",
    )
    assert mapping.is_file()
    quick = agrees(merged)
    assert quick is not None
    assert quick[0] == Options(today=date(2026, 11, 20), publish="notebook")


def test_environment_variables_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_TEST_PUBLISH", "guide")
    path = notebook(
        tmp_path,
        "site_name: x\nplugins:\n  - interview-kb:\n      publish: !ENV KB_TEST_PUBLISH\n",
    )
    quick = agrees(path)
    assert quick is not None and quick[0].publish == "guide"


# Any value, of any type...
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 400),
    st.floats(-1, 2, allow_nan=False),
    st.sampled_from([*POLICIES, *PUBLISH_MODES, "2026-11-20", " 2026-11-20 ", "20261120"]),
    st.text(max_size=8),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
    st.lists(st.one_of(st.dates(), st.text(max_size=6), st.integers(0, 3)), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=1),
)
# ...and, as often, one of the kind each option takes.
DAYS = st.one_of(st.dates(), st.dates().map(date.isoformat))
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "contacts_dir": st.text(min_size=1, max_size=8),
    "interviews_dir": st.text(min_size=1, max_size=8),
    "questions_file": st.text(min_size=1, max_size=8),
    "today": DAYS,
    "holidays": st.lists(DAYS, max_size=3),
    "holidays_country": st.sampled_from(["US", "DE", "FR"]),
    "reconnect_after_days": st.integers(1, 400),
    "thank_you_business_days": st.integers(1, 10),
    "follow_up_after_days": st.integers(1, 30),
    "follow_up_policy": st.sampled_from(POLICIES),
    "shared_from": st.lists(st.text(max_size=6), max_size=2),
    "publish": st.sampled_from(PUBLISH_MODES),
    "deploy_notebook": st.booleans(),
    "guide_home": st.sampled_from(["guide/index.md", "home.md"]),
    "plan_interviews_min": st.integers(1, 5),
    "plan_interviews_max": st.integers(1, 9),
    "plan_role_interest": st.integers(-2, 5),
    "plan_organization_interest": st.integers(-2, 5),
    "plan_junior_share": st.floats(0, 1),
    "keys": st.dictionaries(
        st.sampled_from(["organization", "role", "name", "employer"]),
        st.one_of(st.text(max_size=5), st.lists(st.text(max_size=5), max_size=2)),
        max_size=2,
    ),
    "contacts_where": st.one_of(
        st.just({"tags": "people"}),
        st.fixed_dictionaries({"tags": st.lists(st.text(max_size=5), max_size=2)}),
    ),
    "unknown_option": VALUES,
}
SETTINGS = st.lists(
    st.sampled_from(sorted(PLAUSIBLE)).flatmap(
        lambda name: st.tuples(st.just(name), st.one_of(PLAUSIBLE[name], PLAUSIBLE[name], VALUES))
    ),
    max_size=5,
).map(dict)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(SETTINGS)
def test_quick_options_are_mkdocs_options(tmp_path: Path, plugin: dict[str, Any]) -> None:
    data = {"site_name": "x", "plugins": ["search", {"interview-kb": plugin}]}
    path = notebook(tmp_path, yaml.safe_dump(data, allow_unicode=True))
    agrees(path)


def test_every_option_has_a_rule() -> None:
    assert (
        set(QUICK_RULES) == set(Options.__dataclass_fields__) == set(PLAUSIBLE) - {"unknown_option"}
    )


def test_check_leaves_mkdocs_and_the_renderer_unimported(tmp_path: Path) -> None:
    """``check`` imports neither MkDocs nor what renders pages."""
    path = notebook(tmp_path, CONFIG)
    code = (
        "import sys\n"
        "from interview_kb.cli import main\n"
        "try:\n"
        f"    main(['check', '--config', {str(path)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('mkdocs', 'material', 'jinja2', 'markdown', 'holidays', 'icalendar')\n"
        "print(__import__('json').dumps(sorted(\n"
        "    m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == []


def test_check_still_reports_what_mkdocs_refuses(tmp_path: Path) -> None:
    path = notebook(tmp_path, "site_name: x\nplugins:\n  - search\n")
    result = CliRunner().invoke(main, ["check", "--config", str(path)])
    assert result.exit_code == 2
    assert "does not use the plugin" in result.output
