"""The analysis pages: question bank, timeline, reflections, network and plan.

Golden pages over the example notebook, and unit tests on notebooks built in
memory.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import markdown
import pytest

from interview_kb.analysis.network import (
    MAX_DEPTH,
    contact_key,
    named_key,
    network,
    reach,
    tree,
)
from interview_kb.analysis.plan import progress
from interview_kb.analysis.questions import (
    category_key,
    question_rows,
    question_views,
    suggested_questions,
    suggestions,
)
from interview_kb.analysis.reflections import (
    interest_by_tag,
    interest_total,
    learned_by_tag,
    next_steps,
    not_reflected,
    ratings,
    reflected,
)
from interview_kb.analysis.timeline import contact_events, events, funnel
from interview_kb.core.model import (
    AskedQuestion,
    BankQuestion,
    Contact,
    Interview,
    Notebook,
    Options,
    OutreachEvent,
    Promise,
    Referral,
    Reflection,
)
from interview_kb.core.people import People
from interview_kb.core.wording import number_word, percent
from interview_kb.reader.notes import read_notebook
from interview_kb.render.markup import html_line
from interview_kb.render.network import render_network
from interview_kb.render.plan import render_plan
from interview_kb.render.questions import render_questions
from interview_kb.render.reflections import render_reflections
from interview_kb.render.site import Renderer, Site
from interview_kb.render.timeline import (
    funnel_summary,
    render_contact_timeline,
    render_timeline,
)

from ..conftest import REPO, book, d, golden, person, talk

TODAY = date(2026, 11, 20)


def renderer(notebook: Notebook, today: date = TODAY, options: Options | None = None) -> Renderer:
    return Renderer(Site(notebook, today, options or Options()))


def row(rows: list[dict[str, Any]], key: str | None, text: str | None = None) -> dict[str, Any]:
    found = [r for r in rows if r["id"] == key and (text is None or r["text"] == text)]
    assert len(found) == 1, rows
    return found[0]


# ---------------------------------------------------------------------------
# golden pages over the example notebook


@pytest.fixture(scope="module")
def example() -> Renderer:
    notebook = read_notebook(REPO)
    assert notebook.errors == ()
    return renderer(notebook)


def test_questions_page_golden(example: Renderer) -> None:
    golden("views/questions.md", render_questions(example))


def test_questions_json_golden(example: Renderer) -> None:
    rows = question_rows(example.site.notebook, TODAY)
    golden("views/questions.json", json.dumps(rows, indent=2, ensure_ascii=False) + "\n")


def test_timeline_page_golden(example: Renderer) -> None:
    golden("views/timeline.md", render_timeline(example))


def test_contact_timeline_golden(example: Renderer) -> None:
    golden(
        "views/contact-timeline-leo-hartmann.md", render_contact_timeline(example, "leo-hartmann")
    )


def test_reflections_page_golden(example: Renderer) -> None:
    golden("views/reflections.md", render_reflections(example))


def test_network_page_golden(example: Renderer) -> None:
    golden("views/network.md", render_network(example))


def test_plan_fragment_golden(example: Renderer) -> None:
    golden("views/plan.md", render_plan(example))


def _html(text: str) -> str:
    extensions = ["tables", "attr_list", "md_in_html", "pymdownx.tasklist"]
    return str(markdown.markdown(text, extensions=extensions))


def test_example_pages_are_well_formed_markdown(example: Renderer) -> None:
    questions = _html(render_questions(example))
    answered = [r for r in question_rows(example.site.notebook, TODAY) if r["answers"]]
    assert questions.count('<div class="grid cards">') == len(answered) == 23
    timeline = render_timeline(example)
    assert "<table>" in _html(timeline)
    assert "## November 2026" in timeline
    assert timeline.index("## December 2026") < timeline.index("## June 2026")
    reflections = _html(render_reflections(example))
    assert reflections.count("<table>") == 2
    assert reflections.count('<li class="ikb-check ikb-check--todo">') == 18
    network_html = _html(render_network(example))
    assert network_html.count("<ul>") == 1 + 9, (
        "the roots, and a nested list per person who brought someone"
    )
    assert "<table>" in _html(render_plan(example))
    for page in (render_questions(example), timeline, render_network(example)):
        assert "\n\n\n" not in page


def test_example_says_something_true(example: Renderer) -> None:
    notebook = example.site.notebook
    rows = question_rows(notebook, TODAY)
    typical = row(rows, "typical-day")
    # Six answers and Dolores's interview of today, which lists it unanswered;
    # Samuel's and Kwame's are their own wordings of the bank question.
    assert typical["asked"] == 7
    assert len(typical["answers"]) == 6
    assert row(rows, None, "Was the bootcamp worth the money?")["asked"] == 2
    # Tomasz's cancelled interview asked nothing.
    assert all(
        r["text"] != "How much of your work is statistics and how much is engineering?"
        for r in rows
    )
    result = funnel(notebook, TODAY)
    assert (result.overall.asked, result.overall.answered) == (19, 15)
    assert (result.overall.interviewed, result.overall.thanked) == (10, 8)
    plan = progress(notebook, TODAY, Options())
    assert plan["junior-share"].shown == "2 of 10 (20%)"
    assert not plan["junior-share"].done


def test_views_are_deterministic() -> None:
    first, second = renderer(read_notebook(REPO)), renderer(read_notebook(REPO))
    for render in (
        render_questions,
        render_timeline,
        render_reflections,
        render_network,
        render_plan,
    ):
        assert render(first) == render(second)


# ---------------------------------------------------------------------------
# the question bank: matching


def test_matching_by_id() -> None:
    notebook = book(
        person("ann"),
        talk("ann", "2026-11-01", questions=(AskedQuestion(id="pay", answer="Enough."),)),
    )
    assert row(question_rows(notebook, TODAY), "pay") == {
        "id": "pay",
        "text": "What does it pay?",
        "category": "money",
        "asked": 1,
        "answers": [{"interview": "2026-11-01-ann", "contact": "ann", "answer": "Enough."}],
    }


@pytest.mark.parametrize(
    "text",
    [
        "What does a typical day look like?",
        "what does a TYPICAL day look like",
        "  What   does a typical\tday look like ?? ",
        "What does a typical-day look like!",
        "WHAT, does a typical day... look like?",
    ],
)
def test_matching_by_folded_text(text: str) -> None:
    notebook = book(person("ann"), talk("ann", "2026-11-01", questions=(AskedQuestion(text=text),)))
    rows = question_rows(notebook, TODAY)
    assert row(rows, "typical-day")["asked"] == 1
    assert [r for r in rows if r["id"] is None] == []


def test_different_words_make_a_custom_question() -> None:
    notebook = book(
        person("ann"),
        talk(
            "ann",
            "2026-11-01",
            questions=(AskedQuestion(text="What does a normal day look like?"),),
        ),
    )
    rows = question_rows(notebook, TODAY)
    assert row(rows, "typical-day")["asked"] == 0
    assert row(rows, None)["text"] == "What does a normal day look like?"


def test_custom_questions_group_by_folded_text_first_wording_shown() -> None:
    notebook = book(
        person("ann"),
        person("bob"),
        talk(
            "bob",
            "2026-11-02",
            questions=(AskedQuestion(text="was the BOOTCAMP worth it", answer="No."),),
        ),
        talk(
            "ann",
            "2026-11-01",
            questions=(AskedQuestion(text="Was the bootcamp worth it?", answer="Yes."),),
        ),
        talk("ann", "2026-11-03", questions=(AskedQuestion(text="Was the course worth it?"),)),
    )
    custom = [r for r in question_rows(notebook, TODAY) if r["id"] is None]
    assert custom == [
        {
            "id": None,
            "text": "Was the bootcamp worth it?",
            "category": None,
            "asked": 2,
            "answers": [
                {"interview": "2026-11-01-ann", "contact": "ann", "answer": "Yes."},
                {"interview": "2026-11-02-bob", "contact": "bob", "answer": "No."},
            ],
        },
        {
            "id": None,
            "text": "Was the course worth it?",
            "category": None,
            "asked": 1,
            "answers": [],
        },
    ]


def test_unknown_id_is_a_custom_question() -> None:
    notebook = book(person("ann"), talk("ann", "2026-11-01", questions=(AskedQuestion(id="nope"),)))
    assert row(question_rows(notebook, TODAY), None)["text"] == "nope"


def test_json_rows_have_exactly_the_contract_keys() -> None:
    notebook = book(
        person("ann"), talk("ann", "2026-11-01", questions=(AskedQuestion(id="pay", answer="x"),))
    )
    for found in question_rows(notebook, TODAY):
        assert list(found) == ["id", "text", "category", "asked", "answers"]
    assert list(row(question_rows(notebook, TODAY), "pay")["answers"][0]) == [
        "interview",
        "contact",
        "answer",
    ]


def test_bank_order_by_category_then_bank_order() -> None:
    rows = question_rows(book(), TODAY)
    assert [r["id"] for r in rows] == [
        "career-path",
        "typical-day",
        "lead",
        "who-else",
        "zzz",
        "pay",
    ]
    assert sorted(["zeta", "advice", "Alpha", "background"], key=category_key) == [
        "background",
        "advice",
        "Alpha",
        "zeta",
    ]


# ---------------------------------------------------------------------------
# the question bank: counting


def test_only_held_interviews_count() -> None:
    asked = (AskedQuestion(id="pay", answer="Plenty."),)
    notebook = book(
        person("ann"),
        talk("ann", "2026-11-01", questions=asked),  # held
        talk("ann", "2026-11-20", questions=asked),  # today: held
        talk("ann", "2026-11-02", questions=asked, status="cancelled"),
        talk("ann", "2026-11-25", questions=asked),  # upcoming
        talk("ann", "2026-11-26", questions=asked, status="cancelled"),
    )
    pay = row(question_rows(notebook, TODAY), "pay")
    assert pay["asked"] == 2
    assert [a["interview"] for a in pay["answers"]] == ["2026-11-01-ann", "2026-11-20-ann"]


def test_asked_counts_unanswered_and_answers_hold_only_non_empty() -> None:
    notebook = book(
        person("ann"),
        person("bob"),
        talk("ann", "2026-11-01", questions=(AskedQuestion(id="pay"),)),
        talk("bob", "2026-11-02", questions=(AskedQuestion(id="pay", answer="  "),)),
    )
    pay = row(question_rows(notebook, TODAY), "pay")
    assert (pay["asked"], pay["answers"]) == (2, [])


def test_same_question_twice_in_one_interview_counts_once() -> None:
    notebook = book(
        person("ann"),
        talk(
            "ann",
            "2026-11-01",
            questions=(
                AskedQuestion(id="typical-day", answer="Meetings."),
                AskedQuestion(text="what does a typical day look like", answer="And email."),
                AskedQuestion(text="Custom?"),
                AskedQuestion(text="custom"),
            ),
        ),
    )
    rows = question_rows(notebook, TODAY)
    typical = row(rows, "typical-day")
    assert typical["asked"] == 1
    assert [a["answer"] for a in typical["answers"]] == ["Meetings.", "And email."]
    assert row(rows, None)["asked"] == 1


def test_custom_question_only_in_upcoming_interviews_is_not_listed() -> None:
    notebook = book(
        person("ann"), talk("ann", "2026-12-01", questions=(AskedQuestion(text="Later?"),))
    )
    assert [r for r in question_rows(notebook, TODAY) if r["id"] is None] == []


def test_question_views_list_unanswered_interviews() -> None:
    notebook = book(
        person("ann"),
        talk("ann", "2026-11-01", questions=(AskedQuestion(id="pay", answer="x"),)),
        talk("ann", "2026-11-02", questions=(AskedQuestion(id="pay"),)),
    )
    pay = next(v for v in question_views(notebook, TODAY) if v.id == "pay")
    assert pay.unanswered_in == ("2026-11-02-ann",)


def test_suggested_questions() -> None:
    senior = person("sam", seniority="senior")
    junior = person("jo", seniority="junior")
    notebook = book(
        senior,
        junior,
        talk("jo", "2026-11-01", questions=(AskedQuestion(id="typical-day"),)),
        talk("jo", "2026-11-02", questions=(AskedQuestion(id="pay"),), status="cancelled"),
    )
    # The referral question first, then one per category in category order
    # (the question written for a senior person first in its category); a
    # question asked before stays: comparing answers is the point.
    ids = [q.id for q in suggested_questions(notebook, senior, TODAY)]
    assert ids == ["who-else", "career-path", "lead", "zzz", "pay", "typical-day"]
    assert "lead" not in [q.id for q in suggested_questions(notebook, "jo", TODAY)]
    assert [q.id for q in suggested_questions(notebook, senior, TODAY, limit=2)] == [
        "who-else",
        "career-path",
    ]
    prepared = (AskedQuestion(text="who else should I talk to"),)
    assert "who-else" not in [
        q.id for q in suggested_questions(notebook, senior, TODAY, prepared=prepared)
    ]
    assert suggested_questions(notebook, senior, TODAY, limit=0) == []


def test_suggestions_prefer_what_others_in_the_field_answered() -> None:
    ux = {"tags": ("ux-research",)}
    notebook = book(
        person("new", seniority="mid", **ux),
        person("ann", name="Ann Lee", **ux),
        person("bo", name="Bo Park", role="Chef"),
        talk(
            "ann",
            "2026-11-01",
            questions=(AskedQuestion(id="typical-day", answer="Sessions, then synthesis."),),
        ),
        talk("bo", "2026-11-02", questions=(AskedQuestion(id="lead", answer="Kindly."),)),
    )
    found = suggestions(notebook, "new", TODAY, limit=3)
    assert [s.question.id for s in found] == ["who-else", "career-path", "typical-day"]
    why = {s.question.id: s.why for s in found}
    assert why["who-else"].startswith("always ask it")
    assert why["typical-day"] == "Ann Lee answered it, also in ux-research"
    assert why["career-path"] == "covers background"
    # The same role counts as the same field.
    chef = book(
        person("new", role="chef"),
        person("bo", name="Bo Park", role="Chef"),
        talk("bo", "2026-11-02", questions=(AskedQuestion(id="typical-day", answer="Prep."),)),
    )
    (first,) = [s for s in suggestions(chef, "new", TODAY) if s.question.id == "typical-day"]
    assert first.why == "Bo Park answered it, also in Chef"


def test_questions_page_sections() -> None:
    notebook = book(
        person("ann"),
        talk(
            "ann",
            "2026-11-01",
            questions=(AskedQuestion(id="pay", answer="Enough."), AskedQuestion(text="Mine?")),
        ),
    )
    page = render_questions(renderer(notebook))
    assert (
        page.index("## money")
        < page.index("## Your own questions")
        < page.index("## Not asked yet")
    )
    assert "<em>Asked once</em> · <code>pay</code>" in page
    assert (
        '<li><p>Enough.</p><p>— <a href="../contacts/ann/">Ann</a>, '
        '<a href="../interviews/2026-11-01-ann/">2026-11-01</a></p></li>'
    ) in page
    assert 'Asked, no answer written down: <a href="../contacts/ann/">Ann</a>' in page
    assert (
        page.index("<strong>Background</strong>")
        < page.index("<strong>Day-to-day</strong>")
        < page.index("<strong>Aardvark</strong>")
    )


def test_questions_page_of_an_empty_notebook() -> None:
    page = render_questions(renderer(book()))
    assert "No question asked yet" in page
    assert "## Your own questions" not in page


# ---------------------------------------------------------------------------
# timeline and funnel


def test_events_kinds_and_order() -> None:
    ann = person(
        "ann",
        outreach=(
            OutreachEvent(d("2026-10-01"), "request", "email", "Hello"),
            OutreachEvent(d("2026-10-01"), "reply", "phone"),
            OutreachEvent(d("2026-10-30"), "closed"),
        ),
    )
    notebook = book(
        ann,
        person("bob"),
        talk(
            "ann",
            "2026-10-05",
            thank_you=d("2026-10-06"),
            promised=(
                Promise("slides", True, d("2026-10-07")),
                Promise("book", True),
                Promise("job", False),
            ),
        ),
        talk("ann", "2026-11-20"),
        talk("ann", "2026-12-01"),
        talk("bob", "2026-10-06", status="cancelled", thank_you=d("2026-10-07")),
    )
    found = [(e.date.isoformat(), e.kind, e.contact) for e in events(notebook, TODAY)]
    assert found == [
        ("2026-12-01", "interview-scheduled", "ann"),
        ("2026-11-20", "interview", "ann"),
        ("2026-10-30", "closed", "ann"),
        ("2026-10-07", "promised-received", "ann"),
        ("2026-10-06", "thank-you", "ann"),
        ("2026-10-06", "interview-cancelled", "bob"),
        ("2026-10-05", "interview", "ann"),
        ("2026-10-01", "reply", "ann"),
        ("2026-10-01", "request", "ann"),
    ]
    texts = {e.kind: e.text for e in events(notebook, TODAY)}
    assert texts["request"] == "Asked for an informational interview by email: Hello"
    assert texts["promised-received"] == "Received \u201cslides\u201d"
    assert [e.kind for e in contact_events(notebook, "bob", TODAY)] == ["interview-cancelled"]
    assert contact_events(notebook, "nobody", TODAY) == []


def test_funnel_arithmetic_by_warmth() -> None:
    def asked(*more: str) -> tuple[OutreachEvent, ...]:
        later = (OutreachEvent(d("2026-10-03"), kind) for kind in more)
        return (OutreachEvent(d("2026-10-01"), "request"), *later)

    notebook = book(
        person("w1", warmth="warm", outreach=asked("reply")),
        person("w2", warmth="warm", outreach=asked()),
        person("w3", warmth="warm", outreach=asked("follow-up")),
        person("c1", warmth="cold", outreach=asked("declined")),
        person("c2", warmth="cold"),  # never asked, yet interviewed
        person("u1", outreach=asked()),  # answered by an upcoming interview
        person("u2", outreach=asked()),  # only a cancelled interview: no answer
        talk("w1", "2026-10-10", thank_you=d("2026-10-11")),
        talk("c2", "2026-10-12"),
        talk("u1", "2026-12-01"),
        talk("u2", "2026-10-09", status="cancelled"),
    )
    result = funnel(notebook, TODAY)
    overall = result.overall
    assert (
        overall.contacts,
        overall.asked,
        overall.answered,
        overall.interviewed,
        overall.thanked,
    ) == (7, 6, 3, 2, 1)
    assert result.response_rate == 0.5
    warm, cold, unknown = (result.by_warmth[k] for k in ("warm", "cold", "unknown"))
    assert (warm.asked, warm.answered, warm.interviewed, warm.thanked) == (3, 1, 1, 1)
    assert warm.response_rate == pytest.approx(1 / 3)
    assert (cold.asked, cold.answered, cold.interviewed) == (1, 1, 1)
    assert cold.response_rate == 1.0
    assert (unknown.asked, unknown.answered) == (2, 1)
    assert [percent(s.response_rate) for s in (overall, warm, cold, unknown)] == [
        "50%",
        "33%",
        "100%",
        "50%",
    ]
    assert funnel_summary(result) == (
        "You asked 6 people for an interview and 3 answered (50%). "
        "Warm contacts answered 1 of 3 (33%), cold contacts 1 of 1 (100%)."
    )


def test_funnel_without_anyone_asked_divides_by_nothing() -> None:
    result = funnel(book(person("ann", warmth="warm")), TODAY)
    assert result.response_rate is None
    assert result.by_warmth["cold"].response_rate is None
    assert percent(None) == "\u2014"
    assert funnel_summary(result) == ""
    page = render_timeline(renderer(book(person("ann", warmth="warm"))))
    assert '<tr><th scope="row">Response rate</th><td>\u2014</td><td>\u2014</td></tr>' in page
    assert "Unknown warmth" not in page and "<th>Cold" not in page
    assert "Nothing recorded yet" in page
    empty = render_timeline(renderer(book()))
    assert '<tr><th scope="row">Contacts</th><td>0</td></tr>' in empty


def test_funnel_uses_inferred_warmth() -> None:
    # The reader infers warmth; the funnel trusts Contact.warmth as given.
    notebook = book(
        person(
            "a",
            warmth="warm",
            warmth_inferred=True,
            introduced_by="b",
            outreach=(OutreachEvent(d("2026-10-01"), "request"),),
        )
    )
    assert funnel(notebook, TODAY).by_warmth["warm"].asked == 1


def test_contact_timeline_fragment_links_from_the_contact_page() -> None:
    notebook = book(person("ann"), talk("ann", "2026-11-01", thank_you=d("2026-11-02")))
    fragment = render_contact_timeline(renderer(notebook), "ann")
    strip, _, events = fragment.partition("</figure>\n\n")
    assert strip.startswith('<figure class="ikb-chart">')  # the strip, then the list
    # Links from the contact's page, served at contacts/ann/.
    notes = '(<a href="../../interviews/2026-11-01-ann/">interview notes</a>)'
    assert events == (
        '<ul class="ikb-events">\n'
        f"<li>2026-11-02 · Sent a thank-you note {notes}</li>\n"
        f"<li>2026-11-01 · Interview {notes}</li>\n"
        "</ul>\n"
    )
    assert (
        render_contact_timeline(renderer(book(person("bob"))), "bob")
        == "<p>Nothing recorded yet.</p>\n"
    )


# ---------------------------------------------------------------------------
# reflections


def test_reflection_data() -> None:
    notebook = book(
        person("ann", tags=("design", "agency")),
        person("bob", tags=("data",)),
        person("cy"),
        talk(
            "ann",
            "2026-10-01",
            reflection=Reflection(
                learned="A", still_interested="yes", rating=4, next_steps=("x", "y")
            ),
        ),
        talk(
            "bob", "2026-10-02", reflection=Reflection(learned="B", still_interested="no", rating=2)
        ),
        talk(
            "cy",
            "2026-10-03",
            reflection=Reflection(still_interested="unsure", went_well="ok", improve="less"),
        ),
        talk("ann", "2026-10-04", reflection=Reflection()),  # empty: not reflected
        talk("ann", "2026-10-05"),
        talk("bob", "2026-10-06", status="cancelled", reflection=Reflection(learned="no")),
        talk("bob", "2026-12-01", reflection=Reflection(learned="future")),
    )
    assert [i.slug for i in reflected(notebook, TODAY)] == [
        "2026-10-03-cy",
        "2026-10-02-bob",
        "2026-10-01-ann",
    ]
    assert [i.slug for i in not_reflected(notebook, TODAY)] == ["2026-10-05-ann", "2026-10-04-ann"]
    table = [(r.tag, r.yes, r.no, r.unsure) for r in interest_by_tag(notebook, TODAY)]
    assert table == [("agency", 1, 0, 0), ("data", 0, 1, 0), ("design", 1, 0, 0), (None, 0, 0, 1)]
    total = interest_total(notebook, TODAY)
    assert (total.yes, total.no, total.unsure, total.total) == (1, 1, 1, 3)
    assert [(tag, [n.text for n in items]) for tag, items in learned_by_tag(notebook, TODAY)] == [
        ("agency", ["A"]),
        ("data", ["B"]),
        ("design", ["A"]),
    ]
    assert [(s.text, s.interview) for s in next_steps(notebook, TODAY)] == [
        ("x", "2026-10-01-ann"),
        ("y", "2026-10-01-ann"),
    ]
    assert [(r.date.isoformat(), r.rating) for r in ratings(notebook, TODAY)] == [
        ("2026-10-01", 4),
        ("2026-10-02", 2),
    ]
    page = render_reflections(renderer(notebook))
    assert ' x — from <a href="../interviews/2026-10-01-ann/">Ann, 2026-10-01</a></li>' in page
    assert (
        '<tr><td><a href="../interviews/2026-10-01-ann/">2026-10-01</a></td>'
        '<td><a href="../contacts/ann/">Ann</a></td><td>4/5</td></tr>'
    ) in page
    assert "<tr><td><em>no tag</em></td><td>0</td><td>0</td><td>1</td></tr>" in page
    assert "Average: 3.0 out of 5 over 2 conversations." in page


def test_reflections_page_of_an_empty_notebook() -> None:
    page = render_reflections(renderer(book()))
    assert page.startswith("# Reflections\n\n<p>No reflection yet.")
    assert "##" not in page


# ---------------------------------------------------------------------------
# network


def test_network_edges_and_resolution() -> None:
    notebook = book(
        person("priya"),
        person("sam", name="Samuel Okafor", aliases=("Sam Okafor",), introduced_by="priya"),
        person("bea", name="Beatriz", introduced_by="sam"),
        talk(
            "priya",
            "2026-06-03",
            referrals=(
                Referral(name="  sam   OKAFOR "),
                Referral(name="Dev Patel"),
                Referral(name="beatriz", contact="bea-typo"),
                Referral(contact="priya"),  # herself: ignored
            ),
        ),
        talk("sam", "2026-06-04", status="cancelled", referrals=(Referral(name="Zed"),)),
        talk("sam", "2026-12-04", referrals=(Referral(name="Later"),)),
    )
    assert People(notebook.contacts).slug(None, "SAM OKAFOR") == "sam"
    assert People(notebook.contacts).slug(None, "Nobody") is None
    net = network(notebook, TODAY)
    assert [(e.source, e.target, e.kind) for e in net.edges] == [
        ("contact:priya", "contact:bea", "referred"),
        ("contact:priya", "contact:sam", "introduced"),
        ("contact:priya", "contact:sam", "referred"),
        ("contact:priya", "name:dev patel", "referred"),
        ("contact:sam", "contact:bea", "introduced"),
    ]
    assert net.people[named_key("Dev  Patel")].slug is None
    lines = [(line.depth, line.person.name, line.mark) for line in tree(net)]
    assert lines == [
        (0, "Priya", ""),
        (1, "Beatriz", ""),
        (1, "Dev Patel", ""),
        (1, "Samuel Okafor", ""),
        (2, "Beatriz", "elsewhere"),
    ]
    assert tree(net)[-1].listed_under == net.people[contact_key("priya")]
    top = reach(net)[0]
    assert (top.person.key, top.direct, top.total) == (contact_key("priya"), 3, 3)
    page = render_network(renderer(notebook))
    assert (
        '<li>Dev Patel (no note yet): referred in <a href="../interviews/2026-06-03-priya/">'
        "2026-06-03</a>\n"
    ) in page
    # Beatriz again, two levels down, under Samuel Okafor.
    assert (
        '<ul><li><a href="../contacts/bea/">Beatriz</a>: introduced '
        '(listed under <a href="../contacts/priya/">Priya</a>)\n</li></ul></li></ul>'
    ) in page
    assert "Zed" not in page and "Later" not in page


def test_network_cycles_terminate() -> None:
    notebook = book(
        person("a", introduced_by="b"),
        person("b", introduced_by="c"),
        person("c", introduced_by="a"),
        person("d", introduced_by="d"),  # introduced by themselves: ignored
        person("e", introduced_by="f"),
        person("f", introduced_by="e"),
        person("g", introduced_by="e"),
    )
    net = network(notebook, TODAY)
    lines = [(line.depth, line.person.slug, line.mark) for line in tree(net)]
    assert lines == [
        (0, "a", ""),
        (1, "c", ""),
        (2, "b", ""),
        (3, "a", "elsewhere"),
        (0, "e", ""),
        (1, "f", ""),
        (2, "e", "elsewhere"),
        (1, "g", ""),
    ]
    assert {(r.person.slug, r.direct, r.total) for r in reach(net)} == {
        ("a", 1, 2),
        ("b", 1, 2),
        ("c", 1, 2),
        ("e", 2, 2),
        ("f", 1, 2),
    }
    page = render_network(renderer(notebook))
    assert '<li><a href="../contacts/a/">A</a>: introduced (listed at the top)\n' in page
    assert '<a href="../contacts/d/">D</a>' in page.split("## On their own")[1]


def test_network_long_chains_continue_at_the_top_level() -> None:
    chain = [person("p00")] + [
        person(f"p{i:02d}", introduced_by=f"p{i - 1:02d}") for i in range(1, MAX_DEPTH + 4)
    ]
    net = network(book(*chain), TODAY)
    lines = [(line.depth, line.person.slug, line.mark) for line in tree(net)]
    assert lines[MAX_DEPTH] == (MAX_DEPTH, f"p{MAX_DEPTH:02d}", "continues")
    assert lines[MAX_DEPTH + 1] == (0, f"p{MAX_DEPTH:02d}", "continued")
    assert lines[-1] == (3, f"p{MAX_DEPTH + 3:02d}", "")
    assert max(depth for depth, _, _ in lines) == MAX_DEPTH
    assert reach(net)[0].total == MAX_DEPTH + 3
    page = render_network(renderer(book(*chain)))
    assert "(continued below)" in page and "(continued from above)" in page


def test_network_unknown_introducer_is_plain_text() -> None:
    notebook = book(person("a", introduced_by="ghost-slug"))
    page = render_network(renderer(notebook))
    assert (
        '<ul><li>ghost-slug (no note yet)\n<ul><li><a href="../contacts/a/">A</a>: introduced'
    ) in page


def test_network_page_of_an_empty_notebook() -> None:
    assert "Nobody has introduced or referred anyone yet" in render_network(renderer(book()))


# ---------------------------------------------------------------------------
# plan


def _interviewed(*people: tuple[str, str | None, tuple[str, ...]]) -> Notebook:
    notes: list[Contact | Interview] = []
    for day, (slug, seniority, interest) in enumerate(people, start=1):
        notes.append(person(slug, seniority=seniority, interest=interest))
        notes.append(talk(slug, f"2026-10-{day:02d}"))
    return book(*notes)


def test_plan_of_an_empty_notebook() -> None:
    plan = progress(book(), TODAY, Options())
    assert [t.done for t in plan.targets] == [False, False, False, False]
    assert plan.messages == [
        "three more interviews to reach 3",
        "two more people in a role you want",
        "two more people at an organization you want",
        "someone whose seniority you know: give a seniority or years of experience in the notes of the people you interviewed",
    ]


def test_plan_gaps() -> None:
    notebook = _interviewed(
        ("a", "junior", ("role",)), ("b", "junior", ("role", "organization")), ("c", "junior", ())
    )
    plan = progress(notebook, TODAY, Options())
    assert plan["interviews"].done and plan["interviews"].message is None
    assert plan["role"].done and plan["role"].value == 2
    assert not plan["organization"].done
    assert plan["organization"].message == "one more person at an organization you want"
    share = plan["junior-share"]
    assert (share.value, share.target, share.shown, share.done) == (
        1.0,
        0.5,
        "3 of 3 (100%)",
        False,
    )
    assert (
        share.message
        == "two more senior or mid-level people, for about 50% junior among the people you interviewed"
    )


def test_plan_needs_juniors() -> None:
    notebook = _interviewed(
        ("a", "senior", ()), ("b", "mid", ()), ("c", "senior", ()), ("d", None, ())
    )
    share = progress(notebook, TODAY, Options())["junior-share"]
    assert share.shown == "0 of 3 (0%)"
    assert (
        share.message
        == "two more junior people, for about 50% junior among the people you interviewed"
    )


@pytest.mark.parametrize(
    ("juniors", "others", "done"),
    [
        (1, 1, True),
        (1, 2, True),
        (2, 1, True),
        (0, 2, False),
        (1, 0, False),  # one person is never "about half junior", whichever they are
        (0, 1, False),
        (0, 0, False),
        (2, 2, True),
        (3, 1, False),
    ],
)
def test_plan_junior_share_rounding(juniors: int, others: int, done: bool) -> None:
    """A fresh notebook once showed "0 of 1 (0%), about 50% junior: yes"."""
    people = [(f"j{i}", "junior", ()) for i in range(juniors)] + [
        (f"s{i}", "senior", ()) for i in range(others)
    ]
    assert progress(_interviewed(*people), TODAY, Options())["junior-share"].done is done


def test_plan_upper_end() -> None:
    people = [(f"p{i}", "mid", ("role",)) for i in range(6)]
    plan = progress(_interviewed(*people), TODAY, Options())
    assert plan["interviews"].done
    assert (
        plan["interviews"].message
        == "you have reached 6 interviews: the plan's upper end; time to decide or widen"
    )
    more = progress(_interviewed(*people, ("p6", "mid", ())), TODAY, Options())
    assert more["interviews"].message == (
        "you have reached 7 interviews, past the plan's upper end of 6; time to decide or widen"
    )


def test_plan_counts_held_interviews_and_distinct_people() -> None:
    notebook = book(
        person("a", interest=("role",), seniority="junior"),
        talk("a", "2026-10-01"),
        talk("a", "2026-10-02"),
        talk("a", "2026-10-03", status="cancelled"),
        person("b", interest=("role",)),
        talk("b", "2026-12-01"),
    )
    plan = progress(notebook, TODAY, Options(plan_interviews_min=2, plan_role_interest=1))
    assert (plan["interviews"].value, plan["interviews"].done) == (2, True)
    assert (plan["role"].value, plan["role"].done) == (1, True)
    assert plan["junior-share"].shown == "1 of 1 (100%)"


def test_plan_fragment() -> None:
    fragment = render_plan(renderer(book()))
    assert fragment.startswith(
        "<table>\n<thead><tr><th>Target</th><th>Now</th><th>Plan</th><th>Done</th></tr></thead>\n"
        "<tbody>\n<tr><td>Interviews held</td><td>0</td><td>3 to 6</td><td>not yet</td></tr>"
    )
    assert "<p>What is missing:</p>\n\n<ul>\n<li>Three more interviews to reach 3.</li>" in fragment
    people: list[tuple[str, str | None, tuple[str, ...]]] = [
        (f"j{i}", "junior", ("role", "organization")) for i in range(2)
    ]
    people += [(f"s{i}", "senior", ()) for i in range(2)]
    done = render_plan(renderer(_interviewed(*people)))
    assert "Every target of the plan is met." in done
    assert number_word(3) == "three" and number_word(11) == "11"


# ---------------------------------------------------------------------------
# escaping


HOSTILE = "<b>x</b> *y*"


def hostile_notebook() -> Notebook:
    evil = person(
        "evil",
        name=HOSTILE,
        tags=(HOSTILE,),
        warmth="warm",
        outreach=(OutreachEvent(d("2026-10-01"), "request", "email", HOSTILE),),
    )
    return book(
        evil,
        person("friend", introduced_by="evil"),
        talk(
            "evil",
            "2026-10-05",
            questions=(
                AskedQuestion(text=HOSTILE, answer=HOSTILE),
                AskedQuestion(id="pay", answer=HOSTILE),
            ),
            referrals=(Referral(name=HOSTILE + " junior"),),
            promised=(Promise(HOSTILE, True, d("2026-10-06")),),
            reflection=Reflection(
                learned=HOSTILE,
                went_well=HOSTILE,
                improve=HOSTILE,
                still_interested="yes",
                rating=3,
                next_steps=(HOSTILE,),
            ),
        ),
        bank={"pay": BankQuestion("pay", HOSTILE + "?", HOSTILE)},
    )


@pytest.mark.parametrize(
    "render",
    [
        render_questions,
        render_timeline,
        render_reflections,
        render_network,
        render_plan,
        lambda r: render_contact_timeline(r, "evil"),
    ],
    ids=["questions", "timeline", "reflections", "network", "plan", "contact-timeline"],
)
def test_values_from_notes_are_escaped(render: Any) -> None:
    page = render(renderer(hostile_notebook()))
    assert "<b>" not in page
    html = _html(page)
    assert "<b>" not in html and "<em>y</em>" not in html
    if render is not render_plan:
        assert html_line(HOSTILE) in page
        assert "&lt;b&gt;x&lt;/b&gt; *y*" in html
