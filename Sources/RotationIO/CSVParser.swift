// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
//
// An RFC 4180 CSV parser for decoded text, lenient where Excel and clerks are sloppy and
// strict where silence would hide a mistake. See docs/scenario-format.md,
// "Reading rules (every CSV)".

/// One data record of a CSV file.
public struct CSVRecord: Sendable, Equatable {
    /// The physical 1-based line on which the record starts (a record with a quoted field
    /// holding line breaks spans several lines; this is the first).
    public let line: Int
    /// The fields, trimmed; padded with "" up to the header's width when the record is shorter.
    /// A record longer than the header keeps all its fields (`fields.count > header.count`).
    public let fields: [String]
    /// The slots of `fields` that were number cells of a workbook (empty for a CSV file).
    public var numbers: Set<Int> = []

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A parsed CSV file: its header and its data records.
public struct CSVTable: Sendable, Equatable {
    /// The column names from the first non-blank line, trimmed (possibly "" for an unnamed
    /// column). Empty for a file with no non-blank line.
    public let header: [String]
    /// The physical line of the header; 1 when the file has no header (empty or all blank).
    public let headerLine: Int
    /// The data records after the header, blank ones left out.
    public let records: [CSVRecord]

    public init(header: [String], headerLine: Int, records: [CSVRecord]) {
        self.header = header
        self.headerLine = headerLine
        self.records = records
    }
}

/// Malformed CSV.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The physical 1-based line of the problem (for an unterminated quoted field, the line on
    /// which that field starts).
    public let line: Int
    /// What is wrong and what to do about it, in both languages, without the file name or line.
    public let text: Text
    /// The message in English.
    public var message: String { text.en }

    public init(line: Int, _ text: InputTexts) {
        self.line = line
        self.text = text.text
    }

    public init(line: Int, message: String) {
        self.line = line
        self.text = Text(zh: message, en: message)
    }

    public var description: String { "line \(line): \(message)" }
}

/// Parses CSV text (RFC 4180, comma-separated) as Excel writes it.
///
/// Behaviour:
/// - Line breaks are LF, CRLF or a lone CR, both between records and for line numbering
///   inside quoted fields. A line break inside a quoted field is kept as written (so a CRLF
///   stays "\r\n") unless it is at the field's start or end, where trimming removes it.
/// - A field whose first non-blank character is `"` is quoted: it runs to the next lone `"`,
///   `""` inside it stands for one `"`, and commas and line breaks inside it are content.
///   Blanks between the closing quote and the next comma or line end are ignored; anything
///   else there is an error ("stray characters after a closing quote"). A quoted field that is
///   never closed is an error reported on the line where the field starts.
/// - A `"` in the middle of an unquoted field is kept literally (`5'10"`, `a"b`), as Excel does.
/// - Every field (and header name) is trimmed of leading and trailing white space, after
///   unquoting: Unicode white space (spaces, tabs, line breaks, no-break space U+00A0,
///   ideographic space U+3000, …) plus zero-width space U+200B and U+FEFF.
/// - Blank records are skipped: a record is blank when every one of its fields is empty after
///   trimming. This covers empty lines, lines of only spaces, and lines of only commas
///   (`,,,`, which Excel writes for an emptied row). Line numbers still count them.
/// - The first non-blank record is the header. Later records with fewer fields than the
///   header are padded with "" (missing optional values); records with more fields are kept
///   as they are, so the caller can report "more fields than the header".
/// - An empty (or all-blank) file gives `header == []`, `headerLine == 1`, no records.
/// - A leading U+FEFF (a byte-order mark left in the text) is ignored.
///
/// The parser works on the UTF-8 bytes of the text and is linear in the input's size.
public enum CSVParser {
    public static func parse(_ text: String) throws -> CSVTable {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.skipBOM()

        var header: [String]? = nil
        var headerLine = 1
        var records: [CSVRecord] = []
        while let (line, fields) = try scanner.nextRecord() {
            if fields.allSatisfy({ $0.isEmpty }) { continue }
            guard let header else {
                header = fields
                headerLine = line
                continue
            }
            if fields.count < header.count {
                records.append(CSVRecord(
                    line: line,
                    fields: fields + Array(repeating: "", count: header.count - fields.count)))
            } else {
                records.append(CSVRecord(line: line, fields: fields))
            }
        }
        return CSVTable(header: header ?? [], headerLine: headerLine, records: records)
    }
}

private let comma: UInt8 = 0x2C
private let quote: UInt8 = 0x22
private let lf: UInt8 = 0x0A
private let cr: UInt8 = 0x0D

