"""Suggested messages for every step, drafted from the notes and the owner's profile.

A draft is a starting point the owner edits before sending: it opens with
the contact's ``greeting``, says why this person and what is asked, and is
signed with the profile's signature. It never quotes what the owner wrote
for themselves (note bodies, outreach notes, reflections, answers, referral
notes, another contact's ``connection``): only the interview's
``thank_you_note``, the profile and structured fields (names, role,
organization, dates, promised items), or else a bracketed placeholder to
fill in. A warm first request names the contact's own ``connection``: that
is what the message is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..core.model import Contact, Interview, Notebook, Profile, Promise, Referral
from ..core.people import People, name_key
from ..core.vocab import DraftKind, FollowUpKind
from ..core.wording import day_and_month
from .followups import Item, organization_key

DRAFTED_KINDS = (
    FollowUpKind.THANK_YOU,
    FollowUpKind.FOLLOW_UP,
    FollowUpKind.TRY_ANOTHER,
    FollowUpKind.PROMISED,
    FollowUpKind.RECONNECT,
    FollowUpKind.REFERRAL,
)
# A message is drafted for what is due within the week or fell due in the
# last month. Further ahead it would be stale by the time it is sent; a month
# late, its wording (thanks for our talk on 6 November) no longer fits and the
# person needs their own words. A notebook of years also has hundreds of old
# items, whose drafts would weigh on the follow-ups page and the calendar.
DRAFT_DAYS_AHEAD = 7
DRAFT_DAYS_BEHIND = 30

#: The kinds whose SLUG is an interview's; the others take a contact's.
BY_INTERVIEW = (DraftKind.THANK_YOU, DraftKind.PROMISED, DraftKind.REFERRAL)


def in_draft_window(item: Item) -> bool:
    """Whether ``item`` is due soon enough, and late little enough, to draft a message."""
    return -DRAFT_DAYS_AHEAD <= item.days_overdue <= DRAFT_DAYS_BEHIND


@dataclass(frozen=True)
class Draft:
    """A message: its subject and body, as plain text."""

    subject: str
    body: str


@dataclass(frozen=True)
class Addressed:
    """A draft and whom it goes to: ``email`` is None when no address is known."""

    kind: DraftKind
    to: str
    email: str | None
    draft: Draft


class NoDraft(ValueError):
    """No draft can be written: the message says why and what to do."""


def first_name(contact: Contact) -> str:
    """The name to open a message with: the first word of the contact's name."""
    return _first(contact.name)


def _first(name: str) -> str:
    return name.split()[0] if name.split() else name


# Where the notes hold nothing to say, the owner fills it in.
THANK_YOU_PLACEHOLDER = "[One thing from our conversation that you will act on, in your words.]"
WHO_I_AM_PLACEHOLDER = "[A sentence about who you are and what you are exploring.]"
FOUND_YOU_PLACEHOLDER = "[where you came across them: a talk, an article, their team's page]"
NEWS_PLACEHOLDER = "[your news, and how their advice helped]"


def greeting(contact: Contact) -> str:
    """How a message to ``contact`` opens: their ``greeting``, else "Hi" and
    the first name, without a final comma (the draft adds it)."""
    if contact.greeting and contact.greeting.strip():
        return " ".join(contact.greeting.split()).rstrip(",:;")
    return f"Hi {first_name(contact)}"


def _open_promises(interview: Interview) -> list[Promise]:
    return [p for p in interview.promised if not p.received]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    text = text if text.endswith((".", "!", "?")) else text + "."
    return text[0].upper() + text[1:]


def _letter(hello: str, paragraphs: Iterable[str], profile: Profile | None) -> str:
    """A message: greeting, paragraphs, and the profile's sign-off."""
    sign = profile.sign_off if profile else None
    closing = "Best wishes," + (f"\n{sign.strip()}" if sign and sign.strip() else "")
    return f"{hello},\n\n" + "\n\n".join(p for p in paragraphs if p) + f"\n\n{closing}"


def who_i_am(profile: Profile | None) -> str:
    """The sentence a first message introduces the owner with."""
    if profile is None or not (profile.name or profile.background or profile.introduction):
        return WHO_I_AM_PLACEHOLDER
    if profile.introduction and not profile.name:
        return _sentence(profile.introduction)
    parts = []
    if profile.name:
        parts.append(f"My name is {' '.join(profile.name.split())}")
    if profile.background:
        joint = ", and I am " if parts else "I am "
        parts.append(joint + " ".join(profile.background.split()).rstrip("."))
    if profile.exploring:
        parts.append(", exploring " + " ".join(profile.exploring.split()).rstrip("."))
    return "".join(parts) + "."


