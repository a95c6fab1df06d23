"""DuckDB side of the medical-insurance screening benchmark: every rule as SQL over the same four CSV
files the Swift screener read, timed, and each lead's key (rule|subject|detail, as LianxinCore's
Lead.key builds it) compared with the Swift run's keys.

    python3 scripts/bench/medical_insurance_duckdb.py DIRECTORY
"""
import sys
import time

import duckdb

directory = sys.argv[1]
con = duckdb.connect()
start = time.perf_counter()
con.execute(f"""
CREATE TABLE s AS SELECT * FROM read_csv('{directory}/settlements.csv', header=true, all_varchar=true);
CREATE TABLE i AS SELECT * FROM read_csv('{directory}/items.csv', header=true, all_varchar=true);
CREATE TABLE p AS SELECT * FROM read_csv('{directory}/prices.csv', header=true, all_varchar=true);
CREATE TABLE x AS SELECT * FROM read_csv('{directory}/sex_items.csv', header=true, all_varchar=true);
CREATE TABLE st AS SELECT settlement_id AS id, institution_code AS inst, patient_id AS patient, patient_sex AS sex, visit_type AS visit,
  CAST(admission_date AS DATE) AS adm, CAST(discharge_date AS DATE) AS dis, upper(primary_diagnosis) AS dx,
  coalesce(secondary_diagnoses, '') AS dx2, substr(upper(primary_diagnosis), 1, 3) AS grp,
  CAST(round(CAST(total_amount AS DECIMAL(18,2)) * 100) AS BIGINT) AS total_fen FROM s;
CREATE TABLE it AS SELECT settlement_id AS sid, CAST(line_no AS INTEGER) AS line, item_code AS code, item_type AS type,
  CAST(quantity AS DOUBLE) AS qty, CAST(round(CAST(unit_price AS DECIMAL(18,2)) * 100) AS BIGINT) AS price_fen,
  TRY_CAST(days_supply AS INTEGER) AS days, CAST(charged_at AS DATE) AS day FROM i;
CREATE TABLE pr AS SELECT item_code AS code, CAST(round(CAST(max_unit_price AS DECIMAL(18,2)) * 100) AS BIGINT) AS max_fen FROM p;
""")
load = time.perf_counter() - start

rules = {
    "duplicate-charge": """
        SELECT 'duplicate-charge|' || sid || '|' || string_agg(CAST(line AS VARCHAR), ';' ORDER BY line)
        FROM it GROUP BY sid, code, day HAVING count(*) > 1""",
    "split-admission": """
        WITH pairs AS (
          SELECT a.id, b.id AS prev, a.grp, row_number() OVER (PARTITION BY a.id ORDER BY b.dis DESC, b.id DESC) AS n
          FROM st a JOIN st b ON a.patient = b.patient AND a.inst = b.inst AND a.grp = b.grp AND a.id <> b.id
          WHERE a.visit = 'inpatient' AND b.visit = 'inpatient'
            AND (b.adm < a.adm OR (b.adm = a.adm AND b.id < a.id))
            AND date_diff('day', b.dis, a.adm) BETWEEN 0 AND 15)
        SELECT 'split-admission|' || id || '|' || prev || '/' || grp FROM pairs WHERE n = 1""",
    "excess-supply": """
        SELECT 'excess-supply|' || it.sid || '|' || it.line FROM it JOIN st ON st.id = it.sid
        WHERE st.visit = 'outpatient' AND it.type = 'drug' AND it.days > 30""",
    "over-price": """
        SELECT 'over-price|' || it.sid || '|' || it.line FROM it JOIN pr USING (code) WHERE it.price_fen > pr.max_fen""",
    "sex-mismatch": """
        SELECT 'sex-mismatch|' || it.sid || '|' || it.line FROM it JOIN x ON x.item_code = it.code JOIN st ON st.id = it.sid
        WHERE x.sex <> st.sex
        UNION ALL
        SELECT 'sex-mismatch|' || id || '|' || code FROM (
          SELECT id, list_filter([dx] || CASE WHEN dx2 = '' THEN [] ELSE str_split(upper(dx2), ';') END,
                                 lambda c: regexp_matches(c, '^O([0-9][0-9]|9A)'))[1] AS code
          FROM st WHERE sex = '1') WHERE code IS NOT NULL""",
    "trauma-check": """
        SELECT 'trauma-check|' || id || '|' || dx FROM st WHERE regexp_matches(dx, '^(S[0-9][0-9]|T(0[0-9]|1[0-4]))')""",
    "bed-only-stay": """
        WITH days AS (
          SELECT it.sid, it.day, st.adm FROM it JOIN st ON st.id = it.sid
          WHERE st.visit = 'inpatient' AND date_diff('day', st.adm, st.dis) >= 3 AND it.day BETWEEN st.adm AND st.dis
          GROUP BY it.sid, it.day, st.adm HAVING bool_and(it.type = 'bed')),
        islands AS (
          SELECT sid, day, date_diff('day', adm, day) - row_number() OVER (PARTITION BY sid ORDER BY day) AS island FROM days),
        runs AS (SELECT sid, island FROM islands GROUP BY sid, island HAVING count(*) >= 2),
        bed_days AS (SELECT islands.sid, islands.day FROM islands JOIN runs USING (sid, island))
        SELECT 'bed-only-stay|' || it.sid || '|' || string_agg(CAST(it.line AS VARCHAR), ';' ORDER BY it.line)
        FROM it JOIN bed_days ON bed_days.sid = it.sid AND bed_days.day = it.day GROUP BY it.sid""",
    "cost-outlier": """
        WITH cells AS (
          SELECT visit, grp, inst, count(*) AS cases, sum(total_fen) / count(*) AS cost FROM st GROUP BY visit, grp, inst HAVING count(*) >= 5),
        groups AS (SELECT visit, grp, median(cost) AS med FROM cells GROUP BY visit, grp HAVING count(*) >= 5),
        spread AS (
          SELECT cells.visit, cells.grp, any_value(groups.med) AS med, median(abs(cells.cost - groups.med)) AS mad
          FROM cells JOIN groups USING (visit, grp) GROUP BY cells.visit, cells.grp)
        SELECT 'cost-outlier|institution:' || inst || '|' || visit || '/' || grp
        FROM cells JOIN spread USING (visit, grp) WHERE mad > 0 AND 0.6745 * (cost - med) / mad > 3.5""",
}
start = time.perf_counter()
keys = set()
counts = {}
for rule, sql in rules.items():
    found = [row[0] for row in con.execute(sql).fetchall()]
    counts[rule] = len(found)
    keys.update(found)
screen = time.perf_counter() - start
lines = con.execute("SELECT count(*) FROM it").fetchone()[0]
per_rule = ", ".join(f"{rule} {count}" for rule, count in sorted(counts.items()) if count)
print(f"duckdb {duckdb.__version__}: loaded the CSV files in {load:.2f} s; screened {lines} lines with all rules in {screen:.3f} s: {len(keys)} leads ({per_rule})")
swift = set(open(f"{directory}/swift_leads.txt", encoding="utf-8").read().split("\n")) - {""}
only_swift, only_duck = sorted(swift - keys), sorted(keys - swift)
if only_swift or only_duck:
    print(f"DIFFERENT: {len(only_swift)} leads only in Swift {only_swift[:5]}, {len(only_duck)} only in DuckDB {only_duck[:5]}")
    sys.exit(1)
print(f"same leads: both engines found the same {len(keys)} leads")
