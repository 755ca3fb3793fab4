"""Discord shows each person the slash commands' descriptions in their own language; the command words stay English."""
from __future__ import annotations

import discord
from discord import app_commands

from core.i18n import SOURCE, catalog, supported

DESCRIBED = (app_commands.TranslationContextLocation.command_description,
             app_commands.TranslationContextLocation.group_description,
             app_commands.TranslationContextLocation.parameter_description)


class TandemTranslator(app_commands.Translator):
    """Descriptions from Tandem's catalogs, for the Discord locales of German, Spanish and French; names never."""

    async def translate(self, string: app_commands.locale_str, locale: discord.Locale,
                        context: app_commands.TranslationContextTypes) -> str | None:
        lang = supported(locale.value)
        if context.location not in DESCRIBED or lang in (None, SOURCE):
            return None
        source = str(string.extras.get("source", string.message))  # a description cut to 100 is found whole
        said = catalog(lang).gettext(source)
        return said[:100] if said != source else None
