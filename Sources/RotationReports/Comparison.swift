// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
import RotationIO

/// What changed between two runs A and B: shortlists per position, placements per cadre, verdicts,
/// and the headline metrics.
///
/// ```swift
/// let comparison = Comparison(a: try RunSource.load("RUN/a"), b: try RunSource.load("RUN/b"))
/// comparison.hasDifferences          // false for two runs of the same scenario
/// TextRenderer.render(comparison.document())
/// ```
public struct Comparison: Sendable, Worded {
    public enum PositionEventKind: String, Sendable, CaseIterable {
        /// Competed in A; withdrawn, awaiting interviews or not offered in B.
        case withdrawn
        /// Withdrawn (or not offered) in A, competed in B.
        case competed
        /// Withdrawn in both, for another rule.
        case withdrawalChanged = "withdrawal_changed"
        case entered, left
        case rankChanged = "rank_changed"
        case scoreChanged = "score_changed"
    }

    /// One change to one position's shortlist or status.
    public struct PositionEvent: Sendable, Equatable {
        public var positionID: PositionID
        public var kind: PositionEventKind
        public var cadreID: CadreID?
        /// A and B as a person reads them (e.g. `第2名 60.00 差额考察对象`, `撤回（C-PASS）`).
        public var before: String
        public var after: String
    }

    public enum CadreEventKind: String, Sendable { case placed, unplaced, moved }

    /// A cadre placed differently.
    public struct CadreEvent: Sendable, Equatable {
        public var cadreID: CadreID
        public var kind: CadreEventKind
        public var before: Plan.Placement?
        public var after: Plan.Placement?
    }

    public enum VerdictEventKind: String, Sendable { case added, removed, changed, detail }

    /// The verdict of a finding: an eligibility or quota verdict, or due / exempt for rotation.
    public enum FindingVerdict: Sendable, Equatable {
        case eligibility(VerdictKind)
        case quota(QuotaCheck.Record.Verdict)
        case due, exempt

        /// As compare's JSON writes it: `fail`, `flag`, `ok`, `due`, `exempt`.
        public var code: String {
            switch self {
            case .eligibility(let verdict): return verdict.rawValue
            case .quota(let verdict): return verdict.rawValue
            case .due: return "due"
            case .exempt: return "exempt"
            }
        }
    }

    /// An eligibility (or rotation-due, or quota) finding added, removed or changed.
    public struct VerdictEvent: Sendable, Equatable {
        /// A cadre id, or a unit id for a quota rule.
        public var subject: String
        public var positionID: PositionID?
        public var rule: RuleID
        public var kind: VerdictEventKind
        /// `verdict: detail` in A and B (nil when absent).
        public var before: (verdict: FindingVerdict, detail: String)?
        public var after: (verdict: FindingVerdict, detail: String)?

        public static func == (lhs: VerdictEvent, rhs: VerdictEvent) -> Bool {
            lhs.subject == rhs.subject && lhs.positionID == rhs.positionID && lhs.rule == rhs.rule && lhs.kind == rhs.kind
                && lhs.before?.verdict == rhs.before?.verdict && lhs.before?.detail == rhs.before?.detail
                && lhs.after?.verdict == rhs.after?.verdict && lhs.after?.detail == rhs.after?.detail
        }
    }

    /// The headline numbers of one run.
    public struct Metrics: Sendable, Equatable {
        public var positionsOffered: Int
        public var positionsCompeted: Int
        public var positionsFilled: Int
        public var placedByCompetition: Int
        public var placedByTransfer: Int
        public var rotationDue: Int
        public var rotationDuePlaced: Int
        /// Sum and count of the proposed appointees' scores (hundredths).
        public var proposedScoreSum: Int
        public var proposedCount: Int
        /// From the objective levels (shortlist.preferences_met), when present.
        public var preferencesMet: Int?
        public var justifiedEnvy: Int
        /// True when recomputed from the scenario; false when it is 0 because `solve` forbids it.
        public var envyRecomputed: Bool
        public var eligibilityFail: Int
        public var eligibilityFlag: Int
        public var shortlistPairs: Int

