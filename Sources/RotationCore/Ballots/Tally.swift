// SPDX-License-Identifier: GPL-3.0-or-later
internal import BigInt

/// Tallies the forms of 附件2 and 附件3 into the counts of evaluations.csv, by the rules T-MARK,
/// T-GOOD, T-POOR, T-REASON, T-COUNT and T-MORAL (`docs/rules.md`, section 5).
///
/// The 20% and 10% tests are integer comparisons (`5·good > n`, `10·poor < n`); moral scores are
/// exact fractions (summed over big integers), so no tally depends on rounding.
///
/// ```swift
/// let result = Tally.count(box, rules: scenario.rules, confirmations: [:])
/// result.cadres.first?.record   // the cadre's row of evaluations.csv
/// ```
///
/// - Complexity: O(L) for L ballot lines (each line's cells are looked at a fixed number of times),
///   plus O(C log C) to order C cadres.
public enum Tally {
    /// The confirmations that evaluations.csv carries and the forms do not (copied, T-COUNT).
    public struct Confirmation: Sendable, Equatable {
        public var poor: Bool
        public var moral: Bool
        public init(poor: Bool, moral: Bool) { self.poor = poor; self.moral = moral }
    }

    /// The number that took part in each unit's meeting: its distinct performance ballots, or its moral
    /// ballots when there is no performance form (T-COUNT).
    public static func tookPart(_ box: BallotBox) -> [UnitID: Int] {
        var counts: [UnitID: Int] = [:]
        if let performance = box.performance {
            for ballot in performance { counts[ballot.unitID, default: 0] += 1 }
        } else if let moral = box.moral {
            for ballot in moral { counts[ballot.unitID, default: 0] += 1 }
        }
        return counts
    }

    /// Tallies every ballot. The box must be valid (`BallotReader` checks it): every ballot's unit has a
    /// meeting, every line's cadre belongs to that unit, no cadre twice on a ballot.
    public static func count(_ box: BallotBox, rules: RuleSettings, confirmations: [CadreID: Confirmation]) -> TallyResult {
        let settings = rules.ballots
        var findings: [TallyFinding] = []
        var verdicts: [BallotVerdict] = []
        var cadres: [CadreID: CadreTally] = [:]
        let dues = Dictionary(box.meetings.map { ($0.unitID, $0.due) }, uniquingKeysWith: { first, _ in first })
        let took = tookPart(box)

        func tally(_ cadre: CadreID, _ unit: UnitID) -> CadreTally {
            if let existing = cadres[cadre] { return existing }
            let confirmation = confirmations[cadre]
            return CadreTally(cadreID: cadre, unitID: unit, due: dues[unit] ?? 0, tookPart: took[unit] ?? 0,
                              counts: box.performance == nil ? nil : GradeCounts(),
                              confirmedPoor: confirmation?.poor ?? false, moralConfirmed: confirmation?.moral ?? false)
        }

        var voidBallots: [UnitID: Int] = [:]
        for ballot in box.performance ?? [] {
            let verdict = performance(ballot, settings: settings, findings: &findings) { line, outcome in
                var row = tally(line.cadreID, ballot.unitID)
                row.performanceLines += 1
                switch outcome {
                case .counted(let grade): row.counts?[grade] += 1
                case .abstention: row.abstentions += 1
                case .spoiled: row.spoiled += 1
                case .notCounted: row.notCounted += 1
                }
                cadres[line.cadreID] = row
            }
            if verdict.isVoid { voidBallots[ballot.unitID, default: 0] += 1 }
            verdicts.append(verdict)
        }

        let scale = MoralScale(settings)
        var moralSums: [CadreID: BigInt] = [:]
        for ballot in box.moral ?? [] {
            verdicts.append(BallotVerdict(form: .moral, id: ballot.id, unitID: ballot.unitID, lines: ballot.lines.count, isVoid: false,
                                          overQuotaColumns: [], location: ballot.lines.first?.location ?? BallotLocation(file: "", row: 0)))
            for line in ballot.lines {
                var row = tally(line.cadreID, ballot.unitID)
                row.moralLines += 1
                if let score = moral(line, ballot: ballot, settings: settings, scale: scale, findings: &findings) {
                    row.moralCounted += 1
                    moralSums[line.cadreID, default: 0] += score
                }
                cadres[line.cadreID] = row
            }
        }

        // T-MORAL: the exact mean of the counted lines, and its grade.
        for (cadre, sum) in moralSums {
            guard var row = cadres[cadre], row.moralCounted > 0 else { continue }
            let denominator = scale.denominator * BigInt(row.moralCounted)
            row.moralScore = Fraction(exactly: sum, denominator)
            row.moral = scale.grade(sum: sum, denominator: denominator)
            cadres[cadre] = row
        }

        var moralBallots: [UnitID: Int] = [:]
        var performanceBallots: [UnitID: Int] = [:]
        for ballot in box.moral ?? [] { moralBallots[ballot.unitID, default: 0] += 1 }
        for ballot in box.performance ?? [] { performanceBallots[ballot.unitID, default: 0] += 1 }
        let meetings = box.meetings.map { meeting in
            let tookPart = took[meeting.unitID] ?? 0
            return MeetingTally(unitID: meeting.unitID, due: meeting.due, tookPart: tookPart,
                                performanceBallots: performanceBallots[meeting.unitID] ?? 0, moralBallots: moralBallots[meeting.unitID] ?? 0,
                                voidBallots: voidBallots[meeting.unitID] ?? 0,
                                reachesMinimum: meeting.due > 0 && tookPart > 0 && !(Fraction(tookPart, meeting.due) < rules.minParticipation))
        }
        return TallyResult(meetings: meetings, ballots: verdicts, findings: findings,
                           cadres: cadres.values.sorted { idPrecedes($0.cadreID, $1.cadreID) },
                           hasPerformance: box.performance != nil, hasMoral: box.moral != nil, settings: settings)
    }

