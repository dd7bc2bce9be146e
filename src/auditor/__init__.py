"""auditor: audit news articles and drafts for quality and misinformation signals.

The public, typed API (version :data:`API_VERSION`):

- :class:`Article`, :class:`Finding`, :class:`RunError` — the data;
- :class:`Rule`, :class:`Context` — write a rule;
- :class:`Analysis`, :class:`TextSpan`, :class:`Quote` — the shared analysis rules read;
- :data:`hookimpl` and the hooks in :mod:`auditor.hookspec` — write a plugin;
- :class:`Auditor`, :class:`Config` — run audits from Python;
- :mod:`auditor.testing` — helpers to test rules;
- declarative rule files (TOML, :mod:`auditor.declarative`) — rules without code.

``docs/writing-rules.md`` is the tutorial. Anything not listed here is internal and may change.
"""

__version__ = "0.1.0"

#: Version of the plugin API above, ``MAJOR.MINOR``: MINOR grows when something is added, MAJOR
#: when a change could break an existing plugin or rule file. A plugin may check it at import:
#: ``assert auditor.API_VERSION.split(".")[0] == "1"``.
API_VERSION = "1.0"

from .analysis import Analysis, Quote, TextSpan  # noqa: E402
from .config import Config, load_config  # noqa: E402
from .hookspec import hookimpl  # noqa: E402
from .model import Article, Finding, RunError, Severity  # noqa: E402
from .rule import Context, Rule  # noqa: E402


def __getattr__(name: str):  # the engine imports plugins; load it on first use
    if name in ("Auditor", "ArticleReport", "RunReport"):
        from . import engine

        return getattr(engine, name)
    raise AttributeError(name)


__all__ = [
    "API_VERSION",
    "Analysis",
    "Article",
    "ArticleReport",
    "Auditor",
    "Config",
    "Context",
    "Finding",
    "Quote",
    "Rule",
    "RunError",
    "RunReport",
    "Severity",
    "TextSpan",
    "__version__",
    "hookimpl",
    "load_config",
]
