"""A picture of the PDF layout analysis: one page rendered with every line's role outlined.

    python scripts/layout_picture.py FILE.pdf [--page N] [--out PICTURE.png]
    python scripts/layout_picture.py --seed 000 [--side-size 10] [--page N] [--out PICTURE.png]

Roles (desktop_app/core/importing/layout.py, rules in docs/IMPORTING.md): body blue, side column
green, page furniture grey, footnotes orange. The page is rendered by pdftoppm (poppler-utils).
``--seed`` typesets a bundled seed letter in the ministry layout first (tests/pdfgen.py);
``--side-size`` sets its side column's font size (10: the body's own size).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

COLOURS = {"body": (40, 90, 220), "side": (20, 150, 60), "furniture": (130, 130, 130), "footnote": (235, 130, 0)}
DPI = 100


def regions(pdf: Path):
    from pypdf import PdfReader

    from desktop_app.core.importing import layout
    from desktop_app.core.importing.pdf import _page_fragments

    reader = PdfReader(pdf)
    frags = [_page_fragments(page, reader) for page in reader.pages]
    sizes = [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]
    trace: list[layout.Region] = []
    layout.layout_pages(frags, sizes, trace)
    return trace, sizes


def picture(pdf: Path, page: int, out: Path) -> Path:
    from PIL import Image, ImageDraw

    trace, sizes = regions(pdf)
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
            check=True,
        )
        image = Image.open(f"{stem}.png").convert("RGB")
    draw = ImageDraw.Draw(image, "RGBA")
    scale = DPI / 72
    height = sizes[page - 1][1]
    for region in (r for r in trace if r.page == page - 1):
        colour = COLOURS[region.role]
        top = (height - region.y - 0.85 * region.size) * scale
        bottom = (height - region.y + 0.25 * region.size) * scale
        box = (region.x0 * scale - 1, top, max(region.x1, region.x0 + 2) * scale + 1, bottom)
        draw.rectangle(box, outline=(*colour, 255), fill=(*colour, 40), width=1)
    legend_y = 6
    for role, colour in COLOURS.items():
        draw.rectangle((6, legend_y, 16, legend_y + 10), fill=(*colour, 255))
        draw.text((20, legend_y - 1), role, fill=(0, 0, 0, 255))
        legend_y += 14
    out.parent.mkdir(parents=True, exist_ok=True)
    image.quantize(colors=64).save(out, optimize=True)  # a small file for the docs
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdf", nargs="?", type=Path)
    parser.add_argument("--seed", help="typeset resources/letters/<SEED>_*.txt instead of reading a PDF")
    parser.add_argument("--side-size", type=float, default=None)
    parser.add_argument("--page", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("layout.png"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.seed:
            from tests import pdfgen

            (seed,) = sorted((ROOT / "resources" / "letters").glob(f"{args.seed}_*.txt"))
            spec = pdfgen.spec_from_seed(seed)
            if args.side_size:
                spec.side_size = args.side_size
            pdf = pdfgen.make_letter_pdf(spec, Path(tmp) / "seed.pdf")
        elif args.pdf:
            pdf = args.pdf
        else:
            parser.error("give a PDF or --seed")
        print(picture(pdf, args.page, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
