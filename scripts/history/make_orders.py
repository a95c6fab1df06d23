#!/usr/bin/env python3
"""Writes a CSV of realistic order history for `lianxin import orders` (columns in docs/history-import.md).

Seeded and repeatable: the same --seed and --now give the same file. Orders are spread over the 13 months before
--now in one county of the demo city (default 信州区, 361102: its townships and communities, its units XZ-* and the
city's SR-*, the shipped categories), most closed, some open at every step; categories are written by code or by
their names from the top (市容环境/暴露垃圾), channels and kinds in English or Chinese, as other systems do.

  scripts/history/make_orders.py --rows 5000 --out /tmp/orders.csv [--seed 7] [--county 361102] [--now 2026-12-01T00:00:00Z]
"""
import argparse, csv, datetime as dt, os, random, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DATA = os.path.join(ROOT, "Resources", "Data")
BEIJING = dt.timezone(dt.timedelta(hours=8))
COLUMNS = ["number", "received_at", "dispatched_at", "signed_at", "completed_at", "revisited_at", "closed_at", "channel",
           "request_kind", "category", "unit", "division", "longitude", "latitude", "requester_name", "requester_phone",
           "title", "description", "address", "satisfaction", "solved"]
CHANNELS = [("hotline", "热线", 50), ("web", "网站", 8), ("miniProgram", "小程序/随手拍", 20), ("gridPatrol", "网格巡查", 12),
            ("visit", "走访", 5), ("petition", "信访", 5)]
KINDS = [("assistance", "求助", 35), ("complaint", "投诉", 30), ("inquiry", "咨询", 15), ("report", "举报", 10),
         ("suggestion", "建议", 8), ("praise", "表扬", 2)]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文辉斌鹏飞燕萍"
STREETS = ["中山路", "解放路", "胜利路", "带湖路", "滨江路", "五三大道", "凤凰大道", "龙潭路", "书院路", "茶圣路"]


def read(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def weighted(rng, items):
    return rng.choices(items, weights=[i[-1] for i in items])[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--county", default="361102")
    ap.add_argument("--now", help="the moment of the import (ISO 8601; default now, minus an hour)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    now = (dt.datetime.fromisoformat(args.now.replace("Z", "+00:00")) if args.now
           else dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1))
    divisions = read("divisions-shangrao.csv")
    communities = [d["code"] for d in divisions if d["level"] == "community" and d["code"].startswith(args.county)]
    townships = [d["code"] for d in divisions if d["level"] == "township" and d["code"].startswith(args.county)]
    units = [u["code"] for u in read("departments-demo.csv") if args.county.startswith(u["division_code"]) or u["division_code"].startswith(args.county)]
    # The default catalogue a county starts from (`lianxin import categories default`).
    categories = [c for c in read("catalogue-default.csv") if c.get("active", "true") == "true"]
    by_code = {c["code"]: c for c in categories}

    def path(code):
        names = []
        while code in by_code:
            names.insert(0, by_code[code]["name"])
            code = by_code[code]["parent_code"]
        return "/".join(names)

    leaves = [c for c in categories if not any(o["parent_code"] == c["code"] for o in categories)]
    if not communities or not units or not leaves:
        sys.exit(f"no communities, units or categories for county {args.county}")
    start = now - dt.timedelta(days=395)
    span = (now - start).total_seconds()
    per_day = {}
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(COLUMNS)
        for _ in range(args.rows):
            received = start + dt.timedelta(seconds=int(rng.random() ** 0.8 * span))
            # Office hours mostly, a few at night.
            local = received.astimezone(BEIJING)
            if rng.random() < 0.85 and not 8 <= local.hour < 20:
                received += dt.timedelta(hours=12)
            if received > now - dt.timedelta(minutes=30):
                received = now - dt.timedelta(minutes=rng.randint(30, 600))
            day = received.astimezone(BEIJING).strftime("%Y%m%d")
            per_day[day] = per_day.get(day, 0) + 1
            number = f"{day}7{per_day[day]:05d}"
            category = rng.choice(leaves)
            category_text = path(category["code"]) if category["parent_code"] and rng.random() < 0.3 else category["code"]
            channel = weighted(rng, CHANNELS)
            kind = weighted(rng, KINDS)
            division = rng.choice(communities) if rng.random() < 0.9 else rng.choice(townships)
            steps = {"received_at": received}
            age = (now - received).total_seconds() / 86400
            roll = rng.random()
            # Open orders are recent ones; the older the order, the surer it is closed.
            stop = 6 if age > 30 or roll < 0.8 else rng.choice([1, 2, 3, 4, 5])
            t = received
            plan = [("dispatched_at", 5, 240), ("signed_at", 1, 360), ("completed_at", 60, 60 * 24 * 9),
                    ("revisited_at", 30, 60 * 24 * 3), ("closed_at", 5, 60 * 24)]
            for index, (name, low, high) in enumerate(plan, start=2):
                if index > stop:
                    break
                if name == "revisited_at" and rng.random() < 0.12:
                    continue  # closed without a revisit (咨询 answered on the phone, requester unreachable)
                minutes = rng.randint(low, high) if rng.random() < 0.85 else rng.randint(low, high * 3)
                t = min(t + dt.timedelta(minutes=minutes), now - dt.timedelta(minutes=1))
                steps[name] = t
            satisfaction = solved = ""
            if "revisited_at" in steps:
                s = rng.random()
                satisfaction = "satisfied" if s < 0.7 else "basicallySatisfied" if s < 0.9 else "dissatisfied"
                if rng.random() < 0.4:
                    satisfaction = {"satisfied": "满意", "basicallySatisfied": "基本满意", "dissatisfied": "不满意"}[satisfaction]
                solved = "否" if satisfaction in ("dissatisfied", "不满意") and rng.random() < 0.7 else ("是" if rng.random() < 0.5 else "yes")
            anonymous = rng.random() < 0.15
            name = "" if anonymous else rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
            phone = "" if anonymous else f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}"
            fmt = lambda t: t.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")
            out.writerow([
                number, fmt(received), *(fmt(steps[c]) if c in steps else "" for c in COLUMNS[2:7]),
                channel[1] if rng.random() < 0.3 else channel[0], kind[1] if rng.random() < 0.3 else kind[0], category_text,
                rng.choice(units) if "dispatched_at" in steps else "", division, "", "", name, phone,
                category["name"] if category["name"].endswith("问题") else f"{category['name']}问题", f"居民反映{rng.choice(STREETS)}附近{category['name']}，请尽快处理。",
                f"{rng.choice(STREETS)}{rng.randint(1, 300)}号", satisfaction, solved])
    print(f"wrote {args.rows} orders to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
