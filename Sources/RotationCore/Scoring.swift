// SPDX-License-Identifier: GPL-3.0-or-later
internal import BigInt

/// Interview scoring (C-JUDGES, C-PASS): judges after recusal, aggregate, half-up rounding.
public struct InterviewScoring: Sendable {
    public let rules: RuleSettings

    public init(rules: RuleSettings) { self.rules = rules }

    /// The outcome of scoring one applicant for one position.
    public struct Outcome: Sendable, Equatable {
        /// The aggregate in hundredths, rounded half-up to `score_decimals`; nil if it cannot be computed.
        public var scoreHundredths: Int?
        /// The exact aggregate before rounding; nil without a score, and also when its reduced numerator or
        /// denominator is beyond `Int` (scores written with many decimals: the rounded score is exact regardless).
        public var exactScore: Fraction?
        public var judgesCounted: Int
        public var judgesRecused: Int
        public var verdicts: [Verdict]
        public var passed: Bool { scoreHundredths != nil && verdicts.allSatisfy { $0.rule != .pass } }
    }

    /// Scores one pair from its judge rows (all of them, conflicted ones included).
    ///
    /// ```swift
    /// // 5 judges 59, 60, 60, 59.985, 62 → trimmed mean of 59.985, 60, 60 = 59.995 → 60.00: passes.
    /// ```
    /// - Complexity: O(n log n) in the number of judges.
    public func score(cadreID: CadreID, positionID: PositionID, rows: [JudgeScore]) -> Outcome {
        var verdicts: [Verdict] = []
        guard !rows.isEmpty else {
            verdicts.append(Verdict(cadreID: cadreID, positionID: positionID, rule: .pass, verdict: .fail,
                                    detail: "no interview score (not interviewed)", chinese: "无面试成绩（未参加面试）"))
            return Outcome(scoreHundredths: nil, exactScore: nil, judgesCounted: 0, judgesRecused: 0, verdicts: verdicts)
        }
        // C-JUDGES: count after recusal.
        let counted = rows.filter { !$0.conflict }.map { $0.score.fraction }.sorted()
        let recused = rows.count - counted.count
        let recusalNote = recused > 0 ? " (\(recused) recused)" : ""
        if counted.count < rules.judgesMin || counted.count > rules.judgesMax {
            verdicts.append(Verdict(cadreID: cadreID, positionID: positionID, rule: .judges, verdict: .flag,
                                    detail: "\(counted.count) judges after recusal\(recusalNote), outside \(rules.judgesMin)–\(rules.judgesMax)",
                                    chinese: "回避后评委\(counted.count)人\(recused > 0 ? "（\(recused)人回避）" : "")，不在\(rules.judgesMin)—\(rules.judgesMax)人之内"))
        }
        // Aggregate exactly.
        let kept: ArraySlice<Fraction>
        let needed: Int
        switch rules.aggregate {
        case .trimmedMean:
            needed = 3
            kept = counted.count >= 3 ? counted.dropFirst().dropLast() : []
        case .mean:
            needed = 1
            kept = counted[...]
        }
        guard counted.count >= needed else {
            verdicts.append(Verdict(cadreID: cadreID, positionID: positionID, rule: .pass, verdict: .fail,
                                    detail: "no interview score: \(counted.count) judges left after recusal, \(rules.aggregate.rawValue) needs at least \(needed)",
                                    chinese: "回避后仅余评委\(counted.count)人，不足\(needed)人，无法计算面试成绩"))
            return Outcome(scoreHundredths: nil, exactScore: nil, judgesCounted: counted.count, judgesRecused: recused, verdicts: verdicts)
        }
        let exact = InterviewScoring.mean(kept)
        guard let rounded = Hundredths.roundHalfUp(exact.numerator, exact.denominator, decimals: rules.scoreDecimals) else {
            // Unreachable from a scenario folder (scores are read within 0–100); kept so that no value traps.
            verdicts.append(Verdict(cadreID: cadreID, positionID: positionID, rule: .pass, verdict: .fail,
                                    detail: "no interview score: the aggregate of the judges' scores is beyond any score",
                                    chinese: "评委评分的汇总值超出分数范围，无法计算面试成绩"))
            return Outcome(scoreHundredths: nil, exactScore: nil, judgesCounted: counted.count, judgesRecused: recused, verdicts: verdicts)
        }
        if Fraction(rounded, 100) < rules.passMark {
            verdicts.append(Verdict(cadreID: cadreID, positionID: positionID, rule: .pass, verdict: .fail,
                                    detail: "score \(rules.scoreFormat.string(rounded)) < pass mark \(InterviewScoring.describe(rules.passMark))",
                                    chinese: "面试成绩\(rules.scoreFormat.string(rounded))分，低于合格分\(InterviewScoring.describe(rules.passMark))分"))
        }
        return Outcome(scoreHundredths: rounded, exactScore: Fraction(exactly: exact.numerator, exact.denominator),
                       judgesCounted: counted.count, judgesRecused: recused, verdicts: verdicts)
    }

    /// The exact mean of `values` as a big-integer quotient (denominator > 0), so no count or number of
    /// decimals can overflow it.
    ///
    /// - Complexity: O(n) big-integer operations for n values.
    static func mean(_ values: ArraySlice<Fraction>) -> (numerator: BigInt, denominator: BigInt) {
        let denominator = values.reduce(BigInt(1)) { lcm($0, BigInt($1.denominator)) }
        let sum = values.reduce(BigInt(0)) { $0 + BigInt($1.numerator) * (denominator / BigInt($1.denominator)) }
        return (sum, denominator * BigInt(values.count))
    }

    static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
        a / BigInt(a.magnitude.greatestCommonDivisor(with: b.magnitude)) * b
    }

    /// `60`, `59.5`, `1/3`: a terminating decimal as such, any other value as a fraction.
    public static func describe(_ value: Fraction) -> String { value.decimalDescription }
}
