"""Built-in report formats."""

from auditor.formats import builtin_formats
from auditor.hookspec import hookimpl


@hookimpl
def auditor_formats():
    return builtin_formats()
