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
