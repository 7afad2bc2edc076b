// SPDX-License-Identifier: GPL-3.0-or-later
import LinearProgramming
import RotationCore
import XCTest

@testable import RotationSolver

/// Small random scenarios (fixed seeds), solved by the optimizer and by enumeration of model.md:
/// the objective levels must agree, and the plan must pass PlanCheck.
final class BruteForceCrossCheckTests: XCTestCase {
    /// A random small scenario: 2–4 positions, 3–7 cadres, r = 2, K = 2 (preferences) or one
    /// application each (competition), transfer on with random settings.
    static func randomScenario(seed: UInt64, mode: Mode) -> ScenarioKit {
        var random = SplitMix64(seed: seed)
        var kit = ScenarioKit("random\(seed)", mode: mode, maxPreferences: mode == .preferences ? 2 : 1, transfer: true)
        let units: [UnitID] = ["U1", "U2", "U3"]
        for unit in units { kit.unit(unit) }
        // Cadres mostly come from units that offer nothing (H1, H2), so that most applications
        // pass P-OWNUNIT and positions get enough applicants to compete.
        let homes: [UnitID] = ["H1", "H2", "H1", "H2", "U1", "U2", "U3"]
        // "Scarce" scenarios (a third): two or three positions, few cadres, first choices scored
        // high — where the no-envy rows most often cost a position.
        let scarce = mode == .preferences && random.chance(0.33)
        let positionCount = scarce ? 2 : (random.chance(0.7) ? random.int(2...3) : 4)
        let cadreCount = scarce ? random.int(4...5) : (random.chance(0.75) ? random.int(5...7) : random.int(3...4))
        var positions: [PositionID] = []
        for k in 1...positionCount {
            let id: PositionID = "P\(k)"
            let level: Level = scarce || random.chance(0.75) ? .deputy : .chief
            let identities: [Identity] = random.chance(0.1) ? [.referenceManaged] : [.civilServant, .referenceManaged]
            kit.position(id, unit: units[random.int(0...2)], level: level, offered: random.chance(0.9), identities: identities)
            positions.append(id)
        }
        for k in 1...cadreCount {
            let id: CadreID = "c\(k)"
            let roll = random.int(0...99)
            let level: Level = scarce || roll < 70 ? .deputy : (roll < 85 ? .chief : .staff)
            let due = level != .staff && random.chance(0.45)
            let retirement: Int? = random.chance(0.1) ? random.int(20...40) : nil
            kit.cadre(id, unit: homes[random.int(0...(scarce ? 1 : 6))], level: level, due: due, acceptsTransfer: random.chance(0.4),
                      monthsToRetirement: retirement, failAssessment: random.chance(0.08),
                      levelSince: YearMonth(year: random.int(2012...2016), month: random.int(1...12)))
            let applications = scarce ? random.int(1...2) : mode == .preferences ? (random.chance(0.9) ? random.int(1...2) : 0) : (random.chance(0.85) ? 1 : 0)
            let chosen = random.shuffled(positions).prefix(applications)
            for (offset, position) in chosen.enumerated() {
                let grid = scarce ? (offset == 0 ? [80, 85, 90, 95] : [60, 65, 70, 75]) : [55, 60, 65, 70, 75, 80, 85, 90]
                let score: Int? = random.chance(0.04) ? nil : grid[random.int(0...(grid.count - 1))] * 100 + (random.chance(0.3) ? 50 : 0)
                kit.apply(id, position, preference: offset + 1, score: score, approved: random.chance(0.95))
            }
        }
        for cadre in kit.scenario.cadres {
            for position in positions where random.chance(0.5) { kit.fit(cadre.id, position, random.int(0...10000)) }
        }
        kit.scenario.transfer.sameLevelOnly = random.chance(0.6)
        kit.scenario.transfer.placeAllDue = random.chance(0.3)
        kit.scenario.transfer.maxPerUnitPair = random.chance(0.8) ? 1 : 2
        return kit
    }

    struct Coverage {
        var scenarios = 0
        var competedSomething = 0
        var envyBinds = 0
        var multipleOptima = 0
        var transfersMade = 0
        var capBinds = 0
        var hall = 0
        var unitPairCap = 0
        var placeAllDueSolved = 0
    }

