"""Charts: well-formed SVG with a text alternative and nothing from outside, the
numbers of the views they draw, byte-identical when drawn again; and the text
charts of the command line."""

from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner

from interview_kb.analysis.dashboard import seniority_split
from interview_kb.analysis.plan import progress
from interview_kb.analysis.public import PrivateValue, PublicCount, public_guide
from interview_kb.analysis.reflections import average_rating, interest_by_tag, ratings
from interview_kb.analysis.timeline import Month, activity, contact_events, events, funnel
from interview_kb.cli import main
from interview_kb.cli.reading import text_bar
from interview_kb.core.model import Notebook, Options, Reflection
from interview_kb.reader.notes import read_notebook
from interview_kb.render import charts
from interview_kb.render.pages import render_pages

from ..conftest import REPO, book, d, person, talk

TODAY = date(2026, 11, 20)
SVG = "{http://www.w3.org/2000/svg}"
FIGURE = re.compile(r'<figure class="ikb-chart">\n.*?\n</figure>', re.DOTALL)
CONFIG = str(REPO / "mkdocs.yml")
# What the site's own mkdocs.yml turns on, and what the plugin adds.
EXTENSIONS = ["tables", "admonition", "attr_list", "md_in_html", "toc", "pymdownx.tasklist"]


@pytest.fixture(scope="module")
def notebook() -> Notebook:
    found = read_notebook(REPO, Options(today=TODAY, holidays_country="US"))
    assert found.errors == ()
    return found


@pytest.fixture(scope="module")
def pages(notebook: Notebook) -> dict[str, str]:
    options = Options(today=TODAY, holidays_country="US")
    home = (REPO / "docs/index.md").read_text(encoding="utf-8")
    rendered = render_pages(notebook, TODAY, options, home=home)
    guide = render_pages(notebook, TODAY, Options(today=TODAY, publish="guide"))
    texts = {name: text for name, text in rendered.items() if isinstance(text, str)}
    texts.update({f"guide/{name}": text for name, text in guide.items() if isinstance(text, str)})
    return texts


def figures(text: str) -> list[ET.Element]:
    """Every chart's figure in a page, parsed as XML (which fails if it is not)."""
    return [ET.fromstring(block) for block in FIGURE.findall(text)]


def chart(page: str, title: str) -> ET.Element:
    """The ``<svg>`` of the chart named ``title`` on ``page``."""
    found = [
        svg
        for fig in figures(page)
        for svg in fig.iter(f"{SVG}svg")
        if svg.findtext(f"{SVG}title") == title
    ]
    assert len(found) == 1, title
    return found[0]


def values(svg: ET.Element) -> dict[str, float]:
    """``{data-key: data-value}`` of every mark that has both."""
    found: dict[str, float] = {}
    for element in svg.iter():
        key, value = element.get("data-key"), element.get("data-value")
        if key is not None and value is not None:
            assert key not in found, key
            found[key] = float(value)
    return found


# ---------------------------------------------------------------------------
# every chart of the example: where, what it is made of, what it holds


def test_charts_are_where_the_issue_asks(pages: dict[str, str], notebook: Notebook) -> None:
    counts = {name: len(FIGURE.findall(text)) for name, text in pages.items()}
    assert counts["index.md"] == 2  # the plan and the funnel
    assert counts["timeline.md"] == 1
    assert counts["reflections.md"] == 2
    for slug in notebook.contacts:
        expected = 1 if contact_events(notebook, slug, TODAY) else 0
        assert counts[f"contacts/{slug}.md"] == expected, slug
    assert counts["guide/questions.md"] == 1
    others = {
        name
        for name, count in counts.items()
        if count and name not in ("index.md", "timeline.md", "reflections.md", "guide/questions.md")
    }
    assert all(name.startswith("contacts/") for name in others)
    assert not any(counts[name] for name in counts if name.startswith("interviews/"))


def test_every_chart_is_well_formed_and_named(pages: dict[str, str]) -> None:
    for name, text in pages.items():
        for fig in figures(text):
            (svg,) = fig.findall(f"{SVG}svg")
            assert svg.get("role") == "img"
            title = svg.find(f"{SVG}title")
            desc = svg.find(f"{SVG}desc")
            assert title is not None and desc is not None, name
            assert svg.get("aria-labelledby") == title.get("id")
            assert svg.get("aria-describedby") == desc.get("id")
            assert (title.text or "").strip() and (desc.text or "").strip(), name
            assert (fig.findtext("figcaption") or "").strip(), name
            assert svg.get("data-search-exclude") == ""
            viewbox = [float(n) for n in (svg.get("viewBox") or "").split()]
            assert viewbox == [0, 0, float(svg.get("width", 0)), float(svg.get("height", 0))]


