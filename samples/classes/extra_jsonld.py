"""Loss class `jsonld_first`: pages whose facts live in schema.org JSON-LD, the visible page sparse.

Called by `build_classes.build_extra_classes()`. Portals that render listings client-side ship a
thin HTML shell (an address, a price, a photo strip, a short description) and put the home's facts
in JSON-LD the way schema.org allows it to be written: `@graph` arrays, `RealEstateListing` whose
`about` / `mainEntity` is the residence, `QuantitativeValue` areas with a `unitCode` (`FTK` square
feet, `MTK` square metres, `ACR` acres) or a `unitText`, `additionalProperty` lists of
`PropertyValue` name/value pairs for the facts schema.org has no property for (garage, stories,
HOA, parcel number, pool), `amenityFeature` lists, an `identifier` list naming the MLS number and
the parcel number by `propertyID`, and an `offers.priceSpecification`. Other homes appear as their
own `Offer` / `Residence` nodes in a "similar homes" carousel. All people are fictitious.
"""

from __future__ import annotations

import json

from build_classes import esc, page, write
from build_samples import CONDO, SFR, TOWN, addr, fields, lot_from_acres, lot_from_sqft

SQM_TO_SQFT = 10.7639


def _ld(*nodes: dict) -> str:
    return "".join(f'<script type="application/ld+json">{json.dumps(n, indent=1)}</script>' for n in nodes)


def _shell(title: str, heading: str, price: str, remarks: str, ld: str, extra: str = "") -> bytes:
    return page(title, f"""
{ld}
<div id="app"><h1>{esc(heading)}</h1><p class="price">{esc(price)}</p>
<div class="photos" aria-label="Photo gallery"><img src="/p/1.jpg" alt="Front of home"><img src="/p/2.jpg" alt="Kitchen"></div>
<section><h2>About this home</h2><p>{esc(remarks)}</p></section>{extra}
<noscript>Enable JavaScript to see all details.</noscript></div>""")


# A @graph: the listing whose `about` is the house; areas as QuantitativeValue with unitCode;
# additionalProperty for garage, stories, HOA, parcel; identifiers by propertyID; a similar home.
R1 = ("Single-level home backing to the wash with a heated pool, owned solar and a three-car garage. "
      "Kitchen opens to the great room; primary suite with walk-in shower.")
F1 = fields(listing_id="7551201", parcel_number="30412118", standard_status="Active", list_price=719000,
            **addr("10428", "E Sheena Dr", "Scottsdale", "85255"), **SFR, bedrooms_total=4, bathrooms_full=3,
            bathrooms_half=0, living_area=2486, **lot_from_acres(0.26), year_built=1999, garage_spaces=3, stories=1,
            pool_private_yn=True, association_yn=True, association_fee=95, association_fee_frequency="Monthly",
            subdivision_name="Sheena Ranch", latitude=33.6421, longitude=-111.8575, public_remarks=R1)
LD1 = {"@context": "https://schema.org", "@graph": [
    {"@type": "WebPage", "name": "10428 E Sheena Dr", "url": "https://example.test/h/7551201"},
    {"@type": "RealEstateListing", "name": "10428 E Sheena Dr, Scottsdale, AZ 85255",
     "identifier": [{"@type": "PropertyValue", "propertyID": "MLS", "value": "7551201"},
                    {"@type": "PropertyValue", "propertyID": "APN", "value": "304-12-118"}],
     "offers": {"@type": "Offer", "priceSpecification": {"@type": "PriceSpecification", "price": 719000,
                                                         "priceCurrency": "USD"},
                "availability": "https://schema.org/InStock"},
     "about": {"@type": "SingleFamilyResidence",
               "address": {"@type": "PostalAddress", "streetAddress": "10428 E Sheena Dr",
                           "addressLocality": "Scottsdale", "addressRegion": "AZ", "postalCode": "85255"},
               "geo": {"@type": "GeoCoordinates", "latitude": 33.6421, "longitude": -111.8575},
               "numberOfBedrooms": 4, "numberOfBathroomsTotal": 3, "yearBuilt": 1999,
               "floorSize": {"@type": "QuantitativeValue", "value": 2486, "unitCode": "FTK"},
               "lotSize": {"@type": "QuantitativeValue", "value": 0.26, "unitCode": "ACR"},
               "containedInPlace": {"@type": "Place", "name": "Sheena Ranch"},
               "additionalProperty": [
                   {"@type": "PropertyValue", "name": "Garage spaces", "value": 3},
                   {"@type": "PropertyValue", "name": "Stories", "value": "1"},
                   {"@type": "PropertyValue", "name": "HOA fee", "value": 95, "unitText": "per month"},
                   {"@type": "PropertyValue", "name": "Private pool", "value": True},
                   {"@type": "PropertyValue", "name": "Subdivision", "value": "Sheena Ranch"}]}},
    {"@type": "Offer", "name": "Similar home: 10511 E Sheena Dr", "price": 684500,
     "itemOffered": {"@type": "SingleFamilyResidence", "numberOfBedrooms": 3,
                     "floorSize": {"@type": "QuantitativeValue", "value": 2210, "unitCode": "FTK"}}}]}
