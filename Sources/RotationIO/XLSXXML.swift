// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RotationCore

/// Streams one XML part of a workbook to a handler: element starts (local name, attributes by
/// local name), text, element ends. Namespaces prefixes are dropped (`x:row` is `row`).
///
/// Hostile input: a part with a document type declaration (the only way to entity expansion
/// and external entities; no spreadsheet writes one) is refused before parsing; malformed XML
/// is an `XLSXError` naming the part and line.
///
/// ```swift
/// try XLSXXML.parse(bytes, part: "xl/workbook.xml") { event in
///     if case .start("sheet", let attributes) = event { print(attributes["name"] ?? "") }
/// }
/// ```
///
/// - Complexity: O(size of the part).
enum XLSXXML {
    enum Event {
        case start(String, [String: String])
        case text(String)
        case end(String)
    }

    static func parse(_ bytes: [UInt8], part: String, _ handle: @escaping (Event) -> Void) throws(XLSXError) {
        // Foundation's parser runs libxml2 in recovery mode and traps on a name that is not UTF-8
        // (an invalid sequence, or one cut short by a NUL byte): only well-encoded UTF-8 reaches it.
        if containsDoctype(bytes) || !isCleanUTF8(bytes) || declaresOtherEncoding(bytes) {
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

    /// Valid UTF-8 without a NUL byte (which XML never allows).
    static func isCleanUTF8(_ bytes: [UInt8]) -> Bool {
        !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil
    }

    /// An XML declaration naming an encoding other than UTF-8 (xlsx parts are UTF-8; libxml2 would convert).
    static func declaresOtherEncoding(_ bytes: [UInt8]) -> Bool {
        let head = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3).prefix(200)) : Array(bytes.prefix(200))
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else { return false }
        let declaration = String(decoding: head[..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return false }
        let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            .prefix { $0 != "\"" && $0 != "'" && $0 != " " }
        return value != "utf-8" && value != "utf8"
    }

    /// `<!DOCTYPE` anywhere in the part.
    static func containsDoctype(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<!DOCTYPE".utf8)
        guard bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == 0x3C, bytes[index + 1] == 0x21 {
                var matched = true
                for offset in 2..<needle.count where bytes[index + offset] & 0xDF != needle[offset] & 0xDF {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
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
                handle(.start(XLSXXML.local(elementName), attributes))
                return
            }
            var local: [String: String] = [:]
            for (key, value) in attributes {
                let name = XLSXXML.local(key)
                // `r:id` and a plain `id` both become `id`; keep the prefixed one (the relationship) when both exist.
                if local[name] == nil || key.contains(":") { local[name] = value }
            }
            handle(.start(XLSXXML.local(elementName), local))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { handle(.text(string)) }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { handle(.text(String(decoding: CDATABlock, as: UTF8.self))) }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            handle(.end(XLSXXML.local(elementName)))
        }
    }
}
