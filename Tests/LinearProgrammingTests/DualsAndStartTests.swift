// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest

@testable import LinearProgramming

/// Row duals of an LP relaxation (for pricing) and a known solution handed to branch-and-bound.
final class DualsAndStartTests: XCTestCase {
    /// By hand: max 3x + 2y, a: x + y ≤ 4, b: x + 3y ≤ 7, x ≤ 3. Optimum x = 3, y = 1, value 11;
    /// row b has slack (6 < 7) so λb = 0; y is basic so 2 − λa = 0, λa = 2; x sits at its upper
    /// bound with reduced profit 3 − 2 = 1, and 2·4 + 1·3 = 11 (strong duality).
    func testRowDualsPriceTheColumns() throws {
        var model = LinearModel(name: "lp", sense: .maximize)
        let x = model.addVariable(name: "x", kind: .integer, lower: 0, upper: 3, objective: 3)
        let y = model.addVariable(name: "y", kind: .integer, lower: 0, upper: 10, objective: 2)
        model.addConstraint(name: "a", terms: [.init(x, 1), .init(y, 1)], upper: 4)
        model.addConstraint(name: "b", terms: [.init(x, 1), .init(y, 3)], upper: 7)
        let lp = try GLPKSolver(options: .init(messageLevel: .off)).solveRelaxation(model)
        XCTAssertEqual(lp.status, .optimal)
        XCTAssertEqual(lp.objective ?? 0, 11, accuracy: 1e-9)
        XCTAssertEqual(lp.rowDuals.count, 2)
        // y is basic (between its bounds): 2 − λa − 3λb = 0; row b has slack (3 + 3 = 6 < 7): λb = 0.
        XCTAssertEqual(lp.rowDuals[1], 0, accuracy: 1e-9)
        XCTAssertEqual(lp.rowDuals[0], 2, accuracy: 1e-9)
        // The value is the duals times the right-hand sides plus x's profit at its upper bound.
        XCTAssertEqual(lp.rowDuals[0] * 4 + (3 - lp.rowDuals[0]) * 3, 11, accuracy: 1e-9)
        // A MILP solve reads no duals.
        XCTAssertEqual(try GLPKSolver(options: .init(messageLevel: .off)).solve(model).rowDuals, [])
    }

    /// A feasible start is GLPK's first incumbent; an infeasible one is refused before GLPK sees it.
    func testStartIsCheckedAndTaken() throws {
        var model = LinearModel(name: "knapsack", sense: .maximize)
        let weights = [5, 7, 4, 3, 6]
        let columns = weights.indices.map { model.addVariable(name: "v\($0)", kind: .binary, objective: Double(weights[$0] + $0)) }
        model.addConstraint(name: "w", terms: zip(columns, weights).map { .init($0, Double($1)) }, upper: 12)
        XCTAssertTrue(model.isFeasible([1, 1, 0, 0, 0]))
        XCTAssertFalse(model.isFeasible([1, 1, 1, 0, 0]))      // 16 > 12
        XCTAssertFalse(model.isFeasible([0.5, 0, 0, 0, 0]))    // not integral
        XCTAssertFalse(model.isFeasible([1, 0, 0, 0]))         // one value short
        let solver = GLPKSolver(options: .init(messageLevel: .off))
        let plain = try solver.solve(model)
        let started = try solver.solve(model, start: [0, 0, 1, 1, 0])
        XCTAssertEqual(started.status, .optimal)
        XCTAssertEqual(started.objective, plain.objective)
        let refused = try solver.solve(model, start: [1, 1, 1, 0, 0])
        XCTAssertFalse(refused.startAccepted)
        XCTAssertEqual(refused.objective, plain.objective)
    }
}
