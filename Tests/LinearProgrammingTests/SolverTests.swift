// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK
import XCTest

@testable import LinearProgramming

final class SolverTests: XCTestCase {
    let solver = GLPKSolver(options: .init(timeLimitSeconds: 10))

    func testVersion() {
        XCTAssertEqual(GLPK.version, "5.0")
    }

    /// max 3x + 2y  s.t. x + y ≤ 4, x + 3y ≤ 6, x ≤ 3  →  x = 3, y = 1, 11.
    func testTinyLP() throws {
        var model = LinearModel(name: "tiny", sense: .maximize)
        let x = model.addVariable(name: "x", upper: 3, objective: 3)
        let y = model.addVariable(name: "y", objective: 2)
        model.addConstraint(name: "total", terms: [.init(x, 1), .init(y, 1)], upper: 4)
        model.addConstraint(name: "mix", terms: [.init(x, 1), .init(y, 3)], upper: 6)
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(solution.returnCode, "0")
        XCTAssertEqual(solution.glpkStatus, "GLP_OPT")
        XCTAssertEqual(try XCTUnwrap(solution.objective), 11, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(solution.bound), 11, accuracy: 1e-9)
        XCTAssertEqual(solution.gap, 0)
        XCTAssertEqual(solution.values.count, 2)
        XCTAssertEqual(solution.values[x], 3, accuracy: 1e-9)
        XCTAssertEqual(solution.values[y], 1, accuracy: 1e-9)
        XCTAssertTrue(solution.log.contains("Scaling"), solution.log)
    }

    /// min x + y  s.t. x + 2y ≥ 4, 3x + y ≥ 6  →  x = 1.6, y = 1.2, 2.8.
    func testMinimisationWithGreaterThanRows() throws {
        var model = LinearModel(name: "min", sense: .minimize)
        let x = model.addVariable(name: "x", objective: 1)
        let y = model.addVariable(name: "y", objective: 1)
        model.addConstraint(name: "a", terms: [.init(x, 1), .init(y, 2)], lower: 4)
        model.addConstraint(name: "b", terms: [.init(x, 3), .init(y, 1)], lower: 6)
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(try XCTUnwrap(solution.objective), 2.8, accuracy: 1e-9)
        XCTAssertEqual(solution.values[x], 1.6, accuracy: 1e-9)
        XCTAssertEqual(solution.values[y], 1.2, accuracy: 1e-9)
    }

    /// Free and upper-bounded-only columns, a ranged row and an equality row.
    func testAllBoundTypes() throws {
        var model = LinearModel(name: "bounds", sense: .minimize)
        let free = model.addVariable(name: "free", lower: nil, upper: nil, objective: 1)
        let capped = model.addVariable(name: "capped", lower: nil, upper: 5, objective: -1)
        // free = capped − 2 (equality), 1 ≤ capped − free + capped ≤ 100 (ranged).
        model.addConstraint(name: "link", terms: [.init(free, 1), .init(capped, -1)], lower: -2, upper: -2)
        model.addConstraint(name: "range", terms: [.init(capped, 2), .init(free, -1)], lower: 1, upper: 100)
        // min free − capped = −2 whatever capped is: any capped ≤ 5 with 2c − (c − 2) = c + 2 ≥ 1.
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(try XCTUnwrap(solution.objective), -2, accuracy: 1e-9)
        XCTAssertEqual(solution.values[free] - solution.values[capped], -2, accuracy: 1e-9)
        XCTAssertLessThanOrEqual(solution.values[capped], 5 + 1e-9)
        XCTAssertGreaterThanOrEqual(solution.values[capped], -1 - 1e-9)
    }

