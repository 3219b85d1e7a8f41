#!/usr/bin/env python3
"""Write the malformed / edge-case landing files and their expected labels.

    python samples/build_samples.py && python samples/make_bad_files.py

Why a script: several of these files are defined by their exact bytes (NUL bytes,
latin-1 instead of UTF-8, a cut in the middle of a tag, a zero-length file), which
editors and copy/paste silently "fix". Everything is deterministic (seeded RNG, no
clock), so re-running rewrites identical bytes; it only ever writes the files
listed below.

Files (landing path -> what it tests):
  phoenix_mls/2026-11-20/mls_7030002.html    binary bytes (PNG header, NULs) with an .html name -> dead_letter
  phoenix_mls/2026-11-20/mls_7026890.html    valid page, but latin-1 bytes ("Peña") under a utf-8 meta -> valid
  phoenix_mls/2026-11-21/mls_7030001.html    zero bytes -> dead_letter
  phoenix_mls/2026-11-21/mls_7026612.html    page cut mid-tag; address/price/status still readable -> valid, partial
  maricopa_county/2026-11-20/parcel_30155001.json  zero bytes -> dead_letter
  maricopa_county/2026-11-20/parcel_14312007.json  API record cut mid-document, invalid JSON -> dead_letter
  maricopa_county/2026-11-20/parcel_16907082.json  JSON object of neither shape (API error body) -> dead_letter
  maricopa_county/2026-11-21/parcel_21108845.json  valid JSON but a list (wrapped GIS record) -> dead_letter
  maricopa_county/2026-11-21/parcel_50022117.json  valid JSON but a number -> dead_letter
Temp names that must be ignored entirely (no expected file):
  phoenix_mls/2026-11-20/mls_7026500.html.tmp, phoenix_mls/2026-11-21/.incoming.html,
  maricopa_county/2026-11-20/.parcel_17433001.json, maricopa_county/2026-11-21/parcel_30112233.json.part
"""

from __future__ import annotations

import json
import random

import build_samples as b

NULL_FIELDS = b.fields()


def dead(reason, pii=()):
    return b.label("bad", dict(NULL_FIELDS), disposition="dead_letter", reason_hint=reason, pii=pii)


def write_temp(source, day, name, data: bytes):
    p = b.LANDING / source / day / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)


