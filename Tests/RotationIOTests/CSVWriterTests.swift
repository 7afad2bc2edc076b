// SPDX-License-Identifier: GPL-3.0-or-later
import RotationIO
import XCTest

/// The one CSV writer: BOM, RFC 4180 quoting, formula guard, and a guard its readers can undo.
final class CSVWriterTests: XCTestCase {
    func testBOMQuotingAndFormulaGuard() {
        let csv = CSVWriter.render(header: ["id", "name", "score"], numbers: ["score"],
                                   rows: [["1", "=1+2", "-3"], ["2", "张三, 李四", "85.50"], ["3", "-3", "+1"], ["4", "@x", "=A1"]])
        XCTAssertEqual(csv, "\u{FEFF}id,name,score\n1,'=1+2,-3\n2,\"张三, 李四\",85.50\n3,'-3,+1\n4,'@x,'=A1\n")
        XCTAssertEqual(CSVWriter.render(header: ["a"], rows: [["x"]], lineEnd: "\r\n"), "\u{FEFF}a\r\nx\r\n")
    }

    func testEveryGuardedCharacterAndTheUndo() throws {
        for text in ["=1+2", "+1", "-2", "@SUM(A1)", "\tTAB", "\rCR", "'quoted", "''", "'=x", "王振宇", "", "85.33", "a=b"] {
            let guarded = CSVWriter.guardFormula(text)
            if let first = text.unicodeScalars.first, "=+-@\t\r'".unicodeScalars.contains(first) {
                XCTAssertEqual(guarded, "'" + text, text.debugDescription)
            } else {
                XCTAssertEqual(guarded, text, text.debugDescription)
            }
            XCTAssertEqual(CSVWriter.unguard(guarded), text, "unguard gives back \(text.debugDescription)")
            // Through the file and the parser, as the run-folder reader reads it.
            let table = try CSVParser.parse(String(CSVWriter.render(header: ["v"], rows: [[text, "end"]]).dropFirst()))
            XCTAssertEqual(table.records.first.map { CSVWriter.unguard($0.fields[0]) }, text, text.debugDescription)
        }
    }
}