    /// A 0-1 knapsack whose integer optimum (21) is below its LP bound (21.714…).
    func testKnapsackMILP() throws {
        let (model, items) = Self.knapsack()
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(solution.glpkStatus, "GLP_OPT")
        XCTAssertEqual(solution.objective, 21)
        XCTAssertEqual(solution.bound, 21)
        XCTAssertEqual(solution.gap, 0)
        XCTAssertEqual(items.map { solution.values[$0] }, [0, 1, 0, 1])

        // The same model as an LP gives the fractional bound.
        var relaxed = LinearModel(name: "relaxed", sense: .maximize)
        for variable in model.variables {
            relaxed.addVariable(name: variable.name, kind: .continuous, lower: 0, upper: 1, objective: variable.objective)
        }
        for constraint in model.constraints {
            relaxed.addConstraint(name: constraint.name, terms: constraint.terms, lower: constraint.lower, upper: constraint.upper)
        }
        let lp = try solver.solve(relaxed)
        XCTAssertEqual(try XCTUnwrap(lp.objective), 18 + 13.0 * 2 / 7, accuracy: 1e-9)
    }

    func testGeneralIntegerValuesAreRounded() throws {
        // max x + y, 2x + 2y ≤ 7, integers → 3 (x + y = 3).
        var model = LinearModel(name: "ints", sense: .maximize)
        let x = model.addVariable(name: "x", kind: .integer, objective: 1)
        let y = model.addVariable(name: "y", kind: .integer, objective: 1)
        model.addConstraint(name: "c", terms: [.init(x, 2), .init(y, 2)], upper: 7)
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(solution.objective, 3)
        for value in solution.values { XCTAssertEqual(value, value.rounded()) }
        XCTAssertEqual(solution.values[x] + solution.values[y], 3)
    }

