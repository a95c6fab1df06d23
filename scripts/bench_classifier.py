#!/usr/bin/env python3
"""Baseline for Lianxin's order classifier: a tuned scikit-learn TF-IDF + LinearSVC.

Uses the same stratified, seeded folds as LianxinCore's `StratifiedFolds` (SplitMix64 shuffle per
label, dealt round-robin), tunes the baseline on them (character and word n-grams, spaces kept or
removed, C grid, class weights) and prints macro-F1, accuracy and timings of the best setting.
Optionally runs the Swift benchmark afterwards so both figures appear in one run.

    python3 scripts/bench_classifier.py ../shared/data/messages/train.csv [--folds 5] [--seed 20240601]
        [--quick] [--features NAME ...] [--costs C ...] [--swift-command "CMD ..."]

Installs scikit-learn with pip if it is missing.
"""

import argparse
import csv
import importlib.util
import shlex
import subprocess
import sys
import time

if importlib.util.find_spec("sklearn") is None:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "scikit-learn"])

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from sklearn.pipeline import make_union  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

MASK = (1 << 64) - 1


class SplitMix64:
    """Bit-for-bit the generator of LianxinCore's SplitMix64."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self, bound):
        limit = MASK - (MASK % bound)
        while True:
            value = self.next()
            if value < limit:
                return value % bound

    def shuffle(self, items):
        index = len(items) - 1
        while index > 0:
            other = self.uniform(index + 1)
            items[index], items[other] = items[other], items[index]
            index -= 1


def stratified_folds(label_indices, k, seed):
    """Same assignment as StratifiedFolds.assign in Swift."""
    folds = [0] * len(label_indices)
    generator = SplitMix64(seed)
    dealt = 0
    for label in sorted(set(label_indices)):
        members = [i for i, value in enumerate(label_indices) if value == label]
        generator.shuffle(members)
        for position, example in enumerate(members):
            folds[example] = (dealt + position) % k
        dealt += len(members)
    return folds


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = [row for row in csv.DictReader(handle) if row["label"].strip()]
    return [row["text"] for row in rows], [row["label"].strip() for row in rows]


FEATURES = ["char 1-3 raw", "char 1-3 spaced", "word 1-2 + char 1-3 spaced"]


def features(name):
    """Vectoriser factories of the grid; 'spaced' sees the word segmentation, 'raw' has spaces removed."""
    char = lambda lo, hi: TfidfVectorizer(analyzer="char", ngram_range=(lo, hi), sublinear_tf=True)  # noqa: E731
    word = lambda lo, hi: TfidfVectorizer(  # noqa: E731
        analyzer="word", token_pattern=r"\S+", ngram_range=(lo, hi), sublinear_tf=True
    )
    return {
        "char 1-3 raw": (lambda: char(1, 3), True),
        "char 1-3 spaced": (lambda: char(1, 3), False),
        "word 1-2 + char 1-3 spaced": (lambda: make_union(word(1, 2), char(1, 3)), False),
    }[name]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--quick", action="store_true", help="only the best setting found by the full grid")
    parser.add_argument("--features", nargs="+", choices=FEATURES, help="restrict the grid to these features")
    parser.add_argument("--costs", nargs="+", type=float, help="restrict the grid to these values of C")
    parser.add_argument("--swift-command", help="command printing the Swift benchmark, run afterwards")
    arguments = parser.parse_args()

    texts, labels = read(arguments.csv)
    names = sorted(set(labels))
    y = np.array([names.index(label) for label in labels])
    folds = np.array(stratified_folds(list(y), arguments.folds, arguments.seed))
    raw = [text.replace(" ", "") for text in texts]
    print(f"{len(texts)} examples, {len(names)} labels, {arguments.folds} folds, seed {arguments.seed}")

    grid_features = arguments.features or (["char 1-3 spaced"] if arguments.quick else FEATURES)
    grid_costs = arguments.costs or ([1.0] if arguments.quick else [0.3, 1.0, 3.0])
    grid_weights = [None] if arguments.quick else [None, "balanced"]

    results = []
    for feature_name in grid_features:
        factory, strip = features(feature_name)
        data = raw if strip else texts
        matrices = []
        started = time.perf_counter()
        for fold in range(arguments.folds):
            train = np.where(folds != fold)[0]
            test = np.where(folds == fold)[0]
            vectorizer = factory()
            matrices.append((vectorizer.fit_transform([data[i] for i in train]),
                             vectorizer.transform([data[i] for i in test]), train, test))
        vectorize_seconds = time.perf_counter() - started
        for cost in grid_costs:
            for weight in grid_weights:
                predicted = np.zeros(len(y), dtype=int)
                started = time.perf_counter()
                for x_train, x_test, train, test in matrices:
                    model = LinearSVC(C=cost, class_weight=weight).fit(x_train, y[train])
                    predicted[test] = model.predict(x_test)
                seconds = time.perf_counter() - started + vectorize_seconds
                macro = f1_score(y, predicted, average="macro")
                accuracy = accuracy_score(y, predicted)
                results.append((macro, accuracy, feature_name, cost, weight))
                print(f"  {feature_name:28s} C={cost:<5} class_weight={str(weight):8s} "
                      f"macro-F1 {macro:.4f}  accuracy {accuracy:.4f}  ({seconds:.0f} s)", flush=True)

    macro, accuracy, feature_name, cost, weight = max(results, key=lambda result: result[0])
    factory, strip = features(feature_name)
    data = raw if strip else texts
    started = time.perf_counter()
    vectorizer = factory()
    model = LinearSVC(C=cost, class_weight=weight).fit(vectorizer.fit_transform(data), y)
    train_seconds = time.perf_counter() - started
    started = time.perf_counter()
    model.predict(vectorizer.transform(data))
    batch_microseconds = (time.perf_counter() - started) * 1e6 / len(data)
    sample = data[:500]
    started = time.perf_counter()
    for text in sample:
        model.predict(vectorizer.transform([text]))
    single_microseconds = (time.perf_counter() - started) * 1e6 / len(sample)

    print()
    print(f"best scikit-learn baseline: TF-IDF {feature_name} (sublinear tf) + LinearSVC C={cost} "
          f"class_weight={weight}")
    print(f"{arguments.folds}-fold macro-F1 {macro:.4f}  accuracy {accuracy:.4f}")
    print(f"training on all {len(data)} examples: {train_seconds:.2f} s")
    print(f"inference: {batch_microseconds:.1f} µs/message in one batch, "
          f"{single_microseconds:.1f} µs/message one at a time")

    if arguments.swift_command:
        print()
        print(f"$ {arguments.swift_command}", flush=True)
        subprocess.run(shlex.split(arguments.swift_command), check=True)


if __name__ == "__main__":
    main()
