"""The published guide: nothing private in any file it writes."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from interview_kb.analysis.public import (
    PrivateValue,
    PublicAnswer,
    PublicGuide,
    attribution,
    public_guide,
)
from interview_kb.core.model import Contact
from interview_kb.reader.notes import read_notebook
from interview_kb.render.guide import render_guide

from ..conftest import REPO, LogGuard, WriteNotebook

TODAY = date(2026, 11, 20)


def member(root: Path, tag: str) -> dict[str, str]:
    """A notebook whose every private value holds a marker ``PRIV<tag>...``."""
    files = {
        f"contacts/ann-{tag}.md": f"""---
name: Annmarker ZQP{tag}NAME
role: ZQP{tag}ROLE
organization: ZQP{tag}ORG
years_experience: 12
connection: ZQP{tag}CONNECTION
email: zqp{tag}@mail.example
phone: ZQP{tag}PHONE
linkedin: https://linkedin.example/ZQP{tag}LINKEDIN
website: https://ZQP{tag}SITE.example
location: ZQP{tag}CITY
aliases: [ZQP{tag}ALIAS]
tags: [ux-research]
outreach:
  - {{date: 2026-10-01, kind: request, note: ZQP{tag}OUTREACH}}
---
ZQP{tag}CONTACTBODY
""",
        f"contacts/bo-{tag}.md": f"""---
name: Bomarker ZQP{tag}BONAME
years_experience: 1
tags: [data-analysis]
---
ZQP{tag}BOBODY
""",
        # Same slug in every member's notebook: must not overwrite each other.
        "interviews/2026-10-10-shared.md": f"""---
contact: ann-{tag}
date: 2026-10-10 10:00
location: ZQP{tag}PLACE
duration: 30
questions:
  - id: typical-day
    answer: SHARED{tag}ANSWER about research sprints
  - ask: Custom question SHARED{tag}CUSTOM?
    answer: SHARED{tag}CUSTOMANSWER
referrals:
  - name: ZQP{tag}REFERRAL
promised:
  - ZQP{tag}PROMISED
resources:
  - title: ZQP{tag}RESOURCE
thank_you: 2026-10-11
reflection:
  learned: SHARED{tag}LESSON
  went_well: ZQP{tag}WENTWELL
  improve: ZQP{tag}IMPROVE
  next_steps: [ZQP{tag}NEXTSTEP]
share: yes
---
ZQP{tag}INTERVIEWBODY
""",
        "interviews/2026-10-12-private.md": f"""---
contact: bo-{tag}
date: 2026-10-12
questions:
  - id: typical-day
    answer: ZQP{tag}UNSHAREDANSWER
  - ask: ZQP{tag}UNSHAREDCUSTOM?
    answer: ZQP{tag}UNSHAREDCUSTOMANSWER
reflection:
  learned: ZQP{tag}UNSHAREDLESSON
---
ZQP{tag}PRIVATEBODY
""",
        "interviews/2026-12-01-later.md": f"""---
contact: bo-{tag}
date: 2026-12-01
share: yes
questions:
  - id: typical-day
    answer: ZQP{tag}NOTHELDYET
---
""",
        # The owner's profile signs drafts and opens prep sheets; never the guide.
        "profile.yml": f"""name: ZQP{tag}OWNERNAME