    func testInfeasibleLP() throws {
        var model = LinearModel(name: "infeasible", sense: .minimize)
        let x = model.addVariable(name: "x", objective: 1)
        let y = model.addVariable(name: "y", objective: 1)
        model.addConstraint(name: "atLeast", terms: [.init(x, 1), .init(y, 1)], lower: 5)
        model.addConstraint(name: "atMost", terms: [.init(x, 1), .init(y, 1)], upper: 3)
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .infeasible)
        XCTAssertNil(solution.objective)
        XCTAssertTrue(solution.values.isEmpty)
        XCTAssertEqual(solution.glpkStatus, "GLP_NOFEAS")
    }

    /// The LP relaxation is feasible (x = 0.5) but no integer satisfies 2x = 1.
    func testInfeasibleMILPWithFeasibleRelaxation() throws {
        var model = LinearModel(name: "parity", sense: .minimize)
        let x = model.addVariable(name: "x", kind: .integer, lower: 0, upper: 5, objective: 1)
        model.addConstraint(name: "odd", terms: [.init(x, 2)], lower: 1, upper: 1)
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .infeasible)
        XCTAssertTrue(solution.values.isEmpty)
        XCTAssertNil(solution.objective)
    }

    func testInfeasibleMILPRelaxation() throws {
        var model = LinearModel(name: "none", sense: .maximize)
        let a = model.addVariable(name: "a", kind: .binary, objective: 1)
        let b = model.addVariable(name: "b", kind: .binary, objective: 1)
        model.addConstraint(name: "three", terms: [.init(a, 1), .init(b, 1)], lower: 3)
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .infeasible)
        XCTAssertTrue(solution.values.isEmpty)
    }

    func testUnboundedLP() throws {
        var model = LinearModel(name: "unbounded", sense: .maximize)
        let x = model.addVariable(name: "x", objective: 1)
        let y = model.addVariable(name: "y", objective: 1)
        model.addConstraint(name: "diff", terms: [.init(x, 1), .init(y, -1)], upper: 1)
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .unbounded)
        XCTAssertNil(solution.objective)
        XCTAssertTrue(solution.values.isEmpty)
        XCTAssertEqual(solution.glpkStatus, "GLP_UNBND")
    }

    func testUnboundedMILP() throws {
        var model = LinearModel(name: "unboundedInt", sense: .minimize)
        let x = model.addVariable(name: "x", kind: .integer, lower: nil, upper: 10, objective: 1)
        let y = model.addVariable(name: "y", kind: .integer, objective: 0)
        model.addConstraint(name: "c", terms: [.init(x, 1), .init(y, 1)], upper: 3)
        XCTAssertEqual(try solver.solve(model).status, .unbounded)
    }

    func testFixedBounds() throws {
        var model = LinearModel(name: "fixed", sense: .maximize)
        let x = model.addVariable(name: "x", lower: 2.5, upper: 2.5, objective: 1)
        let y = model.addVariable(name: "y", objective: 1)
        model.addConstraint(name: "sum", terms: [.init(x, 1), .init(y, 1)], upper: 4)
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(solution.values[x], 2.5)
        XCTAssertEqual(solution.values[y], 1.5, accuracy: 1e-9)
        XCTAssertEqual(GLPKBounds(lower: 2.5, upper: 2.5).type, 5 /* GLP_FX */)
        XCTAssertTrue(try model.export(.cplexLP).contains("x = 2.5"))
    }

    func testObjectiveConstant() throws {
        var model = LinearModel(name: "constant", sense: .minimize)
        let x = model.addVariable(name: "x", lower: 1, objective: 1)
        model.objectiveConstant = 10
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(try XCTUnwrap(solution.objective), 11, accuracy: 1e-9)
        XCTAssertEqual(solution.values[x], 1, accuracy: 1e-9)

        // And in a MILP, where the objective is recomputed from the rounded values.
        var mip = LinearModel(name: "constantInt", sense: .maximize)
        let n = mip.addVariable(name: "n", kind: .integer, upper: 4.0, objective: 2)
        mip.setObjective([n: 2], sense: .maximize, constant: -1.5)
        let mipSolution = try solver.solve(mip)
        XCTAssertEqual(mipSolution.objective, 6.5)
        XCTAssertEqual(mipSolution.bound, 6.5)
    }

    func testRepeatedTermsAreMerged() throws {
        var model = LinearModel(name: "merge", sense: .maximize)
        let x = model.addVariable(name: "x", objective: 1)
        let y = model.addVariable(name: "y", objective: 0)
        // x + x ≤ 4 → 2x ≤ 4; y − y contributes nothing.
        model.addConstraint(name: "double", terms: [.init(x, 1), .init(y, 1), .init(x, 1), .init(y, -1)], upper: 4)
        let prepared = try model.prepared()
        XCTAssertEqual(prepared.nonZeroCount, 1)
        XCTAssertEqual(prepared.matrixValues, [0, 2])
        let solution = try solver.solve(model)
        XCTAssertEqual(try XCTUnwrap(solution.objective), 2, accuracy: 1e-9)
    }

    func testEmptyModels() throws {
        var model = LinearModel(name: "empty", sense: .minimize)
        model.objectiveConstant = 3
        let solution = try solver.solve(model)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(solution.objective, 3)
        XCTAssertEqual(solution.values, [])

        var noRows = LinearModel(name: "noRows", sense: .maximize)
        noRows.addVariable(name: "x", kind: .integer, lower: 0, upper: 7, objective: 1)
        let noRowsSolution = try solver.solve(noRows)
        XCTAssertEqual(noRowsSolution.status, .optimal)
        XCTAssertEqual(noRowsSolution.values, [7])
    }

    func testMIPGapStopsWithinGap() throws {
        // Whatever GLPK proves first, the answer must honour the gap it reports.
        let model = Self.marketSplit(rows: 3, columnsPerRow: 10, seed: 7)
        let solution = try GLPKSolver(options: .init(timeLimitSeconds: 5, mipGap: 0.9)).solve(model)
        XCTAssertTrue([.optimal, .withinGap, .feasible].contains(solution.status), "\(solution.status)")
        if solution.status == .withinGap {
            XCTAssertEqual(solution.returnCode, "GLP_EMIPGAP")
            XCTAssertLessThanOrEqual(try XCTUnwrap(solution.gap), 0.9 + 1e-9)
        }
        try Self.checkFeasible(model, solution)
    }

    /// A market-split instance (Cornuéjols–Dawande) with slack: GLPK's branch-and-bound
    /// needs far longer than 0.2 s to close it, so the time limit must end the search.
    func testTimeLimitedMILP() throws {
        let model = Self.marketSplit(rows: 4, columnsPerRow: 10, seed: 2024)
        let solution = try GLPKSolver(options: .init(timeLimitSeconds: 0.2)).solve(model)
        XCTAssertEqual(solution.returnCode, "GLP_ETMLIM", solution.log)
        XCTAssertTrue([.feasible, .noSolution].contains(solution.status), "\(solution.status)")
        // Slacks are non-negative, so 0 ≤ optimum; a bound must lie between 0 and the incumbent.
        // (Only a machine too loaded to solve a 4-row LP in 0.2 s could leave no bound at all.)
        if let bound = solution.bound { XCTAssertGreaterThanOrEqual(bound, -1e-9) }
        if solution.status == .feasible {
            let bound = try XCTUnwrap(solution.bound, "branch-and-bound ran, so the LP relaxation bound exists")
            let objective = try XCTUnwrap(solution.objective)
            XCTAssertLessThanOrEqual(bound, objective + 1e-9)
            XCTAssertEqual(try XCTUnwrap(solution.gap), SolveRunGap.gap(objective, bound), accuracy: 1e-12)
            try Self.checkFeasible(model, solution)
        } else {
            XCTAssertTrue(solution.values.isEmpty)
            XCTAssertNil(solution.objective)
        }
    }

    func testConcurrentSolves() throws {
        let (model, _) = Self.knapsack()
        let results = UnsafeSendableBox([Double?](repeating: nil, count: 16))
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let objective = try? GLPKSolver().solve(model).objective
            lock.lock()
            results.value[index] = objective
            lock.unlock()
        }
        XCTAssertEqual(results.value, [Double?](repeating: 21, count: 16))
    }

    func testLogIsCapturedAndQuietLevelsWork() throws {
        let (model, _) = Self.knapsack()
        let quiet = try GLPKSolver(options: .init(messageLevel: .off)).solve(model)
        XCTAssertEqual(quiet.log, "")
        let verbose = try GLPKSolver(options: .init(messageLevel: .all)).solve(model)
        XCTAssertTrue(verbose.log.contains("INTEGER OPTIMAL SOLUTION FOUND"), verbose.log)
        XCTAssertGreaterThanOrEqual(verbose.seconds, 0)
    }

    // MARK: fixtures

    /// max 10a + 13b + 7c + 8d  s.t. 5a + 7b + 4c + 3d ≤ 10, binary.
    static func knapsack() -> (LinearModel, [Int]) {
        var model = LinearModel(name: "knapsack", sense: .maximize)
        let values: [Double] = [10, 13, 7, 8]
        let weights: [Double] = [5, 7, 4, 3]
        let items = (0..<4).map { model.addVariable(name: "item\($0)", kind: .binary, objective: values[$0]) }
        model.addConstraint(name: "weight", terms: items.map { .init($0, weights[$0]) }, upper: 10)
        return (model, items)
    }

    /// Market split: rows × (columnsPerRow · (rows − 1)) binaries, Σ a_ij x_j + s⁺ − s⁻ = ⌊Σ a_ij / 2⌋,
    /// minimise Σ (s⁺ + s⁻). Coefficients from a fixed linear congruential generator.
    static func marketSplit(rows: Int, columnsPerRow: Int, seed: UInt64) -> LinearModel {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % 100)
        }
        let columns = columnsPerRow * (rows - 1)
        var model = LinearModel(name: "market_split", sense: .minimize)
        let x = (0..<columns).map { model.addVariable(name: "x\($0)", kind: .binary) }
        for i in 0..<rows {
            let coefficients = (0..<columns).map { _ in next() }
            let plus = model.addVariable(name: "over\(i)", objective: 1)
            let minus = model.addVariable(name: "under\(i)", objective: 1)
            let rhs = Double(coefficients.reduce(0, +) / 2)
            var terms = zip(x, coefficients).map { LinearModel.Term($0, Double($1)) }
            terms.append(.init(plus, 1))
            terms.append(.init(minus, -1))
            model.addConstraint(name: "split\(i)", terms: terms, lower: rhs, upper: rhs)
        }
        return model
    }

    /// The solution's values satisfy every bound and row, and give its objective.
    static func checkFeasible(_ model: LinearModel, _ solution: Solution, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(solution.values.count, model.variables.count, file: file, line: line)
        for (index, variable) in model.variables.enumerated() {
            let value = solution.values[index]
            if let lower = variable.lower { XCTAssertGreaterThanOrEqual(value, lower - 1e-7, file: file, line: line) }
            if let upper = variable.upper { XCTAssertLessThanOrEqual(value, upper + 1e-7, file: file, line: line) }
            if variable.kind != .continuous { XCTAssertEqual(value, value.rounded(), file: file, line: line) }
        }
        for constraint in model.constraints {
            let activity = constraint.terms.reduce(0.0) { $0 + $1.coefficient * solution.values[$1.variable] }
            if let lower = constraint.lower { XCTAssertGreaterThanOrEqual(activity, lower - 1e-6, file: file, line: line) }
            if let upper = constraint.upper { XCTAssertLessThanOrEqual(activity, upper + 1e-6, file: file, line: line) }
        }
        XCTAssertEqual(try XCTUnwrap(solution.objective), model.objectiveValue(of: solution.values), accuracy: 1e-6, file: file, line: line)
    }
}

