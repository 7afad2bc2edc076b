// SPDX-License-Identifier: GPL-3.0-or-later
import RotationIO
import XCTest

/// The JSON reader behind `RunFolder.read`: numbers kept exactly as written, strict syntax, bounded depth.
final class JSONParserTests: XCTestCase {
    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    func testNumbersKeepTheirText() throws {
        let value = try parse(#"{"score": 59.95, "rank": 1, "big": 99999999999999999999, "exp": -1.5e3}"#)
        XCTAssertEqual(value["score"]?.numberText, "59.95")
        XCTAssertEqual(value["rank"]?.numberText, "1")
        XCTAssertEqual(value["big"]?.numberText, "99999999999999999999", "never rounded through a Double")
        XCTAssertEqual(value["exp"]?.numberText, "-1.5e3")
    }

    func testStringsAndEscapes() throws {
        let value = try parse(#"["奉化", "a\"b\\c\/d\n", "\u00e9\ud83d\ude00", "\u0000"]"#)
        XCTAssertEqual(value, .array([.string("奉化"), .string("a\"b\\c/d\n"), .string("é😀"), .string("\u{0}")]))
    }

    func testRoundTripOfRenderedValues() throws {
        let value: JSONValue = .object([("a", .array([1, 2, .null, true])), ("b", .object([("c", "文字\t\u{1B}")])), ("d", .number("60.00"))])
        XCTAssertEqual(try parse(value.rendered()), value)
    }

    func testOrderOfKeysIsKept() throws {
        guard case .object(let members) = try parse(#"{"z": 1, "a": 2, "m": 3}"#) else { return XCTFail() }
        XCTAssertEqual(members.map(\.0), ["z", "a", "m"])
    }

    func testMalformedTextIsRefusedWithItsLine() {
        let cases: [(String, String, Int)] = [
            ("{\"a\": 1,}", "expected a key in quotes", 1),
            ("{\"a\": 1, \"a\": 2}", "key \"a\" appears twice", 1),
            ("[1,\n2,\n03]", "a number may not start with 0", 3),
            ("[1.]", "a number needs digits after '.'", 1),
            ("\"open", "a string is not closed", 1),
            ("\"tab\there\"", "a control character inside a string", 1),
            ("[\"\\ud800\"]", "a lone surrogate", 1),
            ("nul", "unexpected character", 1),
            ("{} {}", "unexpected text after the JSON value", 1),
            ("", "unexpected end of the text", 1),
        ]
        for (text, message, line) in cases {
            XCTAssertThrowsError(try parse(text), text) { error in
                let failure = error as? JSONParser.Failure
                XCTAssertEqual(failure?.line, line, text)
                XCTAssertTrue(failure?.message.hasPrefix(message) ?? false, "\(text): \(String(describing: failure))")
            }
        }
    }

    func testDepthIsBoundedBeforeAnythingExplodes() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try parse(deep)) { error in
            XCTAssertTrue("\(error)".contains("nested more than 64 deep"), "\(error)")
        }
        let fine = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        XCTAssertNoThrow(try parse(fine))
    }

    func testInvalidUTF8IsRefused() {
        XCTAssertThrowsError(try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22])) { error in
            XCTAssertTrue("\(error)".contains("not UTF-8"), "\(error)")
        }
    }
}
