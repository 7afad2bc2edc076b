// SPDX-License-Identifier: GPL-3.0-or-later
// Terse builders for RotationCore tests: scenarios, cadres, verdict look-ups.
import XCTest
@testable import RotationCore

/// `ym("2017-10")`.
func ym(_ text: String) -> YearMonth {
    let parts = text.split(separator: "-").map { Int($0)! }
    return YearMonth(year: parts[0], month: parts[1])
}

/// The seed's reference date.
let seedReference = ym("2017-10")

/// `dec("59.985")`.
func dec(_ text: String) -> ExactDecimal {
    guard let value = ExactDecimal(parsing: text) else { fatalError("bad decimal \(text)") }
    return value
}

/// A cadre with harmless defaults: male, born 1970-01 (147 months to retirement at 2017-10), a deputy
/// since 2012-01, bachelor, civil servant, training met, healthy, no flags. `tweak` adjusts anything.
func makeCadre(_ id: CadreID, unit: UnitID = "D1", level: Level = .deputy, gender: Gender = .male,
               birth: String = "1970-01", levelSince: String = "2012-01",
               tweak: (inout Cadre) -> Void = { _ in }) -> Cadre {
    var cadre = Cadre(id: id, name: "Name \(id)", gender: gender, birth: ym(birth), unitID: unit, level: level,
                      levelSince: ym(levelSince))
    tweak(&cadre)
    return cadre
}

/// Builds a scenario step by step. Cadres without explicit grades get `competent` in every assessment year
/// when the scenario is built (so changing `assessmentYears` later still yields a clean record).
final class ScenarioBuilder {
    private var base: Scenario
    private var explicitlyGraded = Set<CadreID>()

    init(reference: String = "2017-10") {
        base = Scenario(name: "test", referenceDate: ym(reference))
        base.interviews = []
    }

    /// The standard map: departments D1, D2, D3 and towns T1, T2, each with 5 approved posts.
    static func standard(reference: String = "2017-10") -> ScenarioBuilder {
        ScenarioBuilder(reference: reference)
            .unit("D1").unit("D2").unit("D3")
            .unit("T1", .town).unit("T2", .town)
    }

    @discardableResult
    func unit(_ id: UnitID, _ kind: UnitKind = .department, posts: Int = 5) -> ScenarioBuilder {
        base.units.append(Unit(id: id, name: "Unit \(id)", kind: kind, approvedPosts: posts))
        return self
    }

    @discardableResult
    func position(_ id: PositionID, unit: UnitID, level: Level = .deputy, offered: Bool = true,
                  tweak: (inout Position) -> Void = { _ in }) -> ScenarioBuilder {
        var position = Position(id: id, unitID: unit, title: "Post \(id)", level: level, offered: offered)
        tweak(&position)
        base.positions.append(position)
        return self
    }

    @discardableResult
    func cadre(_ id: CadreID, unit: UnitID = "D1", level: Level = .deputy, gender: Gender = .male,
               birth: String = "1970-01", levelSince: String = "2012-01",
               tweak: (inout Cadre) -> Void = { _ in }) -> ScenarioBuilder {
        base.cadres.append(makeCadre(id, unit: unit, level: level, gender: gender, birth: birth,
                                     levelSince: levelSince, tweak: tweak))
        return self
    }

    /// Changes a cadre already added.
    @discardableResult
    func modifyCadre(_ id: CadreID, _ tweak: (inout Cadre) -> Void) -> ScenarioBuilder {
        let offset = base.cadres.firstIndex { $0.id == id }!
        tweak(&base.cadres[offset])
        return self
    }

    /// Sets a cadre's grades exactly (only these years; no automatic `competent`).
    @discardableResult
    func grades(_ cadreID: CadreID, _ grades: [Int: AssessmentGrade]) -> ScenarioBuilder {
        explicitlyGraded.insert(cadreID)
        for (year, grade) in grades.sorted(by: { $0.key < $1.key }) {
            base.assessments.append(AssessmentRecord(cadreID: cadreID, year: year, grade: grade))
        }
        return self
    }

    @discardableResult
    func apply(_ cadreID: CadreID, _ positionID: PositionID, preference: Int = 1, approved: Bool = true) -> ScenarioBuilder {
        base.applications.append(Application(cadreID: cadreID, positionID: positionID, preference: preference,
                                             unitApproved: approved))
        return self
    }

