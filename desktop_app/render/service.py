"""The export use case: scope -> SummaryDocument -> file, with progress, cancel and safe writes.

The GUI calls :func:`export_summary` from its worker thread; the CLI calls it directly. The file is
written to a temporary name in the target's folder and moved into place only when complete, so a
failed or cancelled export leaves nothing behind (and an older file of that name untouched).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.platypus.doctemplate import LayoutError

from desktop_app.core.errors import ExportFailed
from desktop_app.core.export.formats import format_for_path, normalise_format
from desktop_app.core.export.model import ExportResult, ExportScope, SummaryDocument
from desktop_app.core.export.summary import build_summary
from desktop_app.core.tasks import CancelToken, Progress
from desktop_app.core.words import plural
from desktop_app.render.common import atomic_output, writable_target
from desktop_app.render.csv_table import write_csv
from desktop_app.render.docx import write_docx
from desktop_app.render.fonts import collecting_missing, missing_warning
from desktop_app.render.markdown import write_markdown
from desktop_app.render.pdf import render_pdf
from desktop_app.render.pdf_post import Original, finish_pdf, open_originals

_STEPS = 1000  # progress is reported on one scale for the whole export


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
    format_for_path(out_path, fmt)  # an extension that says another format is refused
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
    format_for_path(out_path, fmt)  # an extension that says another format is refused
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
            with collecting_missing() as missing:
                pages, warnings = _write_pdf(summary, tmp, originals, stage, cancel, author)
            unprinted = missing_warning(missing)
            if unprinted:
                warnings.append(unprinted)
        elif fmt == "docx":
            write_docx(summary, tmp, progress=stage.scaled(100, 900), cancel=cancel)
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
                author=author,
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
    taken relative to ``library.folder``) and its exported passages, to highlight in a text letter."""
    originals = []
    highlights: dict[int, list[tuple[int, int, str]]] = {}
    for passage in summary.passages():
        if not passage.orphan:
            colour = passage.themes[0].color if passage.themes else "#b0b6bd"
            highlights.setdefault(passage.letter_id, []).append((passage.start, passage.end, colour))
    for source in summary.sources:
        letter = library.get_letter(source.letter_id)
        path = None
        if letter.source_path:
            path = Path(letter.source_path)
            if not path.is_absolute():
                path = Path(library.folder) / path
        marks = tuple(highlights.get(letter.id, ()))
        originals.append(Original(source=source, letter=letter, path=path, highlights=marks))
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

    def scaled(self, lo: int, hi: int) -> Progress:
        def callback(done: int, total: int, message: str = "") -> None:
            if total > 0:
                self.report(lo + (hi - lo) * min(done, total) // total, _STEPS, message)

        return callback
