// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
@testable import RotationIO
import XCTest

/// The xlsx reader: every kind of cell read as a person sees it, and hostile files refused.
final class XLSXReaderTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx")

    func read(_ name: String) throws -> XLSXWorkbook {
        try XLSXWorkbook(bytes: Array(try Data(contentsOf: Self.fixtures.appendingPathComponent(name))))
    }

    /// cells.xlsx and inline.xlsx (libxlsxwriter; shared and inline strings): column A says what column B must read as.
    func testEveryKindOfCellReadsAsShown() throws {
        for name in ["cells.xlsx", "inline.xlsx"] {
            let sheet = try XCTUnwrap(try read(name).sheets.first)
            XCTAssertEqual(sheet.name, "cells")
            XCTAssertEqual(sheet.rows.count, 17, name)
            for row in sheet.rows.dropFirst() {
                XCTAssertEqual(row.cells.count, 2, "\(name) row \(row.number)")
                XCTAssertEqual(row.cells[1].text, row.cells[0].text, "\(name) row \(row.number)")
                XCTAssertEqual(row.cells[1].column, 2)
            }
            let numbers = sheet.rows.filter { $0.cells[1].isNumber }.map { $0.cells[1].text }
            XCTAssertEqual(numbers, ["85.5", "0.3", "0.0000001", "123456789012346000", "2014.1", "007", "-3"], name)
        }
    }

    /// The sample as one workbook saved by LibreOffice: eight sheets, numbers as numbers, months as dates.
    func testLibreOfficeWorkbook() throws {
        let workbook = try read("fenghua-workbook/scenario.xlsx")
        XCTAssertEqual(workbook.sheets.map(\.name), ["单位", "职位", "干部", "考核", "报名", "面试", "测评", "调动适配度"])
        let cadres = workbook.sheets[2]
        XCTAssertEqual(cadres.rows[0].number, 1)
        XCTAssertEqual(cadres.rows[1].cells.prefix(7).map(\.text), ["FH001", "俞建国", "男", "1966-04", "MZJ", "中层正职", "2010-06"])
        XCTAssertTrue(cadres.rows[1].cells[9].isNumber, "section_years 4 is a number cell")
        XCTAssertFalse(cadres.rows[1].cells[3].isNumber, "a date cell is a month, not a number")
    }

    func testNumbersAsExcelShowsThem() {
        XCTAssertEqual(XLSXCellText.decimal("85.5"), "85.5")
        XCTAssertEqual(XLSXCellText.decimal("1.5E-3"), "0.0015")
        XCTAssertEqual(XLSXCellText.decimal("1E+20"), "100000000000000000000")
        XCTAssertEqual(XLSXCellText.decimal("0.30000000000000004"), "0.3")
        XCTAssertEqual(XLSXCellText.decimal("59.999999999999993"), "60")
        XCTAssertEqual(XLSXCellText.decimal("99.9999999999999999"), "100")
        XCTAssertEqual(XLSXCellText.decimal("-0"), "0")
        XCTAssertEqual(XLSXCellText.decimal("-2.50"), "-2.5")
        XCTAssertEqual(XLSXCellText.decimal("0.1"), "0.1")
        XCTAssertEqual(XLSXCellText.decimal("2014.1"), "2014.1")
        XCTAssertEqual(XLSXCellText.decimal("12.345678901234567"), "12.3456789012346")
        XCTAssertNil(XLSXCellText.decimal("abc"))
        XCTAssertNil(XLSXCellText.decimal("1E+99999"))
        XCTAssertNil(XLSXCellText.decimal("."))
    }

    func testDateSerialsAreTheMonthShown() {
        XCTAssertEqual(XLSXCellText.month(serial: "43009", date1904: false), "2017-10")     // 2017-10-01
        XCTAssertEqual(XLSXCellText.month(serial: "43008.99", date1904: false), "2017-09")  // 2017-09-30, late in the day
        XCTAssertEqual(XLSXCellText.month(serial: "1", date1904: false), "1900-01")
        XCTAssertEqual(XLSXCellText.month(serial: "59", date1904: false), "1900-02")
        XCTAssertEqual(XLSXCellText.month(serial: "60", date1904: false), "1900-02")        // Excel's 1900-02-29
        XCTAssertEqual(XLSXCellText.month(serial: "61", date1904: false), "1900-03")
        XCTAssertEqual(XLSXCellText.month(serial: "2958465", date1904: false), "9999-12")
        XCTAssertEqual(XLSXCellText.month(serial: "0", date1904: true), "1904-01")
        XCTAssertEqual(XLSXCellText.month(serial: "41547", date1904: true), "2017-10")      // 43009 − 1462
        XCTAssertNil(XLSXCellText.month(serial: "0", date1904: false))
        XCTAssertNil(XLSXCellText.month(serial: "-5", date1904: false))
        XCTAssertNil(XLSXCellText.month(serial: "99999999", date1904: false))
        XCTAssertTrue(XLSXStyles.isDateCode("yyyy\\-mm"))
        XCTAssertTrue(XLSXStyles.isDateCode("yyyy\"年\"m\"月\""))
        XCTAssertTrue(XLSXStyles.isDateCode("[$-804]yyyy年m月;@"))
        XCTAssertFalse(XLSXStyles.isDateCode("0.00"))
        XCTAssertFalse(XLSXStyles.isDateCode("General"))
        XCTAssertFalse(XLSXStyles.isDateCode("mm:ss"))
        XCTAssertFalse(XLSXStyles.isDateCode("\"day\" 0"))
        XCTAssertFalse(XLSXStyles.isDateCode("@"))
    }

    func testOOXMLEscapes() {
        XCTAssertEqual(XLSXCellText.unescape("a_x000D_b"), "a\rb")
        XCTAssertEqual(XLSXCellText.unescape("x_x005F_y"), "x_y")
        XCTAssertEqual(XLSXCellText.unescape("_xZZZZ_ and _x12"), "_xZZZZ_ and _x12")
    }

    func testCellReferences() {
        XCTAssertEqual(XLSXSheetReader.columnNumber("A1"), 1)
        XCTAssertEqual(XLSXSheetReader.columnNumber("AB12"), 28)
        XCTAssertEqual(XLSXSheetReader.columnNumber("XFD1048576"), 16_384)
        XCTAssertNil(XLSXSheetReader.columnNumber("XFE1"))
        XCTAssertNil(XLSXSheetReader.columnNumber("A0"))
        XCTAssertNil(XLSXSheetReader.columnNumber("1A"))
        XCTAssertNil(XLSXSheetReader.columnNumber("ABCD1"))
    }

    // MARK: Hostile and damaged files: an input problem, never a crash

    func failure(_ bytes: [UInt8], limits: (part: Int, total: Int) = (XLSXArchive.partLimit, XLSXArchive.totalLimit),
                 file: StaticString = #filePath, line: UInt = #line) -> WorkbookTexts? {
        do {
            _ = try XLSXWorkbook(bytes: bytes, limits: limits)
            XCTFail("expected the workbook to be refused", file: file, line: line)
            return nil
        } catch {
            return error.text
        }
    }

    func testNotAWorkbook() throws {
        XCTAssertEqual(failure(Array("cadre_id,name\n".utf8)), .notAWorkbook)
        XCTAssertEqual(failure([]), .notAWorkbook)
        let good = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("cells.xlsx")))
        XCTAssertNotNil(failure(Array(good.prefix(good.count / 2))), "a truncated workbook")
        XCTAssertEqual(failure(try WorkbookKit.zip([("hello.txt", Array("hi".utf8))])), .notAWorkbook, "a zip with no workbook")
    }

    func testMalformedXMLNamesThePart() throws {
        let bytes = try WorkbookKit.workbook([("units", [[.text("unit_id")]])],
                                             replacing: ["xl/worksheets/sheet1.xml": "<worksheet><sheetData><row><c></row></sheetData>"])
        guard case .badXML(let part, _) = failure(bytes) else { return XCTFail("expected bad XML") }
        XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
        let sheetless = try WorkbookKit.workbook([], replacing: [:])
        XCTAssertEqual(failure(sheetless), .noSheet)
    }

    func testEntityExpansionIsRefused() throws {
        let laughs = """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\
        <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>
        """
        let bytes = try WorkbookKit.workbook([("units", [[.text("x")]])], replacing: ["xl/worksheets/sheet1.xml": laughs])
        guard case .badXML = failure(bytes) else { return XCTFail("a document type declaration is refused") }
    }

    /// Foundation's XML parser traps on a name that is not UTF-8: such a part is refused before it.
    func testPartsThatAreNotCleanUTF8() throws {
        for sheet in ["<worksheet><sheetData><row r=\"1\"><c\u{0}r=\"A1\"/></row></sheetData></worksheet>",
                      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet><sheetData/></worksheet>"] {
            let bytes = try WorkbookKit.workbook([("units", [[.text("x")]])], replacing: ["xl/worksheets/sheet1.xml": sheet])
            guard case .badXML = failure(bytes) else { return XCTFail("refused: \(sheet.debugDescription)") }
        }
        var invalid = Array("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>".utf8)
        invalid += [0xE4, 0x28] + Array("</t></is></c></row></sheetData></worksheet>".utf8)
        XCTAssertFalse(XLSXXML.isCleanUTF8(invalid))
        XCTAssertTrue(XLSXXML.isCleanUTF8(Array("<t>张三</t>".utf8)))
        XCTAssertFalse(XLSXXML.declaresOtherEncoding(Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><a/>".utf8)))
        XCTAssertTrue(XLSXXML.declaresOtherEncoding(Array("<?xml version='1.0' encoding='UTF-16'?><a/>".utf8)))
    }

    /// A shared string the workbook does not have is a damaged file, not the index read as a value.
    func testMissingSharedString() throws {
        let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row></sheetData></worksheet>"
        let bytes = try WorkbookKit.workbook([("units", [[.text("x")]])], replacing: ["xl/worksheets/sheet1.xml": sheet])
        XCTAssertEqual(failure(bytes), .damagedPart(part: "xl/worksheets/sheet1.xml"))
    }

    /// Cells without a reference follow the cell before them, an empty one included.
    func testCellsWithoutReferences() throws {
        let sheet = """
        <worksheet><sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t></t></is></c>        <c t="inlineStr"><is><t>c</t></is></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row></sheetData></worksheet>
        """
        let bytes = try WorkbookKit.workbook([("units", [[.text("x")]])], replacing: ["xl/worksheets/sheet1.xml": sheet])
        let rows = try XCTUnwrap(try XLSXWorkbook(bytes: bytes).sheets.first?.rows)
        XCTAssertEqual(rows.map(\.number), [1, 2])
        XCTAssertEqual(rows[0].cells.map(\.column), [1, 3])
        XCTAssertEqual(rows[1].cells.map(\.column), [3, 4])
    }

    func testBadCellReference() throws {
        let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A0\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>"
        let bytes = try WorkbookKit.workbook([("units", [[.text("x")]])], replacing: ["xl/worksheets/sheet1.xml": sheet])
        XCTAssertEqual(failure(bytes), .badCellReference("A0"))
    }

    /// A part larger than the limit, and a part whose header claims it is small (a zip bomb's trick).
    func testZipBombsAreBounded() throws {
        let big = String(repeating: "<row/>", count: 2_000)
        let bytes = try WorkbookKit.workbook([("units", [[.text("x")]])],
                                             replacing: ["xl/worksheets/sheet1.xml": "<worksheet><sheetData>\(big)</sheetData></worksheet>"])
        guard case .tooLarge(let part, _) = failure(bytes, limits: (part: 4_096, total: 1 << 20)) else { return XCTFail("expected too large") }
        XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
        guard case .tooLarge = failure(bytes, limits: (part: 1 << 20, total: 8_000)) else { return XCTFail("the total is bounded too") }
        // Patch every header's uncompressed size to 10 bytes: the count while unpacking still stops it.
        var lying = bytes
        for index in 0..<(lying.count - 30) {
            let signature = lying[index..<index + 4]
            if signature.elementsEqual([0x50, 0x4B, 0x03, 0x04]) { lying.replaceSubrange(index + 22..<index + 26, with: [10, 0, 0, 0]) }
            if signature.elementsEqual([0x50, 0x4B, 0x01, 0x02]) { lying.replaceSubrange(index + 24..<index + 28, with: [10, 0, 0, 0]) }
        }
        XCTAssertNotNil(failure(lying, limits: (part: 4_096, total: 1 << 20)), "a lying header is refused, not trusted")
        XCTAssertNoThrow(try XLSXWorkbook(bytes: bytes), "the same workbook reads under the real limits")
    }
}

/// Damaged workbooks, made by changing bytes of each part of a real one: every one is read or
/// refused with an `XLSXError`, never a crash (a deterministic fuzz; `XLSX_FUZZ=N` runs N cases).
final class XLSXFuzzTests: XCTestCase {
    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    func testChangedPartsAreReadOrRefused() throws {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("_rels/.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"x/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<workbook xmlns:r=\"urn:r\"><workbookPr date1904=\"0\"/><sheets><sheet name=\"干部\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", """
             <Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>\
             <Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="x/styles" Target="styles.xml"/></Relationships>
             """),
            ("xl/sharedStrings.xml", "<sst><si><t>人员编号</t></si><si><r><t>张</t></r><r><t>三</t></r><rPh><t>zhang</t></rPh></si></sst>"),
            ("xl/styles.xml", "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"),
            ("xl/worksheets/sheet1.xml", """
             <worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c>\
             <c r="B2" s="1"><v>43009</v></c><c r="C2"><v>1.5E-3</v></c><c r="D2" t="inlineStr"><is><t>007</t></is></c></row></sheetData></worksheet>
             """),
        ]
        let original = try XLSXWorkbook(bytes: try WorkbookKit.zip(parts.map { ($0.0, Array($0.1.utf8)) }))
        XCTAssertEqual(original.sheets.first?.rows.last?.cells.map(\.text), ["张三", "2017-10", "0.0015", "007"])
        let cases = Int(ProcessInfo.processInfo.environment["XLSX_FUZZ"] ?? "") ?? 150
        var generator = Generator(state: 2017)
        var refused = 0
        let interesting: [UInt8] = Array("<>/\"'=&;#x0123456789ABCDEFrvtcsi!-:E.".utf8) + [0, 0xFF, 0xE4, 0x80]
        for _ in 0..<cases {
            var files = parts.map { ($0.0, Array($0.1.utf8)) }
            let target = generator.below(files.count)
            for _ in 0...generator.below(4) {
                var bytes = files[target].1
                let at = generator.below(bytes.count)
                switch generator.below(3) {
                case 0: bytes[at] = interesting[generator.below(interesting.count)]
                case 1: bytes.remove(at: at)
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + generator.below(40))], at: at)
                }
                files[target].1 = bytes
            }
            do {
                _ = try XLSXWorkbook(bytes: try WorkbookKit.zip(files))
            } catch {
                refused += 1
            }
        }
        XCTAssertGreaterThan(refused, 0, "some changes must break the workbook")
        // Changed bytes of the zip itself (headers, deflated data, checksums).
        let zipped = try WorkbookKit.zip(parts.map { ($0.0, Array($0.1.utf8)) })
        for _ in 0..<cases {
            var bytes = zipped
            for _ in 0...generator.below(3) {
                let at = generator.below(bytes.count)
                if generator.below(2) == 0 { bytes[at] = UInt8(truncatingIfNeeded: generator.next()) } else { bytes.removeSubrange(at..<min(bytes.count, at + 1 + generator.below(8))) }
            }
            _ = try? XLSXWorkbook(bytes: bytes)
        }
        XCTAssertLessThan(refused, cases, "some changes must leave it readable")
    }
}
