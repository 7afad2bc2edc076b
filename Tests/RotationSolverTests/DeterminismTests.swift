// SPDX-License-Identifier: GPL-3.0-or-later
import LinearProgramming
import RotationCore
import XCTest

@testable import RotationSolver

/// The same input gives the same output: plans, levels and model text.
final class DeterminismTests: XCTestCase {
    func assertSameSolve(_ make: () -> ScenarioKit, file: StaticString = #filePath, line: UInt = #line) throws {
        let first = try solveQuietly(make().adjudication, keepModels: true)
        let second = try solveQuietly(make().adjudication, keepModels: true)
        XCTAssertEqual(first.plan, second.plan, file: file, line: line)
        XCTAssertEqual(first.status, second.status, file: file, line: line)
        XCTAssertEqual(first.levels.map { "\($0.phase)/\($0.name)=\($0.value)≤\($0.bound) \($0.status.rawValue)" },
                       second.levels.map { "\($0.phase)/\($0.name)=\($0.value)≤\($0.bound) \($0.status.rawValue)" }, file: file, line: line)
        XCTAssertEqual(first.transfer, second.transfer, file: file, line: line)
        XCTAssertEqual(first.positionsCompetedWithoutEnvy, second.positionsCompetedWithoutEnvy, file: file, line: line)
        XCTAssertEqual(first.models.map(\.name), second.models.map(\.name), file: file, line: line)
        for (a, b) in zip(first.models, second.models) {
            XCTAssertEqual(a.model, b.model, a.name, file: file, line: line)
            XCTAssertEqual(try a.model.export(.cplexLP), try b.model.export(.cplexLP), a.name, file: file, line: line)
        }
    }

    func testHandMadeScenarios() throws {
        XCTAssertFalse(try solveQuietly(FormulationTests.small().adjudication, keepModels: true).models.isEmpty, "keepModels keeps the models")
        try assertSameSolve { FormulationTests.small() }
        try assertSameSolve { ShortlistSolveTests.envyChangesTheAnswer() }
        try assertSameSolve { TransferPhaseTests.mixed() }
    }

    /// Scenarios with many ties and alternative optima: GLPK must still land on the same plan.
    func testRandomScenarios() throws {
        for seed in UInt64(1)...20 {
            try assertSameSolve { BruteForceCrossCheckTests.randomScenario(seed: seed, mode: .preferences) }
        }
        try assertSameSolve { TimeLimitTests.crossingPreferences(cadres: 120, positions: 15, seed: 9) }
    }

    /// The kept models are the ones solved, level by level, each named after its phase and level.
    func testKeptModelNames() throws {
        var kit = TransferPhaseTests.mixed()
        kit.scenario.mode = .preferences
        kit.scenario.maxPreferences = 2
        let report = try solveQuietly(kit.adjudication, keepModels: true)
        let names = report.models.map(\.name)
        XCTAssertEqual(Set(names).count, names.count, "kept model names are unique: \(names)")
        let phases = names.map { name -> String in
            if name.hasPrefix("shortlist") { return "shortlist" }
            if name.hasPrefix("price_of_fairness") { return "price_of_fairness" }
            if name.hasPrefix("transfer") { return "transfer" }
            return "?"
        }
        XCTAssertFalse(phases.contains("?"), "\(names)")
        XCTAssertEqual(phases.first, "shortlist", "\(names)")
        XCTAssertEqual(phases.last, "transfer", "\(names)")
        XCTAssertTrue(phases.contains("price_of_fairness"), "\(names)")
        for level in ["positions_competed", "preferences_met", "scores"] {
            XCTAssertTrue(names.contains { $0.hasPrefix("shortlist") && $0.hasSuffix(level) }, "\(level) in \(names)")
        }
        for level in ["due_placed", "vacancies_filled", "fit"] {
            XCTAssertTrue(names.contains { $0.hasPrefix("transfer") && $0.hasSuffix(level) }, "\(level) in \(names)")
        }
        // Every kept model is valid for GLPK and exports.
        for (name, model) in report.models {
            XCTAssertNoThrow(try model.validate(), name)
            XCTAssertNoThrow(try model.export(.cplexLP), name)
        }
    }
}
