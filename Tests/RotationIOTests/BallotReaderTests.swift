// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
@testable import RotationIO
import XCTest

/// Reading ballot folders: every problem at once at FILE:LINE: column, in the user's language;
/// encodings and header languages; evaluations.csv and tally.json as written; rules.ballots.
final class BallotReaderTests: XCTestCase {
    /// Two units: D1 with C1–C3, D2 with C4.
    static let scenario: Scenario = {
        var scenario = Scenario(name: "test", referenceDate: YearMonth(year: 2017, month: 10))
        scenario.units = [Unit(id: "D1", name: "民政局", kind: .department, approvedPosts: 5),
                          Unit(id: "D2", name: "财政局", kind: .department, approvedPosts: 5)]
        for (id, unit) in [("C1", "D1"), ("C2", "D1"), ("C3", "D1"), ("C4", "D2")] {
            scenario.cadres.append(Cadre(id: CadreID(rawValue: id), name: "某\(id)", gender: .male, birth: YearMonth(year: 1980, month: 1),
                                         unitID: UnitID(rawValue: unit), level: .deputy, levelSince: YearMonth(year: 2012, month: 1)))
        }
        return scenario
    }()

    static let meetings = "unit_id,due\nD1,5\nD2,3\n"
    static let performance = """
    ballot_id,cadre_id,decision,service,problem_solving,political,image,overall,reason
    P1,C1,较好,较好,较好,较好,较好,好,实绩突出
    P1,C2,较好,较好,较好,较好,较好,较好,
    P1,C3,一般,一般,一般,一般,一般,较差,推进不力
    P2,C1,,,,,,较好,
    P2,C2,,,,,,一般,
    P2,C3,,,,,,较好,
    Q1,C4,较好,较好,较好,较好,较好,较好,

    """
    static let moral = """
    ballot_id,cadre_id,political_virtue,professional_ethics,social_morality,family_virtue,political_virtue_reverse,reason
    M1,C1,好,好,好,好,,
    M1,C2,好,好,好,好,A,有违纪言行

    """