def _role_at(contact: Contact) -> str:
    """`` as UX Researcher at Northwind``, or what of it is known, or nothing."""
    role = f" as {contact.role}" if contact.role else ""
    where = f" at {contact.organization}" if contact.organization else ""
    return role + where


def _why_you(contact: Contact) -> str:
    """Why this person, from ``interest``: their role, their organization, or both."""
    role = contact.role if "role" in contact.interest else None
    organization = contact.organization if "organization" in contact.interest else None
    if role and organization:
        return (
            f"Work as {role} is what I most want to understand, and {organization} is "
            "a place I would love to learn about from the inside."
        )
    if role:
        return f"I would value hearing how you came to your work as {role}, and what it is like."
    if organization:
        return f"I am keen to learn about {organization}, and how you see your work there."
    return f"I would value hearing about your work{_role_at(contact)}."


ASK = (
    "Would you have 20 to 30 minutes in the coming weeks for a short conversation, by phone "
    "or video, or over coffee if that is easier? I am looking for your advice and your "
    "experience, not a job, and my times are flexible: whatever suits you will suit me."
)


def _how_we_meet(notebook: Notebook, contact: Contact) -> tuple[str, str | None]:
    """The sentence saying how the owner comes to write, and the introducer's
    name when there is one (for the subject)."""
    introducer = notebook.contacts.get(contact.introduced_by or "")
    if introducer is not None:
        return f"{introducer.name} suggested I get in touch with you.", introducer.name
    if contact.warmth != "cold" and contact.connection and contact.connection.strip():
        return (
            f"I am writing because we have a connection in common "
            f"({' '.join(contact.connection.split())}).",
            None,
        )
    where = "on LinkedIn" if contact.linkedin else FOUND_YOU_PLACEHOLDER
    return f"I came across your profile {where}.", None


def request_draft(notebook: Notebook, contact: Contact) -> Draft:
    """The first request for an informational interview with ``contact``."""
    how, introducer = _how_we_meet(notebook, contact)
    subject = (
        f"{introducer} suggested I get in touch"
        if introducer
        else f"A short conversation about your work{_role_at(contact)}"
    )
    body = _letter(
        greeting(contact),
        [f"{how} {who_i_am(notebook.profile)}", _why_you(contact), ASK],
        notebook.profile,
    )
    return Draft(subject, body)


def _latest_request(contact: Contact) -> date | None:
    asked = [event.date for event in contact.outreach if event.kind == "request"]
    return max(asked) if asked else None


def follow_up_draft(notebook: Notebook, contact: Contact) -> Draft:
    """The one friendly reminder after an unanswered request."""
    request = _latest_request(contact)
    sent = f"my message of {day_and_month(request)}" if request else "my earlier message"
    return Draft(
        "Following up: a short conversation about your work",
        _letter(
            greeting(contact),
            [
                f"I am following up on {sent} in case it got buried. I would value 20 "
                f"to 30 minutes to hear about your work{_role_at(contact)}, at whatever "
                "time suits you in the coming weeks. If now is not a good moment, no "
                "problem at all."
            ],
            notebook.profile,
        ),
    )


def _others_at(notebook: Notebook, contact: Contact) -> list[Contact]:
    """Other contacts at ``contact``'s organization not asked yet, by slug."""
    key = organization_key(contact.organization)
    return [
        other
        for slug, other in sorted(notebook.contacts.items())
        if slug != contact.slug
        and organization_key(other.organization) == key
        and not other.outreach
        and not notebook.interviews_of(slug)
    ]


def try_another_draft(
    notebook: Notebook, contact: Contact, to: str | None = None
) -> tuple[str, Contact | None, Draft]:
    """A first request to someone else at the organization of ``contact``, who
    has not answered: to ``to`` (a name or slug), else the first contact there
    not asked yet, else to a person the owner names. Returns the name, the
    contact written to (if known) and the draft."""
    organization = (contact.organization or "").strip()
    if not organization:
        raise NoDraft(
            f"{contact.name} has no organization: add 'organization:' to {contact.path} "
            "to find someone else there"
        )
    if to is not None:
        found = _find_contact(notebook, to)
        if found is None:
            raise NoDraft(f"no contact named '{to}'; give a contact's name or slug")
        return found.name, found, request_draft(notebook, found)
    others = _others_at(notebook, contact)
    if others:
        return others[0].name, others[0], request_draft(notebook, others[0])
    name = f"[someone else at {organization}]"
    body = _letter(
        "Hi [their first name]",
        [
            f"I am hoping to learn more about {organization}, and came across your "
            f"profile {FOUND_YOU_PLACEHOLDER}. {who_i_am(notebook.profile)}",
            f"I would value hearing about your work at {organization}.",
            ASK,
        ],
        notebook.profile,
    )
    return name, None, Draft(f"A short conversation about your work at {organization}", body)


