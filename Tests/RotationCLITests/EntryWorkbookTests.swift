// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest

/// `rotation init DIR --xlsx`: one workbook a clerk fills in; as written (the worked example) it solves.
final class EntryWorkbookTests: XCTestCase {
    /// A part of an xlsx, read with /usr/bin/unzip.
    func part(_ path: String, of workbook: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", workbook.path, path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "unzip \(path)")
        return String(decoding: data, as: UTF8.self)
    }

    func testInitXlsxValidatesAndSolves() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("录入")
        let made = try CLI.run(["init", scenario.path, "--xlsx"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: scenario.path).sorted()
        XCTAssertEqual(names, ["README.md", "scenario.xlsx", "scenario.yaml"], "one workbook, no CSV files")
        let validated = try CLI.run(["validate", scenario.path])
        XCTAssertEqual(validated.status, 0, validated.stderr)
        XCTAssertTrue(validated.stdout.contains("3 cadres") || validated.stdout.contains("3"), validated.stdout)
        XCTAssertEqual(validated.stderr, "", "no warning: the instructions sheet is not a scenario file")
        let solved = try CLI.run(["solve", scenario.path, "--out", folder.appendingPathComponent("结果").path])
        XCTAssertEqual(solved.status, 0, solved.stderr)
        // The same run as the CSV template's (but for audit.json's inputs).
        let csvScenario = folder.appendingPathComponent("csv")
        XCTAssertEqual(try CLI.run(["init", csvScenario.path]).status, 0)
        XCTAssertEqual(try CLI.run(["solve", csvScenario.path, "--out", folder.appendingPathComponent("csv-run").path]).status, 0)
        for name in ["shortlist.csv", "placements.csv", "eligibility.csv", "result.json"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("结果/\(name)")),
                           try Data(contentsOf: folder.appendingPathComponent("csv-run/\(name)")), name)
        }
    }

    /// Sheets, Chinese headers, a dropdown on every coded column, text format on id and month columns.
    func testTheWorkbookHasDropdownsTextColumnsAndInstructions() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("new")
        XCTAssertEqual(try CLI.run(["init", scenario.path, "--xlsx"]).status, 0)
        let workbook = scenario.appendingPathComponent("scenario.xlsx")
        let sheets = try part("xl/workbook.xml", of: workbook)
        for (index, name) in ["说明", "单位", "职位", "干部", "考核", "报名", "面试", "测评", "调动适配度"].enumerated() {
            XCTAssertTrue(sheets.contains("<sheet name=\"\(name)\" sheetId=\"\(index + 1)\""), "sheet \(name): \(sheets)")
        }
        let strings = try part("xl/sharedStrings.xml", of: workbook)
        for header in ["人员编号", "性别", "出生年月", "负面情形", "考核等次"] { XCTAssertTrue(strings.contains(header), header) }
        // The instructions list every code in Chinese and English.
        for code in ["discipline", "canvassing", "under_investigation", "公务员", "civil_servant", "中层副职", "deputy", "基本称职",
                     "basically_competent", "镇（街道）", "town", "已达标", "met"] {
            XCTAssertTrue(strings.contains("<t>\(code)</t>"), "code \(code) listed")
        }

        // 干部 (sheet4): columns A… as in cadres.csv's template.
        let cadres = try part("xl/worksheets/sheet4.xml", of: workbook)
        let validated = Set(cadres.components(separatedBy: "<dataValidation ").dropFirst().compactMap { item -> String? in
            guard let range = item.range(of: #"sqref="([A-Z]+)2:\1\d+""#, options: .regularExpression) else { return nil }
            XCTAssertTrue(item.contains("type=\"list\""), item)
            XCTAssertTrue(item.contains("<formula1>'说明'!$B$"), item)
            return String(item[range].dropFirst(7).prefix { $0.isLetter })
        })
        // 性别 C, 现职级 F, 学历 K, 身份 L, 身份经审核同意 M, 培训 N, 身体条件 O, 破格提拔审批 Q, 服从组织安排 R, 负面情形 T.
        XCTAssertEqual(validated, ["C", "F", "K", "L", "M", "N", "O", "Q", "R", "T"])
        // Text format (style) on 人员编号 A, 出生年月 D, 单位代码 E, 任现职级时间 G, 现任职位代码 H, 任现职时间 I, 新录用到镇街时间 P only.
        let styled = Set(cadres.components(separatedBy: "<col ").dropFirst().compactMap { item -> Int? in
            guard item.prefix(while: { $0 != ">" }).contains("style=") else { return nil }
            return Int(item.drop { !$0.isNumber }.prefix { $0.isNumber })
        })
        XCTAssertEqual(styled, [1, 4, 5, 7, 8, 9, 16])
        // Every other sheet with a coded column has its dropdowns too.
        for (sheet, expected) in [("sheet2", 1), ("sheet3", 5), ("sheet5", 1), ("sheet6", 2), ("sheet7", 1), ("sheet8", 3)] {
            let xml = try part("xl/worksheets/\(sheet).xml", of: workbook)
            XCTAssertEqual(xml.components(separatedBy: "<dataValidation ").count - 1, expected, sheet)
        }
    }
}
