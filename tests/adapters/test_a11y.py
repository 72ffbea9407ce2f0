"""What the plugin adds to every site for accessibility, checked on built sites:
its stylesheet and script, served from the site itself, and a name for every
checkbox of a Markdown task list. (axe-core and the keyboard are tested in the
browser: tests/browser/test_accessibility.py.)"""

from __future__ import annotations

import re

from interview_kb.plugin_a11y import name_task_checkboxes
from interview_kb.plugin_assets import SCRIPT, STYLESHEET

from ..adapters.test_build import build_site
from ..conftest import LogGuard, WriteNotebook

NOTES = {
    "contacts/jane-doe.md": """
        ---
        name: Jane Doe
        ---
        Before we talk:

        - [ ] read her **paper**
        - [x] find her team's page
        """,
    "docs/index.md": "# Home\n\n- [X] set up the notebook\n- [ ] write to Jane\n",
}


def test_every_page_links_the_stylesheet_and_script_from_the_site(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    site = build_site(write_notebook(NOTES))
    css = (site / STYLESHEET).read_text(encoding="utf-8")
    assert "text-decoration: underline" in css
    assert (site / SCRIPT).read_text(encoding="utf-8").startswith("// interview-kb")
    for page, prefix in [("index.html", ""), ("contacts/jane-doe/index.html", "../../")]:
        text = (site / page).read_text(encoding="utf-8")
        assert f'<link rel="stylesheet" href="{prefix}{STYLESHEET}">' in text
        assert f'<script src="{prefix}{SCRIPT}"></script>' in text
        # Nothing of ours is fetched from another host.
        assert not re.search(r'(href|src)="(https?:)?//[^"]*interview-kb', text)


def test_a_users_own_file_of_that_name_wins(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    site = build_site(write_notebook({**NOTES, f"docs/{STYLESHEET}": "/* mine */\n"}))
    assert (site / STYLESHEET).read_text(encoding="utf-8") == "/* mine */\n"
    assert (site / "index.html").read_text(encoding="utf-8").count(STYLESHEET) == 1


def test_task_list_checkboxes_are_named_in_notes_and_docs(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    site = build_site(write_notebook(NOTES))
    jane = (site / "contacts/jane-doe/index.html").read_text(encoding="utf-8")
    boxes = re.findall(r'<input type="checkbox" disabled[^>]*>', jane)
    assert boxes == [
        '<input type="checkbox" disabled aria-label="To do">',
        '<input type="checkbox" disabled checked aria-label="Done">',
    ]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'aria-label="(Done|To do)"', home) == ["Done", "To do"]


def test_name_task_checkboxes_leaves_other_inputs_alone() -> None:
    plain = (
        '<ul class="task-list">\n'
        '<li class="task-list-item"><input type="checkbox" disabled checked/> a</li>\n'
        "</ul>\n"
        '<input type="checkbox" disabled/> not in a task list'
    )
    assert name_task_checkboxes(plain) == (
        '<ul class="task-list">\n'
        '<li class="task-list-item"><input type="checkbox" disabled checked aria-label="Done"> a</li>\n'
        "</ul>\n"
        '<input type="checkbox" disabled/> not in a task list'
    )
    assert name_task_checkboxes("<p>no list</p>") == "<p>no list</p>"
