#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the benchmark's scenario folders (fixed seeds), in the scenario format of docs/scenario-format.md.

    scripts/bench-generate.py pref --cadres 5000 --offered 2051 --k 2 --seed 5 OUT/pref-5000
    scripts/bench-generate.py dense --due 800 --vacancies 800 --seed 8 OUT/dense-800

Families:
  pref   preferences mode (K choices per applicant), five judges per application, transfers with a
         cap of 1 per unit pair and place_all_due; a fit row for most same-level (cadre, vacancy)
         pairs, so the transfer model has about a million columns at 5,000 cadres.
  dense  no competition (no applications): D cadres due for rotation and V vacancies, all one
         level, one fit row for every pair (D x V rows), no cap that can bind: a pure assignment.
"""
import argparse
import os
import random


def write(folder, name, header, rows):
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as out:
        out.write(header + "\n")
        out.write("".join(",".join(map(str, row)) + "\n" for row in rows))


def scenario_yaml(folder, name, mode, k, cap, place_all_due, time_limit):
    lines = [f"name: {name}", "reference_date: 2017-10", f"mode: {mode}"]
    if mode == "preferences":
        lines.append(f"max_preferences: {k}")
    lines += ["language: zh", "transfer:", "  enabled: true", "  same_level_only: true",
              f"  place_all_due: {'true' if place_all_due else 'false'}", f"  max_per_unit_pair: {cap}",
              "solver:", f"  time_limit_seconds: {time_limit}", "  mip_gap: 0", ""]
    with open(os.path.join(folder, "scenario.yaml"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines))


CADRE_HEADER = ("人员编号,姓名,性别,出生年月,单位代码,现职级,任现职级时间,现任职位代码,任现职时间,同一科室任职年限,"
                "学历,身份,培训,服从组织安排")
LEVEL = {"deputy": "中层副职", "chief": "中层正职", "staff": "科员"}


def cadre_row(rng, cid, unit, level, due, accepts):
    since = f"2009-{rng.randint(1, 12):02d}" if due else f"2014-{rng.randint(1, 12):02d}"
    return [cid, f"干部{cid}", "男", f"{rng.randint(1968, 1985)}-{rng.randint(1, 12):02d}", unit, LEVEL[level],
            f"{rng.randint(2008, 2013)}-{rng.randint(1, 12):02d}", "", since, rng.randint(0, 5), "本科", "公务员",
            "已达标", "是" if accepts else "否"]


def pref(args):
    rng = random.Random(args.seed)
    units = max(args.cadres // 25, 8)
    unit_ids = [f"U{u:04d}" for u in range(units)]
    write(args.out, "units.csv", "单位代码,单位名称,单位类型,核定中层职数",
          [[u, f"单位{u}", "镇（街道）" if i % 5 == 4 else "区直部门", 30] for i, u in enumerate(unit_ids)])
    positions = []
    for p in range(args.offered):
        unit = p % units
        positions.append((f"P{p:05d}", unit, "deputy" if rng.random() < 0.55 else "chief"))
    write(args.out, "positions.csv", "职位代码,单位代码,职位名称,职级,是否推出",
          [[pid, unit_ids[u], f"职位{pid}", LEVEL[lv], "是"] for pid, u, lv in positions])
    by_unit = {}
    for index, (_, u, _) in enumerate(positions):
        by_unit.setdefault(u, []).append(index)
    cadres, assessments, applications, interviews, fits = [], [], [], [], []
    vacancies_by_level = {"deputy": [p for p in positions if p[2] == "deputy"],
                          "chief": [p for p in positions if p[2] == "chief"]}
    for c in range(args.cadres):
        cid = f"C{c:06d}"
        unit = rng.randrange(units)
        roll = rng.random()
        level = "deputy" if roll < 0.55 else ("chief" if roll < 0.9 else "staff")
        due = level != "staff" and rng.random() < args.due_share
        accepts = rng.random() < 0.3
        cadres.append(cadre_row(rng, cid, unit_ids[unit], level, due, accepts))
        for year in (2014, 2015, 2016):
            assessments.append([cid, year, "优秀" if rng.random() < 0.2 else "称职"])
        if rng.random() < args.applying:
            chosen = []
            for _ in range(20):
                if len(chosen) == args.k:
                    break
                near = (unit + rng.randint(-6, 6)) % units
                options = by_unit.get(near, [])
                if not options or near == unit:
                    continue
                p = rng.choice(options)
                if p not in chosen:
                    chosen.append(p)
            for preference, p in enumerate(chosen, start=1):
                pid = positions[p][0]
                applications.append([cid, pid, preference])
                base = rng.randint(6500, 9500)
                for judge in range(1, 6):
                    score = max(0, min(10000, base + rng.randint(-300, 300)))
                    interviews.append([cid, pid, f"J{judge}", f"{score // 100}.{score % 100:02d}"])
        if level != "staff" and (due or accepts):
            for pid, _, _ in vacancies_by_level[level]:
                if rng.random() < args.fit_share:
                    fits.append([cid, pid, rng.randint(0, 100)])
    write(args.out, "cadres.csv", CADRE_HEADER, cadres)
    write(args.out, "assessments.csv", "人员编号,年度,考核等次", assessments)
    write(args.out, "applications.csv", "人员编号,职位代码,志愿", applications)
    write(args.out, "interviews.csv", "人员编号,职位代码,评委编号,分数", interviews)
    write(args.out, "transfer_fit.csv", "cadre_id,position_id,fit", fits)
    scenario_yaml(args.out, os.path.basename(args.out), "preferences", args.k, 1, True, args.time_limit)


def dense(args):
    rng = random.Random(args.seed)
    units = args.units
    unit_ids = [f"U{u:04d}" for u in range(units)]
    write(args.out, "units.csv", "单位代码,单位名称,单位类型,核定中层职数",
          [[u, f"单位{u}", "区直部门", 30] for u in unit_ids])
    positions = [(f"P{p:05d}", p % units) for p in range(args.vacancies)]
    write(args.out, "positions.csv", "职位代码,单位代码,职位名称,职级,是否推出",
          [[pid, unit_ids[u], f"职位{pid}", "中层副职", "是"] for pid, u in positions])
    cadres, assessments, fits = [], [], []
    for c in range(args.due):
        cid = f"C{c:06d}"
        cadres.append(cadre_row(rng, cid, unit_ids[rng.randrange(units)], "deputy", True, False))
        for year in (2014, 2015, 2016):
            assessments.append([cid, year, "称职"])
        for pid, _ in positions:
            fits.append([cid, pid, f"{rng.randint(0, 9999) / 100:g}"])
    write(args.out, "cadres.csv", CADRE_HEADER, cadres)
    write(args.out, "assessments.csv", "人员编号,年度,考核等次", assessments)
    write(args.out, "applications.csv", "人员编号,职位代码,志愿", [])
    write(args.out, "interviews.csv", "人员编号,职位代码,评委编号,分数", [])
    write(args.out, "transfer_fit.csv", "cadre_id,position_id,fit", fits)
    # A cap no unit pair can reach: the transfer is one assignment problem.
    scenario_yaml(args.out, os.path.basename(args.out), "competition", 1, args.due, False, args.time_limit)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="family", required=True)
    p = sub.add_parser("pref")
    p.add_argument("--cadres", type=int, required=True)
    p.add_argument("--offered", type=int, required=True)
    p.add_argument("--k", type=int, default=2)
    p.add_argument("--applying", type=float, default=0.6)
    p.add_argument("--due-share", type=float, default=0.08)
    p.add_argument("--fit-share", type=float, default=0.9)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--time-limit", type=int, default=60)
    p.add_argument("out")
    d = sub.add_parser("dense")
    d.add_argument("--due", type=int, required=True)
    d.add_argument("--vacancies", type=int, required=True)
    d.add_argument("--units", type=int, default=50)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--time-limit", type=int, default=60)
    d.add_argument("out")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    (pref if args.family == "pref" else dense)(args)


if __name__ == "__main__":
    main()
