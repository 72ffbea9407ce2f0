"""The click adapter: the ``interview-kb`` command line (entry point ``interview_kb.cli:main``).

Each module adds its commands to ``main`` when it is imported. Commands
import what only they need inside their function, so that ``check`` or
``due`` start without Jinja2 or MkDocs.
"""

from . import generating, loops, preparing, reading, serving, sharing, writing
from .app import main

__all__ = [
    "generating",
    "loops",
    "main",
    "preparing",
    "reading",
    "serving",
    "sharing",
    "writing",
]
