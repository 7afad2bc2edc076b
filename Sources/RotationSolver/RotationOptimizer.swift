// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import LinearProgramming
import RotationCore

/// What a solve decided and how sure it is.
public struct SolveReport: Sendable {
    public var plan: Plan
    public var status: RunStatus
    public var levels: [LevelResult]
    /// Level 1 (positions competed) without the no-envy rows; nil when not computed.
    public var positionsCompetedWithoutEnvy: Int?
    public var transfer: TransferOutcome
    /// Baseline pairs kept and changed (persistence), when a baseline was given.
    public var persistence: Persistence?
    /// Every model as solved (only with `SolveOptions.keepModels`).
    public var models: [(name: String, model: LinearModel)]
    /// The size of every model solved, in solve order.
    public var modelSizes: [ModelSize]
    public var glpkLog: String
    public var timings: [(phase: String, seconds: Double)]
    /// How each phase was solved, for audit.json: e.g. "shortlist: 11 components, 11 by GLPK (…)".
    public var methods: [String] = []
}

/// Runs the shortlist phase and the transfer phase on an adjudicated scenario.
public struct RotationOptimizer: Sendable {
    public let options: SolveOptions
    /// Told where the solve is before every model (the CLI's progress line on a terminal).
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Levels stopped as if out of time before they start (tests).
    var forcedStops: Set<ObjectiveLevelID> = []

    /// Components with at most this many passed pairs are solved with GLPK (and cross-checked against
    /// deferred acceptance); larger ones whose deferred acceptance fills every list take that proven optimum.
    public static let largestCrossCheckedComponent = 600

    /// The share of what is left of the shortlist phase that deferred acceptance's local search may
    /// use on a component before GLPK starts from its plan.
    public static let incumbentSearchShare = 0.1

    /// The share of the run's time the shortlist phase may use when a transfer phase follows.
    public static let shortlistShare = 0.5

    public init(options: SolveOptions) { self.options = options }

