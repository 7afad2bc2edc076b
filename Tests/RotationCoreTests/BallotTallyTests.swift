// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

/// Boundary tests of every T-rule and every `rules.ballots` setting, on ballots built in code.
final class BallotTallyTests: XCTestCase {
    // MARK: Builders

    static let unit: UnitID = "U01"

    /// A performance line: `overall` and the categories (all `overall` unless given), a reason or none.
    static func line(_ cadre: Int, _ overall: BallotMark, categories: [PerformanceColumn: BallotMark] = [:], reason: Bool = true) -> PerformanceLine {
        var marks: [PerformanceColumn: BallotMark] = [:]
        for column in PerformanceColumn.allCases { marks[column] = categories[column] ?? (column == .overall ? overall : .grade(.fairlyGood)) }
        marks[.overall] = overall
        return PerformanceLine(cadreID: CadreID(rawValue: String(format: "C%02d", cadre)), marks: marks, hasReason: reason,
                               location: BallotLocation(file: "performance.csv", row: cadre + 1))
    }

    /// A ballot of n lines: the first `good` graded 好, the next `poor` 较差, the rest 较好 (overall), with reasons.
    static func ballot(_ id: String, n: Int, good: Int, poor: Int = 1) -> PerformanceBallot {
        Ballot(id: id, unitID: unit, lines: (0..<n).map { index in
            line(index + 1, .grade(index < good ? .good : index < good + poor ? .poor : .fairlyGood))
        })
    }

    static func tally(_ performance: [PerformanceBallot]?, moral: [MoralBallot]? = nil, due: Int = 100,
                      configure: (inout RuleSettings) -> Void = { _ in }) -> TallyResult {
        var rules = RuleSettings(referenceYear: 2017)
        configure(&rules)
        return Tally.count(BallotBox(meetings: [Meeting(unitID: unit, due: due)], performance: performance, moral: moral),
                           rules: rules, confirmations: [:])
    }

    static func counts(_ result: TallyResult, _ cadre: String) -> GradeCounts? {
        result.cadres.first { $0.cadreID.rawValue == cadre }?.counts
    }

    // MARK: T-GOOD

    func testExactlyTwentyPercentGoodIsValidOneMoreIsVoid() {
        // n = 10: 2 好 is exactly 20% (5·2 = 10, not > 10); 3 好 breaks the quota.
        let valid = Self.tally([Self.ballot("B1", n: 10, good: 2)])
        XCTAssertEqual(valid.ballots.map(\.isVoid), [false])
        XCTAssertFalse(valid.findings.contains { $0.rule == .tallyGood })
        XCTAssertEqual(Self.counts(valid, "C01")?.good, 1)

        let void = Self.tally([Self.ballot("B1", n: 10, good: 3)])
        XCTAssertEqual(void.ballots.map(\.isVoid), [true])
        XCTAssertEqual(void.ballots[0].overQuotaColumns, [.overall])
        let finding = try? XCTUnwrap(void.findings.first { $0.rule == .tallyGood })
        XCTAssertEqual(finding?.effect, .voidBallot)
        XCTAssertEqual(finding?.column, "overall")
        XCTAssertEqual(finding?.count, 3)
        XCTAssertEqual(finding?.lines, 10)
        XCTAssertEqual(Self.counts(void, "C01"), GradeCounts(), "a void ballot counts no grade")
        XCTAssertEqual(void.cadres.first?.notCounted, 1)
    }

    func testSmallBallotsAllowNoGoodBelowFiveLines() {
        // n = 4: 5·1 = 5 > 4, so one 好 already breaks the quota; n = 5 allows exactly one.
        XCTAssertEqual(Self.tally([Self.ballot("B1", n: 4, good: 1)]).ballots.map(\.isVoid), [true])
        XCTAssertEqual(Self.tally([Self.ballot("B1", n: 5, good: 1)]).ballots.map(\.isVoid), [false])
        XCTAssertEqual(Self.tally([Self.ballot("B1", n: 5, good: 2)]).ballots.map(\.isVoid), [true])
    }

