// SPDX-License-Identifier: GPL-3.0-or-later

/// One problem in the input, located as `FILE:LINE: column: message`.
public struct InputProblem: Sendable, Equatable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var file: String
    /// Physical line on which the record starts; the header line for a missing column; 0 for a missing file.
    public var line: Int
    /// Column (or YAML key); empty when the problem concerns the whole line or file.
    public var column: String
    public var message: String
    public var severity: Severity
    /// For a cell of a workbook: the workbook and sheet, so that it reads `FILE:SHEET!ROW` (see `place`).
    public var sheet: SheetLocation?

    public init(file: String, line: Int, column: String = "", message: String, severity: Severity = .error) {
        self.file = file; self.line = line; self.column = column; self.message = message; self.severity = severity
    }

    public var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        return column.isEmpty ? "\(place): \(prefix)\(message)" : "\(place): \(column): \(prefix)\(message)"
    }

    /// Files in the contract's order, then line, then column.
    public static func < (lhs: InputProblem, rhs: InputProblem) -> Bool {
        let lhsFile = ScenarioFiles.order(of: lhs.file)
        let rhsFile = ScenarioFiles.order(of: rhs.file)
        if lhsFile != rhsFile { return lhsFile < rhsFile }
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.column < rhs.column
    }
}

/// The scenario's input had errors: every one of them, sorted. Nothing was written.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [InputProblem]
    public init(_ problems: [InputProblem]) { self.problems = problems.sorted() }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The files of a scenario folder, in the contract's order.
public enum ScenarioFiles {
    public static let yaml = "scenario.yaml"
    public static let units = "units.csv"
    public static let positions = "positions.csv"
    public static let cadres = "cadres.csv"
    public static let assessments = "assessments.csv"
    public static let applications = "applications.csv"
    public static let interviews = "interviews.csv"
    public static let evaluations = "evaluations.csv"
    public static let transferFit = "transfer_fit.csv"

    public static let all = [yaml, units, positions, cadres, assessments, applications, interviews, evaluations, transferFit]
    public static let required: Set<String> = [yaml, units, positions, cadres, assessments, applications]

    static func order(of file: String) -> Int { all.firstIndex(of: file) ?? all.count }
}
