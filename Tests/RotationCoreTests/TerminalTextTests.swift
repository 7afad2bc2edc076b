// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

/// ESC, BEL and NUL from a file never reach the terminal raw (issue 13, item 7).
final class TerminalTextTests: XCTestCase {
    func testControlCharactersAreEscapedAndLayoutIsKept() {
        XCTAssertEqual(TerminalText.safe("俞\u{1B}[31m建\u{7}国\u{0}\n\tok\r\n"), "俞\\u{1B}[31m建\\u{7}国\\u{0}\n\tok\r\n")
        XCTAssertEqual(TerminalText.safe("a\rb"), "a\\u{D}b", "a lone carriage return would overwrite the line")
        XCTAssertEqual(TerminalText.safe("\u{9B}2J \u{202E}evil"), "\\u{9B}2J \\u{202E}evil", "C1 CSI and bidi overrides too")
        XCTAssertEqual(TerminalText.escaped("a\tb\nc"), "a\\u{9}b\\u{A}c", "inside a message even line breaks are escaped")
    }

    func testPlainTextIsUnchanged() {
        let text = "FH001 张三 — 适配度 86.40\n"
        XCTAssertEqual(TerminalText.safe(text), text)
        XCTAssertEqual(TerminalText.escaped("张三"), "张三")
    }
}
