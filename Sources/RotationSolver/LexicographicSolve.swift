// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import LinearProgramming
import RotationCore

/// Limits for a whole solve (every level and phase share the time budget).
public struct SolveOptions: Sendable, Equatable {
    public var timeLimitSeconds: Double
    public var mipGap: Double
    /// Keep every model as solved, for `--export-model`.
    public var keepModels: Bool
    /// When the run began (nil: when the solve begins): the one deadline is this plus the time limit,
    /// so that the time spent reading the input counts too. Never part of a run's bytes.
    public var started: Date?

    public init(timeLimitSeconds: Double = SolverSettings.defaultTimeLimitSeconds, mipGap: Double = 0, keepModels: Bool = false) {
        self.timeLimitSeconds = timeLimitSeconds
        self.mipGap = mipGap
        self.keepModels = keepModels
    }
}

extension LevelResult {
    /// The levels' values measured on the final solution. A later level may improve an earlier
    /// level's time-limited value (it is held only at least at what was found); a value that
    /// reaches its bound is then proven optimal. Infeasible levels are left as they are.
    static func reconciled(_ levels: [(result: LevelResult, model: LinearModel)], with final: [Double]) -> [LevelResult] {
        levels.map { level in
            var result = level.result
            guard result.status != .infeasible, !final.isEmpty, final.count == level.model.variables.count else { return result }
            result.value = max(result.value, Int(level.model.objectiveValue(of: final).rounded()))
            if result.value >= result.bound {
                result.bound = result.value
                if result.status == .timeLimit || result.status == .withinGap { result.status = .optimal }
            }
            return result
        }
    }
}

/// Solves a sequence of levels: each level's optimum is held as a constraint for the next.
struct LexicographicSolver {
    let options: SolveOptions
    let deadline: Date
    /// Every model as solved, with `keepModels`.
    var models: [(name: String, model: LinearModel)] = []
    /// The size of every model solved (always recorded: audit.json lists them).
    var modelSizes: [ModelSize] = []
    var log = ""

    /// What a level with no earlier solution gets once the deadline has passed.
    static let lastSlice = 0.05

    /// The end of the current phase's share of the run (never after `deadline`): a solve stops
    /// there, so that one phase cannot starve the next. Set by `beginPhase`.
    private(set) var phaseDeadline: Date
    /// Told before each solve where the run is (the progress line); `stage` says the phase and component.
    var progress: (@Sendable (SolveProgress) -> Void)?
    var stage = (phase: "", component: 1, components: 1)
    /// The largest relative gap of a level that stopped short of a proof so far.
    private(set) var worstGap: Double?
    private let started = Date()
    /// Levels treated as if the time had run out before them (tests: a level forced to stop).
    var forcedStops: Set<ObjectiveLevelID> = []
    /// The root LP's objective and row duals of the last `solve(…, rootDuals: true)` that got them.
    private(set) var root: (objective: Double, duals: [Double])?

    init(options: SolveOptions, deadline: Date) {
        self.options = options
        self.deadline = deadline
        self.phaseDeadline = deadline
    }

    /// Tells `progress` (if any) that `level` of the current stage is being solved.
    func report(_ level: String, phase: String? = nil) {
        progress?(SolveProgress(phase: phase ?? stage.phase, component: stage.component, components: stage.components,
                                level: level, gap: worstGap, seconds: Date().timeIntervalSince(started)))
    }

    /// Records a level's result for the progress line's gap.
    mutating func note(_ result: LevelResult) {
        guard result.status == .timeLimit || result.status == .withinGap, result.bound != result.value else { return }
        let gap = Double(abs(result.bound - result.value)) / Double(max(abs(result.value), 1))
        worstGap = max(worstGap ?? 0, gap)
    }