def thank_you_draft(notebook: Notebook, interview: Interview, contact: Contact) -> Draft:
    """The thank-you: the day, the ``thank_you_note`` (or a placeholder), any offer."""
    on = day_and_month(interview.date)
    lines = [f"Thank you for making the time to talk with me on {on}."]
    note = interview.thank_you_note
    lines.append(_sentence(note) if note and note.strip() else THANK_YOU_PLACEHOLDER)
    promises = _open_promises(interview)
    if promises:
        lines.append(
            f"And thank you for offering to send {promises[0].item}; I look forward to it."
        )
    lines.append("I will let you know how things go.")
    return Draft(
        f"Thank you for our conversation on {on}",
        _letter(greeting(contact), [" ".join(lines)], notebook.profile),
    )


def promised_draft(
    notebook: Notebook, interview: Interview, contact: Contact, thing: str | None = None
) -> Draft:
    """A kind reminder of something offered and not received."""
    promises = _open_promises(interview)
    if thing is None:
        if not promises:
            raise NoDraft(
                f"nothing offered in {interview.path} is still awaited: every 'promised' "
                "item is received"
            )
        thing = promises[0].item
    on = day_and_month(interview.date)
    return Draft(
        f"Following up on our conversation on {on}",
        _letter(
            greeting(contact),
            [
                f"Thank you again for our conversation on {on}. You kindly offered to "
                f"send {thing}; it would still be very helpful whenever you have a moment."
            ],
            notebook.profile,
        ),
    )


def reconnect_draft(notebook: Notebook, contact: Contact, today: date | None = None) -> Draft:
    """News, some months on: the owner writes the news itself."""
    held = [i for i in notebook.interviews_of(contact.slug) if not i.cancelled]
    if today is not None:
        held = [i for i in held if i.is_held(today)]
    since = f" on {day_and_month(held[-1].date)}" if held else ""
    where = f" at {contact.organization}" if contact.organization else ""
    return Draft(
        "News since we last spoke",
        _letter(
            greeting(contact),
            [
                f"It has been a while since we spoke{since}, and I wanted to tell you "
                f"where things stand: {NEWS_PLACEHOLDER}.",
                f"I hope all is well{where}.",
            ],
            notebook.profile,
        ),
    )


def referral_name(notebook: Notebook, referral: Referral, people: People | None = None) -> str:
    """The name a referral goes by: its ``name``, else its contact's."""
    if referral.name:
        return referral.name
    pointed = _referred(notebook, referral, people)
    if pointed is not None:
        return pointed.name
    return referral.contact or ""


def _referred(
    notebook: Notebook, referral: Referral, people: People | None = None
) -> Contact | None:
    people = people or People.of(notebook.contacts)
    slug = people.slug(referral.contact, referral.name)
    return notebook.contacts.get(slug) if slug else None


def referral_draft(
    notebook: Notebook, interview: Interview, referral: Referral, people: People | None = None
) -> Addressed:
    """A first message to someone a contact suggested, naming who suggested them."""
    referrer = notebook.contacts.get(interview.contact)
    by = referrer.name if referrer else interview.contact
    person = _referred(notebook, referral, people)
    name = referral_name(notebook, referral, people)
    hello = greeting(person) if person else f"Hi {_first(name)}"
    about = (
        f"I would value hearing about your work{_role_at(person)}."
        if person
        else "I would value hearing about your work."
    )
    body = _letter(
        hello,
        [
            f"{by} suggested I get in touch with you when we spoke on "
            f"{day_and_month(interview.date)}. {who_i_am(notebook.profile)}",
            about,
            ASK,
        ],
        notebook.profile,
    )
    return Addressed(
        DraftKind.REFERRAL,
        name,
        person.email if person else None,
        Draft(f"{by} suggested I get in touch", body),
    )


def _find_contact(notebook: Notebook, text: str) -> Contact | None:
    if text in notebook.contacts:
        return notebook.contacts[text]
    slug = People.of(notebook.contacts).named(text)
    return notebook.contacts.get(slug) if slug else None


