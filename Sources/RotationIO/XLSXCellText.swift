// SPDX-License-Identifier: GPL-3.0-or-later

/// The number formats of a workbook's cell styles (`styles.xml`, `<cellXfs>`), by style index.
struct XLSXStyles: Sendable {
    /// The number format id of each cell style, and the codes of the workbook's own formats.
    private(set) var formats: [Int] = []
    private(set) var codes: [Int: String] = [:]

    init() {}

    init(_ bytes: [UInt8], part: String) throws(XLSXError) {
        var formats: [Int] = []
        var codes: [Int: String] = [:]
        var inCellXfs = false
        try XLSXScanner.scan(bytes, part: part) { (scanner: inout XLSXScanner) throws(XLSXError) in
            while let event = try scanner.next() {
                switch event {
                case .start where scanner.isNamed("numFmt"):
                    if let id = scanner.attribute("numFmtId").flatMap({ Int($0) }), let code = scanner.attribute("formatCode") { codes[id] = code }
                case .start where scanner.isNamed("cellXfs"): inCellXfs = true
                case .end where scanner.isNamed("cellXfs"): inCellXfs = false
                case .start where inCellXfs && scanner.isNamed("xf"):
                    formats.append(scanner.attribute("numFmtId").flatMap { Int($0) } ?? 0)
                default: break
                }
            }
        }
        self.formats = formats
        self.codes = codes
    }

    /// The number format id and code of a cell style.
    func format(ofStyle style: Int) -> (id: Int, code: String?) {
        let id = formats.indices.contains(style) ? formats[style] : 0
        return (id, codes[id])
    }

    /// Built-in date formats (ECMA-376 18.8.30, with the East Asian ones 27–36 and 50–58); times (18–21, 45–47) are not months.
    static let builtInDates: Set<Int> = Set([14, 15, 16, 17, 22] + Array(27...36) + Array(50...58))

    /// Whether a cell of this style shows a date: a built-in date format, or a custom code with a year or day.
    func isDate(style: Int) -> Bool {
        let (id, code) = format(ofStyle: style)
        guard let code else { return Self.builtInDates.contains(id) }
        return Self.isDateCode(code)
    }

    /// A format code that shows a date: `yyyy-mm-dd`, `yyyy"年"m"月"`, `[$-804]yyyy年m月;@`; not `0.00`, `mm:ss`, `@`.
    static func isDateCode(_ code: String) -> Bool {
        var plain = ""
        var quoted = false, bracket = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\\" where !quoted: escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { plain.append(character) }
            }
        }
        let lower = plain.lowercased()
        return lower.contains("y") || lower.contains("d")
    }

    /// A code of zeros only (`000000`): an integer padded to that many digits, as Excel shows it.
    func zeroPadding(style: Int) -> Int? {
        guard let code = format(ofStyle: style).code, !code.isEmpty, code.allSatisfy({ $0 == "0" }) else { return nil }
        return code.count
    }
}

/// Turns a cell of a sheet into the text a person sees in it.
///
/// - text (shared string, inline string, formula text): as written; leading zeros kept.
/// - number: the decimal Excel stored, written without exponent, rounded to the 15 significant
///   digits Excel shows (so a typed `85.5` is exactly `85.5`, and a formula's `0.30000000000000004`
///   is `0.3`); never through a binary floating-point number.
/// - date (a number in a date format): its month, `YYYY-MM` (1900 or 1904 date system).
/// - boolean: `TRUE` / `FALSE`; error: as Excel shows it (`#N/A`).
///
/// ```swift
/// XLSXCellText.decimal("1.5E-3")                 // "0.0015"
/// XLSXCellText.month(serial: "42999", date1904: false)   // "2017-09"
/// ```
struct XLSXCellText: Sendable {
    let sharedStrings: [String]
    let styles: XLSXStyles
    let date1904: Bool