    /// Solves, extracts and re-checks; throws `SolverFailure` on a bug, never returns an unchecked plan.
    public func solve(_ adjudication: Adjudication, baseline: Plan? = nil) throws -> SolveReport {
        let deadline = (options.started ?? Date()).addingTimeInterval(options.timeLimitSeconds)
        var lexicographic = LexicographicSolver(options: options, deadline: deadline)
        lexicographic.progress = progress
        lexicographic.forcedStops = forcedStops
        var timings: [(String, Double)] = []
        var levels: [LevelResult] = []

        var plan = Plan(withdrawn: adjudication.minimumApplicantWithdrawals)
        var withoutEnvy: Int?
        var methods: [String] = []
        var persistence: Persistence?
        let shortlistStarted = Date()
        let transferRuns = adjudication.stage == .final && adjudication.scenario.transfer.enabled
        // The shortlist may use half of the run's time when a transfer follows, so that it never starves it.
        lexicographic.beginPhase(share: transferRuns ? Self.shortlistShare : 1)
        if adjudication.stage == .final {
            let whole = ShortlistFormulation(adjudication)
            let keep = baseline.map { Set($0.shortlist.map { Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID) }) }
            var chosen: [PositionID: [(rank: Int, cadreID: CadreID)]] = [:]
            var accumulator = LevelAccumulator()
            var withoutEnvyTotal = 0
            var provenByDeferredAcceptance = 0
            var incumbentSeconds = 0.0
            var searchesCut = 0
            let groups = whole.components()
            for (number, group) in groups.enumerated() {
                lexicographic.stage = ("shortlist", number + 1, groups.count)
                let formulation = whole.restricted(to: group)
                let tag = groups.count == 1 ? "" : "_c\(number + 1)"
                let started = Date()
                // Deferred acceptance, giving up lists that cannot fill: optimal when it gives up none,
                // and otherwise GLPK's first incumbent (a time limit never ends with less).
                // Its local search may use a tenth of what is left of the shortlist's time.
                let searchUntil = Date().addingTimeInterval(lexicographic.budget(share: Self.incumbentSearchShare) ?? 0)
                let accepted = DeferredAcceptance.incumbent(formulation, deadline: searchUntil)
                incumbentSeconds += Date().timeIntervalSince(started)
                if !accepted.searchFinished { searchesCut += 1 }
                if accepted.allFull && formulation.pairs.count > Self.largestCrossCheckedComponent {
                    // Proven optimal by structure (see DeferredAcceptance); too large to be worth GLPK's time.
                    let seconds = Date().timeIntervalSince(started)
                    let selected = Set(accepted.selected)
                    let isSelected = formulation.pairs.indices.map { selected.contains($0) }
                    let competed = Array(repeating: true, count: formulation.positions.count)
                    func proven(_ level: ObjectiveLevelID, _ value: Int) {
                        accumulator.add(LevelResult(level: level, value: value, bound: value, status: .optimal, seconds: seconds))
                    }
                    for level in ShortlistFormulation.Level.allCases {
                        proven(level.id, formulation.value(of: level, selected: isSelected, competed: competed))
                    }
                    if let keep {
                        proven(.shortlistPersistence, accepted.selected.filter {
                            keep.contains(Adjudication.PairKey(cadre: formulation.pairs[$0].cadreID, position: formulation.pairs[$0].positionID))
                        }.count)
                    }
                    if adjudication.scenario.mode == .preferences {
                        proven(.positionsCompetedWithoutEnvy, formulation.positions.count)
                        withoutEnvyTotal += formulation.positions.count
                    }
                    for k in accepted.selected {
                        chosen[formulation.pairs[k].positionID, default: []].append((formulation.pairs[k].rankIndex, formulation.pairs[k].cadreID))
                    }
                    provenByDeferredAcceptance += 1
                    continue
                }
                var fixed: [ShortlistFormulation.FixedLevel] = []
                var values: [Double]? = nil
                var columns: ShortlistFormulation.Columns?
                var solvedLevels: [(result: LevelResult, model: LinearModel)] = []
                for level in ShortlistFormulation.Level.allCases {
                    var built = formulation.model(level: level, fixed: fixed)
                    built.model.name = "shortlist\(tag)_\(level.rawValue)"
                    // Deferred acceptance's plan keeps every row before any level is fixed: the first
                    // incumbent, and the fallback if time runs out first (choosing nothing if it does not).
                    let fallback = values ?? {
                        let start = built.columns.values(selected: Self.mask(accepted.selected, count: formulation.pairs.count),
                                                         competed: accepted.competed, count: built.model.variables.count)
                        return built.model.isFeasible(start) ? start : Array(repeating: 0, count: built.model.variables.count)
                    }()
                    let solved = try lexicographic.solve(level.id, model: built.model, fallback: fallback,
                                                         cuts: ShortlistFormulation.cuts)
                    guard let solvedValues = solved.values else {
                        throw SolverFailure.unexpected("the shortlist model \(built.model.name) has no solution; choosing no position is always feasible, so this is a bug")
                    }
                    values = solvedValues
                    columns = built.columns
                    solvedLevels.append((solved.result, built.model))
                    fixed.append(.init(level: level, value: solved.result.value))
                }
                if let keep {
                    var built = formulation.model(level: nil, fixed: fixed, keep: keep)
                    built.model.name = "shortlist\(tag)_persistence"
                    let solved = try lexicographic.solve(.shortlistPersistence, model: built.model, fallback: values,
                                                         cuts: ShortlistFormulation.cuts)
                    if let solvedValues = solved.values {
                        values = solvedValues
                        columns = built.columns
                    }
                    solvedLevels.append((solved.result, built.model))
                }
                for result in LevelResult.reconciled(solvedLevels, with: values ?? []) { accumulator.add(result) }
                if adjudication.scenario.mode == .preferences {
                    var built = formulation.model(level: .positionsCompeted, fixed: [], envy: false)
                    built.model.name = "price_of_fairness\(tag)"
                    // Start from the with-envy solution (its z and x columns come first, in the same
                    // order; the relaxed model only drops rows): the price of fairness is never negative.
                    let withEnvy = values.map { Array($0.prefix(built.model.variables.count)) }
                    let start = withEnvy.flatMap { built.model.isFeasible($0) ? $0 : nil }
                        ?? Array(repeating: 0, count: built.model.variables.count)
                    let solved = try lexicographic.solve(.positionsCompetedWithoutEnvy, model: built.model, fallback: start)
                    withoutEnvyTotal += solved.result.value
                    accumulator.add(solved.result)
                }
                if let values, let columns {
                    var selectedByGLPK: [Int] = []
                    for (k, pair) in formulation.pairs.enumerated() where values[columns.pairColumns[k]] > 0.5 {
                        chosen[pair.positionID, default: []].append((pair.rankIndex, pair.cadreID))
                        selectedByGLPK.append(k)
                    }
                    // Two independent proofs must agree when deferred acceptance fills every list.
                    let finished = solvedLevels.allSatisfy { $0.result.status == .optimal || $0.result.status == .trivial }
                    if accepted.allFull && finished && selectedByGLPK != accepted.selected {
                        throw SolverFailure.unexpected("GLPK's optimum for \(tag.isEmpty ? "the shortlist" : "component" + tag) differs from deferred acceptance's, which is provably the same optimum; this is a bug")
                    }
                }
            }
            if groups.isEmpty {
                for level in ShortlistFormulation.Level.allCases {
                    accumulator.add(LevelResult(level: level.id, value: 0, bound: 0, status: .trivial, seconds: 0))
                }
                if keep != nil {
                    accumulator.add(LevelResult(level: .shortlistPersistence, value: 0, bound: 0, status: .trivial, seconds: 0))
                }
                if adjudication.scenario.mode == .preferences {
                    accumulator.add(LevelResult(level: .positionsCompetedWithoutEnvy, value: 0, bound: 0, status: .trivial, seconds: 0))
                }
            }
            if adjudication.scenario.mode == .preferences { withoutEnvy = withoutEnvyTotal }
            methods.append("shortlist: \(groups.count) independent component\(groups.count == 1 ? "" : "s"); "
                + "\(groups.count - provenByDeferredAcceptance) solved by GLPK level by level (cross-checked against deferred acceptance where it fills every list), "
                + "\(provenByDeferredAcceptance) proven optimal by deferred acceptance alone"
                + (searchesCut == 0 ? "" : "; the first plan's local search was stopped by the time limit in \(searchesCut) component\(searchesCut == 1 ? "" : "s")"))
            timings.append(("shortlist.incumbent", incumbentSeconds))
            levels += accumulator.results
            plan = extract(formulation: whole, chosen: chosen, adjudication: adjudication)
        }
        timings.append(("shortlist", Date().timeIntervalSince(shortlistStarted)))

