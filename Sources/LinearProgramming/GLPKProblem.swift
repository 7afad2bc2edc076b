// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK
import CGLPKGuard

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one `glp_prob`; every call goes through the C guard, so an invalid call throws
/// `GLPKError.fatal` instead of aborting.
///
/// GLPK keeps one environment per thread: create, use and close an instance on one thread,
/// within one synchronous call (never across an `await`). After a fatal error on the thread,
/// GLPK's whole environment there is freed, so this object (and any other on that thread) is
/// dead: its calls throw and `close()` does nothing.
///
/// ```swift
/// let problem = try GLPKProblem()
/// defer { problem.close() }
/// try problem.addColumns(2)
/// ```
final class GLPKProblem {
    private var handle: OpaquePointer?
    /// The thread's guard generation at creation; a different one means GLPK freed us.
    private let generation: UInt
    private let thread: pthread_t

    init() throws {
        generation = UInt(glpg_generation())
        thread = pthread_self()
        var pointer: OpaquePointer?
        try Self.check(glpg_create_prob(&pointer), "glp_create_prob")
        guard let pointer else { throw GLPKError.failed("glp_create_prob returned no problem") }
        handle = pointer
    }

    deinit { close() }

    /// Whether the underlying `glp_prob` still exists (not closed, not freed by a fatal error).
    var isAlive: Bool {
        handle != nil && UInt(glpg_generation()) == generation && pthread_equal(thread, pthread_self()) != 0
    }

    /// Deletes the problem. A no-op when dead; on another thread than the creating one the
    /// problem is leaked rather than deleted (GLPK would abort).
    func close() {
        guard let pointer = handle else { return }
        handle = nil
        guard UInt(glpg_generation()) == generation, pthread_equal(thread, pthread_self()) != 0 else { return }
        _ = glpg_delete_prob(pointer)
    }

    private func pointer(_ function: String) throws -> OpaquePointer {
        guard let pointer = handle else {
            throw GLPKError.fatal("\(function): the GLPK problem was already deleted")
        }
        guard UInt(glpg_generation()) == generation else {
            handle = nil
            throw GLPKError.fatal(
                "\(function): the GLPK problem was freed by an earlier GLPK error on this thread")
        }
        guard pthread_equal(thread, pthread_self()) != 0 else {
            throw GLPKError.fatal("\(function): a GLPK problem must be used on the thread that created it")
        }
        return pointer
    }

    /// Turns a guard result into a throw, marking this problem dead on a fatal error.
    private func run(_ function: String, _ body: (OpaquePointer) -> Int32) throws {
        let pointer = try pointer(function)
        let code = body(pointer)
        if code != GLPG_OK { handle = nil }
        try Self.check(code, function)
    }

    static func check(_ code: Int32, _ function: String) throws {
        guard code != GLPG_OK else { return }
        let message = String(cString: glpg_last_error())
        throw GLPKError.fatal("\(function): \(message)")
    }

    // MARK: building

    func setName(_ name: String) throws {
        try run("glp_set_prob_name") { glpg_set_prob_name($0, name) }
    }

    func setObjectiveDirection(_ sense: LinearModel.Sense) throws {
        let direction = sense == .minimize ? GLP_MIN : GLP_MAX
        try run("glp_set_obj_dir") { glpg_set_obj_dir($0, direction) }
    }

    /// Appends `count` (> 0) rows.
    func addRows(_ count: Int32) throws {
        try run("glp_add_rows") { glpg_add_rows($0, count, nil) }
    }

    /// Appends `count` (> 0) columns.
    func addColumns(_ count: Int32) throws {
        try run("glp_add_cols") { glpg_add_cols($0, count, nil) }
    }

    func setRowName(_ row: Int32, _ name: String) throws {
        try run("glp_set_row_name") { glpg_set_row_name($0, row, name) }
    }

    func setColumnName(_ column: Int32, _ name: String) throws {
        try run("glp_set_col_name") { glpg_set_col_name($0, column, name) }
    }

    /// Row bounds, 1-based row.
    func setRowBounds(_ row: Int32, _ bounds: GLPKBounds) throws {
        try run("glp_set_row_bnds") { glpg_set_row_bnds($0, row, bounds.type, bounds.lower, bounds.upper) }
    }

    /// Column bounds, 1-based column. Not validated here: GLPK's error hook is the check.
    func setColumnBounds(_ column: Int32, _ bounds: GLPKBounds) throws {
        try run("glp_set_col_bnds") { glpg_set_col_bnds($0, column, bounds.type, bounds.lower, bounds.upper) }
    }

