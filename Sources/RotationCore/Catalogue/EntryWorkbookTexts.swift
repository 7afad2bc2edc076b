// SPDX-License-Identifier: GPL-3.0-or-later

/// The texts of the entry workbook (`rotation init DIR --xlsx`): its instructions sheet and the
/// notes on its columns.
public enum EntryWorkbookTexts: CatalogueChapter, CaseIterable {
    case title
    case sheets
    case required
    case textColumns
    case dropdowns
    case next
    case codesHeading
    case columnHeader
    case chineseHeader
    case englishHeader
    /// The note shown when a cell of a dropdown column is selected.
    case chooseOne
    case chooseSeveral
    case notInList

    public static let chapter = "entry workbook"
    public static let examples: [EntryWorkbookTexts] = allCases

    public var text: Text {
        switch self {
        case .title:
            Text(zh: "中层干部跨部门竞争上岗：场景数据录入工作簿", en: "Cross-department competition for mid-level posts: the scenario's data entry workbook")
        case .sheets:
            Text(zh: "每个工作表对应一个场景文件：第一行是表头（请勿修改），其后每行一条记录；scenario.yaml 是单独的文件。",
                 en: "Each sheet is one file of the scenario: the first row is the header (do not change it), then one record a row; scenario.yaml is a separate file.")
        case .required:
            Text(zh: "红色表头的列必须填写，其余列可以留空（按默认值）。示例行可以直接求解，请替换为本单位的数据。",
                 en: "Columns with a red header are required; the others may stay empty (their default). The example rows solve as they are; replace them with your own data.")
        case .textColumns:
            Text(zh: "编号列和年月列已设为文本格式：年月请写 2017-10 或 2017年10月，不要写 2017.10（Excel 会把它改成 2017.1）。",
                 en: "Id and month columns are formatted as text: write a month as 2017-10 (or 2017年10月), not 2017.10 (Excel turns it into 2017.1).")
        case .dropdowns:
            Text(zh: "有下拉箭头的列请从列表中选择；身份要求和负面情形可以填多个，用“;”分隔。下表列出每个代码的中文和英文写法，两种写法都可以。",
                 en: "In a column with a dropdown, choose from the list; identities (身份要求) and flags (负面情形) take several values separated by \";\". The table below lists every code in Chinese and in English; both are accepted.")
        case .next:
            Text(zh: "填好并保存后，运行 `rotation validate 本文件夹`，再运行 `rotation solve 本文件夹 --out 结果`。",
                 en: "When it is filled in and saved, run `rotation validate THIS_FOLDER`, then `rotation solve THIS_FOLDER --out RUN`.")
        case .codesHeading: Text(zh: "代码一览", en: "Codes")
        case .columnHeader: Text(zh: "列", en: "Column")
        case .chineseHeader: Text(zh: "中文", en: "Chinese")
        case .englishHeader: Text(zh: "英文", en: "English")
        case .chooseOne: Text(zh: "请从下拉列表中选择。", en: "Choose from the list.")
        case .chooseSeveral: Text(zh: "从列表中选择；多个值用“;”分隔。", en: "Choose from the list; separate several values with \";\".")
        case .notInList: Text(zh: "不是列表中的值，请从下拉列表中选择。", en: "Not a value of the list; choose from the dropdown.")
        }
    }
}