        /// The mean score of the proposed, as an exact fraction of points (nil with none proposed).
        public var meanProposedScore: Fraction? {
            proposedCount == 0 ? nil : Fraction(proposedScoreSum, proposedCount * 100)
        }

        public init(_ loaded: LoadedRun) {
            let run = loaded.run
            positionsOffered = run.offeredPositionIDs.count
            positionsCompeted = run.competedPositionIDs.count
            positionsFilled = Set(run.plan.placements.map(\.positionID)).count
            placedByCompetition = run.plan.placements.filter { !$0.isTransfer }.count
            placedByTransfer = run.plan.placements.filter(\.isTransfer).count
            let due = run.dueNotExempt
            rotationDue = due.count
            rotationDuePlaced = Set(run.plan.placements.map(\.cadreID)).intersection(due).count
            let proposed = run.plan.shortlist.filter(\.isProposed)
            proposedScoreSum = proposed.reduce(0) { $0 + $1.scoreHundredths }
            proposedCount = proposed.count
            preferencesMet = run.value(of: .shortlistPreferencesMet)
            justifiedEnvy = run.justifiedEnvy ?? 0
            envyRecomputed = run.justifiedEnvy != nil
            eligibilityFail = run.findings(.fail).count
            eligibilityFlag = run.findings(.flag).count
            shortlistPairs = run.plan.shortlist.count
        }
    }

    public let a: LoadedRun
    public let b: LoadedRun
    public let words: Words
    public let positionEvents: [PositionEvent]
    /// Offered (in A or B) positions with no event.
    public let unchangedPositions: Int
    public let cadreEvents: [CadreEvent]
    public let verdictEvents: [VerdictEvent]
    public let metricsA: Metrics
    public let metricsB: Metrics
    /// Shortlist pairs (position, cadre) of A that B keeps.
    public let pairsKept: Int
    /// The settings and input rows that differ: what the what-if tested.
    public let inputs: ComparisonInputs

    /// Means of scores are compared with 2 decimals, whatever the runs' `score_decimals`.
    static let meanFormat = ScoreFormat(decimals: 2)

