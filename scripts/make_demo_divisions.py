#!/usr/bin/env python3
"""Builds Resources/Data/divisions-shangrao.csv, the demo city's division codes, from the public
division files in ../shared/data/divisions (see Resources/Data/NOTICE.md for sources and licences).
Run once by a developer; the product ships the output, not this input."""
import csv, pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent
shared = root.parent / "shared" / "data" / "divisions"
out = root / "Resources" / "Data" / "divisions-shangrao.csv"
CITY, COMMUNITY_COUNTIES = "3611", {"361102"}

rows = [("36", "province", "江西省", "")]
townships = set()
with open(shared / "jiangxi_townships_2023.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["code"].startswith(CITY):
            rows.append((r["code"], r["level"], r["name"], r["parent_code"]))
            if r["level"] == "township":
                townships.add(r["code"])
with open(shared / "jiangxi_villages_2016.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        code = r["code"]
        if r["level"] == "village" and code[:6] in COMMUNITY_COUNTIES and code[:9] in townships:
            rows.append((code, "community", r["name"], code[:9]))
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "level", "name", "parent_code"])
    w.writerows(rows)
print(f"wrote {len(rows)} divisions to {out}", file=sys.stderr)
