"""Which parts of a saved HTML page a reader would actually see.

Pages hide text in many ways besides `display:none`: zero font size or
opacity, off-screen positioning, clipping, zero-size boxes that clip their
overflow, `transform: scale(0)`, text coloured like its background, utility
classes, and rules in the page's own `<style>` sheets. A hidden row is often a
decoy (a wrong price placed before the real one), so hidden text must never
become a fact.

Two kinds of hiding are told apart because CSS inherits them differently:
`prunes()` is true for an element whose whole box (and so every descendant) is
invisible; `TextState` carries what a descendant can override again
(`visibility`, `font-size`, `color`), so text is judged at the text node.

Machinery only: nothing here knows about listings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple

# Utility classes of common CSS frameworks whose stylesheets are not saved with the page.
HIDDEN_CLASSES = frozenset(
    ["hidden", "d-none", "sr-only", "visually-hidden", "visuallyhidden", "invisible", "hide", "is-hidden", "screen-reader-text", "screenreader", "u-hidden", "offscreen", "off-screen"]
)
MAX_STYLE_CHARS = 500_000
MAX_RULES = 10_000
MAX_RULES_PER_ELEMENT = 300  # a hostile sheet repeating one class in thousands of rules stays linear

# Properties that can hide text; rules setting none of them are not kept.
_RELEVANT = frozenset(
    ["display", "visibility", "content-visibility", "opacity", "filter", "font-size", "font", "text-indent", "left", "top", "right", "bottom", "margin-left", "margin-top", "margin", "position", "transform", "clip", "clip-path", "width", "height", "max-width", "max-height", "overflow", "overflow-x", "overflow-y", "color", "background", "background-color", "background-image"]
)
_OFFSCREEN_PX = -500.0
_TINY_PX = 1.0
_MIN_CONTRAST = 1.1
_LENGTH = re.compile(r"(-?\d*\.?\d+)\s*(px|em|rem|pt|vw|vh|%)?", re.IGNORECASE)
_NAMED_COLORS = {
    "white": (255, 255, 255), "black": (0, 0, 0), "red": (255, 0, 0), "green": (0, 128, 0), "blue": (0, 0, 255),
    "gray": (128, 128, 128), "grey": (128, 128, 128), "silver": (192, 192, 192), "yellow": (255, 255, 0),
    "whitesmoke": (245, 245, 245), "snow": (255, 250, 250), "ivory": (255, 255, 240), "ghostwhite": (248, 248, 255),
    "navy": (0, 0, 128), "maroon": (128, 0, 0), "orange": (255, 165, 0), "purple": (128, 0, 128),
}


class Color(NamedTuple):
    r: float
    g: float
    b: float
    a: float = 1.0


WHITE = Color(255, 255, 255)
"""A page's background unless it sets one."""


def parse_color(text: str | None) -> Color | None:
    """`#fff`, `#ffffffff`, `rgb(255 255 255 / 50%)`, `white`, `transparent` -> Color; None when unknown."""
    if not text:
        return None
    value = text.strip().lower()
    if value == "transparent":
        return Color(0, 0, 0, 0.0)
    if value in _NAMED_COLORS:
        return Color(*_NAMED_COLORS[value])
    hexa = re.fullmatch(r"#([0-9a-f]{3,8})", value)
    if hexa:
        return _hex_color(hexa.group(1))
    func = re.fullmatch(r"rgba?\(([^)]*)\)", value)
    return _rgb_color(func.group(1)) if func else None


def _hex_color(digits: str) -> Color | None:
    if len(digits) in (3, 4):
        digits = "".join(ch * 2 for ch in digits)
    if len(digits) not in (6, 8):
        return None
    channels = [int(digits[i:i + 2], 16) for i in range(0, len(digits), 2)]
    alpha = channels[3] / 255 if len(channels) == 4 else 1.0
    return Color(channels[0], channels[1], channels[2], alpha)


def _rgb_color(body: str) -> Color | None:
    parts = [p for p in re.split(r"[\s,/]+", body.strip()) if p]
    if len(parts) not in (3, 4):
        return None
    try:
        rgb = [float(p[:-1]) * 2.55 if p.endswith("%") else float(p) for p in parts[:3]]
        alpha = 1.0
        if len(parts) == 4:
            alpha = float(parts[3][:-1]) / 100 if parts[3].endswith("%") else float(parts[3])
    except ValueError:
        return None
    return Color(rgb[0], rgb[1], rgb[2], alpha)