    func testPreferencesModeAgainstBruteForce() throws {
        var coverage = Coverage()
        for seed in UInt64(1)...400 {
            try check(Self.randomScenario(seed: seed, mode: .preferences), seed: seed, coverage: &coverage)
        }
        print("preferences cross-check coverage: \(coverage)")
        XCTAssertEqual(coverage.scenarios, 400)
        // The generator must reach the interesting cases, or the check proves little.
        XCTAssertGreaterThanOrEqual(coverage.competedSomething, 150)
        XCTAssertGreaterThanOrEqual(coverage.envyBinds, 8)
        XCTAssertGreaterThanOrEqual(coverage.multipleOptima, 40)
        XCTAssertGreaterThanOrEqual(coverage.transfersMade, 150)
        XCTAssertGreaterThanOrEqual(coverage.hall, 20)
        XCTAssertGreaterThanOrEqual(coverage.placeAllDueSolved, 15)
    }

    func testCompetitionModeAgainstBruteForce() throws {
        var coverage = Coverage()
        for seed in UInt64(1001)...1150 {
            try check(Self.randomScenario(seed: seed, mode: .competition), seed: seed, coverage: &coverage)
        }
        print("competition cross-check coverage: \(coverage)")
        XCTAssertGreaterThanOrEqual(coverage.competedSomething, 40)
        XCTAssertGreaterThanOrEqual(coverage.transfersMade, 60)
    }

    /// Transfer-heavy: nobody applies, every cadre is a candidate; the transfer phase alone decides.
    func testTransferHeavyAgainstBruteForce() throws {
        var coverage = Coverage()
        for seed in UInt64(2001)...2300 {
            var kit = Self.randomScenario(seed: seed, mode: .competition)
            var random = SplitMix64(seed: seed ^ 0xABCD)
            kit.scenario.applications = []
            kit.scenario.interviews = []
            kit.scenario.transfer.maxPerUnitPair = random.chance(0.7) ? 1 : 2
            kit.scenario.transfer.placeAllDue = random.chance(0.5)
            for index in kit.scenario.cadres.indices {
                if random.chance(0.5) { kit.scenario.cadres[index].acceptsTransfer = true }
                // Two home units only: the unit-pair cap binds more often.
                if random.chance(0.7) { kit.scenario.cadres[index].unitID = random.chance(0.5) ? "H1" : "U1" }
            }
            try check(kit, seed: seed, coverage: &coverage)
        }
        print("transfer-heavy cross-check coverage: \(coverage)")
        XCTAssertGreaterThanOrEqual(coverage.capBinds, 10)
        XCTAssertGreaterThanOrEqual(coverage.hall, 30)
        XCTAssertGreaterThanOrEqual(coverage.unitPairCap, 1)
        XCTAssertGreaterThanOrEqual(coverage.transfersMade, 150)
    }

    func check(_ kit: ScenarioKit, seed: UInt64, coverage: inout Coverage) throws {
        let adjudication = kit.adjudication
        let scenario = adjudication.scenario
        let report: SolveReport
        do {
            report = try solveQuietly(adjudication)
        } catch {
            XCTFail("seed \(seed): solve threw \(error)")
            return
        }
        coverage.scenarios += 1
        let problems = PlanCheck(adjudication: adjudication).problems(in: report.plan, checkCompetitionByRules: scenario.mode == .competition,
                                                                      transferInfeasible: report.status == .infeasible)
        XCTAssertEqual(problems, [], "seed \(seed)")

        // Shortlist phase.
        let input = BruteForce.ShortlistInput(adjudication)
        let selected = Set(report.plan.shortlist.map { Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID) })
        let competed = Set(report.plan.shortlist.map(\.positionID))
        if !competed.isEmpty { coverage.competedSomething += 1 }
        if scenario.mode == .preferences {
            let (best, feasibleCount) = input.optimum(envy: true)
            let withoutEnvy = input.optimum(envy: false).best
            XCTAssertTrue(input.feasible(selected: selected, competed: competed, envy: true), "seed \(seed): plan infeasible per model.md")
            XCTAssertEqual(input.levels(selected: selected, competed: competed), best, "seed \(seed): plan's levels")
            let reported = ["positions_competed", "preferences_met", "scores"].map { report.level("shortlist", $0) }
            XCTAssertEqual(reported.map { $0?.value }, [best.a, best.b, best.c], "seed \(seed): reported levels")
            XCTAssertTrue(reported.allSatisfy { $0?.status == .optimal || $0?.status == .trivial }, "seed \(seed)")
            XCTAssertEqual(report.positionsCompetedWithoutEnvy, withoutEnvy.a, "seed \(seed): price of fairness")
            if withoutEnvy.a > best.a { coverage.envyBinds += 1 }
            if feasibleCount > 2 { coverage.multipleOptima += 1 }
            // Every position that could be competed and is not is withdrawn under C-RATIO.
            for position in input.positions where !competed.contains(position.id) {
                XCTAssertEqual(report.plan.withdrawn.first { $0.positionID == position.id }?.rule, .ratio, "seed \(seed): \(position.id)")
            }
        } else {
            let reference = adjudication.competitionByRules()
            XCTAssertEqual(report.plan.shortlist, reference.shortlist, "seed \(seed)")
            XCTAssertEqual(report.plan.withdrawn, reference.withdrawn, "seed \(seed)")
            XCTAssertEqual(report.plan.placements.filter { $0.phase == .competition }, reference.placements, "seed \(seed)")
        }

