// SPDX-License-Identifier: GPL-3.0-or-later
import CXLSXWriter

/// The document properties every workbook rotation writes with libxlsxwriter: its title, the
/// author "rotation", and a fixed creation time, so that the same workbook gives the same bytes.
///
/// ```swift
/// try WorkbookProperties.set(workbook, title: "干部信息录入表", created: 1_483_228_800)
/// ```
enum WorkbookProperties {
    static func set(_ workbook: UnsafeMutablePointer<lxw_workbook>, title: String, created: Int) throws {
        var properties = lxw_doc_properties()
        properties.created = time_t(created)
        let titleCopy = strdup(title)
        let author = strdup("rotation")
        properties.title = titleCopy
        properties.author = author
        let status = workbook_set_properties(workbook, &properties)
        free(titleCopy); free(author)
        try EntryWorkbookWriter.check(status, "document properties")
    }
}