def _luminance(color: Color) -> float:
    def channel(c: float) -> float:
        c = max(0.0, min(255.0, c)) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def indistinguishable(text: Color, background: Color) -> bool:
    """Text a reader cannot tell from its background (WCAG contrast ratio near 1)."""
    lighter, darker = sorted((_luminance(text), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05) < _MIN_CONTRAST


def parse_declarations(style: str | None) -> dict[str, str]:
    """`"color: #fff; DISPLAY:none !important"` -> {"color": "#fff", "display": "none"}."""
    out: dict[str, str] = {}
    if not style:
        return out
    for part in style[:4000].split(";"):
        name, sep, value = part.partition(":")
        if sep:
            value = re.sub(r"!\s*important\s*$", "", value.strip(), flags=re.IGNORECASE).strip().lower()
            out[name.strip().lower()] = value
    return out


def _px(value: str | None) -> float | None:
    """A CSS length in pixels (em/rem taken as 16px); None for keywords and percentages."""
    if not value:
        return None
    match = _LENGTH.match(value.strip())
    if not match:
        return None
    number, unit = float(match.group(1)), (match.group(2) or "px").lower()
    if unit == "%":
        return None
    return number * {"em": 16.0, "rem": 16.0, "pt": 1.33, "vw": 12.0, "vh": 8.0}.get(unit, 1.0)


def _offscreen(decls: dict[str, str]) -> bool:
    for name in ("left", "top", "right", "bottom", "margin-left", "margin-top", "text-indent"):
        px = _px(decls.get(name))
        if px is not None and px <= _OFFSCREEN_PX:
            return True
    margin = decls.get("margin")
    return bool(margin) and any((_px(p) or 0) <= _OFFSCREEN_PX for p in margin.split()[:4])


def _transform_hides(transform: str | None) -> bool:
    if not transform:
        return False
    for name, args in re.findall(r"([a-z0-9]+)\(([^)]*)\)", transform):
        numbers = [p for p in re.split(r"[\s,]+", args.strip()) if p]
        if name.startswith("scale") and any(_near_zero(p) for p in numbers[:3 if name == "scale3d" else 2]):
            return True
        if name == "matrix" and len(numbers) == 6 and (_near_zero(numbers[0]) or _near_zero(numbers[3])):
            return True
        if name.startswith("translate") and any((_px(p) or 0) <= _OFFSCREEN_PX for p in numbers[:2]):
            return True
    return False


def _near_zero(text: str) -> bool:
    try:
        return abs(float(text.rstrip("%"))) < 0.05
    except ValueError:
        return False


def _clip_hides(decls: dict[str, str]) -> bool:
    clip = decls.get("clip", "")
    rect = re.search(r"rect\(([^)]*)\)", clip)
    if rect:
        sides = [_px(p) for p in re.split(r"[\s,]+", rect.group(1).strip()) if p]
        if len(sides) == 4 and all(s is not None and abs(s) <= _TINY_PX for s in sides):
            return True
    path = decls.get("clip-path", "")
    inset = re.search(r"inset\(([^)]*)\)", path)
    if inset and any(p.endswith("%") and float(p[:-1] or 0) >= 50 for p in inset.group(1).split() if _is_number(p[:-1])):
        return True
    radius = re.search(r"(?:circle|ellipse)\(\s*([^\s)]+)", path)
    if radius and _px(radius.group(1)) == 0:
        return True
    polygon = re.search(r"polygon\(([^)]*)\)", path)
    return bool(polygon) and len({p.strip() for p in polygon.group(1).split(",")}) <= 1


def _is_number(text: str) -> bool:
    return re.fullmatch(r"\d+(\.\d+)?", text) is not None


def _zero_box(decls: dict[str, str]) -> bool:
    """A (nearly) zero-size box that clips what overflows it."""
    clips = any(decls.get(n, "") in ("hidden", "clip") for n in ("overflow", "overflow-x", "overflow-y"))
    if not clips:
        return False
    sizes = [_px(decls.get(n)) for n in ("width", "height", "max-width", "max-height")]
    return any(s is not None and s <= _TINY_PX for s in sizes)


def _opacity_zero(decls: dict[str, str]) -> bool:
    opacity = decls.get("opacity")
    if opacity is not None:
        try:
            value = float(opacity[:-1]) / 100 if opacity.endswith("%") else float(opacity)
        except ValueError:
            value = 1.0
        if value < 0.05:
            return True
    found = re.search(r"opacity\(\s*([\d.]+)(%?)", decls.get("filter", ""))
    return bool(found) and float(found.group(1)) / (100 if found.group(2) else 1) < 0.05


def prunes(decls: dict[str, str]) -> bool:
    """True when the element's whole box is invisible: nothing a descendant sets brings it back."""
    if not decls:
        return False
    if decls.get("display") == "none" or decls.get("content-visibility") == "hidden":
        return True
    return _opacity_zero(decls) or _offscreen(decls) or _transform_hides(decls.get("transform")) \
        or _clip_hides(decls) or _zero_box(decls)


def _font_size(decls: dict[str, str]) -> float | None:
    size = _px(decls.get("font-size"))
    if size is not None:
        return size
    font = decls.get("font")
    if font:
        shorthand = re.search(r"(?:^|\s)(-?\d*\.?\d+(?:px|em|rem|pt|%)?)\s*(?:/|\s|$)", font)
        if shorthand:
            return _px(shorthand.group(1)) if not shorthand.group(1).endswith("%") else float(shorthand.group(1)[:-1])
    return None


def _background(decls: dict[str, str]) -> tuple[bool, Color | None]:
    """(whether the declarations set a background, its solid colour or None when an image or unknown)."""
    image = decls.get("background-image", "")
    shorthand = decls.get("background", "")
    if "url(" in image or "gradient" in image or "url(" in shorthand or "gradient" in shorthand:
        return True, None
    value = decls.get("background-color") or shorthand
    first = value.split()[0] if value.split() else ""
    if first in ("", "none", "transparent", "inherit", "initial", "unset", "currentcolor"):
        return False, None  # shows the parent's background
    color = parse_color(first)
    if color is not None and color.a < 0.05:
        return False, None  # a transparent background shows the parent's
    return True, color


@dataclass(frozen=True, slots=True)
class TextState:
    """What text inherits from its ancestors that decides whether it can be seen."""

    visible: bool = True
    font_zero: bool = False
    color: Color | None = None
    background: Color | None = WHITE

    def child(self, decls: dict[str, str]) -> TextState:
        """The state inside an element with these declarations."""
        if not decls:
            return self
        state = self
        visibility = decls.get("visibility")
        if visibility:
            state = replace(state, visible=visibility not in ("hidden", "collapse"))
        size = _font_size(decls)
        if size is not None:
            state = replace(state, font_zero=size <= _TINY_PX)
        color = parse_color(decls.get("color"))
        if color is not None:
            state = replace(state, color=color)
        sets_background, background = _background(decls)
        if sets_background:
            state = replace(state, background=background)
        return state

    @property
    def text_hidden(self) -> bool:
        if not self.visible or self.font_zero:
            return True
        if self.color is None:
            return False
        if self.color.a < 0.05:
            return True
        return self.background is not None and indistinguishable(self.color, self.background)


def attribute_declarations(tag: str, attrs: dict[str, str | None]) -> dict[str, str]:
    """Presentational attributes as CSS (`<font color>`, `bgcolor`): old report layouts use them."""
    decls: dict[str, str] = {}
    if tag == "font" and attrs.get("color"):
        decls["color"] = str(attrs["color"]).strip().lower()
    if attrs.get("bgcolor"):
        decls["background-color"] = str(attrs["bgcolor"]).strip().lower()
    return decls


def aria_hidden(attrs: dict[str, str | None]) -> bool:
    """`aria-hidden="true"`: hidden from assistive technology. Sites use it for decoys and for
    collapsed previews of real content alike, so callers treat it as weak evidence, not as nothing."""
    return (attrs.get("aria-hidden") or "").strip().lower() == "true"


def hidden_by_attributes(attrs: dict[str, str | None]) -> bool:
    """`hidden`, `<input type=hidden>`, or a well-known hiding class."""
    if "hidden" in attrs:
        return True
    if (attrs.get("type") or "").strip().lower() == "hidden":
        return True
    return any(c in HIDDEN_CLASSES for c in (attrs.get("class") or "").lower().split())


# The page's own stylesheets


class _Compound(NamedTuple):
    tag: str | None
    id: str | None
    classes: frozenset[str]


@dataclass(frozen=True, slots=True)
class ElementKey:
    """What a simple selector can match on one element."""

    tag: str
    id: str
    classes: frozenset[str]

    @classmethod
    def of(cls, tag: str, attrs: dict[str, str | None]) -> ElementKey:
        classes = frozenset((attrs.get("class") or "").lower().split()[:30])
        return cls(tag.lower(), (attrs.get("id") or "").strip().lower(), classes)

    def matches(self, compound: _Compound) -> bool:
        return (compound.tag is None or compound.tag == self.tag) and (compound.id is None or compound.id == self.id) \
            and compound.classes <= self.classes


Chain = tuple | None
"""An element's ancestors, nearest first, as a linked list `(key, parent chain)`: built in O(1)
per element and shared by siblings."""


class _Rule(NamedTuple):
    specificity: tuple[int, int, int, int]
    compounds: tuple[_Compound, ...]  # right-most (the element itself) first
    decls: dict[str, str]


_COMPOUND = re.compile(r"([a-z][a-z0-9-]*|\*)?((?:[.#][a-z0-9_-]+)*)")


def _compound(text: str) -> _Compound | None:
    match = _COMPOUND.fullmatch(text)
    if not match or not text:
        return None
    tag = match.group(1) if match.group(1) not in (None, "*") else None
    parts = re.findall(r"([.#])([a-z0-9_-]+)", match.group(2))
    ids = [name for kind, name in parts if kind == "#"]
    if len(ids) > 1:
        return None
    return _Compound(tag, ids[0] if ids else None, frozenset(name for kind, name in parts if kind == "."))


def _selector(text: str) -> tuple[_Compound, ...] | None:
    """A selector of compounds joined by descendant/child combinators; None for anything else."""
    text = text.strip().lower().replace(">", " ")
    if not text or re.search(r"[:\[+~\\]", text):
        return None
    compounds = [_compound(part) for part in text.split()]
    if any(c is None for c in compounds) or len(compounds) > 8:
        return None
    return tuple(reversed(compounds))  # type: ignore[arg-type]


def _css_blocks(css: str) -> Iterable[tuple[str, str]]:
    """(selector list, declarations) of every unconditional rule, at-rule blocks walked into."""
    stack: list[bool] = []  # per open at-rule block: does it apply to a desktop screen?
    prelude_start = 0
    i, size = 0, len(css)
    while i < size:
        ch = css[i]
        if ch == "{":
            prelude = css[prelude_start:i].strip()
            if prelude.startswith("@"):
                stack.append(_at_rule_applies(prelude))
                prelude_start = i + 1
            else:
                end = css.find("}", i)
                end = size if end < 0 else end
                if all(stack):
                    yield prelude, css[i + 1:end]
                i = end
                prelude_start = end + 1
        elif ch == "}":
            if stack:
                stack.pop()
            prelude_start = i + 1
        elif ch == ";" and css[prelude_start:i].lstrip().startswith("@"):
            prelude_start = i + 1  # @import ...; @charset ...;
        i += 1


def _at_rule_applies(prelude: str) -> bool:
    """Plain `@media screen`/`all` and `@layer` apply; size/print-conditioned and other blocks do not."""
    low = prelude.lower()
    if low.startswith("@layer"):
        return True
    if low.startswith("@media"):
        query = low[len("@media"):].strip()
        return query in ("", "all", "screen", "only screen")
    return False


class StyleSheet:
    """The simple rules of a page's `<style>` blocks, indexed by the key of their right-most compound."""

    def __init__(self, css_texts: Iterable[str]):
        self._by_id: dict[str, list[_Rule]] = {}
        self._by_class: dict[str, list[_Rule]] = {}
        self._by_tag: dict[str, list[_Rule]] = {}
        self._any: list[_Rule] = []
        order = 0
        for css in css_texts:
            css = re.sub(r"/\*.*?\*/", " ", css[:MAX_STYLE_CHARS], flags=re.DOTALL)
            for selectors, body in _css_blocks(css):
                decls = {k: v for k, v in parse_declarations(body).items() if k in _RELEVANT}
                if not decls:
                    continue
                for text in selectors.split(","):
                    compounds = _selector(text)
                    if compounds is None or order >= MAX_RULES:
                        continue
                    order += 1
                    self._index(_Rule(_specificity(compounds, order), compounds, decls))

    def _index(self, rule: _Rule) -> None:
        key = rule.compounds[0]
        if key.id:
            self._by_id.setdefault(key.id, []).append(rule)
        elif key.classes:
            self._by_class.setdefault(min(key.classes), []).append(rule)
        elif key.tag:
            self._by_tag.setdefault(key.tag, []).append(rule)
        else:
            self._any.append(rule)

    def __bool__(self) -> bool:
        return bool(self._by_id or self._by_class or self._by_tag or self._any)

    def declarations(self, element: ElementKey, ancestors: Chain) -> dict[str, str]:
        """The declarations that apply to `element`, by specificity then order."""
        candidates = list(self._any) + self._by_tag.get(element.tag, []) + self._by_id.get(element.id, [])
        for name in element.classes:
            candidates += self._by_class.get(name, [])
        matched = [r for r in candidates[:MAX_RULES_PER_ELEMENT]
                   if element.matches(r.compounds[0]) and _ancestors_match(r.compounds[1:], ancestors)]
        out: dict[str, str] = {}
        for rule in sorted(matched, key=lambda r: r.specificity):
            out.update(rule.decls)
        return out


def _specificity(compounds: tuple[_Compound, ...], order: int) -> tuple[int, int, int, int]:
    ids = sum(1 for c in compounds if c.id)
    classes = sum(len(c.classes) for c in compounds)
    tags = sum(1 for c in compounds if c.tag)
    return ids, classes, tags, order


def _ancestors_match(compounds: tuple[_Compound, ...], ancestors: Chain) -> bool:
    """Each compound matches some ancestor, in order, going up."""
    link = ancestors
    for compound in compounds:
        while link is not None and not link[0].matches(compound):
            link = link[1]
        if link is None:
            return False
        link = link[1]
    return True
