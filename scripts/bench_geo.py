#!/usr/bin/env python3
"""Point → grid lookup benchmark: Lianxin's PolygonIndex against Shapely 2's STRtree, same data, one core.

For each grid count, `lianxin-bench geo generate` makes grids with LianxinCore's GridGenerator (a
jittered quadrilateral lattice over Shangrao's box, 117.5–118.5E × 28.2–28.8N, 8–40 vertices per grid,
~2% enclaves in holes) into one GeoJSON file. One file of random points (seeded) is shared by all runs.
Both engines read the same files, build their index (best of --repeat) and answer every point in one
batch (best of --repeat), pinned to the same CPU core:

  * Lianxin: PolygonIndex(geometries) and index.areaIDs(containing: points), release build.
  * Shapely: STRtree(polygons) and tree.query(points, predicate="within").

The answers are compared point by point. Usage (from the repository root):

  pip install shapely numpy
  swift build -c release --scratch-path .build-bench-release --product lianxin-bench
  python3 scripts/bench_geo.py [--tool .build-bench-release/release/lianxin-bench] --grids 20000 100000 --points 1000000
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
import shapely
from shapely import STRtree

BOX = (117.5, 28.2, 118.5, 28.8)


def best_of(repeat, action):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tool", default=".build-bench-release/release/lianxin-bench",
                        help="path to the lianxin-bench executable (release build)")
    parser.add_argument("--grids", type=int, nargs="+", default=[20000, 100000])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--core", type=int, default=0, help="CPU core both engines are pinned to")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--workdir", default="/tmp/lianxin-geo-bench")
    args = parser.parse_args()

    os.makedirs(args.workdir, exist_ok=True)
    os.sched_setaffinity(0, {args.core})
    points_path = os.path.join(args.workdir, f"points-{args.points}-{args.seed}.bin")
    if not os.path.exists(points_path):
        rng = np.random.default_rng(args.seed)
        xy = np.column_stack([rng.uniform(BOX[0], BOX[2], args.points), rng.uniform(BOX[1], BOX[3], args.points)])
        xy.astype("<f8").tofile(points_path)
    xy = np.fromfile(points_path, dtype="<f8").reshape(-1, 2)
    points = shapely.points(xy)
    print(f"shapely {shapely.__version__} (GEOS {shapely.geos_version_string}), numpy {np.__version__}, "
          f"{len(points)} points, core {args.core}, best of {args.repeat}")

    rows = []
    for count in args.grids:
        grids_path = os.path.join(args.workdir, f"grids-{count}-{args.seed}.geojson")
        if not os.path.exists(grids_path):
            subprocess.run([args.tool, "geo", "generate", "--grids", str(count), "--seed", str(args.seed),
                            "--grids-out", grids_path], check=True)
        results_path = os.path.join(args.workdir, f"swift-results-{count}.bin")
        swift_run = subprocess.run(
            ["taskset", "-c", str(args.core), args.tool, "geo", "measure", "--grids", grids_path, "--points", points_path,
             "--repeat", str(args.repeat), "--results-out", results_path],
            check=True, capture_output=True, text=True)
        swift = json.loads(swift_run.stdout.strip().splitlines()[-1])
        swift_ids = np.fromfile(results_path, dtype="<i4")

        with open(grids_path, encoding="utf-8") as handle:
            polygons = shapely.get_parts(shapely.from_geojson(handle.read()))
        shapely_build, tree = best_of(args.repeat, lambda: STRtree(polygons))
        shapely_query, pairs = best_of(args.repeat, lambda: tree.query(points, predicate="within"))
        shapely_ids = np.full(len(points), -1, dtype=np.int64)
        shapely_ids[pairs[0]] = pairs[1]
        disagreements = int(np.count_nonzero(shapely_ids != swift_ids))

        row = {
            "grids": swift["grids"],
            "lianxin_build_s": swift["build_s"],
            "lianxin_lookups_per_s": swift["lookups_per_s"],
            "shapely_build_s": shapely_build,
            "shapely_lookups_per_s": len(points) / shapely_query,
            "disagreements": disagreements,
        }
        row["ratio"] = row["lianxin_lookups_per_s"] / row["shapely_lookups_per_s"]
        rows.append(row)
        print(json.dumps(row), flush=True)

    print()
    print(f"{'grids':>8} | {'Lianxin build':>13} {'lookups/s':>12} | {'Shapely build':>13} {'lookups/s':>12} | "
          f"{'ratio':>6} | {'disagree':>8}")
    for row in rows:
        print(f"{row['grids']:>8} | {row['lianxin_build_s']:>12.3f}s {row['lianxin_lookups_per_s']:>12,.0f} | "
              f"{row['shapely_build_s']:>12.3f}s {row['shapely_lookups_per_s']:>12,.0f} | "
              f"{row['ratio']:>5.1f}x | {row['disagreements']:>8}")
    return 0 if all(row["disagreements"] == 0 for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
