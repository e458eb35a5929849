"""Shared fixtures: the ../shared data folder (skip cleanly without it) and the bundled encoder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """Path under ../shared, or skip the test with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only beside a development checkout)")
    return path


@pytest.fixture(scope="session")
def bundled_encoder(tmp_path_factory):
    """The real bundled model behind a cache private to this test session."""
    from align.embed import load_encoder

    return load_encoder("bundled", cache_dir=str(tmp_path_factory.mktemp("embed-cache")))