    /// The cell's text; nil for a shared string that the workbook does not have (a damaged file).
    func read(type: String, value: String, inline: String, style: Int) -> (text: String, isNumber: Bool)? {
        switch type {
        case "s":
            guard let index = Int(value.trimmingSpaces), sharedStrings.indices.contains(index) else { return nil }
            return (sharedStrings[index], false)
        case "inlineStr": return (Self.unescape(inline), false)
        case "str": return (Self.unescape(value), false)
        case "b": return (value.trimmingSpaces == "1" ? "TRUE" : "FALSE", false)
        case "e": return (value, false)
        case "d": return (String(value.trimmingSpaces.prefix(7)), false)
        default:
            let number = value.trimmingSpaces
            if number.isEmpty { return ("", false) }
            if styles.isDate(style: style), let month = Self.month(serial: number, date1904: date1904) { return (month, false) }
            guard let decimal = Self.decimal(number) else { return (number, false) }
            if let width = styles.zeroPadding(style: style), !decimal.contains("."), !decimal.hasPrefix("-"), decimal.count < width {
                return (String(repeating: "0", count: width - decimal.count) + decimal, true)
            }
            return (decimal, true)
        }
    }

    /// The most significant digits Excel shows of a number.
    static let shownDigits = 15

    /// A number as Excel stores it (`85.5`, `1.0000000000000001E-3`) as a plain decimal of at most
    /// 15 significant digits, rounded half-up; nil for text that is no number.
    static func decimal(_ stored: String) -> String? {
        var text = Substring(stored)
        var negative = false
        if text.first == "-" { negative = true; text = text.dropFirst() } else if text.first == "+" { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            guard let parsed = Int(text[text.index(after: e)...]), abs(parsed) <= 400 else { return nil }
            exponent = parsed
            text = text[..<e]
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, parts.count <= 2,
              !(whole.isEmpty && (parts.count == 1 || parts[1].isEmpty)),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        // digits × 10^(point − digits.count)
        var digits = Array((whole + (parts.count == 2 ? parts[1] : "")).utf8).map { Int($0) - 48 }
        var point = whole.count + exponent
        while let first = digits.first, first == 0, digits.count > 1 { digits.removeFirst(); point -= 1 }
        if digits == [0] { return "0" }
        if digits.count > shownDigits {
            let roundUp = digits[shownDigits] >= 5
            digits = Array(digits.prefix(shownDigits))
            if roundUp {
                var index = shownDigits - 1
                while index >= 0 {
                    digits[index] += 1
                    if digits[index] < 10 { break }
                    digits[index] = 0
                    index -= 1
                }
                if index < 0 { digits.insert(1, at: 0); digits.removeLast(); point += 1 }
            }
        }
        while digits.count > max(point, 1), digits.last == 0 { digits.removeLast() }
        let characters = digits.map { Character(Unicode.Scalar(UInt8($0 + 48))) }
        var result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + String(characters)
        } else if point >= characters.count {
            result = String(characters) + String(repeating: "0", count: point - characters.count)
        } else {
            result = String(characters[..<point]) + "." + String(characters[point...])
        }
        if result.contains(".") { while result.hasSuffix("0") { result.removeLast() }; if result.hasSuffix(".") { result.removeLast() } }
        return negative && result != "0" ? "-" + result : result
    }

    /// The month a date serial shows, `YYYY-MM`; nil outside 1900-01-01…9999-12-31.
    /// The 1900 system counts 1900-02-29 (serial 60), which did not exist, as Excel does.
    static func month(serial: String, date1904: Bool) -> String? {
        let whole = serial.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard !whole.isEmpty, whole.count <= 7, whole.allSatisfy({ $0.isASCII && $0.isNumber }), let day = Int(whole) else { return nil }
        let daysFrom1970: Int
        if date1904 {
            daysFrom1970 = day - 24_107                    // 1904-01-01 is serial 0
        } else {
            guard day >= 1 else { return nil }
            if day == 60 { return "1900-02" }
            daysFrom1970 = day - (day < 60 ? 25_568 : 25_569)   // 1899-12-31 + day (before the phantom day), else 1899-12-30 + day
        }
        let (year, month) = civil(daysFrom1970)
        guard (1900...9999).contains(year) else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// Year and month of a day counted from 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
    static func civil(_ days: Int) -> (year: Int, month: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month)
    }

    /// Undoes OOXML's escape of characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` an underscore.
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            output += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                output.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                output += "_x"
                rest = after
            }
        }
        return output + rest
    }
}
