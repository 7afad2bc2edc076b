// SPDX-License-Identifier: GPL-3.0-or-later

/// The decisions of a solve: shortlists, withdrawals and placements.
public struct Plan: Sendable, Equatable {
    public enum Role: String, Sendable { case proposed, alternate }
    public enum Phase: String, Sendable { case competition, transfer }

    public struct ShortlistEntry: Sendable, Equatable {
        public var positionID: String
        public var rank: Int
        public var cadreID: String
        public var scoreHundredths: Int
        public var role: Role
        /// e.g. "C-RATIO short list: 1 passed of 2".
        public var note: String
        public init(positionID: String, rank: Int, cadreID: String, scoreHundredths: Int, role: Role, note: String = "") {
            self.positionID = positionID; self.rank = rank; self.cadreID = cadreID
            self.scoreHundredths = scoreHundredths; self.role = role; self.note = note
        }
    }

    public struct Withdrawal: Sendable, Equatable {
        public var positionID: String
        public var rule: RuleID
        public var detail: String
        public init(positionID: String, rule: RuleID, detail: String) {
            self.positionID = positionID; self.rule = rule; self.detail = detail
        }
    }

    public struct Placement: Sendable, Equatable {
        public var cadreID: String
        public var fromUnitID: String
        public var positionID: String
        public var toUnitID: String
        public var phase: Phase
        /// Interview score (competition) or fit (transfer), in hundredths.
        public var scoreHundredths: Int
        public init(cadreID: String, fromUnitID: String, positionID: String, toUnitID: String, phase: Phase, scoreHundredths: Int) {
            self.cadreID = cadreID; self.fromUnitID = fromUnitID; self.positionID = positionID
            self.toUnitID = toUnitID; self.phase = phase; self.scoreHundredths = scoreHundredths
        }
    }

    /// By position id, then rank.
    public var shortlist: [ShortlistEntry] = []
    /// By position id.
    public var withdrawn: [Withdrawal] = []
    /// Competition placements by position id, then transfers by position id.
    public var placements: [Placement] = []

    public init(shortlist: [ShortlistEntry] = [], withdrawn: [Withdrawal] = [], placements: [Placement] = []) {
        self.shortlist = shortlist
        self.withdrawn = withdrawn
        self.placements = placements
    }

    /// Puts every list in its report order.
    public mutating func normalize() {
        shortlist.sort { $0.positionID != $1.positionID ? idPrecedes($0.positionID, $1.positionID) : $0.rank < $1.rank }
        withdrawn.sort { idPrecedes($0.positionID, $1.positionID) }
        placements.sort {
            if $0.phase != $1.phase { return $0.phase == .competition }
            return idPrecedes($0.positionID, $1.positionID)
        }
    }
}

extension Adjudication {
    /// The withdrawals that the rules decide before any optimization (C-MIN2).
    public var minimumApplicantWithdrawals: [Plan.Withdrawal] {
        withdrawnForTooFewApplicants.map { entry in
            Plan.Withdrawal(positionID: entry.positionID, rule: .min2,
                            detail: "\(entry.applicants) eligible applicant\(entry.applicants == 1 ? "" : "s") < \(scenario.rules.minApplicants)")
        }
    }

    /// Competition mode, straight from the rules (model.md "Competition mode"): the reference that the
    /// optimizer's result must equal. Also the source of the C-RATIO and C-PASS withdrawals and notes.
    public func competitionByRules() -> Plan {
        var plan = Plan(withdrawn: minimumApplicantWithdrawals)
        guard stage == .final else { return plan }
        let ratio = scenario.rules.shortlistRatio
        for positionID in competedPositions {
            let order = ranked[positionID] ?? []
            if order.isEmpty {
                let applicantCount = applicants[positionID]?.count ?? 0
                plan.withdrawn.append(Plan.Withdrawal(positionID: positionID, rule: .pass,
                                                      detail: "none of \(applicantCount) eligible applicants passed the interview"))
                continue
            }
            if order.count < ratio && scenario.rules.shortShortlist == .withdraw {
                plan.withdrawn.append(Plan.Withdrawal(positionID: positionID, rule: .ratio,
                                                      detail: "\(order.count) passed < \(ratio) (short_shortlist: withdraw)"))
                continue
            }
            let note = order.count < ratio ? "C-RATIO short list: \(order.count) passed < \(ratio)" : ""
            appendList(to: &plan, positionID: positionID, cadres: Array(order.prefix(ratio).map(\.cadreID)), note: note)
        }
        plan.normalize()
        return plan
    }

    /// Adds a ranked list: rank 1 proposed and placed, the rest alternates.
    public func appendList(to plan: inout Plan, positionID: String, cadres: [String], note: String) {
        for (offset, cadreID) in cadres.enumerated() {
            let score = self.score(cadreID, positionID) ?? 0
            plan.shortlist.append(Plan.ShortlistEntry(positionID: positionID, rank: offset + 1, cadreID: cadreID,
                                                      scoreHundredths: score, role: offset == 0 ? .proposed : .alternate,
                                                      note: note))
            if offset == 0, let cadre = index.cadres[cadreID], let position = index.positions[positionID] {
                plan.placements.append(Plan.Placement(cadreID: cadreID, fromUnitID: cadre.unitID, positionID: positionID,
                                                      toUnitID: position.unitID, phase: .competition, scoreHundredths: score))
            }
        }
    }
}
