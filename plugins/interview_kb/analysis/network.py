"""Who introduced or referred whom: the network behind the notebook.

Pure functions of a ``Notebook`` and the date taken as today. An edge runs
from the person who brought someone to the person brought:

- ``introduced``: a contact's ``introduced_by`` to the contact;
- ``referred``: the contact of a *held* interview to each of its referrals.

A referral (or an ``introduced_by`` that is not a contact's slug) points to a
contact by slug, else by a name equal to a contact's name or alias, compared
with white space collapsed and case folded (as the follow-up rules do); when
several contacts share that name, the first by slug. A person with no note
is a node of their own, keyed by their folded name, shown as plain text.
Self-references are ignored. People sort by name (case folded), then key.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from types import MappingProxyType

from ..core.model import Contact, Notebook, interview_order
from ..core.people import People, name_key

#: The deepest nesting of the tree; deeper people start a new top-level entry.
MAX_DEPTH = 8


@dataclass(frozen=True)
class Person:
    """Someone in the network: a contact (``slug`` set), or a name with no note."""

    key: str
    name: str
    slug: str | None = None


@dataclass(frozen=True)
class Edge:
    """``source`` brought you ``target`` (both person keys), by ``kind``
    (``introduced`` or ``referred``); ``interview`` is where a referral was made."""

    source: str
    target: str
    kind: str
    interview: str | None = None


@dataclass(frozen=True)
class Network:
    """The people and the edges between them."""

    people: Mapping[str, Person]
    edges: tuple[Edge, ...]

    def sort_key(self, key: str) -> tuple[str, str]:
        """People sort by name, case folded, then key."""
        return (self.people[key].name.casefold(), key)

    @cached_property
    def _out(self) -> dict[str, dict[str, list[Edge]]]:
        index: dict[str, dict[str, list[Edge]]] = {}
        for edge in self.edges:
            index.setdefault(edge.source, {}).setdefault(edge.target, []).append(edge)
        return index

    def children(self, key: str) -> list[str]:
        """The people ``key`` brought you, sorted."""
        return sorted(self._out.get(key, {}), key=self.sort_key)

    @cached_property
    def _in(self) -> dict[str, list[str]]:
        index: dict[str, set[str]] = {}
        for edge in self.edges:
            index.setdefault(edge.target, set()).add(edge.source)
        return {key: sorted(found, key=self.sort_key) for key, found in index.items()}

    def parents(self, key: str) -> list[str]:
        """The people who brought you ``key``, sorted."""
        return self._in.get(key, [])

    def edges_between(self, source: str, target: str) -> list[Edge]:
        """Every edge from ``source`` to ``target``, in the network's order."""
        return list(self._out.get(source, {}).get(target, ()))

    def linked(self) -> set[str]:
        """The keys of everyone with at least one edge."""
        return {e.source for e in self.edges} | {e.target for e in self.edges}


def contact_key(slug: str) -> str:
    """The person key of a contact."""
    return f"contact:{slug}"


def named_key(name: str) -> str:
    """The person key of someone known only by name."""
    return f"name:{name_key(name)}"


def network(notebook: Notebook, today: date) -> Network:
    """Every introduction and every referral of a held interview, as a network."""
    resolver = People.of(notebook.contacts)
    people: dict[str, Person] = {}
    edges: set[Edge] = set()

    def person(slug: str | None, name: str | None) -> str | None:
        found = resolver.slug(slug, name)
        if found is not None:
            key = contact_key(found)
            people.setdefault(key, Person(key, notebook.contacts[found].name, found))
            return key
        text = " ".join((name or slug or "").split())
        if not text:
            return None
        key = named_key(text)
        people.setdefault(key, Person(key, text))
        return key

    def add(source: str | None, target: str | None, kind: str, interview: str | None) -> None:
        if source is not None and target is not None and source != target:
            edges.add(Edge(source, target, kind, interview))

    for slug in sorted(notebook.contacts):
        contact: Contact = notebook.contacts[slug]
        if contact.introduced_by:
            add(person(contact.introduced_by, None), person(slug, None), "introduced", None)
    held = [i for i in notebook.interviews.values() if i.is_held(today)]
    for interview in sorted(held, key=interview_order):
        source = person(interview.contact, None)
        for referral in interview.referrals:
            add(source, person(referral.contact, referral.name), "referred", interview.slug)
    kinds = {"introduced": 0, "referred": 1}
    ordered = sorted(edges, key=lambda e: (e.source, e.target, kinds[e.kind], e.interview or ""))
    return Network(MappingProxyType(dict(sorted(people.items()))), tuple(ordered))


@dataclass(frozen=True)
class Line:
    """One line of the network's tree: a person at a depth, and how the person
    above brought them (``edges``, empty at the top level).

    ``mark`` is empty for a person listed in full here; ``elsewhere`` when the
    person is listed in full in another place (under ``listed_under``, or at
    the top level when that is None); ``continues`` when their people are
    listed further down, past the deepest nesting; ``continued`` where they are.
    """

    depth: int
    person: Person
    edges: tuple[Edge, ...] = ()
    mark: str = ""
    listed_under: Person | None = None


