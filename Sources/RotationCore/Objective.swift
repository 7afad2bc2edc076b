// SPDX-License-Identifier: GPL-3.0-or-later

/// The phases of a solve, as result.json names them (`"phase"` of each objective level).
public enum ObjectivePhase: String, Sendable, CaseIterable {
    /// Choosing the shortlists (差额考察对象).
    case shortlist
    /// The shortlist's first level solved again without the no-envy rows, to measure what fairness costs.
    case priceOfFairness = "price_of_fairness"
    /// Organizational transfers (组织调动) into the vacancies the competition leaves.
    case transfer
}

/// Every objective level `solve` optimizes, in the order it optimizes them (docs/model.md).
///
/// A level is identified by its phase and its name, exactly as result.json and audit.json write them:
///
/// ```swift
/// ObjectiveLevelID(phase: "shortlist", name: "scores")   // .shortlistScores
/// ObjectiveLevelID.transferFit.name                       // "fit"
/// ```
public enum ObjectiveLevelID: String, Sendable, CaseIterable, Comparable {
    case shortlistPositionsCompeted = "shortlist.positions_competed"
    case shortlistPreferencesMet = "shortlist.preferences_met"
    case shortlistScores = "shortlist.scores"
    case shortlistPersistence = "shortlist.persistence"
    case positionsCompetedWithoutEnvy = "price_of_fairness.positions_competed_without_envy"
    case transferDuePlaced = "transfer.due_placed"
    case transferVacanciesFilled = "transfer.vacancies_filled"
    case transferFit = "transfer.fit"
    case transferPersistence = "transfer.persistence"

    public var phase: ObjectivePhase {
        switch self {
        case .shortlistPositionsCompeted, .shortlistPreferencesMet, .shortlistScores, .shortlistPersistence: return .shortlist
        case .positionsCompetedWithoutEnvy: return .priceOfFairness
        case .transferDuePlaced, .transferVacanciesFilled, .transferFit, .transferPersistence: return .transfer
        }
    }

    /// The level's name within its phase (`scores`, `fit`, …).
    public var name: String { String(rawValue.split(separator: ".", maxSplits: 1)[1]) }

    /// The level named `name` in `phase`, or nil.
    public init?(phase: String, name: String) { self.init(rawValue: phase + "." + name) }

    /// Solve order.
    public static func < (lhs: ObjectiveLevelID, rhs: ObjectiveLevelID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The result of one objective level: its value on the plan, the best bound proven, how it ended.
public struct LevelResult: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case optimal
        /// Proven within `mip_gap` of optimal.
        case withinGap = "within_gap"
        /// Stopped at the time limit with a solution.
        case timeLimit = "time_limit"
        case infeasible
        /// Nothing to decide: the level has no variables.
        case trivial
    }

    public var level: ObjectiveLevelID
    public var value: Int
    /// Best bound proven (equals `value` when optimal).
    public var bound: Int
    public var status: Status
    /// Seconds spent (recorded in audit.json only with `--timings`; 0 when read back from a run folder).
    public var seconds: Double

    public init(level: ObjectiveLevelID, value: Int, bound: Int, status: Status, seconds: Double = 0) {
        self.level = level; self.value = value; self.bound = bound; self.status = status; self.seconds = seconds
    }

    public var phase: ObjectivePhase { level.phase }
    public var name: String { level.name }

    /// Relative gap |bound − value| / max(1, |value|).
    public var gap: Double { Double(abs(bound - value)) / Double(max(1, abs(value))) }

    /// The weaker of two statuses (trivial < optimal < within gap < time limit < infeasible).
    public static func weaker(_ lhs: Status, _ rhs: Status) -> Status {
        let order: [Status] = [.trivial, .optimal, .withinGap, .timeLimit, .infeasible]
        return order.firstIndex(of: lhs)! >= order.firstIndex(of: rhs)! ? lhs : rhs
    }
}

/// How sure a run is of its plan.
public enum RunStatus: String, Sendable, CaseIterable {
    case optimal
    /// Every level within `mip_gap`, at least one not proven at gap 0.
    case withinGap = "within_gap"
    case timeLimit = "time_limit"
    /// `place_all_due` cannot hold.
    case infeasible
}

/// Why `place_all_due` cannot hold: a set of due cadres and the vacancies open to them.
public struct TransferConflict: Sendable, Equatable {
    public enum Reason: String, Sendable, CaseIterable {
        /// Fewer eligible vacancies than cadres (Hall's condition fails).
        case hall
        /// Enough vacancies, but the unit-pair cap blocks them.
        case unitPairCap = "unit_pair_cap"
    }
    public var reason: Reason
    public var cadres: [CadreID]
    public var vacancies: [PositionID]
    public var detail: String
    /// The same account in Chinese.
    public var detailChinese: String

    /// The account in a language.
    public func detail(in language: Language) -> String { language == .zh ? detailChinese : detail }

    public init(reason: Reason, cadres: [CadreID], vacancies: [PositionID], detail: String, chinese: String? = nil) {
        self.reason = reason; self.cadres = cadres; self.vacancies = vacancies; self.detail = detail; self.detailChinese = chinese ?? detail
    }
}

/// The transfer phase's outcome.
public enum TransferOutcome: Sendable, Equatable {
    case notRun(reason: String)
    case solved(placed: Int, duePlaced: Int, vacancies: Int, candidates: Int)
    case infeasible(TransferConflict)

    /// `not_run`, `solved` or `infeasible`, as result.json writes it.
    public var code: String {
        switch self {
        case .notRun: return "not_run"
        case .solved: return "solved"
        case .infeasible: return "infeasible"
        }
    }

    /// Why the transfer phase did not run, in a language (the reasons the optimizer gives are in ``RuleTexts``).
    public func notRunReason(in language: Language) -> String? {
        guard case .notRun(let reason) = self else { return nil }
        for known in [RuleTexts.transferNotRunPreInterview, .transferDisabled] where known.text.en == reason { return known(language) }
        if reason == TimeLimitTexts.transferOutOfTime.text.en { return TimeLimitTexts.transferOutOfTime(language) }
        return reason
    }

    /// The conflict, when `place_all_due` cannot hold.
    public var conflict: TransferConflict? {
        if case .infeasible(let conflict) = self { return conflict }
        return nil
    }
}

/// Baseline pairs (`--baseline`) kept and changed.
public struct Persistence: Sendable, Equatable {
    public var baselinePairs: Int
    public var kept: Int
    public var changed: Int { baselinePairs - kept }
    public init(baselinePairs: Int, kept: Int) {
        self.baselinePairs = baselinePairs
        self.kept = kept
    }
}

/// The size of one model as solved, as audit.json records it.
public struct ModelSize: Sendable, Equatable {
    public var name: String
    public var columns: Int
    public var rows: Int
    public var nonzeros: Int
    public init(name: String, columns: Int, rows: Int, nonzeros: Int) {
        self.name = name; self.columns = columns; self.rows = rows; self.nonzeros = nonzeros
    }
}
