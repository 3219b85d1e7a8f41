"""The golden table through the plain core, on the shipped samples: listing/parcel pairs whose
pages state the APN in a label, a table, the remarks or not at all; an address written two
ways; a condo building with unit parcels; two parcels at one address; a relisting; a conflict."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import math
import random

import pytest

from property_pipeline.evaluation import link_scores, load_links
from property_pipeline.extraction.extractor import Extractor
from property_pipeline.golden import SURVIVORSHIP, build_golden, link_records
from property_pipeline.landing import iter_partitions, scan_partition
from property_pipeline.quality.rules import QualityConfig
from property_pipeline.quality.validate import validate_records

from .conftest import SAMPLE_LANDING, SAMPLES, load_labels

DAY1, DAY2 = dt.date(2026, 11, 20), dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def validated() -> list[dict]:
    """Every validated record of the shipped samples, rules only (as `property-pipeline run` makes them)."""
    records = []
    for source, day in iter_partitions(SAMPLE_LANDING):
        result = asyncio.run(Extractor(source, root=SAMPLE_LANDING).run(scan_partition(SAMPLE_LANDING, source, day)))
        checked = validate_records(result.records_frame(), QualityConfig())
        records += checked.validated.astype(object).where(checked.validated.notna(), None).to_dict("records")
    return records


@pytest.fixture(scope="module")
def golden(validated):
    return build_golden(validated)


def row(golden, key: str) -> dict:
    rows = golden.golden[golden.golden["property_key"] == key].to_dict("records")
    assert len(rows) == 1, f"{key}: {len(rows)} golden rows"
    return rows[0]


def member_files(golden_row: dict) -> set[str]:
    return {m["source_file"] for m in golden_row["members"]}


def test_one_row_per_property_and_every_validated_record_in_exactly_one(golden, validated):
    members = [m["source_file"] for r in golden.golden.to_dict("records") for m in r["members"]]
    assert sorted(members) == sorted(r["source_file"] for r in validated)
    assert golden.golden["property_key"].is_unique


def test_apn_in_a_label_links_by_apn(golden, validated):
    keys = {r["source_file"]: r["property_key"] for r in validated}
    assert keys["phoenix_mls/2026-11-20/mls_7031004.html"] == "apn:13012044"  # "Assessor #"
    assert keys["phoenix_mls/2026-11-20/mls_7031101.html"] == "apn:13341009"  # "Parcel #"
    pair = row(golden, "apn:13012044")
    assert pair["link_status"] == "apn" and pair["match_confidence"] == 1.0
    assert member_files(pair) == {"phoenix_mls/2026-11-20/mls_7031004.html", "maricopa_county/2026-11-20/parcel_13012044.json"}


def test_apn_in_a_table_gives_an_apn_key(golden, validated):
    keys = {r["source_file"]: r["property_key"] for r in validated}
    assert keys["phoenix_mls/2026-11-21/mls_7031032.html"] == "apn:30122117"
    assert row(golden, "apn:30122117")["link_status"] == "apn"


def test_apn_only_in_the_remarks_still_meets_its_parcel(golden):
    """Whether or not the page's remarks are read for the APN, its full address links it."""
    pair = row(golden, "apn:10244118")
    assert member_files(pair) == {"phoenix_mls/2026-11-21/mls_7031048.html", "maricopa_county/2026-11-21/parcel_10244118.json"}
    assert pair["link_status"] in ("apn", "address") and pair["match_confidence"] >= 0.9


def test_address_written_two_ways_links_with_a_confidence(golden):
    pair = row(golden, "apn:11714027")
    assert member_files(pair) == {"phoenix_mls/2026-11-20/mls_7031017.html", "maricopa_county/2026-11-20/parcel_11714027.json"}
    assert pair["link_status"] == "address" and pair["match_confidence"] == pytest.approx(0.95)
    listing = next(m for m in pair["members"] if m["source"] == "phoenix_mls")
    assert listing["link"] == "address" and listing["confidence"] == pytest.approx(0.95)
    # The county's spelling survives, "North 7th Street" is not a conflict.
    assert pair["street_name"] == "N 7th St" and pair["field_lineage"]["street_name"]["source"] == "maricopa_county"
    assert pair["list_price"] == 545000 and pair["field_lineage"]["list_price"]["source"] == "phoenix_mls"
    assert pair["conflicts"] == []


