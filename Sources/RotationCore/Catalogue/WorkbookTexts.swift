// SPDX-License-Identifier: GPL-3.0-or-later

/// Messages about workbooks (xlsx) given as scenario files, and about months Excel has changed.
public enum WorkbookTexts: CatalogueChapter, Equatable {
    /// The file is not an xlsx workbook at all (not a zip, or no workbook inside).
    case notAWorkbook
    /// A part of the workbook unpacks to more than the limit (a zip bomb, or a far too large file).
    case tooLarge(part: String, limitMiB: Int)
    /// A part of the workbook is not well-formed XML.
    case badXML(part: String, line: Int)
    /// A part the workbook refers to is missing or damaged.
    case damagedPart(part: String)
    /// The workbook has no sheet.
    case noSheet
    /// A cell reference that no spreadsheet writes (`A0`, a column past XFD).
    case badCellReference(String)
    /// The same scenario file given twice: as a CSV and as a workbook or sheet.
    case givenTwice(file: String, first: String, second: String)
    /// A sheet of scenario.xlsx whose name is no scenario file (kept and ignored).
    case unknownSheet(name: String)
    /// A month Excel may have shortened: `2014.1` beside `YYYY.MM` months, or a number cell `2014.1`.
    case mangledMonth(value: String, year: Int, numberCell: Bool)

    public static let chapter = "workbook"
    public static let examples: [WorkbookTexts] = [
        .notAWorkbook, .tooLarge(part: "xl/worksheets/sheet1.xml", limitMiB: 64),
        .badXML(part: "xl/sharedStrings.xml", line: 3), .damagedPart(part: "xl/workbook.xml"), .noSheet,
        .badCellReference("A0"), .givenTwice(file: "cadres.csv", first: "cadres.csv", second: "scenario.xlsx:干部"),
        .unknownSheet(name: "Sheet3"),
        .mangledMonth(value: "2014.1", year: 2014, numberCell: false), .mangledMonth(value: "2014.1", year: 2014, numberCell: true),
    ]

    public var text: Text {
        switch self {
        case .notAWorkbook:
            Text(zh: "不是 Excel 工作簿（xlsx 文件）；请在 Excel 或 WPS 中另存为 Excel 工作簿（xlsx 格式）",
                 en: "not an Excel workbook (xlsx file); save it from Excel or WPS as \"Excel Workbook (*.xlsx)\"")
        case let .tooLarge(part, limit):
            Text(zh: "工作簿中的 `\(part)` 解压后超过 \(limit) 兆字节，不予读取（文件可能已损坏）",
                 en: "\(part) in the workbook unpacks to more than \(limit) MiB and is not read (the file may be damaged)")
        case let .badXML(part, line):
            Text(zh: "工作簿中的 `\(part)` 第 \(line) 行格式错误（文件已损坏）；请在 Excel 或 WPS 中打开后重新保存",
                 en: "\(part) in the workbook is malformed at line \(line) (the file is damaged); open it in Excel or WPS and save it again")
        case .damagedPart(let part):
            Text(zh: "工作簿中缺少或损坏了 `\(part)`；请在 Excel 或 WPS 中打开后重新保存",
                 en: "\(part) is missing or damaged in the workbook; open it in Excel or WPS and save it again")
        case .noSheet:
            Text(zh: "工作簿中没有工作表", en: "the workbook has no sheet")
        case .badCellReference(let reference):
            Text(zh: "单元格位置 \(reference) 无效（文件已损坏）", en: "cell reference \(reference) is not valid (the file is damaged)")
        case let .givenTwice(file, first, second):
            Text(zh: "\(file) 给出了两次（\(first) 和 \(second)）；只保留一处",
                 en: "\(file) is given twice (\(first) and \(second)); keep one")
        case .unknownSheet(let name):
            Text(zh: "工作表“\(name)”不是场景文件，已忽略（工作表名应为 单位、职位、干部、考核、报名、面试、测评、调动适配度，或其文件名如 `units`）",
                 en: "sheet \"\(name)\" is no scenario file and is ignored (sheet names: units, positions, cadres, assessments, applications, interviews, evaluations, transfer_fit, or 单位, 职位, 干部, 考核, 报名, 面试, 测评, 调动适配度)")
        case let .mangledMonth(value, year, numberCell):
            numberCell
                ? Text(zh: "“\(value)”是数字单元格，Excel 会把 \(year).10 存成 \(year).1，无法确定是 1 月还是 10 月；请把该列设为文本格式后重新输入，或写成 \(year)-10 或 \(year)-01",
                       en: "\"\(value)\" is a number cell: Excel stores \(year).10 as \(year).1, so it may be January or October; format the column as text and type it again, or write \(year)-10 or \(year)-01")
                : Text(zh: "“\(value)”可能是被 Excel 改成 \(year).1 的 \(year).10（同列其他月份写作两位数）；请把该列设为文本格式后重新输入，或写成 \(year)-10 或 \(year)-01",
                       en: "\"\(value)\" may be \(year).10 shortened by Excel (other months in this column have two digits); format the column as text and type it again, or write \(year)-10 or \(year)-01")
        }
    }
}
