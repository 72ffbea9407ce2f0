"""How Python-Markdown's time grows with each risky shape of a note body.

For each shape, the body is built at two sizes, n and 4n, and rendered with
the plugin's Markdown extensions (and superfences, which the example turns
on); the least of three timings of each is kept. A ratio near 4 is linear,
near 16 quadratic. The last column says whether ``body_limits`` lets the
larger body through (``fits``) or shows it as plain text (``bound``).
These figures chose the bounds in ``body_limits``; docs/notes.md quotes them.

    .venv/bin/python benchmarks/body_shapes.py [SHAPE ...]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import markdown

from interview_kb.plugin import EXTENSIONS
from interview_kb.reader.body_limits import body_fits

Shape = Callable[[int], str]

# name: (the body for n, n)
SHAPES: dict[str, tuple[Shape, int]] = {
    "nested lists": (lambda n: "\n".join("    " * i + "- x" for i in range(n)), 50),
    "nested quotes": (lambda n: "\n".join(">" * i + " x" for i in range(1, n + 1)), 50),
    "nested admonitions": (lambda n: "\n".join("    " * i + "!!! note\n" for i in range(n)), 50),
    "nested details": (lambda n: "\n".join("    " * i + "??? note\n" for i in range(n)), 50),
    "nested markdown divs": (
        lambda n: '<div markdown="1">\n' * n + "x\n" + "</div>\n" * n,
        75,
    ),
    "open [": (lambda n: "[" * n, 1000),
    "open ![": (lambda n: "![" * n, 1000),
    "nested [ ]": (lambda n: "[" * n + "]" * n, 1000),
    "nested emphasis": (lambda n: "*a " * n + "b" + " c*" * n, 120),
    "emphasis pairs": (lambda n: "*a* " * n, 1000),
    "backtick runs": (lambda n: "a`" * n, 1000),
    "rising backtick runs": (lambda n: " ".join("`" * i for i in range(1, int(n**0.5))), 4000),
    "open <a": (lambda n: "<a " * n, 1000),
    "one <a x a paragraph": (lambda n: "word <a x\n\n" * n, 500),
    "open <http://": (lambda n: "<http://a" * n, 1000),
    "open <div> blocks": (lambda n: "<div>" * n, 1000),
    "hard line breaks": (lambda n: "a  \n" * n, 1000),
    "reference links": (lambda n: "[a][b] " * n + "\n\n[b]: https://example.org\n", 1000),
    "ampersands": (lambda n: "&" * n, 1000),
    "headings": (lambda n: "\n\n".join(f"# a{i}" for i in range(n)), 1000),
    "same heading": (lambda n: "\n\n".join("# a" for _ in range(n)), 1000),
    "table columns": (lambda n: "|a" * n + "|\n" + "|-" * n + "|\n" + "|b" * n + "|", 1000),
    "task list": (lambda n: "- [ ] x\n" * n, 1000),
}


def render(text: str) -> None:
    extensions = [*EXTENSIONS, "pymdownx.superfences"]
    markdown.Markdown(extensions=extensions, extension_configs=EXTENSIONS).convert(text)


def best(text: str, repeats: int = 3) -> float | None:
    """The least of ``repeats`` timings, or None on RecursionError."""
    least = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        try:
            render(text)
        except RecursionError:
            return None
        least = min(least, time.perf_counter() - start)
    return least


def main(names: list[str]) -> None:
    print(f"{'shape':24} {'n':>6} {'t(n) ms':>9} {'t(4n) ms':>9} {'ratio':>6}  4n")
    for name in names or list(SHAPES):
        shape, n = SHAPES[name]
        large = shape(4 * n)
        small_time, large_time = best(shape(n)), best(large)
        verdict = "fits" if body_fits(large) else "bound"
        if small_time is None or large_time is None:
            print(f"{name:24} {n:>6} RecursionError at {'n' if small_time is None else '4n'}")
            continue
        ratio = large_time / small_time
        print(
            f"{name:24} {n:>6} {small_time * 1000:9.1f} {large_time * 1000:9.1f} "
            f"{ratio:6.1f}  {verdict}",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
