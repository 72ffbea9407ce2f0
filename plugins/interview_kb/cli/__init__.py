"""The click adapter: the ``interview-kb`` command line (entry point ``interview_kb.cli:main``)."""

from .app import main

__all__ = ["main"]
