// SPDX-License-Identifier: GPL-3.0-or-later

/// What `show`, `explain`, `export`, `compare` and `solve --baseline` say about a folder that is not
/// a run they can read: no such folder, neither a run nor a scenario, a run folder with a file
/// missing or damaged (result.json, audit.json, ties.csv).
///
/// The reader adds `FILE:` (and `:LINE` for JSON syntax); a value's place inside the JSON is a key
/// path such as `shortlist[3].score`, shown in backquotes in Chinese.
///
/// ```swift
/// RunFolderTexts.missingFile(.zh)   // 缺少此文件，运行结果文件夹不完整：请重新求解该场景
/// ```
public enum RunFolderTexts: CatalogueChapter, Equatable {
    // MARK: The folder
    case noSuchFolder(String)
    case notAFolder(String)
    case neitherRunNorScenario(String)
    /// Something else went wrong reading it (the detail is the system's).
    case unreadable(String, detail: String)

    // MARK: Its files
    /// result.json is missing: not a run folder.
    case notARunFolder(folder: String)
    /// audit.json or ties.csv is missing.
    case missingFile
    /// A JSON syntax error (the parser's own words, in English).
    case notJSON(String)
    /// A problem with a value (`path` empty for the file's top level).
    case field(path: String, FieldProblem)
    /// ties.csv lacks a column.
    case tieColumnMissing(String)
    case noTieRow(position: String, cadre: String, other: String)
    /// A problem of ties.csv as a CSV file (encoding, quotes): the input chapter's text.
    case csv(Text)

    /// What is wrong with one value of result.json or audit.json.
    public enum FieldProblem: Sendable, Equatable {
        case expectedObject
        case missing(String)
        case expectedList
        case expectedText
        case expectedTrueFalse
        case expectedWholeNumber
        case outOfRange(String, lower: String, upper: String)
        case expectedNumber
        case numberOutOfRange(String)
        case expectedScore
        case notAScore(String)
        case unknownValue(String)
        case expectedMonth
        case expectedFraction
        case expectedDay(String)
        case scoreDecimalsDiffer(Int, rules: Int)
        case unknownLevel(String)

        public static let all: [FieldProblem] = [
            .expectedObject, .missing("scenario"), .expectedList, .expectedText, .expectedTrueFalse, .expectedWholeNumber,
            .outOfRange("4000000000", lower: "0", upper: "2147483647"), .expectedNumber, .numberOutOfRange("2"), .expectedScore,
            .notAScore("120"), .unknownValue("maybe"), .expectedMonth, .expectedFraction, .expectedDay("2017-11-31"),
            .scoreDecimalsDiffer(1, rules: 2), .unknownLevel("shortlist.x"),
        ]

        public var text: Text {
            switch self {
            case .expectedObject: Text(zh: "应为对象（`{…}`）", en: "expected an object")
            case .missing(let key): Text(zh: "缺少 `\(key)`", en: "\(key): missing")
            case .expectedList: Text(zh: "应为列表（`[…]`）", en: "expected a list")
            case .expectedText: Text(zh: "应为文字", en: "expected text")
            case .expectedTrueFalse: Text(zh: "应为 `true` 或 `false`", en: "expected true or false")
            case .expectedWholeNumber: Text(zh: "应为整数", en: "expected a whole number")
            case let .outOfRange(number, lower, upper):
                Text(zh: "\(number) 超出范围（\(lower)…\(upper)）", en: "\(number) is out of range (\(lower)…\(upper))")
            case .expectedNumber: Text(zh: "应为数字", en: "expected a number")
            case .numberOutOfRange(let text): Text(zh: "\(text) 超出范围", en: "\(text) is out of range")
            case .expectedScore: Text(zh: "应为分数，例如 86.40（最多两位小数）", en: "expected a score such as 86.40 (at most 2 decimals)")
            case .notAScore(let text): Text(zh: "\(text) 不是 0 到 100 之间的分数", en: "\(text) is not a score from 0 to 100")
            case .unknownValue(let text): Text(zh: "未知的值 `\(text)`", en: "unknown value \"\(text)\"")
            case .expectedMonth: Text(zh: "应为年月，例如 2017-10", en: "expected a month YYYY-MM")
            case .expectedFraction: Text(zh: "应为数字或分数，例如 4/5", en: "expected a number or fraction such as 4/5")
            case .expectedDay(let text): Text(zh: "“\(text)”不是日期，应写成 2017-11-20 这样", en: "\"\(text)\" is not a date such as 2017-11-20")
            case let .scoreDecimalsDiffer(decimals, rules):
                Text(zh: "`score_decimals` 为 \(decimals)，与 audit.json 中的规则（\(rules)）不一致",
                     en: "score_decimals: \(decimals) differs from audit.json's rules (\(rules))")
            case .unknownLevel(let level): Text(zh: "未知的目标层级 `\(level)`", en: "unknown objective level \(level)")
            }
        }
    }