def test_no_script_and_no_outside_address(pages: dict[str, str]) -> None:
    for name, text in pages.items():
        for block in FIGURE.findall(text):
            lowered = block.lower()
            assert "<script" not in lowered, name
            assert lowered.count("http") == 1, name  # the namespace
            assert 'xmlns="http://www.w3.org/2000/svg"' in block
            for needle in ("href", "url(", "@import", "@font-face", "<foreignobject"):
                assert needle not in lowered, (name, needle)
            assert not re.search(r"<[^>]*\son[a-z]+=", lowered), name  # no event handler


def test_each_figure_is_one_raw_html_block(pages: dict[str, str]) -> None:
    """At the start of a line, blank lines around, none inside: Python-Markdown
    passes it through untouched."""
    for name, text in pages.items():
        for match in FIGURE.finditer(text):
            block = match.group()
            assert "\n\n" not in block, name
            assert text[: match.start()].endswith("\n\n"), name
            assert text[match.end() :].startswith("\n\n"), name
    for name in ("index.md", "reflections.md", "timeline.md", "contacts/leo-hartmann.md"):
        html = markdown.markdown(pages[name], extensions=EXTENSIONS)
        for block in FIGURE.findall(pages[name]):
            assert block in html, name


def test_charts_are_small(pages: dict[str, str]) -> None:
    sizes = [len(block.encode()) for text in pages.values() for block in FIGURE.findall(text)]
    assert max(sizes) < 8_000, sorted(sizes)
    # A strip on every contact page: up to 4.5 KB each when each tick was a <line>.
    strips = [
        len(FIGURE.findall(text)[0].encode()) for text in pages.values() if "ikb-strip" in text
    ]
    assert len(strips) == 19 and max(strips) < 3_400, sorted(strips)


def painted(svg: ET.Element) -> dict[ET.Element, dict[str, str]]:
    """Each element's paint as drawn: its ``style`` and presentation attributes
    over those of the groups around it."""
    found: dict[ET.Element, dict[str, str]] = {}

    def walk(element: ET.Element, inherited: dict[str, str]) -> None:
        paint = dict(inherited)
        for name in ("font-size", "text-anchor", "font-weight"):
            if name in element.attrib:
                paint[name] = element.attrib[name]
        for part in filter(None, element.get("style", "").split(";")):
            name, _, value = part.partition(":")
            paint[name] = value
        found[element] = paint
        for child in element:
            walk(child, paint)

    walk(svg, {})
    return found


def test_axes_are_paths_and_shapes_share_their_paint(
    pages: dict[str, str],
) -> None:
    for name, text in pages.items():
        for fig in figures(text):
            svg = fig.find(f"{SVG}svg")
            assert svg is not None
            paint = painted(svg)
            # A <line> is a mark (with its data) or the dashed line at today.
            for line in svg.iter(f"{SVG}line"):
                assert line.get("data-key") or "dasharray" in line.get("style", ""), name
            for path in svg.iter(f"{SVG}path"):
                assert re.fullmatch(r"(M[\d.]+ [\d.]+[Hv][\d.]+)+", path.get("d", "")), name
                assert paint[path]["fill"] == "none", name
            # Neighbours of one paint are in a <g> of that paint, not painted each.
            for parent in svg.iter():
                styles = [(c.tag, c.get("style")) for c in parent if c.get("style")]
                for before, after in itertools.pairwise(styles):
                    assert before != after, (name, after)


