"""Read the tables `bin/egov run` published with readers that share no code with Spark.

The warehouse comes from EGOV_WAREHOUSE (bin/test sets it). Expected figures are the UN's
(E-Government Survey 2018) or counted in the CSV files by the test itself.
"""
import csv
import glob
import os
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

WAREHOUSE = Path(os.environ.get("EGOV_WAREHOUSE", "warehouse"))
DATA = Path(__file__).resolve().parents[4] / "data" / "un-egdi"

EGDI_COUNTRY_SCHEMA = {
    "survey_year": pa.int32(), "country_name": pa.string(), "assessed": pa.bool_(),
    "egdi": pa.float64(), "egdi_recomputed": pa.float64(), "egdi_recomputed_diff": pa.float64(),
    "osi": pa.float64(), "tii": pa.float64(), "hci": pa.float64(), "epi": pa.float64(),
    "egdi_rank": pa.int32(), "egdi_rank_published": pa.int32(), "rank_matches_published": pa.bool_(),
    "egdi_group": pa.string(), "egdi_group_order": pa.int32(),
    "previous_survey_year": pa.int32(), "previous_egdi": pa.float64(), "egdi_change": pa.float64(),
    "previous_rank": pa.int32(), "rank_change": pa.int32(),
    "previous_egdi_group": pa.string(), "group_change": pa.int32(),
    "row_flags": pa.list_(pa.string()), "source_file": pa.string(), "source_line": pa.int64(),
}
EGDI_SUMMARY_SCHEMA = {
    "survey_year": pa.int32(), "egdi_group": pa.string(), "egdi_group_order": pa.int32(),
    "mean_egdi": pa.float64(), "above_mean_count": pa.int64(), "above_mean_share_pct": pa.float64(),
    "group_count": pa.int64(), "group_share_pct": pa.float64(), "group_mean_egdi": pa.float64(),
    "group_mean_diff_pct": pa.float64(), "countries": pa.int64(),
}


def table(name):
    path = WAREHOUSE / "tables" / name
    assert path.is_dir(), f"{path} missing: run bin/egov run --warehouse {WAREHOUSE} first"
    return pq.read_table(path)


@pytest.mark.parametrize("name,schema", [("egdi_country", EGDI_COUNTRY_SCHEMA), ("egdi_summary", EGDI_SUMMARY_SCHEMA)])
def test_schema_is_the_documented_one(name, schema):
    actual = table(name).schema
    assert {f.name: f.type.remove_field_metadata() if hasattr(f.type, "remove_field_metadata") else f.type
            for f in actual} == schema


def test_every_input_row_is_published_once():
    rows = sum(1 for f in glob.glob(str(DATA / "EGOV_DATA_*.csv")) for _ in csv.DictReader(open(f)))
    assert rows == 2123
    assert table("egdi_country").num_rows == rows


def test_duckdb_reads_the_2018_groups_and_ranks():
    con = duckdb.connect()
    path = str(WAREHOUSE / "tables" / "egdi_country" / "*.parquet")
    groups = dict(con.execute(
        f"SELECT egdi_group, count(*) FROM read_parquet('{path}') WHERE survey_year = 2018 GROUP BY 1").fetchall())
    assert groups == {"Very High": 40, "High": 71, "Middle": 66, "Low": 16}
    ranks = dict(con.execute(
        f"SELECT country_name, egdi_rank FROM read_parquet('{path}') WHERE survey_year = 2018 "
        "AND country_name IN ('Denmark', 'Serbia', 'Slovakia', 'Qatar')").fetchall())
    assert ranks == {"Denmark": 1, "Serbia": 49, "Slovakia": 49, "Qatar": 51}


def test_summary_shares_add_up_per_year():
    summary = table("egdi_summary").to_pylist()
    years = {r["survey_year"] for r in summary}
    assert len(years) == 11
    for year in years:
        rows = [r for r in summary if r["survey_year"] == year]
        assert [r["egdi_group"] for r in sorted(rows, key=lambda r: r["egdi_group_order"])] == \
            ["Very High", "High", "Middle", "Low"]
        assert sum(r["group_count"] for r in rows) == rows[0]["countries"]
        assert abs(sum(r["group_share_pct"] for r in rows) - 100.0) < 1e-9
