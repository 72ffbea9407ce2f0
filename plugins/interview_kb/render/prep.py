"""The prep sheet: its wording, shared by the interview's page, ``interview-kb
prepare`` (Markdown) and its JSON."""

from __future__ import annotations

from typing import Any

from ..analysis.prep import PrepQuestion, PrepSheet
from ..core.model import OutreachEvent
from ..core.wording import interview_label, long_date

IN_PERSON_REMINDER = "In person: plan your route, and arrive ten minutes early."
NO_INTRODUCTION = (
    "Write a two-minute introduction under 'introduction:' in profile.yml: who you are, "
    "what you are exploring, and what you hope to learn."
)


def who_line(sheet: PrepSheet) -> str:
    """``Naomi Feld, UX Research Lead at Brightpath Learning; senior, 12 years``."""
    contact = sheet.contact
    text = contact.name
    if contact.role:
        text += f", {contact.role}"
    if contact.organization:
        text += f" at {contact.organization}"
    level = []
    if contact.seniority:
        level.append(str(contact.seniority))
    if contact.years_experience is not None:
        years = contact.years_experience
        shown = int(years) if float(years).is_integer() else years
        level.append(f"{shown} {'year' if shown == 1 else 'years'} in the field")
    return text + (f"; {', '.join(level)}" if level else "")


def _event(event: OutreachEvent) -> str:
    channel = f" ({event.channel})" if event.channel else ""
    note = f": {' '.join(event.note.split())}" if event.note else ""
    return f"{event.date.isoformat()} {event.kind}{channel}{note}"


def ties(sheet: PrepSheet) -> list[str]:
    """How you are connected, the outreach so far and earlier conversations, a line each."""
    lines = []
    tie = sheet.tie
    if tie.introducer_name:
        lines.append(f"Introduced by {tie.introducer_name}.")
    elif tie.introducer:
        lines.append(f"Introduced by {tie.introducer}.")
    if tie.connection:
        lines.append(f"Connection: {' '.join(tie.connection.split())}")
    if tie.warmth and not lines:
        lines.append(f"A {tie.warmth} contact.")
    lines.extend(f"Outreach {_event(event)}" for event in sheet.outreach)
    lines.extend(f"Earlier conversation on {interview_label(i)}" for i in sheet.earlier)
    return lines or ["No introduction, connection or outreach in your notes yet."]


def logistics(sheet: PrepSheet) -> list[tuple[str, str]]:
    """``(label, value)`` rows: when, mode, duration, place or link."""
    interview = sheet.interview
    when = long_date(interview.date)
    if interview.time:
        when += f" at {interview_label(interview).split()[-1]}"
    rows = [("When", when)]
    if interview.mode:
        rows.append(("Mode", str(interview.mode)))
    if interview.duration:
        rows.append(("Duration", f"{interview.duration} minutes"))
    if interview.location:
        rows.append(("Place" if sheet.in_person else "Link or place", interview.location))
    return rows


def _question_json(question: PrepQuestion) -> dict[str, object]:
    return {
        "text": question.text,
        "id": question.id,
        "category": question.category,
        "earlier": question.summary,
        "why": question.why,
    }


def prep_json(sheet: PrepSheet) -> dict[str, Any]:
    """The object `interview-kb prepare --format json` prints."""
    contact = sheet.contact
    profile = sheet.profile
    return {
        "interview": sheet.interview.slug,
        "who": {
            "contact": contact.slug,
            "name": contact.name,
            "role": contact.role,
            "organization": contact.organization,
            "seniority": contact.seniority,
            "years_experience": contact.years_experience,
        },
        "ties": ties(sheet),
        "organization": [
            {
                "contact": colleague.slug,
                "name": colleague.name,
                "role": colleague.role,
                "said": [{"question": q, "answer": a.summary} for q, a in colleague.said],
            }
            for colleague in sheet.colleagues
        ],
        "logistics": {
            "date": sheet.interview.date.isoformat(),
            "time": sheet.interview.time.strftime("%H:%M") if sheet.interview.time else None,
            "mode": sheet.interview.mode,
            "duration": sheet.interview.duration,
            "location": sheet.interview.location,
            "reminder": IN_PERSON_REMINDER if sheet.in_person else None,
        },
        "questions": [_question_json(q) for q in sheet.questions],
        "more_questions": [_question_json(q) for q in sheet.more],
        "introduction": profile.introduction if profile else None,
    }


def prep_markdown(sheet: PrepSheet) -> str:
    """The sheet as Markdown, for the terminal or a file to print."""
    out = [f"# Prep sheet: {sheet.contact.name}, {interview_label(sheet.interview)}", ""]
    out += ["## Who", "", who_line(sheet), ""]
    out += ["## Your ties", "", *(f"- {line}" for line in ties(sheet)), ""]
    if sheet.colleagues:
        out += ["## Their organization", ""]
        for colleague in sheet.colleagues:
            role = f", {colleague.role}" if colleague.role else ""
            out.append(f"- {colleague.name}{role}")
            out += [f"    - {q} {a.summary}" for q, a in colleague.said]
        out.append("")
    out += ["## Logistics", "", *(f"- {label}: {value}" for label, value in logistics(sheet))]
    if sheet.in_person:
        out.append(f"- {IN_PERSON_REMINDER}")
    out += ["", "## Questions", ""]
    if not sheet.questions:
        out.append("No questions chosen yet: pick some from the list below.")
    for number, question in enumerate(sheet.questions, start=1):
        out += [f"{number}. {question.text}", f"    - Before: {question.summary}", "", "", ""]
    if sheet.more:
        out += ["## More questions to ask", ""]
        out += [f"- {q.text} ({q.why})" for q in sheet.more]
        out.append("")
    introduction = sheet.profile.introduction if sheet.profile else None
    out += ["## Your introduction", "", " ".join((introduction or NO_INTRODUCTION).split()), ""]
    # Room to write: blank lines a printed sheet keeps.
    out += ["## Notes", "", *([""] * 8)]
    return "\n".join(out)
