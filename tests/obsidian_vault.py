"""A small Obsidian vault's People folder, in the shapes of several common
templates (written for these tests): a people-note template with the title
as the name, a CRM-style template with labelled contact details, a QuickAdd
template filled in by hand (with one field left unrendered), a Templater
template with the name as a heading, and two index notes."""

from __future__ import annotations

import hashlib
from pathlib import Path

PEOPLE: dict[str, str] = {
    # A "People note" template: the file's title is the name; company as a
    # wikilink; labelled e-mails; the date of the last chat.
    "Dana Whitlow.md": """\
---
company: "[[Acme Robotics]]"
position: Staff Engineer
email:
  - work: dana.whitlow@acme.example
  - personal: dana@home.example
phone: ["+1 555 0100"]
last_contact: 2026-10-01
created: 2026-01-14
tags: [people, robotics]
---
## Notes

Works on the arm controllers at [[Acme Robotics]]. Knows [[Raj Patel]].
""",
    # A CRM plugin's template: slug file name, full_name, employers as a
    # list of wikilinks, contact details as {label, value} mappings.
    "raj-patel.md": """\
---
full_name: Raj Patel
employer: ["[[Fieldmark Analytics]]", "[[Acme Robotics]]"]
job_title: Data Analyst
emails:
  - label: work
    value: raj@fieldmark.example
phones:
  - {label: mobile, value: "+1 555 0111"}
last_chatted: "[[2026-09-12]]"
introduced_by: "[[Dana Whitlow]]"
type: person
tags: [people]
---
# Raj Patel

Introduced by [[Dana Whitlow|Dana]] after the robotics meetup.
""",
    # A QuickAdd template filled in by hand: one field left as the
    # template wrote it.
    "Mina Osei.md": """\
---
org: Harbourline Studio
title: Product Designer
location: "{{VALUE:city}}"
created: <% tp.file.creation_date() %>
tags:
  - people
---
Portfolio reviews on Fridays.
""",
    # A Templater template: the name is the first heading, the keys are few.
    "noor-haddad.md": """\
---
contact_name:
employer: Northwind Health
role: Nurse Educator
last_chatted: 2026-08-30
tags: ["#people"]
---
# Noor Haddad

Moved from the wards into teaching.
""",
    # A custom key, mapped with the option `keys: {organization: [firm]}`.
    "Theo Brandt.md": """\
---
firm: Larkspur Legal
job_title: Paralegal
tags: [people]
---
""",
    # Index notes: a Dataview list without front-matter, and a map of content.
    "People MOC.md": """\
```dataview
TABLE company, position FROM #people
```
""",
    "contacts-index.md": """\
---
tags: [moc]
created: 2026-01-02
---
- [[Dana Whitlow]]
- [[Raj Patel]]
""",
}

CONFIG = """\
site_name: Vault notebook
theme:
  name: material
  font: false
plugins:
  - search
  - interview-kb:
      today: 2026-11-20
      contacts_dir: People
      keys: {organization: [firm]}
"""


def write_vault(folder: Path) -> Path:
    """The People folder, written into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PEOPLE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def tree(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (hidden ones too) and a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
