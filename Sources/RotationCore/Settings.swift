// SPDX-License-Identifier: GPL-3.0-or-later
internal import BigInt

/// The thresholds of the rules; every default is the seed's (`docs/rules.md`), every one overridable.
public struct RuleSettings: Sendable, Equatable {
    public enum TrainingPolicy: String, Sendable { case strict, allowPending = "allow_pending" }
    public enum Aggregate: String, Sendable { case trimmedMean = "trimmed_mean", mean }
    public enum ShortShortlist: String, Sendable { case keep, withdraw }
    public enum TieKey: String, Sendable, CaseIterable {
        case evaluationGoodShare = "evaluation_good_share"
        case excellentAssessments = "excellent_assessments"
        case monthsInLevel = "months_in_level"
        case cadreID = "cadre_id"
    }

    public var termYears = 3
    public var retirementAgeMale = 60
    public var retirementAgeFemale = 55
    public var minEducation: Education = .associate
    public var monthsStaffBeforeDeputy = 36
    public var monthsDeputyBeforeChief = 24
    public var monthsTownBeforeDepartment = 60
    public var assessmentYears: [Int]
    public var training: TrainingPolicy = .strict
    /// Pass mark, exact (60, or e.g. 59.5).
    public var passMark = Fraction(60)
    public var judgesMin = 5
    public var judgesMax = 7
    public var aggregate: Aggregate = .trimmedMean
    public var scoreDecimals = 2
    public var shortlistRatio = 2
    public var minApplicants = 2
    public var shortShortlist: ShortShortlist = .keep
    /// Tie keys in order; `cadre_id` always ends the list (appended, or moved to the end if listed earlier).
    public var ties: [TieKey] = [.evaluationGoodShare, .excellentAssessments, .monthsInLevel, .cadreID]
    public var samePositionMonths = 72
    public var sameSectionYears = 9
    public var exemptMonthsBeforeRetirement = 36
    /// Q-OFFER: units with at most this many approved posts offer `smallUnitOffers` in principle…
    public var quotaPostsThreshold = 10
    public var smallUnitOffers = 1
    /// …and larger units at least `largeUnitMinOffers`.
    public var largeUnitMinOffers = 1
    public var minParticipation = Fraction(4, 5)
    public var poorShare = Fraction(1, 5)
    public var averagePoorShare = Fraction(1, 3)
    /// How `rotation tally` reads the forms of 附件2 and 附件3 (T-GOOD, T-REASON, T-MORAL).
    public var ballots = BallotSettings()

    /// Defaults for a reference year: the assessment years are the three calendar years before it.
    public init(referenceYear: Int) {
        assessmentYears = [referenceYear - 3, referenceYear - 2, referenceYear - 1]
    }

    /// The tie keys actually applied: the configured ones with `cadre_id` last.
    public var effectiveTies: [TieKey] {
        var keys = ties.filter { $0 != .cadreID }
        keys.append(.cadreID)
        return keys
    }

    /// The pass mark in hundredths, rounded up so that "score ≥ pass mark" is exact on hundredths.
    ///
    /// Exact on big integers; a mark beyond `Int` hundredths (never read: pass_mark is 0–100) saturates,
    /// which keeps "score ≥ mark" exact for every score.
    public var passMarkHundredths: Int {
        let numerator = BigInt(passMark.numerator) * 100
        let denominator = BigInt(passMark.denominator)
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let ceiling = remainder.sign == .plus && !remainder.isZero ? quotient + 1 : quotient
        return Int(exactly: ceiling) ?? (ceiling.sign == .minus ? .min : .max)
    }

    /// Statutory retirement age for a gender.
    public func retirementAge(for gender: Gender) -> Int {
        gender == .male ? retirementAgeMale : retirementAgeFemale
    }
}

/// Organizational transfer (组织调动) settings.
public struct TransferSettings: Sendable, Equatable {
    public var enabled = true
    public var sameLevelOnly = true
    public var placeAllDue = false
    public var maxPerUnitPair = 1
    public init() {}
}

/// Solver limits.
public struct SolverSettings: Sendable, Equatable {
    /// The time limit of a whole run when scenario.yaml and the command line name none.
    public static let defaultTimeLimitSeconds: Double = 60

    public var timeLimitSeconds: Double = SolverSettings.defaultTimeLimitSeconds
    public var mipGap: Double = 0
    public init() {}
}

/// The settings of `rotation tally` (`rules.ballots`, rules T-GOOD, T-REASON and T-MORAL).
///
/// ```swift
/// var settings = BallotSettings()
/// settings.overQuota = .voidColumn
/// settings.moralShares[.fairlyGood] = Fraction(3, 4)
/// ```
public struct BallotSettings: Sendable, Equatable {
    /// T-GOOD: what a ballot with more than 20% 好 in a column becomes.
    public enum OverQuota: String, Sendable, CaseIterable {
        /// The whole ballot is void (not counted; it still counts as taking part).
        case voidBallot = "void_ballot"
        /// Only that column of the ballot is not counted.
        case voidColumn = "void_column"
        /// Counted, flagged.
        case flag
    }

    /// T-REASON: what a line with 好 or 较差 (or a reverse indicator) and no written reason becomes.
    public enum MissingReason: String, Sendable, CaseIterable {
        /// Counted, flagged.
        case flag
        /// The line is not counted (flagged).
        case voidLine = "void_line"
    }

    public var overQuota: OverQuota = .voidBallot
    public var missingReason: MissingReason = .flag
    /// T-MORAL: the share of a category's points that each grade earns (好 1, 较好 0.8, 一般 0.6, 较差 0.4).
    public var moralShares: [MoralGrade: Fraction] = [.good: 1, .fairlyGood: Fraction(4, 5), .average: Fraction(3, 5), .poor: Fraction(2, 5)]
    /// T-MORAL: the lowest moral score of each grade but 较差 (好 90, 较好 80, 一般 60).
    public var moralGrades: [MoralGrade: Fraction] = [.good: 90, .fairlyGood: 80, .average: 60]

    public init() {}

    /// The share of `grade` (0 when unset).
    public func share(_ grade: MoralGrade) -> Fraction { moralShares[grade] ?? 0 }

    /// The grade of a moral score: the first of 好, 较好, 一般 whose threshold it reaches, else 较差.
    public func grade(ofScore score: Fraction) -> MoralGrade {
        for grade in [MoralGrade.good, .fairlyGood, .average] {
            if let threshold = moralGrades[grade], !(score < threshold) { return grade }
        }
        return .poor
    }
}
