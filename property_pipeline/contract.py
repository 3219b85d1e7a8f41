"""The record contract (shared/docs/record-contract.md) as code.

`PropertyFields` is what an extractor fills: the rule-based parsers return its
keys, and the LLM receives its JSON schema as Ollama's `format`. The column
lists and pandera models describe the tables the pipeline writes. Column names
follow RESO Data Dictionary 2.0 in snake_case and must never be renamed.
"""

from __future__ import annotations

from typing import Literal, Optional

import pandas as pd
import pandera.pandas as pa
from pydantic import BaseModel, ConfigDict, Field

StandardStatus = Literal[
    "Active",
    "Active Under Contract",
    "Pending",
    "Closed",
    "Canceled",
    "Expired",
    "Withdrawn",
    "Hold",
    "Coming Soon",
    "Incomplete",
    "Delete",
]
PropertyType = Literal[
    "Residential",
    "Residential Income",
    "Residential Lease",
    "Land",
    "Farm",
    "Manufactured In Park",
    "Commercial Sale",
    "Commercial Lease",
    "Business Opportunity",
]
FeeFrequency = Literal[
    "Monthly", "Quarterly", "Semi-Annually", "Annually", "Bi-Monthly", "Weekly", "One Time"
]

STANDARD_STATUSES: tuple[str, ...] = StandardStatus.__args__
PROPERTY_TYPES: tuple[str, ...] = PropertyType.__args__
FEE_FREQUENCIES: tuple[str, ...] = FeeFrequency.__args__
PROPERTY_SUB_TYPES = (
    "Single Family Residence",
    "Condominium",
    "Townhouse",
    "Manufactured Home",
    "Mobile Home",
    "Duplex",
    "Triplex",
    "Quadruplex",
    "Patio Home",
    "Apartment",
    "Cabin",
    "Mixed Use",
)


class PropertyFields(BaseModel):
    """Every extractable property field; null when the source does not state it."""

    model_config = ConfigDict(extra="forbid")

    listing_id: Optional[str] = Field(None, description="MLS number")
    parcel_number: Optional[str] = Field(
        None, description="Maricopa APN: 8 digits plus optional split letter, no separators"
    )
    standard_status: Optional[StandardStatus] = None
    list_price: Optional[float] = Field(None, description="USD")
    unparsed_address: Optional[str] = Field(
        None, description="one line: '1234 E Camelback Rd Unit 5, Phoenix, AZ 85018'"
    )
    street_number: Optional[str] = None
    street_name: Optional[str] = Field(None, description="with direction and suffix, 'E Camelback Rd'")
    unit_number: Optional[str] = None
    city: Optional[str] = None
    state_or_province: Optional[str] = Field(None, description="two letters")
    postal_code: Optional[str] = Field(None, description="five digits")
    property_type: Optional[PropertyType] = None
    property_sub_type: Optional[str] = None
    bedrooms_total: Optional[int] = None
    bathrooms_full: Optional[int] = None
    bathrooms_half: Optional[int] = None
    bathrooms_total_integer: Optional[int] = Field(None, description="full + half, a plain count")
    living_area: Optional[float] = Field(None, description="square feet of livable space")
    lot_size_square_feet: Optional[float] = None
    lot_size_acres: Optional[float] = None
    year_built: Optional[int] = None
    garage_spaces: Optional[float] = None
    stories: Optional[int] = None
    pool_private_yn: Optional[bool] = Field(None, description="private pool; a community pool is not one")
    association_yn: Optional[bool] = Field(None, description="an HOA exists")
    association_fee: Optional[float] = None
    association_fee_frequency: Optional[FeeFrequency] = None
    subdivision_name: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    full_cash_value: Optional[float] = None
    limited_property_value: Optional[float] = None
    tax_year: Optional[int] = None
    public_remarks: Optional[str] = None


PROPERTY_FIELDS: tuple[str, ...] = tuple(PropertyFields.model_fields)
LINEAGE_COLUMNS = ("record_id", "source", "source_file", "collected_on", "property_key")
METADATA_COLUMNS = (
    "extraction_method",
    "llm_model",
    "confidence",
    "field_confidence",
    "field_sources",
    "validation_issues",
    "prompt_tokens",
    "completion_tokens",
    "llm_latency_ms",
)
RECORD_COLUMNS: tuple[str, ...] = LINEAGE_COLUMNS + PROPERTY_FIELDS + METADATA_COLUMNS
# Added columns (the contract allows additions): whether the rules stood in for an
# unavailable LLM, what the extractor noticed (conflicts, truncation, fallbacks), and per
# field where its value was read ("label", "json_ld", "embedded_json", "title", "meta",
# "url", "microdata", "llm", ...; `field_sources` keeps the contract's llm/rules/both).
EXTRACTION_EXTRA_COLUMNS = ("llm_fallback", "extraction_warnings", "field_evidence")
EXTRACTED_COLUMNS: tuple[str, ...] = RECORD_COLUMNS + EXTRACTION_EXTRA_COLUMNS
JSON_COLUMNS = ("field_confidence", "field_sources", "validation_issues", "extraction_warnings", "field_evidence")