    func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-ballots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        for (name, contents) in files { try Data(contents.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    func read(_ files: [String: String], language: Language = .en) throws -> BallotBox {
        try BallotReader.read(folder: folder(files), scenario: Self.scenario, language: language).box
    }

    /// The problems of reading `files`, as printed.
    func problems(_ files: [String: String], language: Language = .en) throws -> [String] {
        do {
            _ = try read(files, language: language)
            XCTFail("expected problems")
            return []
        } catch let errors as InputErrors {
            return errors.problems.filter { $0.severity == .error }.map { $0.rendered(language) }
        }
    }

    func testAValidFolderReads() throws {
        let box = try read(["meetings.csv": Self.meetings, "performance.csv": Self.performance, "moral.csv": Self.moral])
        XCTAssertEqual(box.meetings, [Meeting(unitID: "D1", due: 5), Meeting(unitID: "D2", due: 3)])
        XCTAssertEqual(box.performance?.map(\.id), ["P1", "P2", "Q1"])
        XCTAssertEqual(box.performance?.map(\.unitID), ["D1", "D1", "D2"])
        XCTAssertEqual(box.performance?[0].lines.map(\.hasReason), [true, false, true])
        XCTAssertEqual(box.performance?[1].lines[0].mark(.decision), .empty)
        XCTAssertEqual(box.performance?[0].lines[2].location, BallotLocation(file: "performance.csv", row: 4))
        XCTAssertEqual(box.moral?[0].lines[1].reverse(.politicalVirtue), ReverseIndicators(a: true))
        let result = Tally.count(box, rules: RuleSettings(referenceYear: 2017), confirmations: [:])
        XCTAssertEqual(result.cadres.map(\.tookPart), [2, 2, 2, 1])
        XCTAssertEqual(result.ballots.map(\.isVoid), [true, false, false, false], "one 好 of 3 lines is over 20%")
        XCTAssertEqual(result.cadres.map { $0.counts }, [GradeCounts(fairlyGood: 1), GradeCounts(average: 1), GradeCounts(fairlyGood: 1),
                                                          GradeCounts(fairlyGood: 1)])
    }

    func testEveryProblemAtOnce() throws {
        let performance = """
        ballot_id,cadre_id,decision,overall,reason
        P1,C1,较好,好,实绩突出
        P1,C4,较好,较好,
        P1,C1,较好,一般,
        P1,C9,较好,较好,
        P2,C2,优,较好,
        P2,C3,较好,,
        Q1,C4,较好,较好,

        """
        let moral = """
        ballot_id,cadre_id,political_virtue,professional_ethics,social_morality,family_virtue,political_virtue_reverse,reason
        M1,C1,好,好,好,好,C,
        M1,C2,好,好,好,好,A;B,有违纪言行

        """
        let found = try problems(["meetings.csv": "unit_id,due\nD1,1\nD9,3\nD1,4\n", "performance.csv": performance, "moral.csv": moral])
        XCTAssertEqual(found, [
            "meetings.csv:2: due: unit D1 has 2 ballots, more than the 1 due to take part",
            "meetings.csv:3: unit_id: unknown unit \"D9\" (not in units.csv)",
            "meetings.csv:4: unit_id: two rows for unit D1 (first on line 2); one meeting per unit",
            "moral.csv:2: political_virtue_reverse: not a reverse indicator (C): write A, B or A;B (none left empty)",
            "performance.csv:3: cadre_id: C4 is of unit D2, but ballot P1 is of unit D1 (line 2); one ballot evaluates the cadres of one unit",
            "performance.csv:4: cadre_id: C1 is on ballot P1 twice (first on line 2)",
            "performance.csv:5: cadre_id: unknown cadre \"C9\" (not in cadres.csv)",
            "performance.csv:6: decision: not a grade (优): write one of good (好), fairly_good (较好), average (一般), poor (较差) (several ticks separated by ; or 、, none left empty)",
            "performance.csv:8: cadre_id: unit D2 has ballots but no row in meetings.csv (how many were due to take part)",
        ])
    }

    func testProblemsInChinese() throws {
        let found = try problems(["meetings.csv": "单位代码,应参加人数\nD1,1\n",
                                  "performance.csv": "票号,人员编号,总体评价\nP1,C1,好\nP2,C9,较好\nP3,C2,一般\n"], language: .zh)
        XCTAssertEqual(found, [
            "meetings.csv:2: 应参加人数: 单位 D1 收回 2 张绩效评价票，多于应参加人数 1",
            "performance.csv:3: 人员编号: 未知人员编号“C9”（不在 cadres.csv 中）",
        ])
    }

    func testMissingFilesAndColumns() throws {
        XCTAssertEqual(try problems(["performance.csv": Self.performance]),
                       ["meetings.csv:0: meetings.csv is missing (`rotation init FOLDER --ballots --scenario SCENARIO` writes empty forms)"])
        XCTAssertEqual(try problems(["meetings.csv": Self.meetings]),
                       ["performance.csv:0: neither performance.csv (附件2) nor moral.csv (附件3) is there: nothing to tally"])
        XCTAssertEqual(try problems(["meetings.csv": Self.meetings, "performance.csv": "ballot_id,cadre_id\nP1,C1\n"]),
                       ["performance.csv:1: overall: required column missing (header \"overall\" or \"总体评价\")"])
        XCTAssertEqual(try problems(["meetings.csv": "unit_id,due\nD1,五\n", "performance.csv": "ballot_id,cadre_id,overall\nP1,C1,好\n"]),
                       ["meetings.csv:2: due: \"五\" is not a whole number of 0 or more"], "the root cause only: D1 has its row")
    }

    func testTookPartEqualToDueIsFine() throws {
        XCTAssertNoThrow(try read(["meetings.csv": "unit_id,due\nD1,2\nD2,1\n", "performance.csv": Self.performance]))
    }

    func testChineseHeadersInGB18030ReadLikeEnglishUTF8() throws {
        let chinese = """
        票号,人员编号,决策推进,服务保障,难题破解,政治规矩,干部形象,总体评价,评价理由
        P1,C1,较好,较好,较好,较好,较好,好,实绩突出
        P1,C2,较好,较好,较好,较好,较好,较好;一般,
        P1,C3,一般,一般,一般,一般,一般,较差,推进不力

        """
        let url = try folder(["meetings.csv": Self.meetings])
        try Data(TextDecoding.encode(chinese, as: .gb18030)).write(to: url.appendingPathComponent("performance.csv"))
        let box = try BallotReader.read(folder: url, scenario: Self.scenario, language: .zh).box
        let english = try read(["meetings.csv": Self.meetings, "performance.csv": """
        ballot_id,cadre_id,decision,service,problem_solving,political,image,overall,reason
        P1,C1,fairly_good,fairly_good,fairly_good,fairly_good,fairly_good,good,x
        P1,C2,fairly_good,fairly_good,fairly_good,fairly_good,fairly_good,fairly_good、average,
        P1,C3,average,average,average,average,average,poor,x

        """])
        XCTAssertEqual(box.performance?.first?.lines.map(\.marks), english.performance?.first?.lines.map(\.marks))
        XCTAssertEqual(box.performance?.first?.lines[1].mark(.overall), .spoiled([.fairlyGood, .average]))
    }

    // MARK: Workbooks and templates

    /// A worksheet as the xlsx reader gives it: rows of cells, each row with its Excel number.
    static func worksheet(_ name: String, _ csv: String) -> XLSXWorkbook.Sheet {
        let rows = csv.split(separator: "\n").enumerated().map { index, line in
            XLSXWorkbook.Row(number: index + 1, cells: line.split(separator: ",", omittingEmptySubsequences: false).enumerated().compactMap { column, text in
                text.isEmpty ? nil : XLSXWorkbook.Cell(column: column + 1, text: String(text), isNumber: Int(text) != nil)
            })
        }
        return XLSXWorkbook.Sheet(name: name, rows: rows)
    }

    func testWorksheetsReadLikeCSVAndProblemsNameTheSheet() throws {
        var reader = BallotReader(scenario: Self.scenario, language: .zh)
        let box = reader.read(meetings: .worksheet(Self.worksheet("测评会议", Self.meetings), file: "ballots.xlsx"),
                              performance: .worksheet(Self.worksheet("附件2", Self.performance), file: "ballots.xlsx"), moral: nil)
        XCTAssertEqual(reader.problems.filter { $0.severity == .error }, [])
        let csv = try read(["meetings.csv": Self.meetings, "performance.csv": Self.performance])
        XCTAssertEqual(box?.performance?.map { $0.lines.map(\.marks) }, csv.performance?.map { $0.lines.map(\.marks) })
        XCTAssertEqual(box?.performance?.first?.lines.first?.location, BallotLocation(file: "ballots.xlsx", sheet: "附件2", row: 2))

        var bad = BallotReader(scenario: Self.scenario, language: .zh)
        _ = bad.read(meetings: .worksheet(Self.worksheet("测评会议", Self.meetings), file: "ballots.xlsx"),
                     performance: .worksheet(Self.worksheet("附件2", "ballot_id,cadre_id,overall\nP1,C1,较好\nP1,C9,优\n"), file: "ballots.xlsx"),
                     moral: nil)
        XCTAssertEqual(bad.problems.map { $0.rendered(.zh) }, [
            "ballots.xlsx:附件2!3: 人员编号: 未知人员编号“C9”（不在 cadres.csv 中）",
            "ballots.xlsx:附件2!3: 总体评价: `优`不是好、较好、一般、较差之一（多选用 ; 或 、 分隔，未勾选留空）",
        ])
    }

    func testUnusedFormsAndEmptyDueOfUnitsWithoutBallotsAreIgnored() throws {
        let performance = Self.performance + "P9,C1,,,,,,,\nP9,C2,,,,,,,\nP9,C3,,,,,,,\n"
        let box = try read(["meetings.csv": "unit_id,due,unit_name\nD1,5,民政局\nD2,,财政局\n",
                            "performance.csv": performance.replacingOccurrences(of: "Q1,C4,较好,较好,较好,较好,较好,较好,\n", with: "")])
        XCTAssertEqual(box.performance?.map(\.id), ["P1", "P2"], "P9 has no mark at all: an unused form")
        XCTAssertEqual(box.meetings, [Meeting(unitID: "D1", due: 5)])
        XCTAssertEqual(try problems(["meetings.csv": "unit_id,due\nD1,\nD2,3\n", "performance.csv": Self.performance]),
                       ["meetings.csv:2: due: required value missing"])
    }

    func testTheSameFormTwiceIsAProblem() throws {
        let found = try problems(["meetings.csv": Self.meetings, "performance.csv": Self.performance, "performance.xlsx": "not a zip"])
        XCTAssertTrue(found.contains("performance.xlsx:0: performance.csv is given twice (performance.csv and performance.xlsx); keep one"), "\(found)")
    }

    // MARK: Writing

    func testEvaluationsCSVHasBOMChineseHeadersAndGuardsFormulas() throws {
        var scenario = Self.scenario
        scenario.cadres.append(Cadre(id: "=C5", name: "x", gender: .male, birth: YearMonth(year: 1980, month: 1), unitID: "D2", level: .deputy,
                                     levelSince: YearMonth(year: 2012, month: 1)))
        let url = try folder(["meetings.csv": Self.meetings, "performance.csv": Self.performance + "Q1,=C5,,,,,,较好,\n", "moral.csv": Self.moral])
        let box = try BallotReader.read(folder: url, scenario: scenario, language: .zh).box
        let result = Tally.count(box, rules: RuleSettings(referenceYear: 2017), confirmations: ["C3": Tally.Confirmation(poor: true, moral: false)])
        XCTAssertEqual(result.ballots.map(\.isVoid), [true, false, false, false], "P1: one 好 of 3 lines is over 20%")
        let zh = BallotWriter.evaluationsCSV(result, language: .zh)
        XCTAssertEqual(zh, """
        \u{FEFF}人员编号,应参加人数,实参加人数,好,较好,一般,较差,组织认定较差,德行总体评价,德行经组织认定
        'C5,3,1,0,1,0,0,否,,否
        C1,5,2,0,1,0,0,否,好,否
        C2,5,2,0,0,1,0,否,一般,否
        C3,5,2,0,1,0,0,是,,否
        C4,3,1,0,1,0,0,否,,否

        """.replacingOccurrences(of: "'C5", with: "'=C5"))
        let en = BallotWriter.evaluationsCSV(result, language: .en)
        XCTAssertTrue(en.hasPrefix("\u{FEFF}cadre_id,due,took_part,good,fairly_good,average,poor,confirmed_poor,moral,moral_confirmed\n"))
        XCTAssertTrue(en.contains("C2,5,2,0,0,1,0,no,average,no\n"), en)
    }

    func testWrittenEvaluationsReadBackAsTheScenario() throws {
        let box = try read(["meetings.csv": Self.meetings, "performance.csv": Self.performance, "moral.csv": Self.moral])
        let result = Tally.count(box, rules: RuleSettings(referenceYear: 2017), confirmations: [:])
        let units = "unit_id,name,kind,approved_posts\nD1,民政局,department,5\nD2,财政局,department,5\n"
        let cadres = "cadre_id,name,gender,birth,unit_id,level,level_since,education,identity,training\n"
            + Self.scenario.cadres.map { "\($0.id),某,M,1980-01,\($0.unitID),deputy,2012-01,bachelor,civil_servant,met\n" }.joined()
        for language in [Language.zh, .en] {
            var builder = ScenarioBuilder(scenario: Scenario(name: "t", referenceDate: YearMonth(year: 2017, month: 10)), encoding: nil)
            builder.read(["units.csv": Array(units.utf8), "cadres.csv": Array(cadres.utf8),
                          "evaluations.csv": Array(BallotWriter.evaluationsCSV(result, language: language).utf8)])
            XCTAssertEqual(builder.problems.filter { $0.severity == .error }, [])
            XCTAssertEqual(builder.scenario.evaluations, result.cadres.compactMap(\.record))
        }
    }

    // MARK: rules.ballots

    func settings(_ yaml: String) -> (RuleSettings?, [InputProblem]) {
        var reader = SettingsReader()
        let scenario = reader.read("name: t\nreference_date: 2017-10\nrules:\n  ballots:\n" + yaml)
        return (scenario?.rules, reader.problems)
    }

    func testBallotSettingsAreRead() {
        let (rules, problems) = settings("""
            over_quota: void_column
            missing_reason: void_line
            moral_shares: {good: 1, fairly_good: 3/4, average: 0.5, poor: 0}
            moral_grades: {good: 95, fairly_good: 85.5, average: 60}

        """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(rules?.ballots.overQuota, .voidColumn)
        XCTAssertEqual(rules?.ballots.missingReason, .voidLine)
        XCTAssertEqual(rules?.ballots.moralShares, [.good: 1, .fairlyGood: Fraction(3, 4), .average: Fraction(1, 2), .poor: 0])
        XCTAssertEqual(rules?.ballots.moralGrades, [.good: 95, .fairlyGood: Fraction(171, 2), .average: 60])
        XCTAssertEqual(settings("    over_quota: flag\n").0?.ballots.overQuota, .flag)
        XCTAssertEqual(settings("    over_quota: void_ballot\n").0?.ballots, BallotSettings())
    }

    func testBadBallotSettingsAreReportedAtTheirKey() {
        let (_, problems) = settings("""
            over_quota: void
            missing_reason: ignore
            moral_shares: {good: 1.5}
            moral_grades: {good: 80, fairly_good: 90}
            colour: red

        """)
        XCTAssertEqual(problems.map(\.description), [
            "scenario.yaml:5: rules.ballots.over_quota: \"void\" is not void_ballot, void_column or flag",
            "scenario.yaml:6: rules.ballots.missing_reason: \"ignore\" is not flag or void_line",
            "scenario.yaml:7: rules.ballots.moral_shares.good: 1.5 is outside 0–1",
            "scenario.yaml:8: rules.ballots.moral_grades.fairly_good: 90 is outside 0–80",
            "scenario.yaml:9: rules.ballots.colour: unknown key (check its spelling against the documented settings)",
        ])
    }
}
