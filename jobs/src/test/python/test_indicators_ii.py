"""Indicators II read back with pyarrow and DuckDB and recounted from the raw inputs here.

Expected figures are counted in the real CSV files (NYC 311, CISA .gov registry) or in the
bundled generated sample by this test, with no code shared with the Spark jobs.
"""
import csv
import math
import os
from pathlib import Path

import duckdb
from published import duckdb_source, read

WAREHOUSE = Path(os.environ.get("EGOV_WAREHOUSE", "warehouse"))
DATA = Path(__file__).resolve().parents[4] / "data"


def table(name):
    return read(name).to_pylist()


def test_nyc311_requests_and_closure_per_borough_match_the_raw_csv():
    rows = list(csv.DictReader(open(DATA / "nyc311-sample" / "311_Service_Requests_from_2010_to_Present.csv",
                                    encoding="utf-8-sig")))
    counts, closed = {}, {}
    for r in rows:
        counts[r["Borough"]] = counts.get(r["Borough"], 0) + 1
        closed[r["Borough"]] = closed.get(r["Borough"], 0) + (1 if r["Closed Date"].strip() else 0)
    population = {r["borough"]: int(r["population_2020"]) for r in
                  csv.DictReader(open(DATA.parent / "conf" / "reference" / "nyc_borough_population_2020.csv"))}
    published = {r["borough"]: r for r in table("nyc311_service")}
    assert set(published) == set(counts)
    for borough, n in counts.items():
        assert published[borough]["requests"] == n
        assert math.isclose(published[borough]["closure_rate"], closed[borough] / n, rel_tol=1e-12)
        assert math.isclose(published[borough]["requests_per_10k"], n * 10000 / population[borough], rel_tol=1e-12)


def test_dotgov_security_contact_share_matches_the_raw_registry():
    rows = list(csv.DictReader(open(DATA / "us-dotgov-domains" / "current-full.csv", encoding="utf-8")))
    with_contact = sum(1 for r in rows if r["Security contact email"].strip() not in ("", "(blank)"))
    overall = table("dotgov_security_contacts_overall")
    assert len(overall) == 1
    assert overall[0]["domains"] == len(rows) == 16539
    assert math.isclose(float(overall[0]["security_contact_share"]), with_contact / len(rows), rel_tol=1e-12)
    by_type = {r["domain_type"]: r["domains"] for r in table("dotgov_security_contacts")}
    assert sum(by_type.values()) == len(rows)


def test_city_index_lists_every_city_each_year_within_zero_and_one():
    con = duckdb.connect()
    per_year = con.execute(f"""
        SELECT year, count(*), count(egov_index), min(egov_index), max(egov_index), min(rank), max(rank_in_tier)
        FROM {duckdb_source("city_egov_index")} GROUP BY year ORDER BY year""").fetchall()
    assert [r[0] for r in per_year] == [2017, 2018]
    for year, cities, assessed, lowest, highest, top, _ in per_year:
        assert cities == 337
        assert 300 < assessed <= 337
        assert 0.0 <= lowest < highest <= 1.0
        assert top == 1
    tiers = dict(con.execute(f"SELECT tier, count(*) FROM {duckdb_source('city_egov_index')} WHERE year = 2018 GROUP BY 1").fetchall())
    assert tiers == {"直辖市": 4, "副省级城市": 15, "省会城市": 17, "地级": 301}


def test_vulnerabilities_fixed_within_30_days_recounted_from_the_generated_notices():
    notices, within = {}, {}
    from datetime import date
    seen = set()
    for r in csv.DictReader(open(DATA / "generated" / "vulnerability_notices" / "part-00000.csv", encoding="utf-8")):
        if None in r or r["通报编号"] in seen:  # malformed (extra field) or a duplicate copy
            continue
        seen.add(r["通报编号"])
        notified = date.fromisoformat(r["通报日期"])
        fixed = date.fromisoformat(r["修复日期"]) if r["修复日期"] else None
        if fixed is not None and fixed < notified:  # set aside by the quality rule
            continue
        notices[notified.year] = notices.get(notified.year, 0) + 1
        within[notified.year] = within.get(notified.year, 0) + (1 if fixed is not None and (fixed - notified).days <= 30 else 0)
    national = {r["year"]: r for r in table("vulnerability_fix_speed_national")}
    assert set(national) == set(notices)
    for year in notices:
        assert national[year]["notices"] == notices[year]
        assert math.isclose(float(national[year]["fixed_within_30_days_share"]), within[year] / notices[year], rel_tol=1e-9)


def test_summary_csv_exports_open_as_utf8_with_bom_and_match_the_tables():
    exports = WAREHOUSE / "exports"
    raw = (exports / "province_capability_summary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(exports / "province_capability_summary.csv", encoding="utf-8-sig") as f:
        note = f.readline()
        rows = list(csv.DictReader(f))
    # the first line says the 2015 scores are a fixture, not measured data
    assert note.lstrip('"').startswith("SYNTHETIC DATA 合成数据: province_capability_summary")
    published = table("province_capability_summary")
    assert len(rows) == len(published)
    medium = next(r for r in rows if r["band"] == "中")
    assert medium["band_share_pct_display"] == "40.63"
