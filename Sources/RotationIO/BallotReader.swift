// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

/// The files of a ballots folder (scenario-format.md, "Ballots").
public enum BallotFiles {
    public static let meetings = "meetings.csv"
    public static let performance = "performance.csv"
    public static let moral = "moral.csv"

    /// The one workbook of a ballots folder (`rotation init --ballots --xlsx` writes it), a sheet per file.
    public static let workbook = "ballots.xlsx"
    /// The sheet names of each file in that workbook: its stem and its Chinese name.
    public static let sheetNames: [(file: String, names: [String])] = [
        (meetings, ["meetings", "测评会议"]), (performance, ["performance", "附件2"]), (moral, ["moral", "附件3"]),
    ]

    public static let meetingColumns = [
        ColumnSpec("unit_id", "单位代码", required: true), ColumnSpec("due", "应参加人数", required: true), ColumnSpec("unit_name", "单位名称"),
    ]
    public static let performanceColumns: [ColumnSpec] = [ColumnSpec("ballot_id", "票号", required: true), ColumnSpec("cadre_id", "人员编号", required: true),
                                                          ColumnSpec("name", "姓名")]
        + PerformanceColumn.allCases.map { ColumnSpec($0.rawValue, $0.chinese, required: $0 == .overall) }
        + [ColumnSpec("reason", "评价理由")]
    /// The columns of a ballot file, by its name (nil for another file).
    public static func columns(of file: String) -> [ColumnSpec]? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return [(meetings, meetingColumns), (performance, performanceColumns), (moral, moralColumns)].first { name.hasPrefix($0.0) }?.1
    }

    public static let moralColumns: [ColumnSpec] = [ColumnSpec("ballot_id", "票号", required: true), ColumnSpec("cadre_id", "人员编号", required: true),
                                                    ColumnSpec("name", "姓名")]
        + MoralCategory.allCases.map { ColumnSpec($0.rawValue, $0.chinese, required: true) }
        + MoralCategory.allCases.map { ColumnSpec($0.reverseColumn, $0.chinese + "反向指标") }
        + [ColumnSpec("reason", "事由")]
}

/// Reads a ballots folder — meetings.csv, performance.csv (附件2), moral.csv (附件3) — against a
/// scenario's units and cadres, reporting every problem at once.
///
/// ```swift
/// let box = try BallotReader.read(folder: url, scenario: loaded.scenario, language: .zh)
/// ```
///
/// - Complexity: O(L) for L lines, with hashing of ids.
public struct BallotReader {
    let scenario: Scenario
    let language: Language
    let encoding: TextEncoding?
    private let unitOf: [CadreID: UnitID]
    private let units: Set<UnitID>
    public private(set) var problems: [InputProblem] = []
    /// Where the scenario's files came from (`LoadedScenario.sources`), for "not in cadres.csv".
    public var sources: [String: SourceName] = [:]

    public init(scenario: Scenario, language: Language, encoding: TextEncoding? = nil) {
        self.scenario = scenario
        self.language = language
        self.encoding = encoding
        unitOf = Dictionary(scenario.cadres.map { ($0.id, $0.unitID) }, uniquingKeysWith: { first, _ in first })
        units = Set(scenario.units.map(\.id))
    }

