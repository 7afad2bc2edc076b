// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

/// Where a problem lies in a workbook: the workbook file and the sheet (`FILE:SHEET!ROW`).
public struct SheetLocation: Sendable, Equatable {
    public var workbook: String
    public var sheet: String
    public init(workbook: String, sheet: String) { self.workbook = workbook; self.sheet = sheet }
}

extension InputProblem {
    /// `FILE:LINE`, or `FILE:SHEET!ROW` for a cell of a workbook (`FILE:0` for the workbook as a whole).
    public var place: String {
        guard let sheet else { return "\(file):\(line)" }
        if sheet.sheet.isEmpty { return "\(sheet.workbook):\(line)" }  // the workbook as a whole (a sheet it lacks)
        return "\(sheet.workbook):\(sheet.sheet)!\(line)"
    }

    /// A problem whose message is a workbook text.
    static func workbook(_ file: String, line: Int = 0, column: String = "", _ text: WorkbookTexts,
                         severity: Severity = .error) -> InputProblem {
        InputProblem(file: file, line: line, column: column, text: text.text, severity: severity)
    }
}

/// A sheet read as a table of the scenario, with where it came from.
struct SheetTable {
    var location: SheetLocation
    var table: CSVTable
}

/// Finds the scenario files given as workbooks (scenario-format.md, "Spreadsheets"): `X.xlsx`
/// instead of `X.csv` (its first sheet), or `scenario.xlsx` with one sheet per file named by the
/// file's stem or its Chinese name. The same file given twice is an input problem.
///
/// ```swift
/// let found = ScenarioWorkbooks.read(folder: url)
/// found.tables["cadres.csv"]?.location   // scenario.xlsx, sheet 干部
/// ```
///
/// - Complexity: O(size of the workbooks), bounded by `XLSXArchive`'s limits.
struct ScenarioWorkbooks {
    /// The one-workbook scenario.
    static let scenarioWorkbook = "scenario.xlsx"

    /// The sheet names of each file: its stem and its Chinese name.
    static let sheetNames: [(file: String, names: [String])] = [
        (ScenarioFiles.units, ["units", "单位"]), (ScenarioFiles.positions, ["positions", "职位"]),
        (ScenarioFiles.cadres, ["cadres", "干部"]), (ScenarioFiles.assessments, ["assessments", "考核"]),
        (ScenarioFiles.applications, ["applications", "报名"]), (ScenarioFiles.interviews, ["interviews", "面试"]),
        (ScenarioFiles.evaluations, ["evaluations", "测评"]), (ScenarioFiles.transferFit, ["transfer_fit", "调动适配度"]),
    ]

    /// Sheets of scenario.xlsx that are for people, not data (the entry workbook's instructions): not warned about.
    static let instructionSheets: Set<String> = ["说明", "填写说明", "instructions", "readme"]

    /// Tables by scenario file (`cadres.csv`), from a workbook.
    var tables: [String: SheetTable] = [:]
    /// Scenario files a workbook was meant to give but could not be read (not also reported missing).
    var unreadable: Set<String> = []
    var problems: [InputProblem] = []
    /// The workbook files read, for audit.json.
    var inputs: [Run.Input] = []
    /// scenario.xlsx was there and could be read (a file it lacks is a missing sheet).
    var readScenarioWorkbook = false

