"""Versions, lineage, catalog and rerun determinism of the published tables, read without Spark.

EGOV_WAREHOUSE is the warehouse of `bin/egov run` (bin/test sets it). EGOV_SECOND_WAREHOUSE is
another run on the same inputs (bin/test passes the one the Java tests made in process, with a
different Spark parallelism); without it this module makes its own.
"""
import hashlib
import json
import os
import subprocess
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from published import WAREHOUSE, current, duckdb_source, read, table_names

HOME = Path(__file__).resolve().parents[4]
EGOV = str(HOME / "bin" / "egov")


def lineage(name, warehouse=WAREHOUSE):
    return json.loads((current(name, warehouse) / "_lineage.json").read_text(encoding="utf-8"))


def egov(*args):
    done = subprocess.run([EGOV, *args, "--warehouse", str(WAREHOUSE), "--json"], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_table_version_is_complete_zstd_and_names_its_run_in_every_footer():
    names = table_names()
    assert len(names) == 37
    # per-year tables have a file per year: the 11 UN surveys, the two city years
    assert sorted(p.name for p in current("egdi_country").iterdir() if p.is_dir()) == [
        f"survey_year={y}" for y in (2003, 2004, 2005, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022)]
    assert sorted(p.name for p in current("city_egov_index").iterdir() if p.is_dir()) == ["year=2017", "year=2018"]
    for name in names:
        folder = current(name)
        record = lineage(name)
        assert record["version"] == folder.name
        files = sorted(folder.rglob("*.parquet"))
        assert files, name
        data = read(name)
        assert data.num_rows == record["rows"], name
        assert data.schema.names == record["columns"], name
        for f in files:
            meta = pq.ParquetFile(f).metadata
            kv = {k.decode(): v.decode() for k, v in meta.metadata.items()}
            assert kv["egov.run_id"] == record["runId"] and kv["egov.table_version"] == folder.name, f
            assert kv["egov.table"] == name
            assert all(meta.row_group(g).column(c).compression == "ZSTD"
                       for g in range(meta.num_row_groups) for c in range(meta.num_columns)), f


# Spark's type names in the data dictionary → the Arrow types a Parquet reader must see
ARROW_TYPES = {"string": pa.string(), "int": pa.int32(), "bigint": pa.int64(), "double": pa.float64(),
               "boolean": pa.bool_(), "decimal(20,2)": pa.decimal128(20, 2), "array<string>": pa.list_(pa.string())}


def test_every_table_reads_back_with_the_schema_its_data_dictionary_documents():
    documented = {}
    for row in read("data_dictionary").to_pylist():
        documented.setdefault(row["table_name"], []).append((row["column_name"], row["data_type"]))
    assert sorted(documented) == sorted(n for n in table_names() if n != "data_dictionary")
    con = duckdb.connect()
    for name, columns in documented.items():
        schema = read(name).schema
        assert [(f.name, f.type.remove_field_metadata() if hasattr(f.type, "remove_field_metadata") else f.type)
                for f in schema] == [(c, ARROW_TYPES[t]) for c, t in columns], name
        described = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {duckdb_source(name)}").fetchall()]
        assert described == [c for c, _ in columns], name


def test_lineage_names_every_input_file_with_the_checksum_of_its_bytes():
    record = lineage("city_egov_index")
    # the datasets of its four sub-indices and of its covariate (city tiers and regions come from a
    # lookup file of conf/reference, which the configuration hash covers)
    assert {i["dataset"] for i in record["inputs"]} == {"hotline_12345", "service_items", "gov_social_accounts",
                                                        "city_portal_checklist", "nbs_major_cities", "census_city"}
    for given in record["inputs"]:
        assert given["verdict"] in ("PASSED", "WARNED")
        assert given["rowsChecked"] == given["rowsAdmitted"] + given["rowsQuarantined"]
        for f in given["files"]:
            path = Path(f["file"].removeprefix("file:"))
            assert hashlib.sha256(path.read_bytes()).hexdigest() == f["sha256"], path


def test_duckdb_views_open_every_current_version():
    con = duckdb.connect()
    con.execute((WAREHOUSE / "tables" / "views.sql").read_text(encoding="utf-8"))
    for name in table_names():
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == lineage(name)["rows"], name


def test_the_catalog_lists_every_table():
    # bin/egov sql runs on the embedded Derby metastore bin/egov run registered the tables in
    # (column comments and counts through the catalog: PublishVersionsTest)
    shown = egov("sql", "SHOW TABLES IN egov", "--limit", "1000")["steward"]
    assert sorted(json.loads(r)["tableName"] for r in shown["rows"]) == table_names()


def test_the_lineage_command_prints_the_inputs_and_their_checksums():
    done = subprocess.run([EGOV, "lineage", "province_capability", "--warehouse", str(WAREHOUSE)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    record = lineage("province_capability")
    assert f"province_capability version {record['version']} (current)" in done.stdout
    for given in record["inputs"]:
        for f in given["files"]:
            assert f["sha256"] in done.stdout


@pytest.fixture(scope="module")
def second_warehouse(tmp_path_factory):
    given = os.environ.get("EGOV_SECOND_WAREHOUSE")
    if given and (Path(given) / "tables").is_dir():
        return Path(given)
    own = tmp_path_factory.mktemp("second") / "warehouse"
    subprocess.run([EGOV, "run", "--warehouse", str(own), "--quiet"], check=True, timeout=1200)
    return own


def test_two_runs_on_the_same_input_publish_identical_content(second_warehouse):
    assert table_names(second_warehouse) == table_names()
    for name in table_names():
        ours = read(name)
        theirs = read(name, second_warehouse)
        assert ours.equals(theirs), name   # same rows in the same order
        assert lineage(name)["contentSha256"] == lineage(name, second_warehouse)["contentSha256"], name
        assert lineage(name)["runId"] != lineage(name, second_warehouse)["runId"]


def test_the_workbook_holds_every_summary_table_as_the_csv_does():
    import csv
    import openpyxl
    book = openpyxl.load_workbook(WAREHOUSE / "exports" / "summary_tables.xlsx", read_only=True)
    listed = list(book["tables"].iter_rows(min_row=2, values_only=True))
    csvs = sorted(p.stem for p in (WAREHOUSE / "exports").glob("*.csv"))
    assert sorted(table for _, table, _ in listed) == csvs
    for sheet, table, rows in listed:
        with open(WAREHOUSE / "exports" / f"{table}.csv", encoding="utf-8-sig") as f:
            lines = list(csv.reader(f))
        values = list(book[sheet].iter_rows(values_only=True))
        assert len(values) == len(lines) == rows + 1, table
        assert list(values[0]) == lines[0], table
