// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// HTML helpers: escaping, and the self-contained printable page (A4, no external assets).
public enum HTML {
    /// Escapes text for element content and attribute values.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// The style sheet shared by the report, the comparison and the notice: A4 portrait, print-friendly.
    static let styleSheet = """
    @page { size: A4; margin: 18mm 15mm 18mm 15mm; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 10.5pt;
      line-height: 1.55; color: #000; background: #fff; margin: 0 auto; max-width: 180mm; }
    @media screen { body { margin: 12mm auto; padding: 0 6mm; } }
    h1 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "Heiti SC", sans-serif; font-size: 17pt;
      text-align: center; margin: 0 0 2mm; font-weight: bold; letter-spacing: 0.05em; }
    .subtitle { text-align: center; font-size: 12pt; margin: 0 0 3mm; }
    .meta { text-align: center; font-size: 9pt; color: #333; margin: 0 0 6mm; }
    .meta span + span::before { content: "　·　"; }
    .meta.lines { margin: 0 0 1mm; }
    h2 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "Heiti SC", sans-serif; font-size: 12.5pt;
      margin: 7mm 0 2mm; break-after: avoid; page-break-after: avoid; }
    p { margin: 1.5mm 0; text-align: justify; }
    p.note { font-size: 8.5pt; color: #333; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 9pt; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    th, td { border: 0.6pt solid #000; padding: 1.2mm 1.5mm; vertical-align: middle; text-align: left; }
    th { background: #eaeaea; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; font-weight: bold;
      text-align: center; word-break: keep-all; overflow-wrap: normal; hyphens: manual; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.nw { white-space: nowrap; }
    td.strong { font-weight: bold; }
    tr.added td { background: #e3f4e1; }
    tr.removed td { background: #fbe3e1; }
    tr.changed td { background: #fdf4d3; }
    .empty { font-style: italic; color: #333; }
    section.keep { break-inside: avoid; page-break-inside: avoid; }
    figure { margin: 2mm 0 3mm; break-inside: avoid; page-break-inside: avoid; }
    figure svg { max-width: 100%; max-height: 115mm; width: auto; height: auto; display: block; margin: 0 auto; }
    footer { margin-top: 8mm; font-size: 8pt; color: #333; border-top: 0.6pt solid #999; padding-top: 2mm; }
    """

    /// The print marks of an internal document, in @page margin boxes (Chromium prints them with
    /// `--print-to-pdf` and from its print dialog): the marking at the top right of every page, the
    /// page number and count at the foot. The page and page count are CSS counters.
    static func internalPageStyle(_ language: Language) -> String {
        let marker = "\u{1}"
        let parts = ReportTexts.pageOf(marker, marker)(language).components(separatedBy: marker)
        let quoted = parts.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let pageContent = [quoted[0], "counter(page)", quoted[1], "counter(pages)", quoted[2]].joined(separator: " ")
        return """
        @page {
          @top-right { content: "\(ReportTexts.marking(language))"; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif;
            font-size: 9pt; font-weight: bold; color: #000; }
          @bottom-center { content: \(pageContent); font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
            font-size: 9pt; color: #000; }
        }
        """
    }

    /// A complete page: doctype, UTF-8, the style sheet (plus `extraStyle`), `body`.
    static func page(title: String, language: Language, body: String, extraStyle: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(styleSheet)\(extraStyle.isEmpty ? "" : "\n" + extraStyle)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}

/// Renders a `Document` as one printable HTML page.
public enum HTMLRenderer {
    public static func render(_ document: Document) -> String {
        var body = "<header>\n<h1>\(HTML.escape(document.title))</h1>\n"
        if let subtitle = document.subtitle { body += "<p class=\"subtitle\">\(HTML.escape(subtitle))</p>\n" }
        if !document.meta.isEmpty {
            body += document.metaOnSeparateLines
                ? document.meta.map { "<p class=\"meta lines\">\(HTML.escape($0))</p>\n" }.joined()
                : "<p class=\"meta\">" + document.meta.map { "<span>\(HTML.escape($0))</span>" }.joined() + "</p>\n"
        }
        body += "</header>\n"
        for section in document.sections {
            // A section with a figure is kept on one page, its heading with it.
            let keep = section.blocks.contains { if case .flow = $0 { return true } else { return false } }
            body += (keep ? "<section class=\"keep\">" : "<section>") + "\n<h2>\(HTML.escape(section.heading))</h2>\n"
            for block in section.blocks { body += render(block, zh: document.language == .zh) }
            body += "</section>\n"
        }
        if !document.footer.isEmpty {
            body += "<footer>\n" + document.footer.map { "<p>\(HTML.escape($0))</p>\n" }.joined() + "</footer>\n"
        }
        return HTML.page(title: document.title, language: document.language, body: body,
                         extraStyle: document.isInternal ? HTML.internalPageStyle(document.language) : "")
    }