    public init(a: LoadedRun, b: LoadedRun, language: Language? = nil) {
        self.a = a
        self.b = b
        let words = Words(language ?? b.run.language)
        self.words = words
        let (events, unchanged) = Comparison.positionEvents(a.run, b.run, words)
        positionEvents = events
        unchangedPositions = unchanged
        cadreEvents = Comparison.cadreEvents(a.run, b.run)
        verdictEvents = Comparison.verdictEvents(a.run, b.run, words.language)
        inputs = ComparisonInputs(a: a, b: b)
        metricsA = Metrics(a)
        metricsB = Metrics(b)
        let pairsOfA = Set(a.run.plan.shortlist.map { Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID) })
        pairsKept = b.run.plan.shortlist.filter { pairsOfA.contains(Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID)) }.count
    }

    /// Whether anything differs: a shortlist, a withdrawal, a placement, a finding or a metric.
    public var hasDifferences: Bool {
        !positionEvents.isEmpty || !cadreEvents.isEmpty || !verdictEvents.isEmpty || !sameMetrics
    }

    /// Whether the inputs differ (settings, rows or files).
    public var inputsDiffer: Bool { !inputs.isEmpty }

    var sameMetrics: Bool {
        var left = metricsA, right = metricsB
        left.envyRecomputed = false
        right.envyRecomputed = false
        return left == right
    }

    // MARK: Positions

    enum State: Equatable {
        case competed
        case withdrawn(rule: RuleID, detail: String)
        case awaitingInterview
        case notOffered
        case unknown
    }

    static func state(_ run: Run, _ positionID: PositionID, _ language: Language) -> State {
        if run.plan.shortlist.contains(where: { $0.positionID == positionID }) { return .competed }
        if let entry = run.plan.withdrawn.first(where: { $0.positionID == positionID }) {
            return .withdrawn(rule: entry.rule, detail: entry.detail(in: language))
        }
        if run.positionsAwaitingInterview.contains(positionID) { return .awaitingInterview }
        if let position = run.positionByID[positionID] { return position.offered ? .unknown : .notOffered }
        return .unknown
    }

    static func describe(_ state: State, _ words: Words) -> String {
        switch state {
        case .competed: return words.say("竞争上岗", "competed")
        case let .withdrawn(rule, _): return words.say("撤回（\(rule.rawValue)）", "withdrawn (\(rule.rawValue))")
        case .awaitingInterview: return words.say("待面试", "awaiting interviews")
        case .notOffered: return words.say("未推出", "not offered")
        case .unknown: return words.say("无此职位", "no such position")
        }
    }

    static func describe(_ entry: Plan.ShortlistEntry, _ run: Run, _ words: Words) -> String {
        words.say("第\(entry.rank)名 \(run.score(entry.scoreHundredths)) \(words.role(entry.role))",
                  "rank \(entry.rank), \(run.score(entry.scoreHundredths)), \(words.role(entry.role))")
    }

    static func positionEvents(_ a: Run, _ b: Run, _ words: Words) -> ([PositionEvent], Int) {
        let ids = Set(a.offeredPositionIDs + b.offeredPositionIDs + a.competedPositionIDs + b.competedPositionIDs
                      + a.plan.withdrawn.map(\.positionID) + b.plan.withdrawn.map(\.positionID)).sorted(by: idPrecedes)
        var events: [PositionEvent] = []
        var unchanged = 0
        for positionID in ids {
            let before = state(a, positionID, words.language)
            let after = state(b, positionID, words.language)
            var found: [PositionEvent] = []
            let beforeText = describe(before, words)
            let afterText = describe(after, words)
            switch (before, after) {
            case (.competed, .competed): break
            case (.competed, _):
                found.append(PositionEvent(positionID: positionID, kind: .withdrawn, cadreID: nil, before: beforeText,
                                           after: afterText + withdrawalDetail(after, words)))
            case (_, .competed):
                found.append(PositionEvent(positionID: positionID, kind: .competed, cadreID: nil,
                                           before: beforeText + withdrawalDetail(before, words), after: afterText))
            default:
                if before != after {
                    found.append(PositionEvent(positionID: positionID, kind: .withdrawalChanged, cadreID: nil,
                                               before: beforeText + withdrawalDetail(before, words),
                                               after: afterText + withdrawalDetail(after, words)))
                }
            }
            let listA = a.shortlist(of: positionID)
            let listB = b.shortlist(of: positionID)
            let byCadreA = Dictionary(listA.map { ($0.cadreID, $0) }, uniquingKeysWith: { first, _ in first })
            let byCadreB = Dictionary(listB.map { ($0.cadreID, $0) }, uniquingKeysWith: { first, _ in first })
            for entry in listB where byCadreA[entry.cadreID] == nil {
                found.append(PositionEvent(positionID: positionID, kind: .entered, cadreID: entry.cadreID, before: "—",
                                           after: describe(entry, b, words)))
            }
            for entry in listA where byCadreB[entry.cadreID] == nil {
                found.append(PositionEvent(positionID: positionID, kind: .left, cadreID: entry.cadreID,
                                           before: describe(entry, a, words), after: "—"))
            }
            for entry in listA {
                guard let other = byCadreB[entry.cadreID] else { continue }
                if entry.rank != other.rank || entry.role != other.role {
                    found.append(PositionEvent(positionID: positionID, kind: .rankChanged, cadreID: entry.cadreID,
                                               before: describe(entry, a, words), after: describe(other, b, words)))
                } else if entry.scoreHundredths != other.scoreHundredths {
                    found.append(PositionEvent(positionID: positionID, kind: .scoreChanged, cadreID: entry.cadreID,
                                               before: describe(entry, a, words), after: describe(other, b, words)))
                }
            }
            if found.isEmpty { unchanged += 1 }
            events += found
        }
        return (events, unchanged)
    }

    static func withdrawalDetail(_ state: State, _ words: Words) -> String {
        guard case let .withdrawn(_, detail) = state, !detail.isEmpty else { return "" }
        return words.say("：\(detail)", ": \(detail)")
    }

    // MARK: Cadres

    static func cadreEvents(_ a: Run, _ b: Run) -> [CadreEvent] {
        let placedA = Dictionary(a.plan.placements.map { ($0.cadreID, $0) }, uniquingKeysWith: { first, _ in first })
        let placedB = Dictionary(b.plan.placements.map { ($0.cadreID, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = Set(placedA.keys).union(placedB.keys).sorted(by: idPrecedes)
        return ids.compactMap { cadreID in
            let before = placedA[cadreID]
            let after = placedB[cadreID]
            switch (before, after) {
            case (nil, _?): return CadreEvent(cadreID: cadreID, kind: .placed, before: nil, after: after)
            case (_?, nil): return CadreEvent(cadreID: cadreID, kind: .unplaced, before: before, after: nil)
            case let (x?, y?):
                return x.positionID == y.positionID && x.phase == y.phase ? nil
                    : CadreEvent(cadreID: cadreID, kind: .moved, before: x, after: y)
            default: return nil
            }
        }
    }

    // MARK: Verdicts

    struct FindingKey: Hashable, Comparable {
        var subject: String
        var position: String
        var rule: RuleID
        static func < (lhs: FindingKey, rhs: FindingKey) -> Bool {
            if lhs.subject != rhs.subject { return idPrecedes(lhs.subject, rhs.subject) }
            if lhs.position != rhs.position { return idPrecedes(lhs.position, rhs.position) }
            return lhs.rule < rhs.rule
        }
    }

    /// Eligibility rows, rotation due (verdict `due` or `exempt`) and quota findings other than `ok`, by key.
    static func findings(_ run: Run, _ language: Language) -> [FindingKey: (verdict: FindingVerdict, detail: String)] {
        var found: [FindingKey: (verdict: FindingVerdict, detail: String)] = [:]
        for verdict in run.eligibility {
            found[FindingKey(subject: verdict.cadreID.rawValue, position: verdict.positionID?.rawValue ?? "", rule: verdict.rule)] =
                (.eligibility(verdict.verdict), verdict.detail(in: language))
        }
        for record in run.rotationDue {
            found[FindingKey(subject: record.cadreID.rawValue, position: "", rule: record.rule)] =
                (record.exempt ? .exempt : .due, record.reasons(in: language).joined(separator: language == .zh ? "；" : "; "))
        }
        for record in run.quota where record.verdict != .ok {
            found[FindingKey(subject: record.unitID.rawValue, position: "", rule: record.rule)] = (.quota(record.verdict), record.detail(in: language))
        }
        return found
    }

    static func verdictEvents(_ a: Run, _ b: Run, _ language: Language) -> [VerdictEvent] {
        let before = findings(a, language)
        let after = findings(b, language)
        return Set(before.keys).union(after.keys).sorted().compactMap { key in
            let x = before[key], y = after[key]
            let kind: VerdictEventKind
            switch (x, y) {
            case (nil, _?): kind = .added
            case (_?, nil): kind = .removed
            case let (x?, y?):
                if x.verdict != y.verdict { kind = .changed } else if x.detail != y.detail { kind = .detail } else { return nil }
            default: return nil
            }
            return VerdictEvent(subject: key.subject, positionID: key.position.isEmpty ? nil : PositionID(rawValue: key.position), rule: key.rule,
                                kind: kind, before: x, after: y)
        }
    }
}
