// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// One column of a scenario file: its English name, Chinese alias, and whether it is required.
public struct ColumnSpec: Sendable {
    public var name: String
    public var alias: String
    public var required: Bool
    public init(_ name: String, _ alias: String, required: Bool = false) {
        self.name = name; self.alias = alias; self.required = required
    }
}

/// Reads one CSV file of the contract: decoding, header mapping (English or alias), and typed
/// field access that collects every problem instead of stopping at the first.
struct TableReader {
    let file: String
    let columns: [ColumnSpec]
    private(set) var problems: [InputProblem] = []
    private(set) var rows: [Row] = []
    /// Header line (1-based).
    private(set) var headerLine = 1
    /// Canonical column names present.
    private(set) var present: Set<String> = []

    /// A record, with its line and fields by canonical column name.
    struct Row {
        let line: Int
        let fields: [String: String]
        /// Columns whose cell was a number cell of a workbook.
        var numbers: Set<String> = []
    }
    /// Month columns that hold a `YYYY.MM` value, by column (see `mangledMonth`).
    var twoDigitDottedMonths: [String: Bool] = [:]
    /// The table is a sheet of a workbook (an empty one is an empty sheet, not an empty file).
    var isSheet = false

    init(file: String, bytes: [UInt8], encoding: TextEncoding?, columns: [ColumnSpec]) {
        self.file = file
        self.columns = columns
        let text: String
        do {
            text = try TextDecoding.decode(bytes, pinned: encoding).text
        } catch let error as DecodingError {
            problems.append(InputProblem(file: file, line: error.line, text: error.text))
            return
        } catch {
            problems.append(InputProblem(file: file, line: 1, message: "\(error)"))
            return
        }
        let table: CSVTable
        do {
            table = try CSVParser.parse(text)
        } catch let error as CSVError {
            problems.append(InputProblem(file: file, line: error.line, text: error.text))
            return
        } catch {
            problems.append(InputProblem(file: file, line: 1, message: "\(error)"))
            return
        }
        read(table)
    }

    /// Maps the header of a parsed table (a CSV file's, or a workbook sheet's) and collects its rows.
    mutating func read(_ table: CSVTable) {
        headerLine = table.headerLine
        guard !table.header.isEmpty else {
            let required = columns.filter(\.required).map(\.name)
            problems.append(InputProblem(file: file, line: 1, isSheet ? .emptySheet(columns: required) : .emptyFile(columns: required)))
            return
        }
        // Map header cells to canonical names.
        var slot: [Int: String] = [:]
        var seenAt: [String: (Int, String)] = [:]
        for (position, rawCell) in table.header.enumerated() {
            let cell = rawCell
            if cell.isEmpty { continue }
            guard let spec = columns.first(where: { $0.name.lowercased() == cell.lowercased() || $0.alias == cell }) else {
                problems.append(InputProblem(file: file, line: headerLine, column: cell,
                                             .unknownColumn, severity: .warning))
                continue
            }
            if let earlier = seenAt[spec.name] {
                problems.append(InputProblem(file: file, line: headerLine, column: spec.name,
                                             .columnTwice(name: spec.name, earlier: earlier.1, earlierColumn: earlier.0 + 1, later: cell, laterColumn: position + 1)))
                continue
            }
            seenAt[spec.name] = (position, cell)
            slot[position] = spec.name
        }
        present = Set(seenAt.keys)
        for spec in columns where spec.required && !present.contains(spec.name) {
            problems.append(InputProblem(file: file, line: headerLine, column: spec.name,
                                         .requiredColumnMissing(name: spec.name, alias: spec.alias)))
        }
        for record in table.records {
            if record.fields.count > table.header.count {
                problems.append(InputProblem(file: file, line: record.line, .tooManyFields(record.fields.count, header: table.header.count)))
                continue
            }
            var fields: [String: String] = [:]
            for (position, value) in record.fields.enumerated() {
                if let name = slot[position] { fields[name] = value }
            }
            rows.append(Row(line: record.line, fields: fields, numbers: Set(record.numbers.compactMap { slot[$0] })))
        }
    }

    // MARK: Typed access; each getter records a problem and returns nil on bad input.

