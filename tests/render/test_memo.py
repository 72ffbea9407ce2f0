"""Pages kept by ``render.memo`` are the pages a fresh render makes.

``mkdocs serve`` gives ``render_pages`` the memo of its earlier builds; a page
is taken from it when its key (its context, its body and what every template
can reach) is one it rendered before. Here the example notebook is changed
one field at a time, in every way that shows on some other note's page or a
view (a name, an organization, a date, a status, a referral, an outreach,
a tag), and the pages rendered with the warm memo must equal, byte for byte,
the pages rendered from nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from interview_kb.core.model import Contact, Interview, Notebook, Options, OutreachEvent, Referral
from interview_kb.core.vocab import InterviewStatus, OutreachKind
from interview_kb.core.wording import interview_label
from interview_kb.plugin_html import HtmlStash
from interview_kb.reader.notes import read_notebook
from interview_kb.render.memo import PageMemo
from interview_kb.render.pages import render_pages

from ..conftest import REPO

TODAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def example() -> tuple[Notebook, Options]:
    options = Options(today=TODAY)
    return read_notebook(REPO, options), options


def with_contact(notebook: Notebook, slug: str, **changes: object) -> Notebook:
    contacts = dict(notebook.contacts)
    contacts[slug] = dataclasses.replace(contacts[slug], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(notebook, contacts=contacts)


def with_interview(notebook: Notebook, slug: str, **changes: object) -> Notebook:
    interviews = dict(notebook.interviews)
    interviews[slug] = dataclasses.replace(interviews[slug], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(notebook, interviews=interviews)


def contact_changes(contact: Contact) -> list[tuple[str, dict[str, object]]]:
    return [
        ("name", {"name": contact.name + " Quinn"}),
        ("role", {"role": "Staff Researcher"}),
        ("organization", {"organization": "Quillfeather Studio"}),
        ("tags", {"tags": (*contact.tags, "new-tag")}),
        (
            "outreach",
            {
                "outreach": (
                    *contact.outreach,
                    OutreachEvent(date=TODAY, kind=OutreachKind.FOLLOW_UP),
                )
            },
        ),
        ("body", {"body": contact.body + "\nOne more line.\n"}),
    ]


def interview_changes(interview: Interview) -> list[tuple[str, dict[str, object]]]:
    return [
        ("date", {"date": interview.date + timedelta(days=3)}),
        ("status", {"status": InterviewStatus.CANCELLED}),
        ("thank-you", {"thank_you": None if interview.thank_you else interview.date}),
        (
            "referral",
            {"referrals": (*interview.referrals, Referral(name="Noor Haddad", note="design"))},
        ),
        ("share", {"share": not interview.share}),
    ]


def render(
    notebook: Notebook, options: Options, memo: PageMemo | None, stash: HtmlStash
) -> dict[str, str | bytes]:
    return render_pages(notebook, TODAY, options, stash=stash.stash, memo=memo)


def cases(notebook: Notebook) -> list[tuple[str, Callable[[Notebook], Notebook]]]:
    found: list[tuple[str, Callable[[Notebook], Notebook]]] = []
    for slug in sorted(notebook.contacts)[::3]:
        for what, change in contact_changes(notebook.contacts[slug]):
            found.append((f"{slug}: {what}", lambda n, s=slug, c=change: with_contact(n, s, **c)))
    for slug in sorted(notebook.interviews)[::2]:
        for what, change in interview_changes(notebook.interviews[slug]):
            found.append((f"{slug}: {what}", lambda n, s=slug, c=change: with_interview(n, s, **c)))
    return found


def test_a_warm_memo_gives_the_pages_a_fresh_render_gives(
    example: tuple[Notebook, Options],
) -> None:
    notebook, options = example
    stash = HtmlStash()  # one stash, as the plugin keeps one for a serve
    memo = PageMemo()
    render(notebook, options, memo, stash)
    assert memo.rendered > 50 and memo.reused == 0
    total_reused = 0
    pages_taken = pages_made = 0
    for what, change in cases(notebook):
        changed = change(notebook)
        memo.start()
        warm = render(changed, options, memo, stash)
        fresh = render(changed, options, None, stash)
        assert warm.keys() == fresh.keys(), what
        differ = [page for page in fresh if warm[page] != fresh[page]]
        assert differ == [], f"{what}: pages kept though they changed: {differ}"
        total_reused += memo.reused
        pages_taken += memo.reads.reused
        pages_made += memo.reads.made
        memo.finish()
        memo.start()
        render(notebook, options, memo, stash)  # back to the example, as after an undo
        memo.finish()
    # The memo did keep pages: most of each render came from it.
    assert total_reused > 20 * len(cases(notebook))
    # And most pages were taken as they were, their contexts not even made
    # (render.reads): only those that read what changed were made again.
    assert pages_taken > pages_made, (pages_taken, pages_made)


def test_a_context_that_shows_no_values_is_never_kept() -> None:
    assert PageMemo.key("world", "t.j2", "a.md", "", {"f": lambda: 1}) is None

    def inner() -> int:
        return 1

    assert PageMemo.key("world", "t.j2", "a.md", "", {"f": inner}) is None  # a closure
    # A module's function counts by its name: the same in every build.
    assert PageMemo.key("w", "t.j2", "a.md", "", {"f": interview_label}) == PageMemo.key(
        "w", "t.j2", "a.md", "", {"f": interview_label}
    )
    assert PageMemo.key("w", "t.j2", "a.md", "", {"f": interview_label}) is not None
    one = PageMemo.key("world", "t.j2", "a.md", "", {"n": 1})
    assert one is not None
    assert one != PageMemo.key("world", "t.j2", "a.md", "", {"n": 2})
    assert one != PageMemo.key("other world", "t.j2", "a.md", "", {"n": 1})
    assert one != PageMemo.key("world", "t.j2", "b.md", "", {"n": 1})
    assert one != PageMemo.key("world", "t.j2", "a.md", "body", {"n": 1})
