"""Content-addressed cache of LLM results, in the warehouse database.

Key: sha256 of (compact text, source, model, prompt version, schema version),
so the same input is never sent twice and any change that could change the
answer misses the cache. Only replies that passed validation are stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import sqlalchemy as sa

from .storable import storable_json, storable_text
from .warehouse import create_tables, get_engine

TABLE = "llm_cache"
_metadata = sa.MetaData()
_cache = sa.Table(
    TABLE,
    _metadata,
    sa.Column("cache_key", sa.String(64), primary_key=True),
    sa.Column("source", sa.Text),
    sa.Column("model", sa.Text),
    sa.Column("values_json", sa.Text, nullable=False),
    sa.Column("prompt_tokens", sa.BigInteger),
    sa.Column("completion_tokens", sa.BigInteger),
    sa.Column("latency_ms", sa.Float),
    sa.Column("created_at", sa.DateTime),
)


def cache_key(text: str, source: str, model: str, prompt_version: str, schema_version: str) -> str:
    payload = json.dumps([source, model, prompt_version, schema_version, text], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


class LLMCache:
    """Get and put validated LLM results by key; safe to share across runs and processes."""

    def __init__(self, url: str):
        self.engine = get_engine(url)
        create_tables(self.engine, _metadata)

    def get(self, key: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(_cache).where(_cache.c.cache_key == key)).mappings().first()
        if row is None:
            return None
        return {**dict(row), "values": json.loads(row["values_json"])}

    def put(self, key: str, source: str, model: str, values: dict[str, Any], usage: dict[str, Any]) -> None:
        """Store `values` under `key`; `usage` holds the record's LLM columns (`prompt_tokens`,
        `completion_tokens`, `llm_latency_ms`), what the request cost when it was made."""
        row = {
            "cache_key": key,
            "source": source,
            "model": storable_text(model)[0],
            # Values may carry text the database rejects (a lone surrogate, a NUL): stored escaped.
            "values_json": json.dumps(storable_json(values)[0], ensure_ascii=False),
            "prompt_tokens": usage.get("prompt_tokens"),
            "completion_tokens": usage.get("completion_tokens"),
            "latency_ms": usage.get("llm_latency_ms"),
            "created_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        }
        # Two runs may race on the same key; both values are equally valid, keep the first.
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        with self.engine.begin() as conn:
            conn.execute(insert(_cache).values(**row).on_conflict_do_nothing(index_elements=["cache_key"]))
