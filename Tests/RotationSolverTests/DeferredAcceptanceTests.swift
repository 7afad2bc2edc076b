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

    /// Two positions of 2, three cadres all preferring PA: PB gets one proposal only.
    static func threePreferringPA() -> Adjudication {
        var kit = ScenarioKit("short", mode: .preferences, maxPreferences: 2)
        kit.position("PA", unit: "A")
        kit.position("PB", unit: "B")
        for (id, score): (CadreID, Int) in [("c1", 9000), ("c2", 8000), ("c3", 7000)] {
            kit.cadre(id, unit: "H")
            kit.apply(id, "PA", preference: 1, score: score)
            kit.apply(id, "PB", preference: 2, score: score)
        }
        return kit.adjudication
    }

    func testShortListIsReportedNotFull() {
        let result = DeferredAcceptance.run(ShortlistFormulation(Self.threePreferringPA()))
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

    // MARK: - The incumbent: lists that cannot fill are given up

    /// Three cadres all preferring PA, lists of 2: PB cannot fill, is given up, and PA keeps its two best.
    func testIncumbentGivesUpAListThatCannotFill() {
        let formulation = ShortlistFormulation(Self.threePreferringPA())
        let start = DeferredAcceptance.incumbent(formulation)
        XCTAssertFalse(start.allFull)
        XCTAssertEqual(start.competed, formulation.positions.map { $0.positionID == "PA" })
        XCTAssertEqual(start.selected.map { formulation.pairs[$0].cadreID }.sorted(by: idPrecedes), ["c1", "c2"])
    }

    /// A preferences scenario of lists of 2: each position in its own unit, every cadre in unit H,
    /// every score 80.00, each cadre's choices with their preference numbers.
    static func formulation(positions: [PositionID], choices: [(CadreID, [(PositionID, Int)])]) -> ShortlistFormulation {
        var kit = ScenarioKit("chain", mode: .preferences, maxPreferences: 2)
        for id in positions { kit.position(id, unit: UnitID(rawValue: "U" + id.rawValue)) }
        for (id, list) in choices {
            kit.cadre(id, unit: "H")
            for (position, preference) in list { kit.apply(id, position, preference: preference, score: 8000) }
        }
        return ShortlistFormulation(kit.adjudication)
    }

    /// Giving up a short list frees its proposers, and another list fills with them: PB (held by c3
    /// only: its other applicant c5 is held by PD) is given up, c3 moves on to PC, which then fills.
    func testGivingUpOneListCanFillAnother() {
        let formulation = Self.formulation(positions: ["PA", "PB", "PC", "PD"], choices: [
            ("c1", [("PA", 1)]), ("c2", [("PA", 1)]),
            ("c3", [("PB", 1), ("PC", 2)]), ("c4", [("PC", 1)]),
            ("c5", [("PD", 1), ("PB", 2)]), ("c6", [("PD", 1)]),
        ])
        XCTAssertEqual(formulation.positions.map(\.positionID), ["PA", "PB", "PC", "PD"])
        XCTAssertFalse(DeferredAcceptance.run(formulation).allFull)
        let start = DeferredAcceptance.incumbent(formulation)
        let competed = formulation.positions.indices.filter { start.competed[$0] }.map { formulation.positions[$0].positionID }
        XCTAssertEqual(competed, ["PA", "PC", "PD"])
        XCTAssertEqual(start.selected.count, 6)
    }

    /// The local search keeps a list given up early once later give-ups free its proposers: PA
    /// (furthest from full) goes first, then PB and PE, which frees x and u, PA's only applicants;
    /// tried again, PA fills. Without the search 2 lists are competed, with it 3 (the optimum).
    func testLocalSearchKeepsAListGivenUpTooEarly() throws {
        let formulation = Self.formulation(positions: ["PA", "PB", "PD", "PE", "PF"], choices: [
            ("x", [("PB", 1), ("PA", 2)]), ("u", [("PE", 1), ("PA", 2)]),
            ("w", [("PD", 1), ("PB", 2)]), ("v", [("PD", 1)]),
            ("t", [("PF", 1), ("PE", 2)]), ("s", [("PF", 1)]),
        ])
        XCTAssertEqual(formulation.positions.count, 5)
        func competed(_ result: DeferredAcceptance.Result) -> [PositionID] {
            formulation.positions.indices.filter { result.competed[$0] }.map { formulation.positions[$0].positionID }
        }
        XCTAssertEqual(competed(DeferredAcceptance.incumbent(formulation)), ["PD", "PF"])
        let searched = DeferredAcceptance.incumbent(formulation, deadline: .distantFuture)
        XCTAssertEqual(competed(searched), ["PA", "PD", "PF"])
        let built = formulation.model(level: .positionsCompeted, fixed: [])
        let values = built.columns.values(selected: RotationOptimizer.mask(searched.selected, count: formulation.pairs.count),
                                          competed: searched.competed, count: built.model.variables.count)
        XCTAssertTrue(built.model.isFeasible(values))
        XCTAssertEqual(try GLPKSolver().solve(built.model).objective, 3)
    }

    /// On random scarce scenarios the incumbent (with its local search) keeps every row of every
    /// level's model, is worth no more than GLPK's proven level-1 optimum and no less than without
    /// the search, and equals plain deferred acceptance when that fills every list. The cases reach
    /// both paths (some lists given up, some runs with none).
    func testIncumbentKeepsEveryRowAndNeverBeatsTheOptimum() throws {
        var gaveUp = 0, filledAll = 0, improvedBySearch = 0
        for seed in 1...24 as ClosedRange<UInt64> {
            let adjudication = Self.crossing(cadres: 14 + Int(seed % 5) * 6, positions: 12, seed: seed)
            let formulation = ShortlistFormulation(adjudication)
            let greedy = DeferredAcceptance.incumbent(formulation)
            let start = DeferredAcceptance.incumbent(formulation, deadline: .distantFuture)
            XCTAssertGreaterThanOrEqual(start.competed.filter { $0 }.count, greedy.competed.filter { $0 }.count, "seed \(seed)")
            if start.competed.filter({ $0 }).count > greedy.competed.filter({ $0 }).count { improvedBySearch += 1 }
            let selected = RotationOptimizer.mask(start.selected, count: formulation.pairs.count)
            if start.allFull {
                filledAll += 1
                XCTAssertEqual(start.selected, DeferredAcceptance.run(formulation).selected, "seed \(seed)")
            } else {
                gaveUp += 1
            }
            // Short rank lists are written term by term, long ones with running sums: both layouts.
            for directUpTo in [ShortlistFormulation.largestDirectEnvyList, 0] {
                let built = formulation.model(level: .positionsCompeted, fixed: [], directEnvyUpTo: directUpTo)
                let values = built.columns.values(selected: selected, competed: start.competed, count: built.model.variables.count)
                XCTAssertTrue(built.model.isFeasible(values), "seed \(seed), direct up to \(directUpTo)")
                let optimum = try GLPKSolver(options: SolverOptions(timeLimitSeconds: 60)).solve(built.model, start: values)
                XCTAssertEqual(optimum.status, .optimal)
                XCTAssertEqual(optimum.startAccepted, true, "seed \(seed): GLPK takes the incumbent")
                let worth = formulation.value(of: .positionsCompeted, selected: selected, competed: start.competed)
                XCTAssertLessThanOrEqual(worth, Int((optimum.objective ?? -1).rounded()), "seed \(seed)")
                XCTAssertGreaterThan(worth, 0, "seed \(seed)")
            }
        }
        XCTAssertGreaterThan(gaveUp, 3, "the cases must reach lists given up")
        XCTAssertGreaterThan(filledAll, 0, "the cases must reach runs that fill every list")
        XCTAssertGreaterThan(improvedBySearch, 0, "the cases must reach an incumbent the local search improves")
    }

    /// Out of time before every shortlist level, the run keeps deferred acceptance's plan (lists full,
    /// no justified envy, passes the re-check), not an empty one.
    func testOutOfTimeTheShortlistKeepsTheIncumbent() throws {
        let adjudication = Self.crossing(cadres: 20, positions: 12, seed: 4)
        let formulation = ShortlistFormulation(adjudication)
        let start = DeferredAcceptance.incumbent(formulation)
        XCTAssertFalse(start.allFull)
        var optimizer = RotationOptimizer(options: SolveOptions(timeLimitSeconds: 60))
        optimizer.forcedStops = Set(ShortlistFormulation.Level.allCases.map(\.id))
        let report = try optimizer.solve(adjudication)
        XCTAssertEqual(report.status, .timeLimit)
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: report.plan), [])
        XCTAssertEqual(report.levels.first { $0.name == "positions_competed" }?.value, start.competed.filter { $0 }.count)
        XCTAssertEqual(report.plan.shortlist.count, start.selected.count)
    }
}
