"""The built-in rule packs: every declarative rule file under the project's ``rules/`` folder."""

from auditor.hookspec import hookimpl
from auditor.resources import builtin_rules_dir


@hookimpl
def auditor_rule_packs(config):
    return [builtin_rules_dir()]
