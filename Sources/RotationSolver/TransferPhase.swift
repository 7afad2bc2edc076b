// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import LinearProgramming
import RotationCore

/// The transfer phase (组织调动, C-TRANSFER) of model.md: vacancies, candidates, pairs, the unit-pair
/// cap, and the lexicographic objective (rotation-due placed, vacancies filled, fit).
public struct TransferPhase: Sendable {
    /// One transferable (cadre, vacancy) pair: a column `y`.
    public struct Pair: Sendable, Equatable {
        public var cadreID: CadreID
        public var positionID: PositionID
        public var fitHundredths: Int
        public var cadreIsDue: Bool
        /// Indices into the phase's `candidates` and `vacancies` (renumbered by `restricted(to:)`),
        /// and into the whole phase's `unitPairs`.
        var cadreIndex: Int32 = 0
        var vacancyIndex: Int32 = 0
        var unitPairIndex: Int32 = 0
    }

    public enum Level: String, Sendable, CaseIterable {
        case duePlaced = "due_placed"
        case vacanciesFilled = "vacancies_filled"
        case fit = "fit"

        /// The objective level this is, as the run records it.
        public var id: ObjectiveLevelID {
            switch self {
            case .duePlaced: return .transferDuePlaced
            case .vacanciesFilled: return .transferVacanciesFilled
            case .fit: return .transferFit
            }
        }
    }

    /// Baseline transfer pairs to keep (persistence), rewarded after the three levels.
    public var keep: Set<Adjudication.PairKey> = []

    /// A component with a binding cap and more pairs than this is solved by column generation
    /// (`TransferPricing`): the same proven optimum on a restricted model.
    public var columnGenerationAbove = 20_000
    /// How many best pairs per cadre and per vacancy the first restricted model keeps.
    public var pricingSeed = 6

    public let adjudication: Adjudication
    /// Offered positions without a competition placement, by id.
    public let vacancies: [PositionID]
    /// Candidates by id.
    public let candidates: [CadreID]
    /// Candidates due for rotation and not exempt, by id.
    public let dueCandidates: [CadreID]
    /// Pairs by cadre id, then position id.
    public let pairs: [Pair]
    /// Transfers allowed per (from unit, to unit): max(cap, competition moves) − competition moves.
    public let allowance: [UnitPair: Int]
    /// Every unit pair some pair moves along, in order, and its allowance (`Pair.unitPairIndex` indexes both).
    let unitPairs: [UnitPair]
    let unitPairLimit: [Int]

    public struct UnitPair: Hashable, Sendable, Comparable {
        public var from: UnitID
        public var to: UnitID
        public static func < (lhs: UnitPair, rhs: UnitPair) -> Bool {
            lhs.from != rhs.from ? idPrecedes(lhs.from, rhs.from) : idPrecedes(lhs.to, rhs.to)
        }
    }

