// SPDX-License-Identifier: GPL-3.0-or-later

/// The messages about a scenario's input: files, encodings, CSV structure, scenario.yaml keys,
/// values and cross-file references (`rotation validate`, and every command that reads a scenario).
///
/// The reader adds `FILE:LINE: column:`; a case is only the message.
///
/// ```swift
/// InputTexts.unknownCadre("FH123")(.zh)   // 未知人员编号“FH123”（cadres.csv 中没有）
/// ```
public enum InputTexts: CatalogueChapter {
    // MARK: Files
    case noScenarioFolder
    case requiredFileMissing
    /// scenario.xlsx has no sheet for a required file, and there is no CSV either.
    case requiredSheetMissing(file: String, sheets: [String], workbook: String)
    /// The system's reason is shown in English only (it comes from the operating system).
    case cannotRead(String)

    // MARK: Encodings (TextDecoding)
    case pinnedUTF8Invalid
    case pinnedGBButUTF8BOM
    case pinnedGBInvalid(looksUTF8: Bool)
    case bomButInvalidUTF8
    case neitherUTF8NorGB
    case gb18030Unavailable
    case utf16
    case workbookNamedCSV

    // MARK: CSV structure (CSVParser, TableReader)
    case textAfterClosingQuote
    case quoteNeverClosed
    case emptyFile(columns: [String])
    /// A sheet standing in for a file has no header row.
    case emptySheet(columns: [String])
    case unknownColumn
    case columnTwice(name: String, earlier: String, earlierColumn: Int, later: String, laterColumn: Int)
    case requiredColumnMissing(name: String, alias: String)
    case tooManyFields(Int, header: Int)
    case requiredValueMissing

    // MARK: scenario.yaml (SettingsReader)
    /// libyaml's own description is English; the Chinese text says what to check instead.
    case notYAML(String)
    case expectedTopKeys
    case requiredKeyMissing
    case expectedSingleValue
    case expectedNestedKeys
    case expectedList
    case unknownKey(suggestion: String?)
    /// A key that belongs in another section (`pass_mark` at the top level belongs under `rules:`).
    case keyInOtherSection(section: String)
    /// A value not among the choices (a setting of scenario.yaml): their Chinese names / their codes.
    case notChoice(String, zh: [String], en: [String])
    case unknownEncoding(String)
    case notTrueFalse(String)
    case notWholeNumberAtLeast(String, minimum: Int)
    case judgesMinAboveMax(min: Int, max: Int)
    case scoreDecimals(Int)
    case timeLimit(String)
    case mipGap(String)
    case notADay(String)
    case periodEndsBeforeStart(end: String, start: String)

    // MARK: Values (ValueParsing)
    case notNumber(String, kind: NumberKind)
    case tooManyDigits(String, bound: Int)
    case fractionTooFine(String, bound: Int)
    case dividesByZero(String)
    case below(String, minimum: String)
    case outside(String, lower: String, upper: String)
    case notMonth(String, hint: MonthHint)
    case notADate(String, month: String, days: Int)
    case afterReference(String, reference: String)
    case yearAfterReference(Int, referenceYear: Int)
    case notAYear(String, referenceYear: Int)
    case notYesNo(String)
    /// A code not in its table; the choices in each language (Chinese names / codes with their Chinese).
    case notOneOf(String, zh: [String], en: [String], list: Bool)

    // MARK: Records and references (ScenarioBuilder)
    case duplicateID(String, firstLine: Int)
    case positionIsStaff
    /// `in`: where the units are (units.csv, or the sheet that stands in for it).
    case unknownUnit(String, in: SourceName = "units.csv")
    case unknownPosition(String, in: SourceName = "positions.csv")
    case unknownCadre(String, in: SourceName = "cadres.csv")
    case twoGrades(cadre: String, year: Int, firstLine: Int)
    case notOffered(String)
    case appliedTwice(cadre: String, position: String, firstLine: Int)
    case preferenceOutside(Int, max: Int)
    case preferenceTwice(cadre: String, preference: Int, firstLine: Int)
    /// E-APPLY: one cadre with several applications in competition mode (reported once, on the first).
    case appliedManyTimes(cadre: String, lines: [Int])
    case tooManyApplications(cadre: String, count: Int, max: Int)
    case interviewWithoutApplication(cadre: String, position: String, in: SourceName = "applications.csv")
    case judgeTwice(judge: String, cadre: String, position: String, firstLine: Int)
    case twoEvaluations(cadre: String, firstLine: Int)
    case tookPartAboveDue(tookPart: Int, due: Int)
    case countedAboveTookPart(counted: Int, tookPart: Int)
    case twoFits(cadre: String, position: String, firstLine: Int)

