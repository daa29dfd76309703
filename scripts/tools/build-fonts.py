#!/usr/bin/env python3
"""Regenerates the web fonts in app/fonts/files/ from the Fontsource packages in node_modules.

The committed .woff2 files are what the app serves; CI and `npm install` never run this (it needs
fontTools with brotli: Debian's `python3-fonttools python3-brotli`, or `pip install fonttools brotli`).
Run it after bumping @fontsource-variable/inter or @fontsource-variable/source-serif-4:

    python3 scripts/tools/build-fonts.py          (then commit app/fonts/files/)

What it does to each Latin variable woff2 (same characters, same OpenType features):
  * limits the weight axis to 400–900: the CSS never asks for a weight under 400 (regular), so the
    thin/extra-light masters' deltas are dead weight (about a quarter of each file). Every weight
    from 400 to 900 keeps exactly its outlines, so nothing on screen changes.
  * renames the family in the font's own name table (the files are a Modified Version under the
    SIL OFL 1.1, which forbids Reserved Font Names on them); CSS names the faces itself.
The fonts' licence is app/fonts/files/OFL.txt.
"""

import io
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SRC = os.path.join(ROOT, "node_modules", "@fontsource-variable")
OUT = os.path.join(ROOT, "app", "fonts", "files")

# (source file under node_modules/@fontsource-variable, output name, family name in the file)
FONTS = [
    ("inter/files/inter-latin-wght-normal.woff2", "interface-sans-latin-normal.woff2", "Gloss Interface Sans"),
    (
        "source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
        "reading-serif-latin-normal.woff2",
        "Gloss Reading Serif",
    ),
    (
        "source-serif-4/files/source-serif-4-latin-wght-italic.woff2",
        "reading-serif-latin-italic.woff2",
        "Gloss Reading Serif",
    ),
]
WEIGHT_RANGE = (400, 900)


def rename(font: TTFont, family: str) -> None:
    name = font["name"]
    style = "Italic" if font["post"].italicAngle != 0 else "Regular"
    full = family if style == "Regular" else f"{family} {style}"
    ps = full.replace(" ", "")
    for record in list(name.names):
        if record.nameID in (1, 16, 21):
            record.string = family
        elif record.nameID in (4,):
            record.string = full
        elif record.nameID in (6, 25):
            record.string = ps
        elif record.nameID == 3:
            record.string = f"{ps};gloss-build-fonts"


def build(src: str, dst: str, family: str) -> int:
    font = TTFont(src, lazy=False)
    font.flavor = None
    # Subset to the file's own characters: drops nothing, but normalises the tables (and fontTools'
    # instancer needs fully loaded, non-lazy tables).
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=font.getBestCmap().keys())
    subsetter.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    buf.seek(0)
    font = TTFont(buf, lazy=False)
    axis = next(a for a in font["fvar"].axes if a.axisTag == "wght")
    low, high = max(WEIGHT_RANGE[0], axis.minValue), min(WEIGHT_RANGE[1], axis.maxValue)
    font = instancer.instantiateVariableFont(font, {"wght": (low, high)}, updateFontNames=False)
    rename(font, family)
    font.flavor = "woff2"
    font.save(dst)
    return os.path.getsize(dst)


def main() -> int:
    os.makedirs(OUT, exist_ok=True)
    for rel, out, family in FONTS:
        src = os.path.join(SRC, rel)
        if not os.path.exists(src):
            print(f"missing {src}: run npm install first", file=sys.stderr)
            return 1
        size = build(src, os.path.join(OUT, out), family)
        print(f"{out}: {os.path.getsize(src):,} B -> {size:,} B")
    return 0


if __name__ == "__main__":
    sys.exit(main())
