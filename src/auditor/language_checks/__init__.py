"""The logic behind the spelling, grammar and French typography rules (the rule classes registered
as plugins live in :mod:`auditor.builtin.spelling`, :mod:`auditor.builtin.grammar` and
:mod:`auditor.builtin.french_typography`; they are thin wrappers around these modules)."""