    /// Builds vacancies, candidates and pairs from the adjudication and the competition's placements.
    public init(adjudication: Adjudication, competition: Plan) {
        self.adjudication = adjudication
        let scenario = adjudication.scenario
        let index = adjudication.index
        let settings = scenario.transfer
        let placedCadres = Set(competition.placements.map(\.cadreID))
        let filled = Set(competition.placements.map(\.positionID))
        vacancies = scenario.positions.filter { $0.offered && !filled.contains($0.id) }.map(\.id).sorted(by: idPrecedes)

        let dueNotExempt = Set(adjudication.rotationDue.filter { !$0.exempt }.map(\.cadreID))
        var failsOtherThanTerm = Set<CadreID>()
        var failsTerm = Set<CadreID>()
        for verdict in adjudication.personVerdicts where verdict.verdict == .fail {
            if verdict.rule == .term { failsTerm.insert(verdict.cadreID) } else { failsOtherThanTerm.insert(verdict.cadreID) }
        }
        let candidateList = scenario.cadres
            .filter { !placedCadres.contains($0.id) && !failsOtherThanTerm.contains($0.id)
                && (dueNotExempt.contains($0.id) || $0.acceptsTransfer) }
            .map(\.id).sorted(by: idPrecedes)
        candidates = candidateList
        dueCandidates = candidateList.filter { dueNotExempt.contains($0) }

        let fit = FitTable(scenario.transferFits, candidates: candidateList, vacancies: vacancies)
        let pairRules = PairRules(scenario: scenario, index: index)
        let vacancyPositions = vacancies.map { index.positions[$0] }
        // Units by index, so that a pair's unit pair is a number (the scan visits candidates × vacancies).
        let unitIDs = Array(Set(vacancyPositions.compactMap { $0?.unitID } + candidateList.compactMap { index.cadres[$0]?.unitID }))
            .sorted(by: idPrecedes)
        let unitNumber = Dictionary(uniqueKeysWithValues: unitIDs.enumerated().map { ($1, $0) })
        let vacancyUnit = vacancyPositions.map { $0.flatMap { unitNumber[$0.unitID] } ?? -1 }
        var unitPairNumber = [Int32](repeating: -1, count: unitIDs.count * unitIDs.count)
        var unitPairList: [UnitPair] = []
        // Per vacancy, what the scan tests first, and the position in a box (one retain to reach it, not one per field).
        let vacancyLevel = vacancyPositions.map { $0?.level }
        let boxes = vacancyPositions.map { $0.map(PositionBox.init) }
        var pairList: [Pair] = []
        if settings.sameLevelOnly {
            // At most every same-level (candidate, vacancy): reserved once, not regrown over millions of pairs.
            var vacanciesAt: [RotationCore.Level: Int] = [:]
            for level in vacancyLevel.compactMap({ $0 }) { vacanciesAt[level, default: 0] += 1 }
            pairList.reserveCapacity(candidateList.reduce(0) { $0 + (index.cadres[$1].map { vacanciesAt[$0.level] ?? 0 } ?? 0) })
        }
        for (c, cadreID) in candidateList.enumerated() {
            guard let cadre = index.cadres[cadreID], let fromUnit = unitNumber[cadre.unitID] else { continue }
            let isDue = dueNotExempt.contains(cadreID)
            let fits = fit.row(c)
            var nextFit = fits.startIndex
            for (v, positionID) in vacancies.enumerated() {
                // The cheapest tests first; the verdict is the same conjunction of rules.
                guard let level = vacancyLevel[v] else { continue }
                if settings.sameLevelOnly && level != cadre.level { continue }
                if vacancyUnit[v] == fromUnit { continue }   // P-OWNUNIT
                guard let position = boxes[v]?.position else { continue }
                if pairRules.require(cadre, position) != nil || pairRules.town5(cadre, position) != nil { continue }
                if !settings.sameLevelOnly {
                    if pairRules.level(cadre, position) != nil { continue }
                    if position.level > cadre.level && (pairRules.rank(cadre, position) != nil || failsTerm.contains(cadreID)) { continue }
                }
                while nextFit < fits.endIndex && Int(fits[nextFit].vacancy) < v { nextFit += 1 }
                let fitHundredths = nextFit < fits.endIndex && Int(fits[nextFit].vacancy) == v ? Int(fits[nextFit].hundredths) : 0
                let slot = fromUnit * unitIDs.count + vacancyUnit[v]
                if unitPairNumber[slot] < 0 {
                    unitPairNumber[slot] = Int32(unitPairList.count)
                    unitPairList.append(UnitPair(from: cadre.unitID, to: position.unitID))
                }
                pairList.append(Pair(cadreID: cadreID, positionID: positionID, fitHundredths: fitHundredths, cadreIsDue: isDue,
                                     cadreIndex: Int32(c), vacancyIndex: Int32(v), unitPairIndex: unitPairNumber[slot]))
            }
        }
        // Unit pairs in order, so that their numbers are deterministic.
        // Units are numbered in id order, so a unit pair's slot (from · units + to) sorts as the pair does.
        var slotOf = [Int](repeating: 0, count: unitPairList.count)
        for (slot, number) in unitPairNumber.enumerated() where number >= 0 { slotOf[Int(number)] = slot }
        let order = unitPairList.indices.sorted { slotOf[$0] < slotOf[$1] }
        var renumber = [Int32](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { renumber[old] = Int32(new) }
        for k in pairList.indices { pairList[k].unitPairIndex = renumber[Int(pairList[k].unitPairIndex)] }
        unitPairs = order.map { unitPairList[$0] }
        pairs = pairList

        var competitionMoves: [UnitPair: Int] = [:]
        for placement in competition.placements {
            competitionMoves[UnitPair(from: placement.fromUnitID, to: placement.toUnitID), default: 0] += 1
        }
        unitPairLimit = unitPairs.map { key in
            let moved = competitionMoves[key] ?? 0
            return max(settings.maxPerUnitPair, moved) - moved
        }
        allowance = Dictionary(uniqueKeysWithValues: zip(unitPairs, unitPairLimit))
    }

    /// Objective coefficients of a level (nil: persistence), per pair.
    public func coefficients(of level: Level?) -> [Int] {
        guard let level else { return pairs.map { keep.contains(Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID)) ? 1 : 0 } }
        switch level {
        case .duePlaced: return pairs.map { $0.cadreIsDue ? 1 : 0 }
        case .vacanciesFilled: return pairs.map { _ in 1 }
        case .fit: return pairs.map(\.fitHundredths)
        }
    }

