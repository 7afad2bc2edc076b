// SPDX-License-Identifier: GPL-3.0-or-later

/// Where the rows of a scenario file came from, as a message names it: the CSV file, or the sheet
/// of a workbook that stands in for it (`scenario.xlsx 的 干部 工作表`, "sheet 干部 of scenario.xlsx").
///
/// A message that points the user to another file ("not in cadres.csv") takes one, so that a
/// scenario kept in a workbook is never told about a CSV it does not have.
///
/// ```swift
/// SourceName.sheet("干部", workbook: "scenario.xlsx").text(.zh)   // scenario.xlsx 的 干部 工作表
/// let csv: SourceName = "cadres.csv"                               // .file("cadres.csv")
/// ```
public enum SourceName: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// A file of the scenario folder (`cadres.csv`, or `cadres.xlsx` read as its first sheet).
    case file(String)
    /// A sheet of a workbook (`scenario.xlsx`).
    case sheet(String, workbook: String)

    public init(stringLiteral value: String) { self = .file(value) }

    /// The name in both languages.
    public var text: Text {
        switch self {
        case .file(let name): Text(zh: name, en: name)
        case let .sheet(sheet, workbook): Text(zh: "\(workbook) 的 \(sheet) 工作表", en: "sheet \(sheet) of \(workbook)")
        }
    }

    /// The name inside a folder (`S2017/cadres.csv`, `S2017/scenario.xlsx 的 干部 工作表`).
    public func text(in folder: String) -> Text {
        switch self {
        case .file(let name): Text(zh: "\(folder)/\(name)", en: "\(folder)/\(name)")
        case let .sheet(sheet, workbook): SourceName.sheet(sheet, workbook: "\(folder)/\(workbook)").text
        }
    }

    /// The Chinese name followed by a space when it ends in Latin letters (`cadres.csv 中没有`,
    /// `scenario.xlsx 的 干部 工作表中没有`).
    public var chineseBeforeChinese: String {
        let zh = text.zh
        return zh.last?.isASCII == true ? zh + " " : zh
    }

    /// Whether this is a sheet of a workbook.
    public var isSheet: Bool {
        if case .sheet = self { return true }
        return false
    }

    public var description: String { text.en }
}
