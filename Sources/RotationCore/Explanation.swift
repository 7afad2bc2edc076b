// SPDX-License-Identifier: GPL-3.0-or-later

/// Why, for one cadre: eligibility, score, rank, who outranked them and by which key, the margin to
/// the cutoff or to the next candidate, and where they were placed or exactly why not.
///
/// Every statement is read from the run (`Run`: the shortlists, withdrawals, placements, eligibility,
/// rotation-due records, ties and transfer outcome it writes to its files) and, for what the run
/// files do not hold (scores of those not shortlisted, the order of all who passed), from the same
/// adjudication the run was made from. Nothing is re-decided here, so nothing can contradict the run;
/// `ExplainConsistencyTests` checks every statement against the run's files.
///
/// ```swift
/// let solved = try Pipeline.solve(loaded, Pipeline.Options())
/// let explanation = Explanation(adjudication: solved.adjudication, run: solved.run, language: .zh)
/// print(explanation.sentences(for: "FH021").joined(separator: "\n"))
/// ```
public struct Explanation: Sendable {
    public let adjudication: Adjudication
    public let run: Run
    public let language: Language

    /// At most this many cadres ranked above are named; the rest are counted.
    public static let namedAbove = 5

    public init(adjudication: Adjudication, run: Run, language: Language) {
        self.adjudication = adjudication
        self.run = run
        self.language = language
    }

    var index: ScenarioIndex { adjudication.index }
    var ranking: Ranking { Ranking(scenario: adjudication.scenario, index: index) }

    /// The explanation of one cadre as sentences, optionally for one position only.
    ///
    /// - Complexity: O(applications + placements + ranked applicants of the cadre's positions).
    public func sentences(for cadreID: CadreID, position: PositionID? = nil) -> [String] {
        lines(for: cadreID, position: position).map(render)
    }

    /// The explanation of one cadre as statements (empty for an unknown id).
    public func lines(for cadreID: CadreID, position onlyPosition: PositionID? = nil) -> [ExplanationLine] {
        guard let cadre = index.cadres[cadreID] else { return [] }
        var lines = [ExplanationLine(0, .identity(cadreID))]

        // Person-level rules, as eligibility.csv records them.
        let personal = run.eligibility.filter { $0.cadreID == cadreID && $0.positionID == nil }
        lines.append(ExplanationLine(0, personal.contains { $0.verdict == .fail } ? .mayNotCompete : .mayCompete))
        lines += personal.map { ExplanationLine(1, .verdict($0)) }

        // Applications.
        let applied = adjudication.scenario.applications.filter { $0.cadreID == cadreID }.map(\.positionID)
        if let onlyPosition {
            if applied.contains(onlyPosition) {
                lines += application(cadre, onlyPosition)
            } else {
                lines += unapplied(cadre, onlyPosition)
            }
        } else if applied.isEmpty {
            lines.append(ExplanationLine(0, .noApplications))
        } else {
            for positionID in applied { lines += application(cadre, positionID) }
        }

        // Placement.
        if onlyPosition == nil { lines += placement(cadre) }
        return lines
    }

    func unapplied(_ cadre: Cadre, _ positionID: PositionID) -> [ExplanationLine] {
        guard let position = index.positions[positionID] else { return [] }
        let rules = PairRules(scenario: adjudication.scenario, index: index)
        let verdicts = [rules.ownUnit(cadre, position), rules.scope(cadre, position), rules.town5(cadre, position),
                        rules.require(cadre, position), rules.level(cadre, position), rules.rank(cadre, position)].compactMap { $0 }
        return [ExplanationLine(0, .notApplied(positionID)), ExplanationLine(1, verdicts.isEmpty ? .wouldQualify : .wouldFail(verdicts))]
    }

