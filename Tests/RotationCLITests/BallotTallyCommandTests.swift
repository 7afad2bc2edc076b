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

    func testAFolderWhereTallyJSONGoesWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tally.json"), withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("evaluations.csv")
        let result = try CLI.run(["tally", Self.ballots.path, "--scenario", CLI.sample.path, "--out", out.path])
        XCTAssertEqual(result.status, 2, result.stdout)
        XCTAssertTrue(result.stderr.contains("tally.json 是文件夹"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written")
    }

    func testNeverOverwritesTheScenariosOwnEvaluations() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CLI.copyOfSample(into: folder)
        let target = scenario.appendingPathComponent("evaluations.csv")
        let before = try Data(contentsOf: target)
        let result = try CLI.run(["tally", Self.ballots.path, "--scenario", scenario.path, "--out", target.path])
        XCTAssertEqual(result.status, 2, result.stdout)
        XCTAssertTrue(result.stderr.contains("evaluations.csv 是场景") && result.stderr.contains("的输入文件"), result.stderr)
        XCTAssertEqual(try Data(contentsOf: target), before)
    }
}

/// `rotation init FOLDER --ballots --scenario S`: the empty forms, as CSV or as one workbook, read back by tally.
final class InitBallotsCommandTests: XCTestCase {
    func testEmptyFormsListEachUnitsCadresAndTallyReadsThemBack() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let forms = folder.appendingPathComponent("选票")
        let result = try CLI.run(["init", forms.path, "--ballots", "--scenario", CLI.sample.path, "--ballots-per-unit", "2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("13 个单位、56 名干部"), result.stdout)
        let performance = try CLI.read(forms.appendingPathComponent("performance.csv"))
        let lines = performance.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "票号,人员编号,姓名,决策推进,服务保障,难题破解,政治规矩,干部形象,总体评价,评价理由")
        XCTAssertEqual(lines[1], "P-MZJ-001,FH001,俞建国,,,,,,,")
        XCTAssertFalse(performance.contains("FH007"), "staff (科员) are not on the forms")
        XCTAssertEqual(lines.count, 1 + 2 * 56)
        // Tick one ballot of MZJ, give its due: the other forms are unused and ignored.
        var ticked = lines
        for index in 1...5 { ticked[index] = ticked[index].replacingOccurrences(of: ",,,,,,,", with: ",较好,较好,较好,较好,较好,较好,") }
        try CLI.write(ticked.joined(separator: "\n") + "\n", to: forms.appendingPathComponent("performance.csv"))
        let meetings = try CLI.read(forms.appendingPathComponent("meetings.csv")).replacingOccurrences(of: "MZJ,,", with: "MZJ,3,")
        try CLI.write(meetings, to: forms.appendingPathComponent("meetings.csv"))
        try FileManager.default.removeItem(at: forms.appendingPathComponent("moral.csv"))
        let out = folder.appendingPathComponent("out/evaluations.csv")
        let tally = try CLI.run(["tally", forms.path, "--scenario", CLI.sample.path, "--out", out.path])
        XCTAssertEqual(tally.status, 0, tally.stderr)
        let rows = String(decoding: try Data(contentsOf: out), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(rows.count, 6, "the five mid-level cadres of MZJ")
        XCTAssertEqual(rows[1], "FH001,3,1,0,1,0,0,否,,否")
    }

    func testWorkbookOfEmptyFormsIsReadByTally() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let forms = folder.appendingPathComponent("forms")
        XCTAssertEqual(try CLI.run(["init", forms.path, "--ballots", "--scenario", CLI.sample.path, "--xlsx", "--lang", "en"]).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: forms.path), ["ballots.xlsx"])
        let bytes = try Data(contentsOf: forms.appendingPathComponent("ballots.xlsx"))
        XCTAssertEqual(Array(bytes.prefix(2)), [0x50, 0x4B], "a zip archive")
        let tally = try CLI.run(["tally", forms.path, "--scenario", CLI.sample.path, "--out", folder.appendingPathComponent("e.csv").path, "--lang", "en"])
        XCTAssertEqual(tally.status, 0, tally.stderr)
        XCTAssertTrue(tally.stdout.contains("Tallied: 0 performance ballots"), tally.stdout)
        // Twice the same: the workbook's bytes are reproducible.
        let again = folder.appendingPathComponent("again")
        XCTAssertEqual(try CLI.run(["init", again.path, "--ballots", "--scenario", CLI.sample.path, "--xlsx", "--lang", "en"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: again.appendingPathComponent("ballots.xlsx")), bytes)
    }

    func testBallotsNeedAScenario() throws {
        let result = try CLI.run(["init", "/tmp/never-written-\(UUID().uuidString)", "--ballots"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--ballots needs --scenario"), result.stderr)
    }
}
