"""SummaryDocument -> PDF (reportlab Platypus + pypdf), Markdown, CSV.

:func:`export_summary` is the entry point for the GUI and the CLI.
"""

from desktop_app.render.service import export_summary, normalise_format, write_summary

__all__ = ["export_summary", "normalise_format", "write_summary"]
