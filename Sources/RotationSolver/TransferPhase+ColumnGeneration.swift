// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import LinearProgramming
import RotationCore

/// Column generation for a large transfer component (docs/model.md, "Transfers at city scale").
///
/// GLPK is handed a restricted model over the pairs that can matter: each cadre's best few
/// vacancies, each vacancy's best few cadres, and the uncapped matching's pairs. Its LP
/// relaxation's row duals λ price every pair left out: a pair's reduced profit is
/// `d = c − λ(cadre) − λ(vacancy) − λ(cap) − Σ λ(level row)·coefficient`. Pairs with `d > 0` are
/// added and the LP solved again, until none prices in: the restricted LP's optimum `z_LP` is
/// then the full LP's. After the MILP on the restricted pairs (value `z*`), every left-out pair
/// `j` bounds any full solution using it by `z_LP + d_j` (LP duality: `c·x ≤ z_LP + Σ d_j x_j`
/// over the columns at zero). The objectives are integers, so when no left-out pair has
/// `⌊z_LP + d_j⌋ ≥ z* + 1` the restricted optimum is proven optimal for the full model;
/// otherwise those pairs are added and the MILP solved again from its incumbent.
///
/// Cap rows only where a cap can bind on the restricted pairs (more of its pairs could be chosen
/// together than it allows): the others are redundant there. The restricted model is then a
/// relaxation of the full one on its pairs, so its LP bound and the pricing argument stay valid;
/// a cap a solution still exceeds is added and the level solved again.
///
/// ```swift
/// // a component of 1.29M pairs (5,000 cadres): a restricted model of some 40k columns
/// let values = try part.solveLevelsByPricing(using: &solver, tag: "", accumulator: &accumulator)
/// ```
/// - Complexity: per pricing round, one LP on the restricted pairs and O(pairs) to price the rest.
struct TransferPricing {
    let phase: TransferPhase
    /// Per pair: its cadre's row, its vacancy's row, its binding cap's row (−1: no cap row).
    let cadreRow: [Int32]
    let vacancyRow: [Int32]
    let capRow: [Int32]
    /// The unit pairs whose cap can bind, with their allowance, in order.
    let caps: [(unitPair: TransferPhase.UnitPair, limit: Int)]
    /// Pairs in the restricted model, and whether each pair is.
    private(set) var active: [Int] = []
    private(set) var isActive: [Bool]
    /// The caps whose rows the restricted model has (indices into `caps`, in order).
    private(set) var activeCaps: [Int] = []
    private var capIsActive: [Bool] = []

    /// At most this many priced-in pairs are added per round (the most profitable first).
    static let largestRound = 20_000

    init(_ phase: TransferPhase) {
        self.phase = phase
        // Caps that can bind, in unit-pair order (unit pairs are numbered in order).
        let binding = phase.bindingUnitPairs()
        var capOfUnitPair = [Int](repeating: -1, count: phase.unitPairs.count)
        var caps: [(unitPair: TransferPhase.UnitPair, limit: Int)] = []
        for u in phase.unitPairs.indices where binding[u] {
            capOfUnitPair[u] = caps.count
            caps.append((phase.unitPairs[u], phase.unitPairLimit[u]))
        }
        self.caps = caps
        capRow = phase.pairs.map { Int32(capOfUnitPair[Int($0.unitPairIndex)]) }
        cadreRow = phase.pairs.map(\.cadreIndex)
        let offset = Int32(phase.candidates.count)
        vacancyRow = phase.pairs.map { offset + $0.vacancyIndex }
        isActive = Array(repeating: false, count: phase.pairs.count)
        capIsActive = Array(repeating: false, count: caps.count)
    }

    /// Adds the rows of these caps; returns whether any was new.
    @discardableResult
    mutating func activateCaps(_ indices: [Int]) -> Bool {
        var added = false
        for c in indices where !capIsActive[c] {
            capIsActive[c] = true
            added = true
        }
        if added { activeCaps = caps.indices.filter { capIsActive[$0] } }
        return added
    }

    /// The caps that can bind on the restricted pairs: more of their active pairs could be
    /// chosen together (at most min(distinct cadres, distinct vacancies)) than the cap allows.
    /// The others are redundant in the restricted model; they are added when pairs come in.
    func bindableCaps() -> [Int] {
        var members: [[Int]] = Array(repeating: [], count: caps.count)
        for k in active where capRow[k] >= 0 { members[Int(capRow[k])].append(k) }
        return caps.indices.filter { c in
            let limit = caps[c].limit
            guard members[c].count > limit else { return false }
            let cadres = Set(members[c].map { cadreRow[$0] }).count
            let vacancies = Set(members[c].map { vacancyRow[$0] }).count
            return min(cadres, vacancies) > limit
        }
    }

