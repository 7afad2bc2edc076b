// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest

@testable import LinearProgramming

final class GuardAndValidationTests: XCTestCase {
    /// An invalid call reaches GLPK's error hook: it must throw, not abort, and GLPK must
    /// work again afterwards.
    func testInvalidCallThrowsFatalAndSolverRecovers() throws {
        let bystander = try GLPKProblem()
        let problem = try GLPKProblem()
        try problem.addColumns(2)
        XCTAssertTrue(problem.isAlive)
        XCTAssertThrowsError(try problem.setColumnBounds(5, GLPKBounds(lower: 0, upper: 1))) { error in
            guard case GLPKError.fatal(let message) = error else {
                return XCTFail("expected GLPKError.fatal, got \(error)")
            }
            XCTAssertTrue(message.contains("glp_set_col_bnds"), message)
            XCTAssertTrue(message.contains("out of range"), message)
        }
        // glp_free_env freed every object on this thread: both are dead, and closing is safe.
        XCTAssertFalse(problem.isAlive)
        XCTAssertFalse(bystander.isAlive)
        XCTAssertThrowsError(try bystander.addRows(1)) { error in
            guard case GLPKError.fatal = error else { return XCTFail("expected GLPKError.fatal, got \(error)") }
        }
        problem.close()
        bystander.close()

        // A fresh solve on the same thread succeeds.
        let (model, _) = SolverTests.knapsack()
        let solution = try GLPKSolver().solve(model)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(solution.objective, 21)
    }

    func testInvalidBoundTypeIsCaughtToo() throws {
        let problem = try GLPKProblem()
        try problem.addRows(1)
        XCTAssertThrowsError(try problem.setRowBounds(1, GLPKBounds(type: 99, lower: 0, upper: 0))) { error in
            guard case GLPKError.fatal(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("glp_set_row_bnds"), message)
        }
        XCTAssertEqual(try GLPKSolver().solve(SolverTests.knapsack().0).objective, 21)
    }

    func testErrorDescriptionsAreActionable() {
        XCTAssertEqual(GLPKError.invalidModel("x").description, "invalid model: x")
        XCTAssertEqual(GLPKError.invalidOptions("y").description, "invalid solver options: y")
        XCTAssertTrue(GLPKError.fatal("z").description.hasSuffix(": z"))
        XCTAssertEqual(GLPKError.failed("w").description, "GLPK failed: w")
    }

    // MARK: model validation

