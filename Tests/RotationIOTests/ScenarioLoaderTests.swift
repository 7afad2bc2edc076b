// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
@testable import RotationIO
import XCTest

/// The input contract: every file read, every forbidden input refused at FILE:LINE: column.
final class ScenarioLoaderTests: XCTestCase {
    /// A small valid scenario, file by file; tests change one file and check the problem.
    static let base: [String: String] = [
        "scenario.yaml": "name: test\nreference_date: 2017-10\n",
        "units.csv": "unit_id,name,kind,approved_posts\nD1,民政局,department,5\nD2,财政局,department,12\nT1,锦屏街道,town,3\n",
        "positions.csv": "position_id,unit_id,title,level,offered\nP1,D1,副科长,deputy,yes\nP2,D2,科长,chief,yes\nP3,T1,副主任,deputy,no\n",
        "cadres.csv": """
        cadre_id,name,gender,birth,unit_id,level,level_since,education,identity,training
        C1,张三,M,1980-01,D2,deputy,2012-01,bachelor,civil_servant,met
        C2,李四,F,1985-06,T1,staff,2010-01,associate,civil_servant,met
        C3,王五,M,1979-03,T1,deputy,2013-05,master,reference_managed,met

        """,
        "assessments.csv": "cadre_id,year,grade\nC1,2016,competent\nC2,2016,excellent\n",
        "applications.csv": "cadre_id,position_id\nC1,P1\nC2,P1\n",
        "interviews.csv": "cadre_id,position_id,judge_id,score\nC1,P1,J1,80\nC2,P1,J1,75\n",
    ]

    func folder(_ changes: [String: String?]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        var files: [String: String?] = Self.base.mapValues { Optional($0) }
        for (name, contents) in changes { files[name] = .some(contents) }
        for (name, entry) in files {
            guard let contents = entry else { continue }
            try Data(contents.utf8).write(to: url.appendingPathComponent(name))
        }
        return url
    }

    func load(_ changes: [String: String?] = [:]) throws -> LoadedScenario {
        try ScenarioLoader.load(folder: folder(changes))
    }

    /// The error lines printed for a scenario with these changes (fails the test if it loads).
    func problems(_ changes: [String: String?], file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        do {
            _ = try load(changes)
            XCTFail("expected input errors", file: file, line: line)
            return []
        } catch let errors as InputErrors {
            return errors.problems.filter { $0.severity == .error }.map(\.description)
        }
    }

    func assertProblem(_ changes: [String: String?], _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let found = try problems(changes, file: file, line: line)
        XCTAssertTrue(found.contains { $0.hasPrefix(expected) }, "expected a problem starting \(expected); got \(found)", file: file, line: line)
    }

    func testValidScenarioLoads() throws {
        let loaded = try load()
        XCTAssertEqual(loaded.scenario.cadres.map(\.id), ["C1", "C2", "C3"])
        XCTAssertEqual(loaded.scenario.rules.assessmentYears, [2014, 2015, 2016])
        XCTAssertEqual(loaded.scenario.interviews?.count, 2)
        XCTAssertEqual(loaded.inputs.map(\.file), ["scenario.yaml", "units.csv", "positions.csv", "cadres.csv",
                                                   "assessments.csv", "applications.csv", "interviews.csv"])
        XCTAssertEqual(loaded.inputs.first?.sha256.count, 64)
        XCTAssertEqual(loaded.warnings, [])
    }

    func testMissingInterviewsMeansPreInterviewAndHeaderOnlyMeansNoScores() throws {
        XCTAssertNil(try load(["interviews.csv": String?.none]).scenario.interviews)
        XCTAssertEqual(try load(["interviews.csv": "cadre_id,position_id,judge_id,score\n"]).scenario.interviews?.count, 0)
    }

    func testMissingFileIsReportedAtLineZero() throws {
        try assertProblem(["units.csv": String?.none], "units.csv:0: required file missing")
    }

    func testMissingRequiredColumnIsReportedOnTheHeaderLine() throws {
        try assertProblem(["units.csv": "\nunit_id,name,kind\nD1,民政局,department\n"], "units.csv:2: approved_posts: required column missing")
    }

