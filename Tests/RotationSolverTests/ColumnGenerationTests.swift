// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import LinearProgramming
import RotationCore
import XCTest

@testable import RotationSolver

/// Transfers at city scale: column generation (`TransferPricing`) against the full model, and its
/// formulation checked by hand apart from any solver.
final class ColumnGenerationTests: XCTestCase {
    /// A transfer with binding caps: `cadres` candidates (a third due) in `units` home units, `vacancies`
    /// deputy vacancies in four other units, fits drawn at random, cap `cap` per unit pair.
    static func capped(seed: UInt64, cadres: Int = 14, vacancies: Int = 9, cap: Int = 1, placeAllDue: Bool = false) -> ScenarioKit {
        var random = SplitMix64(seed: seed)
        var kit = ScenarioKit("pricing", mode: .competition, maxPreferences: 1, transfer: true)
        kit.scenario.transfer.maxPerUnitPair = cap
        kit.scenario.transfer.placeAllDue = placeAllDue
        for v in 0..<vacancies { kit.position(PositionID(rawValue: "V\(v)"), unit: UnitID(rawValue: "T\(v % 4)")) }
        for c in 0..<cadres {
            let id = CadreID(rawValue: "c\(c)")
            kit.cadre(id, unit: UnitID(rawValue: "H\(c % 3)"), due: c % 3 == 0, acceptsTransfer: true)
            for v in 0..<vacancies where random.chance(0.7) {
                kit.fit(id, PositionID(rawValue: "V\(v)"), random.int(0...100) * 100)
            }
        }
        return kit
    }

    static func phase(_ kit: ScenarioKit) -> TransferPhase {
        let adjudication = kit.adjudication
        return TransferPhase(adjudication: adjudication, competition: adjudication.competitionByRules())
    }

    static func solver() -> LexicographicSolver {
        LexicographicSolver(options: SolveOptions(timeLimitSeconds: 30), deadline: Date().addingTimeInterval(30))
    }

    /// On many small instances whose caps bind, column generation from a seed of one pair per
    /// cadre and vacancy reaches the full model's optimum on every level, proven.
    func testColumnGenerationMatchesTheFullModel() throws {
        var compared = 0
        for seed in UInt64(1)...12 {
            var phase = Self.phase(Self.capped(seed: seed, placeAllDue: seed % 3 == 0))
            phase.pricingSeed = 1
            XCTAssertTrue(phase.capBinds, "seed \(seed)")
            var fullSolver = Self.solver()
            var full = LevelAccumulator()
            let fullValues = try phase.solveLevels(using: &fullSolver, tag: "", accumulator: &full)
            var pricedSolver = Self.solver()
            var priced = LevelAccumulator()
            let pricedValues = try phase.solveLevelsByPricing(using: &pricedSolver, tag: "", accumulator: &priced, share: 1)
            XCTAssertEqual(fullValues == nil, pricedValues == nil, "seed \(seed)")
            guard fullValues != nil else { continue }
            XCTAssertEqual(full.results.map(\.value), priced.results.map(\.value), "seed \(seed)")
            XCTAssertEqual(priced.results.map(\.status), [.optimal, .optimal, .optimal], "seed \(seed)")
            // The restricted models really were smaller than the full one at first.
            let first = try XCTUnwrap(pricedSolver.modelSizes.first)
            XCTAssertLessThanOrEqual(first.columns, phase.pairs.count)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 6)
    }

    /// The whole phase through `solve(using:)` with the threshold at 0 places the same cadres'
    /// level values as with column generation off.
    func testPhaseWithColumnGenerationAgrees() throws {
        for seed in UInt64(20)...23 {
            var phase = Self.phase(Self.capped(seed: seed, cadres: 18, vacancies: 12))
            var offSolver = Self.solver()
            let off = try phase.solve(using: &offSolver)
            phase.columnGenerationAbove = 0
            phase.pricingSeed = 2
            var onSolver = Self.solver()
            let on = try phase.solve(using: &onSolver)
            XCTAssertEqual(off.levels.map(\.value), on.levels.map(\.value), "seed \(seed)")
            XCTAssertEqual(on.levels.map(\.status), [.optimal, .optimal, .optimal], "seed \(seed)")
        }
    }

