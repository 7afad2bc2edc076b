// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import XCTest

/// Issue 9, "done when": on the sample (`language: zh`), nothing any command prints or writes for
/// the user holds an English word — ids, rule IDs, file names and code in backquotes aside. The
/// checker is the catalogue's (``LanguageCheck``, the one `CatalogueTests` applies to every message).
///
/// Not checked: the run folder's own files (their headers and codes are the contract's, with an
/// English `detail` beside the Chinese `detail_zh`), scenario.yaml's keys, and JSON keys and codes.
final class ChineseOutputTests: XCTestCase {
    /// What the user reads, by where it came from ("solve stdout", "export html" …).
    var outputs: [(source: String, text: String)] = []

    func record(_ source: String, _ result: CLI.Result, status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, status, "\(source): \(result.stderr)", file: file, line: line)
        outputs.append((source + " stdout", result.stdout))
        outputs.append((source + " stderr", result.stderr))
    }

    func testEveryCommandOnTheSampleSpeaksChineseOnly() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = CLI.sample.path
        let run = folder.appendingPathComponent("结果").path
        let other = folder.appendingPathComponent("结果二").path

        record("validate", try CLI.run(["validate", sample]))
        record("solve", try CLI.run(["solve", sample, "--out", run]))
        record("eligibility", try CLI.run(["eligibility", sample]))
        record("eligibility --cadre", try CLI.run(["eligibility", sample, "--cadre", "FH013"]))
        record("eligibility csv", try CLI.run(["eligibility", sample, "--format", "csv"]))
        record("explain", try CLI.run(["explain", sample, "--cadre", "FH013"]))
        record("explain FH006", try CLI.run(["explain", sample, "--cadre", "FH006"]))
        // Cadres ranked by a tie key (the issue saw "按 evaluation_good_share 排在前面").
        for cadre in ["FH060", "FH051", "FH027", "FH048"] {
            record("explain \(cadre)", try CLI.run(["explain", sample, "--cadre", cadre]))
        }
        record("show", try CLI.run(["show", run]))
        record("show --cadres", try CLI.run(["show", run, "--cadres"]))
        record("show --positions", try CLI.run(["show", run, "--positions"]))
        for format in ["csv", "md", "html", "notice"] {
            record("export \(format)", try CLI.run(["export", run, "--format", format, "--out", "-"]))
        }
        // A second run that differs: one application withdrawn (放弃).
        let changed = try CLI.copyOfSample(into: folder)
        let applications = changed.appendingPathComponent("applications.csv")
        var lines = try CLI.read(applications).components(separatedBy: "\n")
        lines[0] += ",放弃"
        for index in 1..<lines.count where !lines[index].isEmpty { lines[index] += index == 1 ? ",是" : "," }
        try CLI.write(lines.joined(separator: "\n"), to: applications)
        record("validate withdrawn", try CLI.run(["validate", changed.path]))
        record("solve withdrawn", try CLI.run(["solve", changed.path, "--out", other]))
        let result = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: other).appendingPathComponent("result.json"))) as? [String: Any]
        let withdrawn = result?["withdrawn_applications"] as? [[String: String]]
        XCTAssertEqual(withdrawn?.first?["cadre_id"], String(lines[1].split(separator: ",")[0]), "result.json records the withdrawal")
        XCTAssertEqual(withdrawn?.count, 1)
        let report = try CLI.run(["export", other, "--format", "html", "--out", "-"])
        record("export html withdrawn", report)
        XCTAssertTrue(report.stdout.contains("以下报名已放弃，不参加任何规则和模型："), "the report lists the withdrawn application")
        record("compare", try CLI.run(["compare", run, other]))
        // A pass mark raised (the issue saw `score 58.00 < pass mark 60` in compare).
        let strict = folder.appendingPathComponent("合格分")
        try FileManager.default.copyItem(at: CLI.sample, to: strict)
        let yaml = strict.appendingPathComponent("scenario.yaml")
        try CLI.write(try CLI.read(yaml).replacingOccurrences(of: "pass_mark: 60", with: "pass_mark: 75"), to: yaml)
        record("compare pass mark", try CLI.run(["compare", sample, strict.path]))
        // The ballots of the sample, tallied.
        let tallied = folder.appendingPathComponent("测评.csv").path
        record("tally", try CLI.run(["tally", CLI.sample.appendingPathComponent("ballots").path, "--scenario", sample, "--out", tallied]))
        outputs.append(("tally evaluations", try CLI.read(URL(fileURLWithPath: tallied))))
        // A scenario with mistakes: every problem in Chinese.
        let broken = folder.appendingPathComponent("有误")
        try FileManager.default.copyItem(at: changed, to: broken)
        let cadres = broken.appendingPathComponent("cadres.csv")
        var rows = try CLI.read(cadres).components(separatedBy: "\n")
        rows[1] = rows[1].replacingOccurrences(of: ",男,", with: ",X,").replacingOccurrences(of: ",女,", with: ",X,")
        try CLI.write(rows.joined(separator: "\n"), to: cadres)
        record("validate broken", try CLI.run(["validate", broken.path]), status: 2)
        // A new scenario from the template, and its files.
        let new = folder.appendingPathComponent("新场景")
        record("init", try CLI.run(["init", new.path]))
        for name in try FileManager.default.contentsOfDirectory(atPath: new.path).sorted() {
            let text = try CLI.read(new.appendingPathComponent(name))
            // scenario.yaml: its keys and values are the contract's; what a clerk reads is the comments.
            let readable = name == "scenario.yaml"
                ? text.split(separator: "\n").compactMap { line -> String? in
                    guard let hash = line.firstIndex(of: "#") else { return nil }
                    return String(line[line.index(after: hash)...])
                }.joined(separator: "\n")
                : text
            outputs.append(("init \(name)", readable))
        }

        // The sample's ids (unit codes such as MZJ have no digit) and the folders the test named are the user's own.
        var ids: Set<String> = ["rotation"]
        for name in ["units.csv", "positions.csv", "cadres.csv"] {
            for row in try CLI.read(CLI.sample.appendingPathComponent(name)).split(separator: "\n").dropFirst() {
                ids.formUnion(row.split(separator: ",").prefix(1).flatMap { $0.split(separator: "-").map(String.init) })
            }
        }
        var leaks: [String] = []
        for (source, raw) in outputs {
            let text = Self.withoutStyles(raw).replacingOccurrences(of: changed.path, with: "S2").replacingOccurrences(of: strict.path, with: "S3").replacingOccurrences(of: folder.path, with: "F1").replacingOccurrences(of: sample, with: "S1")
            for line in text.split(separator: "\n") {
                let words = LanguageCheck.englishWords(in: Self.withoutMarkup(String(line)), allowing: ids)
                if !words.isEmpty { leaks.append("[\(source)] \(words) in «\(line.prefix(200))»") }
            }
        }
        XCTAssert(leaks.isEmpty, "\(leaks.count) lines hold English:\n" + leaks.joined(separator: "\n"))
    }

    /// Without `<style>…</style>` and `<script>…</script>` (the page's layout, not its text).
    static func withoutStyles(_ text: String) -> String {
        var result = text
        for tag in ["style", "script"] {
            while let start = result.range(of: "<\(tag)"), let end = result.range(of: "</\(tag)>", range: start.upperBound..<result.endIndex) {
                result.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return result
    }

    /// HTML tags, attributes, styles and scripts are markup, not text a person reads.
    static func withoutMarkup(_ line: String) -> String {
        var result = ""
        var inTag = false
        for character in line {
            if character == "<" { inTag = true; result.append(" "); continue }
            if character == ">" { inTag = false; result.append(" "); continue }
            if !inTag { result.append(character) }
        }
        return result
    }
}

/// `--help` gives the Chinese term beside each command and option (issue 9: "--help is English only").
final class HelpTests: XCTestCase {
    func testEveryOptionOfTheseCommandsHasItsChineseTerm() throws {
        for command in ["solve", "validate", "eligibility", "init"] {
            let dump = try CLI.run([command, "--experimental-dump-help"])
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
            let body = try XCTUnwrap(json["command"] as? [String: Any])
            XCTAssertTrue(Self.hasChinese(body["abstract"] as? String), "\(command): \(body["abstract"] ?? "")")
            for argument in body["arguments"] as? [[String: Any]] ?? [] {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                if names.contains("help") || names.contains("version") { continue }
                XCTAssertTrue(Self.hasChinese(argument["abstract"] as? String), "\(command) \(names): \(argument["abstract"] ?? "")")
            }
        }
    }

    static func hasChinese(_ text: String?) -> Bool { text?.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } ?? false }
}

