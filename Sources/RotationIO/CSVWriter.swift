// SPDX-License-Identifier: GPL-3.0-or-later

/// Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, lines end in `\n`.
///
/// ```swift
/// CSVWriter.render(header: ["id", "name"], rows: [["1", "张三, 李四"]])   // "id,name\n1,\"张三, 李四\"\n"
/// ```
public enum CSVWriter {
    public static func render(header: [String], rows: [[String]], byteOrderMark: Bool = false) -> String {
        var output = byteOrderMark ? "\u{FEFF}" : ""
        output += line(header)
        for row in rows { output += line(row) }
        return output
    }

    static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\n"
    }

    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
