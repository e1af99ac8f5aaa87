"""The published Iceberg tables, read without Spark: pyiceberg over the warehouse's SQL catalog,
the data files with pyarrow and DuckDB, the lineage in each snapshot's summary.

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
from published import WAREHOUSE, duckdb_source, files, read, table, table_names

HOME = Path(__file__).resolve().parents[4]
EGOV = str(HOME / "bin" / "egov")
YEARS = (2003, 2004, 2005, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022)


def summary(name, warehouse=WAREHOUSE):
    """The summary of main's snapshot: Iceberg's counts and egov's lineage entries."""
    return table(name, warehouse).current_snapshot().summary.additional_properties


def egov(*args):
    done = subprocess.run([EGOV, *args, "--warehouse", str(WAREHOUSE), "--json"], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_table_is_an_iceberg_v2_table_whose_main_snapshot_names_its_run_with_zstd_files():
    names = table_names()
    assert len(names) == 37
    # per-year tables have a file per year, in the year's partition folder: the 11 UN surveys, the two city years
    assert [Path(f).parent.name for f in files("egdi_country")] == [f"survey_year={y}" for y in YEARS]
    assert [Path(f).parent.name for f in files("city_egov_index")] == ["year=2017", "year=2018"]
    manifests = set()
    for name in names:
        t = table(name)
        assert t.metadata.format_version == 2, name
        assert t.properties["egov.created-by"] == "egov", name
        assert set(t.metadata.refs) == {"main"}, f"{name}: a run's branch was left after publishing"
        entries = summary(name)
        assert read(name).num_rows == int(entries["total-records"]), name
        manifests.add(entries["egov.manifest"])
        for f in files(name):
            meta = pq.ParquetFile(f).metadata
            assert all(meta.row_group(g).column(c).compression == "ZSTD"
                       for g in range(meta.num_row_groups) for c in range(meta.num_columns)), f
    # one run wrote every table; its manifest lists them all
    assert len(manifests) == 1
    manifest = json.loads(Path(manifests.pop()).read_text(encoding="utf-8"))
    assert sorted(t["name"] for t in manifest["tables"]) == names
    assert {summary(n)["egov.run-id"] for n in names} == {manifest["runId"]}


# Spark's type names in the data dictionary → the Arrow types a reader of the table must see
ARROW_TYPES = {"string": pa.string(), "int": pa.int32(), "bigint": pa.int64(), "double": pa.float64(),
               "boolean": pa.bool_(), "decimal(20,2)": pa.decimal128(20, 2), "array<string>": pa.list_(pa.string())}


def arrow_type(field):
    # pyiceberg names a list's element "element", Arrow's default is "item": compare the value type
    return pa.list_(field.type.value_type) if pa.types.is_list(field.type) else field.type


def test_every_table_reads_back_with_the_schema_and_column_docs_its_data_dictionary_documents():
    documented = {}
    for row in read("data_dictionary").to_pylist():
        documented.setdefault(row["table_name"], []).append(row)
    assert sorted(documented) == sorted(n for n in table_names() if n != "data_dictionary")
    con = duckdb.connect()
    for name, columns in documented.items():
        schema = read(name).schema
        assert [(f.name, arrow_type(f)) for f in schema] == [(c["column_name"], ARROW_TYPES[c["data_type"]])
                                                              for c in columns], name
        docs = {f.name: f.doc for f in table(name).schema().fields}
        for c in columns:
            assert docs[c["column_name"]].startswith(f'{c["meaning_en"]} ({c["meaning_zh"]})'), (name, c)
        described = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {duckdb_source(name)}").fetchall()]
        assert described == [c["column_name"] for c in columns], name


def test_the_snapshot_lineage_and_its_manifest_name_every_input_file_with_the_checksum_of_its_bytes():
    entries = summary("city_egov_index")
    inputs = json.loads(entries["egov.inputs"])
    # the datasets of its four sub-indices and of its covariate (city tiers and regions come from a
    # lookup file of conf/reference, which the configuration hash covers)
    assert {i["dataset"] for i in inputs} == {"hotline_12345", "service_items", "gov_social_accounts",
                                              "city_portal_checklist", "nbs_major_cities", "census_city"}
    manifest = json.loads(Path(entries["egov.manifest"]).read_text(encoding="utf-8"))
    files_of = {d["dataset"]: d["files"] for d in manifest["ingest"]["datasets"]}
    for given in inputs:
        assert given["verdict"] in ("PASSED", "WARNED")
        assert given["rowsChecked"] == given["rowsAdmitted"] + given["rowsQuarantined"]
        assert files_of[given["dataset"]], given["dataset"]
        for f in files_of[given["dataset"]]:
            path = Path(f["file"].removeprefix("file:"))
            assert hashlib.sha256(path.read_bytes()).hexdigest() == f["sha256"], path


def test_duckdb_reads_main_of_every_table_from_its_data_files():
    con = duckdb.connect()
    for name in table_names():
        assert con.execute(f"SELECT count(*) FROM {duckdb_source(name)}").fetchone()[0] == \
            int(summary(name)["total-records"]), name


def test_bin_egov_sql_lists_every_table_and_answers_from_main():
    shown = egov("sql", "SHOW TABLES", "--limit", "1000")["steward"]
    assert sorted(r["name"] for r in shown["rows"]) == table_names()
    counted = egov("sql", "SELECT count(*) AS n FROM egov.egdi_country")["steward"]
    assert counted["engine"] == "duckdb" and counted["rows"] == [{"n": read("egdi_country").num_rows}]


def test_bin_egov_sql_answers_under_flight_recorder(tmp_path):
    """OpenJDK 17 crashed (SIGSEGV) when bin/egov's class-data-sharing archive met Flight Recorder:
    bin/egov leaves the archive out when JAVA_OPTS starts a recording or an agent."""
    egov("sql", "SELECT 1 AS one")  # the archive of the sql command exists from here on
    recording = tmp_path / "sql.jfr"
    done = subprocess.run([EGOV, "sql", "SELECT 1 AS one", "--warehouse", str(WAREHOUSE), "--json"],
                          env=dict(os.environ, JAVA_OPTS=f"-XX:StartFlightRecording=filename={recording}"),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    # (Flight Recorder prints its own note on stdout before the answer)
    assert json.loads(done.stdout[done.stdout.index("{"):])["steward"]["rows"] == [{"one": 1}]
    assert recording.stat().st_size > 0


def test_the_lineage_command_prints_the_inputs_and_their_checksums():
    done = subprocess.run([EGOV, "lineage", "province_capability", "--warehouse", str(WAREHOUSE)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    snapshot = table("province_capability").current_snapshot().snapshot_id
    assert f"province_capability snapshot {snapshot} (main)" in done.stdout
    manifest = json.loads(Path(summary("province_capability")["egov.manifest"]).read_text(encoding="utf-8"))
    used = {i["dataset"] for i in json.loads(summary("province_capability")["egov.inputs"])}
    for d in manifest["ingest"]["datasets"]:
        if d["dataset"] in used:
            for f in d["files"]:
                assert f["sha256"] in done.stdout


@pytest.fixture(scope="module")
def second_warehouse(tmp_path_factory):
    given = os.environ.get("EGOV_SECOND_WAREHOUSE")
    if given and (Path(given) / "catalog.db").is_file():
        return Path(given)
    own = tmp_path_factory.mktemp("second") / "warehouse"
    subprocess.run([EGOV, "run", "--warehouse", str(own), "--quiet"], check=True, timeout=1200)
    return own


def test_two_runs_on_the_same_input_publish_identical_content(second_warehouse):
    assert table_names(second_warehouse) == table_names()
    for name in table_names():
        ours = read(name)
        theirs = read(name, second_warehouse)
        keys = [(c, "ascending") for c in ours.column_names if not pa.types.is_list(ours.schema.field(c).type)]
        assert ours.sort_by(keys).equals(theirs.sort_by(keys)), name   # the same rows
        assert summary(name)["egov.run-id"] != summary(name, second_warehouse)["egov.run-id"]


def test_the_workbooks_hold_every_summary_table_as_the_csv_does():
    """Read back as an analyst's tools read them: openpyxl for the workbooks, pandas for both."""
    import openpyxl
    import pandas as pd
    exports = WAREHOUSE / "exports"
    book = openpyxl.load_workbook(exports / "summary_tables.xlsx", read_only=True)
    unrounded = openpyxl.load_workbook(exports / "summary_tables_unrounded.xlsx", read_only=True)
    assert book.sheetnames[0] == "目录 index"
    listed = list(book["目录 index"].iter_rows(min_row=2, values_only=True))
    csvs = sorted(p.stem for p in exports.glob("*.csv"))
    assert sorted(entry[1] for entry in listed) == csvs
    assert not list(exports.glob(".*.crc")), "no Hadoop checksum files among the exports"
    for sheet, name, note, rows, synthetic in listed:
        published = read(name)
        frame = pd.read_csv(exports / f"{name}.csv", encoding="utf-8-sig", skiprows=1)
        assert list(frame.columns) == published.column_names, name
        assert len(frame) == rows == published.num_rows, name
        with open(exports / f"{name}.csv", encoding="utf-8-sig") as f:
            assert f.readline().strip().strip('"') == note, name
        assert note.startswith("SYNTHETIC DATA") == (synthetic == "是 yes"), name
        # the rounded sheet: note, Chinese header, names, rows; the _display twins folded in
        values = list(book[sheet].iter_rows(values_only=True))
        assert values[0][0] == note
        names = [c for c in values[2] if c is not None]
        assert names == [c for c in published.column_names if not c.endswith("_display")], name
        assert len(values) == rows + 3, name
        sheet_frame = pd.read_excel(exports / "summary_tables_unrounded.xlsx", sheet_name=sheet, header=2)
        assert list(sheet_frame.columns) == published.column_names, name
        assert len(sheet_frame) == rows, name
        assert unrounded[sheet].max_row == rows + 3, name
    # 中 band of the 2015 provinces: 13 of 32 = 40.625 %, printed 40.63 as the report prints it
    rounded = pd.read_excel(exports / "summary_tables.xlsx", sheet_name="province_capability_summary", header=2)
    raw = pd.read_excel(exports / "summary_tables_unrounded.xlsx", sheet_name="province_capability_summary", header=2)
    assert rounded.loc[rounded["band"] == "中", "band_share_pct"].tolist() == [40.63]
    assert raw.loc[raw["band"] == "中", "band_share_pct"].tolist() == [40.625]
