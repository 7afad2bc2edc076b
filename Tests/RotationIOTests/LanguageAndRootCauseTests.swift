// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
@testable import RotationIO
import XCTest

/// Issue 9: input problems in the scenario's language, Chinese values, unknown keys as errors,
/// root causes first, withdrawals; issue 13 item 4: no quadratic error output.
final class LanguageAndRootCauseTests: XCTestCase {
    /// ScenarioLoaderTests' small scenario with these files changed (nil: removed).
    func folder(_ changes: [String: String?]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        var files: [String: String?] = ScenarioLoaderTests.base.mapValues { Optional($0) }
        for (name, contents) in changes { files[name] = .some(contents) }
        for (name, entry) in files {
            guard let contents = entry else { continue }
            try Data(contents.utf8).write(to: url.appendingPathComponent(name))
        }
        return url
    }

    func errors(_ changes: [String: String?], file: StaticString = #filePath, line: UInt = #line) throws -> InputErrors {
        do {
            _ = try ScenarioLoader.load(folder: folder(changes))
        } catch let errors as InputErrors {
            return errors
        }
        XCTFail("expected input errors", file: file, line: line)
        return InputErrors([])
    }

    func load(_ changes: [String: String?]) throws -> LoadedScenario { try ScenarioLoader.load(folder: folder(changes)) }

    // MARK: Language

    func testProblemsAreRenderedInTheScenarioLanguage() throws {
        let errors = try errors(["applications.csv": "cadre_id,position_id\nFH123,P1\n", "interviews.csv": String?.none])
        XCTAssertNil(errors.language)
        XCTAssertEqual(errors.rendered(.zh), "applications.csv:2: 人员编号: 未知人员编号“FH123”（cadres.csv 中没有）")
        XCTAssertEqual(errors.rendered(.en), "applications.csv:2: cadre_id: unknown cadre \"FH123\" (not in cadres.csv)")
        let english = try self.errors(["scenario.yaml": "name: t\nreference_date: 2017-13\nlanguage: en\n"])
        XCTAssertEqual(english.language, .en, "the language is known even when another setting fails")
    }

    func testEveryInputMessageInChineseHasNoEnglishWord() throws {
        // A scenario with many kinds of mistakes at once; every Chinese line passes the catalogue's checker.
        let errors = try errors([
            "scenario.yaml": "name: t\nreference_date: 2017-10\nrules:\n  pass_mrak: 58\n  score_decimals: 3\nmode: 抽签\n",
            "cadres.csv": "cadre_id,name,gender,birth,unit_id,level,level_since,education,identity,training,flags\nC1,张三,X,1980-13,D2,deputy,2012-01,bachelor,civil_servant,met,跑官抽烟\nC2,李四,女,1985-06,T1,科员,2010-01,大专,公务员,已达标,\n",
            "applications.csv": "cadre_id,position_id,unit_approved\nC1,P1,也许\nC9,P1,是\nC2,P1,是\n",
        ])
        for line in errors.rendered(.zh).split(separator: "\n") {
            XCTAssertEqual(LanguageCheck.englishWords(in: String(line)), [], String(line))
        }
    }

    // MARK: Chinese values

    func testFlagsAcceptChineseNamesAndKeepTheEnumerationComma() throws {
        let header = "cadre_id,name,gender,birth,unit_id,level,level_since,education,identity,training,flags\n"
        let cadres = header + """
        C1,张三,男,1980-01,D2,中层副职,2012-01,本科,公务员,已达标,受处分
        C2,李四,女,1985-06,T1,科员,2010-01,大专,公务员,已达标,跑官、拉票
        C3,王五,M,1979-03,T1,deputy,2013-05,master,参公,met,跑官要官、正在立案审查；配偶已移居国外

        """
        let scenario = try load(["cadres.csv": cadres]).scenario
        XCTAssertEqual(scenario.cadres.map(\.flags), [[.discipline], [.canvassing], [.canvassing, .familyAbroad, .underInvestigation]])
    }

