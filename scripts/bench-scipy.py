#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The SciPy reference for a dense transfer: read transfer_fit.csv, solve the assignment.

    scripts/bench-scipy.py SCENARIO        # prints: seconds assigned total_fit_hundredths

Reads the CSV with the csv module (as a script would), builds the dense fit matrix and runs
scipy.optimize.linear_sum_assignment (maximize). Timed from process start, like `rotation solve`.
"""
import csv
import sys
import time

START = time.perf_counter()
import numpy as np  # noqa: E402
from scipy.optimize import linear_sum_assignment  # noqa: E402


def main():
    folder = sys.argv[1]
    cadres, positions, rows = {}, {}, []
    with open(f"{folder}/transfer_fit.csv", encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for cadre, position, fit in reader:
            i = cadres.setdefault(cadre, len(cadres))
            j = positions.setdefault(position, len(positions))
            rows.append((i, j, round(float(fit) * 100)))
    matrix = np.zeros((len(cadres), len(positions)), dtype=np.int64)
    for i, j, fit in rows:
        matrix[i, j] = fit
    r, c = linear_sum_assignment(matrix, maximize=True)
    print(f"{time.perf_counter() - START:.3f} {len(r)} {int(matrix[r, c].sum())}")


if __name__ == "__main__":
    main()
