"""The README's `kamerlezer` examples are a script: run in order on a scratch library, every line works.

The block is read from README.md, so an example that stops working (a renamed option, a theme the
annotate line does not tag, a file that is not there) fails here, naming the line.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECTION = "## The `kamerlezer` command"


def readme_cli_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert SECTION in text, f"README.md has no section {SECTION!r}"
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, f"the README's section {SECTION!r} has no bash block"
    return [line for line in block.group(1).splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_the_readme_block_is_there_and_uses_the_command() -> None:
    lines = readme_cli_lines()
    assert len(lines) >= 10 and all(line.startswith("kamerlezer ") for line in lines), lines


@pytest.mark.timeout(900)
def test_the_readme_cli_examples_run_in_order_on_a_scratch_library(tmp_path: Path) -> None:
    venv_bin = Path(sys.executable).parent
    assert (venv_bin / "kamerlezer").is_file(), f"no kamerlezer beside {sys.executable}: run scripts/setup.sh"
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    env.update(
        PATH=f"{venv_bin}{os.pathsep}{env.get('PATH', '')}",
        HOME=str(home),
        KAMERLEZER_LIBRARY=str(tmp_path / "library"),
        QT_QPA_PLATFORM="offscreen",
    )
    for number, line in enumerate(readme_cli_lines(), 1):
        proc = subprocess.run(
            ["bash", "-o", "pipefail", "-c", line],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        where = f"README line {number} of the block: {line}\n--- stdout\n{proc.stdout[-2000:]}\n--- stderr\n{proc.stderr[-2000:]}"
        assert proc.returncode == 0, f"exit code {proc.returncode}: {where}"
        assert "Traceback" not in proc.stderr and "arning" not in proc.stderr, where
    # The examples wrote only where a user would expect: the scratch library and the home folder.
    assert (tmp_path / "library" / "library.db").is_file()
    exported = [p for p in home.iterdir() if p.suffix == ".pdf"]
    assert exported and all(p.read_bytes().startswith(b"%PDF-") for p in exported)