INT_FIELDS = frozenset(n for n, f in PropertyFields.model_fields.items() if f.annotation == Optional[int])
FLOAT_FIELDS = frozenset(n for n, f in PropertyFields.model_fields.items() if f.annotation == Optional[float])
BOOL_FIELDS = frozenset(n for n, f in PropertyFields.model_fields.items() if f.annotation == Optional[bool])

DEAD_LETTER_COLUMNS = (
    "record_id",
    "source",
    "source_file",
    "collected_on",
    "reason_code",
    "reason",
    "attempts",
)


def _registered_sources() -> list[str]:
    """The sources of the registry (`property_pipeline.sources`), the one list of sources; read
    when validating, since the source modules themselves import this contract."""
    from .sources import all_sources

    return list(all_sources())


class _RecordBase(pa.DataFrameModel):
    """Columns shared by every table of property records."""

    record_id: str = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    source: str
    source_file: str
    collected_on: object
    property_key: str = pa.Field(str_matches=r"^(apn|addr):.+")

    listing_id: Optional[str] = pa.Field(nullable=True)
    parcel_number: Optional[str] = pa.Field(nullable=True, str_matches=r"^\d{8}[A-Z]?$")
    standard_status: Optional[str] = pa.Field(nullable=True, isin=list(STANDARD_STATUSES))
    list_price: Optional[float] = pa.Field(nullable=True, ge=0)
    unparsed_address: Optional[str] = pa.Field(nullable=True)
    street_number: Optional[str] = pa.Field(nullable=True)
    street_name: Optional[str] = pa.Field(nullable=True)
    unit_number: Optional[str] = pa.Field(nullable=True)
    city: Optional[str] = pa.Field(nullable=True)
    state_or_province: Optional[str] = pa.Field(nullable=True, str_matches=r"^[A-Z]{2}$")
    postal_code: Optional[str] = pa.Field(nullable=True, str_matches=r"^\d{5}$")
    property_type: Optional[str] = pa.Field(nullable=True, isin=list(PROPERTY_TYPES))
    property_sub_type: Optional[str] = pa.Field(nullable=True)
    bedrooms_total: Optional[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    bathrooms_full: Optional[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    bathrooms_half: Optional[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    bathrooms_total_integer: Optional[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    living_area: Optional[float] = pa.Field(nullable=True, ge=0)
    lot_size_square_feet: Optional[float] = pa.Field(nullable=True, ge=0)
    lot_size_acres: Optional[float] = pa.Field(nullable=True, ge=0)
    year_built: Optional[pd.Int64Dtype] = pa.Field(nullable=True)
    garage_spaces: Optional[float] = pa.Field(nullable=True, ge=0)
    stories: Optional[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    pool_private_yn: Optional[pd.BooleanDtype] = pa.Field(nullable=True)
    association_yn: Optional[pd.BooleanDtype] = pa.Field(nullable=True)
    association_fee: Optional[float] = pa.Field(nullable=True, ge=0)
    association_fee_frequency: Optional[str] = pa.Field(nullable=True, isin=list(FEE_FREQUENCIES))
    subdivision_name: Optional[str] = pa.Field(nullable=True)
    latitude: Optional[float] = pa.Field(nullable=True, ge=-90, le=90)
    longitude: Optional[float] = pa.Field(nullable=True, ge=-180, le=180)
    full_cash_value: Optional[float] = pa.Field(nullable=True, ge=0)
    limited_property_value: Optional[float] = pa.Field(nullable=True, ge=0)
    tax_year: Optional[pd.Int64Dtype] = pa.Field(nullable=True)
    public_remarks: Optional[str] = pa.Field(nullable=True)

    extraction_method: str = pa.Field(isin=["llm", "rules", "llm+rules"])
    llm_model: Optional[str] = pa.Field(nullable=True)
    confidence: float = pa.Field(ge=0.0, le=1.0)
    field_confidence: object
    field_sources: object
    validation_issues: object
    prompt_tokens: Optional[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    completion_tokens: Optional[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    llm_latency_ms: Optional[float] = pa.Field(nullable=True, ge=0)

    class Config:
        coerce = True
        strict = False

    @pa.check("source", name="registered_source")
    def _registered_source(cls, source: pd.Series) -> pd.Series:
        return source.isin(_registered_sources())


class ExtractedPropertiesSchema(_RecordBase):
    """Every record that leaves extraction."""


class ValidatedPropertiesSchema(_RecordBase):
    """Rows of `validated_properties`: passed every blocking rule."""


class QuarantinedPropertiesSchema(_RecordBase):
    """Rows of `quarantined_properties`: kept for review with their reason."""

    quarantine_reason: str


class DeadLettersSchema(pa.DataFrameModel):
    """Rows of `extraction_dead_letters`: raw files that produced no record."""

    record_id: str
    source: str
    source_file: str
    collected_on: object
    reason_code: str
    reason: str
    attempts: pd.Int64Dtype = pa.Field(ge=1)

    @pa.check("source", name="registered_source")
    def _registered_source(cls, source: pd.Series) -> pd.Series:
        return source.isin(_registered_sources())

    class Config:
        coerce = True
