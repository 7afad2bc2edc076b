// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import LinearProgramming
import XCTest

/// A shortlist MILP that GLPK's plain branch-and-bound cannot solve, and that its cut generators
/// (on by default in `SolverOptions.cuts`) solve at once.
///
/// Fixture `Fixtures/shortlist_preferences_met_500.lp`: the single shortlist component of
/// rotation-bench's generator at 500 cadres and 196 positions (preferences, seed 2), level 2
/// (preferences met) with level 1 held at 147; 878 columns, 1,133 rows. Measured on the
/// development machine: with the four cut generators, proven optimal (732) in about 0.2 s; with
/// none (`cuts: []`), no integer solution at all after 180 s (bound 771). The test asserts the
/// status and the value, never the time: the limit is only generous.
final class CutGeneratorRegressionTests: XCTestCase {
    static func fixture() throws -> LinearModel {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/shortlist_preferences_met_500.lp")
        return try LinearModel(importing: String(contentsOf: url, encoding: .utf8), format: .cplexLP)
    }

    func testFixtureIsTheExpectedModel() throws {
        let model = try Self.fixture()
        XCTAssertEqual(model.sense, .maximize)
        XCTAssertEqual(model.variables.count, 878)
        XCTAssertEqual(model.constraints.count, 1133)
        XCTAssertTrue(model.isMixedInteger)
        XCTAssertTrue(model.constraints.contains { $0.name == "level_positions_competed" && $0.lower == 147 })
    }

    /// Default options (all four cut generators): proven optimal at 732.
    func testShortlistComponentIsProvenOptimalWithCuts() throws {
        let solution = try GLPKSolver(options: SolverOptions(timeLimitSeconds: 30, messageLevel: .off)).solve(Self.fixture())
        XCTAssertEqual(solution.status, .optimal, "\(solution.returnCode) \(solution.glpkStatus)")
        XCTAssertEqual(try XCTUnwrap(solution.objective), 732, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(solution.bound), 732, accuracy: 1e-6)
        XCTAssertEqual(solution.gap, 0)
    }
}
