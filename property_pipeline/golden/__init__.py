"""One record per property: listing pages and assessor records linked, merged and kept in history.

Plain core (no Dagster): `build_golden(validated_records)` returns the golden table and the
listing history; `defs/golden.py` is the Dagster shell around it. See `keys` (APN-first
property keys), `address` (canonical addresses), `linking` (which records are one property,
with match confidence and ambiguities), `survivorship` (the per-field rules, in one table).
"""

from .address import Address, normalize_address, parse_address
from .build import GOLDEN_COLUMNS, HISTORY_COLUMNS, GoldenResult, build_golden
from .keys import address_key, apn_key, property_key
from .linking import link_records
from .survivorship import SURVIVORSHIP
from .tables import GOLDEN_TABLE, HISTORY_TABLE, read_golden

__all__ = [
    "GOLDEN_COLUMNS",
    "GOLDEN_TABLE",
    "HISTORY_COLUMNS",
    "HISTORY_TABLE",
    "SURVIVORSHIP",
    "Address",
    "GoldenResult",
    "address_key",
    "apn_key",
    "build_golden",
    "link_records",
    "normalize_address",
    "parse_address",
    "property_key",
    "read_golden",
]
