// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// model.md, enumerated: every feasible shortlist selection and every feasible transfer
/// assignment of a small scenario, with the lexicographic objective compared as tuples. Written
/// from the text of model.md only (the rules' outputs — applicants, rank orders, verdicts, due
/// records — are its inputs), never from the formulation.
enum BruteForce {
    typealias Key = Adjudication.PairKey

    /// Lexicographic objective values, compared as tuples.
    struct Levels: Comparable, Equatable, CustomStringConvertible {
        var a: Int, b: Int, c: Int
        static func < (l: Levels, r: Levels) -> Bool { (l.a, l.b, l.c) < (r.a, r.b, r.c) }
        var description: String { "(\(a), \(b), \(c))" }
    }

    // MARK: Shortlist (preferences mode)

    struct ShortlistInput {
        /// Positions that can be competed (≥ r passed), with their passed applicants in rank order.
        var positions: [(id: PositionID, ranked: [CadreID])]
        var preference: [Key: Int]
        var score: [Key: Int]
        var ratio: Int
        var maxPreference: Int

        init(_ adjudication: Adjudication) {
            let scenario = adjudication.scenario
            ratio = scenario.rules.shortlistRatio
            maxPreference = scenario.maxPreferences
            var preference: [Key: Int] = [:]
            for application in scenario.applications { preference[Key(cadre: application.cadreID, position: application.positionID)] = application.preference }
            self.preference = preference
            var score: [Key: Int] = [:]
            var positions: [(PositionID, [CadreID])] = []
            for positionID in adjudication.competedPositions {
                let ranked = adjudication.ranked[positionID] ?? []
                for entry in ranked { score[Key(cadre: entry.cadreID, position: positionID)] = entry.scoreHundredths }
                if ranked.count >= ratio { positions.append((positionID, ranked.map(\.cadreID))) }
            }
            self.positions = positions
            self.score = score
        }

        /// model.md's constraints on a selection of pairs and competed positions.
        func feasible(selected: Set<Key>, competed: Set<PositionID>, envy: Bool) -> Bool {
            var listOf: [CadreID: PositionID] = [:]
            for key in selected {
                if listOf[key.cadreID] != nil { return false }   // Σ_j x_ij ≤ 1
                listOf[key.cadreID] = key.positionID
            }
            for position in positions {
                let count = position.ranked.filter { selected.contains(Key(cadre: $0, position: position.id)) }.count
                if count != (competed.contains(position.id) ? ratio : 0) { return false }   // Σ_i x_ij = r z_j
            }
            guard envy else { return true }
            for position in positions where competed.contains(position.id) {
                for (place, cadre) in position.ranked.enumerated() {
                    let p = preference[Key(cadre: cadre, position: position.id)] ?? 1
                    // Σ_{j': p_ij' ≤ p_ij} x_ij'
                    var atLeastAsLiked = 0
                    if let own = listOf[cadre], (preference[Key(cadre: cadre, position: own)] ?? 1) <= p { atLeastAsLiked = 1 }
                    let above = position.ranked[..<place].filter { selected.contains(Key(cadre: $0, position: position.id)) }.count
                    if ratio * atLeastAsLiked + above < ratio { return false }
                }
            }
            return true
        }

        func levels(selected: Set<Key>, competed: Set<PositionID>) -> Levels {
            var preferences = 0
            var scores = 0
            for key in selected {
                preferences += maxPreference + 1 - (preference[key] ?? 1)
                scores += score[key] ?? 0
            }
            return Levels(a: competed.count, b: preferences, c: scores)
        }

        /// The lexicographic optimum over every feasible selection, and how many selections are feasible.
        func optimum(envy: Bool) -> (best: Levels, feasible: Int) {
            var best = Levels(a: -1, b: 0, c: 0)
            var feasibleCount = 0
            var selected = Set<Key>()
            var competed = Set<PositionID>()
            var used = Set<CadreID>()
            func visit(_ k: Int) {
                if k == positions.count {
                    if feasible(selected: selected, competed: competed, envy: envy) {
                        feasibleCount += 1
                        best = max(best, levels(selected: selected, competed: competed))
                    }
                    return
                }
                visit(k + 1)   // z = 0
                let position = positions[k]
                for subset in Self.subsets(of: position.ranked, size: ratio) where subset.allSatisfy({ !used.contains($0) }) {
                    competed.insert(position.id)
                    for cadre in subset { selected.insert(Key(cadre: cadre, position: position.id)); used.insert(cadre) }
                    visit(k + 1)
                    for cadre in subset { selected.remove(Key(cadre: cadre, position: position.id)); used.remove(cadre) }
                    competed.remove(position.id)
                }
            }
            visit(0)
            return (best, feasibleCount)
        }

        static func subsets(of items: [CadreID], size: Int) -> [[CadreID]] {
            if size == 0 { return [[]] }
            guard items.count >= size else { return [] }
            var result: [[CadreID]] = []
            for (index, item) in items.enumerated() {
                for rest in subsets(of: Array(items[(index + 1)...]), size: size - 1) { result.append([item] + rest) }
            }
            return result
        }
    }

    // MARK: Transfer phase

    struct TransferInput {
        struct Pair { var cadre: CadreID; var position: PositionID; var from: UnitID; var to: UnitID; var fit: Int }
        var vacancies: [PositionID]
        var candidates: [CadreID]
        var due: Set<CadreID>
        var pairs: [Pair]
        /// max(cap, competition moves) − competition moves, per "from→to".
        var allowance: [String: Int]
        var placeAllDue: Bool

