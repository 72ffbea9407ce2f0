"""The words about dates, times and counts, in English whatever the locale."""

from __future__ import annotations

from datetime import date, time

from interview_kb.core.vocab import Category, FollowUpKind, Warmth, category_order, values
from interview_kb.core.wording import (
    count_in_words,
    count_of,
    day_and_month,
    interview_label,
    long_date,
    month_title,
    percent,
    plural,
    weekday_date,
)

from ..conftest import talk


def test_counts_and_plurals() -> None:
    assert count_of(1, "event") == "1 event"
    assert count_of(0, "event") == "0 events"
    assert count_of(2, "person", "people") == "2 people"
    assert plural(1, "person", "people") == "person"
    assert count_in_words(3, "more interview") == "three more interviews"
    assert count_in_words(12, "more person", "more people") == "12 more people"


def test_dates() -> None:
    day = date(2026, 11, 20)
    assert long_date(day) == "Friday 20 November 2026"
    assert weekday_date(day) == "Friday 2026-11-20"
    assert month_title(day) == "November 2026"
    assert day_and_month(day) == "20 November"
    assert percent(0.786) == "79%" and percent(None) == "\u2014"


def test_interview_label() -> None:
    assert interview_label(talk("jane", "2026-11-03")) == "2026-11-03"
    with_time = talk("jane", "2026-11-03", time=time(14, 30))
    assert interview_label(with_time) == "2026-11-03 14:30"
    assert interview_label(with_time, " at ") == "2026-11-03 at 14:30"


def test_value_lists_read_as_their_texts() -> None:
    assert Warmth.WARM == "warm" and f"{Warmth.COLD}" == "cold"
    assert values(FollowUpKind)[:2] == ("thank-you", "reflection")
    assert [category_order(c) for c in ("background", "organization", "zzz")] == [0, 6, 7]
    assert category_order(Category.FIT) == 2
