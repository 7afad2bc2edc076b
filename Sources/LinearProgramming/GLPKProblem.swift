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

    /// `intopt` with a known feasible solution (one value per column, checked by the caller)
    /// handed to GLPK as its first incumbent through the guard's callback (`glp_ios_heur_sol`).
    func intopt(_ parameters: glp_iocp, progress: inout glpg_mip_progress, start: [Double]) throws -> Int32 {
        var parameters = parameters
        var result: Int32 = 0
        let oneBased = [0] + start
        try run("glp_intopt") { pointer in
            oneBased.withUnsafeBufferPointer { glpg_intopt_from(pointer, &parameters, &progress, $0.baseAddress, &result) }
        }
        return result
    }

    /// The row duals of the basic solution (`glp_get_row_dual`), one per row.
    func rowDuals(rows: Int) throws -> [Double] {
        var duals = [Double](repeating: 0, count: rows)
        try run("glp_get_row_dual") { pointer in
            duals.withUnsafeMutableBufferPointer { glpg_get_row_duals(pointer, $0.baseAddress, Int32(rows)) }
        }
        return duals
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

    /// Reads a CPLEX LP file into this (erased) problem; returns GLPK's return code
    /// (non-zero: unreadable or not valid CPLEX LP; GLPK's message is in the log).
    func readLP(from path: String) throws -> Int32 {
        var result: Int32 = 0
        try run("glp_read_lp") { glpg_read_lp($0, path, &result) }
        return result
    }

    /// Reads a free MPS file (`GLP_MPS_FILE`) into this (erased) problem; returns GLPK's return code.
    func readFreeMPS(from path: String) throws -> Int32 {
        var result: Int32 = 0
        try run("glp_read_mps") { glpg_read_mps($0, GLP_MPS_FILE, path, &result) }
        return result
    }

    /// Reads the whole problem back as a `LinearModel`: sense, objective constant, columns
    /// (kind, bounds, objective, name), rows (bounds, name) and the matrix in row order.
    ///
    /// - Complexity: O(rows + columns + non-zeros).
    func linearModel() throws -> LinearModel {
        var m: Int32 = 0
        var n: Int32 = 0
        var nnz: Int32 = 0
        try run("glp_get_num_rows") { glpg_get_size($0, &m, &n, &nnz) }
        let rows = Int(m)
        let columns = Int(n)
        var direction: Int32 = 0
        var constant = 0.0
        var columnKind = [Int32](repeating: 0, count: columns)
        var columnType = [Int32](repeating: 0, count: columns)
        var columnLower = [Double](repeating: 0, count: columns)
        var columnUpper = [Double](repeating: 0, count: columns)
        var columnObjective = [Double](repeating: 0, count: columns)
        var rowType = [Int32](repeating: 0, count: rows)
        var rowLower = [Double](repeating: 0, count: rows)
        var rowUpper = [Double](repeating: 0, count: rows)
        var rowStart = [Int32](repeating: 0, count: rows + 1)
        var entryColumn = [Int32](repeating: 0, count: max(Int(nnz), 1))
        var entryValue = [Double](repeating: 0, count: max(Int(nnz), 1))
        try run("glp_get_mat_row") { pointer in
            glpg_get_model(
                pointer, &direction, &constant, &columnKind, &columnType, &columnLower, &columnUpper,
                &columnObjective, &rowType, &rowLower, &rowUpper, &rowStart, &entryColumn, &entryValue)
        }
        func bounds(_ type: Int32, _ lower: Double, _ upper: Double) -> (Double?, Double?) {
            switch type {
            case GLP_FR: return (nil, nil)
            case GLP_LO: return (lower, nil)
            case GLP_UP: return (nil, upper)
            case GLP_FX: return (lower, lower)
            default: return (lower, upper)
            }
        }
        func name(_ read: (OpaquePointer, UnsafeMutablePointer<UnsafePointer<CChar>?>) -> Int32, _ function: String) throws -> String {
            var text: UnsafePointer<CChar>? = nil
            try run(function) { read($0, &text) }
            return text.map { String(cString: $0) } ?? ""
        }
        var model = LinearModel(
            name: try name({ glpg_get_prob_name($0, $1) }, "glp_get_prob_name"),
            sense: direction == GLP_MAX ? .maximize : .minimize)
        model.objectiveConstant = constant
        for j in 0..<columns {
            let (lower, upper) = bounds(columnType[j], columnLower[j], columnUpper[j])
            let kind: LinearModel.VariableKind =
                columnKind[j] == GLP_BV ? .binary : columnKind[j] == GLP_IV ? .integer : .continuous
            let column = Int32(j + 1)
            model.addVariable(
                name: try name({ glpg_get_col_name($0, column, $1) }, "glp_get_col_name"), kind: kind,
                lower: lower, upper: upper, objective: columnObjective[j])
        }
        for i in 0..<rows {
            let (lower, upper) = bounds(rowType[i], rowLower[i], rowUpper[i])
            let terms = (Int(rowStart[i])..<Int(rowStart[i + 1])).map {
                LinearModel.Term(Int(entryColumn[$0]), entryValue[$0])
            }
            let row = Int32(i + 1)
            model.addConstraint(
                name: try name({ glpg_get_row_name($0, row, $1) }, "glp_get_row_name"), terms: terms,
                lower: lower, upper: upper)
        }
        return model
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
