// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest
@testable import RotationReports
import RotationPipeline
import RotationIO
import RotationCore

/// `rotation compare` and `rotation export` as a person runs them: exit codes, files written.
final class CommandTests: XCTestCase {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL? {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        for candidate in [folder.appendingPathComponent("rotation"), Bundle(for: CommandTests.self).bundleURL
            .deletingLastPathComponent().appendingPathComponent("rotation")] where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return nil
    }

    func rotation(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        guard let executable = CommandTests.executable else {
            XCTFail("the rotation executable is not beside the tests; the test target depends on it, so `swift test` builds it")
            return Result(status: -1, stdout: "", stderr: "")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    func testCompareExitCodes() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a").path, b = folder.appendingPathComponent("b").path
        XCTAssertEqual(try rotation(["solve", Sample.scenario.path, "--out", a]).status, 0)
        XCTAssertEqual(try rotation(["solve", try Sample.passMark75(in: folder).path, "--out", b]).status, 0)

        let same = try rotation(["compare", a, a, "--exit-code"])
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertTrue(same.stdout.contains("两次结果相同"))
        XCTAssertFalse(same.stdout.contains("\u{1B}["), "no colour when standard output is not a terminal")
        XCTAssertEqual(try rotation(["compare", a, b]).status, 0, "differences exit 0 without --exit-code")
        let differ = try rotation(["compare", a, b, "--exit-code"])
        XCTAssertEqual(differ.status, 5, "5: the runs differ (1 is reserved for internal errors)")
        XCTAssertTrue(differ.stdout.contains("SJJ-04"))
        // A run folder and the scenario it came from compare equal.
        XCTAssertEqual(try rotation(["compare", a, Sample.scenario.path, "--exit-code"]).status, 0)

        let missing = try rotation(["compare", a, folder.appendingPathComponent("nowhere").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("没有这个文件夹"), missing.stderr)
        XCTAssertTrue(try rotation(["compare", a, folder.appendingPathComponent("nowhere").path, "--lang", "en"]).stderr.contains("no such folder"))
        let notRun = try rotation(["compare", folder.path, a])
        XCTAssertEqual(notRun.status, 2)
        XCTAssertTrue(notRun.stderr.contains("既不是运行结果文件夹"), notRun.stderr)

        let out = folder.appendingPathComponent("compare.json")
        XCTAssertEqual(try rotation(["compare", a, b, "--format", "json", "--out", out.path]).status, 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        XCTAssertEqual(json?["differs"] as? Bool, true)
    }

    func testExportEveryFormat() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("run").path
        XCTAssertEqual(try rotation(["solve", Sample.scenario.path, "--out", run]).status, 0)
        // The run folder reads back to what the library solved in memory.
        var reread = try RunFolder.read(URL(fileURLWithPath: run))
        reread.justifiedEnvy = Sample.run.run.justifiedEnvy
        XCTAssertEqual(reread, Sample.run.run, "the run folder reads back to exactly the run model that was written")

        for format in ["csv", "xlsx", "json", "md", "html", "notice", "notice-docx"] {
            let suffix = ["notice": "notice.html", "notice-docx": "docx"][format] ?? format
            let out = folder.appendingPathComponent("export.\(suffix)")
            let result = try rotation(["export", run, "--format", format, "--out", out.path])
            XCTAssertEqual(result.status, 0, "\(format): \(result.stderr)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.path), format)
        }
        let notice = try String(contentsOf: folder.appendingPathComponent("export.notice.html"), encoding: .utf8)
        XCTAssertEqual(notice, PublicNotice(run: Sample.run.run).html(), "the notice of a run folder prints the scenario's notice: settings")
        let html = try String(contentsOf: folder.appendingPathComponent("export.html"), encoding: .utf8)
        XCTAssertEqual(html, HTMLRenderer.render(RunReport(run: Sample.run.run).document()), "the CLI writes what the library renders")
        let english = try rotation(["export", run, "--format", "md", "--lang", "en"])
        XCTAssertEqual(english.status, 0)
        XCTAssertTrue(english.stdout.contains("Shortlists and proposed appointees"))

        let noOut = try rotation(["export", run, "--format", "xlsx"])
        XCTAssertEqual(noOut.status, 2)
        XCTAssertTrue(noOut.stderr.contains("--out"), noOut.stderr)
        let notRun = try rotation(["export", folder.path, "--format", "csv"])
        XCTAssertEqual(notRun.status, 2)
    }
}
