// SPDX-License-Identifier: GPL-3.0-or-later

/// Everything the rules decide before any optimization: verdicts, applicants, scores, rank orders,
/// ties, rotation due and quotas (model.md "Inputs after the rules are applied").
///
/// ```swift
/// let adjudication = Adjudication(scenario: scenario)
/// adjudication.applicants["P01"]     // eligible applicants of P01, by cadre id
/// adjudication.ranked["P01"]         // passed applicants in rank order, with scores
/// ```
public struct Adjudication: Sendable {
    public enum Stage: String, Sendable { case final, preInterview = "pre-interview" }

    public let scenario: Scenario
    public let index: ScenarioIndex
    public let stage: Stage
    /// Person-level verdicts of every cadre (applicant or not), in report order.
    public let personVerdicts: [Verdict]
    /// Per-application verdicts (E-APPLY and the pair rules), in report order.
    public let applicationVerdicts: [Verdict]
    /// C-JUDGES and C-PASS verdicts of the scored pairs, in report order.
    public let scoringVerdicts: [Verdict]
    /// Eligible applicants of each offered position, by cadre id.
    public let applicants: [PositionID: [CadreID]]
    /// Offered positions withdrawn by C-MIN2, with the applicant count.
    public let withdrawnForTooFewApplicants: [(positionID: PositionID, applicants: Int)]
    /// Offered positions that are scored (not withdrawn by C-MIN2), by id.
    public let competedPositions: [PositionID]
    /// Interview outcome per scored pair.
    public let scores: [PairKey: InterviewScoring.Outcome]
    /// Passed applicants of each scored position, in rank order.
    public let ranked: [PositionID: [(cadreID: CadreID, scoreHundredths: Int)]]
    public let ties: [Ranking.Tie]
    public let rotationDue: [RotationDue.Record]
    public let quota: [QuotaCheck.Record]
    /// Cadres with no person-level `fail`.
    public let personallyEligible: Set<CadreID>
    /// The preference of each application (1 unless preferences mode numbers them).
    public let preferences: [PairKey: Int]

    /// A (cadre, position) key.
    public struct PairKey: Hashable, Sendable, Comparable {
        public var cadreID: CadreID
        public var positionID: PositionID
        public init(cadre cadreID: CadreID, position positionID: PositionID) {
            self.cadreID = cadreID
            self.positionID = positionID
        }
        public static func < (lhs: PairKey, rhs: PairKey) -> Bool {
            lhs.positionID != rhs.positionID ? idPrecedes(lhs.positionID, rhs.positionID) : idPrecedes(lhs.cadreID, rhs.cadreID)
        }
    }

    /// Applies every rule to a validated scenario.
    ///
    /// - Complexity: O(cadres + applications + interview rows · log) plus the sorts of the reports.
    public init(scenario: Scenario) {
        self.scenario = scenario
        let index = scenario.index()
        self.index = index
        stage = scenario.interviews == nil ? .preInterview : .final
        preferences = Dictionary(scenario.applications.map { (PairKey(cadre: $0.cadreID, position: $0.positionID), $0.preference) },
                                 uniquingKeysWith: { first, _ in first })
        let personRules = PersonRules(scenario: scenario, index: index)
        let pairRules = PairRules(scenario: scenario, index: index)

        var person: [Verdict] = []
        var eligible = Set<CadreID>()
        for cadre in scenario.cadres {
            let verdicts = personRules.verdicts(for: cadre)
            person += verdicts
            if !verdicts.contains(where: { $0.verdict == .fail }) { eligible.insert(cadre.id) }
        }
        personVerdicts = person.sorted(by: Verdict.reportOrder)
        personallyEligible = eligible

        var pair: [Verdict] = []
        var applicantsOf: [PositionID: [CadreID]] = [:]
        for application in scenario.applications {
            guard let cadre = index.cadres[application.cadreID], let position = index.positions[application.positionID],
                  position.offered else { continue }
            let verdicts = pairRules.verdicts(for: application, cadre: cadre, position: position)
            pair += verdicts
            if eligible.contains(cadre.id), !verdicts.contains(where: { $0.verdict == .fail }) {
                applicantsOf[position.id, default: []].append(cadre.id)
            }
        }
        applicationVerdicts = pair.sorted(by: Verdict.reportOrder)
        var applicantsSorted: [PositionID: [CadreID]] = [:]
        for (positionID, cadreIDs) in applicantsOf { applicantsSorted[positionID] = cadreIDs.sorted(by: idPrecedes) }
        applicants = applicantsSorted

        // C-MIN2.
        var withdrawn: [(PositionID, Int)] = []
        var competed: [PositionID] = []
        for position in scenario.positions.filter(\.offered).sorted(by: { idPrecedes($0.id, $1.id) }) {
            let count = applicantsSorted[position.id]?.count ?? 0
            if count < scenario.rules.minApplicants { withdrawn.append((position.id, count)) } else { competed.append(position.id) }
        }
        withdrawnForTooFewApplicants = withdrawn
        competedPositions = competed

        // Scoring, ranking and ties (final stage only).
        var outcomes: [PairKey: InterviewScoring.Outcome] = [:]
        var rankedLists: [PositionID: [(cadreID: CadreID, scoreHundredths: Int)]] = [:]
        var tieRows: [Ranking.Tie] = []
        var scoring: [Verdict] = []
        if let interviews = scenario.interviews {
            var rowsByPair: [PairKey: [JudgeScore]] = [:]
            for row in interviews { rowsByPair[PairKey(cadre: row.cadreID, position: row.positionID), default: []].append(row) }
            let scorer = InterviewScoring(rules: scenario.rules)
            let ranking = Ranking(scenario: scenario, index: index)
            for positionID in competed {
                var passed: [(cadreID: CadreID, scoreHundredths: Int)] = []
                for cadreID in applicantsSorted[positionID] ?? [] {
                    let key = PairKey(cadre: cadreID, position: positionID)
                    let outcome = scorer.score(cadreID: cadreID, positionID: positionID, rows: rowsByPair[key] ?? [])
                    outcomes[key] = outcome
                    scoring += outcome.verdicts
                    if outcome.passed, let score = outcome.scoreHundredths { passed.append((cadreID, score)) }
                }
                let order = ranking.rank(passed)
                rankedLists[positionID] = order
                tieRows += ranking.ties(positionID: positionID, ranked: order)
            }
        }
        scores = outcomes
        ranked = rankedLists
        ties = tieRows
        scoringVerdicts = scoring.sorted(by: Verdict.reportOrder)

        let due = RotationDue(scenario: scenario, index: index).records()
        rotationDue = due
        quota = QuotaCheck(scenario: scenario, index: index).records(due: due)
    }

    /// Every verdict for eligibility.csv, in report order.
    public var allVerdicts: [Verdict] {
        (personVerdicts + applicationVerdicts + scoringVerdicts).sorted(by: Verdict.reportOrder)
    }

    /// Offered positions awaiting interview in the pre-interview stage.
    public var positionsAwaitingInterview: [PositionID] { stage == .preInterview ? competedPositions : [] }

    /// The score of a pair in hundredths, if scored.
    public func score(_ cadreID: CadreID, _ positionID: PositionID) -> Int? {
        scores[PairKey(cadre: cadreID, position: positionID)]?.scoreHundredths
    }

    /// The preference a cadre gave a position (1 if the application has none).
    public func preference(_ cadreID: CadreID, _ positionID: PositionID) -> Int {
        preferences[PairKey(cadre: cadreID, position: positionID)] ?? 1
    }
}