        // Transfer phase.
        let competition = report.plan.placements.filter { $0.phase == .competition }
        let transfer = BruteForce.TransferInput(adjudication, competitionPlacements: competition)
        let expected = transfer.optimum()
        let unconstrained = BruteForce.TransferInput(adjudication, competitionPlacements: competition)
        guard let expected else {
            guard case .infeasible(let conflict) = report.transfer else {
                XCTFail("seed \(seed): place_all_due is infeasible by enumeration, optimizer says \(report.transfer)")
                return
            }
            XCTAssertEqual(report.status, .infeasible, "seed \(seed)")
            XCTAssertTrue(report.transfers.isEmpty, "seed \(seed): transfer placements despite infeasible")
            XCTAssertFalse(conflict.cadres.isEmpty, "seed \(seed)")
            XCTAssertTrue(Set(conflict.cadres).isSubset(of: transfer.due), "seed \(seed): \(conflict.cadres) not all due")
            XCTAssertNil(transfer.optimum(mustPlace: Set(conflict.cadres)), "seed \(seed): the named cadres can all be placed")
            let open = Set(transfer.pairs.filter { conflict.cadres.contains($0.cadre) }.map(\.position))
            switch conflict.reason {
            case .hall:
                coverage.hall += 1
                XCTAssertEqual(Set(conflict.vacancies), open, "seed \(seed): Hall set's vacancies")
                XCTAssertLessThan(conflict.vacancies.count, conflict.cadres.count, "seed \(seed): not a Hall violator")
            case .unitPairCap:
                coverage.unitPairCap += 1
                // Without the cap every due cadre could be placed (else a Hall violator was missed).
                var uncapped = unconstrained
                uncapped.allowance = uncapped.allowance.mapValues { _ in 1000 }
                XCTAssertNotNil(uncapped.optimum(mustPlace: transfer.due), "seed \(seed): Hall violator reported as a cap")
                XCTAssertTrue(Set(conflict.vacancies).isSubset(of: open), "seed \(seed)")
            }
            return
        }
        guard case .solved(let placed, let duePlaced, let vacancies, let candidates) = report.transfer else {
            XCTFail("seed \(seed): expected a solved transfer \(expected), got \(report.transfer)")
            return
        }
        let chosen = report.transfers.map { placement in
            transfer.pairs.first { $0.cadre == placement.cadreID && $0.position == placement.positionID }
        }
        XCTAssertFalse(chosen.contains { $0 == nil }, "seed \(seed): a transfer outside the eligible pairs")
        let pairs = chosen.compactMap { $0 }
        XCTAssertTrue(transfer.feasible(pairs, mustPlace: transfer.placeAllDue ? transfer.due : []), "seed \(seed): transfer infeasible")
        XCTAssertEqual(transfer.levels(of: pairs), expected, "seed \(seed): transfer levels")
        let reported = ["due_placed", "vacancies_filled", "fit"].map { report.level("transfer", $0)?.value }
        XCTAssertEqual(reported, [expected.a, expected.b, expected.c], "seed \(seed): reported transfer levels")
        XCTAssertEqual(placed, expected.b, "seed \(seed)")
        XCTAssertEqual(duePlaced, expected.a, "seed \(seed)")
        XCTAssertEqual(vacancies, transfer.vacancies.count, "seed \(seed)")
        XCTAssertEqual(candidates, transfer.candidates.count, "seed \(seed)")
        for placement in report.transfers {
            XCTAssertEqual(placement.scoreHundredths, transfer.pairs.first { $0.cadre == placement.cadreID && $0.position == placement.positionID }?.fit,
                           "seed \(seed): a transfer's score is its fit")
        }
        XCTAssertNotEqual(report.status, .infeasible, "seed \(seed)")
        if !pairs.isEmpty { coverage.transfersMade += 1 }
        if transfer.placeAllDue && !transfer.due.isEmpty { coverage.placeAllDueSolved += 1 }
        var uncapped = unconstrained
        uncapped.allowance = uncapped.allowance.mapValues { _ in 1000 }
        if let free = uncapped.optimum(), free != expected { coverage.capBinds += 1 }
    }
}
