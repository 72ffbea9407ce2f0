"""The sets of characters the tool treats apart, defined once (as regular
expression character ranges, to be put inside ``[...]``).

A note's value may hold any character (a YAML escape such as ``"\\0"`` puts a
control character in), so each place that writes one out says which of these
sets it leaves out or escapes.
"""

from __future__ import annotations

#: The C0 controls, DEL and the C1 controls.
CONTROLS = "\x00-\x1f\x7f-\x9f"
#: The Unicode line and paragraph separators.
SEPARATORS = "\u2028\u2029"
#: What XML 1.0 allows, less DEL and the C1 controls: what a chart may hold.
PRINTABLE = "\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff"
#: What YAML allows in a file (PyYAML's Reader): ``PRINTABLE`` and NEL.
YAML_PRINTABLE = PRINTABLE + "\x85"


def controls_but_line_breaks() -> dict[int, None]:
    """The code points of ``CONTROLS`` but tab, line feed and carriage
    return, mapped to None: a ``str.translate`` table that leaves them out."""
    return {
        c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))
    }