    func testEveryProblemIsReportedAtOnce() throws {
        let found = try problems([
            "cadres.csv": """
            cadre_id,name,gender,birth,unit_id,level,level_since,education,identity,training
            C1,张三,X,1980-13,D2,deputy,2012-01,bachelor,civil_servant,met
            C2,李四,F,1985-06,T1,staff,2010-01,primary,civil_servant,sometimes
            C3,王五,M,1979-03,T9,deputy,2013-05,master,reference_managed,met

            """,
        ])
        XCTAssertTrue(found.contains { $0.hasPrefix("cadres.csv:2: gender:") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("cadres.csv:2: birth:") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("cadres.csv:3: education:") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("cadres.csv:3: training:") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("cadres.csv:4: unit_id: unknown unit \"T9\"") }, "\(found)")
    }

    func testDuplicateIds() throws {
        try assertProblem(["units.csv": "unit_id,name,kind,approved_posts\nD1,a,department,1\nD2,b,department,1\nT1,c,town,1\nD1,d,town,2\n"],
                          "units.csv:5: unit_id: duplicate id \"D1\" (first on line 2)")
    }

    func testUnknownReferences() throws {
        try assertProblem(["applications.csv": "cadre_id,position_id\nC1,P1\nC9,P1\n"], "applications.csv:3: cadre_id: unknown cadre \"C9\"")
        try assertProblem(["applications.csv": "cadre_id,position_id\nC1,P9\n"], "applications.csv:2: position_id: unknown position \"P9\"")
        try assertProblem(["positions.csv": "position_id,unit_id,title,level\nP1,D1,a,deputy\nP2,X9,b,chief\n"],
                          "positions.csv:3: unit_id: unknown unit \"X9\"")
        try assertProblem(["positions.csv": "position_id,unit_id,title,level,holder_id\nP1,D1,a,deputy,C7\nP2,D2,b,chief,\n"],
                          "positions.csv:2: holder_id: unknown cadre \"C7\"")
    }

    func testColumnGivenTwice() throws {
        try assertProblem(["units.csv": "unit_id,单位代码,name,kind,approved_posts\nD1,D1,a,department,1\n"], "units.csv:1: unit_id: column given twice")
    }

    func testApplicationToPositionNotOffered() throws {
        try assertProblem(["applications.csv": "cadre_id,position_id\nC1,P3\n"], "applications.csv:2: position_id: P3 is not offered")
    }

    func testSamePairAppliedTwice() throws {
        try assertProblem(["applications.csv": "cadre_id,position_id\nC1,P1\nC1,P1\n"], "applications.csv:3: position_id: C1 applied to P1 twice")
    }

    func testCompetitionModeNamesEveryRowOfAMultipleApplication() throws {
        let found = try problems(["applications.csv": "cadre_id,position_id\nC1,P1\nC2,P1\nC1,P2\n"])
        // One problem, on the first row, naming every row (issue 13: not one per row).
        XCTAssertEqual(found, ["applications.csv:2: cadre_id: E-APPLY: C1 applied 2 times (lines 2, 4); one application per person (每人限报一个职位)"])
    }

    func testPreferencesModeLimits() throws {
        let yaml = "name: t\nreference_date: 2017-10\nmode: preferences\nmax_preferences: 2\n"
        try assertProblem(["scenario.yaml": yaml, "applications.csv": "cadre_id,position_id,preference\nC1,P1,3\n"],
                          "applications.csv:2: preference: preference 3 is outside 1…2")
        try assertProblem(["scenario.yaml": yaml, "applications.csv": "cadre_id,position_id,preference\nC1,P1,1\nC1,P2,1\n"],
                          "applications.csv:3: preference: C1 uses preference 1 twice")
        try assertProblem(["scenario.yaml": "name: t\nreference_date: 2017-10\nmode: preferences\nmax_preferences: 1\n",
                           "applications.csv": "cadre_id,position_id,preference\nC1,P1,1\nC1,P2,1\n"],
                          "applications.csv:3: cadre_id: C1 has 2 applications, more than max_preferences 1")
        let loaded = try load(["scenario.yaml": yaml, "applications.csv": "cadre_id,position_id,preference\nC1,P1,2\nC1,P2,1\nC2,P1,1\n"])
        XCTAssertEqual(loaded.scenario.applications.map(\.preference), [2, 1, 1])
    }

