"""What is due: the follow-up rules of docs/notes.md and each contact's status.

Pure functions of a ``Notebook``, the date taken as today and the ``Options``;
nothing here reads the clock or knows about MkDocs or click. Every public
function builds what it needs from the notebook once (per-contact facts, an
index of names and one of organizations), so a notebook of thousands of notes
costs a sort, never a loop over all contacts per contact.

Readings of the contract where it leaves a choice (see also the docstrings):

- A request is *answered* by a ``reply`` or ``declined`` event, or by an
  interview that is not cancelled (held or upcoming), dated on or after the
  request. A cancelled interview answers nothing, as it counts for nothing
  elsewhere.
- A ``follow-up`` event counts as sent "after" the latest request when it is
  dated on or after it (a note has dates, not times). When several were sent,
  move-on counts from the latest.
- Under policy ``3b7`` only rule 3's follow-up counts business days
  (``follow_up_after_days`` of them); move-on stays calendar days under both
  policies. ``try-another`` is independent of a follow-up having been sent:
  it concerns the unanswered request.
- Organizations are compared with white space collapsed and case folded.
- A ``declined`` event stops rules 3, 4 and 6 (and try-another) only until
  a later ``request`` (later in date, or written after it on the same day);
  a ``closed`` event stops them for good. Rule 9 (reminders) is never
  stopped: a reminder is how "try again in March" is kept.
- A reminder is acted on by any outreach event, or an interview that is not
  cancelled, dated on or after the reminder's date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..core.dates import Calendar
from ..core.model import Contact, Interview, Notebook, Options, OutreachEvent, Referral
from ..core.people import People, name_key
from ..core.vocab import FollowUpKind
from ..core.wording import interview_label

_KIND_ORDER = {kind: index for index, kind in enumerate(FollowUpKind)}

#: Outreach kinds that answer a request.
ANSWERS = ("reply", "declined")
#: Outreach kinds after which rules 3, 4 and 6 (and try-another) leave a
#: contact alone: ``closed`` for good, ``declined`` until a later request.
STOPPERS = ("declined", "closed")
#: Calendar days from a held interview (or thank-you) to rules 2, 5 and 7.
REFLECTION_DAYS = 2
PROMISED_DAYS = 7
REFERRAL_DAYS = 7
#: Business days from an unanswered request to try-another, under policy 3b7.
TRY_ANOTHER_BUSINESS_DAYS = 3


@dataclass(frozen=True)
class Item:
    """One thing to do, made by a follow-up rule.

    ``contact`` is the slug of the contact the rule is about; ``interview``
    the interview's slug for rules tied to one (thank-you, reflection,
    promised, referral, prepare), else None. ``days_overdue`` is today minus
    ``due`` in days: negative while it is still ahead.
    """

    kind: FollowUpKind
    contact: str
    interview: str | None
    due: date
    days_overdue: int
    action: str

    def as_json(self) -> dict[str, object]:
        """The object `interview-kb due --format json` prints, keys in order."""
        return {
            "kind": self.kind,
            "contact": self.contact,
            "interview": self.interview,
            "due": self.due.isoformat(),
            "days_overdue": self.days_overdue,
            "action": self.action,
        }

    def sort_key(self) -> tuple[date, int, str, str]:
        """Order of items: due, then rule, then contact, then interview slug.

        Items equal in all four (two promises of one interview) keep the order
        of the note, as ``due_items`` makes them in that order and sorts stably.
        """
        return (self.due, _KIND_ORDER[self.kind], self.contact, self.interview or "")


def calendar_for(options: Options) -> Calendar:
    """The business-day calendar of the options' ``holidays`` and ``holidays_country``."""
    return Calendar(options.holidays, options.holidays_country)


# ---------------------------------------------------------------------------
# what one contact's notes say


@dataclass(frozen=True)
class _Facts:
    """What the rules and the status ladder need to know about one contact."""

    closed: bool
    stopped: bool
    latest_answer: str | None
    request: date | None
    follow_up: date | None
    answered: bool
    last_outreach: date | None
    has_follow_up: bool


def _by_date(events: Iterable[OutreachEvent]) -> list[OutreachEvent]:
    # Stable, so that events of one day keep the order they were written in.
    return sorted(events, key=lambda event: event.date)


