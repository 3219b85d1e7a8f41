"""Property keys: `apn:<parcel>` first, `addr:<canonical one-line address>` otherwise.

The parcel number is the county's identity for a property and wins whenever it is known; an
address key is made only from an address complete enough to name one property (house
number, street and ZIP or city), in the canonical form of `address.normalize_address`, so
that two spellings of one address give one key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..sources.normalize import normalize_apn
from .address import normalize_address


def apn_key(parcel_number: Any) -> str | None:
    """`apn:12345678A` for any spelling of a Maricopa parcel number (`123-45-678a`), else None."""
    parcel = normalize_apn(parcel_number)
    return f"apn:{parcel}" if parcel else None


def address_key(values: Mapping[str, Any]) -> str | None:
    """`addr:1418 n 7th st phoenix az 85006` for a complete address, else None."""
    address = normalize_address(values)
    return f"addr:{address.one_line()}" if address is not None and address.is_complete else None


def property_key(values: Mapping[str, Any]) -> str | None:
    """The record's property key: by parcel number when known, else by address, else None."""
    return apn_key(values.get("parcel_number")) or address_key(values)
