// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest
import RotationIO

final class TextDecodingTests: XCTestCase {
    private static let chineseCSV = "人员编号,姓名,性别,出生年月\nA001,张三,男,1975年3月\nA002,李四,女,2017年10月\n"

    private func fixture(_ name: String) throws -> [UInt8] {
        let url = try XCTUnwrap(Bundle.module.resourceURL)
            .appendingPathComponent("Fixtures")
            .appendingPathComponent(name)
        return [UInt8](try Data(contentsOf: url))
    }

    private func decodingError(_ bytes: [UInt8], pinned: TextEncoding? = nil,
                               file: StaticString = #filePath, line: UInt = #line) -> RotationIO.DecodingError? {
        do {
            let decoded = try TextDecoding.decode(bytes, pinned: pinned)
            XCTFail("expected a decoding error, got \(decoded)", file: file, line: line)
            return nil
        } catch let error as RotationIO.DecodingError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: UTF-8

    func testUTF8WithoutBOM() throws {
        let decoded = try TextDecoding.decode(Array(Self.chineseCSV.utf8))
        XCTAssertEqual(decoded, DecodedText(text: Self.chineseCSV, encoding: .utf8, hadBOM: false))
    }

    func testUTF8WithBOMIsStripped() throws {
        let decoded = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(Self.chineseCSV.utf8))
        XCTAssertEqual(decoded.text, Self.chineseCSV)
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertTrue(decoded.hadBOM)
        XCTAssertEqual(decoded.text.unicodeScalars.first, "人")
    }

    func testEmptyFileAndBOMOnly() throws {
        XCTAssertEqual(try TextDecoding.decode([]), DecodedText(text: "", encoding: .utf8, hadBOM: false))
        XCTAssertEqual(try TextDecoding.decode([0xEF, 0xBB, 0xBF]), DecodedText(text: "", encoding: .utf8, hadBOM: true))
    }

    // MARK: GB18030 / GBK

    func testGB18030IsAutoDetected() throws {
        let bytes = try TextDecoding.encode(Self.chineseCSV, as: .gb18030)
        XCTAssertNotEqual(bytes, Array(Self.chineseCSV.utf8))
        let decoded = try TextDecoding.decode(bytes)
        XCTAssertEqual(decoded, DecodedText(text: Self.chineseCSV, encoding: .gb18030, hadBOM: false))
        let table = try CSVParser.parse(decoded.text)
        XCTAssertEqual(table.header, ["人员编号", "姓名", "性别", "出生年月"])
        XCTAssertEqual(table.records.map(\.fields), [["A001", "张三", "男", "1975年3月"], ["A002", "李四", "女", "2017年10月"]])
    }

    func testKnownGBKBytes() throws {
        // 性别,男,女 as GBK (a subset of GB18030): D0D4 B1F0 , C4D0 , C5AE
        let bytes: [UInt8] = [0xD0, 0xD4, 0xB1, 0xF0, 0x2C, 0xC4, 0xD0, 0x2C, 0xC5, 0xAE, 0x0D, 0x0A]
        let decoded = try TextDecoding.decode(bytes)
        XCTAssertEqual(decoded.text, "性别,男,女\r\n")
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertEqual(try TextDecoding.encode("性别,男,女\r\n", as: .gb18030), bytes)
    }

    func testGB18030FourByteCharacters() throws {
        // U+20BB7 𠮷 is a four-byte GB18030 sequence: 95 34 B2 35.
        let bytes = try TextDecoding.encode("王𠮷", as: .gb18030)
        XCTAssertEqual(bytes, [0xCD, 0xF5, 0x95, 0x34, 0xB2, 0x35])
        XCTAssertEqual(try TextDecoding.decode(bytes).text, "王𠮷")
    }

    func testGB18030BOMIsStripped() throws {
        let bytes = try TextDecoding.encode("姓名\n", as: .gb18030, withBOM: true)
        XCTAssertEqual(Array(bytes.prefix(4)), [0x84, 0x31, 0x95, 0x33])
        XCTAssertEqual(try TextDecoding.decode(bytes), DecodedText(text: "姓名\n", encoding: .gb18030, hadBOM: true))
    }

    func testEncodeUTF8WithBOM() throws {
        XCTAssertEqual(try TextDecoding.encode("a", as: .utf8), [0x61])
        XCTAssertEqual(try TextDecoding.encode("a", as: .utf8, withBOM: true), [0xEF, 0xBB, 0xBF, 0x61])
    }

    func testGB18030Fixture() throws {
        let decoded = try TextDecoding.decode(try fixture("csv_gb18030.csv"))
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertFalse(decoded.hadBOM)
        let table = try CSVParser.parse(decoded.text)
        XCTAssertEqual(table.header, ["人员编号", "姓名", "性别", "出生年月", "现任职务"])
        XCTAssertEqual(table.headerLine, 1)
        XCTAssertEqual(table.records, [
            CSVRecord(line: 2, fields: ["A001", "张三", "男", "1975年3月", "科长,兼办公室主任"]),
            CSVRecord(line: 3, fields: ["A002", "李四", "女", "2017年10月", "副科长"]),
            CSVRecord(line: 5, fields: ["A003", "王𠮷", "女", "1980.06", "科员"]),
        ])
    }

    // MARK: Pinned encodings

