"""Make the package importable from its source folder when it is not installed."""

import sys
from pathlib import Path

try:
    import auditor_house_style  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
