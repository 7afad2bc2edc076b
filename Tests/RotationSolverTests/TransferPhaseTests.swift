// SPDX-License-Identifier: GPL-3.0-or-later
import LinearProgramming
import RotationCore
import XCTest

@testable import RotationSolver

/// The transfer phase (组织调动) of model.md: vacancies, candidates, pairs, the unit-pair cap,
/// place_all_due and the lexicographic objective.
final class TransferPhaseTests: XCTestCase {
    /// Competition places a (H1 → A) in PA1; b is the unplaced alternate.
    ///
    /// Positions: PA1, PA2 (A, deputy); PB1 (B, deputy, civil servants only); PB2 (B, deputy,
    /// not offered); PB3 (B, chief). PA2 has one applicant (C-MIN2).
    static func mixed() -> ScenarioKit {
        var kit = ScenarioKit("transfer", mode: .competition, maxPreferences: 1, transfer: true)
        for unit: UnitID in ["H1", "H2", "A", "B"] { kit.unit(unit) }
        kit.position("PA1", unit: "A")
        kit.position("PA2", unit: "A")
        kit.position("PB1", unit: "B", identities: [.civilServant])
        kit.position("PB2", unit: "B", offered: false)
        kit.position("PB3", unit: "B", level: .chief)
        kit.cadre("a", unit: "H1", due: true)                                   // placed by competition
        kit.cadre("b", unit: "H1", acceptsTransfer: true)                       // unplaced alternate, accepts
        kit.cadre("x", unit: "H2")                                              // neither due nor accepting
        kit.cadre("d1", unit: "H2", due: true)                                  // due
        kit.cadre("d2", unit: "H2", due: true, failAssessment: true)            // due, fails E-ASSESS
        kit.cadre("e", unit: "H1", level: .chief, due: true, monthsToRetirement: 30)   // due but exempt
        kit.cadre("e2", unit: "H1", level: .chief, acceptsTransfer: true, monthsToRetirement: 30)   // fails E-TERM only
        kit.cadre("e3", unit: "H2", acceptsTransfer: true, monthsToRetirement: 30)     // deputy, fails E-TERM only
        kit.cadre("r", unit: "H2", acceptsTransfer: true, identity: .referenceManaged) // not admitted by PB1
        kit.cadre("s", unit: "H2", level: .staff, acceptsTransfer: true)
        kit.cadre("u", unit: "A", due: true)                                    // own unit A
        kit.apply("a", "PA1", score: 9000)
        kit.apply("b", "PA1", score: 8000)
        kit.apply("x", "PA2", score: 9900)
        return kit
    }

    func testVacanciesAndCandidates() {
        let adjudication = Self.mixed().adjudication
        let competition = adjudication.competitionByRules()
        XCTAssertEqual(competition.placements.map(\.cadreID), ["a"])
        let phase = TransferPhase(adjudication: adjudication, competition: competition)
        XCTAssertEqual(phase.vacancies, ["PA2", "PB1", "PB3"])
        XCTAssertEqual(phase.candidates, ["b", "d1", "e2", "e3", "r", "s", "u"])
        XCTAssertEqual(phase.dueCandidates, ["d1", "u"])
    }

    func testPairsSameLevelOnly() {
        let adjudication = Self.mixed().adjudication
        let phase = TransferPhase(adjudication: adjudication, competition: adjudication.competitionByRules())
        XCTAssertEqual(phase.pairs.map { "\($0.cadreID)→\($0.positionID)" },
                       ["b→PA2", "b→PB1", "d1→PA2", "d1→PB1", "e2→PB3", "e3→PA2", "e3→PB1", "r→PA2", "u→PB1"])
        XCTAssertEqual(phase.pairs.filter(\.cadreIsDue).map(\.cadreID), ["d1", "d1", "u"])
    }

