// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

extension ScenarioBuilder {
    /// Where `file`'s rows came from, for a message that sends the user there: the CSV, or the
    /// workbook sheet that stands in for it.
    ///
    /// ```swift
    /// builder.source(ScenarioFiles.cadres)   // .sheet("干部", workbook: "scenario.xlsx")
    /// ```
    func source(_ file: String) -> SourceName { ScenarioWorkbooks.source(of: file, sheets[file]) }
}

extension ScenarioWorkbooks {
    /// The name of `file` as the user has it: a sheet of scenario.xlsx, `X.xlsx`, or the CSV itself.
    static func source(of file: String, _ table: SheetTable?) -> SourceName {
        guard let location = table?.location else { return .file(file) }
        return location.workbook == scenarioWorkbook ? .sheet(location.sheet, workbook: location.workbook) : .file(location.workbook)
    }

    /// The name of every scenario file as the user has it: the sheet or workbook that gives it, the
    /// CSV when one of `csv` was read, else (a file not given) the sheet scenario.xlsx would hold,
    /// named as its other sheets are (Chinese or English), or the CSV.
    func sources(csv: Set<String>) -> [String: SourceName] {
        let chinese = tables.values.contains { table in
            ScenarioWorkbooks.sheetNames.contains { $0.names[1] == table.location.sheet.trimmingSpaces }
        }
        return Dictionary(uniqueKeysWithValues: ScenarioWorkbooks.sheetNames.map { file, names in
            if tables[file] != nil || csv.contains(file) || !readScenarioWorkbook { return (file, Self.source(of: file, tables[file])) }
            return (file, .sheet(chinese ? names[1] : names[0], workbook: ScenarioWorkbooks.scenarioWorkbook))
        })
    }

    /// A required file neither in the folder nor in a workbook: when scenario.xlsx was read, the
    /// sheet it lacks (`scenario.xlsx:0`), else the CSV (`cadres.csv:0`).
    func missing(_ file: String) -> InputProblem {
        guard readScenarioWorkbook, let names = ScenarioWorkbooks.sheetNames.first(where: { $0.file == file })?.names else {
            return InputProblem(file: file, line: 0, .requiredFileMissing)
        }
        var problem = InputProblem(file: file, line: 0, .requiredSheetMissing(file: file, sheets: names, workbook: ScenarioWorkbooks.scenarioWorkbook))
        problem.sheet = SheetLocation(workbook: ScenarioWorkbooks.scenarioWorkbook, sheet: "")
        return problem
    }
}