def test_the_strip_paints_each_dot_as_its_kind(pages: dict[str, str], notebook: Notebook) -> None:
    slug = "leo-hartmann"
    svg = chart(pages[f"contacts/{slug}.md"], "Timeline of Leo Hartmann")
    paint = painted(svg)
    dots = [c for c in svg.iter(f"{SVG}circle") if c.get("data-key")]
    kinds: Counter[str] = Counter()
    for dot in dots:
        kind = (dot.get("data-key") or "").split("/", 1)[1]
        kinds[kind] += 1
        mark = charts.STRIP_MARKS.get(kind, charts.OTHER_MARK)
        if mark.hollow:
            assert paint[dot]["fill"] == "none", kind
            assert (paint[dot]["stroke"], paint[dot]["stroke-width"]) == (mark.colour, "2")
        else:
            assert paint[dot]["fill"] == mark.colour, kind
        assert dot.get("r") == charts.svg_number(mark.radius)
    assert len(kinds) >= 4  # requests, replies, interviews and more
    # Ticks: a month's start from the first month to the one after the last, on the axis.
    (axis, ticks) = svg.iter(f"{SVG}path")
    assert re.fullmatch(r"M0 [\d.]+H378", axis.get("d") or "")
    found = contact_events(notebook, slug, TODAY)
    first, last = min(e.date for e in found), max(max(e.date for e in found), TODAY)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    assert (ticks.get("d") or "").count("v") == months + 1
    assert paint[axis]["stroke"] == paint[ticks]["stroke"] == charts.FAINT
    labels = [t for t in svg.iter(f"{SVG}text") if t.text in charts.MONTH_ABBR]
    assert labels and all(paint[t]["font-size"] == "12" for t in labels)
    assert all(paint[t]["text-anchor"] == "middle" for t in labels)


def test_drawn_again_the_charts_are_the_same_bytes(notebook: Notebook) -> None:
    options = Options(today=TODAY, holidays_country="US")
    first = render_pages(notebook, TODAY, options)
    again = render_pages(read_notebook(REPO, options), TODAY, options)
    for name, text in first.items():
        if isinstance(text, str):
            assert FIGURE.findall(text) == FIGURE.findall(str(again[name])), name


# ---------------------------------------------------------------------------
# the numbers are the views' numbers


def test_the_funnel_draws_the_funnel(pages: dict[str, str], notebook: Notebook) -> None:
    stages = funnel(notebook, TODAY).overall
    drawn = values(chart(pages["index.md"], "Outreach funnel"))
    assert drawn == {
        "asked": stages.asked,
        "answered": stages.answered,
        "interviewed": stages.interviewed,
        "thanked": stages.thanked,
    }
    assert drawn == {"asked": 19, "answered": 15, "interviewed": 10, "thanked": 8}


def test_the_plan_draws_the_plan(pages: dict[str, str], notebook: Notebook) -> None:
    options = Options(today=TODAY, holidays_country="US")
    plan = progress(notebook, TODAY, options)
    drawn = values(chart(pages["index.md"], "Progress against the plan"))
    juniors, others = seniority_split(notebook, TODAY)
    assert plan["junior-share"].shown == f"{juniors} of {juniors + others} (20%)"
    assert drawn == {
        "interviews": plan["interviews"].value,
        "interviews/plan": options.plan_interviews_min,
        "interviews/plan-upper": options.plan_interviews_max,
        "role": plan["role"].value,
        "role/plan": options.plan_role_interest,
        "organization": plan["organization"].value,
        "organization/plan": options.plan_organization_interest,
        "junior": juniors,
        "mid-or-senior": others,
        "junior-share/plan": options.plan_junior_share,
    }


def test_activity_draws_the_events_of_each_month(pages: dict[str, str], notebook: Notebook) -> None:
    months = activity(notebook, TODAY)
    assert [m.month for m in months] == [d(f"2026-{n:02}-01") for n in range(5, 12)]
    drawn = values(chart(pages["timeline.md"], "Activity per month"))
    expected = {
        f"{m.month:%Y-%m}/{name}": count
        for m in months
        for name, count in (
            ("requests", m.requests),
            ("replies", m.replies),
            ("interviews", m.interviews),
        )
        if count
    }
    assert drawn == expected
    # Counted again from the events: requests, answers (a no too), held interviews.
    happened = [e for e in events(notebook, TODAY) if e.date <= TODAY]
    kinds = Counter(e.kind for e in happened)
    assert sum(m.requests for m in months) == kinds["request"] == 19
    assert sum(m.replies for m in months) == kinds["reply"] + kinds["declined"]
    assert sum(m.interviews for m in months) == kinds["interview"] == 10
    # The table beside the chart holds the same numbers.
    for m in months:
        month = f"{charts.MONTH_NAMES[m.month.month - 1]} {m.month.year}"
        cells = (month, m.requests, m.replies, m.interviews)
        assert "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>" in pages["timeline.md"]


def test_interest_draws_each_tag(pages: dict[str, str], notebook: Notebook) -> None:
    rows = interest_by_tag(notebook, TODAY)
    drawn = values(chart(pages["reflections.md"], "Still interested, by tag"))
    expected = {
        f"{row.tag or ''}/{answer}": getattr(row, answer)
        for row in rows
        for answer in ("yes", "no", "unsure")
        if getattr(row, answer)
    }
    assert drawn == expected
    assert drawn["data-analysis/unsure"] == 2


