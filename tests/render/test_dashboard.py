"""The dashboard and the home page around it."""

from __future__ import annotations

from datetime import date

from interview_kb.core.model import Options
from interview_kb.reader.notes import read_notebook
from interview_kb.render.dashboard import DASHBOARD_MARKER, compose_home
from interview_kb.render.pages import render_pages

from ..conftest import REPO, golden

TODAY = date(2026, 11, 20)


def test_dashboard_golden() -> None:
    options = Options(today=TODAY, holidays_country="US")
    home = (REPO / "docs/index.md").read_text(encoding="utf-8")
    pages = render_pages(read_notebook(REPO, options), TODAY, options, home=home)
    page = pages["index.md"]
    assert isinstance(page, str)
    golden("home.md", page)
    assert DASHBOARD_MARKER not in page
    assert page.index("## Overdue") < page.index("## What is here")  # at the marker


def test_home_without_marker_or_file() -> None:
    assert compose_home("# Mine\n\nText.\n", "DASH\n") == "# Mine\n\nText.\n\nDASH\n"
    assert compose_home(None, "DASH\n") == "# Dashboard\n\nDASH\n"
    assert compose_home("# A\n<!-- dashboard -->\nB\n", "DASH\n") == "# A\n\nDASH\n\nB\n"


def test_guide_has_no_dashboard() -> None:
    options = Options(today=TODAY, publish="guide")
    pages = render_pages(read_notebook(REPO, options), TODAY, options, home="# Home\n")
    # The guide's own home page (issue 18): neither the notebook's nor a dashboard.
    home = pages["index.md"]
    assert isinstance(home, str) and "# Home" not in home
    assert "Overdue" not in home and "question bank" in home


def test_empty_notebook_dashboard(tmp_path: object) -> None:
    from pathlib import Path

    root = Path(str(tmp_path))
    pages = render_pages(read_notebook(root), TODAY, Options())
    page = pages["index.md"]
    assert isinstance(page, str)
    assert "Nothing is overdue" in page
    assert "No interviews are scheduled" in page
