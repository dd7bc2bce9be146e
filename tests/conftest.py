"""Shared fixtures. Hypothesis runs with a fixed, CI-friendly profile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "amazon-rekognition.json"

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def auditor():
    """One engine with the default config for the whole session (models load once)."""
    from auditor.engine import Auditor
    from auditor.config import Config

    return Auditor(Config(load_entry_points=False))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("the shared seed article is not beside this checkout")
    return SEED