signature: ZQP{tag}SIGNATURE
introduction: ZQP{tag}INTRODUCTION
background: ZQP{tag}BACKGROUND
exploring: ZQP{tag}EXPLORING
""",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return files


def write_group(tmp_path: Path, shared_from: list[str] | None = None) -> Path:
    root = tmp_path / "group"
    (root / "docs").mkdir(parents=True)
    (root / "docs/index.md").write_text("# Our guide\n\nHello.\n<!-- dashboard -->\n")
    member(root, "A")
    plugin = "      publish: guide\n      today: 2026-11-20\n"
    if shared_from:
        plugin += "      shared_from: [" + ", ".join(shared_from) + "]\n"
    (root / "mkdocs.yml").write_text(
        "site_name: Group guide\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  search: {}\n  interview-kb:\n" + plugin,
        encoding="utf-8",
    )
    return root


def every_text(site: Path) -> str:
    parts = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        parts.append(f"\n==== {path.relative_to(site)}\n" + data.decode("utf-8", "replace"))
    return "".join(parts)


def build_guide(root: Path) -> Path:
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True)
    build(config)
    return Path(config.site_dir)


def assert_private_absent(text: str, tags: list[str]) -> None:
    leaks = sorted({m for tag in tags for m in _markers(text, f"ZQP{tag}")})
    assert not leaks, f"private values in the guide: {leaks}"
    for tag in tags:
        for value in (
            f"zqp{tag}@mail.example",
            "Annmarker",
            "Bomarker",
            "2026-10-10",
            "2026-10-12",
        ):
            assert value not in text, value


def _markers(text: str, prefix: str) -> set[str]:
    import re

    return set(re.findall(re.escape(prefix) + r"[A-Z]+", text))


def test_guide_holds_nothing_private(tmp_path: Path, log_guard: LogGuard) -> None:
    root = write_group(tmp_path)
    text = every_text(build_guide(root))
    assert_private_absent(text, ["A"])
    for shared in ("SHAREDAANSWER", "SHAREDACUSTOM", "SHAREDACUSTOMANSWER", "SHAREDALESSON"):
        assert shared in text
    assert "a senior ux-research" in text
    assert "search/search_index.json" in text and "sitemap.xml.gz" in text
    site = Path(load_config(config_file=str(root / "mkdocs.yml")).site_dir)
    assert not (site / "contacts").exists()
    assert not (site / "interviews").exists()
    assert not (site / "follow-ups.ics").exists()
    assert not (site / "organizations").exists()
    assert not (site / "pipeline").exists()
    assert not (site / "tags").exists()
    assert "zqpaorg" not in text.lower()


def test_group_guide_from_several_notebooks(tmp_path: Path, log_guard: LogGuard) -> None:
    for tag in ("B", "C"):
        member(tmp_path / f"members/{tag.lower()}", tag)
    root = write_group(tmp_path, shared_from=["../members/*"])
    text = every_text(build_guide(root))
    assert_private_absent(text, ["A", "B", "C"])
    for tag in ("A", "B", "C"):
        assert f"SHARED{tag}ANSWER" in text
        assert f"SHARED{tag}LESSON" in text
    # Three notebooks each with the same interview slug: all three counted.
    notebooks = [read_notebook(root)] + [
        read_notebook(tmp_path / f"members/{t}") for t in ("b", "c")
    ]
    guide = public_guide(notebooks, TODAY)
    typical = next(q for q in guide.questions if q.id == "typical-day")
    assert typical.asked == 6  # two held interviews in each notebook
    assert len(typical.answers) == 3  # only the shared ones
    assert guide.shared_interviews == 3


def test_a_missing_shared_folder_is_an_error(tmp_path: Path, log_guard: LogGuard) -> None:
    log_guard.expect("shared_from '../nowhere' matches no folder")
    root = write_group(tmp_path, shared_from=["../nowhere"])
    with pytest.raises(Abort):
        build_guide(root)


def test_names_in_shared_text_are_redacted(tmp_path: Path) -> None:
    root = tmp_path / "n"
    (root / "contacts").mkdir(parents=True)
    (root / "interviews").mkdir()
    (root / "contacts/jo.md").write_text(
        "---\nname: Jo Marsh\norganization: Acme Health\naliases: [JM]\n---\n"
    )
    (root / "interviews/i.md").write_text(
        "---\ncontact: jo\ndate: 2026-10-01\nshare: yes\nquestions:\n"
        "  - id: typical-day\n    answer: At Acme Health, Marsh and I (JM) run studies.\n---\n"
    )
    guide = public_guide([read_notebook(root)], TODAY)
    (answer,) = next(q for q in guide.questions if q.id == "typical-day").answers
    assert answer.text == "At […], […] and I ([…]) run studies."


def test_public_view_refuses_private_objects() -> None:
    contact = Contact(slug="x", path="contacts/x.md", name="Secret Name")
    with pytest.raises(PrivateValue):
        PublicAnswer(text=contact, attribution="a senior ux")  # type: ignore[arg-type]
    with pytest.raises(PrivateValue):
        PublicGuide(questions=(contact,), custom=(), lessons=(), shared_interviews=0, notebooks=1)  # type: ignore[arg-type]
    with pytest.raises(PrivateValue):
        render_guide(read_notebook(REPO))  # type: ignore[arg-type]


def test_attribution() -> None:
    def contact(**kw: object) -> Contact:
        return Contact(slug="x", path="x", name="X", **kw)  # type: ignore[arg-type]

    assert (
        attribution(contact(seniority="senior", tags=("ux-research", "b")))
        == "a senior ux-research"
    )
    assert attribution(contact(seniority="mid")) == "a mid professional"
    assert attribution(contact(tags=("edtech",))) == "someone in edtech"
    assert attribution(None) == "a professional"


def test_example_guide_builds(tmp_path: Path, log_guard: LogGuard) -> None:
    config = load_config(
        config_file=str(REPO / "mkdocs.public.yml"), strict=True, site_dir=str(tmp_path)
    )
    build(config)
    text = every_text(tmp_path)
    notebook = read_notebook(REPO)
    for contact in notebook.contacts.values():
        for value in (contact.name, contact.email, contact.organization, contact.phone):
            if value:
                assert value not in text, value
    questions = (tmp_path / "questions/index.html").read_text(encoding="utf-8")
    assert "Question bank" in questions
    assert "a senior" in questions or "a mid" in questions or "a junior" in questions


ORDINARY_SENTENCES = (
    "you will need SQL, and that young teams move fast.",
    "I hope the grace period in may is enough to mark the change.",
    "our target for the first year was one shipped study.",
)


def test_no_over_blanking_in_the_built_guide(tmp_path: Path, log_guard: LogGuard) -> None:
    """Contacts named after ordinary words: their names go, the prose stays whole."""
    root = write_group(tmp_path)
    people = {
        "will-young": ("Will Young", "Target"),
        "hope-grace": ("Hope Grace", "Mark & May"),
    }
    for slug, (name, organization) in people.items():
        (root / f"contacts/{slug}.md").write_text(
            f"---\nname: {name}\norganization: {organization}\nyears_experience: 4\n"
            "tags: [analytics]\n---\n",
            encoding="utf-8",
        )
    answers = "\n".join(
        f"  - ask: Ordinary question {n}?\n    answer: {sentence}"
        for n, sentence in enumerate(ORDINARY_SENTENCES)
    )
    (root / "interviews/2026-10-20-will.md").write_text(
        "---\ncontact: will-young\ndate: 2026-10-20\nshare: yes\nquestions:\n"
        + answers
        + "\n  - ask: Named question?\n    answer: Ask Will, or Hope at Target.\n---\n",
        encoding="utf-8",
    )
    site = build_guide(root)
    assert_private_absent(every_text(site), ["A"])
    page = (site / "questions/index.html").read_text(encoding="utf-8")
    for sentence in ORDINARY_SENTENCES:
        assert sentence in page, sentence
    assert "Ask […], or […] at […]." in page
    for name in ("Will", "Young", "Hope", "Grace", "Target"):
        assert f" {name}" not in page, name


def test_example_guide_names_no_one(tmp_path: Path, log_guard: LogGuard) -> None:
    """Every passage of the example guide is already blank of every name: the
    redactor finds nothing more in the built questions page."""
    from interview_kb.analysis.redact import Redactor, notebook_terms

    config = load_config(
        config_file=str(REPO / "mkdocs.public.yml"), strict=True, site_dir=str(tmp_path)
    )
    build(config)
    import html
    import re

    page = (tmp_path / "questions/index.html").read_text(encoding="utf-8")
    body = page[page.index("<article") : page.index("</article>")]
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    redact = Redactor(notebook_terms([read_notebook(REPO)]))
    assert redact.blanks(text) == []
    assert "Fieldnote" not in text and "[…] had worked with the same nonprofit" in text


def test_share_lists_the_answers_to_publish(write_notebook: WriteNotebook) -> None:
    """``share`` as a list: only the answers it names, by id or asked text,
    reach the guide; a frank answer stays private, and so does the lesson."""
    root = write_notebook(
        {
            "contacts/jo.md": "---\nname: Jo Marsh\nyears_experience: 5\ntags: [ux]\n---\n",
            "interviews/2026-10-01-jo.md": """
                ---
                contact: jo
                date: 2026-10-01
                share:
                  - typical-day
                  - what would you do differently?
                  - not a question here
                questions:
                  - id: typical-day
                    answer: SHAREDTYPICAL mostly research.
                  - id: pay-range
                    answer: ZQPFRANKPAY a number nobody should publish.
                  - ask: What would you do differently?
                    answer: SHAREDDIFFERENT start earlier.
                  - ask: Who else is hiring?
                    answer: ZQPFRANKHIRING
                reflection:
                  learned: ZQPLESSON
                ---
                """,
        }
    )
    notebook = read_notebook(root)
    (warning,) = notebook.problems
    assert warning.severity == "warning" and warning.line == 4
    assert "'not a question here' is not a question of this interview" in warning.message
    guide = public_guide([notebook], TODAY)
    texts = [a.text for q in (*guide.questions, *guide.custom) for a in q.answers]
    assert sorted(texts) == ["SHAREDDIFFERENT start earlier.", "SHAREDTYPICAL mostly research."]
    assert [q.text for q in guide.custom] == ["What would you do differently?"]
    assert guide.lessons == () and guide.shared_interviews == 1
    pay = next(q for q in guide.questions if q.id == "pay-range")
    assert pay.asked == 1 and pay.answers == ()  # counted, not shown


def test_share_list_on_the_interview_page(write_notebook: WriteNotebook) -> None:
    from interview_kb.core.model import Options
    from interview_kb.render.pages import render_pages

    root = write_notebook(
        {
            "contacts/jo.md": "---\nname: Jo Marsh\n---\n",
            "interviews/2026-10-01-jo.md": "---\ncontact: jo\ndate: 2026-10-01\n"
            "share: [typical-day]\nquestions:\n  - id: typical-day\n    answer: x\n---\n",
        }
    )
    page = render_pages(read_notebook(root), TODAY, Options(today=TODAY))[
        "interviews/2026-10-01-jo.md"
    ]
    assert "only the answers to: typical-day" in str(page)


def test_an_attribution_never_names_the_employer(tmp_path: Path) -> None:
    root = tmp_path / "n"
    (root / "contacts").mkdir(parents=True)
    (root / "interviews").mkdir()
    (root / "contacts/jo.md").write_text(
        "---\nname: Jo Marsh\norganization: Vexla Labs\nyears_experience: 1\ntags: [vexla]\n---\n"
    )
    (root / "interviews/i.md").write_text(
        "---\ncontact: jo\ndate: 2026-10-01\nshare: yes\nquestions:\n"
        "  - id: typical-day\n    answer: Busy.\n---\n"
    )
    guide = public_guide([read_notebook(root)], TODAY)
    (answer,) = next(q for q in guide.questions if q.id == "typical-day").answers
    assert answer.attribution == "a junior […]"
