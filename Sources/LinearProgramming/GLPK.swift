// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK
import CGLPKGuard

/// Facts about the linked GLPK library.
///
/// ```swift
/// print("GLPK \(GLPK.version)")   // "GLPK 5.0"
/// ```
public enum GLPK {
    /// The version string of the linked library (`glp_version()`), e.g. `"5.0"`.
    public static var version: String { String(cString: glp_version()) }

    /// Frees the calling thread's GLPK environment (about 6 KB), for a thread that is about
    /// to exit after solving. Solvers here never hold GLPK objects between calls, so this is
    /// always safe between calls; the next call on the thread starts a fresh environment.
    ///
    /// ```swift
    /// Thread { _ = try? GLPKSolver().solve(model); GLPK.releaseThreadEnvironment() }.start()
    /// ```
    public static func releaseThreadEnvironment() {
        glpg_free_env()
    }
}

/// Why GLPK could not be asked, or could not answer.
///
/// ```swift
/// do { _ = try GLPKSolver().solve(model) }
/// catch let error as GLPKError { print(error) }   // "invalid model: constraint 'cap' …"
/// ```
public enum GLPKError: Error, CustomStringConvertible, Equatable {
    /// The model was rejected by validation before GLPK saw it.
    case invalidModel(String)
    /// The solver options were rejected before GLPK saw them.
    case invalidOptions(String)
    /// GLPK's error hook fired (an invalid call or an internal error). The process survived;
    /// every GLPK object on the calling thread was freed. The message is GLPK's.
    case fatal(String)
    /// GLPK ran but could not produce an answer (`GLP_EFAIL`, `GLP_EROOT`, a singular basis,
    /// a file that could not be written, …).
    case failed(String)

    public var description: String {
        switch self {
        case .invalidModel(let message): return "invalid model: \(message)"
        case .invalidOptions(let message): return "invalid solver options: \(message)"
        case .fatal(let message):
            return "GLPK stopped with an internal error (the call was abandoned; no GLPK object "
                + "survives on this thread): \(message)"
        case .failed(let message): return "GLPK failed: \(message)"
        }
    }
}

/// How a solve ended. The raw values (`"optimal"`, `"within_gap"`, `"no_solution"`, …) are
/// meant for reports.
///
/// ```swift
/// switch try GLPKSolver().solve(model).status {
/// case .optimal, .withinGap, .feasible: break          // values are there
/// case .infeasible, .unbounded, .noSolution: break     // values are empty
/// }
/// ```
public enum SolveStatus: String, Sendable, Equatable {
    /// Proven optimal (for a MILP: the whole tree was explored with a zero gap tolerance).
    case optimal
    /// A MILP stopped because the relative gap fell below `SolverOptions.mipGap` (> 0): the
    /// solution is within that gap of the optimum, not proven optimal (`GLP_EMIPGAP`).
    case withinGap = "within_gap"
    /// Stopped by the time limit with a feasible solution (the incumbent).
    case feasible
    /// No feasible solution exists.
    case infeasible
    /// The objective is unbounded. For a MILP this is the LP relaxation's verdict: the MILP
    /// is unbounded if it has any integer-feasible solution at all.
    case unbounded
    /// Stopped by the time limit before any feasible solution was found.
    case noSolution = "no_solution"

    /// Whether `Solution.values` holds a solution.
    public var hasSolution: Bool {
        switch self {
        case .optimal, .withinGap, .feasible: return true
        case .infeasible, .unbounded, .noSolution: return false
        }
    }
}

/// Options for `GLPKSolver`, validated before GLPK sees them (GLPK aborts on bad ones).
///
/// ```swift
/// let options = SolverOptions(timeLimitSeconds: 10, mipGap: 0.001)
/// let solution = try GLPKSolver(options: options).solve(model)
/// ```
public struct SolverOptions: Sendable, Equatable {
    /// How much GLPK writes to the captured log (`Solution.log`).
    public enum MessageLevel: String, Sendable, Equatable {
        /// Nothing (`GLP_MSG_OFF`).
        case off
        /// Errors and warnings only (`GLP_MSG_ERR`).
        case errors
        /// Normal progress lines (`GLP_MSG_ON`).
        case normal
        /// Everything (`GLP_MSG_ALL`).
        case all
    }

