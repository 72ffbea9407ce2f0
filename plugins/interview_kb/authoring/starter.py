"""The files of a new notebook (``interview-kb init``)."""

from __future__ import annotations

from datetime import date, time
from importlib import resources

import yaml

from ..core.model import Profile
from .new_notes import ContactDraft, InterviewDraft, render_contact, render_interview
from .yaml_text import YamlText, yaml_environment

# Files of a new notebook copied from data/starter/: {path in the notebook: file}.
STARTER_COPIES = {
    "questions.yml": "questions.yml",
    ".gitignore": "gitignore",
    "docs/index.md": "index.md",
    "docs/guide/index.md": "guide-index.md",
    "docs/guide/finding-people.md": "guide-finding-people.md",
    "docs/guide/asking.md": "guide-asking.md",
    "docs/guide/preparing.md": "guide-preparing.md",
    "docs/guide/conversation.md": "guide-conversation.md",
    "docs/guide/following-up.md": "guide-following-up.md",
    "docs/guide/reflecting.md": "guide-reflecting.md",
    "docs/guide/etiquette.md": "guide-etiquette.md",
    "docs/guide/notebook.md": "guide-notebook.md",
    "docs/guide/templates.md": "guide-templates.md",
    "docs/notes.md": "notes.md",
    "docs/follow-up-rules.md": "follow-up-rules.md",
    "docs/plan.md": "plan.md",
}
EXAMPLE_CONTACT = ContactDraft(name="Jane Doe")
EXAMPLE_INTERVIEW = InterviewDraft(contact="jane-doe", date=date(2026, 11, 3), time=time(14, 30))


def render_profile(profile: Profile | None = None) -> str:
    """``profile.yml``: the owner's answers, the other keys commented out."""
    text = yaml_environment().get_template("profile.yml.j2").render(profile=profile or Profile())
    assert isinstance(yaml.safe_load(text), dict | None)
    return text


def starter_files(
    site_name: str, config_name: str = "mkdocs.yml", profile: Profile | None = None
) -> dict[str, str]:
    """Every file of a new notebook: ``{path relative to its folder: text}``.

    ``profile.yml`` holds ``profile``, or every key commented out.

    ``contacts/_template.md`` and ``interviews/_template.md`` show every key
    (the reader skips names starting with ``_``) and keep the folders in git.
    """
    env = yaml_environment()
    starter = resources.files("interview_kb").joinpath("data/starter")
    files = {
        config_name: env.get_template("mkdocs.yml.j2").render(site_name=site_name),
        "mkdocs.public.yml": env.get_template("mkdocs.public.yml.j2").render(
            site_name=f"{site_name}: the guide", config_name=config_name
        ),
        "contacts/_template.md": render_contact(EXAMPLE_CONTACT),
        "interviews/_template.md": render_interview(EXAMPLE_INTERVIEW),
        "profile.yml": render_profile(profile),
    }
    for target, name in STARTER_COPIES.items():
        files[target] = starter.joinpath(name).read_text(encoding="utf-8")
    return dict(sorted(files.items()))


# The pages a group's repository starts with: the guide and the pages its
# links lead to (the note format, follow-up rules, plan); no notebook home.
GROUP_COPIES = {
    path: name
    for path, name in STARTER_COPIES.items()
    if path.startswith("docs/") and path != "docs/index.md"
}
CI_FILES = {"github": ".github/workflows/guide.yml", "gitlab": ".gitlab-ci.yml"}


def group_files(site_name: str, version: str, ci: tuple[str, ...]) -> dict[str, str]:
    """Every file of a group's guide repository (``init --group``): its
    mkdocs.yml, README, the guide pages, ``members/``, the lock as
    ``requirements.txt`` and the CI files named in ``ci`` (github, gitlab)."""
    env = yaml_environment()
    data = resources.files("interview_kb").joinpath("data")
    # Values for the Markdown files as written; YAML-quoted in mkdocs.yml.
    plain = {"site_name": YamlText(site_name)}
    values: dict[str, object] = {
        "site_name": site_name,
        "version": YamlText(version),
        "package": YamlText(f"interview-kb=={version}"),
        "github": "github" in ci,
        "gitlab": "gitlab" in ci,
    }
    files = {
        "mkdocs.yml": env.get_template("group-mkdocs.yml.j2").render(values),
        "README.md": env.get_template("group-README.md.j2").render(values | plain),
        "members/README.md": env.get_template("group-members.md.j2").render(values | plain),
        "requirements.txt": data.joinpath("group-requirements.txt").read_text(encoding="utf-8"),
        ".gitignore": "site/\npublic/\n",
    }
    for name in ci:
        files[CI_FILES[name]] = env.get_template(f"group-{name}.yml.j2").render(values)
    for target, name in GROUP_COPIES.items():
        files[target] = data.joinpath("starter", name).read_text(encoding="utf-8")
    return dict(sorted(files.items()))
