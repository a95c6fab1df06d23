#!/usr/bin/env python3
"""Builds Resources/Data/divisions-china-counties.csv: every province, city and county of China
(code,level,name,parent_code), the reference list of places people pick (户籍地, a new county's first run).

Sources (facts, with attribution in Resources/Data/NOTICE.md):
- the national list of PyPI package cpca 0.5.5 (MIT), `cpca/resources/adcodes.csv`, NBS codes of about 2019;
- Jiangxi from ../shared/data/divisions/jiangxi_townships_2023.csv (2023 codes) in place of cpca's Jiangxi.

    pip download cpca==0.5.5 --no-deps -d /tmp/cpca && unzip -o /tmp/cpca/cpca-0.5.5-py3-none-any.whl -d /tmp/cpca
    python3 scripts/make_national_divisions.py /tmp/cpca/cpca/resources/adcodes.csv ../shared/data/divisions/jiangxi_townships_2023.csv
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    national, jiangxi = sys.argv[1], sys.argv[2]
    places = {}
    for row in csv.DictReader(open(national, encoding="utf-8")):
        code = row["adcode"]
        if code.startswith("36"):
            continue
        if code[2:] == "0" * 10:
            places[code[:2]] = ("province", row["name"], "")
        elif code[4:] == "0" * 8:
            places[code[:4]] = ("city", row["name"], code[:2])
        elif code[6:] == "0" * 6:
            places[code[:6]] = ("county", row["name"], code[:4])
    for row in csv.DictReader(open(jiangxi, encoding="utf-8-sig")):
        if row["level"] in ("province", "city", "county"):
            places[row["code"]] = (row["level"], row["name"], row["parent_code"])
    missing = [code for code, (_, _, parent) in places.items() if parent and parent not in places]
    if missing:
        sys.exit(f"parents missing for {missing[:10]}")
    out = os.path.join(ROOT, "Resources", "Data", "divisions-china-counties.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "level", "name", "parent_code"])
        for code in sorted(places, key=lambda c: (c.ljust(6, "0"), len(c))):
            level, name, parent = places[code]
            w.writerow([code, level, name, parent])
    print(f"{len(places)} places written to {out}")


if __name__ == "__main__":
    main()
