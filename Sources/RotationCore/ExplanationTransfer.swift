// SPDX-License-Identifier: GPL-3.0-or-later

extension Explanation {
    /// Where the cadre was placed, or why not: rotation due, transfer candidacy, and for a candidate
    /// left unplaced, what happened to each vacancy they could have taken (taken by whom, or the
    /// unit-pair cap and the cadres who used it).
    ///
    /// - Complexity: O(vacancies · placements).
    func placement(_ cadre: Cadre) -> [ExplanationLine] {
        var lines: [ExplanationLine] = []
        let placed = run.plan.placements.first { $0.cadreID == cadre.id }
        if let placed {
            lines.append(ExplanationLine(0, placed.phase == .competition
                ? .placedByCompetition(placed.positionID) : .placedByTransfer(placed.positionID, fit: placed.scoreHundredths)))
        } else {
            lines.append(ExplanationLine(0, .notPlaced))
        }
        let due = run.rotationDue.first { $0.cadreID == cadre.id }
        if let due {
            lines.append(ExplanationLine(1, due.exempt
                ? .exempt(monthsToRetirement: due.monthsToRetirement, threshold: run.rules.exemptMonthsBeforeRetirement)
                : .due(due)))
        }
        guard placed == nil else { return lines }
        switch run.transfer {
        case .notRun:
            lines.append(ExplanationLine(1, .transferNotRun(preInterview: run.stage == .preInterview)))
            return lines
        case .infeasible:
            lines.append(ExplanationLine(1, .transferInfeasible))
            return lines
        case .solved: break
        }
        let fails = run.eligibility.filter { $0.cadreID == cadre.id && $0.positionID == nil && $0.verdict == .fail && $0.rule != .term }
        let isDue = due.map { !$0.exempt } ?? false
        if !fails.isEmpty {
            var rules: [RuleID] = []
            for verdict in fails where !rules.contains(verdict.rule) { rules.append(verdict.rule) }
            lines.append(ExplanationLine(1, .notCandidateFails(rules)))
            return lines
        }
        guard isDue || cadre.acceptsTransfer else {
            lines.append(ExplanationLine(1, .notCandidate(exempt: due?.exempt ?? false)))
            return lines
        }
        lines.append(ExplanationLine(1, .candidate(due: isDue)))
        lines += vacancies(for: cadre, isDue: isDue)
        return lines
    }

    /// The vacancies left after the competition, by id.
    var vacancyIDs: [PositionID] {
        let filledByCompetition = Set(run.placements(.competition).map(\.positionID))
        return run.positions.filter { $0.offered && !filledByCompetition.contains($0.id) }.map(\.id).sorted(by: idPrecedes)
    }

    /// What became of each vacancy the cadre could have taken (model.md "Candidates" and "Pairs").
    func vacancies(for cadre: Cadre, isDue: Bool) -> [ExplanationLine] {
        let vacancies = vacancyIDs
        guard !vacancies.isEmpty else { return [ExplanationLine(2, .noVacancies)] }
        let rules = PairRules(scenario: adjudication.scenario, index: index)
        let settings = run.transferSettings
        let term = PersonRules(scenario: adjudication.scenario, index: index).term(cadre) != nil
        var ownUnit = 0, level = 0, requirement = 0, town = 0
        var suitable: [PositionID] = []
        for positionID in vacancies {
            guard let position = index.positions[positionID] else { continue }
            if rules.ownUnit(cadre, position) != nil { ownUnit += 1; continue }
            if rules.require(cadre, position) != nil { requirement += 1; continue }
            if rules.town5(cadre, position) != nil { town += 1; continue }
            if settings.sameLevelOnly {
                if position.level != cadre.level { level += 1; continue }
            } else if rules.level(cadre, position) != nil
                        || (position.level > cadre.level && (rules.rank(cadre, position) != nil || term)) {
                level += 1; continue
            }
            suitable.append(positionID)
        }
        guard !suitable.isEmpty else {
            return [ExplanationLine(2, .noSuitableVacancy(vacancies: vacancies.count, ownUnit: ownUnit, level: level,
                                                          requirement: requirement, town: town))]
        }
        let fits = Dictionary(adjudication.scenario.transferFits.map { (Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID), $0.fitHundredths) },
                              uniquingKeysWith: { first, _ in first })
        let dueNotExempt = run.dueNotExempt
        var lines: [ExplanationLine] = []
        for positionID in suitable {
            guard let position = index.positions[positionID] else { continue }
            let myFit = fits[Adjudication.PairKey(cadre: cadre.id, position: positionID)] ?? 0
            let taker = run.plan.placements.first { $0.positionID == positionID }
            // The unit-pair cap counts every move from the cadre's unit to the vacancy's, competition included.
            let moves = run.plan.placements.filter { $0.fromUnitID == cadre.unitID && $0.toUnitID == position.unitID }
            let pairFull = moves.count >= max(settings.maxPerUnitPair, moves.filter { $0.phase == .competition }.count)
            if pairFull && taker?.fromUnitID != cadre.unitID {
                lines.append(ExplanationLine(2, .capBound(positionID, from: cadre.unitID, to: position.unitID, cap: settings.maxPerUnitPair,
                                                          moved: moves.map(\.cadreID))))
            } else if let taker {
                lines.append(ExplanationLine(2, .vacancyTaken(positionID, by: taker.cadreID, theirFit: taker.scoreHundredths, myFit: myFit,
                                                              theyAreDue: dueNotExempt.contains(taker.cadreID), iAmDue: isDue)))
            } else {
                lines.append(ExplanationLine(2, .vacancyLeftEmpty(positionID)))
            }
        }
        return lines
    }
}
