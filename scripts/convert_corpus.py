#!/usr/bin/env python3
"""Convert a corpus corpusdb cannot read directly into JSON Lines it can (issue #19).

    python3 scripts/convert_corpus.py hyperpartisan ../shared/corpora/hyperpartisan /tmp/hp.jsonl
    python3 scripts/convert_corpus.py gum ../shared/corpora/gum-news /tmp/gum.jsonl
    python3 scripts/convert_corpus.py ecbplus ../shared/corpora/ecbplus /tmp/ecb.jsonl
    python3 scripts/convert_corpus.py lee ../shared/corpora/lee /tmp/lee.jsonl

One JSON object a line: id, title, date, url (when the corpus has them), body. Bodies keep
whatever damage the corpus has (HTML remnants, entities, mojibake): measuring how corpusdb
copes with it is the point. Write the output outside the repository (corpora are not to be
copied into it). Python 3 standard library only.
"""

import glob
import html
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# Tokens glued to the word before them, and after which the next word is glued.
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't",
                   "'re", "'ve", "'ll", "'d", "'m", "...", "”", "’"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘", "#"}


def detokenize(tokens):
    """Join tokens as running text: PTB quotes (`` '') as curly marks, straight double
    marks paired in order, no space before closing punctuation or after opening."""
    out = []
    glue = True
    open_double = False
    for i, tok in enumerate(tokens):
        # A clock time split in three tokens: 4 : 59.
        clock = tok == ":" and 0 < i < len(tokens) - 1 and tokens[i - 1].isdigit() and tokens[i + 1].isdigit()
        if tok == "``":
            tok = "“"
        elif tok == "''":
            tok = "”"
        elif tok == '"':
            tok = "”" if open_double else "“"
        if tok == "“":
            open_double = True
        elif tok == "”":
            open_double = False
        if out and not glue and tok not in NO_SPACE_BEFORE:
            out.append(" ")
        out.append(tok)
        glue = tok in NO_SPACE_AFTER or clock
    return "".join(out)


def write(records, out_path):
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    print(f"{out_path}: {n} articles", file=sys.stderr)


def hyperpartisan(src):
    """<article id published-at title> holding the body as HTML remnants, kept as they are
    (the inner markup of the element); the URL from the ground-truth file beside it."""
    urls = {}
    for truth in glob.glob(os.path.join(src, "ground-truth-*.xml")):
        for el in ET.parse(truth).getroot():
            urls[el.get("id")] = el.get("url")
    for path in sorted(glob.glob(os.path.join(src, "articles-*.xml"))):
        with open(path, encoding="utf-8") as f:
            xml = f.read()
        for m in re.finditer(r"<article\b([^>]*)>(.*?)</article>", xml, re.S):
            attrs = {k: html.unescape(v) for k, v in re.findall(r'([\w-]+)="([^"]*)"', m.group(1))}
            yield {
                "id": attrs.get("id"),
                "title": attrs.get("title"),
                "date": attrs.get("published-at"),
                "url": urls.get(attrs.get("id")),
                "body": m.group(2).strip(),
            }


def gum(src):
    """GUM's xml/: one token a line (the word first, tab-separated), inside <s> sentences
    and <p>, <head>, <item> blocks; a <w> holds the parts of one word. The article's title,
    date and URL are attributes of <text>; its <head> at the top is the title again."""
    for path in sorted(glob.glob(os.path.join(src, "xml", "GUM_news_*.xml"))):
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', lines[0]))
        blocks, tokens, word, depth_w = [], [], [], 0
        seen_head = False
        for line in lines[1:]:
            tag = re.match(r"<(/?)(\w+)", line)
            if tag:
                closing, name = tag.group(1) == "/", tag.group(2)
                if name == "w":
                    depth_w += -1 if closing else 1
                    if closing and depth_w == 0:
                        tokens.append("".join(word))
                        word = []
                elif name in ("p", "head", "item", "caption") and closing:
                    text = detokenize(tokens)
                    # The first head is the title, which the record has already.
                    if name == "head" and not seen_head:
                        seen_head = True
                    elif text:
                        blocks.append(text)
                    tokens = []
                continue
            if not line.strip():
                continue
            tok = html.unescape(line.split("\t")[0])
            (word if depth_w else tokens).append(tok)
        if tokens:
            blocks.append(detokenize(tokens))
        yield {
            "id": attrs.get("id"),
            "title": html.unescape(attrs.get("title", "")),
            "date": attrs.get("dateCreated"),
            "url": html.unescape(attrs.get("sourceURL", "")) or None,
            "body": "\n\n".join(blocks),
        }


def ecbplus(src):
    """ECB+ token XML: tokens joined per sentence, a sentence a paragraph. Sentence 0 is
    often the source URL (then it becomes the url) or a dateline; the topic and which of
    its two events (ecb, ecbplus) are kept as fields for story grouping."""
    for path in sorted(glob.glob(os.path.join(src, "ECB+", "*", "*.xml")),
                       key=lambda p: [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", p)]):
        root = ET.parse(path).getroot()
        sentences = {}
        for tok in root.iter("token"):
            sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
        texts = [detokenize(sentences[k]) for k in sorted(sentences)]
        url = None
        if texts and re.match(r"^https?\s*:\s*/", texts[0]):
            url = re.sub(r"\s+", "", texts[0])
            texts = texts[1:]
        name = os.path.basename(path)
        yield {
            "id": name.rsplit(".", 1)[0],
            "title": None,
            "url": url,
            "topic": os.path.basename(os.path.dirname(path)),
            "event": "ecbplus" if name.endswith("ecbplus.xml") else "ecb",
            "body": "\n\n".join(texts),
        }


def lee(src):
    """One article a line with no title; a line that is not UTF-8 is read as Windows-1252
    (lee.cor has a Latin-1 pound sign)."""
    for name in ("lee_background.cor", "lee.cor"):
        path = os.path.join(src, name)
        if not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            for n, raw in enumerate(f, 1):
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    text = raw.decode("cp1252", errors="replace")
                text = text.strip()
                if text:
                    yield {"id": f"{name}:{n}", "title": None, "body": text}


CONVERTERS = {"hyperpartisan": hyperpartisan, "gum": gum, "ecbplus": ecbplus, "lee": lee}


def main(argv):
    if len(argv) != 4 or argv[1] not in CONVERTERS:
        print(__doc__, file=sys.stderr)
        return 2
    write(CONVERTERS[argv[1]](argv[2]), argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
