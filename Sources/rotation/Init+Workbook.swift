// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationIO
import RotationWorkbook

extension ScenarioTemplate {
    /// `init --xlsx`: scenario.yaml, the entry workbook scenario.xlsx (a sheet per file, the same
    /// worked example as the CSV template, Chinese headers) and README.md.
    ///
    /// The tables are the CSV template's, read back with the CSV parser, so the two templates
    /// cannot drift apart.
    func workbookFiles() throws -> [(String, [UInt8])] {
        var tables: [(file: String, header: [String], rows: [[String]])] = []
        var others: [(String, [UInt8])] = []
        for file in ScenarioTemplate(language: .zh).files() {
            guard file.name.hasSuffix(".csv") else { continue }
            let table = try CSVParser.parse(String(file.contents.drop { $0 == "\u{FEFF}" }))
            tables.append((file.name, table.header.map(CSVWriter.unguard), table.records.map { $0.fields.map(CSVWriter.unguard) }))
        }
        for file in files() where !file.name.hasSuffix(".csv") {
            others.append((file.name, Array(file.contents.utf8)))
        }
        return others + [("scenario.xlsx", try EntryWorkbookWriter.bytes(EntryWorkbook(tables: tables)))]
    }
}
