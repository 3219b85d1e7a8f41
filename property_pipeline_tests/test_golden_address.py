"""Canonical addresses and APN-first keys: two spellings of one address give one key, and
addresses that name different places never do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from property_pipeline.extraction.extractor import property_key as extractor_key
from property_pipeline.golden import address_key, apn_key, normalize_address, parse_address, property_key
from property_pipeline.golden.address import normalize_unit, ordinal_words_to_digits

SAME = [
    ("1418 N 7th St, Phoenix, AZ 85006", "1418 North 7th Street, Phoenix, AZ 85006"),
    ("1418 N 7TH ST PHOENIX AZ 85006", "1418 north seventh street, Phoenix, Arizona 85006-1234"),
    ("4750 N Central Ave Unit 12B, Phoenix, AZ 85012", "4750 N. Central Avenue #12B, Phoenix, AZ 85012"),
    ("4750 N Central Ave Apt 12-B, Phoenix, AZ 85012", "4750 NORTH CENTRAL AVE SUITE 12b PHOENIX AZ 85012"),
    ("310 S 4th St Unit 0044, Phoenix, AZ 85004", "310 South Fourth Street Unit 44, Phoenix, AZ 85004"),
    ("9872 E Cinnabar Ave, Scottsdale, AZ 85258", "9872 EAST CINNABAR AVENUE, SCOTTSDALE, AZ 85258"),
    ("123 W Twenty-Third Dr, Phoenix, AZ 85027", "123 West 23rd Drive, Phoenix, AZ 85027"),
    ("15418 W Clear Canyon Dr, Surprise, AZ 85374", "15418 West Clear Canyon Drive, Surprise, AZ 85374"),
]
DIFFERENT = [
    ("1418 N 7th St, Phoenix, AZ 85006", "1418 S 7th St, Phoenix, AZ 85006"),  # direction
    ("1418 N 7th St, Phoenix, AZ 85006", "1418 N 7th Ave, Phoenix, AZ 85006"),  # street type
    ("1418 N 7th St, Phoenix, AZ 85006", "1481 N 7th St, Phoenix, AZ 85006"),  # house number
    ("4750 N Central Ave Unit 12B, Phoenix, AZ 85012", "4750 N Central Ave Unit 14C, Phoenix, AZ 85012"),
    ("4750 N Central Ave Unit 12B, Phoenix, AZ 85012", "4750 N Central Ave, Phoenix, AZ 85012"),
    ("1418 N 7th St, Phoenix, AZ 85006", "1418 N 7th St, Phoenix, AZ 85004"),  # ZIP
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_two_spellings_of_one_address_give_one_key(a, b):
    assert parse_address(a).one_line() == parse_address(b).one_line()
    assert address_key({"unparsed_address": a}) == address_key({"unparsed_address": b})


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_places_never_share_a_key(a, b):
    assert address_key({"unparsed_address": a}) != address_key({"unparsed_address": b})


def test_split_parts_and_one_line_agree():
    parts = {"street_number": "1418", "street_name": "North 7th Street", "city": "Phoenix", "postal_code": "85006"}
    assert address_key(parts) == address_key({"unparsed_address": "1418 N 7TH ST PHOENIX AZ 85006"})
    assert address_key(parts) == "addr:1418 n 7th st phoenix az 85006"


def test_apn_wins_over_address_and_is_normalized():
    record = {"parcel_number": "123-45-678a", "street_number": "1", "street_name": "Main St", "city": "Mesa"}
    assert property_key(record) == "apn:12345678A" == apn_key("123 45 678 A")
    assert apn_key("not a parcel") is None


def test_no_key_without_a_place_or_a_house_number():
    assert address_key({"street_number": "1418", "street_name": "N 7th St"}) is None
    assert address_key({"street_name": "N 7th St", "city": "Phoenix"}) is None
    assert property_key({}) is None


def test_extractor_keys_come_from_the_golden_normalizer():
    listing = {"street_number": "1418", "street_name": "North 7th Street", "city": "Phoenix", "postal_code": "85006",
               "unparsed_address": "1418 North 7th Street, Phoenix, AZ 85006"}
    parcel = {"street_number": "1418", "street_name": "N 7th St", "city": "Phoenix", "postal_code": "85006",
              "unparsed_address": "1418 N 7th St, Phoenix, AZ 85006"}
    assert extractor_key(listing) == extractor_key(parcel) == "addr:1418 n 7th st phoenix az 85006"


@pytest.mark.parametrize(("text", "unit"), [("Unit 12B", "12b"), ("#12-b", "12b"), ("Apt. 007", "7"), ("Number 5", "5"),
                                            ("Suite 200", "200"), (None, None), ("#", None)])
def test_unit_designators(text, unit):
    assert normalize_unit(text) == unit


def test_ordinal_words():
    assert ordinal_words_to_digits("seventh") == "7th"
    assert ordinal_words_to_digits("twenty-third") == "23rd"
    assert ordinal_words_to_digits("ninety first") == "91st"
    assert ordinal_words_to_digits("eleventh") == "11th"
    assert ordinal_words_to_digits("central") == "central"


DIRECTIONS = {"N": ["N", "N.", "North", "NORTH", "north"], "E": ["E", "East", "EAST"], "W": ["W", "West"], "S": ["S", "South"]}
SUFFIXES = {"st": ["St", "Street", "ST", "St."], "ave": ["Ave", "Avenue", "AVE", "Av"], "dr": ["Dr", "Drive", "DR"],
            "rd": ["Rd", "Road"], "ln": ["Ln", "Lane"], "blvd": ["Blvd", "Boulevard"], "way": ["Way", "WAY"]}
UNITS = ["Unit {}", "Apt {}", "#{}", "Ste {}", "UNIT {}", "Apt. {}"]


@given(
    number=st.integers(1, 99999),
    direction=st.sampled_from(sorted(DIRECTIONS)),
    name=st.sampled_from(["Camelback", "Indian School", "Osborn", "Thunderbird", "7th", "Via Linda", "Cielo Grande"]),
    suffix=st.sampled_from(sorted(SUFFIXES)),
    unit=st.one_of(st.none(), st.from_regex(r"[1-9][0-9]{0,3}[A-C]?", fullmatch=True)),
    zip_=st.from_regex(r"85[0-3][0-9]{2}", fullmatch=True),
    spelling=st.integers(0, 100),
)
def test_every_spelling_of_a_generated_address_gives_one_key(number, direction, name, suffix, unit, zip_, spelling):
    """Any choice of directional, street type and unit designator spelling (and case) gives the
    key of the plain USPS spelling."""

    def spell(options: list[str]) -> str:
        return options[spelling % len(options)]

    def line(dir_: str, suf: str, unit_text: str | None, city: str) -> str:
        street = f"{number} {dir_} {name} {suf}" + (f" {unit_text}" if unit_text else "")
        return f"{street}, {city}, AZ {zip_}"

    unit_plain = f"Unit {unit}" if unit else None
    plain = line(direction, suffix.capitalize(), unit_plain, "Phoenix")
    fancy = line(spell(DIRECTIONS[direction]), spell(SUFFIXES[suffix]),
                 spell(UNITS).format(unit) if unit else None, spell(["Phoenix", "PHOENIX", "phoenix"]))
    assert parse_address(fancy) == parse_address(plain), (plain, fancy)
    parts = normalize_address({"street_number": str(number), "street_name": f"{direction} {name} {suffix}",
                               "unit_number": unit, "city": "Phoenix", "postal_code": zip_})
    assert parts.one_line() == parse_address(plain).one_line()
