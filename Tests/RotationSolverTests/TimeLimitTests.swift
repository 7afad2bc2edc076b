// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import LinearProgramming
import RotationCore
import XCTest

@testable import RotationSolver

/// Time limits: the best found, a valid bound (≥ value for a maximisation) and the status.
/// No assertion on elapsed time; each test asserts something that can fail either way.
final class TimeLimitTests: XCTestCase {
    /// A market-split instance (Cornuéjols–Dawande) as an optimisation: maximise −Σ|deviation| of
    /// m knapsack rows from half their weight. Its LP bound is 0; proving an integer optimum
    /// is hard for branch-and-bound.
    static func marketSplit(rows m: Int, seed: UInt64) -> (model: LinearModel, weights: [[Int]], targets: [Int]) {
        var random = SplitMix64(seed: seed)
        let n = 10 * (m - 1)
        var model = LinearModel(name: "market_split", sense: .maximize)
        let x = (0..<n).map { model.addVariable(name: "x\($0)", kind: .binary) }
        var weights: [[Int]] = []
        var targets: [Int] = []
        for i in 0..<m {
            let a = (0..<n).map { _ in random.int(0...99) }
            let d = a.reduce(0, +) / 2
            let over = model.addVariable(name: "over\(i)", lower: 0, objective: -1)
            let under = model.addVariable(name: "under\(i)", lower: 0, objective: -1)
            var terms = zip(x, a).map { LinearModel.Term($0, Double($1)) }
            terms.append(.init(over, -1))
            terms.append(.init(under, 1))
            model.addConstraint(name: "split\(i)", terms: terms, lower: Double(d), upper: Double(d))
            weights.append(a)
            targets.append(d)
        }
        return (model, weights, targets)
    }

    func testGLPKSolverStopsWithAValidBound() throws {
        let (model, weights, targets) = Self.marketSplit(rows: 6, seed: 42)
        let solution = try GLPKSolver(options: .init(timeLimitSeconds: 0.5, messageLevel: .off)).solve(model)
        switch solution.status {
        case .optimal:
            XCTAssertEqual(solution.bound, solution.objective)
        case .feasible:
            let objective = try XCTUnwrap(solution.objective)
            let bound = try XCTUnwrap(solution.bound)
            XCTAssertGreaterThanOrEqual(bound, objective - 1e-9, "a maximisation's bound is at least its value")
            XCTAssertLessThanOrEqual(bound, 1e-6, "the LP bound is 0")
            XCTAssertGreaterThan(try XCTUnwrap(solution.gap), 0)
            XCTAssertEqual(solution.returnCode, "GLP_ETMLIM")
        case .noSolution:
            XCTAssertLessThanOrEqual(try XCTUnwrap(solution.bound), 1e-6)
            XCTAssertEqual(solution.returnCode, "GLP_ETMLIM")
            return
        default:
            return XCTFail("unexpected status \(solution.status)")
        }
        // The incumbent is feasible and its objective is its deviation.
        let n = weights[0].count
        var deviation = 0.0
        for (row, a) in weights.enumerated() {
            let total = (0..<n).reduce(0) { $0 + a[$1] * Int(solution.values[$1]) }
            deviation += Double(abs(total - targets[row]))
            XCTAssertTrue((0..<n).allSatisfy { solution.values[$0] == 0 || solution.values[$0] == 1 })
        }
        XCTAssertEqual(try XCTUnwrap(solution.objective), -deviation, accuracy: 1e-6)
    }