    /// The caps (all of them, not only the active ones) that `amount` (per pair) exceeds.
    func exceededCaps(_ amount: (Int) -> Double) -> [Int] {
        var load = [Double](repeating: 0, count: caps.count)
        for k in phase.pairs.indices where capRow[k] >= 0 { load[Int(capRow[k])] += amount(k) }
        return caps.indices.filter { load[$0] > Double(caps[$0].limit) + 1e-6 }
    }

    var capRowOffset: Int { phase.candidates.count + phase.vacancies.count }

    /// Adds pairs to the restricted model (keeps `active` sorted).
    mutating func activate<S: Sequence>(_ pairs: S) where S.Element == Int {
        var added = false
        for k in pairs where !isActive[k] {
            isActive[k] = true
            added = true
        }
        if added { active = isActive.indices.filter { isActive[$0] } }
    }

    /// The first restricted model's pairs: each cadre's best `pricingSeed` by fit, each
    /// vacancy's best `pricingSeed` (due cadres first, then fit), and `extra` (a matching).
    mutating func seed(extra: [Int]) {
        let pairs = phase.pairs
        let size = phase.pricingSeed
        // The best `size` of each cadre and each vacancy, kept by insertion (no sort of every pair).
        var bestOfCadre: [[Int]] = Array(repeating: [], count: phase.candidates.count)
        var bestOfVacancy: [[Int]] = Array(repeating: [], count: phase.vacancies.count)
        // "a before b": fit first, then the earlier pair; for a vacancy, due cadres before all.
        func cadreOrder(_ a: Int, _ b: Int) -> Bool { (pairs[a].fitHundredths, -a) > (pairs[b].fitHundredths, -b) }
        func vacancyOrder(_ a: Int, _ b: Int) -> Bool {
            (pairs[a].cadreIsDue ? 1 : 0, pairs[a].fitHundredths, -a) > (pairs[b].cadreIsDue ? 1 : 0, pairs[b].fitHundredths, -b)
        }
        func offer(_ k: Int, to list: inout [Int], before: (Int, Int) -> Bool) {
            guard size > 0 else { return }
            if list.count == size {
                guard before(k, list[size - 1]) else { return }
                list.removeLast()
            }
            var slot = list.count
            while slot > 0 && before(k, list[slot - 1]) { slot -= 1 }
            list.insert(k, at: slot)
        }
        for k in pairs.indices {
            offer(k, to: &bestOfCadre[Int(cadreRow[k])], before: cadreOrder)
            offer(k, to: &bestOfVacancy[Int(vacancyRow[k]) - phase.candidates.count], before: vacancyOrder)
        }
        activate(extra + bestOfCadre.joined() + bestOfVacancy.joined())
    }

    /// The model of `level` over the restricted pairs: every cadre and vacancy row, the active
    /// caps' rows, then the fixed levels, so that row duals line up with `cadreRow` & co.
    func model(level: TransferPhase.Level?, fixed: [(TransferPhase.Level, Int)], placeAllDue: Bool, name: String) -> LinearModel {
        var model = LinearModel(name: name, sense: .maximize)
        let weights = phase.coefficients(of: level)
        var cadreTerms: [[LinearModel.Term]] = Array(repeating: [], count: phase.candidates.count)
        var vacancyTerms: [[LinearModel.Term]] = Array(repeating: [], count: phase.vacancies.count)
        var capTerms: [[LinearModel.Term]] = Array(repeating: [], count: caps.count)
        var capSlot = [Int](repeating: -1, count: caps.count)
        for (slot, c) in activeCaps.enumerated() { capSlot[c] = slot }
        for k in active {
            let pair = phase.pairs[k]
            let column = model.addVariable(name: "y_\(ModelNames.clean(pair.cadreID))_\(ModelNames.clean(pair.positionID))",
                                           kind: .binary, objective: Double(weights[k]))
            cadreTerms[Int(cadreRow[k])].append(.init(column, 1))
            vacancyTerms[Int(vacancyRow[k]) - phase.candidates.count].append(.init(column, 1))
            if capRow[k] >= 0 && capSlot[Int(capRow[k])] >= 0 { capTerms[Int(capRow[k])].append(.init(column, 1)) }
        }
        let due = Set(phase.dueCandidates)
        for (i, cadreID) in phase.candidates.enumerated() {
            model.addConstraint(name: "cadre_\(ModelNames.clean(cadreID))", terms: cadreTerms[i],
                                lower: placeAllDue && due.contains(cadreID) ? 1 : nil, upper: 1)
        }
        for (v, positionID) in phase.vacancies.enumerated() {
            model.addConstraint(name: "vacancy_\(ModelNames.clean(positionID))", terms: vacancyTerms[v], upper: 1)
        }
        for c in activeCaps {
            let cap = caps[c]
            model.addConstraint(name: "cap_\(ModelNames.clean(cap.unitPair.from))_\(ModelNames.clean(cap.unitPair.to))",
                                terms: capTerms[c], upper: Double(cap.limit))
        }
        for (fixedLevel, value) in fixed {
            let fixedWeights = phase.coefficients(of: fixedLevel)
            var terms: [LinearModel.Term] = []
            for (column, k) in active.enumerated() where fixedWeights[k] != 0 { terms.append(.init(column, Double(fixedWeights[k]))) }
            model.addConstraint(name: "level_\(fixedLevel.rawValue)", terms: terms, lower: Double(value))
        }
        return model
    }