        /// From the scenario, its verdicts and the competition phase's placements, per model.md.
        init(_ adjudication: Adjudication, competitionPlacements: [Plan.Placement]) {
            let scenario = adjudication.scenario
            let settings = scenario.transfer
            let placed = Set(competitionPlacements.map(\.cadreID))
            let filled = Set(competitionPlacements.map(\.positionID))
            vacancies = scenario.positions.filter { $0.offered && !filled.contains($0.id) }.map(\.id).sorted()
            var failsOther = Set<CadreID>()
            var failsTerm = Set<CadreID>()
            for verdict in adjudication.personVerdicts where verdict.verdict == .fail {
                if verdict.rule == .term { failsTerm.insert(verdict.cadreID) } else { failsOther.insert(verdict.cadreID) }
            }
            let dueNotExempt = Set(adjudication.rotationDue.filter { !$0.exempt }.map(\.cadreID))
            let cadres = scenario.cadres.filter { !placed.contains($0.id) && !failsOther.contains($0.id)
                && (dueNotExempt.contains($0.id) || $0.acceptsTransfer) }
            candidates = cadres.map(\.id).sorted()
            due = Set(candidates).intersection(dueNotExempt)
            let fits = Dictionary(scenario.transferFits.map { (Key(cadre: $0.cadreID, position: $0.positionID), $0.fitHundredths) },
                                  uniquingKeysWith: { a, _ in a })
            let positions = Dictionary(uniqueKeysWithValues: scenario.positions.map { ($0.id, $0) })
            var pairs: [Pair] = []
            for cadre in cadres.sorted(by: { $0.id < $1.id }) {
                for id in vacancies {
                    let position = positions[id]!
                    if cadre.unitID == position.unitID { continue }                      // P-OWNUNIT
                    if !position.identities.contains(cadre.identity) { continue }        // P-REQUIRE
                    if let needed = position.minEducation, cadre.education < needed { continue }
                    precondition(cadre.townRecruited == nil, "the brute force does not model P-TOWN5")
                    let step = position.level.rawValue - cadre.level.rawValue
                    if settings.sameLevelOnly {
                        if step != 0 { continue }
                    } else {
                        if step < 0 || step > 1 { continue }                             // P-LEVEL
                        if step == 1 {
                            if failsTerm.contains(cadre.id) { continue }                 // E-TERM
                            let months = cadre.levelSince.months(to: scenario.referenceDate)
                            let needed = cadre.level == .staff ? scenario.rules.monthsStaffBeforeDeputy : scenario.rules.monthsDeputyBeforeChief
                            if months < needed && !cadre.exceptionalApproved { continue } // E-RANK
                        }
                    }
                    pairs.append(Pair(cadre: cadre.id, position: id, from: cadre.unitID, to: position.unitID,
                                      fit: fits[Key(cadre: cadre.id, position: id)] ?? 0))
                }
            }
            self.pairs = pairs
            var moves: [String: Int] = [:]
            for placement in competitionPlacements { moves["\(placement.fromUnitID)→\(placement.toUnitID)", default: 0] += 1 }
            var allowance: [String: Int] = [:]
            for pair in pairs {
                let key = "\(pair.from)→\(pair.to)"
                allowance[key] = max(settings.maxPerUnitPair, moves[key] ?? 0) - (moves[key] ?? 0)
            }
            self.allowance = allowance
            placeAllDue = settings.placeAllDue
        }

        func levels(of chosen: [Pair]) -> Levels {
            Levels(a: chosen.filter { due.contains($0.cadre) }.count, b: chosen.count, c: chosen.reduce(0) { $0 + $1.fit })
        }

        /// Whether `chosen` is a feasible y.
        func feasible(_ chosen: [Pair], mustPlace: Set<CadreID>) -> Bool {
            var cadres = Set<CadreID>(), positions = Set<PositionID>(), used: [String: Int] = [:]
            for pair in chosen {
                if !cadres.insert(pair.cadre).inserted || !positions.insert(pair.position).inserted { return false }
                used["\(pair.from)→\(pair.to)", default: 0] += 1
            }
            for (key, count) in used where count > allowance[key] ?? 0 { return false }
            return mustPlace.isSubset(of: cadres)
        }

        /// The lexicographic optimum over every feasible y; nil when no y places every cadre of
        /// `mustPlace` (by default: the due candidates under place_all_due, else nobody).
        func optimum(mustPlace: Set<CadreID>? = nil) -> Levels? {
            let required = mustPlace ?? (placeAllDue ? due : [])
            let people = candidates
            let byCadre = Dictionary(grouping: pairs, by: \.cadre)
            var best: Levels?
            var chosen: [Pair] = []
            var usedPositions = Set<PositionID>()
            var usedCap: [String: Int] = [:]
            func visit(_ k: Int) {
                if k == people.count {
                    let value = levels(of: chosen)
                    if best == nil || best! < value { best = value }
                    return
                }
                let cadre = people[k]
                if !required.contains(cadre) { visit(k + 1) }
                for pair in byCadre[cadre] ?? [] where !usedPositions.contains(pair.position) {
                    let key = "\(pair.from)→\(pair.to)"
                    guard usedCap[key, default: 0] < allowance[key] ?? 0 else { continue }
                    usedPositions.insert(pair.position)
                    usedCap[key, default: 0] += 1
                    chosen.append(pair)
                    visit(k + 1)
                    chosen.removeLast()
                    usedCap[key]! -= 1
                    usedPositions.remove(pair.position)
                }
            }
            visit(0)
            return best
        }
    }
}