    /// LexicographicSolver: a level that stops at the deadline keeps its best value and bound,
    /// and the next level, reached after the deadline, keeps the previous level's solution.
    func testLexicographicLevelsAtTheDeadline() throws {
        let (model, _, _) = Self.marketSplit(rows: 6, seed: 43)
        var solver = LexicographicSolver(options: SolveOptions(timeLimitSeconds: 0.5), deadline: Date().addingTimeInterval(0.5))
        let first = try solver.solve(.shortlistPositionsCompeted, model: model, fallback: nil)
        XCTAssertGreaterThanOrEqual(first.result.bound, first.result.value)
        switch first.result.status {
        case .optimal:
            XCTAssertEqual(first.result.bound, first.result.value)
            XCTAssertEqual(first.result.gap, 0)
        case .timeLimit:
            XCTAssertLessThanOrEqual(first.result.bound, 0, "LP bound 0, rounded down")
            if first.values == nil { XCTAssertEqual(first.result.value, 0) }
        default:
            XCTFail("unexpected \(first.result.status)")
        }
        // Next level after the deadline: hold the first level, maximise x0.
        guard let values = first.values else { return }
        var next = model
        next.setObjective([0: 1], sense: .maximize)
        var terms: [LinearModel.Term] = []
        for (index, variable) in model.variables.enumerated() where variable.objective != 0 { terms.append(.init(index, variable.objective)) }
        next.addConstraint(name: "level_split", terms: terms, lower: Double(first.result.value))
        let second = try solver.solve(.shortlistScores, model: next, fallback: values)
        XCTAssertNotEqual(second.result.status, .infeasible, "the previous level's solution is feasible here")
        XCTAssertGreaterThanOrEqual(second.result.bound, second.result.value)
        XCTAssertNotNil(second.values)
        XCTAssertLessThanOrEqual(second.result.value, 1)
    }

    /// Past the run's one deadline a level with an earlier solution does not call GLPK at all (it
    /// used to get another 0.05 s per level): it keeps the fallback with the bound the variables
    /// allow. A level with no earlier solution gets one last slice.
    func testLevelsAfterTheDeadlineDoNotCallGLPK() throws {
        let (model, _, _) = Self.marketSplit(rows: 4, seed: 7)
        var solver = LexicographicSolver(options: SolveOptions(timeLimitSeconds: 1), deadline: Date().addingTimeInterval(-1))
        let fallback = Array(repeating: 0.0, count: model.variables.count)
        let late = try solver.solve(.shortlistScores, model: model, fallback: fallback)
        XCTAssertEqual(late.values, fallback)
        XCTAssertEqual(late.result.status, .timeLimit)
        XCTAssertEqual(late.result.value, Int(model.objectiveValue(of: fallback).rounded()))
        XCTAssertEqual(late.result.bound, 0, "every deviation at its lower bound 0: the optimistic bound of −Σ deviation")
        XCTAssertEqual(solver.log, "", "GLPK was not called")
        XCTAssertEqual(solver.modelSizes.count, 1, "the model is still recorded in audit.json")
        var binary = LinearModel(name: "b", sense: .maximize)
        _ = binary.addVariable(name: "x", kind: .binary, objective: 3)
        _ = binary.addVariable(name: "y", kind: .binary, objective: -2)
        // With nothing to keep, one last slice (LexicographicSolver.lastSlice) so a plan can still exist.
        let last = try solver.solve(.transferDuePlaced, model: binary, fallback: nil)
        XCTAssertNotEqual(solver.log, "", "GLPK was called once more")
        XCTAssertEqual(last.values, [1, 0])
        XCTAssertEqual(last.result.value, 3)
        XCTAssertEqual(LexicographicSolver.optimisticBound(of: binary), 3)
        var open = LinearModel(name: "o", sense: .maximize)
        _ = open.addVariable(name: "z", lower: 0, upper: nil, objective: 1)
        XCTAssertNil(LexicographicSolver.optimisticBound(of: open))
    }