    func testQuotaInACategoryColumnVoidsTheBallot() {
        var ballot = Self.ballot("B1", n: 5, good: 0)
        ballot.lines[0] = Self.line(1, .grade(.fairlyGood), categories: [.decision: .grade(.good)])
        ballot.lines[1] = Self.line(2, .grade(.average), categories: [.decision: .grade(.good)])
        let result = Self.tally([ballot])
        XCTAssertEqual(result.ballots.first?.overQuotaColumns, [.decision])
        XCTAssertTrue(result.ballots[0].isVoid)
        XCTAssertEqual(result.cadres.map(\.counts?.total), [0, 0, 0, 0, 0])
    }

    func testVoidBallotStillTakesPart() {
        let result = Self.tally([Self.ballot("B1", n: 10, good: 3), Self.ballot("B2", n: 10, good: 2)])
        XCTAssertEqual(result.meetings.first?.tookPart, 2)
        XCTAssertEqual(result.meetings.first?.voidBallots, 1)
        XCTAssertEqual(result.cadres.first?.tookPart, 2)
        XCTAssertEqual(Self.counts(result, "C01")?.good, 1, "only B2 is counted")
    }

    func testOverQuotaVoidColumnVoidsOnlyThatColumn() {
        // Over quota in 决策推进 only: the overall grades still count.
        var ballot = Self.ballot("B1", n: 5, good: 0)
        ballot.lines[0] = Self.line(1, .grade(.fairlyGood), categories: [.decision: .grade(.good)])
        ballot.lines[1] = Self.line(2, .grade(.poor), categories: [.decision: .grade(.good)])
        let result = Self.tally([ballot]) { $0.ballots.overQuota = .voidColumn }
        XCTAssertFalse(result.ballots[0].isVoid)
        XCTAssertEqual(result.findings.first { $0.rule == .tallyGood }?.effect, .voidColumn)
        XCTAssertEqual(Self.counts(result, "C01")?.fairlyGood, 1)
        XCTAssertEqual(Self.counts(result, "C02")?.poor, 1)
        // Over quota in the overall column: the overall grades of that ballot are not counted.
        let overall = Self.tally([Self.ballot("B1", n: 5, good: 2)]) { $0.ballots.overQuota = .voidColumn }
        XCTAssertFalse(overall.ballots[0].isVoid)
        XCTAssertEqual(overall.cadres.map(\.notCounted), [1, 1, 1, 1, 1])
        XCTAssertEqual(overall.cadres.map(\.counts?.total), [0, 0, 0, 0, 0])
        XCTAssertFalse(overall.findings.contains { $0.rule == .tallyPoor && $0.column == "overall" }, "a void column is not tested for 10%")
    }

    func testOverQuotaFlagCountsAndFlags() {
        let result = Self.tally([Self.ballot("B1", n: 5, good: 2)]) { $0.ballots.overQuota = .flag }
        XCTAssertFalse(result.ballots[0].isVoid)
        XCTAssertEqual(result.ballots[0].overQuotaColumns, [.overall])
        XCTAssertEqual(result.findings.first { $0.rule == .tallyGood }?.effect, .flag)
        XCTAssertEqual(Self.counts(result, "C01")?.good, 1)
        XCTAssertEqual(Self.counts(result, "C02")?.good, 1)
    }

    // MARK: T-POOR

    func testExactlyTenPercentPoorIsNotFlagged() {
        // n = 10, one 较差 in every column: 10·1 = 10, not < 10.
        var ballot = Self.ballot("B1", n: 10, good: 0, poor: 1)
        ballot.lines[0] = Self.line(1, .grade(.poor), categories: Dictionary(uniqueKeysWithValues: PerformanceColumn.allCases.map { ($0, .grade(.poor)) }))
        XCTAssertFalse(Self.tally([ballot]).findings.contains { $0.rule == .tallyPoor })
        // n = 11 with one 较差: 10 < 11, flagged, and still counted.
        var eleven = Self.ballot("B1", n: 11, good: 0, poor: 1)
        eleven.lines[0] = ballot.lines[0]
        let result = Self.tally([eleven])
        let flagged = result.findings.filter { $0.rule == .tallyPoor }
        XCTAssertEqual(flagged.count, PerformanceColumn.allCases.count)
        XCTAssertEqual(flagged.first?.effect, .flag)
        XCTAssertEqual(flagged.first?.count, 1)
        XCTAssertEqual(flagged.first?.lines, 11)
        XCTAssertEqual(Self.counts(result, "C01")?.poor, 1)
        // No 较差 at all on a ballot of 2: 0 < 2, flagged.
        XCTAssertTrue(Self.tally([Self.ballot("B1", n: 2, good: 0, poor: 0)]).findings.contains { $0.rule == .tallyPoor && $0.column == "overall" })
    }

