// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest

/// End-to-end: `rotation tally` on the sample's ballots gives the sample's evaluations.csv, and
/// solving with it gives the sample's run; bad ballots are refused with nothing written.
final class BallotTallyCommandTests: XCTestCase {
    static let ballots = CLI.sample.appendingPathComponent("ballots")

    func testTallyReproducesTheSampleAndSolvingWithItGivesTheSameRun() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("tally/evaluations.csv")
        let report = folder.appendingPathComponent("tally/计票结果.html")
        let result = try CLI.run(["tally", Self.ballots.path, "--scenario", CLI.sample.path, "--out", out.path, "--report", report.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("废票 11 张"), result.stdout)
        XCTAssertEqual(try Data(contentsOf: out), try Data(contentsOf: CLI.sample.appendingPathComponent("evaluations.csv")))
        let json = try CLI.read(folder.appendingPathComponent("tally/tally.json"))
        XCTAssertTrue(json.contains("\"rule\": \"T-GOOD\""))
        let html = try CLI.read(report)
        for text in ["计票结果", "监票人（签字）", "计票人（签字）", "否（测评无效）", "T-POOR", "P-MZJ-"] {
            XCTAssertTrue(html.contains(text), "the report lacks \(text)")
        }

        // The scenario with the tallied evaluations.csv solves to the sample's run, file by file.
        let scenario = try CLI.copyOfSample(into: folder)
        try FileManager.default.removeItem(at: scenario.appendingPathComponent("evaluations.csv"))
        try FileManager.default.copyItem(at: out, to: scenario.appendingPathComponent("evaluations.csv"))
        let run = folder.appendingPathComponent("run")
        XCTAssertEqual(try CLI.run(["solve", scenario.path, "--out", run.path]).status, 0)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/fenghua-2017")
        for name in SolveCommandTests.runFiles {
            var actual = try CLI.read(run.appendingPathComponent(name))
            if name == "audit.json" { actual = SolveCommandTests.withoutVersionLines(actual) }
            XCTAssertEqual(actual, try CLI.read(golden.appendingPathComponent(name)), "\(name) differs from the sample's run")
        }
    }

    func testEnglishHeadersWithLang() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("evaluations.csv")
        let result = try CLI.run(["tally", Self.ballots.path, "--scenario", CLI.sample.path, "--out", out.path, "--lang", "en"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("(11 void)"), result.stdout)
        XCTAssertTrue(String(decoding: try Data(contentsOf: out), as: UTF8.self).hasPrefix("\u{FEFF}cadre_id,due,took_part,good,fairly_good,average,poor,confirmed_poor,moral,moral_confirmed\nFH001,42,40,6,25,4,2,no,good,no\n"))
    }

    func testBadBallotsListEveryProblemAndWriteNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ballots = folder.appendingPathComponent("ballots")
        try FileManager.default.copyItem(at: Self.ballots, to: ballots)
        let performance = ballots.appendingPathComponent("performance.csv")
        var lines = try CLI.read(performance).components(separatedBy: "\n")
        lines[1] = lines[1].replacingOccurrences(of: "FH001", with: "FH999")
        lines[2] = lines[2].replacingOccurrences(of: ",较好,", with: ",很好,")
        try CLI.write(lines.joined(separator: "\n"), to: performance)
        try CLI.write("单位代码,应参加人数\nMZJ,42\n", to: ballots.appendingPathComponent("meetings.csv"))
        let out = folder.appendingPathComponent("out/evaluations.csv")
        let result = try CLI.run(["tally", ballots.path, "--scenario", CLI.sample.path, "--out", out.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("performance.csv:2: 人员编号: 未知人员编号“FH999”（不在 cadres.csv 中）"), result.stderr)
        XCTAssertTrue(result.stderr.contains("performance.csv:3: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("单位 RSJ 有选票，但 meetings.csv 中没有该单位的测评会议"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing written")
    }

    func testNeverOverwritesTheScenariosOwnEvaluations() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CLI.copyOfSample(into: folder)
        let target = scenario.appendingPathComponent("evaluations.csv")
        let before = try Data(contentsOf: target)
        let result = try CLI.run(["tally", Self.ballots.path, "--scenario", scenario.path, "--out", target.path])
        XCTAssertEqual(result.status, 2, result.stdout)
        XCTAssertTrue(result.stderr.contains("is an input of the scenario"), result.stderr)
        XCTAssertEqual(try Data(contentsOf: target), before)
    }
}
