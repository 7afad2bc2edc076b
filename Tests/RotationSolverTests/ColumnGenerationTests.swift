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
            let uncapped = phase.lexicographicMatching()
            XCTAssertTrue(uncapped.complete)
            let start = phase.startingPlan(uncapped, deadline: fullSolver.deadline)
            if let start { XCTAssertTrue(phase.keepsEveryRow(start, placeAllDue: seed % 3 == 0), "seed \(seed)") }
            let fullValues = try phase.solveLevels(using: &fullSolver, tag: "", accumulator: &full, uncapped: uncapped, start: start)
            var pricedSolver = Self.solver()
            var priced = LevelAccumulator()
            let pricedValues = try phase.solveLevelsByPricing(using: &pricedSolver, tag: "", accumulator: &priced, share: 1,
                                                              uncapped: uncapped, start: start)
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

    /// place_all_due, and every transfer level stopped before GLPK solves it: the run still has
    /// transfers, the fallback plan (every due cadre placed, every rule kept: the optimizer's
    /// PlanCheck re-check passes), and every level says it stopped, with its bound.
    func testTransferOutOfTimeStillGivesAPlan() throws {
        var kit = TransferPhaseTests.mixed()
        kit.scenario.transfer.placeAllDue = true
        kit.fit("d1", "PB1", 9000)   // PB1's best fit, but u (due) can only go there: the fit bound is not reached
        kit.fit("u", "PB1", 8000)
        var optimizer = RotationOptimizer(options: SolveOptions(timeLimitSeconds: 30))
        optimizer.forcedStops = [.transferDuePlaced, .transferVacanciesFilled, .transferFit]
        let report = try optimizer.solve(kit.adjudication)
        XCTAssertEqual(report.status, .timeLimit)
        XCTAssertEqual(report.transfer, .solved(placed: 3, duePlaced: 2, vacancies: 3, candidates: 7))
        XCTAssertEqual(Set(report.plan.placements.map { "\($0.cadreID)→\($0.positionID)" }), ["a→PA1", "d1→PA2", "u→PB1", "e2→PB3"])
        XCTAssertEqual(PlanCheck(adjudication: kit.adjudication).problems(in: report.plan, checkCompetitionByRules: true), [])
        let levels = report.levels.filter { $0.phase == .transfer }
        XCTAssertEqual(levels.map(\.value), [2, 3, 8000])
        XCTAssertEqual(levels.last?.status, .timeLimit)
        XCTAssertEqual(levels.last?.bound, 9000)
        XCTAssertTrue(levels.allSatisfy { $0.bound >= $0.value })
        XCTAssertTrue(report.methods.contains { $0.contains(TimeLimitTexts.transferFallback(components: 1).text.en) }, "\(report.methods)")
    }

    /// Two due cadres of H, cap 1 per unit pair: d1 fits P1 (unit X) best, d2 can only go to P2
    /// (unit X too); the plan is d1 → Q (unit Y), d2 → P2. Trimmed to the cap, the matching keeps
    /// d1 → P1; the repair moves d1 on (the cap H→X is full with a due cadre) to Q and places d2.
    static func repairMovesADueCadre() -> ScenarioKit {
        var kit = ScenarioKit("fallback", mode: .competition, maxPreferences: 1, transfer: true)
        kit.scenario.transfer.maxPerUnitPair = 1
        kit.scenario.transfer.placeAllDue = true
        for unit: UnitID in ["H", "X", "Y"] { kit.unit(unit) }
        kit.position("P1", unit: "X", identities: [.civilServant])
        kit.position("P2", unit: "X")
        kit.position("Q", unit: "Y", identities: [.civilServant])
        kit.cadre("d1", unit: "H", due: true)
        kit.cadre("d2", unit: "H", due: true, identity: .referenceManaged)
        kit.fit("d1", "P1", 9000)
        kit.fit("d2", "P2", 100)
        return kit
    }

    func testRepairMovesADueCadreOutOfAFullCap() throws {
        let kit = Self.repairMovesADueCadre()
        let phase = Self.phase(kit)
        XCTAssertEqual(phase.pairs.map { "\($0.cadreID)→\($0.positionID)" }, ["d1→P1", "d1→P2", "d1→Q", "d2→P2"])
        let uncapped = phase.lexicographicMatching()
        XCTAssertEqual(phase.trimmedToCaps(uncapped.selected), [true, false, false, false])
        let plan = try XCTUnwrap(phase.fallbackPlan(from: uncapped.selected, placeAllDue: true, deadline: nil))
        XCTAssertEqual(plan, [false, false, true, true])
        var optimizer = RotationOptimizer(options: SolveOptions(timeLimitSeconds: 30))
        optimizer.forcedStops = [.transferDuePlaced, .transferVacanciesFilled, .transferFit]
        let stopped = try optimizer.solve(kit.adjudication)
        XCTAssertEqual(Set(stopped.plan.placements.map { "\($0.cadreID)→\($0.positionID)" }), ["d1→Q", "d2→P2"])
    }

    /// No fallback plan (the deadline, grace included, long past) and every level stopped: the
    /// run says plainly that it has no transfer, every level there with its bound.
    func testNoFallbackPlanKeepsTheOldBehaviour() throws {
        let kit = Self.repairMovesADueCadre()
        let phase = Self.phase(kit)
        var solver = LexicographicSolver(options: SolveOptions(timeLimitSeconds: 30), deadline: .distantPast)
        solver.forcedStops = [.transferDuePlaced, .transferVacanciesFilled, .transferFit]
        let result = try phase.solve(using: &solver)
        XCTAssertEqual(result.outcome, .notRun(reason: TransferPhase.outOfTimeReason))
        XCTAssertEqual(result.placements, [])
        XCTAssertTrue(result.levels.allSatisfy { $0.status == .timeLimit && $0.bound >= $0.value })
        XCTAssertEqual(result.levels.count, 3)
    }

    /// The fallback plan's clock: a deadline already past (grace included) gives no plan under
    /// place_all_due, and the trimmed matching otherwise (placing nobody more is still a plan).
    func testFallbackPlanHonoursTheDeadline() {
        var kit = TransferPhaseTests.mixed()
        kit.scenario.transfer.placeAllDue = true
        let phase = Self.phase(kit)
        let none = Array(repeating: false, count: phase.pairs.count)
        let deadline = Date(timeIntervalSince1970: 100)
        let late = { Date(timeIntervalSince1970: 100 + TransferPhase.fallbackGrace) }
        XCTAssertNil(phase.fallbackPlan(from: none, placeAllDue: true, deadline: deadline, now: late))
        let early = { Date(timeIntervalSince1970: 0) }
        let plan = phase.fallbackPlan(from: none, placeAllDue: true, deadline: deadline, now: early)
        XCTAssertEqual(plan.map { phase.keepsEveryRow($0, placeAllDue: true) }, true)
        XCTAssertNotNil(phase.fallbackPlan(from: none, placeAllDue: false, deadline: deadline, now: late))
    }

    /// Property over random capped instances under place_all_due: a fallback plan exists only
    /// when GLPK finds the model feasible, keeps every row, and is found for most feasible ones.
    func testFallbackPlanOnRandomInstances() throws {
        var feasible = 0, found = 0
        for seed in UInt64(100)...129 {
            let phase = Self.phase(Self.capped(seed: seed, cadres: 12, vacancies: 10, placeAllDue: true))
            var solver = Self.solver()
            var levels = LevelAccumulator()
            let uncapped = phase.lexicographicMatching()
            let exact = try phase.solveLevels(using: &solver, tag: "", accumulator: &levels, uncapped: uncapped, start: nil)
            let plan = phase.fallbackPlan(from: uncapped.selected, placeAllDue: true, deadline: nil)
            if exact != nil { feasible += 1 }
            guard let plan else { continue }
            found += 1
            XCTAssertNotNil(exact, "seed \(seed): a plan exists, so the model is feasible")
            XCTAssertTrue(phase.keepsEveryRow(plan, placeAllDue: true))
            // No better than the optimum on the first level, never worse than placing every due cadre.
            XCTAssertEqual(phase.levelValue(.duePlaced, of: plan), phase.dueCandidates.count)
        }
        XCTAssertGreaterThan(feasible, 10)
        XCTAssertGreaterThanOrEqual(found * 10, feasible * 8, "found \(found) of \(feasible)")
    }

    /// A component no cap binds on, with the run's deadline already past: the matching stops at
    /// once (not proven, so it bounds nothing), the plan is completed without GLPK and keeps every
    /// rule, and every level says it stopped, with a bound at least its value.
    func testMatchingPastTheDeadlineFallsBack() throws {
        var kit = TransferPhaseTests.mixed()
        kit.fit("b", "PA2", 4250)
        kit.fit("d1", "PB1", 9000)
        kit.scenario.transfer.maxPerUnitPair = 5   // no cap can bind
        let phase = Self.phase(kit)
        XCTAssertFalse(phase.capBinds)
        let stopped = phase.lexicographicMatching(deadline: .distantPast)
        XCTAssertFalse(stopped.complete)
        XCTAssertNil(stopped.proven)
        XCTAssertTrue(phase.lexicographicMatching(deadline: .distantFuture).complete)
        var solver = LexicographicSolver(options: SolveOptions(timeLimitSeconds: 30), deadline: .distantPast)
        let result = try phase.solve(using: &solver)
        XCTAssertEqual(result.levels.map(\.status), [.timeLimit, .timeLimit, .timeLimit])
        XCTAssertTrue(result.levels.allSatisfy { $0.bound >= $0.value })
        var plan = kit.adjudication.competitionByRules()
        plan.placements += result.placements
        plan.normalize()
        XCTAssertEqual(PlanCheck(adjudication: kit.adjudication).problems(in: plan, checkCompetitionByRules: true), [])
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