    /// The transfer model maximizing `level`, earlier levels held at their optimum.
    ///
    /// - Complexity: O(pairs) coefficients.
    public func model(level: Level?, fixed: [(Level, Int)], placeAllDue: Bool) -> LinearModel {
        var model = LinearModel(name: "transfer_" + (level?.rawValue ?? "persistence"), sense: .maximize)
        let weights = coefficients(of: level)
        let columns = pairs.enumerated().map { k, pair in
            model.addVariable(name: "y_\(ModelNames.clean(pair.cadreID))_\(ModelNames.clean(pair.positionID))",
                              kind: .binary, objective: Double(weights[k]))
        }
        var byCadre: [CadreID: [Int]] = [:]
        var byPosition: [PositionID: [Int]] = [:]
        var byUnitPair: [UnitPair: [Int]] = [:]
        for (k, pair) in pairs.enumerated() {
            byCadre[pair.cadreID, default: []].append(k)
            byPosition[pair.positionID, default: []].append(k)
            byUnitPair[unitPairs[Int(pair.unitPairIndex)], default: []].append(k)
        }
        let dueSet = Set(dueCandidates)
        for cadreID in candidates {
            let members = byCadre[cadreID] ?? []
            let mustPlace = placeAllDue && dueSet.contains(cadreID)
            if members.isEmpty && !mustPlace { continue }
            model.addConstraint(name: "cadre_\(ModelNames.clean(cadreID))", terms: members.map { .init(columns[$0], 1) },
                                lower: mustPlace ? 1 : nil, upper: 1)
        }
        for positionID in vacancies {
            guard let members = byPosition[positionID], members.count > 1 else { continue }
            model.addConstraint(name: "vacancy_\(ModelNames.clean(positionID))", terms: members.map { .init(columns[$0], 1) }, upper: 1)
        }
        for unitPair in byUnitPair.keys.sorted() {
            let members = byUnitPair[unitPair]!
            let limit = allowance[unitPair] ?? 0
            guard capCanBind(members, limit: limit) else { continue }
            model.addConstraint(name: "cap_\(ModelNames.clean(unitPair.from))_\(ModelNames.clean(unitPair.to))",
                                terms: members.map { .init(columns[$0], 1) }, upper: Double(limit))
        }
        for (fixedLevel, value) in fixed {
            let fixedWeights = coefficients(of: fixedLevel)
            let terms = fixedWeights.enumerated().filter { $0.element != 0 }.map { LinearModel.Term(columns[$0.offset], Double($0.element)) }
            model.addConstraint(name: "level_\(fixedLevel.rawValue)", terms: terms, lower: Double(value))
        }
        return model
    }

    struct Result {
        var outcome: TransferOutcome
        var placements: [Plan.Placement]
        var levels: [LevelResult]
        var methods: [String] = []
        /// Seconds of the work around GLPK (e.g. "transfer.matching"), for `--timings`.
        var timings: [(phase: String, seconds: Double)] = []
    }

    /// Adds the seconds since `started` to the step's timing; returns now.
    private static func lap(_ timings: inout [(phase: String, seconds: Double)], _ step: String, since started: Date) -> Date {
        let now = Date()
        if let index = timings.firstIndex(where: { $0.phase == step }) {
            timings[index].seconds += now.timeIntervalSince(started)
        } else {
            timings.append((step, now.timeIntervalSince(started)))
        }
        return now
    }

    private init(adjudication: Adjudication, vacancies: [PositionID], candidates: [CadreID], dueCandidates: [CadreID],
                 pairs: [Pair], allowance: [UnitPair: Int], unitPairs: [UnitPair], unitPairLimit: [Int], keep: Set<Adjudication.PairKey>) {
        self.adjudication = adjudication
        self.vacancies = vacancies
        self.candidates = candidates
        self.dueCandidates = dueCandidates
        self.pairs = pairs
        self.allowance = allowance
        self.unitPairs = unitPairs
        self.unitPairLimit = unitPairLimit
        self.keep = keep
    }

    /// The phase over some pairs only (a component): their cadres, vacancies and caps.
    ///
    /// - Complexity: O(pairs + candidates + vacancies).
    func restricted(to pairIndices: [Int]) -> TransferPhase {
        // One component of every pair (the city-scale case): the phase itself, not a copy.
        if pairIndices.count == pairs.count { return self }
        var subset = pairIndices.sorted().map { pairs[$0] }
        var cadreNumber = [Int32](repeating: -1, count: candidates.count)
        var vacancyNumber = [Int32](repeating: -1, count: vacancies.count)
        for pair in subset {
            cadreNumber[Int(pair.cadreIndex)] = 0
            vacancyNumber[Int(pair.vacancyIndex)] = 0
        }
        var partCandidates: [CadreID] = []
        for (c, cadreID) in candidates.enumerated() where cadreNumber[c] >= 0 {
            cadreNumber[c] = Int32(partCandidates.count)
            partCandidates.append(cadreID)
        }
        var partVacancies: [PositionID] = []
        for (v, positionID) in vacancies.enumerated() where vacancyNumber[v] >= 0 {
            vacancyNumber[v] = Int32(partVacancies.count)
            partVacancies.append(positionID)
        }
        for k in subset.indices {
            subset[k].cadreIndex = cadreNumber[Int(subset[k].cadreIndex)]
            subset[k].vacancyIndex = vacancyNumber[Int(subset[k].vacancyIndex)]
        }
        let cadres = Set(partCandidates)
        var part = TransferPhase(adjudication: adjudication, vacancies: partVacancies, candidates: partCandidates,
                                 dueCandidates: dueCandidates.filter { cadres.contains($0) }, pairs: subset,
                                 allowance: allowance, unitPairs: unitPairs, unitPairLimit: unitPairLimit, keep: keep)
        part.columnGenerationAbove = columnGenerationAbove
        part.pricingSeed = pricingSeed
        return part
    }

