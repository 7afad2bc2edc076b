// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest

/// What the terminal and the shell see when things go wrong (issue 13): escapes, exit codes for
/// I/O failures and the memory budget, and real signals sent to `rotation solve` at each step.
final class RobustnessCLITests: XCTestCase {
    func testEscapeSequencesInValuesAreShownEscapedByExplainAndEligibility() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CLI.copyOfSample(into: folder)
        let cadres = scenario.appendingPathComponent("cadres.csv")
        try CLI.write(try CLI.read(cadres).replacingOccurrences(of: "俞建国", with: "俞\u{1B}]0;pwned\u{7}建国"), to: cadres)
        let explain = try CLI.run(["explain", scenario.path, "--cadre", "FH001"])
        XCTAssertEqual(explain.status, 0, explain.stderr)
        XCTAssertTrue(explain.stdout.contains("俞\\u{1B}]0;pwned\\u{7}建国"), explain.stdout)
        let eligibility = try CLI.run(["eligibility", scenario.path, "--cadre", "FH001", "--format", "csv"])
        for output in [explain.stdout, eligibility.stdout, explain.stderr, eligibility.stderr] {
            XCTAssertFalse(output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "a raw control character reached the terminal")
        }
        // An input problem quoting the value: escaped too.
        try CLI.write(try CLI.read(cadres).replacingOccurrences(of: "建国,男,", with: "建国,男\u{1B}[2J,"), to: cadres)
        let validate = try CLI.run(["validate", scenario.path])
        XCTAssertEqual(validate.status, 2)
        XCTAssertTrue(validate.stderr.contains("男\\u{1B}[2J"), validate.stderr)
        XCTAssertFalse(validate.stderr.unicodeScalars.contains { $0.value == 0x1B })
    }

    func testAnIOFailureExitsSixNotTwo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a-file")
        try CLI.write("x", to: file)
        let result = try CLI.run(["solve", CLI.sample.path, "--out", file.appendingPathComponent("run").path])
        XCTAssertEqual(result.status, 6, result.stderr)
    }

    func testAModelAboveTheMemoryBudgetExitsSevenWithAHintAndWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("run")
        let result = try CLI.run(["solve", CLI.sample.path, "--out", out.path, "--memory-budget", "1", "--lang", "en"])
        XCTAssertEqual(result.status, 7, result.stderr)
        XCTAssertTrue(result.stderr.contains("more than the budget of 1 MB; nothing was written"), result.stderr)
        let chinese = try CLI.run(["solve", CLI.sample.path, "--out", out.path, "--memory-budget", "1"])
        XCTAssertEqual(chinese.status, 7)
        XCTAssertTrue(chinese.stderr.contains("超过预算 1 兆字节；什么都没有写"), chinese.stderr)
        XCTAssertTrue(result.stderr.contains("--memory-budget"), "the hint names the option")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        XCTAssertEqual(try CLI.run(["solve", CLI.sample.path, "--out", out.path, "--memory-budget", "4096"]).status, 0)
    }

    /// Starts `rotation solve … --pause-at STEP`, waits for it to pause, sends `signal`, and returns
    /// the exit status and standard error.
    func solveInterrupted(at step: String, by signal: Int32, out: URL, now: String) throws -> (status: Int32, stderr: String, signalled: Bool) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["solve", CLI.sample.path, "--out", out.path, "--now", now, "--pause-at", step]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while !text.contains("paused at \(step)") && Date() < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        XCTAssertTrue(text.contains("paused at \(step)"), text)
        kill(process.processIdentifier, signal)
        text += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text, process.terminationReason == .uncaughtSignal)
    }

    func testARealSignalAtEachStepLeavesTheOldRunOrTheNewOneAndExits128PlusTheSignal() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("run")
        XCTAssertEqual(try CLI.run(["solve", CLI.sample.path, "--out", out.path, "--now", "OLD"]).status, 0)
        let steps: [(String, Int32, kept: Bool)] = [
            ("solving", SIGQUIT, true), ("locked", SIGINT, true), ("temporary-created", SIGTERM, true),
            ("file-written", SIGHUP, true), ("temporary-complete", SIGQUIT, true), ("exchanged", SIGINT, false), ("done", SIGTERM, false),
        ]
        for (step, signal, kept) in steps {
            let result = try solveInterrupted(at: step, by: signal, out: out, now: kept ? "NEW-\(step)" : "OLD")
            XCTAssertEqual(result.status, 128 + signal, "\(step): \(result.stderr)")
            XCTAssertFalse(result.signalled, "\(step): rotation handles the signal and exits")
            XCTAssertFalse(result.stderr.contains("crashed"), "\(step): \(result.stderr)")
            let audit = try CLI.read(out.appendingPathComponent("audit.json"))
            XCTAssertTrue(audit.contains("OLD"), "\(step): the run in place is the old one or an identical new one")
            XCTAssertFalse(audit.contains("NEW"), "\(step)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["run"], "\(step): a temporary was left")
        }
        // A signal once the new run is in place: the new run, complete.
        let result = try solveInterrupted(at: "exchanged", by: SIGTERM, out: out, now: "NEWEST")
        XCTAssertEqual(result.status, 128 + SIGTERM)
        XCTAssertTrue(try CLI.read(out.appendingPathComponent("audit.json")).contains("NEWEST"))
        XCTAssertEqual(try CLI.run(["compare", out.path, CLI.sample.path, "--exit-code"]).status, 0, "the new run is complete and the same plan")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["run"])
    }
}
