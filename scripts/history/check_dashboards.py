#!/usr/bin/env python3
"""Independent check of a history import: computes the dashboard figures from the CSV alone (pandas) and compares
them with what the running server's dashboard API answers after `lianxin import orders`.

From the file it computes, per order, the SLA clocks each step starts and stops (the policy of its category, the
working calendar and the import's rules as written in docs/history-import.md), then the dashboard's counts
(`measures`: received, dispatched, closed, evaluated, satisfied…, every stage's started/stopped/met), the
indicators (response rate, resolution, satisfaction, on-time rate, closure, average completion time…) and the cut
tables by township, unit, top and leaf category, channel and request kind, and 超期未办 (open orders past a deadline).
Reference data (categories and their policies, the SLA policies, the calendar days, unit codes) is read from the
server's API; every figure is computed here. Exits 1 on any difference.

  scripts/history/check_dashboards.py FILE.csv --base http://127.0.0.1:8080 --token TOKEN --division 361102
pandas is installed from PyPI into a venv under /tmp if it is missing.
"""
import argparse, json, math, os, subprocess, sys, time, urllib.request
import datetime as dt

VENV = "/tmp/lianxin-history-venv"
try:
    import pandas as pd
except ImportError:
    if os.environ.get("LIANXIN_HISTORY_VENV") == "1":
        sys.exit("pandas could not be installed")
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "pandas"], check=True)
    os.environ["LIANXIN_HISTORY_VENV"] = "1"
    os.execv(python, [python] + sys.argv)

BEIJING = dt.timezone(dt.timedelta(hours=8))
STAGES = ["create", "dispatch", "sign", "respond", "arrive", "complete", "feedback"]
STEPS = ["received_at", "dispatched_at", "signed_at", "completed_at", "revisited_at", "closed_at"]
CHANNELS = {"热线": "hotline", "网站": "web", "小程序/随手拍": "miniProgram", "网格巡查": "gridPatrol", "走访": "visit",
            "屋场会/红帐篷": "meeting", "信访": "petition", "未诉先办": "proactive", "吹哨": "whistle"}
KINDS = {"咨询": "inquiry", "求助": "assistance", "投诉": "complaint", "举报": "report", "建议": "suggestion", "表扬": "praise"}
SATISFACTION = {"满意": "satisfied", "基本满意": "basicallySatisfied", "不满意": "dissatisfied"}


def get(base, token, path):
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def parse_time(text):
    """The CSV's times: `2025-03-04 09:15[:30]` in Beijing time, or ISO 8601 with an offset."""
    text = text.strip().replace("/", "-").replace("Z", "+00:00")
    moment = dt.datetime.fromisoformat(text.replace(" ", "T"))
    return (moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)).timestamp()


class Calendar:
    def __init__(self, days):
        self.kind = {dt.date.fromisoformat(d["day"]): d["kind"] for d in days}

    def working(self, day):
        kind = self.kind.get(day)
        return kind == "workday" if kind else day.weekday() < 5

    def day_end(self, day):
        """24:00 Beijing time on `day`."""
        return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), BEIJING).timestamp()

    def due(self, start, limit):
        amount, unit = limit["amount"], limit["unit"]
        day = dt.datetime.fromtimestamp(start, BEIJING).date()
        if unit == "minutes":
            return start + amount * 60
        if unit == "workingDays":
            # Received on a rest day: counts as received on the next working day (LIANXIN_REST_DAY_RECEIPT default).
            while not self.working(day):
                day += dt.timedelta(days=1)
            counted = 0
            while counted < amount:
                day += dt.timedelta(days=1)
                counted += self.working(day)
            while not self.working(day):
                day += dt.timedelta(days=1)
            return self.day_end(day)
        if unit == "calendarDays":
            day += dt.timedelta(days=amount)
            while not self.working(day):
                day += dt.timedelta(days=1)
            return self.day_end(day)
        if unit == "endOfDay":
            return self.day_end(day + dt.timedelta(days=amount))
        raise SystemExit(f"time limits in {unit} are not checked by this script")


