// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK
import CGLPKGuard

/// Solves a `LinearModel` with GLPK.
///
/// Each `solve` creates a GLPK problem, solves it, reads the answer and deletes the problem
/// within one synchronous call on the calling thread, so solvers may run on several threads
/// at once (GLPK keeps one environment per thread). Never aborts the process: invalid input
/// is rejected before GLPK sees it, and GLPK's own error hook becomes `GLPKError.fatal`.
///
/// A pure LP is solved with `glp_simplex` (dual simplex with the long-step ratio test,
/// falling back to primal; no presolve). A MILP solves that LP relaxation first, then runs
/// `glp_intopt` (no presolve, GLPK's cut generators on unless `options.cuts` says otherwise)
/// from its optimal basis, within what is left of the time limit.
///
/// ```swift
/// var model = LinearModel(name: "knapsack", sense: .maximize)
/// let a = model.addVariable(name: "a", kind: .binary, objective: 10)
/// let b = model.addVariable(name: "b", kind: .binary, objective: 13)
/// model.addConstraint(name: "weight", terms: [.init(a, 5), .init(b, 7)], upper: 10)
/// let solution = try GLPKSolver(options: .init(timeLimitSeconds: 5)).solve(model)
/// // solution.status == .optimal, solution.objective == 13, solution.values == [0, 1]
/// ```
public struct GLPKSolver: Sendable {
    public var options: SolverOptions

    /// A solver with `options` (validated when `solve` runs).
    public init(options: SolverOptions = .init()) {
        self.options = options
    }

    /// Solves `model`. Throws `GLPKError.invalidModel` / `.invalidOptions` before GLPK is
    /// called, `.fatal` if GLPK's error hook fired, `.failed` if GLPK gave up
    /// (`GLP_EFAIL`, `GLP_EROOT`, a singular basis, …). Infeasible, unbounded and
    /// time-limited outcomes are statuses, not errors.
    ///
    /// - Complexity: that of GLPK's simplex and branch-and-bound, bounded by
    ///   `options.timeLimitSeconds`; loading is O(variables + non-zeros).
    public func solve(_ model: LinearModel) throws -> Solution {
        try solve(model, start: nil, relaxationOnly: false)
    }

    /// Solves `model` starting branch-and-bound from a known solution `start` (one value per
    /// variable): GLPK takes it as its first incumbent, so a time limit never ends with less.
    /// A start that breaks a row or a bound, or is not integral, is ignored (checked here:
    /// GLPK itself would not check the rows).
    ///
    /// ```swift
    /// let solution = try GLPKSolver().solve(model, start: previousLevelValues)
    /// // solution.startAccepted == true; solution.objective >= model.objectiveValue(of: previousLevelValues)
    /// ```
    public func solve(_ model: LinearModel, start: [Double]?) throws -> Solution {
        try solve(model, start: start, relaxationOnly: false)
    }

    /// Solves the LP relaxation of `model` (integer columns taken as continuous) and reads the
    /// row duals into `Solution.rowDuals`, for pricing columns left out of a restricted model.
    ///
    /// ```swift
    /// let lp = try GLPKSolver(options: .init(method: .primal)).solveRelaxation(model)
    /// // lp.status == .optimal, lp.bound == lp.objective, lp.rowDuals.count == model.constraints.count
    /// ```
    /// - Complexity: that of GLPK's simplex, bounded by `options.timeLimitSeconds`.
    public func solveRelaxation(_ model: LinearModel) throws -> Solution {
        try solve(model, start: nil, relaxationOnly: true)
    }

