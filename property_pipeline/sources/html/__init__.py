"""A source-independent engine for reading saved HTML pages into label/value pairs and text.

A collector that saves web pages gets, from one call, everything its rules and
its LLM prompt need; it writes only its vocabulary (what its labels mean) and
how those meanings become contract fields:

    from property_pipeline.sources.html import Vocabulary, read_page

    VOCABULARY = Vocabulary(label_group=my_label_group)   # "Beds" -> "bedrooms"

    def parse(raw: bytes) -> SourceDocument:
        return read_page(raw, VOCABULARY).doc

`read_page` (module `page`) decodes the bytes safely (`decoding`), parses them
with lexbor, drops what a reader does not see (`visibility`, `tree`), walks the
visible tree once into label/value pairs and compact lines (`walk`, `collector`,
`asides`), and reads the machine-readable facts (`structured`: JSON-LD,
microdata, meta geo; `embedded_state`: portal script state; `identity`: the
page's own address in its title, meta tags and URL). What each part of
`SourceDocument.data` holds is listed in `read_page`'s docstring.
docs/extending.md walks through adding an HTML source.

Every step is bounded (bytes, elements, nesting, lines, prompt size), so hostile
pages cost at most a few hundred milliseconds.
"""

from __future__ import annotations

from .collector import MAX_LINE_CHARS, Collector
from .decoding import (
    MAX_DECODED_CHARS,
    MAX_NESTING,
    decode,
    flatten_deep_nesting,
    looks_binary,
    page_markup,
    strip_comments,
)
from .page import PageRead, cap_text, page_links, read_page
from .structured import (
    harvest_jsonld,
    jsonld_summary,
    meta_geo,
    microdata,
    schema_facts,
    schema_pairs,
)
from .tree import MAX_ELEMENTS, El, TreeBuilder, collapse, text_of
from .vocabulary import COLON_PAIR, REMARKS, Vocabulary, labelish
from .walk import MAX_TEXT_CHARS, visit

__all__ = [
    "COLON_PAIR",
    "MAX_DECODED_CHARS",
    "MAX_ELEMENTS",
    "MAX_LINE_CHARS",
    "MAX_NESTING",
    "MAX_TEXT_CHARS",
    "REMARKS",
    "Collector",
    "El",
    "PageRead",
    "TreeBuilder",
    "Vocabulary",
    "cap_text",
    "collapse",
    "decode",
    "flatten_deep_nesting",
    "harvest_jsonld",
    "jsonld_summary",
    "labelish",
    "looks_binary",
    "meta_geo",
    "microdata",
    "page_links",
    "page_markup",
    "read_page",
    "schema_facts",
    "schema_pairs",
    "strip_comments",
    "text_of",
    "visit",
]
