"""Text-only and print views, generated (hypothesis): `Label - value` lines under headings
underlined with `===` or `---`, coordinates written with hemisphere letters or signs, in one label
or two. The coordinates read with their signs (west is negative), and a heading's underline is
never part of the remarks.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from property_pipeline.sources import get_source

SOURCE = get_source("phoenix_mls")


def _coordinates(lat: float, lon: float, form: int) -> list[tuple[str, str]]:
    """(label, value) lines stating the coordinates, `lon` negative (west)."""
    return [
        [("Map location", f"{lat:.4f} N, {-lon:.4f} W")],
        [("Coordinates", f"{lat:.5f}, {lon:.5f}")],
        [("Latitude / Longitude", f"{lat:.4f} / {lon:.4f}")],
        [("Latitude", f"{lat:.4f} N"), ("Longitude", f"{-lon:.4f} W")],
        [("Latitude", f"{lat:.4f}"), ("Longitude", f"{lon:.4f}")],
    ][form]


@settings(max_examples=100, deadline=None)
@given(lat=st.integers(331_000, 339_000).map(lambda n: n / 10_000), lon=st.integers(-1_125_000, -1_115_000).map(lambda n: n / 10_000),
       form=st.integers(0, 4), separator=st.sampled_from((" - ", ": ", " .... ")), underline=st.sampled_from(("=", "-")),
       pre=st.booleans())
def test_a_text_view_gives_signed_coordinates_and_remarks_without_underlines(lat, lon, form, separator, underline, pre):
    remarks = "Clean block home with new windows, a covered patio and a big backyard."
    lines = [
        "LISTING SUMMARY", underline * 15,
        f"MLS number{separator}6655012", f"List price{separator}$398,500",
        f"Address{separator}3318 N 44th Dr, Phoenix, AZ 85031", "",
        "FACTS", underline * 5,
        f"Bedrooms{separator}3",
        *(f"{label}{separator}{value}" for label, value in _coordinates(lat, lon, form)), "",
        "DESCRIPTION", underline * 11, remarks,
    ]
    body = "<pre>\n" + "\n".join(lines) + "\n</pre>" if pre else "".join(f"<p>{line}</p>" for line in lines if line)
    page = f"<html><head><title>Print view - MLS 6655012</title></head><body>{body}</body></html>"
    values = SOURCE.extract_rules(SOURCE.parse(page.encode(), name="mls_6655012.html")).values
    assert (values.get("latitude"), values.get("longitude")) == (lat, lon), page
    assert values.get("public_remarks") == remarks, page
    assert values.get("bedrooms_total") == 3, page