    func solve(_ model: LinearModel, start initial: [Double]?, relaxationOnly: Bool) throws -> Solution {
        let start = ContinuousClock.now
        try options.validate()
        let limit = try options.timeLimitMilliseconds()
        let prepared = try model.prepared()

        glpg_set_echo(options.echoLog ? 1 : 0)
        defer {
            glpg_set_echo(0)
            glpg_set_quiet(0)
        }
        glpg_log_clear()

        let problem = try GLPKProblem()
        defer { problem.close() }
        try problem.load(prepared, model: model, names: nil)
        if prepared.nonZeroCount > 0 {
            // glp_scale_prob reports at every level: keep that to .normal and .all.
            glpg_set_quiet(options.messageLevel == .normal || options.messageLevel == .all ? 0 : 1)
            try problem.scale()
        }
        glpg_set_quiet(options.messageLevel == .off ? 1 : 0)

        var run = SolveRun(
            problem: problem, model: model, prepared: prepared, options: options,
            start: start, limit: limit, relaxationOnly: relaxationOnly,
            incumbent: initial.flatMap { model.isFeasible($0) ? $0 : nil })
        var solution = try run.execute()
        solution.log = Self.capturedLog()
        solution.seconds = Self.seconds(since: start)
        return solution
    }

    static func capturedLog() -> String {
        let count = glpg_log_length()
        guard count > 0, let data = glpg_log_data() else { return "" }
        return data.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    /// The last `lines` lines of the captured log, for error messages.
    static func logTail(lines: Int = 6) -> String {
        let log = capturedLog()
        let tail = log.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines)
        return tail.isEmpty ? "(GLPK printed nothing)" : tail.joined(separator: "\n")
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }
}

extension GLPKProblem {
    /// Loads a prepared model; `names` (model, columns, rows) are set when given.
    func load(
        _ prepared: PreparedModel, model: LinearModel,
        names: (model: String, columns: [String], rows: [String])?
    ) throws {
        if let names, !names.model.isEmpty { try setName(names.model) }
        try setObjectiveDirection(model.sense)
        let columnCount = prepared.columnBounds.count
        let rowCount = prepared.rowBounds.count
        if rowCount > 0 { try addRows(Int32(rowCount)) }
        if columnCount > 0 { try addColumns(Int32(columnCount)) }
        for (index, bounds) in prepared.rowBounds.enumerated() {
            let row = Int32(index + 1)
            try setRowBounds(row, bounds)
            if let names, !names.rows[index].isEmpty { try setRowName(row, names.rows[index]) }
        }
        for index in 0..<columnCount {
            let column = Int32(index + 1)
            if prepared.columnIsInteger[index] { try setColumnKind(column, integer: true) }
            try setColumnBounds(column, prepared.columnBounds[index])
            if prepared.objective[index] != 0 { try setObjectiveCoefficient(column, prepared.objective[index]) }
            if let names, !names.columns[index].isEmpty { try setColumnName(column, names.columns[index]) }
        }
        if model.objectiveConstant != 0 { try setObjectiveCoefficient(0, model.objectiveConstant) }
        if prepared.nonZeroCount > 0 {
            try loadMatrix(
                rows: prepared.matrixRows, columns: prepared.matrixColumns, values: prepared.matrixValues,
                count: Int32(prepared.nonZeroCount))
        }
    }
}

/// One solve: the LP relaxation, then (for a MILP) branch-and-bound, and the status mapping.
private struct SolveRun {
    let problem: GLPKProblem
    let model: LinearModel
    let prepared: PreparedModel
    let options: SolverOptions
    let start: ContinuousClock.Instant
    let limit: Int32
    /// Solve the LP relaxation only, and read the row duals.
    var relaxationOnly = false
    /// A feasible solution to start branch-and-bound from.
    var incumbent: [Double]? = nil

    var columnCount: Int { prepared.columnBounds.count }
    var minimizing: Bool { model.sense == .minimize }

    /// Milliseconds left of the time limit, at least 1 (GLPK then stops at its first check).
    func remainingMilliseconds() -> Int32 {
        let used = GLPKSolver.seconds(since: start) * 1000
        let left = Double(limit) - used.rounded(.up)
        return left >= 1 ? Int32(left) : 1
    }