    func testABadCodeSuggestsTheChineseValuesInChinese() throws {
        let header = "cadre_id,name,gender,birth,unit_id,level,level_since,education,identity,training\n"
        let cadres = header + "C1,张三,X,1980-01,D2,deputy,2012-01,bachelor,civil_servant,met\nC2,李四,F,1985-06,T1,staff,2010-01,associate,civil_servant,met\n"
        let errors = try errors(["cadres.csv": cadres, "applications.csv": "cadre_id,position_id\nC2,P1\n", "interviews.csv": String?.none])
        XCTAssertEqual(errors.rendered(.zh), "cadres.csv:2: 性别: “X”不是可用的值，应为：男、女")
        XCTAssertEqual(errors.rendered(.en), "cadres.csv:2: gender: \"X\" is not one of: M (男), F (女)")
    }

    func testScenarioYamlAcceptsChineseValues() throws {
        let scenario = try load(["scenario.yaml": "name: t\nreference_date: 2017-10\nmode: 竞争上岗\nlanguage: 英文\nrules:\n  training: 允许补训\n"]).scenario
        XCTAssertEqual(scenario.mode, .competition)
        XCTAssertEqual(scenario.language, .en)
        XCTAssertEqual(scenario.rules.training, .allowPending)
    }

    // MARK: Unknown keys

    func testAMisspeltKeyIsAnErrorNamingTheNearestKey() throws {
        let errors = try errors(["scenario.yaml": "name: t\nreference_date: 2017-10\nrules:\n  pass_mrak: 58\n"])
        XCTAssertEqual(errors.rendered(.zh), "scenario.yaml:4: `rules.pass_mrak`: 未知设置，是否应为 `pass_mark`？")
        XCTAssertEqual(errors.rendered(.en), "scenario.yaml:4: rules.pass_mrak: unknown key; did you mean pass_mark?")
        let misplaced = try self.errors(["scenario.yaml": "name: t\nreference_date: 2017-10\npass_mark: 58\n"])
        XCTAssertEqual(misplaced.rendered(.en), "scenario.yaml:3: pass_mark: this key belongs under rules:")
    }

    func testAnInvalidReferenceDateDoesNotMakeOtherKeysUnknown() throws {
        let errors = try errors(["scenario.yaml": "name: t\nreference_date: 2017-13\nmode: competition\nrules:\n  pass_mark: 60\n"])
        XCTAssertEqual(errors.problems.map(\.column), ["reference_date"])
    }

    func testTheNearestKeyIsFoundOnlyWhenClose() {
        XCTAssertEqual(SettingsKeys.nearest(to: "pass_mrak", among: SettingsKeys.keys(of: "rules.")), "pass_mark")
        XCTAssertNil(SettingsKeys.nearest(to: "colour", among: SettingsKeys.keys(of: "")))
    }

    // MARK: Root causes first

    func testAMissingColumnIsOneProblemAndCausesNoOthers() throws {
        let cadres = "cadre_id,name,gender,birth,unit_id,level,level_since,identity,training\nC1,张三,M,1980-01,D2,deputy,2012-01,civil_servant,met\nC2,李四,F,1985-06,T1,staff,2010-01,civil_servant,met\nC3,王五,M,1979-03,T1,deputy,2013-05,reference_managed,met\n"
        let errors = try errors(["cadres.csv": cadres])
        XCTAssertEqual(errors.problems.map(\.description), ["cadres.csv:1: education: required column missing (header \"education\" or \"学历\")"])
    }

    func testAReferenceToAFailedRowIsNotReported() throws {
        // C1's gender is bad; positions.csv names C1 as a holder: only the gender is reported.
        let header = "cadre_id,name,gender,birth,unit_id,level,level_since,education,identity,training\n"
        let cadres = header + "C1,张三,X,1980-01,D2,deputy,2012-01,bachelor,civil_servant,met\nC2,李四,F,1985-06,T1,staff,2010-01,associate,civil_servant,met\nC3,王五,M,1979-03,T1,deputy,2013-05,master,reference_managed,met\n"
        let positions = "position_id,unit_id,title,level,offered,holder_id\nP1,D1,副科长,deputy,yes,C1\nP2,D2,科长,chief,yes,\nP3,T1,副主任,deputy,no,\n"
        let errors = try errors(["cadres.csv": cadres, "positions.csv": positions])
        XCTAssertEqual(errors.problems.map(\.description), ["cadres.csv:2: gender: \"X\" is not one of: M (男), F (女)"])
    }

