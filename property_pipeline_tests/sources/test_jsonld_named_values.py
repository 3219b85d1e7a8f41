"""JSON-LD as portals write it when the visible page is a thin shell (loss class `jsonld_first`).

Areas are schema.org QuantitativeValues whose unit decides the number (`MTK` square metres, `ACR`
acres); facts schema.org has no property for come as `additionalProperty` name/value pairs and are
read by the meaning of their name, like a visible label; named identifiers give the MLS and parcel
numbers. The cases vary what the reader was not written for: unit spellings, names, value types.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from property_pipeline.sources import get_source
from property_pipeline.sources.html import schema_facts, schema_pairs
from property_pipeline.sources.normalize import SQFT_PER_SQUARE_METRE

MLS = get_source("phoenix_mls")


def rules_of(*nodes: dict, visible: str = "") -> dict:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(n)}</script>' for n in nodes)
    html = (f"<html><head><title>Home</title>{scripts}</head><body><main><h1>4120 E Pinchot Ave, Phoenix, AZ 85018</h1>"
            f"{visible}</main></body></html>")
    return MLS.extract_rules(MLS.parse(html.encode())).values


def home(**facts) -> dict:
    return {"@context": "https://schema.org", "@type": "SingleFamilyResidence",
            "address": {"streetAddress": "4120 E Pinchot Ave", "addressLocality": "Phoenix", "addressRegion": "AZ",
                        "postalCode": "85018"}, **facts}


def area(value, unit_key: str, unit: str) -> dict:
    return {"@type": "QuantitativeValue", "value": value, unit_key: unit}


@settings(max_examples=60, deadline=None)
@given(sqm=st.integers(min_value=40, max_value=900), unit=st.sampled_from(["MTK", "m²", "m2", "sqm", "SQM", "square metres"]),
       key=st.sampled_from(["unitCode", "unitText"]), as_text=st.booleans())
def test_a_floor_size_in_square_metres_is_converted_never_read_as_square_feet(sqm, unit, key, as_text):
    values = rules_of(home(floorSize=area(str(sqm) if as_text else sqm, key, unit)))
    assert values["living_area"] == round(sqm * SQFT_PER_SQUARE_METRE)  # 1 m² = 10.7639104 sq ft


@given(value=st.floats(min_value=0.05, max_value=40, allow_nan=False).map(lambda v: round(v, 2)),
       unit=st.sampled_from(["ACR", "acres", "ac", "HAR", "ha", "hectares"]))
def test_a_lot_size_in_acres_or_hectares_keeps_sqft_and_acres_in_step(value, unit):
    values = rules_of(home(lotSize=area(value, "unitCode", unit)))
    acres = value * (2.47105 if unit.lower() in ("har", "ha", "hectares") else 1)
    assert abs(values["lot_size_acres"] - acres) <= 0.0001 + acres * 1e-4
    assert abs(values["lot_size_square_feet"] - values["lot_size_acres"] * 43560) <= 43560 * 0.0001 + 1


def test_an_area_without_a_known_unit_is_not_guessed():
    assert "living_area" not in rules_of(home(floorSize=area(160, "unitCode", "XYZ")))
    # A bare lot figure below 1,000 could be acres or hectares: unread. 8,700 can only be square feet.
    assert "lot_size_square_feet" not in rules_of(home(lotSize={"@type": "QuantitativeValue", "value": 0.21}))
    assert rules_of(home(lotSize={"@type": "QuantitativeValue", "value": 8700}))["lot_size_square_feet"] == 8700


@settings(max_examples=40, deadline=None)
@given(garage_name=st.sampled_from(["Garage spaces", "Garage Spaces", "garage", "Parking - Garage Spaces"]),
       stories_name=st.sampled_from(["Stories", "Levels", "Number of stories"]),
       garage=st.integers(min_value=1, max_value=4), stories=st.integers(min_value=1, max_value=3),
       as_text=st.booleans())
def test_additional_property_names_are_read_by_meaning(garage_name, stories_name, garage, stories, as_text):
    props = [{"@type": "PropertyValue", "name": garage_name, "value": str(garage) if as_text else garage},
             {"@type": "PropertyValue", "name": stories_name, "value": str(stories) if as_text else stories}]
    values = rules_of(home(additionalProperty=props))
    assert values["garage_spaces"] == garage
    assert values["stories"] == stories


def test_booleans_hoa_and_identifiers_from_named_values():
    listing = {"@context": "https://schema.org", "@type": "RealEstateListing",
               "identifier": [{"@type": "PropertyValue", "propertyID": "MLS", "value": "6612043"},
                              {"@type": "PropertyValue", "propertyID": "APN", "value": "173-22-019"}],
               "offers": {"@type": "Offer", "priceSpecification": {"price": 512000, "priceCurrency": "USD"},
                          "availability": "https://schema.org/InStock"},
               "about": home(additionalProperty=[{"@type": "PropertyValue", "name": "Private pool", "value": False},
                                                 {"@type": "PropertyValue", "name": "HOA fee", "value": 80, "unitText": "per month"}])}
    values = rules_of(listing)
    assert values["listing_id"] == "6612043"
    assert values["parcel_number"] == "17322019"
    assert values["list_price"] == 512000
    assert values["standard_status"] == "Active"
    assert values["pool_private_yn"] is False
    assert values["association_fee"] == 80 and values["association_fee_frequency"] == "Monthly"


def test_a_visible_label_outranks_the_json_ld_and_a_similar_home_lends_nothing():
    similar = {"@context": "https://schema.org", "@type": "Offer", "name": "Similar home", "price": 455000,
               "itemOffered": {"@type": "SingleFamilyResidence",
                               "additionalProperty": [{"@type": "PropertyValue", "name": "Garage spaces", "value": 1}]}}
    own = home(offers={"@type": "Offer", "price": 498000},
               additionalProperty=[{"@type": "PropertyValue", "name": "Garage spaces", "value": 2}])
    values = rules_of(own, similar, visible="<p>Garage Spaces: 3</p>")
    assert values["list_price"] == 498000
    assert values["garage_spaces"] == 3


@settings(max_examples=150, deadline=None)
@given(node=st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "name", "value", "unitCode", "unitText", "additionalProperty", "amenityFeature",
                         "identifier", "propertyID", "floorSize", "lotSize", "offers", "about", "price"]), inner, max_size=5),
    max_leaves=25))
def test_any_json_ld_shape_is_read_without_raising(node):
    nodes = [node] if isinstance(node, dict) else [n for n in (node if isinstance(node, list) else []) if isinstance(n, dict)]
    facts, pairs = schema_facts(nodes), schema_pairs(nodes)
    assert all(isinstance(k, str) and not isinstance(v, (dict, list)) for k, v in facts.items())
    assert all(isinstance(name, str) and isinstance(value, str) for name, value in pairs)


def test_an_amenity_named_without_a_value_states_no_private_pool():
    # A condo's amenity list names the community's pool as a bare feature: no private pool is read.
    amenities = [{"@type": "LocationFeatureSpecification", "name": "Pool"},
                 {"@type": "LocationFeatureSpecification", "name": "Private pool"}]
    assert "pool_private_yn" not in rules_of(home(amenityFeature=amenities))


DESCRIPTION = "Remodeled ranch home with a new kitchen, a covered patio and a large backyard with citrus trees."


def test_the_residence_description_is_the_remarks_of_a_page_that_shows_none():
    organization = {"@context": "https://schema.org", "@type": "Organization", "name": "Desert Homes Realty",
                    "description": "Desert Homes Realty has helped Phoenix families buy and sell homes since 1998."}
    graph = {"@context": "https://schema.org", "@graph": [organization, {**home(description=DESCRIPTION), "@context": None}]}
    assert rules_of(graph)["public_remarks"] == DESCRIPTION
    # A site's or an agency's own description is never the home's.
    assert rules_of(organization, home()).get("public_remarks") is None
    # Remarks the page shows win over the structured description.
    shown = "Freshly painted inside and out, with a new AC in 2024 and a grassy backyard for play."
    assert rules_of(home(description=DESCRIPTION), visible=f"<h2>Description</h2><p>{shown}</p>")["public_remarks"] == shown
