"""Guide redaction: blank the notebook's people, organizations and places in text.

The rules (``docs/notes.md``, "Guide redaction"):

- *Phrases* are blanked in any case: full names of contacts and referrals,
  aliases of more than one word, full and short organization names of more
  than one word, places, emails, web addresses and phone numbers.
- *Single words* (a first name, a surname, a one-word alias, organization or
  place, the distinctive words of an organization's name) are blanked where
  they are written capitalized, or in a script without capitals, and in
  lower case only when they are not ordinary English words. "you will need
  SQL, and young teams…" stays whole when a contact is called Will Young;
  "Ask Will" does not.

Matching folds case, accents and the curly apostrophe, and keeps every
character's position, so a blank covers exactly the original spelling
("Inês", "INES" and "ines" are one name). A possessive counts as the name:
"Kwame's" becomes "[…]'s". Nothing here imports MkDocs or click.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..core.model import Notebook

BLANK = "[…]"


# Words of a name that are not the person: titles and suffixes.
def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


HONORIFICS = _word_set("dr mr mrs ms mx miss prof professor sir dame jr sr phd md ii iii iv")
# Words of an organization's name that say what kind of organization it is,
# not which one: "Fieldnote Studio" is known as "Fieldnote", never "Studio".
ORGANIZATION_WORDS = _word_set(
    """
    the a an of and for at in on de du la le van von
    inc incorporated llc llp ltd limited co company corp corporation plc gmbh ag sa sas bv nv
    group holdings partners associates studio studios agency lab labs analytics consulting
    consultancy consultants design digital media systems technologies technology tech
    solutions software services health healthcare bank university college school institute
    foundation society association council department ministry office centre center trust
    network networks international global worldwide
    """
)
# Scripts written without spaces between words: a name in them is found
# anywhere, since no word boundary can be seen.
_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")

_RUN = re.compile(r"\w+")
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_PHONE = re.compile(r"\+?\(?\d[\d\s().\-/]{5,}\d")
_SCHEME = re.compile(r"(?:https?://)?(?:www\.)?$")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in "\u2019\u2018\u02bc":
        return "'"
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    folded = base.casefold()
    if len(folded) == 1:
        return folded
    lower = char.lower()
    return lower if len(lower) == 1 else char


def fold(text: str) -> str:
    """``text`` with case, accents and curly apostrophes folded, each
    character kept in its place (``len(fold(t)) == len(t)``)."""
    return "".join(_fold_char(char) for char in text)


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """The ordinary English words (folded): never blanked in lower case.

    41,005 common words written in lower case in SCOWL size 35, American and
    British (``data/words/README.md`` says how the list was made)."""
    data = resources.files("interview_kb").joinpath("data/words/ordinary-english.txt.gz")
    words = gzip.decompress(data.read_bytes()).decode("utf-8").split()
    return frozenset(fold(word) for word in words)


@lru_cache(maxsize=4096)
def _unspaced_char(char: str) -> bool:
    return unicodedata.name(char, "").startswith(_UNSPACED)


def _unspaced(text: str) -> bool:
    return not text.isascii() and any(_unspaced_char(char) for char in text)


def _clean(token: str) -> str:
    """A word without the punctuation around it: ``(Jo),`` is ``Jo``."""
    return token.strip(".,;:!?()[]{}\"'\u2018\u2019\u201c\u201d")


@dataclass
class Terms:
    """What to blank: ``phrases`` in any case, ``words`` by the case rule."""

    phrases: set[str] = field(default_factory=set)
    # Mostly single words; also an organization's short form of several.
    words: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)

    def text(self, value: str | None) -> None:
        """A value blanked whole: one word by the case rule, more in any case."""
        value = " ".join((value or "").split())
        word = _clean(value)
        if " " in value or not word or _unspaced(word) or not _WORD.fullmatch(word):
            if value:
                self.phrases.add(value)
        elif len(word) >= 2:
            self.words.add(word)

    def person(self, name: str | None) -> None:
        """A person's name: whole, and each capitalized word of it alone."""
        name = (name or "").strip()
        if not name:
            return
        self.text(name)
        kept = []
        for token in name.split():
            word = _clean(token)
            if len(word) < 2 or fold(word).rstrip(".") in HONORIFICS:
                continue
            kept.append(word)
            if word[0].islower():  # "van", "de": part of the name, not the person
                continue
            self.words.add(word)
            for part in word.split("-"):
                if len(part) >= 2 and not part[0].islower():
                    self.words.add(part)
        if len(kept) >= 2:
            self.phrases.add(" ".join(kept))

    def organization(self, name: str | None) -> None:
        """An organization: whole, its short form and its distinctive words."""
        name = (name or "").strip()
        if not name:
            return
        self.text(name)
        tokens = [_clean(token) for token in name.split()]
        tokens = [t for t in tokens if t]
        short = list(tokens)
        if short and fold(short[0]) == "the":
            short = short[1:]
        while len(short) > 1 and fold(short[-1]).rstrip(".") in ORGANIZATION_WORDS:
            short = short[:-1]
        if short and short != tokens:
            # A short form goes by the case rule: "blue harbor" in lower case
            # is prose, "Blue Harbor" (for Blue Harbor Analytics) is not.
            self.words.add(" ".join(short))
        own = [t for t in tokens if len(t) >= 2 and fold(t).rstrip(".") not in ORGANIZATION_WORDS]
        rare = [t for t in own if fold(t) not in ordinary_words()]
        self.words.update(rare or own)

    def place(self, place: str | None) -> None:
        """A place or meeting link: whole, and each part between commas."""
        place = (place or "").strip()
        if not place:
            return
        if place.casefold().startswith(("http://", "https://")):
            self.address(place)
            return
        self.text(place)
        for part in re.split(r"[,;/]", place):
            if part.strip() != place:
                self.text(part)

    def address(self, value: str | None) -> None:
        """An email or web address, with and without ``https://`` and ``www.``."""
        value = (value or "").strip()
        if not value:
            return
        self.phrases.add(value)
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", value, flags=re.IGNORECASE).rstrip("/")
        if bare:
            self.phrases.add(bare)

    def phone(self, value: str | None) -> None:
        """A phone number, found whatever its spacing."""
        digits = re.sub(r"\D", "", value or "")
        if len(digits) >= 6:
            self.phones.add(digits)
        elif value:
            self.text(value)


