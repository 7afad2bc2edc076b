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

    init(options: SolveOptions, deadline: Date) {
        self.options = options
        self.deadline = deadline
    }

    /// Solves one model; returns its values (nil when infeasible or no solution in time) and the level result.
    mutating func solve(_ level: ObjectiveLevelID, model: LinearModel, fallback: [Double]?,
                        method: SolverOptions.SimplexMethod = .dual) throws -> (values: [Double]?, result: LevelResult) {
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
        var remaining = deadline.timeIntervalSinceNow
        if remaining <= 0 {
            if fallback != nil { return try outOfTime(level, model: model, fallback: fallback) }
            remaining = Self.lastSlice
        }
        let limit = min(remaining, SolverOptions.longestTimeLimitSeconds)
        let solver = GLPKSolver(options: SolverOptions(timeLimitSeconds: limit, mipGap: options.mipGap, method: method))
        let solution = try solver.solve(model)
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
            let bound = Int((solution.bound ?? Double(value)).rounded(.down))
            return (best, LevelResult(level: level, value: value, bound: max(bound, value), status: .timeLimit, seconds: seconds))
        case .noSolution:
            // Out of time before a first solution: keep the previous level's solution, which is feasible here.
            guard let fallback else {
                throw SolverFailure.noSolutionInTime(model)
            }
            let value = integral(model.objectiveValue(of: fallback))
            let bound = Int((solution.bound ?? Double(value)).rounded(.down))
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
