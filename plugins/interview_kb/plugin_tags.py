"""Material's tags plugin, turned on for the notebook when ``mkdocs.yml`` does
not list it: contact and interview pages carry their tags in their front-matter
(``render.site.page_meta``), and the tags page (``tags.md``) lists them, so a tag
is a link to everyone and every conversation that has it.

Like the Markdown extensions, nothing here depends on a setting the user has to
remember. The guide never gets it: it has no tagged pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from material.plugins.tags.plugin import TagsPlugin

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

#: The name the plugin is registered under when we add it.
NAME = "material/tags"


def has_tags(config: MkDocsConfig) -> bool:
    """True when Material's tags plugin is in ``config.plugins`` (under any name)."""
    return any(isinstance(plugin, TagsPlugin) for plugin in config.plugins.values())


def add_tags_plugin(config: MkDocsConfig, serving: bool) -> None:
    """Add Material's tags plugin with its defaults, unless it is there already.

    MkDocs is running the ``on_config`` events when this is called: the added
    plugin's own ``on_config`` is called here, and its other events are
    registered by ``config.plugins`` as for any plugin listed in ``mkdocs.yml``.
    """
    if has_tags(config):
        return
    plugin = TagsPlugin()
    errors, warnings = plugin.load_config({}, config.config_file_path)
    if errors or warnings:  # pragma: no cover - the defaults are valid
        raise RuntimeError(f"Material's tags plugin refused its defaults: {errors + warnings}")
    plugin.is_serve = serving
    plugin.on_config(config)
    config.plugins[NAME] = plugin
