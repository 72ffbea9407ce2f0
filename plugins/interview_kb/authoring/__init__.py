"""Writing notes: slugs, note templates, byte-preserving edits and CSV imports.

Pure functions for the commands that create or change notes. Nothing here
imports click or MkDocs, reads the clock or writes a file: the command line
does the writing, with exclusive creation for new notes and an atomic rename
for edits. Every note made or changed here is read back with the reader's own
rules (``reader/notes.py``) before it is handed back, so a command never writes a
note that the site would reject.

Edits change the text of the front-matter, never re-dump it: the one value
asked for is inserted (or replaced) where it belongs, in the style of its
neighbours, and every other byte of the file (keys, order, comments, quoting,
line endings, byte-order mark, the body) stays as it was.
"""
