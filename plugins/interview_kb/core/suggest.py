"""Suggestions ("did you mean"): the name fewest edits (Levenshtein distance) from a word.

rapidfuzz measures the distances; what is ours is the choice: the nearest
name within a limit, and of two as near, the first in sorted order, so that
a suggestion never depends on the order the names were found in.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein


class Nearest:
    """The names to suggest from, sorted once, for many questions."""

    def __init__(self, names: Iterable[str], *, fold: bool = False) -> None:
        self.names = sorted(set(names))
        self.fold = fold

    def __call__(self, word: str, limit: int) -> str | None:
        """The name fewest edits from ``word``, at most ``limit``; of two as
        near, the first in sorted order. With ``fold``, case does not count."""
        found = process.extractOne(
            word,
            self.names,
            scorer=Levenshtein.distance,
            processor=str.casefold if self.fold else None,
            score_cutoff=limit,
        )
        return found[0] if found is not None else None


def closest(word: str, candidates: Iterable[str], max_distance: int = 2) -> str | None:
    """The candidate nearest to ``word`` within ``max_distance`` edits, case
    ignored, if any."""
    return Nearest(candidates, fold=True)(word, max_distance)
