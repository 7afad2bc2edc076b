// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import LinearProgramming
import RotationCore
import RotationIO
import RotationSolver

/// `rotation explain SCENARIO --cadre ID`: why, in plain sentences.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain in plain sentences why a cadre may or may not compete, their score and rank, and their placement.",
        discussion: "Solves the scenario first (nothing is written), so the answer matches `rotation solve`."
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "The cadre (人员编号).")
    var cadre: String

    @Option(help: "Only this position (职位代码), applied to or not.")
    var position: String?

    @Option(help: "zh or en (default: the scenario's language).")
    var lang: Language?

    @OptionGroup var limits: SolverLimitOptions

    func run() throws {
        let loaded = try scenario.load()
        let adjudication = Adjudication(scenario: loaded.scenario)
        guard adjudication.index.cadres[cadre] != nil else {
            Console.error("rotation: no cadre \"\(cadre)\" in \(scenario.scenario)/cadres.csv; `rotation eligibility \(scenario.scenario)` lists them")
            throw ExitCode(2)
        }
        if let position, adjudication.index.positions[position] == nil {
            Console.error("rotation: no position \"\(position)\" in \(scenario.scenario)/positions.csv")
            throw ExitCode(2)
        }
        let settings = limits.applied(to: loaded.scenario.solver)
        let report: SolveReport
        do {
            report = try RotationOptimizer(options: SolveOptions(timeLimitSeconds: settings.timeLimitSeconds, mipGap: settings.mipGap))
                .solve(adjudication)
        } catch {
            Console.error("rotation: \(error)")
            throw ExitCode(1)
        }
        let explanation = Explanation(adjudication: adjudication, plan: report.plan, language: lang ?? loaded.scenario.language)
        Console.write(explanation.sentences(for: cadre, position: position).joined(separator: "\n") + "\n")
    }
}