def test_ratings_draw_each_conversation(pages: dict[str, str], notebook: Notebook) -> None:
    found = ratings(notebook, TODAY)
    svg = chart(pages["reflections.md"], "Rating over time")
    drawn = values(svg)
    average = drawn.pop("average")
    assert drawn == {r.interview: r.rating for r in found}
    assert average == round(average_rating(notebook, TODAY) or 0, 1)
    dots = [c.get("data-key") for c in svg.iter(f"{SVG}circle")]
    assert dots == [r.interview for r in found]  # oldest first, along the axis
    xs = [float(c.get("cx", 0)) for c in svg.iter(f"{SVG}circle")]
    assert xs == sorted(xs)


def test_each_contact_strip_has_a_dot_per_event(pages: dict[str, str], notebook: Notebook) -> None:
    for slug, contact in notebook.contacts.items():
        found = contact_events(notebook, slug, TODAY)
        if not found:
            continue
        svg = chart(pages[f"contacts/{slug}.md"], f"Timeline of {contact.name}")
        dots = [c.get("data-key") for c in svg.iter(f"{SVG}circle") if c.get("data-key")]
        assert Counter(dots) == Counter(f"{e.date.isoformat()}/{e.kind}" for e in found), slug


def test_the_guide_draws_only_public_counts(pages: dict[str, str], notebook: Notebook) -> None:
    guide = public_guide([notebook], TODAY)
    svg = chart(pages["guide/questions.md"], "Questions asked, by category")
    drawn = values(svg)
    assert drawn == {c.category: c.asked for c in guide.asked_by_category}
    totals: Counter[str] = Counter()
    for question in guide.questions:
        totals[question.category] += question.asked
    assert drawn == dict(totals)
    assert list(drawn) == [
        "background",
        "day-to-day",
        "fit",
        "inside-view",
        "advice",
        "network",
        "organization",
    ]
    text = ET.tostring(svg, encoding="unicode")
    for contact in notebook.contacts.values():
        for private in (contact.name, contact.organization, *contact.tags):
            assert not private or private not in text


def test_the_public_count_refuses_private_objects(notebook: Notebook) -> None:
    with pytest.raises(PrivateValue):
        PublicCount("background", notebook)  # type: ignore[arg-type]
    with pytest.raises(PrivateValue):
        PublicCount(notebook.contacts["leo-hartmann"], 1)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# texts from notes, and odd shapes of data


HOSTILE = '<script>alert("x")</script> & \x00\x0b\x85 {{ x }} **b** \U0001f600'


def test_texts_from_notes_are_escaped_in_the_svg() -> None:
    notebook = book(
        person("evil", name=HOSTILE, tags=(HOSTILE, "plain")),
        talk(
            "evil",
            "2026-10-01",
            reflection=Reflection(still_interested="yes", rating=4),
        ),
    )
    options = Options(today=TODAY)
    pages = render_pages(notebook, TODAY, options)
    for name in ("contacts/evil.md", "reflections.md"):
        text = str(pages[name])
        assert "<script" not in text, name
        # Parsed back, the text is the note's, escaped once, less the controls.
        tips = [t.text or "" for fig in figures(text) for t in fig.iter(f"{SVG}title")]
        assert any('<script>alert("x")</script> & {{ x }}' in tip for tip in tips), name
    interest = chart(str(pages["reflections.md"]), "Still interested, by tag")
    shown = "".join(interest.itertext())
    assert '<script>alert("x")</script> & {{ x }} **b** \U0001f600' in shown


def test_long_labels_are_cut_short_with_the_whole_in_the_tooltip() -> None:
    tag = "a-very-long-tag-name-that-goes-on-and-on-and-on-past-the-edge"
    svg = ET.fromstring(
        charts.stacked_chart("t", "T", "D", charts.INTEREST, [(tag, tag, (3, 0, 1))])
    )
    labels = [t.text or "" for t in svg.iter(f"{SVG}text")]
    assert any(label.endswith("\u2026") and tag.startswith(label[:-1]) for label in labels)
    assert f"{tag}: 3 yes" in [t.text for t in svg.iter(f"{SVG}title")]


def test_nothing_to_draw_draws_empty_bars() -> None:
    from interview_kb.analysis.timeline import Stages

    svg = ET.fromstring(str(charts.funnel_figure(Stages())))
    assert values(svg) == {
        "asked": 0,
        "answered": 0,
        "interviewed": 0,
        "thanked": 0,
    }
    nobody = book()
    plan = progress(nobody, TODAY, Options())
    fig = ET.fromstring(str(charts.plan_figure(plan, 0, 0, upper=6)))
    assert values(fig)["junior-share/plan"] == 0.5


