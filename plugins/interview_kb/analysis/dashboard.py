"""The dashboard on the notebook's home page: counts, what is overdue, what is
coming with how ready you are, the plan's progress and the funnel."""

from __future__ import annotations

from datetime import date

from ..core.model import Notebook
from ..core.vocab import Seniority


def seniority_split(notebook: Notebook, today: date) -> tuple[int, int]:
    """Juniors, and mid-level or senior people, among the distinct people
    interviewed whose seniority is known: the plan's ``junior-share``."""
    people = {i.contact for i in notebook.interviews.values() if i.is_held(today)}
    known = [
        notebook.contacts[slug].seniority
        for slug in people
        if slug in notebook.contacts and notebook.contacts[slug].seniority is not None
    ]
    juniors = known.count(Seniority.JUNIOR)
    return juniors, len(known) - juniors
