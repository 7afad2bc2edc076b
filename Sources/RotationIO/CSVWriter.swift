// SPDX-License-Identifier: GPL-3.0-or-later

/// The one writer of every CSV a command writes (run folder, `eligibility --format csv`, `export
/// --format csv`, the `init` template): CSV for people, which opens right in Excel.
///
/// - UTF-8 with a byte-order mark, so Chinese Excel does not read it as GBK;
/// - RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled;
/// - a text field that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a
///   tab or a carriage return) is written with a leading `'`; so is a text that already begins
///   with `'`, so that `unguard` gives back exactly what was written. In the columns named as
///   `numbers`, a number (`-3`, `85.5`) is written as a number.
///
/// ```swift
/// CSVWriter.render(header: ["id", "name"], rows: [["1", "=1+2"]])   // "\u{FEFF}id,name\n1,'=1+2\n"
/// CSVWriter.unguard("'=1+2")                                        // "=1+2"
/// ```
///
/// - Complexity: O(total length of the fields).
public enum CSVWriter {
    /// The file: BOM, header, rows; each line ends in `lineEnd` (`\n`; exports to Excel use `\r\n`).
    /// `numbers`: the columns (by header) that hold numbers, where `-3` stays a number.
    public static func render(header: [String], numbers: Set<String> = [], rows: [[String]], lineEnd: String = "\n") -> String {
        let numeric = header.map { numbers.contains($0) }
        var output = "\u{FEFF}"
        output += line(header.map { guardFormula($0) }, lineEnd)
        for row in rows {
            let fields = row.enumerated().map { slot, field in
                slot < numeric.count && numeric[slot] && isPlainNumber(field) ? field : guardFormula(field)
            }
            output += line(fields, lineEnd)
        }
        return output
    }

    static func line(_ fields: [String], _ lineEnd: String) -> String {
        fields.map(escape).joined(separator: ",") + lineEnd
    }

    /// RFC 4180 quoting of one field.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// The characters that make a spreadsheet treat a cell as a formula, and the guard itself.
    static let guarded: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "'"]

    /// Prefixes `'` to a text a spreadsheet would evaluate (CSV injection); other texts unchanged.
    ///
    /// ```swift
    /// CSVWriter.guardFormula("=HYPERLINK(\"x\")")   // "'=HYPERLINK(\"x\")"
    /// CSVWriter.guardFormula("王振宇")              // "王振宇"
    /// ```
    public static func guardFormula(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, guarded.contains(first) else { return field }
        return "'" + field
    }

    /// What `guardFormula` was given: removes the leading `'` it added. Readers of files rotation wrote use it.
    public static func unguard(_ field: String) -> String {
        let scalars = field.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, guarded.contains(second) else { return field }
        return String(field.dropFirst())
    }

    /// An optional sign, digits, and an optional point with digits: `-3`, `+85.50`.
    static func isPlainNumber(_ field: String) -> Bool {
        var body = Substring(field)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