    func testInterviewErrors() throws {
        try assertProblem(["interviews.csv": "cadre_id,position_id,judge_id,score\nC3,P1,J1,80\n"],
                          "interviews.csv:2: position_id: interview of C3 for P1, who did not apply")
        try assertProblem(["interviews.csv": "cadre_id,position_id,judge_id,score\nC1,P1,J1,80\nC1,P1,J1,81\n"],
                          "interviews.csv:3: judge_id: judge J1 scored C1 for P1 twice")
        try assertProblem(["interviews.csv": "cadre_id,position_id,judge_id,score\nC1,P1,J1,100.5\n"],
                          "interviews.csv:2: score: 100.5 is outside 0–100")
        try assertProblem(["interviews.csv": "cadre_id,position_id,judge_id,score\nC1,P1,J1,eighty\n"],
                          "interviews.csv:2: score: \"eighty\" is not a number")
    }

    func testEvaluationErrors() throws {
        let header = "cadre_id,due,took_part,good,fairly_good,average,poor\n"
        try assertProblem(["evaluations.csv": header + "C1,40,30,10,10,10,5\n"], "evaluations.csv:2: took_part: good + fairly_good + average + poor = 35")
        try assertProblem(["evaluations.csv": header + "C1,40,41,10,10,10,5\n"], "evaluations.csv:2: took_part: took_part 41 is more than due 40")
        try assertProblem(["evaluations.csv": header + "C1,40,40,10,10,10,5\nC1,40,40,10,10,10,5\n"],
                          "evaluations.csv:3: cadre_id: two evaluation rows for C1")
    }

    func testTwoGradesForOneYearAndTwoFitsForOnePair() throws {
        try assertProblem(["assessments.csv": "cadre_id,year,grade\nC1,2016,competent\nC1,2016,excellent\n"],
                          "assessments.csv:3: year: two grades for C1 in 2016")
        try assertProblem(["transfer_fit.csv": "cadre_id,position_id,fit\nC1,P1,70\nC1,P1,80\n"],
                          "transfer_fit.csv:3: position_id: two fits for C1 and P1")
    }

    func testRowWithMoreFieldsThanHeader() throws {
        try assertProblem(["assessments.csv": "cadre_id,year,grade\nC1,2016,competent,extra\n"],
                          "assessments.csv:2: 4 fields but the header has 3")
    }

    func testMissingRequiredValue() throws {
        try assertProblem(["units.csv": "unit_id,name,kind,approved_posts\nD1,,department,5\nD2,b,department,1\nT1,c,town,1\n"],
                          "units.csv:2: name: required value missing")
    }

    func testRecordLineIsWhereAQuotedRecordStarts() throws {
        let units = "unit_id,name,kind,approved_posts\nD1,\"民政\n局\",department,5\nD2,b,department,x\nT1,c,town,1\n"
        try assertProblem(["units.csv": units], "units.csv:4: approved_posts: \"x\" is not a whole number")
    }

    func testUnknownColumnIsAWarningAndKept() throws {
        let loaded = try load(["units.csv": "unit_id,name,kind,approved_posts,备注\nD1,a,department,5,x\nD2,b,department,1,\nT1,c,town,1,\n"])
        XCTAssertEqual(loaded.warnings.map(\.description), ["units.csv:1: 备注: warning: unknown column, kept and ignored"])
    }