    mutating func execute() throws -> Solution {
        let isMIP = model.isMixedInteger && !relaxationOnly
        let (code, basic) = try solveRelaxation(readValues: !isMIP)
        if !isMIP {
            var outcome = try lpOutcome(code: code, basic: basic)
            if relaxationOnly && outcome.status == .optimal {
                outcome.rowDuals = try problem.rowDuals(rows: prepared.rowBounds.count)
                outcome.relaxationObjective = outcome.objective
            }
            return outcome
        }
        // A MILP needs an optimal LP basis before glp_intopt (without presolve).
        guard code == 0, basic.status == GLP_OPT else {
            return try relaxationFailure(code: code, basic: basic)
        }
        let duals = options.rootDuals ? try problem.rowDuals(rows: prepared.rowBounds.count) : []
        var solution = try branchAndBound(relaxationBound: basic.objective)
        if options.rootDuals {
            solution.rowDuals = duals
            solution.relaxationObjective = basic.objective
        }
        return solution
    }

    /// Dual simplex with the long-step ratio test (or primal simplex, by `options.method`), no
    /// presolve; if it ends without a verdict, primal simplex from where it stopped.
    func solveRelaxation(readValues: Bool) throws -> (Int32, GLPKProblem.BasicSolution) {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = options.glpkMessageLevel
        parameters.meth = options.method == .dual ? GLP_DUALP : GLP_PRIMAL
        parameters.r_test = options.method == .dual ? GLP_RT_FLIP : GLP_RT_HAR
        parameters.presolve = GLP_OFF
        parameters.tm_lim = remainingMilliseconds()
        var code = try problem.simplex(parameters)
        var basic = try problem.basicSolution(columns: readValues ? columnCount : 0)
        if code == 0, basic.status != GLP_OPT, basic.status != GLP_NOFEAS, basic.status != GLP_UNBND {
            parameters.meth = GLP_PRIMAL
            parameters.r_test = GLP_RT_HAR
            parameters.tm_lim = remainingMilliseconds()
            code = try problem.simplex(parameters)
            basic = try problem.basicSolution(columns: readValues ? columnCount : 0)
        }
        return (code, basic)
    }

    func lpOutcome(code: Int32, basic: GLPKProblem.BasicSolution) throws -> Solution {
        let codeName = GLPKCodes.returnCodeName(code)
        let statusName = GLPKCodes.statusName(basic.status)
        func result(_ status: SolveStatus, withValues: Bool = false, bound: Double? = nil) -> Solution {
            let values = withValues ? basic.values.map(Self.normalized) : []
            let objective: Double? = withValues ? basic.objective : nil
            return Solution(
                status: status, objective: objective, bound: bound,
                gap: objective.flatMap { o in bound.map { Self.relativeGap(o, $0) } },
                values: values, log: "", seconds: 0, returnCode: codeName, glpkStatus: statusName)
        }
        switch code {
        case 0:
            switch basic.status {
            case GLP_OPT: return result(.optimal, withValues: true, bound: basic.objective)
            case GLP_NOFEAS: return result(.infeasible)
            case GLP_UNBND: return result(.unbounded)
            default:
                throw GLPKError.failed(
                    "glp_simplex finished (return code 0) with status \(statusName), neither optimal, "
                        + "infeasible nor unbounded. Last GLPK output:\n\(GLPKSolver.logTail())")
            }
        case GLP_ETMLIM, GLP_EITLIM:
            // A dual feasible basis bounds the optimum; a primal feasible one is a solution.
            let bound: Double? = basic.dualStatus == GLP_FEAS ? basic.objective : nil
            if basic.primalStatus == GLP_FEAS {
                return result(basic.dualStatus == GLP_FEAS ? .optimal : .feasible, withValues: true, bound: bound)
            }
            return result(.noSolution, bound: bound)
        case GLP_ENOPFS: return result(.infeasible)
        case GLP_ENODFS: return result(.unbounded)
        default:
            throw Self.failure("glp_simplex", code)
        }
    }

    /// A MILP whose LP relaxation did not end optimal.
    func relaxationFailure(code: Int32, basic: GLPKProblem.BasicSolution) throws -> Solution {
        var outcome = try lpOutcome(code: code, basic: basic)
        // An LP-feasible point is no MILP solution: drop it, keep the bound.
        if outcome.status == .feasible || outcome.status == .optimal {
            outcome.status = .noSolution
        }
        outcome.values = []
        outcome.objective = nil
        outcome.gap = nil
        return outcome
    }