    /// By hand: cadres a (due), b; vacancies P (unit X), Q (unit X); home unit H for both, cap 1 on
    /// H→X (two cadres and two vacancies, so it can bind). Restricted to the pair a→P, the model
    /// still has every cadre and vacancy row, the cap's row once it is exceeded, and the fixed level's row.
    func testRestrictedModelKeepsEveryRow() {
        var kit = ScenarioKit("hand", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("P", unit: "X")
        kit.position("Q", unit: "X")
        kit.cadre("a", unit: "H", due: true)
        kit.cadre("b", unit: "H", acceptsTransfer: true)
        kit.fit("a", "P", 7000)
        kit.fit("b", "Q", 9000)
        let phase = Self.phase(kit)
        XCTAssertEqual(phase.pairs.map { "\($0.cadreID)→\($0.positionID)" }, ["a→P", "a→Q", "b→P", "b→Q"])
        var pricing = TransferPricing(phase)
        XCTAssertEqual(pricing.caps.map { "\($0.unitPair.from)→\($0.unitPair.to) \($0.limit)" }, ["H→X 1"])
        pricing.activate([0])
        // Caps come in only once exceeded: a→P and b→P together exceed H→X's cap of 1.
        XCTAssertEqual(pricing.model(level: .fit, fixed: [], placeAllDue: true, name: "m").constraints.map(\.name),
                       ["cadre_a", "cadre_b", "vacancy_P", "vacancy_Q"])
        XCTAssertEqual(pricing.exceededCaps { [0, 2].contains($0) ? 1 : 0 }, [0])
        // With a→P alone the cap cannot bind; with b→Q too, two moves H→X could happen.
        XCTAssertEqual(pricing.bindableCaps(), [])
        var both = pricing
        both.activate([3])
        XCTAssertEqual(both.bindableCaps(), [0])
        XCTAssertEqual(pricing.exceededCaps { $0 == 0 ? 1 : 0 }, [])
        XCTAssertTrue(pricing.activateCaps([0]))
        XCTAssertFalse(pricing.activateCaps([0]))
        let model = pricing.model(level: .fit, fixed: [(.duePlaced, 1)], placeAllDue: true, name: "m")
        let view = ModelView(model)
        XCTAssertEqual(model.variables.map(\.name), ["y_a_P"])
        XCTAssertEqual(model.constraints.map(\.name), ["cadre_a", "cadre_b", "vacancy_P", "vacancy_Q", "cap_H_X", "level_due_placed"])
        XCTAssertEqual(view.row("cadre_a")?.lower, 1)        // a is due: place_all_due
        XCTAssertNil(view.row("cadre_b")?.lower)
        XCTAssertEqual(view.row("cadre_b")?.terms.count, 0)  // b's pairs are left out, its row stays
        XCTAssertEqual(view.row("cap_H_X")?.upper, 1)
        XCTAssertEqual(view.objective, ["y_a_P": 7000])
    }

    /// By hand: with duals λ(cadre a) = 10, λ(b) = 0, λ(P) = 60, λ(Q) = 5, λ(cap) = 3 and
    /// λ(level due_placed) = −2, a pair's reduced profit on the fit level is
    /// fit − λ(cadre) − λ(vacancy) − λ(cap) − λ(level)·(1 if the cadre is due).
    func testReducedProfitsByHand() {
        var kit = ScenarioKit("hand", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("P", unit: "X")
        kit.position("Q", unit: "X")
        kit.cadre("a", unit: "H", due: true)
        kit.cadre("b", unit: "H", acceptsTransfer: true)
        kit.fit("a", "P", 70)
        kit.fit("b", "Q", 90)
        var pricing = TransferPricing(Self.phase(kit))
        pricing.activateCaps([0])
        // Rows: cadre a, cadre b, vacancy P, vacancy Q, cap H→X, level due_placed.
        let duals: [Double] = [10, 0, 60, 5, 3, -2]
        let profits = pricing.reducedProfits(level: .fit, fixed: [(.duePlaced, 1)], duals: duals)
        // a→P: 70 − 10 − 60 − 3 + 2 = −1; a→Q: 0 − 10 − 5 − 3 + 2 = −16; b→P: 0 − 0 − 60 − 3 = −63; b→Q: 90 − 5 − 3 = 82.
        XCTAssertEqual(profits, [-1, -16, -63, 82])
    }

    /// The price of fairness starts from the with-envy solution: a relaxed level forced to stop
    /// keeps it, so the price is 0, never negative, and the level says it stopped.
    func testPriceOfFairnessNeverNegativeWhenStopped() throws {
        let kit = ShortlistSolveTests.envyChangesTheAnswer()
        var optimizer = RotationOptimizer(options: SolveOptions(timeLimitSeconds: 30))
        let full = try optimizer.solve(kit.adjudication)
        let with = try XCTUnwrap(full.level("shortlist", "positions_competed")).value
        XCTAssertGreaterThan(with, 0)
        optimizer.forcedStops = [.positionsCompetedWithoutEnvy]
        let stopped = try optimizer.solve(kit.adjudication)
        let relaxed = try XCTUnwrap(stopped.level("price_of_fairness", "positions_competed_without_envy"))
        XCTAssertEqual(relaxed.status, .timeLimit)
        XCTAssertEqual(stopped.positionsCompetedWithoutEnvy, with)
        XCTAssertGreaterThanOrEqual(relaxed.bound, relaxed.value)
        XCTAssertEqual(stopped.status, .timeLimit)
    }

    /// place_all_due, and the first transfer level stopped before any solution: the run still has
    /// a plan (the competition's), the transfer says why it made none, every level is there.
    func testTransferOutOfTimeStillGivesAPlan() throws {
        var kit = TransferPhaseTests.mixed()
        kit.scenario.transfer.placeAllDue = true
        var optimizer = RotationOptimizer(options: SolveOptions(timeLimitSeconds: 30))
        optimizer.forcedStops = [.transferDuePlaced]
        let report = try optimizer.solve(kit.adjudication)
        XCTAssertEqual(report.status, .timeLimit)
        XCTAssertEqual(report.transfer, .notRun(reason: TransferPhase.outOfTimeReason))
        XCTAssertEqual(report.plan.placements.map(\.cadreID), ["a"])
        let levels = report.levels.filter { $0.phase == .transfer }
        XCTAssertEqual(levels.map(\.status), [.timeLimit, .timeLimit, .timeLimit])
        XCTAssertTrue(levels.allSatisfy { $0.bound >= $0.value })
    }

    /// One deadline shared across phases: a phase given half of what is left stops there, and a
    /// solve gets its share of what is left of the phase.
    func testPhaseBudget() {
        let now = Date(timeIntervalSince1970: 1_000)
        var solver = LexicographicSolver(options: SolveOptions(timeLimitSeconds: 60), deadline: now.addingTimeInterval(60))
        solver.beginPhase(share: 0.5, now: now)
        XCTAssertEqual(solver.budget(share: 0.5, now: now) ?? -1, 15, accuracy: 1e-9)
        XCTAssertEqual(solver.budget(share: 1, now: now.addingTimeInterval(10)) ?? -1, 20, accuracy: 1e-9)
        XCTAssertNil(solver.budget(share: 1, now: now.addingTimeInterval(31)))
        solver.beginPhase(share: 1, now: now.addingTimeInterval(31))
        XCTAssertEqual(solver.budget(share: 1, now: now.addingTimeInterval(31)) ?? -1, 29, accuracy: 1e-9)
        XCTAssertNil(solver.budget(share: 1, now: now.addingTimeInterval(61)))
    }
}