    /// Independent groups of pairs: pairs sharing a cadre, a vacancy or a binding unit-pair cap are
    /// in one group. Each group is solved on its own; their optima add up to the whole's.
    ///
    /// - Complexity: O(pairs · α) with union–find.
    func components() -> [[Int]] {
        // Union–find over the cadres, vacancies and binding caps (nodes), not over the pairs (edges).
        let vacancyNode = candidates.count, capNode = candidates.count + vacancies.count
        var sets = UnionFind(count: capNode + unitPairs.count)
        let binding = bindingUnitPairs()
        for pair in pairs {
            let c = Int(pair.cadreIndex), u = Int(pair.unitPairIndex)
            sets.union(c, vacancyNode + Int(pair.vacancyIndex))
            if binding[u] { sets.union(c, capNode + u) }
        }
        // Pairs grouped by their cadre's set, groups in order of their first pair (members ascending).
        var groupOfRoot = [Int](repeating: -1, count: capNode + unitPairs.count)
        var groups: [[Int]] = []
        for (k, pair) in pairs.enumerated() {
            let root = sets.root(Int(pair.cadreIndex))
            if groupOfRoot[root] < 0 {
                groupOfRoot[root] = groups.count
                groups.append([])
            }
            groups[groupOfRoot[root]].append(k)
        }
        return groups
    }

    /// Per unit pair (by index): whether its cap can bind on this phase's pairs (see `capCanBind`).
    ///
    /// - Complexity: O(pairs).
    func bindingUnitPairs() -> [Bool] {
        // Distinct cadres and vacancies per unit pair, by "last seen" stamps over the pairs grouped by unit pair.
        var count = [Int](repeating: 0, count: unitPairs.count + 1)
        for pair in pairs { count[Int(pair.unitPairIndex) + 1] += 1 }
        for u in unitPairs.indices { count[u + 1] += count[u] }
        var next = Array(count.dropLast())
        var grouped = [Int32](repeating: 0, count: pairs.count)
        for (k, pair) in pairs.enumerated() {
            grouped[next[Int(pair.unitPairIndex)]] = Int32(k)
            next[Int(pair.unitPairIndex)] += 1
        }
        var cadreSeen = [Int32](repeating: -1, count: candidates.count)
        var vacancySeen = [Int32](repeating: -1, count: vacancies.count)
        return unitPairs.indices.map { u in
            let limit = unitPairLimit[u]
            guard count[u + 1] - count[u] > limit else { return false }
            var cadres = 0, vacancies = 0
            for slot in count[u]..<count[u + 1] {
                let pair = pairs[Int(grouped[slot])]
                if cadreSeen[Int(pair.cadreIndex)] != Int32(u) { cadreSeen[Int(pair.cadreIndex)] = Int32(u); cadres += 1 }
                if vacancySeen[Int(pair.vacancyIndex)] != Int32(u) { vacancySeen[Int(pair.vacancyIndex)] = Int32(u); vacancies += 1 }
            }
            return min(cadres, vacancies) > limit
        }
    }

    /// Solves the three levels (with `place_all_due` as a hard requirement when set), component by component.
    func solve(using solver: inout LexicographicSolver) throws -> Result {
        do {
            return try solveComponents(using: &solver)
        } catch SolverFailure.timeLimitWithoutSolution {
            // place_all_due, and the time ran out before any plan placing every due cadre: the
            // competition's plan stands alone (a plan all the same), every level says so.
            let levels = Level.allCases.map {
                LevelResult(level: $0.id, value: 0, bound: upperBound($0, uncapped: nil), status: .timeLimit, seconds: 0)
            }
            return Result(outcome: .notRun(reason: Self.outOfTimeReason), placements: [], levels: levels,
                          methods: ["transfer: the time limit ran out before GLPK found a plan placing every rotation-due cadre"])
        }
    }

    /// Why no transfer was made when the time ran out under place_all_due.
    public static let outOfTimeReason = TimeLimitTexts.transferOutOfTime.text.en

