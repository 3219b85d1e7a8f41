"""Listing pages with several long prose blocks (issue 14, class `prose_blocks`).

Not the pages the rules were tuned on (`samples/classes/extra_prose_blocks.py`): the description
under random headings (or none) beside an agent bio, a school / commute paragraph, a neighborhood
blurb, a legal disclaimer and a mortgage paragraph in shuffled order, the description sometimes
shorter than the bio; subdivision labels beside "Neighborhood" in either order; a colon inside a
sentence. The rules may leave the description to the LLM, never read another block as it.
"""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from property_pipeline.sources.phoenix_mls import extract_rules, parse

FACTS = """<ul class="facts"><li>MLS #: 7559901</li><li>Status: Active</li><li>Price: $455,000</li>
<li>Bedrooms: 3</li><li>Bathrooms: 2</li><li>Living area: 1,720 sq ft</li><li>Year built: 1998</li>
<li>Garage: 2 spaces</li><li>APN: 301-22-418</li></ul>"""
ADDRESS = "1846 W Tierra Buena Ln, Phoenix, AZ 85023"

DESCRIPTIONS = [
    "Light-filled single level with a remodeled kitchen, tile floors throughout and a covered patio "
    "over a low-care backyard. The garage has built-in cabinets.",
    "Freshly painted home with vaulted ceilings and a pool.",
    "Split floor plan with a primary suite that opens to the patio: new windows, a newer roof and "
    "owned solar keep the bills low.",
]
OTHER_BLOCKS = {
    "Meet your agent": "Marisol Quenby has helped buyers across the North Valley for more than fifteen "
                       "years. Her clients rely on her negotiating skill and her patience, and she is a "
                       "licensed broker who still answers every call herself on weekends.",
    "Schools & commute": "Assigned schools include Desert Sky Elementary and Greenway Middle School. The "
                         "Loop 101 is about four minutes away and downtown is a thirty-minute commute.",
    "The neighborhood": "Moon Valley is a master-planned community of winding streets around a golf "
                        "course; residents walk to the park on Coral Gables Drive and to shops on 19th Avenue.",
    "Legal": "Listing information is provided by the multiple listing service and is believed accurate "
             "but buyers should have all details verified; this site is for non-commercial use only.",
    "Your payment": "Estimated payment $2,874/mo with 20% down at a 6.3% interest rate on a 30-year loan, "
                    "before taxes and insurance.",
}
HEADINGS = ["Overview", "What makes this home special", "Home highlights", "Property description",
            "The story", "About this home", None]


def rules(body: str, title: str = ADDRESS) -> dict:
    page = (f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title></head><body><main>{body}"
            "</main></body></html>").encode()
    return extract_rules(parse(page)).values


def block(heading: str | None, text: str) -> str:
    head = f"<h2>{html.escape(heading)}</h2>" if heading else ""
    return f"<section>{head}<p>{html.escape(text)}</p></section>"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(description=st.sampled_from(DESCRIPTIONS), heading=st.sampled_from(HEADINGS),
       others=st.lists(st.sampled_from(sorted(OTHER_BLOCKS)), min_size=1, max_size=5, unique=True),
       order=st.randoms(use_true_random=False))
def test_shuffled_blocks_never_read_another_block_as_the_description(description, heading, others, order):
    blocks = [block(heading, description)] + [block(h, OTHER_BLOCKS[h]) for h in others]
    order.shuffle(blocks)
    values = rules(f"<h1>{ADDRESS}</h1>{FACTS}" + "".join(blocks))
    assert values.get("public_remarks") in (description, None)
    assert values.get("list_price") == 455000.0


def test_description_shorter_than_the_bio_without_heading_is_read():
    description = DESCRIPTIONS[1]
    assert len(description) < len(OTHER_BLOCKS["Meet your agent"])
    body = (f"<h1>{ADDRESS}</h1>{FACTS}<p>{description}</p>"
            + block("Meet your agent", OTHER_BLOCKS["Meet your agent"]) + block("Legal", OTHER_BLOCKS["Legal"]))
    assert rules(body).get("public_remarks") == description


def test_description_under_an_unlabelled_heading_beside_an_area_blurb():
    body = (f"<h1>{ADDRESS}</h1>{FACTS}" + block("The neighborhood", OTHER_BLOCKS["The neighborhood"])
            + block("What makes this home special", DESCRIPTIONS[0]))
    assert rules(body).get("public_remarks") == DESCRIPTIONS[0]


def test_two_descriptions_of_the_home_alike_are_left_to_the_llm():
    twin = ("Remodeled kitchen with new cabinets and quartz counters, tile floors and a covered patio by the "
            "pool. The garage has epoxy floors.")
    body = f"<h1>{ADDRESS}</h1>{FACTS}<p>{DESCRIPTIONS[0]}</p><p>{twin}</p>"
    assert rules(body).get("public_remarks") in (None,)


def test_a_colon_inside_a_sentence_is_no_label():
    values = rules(f"<h1>{ADDRESS}</h1>{FACTS}" + block(None, DESCRIPTIONS[2]))
    assert values.get("public_remarks") == DESCRIPTIONS[2]
    assert values.get("bedrooms_total") == 3


def test_description_naming_another_address_and_price_keeps_the_page_s_own():
    text = ("Listed for less than the $520,000 model at 1902 W Tierra Buena Ln, this home adds a new roof, "
            "a remodeled kitchen and a pool.")
    values = rules(f"<h1>{ADDRESS}</h1>{FACTS}" + block("Property description", text))
    assert values.get("public_remarks") == text
    assert values.get("list_price") == 455000.0
    assert values.get("street_number") == "1846"


@given(first=st.sampled_from(["Subdivision", "Community"]), swap=st.booleans(),
       neighborhood=st.sampled_from(["North Mountain", "Moon Valley Area", "Deer Valley Village"]))
@settings(max_examples=20, deadline=None)
def test_neighborhood_never_beats_a_subdivision_label(first, swap, neighborhood):
    rows = [f"<li>{first}: Tierra Buena Unit 4</li>", f"<li>Neighborhood: {neighborhood}</li>"]
    if swap:
        rows.reverse()
    body = f"<h1>{ADDRESS}</h1>{FACTS}<ul>{''.join(rows)}<li>Master plan: Moon Valley</li></ul>"
    assert rules(body).get("subdivision_name") == "Tierra Buena Unit 4"


def test_neighborhood_alone_is_still_read():
    body = f"<h1>{ADDRESS}</h1>{FACTS}<ul><li>Neighborhood: Tierra Buena Unit 4</li></ul>"
    assert rules(body).get("subdivision_name") == "Tierra Buena Unit 4"
