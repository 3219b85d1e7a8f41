"""The warehouse IO manager: each asset is a table named after it (see storage.warehouse).

An asset either returns a DataFrame, which is stored here (the partition's rows replaced in
one transaction), or a `TableHandle`: the asset already streamed its rows into that table
in one partition replacement, and only its metadata is recorded here. An input annotated
`TableHandle` is handed over unloaded (table name and partition; the asset reads it in
chunks or asks the database); any other input is loaded as a DataFrame.
"""

import dagster as dg
import pandas as pd

from ..storage.warehouse import TableHandle, read_table, write_partition
from .partitions import source_and_day
from .resources import Warehouse


def _partition_filter(context: dg.InputContext | dg.OutputContext) -> dict | None:
    if not context.has_asset_partitions:
        return None
    source, day = source_and_day(context.asset_partition_key)
    return {"source": source, "collected_on": day}


def _wants_handle(context: dg.InputContext) -> bool:
    return context.dagster_type is not None and context.dagster_type.typing_type is TableHandle


class WarehouseIOManager(dg.ConfigurableIOManager):
    """Stores DataFrames in the warehouse database; a partition's rows are replaced atomically."""

    warehouse: dg.ResourceDependency[Warehouse]

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame | TableHandle) -> None:
        table = context.asset_key.path[-1]
        if isinstance(obj, TableHandle):
            if obj.table != table:
                raise ValueError(f"output {table} returned a handle on table {obj.table}")
            report = obj.report  # stored by the asset, chunk by chunk, in one replacement
        else:
            report = write_partition(self.warehouse.url, table, obj, _partition_filter(context))
        if report is None:
            return
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

    def load_input(self, context: dg.InputContext) -> pd.DataFrame | TableHandle:
        table, partition = context.asset_key.path[-1], _partition_filter(context)
        if _wants_handle(context):
            return TableHandle(self.warehouse.url, table, partition)
        return read_table(self.warehouse.url, table, partition)