        let transferStarted = Date()
        var transfer = TransferOutcome.notRun(reason: adjudication.stage == .preInterview
            ? RuleTexts.transferNotRunPreInterview.text.en
            : RuleTexts.transferDisabled.text.en)
        if transferRuns {
            lexicographic.beginPhase(share: 1)
            var phase = TransferPhase(adjudication: adjudication, competition: plan)
            timings.append(("transfer.setup", Date().timeIntervalSince(transferStarted)))
            if let baseline {
                phase.keep = Set(baseline.placements.filter { $0.phase == .transfer }.map { Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID) })
            }
            let result = try phase.solve(using: &lexicographic)
            levels += result.levels
            transfer = result.outcome
            methods += result.methods
            timings += result.timings
            plan.placements += result.placements
            plan.normalize()
        }
        timings.append(("transfer", Date().timeIntervalSince(transferStarted)))
        if let baseline {
            let before = Set(baseline.persistencePairs)
            let after = Set(plan.persistencePairs)
            persistence = Persistence(baselinePairs: before.count, kept: before.intersection(after).count)
        }

        // No transfer placements are expected when place_all_due was proven infeasible, or when
        // the time limit ended before any transfer plan placing every due cadre was found.
        let transferInfeasible = transfer.conflict != nil || transfer.code == "not_run" && transferRuns
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan, checkCompetitionByRules: adjudication.scenario.mode == .competition,
                                                                      transferInfeasible: transferInfeasible)
        guard problems.isEmpty else { throw SolverFailure.recheckFailed(problems) }

        let status: RunStatus
        if case .infeasible = transfer {
            status = .infeasible
        } else if levels.contains(where: { $0.status == .timeLimit }) {
            status = .timeLimit
        } else if levels.contains(where: { $0.status == .withinGap }) {
            status = .withinGap
        } else {
            status = .optimal
        }
        return SolveReport(plan: plan, status: status, levels: levels, positionsCompetedWithoutEnvy: withoutEnvy,
                           transfer: transfer, persistence: persistence, models: lexicographic.models, modelSizes: lexicographic.modelSizes,
                           glpkLog: lexicographic.log, timings: timings, methods: methods)
    }

    /// `true` at each of `indices`, in an array of `count`.
    static func mask(_ indices: [Int], count: Int) -> [Bool] {
        var mask = [Bool](repeating: false, count: count)
        for index in indices { mask[index] = true }
        return mask
    }

    /// Turns the chosen pairs into shortlists, placements and withdrawals.
    func extract(formulation: ShortlistFormulation, chosen: [PositionID: [(rank: Int, cadreID: CadreID)]],
                 adjudication: Adjudication) -> Plan {
        var plan = Plan(withdrawn: adjudication.minimumApplicantWithdrawals)
        let scenario = adjudication.scenario
        let ratio = scenario.rules.shortlistRatio
        let formulated = Dictionary(uniqueKeysWithValues: formulation.positions.map { ($0.positionID, $0) })
        for positionID in adjudication.competedPositions {
            let passed = adjudication.ranked[positionID] ?? []
            if passed.isEmpty {
                plan.withdrawn.append(.nobodyPassed(positionID, applicants: adjudication.applicants[positionID]?.count ?? 0))
                continue
            }
            guard let position = formulated[positionID] else {
                plan.withdrawn.append(.tooFewPassed(positionID, passed: passed.count, ratio: ratio, mode: scenario.mode))
                continue
            }
            let list = (chosen[positionID] ?? []).sorted { $0.rank < $1.rank }.map(\.cadreID)
            if list.isEmpty {
                plan.withdrawn.append(.notChosen(positionID))
                continue
            }
            adjudication.appendList(to: &plan, positionID: positionID, cadres: list,
                                    note: Plan.shortListNote(size: position.listSize, ratio: ratio))
        }
        plan.normalize()
        return plan
    }
}

/// Sums the results of one level over independent components: values and bounds add up, the
/// status is the weakest, seconds add up.
struct LevelAccumulator {
    private(set) var results: [LevelResult] = []

    mutating func add(_ result: LevelResult) {
        guard let index = results.firstIndex(where: { $0.level == result.level }) else {
            results.append(result)
            return
        }
        var total = results[index]
        total.value += result.value
        total.bound += result.bound
        total.seconds += result.seconds
        total.status = LevelResult.weaker(total.status, result.status)
        results[index] = total
    }
}

/// A pair that `--baseline` asks to keep: a shortlist pair or a transfer pair, told apart by kind.
struct PersistencePair: Hashable {
    enum Kind: Hashable { case shortlist, transfer }
    var kind: Kind
    var pair: Adjudication.PairKey
}

extension Plan {
    /// The shortlist pairs and the transfer pairs of the plan, which persistence counts.
    var persistencePairs: [PersistencePair] {
        shortlist.map { PersistencePair(kind: .shortlist, pair: Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID)) }
            + placements(.transfer).map { PersistencePair(kind: .transfer, pair: Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID)) }
    }
}
