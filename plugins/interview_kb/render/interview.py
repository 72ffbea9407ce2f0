"""An interview's page."""

from __future__ import annotations

from ..analysis.questions import suggested_questions
from ..core.model import Interview
from ..core.paths import interview_page
from ..core.wording import interview_label
from .markup import external_href, html_text
from .site import Renderer, link_if_url, page_meta
from .text import interview_status


def render_interview_page(renderer: Renderer, interview: Interview) -> str:
    """The page of one interview."""
    notebook = renderer.site.notebook
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
        held=interview.is_held(renderer.site.today),
        questions=questions,
        referrals=[(renderer.site.people.slug(r.contact, r.name), r) for r in interview.referrals],
        resources=resources,
        location_href=link_if_url(interview.location),
        suggestions=(
            suggested_questions(
                notebook, contact, renderer.site.today, prepared=interview.questions
            )
            if contact is not None and interview.is_upcoming(renderer.site.today)
            else []
        ),
    )
