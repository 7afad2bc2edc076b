// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import RotationCore
import RotationIO
import RotationPipeline

/// `rotation explain SCENARIO --cadre ID`: why, in plain sentences.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain (解释) in plain sentences why a cadre may or may not compete, their score, rank and margin, and their placement.",
        discussion: """
        Solves the scenario first through the same pipeline as `rotation solve` (nothing is written), so every \
        sentence is the run's own: the rule that failed (规则编号), the score and the margin to the pass mark or \
        to the last on the shortlist (考察对象), who ranked above and by which key (同分排序), the list they are on, \
        and for organizational transfer (组织调动) what became of each vacancy they could have taken (the unit-pair \
        cap that bound and who used it). To find a cadre's id: rotation show SCENARIO --cadres.
        Example: rotation explain scenarios/fenghua-2017 --cadre FH028
        """
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
        let loaded = try scenario.load(lang: lang)
        let index = ScenarioIndex(loaded.scenario)
        let language = lang ?? loaded.scenario.language
        let cadre = CadreID(rawValue: self.cadre), position = self.position.map { PositionID(rawValue: $0) }
        guard index.cadres[cadre] != nil else {
            let nearest = Nearest.ids(to: self.cadre, among: loaded.scenario.cadres.map(\.id.rawValue))
            Console.error("rotation explain: " + ExplainTexts.unknownCadre(self.cadre, nearest.joined(separator: ", "),
                                                                            "`rotation show \(scenario.scenario) --cadres`")(language))
            throw ExitCode(ExitStatus.badInput)
        }
        if let position, index.positions[position] == nil {
            let nearest = Nearest.ids(to: position.rawValue, among: loaded.scenario.positions.map(\.id.rawValue))
            Console.error("rotation explain: " + ExplainTexts.unknownPosition(position.rawValue, nearest.joined(separator: ", "),
                                                                               "`rotation show \(scenario.scenario) --positions`")(language))
            throw ExitCode(ExitStatus.badInput)
        }
        let solved = try Console.exitOnFailure(language: language) { () throws(PipelineFailure) in try Pipeline.solve(loaded, limits.pipelineOptions) }
        let explanation = Explanation(adjudication: solved.adjudication, run: solved.run, language: language)
        Console.write(explanation.sentences(for: cadre, position: position).joined(separator: "\n") + "\n")
    }
}

/// The ids closest to a mistyped one (edit distance, ignoring case), for "did you mean".
///
/// ```swift
/// Nearest.ids(to: "fh24", among: ["FH024", "FH042", "ZJJ-02"])   // ["FH024"]
/// ```
enum Nearest {
    /// Up to `limit` ids within a distance of 2, closest first, then in id order.
    static func ids(to typed: String, among ids: [String], limit: Int = 3) -> [String] {
        let wanted = Array(typed.uppercased())
        let scored = ids.map { id -> (String, Int) in
            let candidate = Array(id.uppercased())
            // "FH24" for "FH024": compare without zeros too.
            return (id, min(distance(wanted, candidate), distance(wanted.filter { $0 != "0" }, candidate.filter { $0 != "0" })))
        }
        return scored.filter { $0.1 <= 2 }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : idPrecedes($0.0, $1.0) }.prefix(limit).map(\.0)
    }

    /// Levenshtein distance.
    ///
    /// - Complexity: O(a·b).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
