// SPDX-License-Identifier: GPL-3.0-or-later

/// A mixed-integer linear model, described in plain Swift values.
///
/// The model knows nothing of GLPK; `GLPKSolver` loads it into a `glp_prob`. Variables and
/// constraints are kept in insertion order, which is the order of GLPK's columns and rows,
/// so the same sequence of `add…` calls always gives the same model, byte for byte.
///
/// ```swift
/// var model = LinearModel(name: "tiny", sense: .maximize)
/// let x = model.addVariable(name: "x", kind: .binary, objective: 3)
/// let y = model.addVariable(name: "y", kind: .binary, objective: 2)
/// model.addConstraint(name: "pick_one", terms: [.init(x, 1), .init(y, 1)], upper: 1)
/// ```
public struct LinearModel: Sendable, Equatable {
    /// Direction of the objective.
    public enum Sense: String, Sendable, Equatable { case minimize, maximize }

    /// What values a variable may take.
    public enum VariableKind: String, Sendable, Equatable {
        case continuous
        case integer
        /// Integer in [0, 1]; the bounds given are intersected with [0, 1].
        case binary
    }

    /// One column.
    public struct Variable: Sendable, Equatable {
        public var name: String
        public var kind: VariableKind
        /// `nil` is −∞.
        public var lower: Double?
        /// `nil` is +∞.
        public var upper: Double?
        public var objective: Double

        public init(name: String, kind: VariableKind, lower: Double?, upper: Double?, objective: Double) {
            self.name = name
            self.kind = kind
            self.lower = lower
            self.upper = upper
            self.objective = objective
        }
    }

    /// One coefficient of a constraint: `coefficient · variables[variable]`.
    public struct Term: Sendable, Equatable {
        /// 0-based index into `variables`.
        public var variable: Int
        public var coefficient: Double
        public init(_ variable: Int, _ coefficient: Double) {
            self.variable = variable
            self.coefficient = coefficient
        }
    }

    /// One row: `lower ≤ Σ terms ≤ upper` (`nil` is unbounded on that side; equal bounds are an equality).
    public struct Constraint: Sendable, Equatable {
        public var name: String
        public var terms: [Term]
        public var lower: Double?
        public var upper: Double?
        public init(name: String, terms: [Term], lower: Double?, upper: Double?) {
            self.name = name
            self.terms = terms
            self.lower = lower
            self.upper = upper
        }
    }

    public var name: String
    public var sense: Sense
    /// Constant added to the objective.
    public var objectiveConstant: Double = 0
    public private(set) var variables: [Variable] = []
    public private(set) var constraints: [Constraint] = []

    public init(name: String, sense: Sense) {
        self.name = name
        self.sense = sense
    }

    /// Adds a column and returns its 0-based index.
    @discardableResult
    public mutating func addVariable(
        name: String, kind: VariableKind = .continuous, lower: Double? = 0, upper: Double? = nil, objective: Double = 0
    ) -> Int {
        var lowerBound = lower
        var upperBound = upper
        if kind == .binary {
            lowerBound = max(lower ?? 0, 0)
            upperBound = min(upper ?? 1, 1)
        }
        variables.append(Variable(name: name, kind: kind, lower: lowerBound, upper: upperBound, objective: objective))
        return variables.count - 1
    }

    /// Adds a row `lower ≤ Σ terms ≤ upper` and returns its 0-based index.
    @discardableResult
    public mutating func addConstraint(name: String, terms: [Term], lower: Double? = nil, upper: Double? = nil) -> Int {
        constraints.append(Constraint(name: name, terms: terms, lower: lower, upper: upper))
        return constraints.count - 1
    }

    /// Replaces every objective coefficient (columns not listed get 0).
    public mutating func setObjective(_ coefficients: [Int: Double], sense: Sense, constant: Double = 0) {
        self.sense = sense
        objectiveConstant = constant
        for index in variables.indices {
            variables[index].objective = coefficients[index] ?? 0
        }
    }

    /// Changes the bounds of one column.
    public mutating func setBounds(ofVariable index: Int, lower: Double?, upper: Double?) {
        variables[index].lower = lower
        variables[index].upper = upper
    }

    /// Number of non-zero coefficients in the constraint matrix.
    public var nonZeroCount: Int { constraints.reduce(0) { $0 + $1.terms.count } }

    /// Whether any column is integer or binary.
    public var isMixedInteger: Bool { variables.contains { $0.kind != .continuous } }

    /// Objective value of `values` (one per variable), constant included.
    public func objectiveValue(of values: [Double]) -> Double {
        var total = objectiveConstant
        for (index, variable) in variables.enumerated() where variable.objective != 0 {
            total += variable.objective * values[index]
        }
        return total
    }
}
