// SPDX-License-Identifier: GPL-3.0-or-later
import CXLSXWriter
import Foundation
import RotationCore
import RotationIO

/// Writes an `EntryWorkbook` as xlsx with libxlsxwriter: the instructions sheet first, then a
/// sheet per scenario file with a dropdown (data validation) on every coded and yes/no column,
/// text format on id and month columns, red headers on required columns.
///
/// The dropdowns take their values from the code table on the instructions sheet, so no list is
/// cut at Excel's 255 characters; multi-valued columns (身份要求, 负面情形) only inform when a value
/// is not in the list, single-valued ones refuse it. Reproducible bytes: the document's creation
/// time is fixed (`created`), and libxlsxwriter dates its zip entries 1980-01-01.
///
/// ```swift
/// let bytes = try EntryWorkbookWriter.bytes(EntryWorkbook(tables: tables))
/// ```
public enum EntryWorkbookWriter {
    /// Rows that get a dropdown and a text format, below the header.
    public static let entryRows = 2_000

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The workbook's bytes (written in a private temporary folder, then read back).
    public static func bytes(_ workbook: EntryWorkbook, created: Int = 1_483_228_800) throws -> [UInt8] {
        let written = try ScratchFile.bytes(named: "scenario.xlsx") { try write(workbook, created: created, path: $0) }
        guard let bytes = written.bytes else { throw Failure(description: "cannot read back \(written.path)") }
        return bytes
    }

    static func check(_ status: lxw_error, _ what: String) throws {
        guard status == LXW_NO_ERROR else { throw Failure(description: "\(what): \(String(cString: lxw_strerror(status)))") }
    }

    static func write(_ entry: EntryWorkbook, created: Int, path: String) throws {
        guard let workbook = workbook_new(path) else { throw Failure(description: "cannot create \(path)") }
        var closed = false
        defer { if !closed { _ = workbook_close(workbook) } }
        try WorkbookProperties.set(workbook, title: EntryWorkbookTexts.title.text.zh, created: created)

        let formats = Formats(workbook)
        let ranges = try writeInstructions(entry, workbook, formats)
        for sheet in entry.sheets {
            try writeSheet(sheet, workbook, formats, ranges: ranges)
        }
        closed = true
        try check(workbook_close(workbook), "saving \(path)")
    }

    final class Formats {
        let header, required, text, wrap, bold, heading: UnsafeMutablePointer<lxw_format>?
        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            header = workbook_add_format(workbook)
            format_set_bold(header)
            format_set_bg_color(header, 0xEAEAEA)
            format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
            required = workbook_add_format(workbook)
            format_set_bold(required)
            format_set_bg_color(required, 0xEAEAEA)
            format_set_font_color(required, 0xC00000)
            format_set_border(required, UInt8(LXW_BORDER_THIN.rawValue))
            text = workbook_add_format(workbook)
            format_set_num_format(text, "@")
            wrap = workbook_add_format(workbook)
            format_set_text_wrap(wrap)
            format_set_align(wrap, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            bold = workbook_add_format(workbook)
            format_set_bold(bold)
            heading = workbook_add_format(workbook)
            format_set_bold(heading)
            format_set_font_size(heading, 14)
        }
    }

