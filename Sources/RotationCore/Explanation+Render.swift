// SPDX-License-Identifier: GPL-3.0-or-later

extension Explanation {
    /// `王振宇（FH015）` / `王振宇 (FH015)`.
    func cadreName(_ cadreID: CadreID) -> String {
        let name = run.cadreByID[cadreID]?.name ?? index.cadres[cadreID]?.name ?? cadreID.rawValue
        return language == .zh ? "\(name)（\(cadreID)）" : "\(name) (\(cadreID))"
    }

    /// `区民政局社会救助科副科长（MZJ-03）` / `社会救助科副科长, 区民政局 (MZJ-03)`.
    func positionName(_ positionID: PositionID) -> String {
        guard let position = run.positionByID[positionID] else { return positionID.rawValue }
        let unit = run.unitName(position.unitID)
        return language == .zh ? "\(unit)\(position.title)（\(positionID)）" : "\(position.title), \(unit) (\(positionID))"
    }

    func unitName(_ unitID: UnitID) -> String { run.unitName(unitID) }

    /// A score or fit with the run's decimals.
    func score(_ hundredths: Int) -> String { run.score(hundredths) }

    func joined(_ items: [String]) -> String { items.joined(separator: language == .zh ? "、" : ", ") }

    func verdictText(_ verdict: Verdict) -> String {
        let summary = language == .zh ? verdict.rule.chineseSummary : verdict.rule.summary
        let text = verdict.verdict == .fail
            ? ExplainTexts.fails(verdict.rule.rawValue, verdict.rule.clause, summary, verdict.detail(in: language))
            : ExplainTexts.flagged(verdict.rule.rawValue, verdict.rule.clause, summary, verdict.detail(in: language))
        return text(language)
    }

    /// One line as text, indented by its depth.
    public func render(_ line: ExplanationLine) -> String {
        String(repeating: "  ", count: line.depth) + text(of: line.statement)
    }

    /// A statement as a sentence in the explanation's language.
    public func text(of statement: ExplanationStatement) -> String {
        let say: (ExplainTexts) -> String = { $0(language) }
        switch statement {
        case .identity(let cadreID):
            guard let cadre = run.cadreByID[cadreID] else { return cadreName(cadreID) }
            let unit = unitName(cadre.unitID)
            let post = cadre.positionID.flatMap { run.positionByID[$0]?.title } ?? ""
            let where_ = language == .zh ? unit + post : (post.isEmpty ? unit : "\(post), \(unit)")
            return say(.identity(cadreName(cadreID), where_, say(.level(cadre.level))))
        case .mayCompete: return say(.mayCompete)
        case .mayNotCompete: return say(.mayNotCompete)
        case .verdict(let verdict): return verdictText(verdict)
        case .noApplications: return say(.noApplications)
        case .applied(let positionID, let preference):
            return preference.map { say(.appliedPreference($0, positionName(positionID))) } ?? say(.applied(positionName(positionID)))
        case .notApplied(let positionID): return say(.notApplied(positionName(positionID)))
        case .wouldQualify: return say(.wouldQualify)
        case .wouldFail(let verdicts): return say(.wouldFail(verdicts.map(verdictText).joined(separator: " ")))
        case .notEligibleApplicant: return say(.notEligibleApplicant)
        case .positionWithdrawn(let withdrawal): return say(.positionWithdrawn(withdrawal.rule.rawValue, withdrawal.detail(in: language)))
        case .awaitingInterview: return say(.awaitingInterview)
        case .score(_, let value, let judges, let recused):
            return recused > 0 ? say(.scoreRecused(score(value), judges, recused)) : say(.score(score(value), judges))
        case .belowPassMark(_, let value, let mark):
            return say(.belowPassMark(score(value), score(mark), score(mark - value)))
        case .ranked(_, let place, let count): return say(.ranked(place, count))
        case .outrankedByScore(_, let other, let theirs, let mine):
            return say(.outrankedByScore(cadreName(other), score(theirs), score(theirs - mine)))
        case .outrankedByTie(_, let other, let key, let theirs, let mine):
            return say(.outrankedByTie(cadreName(other), say(.tieKey(key)), theirs, mine))
        case .moreAbove(let count): return say(.moreAbove(count))
        case .proposed(let positionID, let next, let mine, let nextScore):
            guard let next, let nextScore else { return say(.proposedAlone) }
            if nextScore == mine {
                let key = tieKey(positionID, run.shortlist(of: positionID).first?.cadreID ?? next, next)
                let ranking = self.ranking
                return say(.proposedByTie(cadreName(next), say(.tieKey(key)), ranking.value(of: key, for: run.shortlist(of: positionID)[0].cadreID).description,
                                          ranking.value(of: key, for: next).description))
            }
            return say(.proposed(cadreName(next), score(mine - nextScore)))
        case .alternate(_, let rank, let first, let firstScore, let mine):
            return say(.alternate(rank, cadreName(first), score(firstScore - mine)))
        case .belowCutoff(_, let size, let last, let lastScore, let mine):
            return say(.belowCutoff(size, cadreName(last), score(lastScore), score(lastScore - mine)))
        case .belowCutoffByTie(_, let last, let key, let theirs, let mine):
            return say(.belowCutoffByTie(cadreName(last), say(.tieKey(key)), theirs, mine))
        case .onPreferredList(_, let preferred, let preference, let rank):
            return say(.onPreferredList(positionName(preferred), preference, rank))
        case .listedAllRankAbove: return say(.listedAllRankAbove)
        case .placedByCompetition(let positionID): return say(.placedByCompetition(positionName(positionID)))
        case .placedByTransfer(let positionID, let fit): return say(.placedByTransfer(positionName(positionID), score(fit)))
        case .notPlaced: return say(.notPlaced)
        case .due(let record): return say(.due(record.reasons(in: language).joined(separator: language == .zh ? "；" : "; ")))
        case .exempt(let months, let threshold): return say(.exempt(months, threshold))
        case .transferNotRun(let preInterview): return say(preInterview ? .transferNotRunPreInterview : .transferNotRunDisabled)
        case .transferInfeasible: return say(.transferInfeasible)
        case .notCandidateFails(let rules): return say(.notCandidateFails(joined(rules.map(\.rawValue))))
        case .notCandidate(let exempt): return say(exempt ? .notCandidateExempt : .notCandidateNeither)
        case .candidate(let due): return say(due ? .candidateDue : .candidateAccepts)
        case .noVacancies: return say(.noVacancies)
        case .noSuitableVacancy(let count, let ownUnit, let level, let requirement, let town):
            var reasons: [String] = []
            if ownUnit > 0 { reasons.append(say(.inOwnUnit(ownUnit))) }
            if level > 0 { reasons.append(say(.otherLevel(level))) }
            if requirement > 0 { reasons.append(say(.requirementNotMet(requirement))) }
            if town > 0 { reasons.append(say(.townYears(town))) }
            return say(.noSuitableVacancy(count, joined(reasons)))
        case .vacancyTaken(let positionID, let other, let theirs, let mine, let theyAreDue, let iAmDue):
            return theyAreDue && !iAmDue
                ? say(.vacancyTakenByDue(positionName(positionID), cadreName(other), score(theirs), score(mine)))
                : say(.vacancyTaken(positionName(positionID), cadreName(other), score(theirs), score(mine)))
        case .capBound(let positionID, let from, let to, let cap, let moved):
            return say(.capBound(positionName(positionID), unitName(from), unitName(to), cap, joined(moved.map(cadreName)), moved.count))
        case .vacancyLeftEmpty(let positionID): return say(.vacancyLeftEmpty(positionName(positionID)))
        }
    }
}
