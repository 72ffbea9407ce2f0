"""The follow-up rules and the contact status ladder, on notebooks built in memory."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import pytest

from interview_kb.analysis.followups import (
    Item,
    calendar_for,
    contact_rows,
    contact_status,
    due_items,
    last_interaction,
)
from interview_kb.core.dates import Calendar
from interview_kb.core.model import (
    Contact,
    Interview,
    Notebook,
    Options,
    OutreachEvent,
    Promise,
    Referral,
    Reflection,
    Reminder,
)
from interview_kb.core.vocab import FollowUpKind, values
from interview_kb.reader.notes import read_notebook

from ..conftest import LINEAR_ENOUGH, REPO, growth

TODAY = date(2026, 11, 20)  # a Friday
OPTIONS = Options()
DONE = Reflection(learned="Something.")


def d(text: str) -> date:
    return date.fromisoformat(text)


def person(slug: str, *events: tuple[str, str], **fields: Any) -> Contact:
    """A contact; ``events`` are (ISO date, kind) pairs."""
    fields.setdefault("name", slug.replace("-", " ").title())
    outreach = tuple(OutreachEvent(date=d(day), kind=kind) for day, kind in events)
    return Contact(slug=slug, path=f"contacts/{slug}.md", outreach=outreach, **fields)


def talk(contact: str, day: str, **fields: Any) -> Interview:
    """An interview; by default with a thank-you and a reflection, so it makes
    no items of rules 1 and 2 unless a test removes them."""
    fields.setdefault("thank_you", d(day))
    fields.setdefault("reflection", DONE)
    slug = fields.pop("slug", f"{day}-{contact}")
    return Interview(
        slug=slug, path=f"interviews/{slug}.md", contact=contact, date=d(day), **fields
    )


def book(*notes: Contact | Interview) -> Notebook:
    contacts = {n.slug: n for n in notes if isinstance(n, Contact)}
    interviews = {n.slug: n for n in notes if isinstance(n, Interview)}
    return Notebook(contacts=contacts, interviews=interviews)


def items(
    notebook: Notebook, today: date = TODAY, options: Options = OPTIONS, **changes: Any
) -> list[Item]:
    return due_items(notebook, today, dataclasses.replace(options, **changes))


def held_items(notebook: Notebook, today: date = TODAY, **changes: Any) -> list[Item]:
    """The items other than reconnect, which every held interview also brings."""
    return [item for item in items(notebook, today, **changes) if item.kind != "reconnect"]


def summary(found: list[Item]) -> list[tuple[str, str, str]]:
    return [(item.kind, item.contact, item.due.isoformat()) for item in found]


def of_kind(found: list[Item], kind: str) -> list[Item]:
    return [item for item in found if item.kind == kind]


def status(notebook: Notebook, slug: str, today: date = TODAY, **changes: Any) -> str:
    options = dataclasses.replace(OPTIONS, **changes)
    return contact_status(notebook, notebook.contacts[slug], today, options)


# ---------------------------------------------------------------------------
# the item and its JSON


def test_kinds_order() -> None:
    assert values(FollowUpKind) == (
        "thank-you",
        "reflection",
        "follow-up",
        "try-another",
        "move-on",
        "promised",
        "reconnect",
        "referral",
        "prepare",
        "reminder",
    )


def test_item_json_has_exactly_the_contract_keys_in_order() -> None:
    item = Item("thank-you", "jane-doe", "2026-11-03-jane-doe", d("2026-11-05"), 15, "Do it.")
    data = item.as_json()
    assert list(data) == ["kind", "contact", "interview", "due", "days_overdue", "action"]
    assert data == {
        "kind": "thank-you",
        "contact": "jane-doe",
        "interview": "2026-11-03-jane-doe",
        "due": "2026-11-05",
        "days_overdue": 15,
        "action": "Do it.",
    }


def test_calendar_for_uses_holidays_and_country() -> None:
    calendar = calendar_for(Options(holidays=(d("2026-11-16"),), holidays_country="US"))
    assert isinstance(calendar, Calendar)
    assert not calendar.is_business_day(d("2026-11-16"))
    assert not calendar.is_business_day(d("2026-11-26"))  # Thanksgiving
    assert calendar.is_business_day(d("2026-11-17"))


def test_empty_notebook_makes_nothing() -> None:
    assert due_items(Notebook(), TODAY, OPTIONS) == []
    assert contact_rows(Notebook(), TODAY, OPTIONS) == []


# ---------------------------------------------------------------------------
# rule 1: thank-you


def test_thank_you_across_a_weekend() -> None:
    notebook = book(person("jane"), talk("jane", "2026-11-12", thank_you=None))  # Thursday
    [item] = held_items(notebook)
    assert (item.kind, item.contact, item.interview) == ("thank-you", "jane", "2026-11-12-jane")
    assert item.due == d("2026-11-16")  # Monday
    assert item.days_overdue == 4
    assert "Jane" in item.action and "2026-11-12" in item.action


def test_thank_you_skips_a_listed_holiday() -> None:
    notebook = book(person("jane"), talk("jane", "2026-11-12", thank_you=None))
    [item] = held_items(notebook, holidays=(d("2026-11-16"),))
    assert item.due == d("2026-11-17")


def test_thank_you_skips_thanksgiving_with_holidays_country_us() -> None:
    notebook = book(person("jane"), talk("jane", "2026-11-25", thank_you=None))  # Wednesday
    today = d("2026-11-30")
    [item] = held_items(notebook, today, holidays_country="US")
    assert item.due == d("2026-11-30")  # Thursday 26th is Thanksgiving
    assert item.days_overdue == 0
    [plain] = held_items(notebook, today)
    assert plain.due == d("2026-11-27")


def test_thank_you_business_days_option() -> None:
    notebook = book(person("jane"), talk("jane", "2026-11-12", thank_you=None))
    [item] = held_items(notebook, thank_you_business_days=1)
    assert item.due == d("2026-11-13")


def test_thank_you_sent_makes_no_item() -> None:
    assert held_items(book(person("jane"), talk("jane", "2026-11-12"))) == []


# ---------------------------------------------------------------------------
# rule 2: reflection


@pytest.mark.parametrize("reflection", [None, Reflection()])
def test_reflection_missing_or_empty(reflection: Reflection | None) -> None:
    notebook = book(person("jane"), talk("jane", "2026-11-12", reflection=reflection))
    [item] = held_items(notebook)
    assert item.kind == "reflection"
    assert item.due == d("2026-11-14")  # calendar days, a Saturday
    assert item.interview == "2026-11-12-jane"


def test_reflection_with_only_a_rating_counts() -> None:
    notebook = book(person("jane"), talk("jane", "2026-11-12", reflection=Reflection(rating=3)))
    assert held_items(notebook) == []


# ---------------------------------------------------------------------------
# held, upcoming, today, cancelled


def test_interview_today_is_both_held_and_upcoming() -> None:
    notebook = book(
        person("jane"),
        talk("jane", "2026-11-20", thank_you=None, reflection=None, promised=(Promise("Slides"),)),
    )
    found = items(notebook, reconnect_after_days=1000)
    assert summary(found) == [
        ("prepare", "jane", "2026-11-19"),
        ("reflection", "jane", "2026-11-22"),
        ("thank-you", "jane", "2026-11-24"),
        ("promised", "jane", "2026-11-27"),
        ("reconnect", "jane", "2029-08-16"),
    ]
    prepare = found[0]
    assert prepare.days_overdue == 1  # due the business day before: Thursday
    assert prepare.interview == "2026-11-20-jane"


def test_upcoming_interview_makes_only_prepare() -> None:
    notebook = book(
        person("jane"),
        talk(
            "jane",
            "2026-12-02",
            thank_you=None,
            reflection=None,
            promised=(Promise("Slides"),),
            referrals=(Referral(name="Nobody Known"),),
        ),
    )
    [item] = items(notebook)
    assert (item.kind, item.due, item.days_overdue) == ("prepare", d("2026-12-01"), -11)
    assert "Jane" in item.action and "2026-12-02" in item.action


def test_prepare_names_the_time_of_day() -> None:
    from datetime import time as clock

    notebook = book(person("jane"), talk("jane", "2026-12-02", time=clock(14, 30)))
    [item] = items(notebook)
    assert "2026-12-02 at 14:30" in item.action


@pytest.mark.parametrize("day", ["2026-11-10", "2026-11-20", "2026-12-01"])
def test_cancelled_interview_makes_nothing(day: str) -> None:
    notebook = book(
        person("jane"),
        talk(
            "jane",
            day,
            status="cancelled",
            thank_you=None,
            reflection=None,
            promised=(Promise("Slides"),),
            referrals=(Referral(name="Nobody Known"),),
        ),
    )
    assert items(notebook) == []
    assert status(notebook, "jane") == "not-contacted"
    assert last_interaction(notebook, notebook.contacts["jane"], TODAY) is None


def test_cancelled_interview_does_not_answer_a_request() -> None:
    notebook = book(
        person("jane", ("2026-11-02", "request")),
        talk("jane", "2026-11-10", status="cancelled"),
    )
    assert summary(items(notebook)) == [("follow-up", "jane", "2026-11-09")]
    assert status(notebook, "jane") == "requested"


# ---------------------------------------------------------------------------
# rules 3 and 4: follow-up and move-on


def test_follow_up_seven_days_after_the_request() -> None:
    notebook = book(person("helena", ("2026-11-10", "request")))
    [item] = items(notebook)
    assert (item.kind, item.contact, item.interview) == ("follow-up", "helena", None)
    assert item.due == d("2026-11-17")
    assert item.days_overdue == 3
    assert "Helena" in item.action and "2026-11-10" in item.action


def test_follow_up_is_listed_before_it_is_due() -> None:
    [item] = items(book(person("jane", ("2026-11-18", "request"))))
    assert (item.kind, item.due, item.days_overdue) == ("follow-up", d("2026-11-25"), -5)


def test_follow_up_after_days_option() -> None:
    [item] = items(book(person("jane", ("2026-11-10", "request"))), follow_up_after_days=10)
    assert item.due == d("2026-11-20")


def test_follow_up_counts_from_the_latest_request() -> None:
    # Events out of date order in the model: the rules sort them.
    notebook = book(
        person(
            "jane", ("2026-11-12", "request"), ("2026-10-01", "request"), ("2026-10-02", "reply")
        )
    )
    assert summary(items(notebook)) == [("follow-up", "jane", "2026-11-19")]


@pytest.mark.parametrize("answer", ["reply", "declined"])
@pytest.mark.parametrize("day", ["2026-11-10", "2026-11-12"])
def test_an_answer_on_or_after_the_request_stops_the_follow_up(answer: str, day: str) -> None:
    notebook = book(person("jane", ("2026-11-10", "request"), (day, answer)))
    assert items(notebook) == []


def test_an_answer_before_the_request_does_not_count() -> None:
    notebook = book(person("jane", ("2026-09-01", "reply"), ("2026-11-10", "request")))
    assert summary(items(notebook)) == [("follow-up", "jane", "2026-11-17")]


@pytest.mark.parametrize("day", ["2026-11-10", "2026-11-18", "2026-12-01"])
def test_an_interview_on_or_after_the_request_answers_it(day: str) -> None:
    notebook = book(person("jane", ("2026-11-10", "request")), talk("jane", day))
    assert of_kind(items(notebook), "follow-up") == []


def test_an_interview_before_the_request_does_not_answer_it() -> None:
    notebook = book(person("jane", ("2026-11-10", "request")), talk("jane", "2026-10-01"))
    assert of_kind(items(notebook), "follow-up")[0].due == d("2026-11-17")


def test_other_events_do_not_answer() -> None:
    notebook = book(
        person("jane", ("2026-11-10", "request"), ("2026-11-11", "update"), ("2026-11-12", "note"))
    )
    assert summary(items(notebook)) == [("follow-up", "jane", "2026-11-17")]


def test_move_on_only_once_due() -> None:
    notebook = book(person("yusuf", ("2026-11-09", "request"), ("2026-11-17", "follow-up")))
    assert items(notebook) == []  # due 2026-11-24, not yet
    assert status(notebook, "yusuf") == "followed-up"
    [item] = items(notebook, d("2026-11-24"))
    assert (item.kind, item.due, item.days_overdue) == ("move-on", d("2026-11-24"), 0)
    assert item.interview is None
    assert "2026-11-09" in item.action and "2026-11-17" in item.action
    assert status(notebook, "yusuf", d("2026-11-24")) == "no-response"
    assert items(notebook, d("2026-11-30"))[0].days_overdue == 6


def test_follow_up_on_the_request_day_counts_as_after_it() -> None:
    notebook = book(person("jane", ("2026-11-10", "request"), ("2026-11-10", "follow-up")))
    assert summary(items(notebook)) == [("move-on", "jane", "2026-11-17")]


def test_a_follow_up_before_the_latest_request_does_not_count() -> None:
    notebook = book(
        person(
            "jane",
            ("2026-09-01", "request"),
            ("2026-09-08", "follow-up"),
            ("2026-11-10", "request"),
        )
    )
    assert summary(items(notebook)) == [("follow-up", "jane", "2026-11-17")]


def test_move_on_counts_from_the_latest_follow_up() -> None:
    notebook = book(
        person(
            "jane",
            ("2026-10-01", "request"),
            ("2026-10-08", "follow-up"),
            ("2026-11-01", "follow-up"),
        )
    )
    assert summary(items(notebook)) == [("move-on", "jane", "2026-11-08")]


def test_a_reply_after_the_follow_up_stops_move_on() -> None:
    notebook = book(
        person(
            "farah",
            ("2026-10-30", "request"),
            ("2026-11-06", "follow-up"),
            ("2026-11-07", "reply"),
        )
    )
    assert items(notebook, d("2026-12-31")) == []


def test_move_on_after_days_option_is_calendar_days() -> None:
    notebook = book(person("jane", ("2026-11-02", "request"), ("2026-11-09", "follow-up")))
    assert summary(items(notebook, follow_up_after_days=5)) == [("move-on", "jane", "2026-11-14")]


def test_closed_contacts_get_no_follow_up_move_on_or_reconnect() -> None:
    stopper = "closed"
    notebook = book(
        person("a", ("2026-09-01", stopper), ("2026-11-01", "request"), organization="Acme"),
        person(
            "b",
            ("2026-09-01", stopper),
            ("2026-10-01", "request"),
            ("2026-10-08", "follow-up"),
            organization="Acme",
        ),
        person("c", ("2026-07-01", stopper)),
        talk("c", "2026-06-01", thank_you=None),
    )
    found = items(notebook, d("2027-06-01"), follow_up_policy="3b7")
    # The interview's own items still appear; nothing about chasing anyone.
    assert summary(found) == [("thank-you", "c", "2026-06-03")]


def test_declined_stops_rules_3_4_and_6_until_a_later_request() -> None:
    notebook = book(
        # Declined after the request: nothing to chase, whatever the date.
        person("a", ("2026-09-01", "request"), ("2026-09-05", "declined"), organization="Acme"),
        # Asked again in March: the new request gets its one follow-up.
        person(
            "b", ("2026-09-01", "request"), ("2026-09-05", "declined"), ("2027-03-02", "request")
        ),
        # Asked again, then followed up: move-on applies again.
        person(
            "c",
            ("2026-09-05", "declined"),
            ("2027-03-01", "request"),
            ("2027-03-08", "follow-up"),
        ),
        # On one day, the event written last wins.
        person("d", ("2027-03-01", "request"), ("2027-03-01", "declined")),
        person("e", ("2027-03-01", "declined"), ("2027-03-01", "request")),
    )
    found = items(notebook, d("2027-06-01"), follow_up_policy="3b7")
    assert summary(found) == [
        ("follow-up", "e", "2027-03-10"),
        ("follow-up", "b", "2027-03-11"),
        ("move-on", "c", "2027-03-15"),
    ]
    assert status(notebook, "a") == "declined"
    assert status(notebook, "b", d("2027-03-03")) == "requested"
    assert status(notebook, "d", d("2027-03-03")) == "declined"
    assert status(notebook, "e", d("2027-03-03")) == "requested"


def remind(slug: str, *reminders: Reminder, **fields: Any) -> Contact:
    return dataclasses.replace(person(slug, **fields), reminders=reminders)


def test_rule_9_a_reminder_is_due_on_its_date_until_done_or_acted_on() -> None:
    march = Reminder(date=d("2027-03-02"), note="Try again after the launch")
    notebook = book(
        # Declined: rule 9 still applies (it is how "try again" is kept).
        dataclasses.replace(
            remind("naomi", march),
            outreach=(OutreachEvent(d("2026-09-05"), "declined"),),  # type: ignore[arg-type]
        ),
        remind("done", dataclasses.replace(march, done=True)),
        # Acted on: an outreach event on or after the reminder's date.
        dataclasses.replace(
            remind("acted", march),
            outreach=(OutreachEvent(d("2027-03-02"), "note"),),  # type: ignore[arg-type]
        ),
        # An interview on or after its date acts on it; a cancelled one does not.
        remind("met", march),
        talk("met", "2027-03-04"),
        remind("cancelled", Reminder(date=d("2027-03-02"))),
        talk("cancelled", "2027-03-04", status="cancelled"),
        # Two open reminders of one contact: two items, in date order.
        remind("two", Reminder(d("2027-02-01"), "Second"), Reminder(d("2027-01-15"), "First")),
    )
    found = [i for i in items(notebook, d("2026-12-01")) if i.kind == "reminder"]
    assert summary(found) == [
        ("reminder", "two", "2027-01-15"),
        ("reminder", "two", "2027-02-01"),
        ("reminder", "cancelled", "2027-03-02"),
        ("reminder", "naomi", "2027-03-02"),
    ]
    assert found[0].days_overdue == -45
    assert found[3].action == (
        "Your reminder about Naomi for 2027-03-02: \u201cTry again after the launch\u201d."
    )
    assert found[2].action == "Your reminder about Cancelled for 2027-03-02."


def test_reminders_come_after_prepare_on_the_same_day() -> None:
    # An interview on Tuesday 2026-12-01: its prepare item is due the business
    # day before (rule 8), the Monday, the day of the reminders below.
    notebook = book(
        remind("jane", Reminder(d("2026-11-30"), "Ask about the spring")),
        talk("jane", "2026-12-01", thank_you=None, reflection=None),
    )
    found = items(notebook, d("2026-11-25"))
    # The interview with her, after the reminder's date, acts on it.
    assert [i.kind for i in found if i.due == d("2026-11-30")] == ["prepare"]
    notebook = book(
        remind("jane", Reminder(d("2026-11-30"), "Ask about the spring")),
        person("bob"),
        talk("bob", "2026-12-01"),
    )
    found = items(notebook, d("2026-11-25"))
    assert [(i.kind, i.contact) for i in found] == [("prepare", "bob"), ("reminder", "jane")]


# ---------------------------------------------------------------------------
# rule 5: promised


def test_promised_received_or_not() -> None:
    notebook = book(
        person("ruth"),
        talk(
            "ruth",
            "2026-10-02",
            thank_you=d("2026-10-03"),
            promised=(
                Promise("Take-home exercise"),  # received: no
                Promise("Slides", received=True, received_on=d("2026-10-05")),
                Promise("Reading list", received=True),  # received: yes, no date
            ),
        ),
    )
    [item] = held_items(notebook)
    assert (item.kind, item.contact, item.interview) == (
        "promised",
        "ruth",
        "2026-10-02-ruth",
    )
    assert item.due == d("2026-10-10")  # 7 days after the thank-you
    assert "Take-home exercise" in item.action and "Ruth" in item.action


def test_promised_without_thank_you_counts_from_the_interview() -> None:
    notebook = book(
        person("mei"),
        talk("mei", "2026-11-06", thank_you=None, promised=(Promise("Style guide"),)),
    )
    assert summary(of_kind(items(notebook), "promised")) == [("promised", "mei", "2026-11-13")]


def test_one_item_per_unreceived_promise() -> None:
    notebook = book(
        person("mei"),
        talk("mei", "2026-11-06", promised=(Promise("B"), Promise("A"))),
    )
    promised = of_kind(items(notebook), "promised")
    assert len(promised) == 2
    assert ["\u201cB\u201d" in p.action for p in promised] == [True, False]  # the note's order


# ---------------------------------------------------------------------------
# rule 6: reconnect


def test_reconnect_after_the_default_90_days() -> None:
    notebook = book(
        person("priya", ("2026-05-20", "request"), ("2026-05-22", "reply")),
        talk("priya", "2026-06-03"),
    )
    [item] = items(notebook)
    assert (item.kind, item.contact, item.interview) == ("reconnect", "priya", None)
    assert item.due == d("2026-09-01")
    assert item.days_overdue == 80
    assert "2026-06-03" in item.action


def test_reconnect_counts_from_the_latest_outreach_event() -> None:
    notebook = book(
        person("priya", ("2026-05-20", "request"), ("2026-10-01", "update")),
        talk("priya", "2026-06-03"),
    )
    [item] = items(notebook)
    assert item.due == d("2026-12-30")
    assert item.days_overdue == -40


def test_reconnect_custom_days() -> None:
    notebook = book(person("priya"), talk("priya", "2026-10-01"))
    assert summary(items(notebook, reconnect_after_days=30)) == [
        ("reconnect", "priya", "2026-10-31")
    ]


def test_reconnect_counts_from_the_latest_held_interview_only() -> None:
    notebook = book(
        person("jane"),
        talk("jane", "2026-08-01"),
        talk("jane", "2026-10-01"),
        talk("jane", "2026-12-01"),  # upcoming: not an interaction yet
    )
    assert summary(of_kind(items(notebook), "reconnect")) == [("reconnect", "jane", "2026-12-30")]


def test_no_reconnect_without_a_held_interview() -> None:
    notebook = book(person("jane", ("2026-06-01", "request"), ("2026-06-02", "reply")))
    assert items(notebook) == []


# ---------------------------------------------------------------------------
# rule 7: referral


def referral_book(referral: Referral, *referred: Contact | Interview) -> Notebook:
    return book(person("kwame"), talk("kwame", "2026-10-21", referrals=(referral,)), *referred)


def referral_items(notebook: Notebook) -> list[Item]:
    return of_kind(items(notebook), "referral")


def test_referral_to_no_contact() -> None:
    [item] = referral_items(referral_book(Referral(name="Dev Patel")))
    assert (item.contact, item.interview) == ("kwame", "2026-10-21-kwame")
    assert item.due == d("2026-10-28")
    assert item.days_overdue == 23
    assert "Dev Patel" in item.action and "Kwame" in item.action


def test_referral_by_slug_to_a_contact_not_yet_asked() -> None:
    notebook = referral_book(Referral(contact="ines"), person("ines", name="Inês Carvalho"))
    [item] = referral_items(notebook)
    assert "Inês Carvalho" in item.action


def test_referral_by_slug_satisfied_once_the_contact_has_an_outreach_event() -> None:
    notebook = referral_book(
        Referral(name="Inês", contact="ines"), person("ines", ("2026-11-19", "request"))
    )
    assert referral_items(notebook) == []


def test_referral_satisfied_by_an_interview_alone() -> None:
    notebook = referral_book(Referral(contact="ines"), person("ines"), talk("ines", "2026-12-05"))
    assert referral_items(notebook) == []


def test_referral_by_name() -> None:
    asked = person("helena", ("2026-11-10", "request"), name="Helena Brandt")
    assert referral_items(referral_book(Referral(name="Helena Brandt"), asked)) == []
    silent = person("helena", name="Helena Brandt")
    assert len(referral_items(referral_book(Referral(name="Helena Brandt"), silent))) == 1


def test_referral_by_alias_in_another_case() -> None:
    sam = person("samuel", ("2026-06-01", "request"), name="Samuel Okafor", aliases=("Sam Okafor",))
    assert referral_items(referral_book(Referral(name="sam OKAFOR"), sam)) == []
    assert referral_items(referral_book(Referral(name="SAMUEL okafor"), sam)) == []
    assert len(referral_items(referral_book(Referral(name="Sam Okafur"), sam))) == 1


def test_referral_with_an_unknown_slug_falls_back_to_its_name() -> None:
    sam = person("samuel", ("2026-06-01", "request"), name="Samuel Okafor")
    notebook = referral_book(Referral(name="Samuel Okafor", contact="sam-okafor"), sam)
    assert referral_items(notebook) == []


def test_referral_of_an_upcoming_interview_waits() -> None:
    notebook = book(person("kwame"), talk("kwame", "2026-12-01", referrals=(Referral("X Y"),)))
    assert referral_items(notebook) == []


# ---------------------------------------------------------------------------
# policy 3b7 and try-another


def test_3b7_try_another_and_follow_up_in_business_days() -> None:
    notebook = book(person("jane", ("2026-11-02", "request"), organization="Acme"))  # Monday
    found = items(notebook, d("2026-11-03"), follow_up_policy="3b7")
    assert summary(found) == [
        ("try-another", "jane", "2026-11-05"),  # Thursday
        ("follow-up", "jane", "2026-11-11"),  # Wednesday
    ]
    assert found[0].interview is None
    assert "Acme" in found[0].action and "Jane" in found[0].action
    assert found[0].days_overdue == -2


def test_3b7_with_us_holidays() -> None:
    notebook = book(person("jane", ("2026-11-02", "request"), organization="Acme"))
    found = items(notebook, d("2026-11-03"), follow_up_policy="3b7", holidays_country="US")
    assert summary(found) == [
        ("try-another", "jane", "2026-11-05"),
        ("follow-up", "jane", "2026-11-12"),  # the 11th is Veterans Day
    ]


def test_3b7_follow_up_after_days_counts_business_days() -> None:
    notebook = book(person("jane", ("2026-11-06", "request"), organization="Acme"))  # Friday
    found = items(notebook, follow_up_policy="3b7", follow_up_after_days=5)
    assert of_kind(found, "follow-up")[0].due == d("2026-11-13")


def test_try_another_is_listed_right_after_follow_up_on_the_same_day() -> None:
    notebook = book(
        person("anna", ("2026-11-12", "request"), organization="Acme"),  # try-another Tue 17
        person("zed", ("2026-11-06", "request"), organization="Zeta"),  # follow-up Tue 17
        person("bob", ("2026-11-12", "request"), ("2026-11-12", "follow-up")),  # move-on 19
    )
    found = items(notebook, follow_up_policy="3b7")
    assert [(i.kind, i.contact) for i in found if i.due == d("2026-11-17")] == [
        ("follow-up", "zed"),
        ("try-another", "anna"),
    ]


def test_try_another_suppressed_when_a_colleague_was_asked_since() -> None:
    notebook = book(
        person("graham", ("2026-10-14", "request"), organization="Copperline Bank"),
        person("theo", ("2026-11-12", "request"), organization="  copperline   BANK "),
    )
    found = items(notebook, follow_up_policy="3b7")
    assert [(i.kind, i.contact) for i in of_kind(found, "try-another")] == [("try-another", "theo")]


def test_try_another_suppressed_by_a_colleague_asked_the_same_day() -> None:
    notebook = book(
        person("a", ("2026-11-12", "request"), organization="Acme"),
        person("b", ("2026-11-12", "request"), organization="Acme"),
    )
    assert of_kind(items(notebook, follow_up_policy="3b7"), "try-another") == []


def test_try_another_kept_when_the_colleague_was_asked_before() -> None:
    notebook = book(
        person("a", ("2026-11-12", "request"), organization="Acme"),
        person("b", ("2026-11-01", "request"), ("2026-11-02", "reply"), organization="Acme"),
        person("c", ("2026-11-13", "request"), organization="Other"),
        person("d", ("2026-11-13", "request")),
    )
    found = of_kind(items(notebook, follow_up_policy="3b7"), "try-another")
    assert [i.contact for i in found] == ["a", "c"]


def test_a_colleague_without_organization_never_suppresses() -> None:
    notebook = book(
        person("a", ("2026-11-12", "request"), organization="Acme"),
        person("b", ("2026-11-13", "request")),
    )
    assert [i.contact for i in of_kind(items(notebook, follow_up_policy="3b7"), "try-another")] == [
        "a"
    ]


def test_no_try_another_when_answered_without_organization_or_under_week() -> None:
    notebook = book(
        person("a", ("2026-11-12", "request"), ("2026-11-13", "reply"), organization="Acme A"),
        person("b", ("2026-11-12", "request")),
        person("c", ("2026-11-12", "request"), organization="   "),
        person("d", ("2026-11-12", "request"), organization="Acme"),
    )
    assert [i.contact for i in of_kind(items(notebook, follow_up_policy="3b7"), "try-another")] == [
        "d"
    ]
    assert of_kind(items(notebook), "try-another") == []


def test_try_another_stays_after_a_follow_up() -> None:
    notebook = book(
        person("a", ("2026-11-02", "request"), ("2026-11-09", "follow-up"), organization="Acme")
    )
    assert summary(items(notebook, follow_up_policy="3b7")) == [
        ("try-another", "a", "2026-11-05"),
        ("move-on", "a", "2026-11-16"),
    ]


# ---------------------------------------------------------------------------
# order


def test_items_ordered_by_due_then_kind_then_contact_then_interview() -> None:
    notebook = book(
        person("bob", ("2026-11-06", "request")),  # follow-up 11-13
        person("amy", ("2026-11-06", "request")),  # follow-up 11-13
        person("cat"),
        talk("cat", "2026-11-11", thank_you=None, slug="b-cat"),  # thank-you 11-13
        talk("cat", "2026-11-11", thank_you=None, slug="a-cat"),  # thank-you 11-13
        person("dan"),
        talk("dan", "2026-11-11", reflection=None),  # reflection 11-13
        talk("dan", "2026-11-10", thank_you=None),  # thank-you 11-12
    )
    found = held_items(notebook)
    assert [(i.due.isoformat(), i.kind, i.contact, i.interview) for i in found] == [
        ("2026-11-12", "thank-you", "dan", "2026-11-10-dan"),
        ("2026-11-13", "thank-you", "cat", "a-cat"),
        ("2026-11-13", "thank-you", "cat", "b-cat"),
        ("2026-11-13", "reflection", "dan", "2026-11-11-dan"),
        ("2026-11-13", "follow-up", "amy", None),
        ("2026-11-13", "follow-up", "bob", None),
    ]
    assert [i.days_overdue for i in found] == [8, 7, 7, 7, 7, 7]


def test_days_overdue_is_negative_when_ahead() -> None:
    notebook = book(person("jane"), talk("jane", "2026-12-02"))
    assert [i.days_overdue for i in items(notebook)] == [-11]


# ---------------------------------------------------------------------------
# interviews with a contact the notebook does not hold


def test_interview_of_an_unknown_contact_still_makes_its_items() -> None:
    notebook = book(talk("ghost", "2026-11-12", thank_you=None))
    [item] = items(notebook)
    assert (item.kind, item.contact) == ("thank-you", "ghost")
    assert "ghost" in item.action


# ---------------------------------------------------------------------------
# contact status


def test_status_ladder() -> None:
    notebook = book(
        person("closed", ("2026-11-01", "request"), ("2026-11-02", "closed")),
        talk("closed", "2026-10-01"),
        person("interviewed", ("2026-11-01", "declined")),
        talk("interviewed", "2026-11-20", status="done"),
        talk("interviewed", "2026-12-01", slug="later"),
        person("scheduled", ("2026-11-01", "request"), ("2026-11-02", "declined")),
        talk("scheduled", "2026-12-01"),
        person("declined", ("2026-10-01", "reply"), ("2026-10-05", "declined")),
        person("re-declined", ("2026-10-01", "declined"), ("2026-11-10", "request")),
        person("replied", ("2026-10-01", "declined"), ("2026-10-05", "reply")),
        person("no-response", ("2026-11-01", "request"), ("2026-11-13", "follow-up")),
        person("followed-up", ("2026-11-01", "request"), ("2026-11-14", "follow-up")),
        person("requested", ("2026-11-01", "request"), ("2026-11-02", "note")),
        person("not-contacted", ("2026-11-01", "note"), ("2026-11-02", "update")),
        person("nothing"),
        person("cancelled", ("2026-11-01", "request"), ("2026-11-02", "follow-up")),
        talk("cancelled", "2026-11-03", status="cancelled"),
    )
    expected = {
        "closed": "closed",
        "interviewed": "interviewed",
        "scheduled": "scheduled",
        "declined": "declined",
        "re-declined": "requested",  # asked again after "not now": active again
        "replied": "replied",
        "no-response": "no-response",
        "followed-up": "followed-up",
        "requested": "requested",
        "not-contacted": "not-contacted",
        "nothing": "not-contacted",
        "cancelled": "no-response",
    }
    assert {slug: status(notebook, slug) for slug in notebook.contacts} == expected


def test_status_accepts_a_slug_and_calendar_is_optional() -> None:
    notebook = book(person("jane", ("2026-11-01", "request")))
    assert contact_status(notebook, "jane", TODAY, OPTIONS) == "requested"


def test_status_follows_today() -> None:
    notebook = book(person("jane", ("2026-11-01", "request"), ("2026-11-02", "reply")))
    notebook = book(*notebook.contacts.values(), talk("jane", "2026-11-25"))
    assert status(notebook, "jane") == "scheduled"
    assert status(notebook, "jane", d("2026-11-25")) == "interviewed"


def test_declined_wins_over_replied_on_the_same_day_when_written_last() -> None:
    notebook = book(person("jane", ("2026-11-01", "reply"), ("2026-11-01", "declined")))
    assert status(notebook, "jane") == "declined"


# ---------------------------------------------------------------------------
# last interaction and contact rows


def test_last_interaction() -> None:
    notebook = book(
        person("none"),
        person("events", ("2026-10-01", "request"), ("2026-10-09", "note")),
        person("held", ("2026-10-01", "request")),
        talk("held", "2026-10-20"),
        talk("held", "2026-12-01"),
    )
    contacts = notebook.contacts
    assert last_interaction(notebook, contacts["none"], TODAY) is None
    assert last_interaction(notebook, contacts["events"], TODAY) == d("2026-10-09")
    assert last_interaction(notebook, contacts["held"], TODAY) == d("2026-10-20")
    assert last_interaction(notebook, "held", d("2026-12-01")) == d("2026-12-01")


def test_contact_rows() -> None:
    notebook = book(
        person(
            "zed",
            ("2026-11-01", "request"),
            name="Zed Z",
            organization="Acme",
            role="Analyst",
            seniority="mid",
            warmth="warm",
        ),
        person("amy", name="Amy A"),
    )
    rows = contact_rows(notebook, TODAY, OPTIONS)
    assert [list(row) for row in rows] == [
        [
            "slug",
            "name",
            "organization",
            "role",
            "seniority",
            "warmth",
            "status",
            "last_interaction",
        ]
    ] * 2
    assert rows == [
        {
            "slug": "amy",
            "name": "Amy A",
            "organization": None,
            "role": None,
            "seniority": None,
            "warmth": None,
            "status": "not-contacted",
            "last_interaction": None,
        },
        {
            "slug": "zed",
            "name": "Zed Z",
            "organization": "Acme",
            "role": "Analyst",
            "seniority": "mid",
            "warmth": "warm",
            "status": "requested",
            "last_interaction": "2026-11-01",
        },
    ]


# ---------------------------------------------------------------------------
# scale


def big_company(size: int) -> Notebook:
    """``size`` contacts at one organization, half of them interviewed with a
    referral to the one asked before and one to nobody known."""
    notes: list[Contact | Interview] = []
    start = d("2026-01-01")
    for n in range(size):
        slug = f"p{n:05d}"
        asked = (start + timedelta(days=n % 300)).isoformat()
        notes.append(person(slug, (asked, "request"), organization="Big Co", aliases=(f"A{n}",)))
        if n % 2:
            notes.append(
                talk(slug, asked, referrals=(Referral(name=f"a{n - 1}"), Referral(name="Nobody")))
            )
    notes.append(person("zz-last", ("2026-11-19", "request"), organization="BIG CO"))
    return book(*notes)


def rules_and_rows(notebook: Notebook) -> tuple[list[Item], list[Any]]:
    found = due_items(notebook, TODAY, dataclasses.replace(OPTIONS, follow_up_policy="3b7"))
    return found, contact_rows(notebook, TODAY, OPTIONS)


def test_a_large_notebook_is_right() -> None:
    found, rows = rules_and_rows(big_company(6000))
    assert len(rows) == 6001
    assert len(of_kind(found, "referral")) == 3000  # only "Nobody"
    assert len(of_kind(found, "follow-up")) == 3001
    # Everyone at Big Co but the last one asked has a colleague asked since.
    assert [i.contact for i in of_kind(found, "try-another")] == ["zz-last"]


def test_the_rules_grow_linearly_with_the_notebook() -> None:
    # Thousands of contacts at one organization: a loop over colleagues per
    # contact would grow with the square of their number.
    assert growth(big_company, rules_and_rows, 1500) < LINEAR_ENOUGH


# ---------------------------------------------------------------------------
# the example notebook


@pytest.fixture(scope="module")
def example() -> Notebook:
    notebook = read_notebook(REPO)
    assert notebook.errors == ()
    return notebook


EXAMPLE_OPTIONS = Options(today=TODAY, holidays_country="US")


def test_example_notebook_items(example: Notebook) -> None:
    found = due_items(example, TODAY, EXAMPLE_OPTIONS)
    by_key = {(i.kind, i.contact, i.interview): i for i in found}
    assert found == sorted(found, key=Item.sort_key)

    thank_you = by_key["thank-you", "mei-lin-zhou", "2026-11-06-mei-lin-zhou"]
    assert (thank_you.due, thank_you.days_overdue) == (d("2026-11-10"), 10)
    move_on = by_key["move-on", "graham-whitlock", None]
    assert (move_on.due, move_on.days_overdue) == (d("2026-10-29"), 22)
    follow_up = by_key["follow-up", "helena-brandt", None]
    assert (follow_up.due, follow_up.days_overdue) == (d("2026-11-17"), 3)
    assert by_key["follow-up", "marcus-oyelaran", None].days_overdue == -3
    promised = by_key["promised", "ruth-abernathy", "2026-10-02-ruth-abernathy"]
    assert promised.due == d("2026-10-10")
    assert by_key["prepare", "dolores-ibanez", "2026-11-20-dolores-ibanez"].days_overdue == 1
    assert by_key["thank-you", "dolores-ibanez", "2026-11-20-dolores-ibanez"].due == d("2026-11-24")
    assert by_key["reconnect", "priya-raman", None].due == d("2026-12-30")

    referrals = [(i.contact, i.action) for i in of_kind(found, "referral")]
    assert [contact for contact, _ in referrals] == [
        "samuel-okafor",
        "kwame-asante",
        "mei-lin-zhou",
    ]
    assert "Dev Patel" in referrals[0][1]
    assert "Inês Carvalho" in referrals[1][1]
    assert "Renata Sousa" in referrals[2][1]

    contacts = {i.contact for i in found}
    # Yusuf's move-on is due 2026-11-24; Naomi declined (her reminder, rule 9,
    # is her only item); Tomasz is closed and his interview was cancelled;
    # Theo replied.
    assert not contacts & {"yusuf-demir", "tomasz-wrona", "theo-marchetti"}
    assert [(i.kind, i.due) for i in found if i.contact == "naomi-feld"] == [
        ("reminder", d("2027-03-02"))
    ]
    assert of_kind(found, "try-another") == []


def test_example_notebook_under_3b7(example: Notebook) -> None:
    options = dataclasses.replace(EXAMPLE_OPTIONS, follow_up_policy="3b7")
    found = due_items(example, TODAY, options)
    try_another = {i.contact: i.due for i in of_kind(found, "try-another")}
    # Graham's colleague Theo was asked since; Veterans Day delays Helena's.
    assert try_another == {
        "yusuf-demir": d("2026-11-13"),
        "helena-brandt": d("2026-11-16"),
        "marcus-oyelaran": d("2026-11-19"),
    }
    assert {i.contact: i.due for i in of_kind(found, "follow-up")} == {
        "helena-brandt": d("2026-11-20"),
        "marcus-oyelaran": d("2026-11-25"),
    }


def test_example_notebook_statuses(example: Notebook) -> None:
    rows = {row["slug"]: row for row in contact_rows(example, TODAY, EXAMPLE_OPTIONS)}
    statuses = {slug: row["status"] for slug, row in rows.items()}
    assert statuses["tomasz-wrona"] == "closed"
    assert statuses["dolores-ibanez"] == "interviewed"
    assert statuses["oskar-lindqvist"] == "scheduled"
    assert statuses["naomi-feld"] == "declined"
    assert statuses["theo-marchetti"] == "replied"
    assert statuses["graham-whitlock"] == "no-response"
    assert statuses["yusuf-demir"] == "followed-up"
    assert statuses["helena-brandt"] == "requested"
    assert statuses["ines-carvalho"] == "not-contacted"
    assert rows["priya-raman"]["last_interaction"] == "2026-10-01"
    assert rows["oskar-lindqvist"]["last_interaction"] == "2026-11-05"
    assert rows["ines-carvalho"]["last_interaction"] is None
    assert rows["farah-haddad"]["seniority"] == "mid"


def test_prepare_is_due_the_business_day_before() -> None:
    # Monday 7 December: due Friday 4 December; a holiday on that Friday moves it to Thursday.
    notebook = book(person("jane"), talk("jane", "2026-12-07"))
    [item] = items(notebook)
    assert item.due == d("2026-12-04")
    options = Options(today=d("2026-11-20"), holidays=(d("2026-12-04"),))
    [held_back] = due_items(notebook, d("2026-11-20"), options)
    assert held_back.due == d("2026-12-03")
    # Listed until the interview is held, however late.
    [late] = [i for i in due_items(notebook, d("2026-12-07"), Options()) if i.kind == "prepare"]
    assert (late.kind, late.days_overdue) == ("prepare", 3)
