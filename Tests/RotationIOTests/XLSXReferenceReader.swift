// SPDX-License-Identifier: GPL-3.0-or-later
@testable import RotationIO

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Foundation's `XMLParser` as the reader used it before `XLSXScanner`: element starts (local
/// name, attributes by local name), text, element ends.
enum ReferenceXML {
    enum Event {
        case start(String, [String: String])
        case text(String)
        case end(String)
    }

    static func parse(_ bytes: [UInt8], part: String, _ handle: @escaping (Event) -> Void) throws(XLSXError) {
        // Foundation's parser runs libxml2 in recovery mode and traps on a name that is not UTF-8
        // (an invalid sequence, or one cut short by a NUL byte): only well-encoded UTF-8 reaches it.
        if XLSXXML.containsDoctype(bytes) || !XLSXXML.isCleanUTF8(bytes) || XLSXXML.declaresOtherEncoding(bytes) {
            throw XLSXError(.badXML(part: part, line: 1))
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(handle)
        parser.delegate = delegate
        let parsed = parser.parse()
        if !parsed || parser.parserError != nil || delegate.depth != 0 {
            throw XLSXError(.badXML(part: part, line: max(1, parser.lineNumber)))
        }
    }

    /// The name after its namespace prefix.
    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handle: (Event) -> Void
        var depth = 0
        init(_ handle: @escaping (Event) -> Void) { self.handle = handle }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            depth += 1
            guard attributes.keys.contains(where: { $0.contains(":") }) else {
                handle(.start(ReferenceXML.local(elementName), attributes))
                return
            }
            var local: [String: String] = [:]
            for (key, value) in attributes {
                let name = ReferenceXML.local(key)
                // `r:id` and a plain `id` both become `id`; keep the prefixed one (the relationship) when both exist.
                if local[name] == nil || key.contains(":") { local[name] = value }
            }
            handle(.start(ReferenceXML.local(elementName), local))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { handle(.text(string)) }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { handle(.text(String(decoding: CDATABlock, as: UTF8.self))) }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            handle(.end(ReferenceXML.local(elementName)))
        }
    }
}


/// The reader as it was, through Foundation's `XMLParser` (`ReferenceXML`): the reference the scanner must agree with.
enum ReferenceSheetReader {
    static let maxRow = XLSXSheetReader.maxRow

    static func rows(_ bytes: [UInt8], part: String, cellText: XLSXCellText) throws(XLSXError) -> [XLSXWorkbook.Row] {
        var rows: [XLSXWorkbook.Row] = []
        var row = XLSXWorkbook.Row(number: 0, cells: [])
        var cell: (column: Int, type: String, style: Int)?
        var lastColumn = 0
        var value = ""
        var inline = ""
        var inValue = false, inInlineText = false, phonetic = 0
        var failure: XLSXError?
        try ReferenceXML.parse(bytes, part: part) { event in
            guard failure == nil else { return }
            switch event {
            case .start("row", let attributes):
                var number = row.number + 1
                if let text = attributes["r"] {
                    guard let parsed = Int(text), (1...maxRow).contains(parsed) else { failure = XLSXError(.badCellReference(text)); return }
                    number = parsed
                }
                row = XLSXWorkbook.Row(number: number, cells: [])
                lastColumn = 0
            case .start("c", let attributes):
                var column = lastColumn + 1
                if let reference = attributes["r"] {
                    guard let parsed = XLSXSheetReader.columnNumber(reference) else { failure = XLSXError(.badCellReference(reference)); return }
                    column = parsed
                }
                lastColumn = column
                cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap { Int($0) } ?? 0)
                value = ""; inline = ""
            case .start("v", _): inValue = true
            case .end("v"): inValue = false
            case .start("t", _): inInlineText = true
            case .end("t"): inInlineText = false
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .text(let text):
                if inValue { value += text } else if inInlineText && phonetic == 0 { inline += text }
            case .end("c"):
                if let current = cell {
                    guard let read = cellText.read(type: current.type, value: value, inline: inline, style: current.style) else {
                        failure = XLSXError(.damagedPart(part: part))
                        return
                    }
                    if !read.text.isEmpty {
                        row.cells.append(XLSXWorkbook.Cell(column: current.column, text: read.text, isNumber: read.isNumber))
                    }
                }
                cell = nil
            case .end("row"):
                if !row.cells.isEmpty { rows.append(row) }
            default: break
            }
        }
        if let failure { throw failure }
        return rows
    }

    /// The shared strings: each `<si>`'s text runs, without phonetic runs (`<rPh>`).
    static func sharedStrings(_ bytes: [UInt8], part: String) throws(XLSXError) -> [String] {
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0
        try ReferenceXML.parse(bytes, part: part) { event in
            switch event {
            case .start("si", _): current = ""
            case .start("t", _): inText = true
            case .start("rPh", _): phonetic += 1
            case .text(let text): if inText && phonetic == 0 { current += text }
            case .end("t"): inText = false
            case .end("rPh"): phonetic -= 1
            case .end("si"): strings.append(XLSXCellText.unescape(current))
            default: break
            }
        }
        return strings
    }
}
