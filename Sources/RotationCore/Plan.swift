// SPDX-License-Identifier: GPL-3.0-or-later

/// The decisions of a solve: shortlists, withdrawals and placements.
public struct Plan: Sendable, Equatable {
    public enum Role: String, Sendable { case proposed, alternate }
    public enum Phase: String, Sendable { case competition, transfer }

    public struct ShortlistEntry: Sendable, Equatable {
        public var positionID: PositionID
        public var rank: Int
        public var cadreID: CadreID
        public var scoreHundredths: Int
        public var role: Role
        /// e.g. "C-RATIO short list: 1 passed of 2".
        public var note: String
        /// The same note in Chinese.
        public var noteChinese: String

        /// The note in a language.
        public func note(in language: Language) -> String { language == .zh ? noteChinese : note }
        /// Rank 1: the proposed appointee (拟任人选).
        public var isProposed: Bool { role == .proposed }
        public init(positionID: PositionID, rank: Int, cadreID: CadreID, scoreHundredths: Int, role: Role, note: String = "",
                    noteChinese: String? = nil) {
            self.positionID = positionID; self.rank = rank; self.cadreID = cadreID
            self.scoreHundredths = scoreHundredths; self.role = role; self.note = note; self.noteChinese = noteChinese ?? note
        }
    }

    public struct Withdrawal: Sendable, Equatable {
        public var positionID: PositionID
        public var rule: RuleID
        public var detail: String
        public var detailChinese: String

        /// The detail in a language.
        public func detail(in language: Language) -> String { language == .zh ? detailChinese : detail }
        public init(positionID: PositionID, rule: RuleID, detail: String, chinese: String? = nil) {
            self.positionID = positionID; self.rule = rule; self.detail = detail; self.detailChinese = chinese ?? detail
        }

        /// C-MIN2: fewer eligible applicants than `min_applicants`.
        public static func tooFewApplicants(_ positionID: PositionID, applicants: Int, minimum: Int) -> Withdrawal {
            Withdrawal(positionID: positionID, rule: .min2,
                       detail: "\(applicants) eligible applicant\(applicants == 1 ? "" : "s") < \(minimum)",
                       chinese: "符合条件的报名人数\(applicants)人，不足\(minimum)人")
        }

        /// C-PASS: nobody passed the interview.
        public static func nobodyPassed(_ positionID: PositionID, applicants: Int) -> Withdrawal {
            Withdrawal(positionID: positionID, rule: .pass,
                       detail: "none of \(applicants) eligible applicants passed the interview",
                       chinese: "\(applicants)名符合条件的报名人均未达到面试合格分")
        }

        /// C-RATIO: fewer passed than the ratio (withdrawn under `short_shortlist: withdraw`, or in preferences mode).
        public static func tooFewPassed(_ positionID: PositionID, passed: Int, ratio: Int, mode: Mode) -> Withdrawal {
            mode == .competition
                ? Withdrawal(positionID: positionID, rule: .ratio, detail: "\(passed) passed < \(ratio) (short_shortlist: withdraw)",
                             chinese: "面试合格\(passed)人，不足1:\(ratio)差额人数（short_shortlist: withdraw）")
                : Withdrawal(positionID: positionID, rule: .ratio, detail: "\(passed) passed < \(ratio): cannot be competed",
                             chinese: "面试合格\(passed)人，不足1:\(ratio)差额人数，无法开展竞争上岗")
        }

        /// C-RATIO in preferences mode: could be competed, but the optimal plan does not.
        public static func notChosen(_ positionID: PositionID) -> Withdrawal {
            Withdrawal(positionID: positionID, rule: .ratio,
                       detail: "not competed in the optimal plan (its passed applicants are shortlisted for positions they prefer)",
                       chinese: "最优方案中未开展竞争（其面试合格者已列入其更优先志愿职位的考察对象）")
        }
    }

    /// The note of a list shorter than the ratio (kept under `short_shortlist: keep`).
    public static func shortListNote(size: Int, ratio: Int) -> Text {
        size < ratio ? RuleTexts.shortList(passed: size, ratio: ratio).text : Text(zh: "", en: "")
    }

    public struct Placement: Sendable, Equatable {
        public var cadreID: CadreID
        public var fromUnitID: UnitID
        public var positionID: PositionID
        public var toUnitID: UnitID
        public var phase: Phase
        /// Interview score (competition) or fit (transfer), in hundredths.
        public var scoreHundredths: Int
        public var isTransfer: Bool { phase == .transfer }
        public init(cadreID: CadreID, fromUnitID: UnitID, positionID: PositionID, toUnitID: UnitID, phase: Phase, scoreHundredths: Int) {
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

    /// The placements of one phase, in plan order.
    public func placements(_ phase: Phase) -> [Placement] { placements.filter { $0.phase == phase } }

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
        withdrawnForTooFewApplicants.map {
            .tooFewApplicants($0.positionID, applicants: $0.applicants, minimum: scenario.rules.minApplicants)
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
                plan.withdrawn.append(.nobodyPassed(positionID, applicants: applicants[positionID]?.count ?? 0))
                continue
            }
            if order.count < ratio && scenario.rules.shortShortlist == .withdraw {
                plan.withdrawn.append(.tooFewPassed(positionID, passed: order.count, ratio: ratio, mode: .competition))
                continue
            }
            appendList(to: &plan, positionID: positionID, cadres: Array(order.prefix(ratio).map(\.cadreID)),
                       note: Plan.shortListNote(size: order.count, ratio: ratio))
        }
        plan.normalize()
        return plan
    }

    /// Adds a ranked list: rank 1 proposed and placed, the rest alternates.
    public func appendList(to plan: inout Plan, positionID: PositionID, cadres: [CadreID], note: Text = Text(zh: "", en: "")) {
        for (offset, cadreID) in cadres.enumerated() {
            let score = self.score(cadreID, positionID) ?? 0
            plan.shortlist.append(Plan.ShortlistEntry(positionID: positionID, rank: offset + 1, cadreID: cadreID,
                                                      scoreHundredths: score, role: offset == 0 ? .proposed : .alternate,
                                                      note: note.en, noteChinese: note.zh))
            if offset == 0, let cadre = index.cadres[cadreID], let position = index.positions[positionID] {
                plan.placements.append(Plan.Placement(cadreID: cadreID, fromUnitID: cadre.unitID, positionID: positionID,
                                                      toUnitID: position.unitID, phase: .competition, scoreHundredths: score))
            }
        }
    }
}