    static func read(folder: URL) -> ScenarioWorkbooks {
        var found = ScenarioWorkbooks()
        let exists = { (name: String) in FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) }
        // X.xlsx beside (or instead of) X.csv.
        for (file, names) in sheetNames {
            let workbook = names[0] + ".xlsx"
            guard exists(workbook) else { continue }
            if exists(file) {
                found.problems.append(.workbook(file, .givenTwice(file: file, first: file, second: workbook)))
                continue
            }
            guard let sheets = found.open(workbook, in: folder, for: [file]) else { continue }
            guard let first = sheets.first else {
                found.problems.append(.workbook(file, .noSheet))
                continue
            }
            found.tables[file] = SheetTable(location: SheetLocation(workbook: workbook, sheet: first.name), table: table(first))
        }
        // scenario.xlsx: a sheet per file.
        guard exists(scenarioWorkbook) else { return found }
        let files = sheetNames.map(\.file)
        guard let sheets = found.open(scenarioWorkbook, in: folder, for: files) else { return found }
        found.readScenarioWorkbook = true
        for sheet in sheets {
            let name = sheet.name.trimmingSpaces
            guard let file = sheetNames.first(where: { $0.names.contains { $0.lowercased() == name.lowercased() } })?.file else {
                if !instructionSheets.contains(name.lowercased()) {
                    found.problems.append(.workbook(scenarioWorkbook, .unknownSheet(name: sheet.name), severity: .warning))
                }
                continue
            }
            let here = "\(scenarioWorkbook):\(sheet.name)"
            if let earlier = found.tables[file] {
                found.problems.append(.workbook(file, .givenTwice(file: file, first: "\(earlier.location.workbook):\(earlier.location.sheet)", second: here)))
                continue
            }
            if exists(file) {
                found.problems.append(.workbook(file, .givenTwice(file: file, first: file, second: here)))
                continue
            }
            found.tables[file] = SheetTable(location: SheetLocation(workbook: scenarioWorkbook, sheet: sheet.name), table: table(sheet))
        }
        return found
    }

    /// Reads a workbook file; on failure records the problem and marks `files` unreadable.
    private mutating func open(_ workbook: String, in folder: URL, for files: [String]) -> [XLSXWorkbook.Sheet]? {
        let url = folder.appendingPathComponent(workbook)
        unreadable.formUnion(files)
        do {
            let bytes = try InputFile.read(url).get()  // a fifo or a device is refused, not read
            inputs.append(Run.Input(file: workbook, sha256: SHA256.hex(bytes), bytes: bytes.count, encoding: "xlsx"))
            let sheets = try XLSXWorkbook(bytes: bytes).sheets
            unreadable.subtract(files)
            return sheets
        } catch let error as XLSXError {
            problems.append(InputProblem.workbook(workbook, error.text))
        } catch let problem as InputFile.Problem {
            problems.append(InputProblem(file: workbook, line: 0, text: problem.text.text))
        } catch {
            problems.append(InputProblem(file: workbook, line: 0, .cannotRead(error.localizedDescription)))
        }
        return nil
    }

    /// A sheet as the table a CSV would give: the first row is the header, later rows the records
    /// (each with its Excel row number as its line); cells right of the header are not read.
    static func table(_ sheet: XLSXWorkbook.Sheet) -> CSVTable {
        guard let first = sheet.rows.first else { return CSVTable(header: [], headerLine: 1, records: []) }
        let width = first.cells.map(\.column).max() ?? 0
        func fields(_ row: XLSXWorkbook.Row) -> (fields: [String], numbers: Set<Int>) {
            var fields = Array(repeating: "", count: width)
            var numbers: Set<Int> = []
            for cell in row.cells where cell.column <= width {
                fields[cell.column - 1] = cell.text.trimmingSpaces
                if cell.isNumber { numbers.insert(cell.column - 1) }
            }
            return (fields, numbers)
        }
        let records = sheet.rows.dropFirst().compactMap { row -> CSVRecord? in
            let (values, numbers) = fields(row)
            guard values.contains(where: { !$0.isEmpty }) else { return nil }
            var record = CSVRecord(line: row.number, fields: values)
            record.numbers = numbers
            return record
        }
        return CSVTable(header: fields(first).fields, headerLine: first.number, records: records)
    }

    /// Whether a workbook gives `file` (or was meant to, and could not be read).
    func gives(_ file: String) -> Bool { tables[file] != nil || unreadable.contains(file) }

    /// Gives the sheets to the builder, which reads them where it would read the CSV files.
    func hand(to builder: inout ScenarioBuilder, files: inout [String: [UInt8]]) {
        builder.sheets = tables
        for file in tables.keys where files[file] == nil { files[file] = [] }
    }

    /// Puts every problem of a file read from a sheet at its place in the workbook.
    func locate(_ problems: [InputProblem]) -> [InputProblem] {
        problems.map { problem in
            guard problem.sheet == nil, problem.line > 0, let table = tables[problem.file] else { return problem }
            return problem.located(table.location)
        }
    }
}

extension InputProblem {
    /// The same problem, placed in a sheet of a workbook.
    func located(_ location: SheetLocation) -> InputProblem {
        var problem = self
        problem.sheet = location
        return problem
    }
}
