"""The prep sheet on an upcoming interview's page, and the dashboard's link to it."""

from __future__ import annotations

from datetime import date

from interview_kb.core.model import AskedQuestion, Options
from interview_kb.render.pages import render_pages

from ..conftest import book, person, talk

TODAY = date(2026, 11, 20)


def test_the_page_shows_the_sheet_while_upcoming_and_escapes_it() -> None:
    notebook = book(
        person("ann", name="Ann <b>Lee</b>", role="<i>Analyst</i>"),
        talk("ann", "2026-11-24", questions=(AskedQuestion(text="<script>x</script>?"),)),
        talk("ann", "2026-11-02"),
    )
    pages = render_pages(notebook, TODAY, Options(today=TODAY))
    upcoming = str(pages["interviews/2026-11-24-ann.md"])
    assert "## Prep sheet" in upcoming and 'class="ikb-prep"' in upcoming
    assert "<script>" not in upcoming and "<i>Analyst" not in upcoming
    assert "&lt;script&gt;x&lt;/script&gt;?" in upcoming
    assert "Earlier conversation on 2026-11-02" in upcoming
    held = str(pages["interviews/2026-11-02-ann.md"])
    assert "Prep sheet" not in held
    assert "#prep-sheet" in str(pages["index.md"])
