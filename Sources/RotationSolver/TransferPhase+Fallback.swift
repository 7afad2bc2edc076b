// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

/// A transfer plan found without GLPK, for when GLPK has no time left (and as its first incumbent).
extension TransferPhase {
    /// The fallback may run this many seconds past the run's deadline: it is what lets a run that
    /// ran out of time still write transfers.
    static let fallbackGrace = 0.5

    /// How deep one repair may re-place due cadres along an alternating path.
    static let deepestRepair = 200

    /// A plan keeping every row of the transfer model, built from `selected` (the uncapped
    /// matching): trimmed to the caps, then every due cadre left out placed by an augmenting path
    /// (a vacancy that is free, or held by a cadre who is not due and is let go, or held by a due
    /// cadre re-placed the same way; a full cap makes room by letting go a cadre who is not due, or
    /// else by re-placing a due one),
    /// then the cadres still out given the best vacancy left that their caps allow. Nil when some
    /// due cadre stays out under `place_all_due` (no plan found, which proves nothing) or when the
    /// deadline (plus `fallbackGrace`) passes first. The result is checked with `keepsEveryRow`.
    ///
    /// ```swift
    /// let start = phase.fallbackPlan(from: uncapped.selected, placeAllDue: true, deadline: solver.deadline)
    /// // nil, or a selection placing every due cadre within the caps
    /// ```
    /// - Complexity: O(pairs) to set up; each repair visits each vacancy at most once.
    func fallbackPlan(from selected: [Bool], placeAllDue: Bool, deadline: Date?, now: () -> Date = Date.init) -> [Bool]? {
        let stop = deadline.map { $0.addingTimeInterval(Self.fallbackGrace) }
        var state = FallbackState(self, start: trimmedToCaps(selected))
        var steps = 0
        func outOfTime() -> Bool {
            steps += 1
            guard steps % 256 == 0, let stop else { return false }
            return now() >= stop
        }
        let dueSet = Set(dueCandidates)
        for (c, cadreID) in candidates.enumerated() where dueSet.contains(cadreID) && state.placed[c] < 0 {
            if let stop, now() >= stop {
                if placeAllDue { return nil }
                break
            }
            state.beginSearch()
            if !state.place(cadre: c, depth: 0, outOfTime: outOfTime) && placeAllDue { return nil }
        }
        // Every cadre still out: the best vacancy left within the caps (due cadres first).
        for due in [true, false] {
            for c in candidates.indices where state.placed[c] < 0 && dueSet.contains(candidates[c]) == due {
                if outOfTime() { break }
                if let k = state.bestOpenPair(of: c) { state.add(k) }
            }
        }
        let plan = state.selection()
        return keepsEveryRow(plan, placeAllDue: placeAllDue) ? plan : nil
    }
}

/// The working state of `fallbackPlan`: who holds what, the caps' loads, and an undo log.
private struct FallbackState {
    let phase: TransferPhase
    /// Per vacancy, per cadre: the chosen pair, or −1.
    var holder: [Int]
    var placed: [Int]
    var load: [Int]
    /// Per unit pair: the chosen pairs along it (few: at most its cap).
    var along: [[Int]]
    /// Pairs by cadre (compressed rows), each cadre's sorted by fit when first needed.
    var start: [Int]
    var byCadre: [Int]
    var sorted: [Bool]
    /// Vacancies tried in the current search.
    var visited: [Bool]
    var touched: [Int] = []
    /// (pair, added) in order, to roll back a failed path.
    var log: [(pair: Int, added: Bool)] = []

    init(_ phase: TransferPhase, start selected: [Bool]) {
        self.phase = phase
        holder = Array(repeating: -1, count: phase.vacancies.count)
        placed = Array(repeating: -1, count: phase.candidates.count)
        load = Array(repeating: 0, count: phase.unitPairs.count)
        along = Array(repeating: [], count: phase.unitPairs.count)
        visited = Array(repeating: false, count: phase.vacancies.count)
        sorted = Array(repeating: false, count: phase.candidates.count)
        var count = [Int](repeating: 0, count: phase.candidates.count + 1)
        for pair in phase.pairs { count[Int(pair.cadreIndex) + 1] += 1 }
        for c in phase.candidates.indices { count[c + 1] += count[c] }
        var next = Array(count.dropLast())
        var byCadre = [Int](repeating: 0, count: phase.pairs.count)
        for (k, pair) in phase.pairs.enumerated() {
            byCadre[next[Int(pair.cadreIndex)]] = k
            next[Int(pair.cadreIndex)] += 1
        }
        self.start = count
        self.byCadre = byCadre
        for k in phase.pairs.indices where selected[k] { add(k) }
        log.removeAll()
    }

