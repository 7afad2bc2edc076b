// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// A workbook's sheets as the cells a person sees: every cell's text as `XLSXCellText` reads it
/// (text as written, numbers as shown, date cells as their month).
///
/// ```swift
/// let workbook = try XLSXWorkbook(bytes: Array(try Data(contentsOf: url)))
/// for sheet in workbook.sheets { print(sheet.name, sheet.rows.count) }
/// ```
///
/// - Complexity: O(size of the unpacked parts), each bounded by `XLSXArchive`.
public struct XLSXWorkbook: Sendable {
    /// One cell: its 1-based column, its text, and whether it was a number cell (not text, not a date).
    public struct Cell: Sendable, Equatable {
        public var column: Int
        public var text: String
        public var isNumber: Bool
    }

    /// One row: its number as Excel shows it, and its non-empty cells in column order.
    public struct Row: Sendable, Equatable {
        public var number: Int
        public var cells: [Cell]
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [Row]
    }

    /// The sheets in the workbook's order (the order of their tabs).
    public var sheets: [Sheet]

    public init(bytes: [UInt8]) throws(XLSXError) {
        try self.init(bytes: bytes, limits: (XLSXArchive.partLimit, XLSXArchive.totalLimit))
    }

    /// `limits`: the most one part and all parts together may unpack to (see `XLSXArchive`).
    init(bytes: [UInt8], limits: (part: Int, total: Int)) throws(XLSXError) {
        let archive = try XLSXArchive(bytes: bytes, limits: limits)
        let workbookPath = try Self.officeDocument(archive)
        guard let workbookXML = try archive.part(workbookPath) else { throw XLSXError(.notAWorkbook) }
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relationships = try Self.relationships(archive, of: workbookPath)

        // workbook.xml: the sheets (name and relationship), and the 1904 date system.
        var entries: [(name: String, id: String)] = []
        var date1904 = false
        try XLSXScanner.scan(workbookXML, part: workbookPath) { (scanner: inout XLSXScanner) throws(XLSXError) in
            while let event = try scanner.next() {
                guard case .start = event else { continue }
                if scanner.isNamed("sheet"), let sheetName = scanner.attribute("name"), let id = scanner.attribute("id") { entries.append((sheetName, id)) }
                if scanner.isNamed("workbookPr"), let value = scanner.attribute("date1904") { date1904 = value == "1" || value.lowercased() == "true" }
            }
        }
        guard !entries.isEmpty else { throw XLSXError(.noSheet) }

        var sharedStrings: [String] = []
        var styles = XLSXStyles()
        for (_, type, target) in relationships {
            let path = Self.resolve(target, in: folder)
            if type.hasSuffix("/sharedStrings"), let bytes = try archive.part(path) { sharedStrings = try XLSXSheetReader.sharedStrings(bytes, part: path) }
            if type.hasSuffix("/styles"), let bytes = try archive.part(path) { styles = try XLSXStyles(bytes, part: path) }
        }
        let cellText = XLSXCellText(sharedStrings: sharedStrings, styles: styles, date1904: date1904)
        let targets = Dictionary(relationships.map { ($0.id, $0.target) }, uniquingKeysWith: { first, _ in first })
        sheets = try entries.map { entry throws(XLSXError) in
            guard let target = targets[entry.id] else { throw XLSXError(.damagedPart(part: workbookPath)) }
            let path = Self.resolve(target, in: folder)
            guard let bytes = try archive.part(path) else { throw XLSXError(.damagedPart(part: path)) }
            return Sheet(name: entry.name, rows: try XLSXSheetReader.rows(bytes, part: path, cellText: cellText))
        }
    }

    /// The workbook part named by `_rels/.rels` (usually `xl/workbook.xml`).
    static func officeDocument(_ archive: XLSXArchive) throws(XLSXError) -> String {
        guard let bytes = try archive.part("_rels/.rels") else { return "xl/workbook.xml" }
        var found: String?
        try XLSXScanner.scan(bytes, part: "_rels/.rels") { (scanner: inout XLSXScanner) throws(XLSXError) in
            while let event = try scanner.next() {
                if case .start = event, scanner.isNamed("Relationship"), found == nil,
                   scanner.attribute("Type")?.hasSuffix("/officeDocument") == true, let target = scanner.attribute("Target") {
                    found = target
                }
            }
        }
        return found.map { resolve($0, in: "") } ?? "xl/workbook.xml"
    }

    /// (id, type, target) of each relationship of a part.
    static func relationships(_ archive: XLSXArchive, of part: String) throws(XLSXError) -> [(id: String, type: String, target: String)] {
        var components = part.split(separator: "/").map(String.init)
        let name = components.removeLast()
        let path = (components + ["_rels", name + ".rels"]).joined(separator: "/")
        guard let bytes = try archive.part(path) else { throw XLSXError(.damagedPart(part: path)) }
        var found: [(id: String, type: String, target: String)] = []
        try XLSXScanner.scan(bytes, part: path) { (scanner: inout XLSXScanner) throws(XLSXError) in
            while let event = try scanner.next() {
                if case .start = event, scanner.isNamed("Relationship"), let id = scanner.attribute("Id"), let target = scanner.attribute("Target") {
                    found.append((id, scanner.attribute("Type") ?? "", target))
                }
            }
        }
        return found
    }

