"""The no-personal-data check: owner names and mailing addresses never reach an output."""

from __future__ import annotations

import json
import re
from typing import Iterable

import pandas as pd

PERSONAL_COLUMN = re.compile(r"owner|mail|taxpayer|grantee|grantor", re.I)
ADDRESS_COLUMNS = ("unparsed_address", "street_number", "street_name", "unit_number", "city", "postal_code")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def personal_data_findings(outputs: dict[str, pd.DataFrame], personal_values: Iterable[str]) -> list[str]:
    """What leaked, as readable findings: personal columns, and personal values found in any cell.

    Address columns are not searched: an owner-occupied parcel's mailing address is the
    property's own situs address, which is the record's subject, not a leak.
    """
    findings = []
    values = {v for v in (_norm(p) for p in personal_values) if len(v) >= 4}
    for name, frame in outputs.items():
        findings += [f"{name}: column {c!r} looks like personal data" for c in frame.columns if PERSONAL_COLUMN.search(c)]
        if not values or not len(frame):
            continue
        for row in frame.to_dict("records"):
            text = _norm(json.dumps({k: v for k, v in row.items() if k not in ADDRESS_COLUMNS}, default=str))
            if any(value in text for value in values):
                findings.append(f"{name}: {row.get('source_file')} holds personal data")
    return sorted(set(findings))
