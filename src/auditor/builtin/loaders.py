"""Built-in article loaders: JSON, Markdown, plain text, HTML."""

from auditor.hookspec import hookimpl
from auditor.loaders import BUILTIN_LOADERS


@hookimpl
def auditor_loaders():
    return list(BUILTIN_LOADERS)