def main() -> None:
    # --- phoenix_mls -------------------------------------------------------------------
    rng = random.Random(20261120)
    blob = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.getrandbits(8) for _ in range(4096))
    blob += b"\x00" * 64 + bytes(rng.getrandbits(8) for _ in range(1024))
    b.write("phoenix_mls", "2026-11-20", "mls_7030002.html", blob, dead("binary"))

    b.write("phoenix_mls", "2026-11-21", "mls_7030001.html", b"", dead("empty"))

    # latin-1 page (printer_friendly family): readable once decoded as latin-1 / cp1252
    rem = ("Casa Peña: single-level home in Rancho Peña with a sparkling private pool, "
           "remodeled kitchen and a shaded ramada perfect for morning café. Walk to the "
           "neighborhood park; minutes to the Loop 101 and Westgate.")
    L = dict(
        family="printer_friendly", day="2026-11-20", file="mls_7026890.html",
        title="MLS # 7026890 - 4408 W Cielo Grande, Glendale, AZ 85310",
        f=b.fields(listing_id="7026890", parcel_number="20111512", standard_status="Active",
                   list_price=489000, **b.addr("4408", "W Cielo Grande", "Glendale", "85310"), **b.SFR,
                   bedrooms_total=3, bathrooms_full=2, bathrooms_half=0, living_area=1640,
                   **b.lot_from_acres(0.16), year_built=1998, garage_spaces=2, stories=1,
                   pool_private_yn=True, association_yn=True, association_fee=75,
                   association_fee_frequency="Monthly", subdivision_name="Rancho Peña",
                   public_remarks=rem),
        blocks=[("Listing", ["MLS #: 7026890", "Status: Active", "List Price: $489,000",
                             "Address: 4408 W Cielo Grande, Glendale, AZ 85310", "Tax ID: 201-11-512",
                             "Subdivision: Rancho Peña"]),
                ("Property", ["Dwelling Type: Single Family - Detached", "Bedrooms: 3", "Baths: 2 full",
                              "Approx SqFt: 1,640", "Lot Size: 0.16 Acres", "Year Built: 1998",
                              "Garage Spaces: 2", "Stories: 1", "Pool - Private: Yes",
                              "HOA: Yes", "HOA Fee: $75", "HOA Paid (Freq): Monthly"])],
        features=["Listing agent: José Peña-Ortiz", "Kitchen: Granite, Gas Range", "Yard: Ramada, Citrus"],
        agent="José Peña-Ortiz, REALTOR(R)",
    )
    page = b.render_printer(L).encode("latin-1")
    assert b"\xf1" in page  # the ñ is a single latin-1 byte, invalid as UTF-8
    b.write("phoenix_mls", "2026-11-20", L["file"], page,
            b.label("printer_friendly", L["f"], reason_hint="latin1_encoding"))

    # truncated armls_full page: cut inside the <td> tag of the APN row
    T = dict(
        family="armls_full", day="2026-11-21", file="mls_7026612.html",
        heading="2641 W Tierra Buena Ln, Phoenix, AZ 85023",
        f=b.fields(listing_id="7026612", standard_status="Active", list_price=455000,
                   **b.addr("2641", "W Tierra Buena Ln", "Phoenix", "85023"), **b.SFR),
        rows=[("MLS #:", "7026612"), ("Status:", "Active"),
              ("List Price:", "$455,000"), ("Dwelling Type:", "Single Family - Detached"),
              ("Address:", "2641 W Tierra Buena Ln"), ("City:", "Phoenix"),
              ("State:", "AZ"), ("Zip Code:", "85023"),
              ("Assessor Parcel #:", "208-22-417"), ("Subdivision:", "Deer Valley Estates"),
              ("Approx SqFt:", "1,702"), ("Bedrooms:", "4"), ("Bathrooms:", "2")],
        remarks="Four-bedroom Deer Valley home with a big backyard and RV gate.",
    )
    full = b.render_armls_full(T)
    cut = full.index('<td class="rpt-lbl" nowrap>Assessor Parcel #:') + len('<td class="rpt-l')
    b.write("phoenix_mls", "2026-11-21", T["file"], full[:cut].encode("utf-8"),
            b.label("armls_full", T["f"], reason_hint="truncated"))

    # temp names: complete-looking content, must still be ignored
    src = b.CARD[0]
    write_temp("phoenix_mls", "2026-11-21", ".incoming.html", b.render_public_card(src).encode("utf-8"))
    part = b.render_printer(b.PRINT[0]).encode("utf-8")
    write_temp("phoenix_mls", "2026-11-20", "mls_7026500.html.tmp", part[: len(part) // 2])

    # --- maricopa_county ---------------------------------------------------------------
    b.write("maricopa_county", "2026-11-20", "parcel_30155001.json", b"", dead("empty"))

    api_obj = {
        "apn": "143-12-007",
        "parcel": {"APN": "143-12-007", "PropertyAddress": "2218 W MAIN ST MESA AZ 85201",
                   "PropertyType": "Residential", "LotSize": "6970", "IsResidential": True,
                   "Owner": "FENWICK GRETA L", "MailingAddress": "PO BOX 30117 MESA AZ 85275"},
        "residential_details": {"LivableSpace": "1320", "ConstructionYear": "1962", "Pool": "0"},
        "valuations": [{"TaxYear": "2027", "FullCashValue": "301500", "LimitedPropertyValue": "244610"}],
    }
    raw = json.dumps(api_obj, indent=2).encode("utf-8")
    b.write("maricopa_county", "2026-11-20", "parcel_14312007.json", raw[: int(len(raw) * 0.55)],
            dead("invalid_json", pii=["FENWICK GRETA L", "PO BOX 30117 MESA AZ 85275"]))

    b.write("maricopa_county", "2026-11-20", "parcel_16907082.json",
            json.dumps({"error": {"code": 498, "message": "Invalid Token", "details": []},
                        "status": "error"}, indent=2).encode("utf-8"),
            dead("unknown_shape"))

    gis_rec = {"attributes": {"APN": "211-08-845", "PHYSICAL_ADDRESS": "30822 N 42ND PL",
                              "PHYSICAL_CITY": "CAVE CREEK", "PHYSICAL_ZIP": "85331", "LAND_SIZE": 43995,
                              "OWNER_NAME": "MBEKI THANDIWE", "MAIL_ADDRESS": "30822 N 42ND PL"}}
    b.write("maricopa_county", "2026-11-21", "parcel_21108845.json",
            (json.dumps([gis_rec], indent=2) + "\n").encode("utf-8"),
            dead("not_an_object", pii=["MBEKI THANDIWE", "30822 N 42ND PL"]))

    b.write("maricopa_county", "2026-11-21", "parcel_50022117.json", b"404\n", dead("not_an_object"))

    whole = (json.dumps(b.ASSESSOR[0]["obj"], indent=2) + "\n").encode("utf-8")
    write_temp("maricopa_county", "2026-11-20", ".parcel_17433001.json", whole)
    write_temp("maricopa_county", "2026-11-21", "parcel_30112233.json.part", whole[: len(whole) // 3])
    print("wrote bad and temp files")


if __name__ == "__main__":
    main()