def _facts(contact: Contact, interviews: tuple[Interview, ...]) -> _Facts:
    events = _by_date(contact.outreach)
    kinds = {event.kind for event in events}
    answers = [event for event in events if event.kind in ANSWERS]
    requests = [event.date for event in events if event.kind == "request"]
    request = max(requests) if requests else None
    follow_up: date | None = None
    answered = False
    if request is not None:
        follow_ups = [e.date for e in events if e.kind == "follow-up" and e.date >= request]
        follow_up = max(follow_ups) if follow_ups else None
        # An answer written before the request on its day answers an older one.
        last = max(n for n, e in enumerate(events) if e.kind == "request")
        answered = any(e.kind in ANSWERS for e in events[last:]) or any(
            not interview.cancelled and interview.date >= request for interview in interviews
        )
    last_request = max((n for n, e in enumerate(events) if e.kind == "request"), default=-1)
    last_decline = max((n for n, e in enumerate(events) if e.kind == "declined"), default=-1)
    return _Facts(
        closed="closed" in kinds,
        stopped="closed" in kinds or last_decline > last_request,
        latest_answer=answers[-1].kind if answers else None,
        request=request,
        follow_up=follow_up,
        answered=answered,
        # last_contact (an Obsidian template's date of the last chat) counts too.
        last_outreach=max(
            (d for d in (events[-1].date if events else None, contact.last_contact) if d),
            default=None,
        ),
        has_follow_up="follow-up" in kinds,
    )


def _latest_held(interviews: Iterable[Interview], today: date) -> date | None:
    held = [interview.date for interview in interviews if interview.is_held(today)]
    return max(held) if held else None


def _last_interaction(facts: _Facts, interviews: tuple[Interview, ...], today: date) -> date | None:
    dates = [d for d in (facts.last_outreach, _latest_held(interviews, today)) if d is not None]
    return max(dates) if dates else None


def _move_on_due(facts: _Facts, options: Options) -> date | None:
    """Rule 4's due date (before the "only once due" test), or None."""
    if facts.stopped or facts.answered or facts.follow_up is None:
        return None
    return facts.follow_up + timedelta(days=options.follow_up_after_days)


def _contact_of(notebook: Notebook, contact: Contact | str) -> Contact:
    return notebook.contacts[contact] if isinstance(contact, str) else contact


def last_interaction(notebook: Notebook, contact: Contact | str, today: date) -> date | None:
    """The latest of the contact's held interview dates and outreach dates (rule 6).

    Every outreach event counts, whatever its kind or date; None when there is
    nothing at all.
    """
    person = _contact_of(notebook, contact)
    interviews = notebook.interviews_of(person.slug)
    return _last_interaction(_facts(person, interviews), interviews, today)


def _status(facts: _Facts, interviews: tuple[Interview, ...], today: date, options: Options) -> str:
    if facts.closed:
        return "closed"
    if any(interview.is_held(today) for interview in interviews):
        return "interviewed"
    if any(interview.is_upcoming(today) for interview in interviews):
        return "scheduled"
    if facts.latest_answer == "declined" and facts.stopped:  # else: asked again since
        return "declined"
    if facts.latest_answer == "reply":
        return "replied"
    move_on = _move_on_due(facts, options)
    if move_on is not None and move_on <= today:
        return "no-response"
    if facts.follow_up is not None or (facts.has_follow_up and facts.request is None):
        return "followed-up"
    if facts.request is not None:
        return "requested"
    return "not-contacted"


def contact_status(
    notebook: Notebook,
    contact: Contact | str,
    today: date,
    options: Options,
) -> str:
    """The contact's status: the first rung of the ladder (docs/notes.md) that fits.

    ``closed`` (a closed event) > ``interviewed`` (a held interview) >
    ``scheduled`` (an upcoming one) > ``declined`` / ``replied`` (the kind of
    the latest ``reply`` or ``declined`` event; on one day, the one written
    last) > ``no-response`` (move-on is due) > ``followed-up`` (a follow-up on
    or after the latest request; or any follow-up when there is no request) >
    ``requested`` (a request) > ``not-contacted``. The ladder counts
    calendar days only.
    """
    person = _contact_of(notebook, contact)
    interviews = notebook.interviews_of(person.slug)
    return _status(_facts(person, interviews), interviews, today, options)