    func testAFailedUnitHidesItsPositionsAndCadres() throws {
        let units = "unit_id,name,kind,approved_posts\nD1,民政局,department,5\nD2,财政局,ministry,12\nT1,锦屏街道,town,3\n"
        let errors = try errors(["units.csv": units])
        XCTAssertEqual(errors.problems.map(\.file), ["units.csv"], errors.description)
    }

    // MARK: Issue 13 item 4: linear error output

    func testOneCadreApplyingToManyPositionsGivesOutputLinearInTheInput() throws {
        func output(positions count: Int) throws -> Int {
            var positions = "position_id,unit_id,title,level\n"
            var applications = "cadre_id,position_id\n"
            for index in 1...count {
                positions += "P\(index),D1,副科长,deputy\n"
                applications += "C1,P\(index)\n"
            }
            let errors = try errors(["positions.csv": positions, "applications.csv": applications, "interviews.csv": String?.none])
            XCTAssertEqual(errors.problems.count, 1)
            return errors.rendered(.zh).utf8.count + errors.rendered(.en).utf8.count
        }
        let small = try output(positions: 200)
        let large = try output(positions: 2000)
        // Ten times the input: about ten times the output (it was a hundred times).
        XCTAssertLessThan(large, small * 12, "output grows faster than the input: \(small) → \(large) bytes")
    }

    func testRepeatedProblemsAreCappedPerFileWithACount() throws {
        var assessments = "cadre_id,year,grade\n"
        for _ in 1...300 { assessments += "C1,2016,splendid\n" }
        let errors = try errors(["assessments.csv": assessments])
        XCTAssertEqual(errors.problems.count, 300)
        let lines = errors.rendered(.en).split(separator: "\n")
        XCTAssertEqual(lines.count, InputErrors.shownPerFile + 1)
        XCTAssertEqual(lines.last.map(String.init), "\(300 - InputErrors.shownPerFile) more problems in assessments.csv not shown (the first \(InputErrors.shownPerFile) are listed; fix these first)")
    }

    // MARK: Withdrawal (放弃)

    func testAWithdrawnApplicationIsKeptOnRecordAndItsInterviewsIgnored() throws {
        let loaded = try load(["applications.csv": "cadre_id,position_id,放弃\nC1,P1,是\nC2,P1,\n"])
        XCTAssertEqual(loaded.scenario.applications.map(\.cadreID), ["C2"])
        XCTAssertEqual(loaded.scenario.withdrawnApplications.map(\.cadreID), ["C1"])
        XCTAssertEqual(loaded.scenario.interviews?.map(\.cadreID), ["C2"], "C1's interview row is ignored without an error")
        XCTAssertEqual(loaded.warnings, [])
    }

    func testAWithdrawnApplicationDoesNotCountTowardOneApplicationPerPerson() throws {
        let loaded = try load(["applications.csv": "cadre_id,position_id,withdrawn\nC1,P1,yes\nC1,P2,no\nC2,P1,no\n",
                               "interviews.csv": "cadre_id,position_id,judge_id,score\nC2,P1,J1,75\n"])
        XCTAssertEqual(loaded.scenario.applications.map(\.positionID), ["P2", "P1"])
    }
}

/// A withdrawn application is absent for the rules: it does not count toward C-MIN2.
final class WithdrawalRuleTests: XCTestCase {
    func testAWithdrawnApplicantDoesNotCountTowardTheMinimumOfApplicants() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-withdrawal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        var files = ScenarioLoaderTests.base
        files["interviews.csv"] = nil
        files["scenario.yaml"] = "name: t\nreference_date: 2017-10\nrules:\n  assessment_years: [2016]\n"
        for (name, contents) in files { try Data(contents.utf8).write(to: url.appendingPathComponent(name)) }
        let both = Adjudication(scenario: try ScenarioLoader.load(folder: url).scenario)
        XCTAssertFalse(both.withdrawnForTooFewApplicants.contains { $0.positionID == "P1" }, "two eligible applicants: P1 competes")
        try Data("cadre_id,position_id,withdrawn\nC1,P1,yes\nC2,P1,no\n".utf8).write(to: url.appendingPathComponent("applications.csv"))
        let one = Adjudication(scenario: try ScenarioLoader.load(folder: url).scenario)
        XCTAssertTrue(one.withdrawnForTooFewApplicants.contains { $0.positionID == "P1" && $0.applicants == 1 }, "C1 withdrew: C-MIN2")
    }
}
