// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Renders a `Document` as GitHub-flavoured Markdown (tables; the flow matrix as a table).
public enum MarkdownRenderer {
    /// Escapes what Markdown (CommonMark/GFM) would read as markup or HTML, so a name prints as
    /// itself, and leaves plain punctuation (`<` before a digit, `_` inside a word) readable.
    public static func escape(_ text: String, atLineStart: Bool = true) -> String {
        let characters = Array(text)
        var output = ""
        for (offset, character) in characters.enumerated() {
            let previous = offset > 0 ? characters[offset - 1] : nil
            let next = offset + 1 < characters.count ? characters[offset + 1] : nil
            switch character {
            case "\\", "`", "*", "[", "]", "|", "~":
                output += "\\" + String(character)
            case "_":
                let inWord = (previous?.isLetter == true || previous?.isNumber == true) && (next?.isLetter == true || next?.isNumber == true)
                output += inWord ? "_" : "\\_"
            case "<":
                // A tag, a comment or an autolink starts with a letter, "/", "!" or "?".
                let opensTag = next.map { $0.isLetter || $0 == "/" || $0 == "!" || $0 == "?" } ?? false
                output += opensTag ? "&lt;" : "<"
            case "&":
                // Only an entity-looking sequence needs escaping.
                let entity = next.map { $0.isLetter || $0 == "#" } ?? false
                output += entity ? "&amp;" : "&"
            case "#", ">", "+", "-", "=":
                // Headings, block quotes and list or setext markers matter only at the start of a line.
                output += offset == 0 && atLineStart ? "\\" + String(character) : String(character)
            case "\n", "\r", "\r\n":
                output += " "
            default:
                output.append(character)
            }
        }
        return output
    }

    public static func render(_ document: Document) -> String {
        var lines = ["# " + escape(document.title), ""]
        if let subtitle = document.subtitle { lines += [escape(subtitle), ""] }
        if !document.meta.isEmpty {
            lines += document.metaOnSeparateLines ? document.meta.flatMap { [escape($0), ""] }
                                                  : [document.meta.map { escape($0) }.joined(separator: " · "), ""]
        }
        for section in document.sections {
            lines += ["## " + escape(section.heading), ""]
            for block in section.blocks {
                switch block {
                case .paragraph(let text): lines += [escape(text), ""]
                case .note(let text): lines += ["*" + escape(text) + "*", ""]
                case .table(let table): lines += render(table) + [""]
                case .flow(let flow):
                    lines += render(flow.table(zh: document.language == .zh)) + [""]
                    lines += ["*" + escape(document.language == .zh
                        ? "数字为\(flow.competitionLabel)人数；“调N”为\(flow.transferLabel)人数。"
                        : "Numbers count \(flow.competitionLabel) moves; “TN” counts \(flow.transferLabel)s.") + "*", ""]
                }
            }
        }
        if !document.footer.isEmpty { lines += ["---", ""] + document.footer.flatMap { [escape($0), ""] } }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ table: Document.Table) -> [String] {
        if table.rows.isEmpty { return ["*" + escape(table.empty) + "*"] }
        let cell = { (text: String) in escape(text, atLineStart: false) }
        var lines = ["| " + table.header.map(cell).joined(separator: " | ") + " |"]
        lines.append("|" + table.header.indices.map { table.numericColumns.contains($0) ? " ---: |" : " --- |" }.joined())
        for index in table.rows.indices {
            let row = table.rows[index]
            var cells = table.displayCells(index).map(cell)
            if row.strong {
                cells = cells.enumerated().map { column, cell in
                    cell.isEmpty || table.mergedColumns.contains(column) ? cell : "**\(cell)**"
                }
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }
}

/// Renders a `Document` as plain text with aligned tables, for a terminal or a text file.
///
/// With `colour`, the tone column of a comparison is green (added), red (removed) or yellow (changed);
/// the caller decides (a TTY, and NO_COLOR unset).
public enum TextRenderer {
    public static func render(_ document: Document, colour: Bool = false) -> String {
        var lines = [document.title]
        if let subtitle = document.subtitle { lines.append(subtitle) }
        lines += document.meta
        for section in document.sections {
            lines += ["", section.heading, String(repeating: "=", count: max(4, TextWidth.of(section.heading)))]
            for block in section.blocks {
                switch block {
                case .paragraph(let text): lines.append(text)
                case .note(let text): lines.append("  " + text)
                case .table(let table): lines += render(table, colour: colour)
                case .flow(let flow): lines += render(flow.table(zh: document.language == .zh), colour: colour)
                }
            }
        }
        if !document.footer.isEmpty { lines += [""] + document.footer }
        return lines.map(trimTrailingSpaces).joined(separator: "\n") + "\n"
    }

    static func trimTrailingSpaces(_ line: String) -> String {
        var result = Substring(line)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }

    static func flatten(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
            .replacingOccurrences(of: "\t", with: " ")
    }

    static func render(_ table: Document.Table, colour: Bool) -> [String] {
        if table.rows.isEmpty { return ["  " + table.empty] }
        let rows = table.rows.indices.map { table.displayCells($0).map(flatten) }
        let header = table.header.map(flatten)
        var widths = header.map(TextWidth.of)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], TextWidth.of(cell)) }
        }
        func line(_ cells: [String], tone: Document.Tone?) -> String {
            "  " + cells.enumerated().map { column, cell in
                let padded = TextWidth.pad(cell, to: column < widths.count ? widths[column] : 0,
                                           right: table.numericColumns.contains(column))
                guard colour, let tone, column == table.toneColumn, !cell.isEmpty else { return padded }
                let code = tone == .added ? "32" : tone == .removed ? "31" : "33"
                return "\u{1B}[\(code)m\(padded)\u{1B}[0m"
            }.joined(separator: "  ")
        }
        var lines = [line(header, tone: nil)]
        lines.append("  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for (index, row) in rows.enumerated() {
            let text = line(row, tone: table.rows[index].tone)
            // A strong row (the proposed appointee) in bold at a terminal.
            lines.append(colour && table.rows[index].strong ? "\u{1B}[1m\(text)\u{1B}[0m" : text)
        }
        return lines
    }
}
