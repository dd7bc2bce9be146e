"""The ``attribution`` rule family: who says what.

Small modules, each readable on its own:

- :mod:`.lexicons` compiles the word lists in ``rules/lexicons/attribution-*.{fr,en}.txt`` and
  ``reporting-verbs.*``;
- :mod:`.sources` finds the attributions of a sentence from the dependency parse and classifies
  each source (named, pronoun, vague, unidentified document);
- :mod:`.claims` finds what needs a source (claim cues, predictions, figures, evaluative words);
- :mod:`.incomplete` finds people given a role but no organisation;
- :mod:`.article` combines them per sentence, once per article, for the five rules in
  :mod:`auditor.builtin.attribution`.
"""

from .article import FieldAttribution, SentenceInfo, analyse

__all__ = ["FieldAttribution", "SentenceInfo", "analyse"]