    // MARK: T-REASON

    func testGoodOrPoorWithoutReasonIsFlaggedAndCounted() {
        var ballot = Self.ballot("B1", n: 10, good: 1, poor: 1)
        ballot.lines[0].hasReason = false          // 好
        ballot.lines[1].hasReason = false          // 较差
        ballot.lines[2].hasReason = false          // 较好: needs no reason
        let result = Self.tally([ballot])
        let flagged = result.findings.filter { $0.rule == .tallyReason }
        XCTAssertEqual(flagged.map(\.cadreID), ["C01", "C02"])
        XCTAssertEqual(flagged.map(\.effect), [.flag, .flag])
        XCTAssertEqual(Self.counts(result, "C01")?.good, 1)
        XCTAssertEqual(Self.counts(result, "C02")?.poor, 1)
    }

    func testGoodInACategoryNeedsAReasonToo() {
        var ballot = Self.ballot("B1", n: 10, good: 0, poor: 1)
        ballot.lines[3] = Self.line(4, .grade(.fairlyGood), categories: [.image: .grade(.good)], reason: false)
        XCTAssertEqual(Self.tally([ballot]).findings.filter { $0.rule == .tallyReason }.map(\.cadreID), ["C04"])
    }

    func testMissingReasonVoidLineDropsTheLine() {
        var ballot = Self.ballot("B1", n: 10, good: 1, poor: 1)
        ballot.lines[0].hasReason = false
        let result = Self.tally([ballot]) { $0.ballots.missingReason = .voidLine }
        XCTAssertEqual(result.findings.first { $0.rule == .tallyReason }?.effect, .voidLine)
        XCTAssertEqual(Self.counts(result, "C01")?.good, 0)
        XCTAssertEqual(result.cadres.first?.notCounted, 1)
        XCTAssertEqual(Self.counts(result, "C02")?.poor, 1, "the other lines count")
    }

    // MARK: T-MARK

    func testSpoiledCellIsNotCountedAndFlaggedEmptyIsAnAbstention() {
        var ballot = Self.ballot("B1", n: 10, good: 0, poor: 1)
        ballot.lines[2] = Self.line(3, BallotMark(ticked: [.good, .fairlyGood]))
        ballot.lines[3] = Self.line(4, .empty)
        ballot.lines[4] = Self.line(5, BallotMark(ticked: [.average, .average]))
        let result = Self.tally([ballot])
        XCTAssertEqual(result.findings.filter { $0.rule == .tallyMark }.map(\.cadreID), ["C03"])
        XCTAssertEqual(result.findings.first { $0.rule == .tallyMark }?.effect, .voidCell)
        XCTAssertEqual(result.cadres[2].spoiled, 1)
        XCTAssertEqual(result.cadres[2].counts?.total, 0)
        XCTAssertEqual(result.cadres[3].abstentions, 1)
        XCTAssertEqual(result.cadres[4].counts?.average, 1, "the same grade ticked twice is one grade")
        // A spoiled 好;较好 is not a 好 for the quota: n = 5 with one 好 and one spoiled is valid.
        var quota = Self.ballot("B2", n: 5, good: 1)
        quota.lines[1] = Self.line(2, BallotMark(ticked: [.good, .fairlyGood]))
        XCTAssertFalse(Self.tally([quota]).ballots[0].isVoid)
    }

    // MARK: The moral form and T-MORAL