    // MARK: The list as a whole
    case warningPrefix
    /// "… and 120 more problems in applications.csv (the first 50 are shown)".
    case more(Int, file: SourceName, shown: Int)
    /// The closing line: "3 problems in scenarios/x; nothing was written."
    case closing(count: Int, folder: String)

    /// What kind of number a field holds, for "is not a number" messages.
    public enum NumberKind: Sendable, CaseIterable { case whole, decimal, fraction }
    /// The forms of a month a message suggests.
    public enum MonthHint: Sendable, CaseIterable { case csv, yaml }

    public static let chapter = "input"
    public static let examples: [InputTexts] = [
        .noScenarioFolder, .requiredFileMissing, .requiredSheetMissing(file: "cadres.csv", sheets: ["cadres", "干部"], workbook: "scenario.xlsx"),
        .cannotRead("Permission denied"),
        .pinnedUTF8Invalid, .pinnedGBButUTF8BOM, .pinnedGBInvalid(looksUTF8: true), .pinnedGBInvalid(looksUTF8: false),
        .bomButInvalidUTF8, .neitherUTF8NorGB, .gb18030Unavailable, .utf16, .workbookNamedCSV,
        .textAfterClosingQuote, .quoteNeverClosed, .emptyFile(columns: ["unit_id", "name"]), .emptySheet(columns: ["unit_id", "name"]), .unknownColumn,
        .columnTwice(name: "education", earlier: "学历", earlierColumn: 3, later: "education", laterColumn: 9),
        .requiredColumnMissing(name: "education", alias: "学历"), .tooManyFields(12, header: 10), .requiredValueMissing,
        .notYAML("mapping values are not allowed in this context"), .expectedTopKeys, .requiredKeyMissing,
        .expectedSingleValue, .expectedNestedKeys, .expectedList, .unknownKey(suggestion: "pass_mark"),
        .unknownKey(suggestion: nil), .keyInOtherSection(section: "rules"),
        .notChoice("3", zh: ["竞争上岗", "志愿"], en: ["competition", "preferences"]), .notChoice("x", zh: ["0", "1", "2"], en: ["0", "1", "2"]),
        .unknownEncoding("latin1"), .notTrueFalse("2"), .notWholeNumberAtLeast("-1", minimum: 0),
        .judgesMinAboveMax(min: 7, max: 5), .scoreDecimals(3), .timeLimit("0"), .mipGap("2"), .notADay("2017-11-31"),
        .periodEndsBeforeStart(end: "2017-11-19", start: "2017-11-20"),
        .notNumber("8O", kind: .whole), .notNumber("85,5", kind: .decimal), .notNumber("1/x", kind: .fraction),
        .tooManyDigits("1234567890123", bound: 12), .fractionTooFine("1/3333333333333333333", bound: 18),
        .dividesByZero("1/0"), .below("-1", minimum: "0"), .outside("101", lower: "0", upper: "100"),
        .notMonth("2017-13", hint: .csv), .notMonth("2017-13", hint: .yaml), .notADate("2017-02-31", month: "2017-02", days: 28),
        .afterReference("2018-01", reference: "2017-10"), .yearAfterReference(2018, referenceYear: 2017),
        .notAYear("1850", referenceYear: 2017), .notYesNo("2"),
        .notOneOf("X", zh: ["男", "女"], en: ["M (男)", "F (女)"], list: false),
        .notOneOf("X1", zh: ["跑官、拉票", "受处分"], en: ["canvassing (跑官、拉票)", "discipline (受处分)"], list: true),
        .duplicateID("FH021", firstLine: 3), .positionIsStaff, .unknownUnit("D9"), .unknownPosition("P99"), .unknownCadre("FH123"),
        .unknownUnit("D9", in: .sheet("Sheet1", workbook: "units.xlsx")), .unknownPosition("P99", in: .sheet("Sheet2", workbook: "scenario.xlsx")),
        .unknownCadre("FH123", in: .sheet("Sheet3", workbook: "scenario.xlsx")),
        .interviewWithoutApplication(cadre: "FH021", position: "P01", in: .sheet("Sheet5", workbook: "scenario.xlsx")),
        .more(120, file: .sheet("Sheet5", workbook: "scenario.xlsx"), shown: 50),
        .twoGrades(cadre: "FH021", year: 2016, firstLine: 4), .notOffered("P07"),
        .appliedTwice(cadre: "FH021", position: "P01", firstLine: 2), .preferenceOutside(4, max: 3),
        .preferenceTwice(cadre: "FH021", preference: 1, firstLine: 2), .appliedManyTimes(cadre: "FH021", lines: [2, 5, 9]),
        .tooManyApplications(cadre: "FH021", count: 4, max: 3), .interviewWithoutApplication(cadre: "FH021", position: "P01"),
        .judgeTwice(judge: "J1", cadre: "FH021", position: "P01", firstLine: 5), .twoEvaluations(cadre: "FH021", firstLine: 3),
        .tookPartAboveDue(tookPart: 31, due: 30), .countedAboveTookPart(counted: 32, tookPart: 30),
        .twoFits(cadre: "FH021", position: "P01", firstLine: 3),
        .warningPrefix, .more(120, file: "applications.csv", shown: 50), .closing(count: 1, folder: "S2017"),
        .closing(count: 3, folder: "S2017"),
    ]

