// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// Cadre-proposing deferred acceptance over the shortlist formulation: each cadre proposes to their
/// passed positions in preference order; each position holds its best `listSize` proposers in rank
/// order and rejects the rest.
///
/// When every position ends with a full list, this is the whole lexicographic optimum of model.md:
/// - level 1: every competable position is competed, which is the upper bound;
/// - a plan that competes every position is exactly a stable matching with capacities `listSize`
///   (no justified envy = no blocking pair), and the cadre-proposing one gives every cadre their best
///   stable position, so it alone maximizes preferences met (level 2), which fixes level 3.
///
/// When some list stays short the answer is left to the MILP.
///
/// ```swift
/// let result = DeferredAcceptance.run(formulation)
/// if result.allFull { /* result.selected is optimal */ }
/// ```
/// - Complexity: O(pairs · log(listSize)) proposals.
enum DeferredAcceptance {
    struct Result {
        /// Indices into `formulation.pairs` of the shortlisted pairs.
        var selected: [Int]
        /// Every position's list is full.
        var allFull: Bool
    }

    static func run(_ formulation: ShortlistFormulation) -> Result {
        let pairs = formulation.pairs
        let positionOffset = Dictionary(uniqueKeysWithValues: formulation.positions.enumerated().map { ($1.positionID, $0) })
        // Each cadre's passed pairs, best preference first (position id breaks equal numbers, which validation forbids).
        var proposals: [CadreID: [Int]] = [:]
        for (k, pair) in pairs.enumerated() { proposals[pair.cadreID, default: []].append(k) }
        for cadre in proposals.keys {
            proposals[cadre]!.sort {
                (pairs[$0].preference, pairs[$0].positionID) < (pairs[$1].preference, pairs[$1].positionID)
            }
        }
        var nextChoice: [CadreID: Int] = [:]
        var held: [[Int]] = Array(repeating: [], count: formulation.positions.count)
        var free = proposals.keys.sorted(by: idPrecedes).reversed().map { $0 }
        while let cadre = free.popLast() {
            let choices = proposals[cadre]!
            let next = nextChoice[cadre, default: 0]
            guard next < choices.count else { continue }
            nextChoice[cadre] = next + 1
            let k = choices[next]
            let p = positionOffset[pairs[k].positionID]!
            held[p].append(k)
            held[p].sort { pairs[$0].rankIndex < pairs[$1].rankIndex }
            if held[p].count > formulation.positions[p].listSize {
                let rejected = held[p].removeLast()
                free.append(pairs[rejected].cadreID)
            }
        }
        let allFull = held.enumerated().allSatisfy { $1.count == formulation.positions[$0].listSize }
        return Result(selected: held.flatMap { $0 }.sorted(), allFull: allFull)
    }
}
