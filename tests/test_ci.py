"""CI runs the README's test command verbatim, fails on a failed consumer install, and skips no
test for running as root."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO


def readme_test_command() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if line.endswith("python -m pytest -q")]
    assert len(commands) == 1, commands
    return commands[0]


def test_ci_runs_the_readme_test_command_verbatim():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_test_command() in script.splitlines()


def test_a_failed_consumer_install_fails_ci():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script
    for installer in ("install-omegat", "install-chromium"):
        lines = [line for line in script.splitlines() if installer in line and not line.lstrip().startswith("#")]
        assert lines == [f"bash .ci/{installer}"], lines  # no `|| ...` that would swallow a failure


def test_no_test_skips_as_root():
    """Permission tests bind root by file permissions instead of skipping (CI runs as root)."""
    for path in sorted((REPO / "tests").glob("test_*.py")):
        if path.name != Path(__file__).name:
            assert "geteuid" not in path.read_text(encoding="utf-8"), path.name
