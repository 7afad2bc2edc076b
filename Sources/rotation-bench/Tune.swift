// SPDX-License-Identifier: GPL-3.0-or-later
//
// rotation-bench --tune MODELS: GLPK's settings measured per model family on the models a run
// exported (`rotation solve … --export-model MODELS`), each family's models solved with each
// setting; the seconds add up per family. The settings that win are the ones SolverOptions uses.
import Foundation
import LinearProgramming

/// One GLPK setting to measure.
struct TuneVariant: Sendable {
    var label: String
    var apply: @Sendable (inout SolverOptions) -> Void
}

let tuneVariants: [TuneVariant] = [
    TuneVariant(label: "default (all cuts)") { _ in },
    TuneVariant(label: "no cuts") { $0.cuts = [] },
    TuneVariant(label: "cuts but Gomory") { $0.cuts = [.mixedIntegerRounding, .cover, .clique] },
    TuneVariant(label: "clique+cover only") { $0.cuts = [.cover, .clique] },
    TuneVariant(label: "+ feasibility pump") { $0.heuristics = [.feasibilityPump] },
    TuneVariant(label: "+ proximity search") { $0.heuristics = [.proximitySearch]; $0.proximitySeconds = 2 },
    TuneVariant(label: "branch: most fractional") { $0.branching = .mostFractional },
    TuneVariant(label: "branch: pseudo-cost") { $0.branching = .pseudoCost },
    TuneVariant(label: "primal simplex") { $0.method = .primal },
    TuneVariant(label: "clique+cover, primal") { $0.cuts = [.cover, .clique]; $0.method = .primal },
]

/// CPU seconds this process has used (GLPK runs on the calling thread): steadier than wall time
/// on a shared machine.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// The family of an exported model, from its name: shortlist, price_of_fairness, transfer.
func family(of name: String) -> String {
    for prefix in ["price_of_fairness", "shortlist", "transfer"] where name.hasPrefix(prefix) { return prefix }
    return "other"
}

/// With `showLog`, GLPK's log of every model under the default setting is printed after its line.
func tune(folder: String, timeLimit: Double, showLog: Bool = false) {
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".lp") }.sorted()
    var models: [(family: String, name: String, model: LinearModel)] = []
    for file in files {
        guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8),
              let model = try? LinearModel(importing: text, format: .cplexLP) else { continue }
        // Only the models GLPK needs more than a moment for are worth timing.
        guard model.variables.count >= 200 else { continue }
        models.append((family(of: file), file, model))
    }
    print("GLPK settings per model family — \(models.count) models of ≥ 200 columns from \(folder), \(fmt(timeLimit)) s limit each")
    print([pad("family", 18), pad("setting", 26), pad("models", 7), pad("seconds", 9), pad("CPU s", 9), pad("proven", 7),
           "objective sum"].joined(separator: " "))
    for familyName in ["shortlist", "price_of_fairness", "transfer"] {
        let members = models.filter { $0.family == familyName }
        guard !members.isEmpty else { continue }
        for variant in tuneVariants {
            let logged = showLog && variant.label == tuneVariants[0].label
            var options = SolverOptions(timeLimitSeconds: timeLimit, messageLevel: logged ? .normal : .off)
            if familyName == "transfer" { options.method = .primal }
            variant.apply(&options)
            var total = 0.0
            var proven = 0
            var objective = 0.0
            var logs: [String] = []
            var cpu = 0.0
            for member in members {
                let cpuBefore = cpuSeconds()
                let solution = try? GLPKSolver(options: options).solve(member.model)
                cpu += cpuSeconds() - cpuBefore
                if logged { logs.append("--- \(member.name)\n" + (solution?.log ?? "(no solution)")) }
                total += solution?.seconds ?? timeLimit
                if solution?.status == .optimal { proven += 1 }
                objective += solution?.objective ?? 0
            }
            print([pad(familyName, 18), pad(variant.label, 26), pad("\(members.count)", 7), pad(fmt(total), 9), pad(fmt(cpu), 9),
                   pad("\(proven)", 7), String(format: "%.0f", objective)].joined(separator: " "))
            for log in logs { print(log) }
        }
    }
}
