"""Replay after an LLM outage: which partitions it degraded, and what a rerun changed.

An outage leaves two marks in the warehouse: dead letters whose reason is
retryable (the LLM was unavailable or answered badly) and records the rules
made alone (`llm_fallback`). Rematerializing such a partition once the LLM is
healthy asks the LLM again for exactly those files (the LLM cache answers for
the others) and replaces the partition atomically, as any run does. This
module finds the partitions and compares before with after; the command
line (`property-pipeline replay`) and the Dagster sensor (`llm_recovery_sensor`)
do the rerunning.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa

from .storage.warehouse import get_engine

DEAD_LETTERS_TABLE = "extraction_dead_letters"
EXTRACTED_TABLE = "extracted_properties"
RETRYABLE_REASONS = frozenset({"llm_unavailable", "llm_invalid_reply", "extractor_error"})
"""Dead-letter reasons a rerun with a healthy LLM can change; a binary or empty file stays a dead letter."""


@dataclass(frozen=True)
class Degraded:
    """One partition's outage marks: retryable dead letters by reason, and rule fallbacks."""

    source: str
    day: dt.date
    dead_letters: dict[str, int] = field(default_factory=dict)
    fallbacks: int = 0

    @property
    def total(self) -> int:
        return sum(self.dead_letters.values()) + self.fallbacks

    def describe(self) -> str:
        letters = ", ".join(f"{code} {n}" for code, n in sorted(self.dead_letters.items())) or "none"
        return f"{self.source} {self.day}: dead letters {letters}; rule fallbacks {self.fallbacks}"


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _counts(conn: sa.Connection, table: sa.Table, where, *group) -> list[tuple]:
    query = sa.select(table.c.source, table.c.collected_on, *group, sa.func.count()).where(where)
    query = query.group_by(table.c.source, table.c.collected_on, *group)
    return list(conn.execute(query))


def degraded_partitions(
    url: str,
    *,
    since: dt.date | None = None,
    reasons: Iterable[str] = RETRYABLE_REASONS,
    include_fallbacks: bool = True,
) -> list[Degraded]:
    """Partitions holding retryable dead letters (of `reasons`) or rule fallbacks, by day."""
    engine = get_engine(url)
    letters: dict[tuple[str, dt.date], Counter] = {}
    fallbacks: Counter = Counter()
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        if inspector.has_table(DEAD_LETTERS_TABLE):
            table = sa.Table(DEAD_LETTERS_TABLE, sa.MetaData(), autoload_with=conn)
            where = table.c.reason_code.in_(sorted(reasons))
            for source, day, code, count in _counts(conn, table, where, table.c.reason_code):
                letters.setdefault((source, _day(day)), Counter())[code] += count
        if include_fallbacks and inspector.has_table(EXTRACTED_TABLE):
            table = sa.Table(EXTRACTED_TABLE, sa.MetaData(), autoload_with=conn)
            if "llm_fallback" in table.c:
                for source, day, count in _counts(conn, table, table.c.llm_fallback.is_(True)):
                    fallbacks[(source, _day(day))] += count
    keys = sorted(set(letters) | set(fallbacks), key=lambda k: (k[1], k[0]))
    return [
        Degraded(source, day, dict(letters.get((source, day), {})), fallbacks[(source, day)])
        for source, day in keys
        if since is None or day >= since
    ]


@dataclass(frozen=True)
class ReplayOutcome:
    """What a replay changed in one partition."""

    before: Degraded
    after: Degraded | None

    @property
    def dead_letters_recovered(self) -> int:
        left = sum(self.after.dead_letters.values()) if self.after else 0
        return max(0, sum(self.before.dead_letters.values()) - left)

    @property
    def fallbacks_upgraded(self) -> int:
        return max(0, self.before.fallbacks - (self.after.fallbacks if self.after else 0))

    def describe(self) -> str:
        left = self.after.describe() if self.after else "nothing left to replay"
        return (
            f"{self.before.source} {self.before.day}: {self.dead_letters_recovered} dead letters recovered, "
            f"{self.fallbacks_upgraded} rule fallbacks upgraded ({left})"
        )


def compare(before: list[Degraded], after: list[Degraded]) -> list[ReplayOutcome]:
    """Pair each replayed partition with its state after the rerun."""
    now = {(d.source, d.day): d for d in after}
    return [ReplayOutcome(b, now.get((b.source, b.day))) for b in before]
