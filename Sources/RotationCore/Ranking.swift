// SPDX-License-Identifier: GPL-3.0-or-later

/// Rank order of the passed applicants of a position (model.md "Rank order"): score, then the `ties` keys.
public struct Ranking: Sendable {
    public let scenario: Scenario
    public let index: ScenarioIndex
    let personRules: PersonRules

    public init(scenario: Scenario, index: ScenarioIndex) {
        self.scenario = scenario
        self.index = index
        self.personRules = PersonRules(scenario: scenario, index: index)
    }

    /// One adjacent pair with equal rounded scores, and the key that ordered it.
    public struct Tie: Sendable, Equatable {
        public var positionID: PositionID
        public var aboveCadreID: CadreID
        public var belowCadreID: CadreID
        public var scoreHundredths: Int
        public var key: RuleSettings.TieKey
        public init(positionID: PositionID, aboveCadreID: CadreID, belowCadreID: CadreID, scoreHundredths: Int, key: RuleSettings.TieKey) {
            self.positionID = positionID; self.aboveCadreID = aboveCadreID; self.belowCadreID = belowCadreID
            self.scoreHundredths = scoreHundredths; self.key = key
        }
    }

    /// The value of a tie key for a cadre; higher ranks first except `cadre_id`.
    public enum KeyValue: Sendable, Equatable, CustomStringConvertible {
        case share(Fraction)
        case count(Int)
        case text(String)
        public var description: String {
            switch self {
            case .share(let value): return value.description
            case .count(let value): return "\(value)"
            case .text(let value): return value
            }
        }
    }

    /// evaluation_good_share: good ÷ took part of a valid evaluation, else 0.
    public func goodShare(_ cadreID: CadreID) -> Fraction {
        guard let record = index.evaluations[cadreID], personRules.evaluationIsValid(record), record.tookPart > 0 else {
            return Fraction(0)
        }
        return Fraction(record.good, record.tookPart)
    }

    /// excellent_assessments: 优秀 grades in the assessment years.
    public func excellentCount(_ cadreID: CadreID) -> Int {
        let grades = index.assessments[cadreID] ?? [:]
        return scenario.rules.assessmentYears.filter { grades[$0] == .excellent }.count
    }

    /// months_in_level: months from level_since to the reference date.
    public func monthsInLevel(_ cadreID: CadreID) -> Int {
        guard let cadre = index.cadres[cadreID] else { return 0 }
        return cadre.levelSince.months(to: scenario.referenceDate)
    }

    public func value(of key: RuleSettings.TieKey, for cadreID: CadreID) -> KeyValue {
        switch key {
        case .evaluationGoodShare: return .share(goodShare(cadreID))
        case .excellentAssessments: return .count(excellentCount(cadreID))
        case .monthsInLevel: return .count(monthsInLevel(cadreID))
        case .cadreID: return .text(cadreID.rawValue)
        }
    }

    /// Whether `lhs` ranks above `rhs` on `key` (nil when equal on it).
    func precedes(_ lhs: CadreID, _ rhs: CadreID, on key: RuleSettings.TieKey) -> Bool? {
        switch (value(of: key, for: lhs), value(of: key, for: rhs)) {
        case let (.share(a), .share(b)): return a == b ? nil : b < a
        case let (.count(a), .count(b)): return a == b ? nil : a > b
        case let (.text(a), .text(b)): return a == b ? nil : idPrecedes(a, b)
        default: return nil
        }
    }

    /// The first tie key on which two cadres differ.
    public func decidingKey(_ lhs: CadreID, _ rhs: CadreID) -> RuleSettings.TieKey {
        for key in scenario.rules.effectiveTies where precedes(lhs, rhs, on: key) != nil { return key }
        return .cadreID
    }

    /// Sorts (cadre, score) pairs into rank order: higher score first, then the tie keys.
    ///
    /// - Complexity: O(n log n · k) for n applicants and k tie keys.
    public func rank(_ scored: [(cadreID: CadreID, scoreHundredths: Int)]) -> [(cadreID: CadreID, scoreHundredths: Int)] {
        scored.sorted { lhs, rhs in
            if lhs.scoreHundredths != rhs.scoreHundredths { return lhs.scoreHundredths > rhs.scoreHundredths }
            return precedes(lhs.cadreID, rhs.cadreID, on: decidingKey(lhs.cadreID, rhs.cadreID)) ?? false
        }
    }

    /// The ties of a ranked list: adjacent pairs with equal scores, with the key that ordered them.
    public func ties(positionID: PositionID, ranked: [(cadreID: CadreID, scoreHundredths: Int)]) -> [Tie] {
        guard ranked.count > 1 else { return [] }
        var found: [Tie] = []
        for position in 1..<ranked.count where ranked[position - 1].scoreHundredths == ranked[position].scoreHundredths {
            let above = ranked[position - 1].cadreID
            let below = ranked[position].cadreID
            found.append(Tie(positionID: positionID, aboveCadreID: above, belowCadreID: below,
                             scoreHundredths: ranked[position].scoreHundredths, key: decidingKey(above, below)))
        }
        return found
    }
}