/// GLPK's relative gap, restated for the tests.
enum SolveRunGap {
    static func gap(_ objective: Double, _ bound: Double) -> Double {
        abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
    }
}

final class UnsafeSendableBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// `SolverOptions.cuts` and the `glp_iocp` built from the options.
final class CutGeneratorTests: XCTestCase {
    // MARK: Branch-and-bound parameters

    /// By default branch-and-bound runs with GLPK's four cut generators (GLPK's own default is none).
    func testBranchAndBoundParametersTurnTheCutGeneratorsOn() {
        let options = SolverOptions(timeLimitSeconds: 7, mipGap: 0.01, messageLevel: .errors)
        XCTAssertEqual(options.cuts, .all)
        let parameters = options.branchAndBoundParameters(timeLimitMilliseconds: 4321)
        XCTAssertEqual(parameters.gmi_cuts, GLP_ON)
        XCTAssertEqual(parameters.mir_cuts, GLP_ON)
        XCTAssertEqual(parameters.cov_cuts, GLP_ON)
        XCTAssertEqual(parameters.clq_cuts, GLP_ON)
        XCTAssertEqual(parameters.presolve, GLP_OFF)
        XCTAssertEqual(parameters.tm_lim, 4321)
        XCTAssertEqual(parameters.mip_gap, 0.01)
        XCTAssertEqual(parameters.msg_lev, GLP_MSG_ERR)
        XCTAssertEqual(SolverOptions().branchAndBoundParameters(timeLimitMilliseconds: 1).gmi_cuts, GLP_ON)
    }

