"""The warehouse IO manager: each asset is a table named after it (see storage.warehouse)."""

import dagster as dg
import pandas as pd

from ..storage.warehouse import read_table, write_partition
from .partitions import source_and_day
from .resources import Warehouse


def _partition_filter(context: dg.InputContext | dg.OutputContext) -> dict | None:
    if not context.has_asset_partitions:
        return None
    source, day = source_and_day(context.asset_partition_key)
    return {"source": source, "collected_on": day}


class WarehouseIOManager(dg.ConfigurableIOManager):
    """Stores DataFrames in the warehouse database; a partition's rows are replaced atomically."""

    warehouse: dg.ResourceDependency[Warehouse]

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame) -> None:
        table = context.asset_key.path[-1]
        partition = _partition_filter(context)
        if partition and len(obj):
            obj = obj.assign(**partition)  # the partition's columns always match its key
        report = write_partition(self.warehouse.url, table, obj, partition)
        if report.changed_rows or report.flagged_rows:
            context.log.warning(
                f"{table}: {report.changed_rows} row(s) stored with values made storable, "
                f"{report.flagged_rows} row(s) rejected by the database and flagged (see their warnings)"
            )
        context.add_output_metadata(
            {
                "warehouse_table": table,
                "rows_written": report.rows,
                "rows_with_storage_warnings": report.changed_rows,
                "rows_flagged_unstorable": report.flagged_rows,
            }
        )

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        return read_table(self.warehouse.url, context.asset_key.path[-1], _partition_filter(context))
