"""Inline suppressions (``<!-- auditor: disable=RULE -->``): the rule that reports unused ones.

The suppressions themselves are applied by the engine (see :mod:`auditor.suppress`); this plugin
registers ``suppression.unused`` so that it is documented, listed, configurable and can be disabled
like any rule (``--disable suppression.unused``).
"""

from __future__ import annotations

from typing import Iterable

from auditor.hookspec import hookimpl
from auditor.model import Finding
from auditor.rule import Context, Rule


class UnusedSuppression(Rule):
    """A suppression comment that silenced nothing.

    What it does
    ------------
    Reports an ``<!-- auditor: disable… -->`` comment (or one rule named in it) that did not silence
    any finding: the rule it names found nothing on the lines it covers, or the rule id is misspelt.
    The finding sits on the comment itself; the suggestion is to delete it.

    Why it matters
    --------------
    Suppressions outlive the defects they were written for. A stale one hides the next real defect
    on those lines, and a misspelt rule id silences nothing while the editor believes it does.

    Example
    -------
    ``<!-- auditor: disable-next-line=spelling.unknown-word -->`` above a paragraph whose words are
    all in the dictionary, or ``<!-- auditor: disable=names.inconsistent-spelings -->`` (typo).

    Instead
    -------
    Remove the comment, or name the rule that actually fires (``auditor rules`` lists the ids), e.g.
    ``<!-- auditor: disable-next-line=names.inconsistent-spelling -->``.
    """

    id = "suppression.unused"
    category = "style"
    severity = "info"
    fields = ("title", "body")

    def check(self, ctx: Context) -> Iterable[Finding]:
        # Reported by the engine once every other rule has run (auditor.suppress.apply).
        return ()


@hookimpl
def auditor_rules(config):
    return [UnusedSuppression]
