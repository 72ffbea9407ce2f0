"""Everyday words for the values of the note format's fixed lists.

People type "zoom" for a video call, "coffee" for meeting in person and
"replied" for a reply. The commands accept these words and store the value
the note format names (saying so); the reader keeps notes to the format, but
suggests the value a word stands for. Each table maps a folded word to one
value of its list (see ``docs/notes.md``).
"""

from __future__ import annotations

from .vocab import Channel, Mode, OutreachKind, StillInterested, values

CHANNELS = values(Channel)
MODES = values(Mode)
OUTREACH_KINDS = values(OutreachKind)
STILL_INTERESTED = values(StillInterested)


def _table(allowed: tuple[str, ...], words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table = {word: value for value, many in words.items() for word in many}
    assert set(words) <= set(allowed), set(words) - set(allowed)
    return table


_VIDEO = ("zoom", "teams", "ms-teams", "meet", "google-meet", "skype", "webex", "facetime")
_IN_PERSON = ("in-person", "inperson", "person", "face-to-face", "f2f", "coffee", "lunch")

MODE_WORDS = _table(
    MODES,
    {
        "video": (*_VIDEO, "video-call", "videocall", "online", "virtual", "call-video"),
        "phone": ("call", "phone-call", "telephone", "tel", "cell", "mobile"),
        "in-person": (*_IN_PERSON, "office", "on-site", "onsite", "meeting", "visit"),
    },
)

CHANNEL_WORDS = _table(
    CHANNELS,
    {
        "email": ("e-mail", "mail", "gmail", "outlook"),
        "linkedin": ("linked-in", "li", "inmail", "linkedin-message"),
        "phone": ("call", "phone-call", "telephone", "tel", "text", "sms", "voicemail"),
        "in-person": (*_IN_PERSON, "meetup", "event", "conference", "career-fair", "fair"),
        "other": (*_VIDEO, "slack", "whatsapp", "signal", "discord", "message", "twitter", "x"),
    },
)

KIND_WORDS = _table(
    OUTREACH_KINDS,
    {
        "request": ("asked", "ask", "requested", "invite", "invited", "reached-out", "wrote"),
        "follow-up": ("followup", "followed-up", "follow", "reminder", "nudge", "chased"),
        "reply": ("replied", "answered", "answer", "responded", "response", "accepted", "yes"),
        "declined": ("decline", "no", "rejected", "refused", "turned-down", "said-no"),
        "update": ("updated", "news"),
        "note": ("noted", "notes", "comment"),
        "closed": ("close", "stop", "stopped", "done", "finished"),
    },
)

INTEREST_WORDS = _table(
    STILL_INTERESTED,
    {
        "yes": ("y", "true", "definitely", "very", "interested"),
        "no": ("n", "false", "not", "not-interested"),
        "unsure": ("maybe", "not-sure", "perhaps", "unsure", "undecided", "dunno", "?"),
    },
)

# Words a person may type as an outreach kind that are another command's job.
OTHER_COMMANDS = {
    "thank-you": "a thank-you after an interview is recorded with "
    "`interview-kb thanked INTERVIEW` (it sets thank_you in the interview's note)",
    "thanks": "a thank-you after an interview is recorded with "
    "`interview-kb thanked INTERVIEW` (it sets thank_you in the interview's note)",
    "thanked": "a thank-you after an interview is recorded with "
    "`interview-kb thanked INTERVIEW` (it sets thank_you in the interview's note)",
    "interview": "a conversation gets a note of its own: "
    "`interview-kb new interview CONTACT --date YYYY-MM-DD`",
    "meeting": "a conversation gets a note of its own: "
    "`interview-kb new interview CONTACT --date YYYY-MM-DD`",
}


def fold(word: str) -> str:
    """A word as the tables hold it: case folded, spaces and underscores as hyphens."""
    return "-".join(word.replace("_", " ").casefold().split())


def meaning(word: str, table: dict[str, str]) -> str | None:
    """The value ``word`` stands for in ``table``, or None."""
    return table.get(fold(word))
