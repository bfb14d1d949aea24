"""Update the interface translations after a change of the GUI's texts, then compile them.

    .venv/bin/python scripts/update_translations.py          # update the .ts files, compile the .qm
    .venv/bin/python scripts/update_translations.py --check  # only report (exit 1 when unfinished)

1. Every text of ``self.tr(...)``, ``translate("Context", ...)`` / ``QCoreApplication.translate(...)``
   and ``QT_TRANSLATE_NOOP("Context", ...)`` in desktop_app/gui/*.py, and of ``Message("...")`` in
   desktop_app/core (context "Core", shown by ``gui.i18n.core_text``), and the history's label templates
   (``core/labels.py`` TEMPLATES, context "History", shown by ``gui.history.shown_label``), is collected (with ``ast``: Qt's
   lupdate misses messages whose count is an expression, and marks no plural for ``translate``).
   ``self.tr`` has the class it is written in as its context, as at run time.
2. desktop_app/gui/i18n/kamerlezer_nl.ts gets the new ones as unfinished (translate them in Qt
   Linguist, ``pyside6-linguist``, or by hand); messages gone from the code are dropped.
   kamerlezer_en.ts holds the English plural forms ("%n letter(s)": "1 letter" / "2 letters").
3. ``pyside6-lrelease`` compiles both to .qm beside them: package data the wheel and bundle carry.

tests/gui/test_i18n.py fails on an unfinished message or one missing from the .ts.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "desktop_app" / "gui"
I18N = GUI / "i18n"
def sources() -> list[Path]:
    """The files with interface texts: the GUI package, the start-up (its "Opening the library…") and
    the core's texts a person reads in the window (``Message("…")``, context "Core")."""
    core = sorted(p for folder in ("core", "render") for p in (ROOT / "desktop_app" / folder).rglob("*.py")
                  if p.name != "messages.py")
    return [*sorted(GUI.glob("*.py")), ROOT / "desktop_app" / "app.py", *core]


TS_FILES = {"nl": I18N / "kamerlezer_nl.ts", "en": I18N / "kamerlezer_en.ts"}
TARGET = {"nl": "nl_NL", "en": "en_GB"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    file: str
    line: int


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def extract(path: Path) -> list[Message]:
    """The translatable messages of one source file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[Message] = []
    rel = path.relative_to(ROOT).as_posix()
    core = rel.startswith(("desktop_app/core/", "desktop_app/render/"))  # Message("…") (core/messages.py)

    def visit(node: ast.AST, cls: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            args = node.args
            if name == "tr" and isinstance(func, ast.Attribute) and args and cls is not None:
                source = _literal(args[0])
                if source is not None:
                    found.append(Message(cls, source, len(args) >= 3, rel, node.lineno))
            elif name == "Message" and args and core:
                source = _literal(args[0])
                if source is not None:
                    found.append(Message("Core", source, False, rel, node.lineno))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                context, source = _literal(args[0]), _literal(args[1])
                if context is not None and source is not None:
                    found.append(Message(context, source, name == "translate" and len(args) >= 4, rel, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child, cls)

    visit(tree, None)
    if rel == "desktop_app/core/labels.py":  # the wordings of the history's changes (core/labels.py TEMPLATES)
        for node in tree.body:
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "TEMPLATES":
                for item in getattr(node.value, "elts", []):
                    source = _literal(item)
                    if source is not None:
                        found.append(Message("History", source, False, rel, item.lineno))
    return found


def messages() -> list[Message]:
    """Every message of the GUI, once per (context, source), in file order."""
    seen: dict[tuple[str, str], Message] = {}
    for path in sources():
        for message in extract(path):
            seen.setdefault((message.context, message.source), message)
    return list(seen.values())


def read_ts(path: Path) -> dict[tuple[str, str], ET.Element]:
    """The <translation> elements of a .ts file by (context, source)."""
    if not path.exists():
        return {}
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None:
                found[(name, message.findtext("source") or "")] = translation
    return found


def english_plurals(source: str) -> tuple[str, str]:
    """"%n letter(s) use(s) it" -> ("%n letter uses it", "%n letters use it"): nouns take the plural
    ending, the verbs after them ("use(s)", "move(s)", "point(s)") the singular one."""
    verbs = ("use", "move", "point")
    singular = re.sub(r"(\w+)\((e?s)\)", lambda m: m.group(1) + (m.group(2) if m.group(1) in verbs else ""), source)
    plural = re.sub(r"(\w+)\((e?s)\)", lambda m: m.group(1) + ("" if m.group(1) in verbs else m.group(2)), source)
    return singular, plural


def write_ts(language: str, wanted: list[Message], old: dict[tuple[str, str], ET.Element]) -> int:
    """Write the .ts for ``language``; returns how many messages are unfinished."""
    root = ET.Element("TS", version="2.1", language=TARGET[language], sourcelanguage="en")
    unfinished = 0
    contexts: dict[str, ET.Element] = {}
    for message in wanted:
        if language == "en" and not message.numerus:
            continue  # English needs only its plural forms
        context = contexts.get(message.context)
        if context is None:
            context = contexts[message.context] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = message.context
        element = ET.SubElement(context, "message", numerus="yes") if message.numerus else ET.SubElement(context, "message")
        ET.SubElement(element, "location", filename=f"../../../{message.file}", line=str(message.line))
        ET.SubElement(element, "source").text = message.source
        previous = old.get((message.context, message.source))
        translation = ET.SubElement(element, "translation")
        if message.numerus:
            forms = [f.text or "" for f in previous.findall("numerusform")] if previous is not None else []
            if language == "en" and not any(forms):
                forms = list(english_plurals(message.source))
            for form in (forms + ["", ""])[:2]:
                ET.SubElement(translation, "numerusform").text = form
            done = len([f for f in forms[:2] if f]) == 2 and (previous is None or previous.get("type") != "unfinished" or language == "en")
        else:
            text = previous.text if previous is not None and not previous.findall("numerusform") else ""
            translation.text = text or ""
            done = bool(text) and previous.get("type") != "unfinished"
        if not done:
            translation.set("type", "unfinished")
            unfinished += 1
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    TS_FILES[language].write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    return unfinished


def lrelease() -> None:
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(tool), *map(str, TS_FILES.values())], check=True)


def main(argv: list[str]) -> int:
    wanted = messages()
    if "--check" in argv:
        old = read_ts(TS_FILES["nl"])
        missing = [m for m in wanted if (m.context, m.source) not in old]
        unfinished = [key for key, t in old.items() if t.get("type") == "unfinished"]
        for m in missing:
            print(f"{m.file}:{m.line}: not in the .ts: {m.context}: {m.source!r}")
        print(f"{len(wanted)} messages, {len(missing)} missing, {len(unfinished)} unfinished")
        return 1 if missing or unfinished else 0
    for language, path in TS_FILES.items():
        count = write_ts(language, wanted, read_ts(path))
        print(f"{path.relative_to(ROOT)}: {count} unfinished")
    lrelease()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
