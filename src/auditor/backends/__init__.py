"""Language backends used by the spelling and grammar rules.

* :mod:`auditor.backends.hunspell`: the embedded, offline spell checker (chunspell + dictionaries
  from PyPI; always available).
* :mod:`auditor.backends.languagetool`: an optional LanguageTool server or local distribution,
  used only when configured.
* :mod:`auditor.backends.grammalecte`: the optional French grammar checker Grammalecte, run out of
  process when its command-line program is installed.
"""
