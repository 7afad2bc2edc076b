#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes scenarios/fenghua-2017/ballots/: the evaluation forms (附件2, 附件3) whose tally is the
sample's evaluations.csv.

    python3 scripts/make-fenghua-ballots.py            # writes the three CSVs (fixed seed: same bytes every time)
    rotation tally scenarios/fenghua-2017/ballots --scenario scenarios/fenghua-2017 --out /tmp/evaluations.csv

Every unit has one meeting; its ballots list every evaluated cadre of the unit. The targets below are
the rows of evaluations.csv: per unit took part T (ballots, void ones included), due, and the number
of void ballots; per cadre the counted overall grades and the moral grade. The ballots are built to
meet them under the default rules.ballots, and to make every T-rule fire: void ballots (T-GOOD, one
through a category column), spoiled and empty cells (T-MARK), missing reasons (T-REASON), columns
with fewer than 10% poor (T-POOR), moral lines not counted and reverse indicators with a grade
ticked (T-MARK, T-MORAL).
"""
import csv
import os
import random
import sys
from fractions import Fraction

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenarios", "fenghua-2017")
OUT = os.path.join(ROOT, "ballots")

# unit: (took part, due, void ballots)
MEETINGS = {
    "MZJ": (40, 42, 2), "RSJ": (31, 40, 1), "CZJ": (60, 75, 2), "ZJJ": (45, 48, 1), "NLJ": (40, 44, 1),
    "SJJ": (30, 33, 1), "SFJ": (36, 39, 1), "SGB": (31, 34, 0), "JPJD": (42, 43, 1), "YLJD": (35, 37, 0),
    "JKJD": (36, 37, 0), "XKZ": (44, 46, 1), "CHZ": (30, 31, 0),
}

# cadre: (unit, good, fairly good, average, poor, moral grade)
TARGETS = [
    ("FH001", "MZJ", 6, 25, 4, 2, "好"), ("FH002", "MZJ", 8, 24, 4, 1, "较好"), ("FH003", "MZJ", 9, 24, 3, 1, "好"),
    ("FH004", "MZJ", 7, 26, 3, 1, "好"), ("FH005", "MZJ", 3, 20, 4, 8, "较好"), ("FH006", "MZJ", 1, 8, 12, 12, "较好"),
    ("FH017", "RSJ", 0, 14, 7, 8, "较好"), ("FH018", "RSJ", 0, 22, 6, 1, "一般"),
    ("FH024", "CZJ", 8, 40, 6, 3, "较好"), ("FH025", "CZJ", 10, 40, 5, 1, "较好"), ("FH026", "CZJ", 6, 42, 6, 2, "好"),
    ("FH027", "CZJ", 12, 36, 8, 1, "好"), ("FH028", "CZJ", 8, 42, 5, 1, "较好"), ("FH029", "CZJ", 6, 32, 16, 4, "较好"),
    ("FH030", "CZJ", 4, 44, 5, 3, "较好"), ("FH031", "CZJ", 2, 40, 10, 4, "较差"),
    ("FH037", "ZJJ", 10, 26, 5, 2, "较好"), ("FH038", "ZJJ", 8, 31, 3, 1, "较好"), ("FH039", "ZJJ", 7, 30, 4, 2, "较好"),
    ("FH040", "ZJJ", 8, 28, 6, 1, "较好"), ("FH041", "ZJJ", 9, 28, 5, 1, "较好"),
    ("FH046", "NLJ", 5, 27, 5, 1, "好"), ("FH047", "NLJ", 6, 27, 4, 1, "较好"), ("FH048", "NLJ", 8, 24, 5, 1, "较好"),
    ("FH049", "NLJ", 8, 25, 4, 1, "好"), ("FH050", "NLJ", 1, 20, 6, 8, "较好"), ("FH051", "NLJ", 11, 22, 4, 1, "较好"),
    ("FH057", "SJJ", 4, 20, 3, 1, "较好"), ("FH058", "SJJ", 5, 19, 3, 1, "较好"), ("FH059", "SJJ", 3, 20, 4, 1, "较好"),
    ("FH060", "SJJ", 9, 15, 3, 1, "较好"), ("FH061", "SJJ", 5, 19, 2, 2, "好"), ("FH062", "SJJ", 2, 15, 9, 2, "较好"),
    ("FH067", "SFJ", 0, 30, 3, 1, "好"), ("FH068", "SFJ", 0, 29, 3, 2, "较好"), ("FH069", "SFJ", 0, 26, 6, 2, "较好"),
    ("FH070", "SFJ", 0, 30, 3, 1, "较好"),
    ("FH072", "SGB", 0, 27, 3, 0, "较好"), ("FH073", "SGB", 0, 25, 5, 0, "较好"),
    ("FH079", "JPJD", 0, 33, 5, 2, "好"), ("FH080", "JPJD", 0, 38, 2, 0, "较好"), ("FH081", "JPJD", 0, 36, 3, 2, "好"),
    ("FH082", "JPJD", 0, 38, 2, 1, "较好"),
    ("FH084", "YLJD", 0, 30, 4, 1, "较好"), ("FH085", "YLJD", 0, 31, 2, 2, "好"),
    ("FH087", "JKJD", 0, 31, 5, 0, "好"), ("FH088", "JKJD", 0, 32, 4, 0, "较好"),
    ("FH090", "XKZ", 0, 37, 6, 0, "较好"), ("FH091", "XKZ", 0, 39, 2, 2, "好"), ("FH092", "XKZ", 0, 38, 3, 2, "较好"),
    ("FH094", "CHZ", 0, 27, 2, 1, "较好"), ("FH095", "CHZ", 0, 27, 3, 0, "较好"),
]

CATEGORIES = ["决策推进", "服务保障", "难题破解", "政治规矩", "干部形象"]
GOOD_REASONS = ["工作实绩突出", "敢于担当，难题破解成效明显", "服务群众热情周到", "带头作用明显"]
POOR_REASONS = ["工作推进不力", "群众反映较多", "担当意识不强"]
MORAL = ["政治品德", "职业道德", "社会公德", "家庭美德"]
POINTS = [30, 30, 20, 20]
SHARE = {"好": Fraction(1), "较好": Fraction(4, 5), "一般": Fraction(3, 5), "较差": Fraction(2, 5)}


def performance(rng, unit, cadres, took, void_count):
    """Rows of performance.csv for one meeting."""
    n = len(cadres)
    gmax = n // 5                      # 5·good ≤ n
    counted = took - void_count
    goods = sum(c[2] for c in cadres)
    assert goods <= counted * gmax, (unit, goods, counted)
    # Overall marks per cadre on each counted ballot.
    overall = {}
    start = 0
    for (cid, _, g, fg, a, p, _) in cadres:
        x = counted - (g + fg + a + p)
        assert x >= 0, (cid, x)
        marks = [None] * counted
        for j in range(g):
            marks[(start + j) % counted] = "好"
        start += g
        rest = ["较好"] * fg + ["一般"] * a + ["较差"] * p + ["" if i % 2 == 0 else "好;较好" for i in range(x)]
        rng.shuffle(rest)
        it = iter(rest)
        overall[cid] = [m if m is not None else next(it) for m in marks]
    # Spread the 较差 of the overall column over the ballots (each cadre keeps its own grades): a ballot with
    # none takes one from a ballot with two or more, by swapping within one cadre's column.
    for _ in range(counted * n):
        poor_on = [sum(1 for c in cadres if overall[c[0]][j] == "较差") for j in range(counted)]
        short = [j for j in range(counted) if poor_on[j] == 0]
        spare = [j for j in range(counted) if poor_on[j] >= 2]
        moved = False
        for j in short:
            for i in spare:
                for c in cadres:
                    marks = overall[c[0]]
                    if marks[i] == "较差" and marks[j] in ("较好", "一般"):
                        marks[i], marks[j] = marks[j], marks[i]
                        moved = True
                        break
                if moved:
                    break
            if moved:
                break
        if not moved:
            break
    # Which ballot numbers are void, and through which column.
    numbers = list(range(1, took + 1))
    void_numbers = sorted(rng.sample(numbers[2:], void_count))
    rows = []
    counted_index = 0
    for number in numbers:
        ballot = f"P-{unit}-{number:03d}"
        void = number in void_numbers
        by_category = unit == "MZJ" and void and number == void_numbers[-1]
        if void:
            # Over quota: gmax + 1 好 in the overall column (or, once, in 决策推进 only).
            lines = []
            chosen = set(rng.sample(range(n), gmax + 1))
            for k, c in enumerate(cadres):
                grade = "好" if k in chosen else rng.choice(["较好", "较好", "一般"])
                cells = [grade for _ in CATEGORIES]
                overall_mark = grade
                if by_category and grade == "好":
                    # Over quota in 决策推进 only: the other columns keep within 20%.
                    cells = ["好"] + ["较好"] * (len(CATEGORIES) - 1)
                    overall_mark = "较好"
                lines.append((c[0], cells, overall_mark))
        else:
            lines = []
            for c in cadres:
                mark = overall[c[0]][counted_index]
                base = mark if mark in ("好", "较好", "一般", "较差") else "较好"
                cells = []
                for _ in CATEGORIES:
                    if base == "较好" and rng.random() < 0.15:
                        cells.append("一般")
                    else:
                        cells.append(base)
                lines.append((c[0], cells, mark))
            # At least 10% 较差 in every category column (T-POOR then fires on the overall column only).
            need = -(-n // 10)
            for k in range(len(CATEGORIES)):
                have = sum(1 for line in lines if line[1][k] == "较差")
                candidates = [line for line in lines if line[1][k] not in ("好", "较差") and line[2] != "好"]
                rng.shuffle(candidates)
                for line in candidates[:max(0, need - have)]:
                    line[1][k] = "较差"
            counted_index += 1
        for cid, cells, mark in lines:
            reason = ""
            marks = cells + [mark]
            if "好" in marks:
                reason = rng.choice(GOOD_REASONS)
            if "较差" in marks:
                reason = rng.choice(POOR_REASONS)
            if reason and rng.random() < 0.03:
                reason = ""          # T-REASON
            rows.append([ballot, cid] + cells + [mark, reason])
    # A few spoiled category cells (T-MARK): counted lines keep their overall grade.
    for _ in range(2 if n >= 4 else 1):
        row = rng.choice(rows)
        row[2 + rng.randrange(5)] = "较好、一般"
    return rows


def moral_lines(rng, target, count):
    """Scores lines for one cadre: a list of (grades, reverse, reason) whose mean lands in the target's band."""
    if target == "好":
        kinds = ["好"] * (count - 4) + ["好-1"] * 4
    elif target == "较好":
        k = int(count * 0.35)
        kinds = ["好"] * k + ["较好"] * (count - k)
    elif target == "一般":
        kinds = ["一般"] * count
    else:
        k = int(count * 0.6)
        kinds = ["反向"] * k + ["一般"] * (count - k)
    rng.shuffle(kinds)
    lines = []
    for kind in kinds:
        if kind == "好-1":
            grades = ["好"] * 4
            grades[rng.randrange(4)] = "较好"
            lines.append((grades, ["", "", "", ""], ""))
        elif kind == "反向":
            lines.append((["一般"] * 4, ["A", "", "", ""], "存在违反政治纪律的言行"))
        else:
            lines.append(([kind] * 4, ["", "", "", ""], ""))
    return lines


