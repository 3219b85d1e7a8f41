"""Check the labels of the real-world sets against the label format and the record-contract rules.

    python samples/real/check_real_labels.py [samples/real samples/real_unseen]

Checks every label (the landing file need not be present: landing files are not committed):
keys and the 34 contract fields, dispositions (`valid`, `quarantined` + `out_of_area`,
`dead_letter` + reason), RESO status / property type values, APN form, title-case city, two-letter
state, five-digit ZIP, baths total = full + half, lot sq ft and acres in step (43,560 sq ft per
acre), the one-line address built from its parts, and for assessor files no listing facts.
Exit 1 on any problem.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from property_pipeline.contract import PROPERTY_FIELDS  # noqa: E402

STATUSES = {"Active", "Active Under Contract", "Pending", "Closed", "Canceled", "Expired", "Withdrawn", "Hold",
            "Coming Soon", "Incomplete", "Delete"}
TYPES = {"Residential", "Residential Income", "Residential Lease", "Land", "Farm", "Manufactured In Park",
         "Commercial Sale", "Commercial Lease", "Business Opportunity"}
FREQUENCIES = {"Monthly", "Quarterly", "Semi-Annually", "Annually"}
LISTING_ONLY = ("listing_id", "standard_status", "list_price", "bedrooms_total", "bathrooms_full", "bathrooms_half",
                "bathrooms_total_integer", "public_remarks")


def _disposition_problems(label: dict) -> list[str]:
    disposition, hint = label["disposition"], label["reason_hint"]
    if disposition == "quarantined" and hint != "out_of_area":
        return ["quarantined without reason_hint out_of_area"]
    if disposition == "dead_letter" and not hint:
        return ["dead_letter without reason_hint"]
    if disposition not in ("valid", "quarantined", "dead_letter"):
        return [f"bad disposition {disposition!r}"]
    return []


def _value_problems(f: dict) -> list[str]:
    problems = []
    if f["standard_status"] is not None and f["standard_status"] not in STATUSES:
        problems.append(f"status {f['standard_status']!r} is not RESO")
    if f["property_type"] is not None and f["property_type"] not in TYPES:
        problems.append(f"property_type {f['property_type']!r} is not RESO")
    if f["association_fee_frequency"] is not None and f["association_fee_frequency"] not in FREQUENCIES:
        problems.append(f"fee frequency {f['association_fee_frequency']!r}")
    if f["parcel_number"] is not None and not re.fullmatch(r"\d{8}[A-Z]?", f["parcel_number"]):
        problems.append(f"parcel_number {f['parcel_number']!r} not normalized")
    if f["city"] is not None and f["city"] != f["city"].title():
        problems.append(f"city {f['city']!r} not title case")
    if f["state_or_province"] is not None and not re.fullmatch(r"[A-Z]{2}", f["state_or_province"]):
        problems.append("state not two letters")
    if f["postal_code"] is not None and not re.fullmatch(r"\d{5}", f["postal_code"]):
        problems.append("postal_code not five digits")
    return problems


def _consistency_problems(f: dict) -> list[str]:
    problems = []
    if f["bathrooms_full"] is not None and f["bathrooms_total_integer"] is not None:
        if f["bathrooms_total_integer"] < f["bathrooms_full"] + (f["bathrooms_half"] or 0):
            problems.append("bathrooms_total_integer < full + half")
    sqft, acres = f["lot_size_square_feet"], f["lot_size_acres"]
    if (sqft is None) != (acres is None):
        problems.append("lot size in one unit only")
    elif sqft is not None and abs(sqft - acres * 43560) > max(1.0, 0.005 * sqft):
        problems.append(f"lot {sqft} sq ft vs {acres} acres")
    if f["unparsed_address"] and f["street_number"] and f["street_name"]:
        line = f"{f['street_number']} {f['street_name']}" + (f" Unit {f['unit_number']}" if f["unit_number"] else "")
        expected = f"{line}, {f['city']}, {f['state_or_province']} {f['postal_code']}"
        if f["unparsed_address"] != expected:
            problems.append(f"unparsed_address {f['unparsed_address']!r} != {expected!r}")
    return problems


def check(path: Path) -> list[str]:
    label = json.loads(path.read_text())
    if set(label) != {"layout", "disposition", "reason_hint", "pii", "fields"}:
        return [f"keys {sorted(label)}"]
    if list(label["fields"]) != list(PROPERTY_FIELDS):
        return ["fields are not exactly the 34 contract fields in order"]
    f = label["fields"]
    problems = _disposition_problems(label) + _value_problems(f) + _consistency_problems(f)
    if "/maricopa_county/" in path.as_posix():
        problems += [f"assessor file states {name}" for name in LISTING_ONLY if f[name] is not None]
        if f["state_or_province"] != "AZ":
            problems.append("assessor record without state AZ")
    return problems


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [ROOT / "samples" / "real", ROOT / "samples" / "real_unseen"]
    bad = 0
    for root in roots:
        for path in sorted((root / "expected").rglob("*.json")):
            problems = check(path)
            bad += bool(problems)
            for problem in problems:
                print(f"{path.relative_to(root)}: {problem}")
    print("ok" if not bad else f"{bad} label(s) with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
