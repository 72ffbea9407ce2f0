"""`interview-kb draft KIND SLUG`: text and JSON, on the example notebook and on
a notebook without a profile."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

from click.testing import CliRunner

from interview_kb.cli import main

from ..conftest import REPO, WriteNotebook

CONFIG = str(REPO / "mkdocs.yml")


def run(*args: str, config: str = CONFIG, code: int = 0) -> str:
    result = CliRunner().invoke(main, [*args, "--config", config])
    assert result.exit_code == code, result.output
    return result.output


def test_draft_json_has_exactly_the_contract_keys() -> None:
    data = json.loads(run("draft", "referral", "2026-11-13-farah-haddad", "--format", "json"))
    assert list(data) == ["kind", "to", "email", "subject", "body", "mailto"]
    assert data["kind"] == "referral" and data["to"] == "Marcus Oyelaran"
    assert data["email"] == "marcus.oyelaran@lumenfreight.example"
    assert unquote(data["mailto"]).startswith(f"mailto:{data['email']}?subject=")
    assert data["body"] in unquote(data["mailto"])
    assert data["body"].endswith("Clara Novak\nclara.novak@mailbox.example")


def test_draft_text_shows_the_address_subject_and_body() -> None:
    out = run("draft", "follow-up", "helena-brandt")
    lines = out.splitlines()
    assert lines[0] == "To: Helena Brandt <helena.brandt@northwind-health.example>"
    assert lines[1].startswith("Subject: ") and lines[2] == "" and lines[3] == "Hi Helena,"


def test_every_kind_on_the_command_line() -> None:
    for kind, slug in (
        ("request", "ines-carvalho"),
        ("follow-up", "helena-brandt"),
        ("try-another", "helena-brandt"),
        ("reconnect", "priya-raman"),
        ("thank-you", "2026-11-20-dolores-ibanez"),
        ("promised", "2026-10-02-ruth-abernathy"),
        ("referral", "2026-11-13-farah-haddad"),
    ):
        data = json.loads(run("draft", kind, slug, "--format", "json"))
        assert data["kind"] == kind and data["subject"] and data["body"].startswith("Hi ")


def test_a_bad_slug_is_one_line_and_exit_two() -> None:
    out = run("draft", "thank-you", "helena-brandt", code=2)
    assert "no interview 'helena-brandt'" in out and "Traceback" not in out


def test_without_a_profile(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "contacts/ann.md": "---\nname: Ann Lee\nrole: Analyst\norganization: Quorra\n"
            "introduced_by: bo\n---\n",
            "contacts/bo.md": "---\nname: Bo Park\n---\n",
            "interviews/2026-11-18-bo.md": "---\ncontact: bo\ndate: 2026-11-18\n"
            "referrals: [{contact: ann}, Cy Moss]\n---\n",
        }
    )
    config = str(Path(root) / "mkdocs.yml")
    data = json.loads(run("draft", "request", "ann", "--format", "json", config=config))
    assert data["email"] is None and data["mailto"] is None
    assert data["subject"] == "Bo Park suggested I get in touch"
    assert data["body"].endswith("Best wishes,")
    assert "[A sentence about who you are" in data["body"]
    several = run("draft", "referral", "2026-11-18-bo", config=config, code=2)
    assert "pick one with --to (Ann Lee, Cy Moss)" in several
    cy = run("draft", "referral", "2026-11-18-bo", "--to", "cy moss", config=config)
    assert cy.startswith("To: Cy Moss (no e-mail address in the notes)")
    assert "Hi Cy,\n\nBo Park suggested I get in touch with you when we spoke on 18 November" in cy
