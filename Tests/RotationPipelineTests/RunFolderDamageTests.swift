// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import RotationIO
import RotationPipeline
import XCTest

/// A damaged run folder is a `ReadError` naming the file and the key — never a crash, never a
/// silently wrong number.
final class RunFolderDamageTests: XCTestCase {
    var folder: URL!
    var run: URL { folder.appendingPathComponent("run") }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-damage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let solved = try Pipeline.solve(try Pipeline.load(RunRoundTripTests.sample), Pipeline.Options())
        try AtomicFolder.write(RunFolder.files(of: solved.run).map { ($0.name, Array($0.contents.utf8)) }, to: run, kind: .run)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Replaces the first occurrence of `old` in `file` and expects reading to fail with `message`.
    func assertDamage(_ file: String, _ old: String, _ new: String, says message: String, line: UInt = #line) throws {
        let url = run.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let range = try XCTUnwrap(text.range(of: old), "no \(old) in \(file)", line: line)
        try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
        defer { try? text.write(to: url, atomically: true, encoding: .utf8) }
        XCTAssertThrowsError(try RunFolder.read(run), line: line) { error in
            let error = error as? RunFolder.ReadError
            XCTAssertNotNil(error, line: line)
            XCTAssertTrue(error?.description.contains(message) ?? false, "\(String(describing: error)) should say \(message)", line: line)
        }
    }

    func testHugeOrImpreciseScoresAreRefused() throws {
        try assertDamage("result.json", "\"score\": 76.00", "\"score\": 1e300", says: "shortlist[0].score: expected a score such as 86.40")
        try assertDamage("result.json", "\"score\": 76.00", "\"score\": 176.00", says: "176.00 is not a score from 0 to 100")
        try assertDamage("result.json", "\"score\": 76.00", "\"score\": 76.005", says: "at most 2 decimals")
    }

    func testOutOfRangeSettingsAreRefused() throws {
        try assertDamage("result.json", "\"score_decimals\": 2", "\"score_decimals\": 19", says: "score_decimals: 19 is out of range (0…2)")
        try assertDamage("result.json", "\"score_decimals\": 2", "\"score_decimals\": 1", says: "score_decimals: 1 differs from audit.json's rules (2)")
        try assertDamage("audit.json", "\"score_decimals\": 2", "\"score_decimals\": 19", says: "rules.score_decimals: 19 is out of range (0…2)")
        try assertDamage("result.json", "\"rank\": 1", "\"rank\": 99999999999999999999", says: "rank: expected a whole number")
    }

    func testUnknownCodesAndBrokenJSONAreNamed() throws {
        try assertDamage("result.json", "\"role\": \"proposed\"", "\"role\": \"boss\"", says: "role: unknown value \"boss\"")
        try assertDamage("result.json", "\"phase\": \"transfer\"", "\"phase\": \"teleport\"", says: "unknown objective level teleport.due_placed")
        try assertDamage("result.json", "{", "{{", says: "result.json:1: not valid JSON")
        try assertDamage("audit.json", "\"tool\"", "\"tool\": 1, \"tool\"", says: "appears twice")
    }

    func testMissingFilesAreNamed() throws {
        try FileManager.default.removeItem(at: run.appendingPathComponent("ties.csv"))
        XCTAssertThrowsError(try RunFolder.read(run)) { error in
            XCTAssertTrue("\(error)".contains("ties.csv: missing"), "\(error)")
        }
    }
}