def test_condo_unit_links_to_its_unit_parcel_and_a_listing_without_unit_is_not_merged(golden):
    unit = row(golden, "apn:11830512")
    assert member_files(unit) == {"phoenix_mls/2026-11-21/mls_7031059.html", "maricopa_county/2026-11-20/parcel_11830512.json"}
    assert unit["unit_number"] == "12B" and unit["link_status"] == "address"
    other = row(golden, "apn:11830514")
    assert member_files(other) == {"maricopa_county/2026-11-20/parcel_11830514.json"}
    no_unit = row(golden, "addr:4750 n central ave phoenix az 85012")
    assert no_unit["link_status"] == "ambiguous" and math.isnan(no_unit["match_confidence"])
    assert no_unit["ambiguous_candidates"] == ["apn:11830512", "apn:11830514"]
    listed = {a["source_file"]: a for a in golden.ambiguities}
    assert listed["phoenix_mls/2026-11-21/mls_7031063.html"]["reason"] == "unit_missing_on_one_side"


def test_two_parcels_at_one_address_are_not_merged(golden):
    listing = row(golden, "addr:2210 e osborn rd phoenix az 85016")
    assert listing["link_status"] == "ambiguous" and member_files(listing) == {"phoenix_mls/2026-11-21/mls_7031077.html"}
    for parcel in ("apn:11907031A", "apn:11907031B"):
        assert row(golden, parcel)["sources"] == ["maricopa_county"]
    listed = {a["source_file"]: a for a in golden.ambiguities}
    assert listed["phoenix_mls/2026-11-21/mls_7031077.html"]["reason"] == "several_parcels"
    assert listed["phoenix_mls/2026-11-21/mls_7031077.html"]["candidates"] == ["apn:11907031A", "apn:11907031B"]


def test_relisting_keeps_one_row_with_the_latest_listing_and_the_history(golden):
    relisted = row(golden, "apn:13341009")
    assert relisted["list_price"] == 399000 and relisted["listing_id"] == "7031245"
    assert relisted["listing_ids"] == ["7031101", "7031245"] and relisted["observations"] == 3
    assert relisted["field_lineage"]["list_price"] == {
        "source": "phoenix_mls", "source_file": "phoenix_mls/2026-11-21/mls_7031245.html", "collected_on": "2026-11-21"}
    history = golden.history[golden.history["property_key"] == "apn:13341009"].to_dict("records")
    observed = [(h["collected_on"], h["listing_id"], h["event"], h["list_price"]) for h in history]
    assert observed == [(DAY1, "7031101", "listed", 410000), (DAY2, "7031245", "relisted", 399000)]
    assert history[1]["previous_list_price"] == 410000


def test_price_change_of_one_listing_is_history_not_a_conflict(golden):
    prop = row(golden, "apn:12723045")
    assert prop["list_price"] == 515000 and prop["conflicts"] == []
    events = golden.history[golden.history["property_key"] == "apn:12723045"]["event"].tolist()
    assert events == ["listed", "price_change"]


def test_listing_and_assessor_disagreeing_is_a_conflict_and_the_assessor_wins_year_built(golden):
    prop = row(golden, "apn:13012044")
    assert prop["year_built"] == 1996
    assert prop["field_lineage"]["year_built"]["source_file"] == "maricopa_county/2026-11-20/parcel_13012044.json"
    (conflict,) = prop["conflicts"]
    assert conflict["field"] == "year_built" and conflict["kept"] == 1996 and conflict["kept_from"] == "maricopa_county"
    assert conflict["listing"]["value"] == 1998 and conflict["listing"]["source_file"] == "phoenix_mls/2026-11-20/mls_7031004.html"
    assert conflict["assessor"]["value"] == 1996
    # Fields only one side states are not conflicts, and the listing keeps its market facts.
    assert prop["list_price"] == 689000 and prop["full_cash_value"] == 626400 and prop["tax_year"] == 2027


def test_survivorship_table_covers_the_brief(golden):
    for name in ("parcel_number", "lot_size_square_feet", "year_built", "full_cash_value", "limited_property_value", "tax_year"):
        assert SURVIVORSHIP[name].winner == "maricopa_county"
    for name in ("list_price", "standard_status", "public_remarks"):
        assert SURVIVORSHIP[name].winner == "phoenix_mls"


def test_no_owner_data_reaches_the_golden_tables(golden):
    text = (golden.golden.to_json(default_handler=str) + golden.history.to_json(default_handler=str)).lower()
    personal = {p for label in load_labels().values() for p in label.get("pii", [])}
    assert personal
    assert not [p for p in personal if p.lower() in text]


def test_the_same_records_in_any_order_give_the_same_table(validated, golden):
    expected = golden.golden.to_json(default_handler=str)
    for seed in range(3):
        shuffled = validated[:]
        random.Random(seed).shuffle(shuffled)
        assert build_golden(shuffled).golden.to_json(default_handler=str) == expected