@dataclass(frozen=True)
class Blank:
    """A stretch of a text that the guide does not show."""

    start: int
    end: int
    original: str


@dataclass(frozen=True)
class _Candidate:
    """A term to try where its first word starts: its folded parts, matched
    with any white space between them (plain string tests, no regex: a
    notebook of thousands of contacts compiles none)."""

    parts: tuple[str, ...]
    word_end: bool  # ends with a letter or digit: no letter may follow
    word: bool
    ordinary: bool

    def match(self, folded: str, start: int) -> int:
        """Where the term ends when it starts at ``start`` in ``folded``, or -1."""
        at = start
        for number, part in enumerate(self.parts):
            if number:
                gap = at
                while gap < len(folded) and folded[gap].isspace():
                    gap += 1
                if gap == at:
                    return -1
                at = gap
            if not folded.startswith(part, at):
                return -1
            at += len(part)
        if self.word_end and at < len(folded) and _RUN.match(folded, at):
            return -1
        return at


class Redactor:
    """Blanks the ``Terms`` in texts (see the module's docstring for the rules)."""

    def __init__(self, terms: Terms, ordinary: frozenset[str] | None = None) -> None:
        words = ordinary if ordinary is not None else ordinary_words()
        self.by_start: dict[str, list[_Candidate]] = {}
        self.unspaced: list[str] = []
        self.anywhere: list[re.Pattern[str]] = []
        self.phones = frozenset(terms.phones)
        for text, is_word in sorted(
            [(p, False) for p in terms.phrases] + [(w, True) for w in terms.words],
            key=lambda item: (-len(item[0]), item[0], item[1]),
        ):
            folded = fold(" ".join(text.split()))
            if _unspaced(folded):
                self.unspaced.append(folded)
                continue
            end = r"(?!\w)" if re.match(r"\w", folded[-1]) else ""
            first = _RUN.match(folded)
            if first is None:  # starts with a sign: searched for everywhere
                body = r"\s+".join(re.escape(part) for part in folded.split())
                self.anywhere.append(re.compile(r"(?<!\w)" + body + end))
                continue
            parts = tuple(folded.split())
            ordinary_text = all(part in words for part in parts)
            candidate = _Candidate(parts, bool(end), is_word, is_word and ordinary_text)
            self.by_start.setdefault(first.group(), []).append(candidate)

    def blanks(self, text: str) -> list[Blank]:
        """Where ``text`` is blanked, in order, overlapping matches merged."""
        folded = fold(text)
        spans = sorted(self._spans(text, folded))
        merged: list[list[int]] = []
        for start, end in spans:
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return [Blank(start, end, text[start:end]) for start, end in merged]

    def _spans(self, text: str, folded: str) -> Iterator[tuple[int, int]]:
        for run in _RUN.finditer(folded):
            for candidate in self.by_start.get(run.group(), ()):
                start = run.start()
                end = candidate.match(folded, start)
                if end < 0:
                    continue
                if candidate.word and not _blanked_word(text[start], candidate):
                    continue
                if not candidate.word:  # an address: its scheme goes with it
                    start = _SCHEME.search(folded, 0, start).start()  # type: ignore[union-attr]
                yield start, end
                break
        for pattern in self.anywhere:
            for found in pattern.finditer(folded):
                yield found.start(), found.end()
        for term in self.unspaced:
            at = folded.find(term)
            while at >= 0:
                yield at, at + len(term)
                at = folded.find(term, at + 1)
        if self.phones:
            for found in _PHONE.finditer(folded):
                if _same_phone(re.sub(r"\D", "", found.group()), self.phones):
                    yield found.start(), found.end()

    def __call__(self, text: str) -> str:
        """``text`` with every blank replaced by ``[…]``."""
        return apply(text, self.blanks(text))


