// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// A sheet of a ballot file as rows of cells, each row with its location: what a CSV file and a
/// workbook's worksheet both become before the ballots are read, so the reader knows no file format.
///
/// ```swift
/// let sheet = try BallotSheet.csv(file: "performance.csv", bytes: bytes, encoding: nil)
/// sheet.header   // ["票号", "人员编号", "决策推进", …]
/// ```
public struct BallotSheet: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var location: BallotLocation
        public var cells: [String]
        public init(location: BallotLocation, cells: [String]) { self.location = location; self.cells = cells }
    }

    public var file: String
    public var sheet: String?
    public var header: [String]
    public var headerLocation: BallotLocation
    public var rows: [Row]

    public init(file: String, sheet: String? = nil, header: [String], headerLocation: BallotLocation, rows: [Row]) {
        self.file = file; self.sheet = sheet; self.header = header; self.headerLocation = headerLocation; self.rows = rows
    }

    /// A CSV file in any encoding the scenario files accept (UTF-8 with or without BOM, GB18030).
    /// Throws the problem that keeps it from being read (undecodable bytes, an unclosed quote).
    public static func csv(file: String, bytes: [UInt8], encoding: TextEncoding?) throws(BallotSheetError) -> BallotSheet {
        let text: String
        do {
            text = try TextDecoding.decode(bytes, pinned: encoding).text
        } catch let error as DecodingError {
            throw BallotSheetError(row: error.line, message: error.message)
        } catch {
            throw BallotSheetError(row: 1, message: "\(error)")
        }
        let table: CSVTable
        do {
            table = try CSVParser.parse(text)
        } catch let error as CSVError {
            throw BallotSheetError(row: error.line, message: error.message)
        } catch {
            throw BallotSheetError(row: 1, message: "\(error)")
        }
        return BallotSheet(file: file, header: table.header, headerLocation: BallotLocation(file: file, row: table.headerLine),
                           rows: table.records.map { Row(location: BallotLocation(file: file, row: $0.line), cells: $0.fields) })
    }
}

extension BallotSheet {
    /// A worksheet of a workbook (the first row is the header; each row keeps its Excel row number).
    static func worksheet(_ sheet: XLSXWorkbook.Sheet, file: String) -> BallotSheet {
        let table = ScenarioWorkbooks.table(sheet)
        return BallotSheet(file: file, sheet: sheet.name, header: table.header,
                           headerLocation: BallotLocation(file: file, sheet: sheet.name, row: table.headerLine),
                           rows: table.records.map { Row(location: BallotLocation(file: file, sheet: sheet.name, row: $0.line), cells: $0.fields) })
    }
}

/// Why a ballot file could not be read at all.
public struct BallotSheetError: Error, Sendable, Equatable {
    public var row: Int
    public var message: String
}

/// The columns of a ballot sheet mapped to canonical names, with every problem of the header and the rows collected.
struct BallotTable {
    struct Row {
        let location: BallotLocation
        let fields: [String: String]
    }

    let sheet: BallotSheet
    let language: Language
    /// The form's file name (`performance.csv`), under which a problem in a workbook's sheet is filed.
    let form: String
    private(set) var rows: [Row] = []
    private(set) var present: Set<String> = []
    var problems: [InputProblem] = []

    init(_ sheet: BallotSheet, columns: [ColumnSpec], language: Language, form: String) {
        self.sheet = sheet
        self.language = language
        self.form = form
        guard !sheet.header.isEmpty else {
            problems.append(problem(sheet.headerLocation, "", .emptyFile(columns.filter(\.required).map(\.name).joined(separator: ","))))
            return
        }
        var slot: [Int: String] = [:]
        var seen: [String: String] = [:]
        for (position, cell) in sheet.header.enumerated() where !cell.isEmpty {
            guard let spec = columns.first(where: { $0.name.lowercased() == cell.lowercased() || $0.alias == cell }) else {
                var warning = problem(sheet.headerLocation, cell, .unknownColumn)
                warning.severity = .warning
                problems.append(warning)
                continue
            }
            if let earlier = seen[spec.name] {
                problems.append(problem(sheet.headerLocation, spec.name, .columnTwice(first: earlier, second: cell)))
                continue
            }
            seen[spec.name] = cell
            slot[position] = spec.name
        }
        present = Set(seen.keys)
        for spec in columns where spec.required && !present.contains(spec.name) {
            problems.append(problem(sheet.headerLocation, spec.name, .requiredColumnMissing(name: spec.name, alias: spec.alias)))
        }
        for record in sheet.rows {
            if record.cells.count > sheet.header.count {
                problems.append(problem(record.location, "", .tooManyFields(record.cells.count, sheet.header.count)))
                continue
            }
            var fields: [String: String] = [:]
            for (position, value) in record.cells.enumerated() {
                if let name = slot[position] { fields[name] = value }
            }
            rows.append(Row(location: record.location, fields: fields))
        }
    }

    func problem(_ location: BallotLocation, _ column: String, _ text: TallyTexts) -> InputProblem {
        Self.problem(location, column, text, form: form)
    }

    /// A problem at a location of a sheet (`FILE:LINE` or `FILE:SHEET!ROW`).
    /// In a workbook, the problem is filed under the form's name and placed at `FILE:SHEET!ROW`.
    static func problem(_ location: BallotLocation, _ column: String, _ text: TallyTexts, form: String) -> InputProblem {
        var problem = InputProblem(file: location.sheet == nil ? location.file : form, line: location.row, column: column, text: text.text)
        if let sheet = location.sheet { problem.sheet = SheetLocation(workbook: location.file, sheet: sheet) }
        return problem
    }

    mutating func fail(_ row: Row, _ column: String, _ text: TallyTexts) {
        problems.append(problem(row.location, column, text))
    }

    /// The cell's text, nil when empty; a missing required value is a problem.
    mutating func text(_ row: Row, _ column: String, required: Bool = false) -> String? {
        let value = row.fields[column] ?? ""
        if value.isEmpty {
            if required && present.contains(column) { fail(row, column, .requiredValueMissing) }
            return nil
        }
        return value
    }
}
