// SPDX-License-Identifier: GPL-3.0-or-later
import LinearProgramming
import RotationCore
import XCTest

@testable import RotationSolver

/// A small builder for hand-made scenarios: every cadre passes every person-level rule unless told
/// otherwise (three competent assessments, bachelor, civil servant, training met, far from
/// retirement), every unit is a district department, and every interview has five judges giving
/// the same score, so the aggregate is exactly the score given.
struct ScenarioKit {
    var scenario: Scenario

    static let reference = YearMonth(year: 2017, month: 10)

    init(_ name: String = "kit", mode: Mode = .preferences, maxPreferences: Int = 2, transfer: Bool = false) {
        scenario = Scenario(name: name, referenceDate: Self.reference)
        scenario.mode = mode
        scenario.maxPreferences = maxPreferences
        scenario.transfer.enabled = transfer
    }

    /// Adds a unit (a district department unless told otherwise).
    mutating func unit(_ id: UnitID, kind: UnitKind = .department) {
        scenario.units.append(Unit(id: id, name: "unit \(id)", kind: kind, approvedPosts: 5))
    }

    /// Adds a position (adds its unit if new).
    mutating func position(_ id: PositionID, unit: UnitID, level: Level = .deputy, offered: Bool = true,
                           identities: [Identity] = [.civilServant, .referenceManaged]) {
        if !scenario.units.contains(where: { $0.id == unit }) { self.unit(unit) }
        scenario.positions.append(Position(id: id, unitID: unit, title: "post \(id)", level: level, offered: offered,
                                           identities: identities))
    }

    /// Adds a cadre who passes every person-level rule (adds the unit if new).
    ///
    /// - Parameters:
    ///   - due: due for rotation (R-DUE: in the same post since 2009-01, 105 months ≥ 72).
    ///   - monthsToRetirement: sets the birth month so that exactly this many months remain (male, 60).
    ///   - failAssessment: a 基本称职 in 2016 (E-ASSESS fails).
    mutating func cadre(_ id: CadreID, unit: UnitID, level: Level = .deputy, due: Bool = false,
                        acceptsTransfer: Bool = false, monthsToRetirement: Int? = nil, failAssessment: Bool = false,
                        identity: Identity = .civilServant, levelSince: YearMonth = YearMonth(year: 2010, month: 1)) {
        if !scenario.units.contains(where: { $0.id == unit }) { self.unit(unit) }
        var birth = YearMonth(year: 1975, month: 6)
        if let remaining = monthsToRetirement {
            // 12·60 − months(birth → 2017-10) = remaining.
            let monthsLived = 720 - remaining
            let total = 2017 * 12 + 9 - monthsLived
            birth = YearMonth(year: total / 12, month: total % 12 + 1)
        }
        scenario.cadres.append(Cadre(
            id: id, name: "cadre \(id)", gender: .male, birth: birth, unitID: unit, level: level,
            levelSince: levelSince, positionID: nil, positionSince: due ? YearMonth(year: 2009, month: 1) : nil,
            identity: identity, identityApproved: identity != .civilServant, acceptsTransfer: acceptsTransfer))
        for year in scenario.rules.assessmentYears {
            let grade: AssessmentGrade = failAssessment && year == scenario.rules.assessmentYears.last ? .basicallyCompetent : .competent
            scenario.assessments.append(AssessmentRecord(cadreID: id, year: year, grade: grade))
        }
    }

    /// An application with its interview: `score` in hundredths (nil: not interviewed).
    mutating func apply(_ cadre: CadreID, _ position: PositionID, preference: Int = 1, score: Int?, approved: Bool = true) {
        scenario.applications.append(Application(cadreID: cadre, positionID: position, preference: preference,
                                                 unitApproved: approved))
        guard let score else { return }
        for judge in 1...5 {
            scenario.interviews!.append(JudgeScore(cadreID: cadre, positionID: position, judgeID: "J\(judge)",
                                                   score: ExactDecimal(units: score, scale: 2)))
        }
    }

    /// A transfer fit in hundredths.
    mutating func fit(_ cadre: CadreID, _ position: PositionID, _ hundredths: Int) {
        scenario.transferFits.append(TransferFit(cadreID: cadre, positionID: position, fitHundredths: hundredths))
    }

    var adjudication: Adjudication { Adjudication(scenario: scenario) }
}

/// SplitMix64: a tiny deterministic generator (never the system's), so that random scenarios are
/// the same on every run and every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in `range` (modulo bias is irrelevant here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }
    /// Fisher–Yates with this generator.
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        if result.count < 2 { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            let j = int(0...i)
            result.swapAt(i, j)
        }
        return result
    }
}

/// Look-ups into a built model by name.
struct ModelView {
    let model: LinearModel

    init(_ model: LinearModel) { self.model = model }

    func column(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> Int? {
        let found = model.variables.indices.filter { model.variables[$0].name == name }
        XCTAssertLessThanOrEqual(found.count, 1, "column \(name) appears \(found.count) times", file: file, line: line)
        return found.first
    }

    func row(_ name: String) -> LinearModel.Constraint? {
        model.constraints.first { $0.name == name }
    }

    func rows(prefix: String) -> [LinearModel.Constraint] {
        model.constraints.filter { $0.name.hasPrefix(prefix) }
    }

    /// A row's coefficients by column name (repeated terms added).
    func coefficients(of row: LinearModel.Constraint) -> [String: Double] {
        var result: [String: Double] = [:]
        for term in row.terms { result[model.variables[term.variable].name, default: 0] += term.coefficient }
        return result.filter { $0.value != 0 }
    }

    /// Objective coefficients by column name (zeros left out).
    var objective: [String: Double] {
        var result: [String: Double] = [:]
        for variable in model.variables where variable.objective != 0 { result[variable.name] = variable.objective }
        return result
    }
}

/// Helpers on a solve report.
extension SolveReport {
    func level(_ phase: String, _ name: String) -> LevelResult? {
        levels.first { $0.level == ObjectiveLevelID(phase: phase, name: name) }
    }

    /// `position → [cadre]` in rank order.
    var lists: [PositionID: [CadreID]] {
        var result: [PositionID: [CadreID]] = [:]
        for entry in plan.shortlist.sorted(by: { $0.rank < $1.rank }) { result[entry.positionID, default: []].append(entry.cadreID) }
        return result
    }

    var transfers: [Plan.Placement] { plan.placements.filter { $0.phase == .transfer } }
}

func solveQuietly(_ adjudication: Adjudication, timeLimit: Double = 30, keepModels: Bool = false) throws -> SolveReport {
    try RotationOptimizer(options: SolveOptions(timeLimitSeconds: timeLimit, keepModels: keepModels)).solve(adjudication)
}