    /// Starts a phase that may use `share` (0…1) of the time left before the run's deadline;
    /// the last phase takes 1, everything left.
    ///
    /// ```swift
    /// solver.beginPhase(share: 0.5)   // the shortlist: at most half of what is left
    /// solver.beginPhase(share: 1)     // the transfer: the rest
    /// ```
    mutating func beginPhase(share: Double, now: Date = Date()) {
        let left = max(0, deadline.timeIntervalSince(now))
        phaseDeadline = min(deadline, now.addingTimeInterval(left * min(max(share, 0), 1)))
    }

    /// Seconds one solve may take: `share` of what is left of the phase (the rest stays for the
    /// phase's later solves); nil once the phase's time (or the run's) is gone.
    func budget(share: Double, now: Date = Date()) -> Double? {
        let left = min(phaseDeadline, deadline).timeIntervalSince(now)
        guard left > 0 else { return nil }
        return left * min(max(share, 0), 1)
    }

    /// Solves one model; returns its values (nil when infeasible or no solution in time) and the level result.
    ///
    /// The fallback, when it is a solution of `model`, is also GLPK's first incumbent (a warm
    /// start: the previous level's solution is feasible for the next). `share` is the part of
    /// what is left of the phase this solve may use (1 for the phase's last solve).
    mutating func solve(_ level: ObjectiveLevelID, model: LinearModel, fallback: [Double]?,
                        method: SolverOptions.SimplexMethod = .dual, cuts: SolverOptions.CutGenerators = .all,
                        share: Double = 0.5, rootDuals: Bool = false) throws -> (values: [Double]?, result: LevelResult) {
        root = nil
        let outcome = try solveOne(level, model: model, fallback: fallback, method: method, cuts: cuts, share: share,
                                   rootDuals: rootDuals)
        note(outcome.result)
        return outcome
    }

    private mutating func solveOne(_ level: ObjectiveLevelID, model: LinearModel, fallback: [Double]?,
                                   method: SolverOptions.SimplexMethod, cuts: SolverOptions.CutGenerators, share: Double,
                                   rootDuals: Bool) throws -> (values: [Double]?, result: LevelResult) {
        modelSizes.append(ModelSize(name: model.name, columns: model.variables.count, rows: model.constraints.count,
                                    nonzeros: model.nonZeroCount))
        if options.keepModels { models.append((name: model.name, model: model)) }
        let started = Date()
        if model.variables.isEmpty {
            return ([], LevelResult(level: level, value: 0, bound: 0, status: .trivial, seconds: 0))
        }
        // One deadline for the whole run. Past it, a level with an earlier solution to keep is not
        // solved at all; a level with none (the first transfer level under place_all_due) gets one
        // last slice of `lastSlice` seconds, so that a run still ends with a plan or a proven conflict.
        if forcedStops.contains(level) { return try outOfTime(level, model: model, fallback: fallback) }
        var remaining = budget(share: share) ?? 0
        if remaining <= 0 {
            if fallback != nil { return try outOfTime(level, model: model, fallback: fallback) }
            remaining = Self.lastSlice
        }
        report(level.name, phase: level.phase.rawValue)
        let limit = min(remaining, SolverOptions.longestTimeLimitSeconds)
        var glpkOptions = SolverOptions(timeLimitSeconds: limit, mipGap: options.mipGap, method: method, cuts: cuts)
        glpkOptions.rootDuals = rootDuals
        let solution = try GLPKSolver(options: glpkOptions).solve(model, start: fallback)
        if rootDuals, let objective = solution.relaxationObjective, solution.rowDuals.count == model.constraints.count {
            root = (objective, solution.rowDuals)
        }
        log += solution.log
        let seconds = Date().timeIntervalSince(started)
        func integral(_ value: Double?) -> Int { Int((value ?? 0).rounded()) }
        switch solution.status {
        case .optimal:
            let value = integral(solution.objective)
            return (solution.values, LevelResult(level: level, value: value, bound: value, status: .optimal, seconds: seconds))
        case .withinGap:
            let value = integral(solution.objective)
            let bound = Int((solution.bound ?? Double(value)).rounded(.down))
            return (solution.values, LevelResult(level: level, value: value, bound: max(bound, value), status: .withinGap, seconds: seconds))
        case .feasible:
            // Stopped at the time limit: keep GLPK's incumbent or the fallback, whichever is better.
            var best = solution.values
            var value = integral(solution.objective)
            if let fallback, integral(model.objectiveValue(of: fallback)) > value {
                best = fallback
                value = integral(model.objectiveValue(of: fallback))
            }
            let bound = solution.bound.map { Int($0.rounded(.down)) } ?? Self.optimisticBound(of: model) ?? value + 1
            return (best, LevelResult(level: level, value: value, bound: max(bound, value), status: .timeLimit, seconds: seconds))
        case .noSolution:
            // Out of time before a first solution: keep the previous level's solution, which is feasible here.
            guard let fallback else {
                throw SolverFailure.noSolutionInTime(model)
            }
            let value = integral(model.objectiveValue(of: fallback))
            // Without a bound from GLPK (stopped inside the LP), only the variables' bounds bound the
            // optimum: never the fallback's own value, which would pass for a proof.
            let bound = solution.bound.map { Int($0.rounded(.down)) } ?? Self.optimisticBound(of: model) ?? value + 1
            return (fallback, LevelResult(level: level, value: value, bound: max(bound, value), status: .timeLimit, seconds: seconds))
        case .infeasible:
            return (nil, LevelResult(level: level, value: 0, bound: 0, status: .infeasible, seconds: seconds))
        case .unbounded:
            throw SolverFailure.unexpected("GLPK reports the model \(model.name) (\(level.rawValue)) unbounded; every variable is bounded, so this is a bug")
        }
    }
}

