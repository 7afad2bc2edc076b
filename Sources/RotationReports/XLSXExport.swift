// SPDX-License-Identifier: GPL-3.0-or-later
import CXLSXWriter
import RotationIO
import Foundation
import RotationCore

/// Writes the run's sheets as one Excel workbook with libxlsxwriter.
///
/// Every name, id, code and detail goes through `worksheet_write_string` (a shared string, never a
/// formula, whatever it starts with); scores, ranks and counts are numbers. Header rows are frozen,
/// bold and repeated on printed pages; columns are sized to their content; pages are A4 landscape.
///
/// Reproducible bytes: libxlsxwriter stamps docProps/core.xml's `dcterms:created`/`modified` with the
/// current time unless `lxw_doc_properties.created` is set, so it is set to `created` (by default the
/// first day of the run's reference month, 00:00 UTC). Its ZIP entries carry a fixed date
/// (1980-01-01), so the same run gives the same bytes.
///
/// ```swift
/// try XLSXExport.write(RunSheets(run: run).all(), title: run.scenarioName, created: XLSXExport.defaultCreated(run), to: url)
/// ```
public enum XLSXExport {
    /// The first day of the reference month, 00:00 UTC, as seconds since 1970.
    public static func defaultCreated(_ run: Run) -> Int {
        var components = DateComponents()
        components.year = run.referenceDate.year
        components.month = run.referenceDate.month
        components.day = 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return Int(calendar.date(from: components)?.timeIntervalSince1970 ?? 0)
    }

    /// Builds the workbook in a private temporary folder, then writes it to `target` through
    /// `AtomicFolder.writeFile` (atomic, and never over a scenario's or a run's own file).
    public static func write(_ sheets: [Sheet], title: String, created: Int, to target: URL) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let workbook = scratch.appendingPathComponent("workbook.xlsx")
        try writeWorkbook(sheets, title: title, created: created, path: workbook.path)
        guard let bytes = FileManager.default.contents(atPath: workbook.path) else {
            throw ReportError("cannot read back the workbook \(workbook.path)")
        }
        try AtomicFolder.writeFile(Array(bytes), to: target)
    }

    static func check(_ status: lxw_error, _ what: String) throws {
        guard status == LXW_NO_ERROR else {
            throw ReportError("Excel export failed (\(what)): \(String(cString: lxw_strerror(status)))")
        }
    }

    static func writeWorkbook(_ sheets: [Sheet], title: String, created: Int, path: String) throws {
        guard let workbook = workbook_new(path) else { throw ReportError("cannot create the workbook \(path)") }
        var closed = false
        defer { if !closed { _ = workbook_close(workbook) } }

        var properties = lxw_doc_properties()
        properties.created = time_t(created)
        let titleCopy = strdup(title)
        let author = strdup("rotation")
        properties.title = titleCopy
        properties.author = author
        let status = workbook_set_properties(workbook, &properties)
        free(titleCopy)
        free(author)
        try check(status, "document properties")

        let header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_bg_color(header, 0xEAEAEA)
        format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_text_wrap(header)
        format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        let text = workbook_add_format(workbook)
        format_set_border(text, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_num_format(text, "@")
        var numberFormats: [Int: UnsafeMutablePointer<lxw_format>?] = [:]
        func numberFormat(_ decimals: Int) -> UnsafeMutablePointer<lxw_format>? {
            if let found = numberFormats[decimals] { return found }
            let format = workbook_add_format(workbook)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_num_format(format, decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals))
            numberFormats[decimals] = format
            return format
        }

        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                throw ReportError("cannot add the sheet \(sheet.name)")
            }
            for (column, name) in sheet.header.enumerated() {
                try check(worksheet_write_string(worksheet, 0, lxw_col_t(column), name, header), "header")
            }
            for (offset, row) in sheet.rows.enumerated() {
                let line = lxw_row_t(offset + 1)
                for (column, cell) in row.enumerated() {
                    let col = lxw_col_t(column)
                    switch cell {
                    case .text(let value) where value.isEmpty:
                        try check(worksheet_write_blank(worksheet, line, col, text), "cell")
                    case .text(let value):
                        try check(worksheet_write_string(worksheet, line, col, value, text), "cell")
                    case let .number(hundredths, format):
                        try check(worksheet_write_number(worksheet, line, col, Double(hundredths) / 100, numberFormat(format.decimals)), "cell")
                    case .integer(let value):
                        try check(worksheet_write_number(worksheet, line, col, Double(value), numberFormat(0)), "cell")
                    case .empty:
                        try check(worksheet_write_blank(worksheet, line, col, text), "cell")
                    }
                }
            }
            for (column, width) in sheet.widths.enumerated() {
                try check(worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil), "column width")
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            if !sheet.header.isEmpty {
                try check(worksheet_autofilter(worksheet, 0, 0, lxw_row_t(sheet.rows.count), lxw_col_t(sheet.header.count - 1)), "filter")
                _ = worksheet_repeat_rows(worksheet, 0, 0)
            }
            worksheet_set_landscape(worksheet)
            worksheet_set_paper(worksheet, 9)  // A4
            worksheet_fit_to_pages(worksheet, 1, 0)
        }
        closed = true
        try check(workbook_close(workbook), "saving \(path)")
    }
}
