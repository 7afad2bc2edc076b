// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

/// The transfer phase without its unit-pair caps is a matching; this is its exact optimum, the
/// bound it gives, and the plan it seeds.
extension TransferPhase {
    /// The uncapped lexicographic matching of a phase.
    struct UncappedMatching {
        /// Per pair: chosen.
        var selected: [Bool]
        /// False when the run's deadline stopped the matching: `selected` is a matching, not
        /// proven best, and bounds nothing.
        var complete: Bool

        /// The selection when it is the proven optimum (a bound), else nil.
        var proven: [Bool]? { complete ? selected : nil }
    }

    /// The part of what is left of the run the uncapped matching may use: the rest stays for the
    /// fallback plan and GLPK.
    static let matchingShare = 0.8

    /// When the uncapped matching must stop: `matchingShare` of what is left before the run's deadline.
    func matchingDeadline(_ solver: LexicographicSolver, now: Date = Date()) -> Date {
        now.addingTimeInterval(max(0, solver.deadline.timeIntervalSince(now)) * Self.matchingShare)
    }

    /// GLPK's first solution, and the plan should time run out: the uncapped matching trimmed to
    /// the caps, or under `place_all_due` the fallback plan (nil when none was found).
    func startingPlan(_ uncapped: UncappedMatching, deadline: Date) -> [Bool]? {
        adjudication.scenario.transfer.placeAllDue
            ? fallbackPlan(from: uncapped.selected, placeAllDue: true, deadline: deadline)
            : trimmedToCaps(uncapped.selected)
    }

    /// A graph with at most this many cells (rows × columns) and at least a quarter of them edges
    /// is matched by the dense Hungarian method, faster there; any other by `SparseMatching`.
    static let largestDenseMatching = 4_000_000

    /// The lexicographic optimum of (due placed, vacancies filled, fit, baseline pairs kept) when no
    /// cap binds: one maximum-weight matching whose integer weights rank the levels exactly
    /// (each level's weight exceeds everything the later levels can add up to). Stops at
    /// `deadline` with the matching it has (`complete == false`).
    ///
    /// ```swift
    /// let uncapped = phase.lexicographicMatching(deadline: solver.deadline)
    /// // uncapped.complete: proven; uncapped.selected: per pair
    /// ```
    /// - Complexity: `SparseMatching` on the pairs (O(pairs) memory), or the Hungarian method on
    ///   a small dense graph.
    func lexicographicMatching(deadline: Date? = nil, now: () -> Date = Date.init) -> UncappedMatching {
        let most = Int64(min(candidates.count, vacancies.count))
        let keepWeight: Int64 = 1
        let fitWeight = most + 1
        let fillWeight = 10_000 * most * fitWeight + most + 1
        let dueWeight = (most + 1) * fillWeight
        func weight(_ pair: Pair) -> Int64 {
            var total = (pair.cadreIsDue ? dueWeight : 0) + fillWeight + Int64(pair.fitHundredths) * fitWeight
            if !keep.isEmpty && keep.contains(Adjudication.PairKey(cadre: pair.cadreID, position: pair.positionID)) { total += keepWeight }
            return total
        }
        // Rows are the smaller side: one search per row.
        let byVacancy = vacancies.count < candidates.count
        let rows = byVacancy ? vacancies.count : candidates.count
        let columns = byVacancy ? candidates.count : vacancies.count
        let result: SparseMatching.Result
        if rows * columns <= Self.largestDenseMatching && pairs.count * 4 >= rows * columns {
            let edges = pairs.map { pair in
                byVacancy ? (row: Int(pair.vacancyIndex), column: Int(pair.cadreIndex), weight: weight(pair))
                    : (row: Int(pair.cadreIndex), column: Int(pair.vacancyIndex), weight: weight(pair))
            }
            result = HungarianMatching.maximumWeight(rows: rows, columns: columns, edges: edges, deadline: deadline, now: now)
        } else {
            let graph = SparseMatching.Graph(rows: rows, columns: columns) { add in
                for pair in pairs {
                    if byVacancy { add(Int(pair.vacancyIndex), Int(pair.cadreIndex), weight(pair)) } else {
                        add(Int(pair.cadreIndex), Int(pair.vacancyIndex), weight(pair))
                    }
                }
            }
            result = SparseMatching.maximumWeight(graph, deadline: deadline, now: now)
        }
        let selected = pairs.map { pair in
            byVacancy ? result.match[Int(pair.vacancyIndex)] == Int(pair.cadreIndex) : result.match[Int(pair.cadreIndex)] == Int(pair.vacancyIndex)
        }
        return UncappedMatching(selected: selected, complete: result.complete)
    }

    /// Drops the pairs of a selection that exceed a unit pair's cap, keeping the heaviest (due first, then fit).
    ///
    /// - Complexity: O(pairs + chosen · log chosen).
    func trimmedToCaps(_ selected: [Bool]) -> [Bool] {
        var result = selected
        var byUnitPair: [Int: [Int]] = [:]
        for (k, pair) in pairs.enumerated() where selected[k] { byUnitPair[Int(pair.unitPairIndex), default: []].append(k) }
        for (unitPair, members) in byUnitPair {
            let limit = unitPairLimit[unitPair]
            guard members.count > limit else { continue }
            let ordered = members.sorted {
                (pairs[$0].cadreIsDue ? 1 : 0, pairs[$0].fitHundredths, -$0) > (pairs[$1].cadreIsDue ? 1 : 0, pairs[$1].fitHundredths, -$1)
            }
            for k in ordered[limit...] { result[k] = false }
        }
        return result
    }

    /// Whether a selection keeps every row of the transfer model: each cadre and vacancy at most
    /// once, every unit-pair cap, and (with `place_all_due`) every due cadre placed.
    ///
    /// - Complexity: O(pairs).
    func keepsEveryRow(_ selected: [Bool], placeAllDue: Bool) -> Bool {
        var cadreUsed = [Bool](repeating: false, count: candidates.count)
        var vacancyUsed = [Bool](repeating: false, count: vacancies.count)
        var load = [Int](repeating: 0, count: unitPairs.count)
        for (k, pair) in pairs.enumerated() where selected[k] {
            let c = Int(pair.cadreIndex), v = Int(pair.vacancyIndex), u = Int(pair.unitPairIndex)
            guard !cadreUsed[c], !vacancyUsed[v] else { return false }
            cadreUsed[c] = true
            vacancyUsed[v] = true
            load[u] += 1
            guard load[u] <= unitPairLimit[u] else { return false }
        }
        guard placeAllDue else { return true }
        let dueSet = Set(dueCandidates)
        for (c, cadreID) in candidates.enumerated() where dueSet.contains(cadreID) && !cadreUsed[c] { return false }
        return true
    }
}
