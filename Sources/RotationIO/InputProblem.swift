// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// One problem in the input, located as `FILE:LINE: column: message`, its message a catalogue ``Text``
/// rendered in the user's language.
///
/// ```swift
/// let problem = InputProblem(file: "applications.csv", line: 4, column: "cadre_id", .unknownCadre("FH123"))
/// problem.rendered(.zh)   // applications.csv:4: cadre_id: 未知人员编号“FH123”（cadres.csv 中没有）
/// ```
public struct InputProblem: Sendable, Equatable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var file: String
    /// Physical line on which the record starts; the header line for a missing column; 0 for a missing file.
    public var line: Int
    /// Column (or YAML key); empty when the problem concerns the whole line or file.
    public var column: String
    /// The message in both languages.
    public var text: Text
    public var severity: Severity
    /// For a cell of a workbook: the workbook and sheet, so that it reads `FILE:SHEET!ROW` (see `place`).
    public var sheet: SheetLocation?

    public init(file: String, line: Int, column: String = "", text: Text, severity: Severity = .error) {
        self.file = file; self.line = line; self.column = column; self.text = text; self.severity = severity
    }

    /// A problem whose message is a case of the input chapter of the catalogue.
    public init(file: String, line: Int, column: String = "", _ message: InputTexts, severity: Severity = .error) {
        self.init(file: file, line: line, column: column, text: message.text, severity: severity)
    }

    /// A message outside the catalogue (the same words in both languages); prefer a catalogue case.
    public init(file: String, line: Int, column: String = "", message: String, severity: Severity = .error) {
        self.init(file: file, line: line, column: column, text: Text(zh: message, en: message), severity: severity)
    }

    /// The message in English (tests and logs).
    public var message: String { text.en }

    /// `FILE:LINE: column: message` in `language`.
    public func rendered(_ language: Language) -> String {
        let prefix = severity == .warning ? InputTexts.warningPrefix(language) : ""
        // A value quoted from a file may hold ESC, BEL or NUL: shown escaped (\u{1B}), never raw.
        let body = prefix + TerminalText.escaped(text(language))
        let label = TerminalText.escaped(language == .zh ? Self.chineseLabel(of: column, in: file) : column)
        let place = TerminalText.escaped(self.place)
        return column.isEmpty ? "\(place): \(body)" : "\(place): \(label): \(body)"
    }

    /// A column as a Chinese reader knows it: its Chinese header (`性别` for `gender`); a key of
    /// scenario.yaml or an unknown column stays as written, in backquotes (`` `rules.pass_mrak` ``).
    static func chineseLabel(of column: String, in file: String) -> String {
        let stem = file.split(separator: "/").last.map { $0.split(separator: ".").first.map(String.init) ?? "" } ?? ""
        if let columns = ScenarioLoader.columnsByFile.first(where: { $0.file.hasPrefix(stem + ".") })?.columns,
           let spec = columns.first(where: { $0.name == column }) {
            return spec.alias
        }
        if let spec = BallotFiles.columns(of: file)?.first(where: { $0.name == column }) { return spec.alias }
        if column.unicodeScalars.contains(where: { $0.value >= 0x3400 }) { return column }
        return "`\(column)`"
    }

    /// The English rendering (tests and logs); users get `rendered(language)`.
    public var description: String { rendered(.en) }

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
    /// The language scenario.yaml asked for, when it could be read that far (nil: the default).
    public var language: Language?
    public init(_ problems: [InputProblem], language: Language? = nil) {
        self.problems = problems.sorted()
        self.language = language
    }
    /// At most this many problems of one file are shown; a line then counts the rest.
    public static let shownPerFile = 50

    /// Every problem in `language`, one per line, at most ``shownPerFile`` per file (then how many more).
    ///
    /// - Complexity: O(n) in the number of problems.
    public func rendered(_ language: Language) -> String {
        var lines: [String] = []
        var index = 0
        while index < problems.count {
            let file = problems[index].file
            var end = index
            while end < problems.count, problems[end].file == file { end += 1 }
            let shown = min(end - index, Self.shownPerFile)
            for problem in problems[index..<(index + shown)] { lines.append(problem.rendered(language)) }
            if end - index > shown {
                let source: SourceName = problems[index].sheet.map { $0.sheet.isEmpty ? .file($0.workbook) : .sheet($0.sheet, workbook: $0.workbook) } ?? .file(file)
                lines.append(InputTexts.more(end - index - shown, file: source, shown: shown)(language))
            }
            index = end
        }
        return lines.joined(separator: "\n")
    }
    public var description: String { rendered(.en) }
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