P1 = _shell("10428 E Sheena Dr | Homes", "10428 E Sheena Dr, Scottsdale, AZ 85255", "$719,000", R1, _ld(LD1))

# Areas in square metres (MTK) and a lot in square metres; a Product + Residence @type list; the
# price in offers.price as a string with a currency sign; status from a visible badge only.
R2 = "End-unit townhome a block from the light rail, with a two-car garage and a private patio."
F2 = fields(listing_id="7551214", standard_status="Pending", list_price=389500,
            **addr("1845", "E Apache Blvd", "Tempe", "85281", unit="112"), **TOWN, bedrooms_total=2,
            bathrooms_full=2, bathrooms_half=1, living_area=round(132 * SQM_TO_SQFT),
            **lot_from_sqft(round(150 * SQM_TO_SQFT)), year_built=2008, garage_spaces=2, stories=2,
            pool_private_yn=False, public_remarks=R2)
LD2 = {"@context": "https://schema.org", "@type": ["Product", "Townhouse"],
       "name": "1845 E Apache Blvd Unit 112", "sku": "7551214",
       "offers": {"@type": "Offer", "price": "$389,500", "priceCurrency": "USD"},
       "address": {"@type": "PostalAddress", "streetAddress": "1845 E Apache Blvd Unit 112",
                   "addressLocality": "Tempe", "addressRegion": "Arizona", "postalCode": "85281"},
       "numberOfBedrooms": "2", "numberOfFullBathrooms": 2, "numberOfPartialBathrooms": 1,
       "floorSize": {"@type": "QuantitativeValue", "value": "132", "unitText": "m²"},
       "lotSize": {"@type": "QuantitativeValue", "value": 150, "unitCode": "MTK"},
       "yearBuilt": "2008",
       "additionalProperty": [{"@type": "PropertyValue", "name": "Levels", "value": "Two"},
                              {"@type": "PropertyValue", "name": "Garage", "value": "2 car"},
                              {"@type": "PropertyValue", "name": "Pool", "value": "None"}]}
P2 = _shell("Townhome in Tempe", "1845 E Apache Blvd Unit 112, Tempe, AZ 85281", "$389,500", R2, _ld(LD2),
            '<p class="badge">Pending</p><p class="mls">Listing 7551214</p>')

# A mainEntity condo with the parcel in `identifier` as a plain string list, a lot in square feet
# as unitText "sq ft", bathrooms as a decimal total, the HOA in an amenityFeature-free
# additionalProperty with its own frequency entry, and an `address` given as one string.
R3 = "Top-floor corner condo with mountain views, community pool and covered parking."
F3 = fields(listing_id="7551227", parcel_number="16244087", standard_status="Active", list_price=265000,
            **addr("7301", "N 16th St", "Phoenix", "85020", unit="318"), **CONDO, bedrooms_total=2,
            bathrooms_full=2, bathrooms_half=0, living_area=1104, year_built=1986, stories=1,
            pool_private_yn=False, association_yn=True, association_fee=710,
            association_fee_frequency="Quarterly", subdivision_name="Sierra Vista Condominiums",
            public_remarks=R3)
LD3 = {"@context": "https://schema.org", "@type": "ItemPage",
       "mainEntity": {"@type": "Apartment", "name": "7301 N 16th St Unit 318",
                      "identifier": ["MLS# 7551227", "APN 162-44-087"],
                      "address": "7301 N 16th St Unit 318, Phoenix, AZ 85020",
                      "numberOfBedrooms": 2, "numberOfBathroomsTotal": 2.0,
                      "floorSize": {"@type": "QuantitativeValue", "value": 1104, "unitText": "sq ft"},
                      "yearBuilt": 1986,
                      "amenityFeature": [{"@type": "LocationFeatureSpecification", "name": "Community pool", "value": True},
                                         {"@type": "LocationFeatureSpecification", "name": "Private pool", "value": False}],
                      "additionalProperty": [
                          {"@type": "PropertyValue", "name": "Association fee", "value": "710"},
                          {"@type": "PropertyValue", "name": "Association fee frequency", "value": "Quarterly"},
                          {"@type": "PropertyValue", "name": "Property type", "value": "Condominium"},
                          {"@type": "PropertyValue", "name": "Stories", "value": 1},
                          {"@type": "PropertyValue", "name": "Subdivision name", "value": "Sierra Vista Condominiums"}]},
       "offers": {"@type": "Offer", "price": 265000, "priceCurrency": "USD",
                  "availability": "https://schema.org/InStock"}}
P3 = _shell("7301 N 16th St #318", "7301 N 16th St #318", "$265,000", R3, _ld(LD3), '<p>Status: Active</p>')


def build() -> None:
    """Write the `jsonld_first` pages and their labels into the classes landing zone."""
    for name, data, f in (("mls_7551201.html", P1, F1), ("mls_7551214.html", P2, F2), ("mls_7551227.html", P3, F3)):
        write("phoenix_mls", name, data, "jsonld_first", f)