/// Issue 9, "What was seen": one mistake gives one problem (root causes first), on the sample itself.
final class RootCauseCommandTests: XCTestCase {
    /// The sample with one column of cadres.csv removed (by its Chinese header).
    func sample(without header: String, in folder: URL) throws -> URL {
        let scenario = try CLI.copyOfSample(into: folder)
        let cadres = scenario.appendingPathComponent("cadres.csv")
        let rows = try CLI.read(cadres).components(separatedBy: "\n")
        let column = try XCTUnwrap(rows[0].components(separatedBy: ",").firstIndex(of: header))
        let kept = rows.map { row -> String in
            guard !row.isEmpty else { return row }
            var fields = row.components(separatedBy: ",")
            fields.remove(at: column)
            return fields.joined(separator: ",")
        }
        try CLI.write(kept.joined(separator: "\n"), to: cadres)
        return scenario
    }

    func testDeletingTheEducationColumnGivesOneProblemOnTheHeaderLine() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try sample(without: "学历", in: folder)
        let result = try CLI.run(["validate", scenario.path])
        XCTAssertEqual(result.status, 2)
        let lines = result.stderr.split(separator: "\n")
        // It was 669 lines, the cause near line 56.
        XCTAssertEqual(lines.first.map(String.init), "cadres.csv:1: 学历: 缺少必需的列（表头应为“学历”或 `education`）", result.stderr)
        XCTAssertEqual(lines.count, 2, result.stderr)
        XCTAssertTrue(lines.last?.hasSuffix("中有 1 个问题；未写入任何文件。") == true, result.stderr)
    }

    func testABadGenderIsTheOnlyProblemAndComesFirst() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CLI.copyOfSample(into: folder)
        let cadres = scenario.appendingPathComponent("cadres.csv")
        var rows = try CLI.read(cadres).components(separatedBy: "\n")
        // FH001 holds MZJ-01 (positions.csv refers to them): only the gender is reported.
        rows[1] = rows[1].replacingOccurrences(of: ",男,", with: ",M男,")
        try CLI.write(rows.joined(separator: "\n"), to: cadres)
        let result = try CLI.run(["validate", scenario.path])
        XCTAssertEqual(result.status, 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "cadres.csv:2: 性别: “M男”不是可用的值，应为：男、女", result.stderr)
        XCTAssertEqual(lines.count, 2, result.stderr)
    }

    func testTheChineseTemplateHoldsChineseCodes() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let new = folder.appendingPathComponent("新场景")
        XCTAssertEqual(try CLI.run(["init", new.path]).status, 0)
        let positions = try CLI.read(new.appendingPathComponent("positions.csv"))
        XCTAssertFalse(positions.contains("civil_servant"), positions)
        XCTAssertTrue(positions.contains("公务员;参公"), positions)
        let readme = try CLI.read(new.appendingPathComponent("README.md"))
        XCTAssertTrue(readme.contains("受组织处理或党纪政纪处分影响使用（`discipline`）"), readme)
    }
}