    /// The instructions sheet; returns, for each code table (by its Chinese title), the range of its Chinese values.
    static func writeInstructions(_ entry: EntryWorkbook, _ workbook: UnsafeMutablePointer<lxw_workbook>, _ formats: Formats) throws -> [String: String] {
        guard let sheet = workbook_add_worksheet(workbook, EntryWorkbook.instructionsSheet) else { throw Failure(description: "instructions sheet") }
        try check(worksheet_set_column(sheet, 0, 0, 18, nil), "width")
        try check(worksheet_set_column(sheet, 1, 1, 32, nil), "width")
        try check(worksheet_set_column(sheet, 2, 2, 40, nil), "width")
        worksheet_set_paper(sheet, 9)  // A4
        worksheet_fit_to_pages(sheet, 1, 0)
        var row: lxw_row_t = 0
        try check(worksheet_write_string(sheet, row, 0, EntryWorkbookTexts.title.text.zh, formats.heading), "title")
        row += 1
        try check(worksheet_write_string(sheet, row, 0, EntryWorkbookTexts.title.text.en, nil), "title")
        row += 2
        for (index, paragraph) in EntryWorkbook.instructions.enumerated() {
            try check(worksheet_write_string(sheet, row, 0, "\(index + 1).", formats.wrap), "number")
            try check(worksheet_merge_range(sheet, row, 1, row, 2, paragraph.text.zh, formats.wrap), "paragraph")
            try check(worksheet_set_row(sheet, row, 45, nil), "height")
            row += 1
            try check(worksheet_merge_range(sheet, row, 1, row, 2, paragraph.text.en, formats.wrap), "paragraph")
            try check(worksheet_set_row(sheet, row, 45, nil), "height")
            row += 1
        }
        row += 1
        try check(worksheet_write_string(sheet, row, 0, "\(EntryWorkbookTexts.codesHeading.text.zh) \(EntryWorkbookTexts.codesHeading.text.en)", formats.heading), "codes")
        row += 1
        for (column, heading) in [EntryWorkbookTexts.columnHeader, .chineseHeader, .englishHeader].enumerated() {
            try check(worksheet_write_string(sheet, row, lxw_col_t(column), "\(heading.text.zh) \(heading.text.en)", formats.header), "codes header")
        }
        row += 1
        var ranges: [String: String] = [:]
        for list in entry.codeLists {
            let first = row
            for (offset, value) in list.values.enumerated() {
                if offset == 0 {
                    try check(worksheet_write_string(sheet, row, 0, "\(list.title.zh) \(list.title.en)", formats.bold), "code title")
                }
                try check(worksheet_write_string(sheet, row, 1, value.zh, formats.text), "code")
                try check(worksheet_write_string(sheet, row, 2, value.en, formats.text), "code")
                row += 1
            }
            ranges[list.title.zh] = "='\(EntryWorkbook.instructionsSheet)'!$B$\(first + 1):$B$\(row)"
        }
        return ranges
    }

    static func writeSheet(_ sheet: EntryWorkbook.DataSheet, _ workbook: UnsafeMutablePointer<lxw_workbook>, _ formats: Formats,
                           ranges: [String: String]) throws {
        guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else { throw Failure(description: "sheet \(sheet.name)") }
        let last = lxw_row_t(entryRows)
        for (index, column) in sheet.columns.enumerated() {
            let col = lxw_col_t(index)
            let textColumn: Bool
            switch column.kind {
            case .id, .month: textColumn = true
            case .code, .yesNo, .plain: textColumn = false
            }
            let width = max(10, Double(column.header.count) * 2.2 + 2)
            try check(worksheet_set_column(worksheet, col, col, width, textColumn ? formats.text : nil), "column format")
            try check(worksheet_write_string(worksheet, 0, col, column.header, column.required ? formats.required : formats.header), "header")
            switch column.kind {
            case .code(let list, let multiple):
                guard let range = ranges[list.title.zh] else { continue }
                try validate(worksheet, col, last, formula: range, multiple: multiple)
            case .yesNo:
                guard let range = ranges[EntryWorkbook.yesNo.title.zh] else { continue }
                try validate(worksheet, col, last, formula: range, multiple: false)
            case .id, .month, .plain: break
            }
        }
        for (offset, values) in sheet.rows.enumerated() {
            let row = lxw_row_t(offset + 1)
            for (index, value) in values.enumerated() where index < sheet.columns.count && !value.isEmpty {
                let col = lxw_col_t(index)
                if case .plain = sheet.columns[index].kind, let number = Int(value), abs(number) < 1_000_000_000 {
                    try check(worksheet_write_number(worksheet, row, col, Double(number), nil), "cell")
                } else {
                    try check(worksheet_write_string(worksheet, row, col, value, nil), "cell")
                }
            }
        }
        worksheet_freeze_panes(worksheet, 1, 0)
        _ = worksheet_repeat_rows(worksheet, 0, 0)
        worksheet_set_landscape(worksheet)
        worksheet_set_paper(worksheet, 9)  // A4
        worksheet_fit_to_pages(worksheet, 1, 0)
        worksheet_gridlines(worksheet, UInt8(LXW_SHOW_ALL_GRIDLINES.rawValue))
    }

    /// A dropdown on rows 2…`last` of a column, its values from `formula`.
    static func validate(_ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ column: lxw_col_t, _ last: lxw_row_t,
                         formula: String, multiple: Bool) throws {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
        validation.error_type = UInt8((multiple ? LXW_VALIDATION_ERROR_TYPE_INFORMATION : LXW_VALIDATION_ERROR_TYPE_STOP).rawValue)
        let formulaCopy = strdup(formula)
        let message = strdup((multiple ? EntryWorkbookTexts.chooseSeveral : .chooseOne).text.zh)
        let error = strdup(EntryWorkbookTexts.notInList.text.zh)
        defer { free(formulaCopy); free(message); free(error) }
        validation.value_formula = formulaCopy
        validation.input_message = message
        validation.error_message = error
        try check(worksheet_data_validation_range(worksheet, 1, column, last, column, &validation), "dropdown")
    }
}
