"""interview-kb: a notebook for informational interviews, as an MkDocs site."""

from __future__ import annotations

__version__ = "0.1.0"
