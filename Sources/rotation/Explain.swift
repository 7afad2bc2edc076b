// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import RotationCore
import RotationIO
import RotationPipeline

/// `rotation explain SCENARIO --cadre ID`: why, in plain sentences.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain in plain sentences why a cadre may or may not compete, their score and rank, and their placement.",
        discussion: "Solves the scenario first through the same pipeline as `rotation solve` (nothing is written), so the answer matches it."
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
        let index = ScenarioIndex(loaded.scenario)
        let cadre = CadreID(rawValue: self.cadre), position = self.position.map { PositionID(rawValue: $0) }
        guard index.cadres[cadre] != nil else {
            Console.error("rotation: no cadre \"\(cadre)\" in \(scenario.scenario)/cadres.csv; `rotation eligibility \(scenario.scenario)` lists them")
            throw ExitCode(ExitStatus.badInput)
        }
        if let position, index.positions[position] == nil {
            Console.error("rotation: no position \"\(position)\" in \(scenario.scenario)/positions.csv")
            throw ExitCode(ExitStatus.badInput)
        }
        let solved = try Console.exitOnFailure { () throws(PipelineFailure) in try Pipeline.solve(loaded, limits.pipelineOptions) }
        let explanation = Explanation(adjudication: solved.adjudication, plan: solved.run.plan, language: lang ?? loaded.scenario.language)
        Console.write(explanation.sentences(for: cadre, position: position).joined(separator: "\n") + "\n")
    }
}
