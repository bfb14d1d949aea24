"""Word documents for tests, written as the raw XML parts of a .docx (what Word writes, minus what the
importer ignores): paragraphs with styles, soft line breaks, page breaks and footnote references, and
tables (the official layout of a motion is one: number and title side by side in the cells of a row)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
# Dutch Word: the heading style's id is "Kop1", its name "heading 1"
_STYLES = (
    f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/>'
    '</w:style><w:style w:type="paragraph" w:styleId="Standaard"><w:name w:val="Normal"/></w:style></w:styles>'
)

# A paragraph: (style id or None, runs); a run is text, ("note", footnote text), ("br",) or ("page",).
Run = str | tuple[str, ...]
Paragraph = tuple[str | None, list[Run]]


@dataclass
class Table:
    """Rows of cells, each cell its paragraphs (an empty list: an empty cell, as Word writes it)."""

    rows: list[list[list[Paragraph]]]


def write_docx(path: Path, paragraphs: list[Paragraph | Table]) -> Path:
    notes: list[str] = []
    body = [_block(block, notes) for block in paragraphs]
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}</w:body></w:document>'
    footnotes = (
        f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
        f'</w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f'<w:continuationSeparator/></w:r></w:p></w:footnote>{"".join(notes)}</w:footnotes>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", _STYLES)
        if notes:
            archive.writestr("word/footnotes.xml", footnotes)
    return path


def _block(block: Paragraph | Table, notes: list[str]) -> str:
    if isinstance(block, Table):
        rows = []
        for row in block.rows:
            cells = "".join(
                f"<w:tc>{''.join(_block(p, notes) for p in cell) or '<w:p/>'}</w:tc>" for cell in row
            )
            rows.append(f"<w:tr>{cells}</w:tr>")
        return f"<w:tbl>{''.join(rows)}</w:tbl>"
    style, runs = block
    xml = [f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else "<w:p>"]
    for run in runs:
        if isinstance(run, str):
            xml.append(f'<w:r><w:t xml:space="preserve">{escape(run)}</w:t></w:r>')
        elif run[0] == "note":
            note_id = len(notes) + 1
            xml.append(f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                       f'<w:footnoteReference w:id="{note_id}"/></w:r>')
            notes.append(
                f'<w:footnote w:id="{note_id}"><w:p><w:r><w:footnoteRef/></w:r>'
                f'<w:r><w:t xml:space="preserve"> {escape(run[1])}</w:t></w:r></w:p></w:footnote>'
            )
        elif run[0] == "br":
            xml.append("<w:r><w:br/></w:r>")
        elif run[0] == "page":
            xml.append('<w:r><w:br w:type="page"/></w:r>')
    xml.append("</w:p>")
    return "".join(xml)
