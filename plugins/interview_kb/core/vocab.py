"""The value lists of the note format and the options, as ``str`` Enums.

A member compares equal to its text (``Warmth.WARM == "warm"``) and prints
as it (``f"{Warmth.WARM}"`` is ``warm``), so the JSON, the pages and the
messages read as before; a list in its order gives the "one of ..." that
messages name. See docs/notes.md for what each value means.
"""

from __future__ import annotations

from enum import StrEnum


class Seniority(StrEnum):
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"


class Warmth(StrEnum):
    WARM = "warm"
    COLD = "cold"


class Interest(StrEnum):
    ROLE = "role"
    ORGANIZATION = "organization"


class OutreachKind(StrEnum):
    REQUEST = "request"
    FOLLOW_UP = "follow-up"
    REPLY = "reply"
    DECLINED = "declined"
    UPDATE = "update"
    NOTE = "note"
    CLOSED = "closed"


class Channel(StrEnum):
    EMAIL = "email"
    LINKEDIN = "linkedin"
    PHONE = "phone"
    IN_PERSON = "in-person"
    OTHER = "other"


class InterviewStatus(StrEnum):
    SCHEDULED = "scheduled"
    DONE = "done"
    CANCELLED = "cancelled"


class Mode(StrEnum):
    IN_PERSON = "in-person"
    VIDEO = "video"
    PHONE = "phone"


class StillInterested(StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Category(StrEnum):
    """The built-in question categories, in their order; a notebook's own
    question bank may add others (plain texts)."""

    BACKGROUND = "background"
    DAY_TO_DAY = "day-to-day"
    FIT = "fit"
    INSIDE_VIEW = "inside-view"
    ADVICE = "advice"
    NETWORK = "network"
    ORGANIZATION = "organization"


class Policy(StrEnum):
    """``follow_up_policy``: a follow-up after a week, or try another after three business days."""

    WEEK = "week"
    THREE_B_SEVEN = "3b7"


class PublishMode(StrEnum):
    NOTEBOOK = "notebook"
    GUIDE = "guide"


def values(kind: type[StrEnum]) -> tuple[str, ...]:
    """The texts of a list, in order (for click's and MkDocs' choices)."""
    return tuple(member.value for member in kind)


_CATEGORY_ORDER = {category.value: index for index, category in enumerate(Category)}


def category_order(category: str) -> int:
    """Where a category sorts: the built-in ones in their order, any other after them."""
    return _CATEGORY_ORDER.get(category, len(_CATEGORY_ORDER))


class FollowUpKind(StrEnum):
    """The follow-up rules' kinds of item, in the order items due the same day are listed."""

    THANK_YOU = "thank-you"
    REFLECTION = "reflection"
    FOLLOW_UP = "follow-up"
    TRY_ANOTHER = "try-another"
    MOVE_ON = "move-on"
    PROMISED = "promised"
    RECONNECT = "reconnect"
    REFERRAL = "referral"
    PREPARE = "prepare"
    REMINDER = "reminder"  # rule 9, revision of 2026-12-02


class DraftKind(StrEnum):
    """The messages ``interview-kb draft`` writes (docs/notes.md, "Drafts")."""

    REQUEST = "request"
    FOLLOW_UP = "follow-up"
    TRY_ANOTHER = "try-another"
    THANK_YOU = "thank-you"
    PROMISED = "promised"
    RECONNECT = "reconnect"
    REFERRAL = "referral"