    public static let chapter = "run-folder"
    public static let examples: [RunFolderTexts] = [
        .noSuchFolder("R1"), .notAFolder("R1.txt"), .neitherRunNorScenario("R1"), .unreadable("R1", detail: "Permission denied"),
        .notARunFolder(folder: "R1"), .missingFile, .notJSON("unexpected character"),
        .tieColumnMissing("cadre_value"), .noTieRow(position: "P01", cadre: "FH021", other: "FH022"),
        .csv(Text(zh: "引号没有闭合", en: "a quote is never closed")),
    ] + FieldProblem.all.map { .field(path: "shortlist[3].score", $0) } + [.field(path: "", .missing("scenario"))]

    public var text: Text {
        switch self {
        case .noSuchFolder(let path):
            Text(zh: "\(path)：没有这个文件夹", en: "\(path): no such folder")
        case .notAFolder(let path):
            Text(zh: "\(path)：不是文件夹；请给出运行结果文件夹（其中有 result.json）或场景文件夹（其中有 scenario.yaml）",
                 en: "\(path): not a folder; give a run folder (with result.json) or a scenario folder (with scenario.yaml)")
        case .neitherRunNorScenario(let path):
            Text(zh: "\(path)：既不是运行结果文件夹（没有 result.json），也不是场景文件夹（没有 scenario.yaml）",
                 en: "\(path): neither a run folder (no result.json) nor a scenario folder (no scenario.yaml)")
        case let .unreadable(path, detail):
            Text(zh: "\(path)：无法读取（`\(detail)`）", en: "\(path): \(detail)")
        case .notARunFolder(let folder):
            Text(zh: "不是运行结果文件夹（没有 result.json）；请用 `rotation solve 场景 --out \(folder)` 写出",
                 en: "not a run folder (no result.json); write one with `rotation solve SCENARIO --out \(folder)`")
        case .missingFile:
            Text(zh: "缺少此文件，运行结果文件夹不完整：请重新求解该场景", en: "missing; the run folder is incomplete — solve the scenario again")
        case .notJSON(let detail):
            Text(zh: "不是有效的 JSON（`\(detail)`）；该文件已损坏，请重新求解该场景", en: "not valid JSON: \(detail)")
        case let .field(path, problem):
            path.isEmpty ? problem.text : Text(zh: "`\(path)`：\(problem.text.zh)", en: "\(path): \(problem.text.en)")
        case .tieColumnMissing(let name):
            Text(zh: "缺少 `\(name)` 列", en: "\(name): column missing")
        case let .noTieRow(position, cadre, other):
            Text(zh: "没有 result.json 中职位 \(position) 的 \(cadre) 与 \(other) 同分的那一行",
                 en: "no row for the tie \(position) \(cadre) / \(other) of result.json")
        case .csv(let text):
            text
        }
    }
}