    /// A relationship target made a part path: absolute (`/xl/…`) or relative to `folder`, with `..` resolved.
    static func resolve(_ target: String, in folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Reads the `<sheetData>` of one worksheet part, and the shared strings, with `XLSXScanner`.
///
/// ```swift
/// let rows = try XLSXSheetReader.rows(bytes, part: "xl/worksheets/sheet1.xml", cellText: cellText)
/// ```
///
/// - Complexity: O(size of the part).
enum XLSXSheetReader {
    static let maxRow = 1_048_576
    static let maxColumn = 16_384

    static func rows(_ bytes: [UInt8], part: String, cellText: XLSXCellText) throws(XLSXError) -> [XLSXWorkbook.Row] {
        try XLSXScanner.scan(bytes, part: part) { (scanner: inout XLSXScanner) throws(XLSXError) in
            var rows: [XLSXWorkbook.Row] = []
            var row = XLSXWorkbook.Row(number: 0, cells: [])
            var cell: (column: Int, type: String, style: Int)?
            var lastColumn = 0
            var value: [UInt8] = []
            var inline: [UInt8] = []
            var inValue = false, inInlineText = false, phonetic = 0
            while let event = try scanner.next() {
                switch event {
                case .start(.row):
                    var number = row.number + 1
                    if let text = scanner.attribute("r") {
                        guard let parsed = Int(text), (1...maxRow).contains(parsed) else { throw XLSXError(.badCellReference(text)) }
                        number = parsed
                    }
                    row = XLSXWorkbook.Row(number: number, cells: [])
                    lastColumn = 0
                case .start(.c):
                    var column = lastColumn + 1
                    if let reference = scanner.attribute("r") {
                        guard let parsed = columnNumber(reference) else { throw XLSXError(.badCellReference(reference)) }
                        column = parsed
                    }
                    lastColumn = column
                    cell = (column, scanner.attribute("t") ?? "n", scanner.attribute("s").flatMap { Int($0) } ?? 0)
                    value.removeAll(keepingCapacity: true)
                    inline.removeAll(keepingCapacity: true)
                case .start(.v): inValue = true
                case .end(.v): inValue = false
                case .start(.t): inInlineText = true
                case .end(.t): inInlineText = false
                case .start(.phonetic): phonetic += 1
                case .end(.phonetic): phonetic -= 1
                case .text:
                    if inValue { value += scanner.text } else if inInlineText && phonetic == 0 { inline += scanner.text }
                case .end(.c):
                    if let current = cell {
                        guard let read = cellText.read(type: current.type, value: String(decoding: value, as: UTF8.self),
                                                       inline: String(decoding: inline, as: UTF8.self), style: current.style) else {
                            throw XLSXError(.damagedPart(part: part))
                        }
                        if !read.text.isEmpty {
                            row.cells.append(XLSXWorkbook.Cell(column: current.column, text: read.text, isNumber: read.isNumber))
                        }
                    }
                    cell = nil
                case .end(.row):
                    if !row.cells.isEmpty { rows.append(row) }
                default: break
                }
            }
            return rows
        }
    }

    /// The shared strings: each `<si>`'s text runs, without phonetic runs (`<rPh>`).
    static func sharedStrings(_ bytes: [UInt8], part: String) throws(XLSXError) -> [String] {
        try XLSXScanner.scan(bytes, part: part) { (scanner: inout XLSXScanner) throws(XLSXError) in
            var strings: [String] = []
            var current: [UInt8] = []
            var inText = false
            var phonetic = 0
            while let event = try scanner.next() {
                switch event {
                case .start(.stringItem): current.removeAll(keepingCapacity: true)
                case .start(.t): inText = true
                case .start(.phonetic): phonetic += 1
                case .text: if inText && phonetic == 0 { current += scanner.text }
                case .end(.t): inText = false
                case .end(.phonetic): phonetic -= 1
                case .end(.stringItem): strings.append(XLSXCellText.unescape(String(decoding: current, as: UTF8.self)))
                default: break
                }
            }
            return strings
        }
    }

    /// The column of a cell reference (`B3` → 2); nil for a reference no spreadsheet writes.
    static func columnNumber(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        var digits = ""
        for scalar in reference.unicodeScalars {
            if digits.isEmpty, ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) {
                letters += 1
                guard letters <= 3 else { return nil }
                column = column * 26 + Int((scalar.value | 0x20) - 0x60)  // a or A → 1
            } else if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
            } else {
                return nil
            }
        }
        guard letters > 0, (1...maxColumn).contains(column), let row = Int(digits), (1...maxRow).contains(row) else { return nil }
        return column
    }
}
