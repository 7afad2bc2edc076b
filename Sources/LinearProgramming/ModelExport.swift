// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPKGuard
import Foundation

/// A text format GLPK writes.
///
/// ```swift
/// try model.export(.cplexLP).write(toFile: "model.lp", atomically: true, encoding: .utf8)
/// ```
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// CPLEX LP (`glp_write_lp`): keeps the objective sense. Prefer it.
    case cplexLP = "lp"
    /// Free MPS (`glp_write_mps` with `GLP_MPS_FILE`). MPS has no objective sense: a
    /// maximisation is read back as a minimisation by most other solvers.
    case freeMPS = "mps"
}

extension LinearModel {
    /// Writes the model as GLPK would (for inspection or another solver) and returns the text.
    ///
    /// Names are made safe for both formats: every character other than an ASCII letter,
    /// digit or `_` becomes `_`; a name that is empty, starts with a digit, or is a CPLEX LP
    /// keyword gets a prefix (`x`/`r` plus the 1-based position for empty names, `_`
    /// otherwise); names that then coincide get `_2`, `_3`, … suffixes. The result depends
    /// only on the model, so the same model always gives the same text. (`exportNames()`
    /// gives the names used.) GLPK writes the objective constant of a CPLEX LP file only as a
    /// comment (`\* constant term = 5 *\`), and GLPK adds a `~r_N` column for each ranged
    /// row in that format.
    ///
    /// ```swift
    /// let text = try model.export(.cplexLP)
    /// // "\* Problem: tiny *\\n\nMaximize\n obj: + 3 x + 2 y\n\nSubject To\n pick_one: …"
    /// ```
    /// - Complexity: O(variables + non-zeros), plus a temporary file.
    public func export(_ format: ModelFileFormat) throws -> String {
        let prepared = try prepared()
        let names = exportNames()
        glpg_log_clear()
        let problem = try GLPKProblem()
        defer { problem.close() }
        try problem.load(prepared, model: self, names: names)

        let url = Self.scratchFile(format)
        defer { try? FileManager.default.removeItem(at: url) }
        let code: Int32
        switch format {
        case .cplexLP: code = try problem.writeLP(to: url.path)
        case .freeMPS: code = try problem.writeFreeMPS(to: url.path)
        }
        guard code == 0 else {
            throw GLPKError.failed(
                "could not write the model to \(url.path) (GLPK return code \(code)). Last GLPK output:\n"
                    + GLPKSolver.logTail())
        }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw GLPKError.failed("could not read back the exported model at \(url.path): \(error)")
        }
    }

    /// A fresh path in the temporary folder for GLPK to write or read a model file through
    /// (GLPK's readers and writers take file names only); the caller removes it.
    static func scratchFile(_ format: ModelFileFormat) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("glpk-model-\(UUID().uuidString).\(format.rawValue)")
    }

    /// Reads a model from text in `format`, as GLPK reads it (`glp_read_lp` or `glp_read_mps`):
    /// the inverse of `export`, up to what the format keeps. Names come back as written;
    /// integer columns with bounds [0, 1] come back `.binary`; a CPLEX LP file brings no
    /// objective constant (GLPK writes it only as a comment) and keeps the `~r_N` columns
    /// GLPK writes for ranged rows; free MPS brings no objective sense (minimisation).
    ///
    /// ```swift
    /// let text = try String(contentsOfFile: "component.lp", encoding: .utf8)
    /// let model = try LinearModel(importing: text, format: .cplexLP)
    /// let solution = try GLPKSolver().solve(model)
    /// ```
    /// Throws `GLPKError.failed` with GLPK's message when the text is not valid in `format`.
    ///
    /// - Complexity: O(variables + constraints + non-zeros), plus a temporary file.
    public init(importing text: String, format: ModelFileFormat) throws {
        let url = Self.scratchFile(format)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try text.write(to: url, atomically: false, encoding: .utf8)
        } catch {
            throw GLPKError.failed("could not write the model to read at \(url.path): \(error)")
        }
        glpg_log_clear()
        glpg_set_quiet(0)
        let problem = try GLPKProblem()
        defer { problem.close() }
        let code: Int32
        switch format {
        case .cplexLP: code = try problem.readLP(from: url.path)
        case .freeMPS: code = try problem.readFreeMPS(from: url.path)
        }
        guard code == 0 else {
            throw GLPKError.failed(
                "GLPK could not read the model (\(format.rawValue) format, return code \(code)). Last GLPK output:\n"
                    + GLPKSolver.logTail())
        }
        self = try problem.linearModel()
    }

    /// The names `export` writes: model, one per variable, one per constraint.
    ///
    /// ```swift
    /// let names = model.exportNames()   // e.g. columns ["x", "___y", "_3z"] for "x", "张三 y", "3z"
    /// ```
    public func exportNames() -> (model: String, columns: [String], rows: [String]) {
        let modelName = Self.safeNames([name], emptyPrefix: "")[0]
        return (
            modelName,
            Self.safeNames(variables.map(\.name), emptyPrefix: "x"),
            Self.safeNames(constraints.map(\.name), emptyPrefix: "r")
        )
    }

    /// Words the CPLEX LP reader could take for section keywords or infinity.
    static let lpKeywords: Set<String> = [
        "minimize", "minimise", "minimum", "min", "maximize", "maximise", "maximum", "max",
        "subject", "to", "such", "that", "st", "bounds", "bound", "free", "inf", "infinity",
        "general", "generals", "gen", "integer", "integers", "int", "binary", "binaries", "bin",
        "end", "obj",
    ]

    static func safeNames(_ names: [String], emptyPrefix: String) -> [String] {
        let limit = maximumNameLength
        var used = Set<String>()
        var result: [String] = []
        result.reserveCapacity(names.count)
        for (index, name) in names.enumerated() {
            var base = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
                let v = scalar.value
                let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
                return ok ? scalar : "_"
            }))
            if base.isEmpty {
                if emptyPrefix.isEmpty { result.append(""); continue }
                base = "\(emptyPrefix)\(index + 1)"
            } else if let first = base.unicodeScalars.first, (0x30...0x39).contains(first.value) {
                base = "_" + base
            } else if lpKeywords.contains(base.lowercased()) {
                base = "_" + base
            }
            if base.utf8.count > limit { base = String(base.prefix(limit)) }
            var candidate = base
            var counter = 2
            while used.contains(candidate) {
                let suffix = "_\(counter)"
                candidate = String(base.prefix(limit - suffix.utf8.count)) + suffix
                counter += 1
            }
            used.insert(candidate)
            result.append(candidate)
        }
        return result
    }
}