def contact_rows(notebook: Notebook, today: date, options: Options) -> list[dict[str, object]]:
    """Every contact, by slug, as `interview-kb contacts --format json` prints it.

    Keys, in order: slug, name, organization, role, seniority, warmth (both
    after inference, or None), status and last_interaction (ISO date or None).
    """
    rows: list[dict[str, object]] = []
    for slug in sorted(notebook.contacts):
        contact = notebook.contacts[slug]
        interviews = notebook.interviews_of(slug)
        facts = _facts(contact, interviews)
        last = _last_interaction(facts, interviews, today)
        rows.append(
            {
                "slug": slug,
                "name": contact.name,
                "organization": contact.organization,
                "role": contact.role,
                "seniority": contact.seniority,
                "warmth": contact.warmth,
                "status": _status(facts, interviews, today, options),
                "last_interaction": last.isoformat() if last else None,
            }
        )
    return rows


# ---------------------------------------------------------------------------
# indexes over the whole notebook


def organization_key(organization: str | None) -> str | None:
    """An organization as compared by try-another: white space collapsed, case
    folded; None when it is absent or blank."""
    if organization is None:
        return None
    key = name_key(organization)
    return key or None


class _Index:
    """Per-contact facts, and the look-ups across contacts, built once."""

    def __init__(self, notebook: Notebook) -> None:
        self.notebook = notebook
        self.facts: dict[str, _Facts] = {}
        # For each organization, the two contacts asked most recently (date
        # of their latest request, slug): enough to answer "was anyone else
        # there asked since?" in constant time.
        self.asked: dict[str, list[tuple[date, str]]] = {}
        for slug in sorted(notebook.contacts):
            contact = notebook.contacts[slug]
            facts = _facts(contact, notebook.interviews_of(slug))
            self.facts[slug] = facts
            organization = organization_key(contact.organization)
            if organization is not None and facts.request is not None:
                top = self.asked.setdefault(organization, [])
                top.append((facts.request, slug))
                top.sort(reverse=True)
                del top[2:]
        self.people = People.of(notebook.contacts)

    def name(self, slug: str) -> str:
        contact = self.notebook.contacts.get(slug)
        return contact.name if contact else slug

    def someone_else_asked_since(self, contact: Contact, since: date) -> bool:
        organization = organization_key(contact.organization)
        if organization is None:
            return False
        return any(
            slug != contact.slug and asked >= since
            for asked, slug in self.asked.get(organization, ())
        )

    def referred(self, referral: Referral) -> tuple[str, ...]:
        """The contacts a referral points to: its ``contact`` slug when that
        names a contact, else every contact whose name or alias is its name."""
        if referral.contact and referral.contact in self.notebook.contacts:
            return (referral.contact,)
        if referral.name:
            return self.people.all_named(referral.name)
        return ()

    def has_activity(self, slug: str) -> bool:
        contact = self.notebook.contacts.get(slug)
        return bool(contact and contact.outreach) or bool(self.notebook.interviews_of(slug))


# ---------------------------------------------------------------------------
# the rules


def _interview_items(
    interview: Interview, index: _Index, today: date, options: Options, calendar: Calendar
) -> Iterator[tuple[FollowUpKind, date, str]]:
    """Rules 1, 2, 5, 7 and 8 for one interview: (kind, due, action)."""
    if interview.cancelled:
        return
    name = index.name(interview.contact)
    on = interview.date.isoformat()
    if interview.is_held(today):
        if interview.thank_you is None:
            due = calendar.add_business_days(interview.date, options.thank_you_business_days)
            yield (
                FollowUpKind.THANK_YOU,
                due,
                f"Send {name} a thank-you note for your conversation on {on}.",
            )
        if interview.reflection is None or interview.reflection.is_empty():
            yield (
                FollowUpKind.REFLECTION,
                interview.date + timedelta(days=REFLECTION_DAYS),
                f"Write down what you learned from your conversation with {name} on {on}.",
            )
        promised_due = (interview.thank_you or interview.date) + timedelta(days=PROMISED_DAYS)
        for promise in interview.promised:
            if not promise.received:
                yield (
                    FollowUpKind.PROMISED,
                    promised_due,
                    f"Remind {name}, kindly, of \u201c{promise.item}\u201d, "
                    f"offered in your conversation on {on}.",
                )
        for referral in interview.referrals:
            pointed = index.referred(referral)
            if any(index.has_activity(slug) for slug in pointed):
                continue
            who = referral.name or (index.name(pointed[0]) if pointed else referral.contact)
            yield (
                FollowUpKind.REFERRAL,
                interview.date + timedelta(days=REFERRAL_DAYS),
                f"Write to {who}, whom {name} suggested you talk to on {on}.",
            )
    if interview.is_upcoming(today):
        when = interview_label(interview, " at ")
        # Research takes a day, not an hour: due the business day before.
        yield (
            FollowUpKind.PREPARE,
            calendar.business_day_before(interview.date),
            f"Prepare for your conversation with {name} on {when}: read up on them and "
            "their organization, choose your questions and print the prep sheet.",
        )