def notebook_terms(notebooks: Iterable[Notebook]) -> Terms:
    """Everything of these notebooks that identifies someone: every contact's
    name, aliases, organization, addresses, phone and place, every
    referral's name and every interview's place. The terms of all notebooks
    blank the text of each, since a member may name another's contact."""
    terms = Terms()
    for notebook in notebooks:
        for contact in notebook.contacts.values():
            terms.person(contact.name)
            for alias in contact.aliases:
                terms.person(alias)
            terms.organization(contact.organization)
            for address in (contact.email, contact.linkedin, contact.website):
                terms.address(address)
            terms.phone(contact.phone)
            terms.place(contact.location)
        for interview in notebook.interviews.values():
            for referral in interview.referrals:
                terms.person(referral.name)
            terms.place(interview.location)
    return terms


def _same_phone(digits: str, phones: frozenset[str]) -> bool:
    """The same number, with or without its country code (7 digits or more)."""
    digits = digits.lstrip("0")  # a trunk prefix: 020 7946 0958 is +44 20 7946 0958
    if len(digits) < 7:
        return False
    return any(p.endswith(digits) or digits.endswith(p.lstrip("0")) for p in phones)


def _blanked_word(first: str, candidate: _Candidate) -> bool:
    """The case rule for a single word, from its first character as written."""
    if first.islower():
        return not candidate.ordinary
    return True  # capitalized, or a script without capitals


def apply(text: str, blanks: Iterable[Blank], mark: str = BLANK) -> str:
    """``text`` with each blank replaced by ``mark``."""
    parts: list[str] = []
    at = 0
    for blank in blanks:
        parts.append(text[at : blank.start])
        parts.append(mark)
        at = blank.end
    parts.append(text[at:])
    return "".join(parts)
