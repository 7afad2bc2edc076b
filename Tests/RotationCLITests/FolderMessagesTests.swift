// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import XCTest

/// Issue 9: what the safe writer and the run-folder reader say is in the user's language — every
/// refusal and failure that can be provoked, in Chinese without an English word (the catalogue's
/// checker, ``LanguageCheck``) and with `--lang en` in English without Chinese outside parentheses.
final class FolderMessagesTests: XCTestCase {
    var folder: URL!
    /// The sample's run, solved once per test.
    var run: URL { folder.appendingPathComponent("RUN") }

    override func setUpWithError() throws {
        folder = try CLI.temporaryFolder()
        XCTAssertEqual(try CLI.run(["solve", CLI.sample.path, "--out", run.path]).status, 0)
    }

    override func tearDownWithError() throws {
        _ = chmod(folder.path, 0o755)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `arguments` as given (Chinese: the sample's language) and with `--lang en`; both fail
    /// with `status`, the first in Chinese only, the second in English only. Returns both stderrs.
    @discardableResult
    func assertBothLanguages(_ arguments: [String], status: Int32, says chinese: String, _ english: String,
                             file: StaticString = #filePath, line: UInt = #line) throws -> (zh: String, en: String) {
        let zh = try CLI.run(arguments)
        let en = try CLI.run(arguments + ["--lang", "en"])
        for (result, language) in [(zh, "zh"), (en, "en")] {
            XCTAssertEqual(result.status, status, "\(language) \(arguments): \(result.stderr)", file: file, line: line)
        }
        XCTAssertTrue(zh.stderr.contains(chinese), "«\(chinese)» not in: \(zh.stderr)", file: file, line: line)
        XCTAssertTrue(en.stderr.contains(english), "«\(english)» not in: \(en.stderr)", file: file, line: line)
        // The test's own folder names and the command's name before the colon are not sentences.
        let shown = zh.stderr.replacingOccurrences(of: folder.path, with: "F1").replacingOccurrences(of: CLI.sample.path, with: "S1")
        for text in shown.split(separator: "\n") {
            XCTAssertEqual(LanguageCheck.englishWords(in: String(text), allowing: ["RUN", "F1", "S1", "mine", "plain", "models", "nowhere", "file", "proc", "export"]), [], String(text), file: file, line: line)
        }
        XCTAssertEqual(LanguageCheck.chineseOutsideParentheses(in: en.stderr), [], en.stderr, file: file, line: line)
        return (zh.stderr, en.stderr)
    }

    // MARK: The writer

    func testAFolderRotationDidNotWriteIsRefusedInTheUsersLanguage() throws {
        let foreign = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try CLI.write("keep", to: foreign.appendingPathComponent("notes.txt"))
        try assertBothLanguages(["solve", CLI.sample.path, "--out", foreign.path], status: 2,
                                says: "不是 rotation 写出的运行结果文件夹", "is not a run folder written by rotation")
        XCTAssertEqual(try CLI.read(foreign.appendingPathComponent("notes.txt")), "keep")
        // With a manifest of the run, one file too many.
        try CLI.write("mine", to: run.appendingPathComponent("notes.txt"))
        try assertBothLanguages(["solve", CLI.sample.path, "--out", run.path], status: 2,
                                says: "中有不是 rotation 写的文件（`notes.txt`）", "holds files rotation did not write (notes.txt)")
        // A models folder given as --out.
        try FileManager.default.removeItem(at: run.appendingPathComponent("notes.txt"))
        let models = folder.appendingPathComponent("models")
        XCTAssertEqual(try CLI.run(["solve", CLI.sample.path, "--out", folder.appendingPathComponent("R2").path, "--export-model", models.path]).status, 0)
        try assertBothLanguages(["solve", CLI.sample.path, "--out", models.path], status: 2,
                                says: "是 rotation 写出的模型文件夹，不是运行结果文件夹", "is a models folder written by rotation, not a run folder")
    }

    func testAFileWhereTheFolderGoesIsRefused() throws {
        let file = folder.appendingPathComponent("plain")
        try CLI.write("data", to: file)
        try assertBothLanguages(["solve", CLI.sample.path, "--out", file.path], status: 2,
                                says: "已存在，但不是文件夹", "exists and is not a folder")
        try assertBothLanguages(["export", run.path, "--format", "html", "--out", folder.path], status: 2,
                                says: "是文件夹；请写出要写入的文件名", "is a folder; name a file to write")
        try assertBothLanguages(["export", run.path, "--format", "html", "--out", run.appendingPathComponent("result.json").path], status: 2,
                                says: "属于 rotation 写出的运行结果文件夹", "is part of the run folder")
        try assertBothLanguages(["init", run.path], status: 2, says: "已存在", "already exists")
        try assertBothLanguages(["export", run.path, "--format", "xlsx"], status: 2, says: "工作簿不能输出到屏幕", "a workbook cannot go to standard output")
    }

    func testADamagedOrMissingManifestIsRefused() throws {
        let manifest = run.appendingPathComponent(".rotation-manifest.json")
        for (text, zh, en) in [("not json", "不是 JSON 对象", "not a JSON object"),
                               ("{\"tool\": \"other\", \"kind\": \"run\", \"files\": []}", "`\"tool\"` 不是 `\"rotation\"`", "\"tool\" is not \"rotation\""),
                               ("{\"tool\": \"rotation\", \"kind\": \"x\", \"files\": []}", "`\"kind\"` 不是", "\"kind\" is not one of"),
                               ("{\"tool\": \"rotation\", \"kind\": \"run\", \"files\": [\"../x\"]}", "`../x` 不是文件夹内的文件名", "not a file name inside")] {
            try CLI.write(text, to: manifest)
            try assertBothLanguages(["solve", CLI.sample.path, "--out", run.path], status: 2, says: zh, en)
        }
        try FileManager.default.removeItem(at: manifest)
        try assertBothLanguages(["solve", CLI.sample.path, "--out", run.path], status: 2,
                                says: "也没有 `.rotation-manifest.json`", "and no .rotation-manifest.json")
    }

    /// A write that fails (exit 6): a read-only parent folder; as root (who may write anywhere) a
    /// folder that cannot be created.
    func testAFailedWriteSaysWhyInWords() throws {
        if getuid() == 0 {
            let target = "/proc/rotation-\(getpid())/RUN"
            try assertBothLanguages(["solve", CLI.sample.path, "--out", target], status: 6,
                                    says: "无法创建 /proc/rotation-", "cannot create /proc/rotation-")
        } else {
            XCTAssertEqual(chmod(folder.path, 0o555), 0)
            try assertBothLanguages(["solve", CLI.sample.path, "--out", folder.appendingPathComponent("R3").path], status: 6,
                                    says: "没有权限", "Permission denied")
        }
        // A file where a parent folder should be.
        try CLI.write("data", to: folder.appendingPathComponent("file"))
        try assertBothLanguages(["export", run.path, "--format", "html", "--out", folder.appendingPathComponent("file/report.html").path],
                                status: 6, says: "无法查看", "cannot look at")
    }

    // MARK: The reader

    func testADamagedRunFolderIsToldInTheUsersLanguage() throws {
        let result = run.appendingPathComponent("result.json")
        let original = try CLI.read(result)
        for command in [["show"], ["export", "--format", "html", "--out", "-"], ["compare", CLI.sample.path]] {
            let arguments = command.count > 1 && command[0] == "compare" ? ["compare", run.path, command[1]] : [command[0], run.path] + command.dropFirst()
            try CLI.write("{\"scenario\": 1}", to: result)
            try assertBothLanguages(arguments, status: 2, says: "`scenario`：应为文字", "result.json: scenario: expected text")
            try CLI.write("not json", to: result)
            try assertBothLanguages(arguments, status: 2, says: "不是有效的 JSON", "not valid JSON")
            try CLI.write(original.replacingOccurrences(of: "\"score\": 76.00", with: "\"score\": 1e300"), to: result)
            try assertBothLanguages(arguments, status: 2, says: "`shortlist[0].score`：应为分数", "shortlist[0].score: expected a score")
            try CLI.write(original, to: result)
            let audit = run.appendingPathComponent("audit.json")
            let auditText = try CLI.read(audit)
            try FileManager.default.removeItem(at: audit)
            try assertBothLanguages(arguments, status: 2, says: "缺少此文件，运行结果文件夹不完整", "missing; the run folder is incomplete")
            try CLI.write(auditText, to: audit)
        }
        try FileManager.default.removeItem(at: result)
        try assertBothLanguages(["show", run.path], status: 2, says: "既不是运行结果文件夹", "neither a run folder")
        try assertBothLanguages(["show", folder.appendingPathComponent("nowhere").path], status: 2, says: "没有这个文件夹", "no such folder")
        try assertBothLanguages(["solve", CLI.sample.path, "--out", folder.appendingPathComponent("R4").path, "--baseline", run.path], status: 2,
                                says: "不是运行结果文件夹（没有 result.json）", "not a run folder (no result.json)")
        // explain reads a scenario, not a run: a run folder given to it says so.
        try assertBothLanguages(["explain", run.path, "--cadre", "FH001"], status: 2, says: "scenario.yaml", "scenario.yaml")
    }
}
