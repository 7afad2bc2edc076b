// SPDX-License-Identifier: GPL-3.0-or-later
import CXLSXWriter
import Foundation
import RotationCore

/// The ballot entry workbook (`rotation init FOLDER --ballots --xlsx`): a sheet per form, laid out
/// like the paper forms of 附件2 and 附件3 — one line per cadre, the ballots one under another with a
/// rule under each — and a dropdown in every cell to tick (好/较好/一般/较差; reverse indicators
/// A/B). The dropdowns only inform when another value is typed, so two grades (`好;较好`, a spoiled
/// cell) can still be entered as written on the paper.
///
/// ```swift
/// let bytes = try BallotWorkbookWriter.bytes(sheets)
/// ```
public enum BallotWorkbookWriter {
    /// One sheet: its name, header, the columns with a dropdown (and its values), and the rows,
    /// each with whether it ends a ballot (drawn with a rule under it).
    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var dropdowns: [Int: [String]]
        public var rows: [(cells: [String], endsBallot: Bool)]
        public var widths: [Double]
        public init(name: String, header: [String], dropdowns: [Int: [String]], rows: [(cells: [String], endsBallot: Bool)], widths: [Double]) {
            self.name = name; self.header = header; self.dropdowns = dropdowns; self.rows = rows; self.widths = widths
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The workbook's bytes (written in a private temporary folder, then read back); the creation time is fixed.
    public static func bytes(_ sheets: [Sheet], title: String, created: Int = 1_483_228_800) throws -> [UInt8] {
        let written = try ScratchFile.bytes(named: "ballots.xlsx") { try write(sheets, title: title, created: created, path: $0) }
        guard let bytes = written.bytes else { throw Failure(description: "cannot read back \(written.path)") }
        return bytes
    }

    /// libxlsxwriter's status as an error (the entry workbook's one check).
    static func check(_ status: lxw_error, _ what: String) throws { try EntryWorkbookWriter.check(status, what) }

    static func write(_ sheets: [Sheet], title: String, created: Int, path: String) throws {
        guard let workbook = workbook_new(path) else { throw Failure(description: "cannot create \(path)") }
        var closed = false
        defer { if !closed { _ = workbook_close(workbook) } }
        try WorkbookProperties.set(workbook, title: title, created: created)

        let header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_bg_color(header, 0xEAEAEA)
        format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_align(header, UInt8(LXW_ALIGN_CENTER.rawValue))
        let cell = workbook_add_format(workbook)
        format_set_border(cell, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_num_format(cell, "@")
        let last = workbook_add_format(workbook)
        format_set_border(last, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_bottom(last, UInt8(LXW_BORDER_MEDIUM.rawValue))
        format_set_num_format(last, "@")

        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else { throw Failure(description: "sheet \(sheet.name)") }
            for (index, width) in sheet.widths.enumerated() {
                try check(worksheet_set_column(worksheet, lxw_col_t(index), lxw_col_t(index), width, nil), "width")
            }
            for (index, text) in sheet.header.enumerated() {
                try check(worksheet_write_string(worksheet, 0, lxw_col_t(index), text, header), "header")
            }
            for (offset, row) in sheet.rows.enumerated() {
                let format = row.endsBallot ? last : cell
                for (index, text) in row.cells.enumerated() {
                    let at = lxw_row_t(offset + 1)
                    if text.isEmpty {
                        try check(worksheet_write_blank(worksheet, at, lxw_col_t(index), format), "cell")
                    } else {
                        try check(worksheet_write_string(worksheet, at, lxw_col_t(index), text, format), "cell")
                    }
                }
            }
            if !sheet.rows.isEmpty {
                for (column, values) in sheet.dropdowns.sorted(by: { $0.key < $1.key }) {
                    try dropdown(worksheet, column: lxw_col_t(column), rows: sheet.rows.count, values: values)
                }
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            _ = worksheet_repeat_rows(worksheet, 0, 0)
            worksheet_set_paper(worksheet, 9)  // A4
            worksheet_fit_to_pages(worksheet, 1, 0)
        }
        closed = true
        try check(workbook_close(workbook), "saving \(path)")
    }

    /// A dropdown of `values` on rows 2…rows+1 of a column; another value is allowed after a notice.
    static func dropdown(_ worksheet: UnsafeMutablePointer<lxw_worksheet>, column: lxw_col_t, rows: Int, values: [String]) throws {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_INFORMATION.rawValue)
        let copies = values.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var list: [UnsafeMutablePointer<CChar>?] = copies + [nil]
        try list.withUnsafeMutableBufferPointer { buffer in
            validation.value_list = buffer.baseAddress
            try check(worksheet_data_validation_range(worksheet, 1, column, lxw_row_t(rows), column, &validation), "dropdown")
        }
    }
}
