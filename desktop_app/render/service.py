"""The export use case: scope -> SummaryDocument -> file, with progress, cancel and safe writes.

The GUI calls :func:`export_summary` from its worker thread; the CLI calls it directly. The file is
written to a temporary name in the target's folder and moved into place only when complete, so a
failed or cancelled export leaves nothing behind (and an older file of that name untouched).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.platypus.doctemplate import LayoutError

from desktop_app.core.errors import ExportFailed, InvalidInput
from desktop_app.core.export.model import FORMATS, ExportResult, ExportScope, SummaryDocument
from desktop_app.core.export.summary import build_summary
from desktop_app.core.tasks import CancelToken, Progress
from desktop_app.core.words import plural
from desktop_app.render.common import atomic_output, writable_target
from desktop_app.render.csv_table import write_csv
from desktop_app.render.markdown import write_markdown
from desktop_app.render.pdf import render_pdf
from desktop_app.render.pdf_post import Original, finish_pdf, open_originals

_ALIASES = {"markdown": "md", "pdf": "pdf", "md": "md", "csv": "csv"}
_STEPS = 1000  # progress is reported on one scale for the whole export


def normalise_format(fmt: str) -> str:
    value = _ALIASES.get(fmt.lower().lstrip("."))
    if value is None:
        raise InvalidInput(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}.")
    return value


_EXTENSIONS = {".pdf": "pdf", ".md": "md", ".markdown": "md", ".csv": "csv"}


def format_of_name(out_path: str | os.PathLike[str]) -> str | None:
    """The format a file name asks for by its extension ("x.md" -> "md"); None when it names none we write."""
    return _EXTENSIONS.get(Path(out_path).suffix.lower())


def check_output_name(out_path: str | os.PathLike[str], fmt: str) -> None:
    """Refuse (InvalidInput) a file name whose extension says another format than the one written:
    a PDF is never written as "x.docx" or "x.csv". A name without an extension takes any format."""
    suffix = Path(out_path).suffix
    if not suffix or suffix[1:].isdigit():  # "summary", "summary.2024": no extension
        return
    if _EXTENSIONS.get(suffix.lower()) != fmt:
        known = ", ".join(f"{name} ({ext})" for name, ext in (("PDF", ".pdf"), ("Markdown", ".md"), ("CSV", ".csv")))
        said = f"a {fmt.upper() if fmt != 'md' else 'Markdown'} file"
        raise InvalidInput(f"{out_path}: Kamerlezer cannot write a {suffix} file (it writes {known}); "
                           f"give a name ending in the format's extension instead of writing {said} under this name.")


def export_summary(
    library: Any,
    scope: ExportScope,
    fmt: str,
    out_path: str | os.PathLike[str],
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    *,
    author: str = "Kamerlezer",
    today: dt.date | None = None,
) -> ExportResult:
    """Export the annotated summary of ``scope`` as ``fmt`` ("pdf" | "md" | "csv") to ``out_path``.

    Raises ExportFailed (empty scope, unwritable folder, layout problem), InvalidInput (bad format,
    dates, grouping), NotFound (unknown letter or theme in the scope), Cancelled.
    """
    fmt = normalise_format(fmt)
    check_output_name(out_path, fmt)
    target = Path(out_path)
    writable_target(target)  # refused before building the summary, not after
    stage = _Stages(progress)
    summary = build_summary(library, scope, today=today, progress=stage.scaled(0, 100), cancel=cancel)
    originals = collect_originals(library, summary) if fmt == "pdf" and summary.with_originals else []
    return _write(summary, fmt, target, originals, stage, cancel, author)


def write_summary(
    summary: SummaryDocument,
    fmt: str,
    out_path: str | os.PathLike[str],
    *,
    originals: Sequence[Original] = (),
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    author: str = "Kamerlezer",
) -> ExportResult:
    """Write an already built summary (no library needed); the file appears only when complete."""
    fmt = normalise_format(fmt)
    check_output_name(out_path, fmt)
    return _write(summary, fmt, Path(out_path), originals, _Stages(progress), cancel, author)


def _write(
    summary: SummaryDocument,
    fmt: str,
    target: Path,
    originals: Sequence[Original],
    stage: _Stages,
    cancel: CancelToken | None,
    author: str,
) -> ExportResult:
    writable_target(target)  # a folder, FIFO or device: refused before the work
    pages = 0
    warnings: list[str] = []
    with atomic_output(target) as tmp:
        if fmt == "pdf":
            pages, warnings = _write_pdf(summary, tmp, originals, stage, cancel, author)
        elif fmt == "md":
            write_markdown(summary, tmp)
        else:
            write_csv(summary, tmp)
        if cancel:
            cancel.check()
    stage.report(_STEPS, _STEPS, f"Exported {plural(summary.counts.passages, 'passage')}")
    return ExportResult(
        path=target, pages=pages, passages=summary.counts.passages, format=fmt, warnings=tuple(warnings)
    )


def _write_pdf(
    summary: SummaryDocument,
    tmp: Path,
    originals: Sequence[Original],
    stage: _Stages,
    cancel: CancelToken | None,
    author: str,
) -> tuple[int, list[str]]:
    laid_out = tmp.with_name(tmp.name + ".layout")
    opened, warnings = open_originals(originals, summary.words, progress=stage.scaled(100, 200), cancel=cancel)
    try:
        try:
            layout = render_pdf(
                summary,
                laid_out,
                originals=[(o.source, o.pages) for o in opened],
                progress=stage.scaled(200, 900),
                cancel=cancel,
            )
        except LayoutError as err:
            raise ExportFailed(f"The summary could not be laid out: {err}") from err
        pages = finish_pdf(laid_out, tmp, summary, layout, originals=opened, author=author, cancel=cancel)
        return pages, warnings
    finally:
        if laid_out.exists():
            laid_out.unlink()


def collect_originals(library: Any, summary: SummaryDocument) -> list[Original]:
    """Each source letter with the path of its copy in the library folder (relative paths are
    taken relative to ``library.folder``)."""
    originals = []
    for source in summary.sources:
        letter = library.get_letter(source.letter_id)
        path = None
        if letter.source_path:
            path = Path(letter.source_path)
            if not path.is_absolute():
                path = Path(library.folder) / path
        originals.append(Original(source=source, letter=letter, path=path))
    return originals


class _Stages:
    """Maps each stage's own (done, total) onto one 0.._STEPS scale."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.last = -1

    def report(self, done: int, total: int, message: str = "") -> None:
        if self.progress and done >= self.last:
            self.last = done
            self.progress(done, total, message)

    def scaled(self, lo: int, hi: int) -> Callable[[int, int, str], None]:
        def callback(done: int, total: int, message: str = "") -> None:
            if total > 0:
                self.report(lo + (hi - lo) * min(done, total) // total, _STEPS, message)

        return callback