    func testChineseHeadersAndValuesInGB18030ReadLikeEnglishUTF8() throws {
        let chinese: [String: String?] = [
            "units.csv": "单位代码,单位名称,单位类型,核定中层职数\nD1,民政局,区直部门,5\nD2,财政局,区直部门,12\nT1,锦屏街道,镇（街道）,3\n",
            "positions.csv": "职位代码,单位代码,职位名称,职级,是否推出\nP1,D1,副科长,中层副职,是\nP2,D2,科长,中层正职,是\nP3,T1,副主任,中层副职,否\n",
            "cadres.csv": """
            人员编号,姓名,性别,出生年月,单位代码,现职级,任现职级时间,学历,身份,培训
            C1,张三,男,1980年01月,D2,中层副职,2012.01,本科,公务员,已达标
            C2,李四,女,1985/06,T1,科员,2010-01-15,大专,公务员,已达标
            C3,王五,男,1979-03,T1,中层副职,2013年5月,硕士,参公,已达标

            """,
            "assessments.csv": "人员编号,年度,考核等次\nC1,2016,称职\nC2,2016,优秀\n",
            "applications.csv": "人员编号,职位代码\nC1,P1\nC2,P1\n",
            "interviews.csv": "人员编号,职位代码,评委编号,分数\nC1,P1,J1,80\nC2,P1,J1,75\n",
        ]
        let url = try folder(chinese)
        for name in ["units.csv", "positions.csv", "cadres.csv", "assessments.csv"] {
            let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            try Data(TextDecoding.encode(text, as: .gb18030)).write(to: url.appendingPathComponent(name))
        }
        let fromChinese = try ScenarioLoader.load(folder: url).scenario
        let fromEnglish = try load().scenario
        XCTAssertEqual(fromChinese.units, fromEnglish.units)
        XCTAssertEqual(fromChinese.positions, fromEnglish.positions)
        XCTAssertEqual(fromChinese.cadres, fromEnglish.cadres)
        XCTAssertEqual(fromChinese.assessments, fromEnglish.assessments)
        XCTAssertEqual(try ScenarioLoader.load(folder: url).inputs.first { $0.file == "cadres.csv" }?.encoding, "gb18030")
    }

    func testPinnedEncodingIsUsed() throws {
        let url = try folder(["scenario.yaml": "name: t\nreference_date: 2017-10\nencoding: gbk\n"])
        for name in Self.base.keys.sorted() where name.hasSuffix(".csv") {
            let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            try Data(TextDecoding.encode(text, as: .gb18030)).write(to: url.appendingPathComponent(name))
        }
        XCTAssertEqual(try ScenarioLoader.load(folder: url).scenario.units.first?.name, "民政局")
    }

    func testScenarioYamlSettingsAndErrors() throws {
        let yaml = """
        name: t
        reference_date: 2018年10月
        rules:
          pass_mark: 59.5
          evaluation: {poor_share: 0.2, average_poor_share: 1/3}
          ties: [months_in_level]
          training: allow_pending
        transfer: {place_all_due: true, max_per_unit_pair: 2}
        solver: {time_limit_seconds: 5}
        """
        let loaded = try load(["scenario.yaml": yaml])
        let scenario = loaded.scenario
        XCTAssertEqual(scenario.referenceDate, YearMonth(year: 2018, month: 10))
        XCTAssertEqual(scenario.rules.passMark, Fraction(119, 2))
        XCTAssertEqual(scenario.rules.poorShare, Fraction(1, 5))
        XCTAssertEqual(scenario.rules.averagePoorShare, Fraction(1, 3))
        XCTAssertEqual(scenario.rules.effectiveTies, [.monthsInLevel, .cadreID])
        XCTAssertEqual(scenario.rules.assessmentYears, [2015, 2016, 2017])
        XCTAssertEqual(scenario.rules.training, .allowPending)
        XCTAssertTrue(scenario.transfer.placeAllDue)
        XCTAssertEqual(scenario.transfer.maxPerUnitPair, 2)
        XCTAssertEqual(scenario.solver.timeLimitSeconds, 5)
        XCTAssertEqual(loaded.warnings.map(\.description), [])

        try assertProblem(["scenario.yaml": "reference_date: 2017-10\n"], "scenario.yaml:1: name: required key missing")
        try assertProblem(["scenario.yaml": "name: t\nreference_date: 2017-10\nmode: lottery\n"], "scenario.yaml:3: mode:")
        try assertProblem(["scenario.yaml": "name: t\nreference_date: 2017-10\nrules:\n  score_decimals: 3\n"], "scenario.yaml:4: rules.score_decimals:")
        try assertProblem(["scenario.yaml": "name: t\nreference_date: 2017-10\nsolver: {time_limit_seconds: -1}\n"], "scenario.yaml:3: solver.time_limit_seconds:")
        try assertProblem(["scenario.yaml": "name: [t\n"], "scenario.yaml:")
    }

