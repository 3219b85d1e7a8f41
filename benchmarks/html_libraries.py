"""The HTML engine's own readers against the maintained libraries issue 18 names.

- JSON-LD and microdata: `sources.html.structured` (`harvest_jsonld`, `microdata`) against
  `extruct.extract(..., syntaxes=["json-ld", "microdata"])`: time per page (each side parses the
  page itself: lexbor for the engine, lxml for extruct) and what each finds.
- Encoding: `sources.html.decoding.decode` against `charset_normalizer.from_bytes(...).best()`
  and `w3lib.encoding.html_to_unicode`: time per page and whether the text is the same, on every
  sample page and on a few re-encoded variants (cp1252 without a declaration, UTF-16 with a BOM,
  a latin-1 declaration over cp1252 bytes, a wrong utf-8 declaration).

Needs `pip install extruct w3lib` (not project dependencies; docs/architecture-decisions.md
says why). Run: `.venv/bin/python benchmarks/html_libraries.py`.
"""

from __future__ import annotations

import codecs
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from property_pipeline.sources.html.decoding import decode
from property_pipeline.sources.html.structured import _jsonld_nodes, harvest_jsonld, microdata

REPO = Path(__file__).resolve().parent.parent
SETS = ("samples/landing", "samples/holdout/landing", "samples/unseen/landing", "samples/blind/landing",
        "samples/classes/landing", "samples/real/landing", "samples/real_unseen/landing")
REPEAT = 5


def pages() -> list[Path]:
    return sorted(p for s in SETS for p in (REPO / s).rglob("*.html"))


def per_page_ms(fn: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def engine_structured(text: str) -> tuple[list[dict], dict]:
    tree = LexborHTMLParser(text)
    return harvest_jsonld(tree, []), microdata(tree)


def extruct_structured(text: str) -> tuple[list[dict], list[dict]]:
    import extruct

    found = extruct.extract(text, syntaxes=["json-ld", "microdata"], uniform=False, errors="ignore")
    nodes: list[dict] = []
    for block in found.get("json-ld", []):
        _jsonld_nodes(block, nodes)
    return nodes, found.get("microdata", [])


def structured_report(paths: list[Path]) -> None:
    rows = {"engine": [], "extruct": []}
    counts = {"engine_jsonld": 0, "extruct_jsonld": 0, "engine_micro_pages": 0, "extruct_micro_pages": 0,
              "jsonld_pages_differ": 0, "extruct_errors": 0, "engine_only_jsonld_pages": 0}
    for path in paths:
        text, _ = decode(path.read_bytes())
        rows["engine"].append(per_page_ms(lambda t=text: engine_structured(t)))
        ours_nodes, ours_micro = engine_structured(text)
        try:
            rows["extruct"].append(per_page_ms(lambda t=text: extruct_structured(t)))
            their_nodes, their_micro = extruct_structured(text)
        except Exception:  # noqa: BLE001 - a page extruct cannot read is a finding, not a crash
            counts["extruct_errors"] += 1
            continue
        counts["engine_jsonld"] += len(ours_nodes)
        counts["extruct_jsonld"] += len(their_nodes)
        counts["engine_micro_pages"] += bool(ours_micro)
        counts["extruct_micro_pages"] += bool(their_micro)
        key = lambda nodes: sorted(json.dumps(n, sort_keys=True) for n in nodes)  # noqa: E731
        if key(ours_nodes) != key(their_nodes):
            counts["jsonld_pages_differ"] += 1
            if len(ours_nodes) > len(their_nodes):
                counts["engine_only_jsonld_pages"] += 1
    print(f"JSON-LD + microdata on {len(paths)} pages (best of {REPEAT}, parse included)")
    for name, times in rows.items():
        print(f"  {name:8} median {statistics.median(times):7.2f} ms/page  mean {statistics.mean(times):7.2f}  "
              f"max {max(times):7.2f}")
    for name, value in counts.items():
        print(f"  {name:26} {value}")


def _undeclared(text: str) -> str:
    for declaration in ('<meta charset="UTF-8">', '<meta charset="utf-8">', 'charset="utf-8"', "charset=utf-8"):
        text = text.replace(declaration, "")
    return text


def variants(raw: bytes) -> dict[str, tuple[bytes, str]]:
    """The page re-encoded the ways collectors' files arrive, each with the text it must decode to."""
    text = raw.decode("utf-8").lstrip("\ufeff")
    plain = _undeclared(text)
    latin = plain.replace("<head>", '<head><meta charset="iso-8859-1">', 1)
    out = {"as saved": (raw, text), "utf-16 with BOM": (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), text)}
    try:
        out["cp1252, undeclared"] = (plain.encode("cp1252"), plain)
        out["latin-1 declared, cp1252 bytes"] = (latin.encode("cp1252"), latin)
    except UnicodeEncodeError:
        pass  # a character cp1252 cannot hold: the page cannot be saved that way
    return out


def encoding_report(paths: list[Path]) -> None:
    import charset_normalizer
    from w3lib.encoding import html_to_unicode

    decoders: dict[str, Callable[[bytes], str]] = {
        "engine": lambda b: decode(b)[0],
        "charset_normalizer": lambda b: str(charset_normalizer.from_bytes(b).best() or ""),
        "w3lib": lambda b: html_to_unicode(None, b)[1],
    }
    times: dict[str, list[float]] = {name: [] for name in decoders}
    same: dict[str, dict[str, list[int]]] = {}
    for path in paths:
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        for variant, (data, expected) in variants(raw).items():
            for name, fn in decoders.items():
                if variant == "as saved":
                    times[name].append(per_page_ms(lambda f=fn, d=data: f(d)))
                tally = same.setdefault(variant, {}).setdefault(name, [0, 0])
                tally[0] += fn(data).lstrip("\ufeff") == expected
                tally[1] += 1
    print(f"decoding on {len(paths)} pages (best of {REPEAT})")
    for name, values in times.items():
        print(f"  {name:18} median {statistics.median(values):7.3f} ms/page  max {max(values):7.3f}")
    print("  text equal to the original (pages):")
    for variant, by_name in same.items():
        print(f"    {variant:32} " + "  ".join(f"{n} {ok}/{total}" for n, (ok, total) in by_name.items()))


if __name__ == "__main__":
    found = pages()
    structured_report(found)
    encoding_report(found)