def score(line):
    grades, reverse, _ = line
    return sum(0 if reverse[i] else POINTS[i] * SHARE[grades[i]] for i in range(4))


def band(value):
    return "好" if value >= 90 else "较好" if value >= 80 else "一般" if value >= 60 else "较差"


def moral(rng, unit, cadres, took):
    per_cadre = {}
    for (cid, _, _, _, _, _, target) in cadres:
        if cid == "FH003":
            lines = [(["好"] * 4, [""] * 4, "")] * (took // 2) + [(["较好"] * 4, [""] * 4, "")] * (took - took // 2)
            rng.shuffle(lines)         # exactly 90: 好 (the boundary)
        else:
            lines = moral_lines(rng, target, took)
        per_cadre[cid] = [(list(grades), list(reverse), reason) for grades, reverse, reason in lines]
    rows = []
    uncounted = {}
    for number in range(1, took + 1):
        ballot = f"M-{unit}-{number:03d}"
        for (cid, *_rest) in cadres:
            grades, reverse, reason = per_cadre[cid][number - 1]
            rows.append([ballot, cid] + grades + reverse + [reason])
    # T-MARK on the moral form: an empty and a spoiled grade (line not counted), a reverse indicator beside a grade
    # (scores 0), a reverse indicator without a reason (T-REASON).
    if unit in ("MZJ", "CZJ", "NLJ"):
        rows[3][2 + 1] = ""
        rows[7][2 + 2] = "好;较好"
        rows[11][2 + 4 + 3] = "B"
        rows[11][2 + 8] = ""
    return rows


def main():
    rng = random.Random(2017)
    cadres_by_unit = {}
    for target in TARGETS:
        cadres_by_unit.setdefault(target[1], []).append(target)
    os.makedirs(OUT, exist_ok=True)
    meeting_rows, performance_rows, moral_rows = [], [], []
    for unit, (took, due, void) in MEETINGS.items():
        cadres = cadres_by_unit[unit]
        meeting_rows.append([unit, str(due)])
        performance_rows += performance(rng, unit, cadres, took, void)
        moral_rows += moral(rng, unit, cadres, took)
    with open(os.path.join(OUT, "meetings.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["单位代码", "应参加人数"])
        w.writerows(meeting_rows)
    with open(os.path.join(OUT, "performance.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["票号", "人员编号"] + CATEGORIES + ["总体评价", "评价理由"])
        w.writerows(performance_rows)
    with open(os.path.join(OUT, "moral.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["票号", "人员编号"] + MORAL + [m + "反向指标" for m in MORAL] + ["事由"])
        w.writerows(moral_rows)
    print(f"wrote {OUT}: {len(meeting_rows)} meetings, {len(performance_rows)} performance lines, {len(moral_rows)} moral lines")


if __name__ == "__main__":
    sys.exit(main())