    /// Wall-clock limit for the whole solve (LP relaxation and branch-and-bound), in seconds.
    /// Must be finite and positive; GLPK takes whole milliseconds (rounded up) up to
    /// `Int32.max`.
    public var timeLimitSeconds: Double = 60
    /// The longest `timeLimitSeconds` GLPK can take (`Int32.max` milliseconds, about 24.8 days):
    /// clamp a remaining budget to it before building options.
    ///
    /// ```swift
    /// let options = SolverOptions(timeLimitSeconds: min(left, SolverOptions.longestTimeLimitSeconds))
    /// ```
    public static let longestTimeLimitSeconds = Double(Int32.max / 1000)

    /// Relative MIP gap tolerance (`mip_gap`): stop when
    /// `|best − bound| / (|best| + DBL_EPSILON)` falls to it. `0` proves optimality.
    public var mipGap: Double = 0
    /// GLPK's message level. Output is always captured into `Solution.log`, never printed
    /// unless `echoLog` is set.
    public var messageLevel: MessageLevel = .normal
    /// Also copy GLPK's output to standard error as it is produced (a progress display).
    public var echoLog: Bool = false

    /// The simplex method for the LP (relaxation).
    public enum SimplexMethod: String, Sendable, Equatable {
        /// Dual simplex with the long-step ratio test (`GLP_RT_FLIP`): fastest on the shortlist models.
        case dual
        /// Primal simplex: far faster on highly degenerate assignment LPs (`rotation-bench`,
        /// a 178,000-column capped transfer: 1.3 s where the dual simplex stalled for minutes).
        case primal
    }

    public var method: SimplexMethod = .dual

