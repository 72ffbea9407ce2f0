"""An interview's page."""

from __future__ import annotations

from typing import Any

from ..analysis.drafts import referral_draft
from ..analysis.prep import prep_sheet
from ..core.model import Interview, Referral
from ..core.paths import interview_page
from ..core.wording import interview_label
from .items import message_view
from .markup import external_href, html_text
from .prep import IN_PERSON_REMINDER, NO_INTRODUCTION, logistics, ties, who_line
from .site import Renderer, link_if_url, page_meta
from .text import interview_status


def _referral_message(
    renderer: Renderer, interview: Interview, referral: Referral
) -> dict[str, Any] | None:
    """The first message to a referral, until one is sent (rule 7's test)."""
    notebook = renderer.site.notebook
    slug = renderer.site.people.slug(referral.contact, referral.name)
    if slug and (notebook.contacts[slug].outreach or notebook.interviews_of(slug)):
        return None
    found = referral_draft(renderer.site.notebook, interview, referral, renderer.site.people)
    return message_view(found.to, found.email, found.draft)


def _prep_view(renderer: Renderer, interview: Interview) -> dict[str, Any]:
    """What the page shows of the prep sheet (``prep-sheet.j2``)."""
    sheet = prep_sheet(renderer.site.notebook, interview, renderer.site.today)
    introduction = sheet.profile.introduction if sheet.profile else None
    return {
        "who": who_line(sheet),
        "ties": ties(sheet),
        "colleagues": sheet.colleagues,
        "logistics": logistics(sheet),
        "reminder": IN_PERSON_REMINDER if sheet.in_person else None,
        "questions": sheet.questions,
        "more": sheet.more,
        "introduction": introduction,
        "no_introduction": NO_INTRODUCTION,
    }


def render_interview_page(renderer: Renderer, interview: Interview) -> str:
    """The page of one interview."""
    notebook = renderer.site.notebook
    held = interview.is_held(renderer.site.today)
    upcoming = interview.is_upcoming(renderer.site.today)
    contact = notebook.contacts.get(interview.contact)
    name = contact.name if contact else interview.contact
    questions = []
    for asked in interview.questions:
        bank = notebook.bank_question(asked)
        questions.append(
            {
                "text": asked.text or (bank.text if bank else asked.id),
                "id": bank.id if bank else None,
                "category": bank.category if bank else None,
                "answer": asked.answer,
            }
        )
    resources = [(r.title, external_href(r.url) if r.url else None) for r in interview.resources]
    return renderer.render(
        "interview.md.j2",
        interview_page(interview.slug),
        body=renderer.site.linked.bodies.get(interview_page(interview.slug), interview.body),
        backlinks=renderer.site.linked.backlinks.get(interview_page(interview.slug), []),
        interview=interview,
        contact=contact,
        meta=page_meta(
            contact.tags if contact else (),
            title=html_text(f"{name}, {interview_label(interview)}"),
        ),
        title=f"{name}, {interview_label(interview)}",
        when=interview_label(interview),
        status=interview_status(interview, renderer.site.today),
        held=held,
        questions=questions,
        referrals=[
            (
                renderer.site.people.slug(r.contact, r.name),
                r,
                _referral_message(renderer, interview, r) if held else None,
            )
            for r in interview.referrals
        ],
        resources=resources,
        location_href=link_if_url(interview.location),
        prep=_prep_view(renderer, interview) if contact is not None and upcoming else None,
    )
