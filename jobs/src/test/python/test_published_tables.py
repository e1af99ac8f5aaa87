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
import pytest
from published import duckdb_source, read

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
    "survey_year": pa.int32(), "group_kind": pa.string(), "egdi_group": pa.string(), "egdi_group_order": pa.int32(),
    "mean_egdi": pa.float64(), "above_mean_count": pa.int64(), "above_mean_share_pct": pa.float64(),
    "group_count": pa.int64(), "group_share_pct": pa.float64(), "group_mean_egdi": pa.float64(),
    "group_mean_diff_pct": pa.float64(), "countries": pa.int64(),
}


def table(name):
    return read(name)


@pytest.mark.parametrize("name,schema", [("egdi_country", EGDI_COUNTRY_SCHEMA), ("egdi_summary", EGDI_SUMMARY_SCHEMA)])
def test_schema_is_the_documented_one(name, schema):
    actual = table(name).schema
    # pyiceberg names a list's element "element", Arrow's default is "item": compare the value type
    assert {f.name: pa.list_(f.type.value_type) if pa.types.is_list(f.type) else f.type for f in actual} == schema


def test_every_input_row_is_published_once():
    rows = sum(1 for f in glob.glob(str(DATA / "EGOV_DATA_*.csv")) for _ in csv.DictReader(open(f)))
    assert rows == 2123
    assert table("egdi_country").num_rows == rows


def test_duckdb_reads_the_2018_groups_and_ranks():
    con = duckdb.connect()
    source = duckdb_source("egdi_country")
    groups = dict(con.execute(
        f"SELECT egdi_group, count(*) FROM {source} WHERE survey_year = 2018 GROUP BY 1").fetchall())
    assert groups == {"Very High": 40, "High": 71, "Middle": 66, "Low": 16}
    ranks = dict(con.execute(
        f"SELECT country_name, egdi_rank FROM {source} WHERE survey_year = 2018 "
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


def half_up(value):
    """The report's rounding: half-up to 2 decimals on the value as printed."""
    from decimal import ROUND_HALF_UP, Decimal
    return Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_provincial_2015_figures_recomputed_from_the_unit_scores():
    """Every 2015 figure of the report digest, recomputed here from the published unit table."""
    units = table("province_capability").to_pylist()
    assert len(units) == 32
    scores = [u["capability_index"] for u in units]
    mean = sum(scores) / len(scores)
    assert half_up(mean) == half_up(76.48)
    assert sum(s > mean for s in scores) == 15
    bands = {}
    for u in units:
        bands.setdefault(u["band"], []).append(u["capability_index"])
    assert {b: len(v) for b, v in bands.items()} == {"非常高": 2, "高": 12, "中": 13, "低": 5}
    assert [half_up(len(bands[b]) / 32 * 100) for b in ("非常高", "高", "中", "低")] == [
        half_up(6.25), half_up(37.5), half_up(40.63), half_up(15.63)]
    high_or_above = bands["非常高"] + bands["高"]
    for group, figure, diff in ((high_or_above, 85.10, 11.27), (bands["中"], 72.21, -5.58), (bands["低"], 63.43, -17.06)):
        group_mean = sum(group) / len(group)
        assert half_up(group_mean) == half_up(figure)
        assert half_up((group_mean - mean) / mean * 100) == half_up(diff)
    for column, figure in (("guide_accuracy", 78.17), ("interactivity", 77.98), ("completeness", 77.09), ("coverage", 70.73)):
        assert half_up(sum(u[column] for u in units) / 32) == half_up(figure)
    ranked = sorted(units, key=lambda u: -u["capability_index"])
    assert [u["province_division_code"] for u in ranked[:5]] == ["330000", "320000", "430000", "510000", "420000"]
    assert sorted(u["province_division_code"] for u in units if u["band"] == "低") == [
        "140000", "500000", "530000", "540000", "610000"]
    # The summary's display column says the same as this recomputation.
    summary = {r["band"]: r for r in table("province_capability_summary").to_pylist()}
    assert str(summary["中"]["band_share_pct_display"]) == "40.63"
    assert str(summary["高及以上"]["band_mean_diff_pct_display"]) == "11.27"


def test_checklist_index_equals_the_authors_egi():
    con = duckdb.connect()
    data = Path(__file__).resolve().parents[4] / "data" / "chile-municipal-egi"
    mismatches, matched = con.execute(f"""
        SELECT sum(CASE WHEN abs(o.checklist_index - p.egi) > 1e-12 THEN 1 ELSE 0 END), count(*)
        FROM {duckdb_source("chile_municipal_checklist")} o
        JOIN read_csv('{data}/local_gov_indicators_*.csv', nullstr='NA') p
          ON o.cut_com = p.cut_com AND o.year = p.year
        WHERE p.egi IS NOT NULL""").fetchone()
    assert (mismatches, matched) == (0, 337 + 333)
