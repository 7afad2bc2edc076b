// SPDX-License-Identifier: GPL-3.0-or-later

/// One statement of `explain`: a fact of the run about one cadre, held as ids and numbers so that it
/// can be checked against the run's files (`ExplainConsistencyTests`) and rendered in either language
/// (`Explanation.render`).
///
/// ```swift
/// .outrankedByScore(position: "MZJ-03", by: "FH015", theirScore: 8533, myScore: 7850)
/// // 王振宇（FH015）成绩 85.33，高 6.83 分。
/// ```
public enum ExplanationStatement: Sendable, Equatable {
    /// Who the cadre is.
    case identity(CadreID)
    /// No person-level fail: may compete.
    case mayCompete
    /// At least one person-level fail: the verdicts follow.
    case mayNotCompete
    /// A failed or flagged rule (person-level, or of an application), as eligibility.csv records it.
    case verdict(Verdict)
    case noApplications
    /// An application; `preference` in preferences mode (1 = first choice).
    case applied(PositionID, preference: Int?)
    /// `--position` names a position the cadre did not apply to; the position rules that would fail follow.
    case notApplied(PositionID)
    /// Had they applied, no position rule would fail.
    case wouldQualify
    /// Had they applied, these rules would fail.
    case wouldFail([Verdict])
    /// The application fails a rule: not an eligible applicant.
    case notEligibleApplicant(PositionID)
    /// The position has no shortlist: withdrawn (withdrawn.csv) for this rule and detail.
    case positionWithdrawn(Plan.Withdrawal)
    case awaitingInterview(PositionID)
    /// The interview score, judges counted and recused.
    case score(PositionID, hundredths: Int, judges: Int, recused: Int)
    /// Below the pass mark (C-PASS): score and pass mark, in hundredths.
    case belowPassMark(PositionID, score: Int, passMark: Int)
    /// Place among the applicants who passed.
    case ranked(PositionID, place: Int, of: Int)
    /// A cadre ranked above by a higher score.
    case outrankedByScore(PositionID, by: CadreID, theirScore: Int, myScore: Int)
    /// A cadre ranked above with the same score, by a tie key (the values of both).
    case outrankedByTie(PositionID, by: CadreID, key: RuleSettings.TieKey, theirs: String, mine: String)
    /// More cadres ranked above than listed.
    case moreAbove(Int)
    /// On the shortlist at rank 1: the proposed appointee; `next` is rank 2 (nil: alone on the list).
    case proposed(PositionID, next: CadreID?, myScore: Int, nextScore: Int?)
    /// On the shortlist below rank 1, behind the proposed appointee.
    case alternate(PositionID, rank: Int, first: CadreID, firstScore: Int, myScore: Int)
    /// Passed but not on the list: the list takes `size` cadres; `last` is its last one.
    case belowCutoff(PositionID, size: Int, last: CadreID, lastScore: Int, myScore: Int)
    /// Not on the list because of a tie with its last cadre, decided by a tie key.
    case belowCutoffByTie(PositionID, last: CadreID, key: RuleSettings.TieKey, theirs: String, mine: String)
    /// Preferences mode: not on this list because listed on a list they prefer (its preference and rank).
    case onPreferredList(PositionID, preferred: PositionID, preference: Int, rank: Int)
    /// Preferences mode: every cadre on this list ranks above them.
    case listedAllRankAbove(PositionID)
    case placedByCompetition(PositionID)
    case placedByTransfer(PositionID, fit: Int)
    case notPlaced
    /// Due for rotation (R-DUE): the rotation_due.csv record, with its reasons.
    case due(RotationDue.Record)
    /// Due but exempt (R-EXEMPT): months to retirement and the threshold.
    case exempt(monthsToRetirement: Int, threshold: Int)
    /// No transfer phase in this run (pre-interview stage, or `transfer.enabled: false`).
    case transferNotRun(preInterview: Bool)
    /// The transfer requirement (`place_all_due`) could not hold: no transfer placements.
    case transferInfeasible
    /// Not a transfer candidate: person-level fails other than E-TERM.
    case notCandidateFails([RuleID])
    /// Not a transfer candidate: neither due for rotation (or exempt) nor accepting transfer.
    case notCandidate(exempt: Bool)
    /// A transfer candidate; `due` when due for rotation.
    case candidate(due: Bool)
    /// No vacancy was left after the competition.
    case noVacancies
    /// None of the vacancies suits the cadre: counts by reason.
    case noSuitableVacancy(vacancies: Int, ownUnit: Int, level: Int, requirement: Int, town: Int)
    /// A suitable vacancy went to another transfer candidate (fits and whether each is due).
    case vacancyTaken(PositionID, by: CadreID, theirFit: Int, myFit: Int, theyAreDue: Bool, iAmDue: Bool)
    /// A suitable vacancy the cadre could not take because the unit-pair cap bound: the moves from→to
    /// (competition and transfer) already at `max(cap, competition moves)`.
    case capBound(PositionID, from: UnitID, to: UnitID, cap: Int, moved: [CadreID])
    /// A suitable vacancy stayed empty with the cap not binding (only when the solve was not proven optimal).
    case vacancyLeftEmpty(PositionID)
}

/// A statement and its depth in the explanation (0: a heading line, 1: under it, 2: a detail).
public struct ExplanationLine: Sendable, Equatable {
    public var depth: Int
    public var statement: ExplanationStatement
    public init(_ depth: Int, _ statement: ExplanationStatement) { self.depth = depth; self.statement = statement }
}
