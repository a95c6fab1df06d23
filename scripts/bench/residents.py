#!/usr/bin/env python3
"""Resident import benchmark: `lianxin import residents` on N generated residents (default 100,000).

Seeds the demo city into a fresh SQLite file in a work folder (`lianxin demo`: divisions and the
generated grids of 信州区), writes a CSV of N made-up residents spread over those grids (about 3 per
household, 60 households per building; valid ID numbers with the GB 11643 / ISO 7064 MOD 11-2 check
character, unique; mobile phones for 80 %; a tag on about 1 in 8), then runs the import on a release
build, printing its progress lines as they come, and reports wall time, rows/s and the import
process's peak RSS (from getrusage of the child; /usr/bin/time -v is not needed).

Usage (from the repository root):

  swift build -c release --scratch-path .build-release --product lianxin
  scripts/bench/residents.py [--rows 100000] [--seed 11643] [--binary .build-release/release/lianxin]
      [--workdir /tmp/lianxin-residents-bench]

The last line printed is a JSON summary.
"""
import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
# Region codes of first registration; 361102 is left out so that no number meets a demo resident's.
REGIONS = ["361121", "361123", "361124", "361125", "361181", "360702", "360102", "330106", "440305", "110105"]
TAGS = ["livingAloneElderly", "leftBehindChild", "hardship", "disabled", "seriouslyIll", "inDispute", "keyPerson"]
RELATIONS = ["spouse", "child", "child", "parent", "grandchild", "other"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅"


def check_character(first17: str) -> str:
    """ISO 7064 MOD 11-2, as ResidentIDNumber.checkCharacter."""
    check = (12 - sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11) % 11
    return "X" if check == 10 else str(check)


def id_number(rng: random.Random, used: set) -> str:
    while True:
        year = rng.randint(1930, 2020)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        first17 = f"{rng.choice(REGIONS)}{year:04d}{month:02d}{day:02d}{rng.randint(0, 999):03d}"
        if first17 not in used:
            used.add(first17)
            return first17 + check_character(first17)


def generate(path: str, rows: int, grids: list, seed: int) -> None:
    rng = random.Random(seed)
    used: set = set()
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("grid_code,building,door,name,id_number,phone,relation,tags,residence_type\n")
        written = 0
        household = 0
        while written < rows:
            grid = grids[(household // 60) % len(grids)]
            building = f"幸福小区 {household // 60 + 1} 栋"
            door = f"{(household % 60) // 6 + 1}-{household % 6 + 1:02d}"
            for member in range(min(rng.choice([1, 2, 3, 3, 4, 5]), rows - written)):
                name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
                phone = f"1{rng.choice('3456789')}{rng.randint(0, 999999999):09d}" if rng.random() < 0.8 else ""
                relation = "head" if member == 0 else rng.choice(RELATIONS)
                tags = rng.choice(TAGS) if rng.random() < 0.125 else ""
                residence = "floating" if rng.random() < 0.1 else "permanent"
                out.write(f"{grid},{building},{door},{name},{id_number(rng, used)},{phone},{relation},{tags},{residence}\n")
                written += 1
            household += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=11643)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/lianxin"))
    parser.add_argument("--workdir", default="/tmp/lianxin-residents-bench")
    args = parser.parse_args()

    if not os.access(args.binary, os.X_OK):
        sys.exit(f"{args.binary} not found: swift build -c release --scratch-path .build-release --product lianxin")
    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    database = os.path.join(args.workdir, "lianxin.sqlite")
    env = dict(os.environ, LIANXIN_DATA_DIR=args.workdir, LIANXIN_RESOURCES_DIR=os.path.join(ROOT, "Resources"),
               LIANXIN_DATABASE_URL=f"sqlite://{database}",
               LIANXIN_SECRET_KEY="bench-secret-key-bench-secret-key-0123456789", LIANXIN_LOG_LEVEL="warning",
               LIANXIN_BCRYPT_COST="4", LIANXIN_SCHEDULER="false")
    subprocess.run([args.binary, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    with sqlite3.connect(database) as db:
        grids = [row[0] for row in db.execute("SELECT code FROM grids WHERE valid_to IS NULL AND community_code LIKE '361102%' ORDER BY code")]
    if not grids:
        sys.exit("the demo seeded no grids")

    csv_path = os.path.join(args.workdir, f"residents-{args.rows}.csv")
    started = time.perf_counter()
    generate(csv_path, args.rows, grids, args.seed)
    print(f"generated {args.rows:,} residents over {len(grids)} grids in {time.perf_counter() - started:.1f} s "
          f"({os.path.getsize(csv_path) / 1e6:.1f} MB)", flush=True)

    started = time.perf_counter()
    process = subprocess.Popen([args.binary, "import", "residents", csv_path], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    for line in process.stdout:
        print(f"  [{time.perf_counter() - started:6.1f} s] {line.rstrip()}", flush=True)
    code = process.wait()
    wall = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB on Linux; the largest child
    if code != 0:
        sys.exit(f"import failed with exit code {code}")
    with sqlite3.connect(database) as db:
        stored = db.execute("SELECT COUNT(*) FROM residents").fetchone()[0]
    summary = {"rows": args.rows, "stored": stored, "seconds": round(wall, 2), "rows_per_second": round(args.rows / wall),
               "peak_rss_mb": round(peak_mb, 1), "csv_mb": round(os.path.getsize(csv_path) / 1e6, 1)}
    print(f"import: {args.rows:,} rows in {wall:.1f} s = {args.rows / wall:,.0f} rows/s, peak RSS {peak_mb:,.0f} MB")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
