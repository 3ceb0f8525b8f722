"""Translations: one Qt Linguist source per UI area, compiled to .qm at setup.

Areas are the sub-packages of ``widgets/`` plus ``app``; ``widgets/<area>/**.py``
feeds ``resources/translations/<area>_zh_CN.ts`` and ``app/**.py`` feeds
``app_zh_CN.ts``. The application loads every compiled file for the chosen language.

    python tools/i18n.py update [AREA ...]   extract strings (pyside6-lupdate)
    python tools/i18n.py pending AREA        print unfinished strings as JSON
    python tools/i18n.py set AREA FILE.json  fill translations {"source": "译文"}
    python tools/i18n.py compile             .ts -> .qm (pyside6-lrelease), when stale
    python tools/i18n.py check               exit 1 if any entry is unfinished
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TRANSLATIONS = REPO / "resources" / "translations"
LANGUAGE = "zh_CN"
BIN = Path(sys.executable).parent


def areas() -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {"app": sorted((REPO / "app").rglob("*.py"))}
    for package in sorted((REPO / "widgets").iterdir()):
        if package.is_dir() and (package / "__init__.py").exists():
            found[package.name] = sorted(package.rglob("*.py"))
    return found


def ts_path(area: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{area}_{LANGUAGE}.ts"


def _tool(name: str) -> str:
    candidate = BIN / name
    return str(candidate) if candidate.exists() else name


def update(names: list[str], folder: Path = TRANSLATIONS) -> None:
    """Extract the strings of ``names`` (all areas when empty) into the .ts files in ``folder``."""
    all_areas = areas()
    for area in names or list(all_areas):
        sources = [str(p) for p in all_areas[area]]
        subprocess.run(
            [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
             "-target-language", LANGUAGE, "-ts", str(ts_path(area, folder))],
            check=True,
            capture_output=True,
        )


def _messages(tree: ET.ElementTree) -> list[tuple[str, ET.Element]]:
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message))
    return out


def pending(area: str, folder: Path = TRANSLATIONS) -> dict[str, list[str]]:
    """Untranslated strings of ``area`` by context."""
    result: dict[str, list[str]] = {}
    path = ts_path(area, folder)
    if not path.exists():
        return {"<no .ts file>": [str(path)]}
    for context, message in _messages(ET.parse(path)):
        translation = message.find("translation")
        if translation is not None and translation.get("type") == "unfinished":
            result.setdefault(context, []).append(message.findtext("source") or "")
    return result


def set_translations(area: str, mapping_file: Path) -> int:
    """Fill unfinished entries; keys are "source" or "Context|source". Returns count set."""
    mapping: dict[str, str] = json.loads(mapping_file.read_text(encoding="utf-8"))
    path = ts_path(area)
    tree = ET.parse(path)
    count = 0
    for context, message in _messages(tree):
        source = message.findtext("source") or ""
        text = mapping.get(f"{context}|{source}", mapping.get(source))
        translation = message.find("translation")
        if text is None or translation is None:
            continue
        translation.text = text
        translation.attrib.pop("type", None)
        count += 1
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return count


def compile_all() -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
        )


def check() -> int:
    bad = {ts.name: pending(ts.name.removesuffix(f"_{LANGUAGE}.ts"))
           for ts in sorted(TRANSLATIONS.glob("*.ts"))}
    bad = {k: v for k, v in bad.items() if v}
    if bad:
        print(json.dumps(bad, ensure_ascii=False, indent=1))
        return 1
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "update":
        update(rest)
    elif command == "pending":
        print(json.dumps(pending(rest[0]), ensure_ascii=False, indent=1))
    elif command == "set":
        print(f"{set_translations(rest[0], Path(rest[1]))} translations set")
    elif command == "compile":
        compile_all()
    elif command == "check":
        return check()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