    /// Judge rows J1, J2, … with these scores; `conflicts` are 1-based judge numbers that are recused.
    @discardableResult
    func interview(_ cadreID: CadreID, _ positionID: PositionID, _ scores: [String], conflicts: Set<Int> = []) -> ScenarioBuilder {
        if base.interviews == nil { base.interviews = [] }
        for (offset, score) in scores.enumerated() {
            base.interviews!.append(JudgeScore(cadreID: cadreID, positionID: positionID, judgeID: "J\(offset + 1)",
                                               score: dec(score), conflict: conflicts.contains(offset + 1)))
        }
        return self
    }

    /// Five judges all giving `score`.
    @discardableResult
    func interview(_ cadreID: CadreID, _ positionID: PositionID, all score: String) -> ScenarioBuilder {
        interview(cadreID, positionID, Array(repeating: score, count: 5))
    }

    @discardableResult
    func evaluation(_ cadreID: CadreID, due: Int = 10, tookPart: Int = 10, good: Int = 0, fairlyGood: Int? = nil,
                    average: Int = 0, poor: Int = 0, confirmedPoor: Bool = false,
                    moral: MoralGrade? = nil, moralConfirmed: Bool = false) -> ScenarioBuilder {
        let fairly = fairlyGood ?? max(0, tookPart - good - average - poor)
        base.evaluations.append(EvaluationRecord(cadreID: cadreID, due: due, tookPart: tookPart, good: good,
                                                 fairlyGood: fairly, average: average, poor: poor,
                                                 confirmedPoor: confirmedPoor, moral: moral, moralConfirmed: moralConfirmed))
        return self
    }

    @discardableResult
    func rules(_ tweak: (inout RuleSettings) -> Void) -> ScenarioBuilder {
        tweak(&base.rules)
        return self
    }

    @discardableResult
    func mode(_ mode: Mode) -> ScenarioBuilder {
        base.mode = mode
        return self
    }

    @discardableResult
    func transfer(_ tweak: (inout TransferSettings) -> Void) -> ScenarioBuilder {
        tweak(&base.transfer)
        return self
    }

    /// The pre-interview stage: interviews.csv absent.
    @discardableResult
    func preInterview() -> ScenarioBuilder {
        base.interviews = nil
        return self
    }

    var scenario: Scenario {
        var scenario = base
        for cadre in scenario.cadres where !explicitlyGraded.contains(cadre.id) {
            for year in scenario.rules.assessmentYears {
                scenario.assessments.append(AssessmentRecord(cadreID: cadre.id, year: year, grade: .competent))
            }
        }
        return scenario
    }

    var adjudication: Adjudication { Adjudication(scenario: scenario) }

    var personRules: PersonRules {
        let scenario = self.scenario
        return PersonRules(scenario: scenario, index: scenario.index())
    }

    var pairRules: PairRules {
        let scenario = self.scenario
        return PairRules(scenario: scenario, index: scenario.index())
    }

    var ranking: Ranking {
        let scenario = self.scenario
        return Ranking(scenario: scenario, index: scenario.index())
    }

    func cadreNamed(_ id: CadreID) -> Cadre { base.cadres.first { $0.id == id }! }
    func positionNamed(_ id: PositionID) -> Position { base.positions.first { $0.id == id }! }
}

/// The person-level verdicts of one cadre in the builder's scenario.
func personVerdicts(_ builder: ScenarioBuilder, _ cadreID: CadreID) -> [Verdict] {
    builder.personRules.verdicts(for: builder.cadreNamed(cadreID))
}

/// The pair-level verdicts (no E-APPLY) of one cadre for one position.
func pairVerdicts(_ builder: ScenarioBuilder, _ cadreID: CadreID, _ positionID: PositionID) -> [Verdict] {
    builder.pairRules.verdicts(for: Application(cadreID: cadreID, positionID: positionID),
                               cadre: builder.cadreNamed(cadreID), position: builder.positionNamed(positionID))
}

extension Array where Element == Verdict {
    var rules: [RuleID] { map(\.rule) }
    func only(_ rule: RuleID) -> [Verdict] { filter { $0.rule == rule } }
    func verdict(_ rule: RuleID) -> VerdictKind? { first { $0.rule == rule }?.verdict }
}
