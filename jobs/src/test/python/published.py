"""Where the tables of a warehouse are: each table folder keeps versions, CURRENT names the live one.

Per-year tables are partitioned (year=2018/part-….parquet): pyarrow.dataset with hive
partitioning reads the folder name back as an int32 column, as Spark does.
"""
import os
from pathlib import Path

import pyarrow.dataset as ds

WAREHOUSE = Path(os.environ.get("EGOV_WAREHOUSE", "warehouse"))


def current(name, warehouse=WAREHOUSE):
    folder = warehouse / "tables" / name
    pointer = folder / "CURRENT"
    assert pointer.is_file(), f"{pointer} missing: run bin/egov run --warehouse {warehouse} first"
    return folder / pointer.read_text().strip()


def read(name, warehouse=WAREHOUSE):
    return ds.dataset(current(name, warehouse), format="parquet", partitioning="hive").to_table()


def duckdb_source(name, warehouse=WAREHOUSE):
    return f"read_parquet('{current(name, warehouse)}/**/*.parquet', hive_partitioning = true)"


def table_names(warehouse=WAREHOUSE):
    return sorted(p.parent.name for p in (warehouse / "tables").glob("*/CURRENT"))
