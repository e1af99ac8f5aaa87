"""The tables of a warehouse as analysts open them without Spark: pyiceberg's SQL catalog on the
warehouse's SQLite catalog (catalog.db, the JDBC catalog bin/egov writes), namespace egov.

read(name) is main's snapshot through pyiceberg; duckdb_source(name) is the same snapshot's data
files for DuckDB's read_parquet (every column is in the files, the year of per-year tables too).
"""
import os
from pathlib import Path

from pyiceberg.catalog.sql import SqlCatalog

WAREHOUSE = Path(os.environ.get("EGOV_WAREHOUSE", "warehouse"))
OWNER = "egov.created-by"


def catalog(warehouse=WAREHOUSE):
    db = Path(warehouse).resolve() / "catalog.db"
    assert db.is_file(), f"{db} missing: run bin/egov run --warehouse {warehouse} first"
    # The catalog's name is the one bin/egov gives it: the rows of the JDBC catalog carry it.
    return SqlCatalog("egov_catalog", uri=f"sqlite:///{db}", warehouse=(Path(warehouse).resolve() / "tables").as_uri())


def table(name, warehouse=WAREHOUSE):
    return catalog(warehouse).load_table(("egov", name))


def read(name, warehouse=WAREHOUSE):
    """Main's rows, read by pyiceberg (file order follows the snapshot's manifests)."""
    return table(name, warehouse).scan().to_arrow()


def files(name, warehouse=WAREHOUSE):
    """The data files of main's snapshot, in path order (per-year folders: years in order)."""
    t = table(name, warehouse)
    return sorted(task.file.file_path.removeprefix("file:") for task in t.scan().plan_files())


def duckdb_source(name, warehouse=WAREHOUSE):
    listed = ", ".join(f"'{f}'" for f in files(name, warehouse))
    # hive_partitioning off: the year is in the files; from the folder name DuckDB would guess BIGINT
    return f"read_parquet([{listed}], union_by_name = true, hive_partitioning = false)"


def table_names(warehouse=WAREHOUSE):
    c = catalog(warehouse)
    return sorted(n for _, n in c.list_tables("egov") if OWNER in c.load_table(("egov", n)).properties)
