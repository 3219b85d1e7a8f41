"""The warehouse IO manager: each asset is a table named after it (see storage.warehouse)."""

from __future__ import annotations

import dagster as dg
import pandas as pd

from ..storage import warehouse
from .partitions import source_and_day


def _partition_filter(context: dg.InputContext | dg.OutputContext) -> dict | None:
    if not context.has_asset_partitions:
        return None
    source, day = source_and_day(context.asset_partition_key)
    return {"source": source, "collected_on": day}


class WarehouseIOManager(dg.ConfigurableIOManager):
    """Stores DataFrames in the warehouse database; a partition's rows are replaced atomically."""

    url: str

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame) -> None:
        table = context.asset_key.path[-1]
        partition = _partition_filter(context)
        if partition and len(obj):
            obj = obj.assign(**partition)  # the partition's columns always match its key
        rows = warehouse.replace_partition(self.url, table, obj, partition)
        context.add_output_metadata({"warehouse_table": table, "rows_written": rows})

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        return warehouse.read_table(self.url, context.asset_key.path[-1], _partition_filter(context))