    // MARK: The performance form

    enum Outcome { case counted(MoralGrade), abstention, spoiled, notCounted }

    /// T-MARK, T-GOOD, T-POOR and T-REASON on one performance ballot; `record` receives every line's overall outcome.
    static func performance(_ ballot: PerformanceBallot, settings: BallotSettings, findings: inout [TallyFinding],
                            record: (PerformanceLine, Outcome) -> Void) -> BallotVerdict {
        let n = ballot.lines.count
        let first = ballot.lines.first?.location ?? BallotLocation(file: "", row: 0)
        func finding(_ rule: RuleID, _ effect: TallyEffect, cadre: CadreID? = nil, column: PerformanceColumn? = nil,
                     at location: BallotLocation, count: Int? = nil) -> TallyFinding {
            TallyFinding(rule: rule, effect: effect, form: .performance, ballotID: ballot.id, unitID: ballot.unitID, cadreID: cadre,
                         column: column?.rawValue, location: location, count: count, lines: count == nil ? nil : n)
        }
        // T-MARK: every spoiled cell.
        for line in ballot.lines {
            for (index, column) in PerformanceColumn.allCases.enumerated() where line.marks[index].isSpoiled {
                findings.append(finding(.tallyMark, .voidCell, cadre: line.cadreID, column: column, at: line.location))
            }
        }
        // T-GOOD: 5·good > n in a column.
        var overQuota: [PerformanceColumn] = []
        for (index, column) in PerformanceColumn.allCases.enumerated() {
            let good = ballot.lines.reduce(0) { $0 + ($1.marks[index].grade == .good ? 1 : 0) }
            if 5 * good > n {
                overQuota.append(column)
                let effect: TallyEffect = switch settings.overQuota {
                case .voidBallot: .voidBallot
                case .voidColumn: .voidColumn
                case .flag: .flag
                }
                findings.append(finding(.tallyGood, effect, column: column, at: first, count: good))
            }
        }
        let verdict = BallotVerdict(form: .performance, id: ballot.id, unitID: ballot.unitID, lines: n,
                                    isVoid: !overQuota.isEmpty && settings.overQuota == .voidBallot, overQuotaColumns: overQuota, location: first)
        if verdict.isVoid {
            for line in ballot.lines { record(line, .notCounted) }
            return verdict
        }
        let voided = settings.overQuota == .voidColumn ? Set(overQuota) : []
        // T-POOR: 10·poor < n in a counted column.
        for (index, column) in PerformanceColumn.allCases.enumerated() where !voided.contains(column) {
            let poor = ballot.lines.reduce(0) { $0 + ($1.marks[index].grade == .poor ? 1 : 0) }
            if 10 * poor < n { findings.append(finding(.tallyPoor, .flag, column: column, at: first, count: poor)) }
        }
        // T-REASON, then the count of the overall column.
        let overall = PerformanceColumn.allCases.firstIndex(of: .overall)!
        for line in ballot.lines {
            var lineVoid = false
            if !line.hasReason {
                let needsReason = PerformanceColumn.allCases.enumerated().contains { index, column in
                    !voided.contains(column) && (line.marks[index].grade == .good || line.marks[index].grade == .poor)
                }
                if needsReason {
                    lineVoid = settings.missingReason == .voidLine
                    findings.append(finding(.tallyReason, lineVoid ? .voidLine : .flag, cadre: line.cadreID, at: line.location))
                }
            }
            if lineVoid || voided.contains(.overall) {
                record(line, .notCounted)
                continue
            }
            switch line.marks[overall] {
            case .empty: record(line, .abstention)
            case .spoiled: record(line, .spoiled)
            case .grade(let grade): record(line, .counted(grade))
            }
        }
        return verdict
    }