    public var text: Text {
        switch self {
        case .noScenarioFolder:
            Text(zh: "场景文件夹不存在", en: "no such scenario folder")
        case let .requiredSheetMissing(file, sheets, workbook):
            Text(zh: "缺少必需的数据：\(workbook) 中没有 \(sheets.last ?? file) 工作表（工作表名也可为 \(sheets.dropLast().map { "`\($0)`" }.joined(separator: "、"))）",
                 en: "required data missing: \(workbook) has no sheet \(sheets.first ?? file) (or \(sheets.dropFirst().joined(separator: ", ")))")
        case .requiredFileMissing:
            Text(zh: "缺少必需的文件（`rotation init` 可生成模板）", en: "required file missing (rotation init makes a template)")
        case .cannotRead(let reason):
            Text(zh: "无法读取该文件（请检查文件权限）", en: "cannot read: \(reason)")

        case .pinnedUTF8Invalid:
            Text(zh: "文件不是有效的 UTF-8 编码，但 scenario.yaml 指定了 `encoding: utf-8`；请在 Excel 中另存为“CSV UTF-8”，或删除 `encoding:` 设置（若文件另存为普通 CSV，也可改为 `gb18030`）",
                 en: "the file is not valid UTF-8, but scenario.yaml pins `encoding: utf-8`; save it from Excel as 'CSV UTF-8', or remove the `encoding:` pin (or pin `gb18030`) if it was saved as plain CSV")
        case .pinnedGBButUTF8BOM:
            Text(zh: "文件以 UTF-8 字节顺序标记开头（Excel 的“CSV UTF-8”），但 scenario.yaml 指定了 `encoding: gb18030`；请删除 `encoding:` 设置或改为 `utf-8`",
                 en: "the file starts with a UTF-8 byte-order mark (Excel's 'CSV UTF-8'), but scenario.yaml pins `encoding: gb18030`; remove the `encoding:` pin or change it to `utf-8`")
        case .pinnedGBInvalid(let looksUTF8):
            looksUTF8
                ? Text(zh: "文件不是有效的 GB18030/GBK 编码，但 scenario.yaml 指定了 `encoding: gb18030`；文件看起来是 UTF-8：请删除 `encoding:` 设置或改为 `utf-8`",
                       en: "the file is not valid GB18030/GBK, but scenario.yaml pins `encoding: gb18030`; it looks like UTF-8: remove the `encoding:` pin or change it to `utf-8`")
                : Text(zh: "文件不是有效的 GB18030/GBK 编码，但 scenario.yaml 指定了 `encoding: gb18030`；请在 Excel 中另存为 CSV（GB18030）或“CSV UTF-8”，并删除该设置",
                       en: "the file is not valid GB18030/GBK, but scenario.yaml pins `encoding: gb18030`; save it from Excel as CSV (GB18030) or as 'CSV UTF-8' and remove the pin")
        case .bomButInvalidUTF8:
            Text(zh: "文件以 UTF-8 字节顺序标记开头，但此处不是有效的 UTF-8（可能被其他程序编辑过）；请用 Excel 打开并重新另存为“CSV UTF-8”",
                 en: "the file starts with a UTF-8 byte-order mark but is not valid UTF-8 here (it was probably edited with another program); open it in Excel and save it again as 'CSV UTF-8'")
        case .neitherUTF8NorGB:
            Text(zh: "文件既不是有效的 UTF-8，也不是有效的 GB18030/GBK（从此行起无法读取）；请在 Excel 中另存为“CSV UTF-8”或 CSV（GB18030）",
                 en: "the file is neither valid UTF-8 nor GB18030/GBK (it cannot be read from this line on); save it from Excel as 'CSV UTF-8' or as CSV (GB18030)")
        case .gb18030Unavailable:
            Text(zh: "文件不是有效的 UTF-8，且本机无法解码 GB18030；请在 Excel 中另存为“CSV UTF-8”",
                 en: "the file is not valid UTF-8 and this system cannot decode GB18030 (iconv); save it from Excel as 'CSV UTF-8'")
        case .utf16:
            Text(zh: "文件是 UTF-16 编码（Excel 的“Unicode 文本”），不是 CSV；请在 Excel 中另存为“CSV UTF-8”或 CSV（GB18030）",
                 en: "the file is UTF-16 (Excel's 'Unicode Text'), not CSV; save it from Excel as 'CSV UTF-8' or as CSV (GB18030)")
        case .workbookNamedCSV:
            Text(zh: "文件是 Excel 工作簿（xlsx 或 xls），不是 CSV；请用 Excel 打开并另存为“CSV UTF-8”",
                 en: "the file is an Excel workbook (.xlsx/.xls), not CSV; open it in Excel and save it as 'CSV UTF-8'")

        case .textAfterClosingQuote:
            Text(zh: "带引号的字段在右引号后还有字符；以 \" 开头的字段必须以 \" 结束，其后是逗号或行尾（字段内的 \" 写作 \"\"）",
                 en: "unexpected characters after the closing quote of a quoted field; a field that starts with \" must end with \" followed by a comma or the end of the line (write a \" inside a quoted field as \"\")")
        case .quoteNeverClosed:
            Text(zh: "从此行开始的带引号字段没有结束（缺少配对的 \"）；请补上右引号或删除多余的 \"（字段内的 \" 写作 \"\"）",
                 en: "a quoted field starting on this line is never closed (no matching \"); add the closing \" or remove the stray \" (write a \" inside a quoted field as \"\")")
        case .emptySheet(let columns):
            Text(zh: "工作表是空的；第一行应是表头：`\(columns.joined(separator: ","))`",
                 en: "the sheet is empty; its first row must be the header: \(columns.joined(separator: ","))")
        case .emptyFile(let columns):
            Text(zh: "文件是空的；第一行应是表头：`\(columns.joined(separator: ","))`",
                 en: "the file is empty; it needs a header row: \(columns.joined(separator: ","))")
        case .unknownColumn:
            Text(zh: "未知的列，保留但不读取", en: "unknown column, kept and ignored")
        case let .columnTwice(_, earlier, earlierColumn, later, laterColumn):
            Text(zh: "同一列出现两次（第 \(earlierColumn) 列 `\(earlier)` 和第 \(laterColumn) 列 `\(later)`）；请只保留一列",
                 en: "column given twice (\"\(earlier)\" in column \(earlierColumn) and \"\(later)\" in column \(laterColumn)); keep one")
        case let .requiredColumnMissing(name, alias):
            Text(zh: "缺少必需的列（表头应为“\(alias)”或 `\(name)`）",
                 en: "required column missing (header \"\(name)\" or \"\(alias)\")")
        case let .tooManyFields(count, header):
            Text(zh: "本行有 \(count) 个字段，但表头只有 \(header) 列；请检查是否有未加引号的逗号",
                 en: "\(count) fields but the header has \(header); check for an unquoted comma")
        case .requiredValueMissing:
            Text(zh: "必填项为空", en: "required value missing")

        case .notYAML(let detail):
            Text(zh: "不是有效的 YAML 格式（请检查缩进、冒号和引号）", en: "not valid YAML: \(detail)")
        case .expectedTopKeys:
            Text(zh: "应为“键: 值”形式的设置，例如 `name:` 和 `reference_date:`", en: "expected keys such as name: and reference_date:")
        case .requiredKeyMissing:
            Text(zh: "缺少必需的设置", en: "required key missing")
        case .expectedSingleValue:
            Text(zh: "应为单个值", en: "expected a single value")
        case .expectedNestedKeys:
            Text(zh: "应在其下逐行缩进写出各项设置", en: "expected nested keys")
        case .expectedList:
            Text(zh: "应为列表，例如 `[a, b]`", en: "expected a list such as [a, b]")
        case .unknownKey(let suggestion?):
            Text(zh: "未知设置，是否应为 `\(suggestion)`？", en: "unknown key; did you mean \(suggestion)?")
        case .unknownKey(nil):
            Text(zh: "未知设置（请对照文档中的设置名称检查拼写）", en: "unknown key (check its spelling against the documented settings)")
        case .keyInOtherSection(let section):
            Text(zh: "此设置应写在 `\(section):` 下", en: "this key belongs under \(section):")
        case let .notChoice(value, zh, en):
            Text(zh: "“\(value)”不是可用的值，应为\(Self.orList(zh, zh: true))",
                 en: "\"\(value)\" is not \(Self.orList(en, zh: false))")
        case .unknownEncoding(let value):
            Text(zh: "“\(value)”不是可识别的编码（应为 `utf-8` 或 `gb18030`）", en: "\"\(value)\" is not a known encoding (utf-8 or gb18030)")
        case .notTrueFalse(let value):
            Text(zh: "“\(value)”不是“是”或“否”（可写 是/否、`true`/`false`）", en: "\"\(value)\" is not true or false")
        case let .notWholeNumberAtLeast(value, minimum):
            Text(zh: "“\(value)”不是不小于 \(minimum) 的整数", en: "\"\(value)\" is not a whole number ≥ \(minimum)")
        case let .judgesMinAboveMax(min, max):
            Text(zh: "评委人数下限 \(min) 大于上限 \(max)", en: "min \(min) is above max \(max)")
        case .scoreDecimals(let value):
            Text(zh: "\(value) 不是 0、1 或 2", en: "\(value) is not 0, 1 or 2")
        case .timeLimit(let value):
            Text(zh: "\(value) 不在 0（不含）到 86400 秒之间", en: "\(value) is not between 0 (exclusive) and 86400 seconds")
        case .mipGap(let value):
            Text(zh: "\(value) 不在 0 到 1 之间", en: "\(value) is not between 0 and 1")
        case .notADay(let value):
            Text(zh: "“\(value)”不是日期（请写 2017-11-20）", en: "\"\(value)\" is not a date such as 2017-11-20")
        case let .periodEndsBeforeStart(end, start):
            Text(zh: "结束日期 \(end) 早于开始日期 \(start)", en: "\(end) is before the start \(start)")

        case let .notNumber(value, kind):
            switch kind {
            case .whole: Text(zh: "“\(value)”不是整数", en: "\"\(value)\" is not a whole number")
            case .decimal: Text(zh: "“\(value)”不是数字（只写数字和小数点，例如 85.5）",
                                en: "\"\(value)\" is not a number (digits and an optional decimal point, e.g. 85.5)")
            case .fraction: Text(zh: "“\(value)”不是数字或分数（例如 0.2 或 1/3）", en: "\"\(value)\" is not a number or fraction (e.g. 0.2 or 1/3)")
            }
        case let .tooManyDigits(value, bound):
            Text(zh: "“\(value)”位数过多（最多 \(bound) 位）", en: "\"\(value)\" has too many digits (at most \(bound))")
        case let .fractionTooFine(value, bound):
            Text(zh: "“\(value)”位数过多（约分后分子、分母各最多 \(bound) 位）",
                 en: "\"\(value)\" has too many digits (at most \(bound) in numerator and denominator, once reduced)")
        case .dividesByZero(let value):
            Text(zh: "“\(value)”的分母为零", en: "\"\(value)\" divides by zero")
        case let .below(value, minimum):
            Text(zh: "\(value) 小于 \(minimum)", en: "\(value) is below \(minimum)")
        case let .outside(value, lower, upper):
            Text(zh: "\(value) 不在 \(lower)–\(upper) 范围内", en: "\(value) is outside \(lower)–\(upper)")
        case let .notMonth(value, hint):
            switch hint {
            case .csv: Text(zh: "“\(value)”不是年月（可写 2017-10、2017-10-01、2017.10、2017/10 或 2017年10月）",
                            en: "\"\(value)\" is not a month (write 2017-10, 2017-10-01, 2017.10, 2017/10 or 2017年10月)")
            case .yaml: Text(zh: "“\(value)”不是年月（请写 2017-10）", en: "\"\(value)\" is not a month (write 2017-10)")
            }
        case let .notADate(value, month, days):
            Text(zh: "“\(value)”不是有效日期：\(month) 只有 \(days) 天", en: "\"\(value)\" is not a date: \(month) has \(days) days")
        case let .afterReference(value, reference):
            Text(zh: "\(value) 晚于基准日期 \(reference)", en: "\(value) is after the reference date \(reference)")
        case let .yearAfterReference(year, referenceYear):
            Text(zh: "\(year) 年晚于基准年度 \(referenceYear) 年", en: "\(year) is after the reference year \(referenceYear)")
        case let .notAYear(value, referenceYear):
            Text(zh: "“\(value)”不是 1900 至 \(referenceYear) 之间的年份", en: "\"\(value)\" is not a year from 1900 to \(referenceYear)")
        case .notYesNo(let value):
            Text(zh: "“\(value)”不是“是”或“否”（可写 是/否、1/0、`yes`/`no`）",
                 en: "\"\(value)\" is not a yes/no value (yes/no, 是/否, true/false, 1/0, y/n)")
        case let .notOneOf(value, zh, en, list):
            Text(zh: "“\(value)”不是可用的值，应为：\(Self.quotedList(zh))" + (list ? "（多项之间用 ; 分隔）" : ""),
                 en: "\"\(value)\" is not one of: \(en.joined(separator: ", "))" + (list ? " (separate several with ;)" : ""))

        case let .duplicateID(id, first):
            Text(zh: "编号“\(id)”重复（首次出现在第 \(first) 行）", en: "duplicate id \"\(id)\" (first on line \(first))")
        case .positionIsStaff:
            Text(zh: "职位的职级应为中层副职或中层正职，不能是科员", en: "a position is deputy (中层副职) or chief (中层正职), not staff")
        case let .unknownUnit(id, source):
            Text(zh: "未知单位代码“\(id)”（\(source.chineseBeforeChinese)中没有）", en: "unknown unit \"\(id)\" (not in \(source.text.en))")
        case let .unknownPosition(id, source):
            Text(zh: "未知职位代码“\(id)”（\(source.chineseBeforeChinese)中没有）", en: "unknown position \"\(id)\" (not in \(source.text.en))")
        case let .unknownCadre(id, source):
            Text(zh: "未知人员编号“\(id)”（\(source.chineseBeforeChinese)中没有）", en: "unknown cadre \"\(id)\" (not in \(source.text.en))")
        case let .twoGrades(cadre, year, first):
            Text(zh: "\(cadre) 的 \(year) 年度考核等次填了两次（首次在第 \(first) 行）", en: "two grades for \(cadre) in \(year) (first on line \(first))")
        case .notOffered(let id):
            Text(zh: "\(id) 未推出（是否推出 = 否）；只能报名推出的职位", en: "\(id) is not offered (是否推出 = no); applications are only to offered positions")
        case let .appliedTwice(cadre, position, first):
            Text(zh: "\(cadre) 两次报名 \(position)（首次在第 \(first) 行）", en: "\(cadre) applied to \(position) twice (first on line \(first))")
        case let .preferenceOutside(preference, max):
            Text(zh: "志愿 \(preference) 不在 1–\(max) 范围内（`max_preferences`）", en: "preference \(preference) is outside 1…\(max) (max_preferences)")
        case let .preferenceTwice(cadre, preference, first):
            Text(zh: "\(cadre) 的第 \(preference) 志愿填了两次（首次在第 \(first) 行）", en: "\(cadre) uses preference \(preference) twice (first on line \(first))")
        case let .appliedManyTimes(cadre, lines):
            Text(zh: "E-APPLY：\(cadre) 报名 \(lines.count) 次（\(Self.lineList(lines, zh: true))）；每人限报一个职位",
                 en: "E-APPLY: \(cadre) applied \(lines.count) times (\(Self.lineList(lines, zh: false))); one application per person (每人限报一个职位)")
        case let .tooManyApplications(cadre, count, max):
            Text(zh: "\(cadre) 报名 \(count) 个职位，超过 `max_preferences` 的 \(max) 个", en: "\(cadre) has \(count) applications, more than max_preferences \(max)")
        case let .interviewWithoutApplication(cadre, position, source):
            Text(zh: "\(cadre) 有 \(position) 的面试成绩，但没有报名该职位（\(source.chineseBeforeChinese)中没有）",
                 en: "interview of \(cadre) for \(position), who did not apply to it (not in \(source.text.en))")
        case let .judgeTwice(judge, cadre, position, first):
            Text(zh: "评委 \(judge) 给 \(cadre) 的 \(position) 面试打了两次分（首次在第 \(first) 行）",
                 en: "judge \(judge) scored \(cadre) for \(position) twice (first on line \(first))")
        case let .twoEvaluations(cadre, first):
            Text(zh: "\(cadre) 有两行测评结果（首次在第 \(first) 行）", en: "two evaluation rows for \(cadre) (first on line \(first))")
        case let .tookPartAboveDue(tookPart, due):
            Text(zh: "实参加人数 \(tookPart) 多于应参加人数 \(due)", en: "took_part \(tookPart) is more than due \(due)")
        case let .countedAboveTookPart(counted, tookPart):
            Text(zh: "好、较好、一般、较差合计 \(counted) 票，多于实参加人数 \(tookPart)",
                 en: "good + fairly_good + average + poor = \(counted) is more than took_part \(tookPart)")
        case let .twoFits(cadre, position, first):
            Text(zh: "\(cadre) 与 \(position) 的适配度填了两次（首次在第 \(first) 行）", en: "two fits for \(cadre) and \(position) (first on line \(first))")

        case .warningPrefix:
            Text(zh: "警告：", en: "warning: ")
        case let .more(count, file, shown):
            Text(zh: "\(file.text.zh) 另有 \(count) 个问题未列出（只列出前 \(shown) 个；请先改正以上问题）",
                 en: "\(count) more problem\(count == 1 ? "" : "s") in \(file.text.en) not shown (the first \(shown) are listed; fix these first)")
        case let .closing(count, folder):
            Text(zh: "\(folder) 中有 \(count) 个问题；未写入任何文件。",
                 en: "\(count) problem\(count == 1 ? "" : "s") in \(folder); nothing was written.")
        }
    }

    /// "a or b", "a, b or c" / "a 或 b"、"a、b 或 c".
    static func orList(_ items: [String], zh: Bool) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let head = items.dropLast().joined(separator: zh ? "、" : ", ")
        return head + (zh ? "或" : " or ") + items[items.count - 1]
    }

    /// Chinese values joined by 、, quoted when a value itself holds 、 or ，.
    static func quotedList(_ items: [String]) -> String {
        let needsQuotes = items.contains { $0.contains("、") || $0.contains("，") }
        return items.map { needsQuotes ? "“\($0)”" : $0 }.joined(separator: "、")
    }

    /// "lines 2, 5, 9": every line (the contract names every row; one message, so the output stays linear).
    static func lineList(_ lines: [Int], zh: Bool) -> String {
        let all = lines.map(String.init).joined(separator: zh ? "、" : ", ")
        return zh ? "第 \(all) 行" : "lines \(all)"
    }
}
