// SPDX-License-Identifier: GPL-3.0-or-later

/// A validated model in GLPK's terms: bound types, 1-based matrix arrays, duplicates merged.
struct PreparedModel {
    var columnBounds: [GLPKBounds]
    var columnIsInteger: [Bool]
    var objective: [Double]
    var rowBounds: [GLPKBounds]
    /// 1-based row / column / value arrays for `glp_load_matrix` (slot 0 unused).
    var matrixRows: [Int32]
    var matrixColumns: [Int32]
    var matrixValues: [Double]

    var nonZeroCount: Int { matrixValues.count - 1 }
}

extension LinearModel {
    /// GLPK's limits (`M_MAX`, `N_MAX`, `NNZ_MAX` in GLPK's sources) and name length.
    static let maximumRows = 100_000_000
    static let maximumColumns = 100_000_000
    static let maximumNonZeros = 500_000_000
    /// Longest name GLPK accepts, in UTF-8 bytes.
    public static let maximumNameLength = 255

    /// Checks everything GLPK would otherwise abort on, and throws `GLPKError.invalidModel`
    /// with the first problem found.
    ///
    /// The rules: every term's variable index is in range; every coefficient, objective
    /// coefficient, the objective constant and every bound is finite (a lower bound of `-∞`
    /// or an upper bound of `+∞` is accepted and means "none"); `lower ≤ upper`; finite bounds
    /// of integer and binary variables are integral; names (model, variables, constraints) are
    /// at most 255 UTF-8 bytes with no control characters: longer names are **rejected**, not
    /// truncated. Repeated terms of one variable in a constraint are **merged** (their
    /// coefficients added), not rejected; terms that sum to zero are dropped.
    ///
    /// ```swift
    /// try model.validate()   // throws GLPKError.invalidModel("constraint 2 ('cap'): …")
    /// ```
    /// - Complexity: O(variables + non-zeros).
    public func validate() throws {
        _ = try prepared()
    }

