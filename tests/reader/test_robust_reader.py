"""Property tests of the reader: any file in the notes folders gives notes or
``path:line`` problems, never an exception or a hang, and reading changes
nothing.

The examples are derandomized, so ``make test`` always runs the same ones;
``INTERVIEW_KB_FUZZ=N`` runs N fresh random examples per property instead
(``make fuzz``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_kb.core.model import Notebook, Options
from interview_kb.core.slugs import is_title, slug_of
from interview_kb.reader import composer, notes
from interview_kb.reader.notes import (
    CONTACT_KEYS,
    INTERVIEW_KEYS,
    OUTREACH_KEYS,
    PROMISE_KEYS,
    QUESTION_KEYS,
    REFERRAL_KEYS,
    REFLECTION_KEYS,
    RESOURCE_KEYS,
    read_notebook,
)
from interview_kb.render.pages import render_pages

TODAY = date(2026, 11, 20)
FUZZ = int(os.environ.get("INTERVIEW_KB_FUZZ", "0"))
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any, **style: Any) -> str:
    """YAML text of generated data (libyaml's emitter: huge texts are quick)."""
    return yaml.dump(data, Dumper=DUMPER, sort_keys=False, **style)


def budget(examples: int) -> Callable[[Any], Any]:
    """Settings for a property: a fixed set of examples, or a fuzzing run."""
    return settings(
        max_examples=FUZZ or examples,
        derandomize=not FUZZ,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ---------------------------------------------------------------------------
# values of every YAML type

SPECIAL_TEXT = [
    "",
    " ",
    "~",
    "null",
    "yes",
    "no",
    "on",
    "0",
    "-1",
    "1e400",
    "nan",
    ".inf",
    "2026-11-03",
    "2026-11-03 14:30",
    "2026-02-30",
    "9999-12-31",
    "0001-01-01",
    "2026-W45-2",
    "---",
    "...",
    "- a",
    "a: b",
    "#tag",
    "*alias",
    "&anchor",
    "!!python/object:os.system",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "\u202eevil\u202c",
    "\u05e9\u05dc\u05d5\u05dd",
    "👩\u200d💻",
    "a\x00b",
    "\x1b[31mred",
    "line\r\nline\rline\u2028line\x85",
    "\t",
    "\ufeff",
    "\x00body\x00",
    "index",
    "../../etc/passwd",
    "jane-doe",
]
TEXT = st.one_of(
    st.sampled_from(SPECIAL_TEXT),
    st.text(max_size=30),
    st.text(st.characters(codec="utf-8"), max_size=12),
)
HUGE_TEXT = st.sampled_from([1_000, 30_000, 300_000]).map(lambda n: "x" * n)
KEYS = st.one_of(
    TEXT,
    st.integers(-5, 5),
    st.none(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.dates(),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    TEXT,
    st.dates(),
    st.datetimes(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(KEYS, inner, max_size=4),
    ),
    max_leaves=10,
)


def shaped(keys: tuple[str, ...]) -> st.SearchStrategy[Any]:
    """A mapping of the note format's keys (and a stray one) with any values."""
    return st.dictionaries(
        st.one_of(st.sampled_from(keys), TEXT, st.sampled_from(["<<", "content"])),
        VALUES,
        max_size=len(keys) + 1,
    )


def listed(item: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A list whose items may be texts, shaped mappings or anything at all."""
    return st.lists(st.one_of(item, TEXT, VALUES), max_size=5)


FIELD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "outreach": listed(shaped(OUTREACH_KEYS)),
    "questions": listed(shaped(QUESTION_KEYS)),
    "referrals": listed(shaped(REFERRAL_KEYS)),
    "promised": listed(shaped(PROMISE_KEYS)),
    "resources": listed(shaped(RESOURCE_KEYS)),
    "reflection": shaped(REFLECTION_KEYS),
    "tags": st.lists(TEXT, max_size=5),
    "aliases": st.lists(TEXT, max_size=5),
    "interest": st.lists(st.sampled_from(["role", "organization", "money"]), max_size=3),
    "contact": st.sampled_from(["jane-doe", "bob", "José Núñez", "../../x", "nobody"]),
    "date": st.one_of(
        st.dates(date(2020, 1, 1), date(2030, 1, 1)),
        st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1)),
        st.dates(),
        st.sampled_from(SPECIAL_TEXT[10:20]),
    ),
    "name": st.one_of(st.just("Jane Doe"), TEXT),
}
REQUIRED = ("name", "contact", "date")


@st.composite
def front_matter(draw: st.DrawFn, keys: tuple[str, ...]) -> dict[Any, Any]:
    """Front-matter of one note: its known keys with well-shaped or any values,
    keys that are not text, and keys that other tools take for themselves."""
    values: dict[Any, Any] = {}
    # Hypothesis favours the simplest choice (False, 0, the first of a list):
    # here that is the ordinary case, a note with its required keys.
    chosen = [k for k in REQUIRED if k in keys and draw(st.integers(0, 9)) != 9]
    chosen += draw(st.lists(st.sampled_from(keys), max_size=len(keys), unique=True))
    for key in dict.fromkeys(chosen):
        well_shaped = FIELD_VALUES.get(key, TEXT)
        odd = draw(st.integers(0, 3)) == 3
        values[key] = draw(st.one_of(VALUES, HUGE_TEXT) if odd else well_shaped)
    values.update(draw(st.dictionaries(KEYS, VALUES, max_size=3)))
    for reserved in ("content", "handler"):
        if draw(st.booleans()):
            values[reserved] = draw(VALUES)
    return values


HANDWRITTEN = [
    "a: &a [x, y]\nb: *a\n",
    "tags: &t [a, b]\naliases: *t\n",
    "? [a, b]\n: c\n",
    "? {a: b}\n: c\n",
    "<<: {name: merged}\n",
    "name: !!binary aGVsbG8=\n",
    "name: !custom x\n",
    "name: !!python/object/apply:os.system [ls]\n",
    "%YAML 1.1\n---\nname: x\n",
    "name: x\n...\nrole: y\n",
    "name: 'unclosed\n",
    'name: "unclosed\n',
    "name: [unclosed\n",
    "name: x\n\trole: y\n",
    "name: a: b\n",
    "- a\n- b\n",
    "just text\n",
    "name: *undefined\n",
    "name: &a x\nrole: &a y\n",
    "hobby: &a [*a]\n",
    "outreach:\n  - &e {date: 2026-11-01, kind: request}\n  - *e\n  - *e\n",
    "questions: [[[[[[deep]]]]]]\n",
    "name: x\nname: y\n",
    "~: x\n",
    "name: |\n  block\n  text\n",
    "name: >-\n  folded\n  text\n",
    'name: "\\0\\x07\\e\\u202e\\U0001F600"\n',
]


@st.composite
def note_text(draw: st.DrawFn, keys: tuple[str, ...]) -> str:
    """A note's text: generated front-matter, a handwritten oddity, or both."""
    parts: list[str] = []
    if draw(st.integers(0, 4)) != 4:
        data = draw(front_matter(keys))
        try:
            parts.append(
                dump(
                    data,
                    allow_unicode=draw(st.booleans()),
                    default_flow_style=draw(st.sampled_from([False, True, None])),
                    width=draw(st.sampled_from([20, 80, 10_000])),
                )
            )
        except yaml.YAMLError:  # pragma: no cover - safe_dump takes every value drawn
            parts.append("name: x\n")
    if not parts or draw(st.integers(0, 2)) == 2:
        parts.append(draw(st.sampled_from(HANDWRITTEN)))
    body = draw(
        st.one_of(
            st.just(""),
            st.sampled_from(["**bold** and _em_\n", "---\nnot front-matter\n---\n", "\x00\n"]),
            st.text(max_size=200),
        )
    )
    closing = "" if draw(st.integers(0, 9)) == 9 else "---\n"
    return "---\n" + "".join(parts) + closing + body


@st.composite
def note_bytes(draw: st.DrawFn, keys: tuple[str, ...]) -> bytes:
    """A note's bytes, with what happens to files on the way: a byte-order
    mark, CRLF or mixed line endings, tabs, truncation, stray bytes."""
    if draw(st.integers(0, 9)) == 9:
        return draw(st.binary(max_size=300))
    text = draw(note_text(keys))
    endings = draw(st.sampled_from(["\n", "\n", "\r\n", "mixed", "\n", "\r"]))
    if endings == "mixed":
        lines = text.split("\n")
        text = (
            "".join(line + draw(st.sampled_from(["\n", "\r\n"])) for line in lines[:-1])
            + (lines[-1])
        )
    elif endings != "\n":
        text = text.replace("\n", endings)
    if draw(st.integers(0, 4)) == 4:
        text = text.replace("  ", "\t")
    raw = text.encode("utf-8")
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    if draw(st.integers(0, 4)) == 4:
        raw = raw[: draw(st.integers(0, len(raw)))]
    if draw(st.integers(0, 9)) == 9:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at:]
    return raw


CONTACT_NAMES = ["jane-doe", "bob", "José Núñez", "a b", "a..b"]
INTERVIEW_NAMES = ["2026-11-03-jane-doe", "x", "2026-11-04-bob"]


@st.composite
def notebooks(draw: st.DrawFn) -> dict[str, bytes]:
    """Files of a small notebook: some contacts and interviews, maybe a bank."""
    files: dict[str, bytes] = {}
    for name in draw(st.lists(st.sampled_from(CONTACT_NAMES), min_size=1, max_size=3, unique=True)):
        files[f"contacts/{name}.md"] = draw(note_bytes(CONTACT_KEYS))
    for name in draw(st.lists(st.sampled_from(INTERVIEW_NAMES), max_size=2, unique=True)):
        files[f"interviews/{name}.md"] = draw(note_bytes(INTERVIEW_KEYS))
    if draw(st.integers(0, 3)) == 3:
        bank = draw(
            st.one_of(
                st.lists(shaped(("id", "text", "category", "for", "tags")), max_size=3),
                VALUES,
            )
        )
        files["questions.yml"] = dump(bank, allow_unicode=True).encode("utf-8")
    return files


# ---------------------------------------------------------------------------
# what must hold for every notebook


def write(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def assert_well_reported(notebook: Notebook, files: dict[str, bytes]) -> None:
    """Every problem names a file that was read and a line within it."""
    for problem in notebook.problems:
        assert problem.path in files, problem
        last = files[problem.path].count(b"\n") + 1
        assert 1 <= problem.line <= last, (problem, last)
        assert problem.severity in ("error", "warning"), problem
        assert "\n" not in problem.message and "\r" not in problem.message, problem
        assert len(problem.message) < 1_000, problem


def read_and_render(files: dict[str, bytes]) -> Notebook:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write(root, files)
        before = snapshot(root)
        notebook = read_notebook(root)
        assert_well_reported(notebook, files)
        stems = {Path(n).stem for n in files if "contacts/" in n}
        # A file named as a title (Jane Doe.md) has the slug `new` would make.
        assert notebook.contacts.keys() <= {slug_of(s) if is_title(s) else s for s in stems}
        # Deterministic, and nothing read was changed.
        assert read_notebook(root) == notebook
        assert snapshot(root) == before
        pages = render_pages(notebook, TODAY, Options())
        assert render_pages(notebook, TODAY, Options()) == pages
        for text in pages.values():
            if isinstance(text, str):
                text.encode("utf-8")  # no lone surrogate or other unwritable text
    return notebook


@budget(200)
@given(notebooks())
def test_any_notebook_reads_into_notes_or_problems(files: dict[str, bytes]) -> None:
    read_and_render(files)


@budget(100)
@given(st.binary(max_size=2_000), st.sampled_from(["contacts/x.md", "interviews/x.md"]))
def test_any_bytes_read_into_notes_or_problems(raw: bytes, name: str) -> None:
    read_and_render({name: raw, "contacts/jane-doe.md": b"---\nname: Jane\n---\n"})


@budget(100)
@given(note_text(CONTACT_KEYS), st.data())
def test_any_truncation_of_a_note(text: str, data: st.DataObject) -> None:
    raw = text.encode("utf-8")
    cut = data.draw(st.integers(0, len(raw)))
    read_and_render({"contacts/x.md": raw[:cut]})


@budget(100)
@given(front_matter(CONTACT_KEYS), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_a_valid_name_survives_any_other_value(
    data: dict[Any, Any], newline: str, bom: bool
) -> None:
    """Whatever else a contact holds, its name is read and the rest reported."""
    data["name"] = "Jane Doe"
    text = "---\n" + dump(data, allow_unicode=True) + "---\nBody\n"
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode("utf-8")
    if len(raw) > 200_000:  # past MAX_FRONT_MATTER_BYTES the whole note is refused
        return
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), {"contacts/jane-doe.md": raw})
        notebook = read_notebook(Path(folder))
    assert_well_reported(notebook, {"contacts/jane-doe.md": raw})
    assert notebook.contacts["jane-doe"].name == "Jane Doe"
    assert notebook.contacts["jane-doe"].body.strip() == "Body"


@budget(100)
@given(front_matter(INTERVIEW_KEYS), front_matter(CONTACT_KEYS), st.sampled_from(["\n", "\r\n"]))
def test_a_valid_interview_survives_any_other_value(
    data: dict[Any, Any], person: dict[Any, Any], newline: str
) -> None:
    """Whatever else an interview holds, it is read, and every page renders."""
    data.update({"contact": "jane-doe", "date": date(2026, 11, 3)})
    person["name"] = "Jane Doe"
    files = {
        "contacts/jane-doe.md": person,
        "interviews/2026-11-03-jane-doe.md": data,
    }
    raw = {
        name: ("---\n" + dump(values, allow_unicode=True) + "---\n**Body**\n")
        .replace("\n", newline)
        .encode("utf-8")
        for name, values in files.items()
    }
    if any(len(text) > 200_000 for text in raw.values()):
        return
    assert "2026-11-03-jane-doe" in read_and_render(raw).interviews


def shape(node: yaml.Node | None) -> Any:
    """A node as plain data: what the reader can see of it (aliases expanded)."""
    if node is None:
        return None
    where = (node.start_mark.line, node.start_mark.column, node.tag)
    if isinstance(node, yaml.ScalarNode):
        return (*where, node.value, node.style)
    if isinstance(node, yaml.SequenceNode):
        return (*where, [shape(child) for child in node.value])
    return (*where, [(shape(key), shape(value)) for key, value in node.value])


@budget(200)
@given(
    st.one_of(
        front_matter(CONTACT_KEYS).map(lambda data: dump(data, allow_unicode=True)),
        front_matter(INTERVIEW_KEYS).map(lambda data: dump(data, default_flow_style=True)),
        st.lists(st.sampled_from(HANDWRITTEN), min_size=1, max_size=3).map("".join),
        st.text(max_size=80),
    ),
    st.sampled_from(["\n", "\r\n", "\r", "\u2028"]),
)
def test_both_composers_build_the_same_nodes(text: str, newline: str) -> None:
    """``compose`` takes libyaml's composer for ordinary text and ours for the
    rest: both give the same nodes, lines and problems."""
    text = text.replace("\n", newline)

    def outcome(composer: Callable[[], yaml.Node | None]) -> Any:
        try:
            return shape(composer())
        except yaml.YAMLError as problem:
            return type(problem).__name__, str(problem)

    assert outcome(lambda: notes.compose(text)) == outcome(composer.Composer(text).compose)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"---\nname: A\nrole: x\x07y\n---\n", "3: error: the front-matter holds a character"),
        ("---\nname: A\nrole: 'é\x07'\n---\n".encode(), "3: error: the front-matter holds a"),
        (b"---\r\nname: A\r\nrole: [x]\r\n---\r\n", "3: error: role: expected text"),
        (b"---\nname: A\nx: *nowhere\n---\n", "3: error: the front-matter is not valid YAML"),
        (b"---\nname: A\nx: &a 1\ny: &a 2\n---\n", "4: error: the front-matter is not valid"),
    ],
)
def test_problems_name_their_line(raw: bytes, expected: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), {"contacts/a.md": raw})
        found = [str(p) for p in read_notebook(Path(folder)).problems]
    assert any(p.startswith(f"contacts/a.md:{expected}") for p in found), found


@pytest.mark.parametrize("odd", ["\r", "\x85", "\u2028", "\u2029"])
@pytest.mark.parametrize(
    "text",
    [
        "---\nname: 'a{0}b{0}c'\nx: [\n---\n",
        '---\nname: "a{0}b"\nrole: [x]\n---\n',
        "---\nname: A\nnote: 'x{0}y'\ntags: {{a: b}}\nwarmth: hot\n---\n",
        "---\nname: A\nhobby: &a [x{0}y, *a]\n---\n",
    ],
)
def test_lines_count_line_feeds_only(text: str, odd: str) -> None:
    """Problems name the line an editor shows: YAML also counts a lone
    carriage return, NEL and the Unicode line separators as line breaks."""

    def lines(raw: str) -> list[int]:
        with tempfile.TemporaryDirectory() as folder:
            write(Path(folder), {"contacts/a.md": raw.encode("utf-8")})
            return [p.line for p in read_notebook(Path(folder)).problems]

    found = lines(text.format(odd))
    assert found and found == lines(text.format(" "))
