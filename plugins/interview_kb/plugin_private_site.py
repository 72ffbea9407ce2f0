"""Keeping the notebook's own site private (issue 18).

The notebook's site shows every private note. It is meant for its owner's
machine (``mkdocs serve``), never for a public server: ``mkdocs gh-deploy``
of it is refused unless the option ``deploy_notebook`` says otherwise, and
in case the folder still ends up on a server, its build tells search
engines to stay away (``robots.txt`` and a ``noindex`` meta tag on every
page). The guide (``publish: guide``) is the site meant to be published.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import re

from .core.model import Options

ROBOTS_TXT = "# A private interview notebook: not for search engines.\nUser-agent: *\nDisallow: /\n"
NOINDEX = '<meta name="robots" content="noindex, nofollow">'

_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)


def add_noindex(html: str) -> str:
    """``html`` with the ``noindex`` meta tag first in its head (once)."""
    if NOINDEX in html:
        return html
    found = _HEAD.search(html)
    if found is None:
        return html
    return html[: found.end()] + NOINDEX + html[found.end() :]


def deploy_refusal(command: str | None, options: Options, config_name: str) -> str | None:
    """Why ``command`` must not run for this config, or None when it may."""
    if command != "gh-deploy" or options.publish != "notebook" or options.deploy_notebook:
        return None
    return (
        f"mkdocs gh-deploy with {config_name} would publish every private note of this "
        "notebook; publish the guide instead with "
        "`mkdocs gh-deploy --config-file mkdocs.public.yml`, or, if this notebook's own "
        "site is meant to be public, set `deploy_notebook: true` under interview-kb"
    )