    private func assertInvalidModel(
        _ model: LinearModel, containing fragment: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try GLPKSolver().solve(model), file: file, line: line) { error in
            guard case GLPKError.invalidModel(let message) = error else {
                return XCTFail("expected invalidModel, got \(error)", file: file, line: line)
            }
            XCTAssertTrue(message.contains(fragment), "\(message)", file: file, line: line)
        }
        XCTAssertThrowsError(try model.validate(), file: file, line: line)
        XCTAssertThrowsError(try model.export(.cplexLP), file: file, line: line)
    }

    func testNaNCoefficientIsRejected() {
        var model = LinearModel(name: "nan", sense: .minimize)
        let x = model.addVariable(name: "x")
        model.addConstraint(name: "bad", terms: [.init(x, .nan)], upper: 1)
        assertInvalidModel(model, containing: "must be finite")
    }

    func testInfiniteObjectiveIsRejected() {
        var model = LinearModel(name: "inf", sense: .minimize)
        model.addVariable(name: "x", objective: .infinity)
        assertInvalidModel(model, containing: "objective coefficient")
        var constant = LinearModel(name: "const", sense: .minimize)
        constant.objectiveConstant = .nan
        assertInvalidModel(constant, containing: "objective constant")
    }

    func testLowerAboveUpperIsRejected() {
        var model = LinearModel(name: "crossed", sense: .minimize)
        model.addVariable(name: "x", lower: 3, upper: 2)
        assertInvalidModel(model, containing: "greater than upper bound")

        var row = LinearModel(name: "crossedRow", sense: .minimize)
        let y = row.addVariable(name: "y")
        row.addConstraint(name: "r", terms: [.init(y, 1)], lower: 5, upper: 4)
        assertInvalidModel(row, containing: "constraint 0 ('r')")
    }

    func testBadVariableIndexIsRejected() {
        var model = LinearModel(name: "index", sense: .minimize)
        model.addVariable(name: "x")
        model.addConstraint(name: "r", terms: [.init(3, 1)], upper: 1)
        assertInvalidModel(model, containing: "refers to variable 3")
        var negative = LinearModel(name: "negative", sense: .minimize)
        negative.addVariable(name: "x")
        negative.addConstraint(name: "r", terms: [.init(-1, 1)], upper: 1)
        assertInvalidModel(negative, containing: "refers to variable -1")
    }

    func testNonIntegralIntegerBoundIsRejected() {
        var model = LinearModel(name: "fractional", sense: .minimize)
        model.addVariable(name: "n", kind: .integer, lower: 0.5, upper: 3)
        assertInvalidModel(model, containing: "non-integral bound 0.5")
    }

    func testBinaryBoundsAreIntersectedWithZeroOne() throws {
        var model = LinearModel(name: "binary", sense: .maximize)
        let b = model.addVariable(name: "b", kind: .binary, objective: 1)
        model.setBounds(ofVariable: b, lower: -4, upper: 9)
        let solution = try GLPKSolver().solve(model)
        XCTAssertEqual(solution.values, [1])
        model.setBounds(ofVariable: b, lower: 2, upper: 3)
        assertInvalidModel(model, containing: "binary variable")
    }

    func testInfiniteBoundsMeanNone() throws {
        var model = LinearModel(name: "infinite", sense: .maximize)
        let x = model.addVariable(name: "x", lower: -.infinity, upper: .infinity, objective: -1)
        model.addConstraint(name: "r", terms: [.init(x, 1)], lower: 2, upper: .infinity)
        let solution = try GLPKSolver().solve(model)
        XCTAssertEqual(try XCTUnwrap(solution.objective), -2, accuracy: 1e-9)

        var wrongWay = LinearModel(name: "wrongWay", sense: .maximize)
        wrongWay.addVariable(name: "x", lower: .infinity)
        assertInvalidModel(wrongWay, containing: "lower bound must be finite")
    }

    func testNamesAreCheckedNotTruncated() {
        var model = LinearModel(name: "names", sense: .minimize)
        model.addVariable(name: String(repeating: "a", count: 256))
        assertInvalidModel(model, containing: "256 UTF-8 bytes")

        var control = LinearModel(name: "control", sense: .minimize)
        control.addVariable(name: "x")
        control.addConstraint(name: "tab\there", terms: [.init(0, 1)], upper: 1)
        assertInvalidModel(control, containing: "control character")

        var exact = LinearModel(name: "exact", sense: .minimize)
        exact.addVariable(name: String(repeating: "é", count: 127))  // 254 bytes: fine
        XCTAssertNoThrow(try exact.validate())
    }

    // MARK: options

    private func assertInvalidOptions(_ options: SolverOptions, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try GLPKSolver(options: options).solve(SolverTests.knapsack().0), file: file, line: line) { error in
            guard case GLPKError.invalidOptions = error else {
                return XCTFail("expected invalidOptions, got \(error)", file: file, line: line)
            }
        }
    }

    func testInvalidOptionsAreRejected() {
        assertInvalidOptions(SolverOptions(timeLimitSeconds: -1))
        assertInvalidOptions(SolverOptions(timeLimitSeconds: 0))
        assertInvalidOptions(SolverOptions(timeLimitSeconds: .nan))
        assertInvalidOptions(SolverOptions(timeLimitSeconds: .infinity))
        assertInvalidOptions(SolverOptions(timeLimitSeconds: 3e6))  // > Int32.max ms
        assertInvalidOptions(SolverOptions(mipGap: -0.1))
        assertInvalidOptions(SolverOptions(mipGap: .nan))
        assertInvalidOptions(SolverOptions(mipGap: .infinity))
        XCTAssertNoThrow(try SolverOptions(timeLimitSeconds: 0.0001).validate())
        XCTAssertEqual(try SolverOptions(timeLimitSeconds: 0.0001).timeLimitMilliseconds(), 1)
        XCTAssertEqual(try SolverOptions(timeLimitSeconds: 2.5).timeLimitMilliseconds(), 2500)
    }

    func testStatusRawValues() {
        XCTAssertEqual(SolveStatus.noSolution.rawValue, "no_solution")
        XCTAssertEqual(SolveStatus.withinGap.rawValue, "within_gap")
        XCTAssertEqual(GLPKCodes.returnCodeName(0), "0")
        XCTAssertEqual(GLPKCodes.returnCodeName(0x09), "GLP_ETMLIM")
        XCTAssertEqual(GLPKCodes.statusName(5), "GLP_OPT")
    }
}
