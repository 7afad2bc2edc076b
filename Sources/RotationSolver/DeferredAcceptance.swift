// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
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
/// When some list stays short the answer is left to the MILP, and `incumbent` gives it a first
/// solution: positions whose list cannot fill are given up one at a time (the one furthest from
/// full first), their proposers move on to their next choices, until every list left is full.
/// That plan keeps every row of the model (each competed list full, no justified envy towards a
/// competed position), so GLPK starts from it and a time limit never ends with less.
///
/// ```swift
/// let result = DeferredAcceptance.run(formulation)
/// if result.allFull { /* result.selected is optimal */ }
/// let start = DeferredAcceptance.incumbent(formulation)   // start.competed: the lists kept
/// ```
/// - Complexity: O(pairs · listSize) proposals in all, plus O(positions) per position given up.
enum DeferredAcceptance {
    struct Result {
        /// Indices into `formulation.pairs` of the shortlisted pairs.
        var selected: [Int]
        /// Every position's list is full.
        var allFull: Bool
        /// Per position of `formulation.positions`: competed (kept, with a full list).
        var competed: [Bool]
        /// The local search ran until no list given up could be kept (false: `deadline` stopped it).
        /// Only a finished search gives the same plan on every run.
        var searchFinished = true
    }

    /// Deferred acceptance over every position.
    static func run(_ formulation: ShortlistFormulation) -> Result {
        var engine = Engine(formulation)
        engine.propose()
        return engine.result()
    }

    /// Deferred acceptance that gives up short lists one at a time until every kept list is full:
    /// a solution of every level's model (all lists full, no justified envy). Equal to `run` when
    /// `run` fills every list.
    ///
    /// Then, until `deadline`, a local search: each list given up is tried again (deferred
    /// acceptance over the kept lists and it, short lists given up as before); the attempt is kept
    /// when more lists end up competed. A list given up early may fill once later ones have freed
    /// their proposers.
    ///
    /// - Complexity: O(pairs + positions · lists given up) for the first plan; each attempt of the
    ///   search costs as much again, and the search stops at `deadline`.
    static func incumbent(_ formulation: ShortlistFormulation, deadline: Date = .distantPast) -> Result {
        var best = Engine(formulation)
        best.propose()
        best.giveUpShortLists()
        var improved = best.givenUp.contains(true)
        var finished = !improved
        search: while improved {
            improved = false
            for p in best.givenUp.indices where best.givenUp[p] {
                guard Date() < deadline else { break search }
                var trial = best
                trial.restart(keeping: p)
                if trial.competedCount > best.competedCount {
                    best = trial
                    improved = true
                }
            }
            finished = !improved
        }
        var result = best.result()
        result.searchFinished = finished
        return result
    }

    /// The proposal state on integer indices.
    private struct Engine {
        let formulation: ShortlistFormulation
        /// Per cadre: their pair indices, best preference first.
        var choices: [[Int]] = []
        var nextChoice: [Int] = []
        /// Per pair: its cadre's and its position's index.
        var cadreOf: [Int] = []
        var positionOf: [Int] = []
        /// Per position: the held pairs in rank order; whether it is given up.
        var held: [[Int]]
        var givenUp: [Bool]
        /// Cadres with no held pair and choices left, popped from the end.
        var free: [Int] = []
        /// Cadre indices in id order.
        var cadreOrder: [Int] = []

        init(_ formulation: ShortlistFormulation) {
            self.formulation = formulation
            let pairs = formulation.pairs
            var positionOffset: [PositionID: Int] = [:]
            for (p, position) in formulation.positions.enumerated() { positionOffset[position.positionID] = p }
            var cadreOffset: [CadreID: Int] = [:]
            var cadreIDs: [CadreID] = []
            for pair in pairs where cadreOffset[pair.cadreID] == nil {
                cadreOffset[pair.cadreID] = cadreIDs.count
                cadreIDs.append(pair.cadreID)
            }
            choices = Array(repeating: [], count: cadreIDs.count)
            cadreOf.reserveCapacity(pairs.count)
            positionOf.reserveCapacity(pairs.count)
            for (k, pair) in pairs.enumerated() {
                let c = cadreOffset[pair.cadreID]!
                choices[c].append(k)
                cadreOf.append(c)
                positionOf.append(positionOffset[pair.positionID]!)
            }
            // Best preference first (position id breaks equal numbers, which validation forbids).
            for c in choices.indices {
                choices[c].sort { (pairs[$0].preference, pairs[$0].positionID) < (pairs[$1].preference, pairs[$1].positionID) }
            }
            nextChoice = Array(repeating: 0, count: cadreIDs.count)
            held = Array(repeating: [], count: formulation.positions.count)
            givenUp = Array(repeating: false, count: formulation.positions.count)
            // Cadres in id order (the result does not depend on the order; the work does not either).
            cadreOrder = cadreIDs.indices.sorted { idPrecedes(cadreIDs[$0], cadreIDs[$1]) }
            free = Array(cadreOrder.reversed())
        }

        /// Proposals until no free cadre has a choice left.
        mutating func propose() {
            let pairs = formulation.pairs
            while let c = free.popLast() {
                while nextChoice[c] < choices[c].count {
                    let k = choices[c][nextChoice[c]]
                    nextChoice[c] += 1
                    let p = positionOf[k]
                    if givenUp[p] { continue }
                    // Insert in rank order (lists are short: a linear insertion).
                    var slot = held[p].count
                    while slot > 0 && pairs[held[p][slot - 1]].rankIndex > pairs[k].rankIndex { slot -= 1 }
                    held[p].insert(k, at: slot)
                    if held[p].count > formulation.positions[p].listSize {
                        let rejected = held[p].removeLast()
                        if rejected != k { free.append(cadreOf[rejected]) } else { continue }
                    }
                    break
                }
            }
        }

        /// Gives up short lists, the furthest from full first, until every kept list is full.
        mutating func giveUpShortLists() {
            while let worst = shortestList() {
                giveUp(worst)
                propose()
            }
        }

        /// Deferred acceptance from the start with position `p` kept again, then short lists given up.
        mutating func restart(keeping p: Int) {
            givenUp[p] = false
            for position in held.indices { held[position].removeAll(keepingCapacity: true) }
            for c in nextChoice.indices { nextChoice[c] = 0 }
            free = Array(cadreOrder.reversed())
            propose()
            giveUpShortLists()
        }

        /// Lists kept (every kept list is full after `giveUpShortLists`).
        var competedCount: Int { givenUp.lazy.filter { !$0 }.count }

        /// The kept position furthest from a full list (lowest index among equals), if any is short.
        func shortestList() -> Int? {
            var worst: (position: Int, missing: Int)?
            for p in held.indices where !givenUp[p] {
                let missing = formulation.positions[p].listSize - held[p].count
                if missing > 0 && missing > (worst?.missing ?? 0) { worst = (p, missing) }
            }
            return worst?.position
        }

        /// Gives up position `p`: its proposers are free to move on.
        mutating func giveUp(_ p: Int) {
            givenUp[p] = true
            // Released in reverse so the first held proposes first (order does not change the result).
            for k in held[p].reversed() { free.append(cadreOf[k]) }
            held[p] = []
        }

        func result() -> Result {
            let competed = held.indices.map { !givenUp[$0] && held[$0].count == formulation.positions[$0].listSize }
            let allFull = held.indices.allSatisfy { givenUp[$0] || held[$0].count == formulation.positions[$0].listSize }
            return Result(selected: held.flatMap { $0 }.sorted(), allFull: allFull && !givenUp.contains(true), competed: competed)
        }
    }
}
