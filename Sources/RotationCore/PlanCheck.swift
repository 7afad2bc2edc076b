// SPDX-License-Identifier: GPL-3.0-or-later

/// Re-checks a plan against the rules and model.md in domain terms, independently of how it was found.
///
/// ```swift
/// let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
/// // [] when every constraint holds; otherwise one sentence per broken constraint
/// ```
public struct PlanCheck: Sendable {
    public let adjudication: Adjudication

    public init(adjudication: Adjudication) { self.adjudication = adjudication }

    /// Every broken constraint, as a sentence; empty when the plan is valid.
    ///
    /// - Parameters:
    ///   - checkCompetitionByRules: in competition mode the plan must equal the rules' own result.
    ///   - transferInfeasible: `place_all_due` was found infeasible (so no transfer placements are expected).
    /// - Complexity: O(pairs · log) plus O(placements²) for the transfer checks.
    public func problems(in plan: Plan, checkCompetitionByRules: Bool = false, transferInfeasible: Bool = false) -> [String] {
        var problems: [String] = []
        let scenario = adjudication.scenario
        let index = adjudication.index
        let ratio = scenario.rules.shortlistRatio

        // Lists: eligible, passed, ranked in order, roles, sizes, one list per cadre.
        var lists: [PositionID: [Plan.ShortlistEntry]] = [:]
        for entry in plan.shortlist { lists[entry.positionID, default: []].append(entry) }
        var listOfCadre: [CadreID: PositionID] = [:]
        for positionID in lists.keys.sorted(by: idPrecedes) {
            let entries = lists[positionID]!.sorted { $0.rank < $1.rank }
            let order = adjudication.ranked[positionID] ?? []
            let rankIndex = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1.cadreID, $0) })
            var previous = -1
            for (offset, entry) in entries.enumerated() {
                if entry.rank != offset + 1 { problems.append("\(positionID): ranks are not 1…\(entries.count)") }
                if entry.role != (offset == 0 ? .proposed : .alternate) { problems.append("\(positionID): rank \(entry.rank) has role \(entry.role.rawValue)") }
                guard let place = rankIndex[entry.cadreID] else {
                    problems.append("\(positionID): \(entry.cadreID) is shortlisted but is not a passed eligible applicant")
                    continue
                }
                if place <= previous { problems.append("\(positionID): \(entry.cadreID) is listed out of rank order") }
                previous = place
                if entry.scoreHundredths != order[place].scoreHundredths { problems.append("\(positionID): \(entry.cadreID)'s score differs from the interview aggregate") }
                if let other = listOfCadre[entry.cadreID] {
                    problems.append("\(entry.cadreID) is shortlisted for both \(other) and \(positionID)")
                }
                listOfCadre[entry.cadreID] = positionID
            }
            let keepsShortLists = scenario.mode == .competition && scenario.rules.shortShortlist == .keep
            let expectedSize = keepsShortLists ? min(ratio, order.count) : ratio
            if entries.count != expectedSize {
                problems.append("\(positionID): list of \(entries.count), expected \(expectedSize)")
            }
        }

        // Every offered position: a list or a withdrawal, never both (final stage).
        let withdrawn = Set(plan.withdrawn.map(\.positionID))
        if withdrawn.count != plan.withdrawn.count { problems.append("a position is withdrawn twice") }
        for position in scenario.positions where position.offered {
            let listed = lists[position.id] != nil
            if listed && withdrawn.contains(position.id) { problems.append("\(position.id) is both shortlisted and withdrawn") }
            if adjudication.stage == .final && !listed && !withdrawn.contains(position.id) {
                problems.append("\(position.id) is offered but neither shortlisted nor withdrawn")
            }
        }
        for entry in adjudication.withdrawnForTooFewApplicants where !withdrawn.contains(entry.positionID) || lists[entry.positionID] != nil {
            problems.append("\(entry.positionID) has \(entry.applicants) applicants and must be withdrawn (C-MIN2)")
        }

        // No justified envy.
        for envy in adjudication.justifiedEnvy(in: plan) {
            problems.append("justified envy: \(envy.cadreID) ranks above a listed cadre for \(envy.positionID) and is not on a list they like at least as much")
        }

        // Placements.
        let competitionPlaced = Set(plan.placements.filter { $0.phase == .competition }.map(\.cadreID))
        let transferCandidates = self.transferCandidates(excluding: competitionPlaced)
        var placedCadres = Set<CadreID>()
        var filled = Set<PositionID>()
        var moves: [String: Int] = [:]
        for placement in plan.placements where placement.phase == .competition {
            moves["\(placement.fromUnitID) → \(placement.toUnitID)", default: 0] += 1
        }
        var competitionMoves = moves
        for placement in plan.placements {
            if !placedCadres.insert(placement.cadreID).inserted { problems.append("\(placement.cadreID) is placed twice") }
            if !filled.insert(placement.positionID).inserted { problems.append("\(placement.positionID) is filled twice") }
            guard let cadre = index.cadres[placement.cadreID], let position = index.positions[placement.positionID] else {
                problems.append("placement of unknown \(placement.cadreID) → \(placement.positionID)")
                continue
            }
            if placement.fromUnitID != cadre.unitID || placement.toUnitID != position.unitID {
                problems.append("\(placement.cadreID): placement units do not match the cadre's and the position's")
            }
            switch placement.phase {
            case .competition:
                let proposed = lists[placement.positionID]?.first { $0.rank == 1 }?.cadreID
                if proposed != placement.cadreID { problems.append("\(placement.positionID): placed cadre is not the proposed one") }
            case .transfer:
                if lists[placement.positionID]?.isEmpty == false { problems.append("\(placement.positionID) was filled by competition; not a vacancy") }
                if !position.offered { problems.append("\(placement.positionID) is not offered; not a vacancy") }
                let rules = PairRules(scenario: scenario, index: index)
                if rules.ownUnit(cadre, position) != nil || rules.require(cadre, position) != nil || rules.town5(cadre, position) != nil {
                    problems.append("transfer \(cadre.id) → \(position.id) breaks P-OWNUNIT, P-REQUIRE or P-TOWN5")
                }
                if !transferCandidates.contains(cadre.id) {
                    problems.append("transfer of \(cadre.id): not a transfer candidate (placed by competition, a person-level fail other than E-TERM, or neither due for rotation nor accepting transfer)")
                }
                if scenario.transfer.sameLevelOnly {
                    if cadre.level != position.level { problems.append("transfer \(cadre.id) → \(position.id) is not same-level") }
                } else if rules.level(cadre, position) != nil {
                    problems.append("transfer \(cadre.id) → \(position.id) breaks P-LEVEL")
                } else if position.level > cadre.level
                            && (rules.rank(cadre, position) != nil || PersonRules(scenario: scenario, index: index).term(cadre) != nil) {
                    problems.append("transfer promotion \(cadre.id) → \(position.id) breaks E-RANK or E-TERM")
                }
                let key = "\(placement.fromUnitID) → \(placement.toUnitID)"
                moves[key, default: 0] += 1
            }
        }
        for (key, count) in moves.sorted(by: { $0.key < $1.key }) {
            let competition = competitionMoves.removeValue(forKey: key) ?? 0
            if count > max(scenario.transfer.maxPerUnitPair, competition) {
                problems.append("unit pair \(key): \(count) moves exceed the cap")
            }
        }
        if scenario.transfer.enabled && scenario.transfer.placeAllDue && adjudication.stage == .final && !transferInfeasible {
            let dueNotExempt = Set(adjudication.rotationDue.filter { !$0.exempt }.map(\.cadreID))
            for cadreID in transferCandidates.sorted(by: idPrecedes) where dueNotExempt.contains(cadreID) && !placedCadres.contains(cadreID) {
                problems.append("place_all_due: \(cadreID) is due for rotation but not placed")
            }
        }
        for proposed in plan.shortlist where proposed.rank == 1 && !plan.placements.contains(where: { $0.cadreID == proposed.cadreID && $0.phase == .competition }) {
            problems.append("\(proposed.cadreID) is proposed for \(proposed.positionID) but not placed")
        }

        if checkCompetitionByRules {
            let reference = adjudication.competitionByRules()
            if reference.shortlist != plan.shortlist { problems.append("the shortlists differ from the competition rules' own result") }
            let planCompetition = plan.placements.filter { $0.phase == .competition }
            if reference.placements != planCompetition { problems.append("the competition placements differ from the rules' own result") }
            if reference.withdrawn.map(\.positionID) != plan.withdrawn.map(\.positionID) {
                problems.append("the withdrawn positions differ from the competition rules' own result")
            }
        }
        return problems
    }

    /// Cadres the transfer phase may place (model.md "Candidates"): not placed by competition, no
    /// person-level `fail` but E-TERM, and due for rotation (not exempt) or accepting transfer.
    public func transferCandidates(excluding placed: Set<CadreID>) -> Set<CadreID> {
        let dueNotExempt = Set(adjudication.rotationDue.filter { !$0.exempt }.map(\.cadreID))
        let failing = Set(adjudication.personVerdicts.filter { $0.verdict == .fail && $0.rule != .term }.map(\.cadreID))
        return Set(adjudication.scenario.cadres.filter {
            !placed.contains($0.id) && !failing.contains($0.id) && (dueNotExempt.contains($0.id) || $0.acceptsTransfer)
        }.map(\.id))
    }
}
