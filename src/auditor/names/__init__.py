"""Name consistency: finding a person, company, place or product spelled two ways in one article.

Modules, in the order the check uses them:

- :mod:`auditor.names.mentions`: name mentions of a field (capitalised runs checked against spaCy's
  entities; titles, elisions and possessives set apart). Shared with other families through
  ``ctx.analysis.memo(("names", "mentions", field), ...)``: call
  :func:`auditor.names.mentions.mentions` to get the cached list.
- :mod:`auditor.names.fold`: case/accent folding, a phonetic skeleton, dictionary lookups.
- :mod:`auditor.names.grouping`: forms, an index for candidate pairs (no quadratic comparison), the
  precision guards that keep different names apart, groups.
- :mod:`auditor.names.canonical`: the canonical spelling of a group.
- :mod:`auditor.names.check`: ties them together for ``names.inconsistent-spelling``.
- :mod:`auditor.names.dictionary`: the newsroom names dictionary (``*.names`` files) and the rule
  ``names.dictionary``.
"""
