// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// Random scenarios for the explain consistency test: a few units (departments and towns), positions
/// of two levels, cadres of which some are due for rotation, some exempt or too close to retirement,
/// some failing an assessment, some accepting transfer; applications in competition or preferences
/// mode; interview scores drawn from a few values so that ties and pass-mark failures happen; transfer
/// on or off with caps of 1 or 2 and random fits. Deterministic: a seed gives the same scenario.
enum ExplainScenarios {
    static let reference = YearMonth(year: 2017, month: 10)

    static func make(seed: UInt64) -> Scenario {
        var random = SplitMix(seed: seed)
        var scenario = Scenario(name: "explain-\(seed)", referenceDate: reference)
        scenario.mode = random.chance(0.3) ? .preferences : .competition
        scenario.maxPreferences = 2
        scenario.transfer.enabled = random.chance(0.8)
        scenario.transfer.maxPerUnitPair = random.int(1...2)
        scenario.transfer.sameLevelOnly = random.chance(0.7)
        if random.chance(0.2) { scenario.rules.shortShortlist = .withdraw }

        let unitCount = random.int(3...5)
        let units = (1...unitCount).map { UnitID(rawValue: "U\($0)") }
        for (offset, unit) in units.enumerated() {
            scenario.units.append(Unit(id: unit, name: "单位\(offset + 1)", kind: offset == 0 && random.chance(0.5) ? .town : .department,
                                       approvedPosts: 5))
        }
        for number in 1...random.int(3...7) {
            let unit = units[random.int(0...(unitCount - 1))]
            scenario.positions.append(Position(id: PositionID(rawValue: "\(unit.rawValue)-\(number)"), unitID: unit, title: "职位\(number)",
                                               level: random.chance(0.75) ? .deputy : .chief))
        }
        let cadreCount = random.int(6...14)
        for number in 1...cadreCount {
            let id = CadreID(rawValue: "C\(number < 10 ? "0" : "")\(number)")
            let unit = units[random.int(0...(unitCount - 1))]
            // Months to retirement: most far away; some exempt (< 36), which also fails E-TERM.
            let remaining = random.chance(0.12) ? random.int(6...35) : random.int(60...300)
            let lived = 720 - remaining
            let total = 2017 * 12 + 9 - lived
            let due = random.chance(0.35)
            let since = YearMonth(year: random.int(2008...2015), month: random.int(1...12))
            scenario.cadres.append(Cadre(
                id: id, name: "干部\(number)", gender: .male, birth: YearMonth(year: total / 12, month: total % 12 + 1), unitID: unit,
                level: random.chance(0.75) ? .deputy : .chief, levelSince: since, positionID: nil,
                positionSince: due ? YearMonth(year: 2009, month: 1) : nil, acceptsTransfer: random.chance(0.4)))
            let failing = random.chance(0.1)
            for year in scenario.rules.assessmentYears {
                let grade: AssessmentGrade = failing && year == scenario.rules.assessmentYears.last ? .basicallyCompetent
                    : (random.chance(0.2) ? .excellent : .competent)
                scenario.assessments.append(AssessmentRecord(cadreID: id, year: year, grade: grade))
            }
        }
        // Applications and interviews.
        let scores = [5500, 6000, 7000, 7000, 7550, 8000, 8000, 8525, 9000]
        var interviews: [JudgeScore] = []
        for cadre in scenario.cadres {
            let choices = random.shuffled(scenario.positions.map(\.id)).prefix(scenario.mode == .preferences ? random.int(0...2) : random.int(0...1))
            for (offset, position) in choices.enumerated() {
                scenario.applications.append(Application(cadreID: cadre.id, positionID: position, preference: offset + 1))
                let score = scores[random.int(0...(scores.count - 1))]
                for judge in 1...5 {
                    interviews.append(JudgeScore(cadreID: cadre.id, positionID: position, judgeID: JudgeID(rawValue: "J\(judge)"),
                                                 score: ExactDecimal(units: score, scale: 2)))
                }
            }
            for position in scenario.positions where random.chance(0.5) {
                scenario.transferFits.append(TransferFit(cadreID: cadre.id, positionID: position.id, fitHundredths: random.int(50...95) * 100))
            }
        }
        scenario.interviews = interviews
        return scenario
    }
}

/// SplitMix64, a tiny deterministic generator (never the system's).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ probability: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < probability }
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        guard result.count > 1 else { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) { result.swapAt(i, int(0...i)) }
        return result
    }
}
