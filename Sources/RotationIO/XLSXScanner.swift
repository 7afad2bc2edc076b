// SPDX-License-Identifier: GPL-3.0-or-later

/// A small, bounded XML scanner for the two large parts of a workbook — the worksheets and the
/// shared strings — working on the UTF-8 bytes directly (Foundation's `XMLParser` costs about
/// 8 µs a cell; this a fraction of one).
///
/// It reads exactly what those parts use: elements (namespace prefixes dropped, `x:c` is `c`),
/// attributes in either quotes and in any order, text with the five predefined entities and
/// numeric character references, CDATA sections, comments and processing instructions (skipped).
/// Line ends are normalized as XML requires (`\r\n` and `\r` are `\n` in text, and a space in an
/// attribute value; a CDATA section stays as written, as Foundation's parser leaves it). Anything
/// not well-formed — a tag not closed or closed by another name, an unknown entity, a character
/// XML does not allow, a second root, an undeclared namespace prefix, a document type
/// declaration — is `WorkbookTexts.badXML` with the part and line, as Foundation's parser would
/// refuse it (it crashed on some such parts, and on a processing instruction without data).
/// Nesting is bounded (``maxDepth``); each part is already bounded in size by `XLSXArchive`.
///
/// Self-closing elements (`<c r="B2"/>`) give a start and an end, as a parser does.
///
/// ```swift
/// var scanner = XLSXScanner(buffer, part: "xl/worksheets/sheet1.xml")
/// while let event = try scanner.next() {
///     if case .start(.c) = event { print(scanner.attribute("r") ?? "") }
/// }
/// ```
///
/// - Complexity: O(n) in the size of the part, one pass, no allocation per element beyond the
///   text and attributes asked for.
struct XLSXScanner {
    /// The local names the readers look at; every other element is `.other`.
    enum Name: Equatable {
        case row, c, v, t, inlineString, run, phonetic, stringItem, other
    }

    enum Event: Equatable {
        case start(Name)
        case end(Name)
        /// Character data (decoded) is in ``text`` until the next call.
        case text
    }

