// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

/// A scenario read from its folder, with the warnings and the files' fingerprints.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    public var warnings: [InputProblem]
    /// Every input file read, in contract order, with its SHA-256 and encoding (as audit.json records it).
    public var inputs: [Run.Input]
    /// Each scenario file's name as the user has it (`cadres.csv`, or the sheet that stands in for it).
    public var sources: [String: SourceName] = [:]

    /// Where `file` came from (`ScenarioFiles.cadres` → `cadres.csv` or `scenario.xlsx 的 干部 工作表`).
    public func source(_ file: String) -> SourceName { sources[file] ?? .file(file) }
}

/// Reads and validates a scenario folder (scenario-format.md): every problem at once.
///
/// ```swift
/// let loaded = try ScenarioLoader.load(folder: URL(fileURLWithPath: "scenarios/fenghua-2017"))
/// ```
public enum ScenarioLoader {
    public static let unitColumns = [
        ColumnSpec("unit_id", "单位代码", required: true), ColumnSpec("name", "单位名称", required: true),
        ColumnSpec("kind", "单位类型", required: true), ColumnSpec("approved_posts", "核定中层职数", required: true),
    ]
    public static let positionColumns = [
        ColumnSpec("position_id", "职位代码", required: true), ColumnSpec("unit_id", "单位代码", required: true),
        ColumnSpec("title", "职位名称", required: true), ColumnSpec("level", "职级", required: true),
        ColumnSpec("section", "科室"), ColumnSpec("offered", "是否推出"), ColumnSpec("vacated_by_dismissal", "免职腾出"),
        ColumnSpec("holder_id", "现任人员编号"), ColumnSpec("identities", "身份要求"), ColumnSpec("min_education", "学历要求"),
    ]
    public static let cadreColumns = [
        ColumnSpec("cadre_id", "人员编号", required: true), ColumnSpec("name", "姓名", required: true),
        ColumnSpec("gender", "性别", required: true), ColumnSpec("birth", "出生年月", required: true),
        ColumnSpec("unit_id", "单位代码", required: true), ColumnSpec("level", "现职级", required: true),
        ColumnSpec("level_since", "任现职级时间", required: true), ColumnSpec("position_id", "现任职位代码"),
        ColumnSpec("position_since", "任现职时间"), ColumnSpec("section_years", "同一科室任职年限"),
        ColumnSpec("education", "学历", required: true), ColumnSpec("identity", "身份", required: true),
        ColumnSpec("identity_approved", "身份经审核同意"), ColumnSpec("training", "培训", required: true),
        ColumnSpec("health_ok", "身体条件"), ColumnSpec("town_recruited", "新录用到镇街时间"),
        ColumnSpec("exceptional_approved", "破格提拔审批"), ColumnSpec("accepts_transfer", "服从组织安排"),
        ColumnSpec("retirement_age", "退休年龄"), ColumnSpec("flags", "负面情形"),
    ]
    public static let assessmentColumns = [
        ColumnSpec("cadre_id", "人员编号", required: true), ColumnSpec("year", "年度", required: true),
        ColumnSpec("grade", "考核等次", required: true),
    ]
    public static let applicationColumns = [
        ColumnSpec("cadre_id", "人员编号", required: true), ColumnSpec("position_id", "职位代码", required: true),
        ColumnSpec("preference", "志愿"), ColumnSpec("unit_approved", "单位审核同意"),
        ColumnSpec("withdrawn", "放弃"),
    ]
    public static let interviewColumns = [
        ColumnSpec("cadre_id", "人员编号", required: true), ColumnSpec("position_id", "职位代码", required: true),
        ColumnSpec("judge_id", "评委编号", required: true), ColumnSpec("score", "分数", required: true),
        ColumnSpec("conflict", "回避"),
    ]
    public static let evaluationColumns = [
        ColumnSpec("cadre_id", "人员编号", required: true), ColumnSpec("due", "应参加人数", required: true),
        ColumnSpec("took_part", "实参加人数", required: true), ColumnSpec("good", "好", required: true),
        ColumnSpec("fairly_good", "较好", required: true), ColumnSpec("average", "一般", required: true),
        ColumnSpec("poor", "较差", required: true), ColumnSpec("confirmed_poor", "组织认定较差"),
        ColumnSpec("moral", "德行总体评价"), ColumnSpec("moral_confirmed", "德行经组织认定"),
    ]
    public static let transferFitColumns = [
        ColumnSpec("cadre_id", "人员编号", required: true), ColumnSpec("position_id", "职位代码", required: true),
        ColumnSpec("fit", "适配度", required: true),
    ]

    /// Columns of each CSV file, by file name.
    public static let columnsByFile: [(file: String, columns: [ColumnSpec])] = [
        (ScenarioFiles.units, unitColumns), (ScenarioFiles.positions, positionColumns), (ScenarioFiles.cadres, cadreColumns),
        (ScenarioFiles.assessments, assessmentColumns), (ScenarioFiles.applications, applicationColumns),
        (ScenarioFiles.interviews, interviewColumns), (ScenarioFiles.evaluations, evaluationColumns),
        (ScenarioFiles.transferFit, transferFitColumns),
    ]

    /// Reads a scenario folder; throws `InputErrors` listing every problem.
    public static func load(folder: URL) throws -> LoadedScenario {
        var problems: [InputProblem] = []
        var inputs: [Run.Input] = []
        var files: [String: [UInt8]] = [:]
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputErrors([InputProblem(file: folder.path, line: 0, .noScenarioFolder)])
        }
        let workbooks = ScenarioWorkbooks.read(folder: folder)
        problems += workbooks.problems
        for name in ScenarioFiles.all {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                if ScenarioFiles.required.contains(name) && !workbooks.gives(name) {
                    problems.append(workbooks.missing(name))
                }
                continue
            }
            switch InputFile.read(url) {
            case .success(let bytes): files[name] = bytes
            case .failure(let problem): problems.append(InputProblem(file: name, line: 0, text: problem.text.text))
            }
        }
        // scenario.yaml first: it may pin the encoding.
        var settings = SettingsReader()
        var scenario: Scenario?
        if let bytes = files[ScenarioFiles.yaml] {
            do {
                let text = try TextDecoding.decode(bytes).text
                scenario = settings.read(text)
            } catch let error as DecodingError {
                problems.append(InputProblem(file: ScenarioFiles.yaml, line: error.line, text: error.text))
            }
            problems += settings.problems
        }
        var builder = ScenarioBuilder(scenario: scenario, encoding: settings.encoding)
        for (name, bytes) in files.sorted(by: { ScenarioFiles.order(of: $0.key) < ScenarioFiles.order(of: $1.key) }) {
            let encodingName: String
            if name == ScenarioFiles.yaml {
                encodingName = "utf-8"
            } else {
                encodingName = (try? TextDecoding.decode(bytes, pinned: settings.encoding).encoding.rawValue) ?? "unknown"
            }
            inputs.append(.init(file: name, sha256: SHA256.hex(bytes), bytes: bytes.count, encoding: encodingName))
        }
        inputs += workbooks.inputs
        workbooks.hand(to: &builder, files: &files)
        builder.read(files)
        problems += workbooks.locate(builder.problems)
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty, scenario != nil else { throw InputErrors(problems, language: settings.language) }
        return LoadedScenario(scenario: builder.scenario, warnings: problems.filter { $0.severity == .warning }.sorted(), inputs: inputs,
                              sources: workbooks.sources(csv: Set(files.keys)))
    }
}
