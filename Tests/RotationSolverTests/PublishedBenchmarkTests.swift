// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
@testable import RotationSolver
import XCTest

/// A published assignment benchmark, recast as a transfer, reaches its published optimum.
///
/// OR-Library `assign100` (J. E. Beasley): 100 × 100 costs 1–100, minimum total cost 305. Recast:
/// cadre i (its own unit) may be transferred to vacancy j (its own unit) with fit 100 − cost(i, j);
/// every cadre accepts transfer, nobody is due, so the levels are (0, vacancies filled, Σ fit) and
/// the maximum fit is 100 · 100 − 305.
final class PublishedBenchmarkTests: XCTestCase {
    static func costs() throws -> (size: Int, costs: [Int]) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/assign100.txt")
        let numbers = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        let size = numbers[0]
        return (size, Array(numbers[1...(size * size)]))
    }

    /// The transfer scenario of the first `size` rows and columns of the cost matrix.
    static func scenario(size: Int, costs: [Int], stride: Int) -> Scenario {
        var scenario = Scenario(name: "assign\(size)", referenceDate: YearMonth(year: 2017, month: 10))
        scenario.interviews = []
        for i in 0..<size {
            let id = String(format: "%03d", i)
            scenario.units.append(Unit(id: "A\(id)", name: "a" + id, kind: .department, approvedPosts: 1))
            scenario.units.append(Unit(id: "B\(id)", name: "b" + id, kind: .department, approvedPosts: 1))
            scenario.positions.append(Position(id: "V\(id)", unitID: "B\(id)", title: "v" + id, level: .deputy))
            scenario.cadres.append(Cadre(id: "C\(id)", name: "c" + id, gender: .male, birth: YearMonth(year: 1980, month: 1),
                                         unitID: "A\(id)", level: .deputy, levelSince: YearMonth(year: 2010, month: 1),
                                         acceptsTransfer: true))
            for year in 2014...2016 { scenario.assessments.append(AssessmentRecord(cadreID: "C\(id)", year: year, grade: .competent)) }
        }
        for i in 0..<size {
            for j in 0..<size {
                scenario.transferFits.append(TransferFit(cadreID: CadreID(rawValue: String(format: "C%03d", i)), positionID: PositionID(rawValue: String(format: "V%03d", j)),
                                                         fitHundredths: (100 - costs[i * stride + j]) * 100))
            }
        }
        return scenario
    }

    func testAssign100ReachesThePublishedOptimum() throws {
        let (size, costs) = try Self.costs()
        XCTAssertEqual(size, 100)
        let report = try RotationOptimizer(options: SolveOptions(timeLimitSeconds: 120))
            .solve(Adjudication(scenario: Self.scenario(size: size, costs: costs, stride: size)))
        XCTAssertEqual(report.status, .optimal)
        let levels = Dictionary(uniqueKeysWithValues: report.levels.filter { $0.phase == .transfer }.map { ($0.name, $0.value) })
        XCTAssertEqual(levels["vacancies_filled"], 100)
        XCTAssertEqual(levels["fit"], (100 * 100 - 305) * 100, "Σ fit = 100·100 − the published optimum 305")
        let totalCost = report.plan.placements.reduce(0) { total, placement in
            let i = Int(placement.cadreID.rawValue.dropFirst())!
            let j = Int(placement.positionID.rawValue.dropFirst())!
            return total + costs[i * size + j]
        }
        XCTAssertEqual(totalCost, 305)
    }

    /// A 20 × 20 corner is small enough to be solved by GLPK and the Hungarian method, which must agree
    /// with each other and with brute-force-free reasoning: every vacancy filled.
    func testCornerSolvedByBothMethodsAgrees() throws {
        let (size, costs) = try Self.costs()
        let report = try RotationOptimizer(options: SolveOptions(timeLimitSeconds: 60, keepModels: true))
            .solve(Adjudication(scenario: Self.scenario(size: 20, costs: costs, stride: size)))
        XCTAssertEqual(report.status, .optimal)
        XCTAssertEqual(report.plan.placements.count, 20)
        XCTAssertTrue(report.models.contains { $0.name.hasPrefix("transfer") }, "the small component must also be solved by GLPK")
    }
}