    static func moralLine(_ cadre: Int, _ grades: [MoralGrade?], reverse: [Int: ReverseIndicators] = [:], reason: Bool = false,
                          spoiled: Int? = nil) -> MoralLine {
        var marks: [MoralCategory: BallotMark] = [:]
        var indicators: [MoralCategory: ReverseIndicators] = [:]
        for (index, category) in MoralCategory.allCases.enumerated() {
            marks[category] = index == spoiled ? .spoiled([.good, .poor]) : grades[index].map { .grade($0) } ?? .empty
            indicators[category] = reverse[index] ?? .none
        }
        return MoralLine(cadreID: CadreID(rawValue: String(format: "C%02d", cadre)), marks: marks, reverse: indicators, hasReason: reason,
                         location: BallotLocation(file: "moral.csv", row: cadre + 1))
    }

    static func moral(_ lines: [MoralLine], configure: (inout RuleSettings) -> Void = { _ in }) -> TallyResult {
        tally(nil, moral: lines.enumerated().map { Ballot(id: "M\($0.offset)", unitID: unit, lines: [$0.element]) }, configure: configure)
    }

    func testMoralScoresAreExactMeansAndGradesHaveInclusiveThresholds() {
        let all: (MoralGrade) -> [MoralGrade?] = { Array(repeating: $0, count: 4) }
        // 100 and 80: exactly 90 → 好.
        var result = Self.moral([Self.moralLine(1, all(.good)), Self.moralLine(1, all(.fairlyGood))])
        XCTAssertEqual(result.cadres.first?.moralScore, Fraction(90))
        XCTAssertEqual(result.cadres.first?.moral, .good)
        // 100, 80, 89.6 (one 20-point 较好 less): 269.6/3 = 89.866… → 较好.
        result = Self.moral([Self.moralLine(1, all(.good)), Self.moralLine(1, all(.fairlyGood)),
                             Self.moralLine(1, [.good, .good, .good, .fairlyGood]), Self.moralLine(1, [.good, .good, .fairlyGood, .good])])
        XCTAssertEqual(result.cadres.first?.moralScore, Fraction(100 + 80 + 96 + 96, 4))
        XCTAssertEqual(result.cadres.first?.moral, .good)
        result = Self.moral([Self.moralLine(1, all(.good)), Self.moralLine(1, all(.fairlyGood)), Self.moralLine(1, [.good, .fairlyGood, .good, .good])])
        XCTAssertEqual(result.cadres.first?.moralScore, Fraction(100 + 80 + 94, 3))
        XCTAssertEqual(result.cadres.first?.moral, .good, "274/3 = 91.33")
        result = Self.moral([Self.moralLine(1, all(.fairlyGood)), Self.moralLine(1, [.fairlyGood, .fairlyGood, .fairlyGood, .good]),
                             Self.moralLine(1, all(.good))])
        XCTAssertEqual(result.cadres.first?.moralScore, Fraction(80 + 84 + 100, 3))
        XCTAssertEqual(result.cadres.first?.moral, .fairlyGood, "264/3 = 88")
        // Exactly 80 → 较好, exactly 60 → 一般, 40 → 较差.
        XCTAssertEqual(Self.moral([Self.moralLine(1, all(.fairlyGood))]).cadres.first?.moral, .fairlyGood)
        XCTAssertEqual(Self.moral([Self.moralLine(1, all(.average))]).cadres.first?.moral, .average)
        XCTAssertEqual(Self.moral([Self.moralLine(1, all(.poor))]).cadres.first?.moral, .poor)
        XCTAssertEqual(Self.moral([Self.moralLine(1, all(.poor))]).cadres.first?.moralScore, Fraction(40))
        // 59.6 (一般 except a 20-point 较差 … 18+18+12+8 = 56) → 较差.
        XCTAssertEqual(Self.moral([Self.moralLine(1, [.average, .average, .average, .poor])]).cadres.first?.moralScore, Fraction(56))
        XCTAssertEqual(Self.moral([Self.moralLine(1, [.average, .average, .average, .poor])]).cadres.first?.moral, .poor)
    }

