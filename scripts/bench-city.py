#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""City-scale benchmark: `rotation solve` end to end on generated scenarios (fixed seeds), with
the references measured in the same run.

    scripts/bench-city.py [--quick] [--only NAME] [--no-highs] [--rotation PATH] [--work DIR]

Families (scripts/bench-generate.py writes them; cached under --work):
  pref-N   preferences mode, place_all_due, a cap of 1 per unit pair, fits for most same-level
           pairs: 200, 1,000, 5,000 and 20,000 cadres (--quick: 200 and 1,000); pref-20000w has
           twice the offered positions (6,000) and half the fit share.
  dense-N  a pure assignment: N due cadres x N vacancies, N^2 fit rows, no cap can bind.

Per case: the largest model (columns/rows/non-zeros), seconds per phase, whole wall time and
peak memory (from /usr/bin/time), status and the largest gap. References in the same run:
SciPy's linear_sum_assignment reading the same transfer_fit.csv (dense), and HiGHS (highspy)
solving every model `rotation` exported (--export-model), level by level, against GLPK's
seconds on the same models. Timings on a shared machine are noisy: read the ratios.
Needs: `swift build -c release`, Python 3 with numpy, scipy and highspy (pip install scipy highspy).
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# name, generator arguments (fixed seeds)
CASES = [
    ("pref-200", ["pref", "--cadres", "200", "--offered", "80", "--k", "3", "--seed", "1"]),
    ("pref-1000", ["pref", "--cadres", "1000", "--offered", "392", "--k", "3", "--seed", "1"]),
    ("dense-300", ["dense", "--due", "300", "--vacancies", "300", "--seed", "3"]),
    ("pref-5000", ["pref", "--cadres", "5000", "--offered", "2051", "--k", "2", "--seed", "5"]),
    ("dense-800", ["dense", "--due", "800", "--vacancies", "800", "--seed", "8"]),
    # 3,000 offered positions: once ~2,800 are competed, 1,407 due cadres cannot all be placed
    # (exit 4, a proven conflict); 6,000 offered: place_all_due can hold, the time limit binds.
    ("pref-20000", ["pref", "--cadres", "20000", "--offered", "3000", "--k", "2", "--seed", "20",
                    "--fit-share", "0.6"]),
    ("pref-20000w", ["pref", "--cadres", "20000", "--offered", "6000", "--k", "2", "--seed", "20",
                     "--fit-share", "0.3"]),
]
QUICK = {"pref-200", "pref-1000", "dense-300"}