    /// Reads the folder; throws `InputErrors` with every problem (warnings too) when any is an error.
    public static func read(folder: URL, scenario: Scenario, language: Language, encoding: TextEncoding? = nil,
                            sources: [String: SourceName] = [:]) throws -> (box: BallotBox, warnings: [InputProblem]) {
        var reader = BallotReader(scenario: scenario, language: language, encoding: encoding)
        reader.sources = sources
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputErrors([InputProblem(file: folder.path, line: 0, text: TallyTexts.noBallotFolder(folder.path).text)], language: language)
        }
        var sheets: [String: BallotSheet] = [:]
        var present: Set<String> = []
        // Each file as X.csv, X.xlsx (its first sheet) or a sheet of ballots.xlsx; given twice is a problem.
        var book: XLSXWorkbook?
        let bookURL = folder.appendingPathComponent(BallotFiles.workbook)
        if FileManager.default.fileExists(atPath: bookURL.path) {
            do {
                book = try XLSXWorkbook(bytes: try InputFile.read(bookURL).get())
            } catch let error as XLSXError {
                reader.problems.append(InputProblem(file: BallotFiles.workbook, line: 0, text: error.text.text))
            } catch let problem as InputFile.Problem {  // a fifo or a device: refused, not read
                reader.problems.append(InputProblem(file: BallotFiles.workbook, line: 0, text: problem.text.text))
            } catch {
                reader.problems.append(InputProblem(file: BallotFiles.workbook, line: 0, text: TallyTexts.unreadable(error.localizedDescription).text))
            }
        }
        for (name, names) in BallotFiles.sheetNames {
            let stem = String(name.dropLast(4))
            var sources: [String] = []
            let csv = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: csv.path) {
                sources.append(name)
                do {
                    sheets[name] = try BallotSheet.csv(file: name, bytes: try InputFile.read(csv).get(), encoding: encoding)
                } catch let error as BallotSheetError {
                    reader.problems.append(InputProblem(file: name, line: error.row, text: TallyTexts.unreadable(error.message).text))
                } catch let problem as InputFile.Problem {  // a fifo or a device: refused, not read
                    reader.problems.append(InputProblem(file: name, line: 0, text: problem.text.text))
                } catch {
                    reader.problems.append(InputProblem(file: name, line: 0, text: TallyTexts.unreadable(error.localizedDescription).text))
                }
            }
            let single = folder.appendingPathComponent(stem + ".xlsx")
            if FileManager.default.fileExists(atPath: single.path) {
                sources.append(stem + ".xlsx")
                do {
                    let workbook = try XLSXWorkbook(bytes: try InputFile.read(single).get())
                    if let first = workbook.sheets.first { sheets[name] = sheets[name] ?? .worksheet(first, file: stem + ".xlsx") }
                } catch let error as XLSXError {
                    reader.problems.append(InputProblem(file: stem + ".xlsx", line: 0, text: error.text.text))
                } catch let problem as InputFile.Problem {  // a fifo or a device: refused, not read
                    reader.problems.append(InputProblem(file: stem + ".xlsx", line: 0, text: problem.text.text))
                } catch {
                    reader.problems.append(InputProblem(file: stem + ".xlsx", line: 0, text: TallyTexts.unreadable(error.localizedDescription).text))
                }
            }
            if let sheet = book?.sheets.first(where: { names.contains($0.name) }) {
                sources.append("\(BallotFiles.workbook):\(sheet.name)")
                sheets[name] = sheets[name] ?? .worksheet(sheet, file: BallotFiles.workbook)
            }
            if sources.count > 1 {
                reader.problems.append(InputProblem(file: sources[1], line: 0,
                                                    text: WorkbookTexts.givenTwice(file: name, first: sources[0], second: sources[1]).text))
            }
            if !sources.isEmpty { present.insert(name) }
        }
        let box = reader.read(meetings: sheets[BallotFiles.meetings], performance: sheets[BallotFiles.performance], moral: sheets[BallotFiles.moral],
                              present: present)
        let problems = reader.problems
        guard !problems.contains(where: { $0.severity == .error }), let box else { throw InputErrors(problems, language: language) }
        return (box, problems.sorted())
    }

    /// Reads the three sheets (nil: the file is absent, or unreadable when `present` names it).
    public mutating func read(meetings: BallotSheet?, performance: BallotSheet?, moral: BallotSheet?,
                              present: Set<String>? = nil) -> BallotBox? {
        let present = present ?? Set([(BallotFiles.meetings, meetings), (BallotFiles.performance, performance), (BallotFiles.moral, moral)]
            .compactMap { $0.1 == nil ? nil : $0.0 })
        if !present.contains(BallotFiles.meetings) {
            problems.append(InputProblem(file: BallotFiles.meetings, line: 0, text: TallyTexts.missingFile(BallotFiles.meetings).text))
        }
        if !present.contains(BallotFiles.performance) && !present.contains(BallotFiles.moral) {
            problems.append(InputProblem(file: BallotFiles.performance, line: 0, text: TallyTexts.noBallotFile.text))
        }
        var meetingLines: [UnitID: BallotLocation] = [:]
        var emptyDue: [UnitID: BallotLocation] = [:]
        let meetingRows = meetings.map { readMeetings($0, lines: &meetingLines, emptyDue: &emptyDue) } ?? []
        let performanceBallots = performance.map { readPerformance($0) }
        let moralBallots = moral.map { readMoral($0) }
        // A unit with ballots needs its meeting; took part may not exceed due.
        for (file, ballots) in [(BallotFiles.performance, performanceBallots?.map { ($0.unitID, $0.lines.first?.location) }),
                                (BallotFiles.moral, moralBallots?.map { ($0.unitID, $0.lines.first?.location) })] {
            guard let ballots, meetings != nil else { continue }
            var reported = Set<UnitID>()
            for (unit, location) in ballots where meetingLines[unit] == nil && reported.insert(unit).inserted {
                let at = location ?? BallotLocation(file: file, row: 0)
                problems.append(BallotTable.problem(at, "cadre_id", .noMeeting(unit: unit.rawValue, file: BallotFiles.meetings), form: file))
            }
        }
        var withBallots = Set<UnitID>()
        for unit in (performanceBallots?.map(\.unitID) ?? []) + (moralBallots?.map(\.unitID) ?? []) { withBallots.insert(unit) }
        for (unit, at) in emptyDue where withBallots.contains(unit) {
            problems.append(BallotTable.problem(at, "due", .requiredValueMissing, form: BallotFiles.meetings))
        }
        let box = BallotBox(meetings: meetingRows, performance: performanceBallots, moral: moralBallots)
        let took = Tally.tookPart(box)
        for meeting in meetingRows {
            let count = took[meeting.unitID] ?? 0
            if count > meeting.due, let at = meetingLines[meeting.unitID] {
                problems.append(BallotTable.problem(at, "due", .tookPartOverDue(tookPart: count, due: meeting.due, unit: meeting.unitID.rawValue),
                                                    form: BallotFiles.meetings))
            }
        }
        return problems.contains { $0.severity == .error } ? nil : box
    }

    // MARK: meetings.csv

    mutating func readMeetings(_ sheet: BallotSheet, lines: inout [UnitID: BallotLocation], emptyDue: inout [UnitID: BallotLocation]) -> [Meeting] {
        var table = BallotTable(sheet, columns: BallotFiles.meetingColumns, language: language, form: BallotFiles.meetings)
        var meetings: [Meeting] = []
        for row in table.rows {
            let unit = table.text(row, "unit_id", required: true).map { UnitID(rawValue: $0) }
            var due: Int?
            if let text = table.text(row, "due") {
                if let value = Values.integer(text), value >= 0 { due = value } else { table.fail(row, "due", .notWholeNumber(text)) }
            }
            guard let unit else { continue }
            if !units.contains(unit) {
                table.fail(row, "unit_id", .unknownUnit(unit.rawValue, in: sources[ScenarioFiles.units] ?? "units.csv"))
                continue
            }
            if let first = lines[unit] {
                table.fail(row, "unit_id", .meetingTwice(unit: unit.rawValue, firstLine: first.row))
                continue
            }
            lines[unit] = row.location
            if let due { meetings.append(Meeting(unitID: unit, due: due)) } else if row.fields["due"]?.isEmpty ?? true {
                // A template's row left empty: a problem only if the unit has ballots.
                emptyDue[unit] = row.location
            }
        }
        problems += table.problems
        return meetings
    }

    // MARK: The forms

    /// The ballots of a sheet in the order first read: each ballot's unit is its first known cadre's.
    ///
    /// A ballot with no mark, reverse indicator or reason on any line is a form left unused (the template
    /// `init --ballots` lays out more forms than are handed in): it is not read.
    private mutating func group<Line>(_ table: inout BallotTable, blank: (Line) -> Bool,
                                      line make: (inout BallotTable, BallotTable.Row, CadreID) -> Line?) -> [Ballot<Line>] {
        var ballots: [Ballot<Line>] = []
        var index: [String: Int] = [:]
        var seen: [String: [CadreID: Int]] = [:]
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            let ballotID = table.text(row, "ballot_id", required: true)
            let cadreID = table.text(row, "cadre_id", required: true).map { CadreID(rawValue: $0) }
            var unit: UnitID?
            if let cadreID {
                unit = unitOf[cadreID]
                if unit == nil { table.fail(row, "cadre_id", .unknownCadre(cadreID.rawValue, in: sources[ScenarioFiles.cadres] ?? "cadres.csv")) }
            }
            let line = cadreID.flatMap { make(&table, row, $0) }
            guard let ballotID, let cadreID, let unit else { continue }
            if let at = index[ballotID] {
                if ballots[at].unitID != unit {
                    table.fail(row, "cadre_id", .otherUnit(cadre: cadreID.rawValue, unit: unit.rawValue, ballot: ballotID,
                                                           ballotUnit: ballots[at].unitID.rawValue, line: firstLine[ballotID] ?? 0))
                    continue
                }
                if let first = seen[ballotID]?[cadreID] {
                    table.fail(row, "cadre_id", .twiceOnBallot(cadre: cadreID.rawValue, ballot: ballotID, line: first))
                    continue
                }
            } else {
                index[ballotID] = ballots.count
                firstLine[ballotID] = row.location.row
                ballots.append(Ballot(id: ballotID, unitID: unit, lines: []))
            }
            seen[ballotID, default: [:]][cadreID] = row.location.row
            if let line { ballots[index[ballotID]!].lines.append(line) }
        }
        return ballots.filter { !$0.lines.allSatisfy(blank) }
    }

    mutating func readPerformance(_ sheet: BallotSheet) -> [PerformanceBallot] {
        var table = BallotTable(sheet, columns: BallotFiles.performanceColumns, language: language, form: BallotFiles.performance)
        let ballots: [PerformanceBallot] = group(&table, blank: { !$0.hasReason && $0.marks.allSatisfy { $0 == .empty } }) { table, row, cadre in
            var marks: [PerformanceColumn: BallotMark] = [:]
            var ok = true
            for column in PerformanceColumn.allCases {
                guard let mark = Self.mark(&table, row, column.rawValue, required: column == .overall) else { ok = false; continue }
                marks[column] = mark
            }
            let reason = table.text(row, "reason") != nil
            return ok ? PerformanceLine(cadreID: cadre, marks: marks, hasReason: reason, location: row.location) : nil
        }
        problems += table.problems
        return ballots
    }

    mutating func readMoral(_ sheet: BallotSheet) -> [MoralBallot] {
        var table = BallotTable(sheet, columns: BallotFiles.moralColumns, language: language, form: BallotFiles.moral)
        let ballots: [MoralBallot] = group(&table, blank: { line in
            !line.hasReason && line.marks.allSatisfy { $0 == .empty } && line.reverse.allSatisfy { !$0.isTicked }
        }) { table, row, cadre in
            var marks: [MoralCategory: BallotMark] = [:]
            var reverse: [MoralCategory: ReverseIndicators] = [:]
            var ok = true
            for category in MoralCategory.allCases {
                if let mark = Self.mark(&table, row, category.rawValue, required: false) { marks[category] = mark } else { ok = false }
                if let indicators = Self.reverse(&table, row, category.reverseColumn) { reverse[category] = indicators } else { ok = false }
            }
            let reason = table.text(row, "reason") != nil
            return ok ? MoralLine(cadreID: cadre, marks: marks, reverse: reverse, hasReason: reason, location: row.location) : nil
        }
        problems += table.problems
        return ballots
    }

    /// A cell of grades: empty, one, or several separated by `;` `；` `、` `,` `，`; nil (with a problem) when one is not a grade.
    /// An empty cell is an abstention even in a required column (the column must be there; its cells may be blank).
    static func mark(_ table: inout BallotTable, _ row: BallotTable.Row, _ column: String, required: Bool) -> BallotMark? {
        guard let text = table.text(row, column) else { return .empty }
        var grades: [MoralGrade] = []
        var ok = true
        for item in text.split(whereSeparator: { ";；、,，/ ".contains($0) }) where !item.isEmpty {
            if let grade = Values.lookup(String(item), Values.moralNames) { grades.append(grade) } else {
                table.fail(row, column, .notAGrade(String(item)))
                ok = false
            }
        }
        return ok ? BallotMark(ticked: grades) : nil
    }

    /// A cell of reverse indicators: empty, A, B or both; nil (with a problem) otherwise.
    static func reverse(_ table: inout BallotTable, _ row: BallotTable.Row, _ column: String) -> ReverseIndicators? {
        guard let text = table.text(row, column) else { return ReverseIndicators.none }
        var indicators = ReverseIndicators()
        var ok = true
        for item in text.split(whereSeparator: { ";；、,，/ ".contains($0) }) where !item.isEmpty {
            switch item.uppercased() {
            case "A", "Ａ": indicators.a = true
            case "B", "Ｂ": indicators.b = true
            default:
                table.fail(row, column, .notReverse(String(item)))
                ok = false
            }
        }
        return ok ? indicators : nil
    }
}