    func testReverseIndicatorWithAGradeTickedScoresZero() {
        let line = Self.moralLine(1, [.good, .good, .good, .good], reverse: [0: ReverseIndicators(a: true)], reason: true)
        let result = Self.moral([line])
        XCTAssertEqual(result.cadres.first?.moralScore, Fraction(70), "政治品德 scores 0 though 好 is ticked")
        XCTAssertEqual(result.cadres.first?.moral, .average)
        XCTAssertTrue(result.findings.isEmpty, "\(result.findings)")
        // Both indicators, and an empty grade beside a ticked indicator: the line still counts.
        let both = Self.moralLine(1, [nil, .good, .good, .good], reverse: [0: ReverseIndicators(a: true, b: true)], reason: true)
        XCTAssertEqual(Self.moral([both]).cadres.first?.moralCounted, 1)
        XCTAssertEqual(Self.moral([both]).cadres.first?.moralScore, Fraction(70))
        // A spoiled grade beside a ticked indicator is flagged, the line counted.
        let spoiled = Self.moral([Self.moralLine(1, [.good, .good, .good, .good], reverse: [3: ReverseIndicators(b: true)], reason: true, spoiled: 3)])
        XCTAssertEqual(spoiled.findings.map(\.effect), [.voidCell])
        XCTAssertEqual(spoiled.cadres.first?.moralScore, Fraction(80))
    }

    func testMoralLineWithAnEmptyOrSpoiledGradeIsNotCounted() {
        let result = Self.moral([Self.moralLine(1, [.good, nil, .good, .good]), Self.moralLine(1, [.good, .good, .good, .good], spoiled: 2),
                                 Self.moralLine(1, [.fairlyGood, .fairlyGood, .fairlyGood, .fairlyGood])])
        XCTAssertEqual(result.findings.map(\.rule), [.tallyMark, .tallyMark])
        XCTAssertEqual(result.findings.map(\.effect), [.voidLine, .voidLine])
        XCTAssertEqual(result.findings.map(\.column), ["professional_ethics", "social_morality"])
        XCTAssertEqual(result.cadres.first?.moralLines, 3)
        XCTAssertEqual(result.cadres.first?.moralCounted, 1)
        XCTAssertEqual(result.cadres.first?.moralScore, Fraction(80))
        // No counted line: no score, no grade.
        let none = Self.moral([Self.moralLine(1, [nil, nil, nil, nil])])
        XCTAssertNil(none.cadres.first?.moralScore)
        XCTAssertNil(none.cadres.first?.moral)
    }

    func testReverseIndicatorWithoutReason() {
        let line = Self.moralLine(1, [.good, .good, .good, .good], reverse: [1: ReverseIndicators(a: true)], reason: false)
        let flagged = Self.moral([line])
        XCTAssertEqual(flagged.findings.map(\.rule), [.tallyReason])
        XCTAssertEqual(flagged.findings.first?.effect, .flag)
        XCTAssertEqual(flagged.cadres.first?.moralScore, Fraction(70))
        let voided = Self.moral([line]) { $0.ballots.missingReason = .voidLine }
        XCTAssertEqual(voided.findings.first?.effect, .voidLine)
        XCTAssertEqual(voided.cadres.first?.moralCounted, 0)
        XCTAssertNil(voided.cadres.first?.moral)
    }

    func testMoralSharesAndGradesAreSettings() {
        let line = Self.moralLine(1, [.fairlyGood, .fairlyGood, .fairlyGood, .fairlyGood])
        let shares = Self.moral([line]) { $0.ballots.moralShares[.fairlyGood] = Fraction(3, 4) }
        XCTAssertEqual(shares.cadres.first?.moralScore, Fraction(75))
        XCTAssertEqual(shares.cadres.first?.moral, .average)
        // Thresholds: 75 reaches a fairly-good line of 75 exactly, not one of 75.01.
        let at = Self.moral([line]) { $0.ballots.moralShares[.fairlyGood] = Fraction(3, 4); $0.ballots.moralGrades[.fairlyGood] = 75 }
        XCTAssertEqual(at.cadres.first?.moral, .fairlyGood)
        let above = Self.moral([line]) { $0.ballots.moralShares[.fairlyGood] = Fraction(3, 4); $0.ballots.moralGrades[.fairlyGood] = Fraction(7501, 100) }
        XCTAssertEqual(above.cadres.first?.moral, .average)
        // A share such as 1/3 stays exact: 30·(1/3)·4 categories … = 100/3.
        let third = Self.moral([Self.moralLine(1, [.poor, .poor, .poor, .poor])]) { $0.ballots.moralShares[.poor] = Fraction(1, 3) }
        XCTAssertEqual(third.cadres.first?.moralScore, Fraction(100, 3))
    }

