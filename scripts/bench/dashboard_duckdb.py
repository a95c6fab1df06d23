"""Computes the dashboard figures with DuckDB from the orders CSV and compares them with Lianxin's (RESULT lines)."""
import json, math, sys, time
import duckdb

csv_path, *result_files = sys.argv[1:]
results = []
for path in result_files:
    line = next(l for l in open(path, encoding="utf-8") if l.startswith("RESULT "))
    results.append((path, json.loads(line[len("RESULT "):])))
r = results[0][1]

con = duckdb.connect()
t0 = time.perf_counter()
con.execute(f"CREATE TABLE orders AS SELECT * FROM read_csv_auto('{csv_path}', header=true, all_varchar=false, types={{'day': 'VARCHAR', 'city': 'VARCHAR', 'county': 'VARCHAR', 'township': 'VARCHAR', 'community': 'VARCHAR', 'grid': 'VARCHAR', 'department_id': 'VARCHAR', 'category_code': 'VARCHAR', 'overdue_after': 'BIGINT'}})")
load = time.perf_counter() - t0

names = ["received", "cancelled", "merged", "dispatched", "closed", "evaluated", "satisfied", "basicallySatisfied",
         "solved", "reopened", "completedOnce", "extended", "sign.started", "sign.met", "complete.stopped", "complete.met"]
def ratio(a, b):
    return None if b == 0 else a / b

def month_figures(condition=""):
    """The city/month counts, 超期未办 and the seven rates, over the orders that also meet `condition`."""
    month = con.execute(f"""
      SELECT SUM(received), SUM(cancelled), SUM(merged), SUM(dispatched), SUM(closed), SUM(evaluated), SUM(satisfied),
             SUM(basically_satisfied), SUM(solved), SUM(reopened), SUM(completed_once), SUM(extended), SUM(sign_started),
             SUM(sign_met), SUM(complete_stopped), SUM(complete_met)
      FROM orders WHERE city = '3611' AND day BETWEEN '{r['monthFirst']}' AND '{r['monthLast']}' {condition}""").fetchone()
    overdue = con.execute(f"""
      SELECT COUNT(*) FROM orders WHERE city = '3611' AND day BETWEEN '{r['monthFirst']}' AND '{r['monthLast']}' {condition}
      AND overdue_after IS NOT NULL AND overdue_after < {r['now']}""").fetchone()[0]
    m = dict(zip(names, [int(v or 0) for v in month]))
    counted = m["received"] - m["cancelled"] - m["merged"]
    rates = {
        "responseRate": ratio(m["sign.met"], m["sign.started"]),
        "resolutionRate": ratio(m["solved"], m["evaluated"]),
        "satisfactionRate": ratio(1.0 * m["satisfied"] + 0.9 * m["basicallySatisfied"], m["evaluated"]),
        "onTimeRate": ratio(m["complete.met"], m["complete.stopped"]),
        "closureRate": ratio(m["closed"], counted),
        "reopenRate": ratio(m["reopened"], m["completedOnce"]),
        "extensionRate": ratio(m["extended"], m["dispatched"]),
    }
    return m, overdue, rates

t0 = time.perf_counter()
m, overdue, duck_rates = month_figures()
month_ms = (time.perf_counter() - t0) * 1000
t0 = time.perf_counter()
fm, f_overdue, f_rates = month_figures("AND channel = 'miniProgram'")
filtered_ms = (time.perf_counter() - t0) * 1000

t0 = time.perf_counter()
rows = con.execute(f"""
  SELECT community, SUM(received) - SUM(cancelled) - SUM(merged) AS counted,
         SUM(sign_met), SUM(sign_started), SUM(solved), SUM(evaluated), SUM(satisfied), SUM(basically_satisfied)
  FROM orders WHERE city = '3611' AND day BETWEEN '{r['quarterFirst']}' AND '{r['quarterLast']}'
  GROUP BY community""").fetchall()
rank_ms = (time.perf_counter() - t0) * 1000

def score(sign_met, sign_started, solved, evaluated, sat, basic):
    # The same operations in the same order as AssessmentScheme.score, so the doubles agree bit for bit.
    weighted, total = 0.0, 0.0
    if sign_started:
        weighted += 10 * (100 * (sign_met / sign_started)); total += 10
    if evaluated:
        weighted += 45 * (100 * (solved / evaluated)); total += 45
        weighted += 45 * (100 * ((1.0 * sat + 0.9 * basic) / evaluated)); total += 45
    return None if total == 0 else weighted / total
def shown(x):
    return None if x is None else math.floor(x * 100 + 0.5) / 100
duck_scores = {row[0]: (shown(score(*[int(x) for x in row[2:]])), int(row[1])) for row in rows}

ok = True
for path, res in results:
    engine = "sqlite" if "sqlite" in path else "postgres"
    mismatches = []
    for label, counts, over, rates, mine_counts, mine_over, mine_rates in [
            ("", m, overdue, duck_rates, res["dashboard"], res["overdueOpen"], res["indicators"]),
            ("miniProgram ", fm, f_overdue, f_rates, res["filtered"], res["filteredOverdueOpen"], res["filteredIndicators"])]:
        for name in names:
            if mine_counts.get(name) != counts[name]: mismatches.append(f"{label}{name}: {mine_counts.get(name)} vs {counts[name]}")
        if mine_over != over: mismatches.append(f"{label}overdueOpen: {mine_over} vs {over}")
        for key, value in rates.items():
            mine = mine_rates.get(key)
            if (mine is None) != (value is None) or (mine is not None and mine != value):
                mismatches.append(f"{label}{key}: {mine} vs {value}")
    for row in res["ranking"]:
        duck = duck_scores.get(row["code"], (None, 0))
        if row["orders"] != duck[1] or (row["score"] is None) != (duck[0] is None) or (row["score"] is not None and row["score"] != duck[0]):
            mismatches.append(f"ranking {row['code']}: {row['score']}/{row['orders']} vs {duck[0]}/{duck[1]}")
    ok = ok and not mismatches
    print(f"{engine}: {res['orders']} orders, {res['rows']} rollup rows, {res['summaryRows']} summary rows, "
          f"{res['openOrders']} open ({res['overdueOpen']} overdue in the month); city/month dashboard {res['dashboardMedianMs']:.1f} ms, "
          f"all-communities/quarter ranking {res['rankingMedianMs']:.1f} ms, city/month dashboard of one channel "
          f"{res['filteredMedianMs']:.1f} ms (medians); figures vs DuckDB: "
          + ("all equal" if not mismatches else f"{len(mismatches)} differ: " + "; ".join(mismatches[:5])))
print(f"duckdb: load CSV {load:.1f} s; city/month {month_ms:.1f} ms; city/month of one channel {filtered_ms:.1f} ms; communities/quarter {rank_ms:.1f} ms (from {r['orders']} order rows)")
print(f"dashboard bench {'OK' if ok else 'MISMATCH'}")
sys.exit(0 if ok else 1)