    /// Without same_level_only: one step up with E-RANK and E-TERM; never down, never two steps.
    func testPairsWithPromotions() {
        var kit = Self.mixed()
        kit.scenario.transfer.sameLevelOnly = false
        kit.cadre("n", unit: "H2", acceptsTransfer: true, levelSince: YearMonth(year: 2017, month: 1))  // 9 months as deputy < 24
        let adjudication = kit.adjudication
        let phase = TransferPhase(adjudication: adjudication, competition: adjudication.competitionByRules())
        XCTAssertEqual(Set(phase.pairs.map { "\($0.cadreID)→\($0.positionID)" }),
                       ["b→PA2", "b→PB1", "b→PB3", "d1→PA2", "d1→PB1", "d1→PB3", "e2→PB3", "e3→PA2", "e3→PB1",
                        "n→PA2", "n→PB1", "r→PA2", "r→PB3", "s→PA2", "s→PB1", "u→PB1", "u→PB3"])
    }

    /// The transfer model: one binary y per pair, ≤ 1 rows, objective per level.
    func testTransferModel() throws {
        var kit = Self.mixed()
        kit.fit("b", "PA2", 4250)
        kit.fit("u", "PB1", 100)
        let adjudication = kit.adjudication
        let phase = TransferPhase(adjudication: adjudication, competition: adjudication.competitionByRules())
        let model = phase.model(level: .duePlaced, fixed: [], placeAllDue: false)
        let view = ModelView(model)
        XCTAssertEqual(model.sense, .maximize)
        XCTAssertEqual(model.variables.count, phase.pairs.count)
        XCTAssertTrue(model.variables.allSatisfy { $0.kind == .binary })
        XCTAssertEqual(view.objective, ["y_d1_PA2": 1, "y_d1_PB1": 1, "y_u_PB1": 1])
        XCTAssertEqual(ModelView(phase.model(level: .vacanciesFilled, fixed: [], placeAllDue: false)).objective.count, phase.pairs.count)
        XCTAssertEqual(ModelView(phase.model(level: .fit, fixed: [], placeAllDue: false)).objective, ["y_b_PA2": 4250, "y_u_PB1": 100])
        XCTAssertEqual(view.coefficients(of: try XCTUnwrap(view.row("cadre_b"))), ["y_b_PA2": 1, "y_b_PB1": 1])
        XCTAssertEqual(try XCTUnwrap(view.row("cadre_b")).upper, 1)
        XCTAssertEqual(view.coefficients(of: try XCTUnwrap(view.row("vacancy_PB1"))), ["y_b_PB1": 1, "y_d1_PB1": 1, "y_e3_PB1": 1, "y_u_PB1": 1])
        // place_all_due: the due rows become equalities.
        let strict = ModelView(phase.model(level: .duePlaced, fixed: [], placeAllDue: true))
        XCTAssertEqual(strict.row("cadre_d1")?.lower, 1)
        XCTAssertEqual(strict.row("cadre_u")?.lower, 1)
        XCTAssertNil(strict.row("cadre_b")?.lower)
        // A fixed level is a ≥ row.
        let fixed = ModelView(phase.model(level: .fit, fixed: [(.duePlaced, 2), (.vacanciesFilled, 3)], placeAllDue: false))
        XCTAssertEqual(fixed.row("level_due_placed")?.lower, 2)
        XCTAssertEqual(fixed.row("level_vacancies_filled")?.lower, 3)
        XCTAssertEqual(fixed.coefficients(of: try XCTUnwrap(fixed.row("level_vacancies_filled"))).count, phase.pairs.count)
        // Deterministic text.
        let again = TransferPhase(adjudication: kit.adjudication, competition: adjudication.competitionByRules())
            .model(level: .fit, fixed: [(.duePlaced, 2)], placeAllDue: true)
        XCTAssertEqual(try again.export(.cplexLP),
                       try phase.model(level: .fit, fixed: [(.duePlaced, 2)], placeAllDue: true).export(.cplexLP))
    }