/// Reads records from UTF-8 bytes. The bytes come from a Swift String, so they are valid UTF-8.
private struct Scanner {
    let bytes: [UInt8]
    var i = 0
    /// The physical line of `bytes[i]`.
    var line = 1
    /// Scratch space for the content of quoted fields.
    var buffer: [UInt8] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func skipBOM() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    /// The next record (blank ones included), or nil at the end of the input.
    mutating func nextRecord() throws -> (line: Int, fields: [String])? {
        let n = bytes.count
        guard i < n else { return nil }
        let recordLine = line
        var fields: [String] = []
        while true {
            // Blanks before a field: part of an unquoted field (and trimmed), or tolerated
            // before the opening quote of a quoted one.
            var j = i
            while j < n, let width = blankWidth(at: j) { j += width }
            if j < n && bytes[j] == quote {
                i = j + 1
                fields.append(try quotedField())
                while i < n, let width = blankWidth(at: i) { i += width }
                if i >= n { return (recordLine, fields) }
                switch bytes[i] {
                case comma:
                    i += 1
                    continue
                case lf, cr:
                    consumeLineBreak()
                    return (recordLine, fields)
                default:
                    throw CSVError(
                        line: line,
                        .textAfterClosingQuote)
                }
            } else {
                let start = j
                while j < n {
                    let byte = bytes[j]
                    if byte == comma || byte == lf || byte == cr { break }
                    j += 1
                }
                fields.append(trimmedString(bytes[start..<j]))
                i = j
                if i >= n { return (recordLine, fields) }
                if bytes[i] == comma {
                    i += 1
                    continue
                }
                consumeLineBreak()
                return (recordLine, fields)
            }
        }
    }

    /// Reads a quoted field's content; `i` is just past the opening quote, and is left just
    /// past the closing one.
    private mutating func quotedField() throws -> String {
        let n = bytes.count
        let startLine = line
        buffer.removeAll(keepingCapacity: true)
        while i < n {
            let byte = bytes[i]
            if byte == quote {
                if i + 1 < n && bytes[i + 1] == quote {
                    buffer.append(quote)
                    i += 2
                    continue
                }
                i += 1
                return trimmedString(buffer[...])
            }
            if byte == lf {
                line += 1
            } else if byte == cr && !(i + 1 < n && bytes[i + 1] == lf) {
                line += 1
            }
            buffer.append(byte)
            i += 1
        }
        throw CSVError(
            line: startLine,
            .quoteNeverClosed)
    }

    /// Consumes LF, CRLF or a lone CR at `i`.
    private mutating func consumeLineBreak() {
        if bytes[i] == cr && i + 1 < bytes.count && bytes[i + 1] == lf {
            i += 2
        } else {
            i += 1
        }
        line += 1
    }

    /// The width in bytes of a blank (space, tab, no-break space or ideographic space) at `j`,
    /// or nil. Only these are skipped around quotes; trimming handles all white space.
    private func blankWidth(at j: Int) -> Int? {
        switch bytes[j] {
        case 0x20, 0x09:
            return 1
        case 0xC2 where j + 1 < bytes.count && bytes[j + 1] == 0xA0:
            return 2  // U+00A0
        case 0xE3 where j + 2 < bytes.count && bytes[j + 1] == 0x80 && bytes[j + 2] == 0x80:
            return 3  // U+3000
        default:
            return nil
        }
    }
}

/// Decodes a field, dropping leading and trailing white space (see `CSVParser`).
private func trimmedString(_ slice: ArraySlice<UInt8>) -> String {
    var start = slice.startIndex
    var end = slice.endIndex
    // Fast path: plain ASCII ends.
    if start == end { return "" }
    if slice[start] > 0x20 && slice[start] < 0x80 && slice[end - 1] > 0x20 && slice[end - 1] < 0x80 {
        return String(decoding: slice, as: UTF8.self)
    }
    while start < end {
        let (scalar, width) = scalarStarting(at: start, in: slice)
        guard isTrimmable(scalar) else { break }
        start += width
    }
    while end > start {
        let (scalar, width) = scalarEnding(at: end, in: slice)
        guard isTrimmable(scalar) else { break }
        end -= width
    }
    return String(decoding: slice[start..<end], as: UTF8.self)
}

private func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
}

/// The scalar whose UTF-8 encoding starts at `k` (the bytes are valid UTF-8).
private func scalarStarting(at k: Int, in bytes: ArraySlice<UInt8>) -> (Unicode.Scalar, Int) {
    let lead = bytes[k]
    let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    return (decodeScalar(bytes[k..<min(k + width, bytes.endIndex)]), width)
}

/// The scalar whose UTF-8 encoding ends just before `end` (the bytes are valid UTF-8).
private func scalarEnding(at end: Int, in bytes: ArraySlice<UInt8>) -> (Unicode.Scalar, Int) {
    var k = end - 1
    while k > bytes.startIndex && end - k < 4 && bytes[k] & 0xC0 == 0x80 { k -= 1 }
    return (decodeScalar(bytes[k..<end]), end - k)
}

private func decodeScalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return "\u{FFFD}"
}
