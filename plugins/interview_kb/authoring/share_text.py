"""A share bundle as files a person can read before sending them.

``bundle_files`` turns ``analysis.share.Bundle`` into ``{file name: text}``:
``bundle.yml`` and one ``<id>.yml`` per shared interview, each opening with a
few comment lines that say what it is. The texts are YAML that
``reader/bundle.py`` reads back; long answers are written as blocks (``|``)
so that they read as they were written. Same bundle, same bytes.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..analysis.share import Bundle, SharedInterview
from ..reader.bundle import INTERVIEW_KIND, KIND, MANIFEST, VERSION

_MANIFEST_HEADER = """\
# An interview-kb share bundle: what a group's guide may publish from one
# member's notebook, and nothing else. Each <id>.yml beside this file is one
# shared interview: its month, who answered (seniority and field only), the
# answers and the lesson, with names, organizations and places blanked as […].
# Below: how many of the member's held interviews asked each bank question
# (the guide prints these counts), the member's own bank questions, and the
# files of the bundle. Read them all before you send the folder. Written by
# `interview-kb share --out DIR`, which rewrites it; edits here are lost.
"""

_INTERVIEW_HEADER = """\
# One shared interview of an interview-kb share bundle, as the group's guide
# will publish it: names, organizations and places are blanked as […]. Change
# what you dislike in your notebook, then run `interview-kb share` again.
"""


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)


def interview_text(interview: SharedInterview) -> str:
    """One shared interview's file."""
    data: dict[str, Any] = {
        "bundle": INTERVIEW_KIND,
        "id": interview.id,
        "month": interview.month,
        "order": interview.order,
        "seniority": interview.seniority and str(interview.seniority),
        "tag": interview.tag,
        "answers": [
            {
                "question": answer.question,
                **({"id": answer.id} if answer.id else {}),
                **({"answer": answer.answer} if answer.answer else {}),
            }
            for answer in interview.answers
        ],
        "lesson": interview.lesson,
    }
    return _INTERVIEW_HEADER + _dump({k: v for k, v in data.items() if v is not None})


def bundle_files(bundle: Bundle) -> dict[str, str]:
    """Every file of the bundle, ``bundle.yml`` last."""
    files = {f"{i.id}.yml": interview_text(i) for i in bundle.interviews}
    manifest: dict[str, Any] = {
        "bundle": KIND,
        "version": VERSION,
        "asked": dict(bundle.asked),
        "questions": [
            {"id": q.id, "text": q.text, "category": q.category} for q in bundle.questions
        ],
        "files": sorted(files),
    }
    files[MANIFEST] = _MANIFEST_HEADER + _dump(manifest)
    return files