    func solveComponents(using solver: inout LexicographicSolver) throws -> Result {
        let placeAllDue = adjudication.scenario.transfer.placeAllDue
        let withPairs = Set(pairs.map(\.cadreID))
        if placeAllDue && dueCandidates.contains(where: { !withPairs.contains($0) }) {
            return Result(outcome: .infeasible(try conflict(deadline: solver.deadline)), placements: [], levels: [])
        }
        var timings: [(phase: String, seconds: Double)] = []
        var clock = Date()
        let groups = components()
        clock = Self.lap(&timings, "transfer.components", since: clock)
        var accumulator = LevelAccumulator()
        var placements: [Plan.Placement] = []
        var byMatching = 0
        var byGLPKWithCaps = 0
        var byFallback = 0
        for (number, group) in groups.enumerated() {
            solver.stage = ("transfer", number + 1, groups.count)
            clock = Date()
            let part = restricted(to: group)
            clock = Self.lap(&timings, "transfer.components", since: clock)
            let tag = groups.count == 1 ? "" : "_c\(number + 1)"
            let values: [Double]
            if part.capBinds { byGLPKWithCaps += 1 } else { byMatching += 1 }
            if !part.capBinds {
                // A pure matching: solved exactly by the matching; small ones also by GLPK, and the two must agree.
                let started = Date()
                let uncapped = part.lexicographicMatching(deadline: part.matchingDeadline(solver))
                let seconds = Date().timeIntervalSince(started)
                let matched = uncapped.selected
                if !uncapped.complete {
                    // Out of time inside the matching: what it has, completed without GLPK, bounds by structure.
                    guard let plan = part.fallbackPlan(from: matched, placeAllDue: placeAllDue, deadline: solver.deadline) else {
                        throw SolverFailure.noSolutionInTime(LinearModel(name: "transfer\(tag)_due_placed", sense: .maximize))
                    }
                    byFallback += 1
                    for level in Level.allCases {
                        accumulator.add(LevelResult(level: level.id, value: part.levelValue(level, of: plan),
                                                    bound: part.upperBound(level, uncapped: nil), status: .timeLimit, seconds: seconds))
                    }
                    if !keep.isEmpty {
                        let kept = zip(part.pairs, plan).filter { $1 && keep.contains(Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID)) }.count
                        accumulator.add(LevelResult(level: .transferPersistence, value: kept, bound: max(kept, keep.count), status: .timeLimit, seconds: 0))
                    }
                    values = plan.map { $0 ? 1 : 0 }
                } else if placeAllDue && part.levelValue(.duePlaced, of: matched) < part.dueCandidates.count {
                    return Result(outcome: .infeasible(try conflict(deadline: solver.deadline)), placements: [], levels: accumulator.results)
                } else if part.pairs.count <= RotationOptimizer.largestCrossCheckedComponent {
                    var checked = LevelAccumulator()
                    guard let glpkValues = try part.solveLevels(using: &solver, tag: tag, accumulator: &checked, uncapped: uncapped,
                                                                start: matched) else {
                        throw SolverFailure.unexpected("GLPK finds place_all_due infeasible where the matching places every due cadre; this is a bug")
                    }
                    let glpkSelection = glpkValues.map { $0 > 0.5 }
                    for level in Level.allCases where checked.results.first(where: { $0.name == level.rawValue })?.status == .optimal
                        && part.levelValue(level, of: glpkSelection) != part.levelValue(level, of: matched) {
                        throw SolverFailure.unexpected("GLPK and the maximum-weight matching disagree on transfer level \(level.rawValue); this is a bug")
                    }
                    for result in checked.results { accumulator.add(result) }
                    values = glpkValues
                } else {
                    for level in Level.allCases {
                        let value = part.levelValue(level, of: matched)
                        accumulator.add(LevelResult(level: level.id, value: value, bound: value,
                                                    status: .optimal, seconds: seconds))
                    }
                    if !keep.isEmpty {
                        let kept = zip(part.pairs, matched).filter { $1 && keep.contains(Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID)) }.count
                        accumulator.add(LevelResult(level: .transferPersistence, value: kept, bound: kept, status: .optimal, seconds: 0))
                    }
                    values = matched.map { $0 ? 1 : 0 }
                }
            } else {
                let share = number == groups.count - 1 ? 1.0 : 0.5
                clock = Date()
                let uncapped = part.lexicographicMatching(deadline: part.matchingDeadline(solver))
                clock = Self.lap(&timings, "transfer.matching", since: clock)
                if placeAllDue && uncapped.complete && part.levelValue(.duePlaced, of: uncapped.selected) < part.dueCandidates.count {
                    // Without the caps not every due cadre can be placed, so with them neither: no GLPK needed.
                    return Result(outcome: .infeasible(try conflict(deadline: solver.deadline)), placements: [], levels: accumulator.results,
                                  timings: timings)
                }
                let start = part.startingPlan(uncapped, deadline: solver.deadline)
                clock = Self.lap(&timings, "transfer.fallback", since: clock)
                var levels = LevelAccumulator()
                let solvedLevels = part.pairs.count > columnGenerationAbove
                    ? try part.solveLevelsByPricing(using: &solver, tag: tag, accumulator: &levels, share: share, uncapped: uncapped, start: start)
                    : try part.solveLevels(using: &solver, tag: tag, accumulator: &levels, uncapped: uncapped, start: start)
                for result in levels.results { accumulator.add(result) }
                guard let solved = solvedLevels else {
                    return Result(outcome: .infeasible(try conflict(deadline: solver.deadline)), placements: [], levels: accumulator.results)
                }
                if let start, solved.map({ $0 > 0.5 }) == start, levels.results.contains(where: { $0.status == .timeLimit }) {
                    byFallback += 1
                }
                values = solved
            }
            for (k, pair) in part.pairs.enumerated() where values[k] > 0.5 {
                let units = unitPairs[Int(pair.unitPairIndex)]
                placements.append(Plan.Placement(cadreID: pair.cadreID, fromUnitID: units.from, positionID: pair.positionID,
                                                 toUnitID: units.to, phase: .transfer, scoreHundredths: pair.fitHundredths))
            }
        }
        if groups.isEmpty {
            for level in Level.allCases {
                accumulator.add(LevelResult(level: level.id, value: 0, bound: 0, status: .trivial, seconds: 0))
            }
        }
        let due = Set(dueCandidates)
        let method = "transfer: \(groups.count) independent component\(groups.count == 1 ? "" : "s"); "
            + "\(byMatching) without a binding unit-pair cap, solved as one maximum-weight matching with exact lexicographic weights "
            + "(shortest augmenting paths, or the Hungarian method on a small dense graph; cross-checked by GLPK up to "
            + "\(RotationOptimizer.largestCrossCheckedComponent) pairs), "
            + "\(byGLPKWithCaps) with a binding cap, solved by GLPK level by level"
            + (byFallback == 0 ? "" : "; " + TimeLimitTexts.transferFallback(components: byFallback).text.en)
        return Result(outcome: .solved(placed: placements.count, duePlaced: placements.filter { due.contains($0.cadreID) }.count,
                                       vacancies: vacancies.count, candidates: candidates.count),
                      placements: placements, levels: accumulator.results, methods: [method], timings: timings)
    }

    /// Whether a unit pair's cap can bind on these pairs: more transfers could happen between the two
    /// units (at most min(distinct cadres, distinct vacancies)) than the cap allows.
    func capCanBind(_ members: [Int], limit: Int) -> Bool {
        guard members.count > limit else { return false }
        let cadres = Set(members.map { pairs[$0].cadreIndex }).count
        let vacancies = Set(members.map { pairs[$0].vacancyIndex }).count
        return min(cadres, vacancies) > limit
    }

    /// Whether some unit-pair cap can bind in this phase.
    var capBinds: Bool { bindingUnitPairs().contains(true) }

    /// A level's value for a selection of pairs (persistence for nil).
    func levelValue(_ level: Level?, of selected: [Bool]) -> Int {
        var total = 0
        for (k, pair) in pairs.enumerated() where selected[k] {
            switch level {
            case .duePlaced?: total += pair.cadreIsDue ? 1 : 0
            case .vacanciesFilled?: total += 1
            case .fit?: total += pair.fitHundredths
            case nil: total += keep.contains(Adjudication.PairKey(cadre: pair.cadreID, position: pair.positionID)) ? 1 : 0
            }
        }
        return total
    }

    /// A level's value can be no more than this (and level 1 no more than the uncapped matching's).
    func upperBound(_ level: Level, uncapped: [Bool]?) -> Int {
        // `uncapped`: the proven optimum of the uncapped matching (nil: not known). Only cadres and
        // vacancies with a pair count.
        var cadreHasPair = [Bool](repeating: false, count: candidates.count)
        var vacancyHasPair = [Bool](repeating: false, count: vacancies.count)
        var dueWithPair = 0
        for pair in pairs {
            if !cadreHasPair[Int(pair.cadreIndex)] {
                cadreHasPair[Int(pair.cadreIndex)] = true
                if pair.cadreIsDue { dueWithPair += 1 }
            }
            vacancyHasPair[Int(pair.vacancyIndex)] = true
        }
        let open = vacancyHasPair.filter { $0 }.count
        let most = min(cadreHasPair.filter { $0 }.count, open)
        switch level {
        case .duePlaced:
            let trivial = min(dueWithPair, open)
            return uncapped.map { min(trivial, levelValue(.duePlaced, of: $0)) } ?? trivial
        case .vacanciesFilled: return most
        case .fit:
            var best = [Int](repeating: 0, count: vacancies.count)
            for pair in pairs { best[Int(pair.vacancyIndex)] = max(best[Int(pair.vacancyIndex)], pair.fitHundredths) }
            return best.reduce(0, +)
        }
    }

    /// The levels of one component; nil when `place_all_due` makes it infeasible.
    func solveLevels(using solver: inout LexicographicSolver, tag: String, accumulator: inout LevelAccumulator,
                     uncapped: UncappedMatching, start: [Bool]?) throws -> [Double]? {
        let placeAllDue = adjudication.scenario.transfer.placeAllDue
        var fixed: [(Level, Int)] = []
        var values: [Double]? = nil
        var solvedLevels: [(result: LevelResult, model: LinearModel)] = []
        defer { for result in LevelResult.reconciled(solvedLevels, with: values ?? []) { accumulator.add(result) } }
        // Without the caps the problem is a matching: its optimum bounds level 1; `start` (see
        // `startingPlan`) is the first solution should time run out.
        for level in Level.allCases {
            var built = model(level: level, fixed: fixed, placeAllDue: placeAllDue)
            built.name = "transfer\(tag)_\(level.rawValue)"
            let fallback = values ?? start.map { $0.map { $0 ? 1.0 : 0.0 } }
            // Transfer LPs are assignment-like and highly degenerate: the primal simplex is far faster on them.
            var solved = try solver.solve(level.id, model: built, fallback: fallback, method: .primal)
            solved.result.bound = min(solved.result.bound, upperBound(level, uncapped: level == .duePlaced ? uncapped.proven : nil))
            solvedLevels.append((solved.result, built))
            guard let solvedValues = solved.values else {
                if solved.result.status == .infeasible && placeAllDue && level == .duePlaced { return nil }
                throw SolverFailure.unexpected("the transfer model \(built.name) has no solution; placing nobody is feasible, so this is a bug")
            }
            values = solvedValues
            fixed.append((level, solved.result.value))
        }
        if !keep.isEmpty {
            var built = model(level: nil, fixed: fixed, placeAllDue: placeAllDue)
            built.name = "transfer\(tag)_persistence"
            let solved = try solver.solve(.transferPersistence, model: built, fallback: values, method: .primal)
            solvedLevels.append((solved.result, built))
            if let solvedValues = solved.values { values = solvedValues }
        }
        return values
    }

    /// At most this many due cadres are shrunk to an irreducible cap conflict (one small MILP per
    /// cadre); with more, the conflict names them all and says it is not proven irreducible.
    static let largestConflictSearch = 60

    /// Appended to a unit-pair-cap conflict's detail when its cadres are not proven to be an
    /// irreducible set (the search was cut short by the deadline, or skipped for too many cadres).
    /// Every such conflict is still a real one: these cadres cannot all be placed together.
    public static let notProvenIrreducible = " (not proven irreducible: the run's time limit ended the search for a minimal set, "
        + "or more than \(largestConflictSearch) cadres are due, so a smaller set of these cadres may already conflict)"

    /// Names due cadres who cannot all be placed: a Hall violator if one exists, else the unit-pair cap.
    ///
    /// A Hall violator is found by matching alone. A cap conflict is shrunk by a deletion filter
    /// (drop a cadre when the others still cannot all be placed), one GLPK solve per due cadre,
    /// each within what is left before `deadline`, the run's one deadline. When the deadline
    /// passes the search stops and returns the set it has, which still cannot be placed, with
    /// `notProvenIrreducible` in its detail.
    ///
    /// ```swift
    /// let conflict = try phase.conflict(deadline: Date().addingTimeInterval(10))
    /// // conflict.reason == .unitPairCap, conflict.cadres == ["d1", "d2"]
    /// ```
    /// - Complexity: one maximum matching, then at most `largestConflictSearch` MILPs of the
    ///   whole transfer model's size, all within the deadline.
    public func conflict(deadline: Date) throws -> TransferConflict {
        try conflict(deadline: deadline, now: Date.init) { cadres, seconds in
            try cannotAllBePlaced(cadres, timeLimitSeconds: seconds)
        }
    }

    /// `conflict(deadline:)` with the clock and the feasibility test injected (for tests): `now`
    /// reads the time; `cannotAllBePlaced(cadres, seconds)` says whether these cadres cannot all
    /// be placed (nil: no verdict within `seconds`), and is called only while time is left.
    func conflict(deadline: Date, now: () -> Date,
                  cannotAllBePlaced: ([CadreID], Double) throws -> Bool?) throws -> TransferConflict {
        let due = dueCandidates
        let dueIndex = Dictionary(uniqueKeysWithValues: due.enumerated().map { ($1, $0) })
        let dueOfCandidate = candidates.map { dueIndex[$0] ?? -1 }
        var neighbours: [[Int]] = Array(repeating: [], count: due.count)
        for pair in pairs {
            let left = dueOfCandidate[Int(pair.cadreIndex)]
            if left >= 0 { neighbours[left].append(Int(pair.vacancyIndex)) }
        }
        let edges = neighbours.enumerated().flatMap { left, rights in rights.map { (left: left, right: $0) } }
        let matching = try BipartiteMatching.maximumCardinality(leftCount: due.count, rightCount: vacancies.count, edges: edges)
        let unmatched = due.indices.filter { matching[$0] == nil }
        if !unmatched.isEmpty {
            // König: due cadres reachable by alternating paths from an unmatched one, and the
            // vacancies they reach, form a set with fewer vacancies than cadres.
            var matchOfRight: [Int?] = Array(repeating: nil, count: vacancies.count)
            for (left, right) in matching.enumerated() { if let right { matchOfRight[right] = left } }
            // From one unmatched cadre, the alternating-reachable cadres outnumber their vacancies by one;
            // report the smallest such set (a cadre with no eligible vacancy is the simplest).
            // Arrays stamped with the search's number, not sets: one search per unmatched cadre.
            var leftStamp = [Int](repeating: -1, count: due.count)
            var rightStamp = [Int](repeating: -1, count: vacancies.count)
            func violator(from start: Int, stamp: Int) -> (cadres: [Int], vacancies: [Int]) {
                var seenLeft = [start]
                var seenRight: [Int] = []
                leftStamp[start] = stamp
                var queue = [start]
                while let left = queue.popLast() {
                    for right in neighbours[left] where rightStamp[right] != stamp {
                        rightStamp[right] = stamp
                        seenRight.append(right)
                        if let next = matchOfRight[right], leftStamp[next] != stamp {
                            leftStamp[next] = stamp
                            seenLeft.append(next)
                            queue.append(next)
                        }
                    }
                }
                return (seenLeft, seenRight)
            }
            var smallest = violator(from: unmatched[0], stamp: 0)
            // Past the run's deadline the smallest found so far is reported (still a real violator).
            for (number, start) in unmatched.enumerated().dropFirst() where smallest.cadres.count > 1 {
                if number % 64 == 0 && now() >= deadline { break }
                let candidate = violator(from: start, stamp: number)
                if candidate.cadres.count < smallest.cadres.count { smallest = candidate }
            }
            let (seenLeft, seenRight) = smallest
            let cadres = seenLeft.map { due[$0] }.sorted(by: idPrecedes)
            let open = seenRight.map { vacancies[$0] }.sorted(by: idPrecedes)
            let members = Set(cadres)
            var reachable: [CadreID: [String]] = [:]
            for pair in pairs where members.contains(pair.cadreID) { reachable[pair.cadreID, default: []].append(pair.positionID.rawValue) }
            let perCadre = cadres.map { cadreID -> (cadre: String, vacancies: [String]) in (cadreID.rawValue, reachable[cadreID] ?? []) }
            let detail = RuleTexts.conflictHall(cadres: cadres.count, vacancies: open.count,
                                                sameLevelOnly: adjudication.scenario.transfer.sameLevelOnly, perCadre: perCadre).text
            return TransferConflict(reason: .hall, cadres: cadres, vacancies: open, detail: detail.en, chinese: detail.zh)
        }
        // Hall's condition holds, so the caps are to blame. Shrink the due cadres to an irreducible
        // set that still cannot all be placed (deletion filter, one small MILP per cadre), so the
        // department sees exactly whom the caps block; when a test runs out of time the cadre stays.
        var conflictSet = due
        var irreducible = due.count <= Self.largestConflictSearch
        if irreducible {
            for cadreID in due where conflictSet.count > 1 {
                let left = deadline.timeIntervalSince(now())
                guard left > 0 else {
                    irreducible = false
                    break
                }
                let trial = conflictSet.filter { $0 != cadreID }
                switch try cannotAllBePlaced(trial, left) {
                case true?: conflictSet = trial
                case false?: break
                case nil: irreducible = false  // no verdict in time: the cadre stays
                }
            }
        }
        let members = Set(conflictSet)
        let involved = pairs.filter { members.contains($0.cadreID) }
        let open = Set(involved.map(\.positionID)).sorted(by: idPrecedes)
        let binding = bindingUnitPairs()
        let capped = Set(involved.map { Int($0.unitPairIndex) }).filter { binding[$0] }.sorted()
            .map { (pair: "\(unitPairs[$0].from)→\(unitPairs[$0].to)", more: unitPairLimit[$0]) }
        let detail = RuleTexts.conflictUnitPairCap(cap: adjudication.scenario.transfer.maxPerUnitPair, pairs: capped,
                                                   irreducible: irreducible, largestSearch: Self.largestConflictSearch).text
        return TransferConflict(reason: .unitPairCap, cadres: conflictSet, vacancies: open, detail: detail.en, chinese: detail.zh)
    }

    /// Whether these cadres cannot all be placed at once (the caps and one cadre per vacancy):
    /// true when GLPK proves it, false when it finds a placement, nil when `timeLimitSeconds`
    /// (what is left of the run) ran out first.
    ///
    /// - Complexity: one GLPK MILP over every pair, within `timeLimitSeconds`.
    func cannotAllBePlaced(_ cadreIDs: [CadreID], timeLimitSeconds: Double) throws -> Bool? {
        let members = Set(cadreIDs)
        let mustPlace = TransferPhase(adjudication: adjudication, vacancies: vacancies, candidates: candidates,
                                      dueCandidates: cadreIDs, pairs: pairs.map { pair in
                                          var copy = pair
                                          copy.cadreIsDue = members.contains(pair.cadreID)
                                          return copy
                                      }, allowance: allowance, unitPairs: unitPairs, unitPairLimit: unitPairLimit, keep: [])
        let model = mustPlace.model(level: .duePlaced, fixed: [], placeAllDue: true)
        let limit = min(timeLimitSeconds, SolverOptions.longestTimeLimitSeconds)
        let solution = try GLPKSolver(options: SolverOptions(timeLimitSeconds: limit, method: .primal)).solve(model)
        switch solution.status {
        case .infeasible: return true
        case .optimal, .withinGap, .feasible: return false
        case .noSolution, .unbounded: return nil
        }
    }
}

/// A position behind one reference, for the pair scan.
private final class PositionBox {
    let position: Position
    init(_ position: Position) { self.position = position }
}
