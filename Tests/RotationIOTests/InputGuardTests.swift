// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
@testable import RotationIO
import XCTest

/// Hostile and broken input (issue 13, items 3, 7 and 9): scenario.yaml guarded before Yams expands
/// anything, problems at their real line and column, inputs that are not plain files, terminal escapes.
final class InputGuardTests: XCTestCase {
    static let yaml = "name: test\nreference_date: 2017-10\nmode: competition\nlanguage: zh\ntransfer:\n  enabled: true\nsolver:\n  mip_gap: 0\n"

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-guard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, contents) in ScenarioLoaderTests.base { try Data(contents.utf8).write(to: folder.appendingPathComponent(name)) }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// Every problem printed for the folder (errors and warnings), or [] if it loads.
    func printed(yaml: String? = nil) throws -> [String] {
        if let yaml { try Data(yaml.utf8).write(to: folder.appendingPathComponent("scenario.yaml")) }
        do {
            let loaded = try ScenarioLoader.load(folder: folder)
            return loaded.warnings.map(\.description)
        } catch let errors as InputErrors {
            return errors.problems.map(\.description)
        }
    }

    // MARK: Item 3: an alias chain expands exponentially

    /// 1.3 KB: a chain of alias lists whose last alias is a mapping key (each level ×9).
    static var aliasBomb: String {
        var lines = ["name: test", "reference_date: 2017-10", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...7 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]") }
        lines.append("k:\n  ? *a7\n  : 1")
        return lines.joined(separator: "\n") + "\n"
    }

    func testAnAliasChainIsRefusedBeforeAnythingExpands() throws {
        let started = Date()
        let found = try printed(yaml: Self.aliasBomb)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "the guard must not expand the aliases (it took minutes before)")
        XCTAssertEqual(found.first, "scenario.yaml:3: column 5: YAML anchors and aliases (&a0) are not accepted; write the value out")
        XCTAssertTrue(found.contains("scenario.yaml:4: column 10: YAML anchors and aliases (*a0) are not accepted; write the value out"), "\(found)")
        XCTAssertFalse(found.contains { $0.contains("unknown key") }, "nothing past the guard is read: \(found)")
    }

    func testEveryAnchorAndAliasIsRefusedEvenAHarmlessOne() throws {
        XCTAssertEqual(try printed(yaml: "name: &n test\nreference_date: 2017-10\n"),
                       ["scenario.yaml:1: column 7: YAML anchors and aliases (&n) are not accepted; write the value out"])
        XCTAssertEqual(YAMLGuard.problems(in: "a: 1\nb: *x\n", file: "s.yaml").map(\.description).first?.hasPrefix("s.yaml:2: "), true)
    }

    func testSizeDepthAndComplexKeysAreBounded() {
        let big = String(repeating: "# comment\n", count: YAMLGuard.maxBytes / 10 + 1)
        XCTAssertEqual(YAMLGuard.problems(in: big, file: "s.yaml").map(\.description),
                       ["s.yaml:1: the file has \(big.utf8.count) bytes, more than the limit of \(YAMLGuard.maxBytes); a scenario's settings take a few thousand: check that this is the right file"])
        let deep = "a: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
        XCTAssertEqual(YAMLGuard.problems(in: deep, file: "s.yaml").map(\.description),
                       ["s.yaml:1: nested more than 32 levels deep; a scenario's settings use 3"])
        let wide = "a: [" + Array(repeating: "1", count: YAMLGuard.maxEvents).joined(separator: ",") + "]\n"
        XCTAssertEqual(YAMLGuard.problems(in: wide, file: "s.yaml").first?.message,
                       "more than 100000 values, far more than a scenario's settings hold; check that this is the right file")
        XCTAssertEqual(YAMLGuard.problems(in: "? [a, b]\n: 1\n", file: "s.yaml").map(\.description),
                       ["s.yaml:1: column 3: a key must be a plain name such as `mode:`"])
        XCTAssertEqual(YAMLGuard.problems(in: Self.yaml, file: "s.yaml"), [], "a real scenario passes")
    }

    // MARK: Item 9: messages at the real position

    func testADuplicateKeyIsReportedAtItsLineWithoutDumpingTheFile() throws {
        let found = try printed(yaml: Self.yaml + "mode: preferences\n")
        XCTAssertEqual(found, ["scenario.yaml:9: mode: this key is given twice (first on line 3); delete one of them"])
        XCTAssertEqual(try printed(yaml: "name: t\nreference_date: 2017-10\nsolver:\n  mip_gap: 0\n  mip_gap: 1\n"),
                       ["scenario.yaml:5: mip_gap: this key is given twice (first on line 4); delete one of them"])
    }

    func testANulByteIsReportedAtItsLineAndColumn() throws {
        var lines = Self.yaml.components(separatedBy: "\n")
        lines[6] = "sol\u{0}ver:"
        XCTAssertEqual(try printed(yaml: lines.joined(separator: "\n")),
                       ["scenario.yaml:7: column 4: control character \\u{0}, which YAML does not allow; delete it (it often comes with copy and paste)"])
        XCTAssertEqual(YAMLGuard.problems(in: "a: 1\r\nb: \u{1B}[2J\n", file: "s.yaml").map(\.description),
                       ["s.yaml:2: column 4: control character \\u{1B}, which YAML does not allow; delete it (it often comes with copy and paste)"])
    }

    func testAnInvalidReferenceDateGivesNoFalseUnknownKeyWarnings() throws {
        let found = try printed(yaml: Self.yaml.replacingOccurrences(of: "2017-10", with: "2017-13"))
        XCTAssertEqual(found, ["scenario.yaml:2: reference_date: \"2017-13\" is not a month (write 2017-10)"])
        let date = try printed(yaml: Self.yaml.replacingOccurrences(of: "2017-10", with: "2017-02-31"))
        XCTAssertEqual(date, ["scenario.yaml:2: reference_date: \"2017-02-31\" is not a date: 2017-02 has 28 days"])
        XCTAssertEqual(try printed(yaml: Self.yaml + "colour: red\n"), ["scenario.yaml:9: colour: unknown key (check its spelling against the documented settings)"],
                       "a real unknown key is still reported")
    }

    func testASyntaxErrorIsReportedAtItsLineAndColumn() throws {
        XCTAssertEqual(try printed(yaml: "name: t\nreference_date: 2017-10\nmode: [a\n"),
                       ["scenario.yaml:4: column 1: not valid YAML: did not find expected ',' or ']'; check the colons, indentation and quotes"])
    }

    // MARK: Item 9: a fifo or a device is not "permission"

    func testAFifoIsRefusedAsAPipeWithoutBlocking() throws {
        let units = folder.appendingPathComponent("units.csv")
        try FileManager.default.removeItem(at: units)
        XCTAssertEqual(mkfifo(units.path, 0o644), 0)
        let found = try printed()
        XCTAssertEqual(found.first, "units.csv:0: this is a pipe (fifo), not a plain file; give a file saved on disk")
    }

    func testALinkToADeviceIsRefusedAsADevice() throws {
        let yaml = folder.appendingPathComponent("scenario.yaml")
        try FileManager.default.removeItem(at: yaml)
        try FileManager.default.createSymbolicLink(atPath: yaml.path, withDestinationPath: "/dev/zero")
        XCTAssertEqual(try printed(), ["scenario.yaml:0: this is a device, not a plain file; give a file saved on disk"])
    }

    func testAFileAboveTheLimitIsRefusedBeforeItIsRead() throws {
        let url = folder.appendingPathComponent("units.csv")
        guard case .failure(let problem) = InputFile.read(url, limit: 10) else { return XCTFail("read past the limit") }
        XCTAssertEqual(problem.text.text.en, "the file has \(ScenarioLoaderTests.base["units.csv"]!.utf8.count) bytes, more than the limit of 10; check that this is the right file")
        XCTAssertEqual(try InputFile.read(url).get(), Array(ScenarioLoaderTests.base["units.csv"]!.utf8))
    }

    // MARK: Item 7: terminal escapes

    func testControlCharactersInValuesAreShownEscapedInProblems() throws {
        let cadres = ScenarioLoaderTests.base["cadres.csv"]!.replacingOccurrences(of: "C1,张三,M,", with: "C1,张三,\u{1B}[31mM\u{7},")
        try Data(cadres.utf8).write(to: folder.appendingPathComponent("cadres.csv"))
        let found = try printed()
        let line = try XCTUnwrap(found.first { $0.hasPrefix("cadres.csv:2: gender:") })
        XCTAssertTrue(line.contains("\\u{1B}[31mM\\u{7}"), line)
        XCTAssertFalse(found.joined().unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control character")
    }

    // MARK: Found by fuzzing (`make fuzz`), each a regression test

    /// settings: `1900...reference.year` trapped for a reference date before 1900 (found by the settings fuzzer).
    func testFuzzAssessmentYearsWithAReferenceDateBefore1900DoNotTrap() throws {
        let found = try printed(yaml: "name: x\nreference_date: 1291-10\nrules:\n  assessment_years: [2014, 2016]\n")
        XCTAssertEqual(found, ["scenario.yaml:2: reference_date: 1291-10 is before 1900, not a usable reference date; write the real month, e.g. 2017-10"])
    }

    /// xlsx: ZIPFoundation trapped reading a damaged archive in memory (a record past the end;
    /// found by the xlsx fuzzer). Now a refused workbook, and every truncation of a real one too.
    func testFuzzADamagedWorkbookIsRefusedNotATrap() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx")
        let crash = Array(try Data(contentsOf: fixtures.appendingPathComponent("fuzz-crash-zip-past-end.xlsx")))
        XCTAssertThrowsError(try XLSXWorkbook(bytes: crash))
        let real = Array(try Data(contentsOf: fixtures.appendingPathComponent("inline.xlsx")))
        XCTAssertNoThrow(try XLSXWorkbook(bytes: real))
        for cut in stride(from: 4, to: real.count, by: max(1, real.count / 200)) {
            _ = try? XLSXWorkbook(bytes: Array(real[..<cut]))          // must not trap
            var damaged = real
            damaged[cut] ^= 0xFF
            _ = try? XLSXWorkbook(bytes: damaged)
        }
    }

    /// xlsx: two workbooks on which reading never ended (ZIPFoundation's inflate loop on a deflate
    /// stream cut short; a part declaring a size far beyond its data) — found by the xlsx fuzzer.
    func testFuzzWorkbooksThatHungAreRefusedAtOnce() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx")
        for name in ["fuzz-hang-deflate-cut-short.xlsx", "fuzz-hang-huge-declared-size.xlsx"] {
            let bytes = Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
            let started = Date()
            XCTAssertThrowsError(try XLSXWorkbook(bytes: bytes), name)
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, name)
        }
    }
}