    /// A preferences instance with many crossing preferences under a 0.5 s limit: either
    /// everything is proven optimal, or the status is time_limit with every level's bound at
    /// least its value; in both cases the reported level values are those of the plan returned
    /// (result.json's objective levels describe the plan written next to them).
    func assertTimeLimitedSolve(cadres: Int, positions: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let kit = Self.crossingPreferences(cadres: cadres, positions: positions, seed: 5)
        let adjudication = kit.adjudication
        let report: SolveReport
        do {
            report = try RotationOptimizer(options: SolveOptions(timeLimitSeconds: 0.5)).solve(adjudication)
        } catch {
            return XCTFail("a time limit must give the best found, its bound and status time_limit; the optimizer threw: \(error)",
                           file: file, line: line)
        }
        let summary = report.levels.map { "\($0.phase)/\($0.name)=\($0.value)≤\($0.bound) \($0.status.rawValue)" }
        XCTAssertTrue([.optimal, .timeLimit].contains(report.status), "\(report.status)", file: file, line: line)
        for level in report.levels {
            XCTAssertGreaterThanOrEqual(level.bound, level.value, "\(level.phase)/\(level.name)", file: file, line: line)
            if level.status == .optimal { XCTAssertEqual(level.bound, level.value, file: file, line: line) }
        }
        if report.status == .optimal {
            XCTAssertTrue(report.levels.allSatisfy { $0.status == .optimal || $0.status == .trivial }, "\(summary)", file: file, line: line)
        } else {
            XCTAssertTrue(report.levels.contains { $0.status == .timeLimit }, "\(summary)", file: file, line: line)
        }
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: report.plan), [], file: file, line: line)
        // The plan's own level values.
        let lists = report.lists
        let input = BruteForce.ShortlistInput(adjudication)
        let selected = Set(report.plan.shortlist.map { Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID) })
        let levels = input.levels(selected: selected, competed: Set(lists.keys))
        XCTAssertEqual(report.level("shortlist", "positions_competed")?.value, levels.a,
                       "positions_competed reported vs in the plan; levels: \(summary)", file: file, line: line)
        XCTAssertEqual(report.level("shortlist", "preferences_met")?.value, levels.b,
                       "preferences_met reported vs in the plan; levels: \(summary)", file: file, line: line)
        XCTAssertEqual(report.level("shortlist", "scores")?.value, levels.c,
                       "scores reported vs in the plan; levels: \(summary)", file: file, line: line)
        XCTAssertLessThanOrEqual(levels.a, report.level("shortlist", "positions_competed")?.bound ?? .max, file: file, line: line)
    }

    /// 200 cadres, 20 positions, K = 3: GLPK needs about 1.5 s for level 1 alone.
    func testOptimizerUnderATimeLimitMedium() throws {
        try assertTimeLimitedSolve(cadres: 200, positions: 20)
    }

    /// 1,200 cadres, 120 positions, K = 3 (7,200 pairs): GLPK finds no integer solution of level 1
    /// even in 60 s; the plan of nothing chosen is the best found.
    func testOptimizerUnderATimeLimitLarge() throws {
        try assertTimeLimitedSolve(cadres: 1200, positions: 120)
    }

    /// Every cadre lists K = 3 positions; scores are drawn so that the rank orders of the
    /// positions disagree with the cadres' preferences.
    static func crossingPreferences(cadres: Int, positions: Int, seed: UInt64) -> ScenarioKit {
        var random = SplitMix64(seed: seed)
        var kit = ScenarioKit("crossing", mode: .preferences, maxPreferences: 3)
        for u in 0..<max(positions / 5, 2) { kit.unit("U\(u)") }
        let unitCount = max(positions / 5, 2)
        for p in 0..<positions { kit.position("P\(p)", unit: "U\(p % unitCount)") }
        for c in 0..<cadres {
            let id: CadreID = "c\(c)"
            kit.cadre(id, unit: "H\(c % 7)")
            let home = random.int(0...(positions - 1))
            var chosen: [Int] = []
            while chosen.count < 3 {
                let p = (home + random.int(0...9)) % positions
                if !chosen.contains(p) { chosen.append(p) }
            }
            for (offset, p) in chosen.enumerated() {
                // The first choice tends to get the lowest score: preferences cross the ranks.
                let score = 6000 + 100 * random.int(0...35) + 400 * offset
                kit.apply(id, "P\(p)", preference: offset + 1, score: score)
            }
        }
        return kit
    }
}