    // MARK: Numbers: read exactly, or refused with a reason (never a trap, never a silent rounding)

    /// scenario.yaml with one `rules:` line (line 3).
    private func yaml(_ rules: String) -> [String: String?] {
        ["scenario.yaml": "name: t\nreference_date: 2017-10\nrules: {\(rules)}\n"]
    }

    func testPassMarkFractionTooLargeIsAnInputProblemNotATrap() throws {
        try assertProblem(yaml("pass_mark: 999999999.999999/0.000001"), "scenario.yaml:3: rules.pass_mark: 999999999.999999/0.000001 is outside 0–100")
        XCTAssertEqual(try load(yaml("pass_mark: 0.000001/999999999.999999")).scenario.rules.passMark, Fraction(1, 999_999_999_999_999))
        try assertProblem(yaml("pass_mark: 0.000000000000000001/999999999999999999"),
                          "scenario.yaml:3: rules.pass_mark: \"0.000000000000000001/999999999999999999\" has too many digits (at most 18 in numerator and denominator, once reduced)")
        try assertProblem(yaml("pass_mark: 1/0"), "scenario.yaml:3: rules.pass_mark: \"1/0\" divides by zero")
    }

    func testPassMarkOutOfRangeIsRefused() throws {
        try assertProblem(yaml("pass_mark: 999999999.999999"), "scenario.yaml:3: rules.pass_mark: 999999999.999999 is outside 0–100")
        try assertProblem(yaml("pass_mark: -1"), "scenario.yaml:3: rules.pass_mark: -1 is outside 0–100")
        XCTAssertEqual(try load(yaml("pass_mark: 100")).scenario.rules.passMark, Fraction(100))
        XCTAssertEqual(try load(yaml("pass_mark: 179/3")).scenario.rules.passMark, Fraction(179, 3))
    }

    func testSharesAreBetweenZeroAndOne() throws {
        try assertProblem(yaml("evaluation: {poor_share: 3/2}"), "scenario.yaml:3: rules.evaluation.poor_share: 3/2 is outside 0–1")
        try assertProblem(yaml("evaluation: {min_participation: -0.5}"), "scenario.yaml:3: rules.evaluation.min_participation: -0.5 is outside 0–1")
    }

    func testLongDecimalThresholdIsReadExactly() throws {
        let rules = try load(yaml("evaluation: {average_poor_share: 0.3333333, poor_share: 0.199999999999999999}")).scenario.rules
        XCTAssertEqual(rules.averagePoorShare, Fraction(3_333_333, 10_000_000))
        XCTAssertEqual(rules.poorShare, Fraction(199_999_999_999_999_999, 1_000_000_000_000_000_000))
        XCTAssertLessThan(rules.poorShare, Fraction(1, 5))
        XCTAssertEqual(try load(yaml("pass_mark: 059.99500000")).scenario.rules.passMark, Fraction(11999, 200))
    }

    func testDecimalWithTooManyDigitsIsRefusedWithTheBound() throws {
        try assertProblem(yaml("evaluation: {average_poor_share: 0.3333333333333333333}"),
                          "scenario.yaml:3: rules.evaluation.average_poor_share: \"0.3333333333333333333\" has too many digits (at most 18)")
        try assertProblem(["interviews.csv": "cadre_id,position_id,judge_id,score\nC1,P1,J1,80.0000000000000000001\n"],
                          "interviews.csv:2: score: \"80.0000000000000000001\" has too many digits (at most 18)")
    }

    func testManyDecimalsInScoresAreReadExactly() throws {
        let loaded = try load(["interviews.csv": "cadre_id,position_id,judge_id,score\nC1,P1,J1,99.9999999999999999\nC2,P1,J1,0.000000000000000001\n"])
        XCTAssertEqual(loaded.scenario.interviews?.map(\.score.fraction),
                       [Fraction(999_999_999_999_999_999, 10_000_000_000_000_000), Fraction(1, 1_000_000_000_000_000_000)])
    }

