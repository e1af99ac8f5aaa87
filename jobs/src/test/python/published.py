"""Where the tables of a warehouse are: each table folder keeps versions, CURRENT names the live one."""
import os
from pathlib import Path

WAREHOUSE = Path(os.environ.get("EGOV_WAREHOUSE", "warehouse"))


def current(name, warehouse=WAREHOUSE):
    folder = warehouse / "tables" / name
    pointer = folder / "CURRENT"
    assert pointer.is_file(), f"{pointer} missing: run bin/egov run --warehouse {warehouse} first"
    return folder / pointer.read_text().strip()


def table_names(warehouse=WAREHOUSE):
    return sorted(p.parent.name for p in (warehouse / "tables").glob("*/CURRENT"))