def _cycle_start(net: Network, key: str, placed: dict[str, str | None]) -> str:
    """A person of the cycle above ``key``, which nobody placed yet: every
    unplaced person has a parent, so walking up from ``key`` meets a cycle."""
    walk: list[str] = []
    seen: dict[str, int] = {}
    while key not in seen:
        seen[key] = len(walk)
        walk.append(key)
        key = next(p for p in net.parents(key) if p not in placed)
    return min(walk[seen[key] :], key=net.sort_key)


def _placements(net: Network) -> tuple[list[str], dict[str, str | None]]:
    """The top-level people and, for everyone, the person they are listed in
    full under: the first to reach them breadth first (so as high up as
    possible), None for the top level."""
    linked = sorted(net.linked(), key=net.sort_key)
    tops = [key for key in linked if not net.parents(key)]
    placed: dict[str, str | None] = {}

    def spread(top: str) -> None:
        placed[top] = None
        queue = deque([top])
        while queue:
            key = queue.popleft()
            for child in net.children(key):
                if child not in placed:
                    placed[child] = key
                    queue.append(child)

    for top in tops:
        spread(top)
    for key in linked:
        if key not in placed:
            start = _cycle_start(net, key, placed)
            tops.append(start)
            spread(start)
    return tops, placed


def tree(net: Network) -> list[Line]:
    """The network as a nested list, depth first.

    The top level holds the people nobody brought you (and, for a cycle of
    people who all brought each other, its first person by name). Each person
    is listed in full once, as high up as possible; under anyone else who
    brought them they are mentioned with a pointer. Nesting stops at
    ``MAX_DEPTH``: deeper people continue as a new top-level entry.
    """
    tops, placed = _placements(net)
    lines: list[Line] = []
    later: deque[str] = deque()

    def walk(top: str, mark: str) -> None:
        stack = [Line(0, net.people[top], (), mark)]
        while stack:
            line = stack.pop()
            key = line.person.key
            children = net.children(key) if line.mark != "elsewhere" else []
            if line.depth == MAX_DEPTH and children:
                lines.append(replace(line, mark="continues"))
                later.append(key)
                continue
            lines.append(line)
            for child in reversed(children):
                edges = tuple(net.edges_between(key, child))
                under = placed[child]
                if under == key:
                    stack.append(Line(line.depth + 1, net.people[child], edges))
                else:
                    listed = net.people[under] if under is not None else None
                    stack.append(
                        Line(line.depth + 1, net.people[child], edges, "elsewhere", listed)
                    )

    for top in tops:
        walk(top, "")
        while later:
            walk(later.popleft(), "continued")
    return lines


@dataclass(frozen=True)
class Reach:
    """How many people came to you through one person: ``direct`` they brought
    themselves, ``total`` counting the people those brought, and so on."""

    person: Person
    direct: int
    total: int


def _components(net: Network) -> list[list[str]]:
    """Strongly connected components (Tarjan), each after every component it
    reaches."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(net.linked()):
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(net.children(root)))]
        while work:
            key, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(net.children(child))))
                    break
                if child in on_stack:
                    low[key] = min(low[key], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[key])
                if low[key] == index[key]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == key:
                            break
                    found.append(component)
    return found


def reach(net: Network) -> list[Reach]:
    """Everyone who brought you someone, most people in all first (then most
    directly, then by name). ``total`` counts everyone reachable through them,
    themselves excepted, once each, cycles included."""
    bit = {key: 1 << number for number, key in enumerate(sorted(net.linked()))}
    component_of: dict[str, int] = {}
    below: list[int] = []  # for each component: everyone reachable from it, members included
    for number, component in enumerate(_components(net)):
        members = 0
        for key in component:
            component_of[key] = number
            members |= bit[key]
        reachable = members if len(component) > 1 else 0
        for key in component:
            for child in net.children(key):
                if component_of[child] != number:
                    reachable |= below[component_of[child]] | bit[child]
        below.append(reachable)
    found = []
    for key in {edge.source for edge in net.edges}:
        everyone = below[component_of[key]] & ~bit[key]
        found.append(Reach(net.people[key], len(net.children(key)), bin(everyone).count("1")))
    return sorted(found, key=lambda r: (-r.total, -r.direct, *net.sort_key(r.person.key)))


def loners(notebook: Notebook, net: Network) -> list[str]:
    """The contacts outside the network: nobody brought them and they brought nobody."""
    inside = {net.people[key].slug for key in net.linked()}
    return sorted(
        (slug for slug in notebook.contacts if slug not in inside),
        key=lambda s: (notebook.contacts[s].name.casefold(), s),
    )