    /// GLPK's cutting-plane generators, used by branch-and-bound at the root and in the tree.
    ///
    /// ```swift
    /// var options = SolverOptions()
    /// options.cuts = []                     // plain branch-and-bound, as glp_intopt's default
    /// options.cuts = [.gomory, .clique]     // only these two
    /// ```
    public struct CutGenerators: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Gomory's mixed-integer cuts (`gmi_cuts`).
        public static let gomory = CutGenerators(rawValue: 1 << 0)
        /// Mixed-integer rounding cuts (`mir_cuts`).
        public static let mixedIntegerRounding = CutGenerators(rawValue: 1 << 1)
        /// Mixed cover cuts (`cov_cuts`).
        public static let cover = CutGenerators(rawValue: 1 << 2)
        /// Clique cuts (`clq_cuts`).
        public static let clique = CutGenerators(rawValue: 1 << 3)
        /// All four: the default.
        public static let all: CutGenerators = [.gomory, .mixedIntegerRounding, .cover, .clique]
    }

    /// The cut generators branch-and-bound uses; all four by default. GLPK's own default is
    /// none, and without them the shortlist and transfer MILPs can stall: a 1,099-column
    /// shortlist component (1,000 cadres, 392 positions, three preferences) found no integer
    /// solution in 60 s without cuts and was proven optimal in 0.1 s with them. Pure LPs
    /// ignore this option.
    public var cuts: CutGenerators = .all

    /// GLPK's primal heuristics in branch-and-bound (all off by default, as in GLPK).
    public struct Heuristics: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The feasibility pump (`fp_heur`).
        public static let feasibilityPump = Heuristics(rawValue: 1 << 0)
        /// Proximity search (`ps_heur`), for at most `proximitySeconds` a call.
        public static let proximitySearch = Heuristics(rawValue: 1 << 1)
    }

    /// Heuristics branch-and-bound runs (GLPK's default: none; `rotation-bench --tune` measures them).
    public var heuristics: Heuristics = []
    /// Proximity search's own time limit, when on.
    public var proximitySeconds = 5.0

    /// The branching rule (`br_tech`).
    public enum Branching: String, Sendable, CaseIterable {
        case firstFractional = "first"
        case lastFractional = "last"
        case mostFractional = "most"
        /// Driebeck and Tomlin's heuristic: GLPK's default.
        case driebeckTomlin = "dth"
        /// Hybrid pseudo-costs.
        case pseudoCost = "pch"
    }

    public var branching: Branching = .driebeckTomlin

    /// For a MILP, also read the row duals and the objective of the root LP relaxation (before
    /// branch-and-bound) into `Solution.rowDuals` and `Solution.relaxationObjective`: what column
    /// generation prices with, without a second LP solve.
    public var rootDuals = false

    public init(
        timeLimitSeconds: Double = 60, mipGap: Double = 0, messageLevel: MessageLevel = .normal,
        echoLog: Bool = false, method: SimplexMethod = .dual, cuts: CutGenerators = .all
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.mipGap = mipGap
        self.messageLevel = messageLevel
        self.echoLog = echoLog
        self.method = method
        self.cuts = cuts
    }

    /// Throws `GLPKError.invalidOptions` unless every option is acceptable to GLPK.
    public func validate() throws {
        _ = try timeLimitMilliseconds()
        guard mipGap.isFinite, mipGap >= 0 else {
            throw GLPKError.invalidOptions("mipGap must be a finite number ≥ 0 (got \(mipGap))")
        }
    }

    /// `tm_lim`: the time limit in whole milliseconds, rounded up.
    func timeLimitMilliseconds() throws -> Int32 {
        guard timeLimitSeconds.isFinite, timeLimitSeconds > 0 else {
            throw GLPKError.invalidOptions(
                "timeLimitSeconds must be a finite number > 0 (got \(timeLimitSeconds))")
        }
        let milliseconds = (timeLimitSeconds * 1000).rounded(.up)
        guard milliseconds <= Double(Int32.max) else {
            throw GLPKError.invalidOptions(
                "timeLimitSeconds must be at most \(Int(Int32.max) / 1000) s "
                    + "(GLPK counts milliseconds in a 32-bit int; got \(timeLimitSeconds))")
        }
        return Int32(milliseconds)
    }

    /// `glp_iocp` for branch-and-bound from these options: message level, no presolve (the
    /// root LP is solved beforehand with the chosen simplex method), the time limit given (what
    /// is left of `timeLimitSeconds`, in milliseconds), `mipGap`, and the cut generators of `cuts`.
    /// Pure: it only fills the structure; the guard installs its own callback when solving.
    ///
    /// ```swift
    /// let parameters = SolverOptions().branchAndBoundParameters(timeLimitMilliseconds: 5_000)
    /// // parameters.gmi_cuts == GLP_ON, parameters.tm_lim == 5_000, parameters.presolve == GLP_OFF
    /// ```
    func branchAndBoundParameters(timeLimitMilliseconds: Int32) -> glp_iocp {
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = glpkMessageLevel
        parameters.presolve = GLP_OFF
        parameters.tm_lim = timeLimitMilliseconds
        parameters.mip_gap = mipGap
        func flag(_ generator: CutGenerators) -> Int32 { cuts.contains(generator) ? GLP_ON : GLP_OFF }
        parameters.gmi_cuts = flag(.gomory)
        parameters.mir_cuts = flag(.mixedIntegerRounding)
        parameters.cov_cuts = flag(.cover)
        parameters.clq_cuts = flag(.clique)
        parameters.fp_heur = heuristics.contains(.feasibilityPump) ? GLP_ON : GLP_OFF
        parameters.ps_heur = heuristics.contains(.proximitySearch) ? GLP_ON : GLP_OFF
        parameters.ps_tm_lim = Int32(min(max(proximitySeconds, 0.001), 86_400) * 1000)
        switch branching {
        case .firstFractional: parameters.br_tech = GLP_BR_FFV
        case .lastFractional: parameters.br_tech = GLP_BR_LFV
        case .mostFractional: parameters.br_tech = GLP_BR_MFV
        case .driebeckTomlin: parameters.br_tech = GLP_BR_DTH
        case .pseudoCost: parameters.br_tech = GLP_BR_PCH
        }
        return parameters
    }

    var glpkMessageLevel: Int32 {
        switch messageLevel {
        case .off: return GLP_MSG_OFF
        case .errors: return GLP_MSG_ERR
        case .normal: return GLP_MSG_ON
        case .all: return GLP_MSG_ALL
        }
    }
}

/// The outcome of one solve.
///
/// ```swift
/// let solution = try GLPKSolver().solve(model)
/// if solution.status.hasSolution { print(solution.objective!, solution.values) }
/// ```
public struct Solution: Sendable, Equatable {
    public var status: SolveStatus
    /// Objective value of `values`, constant included; `nil` without a solution.
    public var objective: Double?
    /// A proven bound on the optimum (lower when minimising, upper when maximising): the best
    /// node bound of the branch-and-bound tree, or the LP relaxation's value when the tree
    /// never started; equal to `objective` when optimal. `nil` when none is known.
    public var bound: Double?
    /// Relative gap as GLPK defines it: `|objective − bound| / (|objective| + DBL_EPSILON)`;
    /// `nil` unless both are known.
    public var gap: Double?
    /// One value per model variable (integer variables rounded to integers); empty without a
    /// solution.
    public var values: [Double]
    /// Everything GLPK printed during the solve.
    public var log: String
    /// Wall-clock time of the solve, model loading included.
    public var seconds: Double
    /// GLPK's return code of the last solver call, symbolically: `"0"`, `"GLP_ETMLIM"`, …
    public var returnCode: String
    /// GLPK's solution status of the last solver call: `"GLP_OPT"`, `"GLP_FEAS"`, …
    public var glpkStatus: String
    /// The row duals (`glp_get_row_dual`, one per constraint) of an optimal LP: set by
    /// `GLPKSolver.solveRelaxation`, empty otherwise. For a column `j`, its reduced profit is
    /// `c_j − Σ_i a_ij · rowDuals[i]`.
    public var rowDuals: [Double] = []
    /// Whether a `start` handed to `GLPKSolver.solve(_:start:)` became GLPK's first incumbent.
    public var startAccepted = false
    /// The optimal objective of the LP relaxation, when `SolverOptions.rootDuals` read it (or
    /// `solveRelaxation` solved it); nil otherwise.
    public var relaxationObjective: Double?