    func testFractionalSectionYearsAreReadExactly() throws {
        let cadres = """
        cadre_id,name,gender,birth,unit_id,level,level_since,education,identity,training,section_years
        C1,张三,M,1980-01,D2,deputy,2012-01,bachelor,civil_servant,met,8.5
        C2,李四,F,1985-06,T1,staff,2010-01,associate,civil_servant,met,9
        C3,王五,M,1979-03,T1,deputy,2013-05,master,reference_managed,met,

        """
        let scenario = try load(["cadres.csv": cadres]).scenario
        XCTAssertEqual(scenario.cadres.map(\.sectionYears), [Fraction(17, 2), Fraction(9), Fraction(0)])
        try assertProblem(["cadres.csv": cadres.replacingOccurrences(of: "8.5", with: "-1")], "cadres.csv:2: section_years: -1 is below 0")
        try assertProblem(["cadres.csv": cadres.replacingOccurrences(of: "8.5", with: "eight")], "cadres.csv:2: section_years: \"eight\" is not a number")
    }

    func testHugeEvaluationCountsLoad() throws {
        let evaluations = "cadre_id,due,took_part,good,fairly_good,average,poor\nC1,999999999999,999999999999,999999999999,0,0,0\n"
        XCTAssertEqual(try load(["evaluations.csv": evaluations]).scenario.evaluations.first?.good, 999_999_999_999)
        try assertProblem(["evaluations.csv": evaluations.replacingOccurrences(of: "C1,999999999999,", with: "C1,9999999999999,")],
                          "evaluations.csv:2: due: \"9999999999999\" has too many digits (at most 12)")
    }

    func testImpossibleAssessmentYearIsRefused() throws {
        try assertProblem(["assessments.csv": "cadre_id,year,grade\nC1,999999999999,competent\n"],
                          "assessments.csv:2: year: 999999999999 is after the reference year 2017")
        try assertProblem(["assessments.csv": "cadre_id,year,grade\nC1,2018,competent\n"],
                          "assessments.csv:2: year: 2018 is after the reference year 2017")
        try assertProblem(yaml("assessment_years: [2015, 2016, 999999999999]"),
                          "scenario.yaml:3: rules.assessment_years: \"999999999999\" is not a year from 1900 to 2017")
    }

    func testDayOutOfRangeForTheMonthIsRefused() throws {
        let cadres = try XCTUnwrap(Self.base["cadres.csv"])
        try assertProblem(["cadres.csv": cadres.replacingOccurrences(of: "1980-01,", with: "2017-02-31,")],
                          "cadres.csv:2: birth: \"2017-02-31\" is not a date: 2017-02 has 28 days")
        try assertProblem(["cadres.csv": cadres.replacingOccurrences(of: "1980-01,", with: "2016年2月30日,")],
                          "cadres.csv:2: birth: \"2016年2月30日\" is not a date: 2016-02 has 29 days")
        XCTAssertEqual(try load(["cadres.csv": cadres.replacingOccurrences(of: "1980-01,", with: "2016-02-29,")]).scenario.cadres.first?.birth,
                       YearMonth(year: 2016, month: 2))
        try assertProblem(["scenario.yaml": "name: t\nreference_date: 2017-04-31\n"], "scenario.yaml:2: reference_date: \"2017-04-31\" is not a date: 2017-04 has 30 days")
    }

    func testDatesAfterTheReferenceDateAreRefused() throws {
        let cadres = try XCTUnwrap(Self.base["cadres.csv"])
        try assertProblem(["cadres.csv": cadres.replacingOccurrences(of: "1980-01,", with: "2017-11,")],
                          "cadres.csv:2: birth: 2017-11 is after the reference date 2017-10")
        try assertProblem(["cadres.csv": cadres.replacingOccurrences(of: "2012-01,", with: "2018-01,")],
                          "cadres.csv:2: level_since: 2018-01 is after the reference date 2017-10")
        XCTAssertNoThrow(try load(["cadres.csv": cadres.replacingOccurrences(of: "2012-01,", with: "2017-10,")]))
    }
}
