// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationIO
import XCTest
import ZIPFoundation

/// Builds small xlsx workbooks in memory for tests: sheets of cells, each a text (inline string)
/// or a number, with optional raw parts to make a workbook damaged or hostile.
enum WorkbookKit {
    enum Cell {
        case text(String)
        case number(String)
    }

    /// A minimal valid workbook: `sheets` in order, each a list of rows of cells.
    static func workbook(_ sheets: [(name: String, rows: [[Cell]])], replacing parts: [String: String] = [:]) throws -> [UInt8] {
        var files: [(String, String)] = [
            ("[Content_Types].xml", """
             <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
             <Default Extension="xml" ContentType="application/xml"/></Types>
             """),
            ("_rels/.rels", """
             <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
             <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
             """),
        ]
        let sheetList = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        files.append(("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(sheetList)</sheets></workbook>
            """))
        let relationships = sheets.indices.map { index in
            "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }.joined()
        files.append(("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
            """))
        for (index, sheet) in sheets.enumerated() {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            for (rowIndex, row) in sheet.rows.enumerated() {
                xml += "<row r=\"\(rowIndex + 1)\">"
                for (columnIndex, cell) in row.enumerated() {
                    let reference = column(columnIndex + 1) + "\(rowIndex + 1)"
                    switch cell {
                    case .text(let text) where text.isEmpty: continue
                    case .text(let text): xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
                    case .number(let number): xml += "<c r=\"\(reference)\"><v>\(number)</v></c>"
                    }
                }
                xml += "</row>"
            }
            files.append(("xl/worksheets/sheet\(index + 1).xml", xml + "</sheetData></worksheet>"))
        }
        for (path, text) in parts {
            files.removeAll { $0.0 == path }
            files.append((path, text))
        }
        return try zip(files.map { ($0.0, Array($0.1.utf8)) })
    }

    /// A zip of the given entries (deflated).
    static func zip(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(try XCTUnwrap(archive.data))
    }

    /// A sheet of a CSV file's text cells, every value a text (as a clerk's text-formatted sheet).
    static func rows(ofCSV url: URL) throws -> [[Cell]] {
        let table = try CSVParser.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: ""))
        return [table.header.map { Cell.text($0) }] + table.records.map { $0.fields.map { Cell.text($0) } }
    }

    static func column(_ number: Int) -> String {
        var number = number
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