def test_as_of_a_day_rebuilds_the_table_as_it_stood(validated):
    before = build_golden(validated, as_of=DAY1).golden.set_index("property_key")
    assert before.loc["apn:13341009", "list_price"] == 410000
    assert before.loc["apn:12723045", "list_price"] == 525000
    assert "apn:30122117" not in before.index


def test_link_precision_and_recall_on_the_labelled_pairs(validated):
    score = link_scores(validated, load_links(SAMPLES / "expected"))
    assert score.true >= 20
    assert score.precision == 1.0, score.wrong
    assert score.recall >= 0.95, score.missed
    assert score.unresolvable_apart == [2, 2]
    assert score.apn_keys["apn_label"][1] == score.apn_keys["apn_label"][0]
    assert score.apn_keys["apn_table"] == [1, 1]


def record(source: str, file: str, day: dt.date = DAY1, **values) -> dict:
    return {"record_id": file, "source": source, "source_file": file, "collected_on": day, **values}


def test_a_parcel_linked_to_listings_at_two_street_addresses_is_reported():
    records = [
        record("maricopa_county", "p.json", parcel_number="12345678", street_number="10", street_name="E Main St", city="Mesa", postal_code="85201"),
        record("phoenix_mls", "a.html", parcel_number="12345678", street_number="10", street_name="East Main Street", city="Mesa", postal_code="85201"),
        record("phoenix_mls", "b.html", parcel_number="123-45-678", street_number="10", street_name="E Main St", unit_number="3", city="Mesa", postal_code="85201"),
    ]
    assert link_records(records).parcels_at_two_addresses == []  # a spelling, and a unit on one side only
    records.append(record("phoenix_mls", "c.html", parcel_number="12345678", street_number="12", street_name="E Main St", city="Mesa", postal_code="85201"))
    (apart,) = link_records(records).parcels_at_two_addresses
    assert apart["property_key"] == "apn:12345678" and {x["source_file"] for x in apart["listings"]} == {"a.html", "c.html"}


def test_address_matching_confidence_and_refusals():
    parcel = record("maricopa_county", "p.json", parcel_number="12345678", street_number="10", street_name="E Main St", city="Mesa", postal_code="85201")

    def linked(**listing):
        result = link_records([parcel, record("phoenix_mls", "l.html", **listing)])
        member = next(m for ms in result.properties.values() for m in ms if m.record["source_file"] == "l.html")
        return member.link, member.confidence

    assert linked(street_number="10", street_name="East Main Street", city="Mesa", postal_code="85201") == ("address", 0.95)
    assert linked(street_number="10", street_name="E Main St", city="Mesa") == ("address", 0.9)  # city stands in for the ZIP
    assert linked(street_number="10", street_name="Main St", city="Mesa", postal_code="85201") == ("address", 0.85)  # no direction
    assert linked(street_number="10", street_name="E Main St", city="Mesa", postal_code="85203")[0] == "own_address"
    assert linked(street_number="10", street_name="W Main St", city="Mesa", postal_code="85201")[0] == "own_address"
    assert linked(street_number="10", street_name="Main", city="Mesa")[0] == "own_address"  # too little agrees
    assert linked(street_number="10", street_name="E Main St", unit_number="4", postal_code="85201")[0] == "ambiguous"


def test_golden_rows_are_json_serializable(golden):
    for value in golden.golden[["sources", "field_lineage", "conflicts", "members", "ambiguous_candidates"]].to_numpy().ravel():
        json.dumps(value)


def test_address_conflicts_name_the_part_that_differs_and_a_missing_part_is_none():
    from property_pipeline.golden.survivorship import survive

    parcel = record("maricopa_county", "p.json", parcel_number="12345678", street_number="10", street_name="E Main St",
                    unit_number="4", city="Mesa", postal_code="85201", unparsed_address="10 E Main St Unit 4, Mesa, AZ 85201")
    same = record("phoenix_mls", "a.html", parcel_number="12345678", street_number="10", street_name="Main Street",
                  city="MESA", postal_code="85201", unparsed_address="10 Main Street, Mesa, AZ 85201")
    assert survive([parcel, same]).conflicts == []  # no unit, no direction: left out, not contradicted
    other = {**same, "street_number": "12", "unparsed_address": "12 Main Street, Mesa, AZ 85201"}
    fields = [c["field"] for c in survive([parcel, other]).conflicts]
    assert fields == ["unparsed_address", "street_number"]
    unit = {**same, "unit_number": "5"}
    assert [c["field"] for c in survive([parcel, unit]).conflicts] == ["unparsed_address", "unit_number"]
