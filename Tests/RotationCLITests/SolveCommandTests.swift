// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest

/// End-to-end tests of `rotation solve` on the sample scenario: golden run folder, determinism,
/// bad input, pre-interview stage.
final class SolveCommandTests: XCTestCase {
    static let runFiles = ["shortlist.csv", "withdrawn.csv", "ties.csv", "placements.csv", "eligibility.csv",
                           "rotation_due.csv", "quota.csv", "result.json", "audit.json", ".rotation-manifest.json"]

    /// The sample's run folder equals the golden one, file by file (UPDATE_GOLDEN=1 rewrites it).
    func testSampleRunMatchesGolden() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("run")
        let result = try CLI.run(["solve", CLI.sample.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("：求解状态为“最优”"), result.stdout)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/fenghua-2017")
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        if update { try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true) }
        for name in Self.runFiles {
            // Bytes, not CLI.read: String(contentsOf:) would drop a CSV's byte-order mark.
            var actual = String(decoding: try Data(contentsOf: out.appendingPathComponent(name)), as: UTF8.self)
            if name == "audit.json" { actual = Self.withoutVersionLines(actual) }
            let goldenFile = golden.appendingPathComponent(name)
            if update { try Data(actual.utf8).write(to: goldenFile) }
            let expected = String(decoding: try Data(contentsOf: goldenFile), as: UTF8.self)
            XCTAssertEqual(actual, expected, "\(name) differs from Golden/fenghua-2017/\(name); rerun with UPDATE_GOLDEN=1 only if the change is intended")
        }
    }

    /// audit.json names the GLPK version: keep goldens independent of it.
    static func withoutVersionLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"glpk_version\"") && !$0.contains("\"backend\"") }
            .joined(separator: "\n")
    }

    func testSolvingTwiceGivesIdenticalBytes() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a")
        let second = folder.appendingPathComponent("b")
        XCTAssertEqual(try CLI.run(["solve", CLI.sample.path, "--out", first.path]).status, 0)
        XCTAssertEqual(try CLI.run(["solve", CLI.sample.path, "--out", second.path]).status, 0)
        for name in Self.runFiles {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            XCTAssertEqual(a, b, "\(name) differs between two runs")
        }
        // Solving again into an existing run folder replaces it.
        XCTAssertEqual(try CLI.run(["solve", CLI.sample.path, "--out", first.path]).status, 0)
    }

    func testBrokenScenarioListsEveryProblemAndWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CLI.copyOfSample(into: folder)
        let cadres = scenario.appendingPathComponent("cadres.csv")
        var lines = try CLI.read(cadres).components(separatedBy: "\n")
        lines[1] = lines[1].replacingOccurrences(of: "男", with: "X").replacingOccurrences(of: "女", with: "X")
        lines[2] = lines[2].replacingOccurrences(of: "本科", with: "小学").replacingOccurrences(of: "大专", with: "小学")
        try CLI.write(lines.joined(separator: "\n"), to: cadres)
        try FileManager.default.removeItem(at: scenario.appendingPathComponent("units.csv"))
        let out = folder.appendingPathComponent("run")
        let result = try CLI.run(["solve", scenario.path, "--out", out.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("units.csv:0: 缺少必需的文件"), result.stderr)
        XCTAssertTrue(result.stderr.contains("cadres.csv:2: 性别:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("cadres.csv:3: 学历:"), result.stderr)
        // units.csv missing: no reference to a unit is reported as a second problem.
        XCTAssertFalse(result.stderr.contains("未知单位代码"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "a run folder was written despite bad input")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "temporary files left behind")
    }

    func testPreInterviewStageWithoutInterviews() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CLI.copyOfSample(into: folder)
        try FileManager.default.removeItem(at: scenario.appendingPathComponent("interviews.csv"))
        let out = folder.appendingPathComponent("run")
        let result = try CLI.run(["solve", scenario.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("result.json"))) as! [String: Any]
        XCTAssertEqual(json["stage"] as? String, "pre-interview")
        XCTAssertEqual(json["status"] as? String, "optimal")
        XCTAssertEqual((json["positions_awaiting_interview"] as? [String])?.count, 12)
        XCTAssertEqual(try CLI.read(out.appendingPathComponent("shortlist.csv")).components(separatedBy: "\n").filter { !$0.isEmpty }.count, 1)
        XCTAssertEqual(try CLI.read(out.appendingPathComponent("placements.csv")).components(separatedBy: "\n").filter { !$0.isEmpty }.count, 1)
        let withdrawn = try CLI.read(out.appendingPathComponent("withdrawn.csv"))
        XCTAssertTrue(withdrawn.contains("ZJJ-02,C-MIN2"), withdrawn)
        let eligibility = try CLI.read(out.appendingPathComponent("eligibility.csv"))
        XCTAssertFalse(eligibility.contains("C-PASS"))
        XCTAssertFalse(eligibility.contains("C-JUDGES"))
    }

    func testTimeLimitOptionIsValidated() throws {
        let result = try CLI.run(["solve", CLI.sample.path, "--out", "/tmp/never", "--time-limit", "-1"])
        XCTAssertEqual(result.status, 2, "usage errors exit 2")
        XCTAssertTrue(result.stderr.contains("--time-limit"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never"))
    }

    func testExportModelWritesCplexLP() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let models = folder.appendingPathComponent("models")
        let result = try CLI.run(["solve", CLI.sample.path, "--out", folder.appendingPathComponent("run").path,
                                  "--export-model", models.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: models.path).sorted()
        XCTAssertTrue(files.contains("shortlist_c1_positions_competed.lp"), "\(files)")
        XCTAssertTrue(files.contains("transfer_c1_fit.lp"), "\(files)")
        let text = try CLI.read(models.appendingPathComponent("shortlist_c1_scores.lp"))
        XCTAssertTrue(text.contains("Maximize"), text)
        XCTAssertTrue(text.contains("level_positions_competed"), text)
    }

    /// place_all_due that cannot hold: exit 4, a Hall violator named, the rest of the run written.
    func testPlaceAllDueInfeasibleExitsFourAndNamesTheConflict() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CLI.copyOfSample(into: folder)
        let yaml = scenario.appendingPathComponent("scenario.yaml")
        try CLI.write(try CLI.read(yaml).replacingOccurrences(of: "place_all_due: false", with: "place_all_due: true"), to: yaml)
        let out = folder.appendingPathComponent("run")
        let result = try CLI.run(["solve", scenario.path, "--out", out.path])
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertTrue(result.stdout.contains("到期交流人员无法全部安排（`place_all_due` 不能满足）：2 名到期人员只有 1 个可去的空缺职位"), result.stdout)
        let english = try CLI.run(["solve", scenario.path, "--out", out.path, "--lang", "en"])
        XCTAssertEqual(english.status, 4, english.stderr)
        XCTAssertTrue(english.stdout.contains("place_all_due is infeasible (hall)"), english.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("result.json"))) as! [String: Any]
        XCTAssertEqual(json["status"] as? String, "infeasible")
        let conflict = try XCTUnwrap(json["infeasible"] as? [String: Any])
        XCTAssertEqual(conflict["reason"] as? String, "hall")
        let cadres = try XCTUnwrap(conflict["cadres"] as? [String])
        let vacancies = try XCTUnwrap(conflict["vacancies"] as? [String])
        XCTAssertLessThan(vacancies.count, cadres.count)
        XCTAssertEqual(cadres, ["FH028", "FH047"])
        let placements = try CLI.read(out.appendingPathComponent("placements.csv"))
        XCTAssertFalse(placements.contains(",transfer,"), "transfer placements written despite infeasibility")
        XCTAssertTrue(placements.contains(",competition,"))
    }

    /// --baseline keeps an earlier run's pairs and says how many changed.
    func testBaselineReportsPairsKept() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appendingPathComponent("base")
        XCTAssertEqual(try CLI.run(["solve", CLI.sample.path, "--out", base.path]).status, 0)
        let again = try CLI.run(["solve", CLI.sample.path, "--out", folder.appendingPathComponent("again").path, "--baseline", base.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("基准方案：23 个考察对象和组织调动安排中沿用 23 个，变动 0 个"), again.stdout)
        let missing = try CLI.run(["solve", CLI.sample.path, "--out", folder.appendingPathComponent("x").path, "--baseline", folder.path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("`--baseline` 须为 `rotation solve` 写出的运行结果文件夹") && missing.stderr.contains("result.json"), missing.stderr)
    }

    /// A folder that is not an earlier run is never replaced.
    func testRefusesToReplaceAFolderThatIsNotARun() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.write("keep me", to: folder.appendingPathComponent("notes.txt"))
        let result = try CLI.run(["solve", CLI.sample.path, "--out", folder.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("不是 rotation 写出的运行结果文件夹") && result.stderr.contains("`notes.txt`"), result.stderr)
        let english = try CLI.run(["solve", CLI.sample.path, "--out", folder.path, "--lang", "en"])
        XCTAssertTrue(english.stderr.contains("is not a run folder written by rotation"), english.stderr)
        XCTAssertEqual(try CLI.read(folder.appendingPathComponent("notes.txt")), "keep me")
    }

    /// The sample saved as GB18030 (what Chinese Excel writes) solves to the same run.
    func testGB18030CopyOfTheSampleGivesTheSameRun() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CLI.copyOfSample(into: folder)
        for name in try FileManager.default.contentsOfDirectory(atPath: scenario.path) where name.hasSuffix(".csv") {
            let url = scenario.appendingPathComponent(name)
            let converter = Process()
            converter.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
            converter.arguments = ["-f", "UTF-8", "-t", "GB18030", url.path]
            let pipe = Pipe()
            converter.standardOutput = pipe
            try converter.run()
            let bytes = pipe.fileHandleForReading.readDataToEndOfFile()
            converter.waitUntilExit()
            XCTAssertEqual(converter.terminationStatus, 0)
            try bytes.write(to: url)
        }
        let utf8Run = folder.appendingPathComponent("utf8")
        let gbRun = folder.appendingPathComponent("gb")
        XCTAssertEqual(try CLI.run(["solve", CLI.sample.path, "--out", utf8Run.path]).status, 0)
        let result = try CLI.run(["solve", scenario.path, "--out", gbRun.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        for name in Self.runFiles where name != "audit.json" {
            XCTAssertEqual(try CLI.read(utf8Run.appendingPathComponent(name)), try CLI.read(gbRun.appendingPathComponent(name)), name)
        }
        XCTAssertTrue(try CLI.read(gbRun.appendingPathComponent("audit.json")).contains("\"encoding\": \"gb18030\""))
    }

    func testMissingOutIsAUsageErrorWithExitTwo() throws {
        let result = try CLI.run(["solve", CLI.sample.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--out"), result.stderr)
    }
}
