"""Bring the real-document corpus (tests/data/real/MANIFEST.tsv: PDFs and Word motions) into a folder,
each file taken byte for byte from the public repository and commit its row names and checked against
its size and sha256. A file already there with the right checksum is left alone.

Each row: file, bytes, sha256, repository (owner/name), path, commit. The repository is read from a git
directory under ``--mirrors`` (``<mirrors>/<owner>+<name>/repo``, or ``<mirrors>/<owner>+<name>``, a
bare clone or a work tree's ``.git``) or, with ``--clone``, cloned from GitHub into that folder first
(blobless, so only the needed files are downloaded). Nothing is written that does not match its row.

    .venv/bin/python scripts/fetch_real_corpus.py --mirrors /work/.mirror [--into DIR] [--clone]

The default folder is tests/data/real, which keeps these files out of commits (its .gitignore); tests
read them there or where KAMERLEZER_REAL says.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "data" / "real" / "MANIFEST.tsv"


@dataclass(frozen=True)
class Row:
    file: str
    size: int
    sha256: str
    repository: str
    path: str
    commit: str


def read_manifest(path: Path = MANIFEST) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        file, size, sha, repository, source, commit = line.split("\t")
        if "/" in file or file.startswith("."):
            raise ValueError(f"not a plain file name in {path.name}: {file!r}")
        rows.append(Row(file, int(size), sha, repository, source, commit))
    return rows


def git_dir(mirrors: Path, repository: str, *, clone: bool) -> Path | None:
    base = mirrors / repository.replace("/", "+")
    for candidate in (base / "repo", base, base / ".git"):
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
    if not clone:
        return None
    target = base / "repo"
    target.parent.mkdir(parents=True, exist_ok=True)
    url = f"https://github.com/{repository}.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", "--filter=blob:none", url, str(target)], check=True)
    return target


def fetch_row(row: Row, into: Path, mirrors: Path, *, clone: bool = False) -> str:
    """"ok" (already there), "fetched", or why not."""
    target = into / row.file
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == row.sha256:
        return "ok"
    repo = git_dir(mirrors, row.repository, clone=clone)
    if repo is None:
        return f"no copy of {row.repository} under {mirrors} (use --clone)"
    shown = subprocess.run(
        ["git", f"--git-dir={repo}", "show", f"{row.commit}:{row.path}"], capture_output=True, check=False
    )
    if shown.returncode != 0:
        return f"{row.path} not at {row.commit[:12]} in {row.repository}: {shown.stderr.decode(errors='replace').strip()}"
    data = shown.stdout
    if len(data) != row.size or hashlib.sha256(data).hexdigest() != row.sha256:
        return f"{row.path} at {row.commit[:12]} is not the checked file (size {len(data)}, sha256 differs)"
    into.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    partial.replace(target)
    return "fetched"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, required=True, help="folder with the repositories' git directories")
    parser.add_argument("--into", type=Path, default=MANIFEST.parent, help="where the files go")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--clone", action="store_true", help="clone a repository that is not under --mirrors")
    args = parser.parse_args(argv)
    failed = 0
    for row in read_manifest(args.manifest):
        outcome = fetch_row(row, args.into, args.mirrors, clone=args.clone)
        failed += outcome not in ("ok", "fetched")
        print(f"{row.file}: {outcome}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