    static func render(_ block: Document.Block, zh: Bool) -> String {
        switch block {
        case .paragraph(let text): return "<p>\(HTML.escape(text))</p>\n"
        case .note(let text): return "<p class=\"note\">\(HTML.escape(text))</p>\n"
        case .table(let table): return render(table)
        case .flow(let flow): return "<figure>\n\(FlowSVG.render(flow, zh: zh))</figure>\n"
        }
    }

    static func render(_ table: Document.Table) -> String {
        if table.rows.isEmpty { return "<p class=\"empty\">\(HTML.escape(table.empty))</p>\n" }
        var html = "<table>\n<thead><tr>"
        html += table.header.map { "<th>\(HTML.escape($0))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for (index, row) in table.rows.enumerated() {
            var classes: [String] = []
            if let tone = row.tone { classes.append(tone.rawValue) }
            html += classes.isEmpty ? "<tr>" : "<tr class=\"\(classes.joined(separator: " "))\">"
            let span = table.span(at: index)
            for (column, cell) in row.cells.enumerated() {
                var attributes = ""
                if table.mergedColumns.contains(column) {
                    if !span.starts { continue }
                    if span.count > 1 { attributes += " rowspan=\"\(span.count)\"" }
                }
                var classes: [String] = []
                if table.numericColumns.contains(column) { classes.append("num") }
                if table.nowrapColumns.contains(column) { classes.append("nw") }
                if row.strong && !table.mergedColumns.contains(column) { classes.append("strong") }
                if !classes.isEmpty { attributes += " class=\"\(classes.joined(separator: " "))\"" }
                html += "<td\(attributes)>\(HTML.escape(cell))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}

/// The flow matrix as inline SVG: from-unit rows × to-unit columns; competition cells solid blue,
/// organizational transfers hatched orange and marked 调/T, so they differ in colour and in black and white.
enum FlowSVG {
    static let cell = 34.0
    static let fontSize = 11.0

    static func textWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0.0) { $0 + (TextWidth.width($1) == 2 ? fontSize : fontSize * 0.6) }
    }

    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    static func render(_ flow: FlowMatrix, zh: Bool) -> String {
        let count = flow.units.count
        let names = flow.units.map(\.name)
        let labelWidth = (names.map(textWidth).max() ?? 40) + 16
        // Column heads: vertical Chinese text, or English rotated a quarter turn.
        let headLength = (names + [flow.totalLabel]).map { zh ? Double($0.count) * (fontSize + 1) : textWidth($0) }.max() ?? 40
        let headHeight = headLength + 14
        let gridWidth = Double(count + 1) * cell
        let top = headHeight + 16
        let width = labelWidth + gridWidth + 8
        let legendY = top + Double(count + 1) * cell + 14
        let height = legendY + 22
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(number(width)) \(number(height))" width="\(number(width))" \
        height="\(number(height))" role="img" aria-label="\(HTML.escape(flow.fromLabel + " × " + flow.toLabel))" \
        font-family="Noto Sans CJK SC, Source Han Sans SC, SimHei, sans-serif" font-size="\(number(fontSize))">
        <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="#fde3c4"/><line x1="0" y1="0" x2="0" y2="6" stroke="#d9822b" stroke-width="2"/></pattern></defs>
        <text x="\(number(labelWidth + gridWidth / 2))" y="11" text-anchor="middle" font-weight="bold">\(HTML.escape(flow.toLabel)) →</text>
        <text x="4" y="\(number(top - 4))" font-weight="bold">\(HTML.escape(flow.fromLabel)) ↓</text>

        """
        // Column heads.
        for (column, name) in (names + [flow.totalLabel]).enumerated() {
            let x = labelWidth + Double(column) * cell + cell / 2
            if zh {
                svg += "<text x=\"\(number(x))\" y=\"\(number(top - 5))\" style=\"writing-mode: vertical-rl\" text-anchor=\"end\" "
                    + "letter-spacing=\"1\">\(HTML.escape(name))</text>\n"
            } else {
                svg += "<text transform=\"translate(\(number(x + 4)) \(number(top - 4))) rotate(-90)\">\(HTML.escape(name))</text>\n"
            }
        }
        // Rows.
        for row in 0...count {
            let y = top + Double(row) * cell
            let label = row < count ? names[row] : flow.totalLabel
            svg += "<text x=\"\(number(labelWidth - 6))\" y=\"\(number(y + cell / 2 + fontSize / 2 - 1))\" text-anchor=\"end\"\(row == count ? " font-weight=\"bold\"" : "")>\(HTML.escape(label))</text>\n"
            for column in 0...count {
                let x = labelWidth + Double(column) * cell
                let value: FlowMatrix.Cell
                if row < count && column < count { value = flow.cells[row][column] }
                else if row < count { value = flow.rowTotal(row) }
                else if column < count { value = flow.columnTotal(column) }
                else {
                    value = (0..<count).reduce(into: FlowMatrix.Cell()) { total, unit in
                        let line = flow.rowTotal(unit)
                        total.competition += line.competition; total.transfer += line.transfer
                    }
                }
                let isTotal = row == count || column == count
                let fill: String
                if row == column && row < count { fill = "#d8d8d8" }
                else if isTotal { fill = "#f3f3f3" }
                else if value.transfer > 0 && value.competition == 0 { fill = "url(#hatch)" }
                else if value.competition > 0 && value.transfer == 0 { fill = "#c9dcf2" }
                else if value.total > 0 { fill = "#c9dcf2" }
                else { fill = "#ffffff" }
                svg += "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(cell))\" height=\"\(number(cell))\" fill=\"\(fill)\" stroke=\"#555\" stroke-width=\"0.6\"/>\n"
                if value.competition > 0 && value.transfer > 0 && !isTotal {
                    // Both kinds: the lower half hatched for the transfers.
                    svg += "<rect x=\"\(number(x))\" y=\"\(number(y + cell / 2))\" width=\"\(number(cell))\" height=\"\(number(cell / 2))\" fill=\"url(#hatch)\" stroke=\"#555\" stroke-width=\"0.6\"/>\n"
                }
                let text = flow.text(value, zh: zh)
                if !text.isEmpty {
                    let size = text.count > 3 ? fontSize - 2 : fontSize
                    svg += "<text x=\"\(number(x + cell / 2))\" y=\"\(number(y + cell / 2 + size / 2 - 1))\" text-anchor=\"middle\" "
                        + "font-size=\"\(number(size))\" font-weight=\"bold\">\(HTML.escape(text))</text>\n"
                }
            }
        }
        // Legend.
        let legendX = labelWidth
        svg += "<rect x=\"\(number(legendX))\" y=\"\(number(legendY))\" width=\"14\" height=\"14\" fill=\"#c9dcf2\" stroke=\"#555\" stroke-width=\"0.6\"/>\n"
        svg += "<text x=\"\(number(legendX + 20))\" y=\"\(number(legendY + 11))\">\(HTML.escape(flow.competitionLabel))</text>\n"
        let second = legendX + 30 + textWidth(flow.competitionLabel)
        svg += "<rect x=\"\(number(second))\" y=\"\(number(legendY))\" width=\"14\" height=\"14\" fill=\"url(#hatch)\" stroke=\"#555\" stroke-width=\"0.6\"/>\n"
        svg += "<text x=\"\(number(second + 20))\" y=\"\(number(legendY + 11))\">\(HTML.escape(flow.transferLabel + (zh ? "（调）" : " (T)")))</text>\n"
        svg += "</svg>\n"
        return svg
    }
}
