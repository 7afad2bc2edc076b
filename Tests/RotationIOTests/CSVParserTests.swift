// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest
import RotationIO

final class CSVParserTests: XCTestCase {
    private func fixture(_ name: String) throws -> [UInt8] {
        let url = try XCTUnwrap(Bundle.module.resourceURL)
            .appendingPathComponent("Fixtures")
            .appendingPathComponent(name)
        return [UInt8](try Data(contentsOf: url))
    }

    private func csvError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CSVError? {
        do {
            let table = try CSVParser.parse(text)
            XCTFail("expected a CSV error, got \(table)", file: file, line: line)
            return nil
        } catch let error as CSVError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: Basics

    func testHeaderAndRecords() throws {
        let table = try CSVParser.parse("人员编号,姓名,性别\nA001,张三,男\nA002,李四,女\n")
        XCTAssertEqual(table.header, ["人员编号", "姓名", "性别"])
        XCTAssertEqual(table.headerLine, 1)
        XCTAssertEqual(table.records, [
            CSVRecord(line: 2, fields: ["A001", "张三", "男"]),
            CSVRecord(line: 3, fields: ["A002", "李四", "女"]),
        ])
    }

    func testNoTrailingLineBreak() throws {
        let table = try CSVParser.parse("a,b\n1,2")
        XCTAssertEqual(table.records, [CSVRecord(line: 2, fields: ["1", "2"])])
    }

    func testEmptyAndAllBlankFiles() throws {
        for text in ["", "\n", "\r\n\r\n", "   \n\t\n", ",,,\n , \n", "\u{FEFF}"] {
            let table = try CSVParser.parse(text)
            XCTAssertEqual(table.header, [], text.debugDescription)
            XCTAssertEqual(table.headerLine, 1, text.debugDescription)
            XCTAssertEqual(table.records, [], text.debugDescription)
        }
    }

    func testHeaderOnly() throws {
        let table = try CSVParser.parse("a,b,c\r\n")
        XCTAssertEqual(table.header, ["a", "b", "c"])
        XCTAssertEqual(table.records, [])
    }

    func testLeadingBOMCharacterIsIgnored() throws {
        let table = try CSVParser.parse("\u{FEFF}人员编号,姓名\nA001,张三\n")
        XCTAssertEqual(table.header, ["人员编号", "姓名"])
    }

    // MARK: RFC 4180 quoting

    func testDoubledQuotesAndEmbeddedComma() throws {
        let table = try CSVParser.parse("id,note\n1,\"他说\"\"好\"\"\"\n2,\"科长,兼办公室主任\"\n3,\"\"\n4,\"\"\"\"\n")
        XCTAssertEqual(table.records.map(\.fields), [
            ["1", "他说\"好\""],
            ["2", "科长,兼办公室主任"],
            ["3", ""],
            ["4", "\""],
        ])
    }

    func testEmbeddedNewlineSpanningThreeLines() throws {
        let text = "id,resume,unit\nA1,\"2001 参加工作\n2005 副科长\n2010 科长\",民政局\nA2,无,财政局\n"
        let table = try CSVParser.parse(text)
        XCTAssertEqual(table.records, [
            CSVRecord(line: 2, fields: ["A1", "2001 参加工作\n2005 副科长\n2010 科长", "民政局"]),
            CSVRecord(line: 5, fields: ["A2", "无", "财政局"]),
        ])
    }

    func testQuotedHeaderAndSpacesAroundQuotes() throws {
        let table = try CSVParser.parse(" \"姓名\" , \"备注\"\t\nA ,  \" x, y \"  \n")
        XCTAssertEqual(table.header, ["姓名", "备注"])
        XCTAssertEqual(table.records, [CSVRecord(line: 2, fields: ["A", "x, y"])])
    }

    func testQuoteInsideUnquotedFieldIsLiteral() throws {
        let table = try CSVParser.parse("a,b\n5'10\",ab\"c\"d\n")
        XCTAssertEqual(table.records.map(\.fields), [["5'10\"", "ab\"c\"d"]])
    }

    func testStrayCharactersAfterClosingQuote() throws {
        let error = try XCTUnwrap(csvError("a,b\n1,2\n\"张三\"x,3\n"))
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(error.message.contains("after the closing quote"), error.message)
        // The line of the stray character, after a multi-line quoted field.
        XCTAssertEqual(try XCTUnwrap(csvError("a,b\n\"1\n2\"\"\n3\" 4,5\n")).line, 4)
    }

    func testUnterminatedQuoteReportsTheLineWhereTheFieldStarts() throws {
        let error = try XCTUnwrap(csvError("a,b\n1,2\n\n3,\"never closed\n4,5\n6,7\n"))
        XCTAssertEqual(error.line, 4)
        XCTAssertTrue(error.message.contains("never closed"), error.message)
        XCTAssertEqual(try XCTUnwrap(csvError("a,b\r\n1,2\r\n3,\"x\r\ny\r\n")).line, 3)
        XCTAssertEqual(try XCTUnwrap(csvError("\"")).line, 1)
    }

    // MARK: Line breaks and line numbers

    func testCRLFFile() throws {
        let table = try CSVParser.parse("a,b\r\n1,\"x\r\ny\"\r\n\r\n2,z\r\n")
        XCTAssertEqual(table.records, [
            CSVRecord(line: 2, fields: ["1", "x\r\ny"]),  // kept as written
            CSVRecord(line: 5, fields: ["2", "z"]),
        ])
    }

    func testLoneCRLineBreaks() throws {
        let table = try CSVParser.parse("a,b\r1,\"x\ry\"\r\r2,z")
        XCTAssertEqual(table.records, [
            CSVRecord(line: 2, fields: ["1", "x\ry"]),
            CSVRecord(line: 5, fields: ["2", "z"]),
        ])
    }

    func testMixedLineBreaks() throws {
        let table = try CSVParser.parse("a\n1\r\n2\r3\n\r\n4")
        XCTAssertEqual(table.records.map(\.line), [2, 3, 4, 6])
        XCTAssertEqual(table.records.map(\.fields), [["1"], ["2"], ["3"], ["4"]])
    }

    func testBlankLinesAreSkippedAndCounted() throws {
        let text = "\n\n人员编号,姓名\n\nA001,张三\n   \n\t\n,,\n , ,\nA002,李四\n\n"
        let table = try CSVParser.parse(text)
        XCTAssertEqual(table.headerLine, 3)
        XCTAssertEqual(table.header, ["人员编号", "姓名"])
        XCTAssertEqual(table.records, [
            CSVRecord(line: 5, fields: ["A001", "张三"]),
            CSVRecord(line: 10, fields: ["A002", "李四"]),
        ])
    }

    // MARK: Trimming, short and long records

    func testTrimming() throws {
        let text = "  人员编号 ,\t姓名\t, 备注\nA001 ,  张三  , \"  quoted  \"\n\u{3000}A002\u{3000},\u{00A0}李四\u{00A0}, \u{200B}x\u{FEFF}\n"
        let table = try CSVParser.parse(text)
        XCTAssertEqual(table.header, ["人员编号", "姓名", "备注"])
        XCTAssertEqual(table.records.map(\.fields), [
            ["A001", "张三", "quoted"],
            ["A002", "李四", "x"],
        ])
    }

    func testInnerSpacesAreKept() throws {
        let table = try CSVParser.parse("a\n 张 三 \n")
        XCTAssertEqual(table.records.map(\.fields), [["张 三"]])
    }

    func testTooFewFieldsArePadded() throws {
        let table = try CSVParser.parse("a,b,c,d\n1,2\n3\n4,,5\n")
        XCTAssertEqual(table.records.map(\.fields), [
            ["1", "2", "", ""],
            ["3", "", "", ""],
            ["4", "", "5", ""],
        ])
    }

    func testTooManyFieldsAreKept() throws {
        let table = try CSVParser.parse("a,b\n1,2,3\n4,5,\n6,7\n")
        XCTAssertEqual(table.records, [
            CSVRecord(line: 2, fields: ["1", "2", "3"]),
            CSVRecord(line: 3, fields: ["4", "5", ""]),
            CSVRecord(line: 4, fields: ["6", "7"]),
        ])
    }

    // MARK: Fixtures and scale

    func testCRLFFixtureWithBOM() throws {
        let decoded = try TextDecoding.decode(try fixture("csv_utf8_bom_crlf.csv"))
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertTrue(decoded.hadBOM)
        let table = try CSVParser.parse(decoded.text)
        XCTAssertEqual(table.header, ["人员编号", "姓名", "备注"])
        XCTAssertEqual(table.records, [
            CSVRecord(line: 2, fields: ["A001", "张三", "第一行\r\n第二行\r\n第三行"]),
            CSVRecord(line: 6, fields: ["A002", "李四", "普通"]),
            CSVRecord(line: 8, fields: ["A003", "王\"五\"", ""]),
        ])
    }

    /// A large file parses completely with correct line numbers (speed is measured by `rotation-bench`, not here).
    func testFiftyThousandRowsParseWithCorrectLines() throws {
        var text = "人员编号,姓名,性别,出生年月,现任职务,备注\r\n"
        for i in 0..<50_000 {
            text += "A\(i),张三\(i),男,1975年3月,\"科长,兼主任\", 无 \r\n"
        }
        let table = try CSVParser.parse(text)
        XCTAssertEqual(table.records.count, 50_000)
        XCTAssertEqual(table.records.last, CSVRecord(line: 50_001, fields: ["A49999", "张三49999", "男", "1975年3月", "科长,兼主任", "无"]))
    }
}
