"""Hidden decoys never become facts, however the page hides them.

Each technique hides a decoy row placed BEFORE the real, visible row (the order that made the
first-wins rules take the decoy). The decoy is stated as an inline style, as a rule of the page's
own stylesheet (by class, by id, by descendant selector), and at a random place in the page.
A closed <details> is not hidden: its content is real but weaker evidence than what is shown.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from property_pipeline.sources.phoenix_mls import extract_rules, parse

REAL = {"list_price": ("List Price", "$415,000", 415000.0),
        "bedrooms_total": ("Bedrooms", "3", 3),
        "living_area": ("Approx SqFt", "1,850", 1850.0)}
DECOY = {"list_price": "$1,000", "bedrooms_total": "9", "living_area": "9,999"}

# (name, CSS declarations that hide an element's text)
STYLE_TECHNIQUES = [
    ("display_none", "display:none"),
    ("visibility_hidden", "visibility:hidden"),
    ("font_size_zero", "font-size:0"),
    ("font_size_zero_px", "font-size:0px;line-height:0"),
    ("font_shorthand_zero", "font:0/0 a"),
    ("opacity_zero", "opacity:0"),
    ("opacity_percent", "opacity:0%"),
    ("filter_opacity", "filter:opacity(0)"),
    ("left_offscreen", "position:absolute;left:-9999px"),
    ("top_offscreen", "position:absolute;top:-10000px"),
    ("text_indent", "text-indent:-9999px;overflow:hidden"),
    ("margin_offscreen", "position:relative;margin-left:-5000px"),
    ("translate_offscreen", "transform:translateX(-9999px)"),
    ("clip_rect", "position:absolute;clip:rect(0,0,0,0)"),
    ("clip_rect_1px", "position:absolute;clip:rect(1px 1px 1px 1px)"),
    ("clip_path_inset", "clip-path:inset(50%)"),
    ("clip_path_circle", "clip-path:circle(0)"),
    ("white_on_white", "color:#fff;background-color:#ffffff"),
    ("white_on_default", "color:white"),
    ("transparent_text", "color:transparent"),
    ("rgba_transparent", "color:rgba(0,0,0,0)"),
    ("scale_zero", "transform:scale(0)"),
    ("scale_x_zero", "transform:scaleX(0)"),
    ("zero_height_overflow", "height:0;overflow:hidden"),
    ("zero_width_overflow", "width:0;overflow:hidden"),
    ("one_pixel_box", "width:1px;height:1px;overflow:hidden;position:absolute"),
    ("max_height_zero", "max-height:0;overflow:hidden"),
    ("content_visibility", "content-visibility:hidden"),
]
# (name, markup wrapping the decoy row: hidden without any style)
MARKUP_TECHNIQUES = [
    ("aria_hidden", '<div aria-hidden="true">{row}</div>'),
    ("hidden_attribute", "<div hidden>{row}</div>"),
    ("noscript", "<noscript>{row}</noscript>"),
    ("template", "<template>{row}</template>"),
    ("sr_only_class", '<div class="sr-only">{row}</div>'),
    ("font_color_white", '<font color="#FFFFFF">{row}</font>'),
    ("white_on_white_table", '<table bgcolor="#ffffff"><tr><td><font color="white">{row}</font></td></tr></table>'),
]


def _row(label: str, value: str) -> str:
    return f"<p>{label}: {value}</p>"


def _page(body: str, css: str = "") -> bytes:
    style = f"<style>{css}</style>" if css else ""
    return (f"<html><head><title>1420 E Camelback Rd, Phoenix, AZ 85016</title>{style}</head>"
            f"<body><h1>1420 E Camelback Rd, Phoenix, AZ 85016</h1>{body}<p>MLS #: 6543210</p></body></html>").encode()


def _check(raw: bytes, field: str) -> None:
    rules = extract_rules(parse(raw))
    assert rules.values.get(field) == REAL[field][2]
    assert field not in rules.ambiguous
    assert DECOY[field].replace(",", "") not in parse(raw).text.replace(",", "")


FIELDS = sorted(REAL)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name,decls", STYLE_TECHNIQUES, ids=[n for n, _ in STYLE_TECHNIQUES])
def test_inline_style_decoy_before_the_real_row(name: str, decls: str, field: str):
    label, value, _ = REAL[field]
    decoy = f'<div style="{decls}">{_row(label, DECOY[field])}</div>'
    _check(_page(decoy + _row(label, value)), field)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name,decls", STYLE_TECHNIQUES, ids=[n for n, _ in STYLE_TECHNIQUES])
@pytest.mark.parametrize("selector,attrs", [(".x9f2", 'class="row x9f2"'), ("#k3", 'id="k3"'),
                                            ("section .fine-print", 'class="fine-print"'),
                                            ("div.x1.x2", 'class="x1 x2"')], ids=["class", "id", "descendant", "compound"])
def test_stylesheet_rule_decoy_before_the_real_row(name: str, decls: str, field: str, selector: str, attrs: str):
    label, value, _ = REAL[field]
    css = f"/* site */ .unused{{color:red}} {selector} {{ {decls} !important; }}"
    body = f"<section><div {attrs}>{_row(label, DECOY[field])}</div>{_row(label, value)}</section>"
    _check(_page(body, css), field)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name,wrapper", MARKUP_TECHNIQUES, ids=[n for n, _ in MARKUP_TECHNIQUES])
def test_markup_decoy_before_the_real_row(name: str, wrapper: str, field: str):
    label, value, _ = REAL[field]
    decoy = wrapper.format(row=_row(label, DECOY[field]))
    _check(_page(decoy + _row(label, value)), field)


@pytest.mark.parametrize("field", FIELDS)
def test_closed_details_loses_to_the_visible_row(field: str):
    label, value, expected = REAL[field]
    body = f"<details><summary>More</summary>{_row(label, DECOY[field])}</details>{_row(label, value)}"
    rules = extract_rules(parse(_page(body)))
    assert rules.values[field] == expected
    assert field not in rules.ambiguous


def test_closed_details_content_is_read_when_nothing_visible_states_it():
    body = "<details><summary>Facts</summary><p>List Price: $415,000</p><p>Bedrooms: 3</p></details>"
    rules = extract_rules(parse(_page(body)))
    assert rules.values["list_price"] == 415000 and rules.values["bedrooms_total"] == 3
    assert rules.evidence["list_price"] == "details"


def test_media_query_rules_do_not_hide_the_desktop_facts():
    css = "@media (max-width: 600px) { .desktop { display:none } } @media print { .facts { display:none } }"
    body = '<div class="desktop facts"><p>List Price: $415,000</p></div>'
    assert extract_rules(parse(_page(body, css))).values["list_price"] == 415000


def test_a_child_can_undo_inherited_hiding():
    body = ('<div class="row" style="font-size:0"><span style="font-size:14px">List Price: $415,000</span></div>'
            '<div style="visibility:hidden"><p style="visibility:visible">Bedrooms: 3</p></div>')
    values = extract_rules(parse(_page(body))).values
    assert values["list_price"] == 415000 and values["bedrooms_total"] == 3


def test_white_text_on_a_dark_background_is_visible():
    body = '<div style="background:#123456"><p style="color:#fff">List Price: $415,000</p></div>'
    assert extract_rules(parse(_page(body))).values["list_price"] == 415000


TECHNIQUES = [decls for _, decls in STYLE_TECHNIQUES]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decls=st.sampled_from(TECHNIQUES), field=st.sampled_from(FIELDS),
       filler=st.lists(st.sampled_from(["<p>Built in the desert.</p>", "<div><span>Tour today</span></div>",
                                        "<p>Garage Spaces: 2</p>", "<ul><li>Pool</li><li>Spa</li></ul>"]),
                       max_size=6),
       position=st.integers(min_value=0, max_value=6), wrap_depth=st.integers(min_value=0, max_value=3))
def test_decoy_anywhere_before_the_real_row(decls: str, field: str, filler: list[str], position: int,
                                            wrap_depth: int):
    label, value, _ = REAL[field]
    decoy = _row(label, DECOY[field])
    decoy = f'<div style="{decls}">' + "<div>" * wrap_depth + decoy + "</div>" * wrap_depth + "</div>"
    parts = list(filler)
    parts.insert(min(position, len(parts)), decoy)
    _check(_page("".join(parts) + _row(label, value)), field)
