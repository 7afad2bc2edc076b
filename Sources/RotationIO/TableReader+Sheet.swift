// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

extension TableReader {
    /// Reads a workbook sheet already made a table (`ScenarioWorkbooks.table`): no decoding, no CSV parsing.
    init(file: String, sheet table: CSVTable, columns: [ColumnSpec]) {
        self.file = file
        self.columns = columns
        isSheet = true
        read(table)
    }

    /// A month Excel may have changed (scenario-format.md, "Excel-mangled months"): `YYYY.1` in a
    /// column that also holds `YYYY.MM` months (Excel turns a typed `2014.10` into the number
    /// 2014.1), or any number cell `YYYY.1` of a workbook. Nil when the value is not in doubt.
    ///
    /// ```swift
    /// // cadres.csv: level_since holds 2013.06 and 2014.1 → 2014.1 is the problem
    /// ```
    ///
    /// - Complexity: O(rows) the first time a column is asked about, O(1) after.
    mutating func mangledMonth(_ row: Row, _ column: String, _ value: String) -> InputProblem? {
        guard let year = Self.yearOfDottedOne(value) else { return nil }
        let numberCell = row.numbers.contains(column)
        if !numberCell {
            if twoDigitDottedMonths[column] == nil {
                twoDigitDottedMonths[column] = rows.contains { Self.isTwoDigitDotted($0.fields[column] ?? "") }
            }
            guard twoDigitDottedMonths[column] == true else { return nil }
        }
        return .workbook(file, line: row.line, column: column, .mangledMonth(value: value, year: year, numberCell: numberCell))
    }

    /// The year of `YYYY.1`; nil for anything else.
    static func yearOfDottedOne(_ value: String) -> Int? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1] == "1", parts[0].count == 4, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(parts[0])
    }

    /// `YYYY.MM` with a two-digit month 01–12.
    static func isTwoDigitDotted(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let month = Int(parts[1]) else { return false }
        return (1...12).contains(month)
    }
}