def clocks(times, limits):
    """Each stage's last clock as (start, stop or None): the clocks each imported step starts and stops."""
    s, d, g, c, r, x = (times.get(k) for k in STEPS)
    spans = {"create": (s, s), "dispatch": (s, d), "sign": (d, g) if d is not None else None,
             "respond": (d, c) if d is not None else None, "arrive": (g, c) if g is not None else None,
             "complete": (d, c) if d is not None else None,
             "feedback": (c, r if r is not None else x) if c is not None else None}
    return {stage: span for stage, span in spans.items() if span is not None and stage in limits}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("csv")
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--token", required=True)
    ap.add_argument("--division", required=True, help="the county the file was imported into")
    args = ap.parse_args()
    started = time.perf_counter()
    base, token = args.base.rstrip("/"), args.token

    categories = {c["code"]: c for c in get(base, token, "/api/v1/categories")}
    paths = {}
    for code, c in categories.items():
        names, parent = [c["name"]], c.get("parentCode")
        while parent and parent in categories:
            names.insert(0, categories[parent]["name"])
            parent = categories[parent].get("parentCode")
        paths["/".join(names)] = code
    policies = {p["code"]: {s["stage"]: s["limit"] for s in p["stages"]} for p in get(base, token, "/api/v1/sla-policies")}
    calendar = Calendar(get(base, token, "/api/v1/calendar-days"))
    units = get(base, token, "/api/v1/departments?limit=500")
    units = units.get("items", units) if isinstance(units, dict) else units
    unit_ids = {u["code"]: u["id"] for u in units}

    frame = pd.read_csv(args.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    now = time.time()
    counters = {}  # (dimension, key) -> counts; ("total", "") is the whole file
    overdue_open = 0
    for row in frame.itertuples(index=False):
        row = row._asdict()
        times = {k: parse_time(row[k]) for k in STEPS if row.get(k, "").strip()}
        code = row["category"].strip()
        code = code if code in categories else paths["/".join(p.strip() for p in code.replace("／", "/").split("/"))]
        limits = policies[categories[code]["slaPolicy"]]
        channel = CHANNELS.get(row.get("channel", "").strip(), row.get("channel", "").strip() or "hotline")
        kind = KINDS.get(row.get("request_kind", "").strip(), row.get("request_kind", "").strip() or "assistance")
        division = row["division"].strip()
        township = division[:9] if len(division) >= 9 else ""
        satisfaction = SATISFACTION.get(row.get("satisfaction", "").strip(), row.get("satisfaction", "").strip())
        solved_text = row.get("solved", "").strip().lower()
        solved = solved_text in ("yes", "true", "1", "是", "已解决") or (
            solved_text == "" and satisfaction not in ("", "dissatisfied"))
        closed = "closed_at" in times
        unit = unit_ids.get(row.get("unit", "").strip(), "") if "dispatched_at" in times else ""
        # An imported order is never cancelled, merged or exempted: it counts in the rates and in the assessable base.
        counts = {"received": 1, "counted": 1, "assessable": 1, "dispatched": int("dispatched_at" in times), "open": int(not closed),
                  "completed": int("completed_at" in times), "completedOnce": int("completed_at" in times),
                  "closed": int(closed), "evaluated": int(bool(satisfaction)),
                  "satisfied": int(satisfaction == "satisfied"), "basicallySatisfied": int(satisfaction == "basicallySatisfied"),
                  "dissatisfied": int(satisfaction == "dissatisfied"), "solved": int(bool(satisfaction) and solved)}
        running_dues = []
        for stage, (start, stop) in clocks(times, limits).items():
            due = calendar.due(start, limits[stage])
            counts[f"{stage}.started"] = 1
            if stop is not None:
                counts[f"{stage}.stopped"] = 1
                counts[f"{stage}.met"] = int(stop <= due)
                counts[f"{stage}.seconds"] = int(math.floor(stop - start))
            elif not closed:
                running_dues.append(due)
        if not closed and running_dues and min(running_dues) < now:
            overdue_open += 1
        for key in [("total", ""), ("division", township), ("department", unit), ("leafCategory", code),
                    ("category", code[:2]), ("channel", channel), ("requestKind", kind)]:
            target = counters.setdefault(key, {})
            for name, value in counts.items():
                target[name] = target.get(name, 0) + value
    first = min(dt.datetime.fromtimestamp(parse_time(t), BEIJING).date() for t in frame["received_at"])
    last = max(dt.datetime.fromtimestamp(parse_time(t), BEIJING).date() for t in frame["received_at"])
    computed = time.perf_counter() - started

    def ratio(a, b):
        return None if b == 0 else a / b

    def indicators(m):
        g = lambda name: m.get(name, 0)
        return {"responseRate": ratio(g("sign.met"), g("sign.started")), "resolutionRate": ratio(g("solved"), g("evaluated")),
                "satisfactionRate": ratio(1.0 * g("satisfied") + 0.9 * g("basicallySatisfied"), g("evaluated")),
                "onTimeRate": ratio(g("complete.met"), g("complete.stopped")), "closureRate": ratio(g("closed"), g("counted")),
                "averageStageTime": ratio(g("complete.seconds") / 60, g("complete.stopped"))}

    dashboard = get(base, token, f"/api/v1/dashboard?division={args.division}&period={first}..{last}")
    problems = []

    def same(a, b):
        return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(b)))

    total = counters[("total", "")]
    for name, value in dashboard["measures"].items():
        if name.endswith(".seconds"):
            continue
        if value != total.get(name, 0):
            problems.append(f"measure {name}: server {value}, file {total.get(name, 0)}")
    if dashboard["overdueOpen"] != overdue_open:
        problems.append(f"overdueOpen: server {dashboard['overdueOpen']}, file {overdue_open}")
    mine = indicators(total)
    shown = {f["id"]: f for f in dashboard["indicators"]}
    for name, value in mine.items():
        if name in shown and not same(shown[name]["value"], value):
            problems.append(f"{name}: server {shown[name]['value']}, file {value}")
    cuts_checked = 0
    for table in dashboard["cuts"]:
        dimension = table["dimension"]
        keys = {k for (d, k) in counters if d == dimension}
        server_keys = {row["key"] for row in table["rows"]}
        if keys != server_keys:
            problems.append(f"{dimension} cut: keys differ: only server {sorted(server_keys - keys)[:5]}, only file {sorted(keys - server_keys)[:5]}")
        for row in table["rows"]:
            m = counters.get((dimension, row["key"]), {})
            cuts_checked += 1
            if row["received"] != m.get("received", 0) or row["counted"] != m.get("counted", 0):
                problems.append(f"{dimension} {row['key']}: received {row['received']}/{m.get('received', 0)}")
            for name, value in indicators(m).items():
                if name in row["values"] or value is not None:
                    if not same(row["values"].get(name), value):
                        problems.append(f"{dimension} {row['key']} {name}: server {row['values'].get(name)}, file {value}")
    print(f"history check: {len(frame)} orders {first}..{last} in {args.division}; computed from the file in {computed:.1f} s")
    print(f"  received {total['received']}, closed {total.get('closed', 0)}, evaluated {total.get('evaluated', 0)}, "
          f"overdue open {overdue_open}; " + ", ".join(f"{k} {v:.4f}" for k, v in mine.items() if v is not None))
    print(f"  compared {len(dashboard['measures'])} measures, {len(mine)} indicators, {cuts_checked} cut rows "
          f"({', '.join(t['dimension'] for t in dashboard['cuts'])})")
    for problem in problems[:40]:
        print("  MISMATCH " + problem)
    print("history check " + ("OK: the dashboard equals the figures computed from the file" if not problems else f"FAILED: {len(problems)} differences"))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