    public init(
        status: SolveStatus, objective: Double?, bound: Double?, gap: Double?, values: [Double],
        log: String, seconds: Double, returnCode: String, glpkStatus: String
    ) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.values = values
        self.log = log
        self.seconds = seconds
        self.returnCode = returnCode
        self.glpkStatus = glpkStatus
    }
}

/// Symbolic names of GLPK's codes.
enum GLPKCodes {
    /// Name of a solver return code (every code in `glpk.h`).
    static func returnCodeName(_ code: Int32) -> String {
        switch code {
        case 0: return "0"
        case GLP_EBADB: return "GLP_EBADB"
        case GLP_ESING: return "GLP_ESING"
        case GLP_ECOND: return "GLP_ECOND"
        case GLP_EBOUND: return "GLP_EBOUND"
        case GLP_EFAIL: return "GLP_EFAIL"
        case GLP_EOBJLL: return "GLP_EOBJLL"
        case GLP_EOBJUL: return "GLP_EOBJUL"
        case GLP_EITLIM: return "GLP_EITLIM"
        case GLP_ETMLIM: return "GLP_ETMLIM"
        case GLP_ENOPFS: return "GLP_ENOPFS"
        case GLP_ENODFS: return "GLP_ENODFS"
        case GLP_EROOT: return "GLP_EROOT"
        case GLP_ESTOP: return "GLP_ESTOP"
        case GLP_EMIPGAP: return "GLP_EMIPGAP"
        case GLP_ENOFEAS: return "GLP_ENOFEAS"
        case GLP_ENOCVG: return "GLP_ENOCVG"
        case GLP_EINSTAB: return "GLP_EINSTAB"
        case GLP_EDATA: return "GLP_EDATA"
        case GLP_ERANGE: return "GLP_ERANGE"
        default: return "unknown return code \(code)"
        }
    }

    /// What a return code means, for error messages.
    static func returnCodeMeaning(_ code: Int32) -> String {
        switch code {
        case 0: return "success"
        case GLP_EBADB: return "the initial basis is invalid"
        case GLP_ESING: return "the basis matrix is singular"
        case GLP_ECOND: return "the basis matrix is ill-conditioned"
        case GLP_EBOUND: return "some double-bounded variables have incorrect bounds"
        case GLP_EFAIL: return "the solver failed (numerical difficulties or an internal error)"
        case GLP_EOBJLL: return "the objective reached its lower limit"
        case GLP_EOBJUL: return "the objective reached its upper limit"
        case GLP_EITLIM: return "the iteration limit was exceeded"
        case GLP_ETMLIM: return "the time limit was exceeded"
        case GLP_ENOPFS: return "no primal feasible solution"
        case GLP_ENODFS: return "no dual feasible solution"
        case GLP_EROOT: return "no optimal basis of the root LP relaxation was provided"
        case GLP_ESTOP: return "the search was stopped by the application"
        case GLP_EMIPGAP: return "the relative MIP gap tolerance was reached"
        case GLP_ENOFEAS: return "no primal/dual feasible solution (interior point)"
        case GLP_ENOCVG: return "no convergence (interior point)"
        case GLP_EINSTAB: return "numerical instability (interior point)"
        case GLP_EDATA: return "invalid data"
        case GLP_ERANGE: return "result out of range (integer overflow)"
        default: return "unknown"
        }
    }

    /// Name of a solution status (`glp_get_status`, `glp_mip_status`).
    static func statusName(_ status: Int32) -> String {
        switch status {
        case GLP_UNDEF: return "GLP_UNDEF"
        case GLP_FEAS: return "GLP_FEAS"
        case GLP_INFEAS: return "GLP_INFEAS"
        case GLP_NOFEAS: return "GLP_NOFEAS"
        case GLP_OPT: return "GLP_OPT"
        case GLP_UNBND: return "GLP_UNBND"
        default: return "unknown status \(status)"
        }
    }
}