    func hasRoom(_ pair: TransferPhase.Pair) -> Bool {
        load[Int(pair.unitPairIndex)] < phase.unitPairLimit[Int(pair.unitPairIndex)]
    }

    /// The cadre's best-fitting pair (the first of equals) whose vacancy is free and whose cap has room.
    func bestOpenPair(of cadre: Int) -> Int? {
        var best: Int?
        for slot in start[cadre]..<start[cadre + 1] {
            let k = byCadre[slot]
            let pair = phase.pairs[k]
            guard holder[Int(pair.vacancyIndex)] < 0, hasRoom(pair) else { continue }
            if let current = best, (phase.pairs[current].fitHundredths, -current) >= (pair.fitHundredths, -k) { continue }
            best = k
        }
        return best
    }

    /// The cadre's pairs, best fit first (ties: pair order).
    mutating func pairsByFit(of cadre: Int) -> ArraySlice<Int> {
        let range = start[cadre]..<start[cadre + 1]
        if !sorted[cadre] {
            let pairs = phase.pairs
            byCadre[range].sort { (pairs[$0].fitHundredths, -$0) > (pairs[$1].fitHundredths, -$1) }
            sorted[cadre] = true
        }
        return byCadre[range]
    }

    mutating func add(_ k: Int) {
        let pair = phase.pairs[k]
        holder[Int(pair.vacancyIndex)] = k
        placed[Int(pair.cadreIndex)] = k
        load[Int(pair.unitPairIndex)] += 1
        along[Int(pair.unitPairIndex)].append(k)
        log.append((k, true))
    }

    mutating func remove(_ k: Int) {
        let pair = phase.pairs[k]
        holder[Int(pair.vacancyIndex)] = -1
        placed[Int(pair.cadreIndex)] = -1
        load[Int(pair.unitPairIndex)] -= 1
        along[Int(pair.unitPairIndex)].removeAll { $0 == k }
        log.append((k, false))
    }

    mutating func rollBack(to mark: Int) {
        while log.count > mark {
            let (k, added) = log.removeLast()
            if added { remove(k) } else { add(k) }
            log.removeLast()   // the undo itself is not logged
        }
    }

    mutating func beginSearch() {
        for v in touched { visited[v] = false }
        touched.removeAll(keepingCapacity: true)
        log.removeAll(keepingCapacity: true)
    }

    /// Places `cadre` (out of the plan) by an augmenting path; on failure the state is as before.
    mutating func place(cadre: Int, depth: Int, outOfTime: () -> Bool) -> Bool {
        for k in pairsByFit(of: cadre) {
            if outOfTime() { return false }
            let pair = phase.pairs[k]
            let v = Int(pair.vacancyIndex), u = Int(pair.unitPairIndex)
            guard !visited[v] else { continue }
            visited[v] = true
            touched.append(v)
            let mark = log.count
            let held = holder[v]
            if held >= 0 { remove(held) }
            // A full cap makes room: a cadre who is not due lets go, else a due one moves on (re-placed below).
            var movedOn: Int?
            if load[u] >= phase.unitPairLimit[u] {
                if let other = along[u].first(where: { !phase.pairs[$0].cadreIsDue }) {
                    remove(other)
                } else if depth < TransferPhase.deepestRepair, let other = along[u].first {
                    remove(other)
                    movedOn = other
                }
            }
            if load[u] < phase.unitPairLimit[u] {
                add(k)
                var placed = true
                for out in [held, movedOn ?? -1] where placed && out >= 0 && phase.pairs[out].cadreIsDue {
                    placed = depth < TransferPhase.deepestRepair
                        && place(cadre: Int(phase.pairs[out].cadreIndex), depth: depth + 1, outOfTime: outOfTime)
                }
                if placed { return true }
            }
            rollBack(to: mark)
        }
        return false
    }

    func selection() -> [Bool] {
        var chosen = Array(repeating: false, count: phase.pairs.count)
        for k in holder where k >= 0 { chosen[k] = true }
        return chosen
    }
}
