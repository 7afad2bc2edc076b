// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// `rotation show`: the run at a glance — shortlists (职位, 拟任人选, 考察对象, 成绩, 名次), withdrawn
/// positions with their reasons, placements — or every cadre or every position with its outcome,
/// optionally for one position or one unit. A `Document`, so the terminal gets aligned columns
/// (CJK two columns wide) from `TextRenderer`.
///
/// ```swift
/// TextRenderer.render(RunOverview(run: run, unit: "MZJ").document())
/// ```
public struct RunOverview: Sendable, Worded {
    public let run: Run
    public let words: Words
    public let positionID: PositionID?
    public let unitID: UnitID?

    public init(run: Run, language: Language? = nil, position: PositionID? = nil, unit: UnitID? = nil) {
        self.run = run
        self.words = Words(language ?? run.language)
        self.positionID = position
        self.unitID = unit
    }

    func t(_ text: ReportTexts) -> String { text(words.language) }

    /// Whether a position passes the filters.
    func shows(position id: PositionID) -> Bool {
        if let positionID, id != positionID { return false }
        if let unitID, run.positionByID[id]?.unitID != unitID { return false }
        return true
    }

    /// Whether a placement passes the filters (into the position; from or to the unit).
    func shows(_ placement: Plan.Placement) -> Bool {
        if let positionID, placement.positionID != positionID { return false }
        if let unitID, placement.fromUnitID != unitID && placement.toUnitID != unitID { return false }
        return true
    }

    func cadre(_ id: CadreID) -> String { run.cadreName(id) }

    /// Shortlists, withdrawn positions, placements.
    public func document() -> Document {
        var shortlistRows: [Document.Row] = []
        for (group, id) in run.competedPositionIDs.filter(shows(position:)).enumerated() {
            let list = run.shortlist(of: id)
            let proposed = list.first { $0.role == .proposed }.map { cadre($0.cadreID) } ?? ""
            for entry in list {
                shortlistRows.append(Document.Row([id.rawValue, run.positionPhrase(id, words), proposed, "\(entry.rank)", cadre(entry.cadreID),
                                                   entry.cadreID.rawValue, run.score(entry.scoreHundredths)],
                                                  group: group, strong: entry.role == .proposed))
            }
        }
        let withdrawnRows = run.plan.withdrawn.filter { shows(position: $0.positionID) }.map { withdrawal in
            Document.Row([withdrawal.positionID.rawValue, run.positionPhrase(withdrawal.positionID, words),
                          "\(withdrawal.rule.rawValue)\(say("：", ": "))\(withdrawal.detail(in: words.language))"])
        }
        let placementRows = run.plan.placements.filter(shows).map { placement in
            Document.Row([cadre(placement.cadreID), placement.cadreID.rawValue, run.currentPostPhrase(of: placement.cadreID, words),
                          words.paren(run.positionPhrase(placement.positionID, words), placement.positionID), words.phase(placement.phase),
                          run.score(placement.scoreHundredths)])
        }
        var meta = [words.stage(run.stage), say("求解状态：", "Solver status: ") + words.status(run.status)]
        if let positionID { meta.append("--position \(positionID)") }
        if let unitID { meta.append("--unit \(unitID)") }
        return Document(language: words.language, title: t(.showTitle(run.scenarioName)), meta: [meta.joined(separator: " · ")], sections: [
            Document.Section(t(.showShortlists), [.table(Document.Table(
                header: [t(.columnPositionID), t(.columnPosition), t(.columnProposed), t(.columnRank), t(.columnCandidate), t(.columnCadreID),
                         t(.columnScore)],
                rows: shortlistRows, numericColumns: [3, 6], mergedColumns: [0, 1, 2], empty: t(.noShortlists)))]),
            Document.Section(t(.showWithdrawn), [.table(Document.Table(
                header: [t(.columnPositionID), t(.columnPosition), t(.columnReason)], rows: withdrawnRows, empty: t(.noWithdrawn)))]),
            Document.Section(t(.showPlacements), [.table(Document.Table(
                header: [t(.columnName), t(.columnCadreID), t(.columnFrom), t(.columnTo), t(.columnWay), t(.columnScoreOrFit)],
                rows: placementRows, numericColumns: [5], empty: t(.noPlacements)))]),
        ])
    }

    /// Every cadre (of the unit, or applying to or placed in the position) with what became of them.
    public func cadres() -> Document {
        let rows = run.cadres.filter { cadre in
            if let unitID, cadre.unitID != unitID && !run.plan.placements.contains(where: { $0.cadreID == cadre.id && $0.toUnitID == unitID }) {
                return false
            }
            if let positionID {
                return run.plan.shortlist.contains { $0.cadreID == cadre.id && $0.positionID == positionID }
                    || run.plan.placements.contains { $0.cadreID == cadre.id && $0.positionID == positionID }
            }
            return true
        }.map { cadre in
            Document.Row([cadre.id.rawValue, cadre.name, run.unitName(cadre.unitID),
                          cadre.positionID.map { run.positionTitle($0) } ?? "", words.level(cadre.level), outcome(of: cadre.id)])
        }
        return Document(language: words.language, title: t(.showTitle(run.scenarioName)), sections: [
            Document.Section(t(.showCadres), [.table(Document.Table(
                header: [t(.columnCadreID), t(.columnName), t(.columnUnit), t(.columnPost), t(.columnLevel), t(.columnOutcome)],
                rows: rows, empty: t(.nothingMatches)))]),
        ])
    }

    func outcome(of id: CadreID) -> String {
        if let placement = run.plan.placements.first(where: { $0.cadreID == id }) {
            return placement.phase == .competition ? t(.outcomeProposed(placement.positionID.rawValue))
                : t(.outcomeTransfer(placement.positionID.rawValue))
        }
        if let entry = run.plan.shortlist.first(where: { $0.cadreID == id }) { return t(.outcomeAlternate(entry.rank, entry.positionID.rawValue)) }
        return ""
    }

    /// Every position (of the unit, or the one position) with its level, whether offered, and its outcome.
    public func positions() -> Document {
        let rows = run.positions.filter { shows(position: $0.id) }.map { position in
            Document.Row([position.id.rawValue, run.unitName(position.unitID), position.title, words.level(position.level),
                          words.yesNo(position.offered), outcome(of: position)])
        }
        return Document(language: words.language, title: t(.showTitle(run.scenarioName)), sections: [
            Document.Section(t(.showPositions), [.table(Document.Table(
                header: [t(.columnPositionID), t(.columnUnit), t(.columnPosition), t(.columnLevel), t(.columnOffered), t(.columnOutcome)],
                rows: rows, empty: t(.nothingMatches)))]),
        ])
    }

    func outcome(of position: Run.Position) -> String {
        guard position.offered else { return t(.outcomeNotOffered) }
        if let placement = run.plan.placements.first(where: { $0.positionID == position.id }) {
            return placement.phase == .competition ? t(.outcomeFilled(cadre(placement.cadreID)))
                : t(.outcomeFilledByTransfer(cadre(placement.cadreID)))
        }
        if let withdrawal = run.plan.withdrawn.first(where: { $0.positionID == position.id }) { return t(.outcomeWithdrawn(withdrawal.rule.rawValue)) }
        if run.positionsAwaitingInterview.contains(position.id) { return t(.outcomeAwaiting) }
        return t(.outcomeOpen)
    }
}
