#!/usr/bin/env python3
"""Rewrite a brat corpus laid out as PolNeAR is (DIR/text/NAME.txt, DIR/attributions/NAME_*.ann)
in one damaged shape, remapping every annotation's offsets (Unicode code points) so they
still point at the same words.

Shapes (combine with '+', e.g. mangled+joined):
  straight   curly marks turned straight: “ ” → ", ‘ ’ → '
  mangled    a lost encoding: “ → ", ” → "?, ‘ → ", ’ → " (so don’t → don"t)
  tight      like mangled, and the space after a mangled closing mark is lost too (,"?Sen)
  joined     the body's paragraphs on one line (what comes before the first blank line,
             the title, kept apart)

Usage: damage_brat.py SRC_DIR OUT_DIR SHAPE
"""
import os
import re
import sys


def damage(text, shapes):
    """Returns the damaged text and, for each code point of `text` (and its end), where it
    starts in the damaged text."""
    out = []
    where = []
    n = len(text)
    # Where the body starts: after the first blank line (the title, and a subtitle on the
    # line under it, stay apart).
    first_break = text.find("\n\n")
    body_from = n if first_break < 0 else first_break
    while body_from < n and text[body_from] == "\n":
        body_from += 1
    i = 0
    while i < n:
        c = text[i]
        where.append(len(out))
        rep = c
        if "straight" in shapes:
            rep = {"“": '"', "”": '"', "‘": "'", "’": "'"}.get(c, rep)
        if "mangled" in shapes or "tight" in shapes:
            rep = {"“": '"', "”": '"?', "‘": '"', "’": '"'}.get(c, rep)
        if "joined" in shapes and c == "\n" and i >= body_from:
            # A run of line breaks inside the body becomes one space.
            j = i
            while j < n and text[j] in "\n\r":
                j += 1
            if j < n:
                out.append(" ")
                for _ in range(i + 1, j):
                    where.append(len(out))
                i = j
                continue
        out.extend(rep)
        if "tight" in shapes and c == "”" and i + 1 < n and text[i + 1] == " ":
            # The space is lost: it maps to where the next character now starts.
            i += 1
            where.append(len(out))
        i += 1
    where.append(len(out))
    return "".join(out), where


SPAN = re.compile(r"^(T\d+)\t(\S+) ([\d; ]+)\t(.*)$")


def remap_ann(ann, where, new_text):
    lines = []
    for line in ann.split("\n"):
        m = SPAN.match(line)
        if not m:
            lines.append(line)
            continue
        ranges = []
        for part in m.group(3).split(";"):
            a, b = (int(x) for x in part.split())
            ranges.append((where[a], where[b]))
        text = " ".join(new_text[a:b] for a, b in ranges)
        spec = ";".join(f"{a} {b}" for a, b in ranges)
        lines.append(f"{m.group(1)}\t{m.group(2)} {spec}\t{text}")
    return "\n".join(lines)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, dst, shape = sys.argv[1:]
    shapes = set(shape.split("+"))
    unknown = shapes - {"straight", "mangled", "tight", "joined"}
    if unknown:
        sys.exit(f"unknown shape {unknown}")
    for sub in ("text", "attributions"):
        os.makedirs(os.path.join(dst, sub), exist_ok=True)
    anns = os.listdir(os.path.join(src, "attributions"))
    for name in sorted(os.listdir(os.path.join(src, "text"))):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(src, "text", name), encoding="utf-8") as f:
            text = f.read()
        new, where = damage(text, shapes)
        with open(os.path.join(dst, "text", name), "w", encoding="utf-8") as f:
            f.write(new)
        stem = name[:-4] + "_"
        for ann_name in anns:
            if ann_name.startswith(stem) and ann_name.endswith(".ann"):
                with open(os.path.join(src, "attributions", ann_name), encoding="utf-8") as f:
                    ann = f.read()
                with open(os.path.join(dst, "attributions", ann_name), "w", encoding="utf-8") as f:
                    f.write(remap_ann(ann, where, new))


if __name__ == "__main__":
    main()