def _contact_items(
    contact: Contact, index: _Index, today: date, options: Options, calendar: Calendar
) -> Iterator[tuple[FollowUpKind, date, str]]:
    """Rules 3, 4, 6 and 9, and try-another, for one contact: (kind, due, action)."""
    yield from _reminder_items(contact, index)
    facts = index.facts[contact.slug]
    if facts.stopped:
        return
    name = contact.name
    request = facts.request
    if request is not None and not facts.answered:
        asked = request.isoformat()
        three_b_seven = options.follow_up_policy == "3b7"
        if facts.follow_up is None:
            if three_b_seven:
                due = calendar.add_business_days(request, options.follow_up_after_days)
            else:
                due = request + timedelta(days=options.follow_up_after_days)
            yield (
                FollowUpKind.FOLLOW_UP,
                due,
                f"Send {name} one short, friendly reminder of your request of {asked}.",
            )
        else:
            due = facts.follow_up + timedelta(days=options.follow_up_after_days)
            if due <= today:
                yield (
                    FollowUpKind.MOVE_ON,
                    due,
                    f"Stop asking {name}, who has not answered your request of {asked} or "
                    f"your follow-up of {facts.follow_up.isoformat()}, and put the effort "
                    "elsewhere.",
                )
        organization = (contact.organization or "").strip()
        if three_b_seven and organization and not index.someone_else_asked_since(contact, request):
            yield (
                FollowUpKind.TRY_ANOTHER,
                calendar.add_business_days(request, TRY_ANOTHER_BUSINESS_DAYS),
                f"Ask another person at {organization}: {name} has not "
                f"answered your request of {asked}.",
            )
    interviews = index.notebook.interviews_of(contact.slug)
    latest_held = _latest_held(interviews, today)
    if latest_held is not None:
        last = _last_interaction(facts, interviews, today) or latest_held
        yield (
            FollowUpKind.RECONNECT,
            last + timedelta(days=options.reconnect_after_days),
            f"Write to {name} with your news: your last contact was on {last.isoformat()}.",
        )


def _reminder_items(contact: Contact, index: _Index) -> Iterator[tuple[FollowUpKind, date, str]]:
    """Rule 9: each reminder not done and not acted on, due on its date."""
    if not contact.reminders:
        return
    dates = [event.date for event in contact.outreach]
    dates += [i.date for i in index.notebook.interviews_of(contact.slug) if not i.cancelled]
    latest = max(dates, default=None)
    for reminder in contact.reminders:
        if reminder.done or (latest is not None and latest >= reminder.date):
            continue
        what = f": \u201c{reminder.note}\u201d" if reminder.note else ""
        # "...the usability test.”" needs no second full stop.
        end = "" if reminder.note and reminder.note.rstrip()[-1] in ".!?" else "."
        yield (
            FollowUpKind.REMINDER,
            reminder.date,
            f"Your reminder about {contact.name} for {reminder.date.isoformat()}{what}{end}",
        )


def due_items(
    notebook: Notebook, today: date, options: Options, calendar: Calendar | None = None
) -> list[Item]:
    """Every item the follow-up rules make, ordered by due, rule, contact.

    ``calendar`` defaults to ``calendar_for(options)``; pass one to share its
    holiday cache. Move-on items are listed only once due; every other item
    as soon as its rule applies, with a negative ``days_overdue`` while ahead.
    """
    calendar = calendar or calendar_for(options)
    index = _Index(notebook)
    items: list[Item] = []

    def add(
        kind: FollowUpKind, contact: str, interview: str | None, due: date, action: str
    ) -> None:
        items.append(Item(kind, contact, interview, due, (today - due).days, action))

    for slug in sorted(notebook.interviews):
        interview = notebook.interviews[slug]
        for kind, due, action in _interview_items(interview, index, today, options, calendar):
            add(kind, interview.contact, slug, due, action)
    for slug in sorted(notebook.contacts):
        contact = notebook.contacts[slug]
        for kind, due, action in _contact_items(contact, index, today, options, calendar):
            add(kind, slug, None, due, action)
    items.sort(key=Item.sort_key)
    return items
