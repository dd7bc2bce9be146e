"""The clickbait family: headline cues, the headline score, teaser links and headline support.

Small modules, each readable on its own:

- :mod:`.lexicons` loads the word lists and patterns of ``rules/lexicons/clickbait-*.{fr,en}.txt``;
- :mod:`.cues` finds the cues of a headline (sensational words, vague nouns with an evaluative
  adjective, forward references, second person, listicles, hyperbole, punctuation and capitals) and
  the markers of legitimate forms (explainers, service journalism, attributed quotes, facts);
- :mod:`.features` turns them into the named features of the scoring model;
- :mod:`.model` scores a headline in [0, 1] with a small logistic regression stored as readable JSON
  (trained by ``benchmarks/clickbait_train.py``) and explains the score with its top features;
- :mod:`.headline` ties these together once per article (``ctx.analysis.memo``);
- :mod:`.teasers` finds teaser headlines left in the body after « À lire aussi », "Related:"…;
- :mod:`.support` checks that the headline's names, figures and claim are in the body and lede.

The rules themselves are in :mod:`auditor.builtin.clickbait`.
"""

from .headline import HeadlineVerdict, assess_headline

__all__ = ["HeadlineVerdict", "assess_headline"]
