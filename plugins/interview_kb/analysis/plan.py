"""Progress against the plan: how many conversations, with whom, and what is missing.

A pure function of a ``Notebook``, the date taken as today and the
``Options`` (``plan_*``). Only *held* interviews count. Readings:

- ``interviews``: the number of held interviews (a second conversation with
  the same person counts too). Done from ``plan_interviews_min``; from
  ``plan_interviews_max`` on, the plan says it is time to decide or widen.
- ``role`` and ``organization``: distinct contacts interviewed whose
  ``interest`` holds ``role`` (``organization``); done at the target.
- ``junior-share``: among distinct contacts interviewed whose seniority is
  known (after inference), the share who are junior, against
  ``plan_junior_share`` (0.5: half junior, half mid-level or senior). With
  *n* such people the ideal number of juniors is ``share * n``; the target is
  done when the juniors are that number rounded down or up, and, for a mix,
  when there are two such people at least. Otherwise the
  message counts the fewest further people (junior, or mid-level and senior)
  that would make it done.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from ..core.model import Notebook, Options
from ..core.wording import count_in_words

#: The most extra people the junior-share message will count before it gives up.
_SEARCH_LIMIT = 1000


@dataclass(frozen=True)
class Target:
    """One target of the plan.

    ``value`` is where you are and ``target`` the plan's number (for
    ``junior-share`` both are shares between 0 and 1); ``shown`` and
    ``planned`` are the same for people to read. ``message`` says what is
    missing, or gives advice on a target that is done; None when there is
    nothing to say.
    """

    key: str
    label: str
    value: float
    target: float
    shown: str
    planned: str
    done: bool
    message: str | None = None


@dataclass(frozen=True)
class Plan:
    """Every target of the plan, in a fixed order."""

    targets: tuple[Target, ...]

    @property
    def done(self) -> bool:
        """True when every target is met."""
        return all(target.done for target in self.targets)

    @property
    def messages(self) -> list[str]:
        """What is missing, then any advice, in the targets' order."""
        return [t.message for t in self.targets if t.message and not t.done] + [
            t.message for t in self.targets if t.message and t.done
        ]

    def __getitem__(self, key: str) -> Target:
        for target in self.targets:
            if target.key == key:
                return target
        raise KeyError(key)


def _interviews_target(held: int, low: int, high: int) -> Target:
    low, high = min(low, high), max(low, high)
    planned = f"{low} to {high}" if low != high else str(low)
    message: str | None = None
    if held < low:
        message = (
            f"{count_in_words(low - held, 'more interview', 'more interviews')} to reach {low}"
        )
    elif held == high:
        message = (
            f"you have reached {held} interviews: the plan's upper end; time to decide or widen"
        )
    elif held > high:
        message = (
            f"you have reached {held} interviews, past the plan's upper end of {high}; "
            "time to decide or widen"
        )
    return Target(
        "interviews", "Interviews held", held, low, str(held), planned, held >= low, message
    )


def _people_target(key: str, label: str, count: int, goal: int, what: str) -> Target:
    missing = max(goal - count, 0)
    message = None
    if missing:
        message = f"{count_in_words(missing, 'more person', 'more people')} {what}"
    return Target(key, label, count, goal, str(count), str(goal), not missing, message)


def _share_done(juniors: int, known: int, share: float) -> bool:
    """The juniors are the ideal number rounded down or up. A mix (a share
    strictly between 0 and 1) needs two people at least: one person is never
    "about half junior", whichever they are."""
    if 0 < share < 1 and known < 2:
        return False
    ideal = share * known
    return math.floor(ideal) <= juniors <= math.ceil(ideal)


def _junior_target(juniors: int, known: int, share: float) -> Target:
    share = min(max(share, 0.0), 1.0)
    planned = f"about {round(share * 100)}% junior"
    if known == 0:
        return Target(
            "junior-share",
            "Junior people among those interviewed",
            0.0,
            share,
            "nobody with a known seniority",
            planned,
            False,
            "someone whose seniority you know: give a seniority or years of experience "
            "in the notes of the people you interviewed",
        )
    value = juniors / known
    shown = f"{juniors} of {known} ({round(value * 100)}%)"
    done = _share_done(juniors, known, share)
    message = None
    if not done:
        too_many = juniors > share * known
        goal = f", for about {round(share * 100)}% junior among the people you interviewed"
        for extra in range(1, _SEARCH_LIMIT + 1):
            if too_many and _share_done(juniors, known + extra, share):
                people = ("more senior or mid-level person", "more senior or mid-level people")
                message = count_in_words(extra, *people) + goal
                break
            if not too_many and _share_done(juniors + extra, known + extra, share):
                message = count_in_words(extra, "more junior person", "more junior people") + goal
                break
        else:
            people = ("more senior or mid-level people", "more junior people")
            message = people[0 if too_many else 1] + goal
    return Target(
        "junior-share",
        "Junior people among those interviewed",
        value,
        share,
        shown,
        planned,
        done,
        message,
    )


def progress(notebook: Notebook, today: date, options: Options) -> Plan:
    """Where the held interviews stand against the plan's targets (see the module)."""
    held = [i for i in notebook.interviews.values() if i.is_held(today)]
    people = [
        notebook.contacts[s] for s in sorted({i.contact for i in held}) if s in notebook.contacts
    ]
    role = sum(1 for c in people if "role" in c.interest)
    organization = sum(1 for c in people if "organization" in c.interest)
    known = [c for c in people if c.seniority is not None]
    juniors = sum(1 for c in known if c.seniority == "junior")
    return Plan(
        (
            _interviews_target(len(held), options.plan_interviews_min, options.plan_interviews_max),
            _people_target(
                "role",
                "People in a role you want",
                role,
                options.plan_role_interest,
                "in a role you want",
            ),
            _people_target(
                "organization",
                "People at an organization you want",
                organization,
                options.plan_organization_interest,
                "at an organization you want",
            ),
            _junior_target(juniors, len(known), options.plan_junior_share),
        )
    )