    func testMixedSolve() throws {
        var kit = Self.mixed()
        kit.fit("b", "PA2", 4250)
        let adjudication = kit.adjudication
        let report = try solveQuietly(adjudication)
        XCTAssertEqual(report.status, .optimal)
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: report.plan, checkCompetitionByRules: true), [])
        // Both due cadres placed (d1 and u), then every vacancy that can be filled: PA2, PB1, PB3.
        XCTAssertEqual(report.level("transfer", "due_placed")?.value, 2)
        XCTAssertEqual(report.level("transfer", "vacancies_filled")?.value, 3)
        guard case .solved(let placed, let duePlaced, let vacancies, let candidates) = report.transfer else {
            return XCTFail("\(report.transfer)")
        }
        XCTAssertEqual([placed, duePlaced, vacancies, candidates], [3, 2, 3, 7])
        let byPosition = Dictionary(uniqueKeysWithValues: report.transfers.map { ($0.positionID, $0.cadreID) })
        XCTAssertEqual(byPosition["PB1"], "u", "u (due) can only go to PB1")
        XCTAssertEqual(byPosition["PA2"], "d1")
        XCTAssertEqual(byPosition["PB3"], "e2")
    }

    // MARK: Unit-pair cap

    /// a is placed H1 → A by competition; with max_per_unit_pair 1, H1 → A is full, so b (H1)
    /// cannot take PA2 despite the better fit, and c (H2) does.
    func testCapCountsCompetitionPlacements() throws {
        var kit = ScenarioKit("cap", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("PA1", unit: "A")
        kit.position("PA2", unit: "A")
        kit.cadre("a", unit: "H1")
        kit.cadre("b", unit: "H1", acceptsTransfer: true)
        kit.cadre("c", unit: "H2", acceptsTransfer: true)
        kit.apply("a", "PA1", score: 9000)
        kit.apply("b", "PA1", score: 8000)
        kit.fit("b", "PA2", 9000)
        kit.fit("c", "PA2", 100)
        kit.scenario.transfer.maxPerUnitPair = 1
        var adjudication = kit.adjudication
        var report = try solveQuietly(adjudication)
        XCTAssertEqual(report.transfers.map { "\($0.cadreID)→\($0.positionID)" }, ["c→PA2"])
        let phase = TransferPhase(adjudication: adjudication, competition: adjudication.competitionByRules())
        XCTAssertEqual(phase.allowance[.init(from: "H1", to: "A")], 0)
        XCTAssertEqual(phase.allowance[.init(from: "H2", to: "A")], 1)
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: report.plan), [])

        // With a cap of 2 the competition move leaves room for one more.
        kit.scenario.transfer.maxPerUnitPair = 2
        adjudication = kit.adjudication
        report = try solveQuietly(adjudication)
        XCTAssertEqual(report.transfers.map { "\($0.cadreID)→\($0.positionID)" }, ["b→PA2"])
        XCTAssertEqual(report.transfers.first?.scoreHundredths, 9000)
    }

    /// The cap binds among transfers alone: two cadres of H1, two vacancies of B.
    func testCapBindsAmongTransfers() throws {
        var kit = ScenarioKit("cap2", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("PB1", unit: "B")
        kit.position("PB2", unit: "B")
        kit.cadre("b1", unit: "H1", acceptsTransfer: true)
        kit.cadre("b2", unit: "H1", acceptsTransfer: true)
        kit.fit("b1", "PB2", 500)
        var report = try solveQuietly(kit.adjudication)
        XCTAssertEqual(report.transfers.map { "\($0.cadreID)→\($0.positionID)" }, ["b1→PB2"])
        XCTAssertEqual(report.level("transfer", "vacancies_filled")?.value, 1)
        kit.scenario.transfer.maxPerUnitPair = 2
        report = try solveQuietly(kit.adjudication)
        XCTAssertEqual(report.transfers.count, 2)
        XCTAssertEqual(report.level("transfer", "fit")?.value, 500)
    }

    // MARK: place_all_due

    func testPlaceAllDueFeasible() throws {
        var kit = ScenarioKit("due", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("PA", unit: "A")
        kit.position("PB", unit: "B")
        kit.cadre("d1", unit: "H1", due: true)
        kit.cadre("d2", unit: "H2", due: true)
        kit.cadre("n", unit: "H3", acceptsTransfer: true)
        kit.fit("n", "PA", 9999)
        kit.fit("n", "PB", 9999)
        kit.scenario.transfer.placeAllDue = true
        let report = try solveQuietly(kit.adjudication)
        XCTAssertEqual(report.status, .optimal)
        XCTAssertEqual(Set(report.transfers.map(\.cadreID)), ["d1", "d2"])
        guard case .solved(_, let duePlaced, _, _) = report.transfer else { return XCTFail("\(report.transfer)") }
        XCTAssertEqual(duePlaced, 2)
    }

    /// Deputies d1, d2 (PA or PC) and w (PA only: PC is of its own unit C) are three due cadres
    /// for two deputy vacancies; d3 (chief) has PB to itself. Hall violator: {d1, d2, w} on {PA, PC}.
    func testPlaceAllDueHallViolator() throws {
        var kit = ScenarioKit("hall", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("PA", unit: "A")
        kit.position("PB", unit: "B", level: .chief)
        kit.position("PC", unit: "C")
        kit.cadre("d1", unit: "H1", due: true)
        kit.cadre("d2", unit: "H2", due: true)
        kit.cadre("d3", unit: "H3", level: .chief, due: true)
        kit.cadre("w", unit: "C", due: true, acceptsTransfer: true)
        kit.scenario.transfer.placeAllDue = true
        // A competition phase that place_all_due must not change.
        kit.cadre("p", unit: "H4")
        kit.cadre("q", unit: "H4")
        kit.position("PX", unit: "X")
        kit.apply("p", "PX", score: 9000)
        kit.apply("q", "PX", score: 8000)
        var adjudication = kit.adjudication
        let report = try solveQuietly(adjudication)
        XCTAssertEqual(report.status, .infeasible)
        guard case .infeasible(let conflict) = report.transfer else { return XCTFail("\(report.transfer)") }
        XCTAssertEqual(conflict.reason, .hall)
        XCTAssertEqual(conflict.reason.rawValue, "hall")
        XCTAssertEqual(conflict.cadres, ["d1", "d2", "w"])
        XCTAssertEqual(conflict.vacancies, ["PA", "PC"])
        let phase = TransferPhase(adjudication: adjudication, competition: report.plan)
        let reach = Set(phase.pairs.filter { conflict.cadres.contains($0.cadreID) }.map(\.positionID))
        XCTAssertEqual(Set(conflict.vacancies), reach)
        XCTAssertFalse(conflict.detail.isEmpty)
        XCTAssertTrue(report.transfers.isEmpty)
        // The competition phase is as without place_all_due.
        kit.scenario.transfer.placeAllDue = false
        adjudication = kit.adjudication
        let relaxed = try solveQuietly(adjudication)
        XCTAssertEqual(report.plan.shortlist, relaxed.plan.shortlist)
        XCTAssertEqual(report.plan.withdrawn, relaxed.plan.withdrawn)
        XCTAssertEqual(report.plan.placements, relaxed.plan.placements.filter { $0.phase == .competition })
        XCTAssertEqual(report.lists, ["PX": ["p", "q"]])
    }

    /// The exact Hall set: d1, d2 (deputies) can only go to PA; d3 (chief) only to PB.
    func testHallViolatorIsNamedExactly() throws {
        var kit = ScenarioKit("hall2", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("PA", unit: "A")
        kit.position("PB", unit: "B", level: .chief)
        kit.cadre("d1", unit: "H1", due: true)
        kit.cadre("d2", unit: "H2", due: true)
        kit.cadre("d3", unit: "H3", level: .chief, due: true)
        kit.scenario.transfer.placeAllDue = true
        let report = try solveQuietly(kit.adjudication)
        guard case .infeasible(let conflict) = report.transfer else { return XCTFail("\(report.transfer)") }
        XCTAssertEqual(conflict.reason, .hall)
        XCTAssertEqual(conflict.cadres, ["d1", "d2"])
        XCTAssertEqual(conflict.vacancies, ["PA"])
        XCTAssertEqual(report.status, .infeasible)
        // Cadres with the same vacancies are named together, the list said once.
        XCTAssertTrue(conflict.detail.hasSuffix(": d1, d2 → PA"), conflict.detail)
        XCTAssertTrue(conflict.detailChinese.hasSuffix("：d1、d2 → PA"), conflict.detailChinese)
    }

    /// The simplest Hall violator: a due cadre with no eligible vacancy.
    func testDueCadreWithNoVacancy() throws {
        var kit = ScenarioKit("lonely", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("PA", unit: "A", level: .chief)
        kit.cadre("d", unit: "H1", due: true)
        kit.cadre("c", unit: "H1", level: .chief, acceptsTransfer: true)
        kit.scenario.transfer.placeAllDue = true
        let report = try solveQuietly(kit.adjudication)
        XCTAssertEqual(report.status, .infeasible)
        guard case .infeasible(let conflict) = report.transfer else { return XCTFail("\(report.transfer)") }
        XCTAssertEqual(conflict.reason, .hall)
        XCTAssertEqual(conflict.cadres, ["d"])
        XCTAssertEqual(conflict.vacancies, [])
    }

    /// Enough vacancies for every due cadre, but both are in unit A and both cadres in H1: cap 1.
    func testPlaceAllDueBlockedByCap() throws {
        var kit = ScenarioKit("capdue", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("PA1", unit: "A")
        kit.position("PA2", unit: "A")
        kit.cadre("d1", unit: "H1", due: true)
        kit.cadre("d2", unit: "H1", due: true)
        kit.scenario.transfer.placeAllDue = true
        kit.scenario.transfer.maxPerUnitPair = 1
        let report = try solveQuietly(kit.adjudication)
        XCTAssertEqual(report.status, .infeasible)
        guard case .infeasible(let conflict) = report.transfer else { return XCTFail("\(report.transfer)") }
        XCTAssertEqual(conflict.reason, .unitPairCap)
        XCTAssertEqual(conflict.reason.rawValue, "unit_pair_cap")
        XCTAssertEqual(conflict.cadres, ["d1", "d2"])
        XCTAssertEqual(conflict.vacancies, ["PA1", "PA2"])
        XCTAssertTrue(conflict.detail.contains("H1"), conflict.detail)
        // Lifting the cap makes it feasible.
        kit.scenario.transfer.maxPerUnitPair = 2
        let lifted = try solveQuietly(kit.adjudication)
        XCTAssertEqual(lifted.status, .optimal)
        XCTAssertEqual(lifted.transfers.count, 2)
    }

    /// The cap conflict names only the cadres it blocks: d3 (H2 → B) is placeable and left out.
    func testCapConflictNamesAnIrreducibleSet() throws {
        var kit = ScenarioKit("capdue3", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("PA1", unit: "A")
        kit.position("PA2", unit: "A")
        kit.position("PB1", unit: "B")
        kit.cadre("d1", unit: "H1", due: true)
        kit.cadre("d2", unit: "H1", due: true)
        kit.cadre("d3", unit: "H2", due: true, identity: .referenceManaged)
        kit.scenario.transfer.placeAllDue = true
        kit.scenario.transfer.maxPerUnitPair = 1
        // H1 cadres may only go to unit A (B admits other identities only).
        kit.scenario.positions[2].identities = [.referenceManaged]
        let report = try solveQuietly(kit.adjudication)
        guard case .infeasible(let conflict) = report.transfer else { return XCTFail("\(report.transfer)") }
        XCTAssertEqual(conflict.reason, .unitPairCap)
        XCTAssertEqual(conflict.cadres, ["d1", "d2"])
        XCTAssertEqual(conflict.vacancies, ["PA1", "PA2"])
        XCTAssertTrue(conflict.detail.contains("H1→A"), conflict.detail)
    }

    // MARK: Lexicographic order

    /// Due placed before vacancies filled: placing d (due, H1 → A) uses the only H1 → A slot, so
    /// x (H1, chief) cannot take VA2; y (H2) and x would fill two vacancies, d fills one.
    func testDuePlacedBeforeVacanciesFilled() throws {
        var kit = ScenarioKit("order1", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("VA1", unit: "A")
        kit.position("VA2", unit: "A", level: .chief)
        kit.cadre("d", unit: "H1", due: true)
        kit.cadre("x", unit: "H1", level: .chief, acceptsTransfer: true)
        kit.cadre("y", unit: "H2", acceptsTransfer: true)
        kit.fit("x", "VA2", 9999)
        kit.fit("y", "VA1", 9999)
        let report = try solveQuietly(kit.adjudication)
        XCTAssertEqual(report.transfers.map { "\($0.cadreID)→\($0.positionID)" }, ["d→VA1"])
        XCTAssertEqual(report.levels.filter { $0.phase == .transfer }.map(\.name), ["due_placed", "vacancies_filled", "fit"])
        XCTAssertEqual(report.levels.filter { $0.phase == .transfer }.map(\.value), [1, 1, 0])
    }

    /// Vacancies filled before fit: m → V3 and k → V2 (fit 2.00) beat m → V2 alone (fit 99.00).
    func testVacanciesFilledBeforeFit() throws {
        var kit = ScenarioKit("order2", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("V2", unit: "B")
        kit.position("V3", unit: "C")
        kit.cadre("m", unit: "H1", acceptsTransfer: true)
        kit.cadre("k", unit: "C", acceptsTransfer: true)
        kit.fit("m", "V2", 9900)
        kit.fit("k", "V2", 100)
        kit.fit("m", "V3", 100)
        let report = try solveQuietly(kit.adjudication)
        XCTAssertEqual(Set(report.transfers.map { "\($0.cadreID)→\($0.positionID)" }), ["k→V2", "m→V3"])
        XCTAssertEqual(report.levels.filter { $0.phase == .transfer }.map(\.value), [0, 2, 200])
    }

    /// With levels 1 and 2 tied, the fit decides (rounded half-up in hundredths upstream).
    func testFitDecides() throws {
        var kit = ScenarioKit("order3", mode: .competition, maxPreferences: 1, transfer: true)
        kit.position("VB", unit: "B")
        kit.cadre("f1", unit: "H1", acceptsTransfer: true)
        kit.cadre("f2", unit: "H2", acceptsTransfer: true)
        kit.fit("f1", "VB", 3050)
        kit.fit("f2", "VB", 8000)
        let report = try solveQuietly(kit.adjudication)
        XCTAssertEqual(report.transfers.map(\.cadreID), ["f2"])
        XCTAssertEqual(report.transfers.first?.scoreHundredths, 8000)
        XCTAssertEqual(report.transfers.first?.fromUnitID, "H2")
        XCTAssertEqual(report.transfers.first?.toUnitID, "B")
    }

    func testTransferDisabled() throws {
        var kit = Self.mixed()
        kit.scenario.transfer.enabled = false
        let report = try solveQuietly(kit.adjudication)
        guard case .notRun = report.transfer else { return XCTFail("\(report.transfer)") }
        XCTAssertTrue(report.transfers.isEmpty)
        XCTAssertFalse(report.levels.contains { $0.phase == .transfer })
    }
}
