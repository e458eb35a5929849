"""CI runs the README's test command verbatim, fails on a failed consumer install, and runs the
tests root would pass vacuously as an unprivileged user."""

from __future__ import annotations

import re

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


def test_every_root_skip_is_rerun_unprivileged():
    """A test that skips as root must carry the marker CI selects for its unprivileged rerun."""
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "-m unprivileged" in script and "runuser -u" in script
    for path in sorted((REPO / "tests").glob("test_*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if re.search(r"skipif\(os\.geteuid\(\) == 0", line):
                assert any("pytest.mark.unprivileged" in above for above in lines[max(0, number - 3):number]), \
                    f"{path.name}:{number + 1}"