def _find_referral(notebook: Notebook, interview: Interview, to: str | None) -> Referral:
    referrals = interview.referrals
    if not referrals:
        raise NoDraft(f"{interview.path} lists no referrals: add them under 'referrals:'")
    people = People.of(notebook.contacts)
    if to is None:
        if len(referrals) == 1:
            return referrals[0]
        names = ", ".join(referral_name(notebook, r, people) for r in referrals)
        raise NoDraft(f"{interview.path} lists several referrals; pick one with --to ({names})")
    wanted = name_key(to)
    for referral in referrals:
        keys = {name_key(referral_name(notebook, referral, people))}
        if referral.contact:
            keys.add(name_key(referral.contact))
        pointed = _referred(notebook, referral, people)
        if pointed is not None:
            keys |= {name_key(pointed.slug), name_key(pointed.name)}
        if wanted in keys:
            return referral
    names = ", ".join(referral_name(notebook, r, people) for r in referrals)
    raise NoDraft(f"no referral named '{to}' in {interview.path}; its referrals: {names}")


def compose(
    notebook: Notebook,
    kind: DraftKind,
    slug: str,
    to: str | None = None,
    today: date | None = None,
) -> Addressed:
    """The draft of ``kind`` for the contact or interview ``slug`` (``BY_INTERVIEW``
    kinds take an interview's slug); raises ``NoDraft`` saying what is missing."""
    if kind in BY_INTERVIEW:
        interview = notebook.interviews.get(slug)
        if interview is None:
            raise NoDraft(
                f"no interview '{slug}': a {kind} draft takes an interview's slug "
                "(its file name without .md)"
            )
        if kind == DraftKind.REFERRAL:
            return referral_draft(notebook, interview, _find_referral(notebook, interview, to))
        contact = notebook.contacts.get(interview.contact)
        if contact is None:
            raise NoDraft(f"the contact '{interview.contact}' of {interview.path} is not found")
        if kind == DraftKind.THANK_YOU:
            message = thank_you_draft(notebook, interview, contact)
        else:
            message = promised_draft(notebook, interview, contact)
        return Addressed(kind, contact.name, contact.email, message)
    contact = notebook.contacts.get(slug)
    if contact is None:
        raise NoDraft(
            f"no contact '{slug}': a {kind} draft takes a contact's slug "
            "(its file name without .md)"
        )
    if kind == DraftKind.TRY_ANOTHER:
        name, person, message = try_another_draft(notebook, contact, to)
        return Addressed(kind, name, person.email if person else None, message)
    if kind == DraftKind.REQUEST:
        message = request_draft(notebook, contact)
    elif kind == DraftKind.FOLLOW_UP:
        message = follow_up_draft(notebook, contact)
    else:
        message = reconnect_draft(notebook, contact, today)
    return Addressed(kind, contact.name, contact.email, message)


def draft(item: Item, notebook: Notebook) -> Draft | None:
    """The suggested message for a follow-up item, if its kind has one."""
    found = addressed(item, notebook)
    return found.draft if found else None


def addressed(item: Item, notebook: Notebook) -> Addressed | None:
    """The suggested message for a follow-up item, and whom it goes to."""
    contact = notebook.contacts.get(item.contact)
    if contact is None or item.kind not in DRAFTED_KINDS:
        return None
    interview = notebook.interviews.get(item.interview) if item.interview else None
    try:
        if item.kind == FollowUpKind.PROMISED and interview is not None:
            promises = _open_promises(interview)
            named = [p for p in promises if f"\u201c{p.item}\u201d" in item.action] or promises
            thing = named[0].item if named else None
            return Addressed(
                DraftKind.PROMISED,
                contact.name,
                contact.email,
                promised_draft(notebook, interview, contact, thing),
            )
        if item.kind == FollowUpKind.REFERRAL and interview is not None:
            people = People.of(notebook.contacts)
            for referral in interview.referrals:
                if item.action.startswith(f"Write to {referral_name(notebook, referral, people)},"):
                    return referral_draft(notebook, interview, referral, people)
            return None
        if item.kind == FollowUpKind.THANK_YOU and interview is not None:
            return Addressed(
                DraftKind.THANK_YOU,
                contact.name,
                contact.email,
                thank_you_draft(notebook, interview, contact),
            )
        if item.kind in (FollowUpKind.FOLLOW_UP, FollowUpKind.TRY_ANOTHER, FollowUpKind.RECONNECT):
            return compose(notebook, DraftKind(item.kind.value), contact.slug, today=item.due)
    except NoDraft:
        return None
    return None
