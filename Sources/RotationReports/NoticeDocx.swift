// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import ZIPFoundation

/// The public notice as a Word document (`.docx`), for offices that edit and stamp notices in Word or
/// WPS: a minimal WordprocessingML package (content types, relationships, styles, document) holding
/// the same `PublicNotice.Content` as the HTML page — title, opening, table, 公示期, contact, and the
/// issuer and date right-aligned — on A4 with the table's header repeated on every page.
///
/// Deterministic: the same notice gives the same bytes (every entry is dated 1980-01-01).
///
/// ```swift
/// let bytes = try NoticeDocx.data(PublicNotice(run: run, unit: "MZJ"))
/// ```
public enum NoticeDocx {
    /// Column widths in twentieths of a point (174 mm in all), as the HTML page's.
    static let columnWidths = [540, 850, 510, 964, 567, 3217, 3217]

    /// The .docx bytes of a notice.
    public static func data(_ notice: PublicNotice) throws -> [UInt8] {
        let content = notice.content()
        let zh = notice.words.zh
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/styles.xml", styles(zh: zh)),
            ("word/document.xml", document(content, zh: zh)),
        ]
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw ReportError("cannot create the .docx archive in memory: \(error)")
        }
        let stamp = Date(timeIntervalSince1970: 315_532_800)   // 1980-01-01, the zip format's first day
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw ReportError("the .docx archive has no data") }
        return Array(data)
    }

    static func escape(_ text: String) -> String { HTML.escape(text) }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    </Types>
    """

    static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    </Relationships>
    """

    static let documentRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    </Relationships>
    """

    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// Body text in 宋体 (SimSun) 12 pt; the title in 黑体 (SimHei).
    static func styles(zh: Bool) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(namespace)">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman"/>\
        <w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="\(zh ? "zh-CN" : "en-GB")" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="340" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:jc w:val="center"/><w:spacing w:after="60" w:line="440" w:lineRule="exact"/></w:pPr>\
        <w:rPr><w:rFonts w:eastAsia="SimHei"/><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>\
        <w:style w:type="table" w:styleId="NoticeTable"><w:name w:val="Notice Table"/>\
        <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/>\
        <w:left w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/>\
        <w:right w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="6" w:space="0" w:color="000000"/>\
        <w:insideV w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tblBorders>\
        <w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
    }

    /// A paragraph: `indent` indents the first line by two characters; `align` is left, center or right.
    static func paragraph(_ text: String, indent: Bool = false, align: String? = nil, style: String? = nil,
                          keepNext: Bool = false) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { properties += "<w:keepNext/><w:keepLines/>" }
        if indent { properties += "<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>" }
        if let align { properties += "<w:jc w:val=\"\(align)\"/>" }
        let run = text.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + run + "</w:p>"
    }

    /// One table cell, 10.5 pt, single-spaced.
    static func cell(_ text: String, width: Int, centred: Bool, header: Bool) -> String {
        let shade = header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EAEAEA\"/>" : ""
        let bold = header ? "<w:rFonts w:eastAsia=\"SimHei\"/><w:b/>" : ""
        return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(shade)<w:vAlign w:val=\"center\"/></w:tcPr>"
            + "<w:p><w:pPr><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"exact\"/>"
            + (centred || header ? "<w:jc w:val=\"center\"/>" : "") + "</w:pPr>"
            + "<w:r><w:rPr>\(bold)<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p></w:tc>"
    }

    static func table(_ content: PublicNotice.Content, zh: Bool) -> String {
        let grid = columnWidths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"NoticeTable\"/><w:tblW w:w=\"\(columnWidths.reduce(0, +))\" w:type=\"dxa\"/>"
            + "<w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>\(grid)</w:tblGrid>"
        xml += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
            + content.header.enumerated().map { cell($1, width: columnWidths[$0], centred: true, header: true) }.joined() + "</w:tr>"
        for row in content.rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + row.enumerated().map { cell($1, width: columnWidths[$0], centred: PublicNotice.centred($0, zh: zh), header: false) }.joined()
                + "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static func document(_ content: PublicNotice.Content, zh: Bool) -> String {
        var body = paragraph(content.title, style: "Title")
        if let subtitle = content.subtitle { body += paragraph(subtitle, align: "center") }
        body += paragraph(content.lead, indent: true)
        body += content.rows.isEmpty ? paragraph(content.empty) : table(content, zh: zh)
        body += paragraph("", keepNext: true)
        // The closing keeps together (each paragraph keeps with the next) so the signature never stands alone.
        for text in content.closing + content.contact { body += paragraph(text, indent: true, keepNext: true) }
        body += paragraph("", keepNext: true)
        body += paragraph(content.issuer, align: "right", keepNext: true)
        body += paragraph(content.date, align: "right")
        // A4 (11906 × 16838 twips), margins 16/18/14/18 mm as the HTML page's.
        body += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"907\" w:right=\"1021\" w:bottom=\"794\" w:left=\"1021\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(namespace)"><w:body>\(body)</w:body></w:document>
        """
    }
}
