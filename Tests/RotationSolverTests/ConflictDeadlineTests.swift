// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import LinearProgramming
import RotationCore
import XCTest

@testable import RotationSolver

/// The unit-pair-cap conflict search draws on the run's one deadline: it stops when the deadline
/// passes and says that the set it returns is not proven irreducible. No timing is asserted: the
/// deadline, the clock and the feasibility test are injected, and GLPK solves are counted.
final class ConflictDeadlineTests: XCTestCase {
    /// Five due cadres, place_all_due, max_per_unit_pair 1. d1 and d2 (H1) may only go to unit A
    /// (PA1, PA2): the H1 → A cap lets one of them go. d3, d4, d5 (H2, H3, H4; reference-managed)
    /// also fit unit B's three posts, one each. The irreducible conflict is {d1, d2}; the deletion
    /// filter needs one GLPK solve per due cadre to find it.
    static func fiveDue() -> ScenarioKit {
        var kit = ScenarioKit("capdue5", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("PA1", unit: "A")
        kit.position("PA2", unit: "A")
        for id: PositionID in ["PB1", "PB2", "PB3"] { kit.position(id, unit: "B", identities: [.referenceManaged]) }
        kit.cadre("d1", unit: "H1", due: true)
        kit.cadre("d2", unit: "H1", due: true)
        kit.cadre("d3", unit: "H2", due: true, identity: .referenceManaged)
        kit.cadre("d4", unit: "H3", due: true, identity: .referenceManaged)
        kit.cadre("d5", unit: "H4", due: true, identity: .referenceManaged)
        kit.scenario.transfer.placeAllDue = true
        kit.scenario.transfer.maxPerUnitPair = 1
        return kit
    }

    static func phase() -> TransferPhase {
        let adjudication = fiveDue().adjudication
        return TransferPhase(adjudication: adjudication, competition: adjudication.competitionByRules())
    }

    /// The real feasibility test, counted.
    final class CountingTest {
        let phase: TransferPhase
        var calls = 0
        var limits: [Double] = []
        init(_ phase: TransferPhase) { self.phase = phase }
        func callAsFunction(_ cadres: [CadreID], _ seconds: Double) throws -> Bool? {
            calls += 1
            limits.append(seconds)
            return try phase.cannotAllBePlaced(cadres, timeLimitSeconds: seconds)
        }
    }

    /// With time to spare: one solve per due cadre, the irreducible set, no marker.
    func testNormalDeadlineFindsTheIrreducibleSet() throws {
        let phase = Self.phase()
        XCTAssertEqual(phase.dueCandidates, ["d1", "d2", "d3", "d4", "d5"])
        let test = CountingTest(phase)
        let conflict = try phase.conflict(deadline: Date().addingTimeInterval(600), now: Date.init, cannotAllBePlaced: test.callAsFunction)
        XCTAssertEqual(conflict.reason, .unitPairCap)
        XCTAssertEqual(conflict.cadres, ["d1", "d2"])
        XCTAssertEqual(conflict.vacancies, ["PA1", "PA2"])
        XCTAssertEqual(test.calls, 5)
        XCTAssertFalse(conflict.detail.contains(TransferPhase.notProvenIrreducible), conflict.detail)
        XCTAssertTrue(conflict.detail.contains("H1→A"), conflict.detail)
        // Every solve is limited by what is left of the deadline, not by a constant.
        XCTAssertTrue(test.limits.allSatisfy { $0 > 500 && $0 <= 600 }, "\(test.limits)")
        // The public entry point gives the same answer.
        XCTAssertEqual(try phase.conflict(deadline: Date().addingTimeInterval(600)), conflict)
    }

    /// An expired deadline: GLPK is not called at all; every due cadre is named (still a real
    /// conflict) and the detail says the set is not proven irreducible.
    func testExpiredDeadlineReturnsAtOnceWithTheMarker() throws {
        let phase = Self.phase()
        let test = CountingTest(phase)
        let conflict = try phase.conflict(deadline: .distantPast, now: Date.init, cannotAllBePlaced: test.callAsFunction)
        XCTAssertEqual(test.calls, 0)
        XCTAssertEqual(conflict.reason, .unitPairCap)
        XCTAssertEqual(conflict.cadres, ["d1", "d2", "d3", "d4", "d5"])
        XCTAssertTrue(conflict.detail.hasSuffix(TransferPhase.notProvenIrreducible), conflict.detail)
        XCTAssertEqual(try phase.cannotAllBePlaced(conflict.cadres, timeLimitSeconds: 30), true)
        // The public entry point too.
        XCTAssertTrue(try phase.conflict(deadline: .distantPast).detail.hasSuffix(TransferPhase.notProvenIrreducible))
    }

    /// The deadline passes after the first solve (an injected clock that jumps): one GLPK call, the
    /// set found so far, which still cannot all be placed, and the marker.
    func testDeadlinePassingMidSearchStopsAfterOneSolve() throws {
        let phase = Self.phase()
        let start = Date(timeIntervalSinceReferenceDate: 0)
        let deadline = start.addingTimeInterval(10)
        let test = CountingTest(phase)
        let conflict = try phase.conflict(deadline: deadline, now: { test.calls == 0 ? start : deadline.addingTimeInterval(1) },
                                          cannotAllBePlaced: test.callAsFunction)
        XCTAssertEqual(test.calls, 1)
        XCTAssertEqual(test.limits, [10])
        XCTAssertEqual(conflict.cadres, ["d1", "d2", "d3", "d4", "d5"])  // d1 tested first, and needed
        XCTAssertTrue(conflict.detail.hasSuffix(TransferPhase.notProvenIrreducible), conflict.detail)
        XCTAssertEqual(try phase.cannotAllBePlaced(conflict.cadres, timeLimitSeconds: 30), true)
    }

    /// A test that ends without a verdict (out of time) keeps the cadre and marks the set unproven.
    func testNoVerdictKeepsTheCadreAndMarksTheSet() throws {
        let phase = Self.phase()
        var calls = 0
        let conflict = try phase.conflict(deadline: Date().addingTimeInterval(600), now: Date.init) { cadres, seconds in
            calls += 1
            return calls == 3 ? nil : try phase.cannotAllBePlaced(cadres, timeLimitSeconds: seconds)
        }
        XCTAssertEqual(calls, 5)
        XCTAssertEqual(conflict.cadres, ["d1", "d2", "d3"])  // d3's test had no verdict
        XCTAssertTrue(conflict.detail.hasSuffix(TransferPhase.notProvenIrreducible), conflict.detail)
    }

    /// The transfer phase hands the run's deadline (the LexicographicSolver's) to the conflict search.
    func testTransferPhasePassesTheRunsDeadline() throws {
        var solver = LexicographicSolver(options: SolveOptions(timeLimitSeconds: 600), deadline: Date().addingTimeInterval(600))
        let proven = try Self.phase().solve(using: &solver)
        guard case .infeasible(let conflict) = proven.outcome else { return XCTFail("\(proven.outcome)") }
        XCTAssertEqual(conflict.cadres, ["d1", "d2"])
        XCTAssertFalse(conflict.detail.contains(TransferPhase.notProvenIrreducible), conflict.detail)

        // Past the deadline: the level solves still get LexicographicSolver's minimum slice (the
        // tiny model is proven infeasible in it), the conflict search gets nothing.
        var late = LexicographicSolver(options: SolveOptions(timeLimitSeconds: 600), deadline: .distantPast)
        let cut = try Self.phase().solve(using: &late)
        guard case .infeasible(let unproven) = cut.outcome else { return XCTFail("\(cut.outcome)") }
        XCTAssertEqual(unproven.cadres, ["d1", "d2", "d3", "d4", "d5"])
        XCTAssertTrue(unproven.detail.hasSuffix(TransferPhase.notProvenIrreducible), unproven.detail)
    }
}