    func application(_ cadre: Cadre, _ positionID: PositionID) -> [ExplanationLine] {
        let preference = run.mode == .preferences ? adjudication.preference(cadre.id, positionID) : nil
        var lines = [ExplanationLine(0, .applied(positionID, preference: preference))]
        // The application's own findings (eligibility.csv rows of this pair), C-PASS said below with its margin.
        let pair = run.eligibility.filter { $0.cadreID == cadre.id && $0.positionID == positionID }
        lines += pair.filter { $0.rule != .pass }.map { ExplanationLine(1, .verdict($0)) }
        let withdrawal = run.plan.withdrawn.first { $0.positionID == positionID }
        guard adjudication.applicants[positionID]?.contains(cadre.id) ?? false else {
            lines.append(ExplanationLine(1, .notEligibleApplicant(positionID)))
            return lines
        }
        if let withdrawal, withdrawal.rule == .min2 {
            lines.append(ExplanationLine(1, .positionWithdrawn(withdrawal)))
            return lines
        }
        if adjudication.stage == .preInterview {
            lines.append(ExplanationLine(1, .awaitingInterview(positionID)))
            return lines
        }
        let key = Adjudication.PairKey(cadre: cadre.id, position: positionID)
        if let outcome = adjudication.scores[key], let value = outcome.scoreHundredths {
            lines.append(ExplanationLine(1, .score(positionID, hundredths: value, judges: outcome.judgesCounted, recused: outcome.judgesRecused)))
            if pair.contains(where: { $0.rule == .pass && $0.verdict == .fail }) {
                lines.append(ExplanationLine(1, .belowPassMark(positionID, score: value, passMark: adjudication.scenario.rules.passMarkHundredths)))
            }
        }
        let order = adjudication.ranked[positionID] ?? []
        guard let place = order.firstIndex(where: { $0.cadreID == cadre.id }) else {
            if let withdrawal { lines.append(ExplanationLine(1, .positionWithdrawn(withdrawal))) }
            return lines
        }
        lines.append(ExplanationLine(1, .ranked(positionID, place: place + 1, of: order.count)))
        let mine = order[place].scoreHundredths
        for above in order[..<place].prefix(Self.namedAbove) {
            lines.append(ExplanationLine(2, outranked(positionID, above.cadreID, above.scoreHundredths, cadre.id, mine)))
        }
        if place > Self.namedAbove { lines.append(ExplanationLine(2, .moreAbove(place - Self.namedAbove))) }

        let list = run.shortlist(of: positionID)
        if let entry = list.first(where: { $0.cadreID == cadre.id }) {
            if entry.rank == 1 {
                let next = list.first { $0.rank == 2 }
                lines.append(ExplanationLine(1, .proposed(positionID, next: next?.cadreID, myScore: entry.scoreHundredths,
                                                          nextScore: next?.scoreHundredths)))
            } else if let first = list.first(where: { $0.rank == 1 }) {
                lines.append(ExplanationLine(1, .alternate(positionID, rank: entry.rank, first: first.cadreID, firstScore: first.scoreHundredths,
                                                           myScore: entry.scoreHundredths)))
            }
        } else if let withdrawal {
            lines.append(ExplanationLine(1, .positionWithdrawn(withdrawal)))
        } else if run.mode == .preferences {
            lines += notListedByPreference(cadre, positionID, list: list)
        } else if let last = list.last {
            lines.append(last.scoreHundredths == mine
                ? ExplanationLine(1, tieBelow(positionID, last.cadreID, cadre.id))
                : ExplanationLine(1, .belowCutoff(positionID, size: list.count, last: last.cadreID, lastScore: last.scoreHundredths, myScore: mine)))
        }
        return lines
    }

    /// Preferences mode, passed and not on this list: on a list they prefer, or everyone listed ranks above.
    func notListedByPreference(_ cadre: Cadre, _ positionID: PositionID, list: [Plan.ShortlistEntry]) -> [ExplanationLine] {
        if let elsewhere = run.plan.shortlist.first(where: { $0.cadreID == cadre.id && $0.positionID != positionID }) {
            return [ExplanationLine(1, .onPreferredList(positionID, preferred: elsewhere.positionID,
                                                        preference: adjudication.preference(cadre.id, elsewhere.positionID), rank: elsewhere.rank))]
        }
        return [ExplanationLine(1, .listedAllRankAbove(positionID))]
    }

    /// Why `above` ranks above `me`: a higher score, or a tie key (the one ties.csv records for an adjacent pair).
    func outranked(_ positionID: PositionID, _ above: CadreID, _ aboveScore: Int, _ me: CadreID, _ myScore: Int) -> ExplanationStatement {
        if aboveScore > myScore { return .outrankedByScore(positionID, by: above, theirScore: aboveScore, myScore: myScore) }
        let key = tieKey(positionID, above, me)
        return .outrankedByTie(positionID, by: above, key: key, theirs: ranking.value(of: key, for: above).description,
                               mine: ranking.value(of: key, for: me).description)
    }

    func tieBelow(_ positionID: PositionID, _ last: CadreID, _ me: CadreID) -> ExplanationStatement {
        let key = tieKey(positionID, last, me)
        return .belowCutoffByTie(positionID, last: last, key: key, theirs: ranking.value(of: key, for: last).description,
                                 mine: ranking.value(of: key, for: me).description)
    }

    func tieKey(_ positionID: PositionID, _ above: CadreID, _ below: CadreID) -> RuleSettings.TieKey {
        run.ties.first { $0.positionID == positionID && $0.cadreID == above && $0.otherCadreID == below }?.key
            ?? ranking.decidingKey(above, below)
    }
}