    /// Each generator follows its own flag; `[]` is GLPK's plain branch-and-bound.
    func testBranchAndBoundParametersFollowTheCutOption() {
        let none = SolverOptions(cuts: []).branchAndBoundParameters(timeLimitMilliseconds: 1000)
        XCTAssertEqual([none.gmi_cuts, none.mir_cuts, none.cov_cuts, none.clq_cuts], [GLP_OFF, GLP_OFF, GLP_OFF, GLP_OFF])
        let some = SolverOptions(cuts: [.mixedIntegerRounding, .clique]).branchAndBoundParameters(timeLimitMilliseconds: 1000)
        XCTAssertEqual([some.gmi_cuts, some.mir_cuts, some.cov_cuts, some.clq_cuts], [GLP_OFF, GLP_ON, GLP_OFF, GLP_ON])
    }

    /// Cuts change how fast, not what: the knapsack's optimum is the same with and without them.
    func testSameOptimumWithAndWithoutCuts() throws {
        let (model, _) = SolverTests.knapsack()
        let with = try GLPKSolver(options: .init(timeLimitSeconds: 10)).solve(model)
        let without = try GLPKSolver(options: .init(timeLimitSeconds: 10, cuts: [])).solve(model)
        XCTAssertEqual(with.status, .optimal)
        XCTAssertEqual(without.status, .optimal)
        XCTAssertEqual(with.objective, without.objective)
    }
}
