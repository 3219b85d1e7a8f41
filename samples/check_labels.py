#!/usr/bin/env python3
"""Check every expected label in samples/expected against its raw landing file.

    python samples/check_labels.py          # exit 1 on any problem

Independent of build_samples.py: it reads only the raw bytes and the labels.
Checks:
  * pairing: every non-temp landing file has samples/expected/<same path>.json and
    vice versa; temp names (".x", "*.tmp", "*.part") have no label
  * shape: keys layout/disposition/reason_hint/pii/fields, exactly the 34 contract
    field names, value types per the contract, dead_letter => all fields null
  * normalization: APN form, RESO status/type/frequency vocab, AZ, 5-digit ZIP,
    title-case city, one-line address = its parts, bath total = full + half,
    lot acres <-> sq ft in step, tax_year = latest TaxYear in an API record
  * provenance: every non-null value (or a recognizable raw form of it) appears in
    the raw file *after removing HTML comments and hidden elements*, so no label
    can come from a decoy; PII strings appear in the raw file
It also prints page sizes and the visible-text ratio of each HTML page.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
LANDING, EXPECTED = ROOT / "landing", ROOT / "expected"

FIELDS = (
    "listing_id parcel_number standard_status list_price unparsed_address street_number "
    "street_name unit_number city state_or_province postal_code property_type "
    "property_sub_type bedrooms_total bathrooms_full bathrooms_half bathrooms_total_integer "
    "living_area lot_size_square_feet lot_size_acres year_built garage_spaces stories "
    "pool_private_yn association_yn association_fee association_fee_frequency "
    "subdivision_name latitude longitude full_cash_value limited_property_value tax_year "
    "public_remarks"
).split()
STR = {"listing_id", "parcel_number", "standard_status", "unparsed_address", "street_number",
       "street_name", "unit_number", "city", "state_or_province", "postal_code", "property_type",
       "property_sub_type", "association_fee_frequency", "subdivision_name", "public_remarks"}
INT = {"bedrooms_total", "bathrooms_full", "bathrooms_half", "bathrooms_total_integer", "year_built",
       "stories", "tax_year"}
FLOAT = {"list_price", "living_area", "lot_size_square_feet", "lot_size_acres", "garage_spaces",
         "association_fee", "latitude", "longitude", "full_cash_value", "limited_property_value"}
BOOL = {"pool_private_yn", "association_yn"}
assert len(FIELDS) == 34 and STR | INT | FLOAT | BOOL == set(FIELDS)

STATUSES = {"Active", "Active Under Contract", "Pending", "Closed", "Canceled", "Expired", "Withdrawn",
            "Hold", "Coming Soon", "Incomplete", "Delete"}
TYPES = {"Residential", "Residential Income", "Residential Lease", "Land", "Farm", "Manufactured In Park",
         "Commercial Sale", "Commercial Lease", "Business Opportunity"}
FREQ = {"Monthly", "Quarterly", "Semi-Annually", "Annually", "Bi-Monthly", "Weekly", "One Time"}
# raw phrases that justify a normalized vocabulary value
STATUS_RAW = {"Active Under Contract": ["ucb", "ccbs", "awc", "active under contract"]}
SUBTYPE_RAW = {
    "Single Family Residence": ["single family"],
    "Condominium": ["apartment style/flat", "condo"],
    "Townhouse": ["townhouse", "townhome"],
    "Patio Home": ["patio home"],
    "Manufactured Home": ["mfg/mobile", "manufactured"],
}
TYPE_RAW = {"Residential": ["residential", "single family", "apartment style/flat", "townhouse",
                            "patio home", "mfg/mobile"],
            "Land": ["lots and land", "vacant land"]}
FREQ_RAW = {"Monthly": ["monthly", "/month", "/mo"], "Quarterly": ["quarter"],
            "Semi-Annually": ["semi-annual"], "Annually": ["annual", "/yr", "per year"]}

HIDDEN_RE = re.compile(
    r"<(\w+)\b[^>]*(?:display\s*:\s*none|\shidden[\s>=]|class=\"[^\"]*\bd-none\b)[^>]*>.*?</\1>",
    re.S | re.I)


LOT_KW = r"lot|acre"
NEAR = {
    "list_price": r"\$|price\W{0,3}",
    "bedrooms_total": r"bed|\bbr\b|numberofrooms",
    "living_area": r"sq\.? ?ft|sqft|living|interior|floorsize|sq ft|data-sqft",
    "year_built": r"built|year",
    "garage_spaces": r"garage",
    "stories": r"stor|level",
    "association_fee": r"hoa|association|dues",
    "latitude": r"lat",
    "longitude": r"lng|lon",
}


def fact_text(html_text: str) -> str:
    """Visible text + JSON-LD bodies + data-* attributes, lower-cased (comments/hidden removed)."""
    ld = " ".join(re.findall(r'<script type="application/ld\+json">(.*?)</script>', html_text, re.S))
    data = " ".join(f"{k}={v}" for k, v in re.findall(r'\b(data-[\w-]+)="([^"]*)"', html_text))
    return (visible_text(html_text) + " " + ld + " " + data).lower()


def near(text: str, v: float, kw: str, window: int = 30) -> bool:
    """number within `window` chars after a keyword, or shortly before it, with no other digits between."""
    if kw.startswith("\\$"):  # prices: "$525,000", "$615K", "price": "615000", data-list-price=749000
        window = 0
    for form in number_forms(v):
        num = r"(?<![\d.,])" + re.escape(form) + r"(?![\d]|,\d|\.\d)"
        if re.search(rf"(?:{kw})[^\d]{{0,{window}}}{num}", text) or (window and re.search(
                rf"{num}[^\d]{{0,15}}(?:{kw})", text)):
            return True
    return False


def baths_ok(text: str, full: int, half: int | None) -> bool:
    pats = [rf"numberoffullbathrooms\W+{full}\b", rf"baths-full={full}\b", rf"\b{full} full"]
    if half == 1:
        pats.append(rf"(?:bath|\bba\b).{{0,20}}?\b{full}\.5\b|\b{full}\.5 ba")
    if half == 0:
        pats.append(rf"(?:bath|\bba\b)[a-z]*\W{{0,20}}{full}(?![\d.])|\b{full} ba(?:th)?s?\b")
    return any(re.search(p, text) for p in pats)


def is_temp(p: Path) -> bool:
    return p.name.startswith(".") or p.name.endswith((".tmp", ".part"))


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def clean_html(text: str) -> str:
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = HIDDEN_RE.sub(" ", text)
    return text


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(s)).strip().lower()


def visible_text(text: str) -> str:
    t = re.sub(r"<(script|style)\b.*?</\1>", " ", clean_html(text), flags=re.S | re.I)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", t))).strip()


def number_forms(v: float) -> list[str]:
    forms = {repr(v), str(v)}
    if float(v).is_integer():
        i = int(v)
        forms |= {str(i), f"{i:,}"}
        if i >= 1000 and i % 1000 == 0:
            forms.add(f"{i / 1000:g}k")
        if i >= 100000:
            forms.add(f"{i / 1e6:g}m")
    return [f.lower() for f in forms]


def json_leaves(obj) -> list:
    if isinstance(obj, dict):
        return [x for v in obj.values() for x in json_leaves(v)]
    if isinstance(obj, list):
        return [x for v in obj for x in json_leaves(v)]
    return [obj]


def to_num(x):
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, (int, float)):
        return float(x)
    try:
        return float(str(x).replace(",", "").replace("$", "").strip())
    except ValueError:
        return None


def check(rel: Path, lab: dict, raw: bytes) -> list[str]:
    errs = []
    if set(lab) != {"layout", "disposition", "reason_hint", "pii", "fields"}:
        errs.append(f"top-level keys {sorted(lab)}")
        return errs
    f = lab["fields"]
    if list(f) != FIELDS:
        errs.append(f"field keys differ: missing {set(FIELDS) - set(f)} extra {set(f) - set(FIELDS)}")
        return errs
    if lab["disposition"] not in ("valid", "dead_letter"):
        errs.append("bad disposition")
    if lab["disposition"] == "dead_letter":
        if any(v is not None for v in f.values()):
            errs.append("dead_letter with non-null fields")
        if not lab["reason_hint"]:
            errs.append("dead_letter without reason_hint")
    elif all(v is None for v in f.values()):
        errs.append("valid record with no facts")
    for k, v in f.items():
        if v is None:
            continue
        ok = ((k in STR and isinstance(v, str)) or (k in INT and type(v) is int)
              or (k in FLOAT and type(v) is float) or (k in BOOL and type(v) is bool))
        if not ok:
            errs.append(f"{k}: wrong type {type(v).__name__}")

    text = decode(raw)
    for s in lab["pii"]:
        if s not in text:
            errs.append(f"pii string not in raw: {s!r}")
    if lab["disposition"] == "dead_letter":
        return errs

    source = rel.parts[0]
    is_json = source == "maricopa_county"
    body = text if is_json else clean_html(text)
    n = norm(body)
    alnum = re.sub(r"[^0-9a-z]", "", n)
    leaves = json_leaves(json.loads(text)) if is_json else []
    leaf_nums = {to_num(x) for x in leaves} - {None}

    def seen(s: str) -> bool:
        return norm(s) in n

    def seen_num(v: float) -> bool:
        if is_json:
            return v in leaf_nums
        return any(re.search(r"(?<![\d.])" + re.escape(x) + r"(?![\d])", n) for x in number_forms(v))

    # normalization rules
    if f["parcel_number"] and not re.fullmatch(r"\d{8}[A-Z]?", f["parcel_number"]):
        errs.append("parcel_number format")
    if f["standard_status"] and f["standard_status"] not in STATUSES:
        errs.append("standard_status vocab")
    if f["property_type"] and f["property_type"] not in TYPES:
        errs.append("property_type vocab")
    if f["association_fee_frequency"] and f["association_fee_frequency"] not in FREQ:
        errs.append("fee frequency vocab")
    if f["state_or_province"] and f["state_or_province"] != "AZ":
        errs.append("state")
    if f["postal_code"] and not re.fullmatch(r"\d{5}", f["postal_code"]):
        errs.append("postal_code format")
    if f["city"] and f["city"] != f["city"].title():
        errs.append("city not title case")
    if f["street_number"]:
        unit = f" Unit {f['unit_number']}" if f["unit_number"] else ""
        want = (f"{f['street_number']} {f['street_name']}{unit}, {f['city']}, "
                f"{f['state_or_province']} {f['postal_code']}")
        if f["unparsed_address"] != want:
            errs.append(f"unparsed_address {f['unparsed_address']!r} != {want!r}")
    if None not in (f["bathrooms_full"], f["bathrooms_half"]):
        if f["bathrooms_total_integer"] != f["bathrooms_full"] + f["bathrooms_half"]:
            errs.append("bath total != full + half")
    sq, ac = f["lot_size_square_feet"], f["lot_size_acres"]
    if (sq is None) != (ac is None):
        errs.append("lot sq ft / acres not both filled")
    elif sq is not None and not (round(sq / 43560, 4) == ac or round(ac * 43560) == sq):
        errs.append(f"lot sq ft {sq} and acres {ac} out of step")
    if (f["association_fee"] is not None or f["association_fee_frequency"]) and f["association_yn"] is not True:
        errs.append("fee without association_yn true")
    if f["association_yn"] is False and f["association_fee"] is not None:
        errs.append("fee with association_yn false")
    if source == "maricopa_county":
        for k in ("listing_id", "list_price", "standard_status", "bedrooms_total", "bathrooms_full",
                  "bathrooms_half", "bathrooms_total_integer", "public_remarks"):
            if f[k] is not None:
                errs.append(f"assessor record with {k}")
        obj = json.loads(text)
        vals = obj.get("valuations") if isinstance(obj, dict) else None
        if vals:
            latest = max(vals, key=lambda r: int(r["TaxYear"]))
            if f["tax_year"] != int(latest["TaxYear"]):
                errs.append("tax_year is not the latest")
            if f["full_cash_value"] != to_num(latest["FullCashValue"]):
                errs.append("full_cash_value not from latest year")
            if f["limited_property_value"] != to_num(latest["LimitedPropertyValue"]):
                errs.append("limited_property_value not from latest year")
        elif isinstance(obj, dict) and "apn" in obj and f["tax_year"] is not None:
            errs.append("tax_year without valuations")

    # provenance: value (or a raw form of it) is in the file, outside comments/hidden elements
    for k in ("listing_id", "street_number", "street_name", "unit_number", "city", "postal_code",
              "subdivision_name", "public_remarks"):
        if f[k] is not None and not seen(f[k]):
            errs.append(f"{k} {f[k]!r} not found in raw (visible) text")
    if f["parcel_number"] and f["parcel_number"].lower() not in alnum:
        errs.append("parcel_number not found")
    if f["state_or_province"] and source == "phoenix_mls" and not re.search(r"\baz\b", n):
        errs.append("state not found")
    if f["standard_status"]:
        opts = STATUS_RAW.get(f["standard_status"], [f["standard_status"].lower()])
        if not any(o in n for o in opts):
            errs.append("standard_status not justified by raw text")
    for k, table in (("property_sub_type", SUBTYPE_RAW), ("property_type", TYPE_RAW),
                     ("association_fee_frequency", FREQ_RAW)):
        if f[k] and not any(o in n for o in table.get(f[k], [f[k].lower()])):
            errs.append(f"{k} {f[k]!r} not justified by raw text")
    if is_json:
        for k in ("living_area", "year_built", "garage_spaces", "latitude", "longitude",
                  "full_cash_value", "limited_property_value", "tax_year"):
            if f[k] is not None and not seen_num(float(f[k])):
                errs.append(f"{k} {f[k]!r} not found in raw")
        if sq is not None and not (seen_num(sq) or seen_num(ac)):
            errs.append("neither lot sq ft nor acres found in raw")
    else:
        facts = fact_text(body)
        if f["public_remarks"]:  # remarks are data, never evidence for other fields
            facts = facts.replace(norm(f["public_remarks"]), " ")
        for k, kw in NEAR.items():
            # a sold price is not the list price
            txt = re.sub(r"sold price\W*\$?[\d,.]+[km]?", " ", facts) if k == "list_price" else facts
            if f[k] is not None and not near(txt, float(f[k]), kw):
                errs.append(f"{k} {f[k]!r} not found next to a {kw!r} label in visible text/JSON-LD/data-*")
        if sq is not None and not (near(facts, sq, LOT_KW) or near(facts, ac, LOT_KW)):
            errs.append("neither lot sq ft nor acres found next to a lot label")
        if f["bathrooms_full"] is not None and not baths_ok(facts, f["bathrooms_full"], f["bathrooms_half"]):
            errs.append(f"baths {f['bathrooms_full']}/{f['bathrooms_half']} not justified by visible text")
    if f["pool_private_yn"] is not None and "pool" not in n:
        errs.append("pool flag without any pool text")
    if f["association_yn"] is not None and not re.search(r"hoa|association", n):
        errs.append("association flag without HOA text")
    return errs


def main() -> int:
    problems = 0
    landing = {p.relative_to(LANDING) for p in LANDING.rglob("*") if p.is_file()}
    expected = {p.relative_to(EXPECTED) for p in EXPECTED.rglob("*.json") if p.name != "links.json"}
    for rel in sorted(landing):
        want = Path(str(rel) + ".json")
        if is_temp(rel) and want in expected:
            print(f"FAIL {rel}: temp file has a label"); problems += 1
        if not is_temp(rel) and want not in expected:
            print(f"FAIL {rel}: no expected label"); problems += 1
    for e in sorted(expected):
        rel = Path(str(e)[: -len(".json")])
        if rel not in landing:
            print(f"FAIL {e}: label without landing file"); problems += 1
            continue
        raw = (LANDING / rel).read_bytes()
        lab = json.loads((EXPECTED / e).read_text(encoding="utf-8"))
        errs = check(rel, lab, raw)
        extra = ""
        if rel.suffix == ".html" and lab["disposition"] == "valid":
            vis = len(visible_text(decode(raw)))
            extra = f"  {len(raw) / 1024:5.1f} KB, visible text {100 * vis / max(len(raw), 1):4.1f}%"
        status = "ok  " if not errs else "FAIL"
        print(f"{status} {rel}  [{lab['layout']}/{lab['disposition']}]{extra}")
        for x in errs:
            print(f"       - {x}")
        problems += len(errs)
    n_fam: dict[str, int] = {}
    for e in expected:
        lay = json.loads((EXPECTED / e).read_text(encoding="utf-8"))["layout"]
        n_fam[lay] = n_fam.get(lay, 0) + 1
    print("labels per layout:", dict(sorted(n_fam.items())))
    print("problems:", problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