    /// Validates and converts the model (see `validate()`).
    func prepared() throws -> PreparedModel {
        guard variables.count <= Self.maximumColumns else {
            throw GLPKError.invalidModel("\(variables.count) variables: GLPK allows at most \(Self.maximumColumns)")
        }
        guard constraints.count <= Self.maximumRows else {
            throw GLPKError.invalidModel("\(constraints.count) constraints: GLPK allows at most \(Self.maximumRows)")
        }
        try Self.checkName(name, what: "model name")
        guard objectiveConstant.isFinite else {
            throw GLPKError.invalidModel("objective constant must be finite (got \(objectiveConstant))")
        }

        var columnBounds: [GLPKBounds] = []
        var columnIsInteger: [Bool] = []
        var objective: [Double] = []
        columnBounds.reserveCapacity(variables.count)
        columnIsInteger.reserveCapacity(variables.count)
        objective.reserveCapacity(variables.count)
        for (index, variable) in variables.enumerated() {
            let what = "variable \(index) ('\(variable.name)')"
            try Self.checkName(variable.name, what: "name of \(what)")
            guard variable.objective.isFinite else {
                throw GLPKError.invalidModel("\(what): objective coefficient must be finite (got \(variable.objective))")
            }
            var (lower, upper) = try Self.checkBounds(variable.lower, variable.upper, what: what)
            if variable.kind == .binary {
                lower = max(lower ?? 0, 0)
                upper = min(upper ?? 1, 1)
                if let l = lower, let u = upper, l > u {
                    throw GLPKError.invalidModel("\(what): binary variable with bounds [\(l), \(u)] has no value in {0, 1}")
                }
            }
            if variable.kind != .continuous {
                for bound in [lower, upper] {
                    if let bound, bound.rounded() != bound {
                        throw GLPKError.invalidModel(
                            "\(what): integer variable has a non-integral bound \(bound) (round it: ceil the lower, floor the upper)")
                    }
                }
            }
            columnBounds.append(GLPKBounds(lower: lower, upper: upper))
            columnIsInteger.append(variable.kind != .continuous)
            objective.append(variable.objective == 0 ? 0 : variable.objective)
        }

        let totalTerms = nonZeroCount
        guard totalTerms <= Self.maximumNonZeros else {
            throw GLPKError.invalidModel("\(totalTerms) constraint coefficients: GLPK allows at most \(Self.maximumNonZeros)")
        }
        var rowBounds: [GLPKBounds] = []
        rowBounds.reserveCapacity(constraints.count)
        var ia: [Int32] = [0]
        var ja: [Int32] = [0]
        var ar: [Double] = [0]
        ia.reserveCapacity(totalTerms + 1)
        ja.reserveCapacity(totalTerms + 1)
        ar.reserveCapacity(totalTerms + 1)
        // For merging repeated terms: the row that last used each column, and where.
        var lastRow = [Int](repeating: -1, count: variables.count)
        var slot = [Int](repeating: 0, count: variables.count)
        for (rowIndex, constraint) in constraints.enumerated() {
            let what = "constraint \(rowIndex) ('\(constraint.name)')"
            try Self.checkName(constraint.name, what: "name of \(what)")
            let (lower, upper) = try Self.checkBounds(constraint.lower, constraint.upper, what: what)
            rowBounds.append(GLPKBounds(lower: lower, upper: upper))
            let rowStart = ar.count
            for term in constraint.terms {
                guard term.variable >= 0, term.variable < variables.count else {
                    throw GLPKError.invalidModel(
                        "\(what): term refers to variable \(term.variable), but the model has \(variables.count) variables (0-based)")
                }
                guard term.coefficient.isFinite else {
                    throw GLPKError.invalidModel(
                        "\(what): coefficient of variable \(term.variable) ('\(variables[term.variable].name)') must be finite (got \(term.coefficient))")
                }
                if lastRow[term.variable] == rowIndex {
                    ar[slot[term.variable]] += term.coefficient
                } else {
                    lastRow[term.variable] = rowIndex
                    slot[term.variable] = ar.count
                    ia.append(Int32(rowIndex + 1))
                    ja.append(Int32(term.variable + 1))
                    ar.append(term.coefficient)
                }
            }
            // Drop zeros (given, or merged to zero); check merged sums stayed finite.
            var write = rowStart
            for read in rowStart..<ar.count {
                guard ar[read].isFinite else {
                    throw GLPKError.invalidModel("\(what): repeated terms of variable \(ja[read] - 1) sum to \(ar[read])")
                }
                if ar[read] != 0 {
                    ia[write] = ia[read]
                    ja[write] = ja[read]
                    ar[write] = ar[read]
                    write += 1
                }
            }
            ia.removeSubrange(write...)
            ja.removeSubrange(write...)
            ar.removeSubrange(write...)
        }
        return PreparedModel(
            columnBounds: columnBounds, columnIsInteger: columnIsInteger, objective: objective,
            rowBounds: rowBounds, matrixRows: ia, matrixColumns: ja, matrixValues: ar)
    }

    static func checkName(_ name: String, what: String) throws {
        let length = name.utf8.count
        guard length <= maximumNameLength else {
            throw GLPKError.invalidModel("\(what) is \(length) UTF-8 bytes long; GLPK allows at most \(maximumNameLength)")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw GLPKError.invalidModel("\(what) contains a control character (tab, newline, NUL, …), which GLPK rejects")
        }
    }

    /// NaN is rejected, `-∞` lower / `+∞` upper become "none", `+∞` lower / `-∞` upper are
    /// rejected, and `lower ≤ upper` is required.
    static func checkBounds(_ lower: Double?, _ upper: Double?, what: String) throws -> (Double?, Double?) {
        var lower = lower
        var upper = upper
        if let l = lower {
            guard !l.isNaN, l != .infinity else { throw GLPKError.invalidModel("\(what): lower bound must be finite or -∞ (got \(l))") }
            if l == -.infinity { lower = nil }
        }
        if let u = upper {
            guard !u.isNaN, u != -.infinity else { throw GLPKError.invalidModel("\(what): upper bound must be finite or +∞ (got \(u))") }
            if u == .infinity { upper = nil }
        }
        if let l = lower, let u = upper, l > u {
            throw GLPKError.invalidModel("\(what): lower bound \(l) is greater than upper bound \(u)")
        }
        return (lower, upper)
    }
}