def run_timed(command, env=None):
    """Runs a command under /usr/bin/time; returns (exit code, wall seconds, peak KB, stdout, CPU seconds)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + command, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    peak, cpu = 0, 0.0
    if result.stderr.strip():
        fields = result.stderr.strip().splitlines()[-1].split()
        peak, cpu = int(fields[0]), float(fields[1]) + float(fields[2])
    return result.returncode, wall, peak, result.stdout, cpu


def highs_seconds(folder):
    """HiGHS on every exported model: total seconds and how many it proved optimal."""
    import highspy
    total, optimal, count = 0.0, 0, 0
    for path in sorted(glob.glob(os.path.join(folder, "*.lp"))):
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("time_limit", 120.0)
        h.readModel(path)
        started = time.perf_counter()
        h.run()
        total += time.perf_counter() - started
        optimal += h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        count += 1
    return total, optimal, count


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", action="append")
    parser.add_argument("--no-highs", action="store_true")
    parser.add_argument("--rotation", default=os.path.join(ROOT, ".build", "release", "rotation"))
    parser.add_argument("--work", default=os.path.join(ROOT, ".build", "bench-city"))
    args = parser.parse_args()
    try:
        import highspy  # noqa: F401
        have_highs = not args.no_highs
    except ImportError:
        have_highs = False
        print("(highspy not installed: pip install highspy — HiGHS ratios skipped)")
    os.makedirs(args.work, exist_ok=True)
    rows = []
    for name, generator in CASES:
        if args.only and name not in args.only:
            continue
        if args.quick and not args.only and name not in QUICK:
            continue
        scenario = os.path.join(args.work, name)
        if not os.path.exists(os.path.join(scenario, "scenario.yaml")):
            print(f"generating {name} …", flush=True)
            subprocess.run([sys.executable, os.path.join(HERE, "bench-generate.py")] + generator + [scenario], check=True)
        out = os.path.join(args.work, "runs", name)
        print(f"solving {name} …", flush=True)
        code, wall, peak, _, cpu = run_timed([args.rotation, "solve", scenario, "--out", out, "--timings"])
        row = {"case": name, "exit": code, "wall": wall, "cpu": cpu, "peak_mb": peak / 1024}
        audit_path = os.path.join(out, "audit.json")
        if os.path.exists(audit_path):
            with open(audit_path, encoding="utf-8") as handle:
                audit = json.load(handle)
            models = audit.get("models", [])
            largest = max(models, key=lambda m: m["columns"], default={"columns": 0, "rows": 0, "nonzeros": 0})
            timings = audit.get("timings_seconds", {})
            levels = audit.get("levels", [])
            gaps = [(l["bound"] - l["value"]) / max(abs(l["value"]), 1) for l in levels]
            row.update(status=audit.get("status"), largest=f'{largest["columns"]}/{largest["rows"]}/{largest["nonzeros"]}',
                       shortlist=timings.get("shortlist", 0), transfer=timings.get("transfer", 0),
                       gap=max(gaps, default=0), models=len(models))
            with_envy = next((l["value"] for l in levels if l["name"] == "positions_competed"), None)
            without = next((l["value"] for l in levels if l["name"] == "positions_competed_without_envy"), None)
            if with_envy is not None and without is not None:
                row["fairness"] = without - with_envy
        else:
            row.update(status=f"exit {code}, nothing written")
        if name.startswith("dense"):
            started = time.perf_counter()
            scipy_out = subprocess.run([sys.executable, os.path.join(HERE, "bench-scipy.py"), scenario],
                                       capture_output=True, text=True)
            row["scipy"] = time.perf_counter() - started
            row["scipy_ratio"] = wall / row["scipy"] if scipy_out.returncode == 0 else None
        if have_highs and os.path.exists(audit_path):
            models_dir = os.path.join(args.work, "models", name)
            shutil.rmtree(models_dir, ignore_errors=True)
            code2, _, _, _, _ = run_timed([args.rotation, "solve", scenario, "--out", out + "-export", "--timings",
                                        "--export-model", models_dir])
            if os.path.isdir(models_dir):
                with open(os.path.join(out + "-export", "audit.json"), encoding="utf-8") as handle:
                    glpk = sum(v for k, v in json.load(handle).get("timings_seconds", {}).items() if "." in k)
                highs, proved, count = highs_seconds(models_dir)
                row["highs"] = highs
                row["highs_ratio"] = glpk / highs if highs > 0 else None
                row["highs_proved"] = f"{proved}/{count}"
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)

    print()
    header = ["case", "exit", "status", "largest model cols/rows/nnz", "shortlist s", "transfer s", "wall s", "CPU s", "peak MB",
              "max gap", "price of fairness", "SciPy s (ratio)", "HiGHS s on the same models (GLPK/HiGHS)"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        scipy = f'{r["scipy"]:.2f} ({r["scipy_ratio"]:.2f})' if r.get("scipy_ratio") else "–"
        highs = f'{r["highs"]:.2f} ({r["highs_ratio"]:.1f}, {r["highs_proved"]} optimal)' if r.get("highs_ratio") else "–"
        print("| " + " | ".join([
            r["case"], str(r["exit"]), str(r.get("status")), r.get("largest", "–"),
            f'{r.get("shortlist", 0):.2f}', f'{r.get("transfer", 0):.2f}', f'{r["wall"]:.2f}', f'{r["cpu"]:.2f}', f'{r["peak_mb"]:.0f}',
            f'{r.get("gap", 0):.2%}', str(r.get("fairness", "–")), scipy, highs]) + " |")


if __name__ == "__main__":
    main()
