// SPDX-License-Identifier: GPL-3.0-or-later
import LinearProgramming
import RotationCore
import XCTest

@testable import RotationSolver

/// Deferred acceptance: when it fills every list, its plan is the one GLPK proves optimal level by level.
final class DeferredAcceptanceTests: XCTestCase {
    /// A preferences scenario with crossing choices: `cadres` cadres, `positions` positions, 3 choices each.
    static func crossing(cadres: Int, positions: Int, seed: UInt64) -> Adjudication {
        var random = SplitMix64(seed: seed)
        var kit = ScenarioKit("crossing", mode: .preferences, maxPreferences: 3)
        for p in 0..<positions { kit.position(PositionID(rawValue: String(format: "P%03d", p)), unit: "U\(p % 7)") }
        for c in 0..<cadres {
            let id = CadreID(rawValue: String(format: "C%04d", c))
            kit.cadre(id, unit: "H\(c % 5)")
            let choices = random.shuffled(Array(0..<positions)).prefix(3)
            for (rank, p) in choices.enumerated() {
                kit.apply(id, PositionID(rawValue: String(format: "P%03d", p)), preference: rank + 1, score: 6000 + random.int(0...3000))
            }
        }
        return kit.adjudication
    }

    func testFullListsEqualTheGLPKOptimumLevelByLevel() throws {
        for seed in [1, 2, 3] as [UInt64] {
            let adjudication = Self.crossing(cadres: 60, positions: 12, seed: seed)
            let formulation = ShortlistFormulation(adjudication)
            let accepted = DeferredAcceptance.run(formulation)
            XCTAssertTrue(accepted.allFull, "seed \(seed): 60 cadres with 3 choices over 12 positions of 2 should fill every list")
            let selected = Set(accepted.selected)
            let isSelected = formulation.pairs.indices.map { selected.contains($0) }
            let competed = Array(repeating: true, count: formulation.positions.count)
            // GLPK, level by level, on the whole formulation.
            var fixed: [ShortlistFormulation.FixedLevel] = []
            var glpkValues: [Double] = []
            var columns: ShortlistFormulation.Columns?
            for level in ShortlistFormulation.Level.allCases {
                let built = formulation.model(level: level, fixed: fixed)
                let solution = try GLPKSolver(options: SolverOptions(timeLimitSeconds: 60)).solve(built.model)
                XCTAssertEqual(solution.status, .optimal, "seed \(seed) \(level)")
                let value = Int((solution.objective ?? -1).rounded())
                XCTAssertEqual(value, formulation.value(of: level, selected: isSelected, competed: competed), "seed \(seed) \(level)")
                fixed.append(.init(level: level, value: value))
                glpkValues = solution.values
                columns = built.columns
            }
            let glpkSelected = formulation.pairs.indices.filter { glpkValues[columns!.pairColumns[$0]] > 0.5 }
            XCTAssertEqual(glpkSelected, accepted.selected, "seed \(seed): the lexicographic optimum is unique and both find it")
        }
    }

    func testShortListIsReportedNotFull() {
        // Two positions of 2, three cadres all preferring PA: PB gets one proposal only.
        var kit = ScenarioKit("short", mode: .preferences, maxPreferences: 2)
        kit.position("PA", unit: "A")
        kit.position("PB", unit: "B")
        for (id, score): (CadreID, Int) in [("c1", 9000), ("c2", 8000), ("c3", 7000)] {
            kit.cadre(id, unit: "H")
            kit.apply(id, "PA", preference: 1, score: score)
            kit.apply(id, "PB", preference: 2, score: score)
        }
        let result = DeferredAcceptance.run(ShortlistFormulation(kit.adjudication))
        XCTAssertFalse(result.allFull)
    }

    /// Above the cross-check size the optimizer takes deferred acceptance's plan, and it passes the re-check.
    func testLargeComponentIsSolvedWithoutGLPKAndPassesTheRecheck() throws {
        let adjudication = Self.crossing(cadres: 400, positions: 60, seed: 9)
        XCTAssertGreaterThan(ShortlistFormulation(adjudication).pairs.count, RotationOptimizer.largestCrossCheckedComponent)
        let report = try RotationOptimizer(options: SolveOptions(timeLimitSeconds: 60, keepModels: true)).solve(adjudication)
        XCTAssertEqual(report.status, .optimal)
        XCTAssertFalse(report.models.contains { $0.name.hasPrefix("shortlist") }, "no GLPK shortlist model for a proven component")
        XCTAssertTrue(report.methods.first?.contains("1 proven optimal by deferred acceptance alone") ?? false, "\(report.methods)")
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: report.plan), [])
        XCTAssertEqual(report.levels.first { $0.name == "positions_competed" }?.value, 60)
    }
}