    // MARK: The moral form

    /// T-MARK and T-REASON on one moral line; its score in units of `1/scale.denominator`, or nil when not counted.
    static func moral(_ line: MoralLine, ballot: MoralBallot, settings: BallotSettings, scale: MoralScale,
                      findings: inout [TallyFinding]) -> BigInt? {
        func finding(_ rule: RuleID, _ effect: TallyEffect, column: String? = nil) -> TallyFinding {
            TallyFinding(rule: rule, effect: effect, form: .moral, ballotID: ballot.id, unitID: ballot.unitID, cadreID: line.cadreID,
                         column: column, location: line.location)
        }
        var counted = true
        var score = BigInt(0)
        for (index, category) in MoralCategory.allCases.enumerated() {
            let mark = line.marks[index]
            if line.reverse[index].isTicked {
                // A ticked reverse indicator scores the category 0, whatever grade is ticked beside it.
                if mark.isSpoiled { findings.append(finding(.tallyMark, .voidCell, column: category.rawValue)) }
                continue
            }
            guard let grade = mark.grade else {
                findings.append(finding(.tallyMark, .voidLine, column: category.rawValue))
                counted = false
                continue
            }
            score += scale.units[grade]![index]
        }
        if !line.hasReason && line.reverse.contains(where: \.isTicked) {
            let voidLine = settings.missingReason == .voidLine
            findings.append(finding(.tallyReason, voidLine ? .voidLine : .flag))
            if voidLine { counted = false }
        }
        return counted ? score : nil
    }

    /// The points of each grade and category over one common denominator (the lcm of the shares' denominators).
    struct MoralScale {
        let denominator: BigInt
        /// units[grade][category]: points × share × denominator.
        let units: [MoralGrade: [BigInt]]
        let thresholds: [(MoralGrade, Fraction)]

        init(_ settings: BallotSettings) {
            var lcm = BigInt(1)
            for grade in MoralGrade.allCases {
                let share = BigInt(settings.share(grade).denominator)
                lcm = lcm / lcm.greatestCommonDivisor(with: share) * share
            }
            denominator = lcm
            var units: [MoralGrade: [BigInt]] = [:]
            for grade in MoralGrade.allCases {
                let share = settings.share(grade)
                units[grade] = MoralCategory.allCases.map { category in
                    BigInt(category.points) * BigInt(share.numerator) * (lcm / BigInt(share.denominator))
                }
            }
            self.units = units
            thresholds = [MoralGrade.good, .fairlyGood, .average].compactMap { grade in settings.moralGrades[grade].map { (grade, $0) } }
        }

        /// The grade of the score `sum / denominator`: the first threshold it reaches, else 较差.
        func grade(sum: BigInt, denominator: BigInt) -> MoralGrade {
            for (grade, threshold) in thresholds
            where sum * BigInt(threshold.denominator) >= BigInt(threshold.numerator) * denominator {
                return grade
            }
            return .poor
        }
    }
}