    /// The deepest nesting accepted (libxml2's default too); a worksheet nests six deep.
    static let maxDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private let part: String
    private var offset = 0
    /// Qualified names of the open elements (ranges into `bytes`).
    private var open: [Range<Int>] = []
    private var rootSeen = false
    /// The end of a self-closing element, given on the next call.
    private var pendingEnd: Name?
    /// The local name of the last start or end event.
    private var lastLocal: Range<Int> = 0..<0
    /// The attributes of the last start tag: (qualified name, raw value) ranges.
    private var attributes: [(name: Range<Int>, value: Range<Int>)] = []
    /// The text of the last `.text` event, decoded.
    private(set) var text: [UInt8] = []
    /// Where the document starts (after a byte-order mark): the only place for `<?xml …?>`.
    private var documentStart = 0
    /// Namespace prefixes declared by the open elements (`xmlns:x="…"`), innermost last, and how
    /// many each open element declared.
    private var prefixes: [(prefix: Range<Int>, uri: Range<Int>)] = []
    private var declared: [Int] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, part: String) {
        self.bytes = bytes
        self.part = part
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
        documentStart = offset
        open.reserveCapacity(16)
        attributes.reserveCapacity(8)
        text.reserveCapacity(64)
    }

    /// Runs `body` with a scanner over `bytes`, after the checks every part gets (no document type
    /// declaration, clean UTF-8, no other declared encoding).
    static func scan<T>(_ bytes: [UInt8], part: String, _ body: (inout XLSXScanner) throws(XLSXError) -> T) throws(XLSXError) -> T {
        if XLSXXML.containsDoctype(bytes) || !XLSXXML.isCleanUTF8(bytes) || XLSXXML.declaresOtherEncoding(bytes) {
            throw XLSXError(.badXML(part: part, line: 1))
        }
        let result: Result<T, XLSXError> = bytes.withUnsafeBufferPointer { buffer in
            var scanner = XLSXScanner(buffer, part: part)
            do throws(XLSXError) {
                return .success(try body(&scanner))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: Events

    /// The next event; nil at the end of a well-formed part.
    mutating func next() throws(XLSXError) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name)
        }
        while offset < bytes.count {
            if bytes[offset] != UInt8(ascii: "<") {
                if open.isEmpty {
                    try skipWhitespaceOutsideRoot()
                    continue
                }
                try readText()
                return .text
            }
            // A markup: start tag, end tag, comment, CDATA, processing instruction.
            guard offset + 1 < bytes.count else { throw malformed() }
            switch bytes[offset + 1] {
            case UInt8(ascii: "/"):
                return .end(try readEndTag())
            case UInt8(ascii: "?"):
                if offset == documentStart && matches("<?xml") && offset + 5 < bytes.count && Self.isSpace(bytes[offset + 5]) {
                    try readDeclaration()
                } else {
                    try skipProcessingInstruction()
                }
            case UInt8(ascii: "!"):
                if matches("<!--") {
                    try skipComment()
                } else if matches("<![CDATA[") {
                    guard !open.isEmpty else { throw malformed() }
                    try readCDATA()
                    return .text
                } else {
                    throw malformed()
                }
            default:
                return .start(try readStartTag())
            }
        }
        guard open.isEmpty, rootSeen else { throw malformed() }
        return nil
    }

    /// The value of the last start tag's attribute with this local name (`r` for `r` or `x:r`;
    /// when both are there, the prefixed one), decoded; nil when absent.
    func attribute(_ local: StaticString) -> String? {
        var found: Range<Int>?
        var prefixed = false
        for attribute in attributes {
            let name = attribute.name
            let start = localStart(of: name)
            guard equals(start..<name.upperBound, local) else { continue }
            if found == nil || start > name.lowerBound && !prefixed {
                found = attribute.value
                prefixed = start > name.lowerBound
            }
        }
        guard let found else { return nil }
        return decodedAttribute(found)
    }

    /// Whether the last start or end event is of an element of this local name (for the small
    /// parts: `sheet`, `Relationship`, `numFmt` …, all `.other`).
    func isNamed(_ local: StaticString) -> Bool { equals(lastLocal, local) }

    /// The line of the current position (1-based), for messages.
    var line: Int {
        var count = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { count += 1 }
        return count
    }

    func malformed() -> XLSXError { XLSXError(.badXML(part: part, line: line)) }

    // MARK: Tags

    private mutating func readStartTag() throws(XLSXError) -> Name {
        guard !(open.isEmpty && rootSeen) else { throw malformed() }  // a second root
        offset += 1
        let name = try readName()
        attributes.removeAll(keepingCapacity: true)
        while true {
            let spaced = skipSpaces()
            guard offset < bytes.count else { throw malformed() }
            let byte = bytes[offset]
            if byte == UInt8(ascii: ">") {
                offset += 1
                try push(name)
                try checkNamespaces(name, keep: true)
                lastLocal = local(name)
                return classify(lastLocal)
            }
            if byte == UInt8(ascii: "/") {
                guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: ">") else { throw malformed() }
                offset += 2
                try checkNamespaces(name, keep: false)
                if open.isEmpty { rootSeen = true }
                lastLocal = local(name)
                let kind = classify(lastLocal)
                pendingEnd = kind
                return kind
            }
            guard spaced else { throw malformed() }
            let attributeName = try readName()
            let quote = try readEqualsAndQuote()
            let start = offset
            while offset < bytes.count, bytes[offset] != quote {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "<") { throw malformed() }
                if byte == UInt8(ascii: "&") { _ = try reference(at: offset) }
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { throw malformed() }
                offset += 1
            }
            guard offset < bytes.count else { throw malformed() }
            for earlier in attributes where equal(earlier.name, attributeName) { throw malformed() }
            attributes.append((attributeName, start..<offset))
            offset += 1
        }
    }

    private mutating func readEndTag() throws(XLSXError) -> Name {
        offset += 2
        let name = try readName()
        skipSpaces()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ">"), let top = open.last, equal(top, name) else { throw malformed() }
        offset += 1
        open.removeLast()
        prefixes.removeLast(declared.removeLast())
        if open.isEmpty { rootSeen = true }
        lastLocal = local(name)
        return classify(lastLocal)
    }

    private mutating func push(_ name: Range<Int>) throws(XLSXError) {
        guard open.count < Self.maxDepth else { throw malformed() }
        open.append(name)
    }

    /// An XML name: a letter, `_`, `:` or any non-ASCII character, then also digits, `-` and `.`.
    private mutating func readName() throws(XLSXError) -> Range<Int> {
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            let isStart = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ":") || byte >= 0x80
            let isMore = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isStart || (offset > start && isMore) else { break }
            offset += 1
        }
        guard offset > start else { throw malformed() }
        return start..<offset
    }

    /// `=` then an opening `"` or `'` (spaces allowed around `=`): the quote, with `offset` just past it.
    private mutating func readEqualsAndQuote() throws(XLSXError) -> UInt8 {
        skipSpaces()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else { throw malformed() }
        offset += 1
        skipSpaces()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else { throw malformed() }
        offset += 1
        return bytes[offset - 1]
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = offset
        while offset < bytes.count, Self.isSpace(bytes[offset]) { offset += 1 }
        return offset > start
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Outside the root: only white space (text there is not XML).
    private mutating func skipWhitespaceOutsideRoot() throws(XLSXError) {
        guard Self.isSpace(bytes[offset]) else { throw malformed() }
        skipSpaces()
    }

    /// Moves past the first `terminator` at or after `from`.
    private mutating func skip(past terminator: [UInt8], from: Int) throws(XLSXError) {
        var index = from
        while index + terminator.count <= bytes.count {
            if bytes[index] == terminator[0] {
                var matched = true
                for step in 1..<terminator.count where bytes[index + step] != terminator[step] {
                    matched = false
                    break
                }
                if matched {
                    offset = index + terminator.count
                    return
                }
            }
            index += 1
        }
        offset = bytes.count
        throw malformed()
    }

    private func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for index in 0..<count where bytes[offset + index] != pointer[index] { return false }
        return true
    }

    // MARK: Declarations, processing instructions, comments, namespaces

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, as XML 1.0 allows it (the
    /// encoding is checked before scanning).
    private mutating func readDeclaration() throws(XLSXError) {
        offset += 5
        var seen = 0  // 1 version, 2 encoding, 3 standalone: in this order only
        while true {
            let spaced = skipSpaces()
            guard offset < bytes.count else { throw malformed() }
            if matches("?>") {
                guard seen >= 1 else { throw malformed() }
                offset += 2
                return
            }
            guard spaced else { throw malformed() }
            let name = try readName()
            let order: Int
            if equals(name, "version") { order = 1 } else if equals(name, "encoding") { order = 2 } else if equals(name, "standalone") { order = 3 } else { throw malformed() }
            guard order > seen, order == 1 || seen >= 1 else { throw malformed() }
            seen = order
            let quote = try readEqualsAndQuote()
            let start = offset
            var end = start
            while end < bytes.count, bytes[end] != quote { end += 1 }
            guard end < bytes.count else { throw malformed() }
            let value = start..<end
            switch order {
            case 1:  // 1.0 (Foundation's parser refuses the others)
                guard equals(value, "1.0") else { throw malformed() }
            case 2:  // [A-Za-z] ([A-Za-z0-9._] | '-')*
                guard let first = value.first, (bytes[first] | 0x20) >= UInt8(ascii: "a"), (bytes[first] | 0x20) <= UInt8(ascii: "z"),
                      value.allSatisfy({ index in
                          let byte = bytes[index]
                          return (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                              || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                      }) else { throw malformed() }
            default:
                guard equals(value, "yes") || equals(value, "no") else { throw malformed() }
            }
            offset = end + 1
        }
    }

    /// `<?target data?>`: skipped. The target is a name without `:`, not starting with `xml` (reserved).
    private mutating func skipProcessingInstruction() throws(XLSXError) {
        offset += 2
        let target = try readName()
        if target.count >= 3, (bytes[target.lowerBound] | 0x20) == UInt8(ascii: "x"), (bytes[target.lowerBound + 1] | 0x20) == UInt8(ascii: "m"),
           (bytes[target.lowerBound + 2] | 0x20) == UInt8(ascii: "l") {
            throw malformed()
        }
        for index in target where bytes[index] == UInt8(ascii: ":") { throw malformed() }
        if matches("?>") {
            offset += 2
            return
        }
        guard offset < bytes.count, Self.isSpace(bytes[offset]) else { throw malformed() }
        try skip(past: Array("?>".utf8), from: offset)
    }

    /// `<!-- … -->`, without `--` inside.
    private mutating func skipComment() throws(XLSXError) {
        var index = offset + 4
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                guard index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: ">") else { throw malformed() }
                offset = index + 3
                return
            }
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { throw malformed() }
            index += 1
        }
        offset = bytes.count
        throw malformed()
    }

    /// Namespaces as XML requires them (Foundation's parser refuses what breaks them): the element's
    /// `xmlns:p` declarations are recorded (until its end when `keep`), and every prefix used by the
    /// element and its attributes must be declared (or be `xml`); a name has at most one `:`, with
    /// something on either side; `xml:space` is `default` or `preserve`.
    private mutating func checkNamespaces(_ element: Range<Int>, keep: Bool) throws(XLSXError) {
        var count = 0
        for attribute in attributes {
            let name = attribute.name
            guard let colon = try colonOf(name) else {
                if equals(name, "xmlns"), !attribute.value.isEmpty, !isURI(attribute.value, absolute: true) { throw malformed() }
                continue
            }
            if equals(name.lowerBound..<colon, "xmlns") {
                let prefix = colon + 1..<name.upperBound
                guard !attribute.value.isEmpty, isURI(attribute.value, absolute: false), !equals(prefix, "xmlns") else { throw malformed() }
                prefixes.append((prefix, attribute.value))
                count += 1
            }
        }
        defer { if !keep { prefixes.removeLast(count) } }
        if keep { declared.append(count) }
        if let colon = try colonOf(element) { try checkDeclared(element.lowerBound..<colon) }
        var expanded: [(uri: Range<Int>, local: Range<Int>)] = []
        for attribute in attributes {
            let name = attribute.name
            guard let colon = try colonOf(name) else { continue }
            let prefix = name.lowerBound..<colon
            if equals(prefix, "xmlns") { continue }
            if equals(prefix, "xml") {
                if equals(colon + 1..<name.upperBound, "space"), !equals(attribute.value, "default"), !equals(attribute.value, "preserve") {
                    throw malformed()
                }
                continue
            }
            let uri = try checkDeclared(prefix)
            let local = colon + 1..<name.upperBound
            // Two attributes with the same namespace and local name (`a:r` and `b:r`, both of one URI).
            for earlier in expanded where equal(earlier.uri, uri) && equal(earlier.local, local) { throw malformed() }
            expanded.append((uri, local))
        }
    }

    /// The position of the one `:` of a qualified name (nil without); more than one, or nothing on
    /// either side of it, is not a name in a namespace.
    private func colonOf(_ name: Range<Int>) throws(XLSXError) -> Int? {
        var found: Int?
        for index in name where bytes[index] == UInt8(ascii: ":") {
            guard found == nil, index > name.lowerBound, index + 1 < name.upperBound else { throw malformed() }
            // The local part starts as a name does: not with a digit, `-` or `.`.
            let next = bytes[index + 1]
            if next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9") || next == UInt8(ascii: "-") || next == UInt8(ascii: ".") { throw malformed() }
            found = index
        }
        return found
    }

    /// A namespace name as Foundation's parser accepts it: a URI reference of the characters RFC
    /// 3986 allows (`%` followed by two hex digits); for the default namespace, an absolute one
    /// (`scheme:rest`).
    private func isURI(_ value: Range<Int>, absolute: Bool) -> Bool {
        // A scheme: a letter, then letters, digits, `+`, `-`, `.`, up to a `:`.
        var index = value.lowerBound
        var scheme = false
        if index < value.upperBound, (bytes[index] | 0x20) >= UInt8(ascii: "a"), (bytes[index] | 0x20) <= UInt8(ascii: "z") {
            while index < value.upperBound {
                let byte = bytes[index]
                if byte == UInt8(ascii: ":") { scheme = true; break }
                guard (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { break }
                index += 1
            }
        }
        if absolute && !scheme { return false }
        if !scheme {
            // A relative reference: no `:` in its first segment.
            for index in value {
                let byte = bytes[index]
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
                if byte == UInt8(ascii: ":") { return false }
            }
        }
        index = value.lowerBound
        while index < value.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < value.upperBound, Self.isHex(bytes[index + 1]), Self.isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard Self.uriCharacters.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    /// Unreserved, general and sub-delimiters of RFC 3986 (no `[` `]`: those only around an IP address).
    static let uriCharacters: Set<UInt8> = Set(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$&'()*+,;=".utf8))

    static func isHex(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f")
    }

    /// The namespace of a declared prefix (`xml` is always declared).
    @discardableResult
    private func checkDeclared(_ prefix: Range<Int>) throws(XLSXError) -> Range<Int> {
        if equals(prefix, "xml") { return prefix }
        for binding in prefixes.reversed() where equal(binding.prefix, prefix) { return binding.uri }
        throw malformed()
    }

    // MARK: Text

    /// Character data up to the next `<`, references decoded, line ends normalized.
    private mutating func readText() throws(XLSXError) {
        text.removeAll(keepingCapacity: true)
        var run = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "<") { break }
            if byte >= 0x20 && byte != UInt8(ascii: "&") && byte != 0xEF && byte != UInt8(ascii: "]") {
                offset += 1
                continue
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<offset]))
            switch byte {
            case UInt8(ascii: "&"):
                let (scalar, length) = try reference(at: offset)
                appendUTF8(scalar)
                offset += length
            case 0x0D:
                text.append(0x0A)
                offset += offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1
            case 0x09, 0x0A:
                text.append(byte)
                offset += 1
            case UInt8(ascii: "]"):
                // `]]>` ends a CDATA section and may not stand in text.
                if offset + 2 < bytes.count, bytes[offset + 1] == UInt8(ascii: "]"), bytes[offset + 2] == UInt8(ascii: ">") { throw malformed() }
                text.append(byte)
                offset += 1
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
                if offset + 2 < bytes.count, bytes[offset + 1] == 0xBF, bytes[offset + 2] >= 0xBE { throw malformed() }
                text.append(byte)
                offset += 1
            default:
                throw malformed()  // a control character
            }
            run = offset
        }
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<offset]))
    }

    /// A CDATA section's text, byte for byte (Foundation's parser leaves its line ends as they are).
    private mutating func readCDATA() throws(XLSXError) {
        let start = offset + 9
        try skip(past: Array("]]>".utf8), from: start)
        text.removeAll(keepingCapacity: true)
        let end = offset - 3
        for index in start..<end {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { throw malformed() }
        }
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// The character of the reference at `at` (`&amp;`, `&#233;`, `&#xE9;`) and its length in bytes.
    private func reference(at: Int) throws(XLSXError) -> (Unicode.Scalar, Int) {
        var end = at + 1
        while end < bytes.count, end - at <= 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > at + 1 else { throw malformed() }
        let body = at + 1..<end
        let length = end + 1 - at
        switch body.count {
        case 2 where equals(body, "lt"): return ("<", length)
        case 2 where equals(body, "gt"): return (">", length)
        case 3 where equals(body, "amp"): return ("&", length)
        case 4 where equals(body, "quot"): return ("\"", length)
        case 4 where equals(body, "apos"): return ("'", length)
        default: break
        }
        guard bytes[at + 1] == UInt8(ascii: "#") else { throw malformed() }  // an entity no XML without a DTD has
        var value: UInt32 = 0
        var index = at + 2
        let hex = index < end && bytes[index] == UInt8(ascii: "x")
        if hex { index += 1 }
        guard index < end else { throw malformed() }
        while index < end {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw malformed()
            }
            value = value * (hex ? 16 : 10) + digit
            guard value <= 0x10FFFF else { throw malformed() }
            index += 1
        }
        // XML's characters: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
        let allowed = value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        guard allowed, let scalar = Unicode.Scalar(value) else { throw malformed() }
        return (scalar, length)
    }

    private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { text.append($0) }
    }

    /// An attribute value decoded: references, and white space characters as spaces.
    private func decodedAttribute(_ range: Range<Int>) -> String {
        var simple = true
        for index in range where bytes[index] == UInt8(ascii: "&") || bytes[index] < 0x20 {
            simple = false
            break
        }
        if simple { return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var value: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (scalar, length) = try? reference(at: index) {
                UTF8.encode(scalar) { value.append($0) }
                index += length
            } else if byte == 0x0D {
                value.append(0x20)
                index += index + 1 < range.upperBound && bytes[index + 1] == 0x0A ? 2 : 1
            } else {
                value.append(byte == 0x09 || byte == 0x0A ? 0x20 : byte)
                index += 1
            }
        }
        return String(decoding: value, as: UTF8.self)
    }

    // MARK: Names

    /// Where the local part of a qualified name starts (after its last `:`).
    private func localStart(of name: Range<Int>) -> Int {
        var start = name.lowerBound
        for index in name where bytes[index] == UInt8(ascii: ":") { start = index + 1 }
        return start
    }

    private func local(_ name: Range<Int>) -> Range<Int> { localStart(of: name)..<name.upperBound }

    private func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for step in 0..<a.count where bytes[a.lowerBound + step] != bytes[b.lowerBound + step] { return false }
        return true
    }

    private func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for step in 0..<range.count where bytes[range.lowerBound + step] != pointer[step] { return false }
        return true
    }

    private func classify(_ name: Range<Int>) -> Name {
        switch name.count {
        case 1:
            switch bytes[name.lowerBound] {
            case UInt8(ascii: "c"): return .c
            case UInt8(ascii: "v"): return .v
            case UInt8(ascii: "t"): return .t
            case UInt8(ascii: "r"): return .run
            default: return .other
            }
        case 2:
            if equals(name, "is") { return .inlineString }
            if equals(name, "si") { return .stringItem }
            return .other
        case 3:
            if equals(name, "row") { return .row }
            if equals(name, "rPh") { return .phonetic }
            return .other
        default:
            return .other
        }
    }
}
