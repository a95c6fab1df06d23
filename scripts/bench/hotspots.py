#!/usr/bin/env python3
"""Hotspot clustering benchmark: LianxinCore's SpatialDBSCAN against scikit-learn's DBSCAN, same points, one core.

N synthetic orders (default 1,000,000, seeded) look like a city's few months of geolocated citizen
requests over Shangrao's box (117.5–118.5E × 28.2–28.8N):

  * hotspots (60 %): about 8,000 Gaussian blobs per million orders, 15–300 m across and stretched 1–3
    times along a random heading (a street), holding from a few to thousands of orders each (log-normal,
    median 40); two thirds lie in the towns, the rest anywhere (villages);
  * urban areas (25 %): the city, five district seats and 25 towns as broad Gaussians (2.5–7 km), thinner
    than DBSCAN's density threshold, so that on their own they are mostly noise;
  * rural background (15 %): uniform over the box.

Points are shuffled (orders arrive in time, not place, order) and written as float64 (lon, lat) pairs
to the work folder, cached by their parameters. Then, pinned to one core:

  * Lianxin: `lianxin-bench cluster` (release build) runs SpatialDBSCAN(radiusMeters:minimumPoints:);
    its own clustering time is reported, and the wall time including process start and file load.
  * scikit-learn: DBSCAN(eps=radius/R, min_samples=M, metric="haversine", algorithm="ball_tree",
    n_jobs=1) on radians (lat, lon), R = 6,371,008.8 m as GeoPoint.meanEarthRadius; fit() is timed.

Agreement: the adjusted Rand index over all points (noise as one label) and the pair-counting F1 over
clustered pairs. Core points and noise do not depend on visit order, so both must find the same clusters
and noise; only border points reachable from two clusters may go either way.

Defaults: radius 100 m and 10 orders. At a million orders (months, all categories) the hotspot page's
weekly per-category default of 300 m / 5 would join every built-up area into one cluster.

Usage (from the repository root):

  swift build -c release --scratch-path .build-bench-release --product lianxin-bench
  scripts/bench/hotspots.py [--points 1000000] [--radius-m 100] [--min-points 10] [--seed 2024]
      [--repeat 1] [--core 0] [--tool .build-bench-release/release/lianxin-bench] [--workdir /tmp/lianxin-hotspot-bench]

  scripts/bench/hotspots.py --points 50000     # quick run

Installs numpy and scikit-learn with pip if they are missing. The last line printed is a JSON summary.
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time

for module, package in (("numpy", "numpy"), ("sklearn", "scikit-learn")):
    if importlib.util.find_spec(module) is None:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", package])

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.cluster import DBSCAN  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BOX = (117.5, 28.2, 118.5, 28.8)
EARTH_RADIUS = 6_371_008.8  # GeoPoint.meanEarthRadius
METRES_PER_DEGREE = EARTH_RADIUS * np.pi / 180
GENERATOR_VERSION = 1  # bump when the point generator changes, so cached files are not reused

# (lon, lat, share of urban orders, spread in km): the city, district seats and towns, roughly placed.
TOWNS = [
    (117.97, 28.45, 0.12, 7.0), (118.20, 28.43, 0.08, 5.0), (117.91, 28.42, 0.06, 4.0),
    (117.72, 28.30, 0.05, 3.5), (118.37, 28.55, 0.04, 3.0), (117.60, 28.62, 0.04, 3.0),
] + [(None, None, 0.61 / 25, 2.5 + 1.5 * k / 24) for k in range(25)]  # 25 small towns, placed by the seed


def metres_to_degrees(dx, dy, lat):
    """Offsets in metres east and north to degrees of longitude and latitude at latitude `lat`."""
    return dx / (METRES_PER_DEGREE * np.cos(np.radians(lat))), dy / METRES_PER_DEGREE


def generate_points(count, seed):
    """`count` shuffled (lon, lat) rows: hotspots, urban areas and rural background inside BOX."""
    rng = np.random.default_rng(seed)
    towns = []
    for lon, lat, share, spread_km in TOWNS:
        if lon is None:
            lon, lat = rng.uniform(BOX[0] + 0.05, BOX[2] - 0.05), rng.uniform(BOX[1] + 0.04, BOX[3] - 0.04)
        towns.append((lon, lat, share, spread_km * 1000))
    town_lon, town_lat, town_share, town_spread = (np.array(column) for column in zip(*towns))
    town_share = town_share / town_share.sum()

    def around_towns(n, spread_scale):
        town = rng.choice(len(towns), size=n, p=town_share)
        dlon, dlat = metres_to_degrees(rng.normal(0, town_spread[town] * spread_scale),
                                       rng.normal(0, town_spread[town] * spread_scale), town_lat[town])
        return np.column_stack([town_lon[town] + dlon, town_lat[town] + dlat])

    def uniform(n):
        return np.column_stack([rng.uniform(BOX[0], BOX[2], n), rng.uniform(BOX[1], BOX[3], n)])

    def hotspots(n):
        sizes = np.clip(rng.lognormal(np.log(40), 1.1, size=n // 60), 3, 4000).astype(np.int64)
        sizes = sizes[np.cumsum(sizes) <= n]
        centres = np.where(rng.random(len(sizes))[:, None] < 0.65, around_towns(len(sizes), 1.2), uniform(len(sizes)))
        widths = np.exp(rng.uniform(np.log(15), np.log(300), len(sizes)))  # metres, across the street
        stretch = rng.uniform(1, 3, len(sizes))  # along it
        heading = rng.uniform(0, np.pi, len(sizes))
        blob = np.repeat(np.arange(len(sizes)), sizes)
        along = rng.normal(0, 1, len(blob)) * widths[blob] * stretch[blob]
        across = rng.normal(0, 1, len(blob)) * widths[blob]
        east = along * np.cos(heading[blob]) - across * np.sin(heading[blob])
        north = along * np.sin(heading[blob]) + across * np.cos(heading[blob])
        dlon, dlat = metres_to_degrees(east, north, centres[blob, 1])
        return np.column_stack([centres[blob, 0] + dlon, centres[blob, 1] + dlat]), len(sizes)

    spots, spot_count = hotspots(int(count * 0.60))
    parts = [spots, around_towns(int(count * 0.25), 1.0)]
    parts.append(uniform(count - sum(len(part) for part in parts)))
    points = np.concatenate(parts)
    inside = (points[:, 0] >= BOX[0]) & (points[:, 0] < BOX[2]) & (points[:, 1] >= BOX[1]) & (points[:, 1] < BOX[3])
    points = np.concatenate([points[inside], uniform(count - int(inside.sum()))])  # replace strays by background
    return points[rng.permutation(count)], spot_count


def pair_f1(left, right):
    """Pair-counting F1 over clustered pairs: pairs in one cluster in both / mean of pairs in one cluster in each."""
    def pairs(counts):
        counts = counts.astype(np.int64)
        return int((counts * (counts - 1) // 2).sum())

    clustered = (left >= 0) & (right >= 0)
    _, together = np.unique(left[clustered].astype(np.int64) * (int(right.max()) + 1) + right[clustered],
                            return_counts=True)
    left_pairs = pairs(np.unique(left[left >= 0], return_counts=True)[1])
    right_pairs = pairs(np.unique(right[right >= 0], return_counts=True)[1])
    if left_pairs + right_pairs == 0:
        return 1.0
    return 2 * pairs(together) / (left_pairs + right_pairs)


def best_of(repeat, action):
    """Shortest duration of `repeat` runs of action() in seconds, with the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=1_000_000, help="number of orders (default 1,000,000)")
    parser.add_argument("--radius-m", type=float, default=100.0, help="DBSCAN radius in metres (default 100)")
    parser.add_argument("--min-points", type=int, default=10, help="orders within the radius, itself included (default 10)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs, for both engines")
    parser.add_argument("--core", type=int, default=0, help="CPU core both engines are pinned to")
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build-bench-release/release/lianxin-bench"),
                        help="path to the lianxin-bench executable (release build)")
    parser.add_argument("--workdir", default="/tmp/lianxin-hotspot-bench")
    args = parser.parse_args()
    if args.points < 1 or args.radius_m <= 0 or args.min_points < 1 or args.repeat < 1:
        parser.error("--points, --radius-m, --min-points and --repeat must be positive")
    if not os.access(args.tool, os.X_OK):
        parser.error(f"{args.tool} is not an executable; build it with "
                     "swift build -c release --scratch-path .build-bench-release --product lianxin-bench")

    os.makedirs(args.workdir, exist_ok=True)
    os.sched_setaffinity(0, {args.core})
    points_path = os.path.join(args.workdir, f"orders-v{GENERATOR_VERSION}-{args.points}-{args.seed}.bin")
    if not os.path.exists(points_path):
        points, spot_count = generate_points(args.points, args.seed)
        points.astype("<f8").tofile(points_path + ".tmp")
        os.replace(points_path + ".tmp", points_path)
        print(f"generated {args.points:,} orders ({spot_count:,} hotspot blobs) into {points_path}")
    xy = np.fromfile(points_path, dtype="<f8").reshape(-1, 2)
    print(f"{len(xy):,} orders over {BOX[0]}–{BOX[2]}E × {BOX[1]}–{BOX[3]}N, radius {args.radius_m:g} m, "
          f"min {args.min_points} orders (itself included), core {args.core}, best of {args.repeat}; "
          f"scikit-learn {sklearn.__version__}, numpy {np.__version__}", flush=True)

    labels_path = os.path.join(args.workdir, f"lianxin-labels-{args.points}-{args.seed}.bin")
    start = time.perf_counter()
    swift_run = subprocess.run(
        ["taskset", "-c", str(args.core), args.tool, "cluster", "--points", points_path,
         "--radius-m", repr(args.radius_m), "--min-points", str(args.min_points),
         "--repeat", str(args.repeat), "--labels-out", labels_path],
        check=True, capture_output=True, text=True)
    lianxin_wall = time.perf_counter() - start
    lianxin = json.loads(swift_run.stdout.strip().splitlines()[-1])
    lianxin_labels = np.fromfile(labels_path, dtype="<i4").astype(np.int64)
    print(f"Lianxin: {lianxin['seconds']:.2f} s clustering, {lianxin_wall:.2f} s wall", flush=True)

    radians = np.radians(xy[:, ::-1])  # haversine wants (lat, lon)
    model = DBSCAN(eps=args.radius_m / EARTH_RADIUS, min_samples=args.min_points, metric="haversine",
                   algorithm="ball_tree", n_jobs=1)
    sklearn_seconds, fitted = best_of(args.repeat, lambda: model.fit(radians))
    sklearn_labels = fitted.labels_.astype(np.int64)
    print(f"scikit-learn: {sklearn_seconds:.2f} s fit", flush=True)

    summary = {
        "points": len(xy),
        "radius_m": args.radius_m,
        "min_points": args.min_points,
        "lianxin_s": lianxin["seconds"],
        "lianxin_wall_s": lianxin_wall,
        "sklearn_s": sklearn_seconds,
        "speedup": sklearn_seconds / lianxin["seconds"],
        "ari": adjusted_rand_score(lianxin_labels, sklearn_labels),
        "pair_f1": pair_f1(lianxin_labels, sklearn_labels),
        "lianxin_clusters": int(lianxin_labels.max()) + 1,
        "sklearn_clusters": int(sklearn_labels.max()) + 1,
        "lianxin_noise": int(np.count_nonzero(lianxin_labels < 0)),
        "sklearn_noise": int(np.count_nonzero(sklearn_labels < 0)),
    }
    noise_differs = int(np.count_nonzero((lianxin_labels < 0) != (sklearn_labels < 0)))
    sizes = np.bincount(lianxin_labels[lianxin_labels >= 0]) if summary["lianxin_clusters"] else np.zeros(1, int)

    print()
    print(f"{'':14} {'seconds':>9} {'clusters':>9} {'noise':>10}")
    print(f"{'Lianxin':14} {summary['lianxin_s']:>9.2f} {summary['lianxin_clusters']:>9,} {summary['lianxin_noise']:>10,}")
    print(f"{'  wall':14} {summary['lianxin_wall_s']:>9.2f}")
    print(f"{'scikit-learn':14} {summary['sklearn_s']:>9.2f} {summary['sklearn_clusters']:>9,} {summary['sklearn_noise']:>10,}")
    print(f"speedup {summary['speedup']:.1f}x, ARI {summary['ari']:.6f}, pair F1 {summary['pair_f1']:.6f}, "
          f"noise status differs on {noise_differs} points")
    print(f"Lianxin clusters: largest {int(sizes.max()):,} orders ({sizes.max() / len(xy):.1%}), "
          f"median {int(np.median(sizes))}, {int(np.count_nonzero(sizes >= 100)):,} of 100 or more; "
          f"noise {summary['lianxin_noise'] / len(xy):.1%}")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
