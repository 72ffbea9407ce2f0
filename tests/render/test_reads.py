"""``render.reads``: what a page read decides whether it is made again.

The pages kept are checked against fresh renders in ``test_memo`` (77 single
changes of the example notebook); here the parts: when two values count as
the same, what a tracked mapping and notebook write down, and when a page is
taken as it was.
"""

from __future__ import annotations

import dataclasses
import pickle
import types
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from interview_kb.core.model import Contact, Interview, Notebook
from interview_kb.render.reads import (
    ABSENT,
    PageReads,
    Tracked,
    TrackedNotebook,
    dumps,
    same,
    whole,
)


def contact(slug: str, **changes: Any) -> Contact:
    return dataclasses.replace(
        Contact(slug=slug, name=slug.title(), path=f"contacts/{slug}.md"), **changes
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("a", "a", True),
        ("a", "b", False),
        (1, True, False),  # equal, but a page shows them differently
        (0.0, -0.0, False),
        (1.5, 1.5, True),
        (float("nan"), float("nan"), True),
        (date(2026, 12, 2), date(2026, 12, 2), True),
        (
            datetime(2026, 12, 2, 10, tzinfo=UTC),
            datetime(2026, 12, 2, 11, tzinfo=timezone(timedelta(hours=1))),
            False,
        ),
        ((1, "a"), (1, "a"), True),
        ((1, "a"), [1, "a"], False),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),  # the order shows on a page
        ({"a": [1, 2]}, {"a": [1, 2]}, True),
        (types.MappingProxyType({"a": 1}), types.MappingProxyType({"a": 1}), True),
        (types.MappingProxyType({"a": 1}), types.MappingProxyType({"a": 2}), False),
        ({1, 2}, {2, 1}, True),
        (ABSENT, ABSENT, True),
        (ABSENT, None, False),
    ],
)
def test_values_are_the_same_only_when_every_part_is(old: Any, new: Any, expected: bool) -> None:
    assert same(old, new) is expected


def test_notes_are_compared_field_by_field() -> None:
    one = contact("jane-doe", role="UX Researcher")
    assert same(one, dataclasses.replace(one))  # a copy: another object, the same fields
    assert not same(one, dataclasses.replace(one, role="Design Lead"))
    assert not same(one, dataclasses.replace(one, tags=("a",)))


def test_a_value_that_cannot_be_pickled_is_never_the_same() -> None:
    def inner() -> int:
        return 1

    assert not same([inner], [lambda: 1])
    assert same([inner], [inner])  # the same object


def test_a_tracked_mapping_writes_down_each_read() -> None:
    reads = PageReads()
    raw = {"a": 1, "b": 2}
    tracked = Tracked(raw, reads, "thing")
    reads.current = {}
    assert tracked["a"] == 1
    assert tracked.get("zz") is None
    assert "b" in tracked
    assert reads.current == {("thing", "a"): 1, ("thing", "zz"): ABSENT, ("thing", "b"): 2}
    with pytest.raises(KeyError):
        tracked["missing"]
    assert reads.current[("thing", "missing")] is ABSENT
    reads.current = {}
    assert sorted(tracked) == ["a", "b"]
    assert reads.current == {("thing",): whole(raw)}
    for read in (len, lambda t: list(t.items()), lambda t: list(t.values()), dict):
        reads.current = {}
        read(tracked)
        assert reads.current[("thing",)] == (("a", 1), ("b", 2))
    reads.current = {}
    assert pickle.loads(pickle.dumps(tracked)) == raw  # written as its items: a read of all
    assert ("thing",) in reads.current
    reads.current = None
    assert tracked["a"] == 1  # outside a page: nobody's read


def notebook() -> Notebook:
    contacts = {slug: contact(slug) for slug in ("ann-lee", "bo-park")}
    interviews = {
        "2026-11-01-ann-lee": Interview(
            slug="2026-11-01-ann-lee",
            contact="ann-lee",
            date=date(2026, 11, 1),
            path="interviews/2026-11-01-ann-lee.md",
        )
    }
    return Notebook(contacts=contacts, interviews=interviews)


def test_a_tracked_notebook_writes_down_its_notes_and_a_contacts_interviews() -> None:
    reads = PageReads()
    raw = notebook()
    tracked = TrackedNotebook.of(raw, reads)
    assert tracked.raw is raw
    reads.current = {}
    assert [i.slug for i in tracked.interviews_of("ann-lee")] == ["2026-11-01-ann-lee"]
    assert tracked.contacts["bo-park"].name == "Bo-Park"
    assert set(reads.current) == {("interviews_of", "ann-lee"), ("contact", "bo-park")}
    reads.current = {}
    assert pickle.loads(dumps(tracked)) == raw
    assert set(reads.current) == {("contact",), ("interview",)}


def test_a_page_is_made_again_only_when_something_it_read_changed() -> None:
    reads = PageReads()
    values = {"a": 1, "b": 2}

    def build(world: str = "w") -> dict[str, str]:
        reads.start(world, lambda unit: values.get(unit[1], ABSENT))
        tracked = Tracked(dict(values), reads, "v")
        pages = {
            "a.md": reads.page("a.md", lambda: f"a is {tracked['a']}"),
            "b.md": reads.page("b.md", lambda: f"b is {tracked.get('b')}"),
        }
        reads.finish()
        return pages

    assert build() == {"a.md": "a is 1", "b.md": "b is 2"}
    assert (reads.made, reads.reused) == (2, 0)
    assert build() == {"a.md": "a is 1", "b.md": "b is 2"}
    assert (reads.made, reads.reused) == (0, 2)
    values["b"] = 3
    assert build() == {"a.md": "a is 1", "b.md": "b is 3"}
    assert (reads.made, reads.reused) == (1, 1)
    assert build("another world") == {"a.md": "a is 1", "b.md": "b is 3"}
    assert (reads.made, reads.reused) == (2, 0)


def test_a_page_made_inside_another_passes_its_reads_on() -> None:
    reads = PageReads()
    reads.start("w", lambda unit: 1)
    tracked = Tracked({"x": 1}, reads, "v")

    def outer() -> str:
        return "outer " + reads.page("inner.md", lambda: f"inner {tracked['x']}")

    reads.page("outer.md", outer)
    assert reads.kept["outer.md"].reads == {("v", "x"): 1}
    reads.start("w", lambda unit: 1)
    reads.page("outer.md", outer)
    assert reads.reused == 1


def test_pages_of_an_earlier_build_are_forgotten_when_not_asked_for() -> None:
    reads = PageReads()
    reads.start("w", lambda unit: ABSENT)
    reads.page("a.md", lambda: "a")
    reads.page("b.md", lambda: "b")
    reads.finish()
    reads.start("w", lambda unit: ABSENT)
    reads.page("a.md", lambda: "a")
    reads.finish()
    assert set(reads.kept) == {"a.md"}
