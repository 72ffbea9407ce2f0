"""Reading a member's share bundle (``interview-kb share``) as the guide reads it.

A bundle is a folder: ``bundle.yml`` (what it is, how often each bank
question was asked, the member's own bank questions, the files it holds)
and one ``<id>.yml`` per shared interview. It is read into a ``Notebook``
that holds only those: contacts with no name that carry the attribution
fields, interviews with the redacted answers and lesson, and stand-ins with
no text for the held interviews that were not shared, so that the bank's
counts come out as the member's notebook gives them.

Anything outside the schema (a key, a file, a value of the wrong kind) is a
problem at ``path:line``, and the bundle is left out of the guide whole: a
bundle is what its owner read before sending it, nothing more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from ..core.model import (
    AskedQuestion,
    BankQuestion,
    Contact,
    Interview,
    Notebook,
    Problem,
    Reflection,
)
from ..core.vocab import Seniority
from .notes import Note, _parse_yaml_file, builtin_bank

MANIFEST = "bundle.yml"
KIND = "interview-kb share bundle"
INTERVIEW_KIND = "interview-kb shared interview"
VERSION = 1
ID = re.compile(r"[0-9a-f]{12}\Z")
_MONTH = re.compile(r"(\d{4})-(\d{2})\Z")
_MANIFEST_KEYS = ("bundle", "version", "asked", "questions", "files")
_INTERVIEW_KEYS = ("bundle", "id", "month", "order", "seniority", "tag", "answers", "lesson")
_ANSWER_KEYS = ("question", "id", "answer")
_QUESTION_KEYS = ("id", "text", "category")


def is_bundle(folder: Path) -> bool:
    """Whether ``folder`` is a share bundle (it holds ``bundle.yml``)."""
    return (folder / MANIFEST).is_file()


class _Refused(Exception):
    pass


@dataclass
class _File:
    note: Note

    def fail(self, node: yaml.Node | None, message: str) -> _Refused:
        self.note.error(self.note.line(node) if node is not None else 1, message)
        return _Refused()

    def mapping(self, node: yaml.Node, keys: tuple[str, ...], what: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of {', '.join(keys)}")
        found: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name not in keys:
                raise self.fail(
                    key,
                    f"'{name}' is not part of a share bundle; {what} holds only "
                    f"{', '.join(keys)}: write the bundle again with `interview-kb share`",
                )
            if name in found:
                raise self.fail(key, f"'{name}' is given twice")
            found[name] = value
        return found

    def text(self, node: yaml.Node | None, what: str, *, optional: bool = False) -> str | None:
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            if optional:
                return None
            raise self.fail(node, f"{what} is missing")
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{what} must be a text")
        return str(node.value)

    def number(self, node: yaml.Node | None, what: str) -> int:
        value = self.text(node, what)
        if value is None or not value.isdigit():
            raise self.fail(node, f"{what} must be a whole number")
        return int(value)

    def items(self, node: yaml.Node | None, what: str) -> list[yaml.Node]:
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what} must be a list")
        return list(node.value)


def _load(path: Path, label: str, problems: list[Problem]) -> tuple[_File, yaml.Node]:
    file = _File(Note(label, problems, start=1))
    node = _parse_yaml_file(file.note, path.read_bytes())
    if node is None:
        if not file.note.problems:
            file.note.error(1, "the file is empty")
        raise _Refused()
    return file, node


def read_bundle(folder: Path, label: str) -> Notebook:
    """The bundle in ``folder`` as a notebook for the guide; problems are
    reported as ``<label>/<file>:line``, and a bundle with an error is empty."""
    problems: list[Problem] = []
    try:
        return _read(folder, label, problems)
    except _Refused:
        return Notebook(
            problems=(
                *problems,
                Problem(
                    f"{label}/{MANIFEST}",
                    1,
                    "error",
                    "this share bundle is left out of the guide until the problems above are fixed",
                ),
            )
        )
    except OSError as problem:
        return Notebook(
            problems=(Problem(f"{label}/{MANIFEST}", 1, "error", f"cannot read: {problem}"),)
        )


def _read(folder: Path, label: str, problems: list[Problem]) -> Notebook:
    file, root = _load(folder / MANIFEST, f"{label}/{MANIFEST}", problems)
    top = file.mapping(root, _MANIFEST_KEYS, "bundle.yml")
    if file.text(top.get("bundle"), "bundle") != KIND:
        raise file.fail(top.get("bundle", root), f"'bundle' must say '{KIND}'")
    if file.number(top.get("version"), "version") != VERSION:
        raise file.fail(
            top.get("version"),
            f"this bundle's version is not {VERSION}; "
            "write it again with this version of interview-kb",
        )
    bank = builtin_bank()
    for item in file.items(top.get("questions"), "questions"):
        fields = file.mapping(item, _QUESTION_KEYS, "a question")
        ident = file.text(fields.get("id"), "id") or ""
        bank[ident] = BankQuestion(
            ident,
            file.text(fields.get("text"), "text") or "",
            file.text(fields.get("category"), "category") or "",
            source=f"{label}/{MANIFEST}",
        )
    asked: dict[str, int] = {}
    counts = top.get("asked")
    if counts is not None and not (isinstance(counts, yaml.ScalarNode) and counts.value == ""):
        if not isinstance(counts, yaml.MappingNode):
            raise file.fail(counts, "asked must map question ids to numbers")
        for key, value in counts.value:
            asked[file.text(key, "a question id") or ""] = file.number(value, "a count")
    listed: set[str] = set()
    for item in file.items(top.get("files"), "files"):
        name = file.text(item, "a file name") or ""
        if not ID.match(name.removesuffix(".yml")) or not name.endswith(".yml"):
            raise file.fail(item, f"'{name}' is not the name of a bundle file (<id>.yml)")
        listed.add(name)
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name == MANIFEST:
            continue
        if path.name not in listed:
            raise file.fail(
                None,
                f"the bundle folder holds '{path.name}', which bundle.yml does "
                "not list; a bundle holds nothing but the files it lists",
            )
    contacts: dict[str, Contact] = {}
    interviews: dict[str, Interview] = {}
    for name in sorted(listed):
        interview, seniority, tag = _interview(folder / name, f"{label}/{name}", problems, bank)
        interviews[interview.slug] = interview
        contacts[interview.contact] = Contact(
            interview.contact,
            interview.path,
            "",
            seniority=_SENIORITY.get(seniority or ""),
            tags=(tag,) if tag else (),
        )
    # Stand-ins for the held interviews the member did not share: no text,
    # only which bank questions they asked, so that the counts hold.
    for shared in interviews.values():
        for question_id in {q.id for q in shared.questions}:
            if question_id in asked:
                asked[question_id] -= 1
    for number in range(max([0, *asked.values()])):
        ids = tuple(AskedQuestion(id=q) for q, n in sorted(asked.items()) if n > number)
        slug = f"unshared-{number + 1}"
        interviews[slug] = Interview(slug, "", "", date.min, questions=ids)
    return Notebook(contacts=contacts, interviews=interviews, bank=bank, problems=tuple(problems))


_SENIORITY = {s.value: s for s in Seniority}


def _interview(
    path: Path, label: str, problems: list[Problem], bank: dict[str, BankQuestion]
) -> tuple[Interview, str | None, str | None]:
    file, root = _load(path, label, problems)
    top = file.mapping(root, _INTERVIEW_KEYS, "a shared interview")
    if file.text(top.get("bundle"), "bundle") != INTERVIEW_KIND:
        raise file.fail(top.get("bundle", root), f"'bundle' must say '{INTERVIEW_KIND}'")
    ident = file.text(top.get("id"), "id") or ""
    if ident != path.stem:
        raise file.fail(top.get("id"), f"the id must be the file's name, {path.stem}")
    month = file.text(top.get("month"), "month") or ""
    found = _MONTH.match(month)
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise file.fail(top.get("month"), "month must be written YYYY-MM (2026-03)")
    seniority = file.text(top.get("seniority"), "seniority", optional=True)
    if seniority is not None and seniority not in _SENIORITY:
        raise file.fail(top.get("seniority"), f"seniority must be one of {', '.join(_SENIORITY)}")
    tag = file.text(top.get("tag"), "tag", optional=True)
    questions: list[AskedQuestion] = []
    for item in file.items(top.get("answers"), "answers"):
        fields = file.mapping(item, _ANSWER_KEYS, "an answer")
        text = file.text(fields.get("question"), "question")
        answer = file.text(fields.get("answer"), "answer", optional=True)
        question_id = file.text(fields.get("id"), "id", optional=True)
        if question_id is not None and question_id not in bank:
            raise file.fail(
                fields.get("id"),
                f"'{question_id}' is not a question of the bank nor of this bundle's questions",
            )
        questions.append(
            AskedQuestion(id=question_id, answer=answer)
            if question_id is not None
            else AskedQuestion(text=text, answer=answer)
        )
    lesson = file.text(top.get("lesson"), "lesson", optional=True)
    interview = Interview(
        ident,
        label,
        ident,
        date(int(found.group(1)), int(found.group(2)), 1),
        questions=tuple(questions),
        reflection=Reflection(learned=lesson) if lesson else None,
        share=True,
        rank=file.number(top.get("order"), "order"),
    )
    return interview, seniority, tag
