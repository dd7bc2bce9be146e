"""Language of an article: French or English, detected with py3langid restricted to those two."""

from __future__ import annotations

import functools

SUPPORTED_LANGUAGES = ("fr", "en")


class UnsupportedLanguage(ValueError):
    pass


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(SUPPORTED_LANGUAGES))
    return ident


def detect_language(text: str) -> str:
    """The most likely of the supported languages (English for text with no letters)."""
    sample = text[:4000]
    if not any(ch.isalpha() for ch in sample):
        return "en"
    lang, _prob = _identifier().classify(sample)
    return lang


def normalise_language(code: str) -> str:
    """``fr-FR``, ``FR``, ``fr_CA`` → ``fr``; raises :class:`UnsupportedLanguage` for others."""
    short = code.strip().lower().replace("_", "-").split("-")[0]
    if short not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguage(f"language {code!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})")
    return short