    /// Objective coefficient of a 1-based column; column 0 is the constant term.
    func setObjectiveCoefficient(_ column: Int32, _ value: Double) throws {
        try run("glp_set_obj_coef") { glpg_set_obj_coef($0, column, value) }
    }

    func setColumnKind(_ column: Int32, integer: Bool) throws {
        let kind = integer ? GLP_IV : GLP_CV
        try run("glp_set_col_kind") { glpg_set_col_kind($0, column, kind) }
    }

    /// Loads the whole matrix; arrays are 1-based (slot 0 unused) with `count` entries.
    func loadMatrix(rows: [Int32], columns: [Int32], values: [Double], count: Int32) throws {
        try run("glp_load_matrix") { pointer in
            rows.withUnsafeBufferPointer { ia in
                columns.withUnsafeBufferPointer { ja in
                    values.withUnsafeBufferPointer { ar in
                        glpg_load_matrix(pointer, count, ia.baseAddress, ja.baseAddress, ar.baseAddress)
                    }
                }
            }
        }
    }

    func scale() throws {
        try run("glp_scale_prob") { glpg_scale_prob($0, GLP_SF_AUTO) }
    }

    // MARK: solving

    /// Runs `glp_simplex`; returns its return code.
    func simplex(_ parameters: glp_smcp) throws -> Int32 {
        var parameters = parameters
        var result: Int32 = 0
        try run("glp_simplex") { glpg_simplex($0, &parameters, &result) }
        return result
    }

    /// Runs `glp_intopt` with the guard's bound-sampling callback; returns its return code.
    func intopt(_ parameters: glp_iocp, progress: inout glpg_mip_progress) throws -> Int32 {
        var parameters = parameters
        var result: Int32 = 0
        try run("glp_intopt") { glpg_intopt($0, &parameters, &progress, &result) }
        return result
    }

    struct BasicSolution {
        var status: Int32
        var primalStatus: Int32
        var dualStatus: Int32
        var objective: Double
        var values: [Double]
    }

    /// The basic (simplex) solution; `values` is read only when `columns > 0`.
    func basicSolution(columns: Int) throws -> BasicSolution {
        var status: Int32 = 0
        var primal: Int32 = 0
        var dual: Int32 = 0
        var objective = 0.0
        var values = [Double](repeating: 0, count: columns)
        let n = Int32(columns)
        try run("glp_get_status") { pointer in
            values.withUnsafeMutableBufferPointer {
                glpg_get_lp_solution(pointer, &status, &primal, &dual, &objective, $0.baseAddress, n)
            }
        }
        return BasicSolution(status: status, primalStatus: primal, dualStatus: dual, objective: objective, values: values)
    }

    /// The MIP solution: status, objective, and one value per column.
    func mipSolution(columns: Int) throws -> (status: Int32, objective: Double, values: [Double]) {
        var status: Int32 = 0
        var objective = 0.0
        var values = [Double](repeating: 0, count: columns)
        let n = Int32(columns)
        try run("glp_mip_status") { pointer in
            values.withUnsafeMutableBufferPointer {
                glpg_get_mip_solution(pointer, &status, &objective, $0.baseAddress, n)
            }
        }
        return (status, objective, values)
    }

    // MARK: files

    /// Writes CPLEX LP; returns GLPK's return code (non-zero: the file could not be written).
    func writeLP(to path: String) throws -> Int32 {
        var result: Int32 = 0
        try run("glp_write_lp") { glpg_write_lp($0, path, &result) }
        return result
    }

    /// Writes free MPS (`GLP_MPS_FILE`); returns GLPK's return code.
    func writeFreeMPS(to path: String) throws -> Int32 {
        var result: Int32 = 0
        try run("glp_write_mps") { glpg_write_mps($0, GLP_MPS_FILE, path, &result) }
        return result
    }
}

/// A GLPK bound type with its values.
struct GLPKBounds: Equatable {
    var type: Int32
    var lower: Double
    var upper: Double

    /// Both nil → `GLP_FR`, lower only → `GLP_LO`, upper only → `GLP_UP`, equal → `GLP_FX`,
    /// both → `GLP_DB`.
    init(lower: Double?, upper: Double?) {
        switch (lower, upper) {
        case (nil, nil): self.init(type: GLP_FR, lower: 0, upper: 0)
        case (let l?, nil): self.init(type: GLP_LO, lower: l, upper: 0)
        case (nil, let u?): self.init(type: GLP_UP, lower: 0, upper: u)
        case (let l?, let u?): self.init(type: l == u ? GLP_FX : GLP_DB, lower: l, upper: u)
        }
    }

    init(type: Int32, lower: Double, upper: Double) {
        self.type = type
        self.lower = lower
        self.upper = upper
    }
}