extension LexicographicSolver {
    /// A level reached after the run's deadline: the previous level's solution (feasible here) with
    /// the bound every variable at its best allows, status time limit; no solution at all if there is
    /// no fallback.
    func outOfTime(_ level: ObjectiveLevelID, model: LinearModel, fallback: [Double]?) throws -> (values: [Double]?, result: LevelResult) {
        guard let fallback else {
            throw SolverFailure.noSolutionInTime(model)
        }
        let value = Int(model.objectiveValue(of: fallback).rounded())
        return (fallback, LevelResult(level: level, value: value, bound: max(value, Self.optimisticBound(of: model) ?? value + 1),
                                      status: .timeLimit, seconds: 0))
    }

    /// The best objective the variables' bounds allow (rounded down), ignoring every row: a bound
    /// that needs no solve. Nil when a variable that helps the objective is unbounded.
    ///
    /// - Complexity: O(columns).
    static func optimisticBound(of model: LinearModel) -> Int? {
        var total = model.objectiveConstant
        for variable in model.variables where variable.objective != 0 {
            let helps = (variable.objective > 0) == (model.sense == .maximize)
            guard let end = helps ? variable.upper : variable.lower else { return nil }
            total += variable.objective * end
        }
        guard total.isFinite, abs(total) < 1e15 else { return nil }
        return Int(model.sense == .maximize ? total.rounded(.down) : total.rounded(.up))
    }
}

/// A failure of the optimizer that is a bug, not bad input.
public enum SolverFailure: Error, CustomStringConvertible {
    /// Out of time before any solution of `model`, and no earlier solution to fall back on.
    static func noSolutionInTime(_ model: LinearModel) -> SolverFailure {
        .timeLimitWithoutSolution("the time limit ran out before GLPK found any solution of \(model.name); raise --time-limit")
    }

    case unexpected(String)
    /// The re-check found the solution breaks a rule.
    case recheckFailed([String])
    /// Out of time with no solution at all and nothing to fall back on (place_all_due under a tiny limit).
    case timeLimitWithoutSolution(String)

    public var description: String {
        switch self {
        case .unexpected(let message), .timeLimitWithoutSolution(let message): return message
        case .recheckFailed(let problems):
            return "internal error: the solution failed its re-check against the rules (nothing written):\n"
                + problems.map { "  - " + $0 }.joined(separator: "\n")
        }
    }
}
