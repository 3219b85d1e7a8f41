"""From saved bytes to markup text the parser can take in bounded time.

`page_markup(raw, vocab)` is the entry point: it refuses empty and binary files
(`SourceError` "empty" / "binary" / "not_html"), decodes without ever raising
(`decode`: byte-order mark, then `<meta charset>`, then UTF-8, windows-1252 and
latin-1, each fallback reported as a warning), removes zero-width characters,
caps the text at `MAX_DECODED_CHARS`, strips comments in linear time
(`strip_comments`) and flattens markup nested deeper than `MAX_NESTING`
(`flatten_deep_nesting`: lexbor's tree building is quadratic in depth, so a
hostile page of 100k nested `<div>`s would otherwise take minutes).

A new HTML source needs nothing from here beyond what `read_page` already does;
the functions are public for sources that read other markup (XML feeds, e-mail).
"""

from __future__ import annotations

import codecs
import re

from ..base import SourceError
from .vocabulary import COLON_PAIR, Vocabulary

MAX_DECODED_CHARS = 5_000_000
MAX_NESTING = 400  # lexbor's tree building is quadratic in nesting depth

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\x00"), None)
_VOID_OR_OPTIONAL_END = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rp rt caption".split()
)


def looks_binary(raw: bytes) -> bool:
    """Image, archive, PDF or executable magic, or more control bytes than text has."""
    head = raw[:65536]
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")):
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > max(8, len(head) * 0.05)


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # WHATWG: pages labelled latin-1 or ASCII are decoded as windows-1252.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def decode(raw: bytes) -> tuple[str, list[str]]:
    """Bytes to text without ever raising: BOM, then <meta charset>, then UTF-8, cp1252, latin-1."""
    warnings: list[str] = []
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(codec, errors="replace"), warnings
    declared = None
    meta = re.search(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", raw[:8192], re.I)
    if meta:
        declared = _codec(meta.group(1).decode("ascii", "ignore"))
    tried = []
    for codec in (declared, "utf-8", "cp1252"):
        if not codec or codec in tried or codec.startswith("utf-16"):
            continue
        tried.append(codec)
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if declared and codec != declared:
            warnings.append(f"declared charset {declared} did not decode; read as {codec}")
        return text, warnings
    warnings.append("undecodable bytes; read as latin-1")
    return raw.decode("latin-1"), warnings


def strip_comments(text: str) -> str:
    """Drop <!-- ... --> in linear time (a regex backtracks on many unclosed comments)."""
    out, pos = [], 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:start])
        end = text.find("-->", start + 4)
        if end < 0:
            break
        pos = end + 3
    return "".join(out)


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:\-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")


_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:\-]*)")


def _may_nest_too_deep(text: str) -> bool:
    """A quick over-estimate of the nesting depth (no attribute parsing), to skip the rewrite."""
    depth = deepest = 0
    raw_until = None
    for closing, name in _TAG_NAME.findall(text):
        name = name.lower()
        if raw_until is not None:
            if closing and name == raw_until:
                raw_until = None
            continue
        if name in _VOID_OR_OPTIONAL_END:
            continue
        if closing:
            depth = max(0, depth - 1)
        elif name in ("script", "style", "textarea", "xmp", "plaintext"):
            raw_until = name
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_NESTING:
                    return True
    return False


def flatten_deep_nesting(text: str) -> tuple[str, bool]:
    """Drop tags nested deeper than MAX_NESTING, keeping their text: hostile pages stay fast."""
    if not _may_nest_too_deep(text):
        return text, False
    depth = dropped = 0
    raw_until: str | None = None
    flattened = False

    def replace(match: re.Match) -> str:
        nonlocal depth, dropped, raw_until, flattened
        closing, name = match.group(1), match.group(2).lower()
        if raw_until is not None:
            if closing and name == raw_until:
                raw_until = None
            return match.group(0)
        if name in _VOID_OR_OPTIONAL_END:
            return match.group(0)
        if closing:
            if dropped:
                dropped -= 1
                return ""
            depth = max(0, depth - 1)
            return match.group(0)
        if match.group(3).rstrip().endswith("/"):
            return match.group(0)
        if name in ("script", "style", "textarea", "xmp", "plaintext"):
            raw_until = name
            return match.group(0)
        if depth >= MAX_NESTING:
            dropped += 1
            flattened = True
            return " "
        depth += 1
        return match.group(0)

    result = _TAG.sub(replace, text)
    return result, flattened


# The page as a light tree


def page_markup(raw: bytes, vocab: Vocabulary) -> tuple[str, list[str]]:
    """The page as markup text: decoded, capped, comments and too-deep nesting removed.

    Raises `SourceError` for empty, binary or markup-less files; a plain-text file with at least two
    "Label: value" lines the vocabulary knows is read as a `<pre>` page."""
    if not raw or not raw.strip():
        raise SourceError("empty", "file is empty")
    if looks_binary(raw) and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SourceError("binary", "file holds binary data, not an HTML page")
    text, warnings = decode(raw)
    text = text.translate(_ZERO_WIDTH)
    if len(text) > MAX_DECODED_CHARS:
        warnings.append(f"page cut to its first {MAX_DECODED_CHARS} characters")
        text = text[:MAX_DECODED_CHARS]
    if not text.strip():
        raise SourceError("empty", "file holds only whitespace")
    has_markup = re.search(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|!doctype|!--)", text[:200_000], re.I) is not None
    if not has_markup:
        facts = [ln for ln in text.splitlines()[:2000] if COLON_PAIR.match(ln.strip()) and vocab.label_group(ln.split(":", 1)[0])]
        if len(facts) < 2:
            raise SourceError("not_html", "no HTML markup and no labelled facts")
        text = "<pre>" + text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>") + "</pre>"
    text = strip_comments(text)
    text, flattened = flatten_deep_nesting(text)
    if flattened:
        warnings.append(f"markup nested deeper than {MAX_NESTING} levels was flattened")
    return text, warnings
