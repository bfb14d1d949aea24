"""Official publication XML (officielebekendmakingen.nl) -> ``ParsedLetter``.

The publication XML (root ``officiele-publicatie`` holding ``kamerstuk``, ``kamervragen``,
``aanhangsel``, ``handelingen``, ``staatscourant``, ...) carries the body as structured elements; its
metadata record lies beside it as ``metadata.xml`` or ``<id>_metadata.xml``. What the metadata record
says wins over what the XML's head says.

Body conventions are those of every importer (see ``desktop_app.core.importing``): paragraphs
separated by "\\n\\n", single spaces, headings listed as spans, footnote (``noot``) markers as
superscript digits at the place of the ``noot`` element. ``extref`` links become ``ParsedLetter.links``:
``(span, target id)`` pairs, explicit citations that outrank the parser.

Hardened: a document type declaration (and with it every entity, internal or external) is refused
before parsing, and the size is bounded by the caller (``read_file``'s ``max_bytes``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.errors import ImportFailed
from desktop_app.core.messages import Message
from desktop_app.core.model import Footnote, ParsedLetter, Span
from desktop_app.core.superscript import superscript

MAX_METADATA_BYTES = 2 * 1024 * 1024
_DANGER = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_WS = re.compile(r"\s+")

# Head elements: metadata, not body.
_SKIP = {
    "metadata", "meta", "kamerstukkop", "kamervraagkop", "kamervraagnummer", "dossier", "stuknr",
    "datumtekst", "aanhangselnummer", "handelingenkop", "kop-bundel", "noot", "nootref",
}
# Block elements that become one paragraph each.
_PARAGRAPHS = {"al", "kamervraagomschrijving", "tekstregel", "dt", "dd", "slotformulering"}
_HEADINGS = {"titel", "tussenkop", "kop", "nr", "li.nr", "vraagnr"}
_CHAMBERS = {"tweede kamer": "Tweede Kamer", "eerste kamer": "Eerste Kamer"}


@dataclass(frozen=True)
class OfficialMetadata:
    """What the metadata record (or, without one, the XML's head) says about the publication."""

    identifier: str | None = None  # "kst-32545-143"
    date: str | None = None  # DCTERMS.issued
    subject: str | None = None  # OVERHEIDop.documenttitel, else DC.title
    dossier: str | None = None  # "32545"
    number: str | None = None  # ondernummer / aanhangselnummer
    vergaderjaar: str | None = None  # "2020-2021"
    signatories: tuple[str, ...] = ()  # indieners, else ondertekenaars
    chamber: str | None = None  # "Tweede Kamer" | "Eerste Kamer"
    kind: str | None = None  # "motie", "antwoord", ...


@dataclass
class _Para:
    text: str = ""
    heading: bool = False
    markers: list[tuple[int, Span]] = field(default_factory=list)  # (footnote number, span)
    links: list[tuple[Span, str]] = field(default_factory=list)

    def add(self, raw: str | None) -> None:
        if not raw:
            return
        piece = _WS.sub(" ", raw)
        if not self.text or self.text.endswith(" "):
            piece = piece.lstrip(" ")
        self.text += piece


def is_metadata_file(path: Path) -> bool:
    """True for a metadata record (``metadata.xml``, ``<id>_metadata.xml``): read with its publication."""
    name = path.name.lower()
    return name == "metadata.xml" or name.endswith("_metadata.xml")


def metadata_path(path: Path) -> Path | None:
    """The metadata record beside a publication XML, when there is one."""
    for candidate in (path.with_name(f"{path.stem}_metadata.xml"), path.with_name("metadata.xml")):
        if candidate.is_file() and candidate != path:
            return candidate
    return None


def parse_xml(data: bytes, name: str) -> ET.Element:
    """Parse untrusted XML: no document type declaration (so no entities at all), well-formed."""
    if _DANGER.search(data):
        raise ImportFailed(name, Message("XML with a document type or entity declaration refused (unsafe)"))
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ImportFailed(name, Message("not well-formed XML ({0})", exc)) from exc


def read_metadata(data: bytes, name: str) -> OfficialMetadata:
    """Read a ``metadata_gegevens`` record."""
    root = parse_xml(data, name)
    values: dict[str, list[str]] = {}
    kinds: list[str] = []
    for element in root.iter():
        if _local(element.tag) not in ("metadata", "meta"):
            continue
        key = element.get("name") or ""
        content = _WS.sub(" ", element.get("content") or "").strip()
        if not key or not content:
            continue
        values.setdefault(key, []).append(content)
        if key == "DC.type" and (element.get("scheme") or "").endswith(("KamerstukTypen", "AanhangselTypen")):
            kinds.append(content.lower())

    def first(*keys: str) -> str | None:
        for key in keys:
            if values.get(key):
                return values[key][0]
        return None

    signers = tuple(values.get("OVERHEIDop.indiener") or values.get("OVERHEIDop.ondertekenaar") or ())
    return OfficialMetadata(
        identifier=first("DC.identifier"),
        date=first("DCTERMS.issued", "DCTERMS.available"),
        subject=first("OVERHEIDop.documenttitel", "DC.title"),
        dossier=first("OVERHEIDop.dossiernummer"),
        number=first("OVERHEIDop.ondernummer", "OVERHEIDop.aanhangselNummer"),
        vergaderjaar=first("OVERHEIDop.vergaderjaar"),
        signatories=signers,
        chamber=_chamber(first("DC.creator") or ""),
        kind=kinds[0] if kinds else None,
    )


def read_official_xml(
    data: bytes, *, name: str, source_file: str, content_hash: str, metadata: bytes | None = None,
    metadata_name: str | None = None,
) -> tuple[ParsedLetter, OfficialMetadata]:
    """Read a publication XML (and its metadata record when given) into a letter and its metadata."""
    root = parse_xml(data, name)
    if _local(root.tag) == "metadata_gegevens":
        raise ImportFailed(name, Message("this is a metadata record; import the publication XML beside it"))
    head = _head_metadata(root)
    record = read_metadata(metadata, metadata_name or name) if metadata else OfficialMetadata()
    merged = OfficialMetadata(
        **{key: getattr(record, key) or getattr(head, key) for key in OfficialMetadata.__dataclass_fields__}
    )
    paras: list[_Para] = []
    notes: list[tuple[int, str]] = []
    _walk(root, paras, notes)
    paras = [p for p in paras if p.text.strip()]
    if not paras:
        raise ImportFailed(name, Message("no body text found in the XML (not an official publication?)"))
    text, headings, markers, links = _assemble(paras)
    footnotes = tuple(
        Footnote(number=number, text=note, marker=markers.get(number)) for number, note in notes
    )
    letter = ParsedLetter(
        source_file=source_file,
        content_hash=content_hash,
        source_format="xml",
        text=text,
        footnotes=footnotes,
        date=merged.date,
        subject=merged.subject,
        chamber=merged.chamber,
        signatory=", ".join(merged.signatories) or None,
        kind=merged.kind or "brief",
        kamerstuk=merged.identifier,
        pages=1,
        headings=headings,
        page_starts=(0,),
        links=links,
    )
    return letter, merged


def _walk(element: ET.Element, paras: list[_Para], notes: list[tuple[int, str]]) -> None:
    tag = _local(element.tag)
    if tag in _SKIP:
        return
    if tag in _PARAGRAPHS or tag in _HEADINGS:
        para = _Para(heading=tag in _HEADINGS)
        _inline(element, para, notes)
        para.text = para.text.rstrip(" ")
        paras.append(para)
        return
    for child in element:
        _walk(child, paras, notes)


def _inline(element: ET.Element, para: _Para, notes: list[tuple[int, str]]) -> None:
    para.add(element.text)
    for child in element:
        tag = _local(child.tag)
        if tag == "noot":
            number = _note_number(child, len(notes) + 1)
            body = _WS.sub(" ", " ".join(
                "".join(al.itertext()) for al in child if _local(al.tag) not in ("noot.nr",)
            )).strip()
            mark = superscript(number)
            para.markers.append((number, (len(para.text), len(para.text) + len(mark))))
            para.text += mark
            notes.append((number, body))
        elif tag == "extref" and child.get("doc"):
            start = len(para.text)
            _inline(child, para, notes)
            start = _skip_space(para.text, start)
            if len(para.text) > start:
                para.links.append(((start, len(para.text)), child.get("doc", "")))
        elif tag not in _SKIP:
            _inline(child, para, notes)
        para.add(child.tail)


def _skip_space(text: str, start: int) -> int:
    while start < len(text) and text[start] == " ":
        start += 1
    return start


def _note_number(note: ET.Element, fallback: int) -> int:
    for child in note:
        if _local(child.tag) == "noot.nr":
            digits = re.sub(r"\D", "", "".join(child.itertext()))
            if digits:
                return int(digits)
    return fallback


def _assemble(paras: list[_Para]):
    parts: list[str] = []
    headings: list[Span] = []
    markers: dict[int, Span] = {}
    links: list[tuple[Span, str]] = []
    offset = 0
    for para in paras:
        if parts:
            offset += 2
        if para.heading:
            headings.append((offset, offset + len(para.text)))
        for number, (start, end) in para.markers:
            markers.setdefault(number, (offset + start, offset + end))
        for (start, end), target in para.links:
            links.append(((offset + start, offset + end), target))
        parts.append(para.text)
        offset += len(para.text)
    return "\n\n".join(parts), tuple(headings), markers, tuple(links)


def _head_metadata(root: ET.Element) -> OfficialMetadata:
    """What the XML itself says, for when no metadata record lies beside it."""
    identifier = None
    for meta in root.iter("meta"):
        if meta.get("name") == "OVERHEIDop.externMetadataRecord":
            match = re.search(r"/([a-z]+(?:-[a-z0-9]+)+)/metadata\.xml", meta.get("content") or "")
            identifier = match.group(1) if match else None
    regels = {
        (r.get("inhoud") or ""): _WS.sub(" ", "".join(r.itertext())).strip() for r in root.iter("tekstregel")
    }
    year = re.search(r"\d{4}\s*[-–]\s*\d{4}", regels.get("vergaderjaar", ""))
    dossier = next(iter(root.iter("dossiernr")), None)
    number = next(iter(root.iter("ondernummer")), None) or next(iter(root.iter("kamervraagnummer")), None)
    date = next((d.get("isodatum") for d in root.iter("datum") if d.get("isodatum")), None)
    stuk = next(iter(root.iter("stuk")), None)
    title = next(iter(stuk.iter("titel")), None) if stuk is not None else None
    return OfficialMetadata(
        identifier=identifier,
        date=date,
        subject=_WS.sub(" ", "".join(title.itertext())).strip() if title is not None else None,
        dossier=re.sub(r"\D", "", "".join(dossier.itertext())) or None if dossier is not None else None,
        number=_WS.sub(" ", "".join(number.itertext())).strip() or None if number is not None else None,
        vergaderjaar=re.sub(r"\s*[-–]\s*", "-", year.group(0)) if year else None,
        chamber=_chamber(regels.get("kameraanduiding", "")),
    )


def _chamber(text: str) -> str | None:
    lower = text.lower()
    for key, value in _CHAMBERS.items():
        if key in lower:
            return value
    return None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_xml_file(path: Path, *, max_bytes: int) -> ParsedLetter:
    """Read a publication XML file and the metadata record beside it (both size-checked first)."""
    return read_xml_file_and_bytes(path, max_bytes=max_bytes)[0]


def read_xml_file_and_bytes(path: Path, *, max_bytes: int, name: str | None = None) -> tuple[ParsedLetter, bytes]:
    """``read_xml_file`` and the publication's bytes as read (the original to keep)."""
    import hashlib

    name = name or str(path)
    if is_metadata_file(path):
        raise ImportFailed(name, Message("this is a metadata record; import the publication XML beside it"))
    data = _read_bounded(path, max_bytes)
    meta_path = metadata_path(path)
    metadata = _read_bounded(meta_path, MAX_METADATA_BYTES) if meta_path else None
    letter, _meta = read_official_xml(
        data,
        name=name,
        source_file=path.name,
        content_hash=hashlib.sha256(data).hexdigest(),
        metadata=metadata,
        metadata_name=str(meta_path) if meta_path else None,
    )
    return letter, data


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportFailed(str(path), Message("file too large ({0} KB; limit {1} KB)", size // 1024, max_bytes // 1024))
    if size == 0:
        raise ImportFailed(str(path), Message("empty file"))
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImportFailed(str(path), Message("file too large (limit {0} KB)", max_bytes // 1024))
    return data