    /// The raw text, nil when empty. Reports a missing required value.
    mutating func text(_ row: Row, _ column: String, required: Bool = false) -> String? {
        let value = row.fields[column] ?? ""
        if value.isEmpty {
            if required && present.contains(column) {
                problems.append(InputProblem(file: file, line: row.line, column: column, .requiredValueMissing))
            }
            return nil
        }
        return value
    }

    mutating func fail(_ row: Row, _ column: String, _ message: InputTexts) {
        problems.append(InputProblem(file: file, line: row.line, column: column, message))
    }

    mutating func code<T>(_ row: Row, _ column: String, _ table: [(T, [String])], required: Bool = false) -> T? {
        guard let value = text(row, column, required: required) else { return nil }
        if let parsed = Values.lookup(value, table) { return parsed }
        fail(row, column, ValueMessage.notOneOf(value, table))
        return nil
    }

    mutating func bool(_ row: Row, _ column: String, default defaultValue: Bool) -> Bool {
        guard let value = text(row, column) else { return defaultValue }
        if let parsed = Values.bool(value) { return parsed }
        fail(row, column, .notYesNo(value))
        return defaultValue
    }

    /// A month; with `notAfter`, a date of the past (a birth, a start in a post) that must not lie after it.
    mutating func month(_ row: Row, _ column: String, required: Bool = false, notAfter limit: YearMonth? = nil) -> YearMonth? {
        guard let value = text(row, column, required: required) else { return nil }
        if let problem = mangledMonth(row, column, value) {
            problems.append(problem)
            return nil
        }
        switch Values.parseMonth(value) {
        case .success(let parsed):
            if let limit, limit < parsed {
                fail(row, column, ValueMessage.afterReference(parsed, limit))
                return nil
            }
            return parsed
        case .failure(let problem):
            fail(row, column, ValueMessage.month(value, problem, hint: .csv))
            return nil
        }
    }

    /// A whole number of at most `Values.maxIntegerDigits` digits, at least `minimum`.
    mutating func integer(_ row: Row, _ column: String, required: Bool = false, minimum: Int? = nil) -> Int? {
        guard let value = text(row, column, required: required) else { return nil }
        let parsed: Int
        switch Values.parseInteger(value) {
        case .success(let number): parsed = number
        case .failure(let problem):
            fail(row, column, ValueMessage.number(value, problem, kind: .whole, bound: Values.maxIntegerDigits))
            return nil
        }
        if let minimum, parsed < minimum {
            fail(row, column, ValueMessage.below("\(parsed)", "\(minimum)"))
            return nil
        }
        return parsed
    }

    /// An exact decimal (at most `ExactDecimal.maxDigits` significant digits) within `range`.
    mutating func decimal(_ row: Row, _ column: String, required: Bool = false, range: ClosedRange<Int>) -> ExactDecimal? {
        guard let (parsed, written) = decimal(row, column, required: required) else { return nil }
        let fraction = parsed.fraction
        if fraction < Fraction(range.lowerBound) || Fraction(range.upperBound) < fraction {
            fail(row, column, ValueMessage.outside(written, "\(range.lowerBound)", "\(range.upperBound)"))
            return nil
        }
        return parsed
    }

    /// An exact decimal (at most `ExactDecimal.maxDigits` significant digits) of at least `minimum`.
    mutating func decimal(_ row: Row, _ column: String, required: Bool = false, minimum: Int) -> ExactDecimal? {
        guard let (parsed, written) = decimal(row, column, required: required) else { return nil }
        if parsed.fraction < Fraction(minimum) {
            fail(row, column, ValueMessage.below(written, "\(minimum)"))
            return nil
        }
        return parsed
    }

    /// The decimal and its text as written.
    private mutating func decimal(_ row: Row, _ column: String, required: Bool) -> (ExactDecimal, String)? {
        guard let value = text(row, column, required: required) else { return nil }
        switch ExactDecimal.parse(value) {
        case .success(let parsed): return (parsed, value)
        case .failure(let problem):
            fail(row, column, ValueMessage.number(value, problem, kind: .decimal))
            return nil
        }
    }
}