    func branchAndBound(relaxationBound: Double) throws -> Solution {
        let parameters = options.branchAndBoundParameters(timeLimitMilliseconds: remainingMilliseconds())
        var progress = glpg_mip_progress()
        progress.sample_every_node = options.mipGap > 0 ? 1 : 0
        let code: Int32
        if let incumbent {
            code = try problem.intopt(parameters, progress: &progress, start: incumbent)
        } else {
            code = try problem.intopt(parameters, progress: &progress)
        }
        let startAccepted = incumbent != nil && progress.callbacks > 0 && progress.start_rejected == 0
        let mip = try problem.mipSolution(columns: columnCount)
        let codeName = GLPKCodes.returnCodeName(code)
        let statusName = GLPKCodes.statusName(mip.status)

        var bound = relaxationBound
        if progress.has_bound != 0 {
            bound = minimizing ? max(bound, progress.bound) : min(bound, progress.bound)
        }

        let status: SolveStatus
        switch code {
        case 0:
            switch mip.status {
            case GLP_OPT: status = .optimal
            case GLP_FEAS: status = .feasible
            case GLP_NOFEAS: status = .infeasible
            default: status = .noSolution
            }
        case GLP_EMIPGAP:
            status = mip.status == GLP_OPT || mip.status == GLP_FEAS ? .withinGap : .noSolution
        case GLP_ETMLIM, GLP_ESTOP, GLP_EITLIM:
            switch mip.status {
            case GLP_OPT, GLP_FEAS: status = .feasible
            case GLP_NOFEAS: status = .infeasible
            default: status = .noSolution
            }
        case GLP_ENOPFS: status = .infeasible
        case GLP_ENODFS: status = .unbounded
        default:
            throw Self.failure("glp_intopt", code)
        }

        guard status.hasSolution else {
            let keepsBound = status == .noSolution
            return Solution(
                status: status, objective: nil, bound: keepsBound ? bound : nil, gap: nil, values: [],
                log: "", seconds: 0, returnCode: codeName, glpkStatus: statusName)
        }
        var values = mip.values
        for index in values.indices {
            if prepared.columnIsInteger[index] { values[index] = values[index].rounded() }
            values[index] = Self.normalized(values[index])
        }
        let objective = model.objectiveValue(of: values)
        if status == .optimal {
            bound = objective
        } else {
            if status == .withinGap {
                // GLPK stopped because its own bound was within mipGap of its incumbent; that
                // bound is at least as tight as this one, which is therefore proven too.
                let slack = options.mipGap * (abs(mip.objective) + Double.ulpOfOne)
                bound = minimizing ? max(bound, mip.objective - slack) : min(bound, mip.objective + slack)
            }
            // The incumbent itself bounds the optimum from the other side.
            bound = minimizing ? min(bound, objective) : max(bound, objective)
        }
        var solution = Solution(
            status: status, objective: objective, bound: bound,
            gap: status == .optimal ? 0 : Self.relativeGap(objective, bound), values: values,
            log: "", seconds: 0, returnCode: codeName, glpkStatus: statusName)
        solution.startAccepted = startAccepted
        return solution
    }

    static func failure(_ function: String, _ code: Int32) -> GLPKError {
        .failed(
            "\(function) returned \(GLPKCodes.returnCodeName(code)): \(GLPKCodes.returnCodeMeaning(code)). "
                + "Check the model's scaling and data. Last GLPK output:\n\(GLPKSolver.logTail())")
    }

    /// GLPK's relative gap: `|objective − bound| / (|objective| + DBL_EPSILON)`.
    static func relativeGap(_ objective: Double, _ bound: Double) -> Double {
        abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
    }

    /// Turns `-0.0` into `0.0`, so printed values are stable.
    static func normalized(_ value: Double) -> Double { value == 0 ? 0 : value }
}