    func testPinnedUTF8StripsBOM() throws {
        let decoded = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("姓名".utf8), pinned: .utf8)
        XCTAssertEqual(decoded, DecodedText(text: "姓名", encoding: .utf8, hadBOM: true))
    }

    func testPinnedUTF8RejectsGB18030() throws {
        let bytes = Array("id,name\n1,a\n".utf8) + (try TextDecoding.encode("2,张三\n", as: .gb18030))
        let error = try XCTUnwrap(decodingError(bytes, pinned: .utf8))
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(error.message.contains("not valid UTF-8"), error.message)
        // Unpinned, the same bytes are fine.
        XCTAssertEqual(try TextDecoding.decode(bytes).text, "id,name\n1,a\n2,张三\n")
    }

    func testPinnedGB18030WinsOverValidUTF8() throws {
        // C5 AE is GBK 女, and also valid UTF-8 (U+016E Ů): only a pin can tell.
        let bytes: [UInt8] = [0xC5, 0xAE]
        XCTAssertEqual(try TextDecoding.decode(bytes).text, "\u{016E}")
        XCTAssertEqual(try TextDecoding.decode(bytes, pinned: .gb18030), DecodedText(text: "女", encoding: .gb18030, hadBOM: false))
    }

    func testPinnedGB18030RejectsUTF8BOMAndInvalidBytes() throws {
        let bom = try XCTUnwrap(decodingError([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8), pinned: .gb18030))
        XCTAssertEqual(bom.line, 1)
        XCTAssertTrue(bom.message.contains("utf-8"), bom.message)

        let bad = try XCTUnwrap(decodingError(Array("a,b\r\n1,2\r\n3,".utf8) + [0xFF], pinned: .gb18030))
        XCTAssertEqual(bad.line, 3)
        XCTAssertTrue(bad.message.contains("GB18030"), bad.message)
    }

    // MARK: Undecodable files

    func testInvalidBytesReportTheirLine() throws {
        // LF, CRLF and a lone CR each end a line; the bad byte is on line 4.
        let bytes = Array("a,b\n1,2\r\n3,4\rx".utf8) + [0xFF] + Array("y\n".utf8)
        let error = try XCTUnwrap(decodingError(bytes))
        XCTAssertEqual(error.line, 4)
        XCTAssertTrue(error.message.contains("neither valid UTF-8 nor GB18030"), error.message)
        XCTAssertTrue(error.message.contains("CSV UTF-8"), error.message)
    }

    func testMostlyGB18030FileReportsTheGB18030Failure() throws {
        // Chinese GB18030 text makes UTF-8 fail on line 1; GB18030 itself fails on line 3.
        let bytes = try TextDecoding.encode("人员编号,姓名\nA001,张三\n", as: .gb18030) + Array("A002,".utf8) + [0x80, 0x0A]
        XCTAssertEqual(try XCTUnwrap(decodingError(bytes)).line, 3)
    }

    func testMostlyUTF8FileReportsTheUTF8Failure() throws {
        // A UTF-8 file with a sequence cut short on line 4.
        let bytes = Array("人员编号,姓名\nA001,张三\nA002,李四\nA003,王".utf8) + [0xE4, 0xBA] + Array("\n".utf8)
        XCTAssertEqual(try XCTUnwrap(decodingError(bytes)).line, 4)
    }

    func testUTF8BOMFileIsNotReadAsGB18030() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\nb\n".utf8) + [0xC4, 0xD0, 0x0A]
        let error = try XCTUnwrap(decodingError(bytes))
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(error.message.contains("byte-order mark"), error.message)
    }

    func testUTF8IsValidatedStrictly() throws {
        // Overlong encodings, surrogates and code points above U+10FFFF are not UTF-8.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5]] {
            XCTAssertThrowsError(try TextDecoding.decode(Array("x\n".utf8) + bad, pinned: .utf8)) { error in
                XCTAssertEqual((error as? RotationIO.DecodingError)?.line, 2)
            }
        }
    }

    func testUTF16AndWorkbooksAreRejected() throws {
        let utf16 = try XCTUnwrap(decodingError([0xFF, 0xFE, 0x61, 0x00]))
        XCTAssertEqual(utf16.line, 1)
        XCTAssertTrue(utf16.message.contains("UTF-16"), utf16.message)
        let xlsx = try XCTUnwrap(decodingError([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]))
        XCTAssertTrue(xlsx.message.contains("Excel workbook"), xlsx.message)
    }

    // MARK: Encoding names

    func testEncodingNames() {
        for name in ["utf-8", "UTF-8", "utf8", "UTF8", "UTF-8-BOM", "utf_8", " utf-8-sig "] {
            XCTAssertEqual(TextEncoding(name: name), .utf8, name)
        }
        for name in ["gb18030", "GB18030", "gbk", "GBK", "gb2312", "GB2312", "cp936", "GB-18030"] {
            XCTAssertEqual(TextEncoding(name: name), .gb18030, name)
        }
        for name in ["", "latin1", "utf-16", "big5", "ascii"] {
            XCTAssertNil(TextEncoding(name: name), name)
        }
        XCTAssertEqual(TextEncoding.utf8.rawValue, "utf-8")
        XCTAssertEqual(TextEncoding.gb18030.rawValue, "gb18030")
        for name in TextEncoding.acceptedNames {
            XCTAssertNotNil(TextEncoding(name: name), name)
        }
    }
}