    // MARK: T-COUNT

    func testCountTakesDueFromTheMeetingAndConfirmationsFromTheScenario() {
        var rules = RuleSettings(referenceYear: 2017)
        rules.ballots = BallotSettings()
        let box = BallotBox(meetings: [Meeting(unitID: Self.unit, due: 5)],
                            performance: [Self.ballot("B1", n: 5, good: 1), Self.ballot("B2", n: 5, good: 2), Self.ballot("B3", n: 5, good: 0),
                                          Self.ballot("B4", n: 5, good: 1)],
                            moral: nil)
        let result = Tally.count(box, rules: rules, confirmations: ["C02": Tally.Confirmation(poor: true, moral: true)])
        XCTAssertEqual(result.cadres.count, 5)
        let record = result.cadres[1].record
        XCTAssertEqual(record, EvaluationRecord(cadreID: "C02", due: 5, tookPart: 4, good: 0, fairlyGood: 1, average: 0, poor: 2,
                                                confirmedPoor: true, moral: nil, moralConfirmed: true))
        XCTAssertEqual(result.meetings.first?.tookPart, 4)
        XCTAssertTrue(result.meetings[0].reachesMinimum, "4 of 5 is exactly 4/5")
        XCTAssertEqual(result.cadres[0].record?.good, 2)
        XCTAssertFalse(result.cadres[0].confirmedPoor)
    }

    func testParticipationIsJudgedAgainstFourFifthsExactly() {
        let ballots = (1...8).map { Self.ballot("B\($0)", n: 5, good: 1) }
        XCTAssertTrue(Self.tally(ballots, due: 10).meetings[0].reachesMinimum, "8 of 10 is exactly 4/5")
        XCTAssertFalse(Self.tally(Array(ballots.prefix(7)), due: 10).meetings[0].reachesMinimum, "7 of 10 is below 4/5")
        XCTAssertFalse(Self.tally(ballots, due: 11).meetings[0].reachesMinimum, "8 of 11 is below 4/5")
        XCTAssertTrue(Self.tally(Array(ballots.prefix(7)), due: 10) { $0.minParticipation = Fraction(7, 10) }.meetings[0].reachesMinimum,
                      "rules.evaluation.min_participation is the one setting")
    }

    func testWithoutPerformanceFormTookPartComesFromMoralBallotsAndCountsAreEmpty() {
        let lines = [Self.moralLine(1, [.good, .good, .good, .good]), Self.moralLine(1, [.good, .good, .good, .good])]
        let result = Self.moral(lines)
        XCTAssertFalse(result.hasPerformance)
        XCTAssertEqual(result.cadres.first?.tookPart, 2)
        XCTAssertNil(result.cadres.first?.counts)
        XCTAssertNil(result.cadres.first?.record)
    }

    func testACadreOnlyOnMoralBallotsGetsARowWithZeroCounts() {
        let result = Self.tally([Self.ballot("B1", n: 5, good: 1)], moral: [Ballot(id: "M1", unitID: Self.unit, lines: [Self.moralLine(9, [.good, .good, .good, .good])])])
        let row = result.cadres.first { $0.cadreID == "C09" }
        XCTAssertEqual(row?.counts, GradeCounts())
        XCTAssertEqual(row?.tookPart, 1)
        XCTAssertEqual(row?.moral, .good)
    }

    func testMarkFromTicks() {
        XCTAssertEqual(BallotMark(ticked: []), .empty)
        XCTAssertEqual(BallotMark(ticked: [.good]), .grade(.good))
        XCTAssertEqual(BallotMark(ticked: [.good, .good]), .grade(.good))
        XCTAssertEqual(BallotMark(ticked: [.good, .poor, .good]), .spoiled([.good, .poor]))
    }
}
