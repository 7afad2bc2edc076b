// SPDX-License-Identifier: GPL-3.0-or-later

/// Q-OFFER, Q-DISMISSED and Q-DUE: what each unit offers for cross-department competition (竞岗1).
public struct QuotaCheck: Sendable {
    public let scenario: Scenario
    public let index: ScenarioIndex

    public init(scenario: Scenario, index: ScenarioIndex) {
        self.scenario = scenario
        self.index = index
    }

    /// One quota row: a unit and a Q rule.
    public struct Record: Sendable, Equatable {
        public enum Verdict: String, Sendable { case ok, flag, fail }
        public var unitID: UnitID
        public var approvedPosts: Int
        public var offered: Int
        public var rule: RuleID
        public var verdict: Verdict
        public var detail: String
        /// The same facts in Chinese.
        public var detailChinese: String

        /// The detail in a language.
        public func detail(in language: Language) -> String { language == .zh ? detailChinese : detail }
        public init(unitID: UnitID, approvedPosts: Int, offered: Int, rule: RuleID, verdict: Verdict, detail: String, chinese: String? = nil) {
            self.unitID = unitID; self.approvedPosts = approvedPosts; self.offered = offered; self.rule = rule
            self.verdict = verdict; self.detail = detail; self.detailChinese = chinese ?? detail
        }
    }

    /// Three rows per unit (Q-OFFER, Q-DISMISSED, Q-DUE), by unit id.
    public func records(due: [RotationDue.Record]) -> [Record] {
        let dueNotExempt = Set(due.filter { !$0.exempt }.map(\.cadreID))
        let rules = scenario.rules
        var rows: [Record] = []
        for unit in scenario.units.sorted(by: { idPrecedes($0.id, $1.id) }) {
            let positions = scenario.positions.filter { $0.unitID == unit.id }.sorted { idPrecedes($0.id, $1.id) }
            let offered = positions.filter(\.offered).count
            func row(_ rule: RuleID, _ verdict: Record.Verdict, _ detail: RuleTexts) {
                rows.append(Record(unitID: unit.id, approvedPosts: unit.approvedPosts, offered: offered,
                                   rule: rule, verdict: verdict, detail: detail.text.en, chinese: detail.text.zh))
            }
            // Q-OFFER
            if unit.approvedPosts == 0 {
                row(.offer, .ok, .offerNoPosts)
            } else if unit.approvedPosts <= rules.quotaPostsThreshold {
                row(.offer, offered == rules.smallUnitOffers ? .ok : .flag,
                    .offerSmallUnit(posts: unit.approvedPosts, threshold: rules.quotaPostsThreshold, offered: offered, expected: rules.smallUnitOffers))
            } else {
                row(.offer, offered >= rules.largeUnitMinOffers ? .ok : .fail,
                    .offerLargeUnit(posts: unit.approvedPosts, threshold: rules.quotaPostsThreshold, offered: offered, minimum: rules.largeUnitMinOffers))
            }
            // Q-DISMISSED
            let dismissed = positions.filter(\.vacatedByDismissal)
            let dismissedNotOffered = dismissed.filter { !$0.offered }.map(\.id)
            if dismissed.isEmpty {
                row(.dismissed, .ok, .dismissedNone)
            } else if dismissedNotOffered.isEmpty {
                row(.dismissed, .ok, .dismissedAllOffered(dismissed.map(\.id.rawValue)))
            } else {
                row(.dismissed, .fail, .dismissedNotOffered(dismissedNotOffered.map(\.rawValue)))
            }
            // Q-DUE
            var heldByDue: [(position: PositionID, holder: CadreID)] = []
            for position in positions {
                if let holder = (index.holders[position.id] ?? []).first(where: { dueNotExempt.contains($0) }) {
                    heldByDue.append((position.id, holder))
                }
            }
            let notOffered = heldByDue.filter { pair in !(index.positions[pair.position]?.offered ?? false) }
            if heldByDue.isEmpty {
                row(.dueOffer, .ok, .dueHeldNone)
            } else if notOffered.isEmpty {
                row(.dueOffer, .ok, .dueHeldAllOffered(heldByDue.map { "\($0.position) (\($0.holder))" }))
            } else {
                row(.dueOffer, .flag, .dueHeldNotOffered(notOffered.map { "\($0.position) (\($0.holder))" }))
            }
        }
        return rows
    }
}