    /// Reduced profit of every pair under the row duals `λ` of `model(level:fixed:…)`.
    ///
    /// - Complexity: O(pairs · (1 + fixed levels)).
    func reducedProfits(level: TransferPhase.Level?, fixed: [(TransferPhase.Level, Int)], duals: [Double]) -> [Double] {
        let weights = phase.coefficients(of: level)
        let fixedWeights = fixed.map { phase.coefficients(of: $0.0) }
        let levelRowOffset = capRowOffset + activeCaps.count
        var capDual = [Double](repeating: 0, count: caps.count)
        for (slot, c) in activeCaps.enumerated() { capDual[c] = duals[capRowOffset + slot] }
        return phase.pairs.indices.map { k in
            var profit = Double(weights[k]) - duals[Int(cadreRow[k])] - duals[Int(vacancyRow[k])]
            if capRow[k] >= 0 { profit -= capDual[Int(capRow[k])] }
            for (f, row) in fixedWeights.enumerated() where row[k] != 0 { profit -= duals[levelRowOffset + f] * Double(row[k]) }
            return profit
        }
    }
}

extension TransferPhase {
    /// `solveLevels` by column and cap-row generation (see `TransferPricing`): the same optimum,
    /// proven for the full model, on far fewer columns and rows. Nil when `place_all_due` makes it
    /// infeasible.
    func solveLevelsByPricing(using solver: inout LexicographicSolver, tag: String, accumulator: inout LevelAccumulator,
                              share: Double, uncapped matching: UncappedMatching, start: [Bool]?) throws -> [Double]? {
        let placeAllDue = adjudication.scenario.transfer.placeAllDue
        if placeAllDue && start == nil && solver.budget(share: 1) == nil {
            // No time left for GLPK, and no plan to fall back on: say so now.
            throw SolverFailure.noSolutionInTime(LinearModel(name: "transfer\(tag)_due_placed", sense: .maximize))
        }
        var pricing = TransferPricing(self)
        // The uncapped optimum bounds level 1 only when proven.
        let uncapped = matching.proven
        pricing.seed(extra: pairs.indices.filter { matching.selected[$0] || start?[$0] == true })
        var fixed: [(Level, Int)] = []
        // The last selection that keeps every row of the full model (a fallback and a warm start).
        var selection: [Bool]? = start
        var results: [LevelResult] = []
        let levels: [Level?] = Level.allCases.map { $0 } + (keep.isEmpty ? [] : [nil])
        let epsilon = 1e-6
        for (number, level) in levels.enumerated() {
            let id = level?.id ?? .transferPersistence
            let name = "transfer\(tag)_\(level?.rawValue ?? "persistence")"
            let started = Date()
            let last = number == levels.count - 1 && share >= 1
            // The start plan, when it keeps the levels fixed so far and is better on this one, is
            // the better incumbent (an earlier level's solution may have been chosen for that level only).
            if let start, let current = selection, start != current,
               fixed.allSatisfy({ levelValue($0.0, of: start) >= $0.1 }), levelValue(level, of: start) > levelValue(level, of: current) {
                selection = start
            }
            var lpValue: Double?
            var profits: [Double] = []
            var widened = false
            var outcome: (values: [Double]?, result: LevelResult)?
            var proven = false
            var rounds = 0
            levelLoop: while rounds < 16 {
                rounds += 1
                // 1. The MILP on the restricted pairs (and the caps that can bind on them), from the
                //    last full-model solution; its root LP's duals price every pair left out.
                pricing.activateCaps(pricing.bindableCaps())
                // One name per model solved (--export-model writes one file each).
                let built = pricing.model(level: level, fixed: fixed, placeAllDue: placeAllDue,
                                          name: rounds == 1 ? name : "\(name)_round\(rounds)")
                let fallback = selection.map { chosen in pricing.active.map { chosen[$0] ? 1.0 : 0.0 } }
                var solved = try solver.solve(id, model: built, fallback: fallback, method: .primal,
                                              share: last ? 1 : 0.5, rootDuals: true)
                guard let values = solved.values else {
                    if solved.result.status == .infeasible && placeAllDue && level == .duePlaced {
                        if pricing.active.count == pairs.count { return nil }
                        // Infeasible on the restricted pairs proves nothing: first every pair of the
                        // due cadres, then every pair.
                        if !widened {
                            widened = true
                            let due = Set(dueCandidates)
                            pricing.activate(pairs.indices.filter { due.contains(pairs[$0].cadreID) })
                        } else {
                            pricing.activate(pairs.indices)
                        }
                        continue levelLoop
                    }
                    throw SolverFailure.unexpected("the transfer model \(name) has no solution; placing nobody is feasible, so this is a bug")
                }
                var chosen = Array(repeating: false, count: pairs.count)
                for (column, k) in pricing.active.enumerated() where values[column] > 0.5 { chosen[k] = true }
                // A cap the solution exceeds (cannot happen: every cap that can bind has its row).
                let exceeded = pricing.exceededCaps { chosen[$0] ? 1 : 0 }
                if !exceeded.isEmpty {
                    pricing.activateCaps(exceeded)
                    if solver.budget(share: 0.5) != nil { continue levelLoop }
                    solved.result.status = .timeLimit
                    outcome = solved
                    break levelLoop
                }
                selection = chosen
                outcome = solved
                guard pricing.active.count < pairs.count else {
                    proven = solved.result.status == .optimal
                    break levelLoop
                }
                guard let root = solver.root else { break levelLoop }   // stopped before the LP's optimum
                lpValue = root.objective
                profits = pricing.reducedProfits(level: level, fixed: fixed, duals: root.duals)
                // 2. Pairs that price in: the restricted LP is not yet the full LP; add them, solve again.
                let pricedIn = pairs.indices.filter { !pricing.isActive[$0] && profits[$0] > epsilon }
                if !pricedIn.isEmpty {
                    lpValue = nil
                    guard solver.budget(share: 0.5) != nil else { break levelLoop }
                    solver.report("\(level?.rawValue ?? "persistence") (+\(pricedIn.count) pairs)")
                    pricing.activate(pricedIn.sorted { (profits[$0], -$0) > (profits[$1], -$1) }.prefix(TransferPricing.largestRound))
                    continue levelLoop
                }
                // 3. The proof: any full solution using a left-out pair j is worth at most ⌊z_LP + d_j⌋.
                let target = Double(solved.result.value + 1)
                let entering = pairs.indices.filter { !pricing.isActive[$0] && (root.objective + profits[$0] + epsilon).rounded(.down) >= target }
                if solved.result.status == .optimal && entering.isEmpty {
                    proven = true
                    break levelLoop
                }
                let outside = pairs.indices.lazy.filter { !pricing.isActive[$0] }.map { profits[$0] }.max()
                let pricedBound = outside.map { Int((root.objective + $0 + epsilon).rounded(.down)) } ?? Int.min
                outcome?.result.bound = max(solved.result.bound, pricedBound, solved.result.value)
                if solved.result.status == .optimal { outcome?.result.status = .timeLimit }
                guard !entering.isEmpty, solver.budget(share: 0.5) != nil else { break levelLoop }
                pricing.activate(entering)
            }
            guard let selection, var result = outcome?.result else {
                // Out of time before any plan keeping every row (place_all_due): as LexicographicSolver does.
                throw SolverFailure.noSolutionInTime(pricing.model(level: level, fixed: fixed, placeAllDue: placeAllDue, name: name))
            }
            result.value = levelValue(level, of: selection)
            if proven {
                result.status = .optimal
                result.bound = result.value
            } else {
                if result.status == .optimal || result.status == .trivial { result.status = .timeLimit }
                if lpValue == nil {
                    // The LP pricing did not finish: only the structural bound holds for the full model.
                    result.bound = max(result.bound, level.map { upperBound($0, uncapped: $0 == .duePlaced ? uncapped : nil) } ?? keep.count)
                }
            }
            if let level {
                result.bound = max(result.value, min(result.bound, upperBound(level, uncapped: level == .duePlaced ? uncapped : nil)))
            }
            result.seconds = Date().timeIntervalSince(started)
            solver.note(result)
            results.append(result)
            if let level { fixed.append((level, result.value)) }
        }
        guard let selection else { return nil }
        // A later level can only improve an earlier one's time-limited value.
        for (index, level) in levels.enumerated() {
            var result = results[index]
            result.value = max(result.value, levelValue(level, of: selection))
            if result.value >= result.bound {
                result.bound = result.value
                if result.status == .timeLimit || result.status == .withinGap { result.status = .optimal }
            }
            accumulator.add(result)
        }
        return selection.map { $0 ? 1 : 0 }
    }
}
