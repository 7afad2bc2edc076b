// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest

/// validate, eligibility, explain and init, tried as a new user would.
final class CommandTests: XCTestCase {
    func testInitMakesAScenarioThatValidatesAndSolvesInBothLanguages() throws {
        for language in ["zh", "en"] {
            let folder = try CLI.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let scenario = folder.appendingPathComponent("new")
            let made = try CLI.run(["init", scenario.path, "--lang", language])
            XCTAssertEqual(made.status, 0, made.stderr)
            let header = try CLI.read(scenario.appendingPathComponent("cadres.csv")).components(separatedBy: "\n")[0]
            XCTAssertTrue(header.hasPrefix(language == "zh" ? "人员编号,姓名,性别" : "cadre_id,name,gender"), header)
            let validated = try CLI.run(["validate", scenario.path])
            XCTAssertEqual(validated.status, 0, validated.stderr)
            XCTAssertTrue(validated.stdout.contains(language == "zh" ? "：检查通过" : ": ok"), validated.stdout)
            let solved = try CLI.run(["solve", scenario.path, "--out", folder.appendingPathComponent("run").path])
            XCTAssertEqual(solved.status, 0, solved.stderr)
            XCTAssertEqual(try CLI.run(["init", scenario.path]).status, 2, "init must never overwrite")
        }
    }

    func testValidateReportsProblemsWithFileAndLine() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CLI.copyOfSample(into: folder)
        let applications = scenario.appendingPathComponent("applications.csv")
        try CLI.write(try CLI.read(applications) + "FH001,NOPE\n", to: applications)
        let result = try CLI.run(["validate", scenario.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("applications.csv:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("职位代码: 未知职位代码“NOPE”"), result.stderr)
        let english = try CLI.run(["validate", scenario.path, "--lang", "en"])
        XCTAssertTrue(english.stderr.contains("position_id: unknown position \"NOPE\""), english.stderr)
        XCTAssertEqual(try CLI.run(["validate", CLI.sample.path]).status, 0)
    }

    func testEligibilityFormatsAndCadreFilter() throws {
        let text = try CLI.run(["eligibility", CLI.sample.path, "--cadre", "FH006"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("E-WORKSTYLE"), text.stdout)
        XCTAssertTrue(text.stdout.contains("竞岗(2)"), text.stdout)
        let csv = try CLI.run(["eligibility", CLI.sample.path, "--format", "csv", "--lang", "en"])
        let golden = String(decoding: try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/fenghua-2017/eligibility.csv")), as: UTF8.self)
        XCTAssertEqual(csv.stdout, golden, "eligibility --format csv --lang en must match the run's eligibility.csv")
        let json = try CLI.run(["eligibility", CLI.sample.path, "--format", "json", "--lang", "en"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((object["verdicts"] as? [Any])?.count, 46)
        XCTAssertEqual(try CLI.run(["eligibility", CLI.sample.path, "--cadre", "NOBODY"]).status, 2)
    }

    func testExplainNamesScoreRankAndWhoOutranked() throws {
        let zh = try CLI.run(["explain", CLI.sample.path, "--cadre", "FH060"])
        XCTAssertEqual(zh.status, 0, zh.stderr)
        XCTAssertTrue(zh.stdout.contains("78.50"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("排第2名"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("FH015"), zh.stdout)
        let tie = try CLI.run(["explain", CLI.sample.path, "--cadre", "FH051", "--lang", "en"])
        XCTAssertTrue(tie.stdout.contains("ranks above by share of “good” in the term evaluation (3/10 against 11/40)"), tie.stdout)
        let failing = try CLI.run(["explain", CLI.sample.path, "--cadre", "FH006", "--lang", "en"])
        XCTAssertTrue(failing.stdout.contains("May not compete"), failing.stdout)
        XCTAssertTrue(failing.stdout.contains("E-WORKSTYLE"), failing.stdout)
        let hypothetical = try CLI.run(["explain", CLI.sample.path, "--cadre", "FH001", "--position", "MZJ-03", "--lang", "en"])
        XCTAssertTrue(hypothetical.stdout.contains("Did not apply"), hypothetical.stdout)
        XCTAssertTrue(hypothetical.stdout.contains("P-OWNUNIT"), hypothetical.stdout)
        XCTAssertEqual(try CLI.run(["explain", CLI.sample.path, "--cadre", "NOBODY"]).status, 2)
    }
}