def test_one_rating_one_event_one_month() -> None:
    notebook = book(
        person("ann"),
        talk("ann", "2026-11-20", reflection=Reflection(rating=3)),
    )
    found = ratings(notebook, TODAY)
    fig = ET.fromstring(str(charts.rating_figure(found, {})))
    assert values(fig)["2026-11-20-ann"] == 3
    strip = ET.fromstring(
        str(charts.strip_figure(contact_events(notebook, "ann", TODAY), TODAY, "Ann"))
    )
    (dot,) = [c for c in strip.iter(f"{SVG}circle") if c.get("data-key")]
    assert dot.get("data-key") == "2026-11-20/interview"
    one = ET.fromstring(str(charts.activity_figure([Month(d("2026-11-01"), requests=1)])))
    assert values(one) == {"2026-11/requests": 1}


def test_many_months_thin_out_their_names() -> None:
    months = [Month(date(2024 + (n // 12), n % 12 + 1, 1), requests=n) for n in range(30)]
    svg = ET.fromstring(str(charts.activity_figure(months)))
    names = [t.text for t in svg.iter(f"{SVG}text") if t.text in charts.MONTH_ABBR]
    assert 5 <= len(names) < 30
    assert values(svg)["2026-06/requests"] == 29
    gridlines = [t.text for t in svg.iter(f"{SVG}text") if (t.text or "").isdigit()]
    assert "30" in gridlines and len(gridlines) <= 8


def test_events_of_one_day_are_stacked_not_drawn_over_each_other() -> None:
    lanes = charts.strip_lanes([10.0, 10.0, 10.0, 40.0, 45.0, 100.0])
    assert lanes == [0, 1, 2, 0, 1, 0]


# ---------------------------------------------------------------------------
# the command line


def run(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--config", CONFIG])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_stats_text_charts() -> None:
    out = run("stats", "--today", "2026-11-20")
    lines = out.splitlines()
    assert lines[0] == "Outreach funnel, 2026-11-20: 20 contacts"
    assert re.fullmatch(r"Asked +█{19} +19", lines[1])
    assert re.fullmatch(r"Answered +█{15} +15  79% of asked", lines[2])
    assert "Activity per month" in lines
    assert lines[-1].startswith("Nov 2026  ████████ 7")
    assert "\x1b[" not in out  # no colour when not writing to a terminal
    bars = [line for line in lines if line[:3] in charts.MONTH_ABBR]
    assert len(bars) == 7


def test_stats_json_is_the_views() -> None:
    printed = json.loads(run("stats", "--today", "2026-11-20", "--format", "json"))
    notebook = read_notebook(REPO, Options(today=TODAY, holidays_country="US"))
    overall = funnel(notebook, TODAY).overall
    assert printed["funnel"]["asked"] == overall.asked
    assert printed["funnel"]["thanked"] == overall.thanked
    # Warm: introduced, or a connection in common (one contact has only the latter).
    assert printed["funnel"]["by_warmth"]["warm"]["asked"] == 12
    assert printed["months"] == [
        {
            "month": f"{m.month:%Y-%m}",
            "requests": m.requests,
            "replies": m.replies,
            "interviews": m.interviews,
        }
        for m in activity(notebook, TODAY)
    ]


def test_stats_of_an_empty_notebook(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ntheme: {name: material}\nplugins: [interview-kb]\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, ["stats", "--today", "2026-11-20", "--config", str(tmp_path / "mkdocs.yml")]
    )
    assert result.exit_code == 0, result.output
    assert "No activity yet" in result.stdout


def test_text_bars() -> None:
    assert text_bar(8, 8, 4) == "████"
    assert text_bar(1, 8, 4) == "▌   "
    assert text_bar(0, 8, 4) == "    "
    assert text_bar(1, 1000, 4) == "▏   "  # never hidden when not zero
    assert text_bar(4, 8, 4, blocks=False) == "##  "


def test_due_ends_with_a_one_line_summary() -> None:
    last = run("due", "--today", "2026-11-20").rstrip("\n").splitlines()[-1]
    assert last == (
        "11 overdue, 0 due today, 4 in the next 7 days, 11 later (--all shows them), "
        "1 to let go; 10 interviews held, 3 coming up; 15 of 19 requests answered (79%)"
    )
