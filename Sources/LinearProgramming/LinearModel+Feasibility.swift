// SPDX-License-Identifier: GPL-3.0-or-later

extension LinearModel {
    /// Whether `values` (one per variable) is a solution: every integer or binary variable
    /// integral, every variable within its bounds and every row within its bounds, up to
    /// `tolerance`. Used before a known solution is handed to GLPK as an incumbent (GLPK
    /// itself checks only integrality).
    ///
    /// ```swift
    /// var model = LinearModel(name: "m", sense: .maximize)
    /// let x = model.addVariable(name: "x", kind: .binary, objective: 1)
    /// model.addConstraint(name: "r", terms: [.init(x, 1)], upper: 0)
    /// model.isFeasible([0])   // true
    /// model.isFeasible([1])   // false: row r
    /// ```
    /// - Complexity: O(variables + non-zeros).
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-9) -> Bool {
        guard values.count == variables.count else { return false }
        for (value, variable) in zip(values, variables) {
            guard value.isFinite else { return false }
            if variable.kind != .continuous && value.rounded() != value { return false }
            if let lower = variable.lower, value < lower - tolerance { return false }
            if let upper = variable.upper, value > upper + tolerance { return false }
        }
        for row in constraints {
            var total = 0.0
            for term in row.terms { total += term.coefficient * values[term.variable] }
            if let lower = row.lower, total < lower - tolerance { return false }
            if let upper = row.upper, total > upper + tolerance { return false }
        }
        return true
    }
}
