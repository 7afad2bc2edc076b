// SPDX-License-Identifier: GPL-3.0-or-later

/// Counts of the four grades.
public struct GradeCounts: Sendable, Equatable {
    public var good = 0
    public var fairlyGood = 0
    public var average = 0
    public var poor = 0
    public init(good: Int = 0, fairlyGood: Int = 0, average: Int = 0, poor: Int = 0) {
        self.good = good; self.fairlyGood = fairlyGood; self.average = average; self.poor = poor
    }

    public subscript(grade: MoralGrade) -> Int {
        get {
            switch grade {
            case .good: good
            case .fairlyGood: fairlyGood
            case .average: average
            case .poor: poor
            }
        }
        set {
            switch grade {
            case .good: good = newValue
            case .fairlyGood: fairlyGood = newValue
            case .average: average = newValue
            case .poor: poor = newValue
            }
        }
    }

    public var total: Int { good + fairlyGood + average + poor }
}

/// What a finding did to the count.
public enum TallyEffect: String, Sendable, Comparable, CaseIterable {
    /// Counted, flagged.
    case flag
    /// A spoiled cell: not counted (T-MARK).
    case voidCell = "void_cell"
    /// The line is not counted (T-MARK on the moral form, T-REASON with `void_line`).
    case voidLine = "void_line"
    /// The column of the ballot is not counted (T-GOOD with `void_column`).
    case voidColumn = "void_column"
    /// The whole ballot is not counted (T-GOOD with `void_ballot`).
    case voidBallot = "void_ballot"

    public static func < (lhs: TallyEffect, rhs: TallyEffect) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One flag or voiding by a T-rule, with the ballot, the line and the column it concerns.
public struct TallyFinding: Sendable, Equatable {
    public var rule: RuleID
    public var effect: TallyEffect
    public var form: BallotForm
    public var ballotID: String
    public var unitID: UnitID
    /// The line's cadre; nil for a finding on a whole column or ballot.
    public var cadreID: CadreID?
    /// The column's name (`overall`, `political_virtue`, …); nil for a finding on a whole line.
    public var column: String?
    /// The line, or the ballot's first line.
    public var location: BallotLocation
    /// T-GOOD: the lines graded 好 in the column; T-POOR: those graded 较差.
    public var count: Int?
    /// T-GOOD, T-POOR: the ballot's lines (n).
    public var lines: Int?

    public init(rule: RuleID, effect: TallyEffect, form: BallotForm, ballotID: String, unitID: UnitID, cadreID: CadreID? = nil,
                column: String? = nil, location: BallotLocation, count: Int? = nil, lines: Int? = nil) {
        self.rule = rule; self.effect = effect; self.form = form; self.ballotID = ballotID; self.unitID = unitID
        self.cadreID = cadreID; self.column = column; self.location = location; self.count = count; self.lines = lines
    }
}

/// The verdict on one paper ballot.
public struct BallotVerdict: Sendable, Equatable {
    public var form: BallotForm
    public var id: String
    public var unitID: UnitID
    /// n: the cadres evaluated on it.
    public var lines: Int
    /// Void as a whole (T-GOOD, `void_ballot`): not counted, still taking part.
    public var isVoid: Bool
    /// The columns that broke the 20% quota (T-GOOD), whatever the setting made of them.
    public var overQuotaColumns: [PerformanceColumn]
    /// The ballot's first line.
    public var location: BallotLocation
}

/// One meeting's participation.
public struct MeetingTally: Sendable, Equatable {
    public var unitID: UnitID
    public var due: Int
    /// Distinct performance ballots (moral ones when there is no performance form), void ones included.
    public var tookPart: Int
    public var performanceBallots: Int
    public var moralBallots: Int
    public var voidBallots: Int
    /// E-EVAL's test: took part ≥ min_participation · due.
    public var reachesMinimum: Bool
}

/// One cadre's counts: the row of evaluations.csv and what lies behind it.
public struct CadreTally: Sendable, Equatable {
    public var cadreID: CadreID
    public var unitID: UnitID
    public var due: Int
    public var tookPart: Int
    /// The counted overall grades; nil when there is no performance form.
    public var counts: GradeCounts?
    /// Performance lines of the cadre: on ballots, abstaining in the overall column, spoiled there, and not counted
    /// otherwise (void ballot, void column, void line).
    public var performanceLines = 0
    public var abstentions = 0
    public var spoiled = 0
    public var notCounted = 0
    /// Moral lines of the cadre, and those counted.
    public var moralLines = 0
    public var moralCounted = 0
    /// The exact mean of the counted lines' scores; nil when none counted (or no moral form).
    public var moralScore: Fraction?
    public var moral: MoralGrade?
    public var confirmedPoor: Bool
    public var moralConfirmed: Bool

    /// The row of evaluations.csv (T-COUNT); nil without a performance form (the counts are then empty).
    public var record: EvaluationRecord? {
        guard let counts else { return nil }
        return EvaluationRecord(cadreID: cadreID, due: due, tookPart: tookPart, good: counts.good, fairlyGood: counts.fairlyGood,
                                average: counts.average, poor: counts.poor, confirmedPoor: confirmedPoor, moral: moral,
                                moralConfirmed: moralConfirmed)
    }
}

/// The tally of every ballot: meetings, ballots' verdicts, findings, and per-cadre counts.
public struct TallyResult: Sendable, Equatable {
    public var meetings: [MeetingTally]
    /// Performance ballots first, then moral ones, each in the order first read.
    public var ballots: [BallotVerdict]
    /// In ballot order, then line, then rule.
    public var findings: [TallyFinding]
    /// By cadre id.
    public var cadres: [CadreTally]
    public var hasPerformance: Bool
    public var hasMoral: Bool
    public var settings: BallotSettings
}
