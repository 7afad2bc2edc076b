// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
import RotationIO

/// The entry workbook `rotation init DIR --xlsx` writes (scenario.xlsx): what a clerk fills in.
/// This is its content, independent of how it is written (`EntryWorkbookWriter`):
///
/// - an instructions sheet (说明) with what to do and every code in Chinese and English;
/// - a sheet per scenario file, named by its Chinese name, Chinese headers, the worked example;
/// - for each column how it is entered: a dropdown of the Chinese values (codes and yes/no), text
///   format (ids and months, so Excel keeps `007` and `2014-10`), or as typed.
///
/// ```swift
/// let workbook = EntryWorkbook(tables: [(file: "units.csv", header: ["单位代码", …], rows: [["D01", …]])])
/// workbook.sheets[0].name          // "单位"
/// ```
public struct EntryWorkbook: Sendable {
    /// How a column is entered.
    public enum Kind: Sendable, Equatable {
        /// An id (人员编号, 单位代码 …): text format.
        case id
        /// A month: text format, so that Excel does not turn 2014.10 into 2014.1 or 2014-10 into a date.
        case month
        /// One of a code table's values (several, separated by ；, when `multiple`), chosen from a dropdown.
        case code(CodeList, multiple: Bool)
        /// 是 / 否 from a dropdown.
        case yesNo
        /// A number or a free text, as typed.
        case plain
    }

    /// A code table: its values as (Chinese, English code).
    public struct CodeList: Sendable, Equatable {
        public var title: Text
        public var values: [(zh: String, en: String)]

        public static func == (lhs: CodeList, rhs: CodeList) -> Bool {
            lhs.title == rhs.title && lhs.values.map(\.zh) == rhs.values.map(\.zh) && lhs.values.map(\.en) == rhs.values.map(\.en)
        }
    }

    public struct Column: Sendable {
        public var name: String
        public var header: String
        public var required: Bool
        public var kind: Kind
    }

    public struct DataSheet: Sendable {
        /// The scenario file it stands for (`cadres.csv`) and the sheet's name (干部).
        public var file: String
        public var name: String
        public var columns: [Column]
        public var rows: [[String]]
    }

    public var sheets: [DataSheet]
    /// Every code table, in the order the instructions list them.
    public var codeLists: [CodeList]

    /// The name of the instructions sheet (the scenario reader skips it).
    public static let instructionsSheet = "说明"

    /// `tables`: each scenario file's header (English or Chinese names) and rows, e.g. from the CSV template.
    public init(tables: [(file: String, header: [String], rows: [[String]])]) {
        codeLists = Self.allCodeLists
        sheets = tables.compactMap { table in
            guard let columns = ScenarioLoader.columnsByFile.first(where: { $0.file == table.file })?.columns,
                  let name = Self.sheetName(table.file) else { return nil }
            let specs = table.header.map { header in columns.first { $0.name == header || $0.alias == header } }
            return DataSheet(
                file: table.file, name: name,
                columns: zip(table.header, specs).map { header, spec in
                    Column(name: spec?.name ?? header, header: spec?.alias ?? header, required: spec?.required ?? false,
                           kind: spec.map { Self.kind(of: $0.name) } ?? .plain)
                },
                rows: table.rows)
        }
    }

    /// The Chinese sheet name of a scenario file (`cadres.csv` → 干部).
    static func sheetName(_ file: String) -> String? {
        let names: [String: String] = [
            ScenarioFiles.units: "单位", ScenarioFiles.positions: "职位", ScenarioFiles.cadres: "干部",
            ScenarioFiles.assessments: "考核", ScenarioFiles.applications: "报名", ScenarioFiles.interviews: "面试",
            ScenarioFiles.evaluations: "测评", ScenarioFiles.transferFit: "调动适配度",
        ]
        return names[file]
    }

    static let idColumns: Set<String> = ["unit_id", "position_id", "cadre_id", "holder_id", "judge_id"]
    static let monthColumns: Set<String> = ["birth", "level_since", "position_since", "town_recruited"]
    static let yesNoColumns: Set<String> = [
        "offered", "vacated_by_dismissal", "identity_approved", "health_ok", "exceptional_approved", "accepts_transfer",
        "unit_approved", "conflict", "confirmed_poor", "moral_confirmed", "withdrawn",
    ]

    static func kind(of column: String) -> Kind {
        if idColumns.contains(column) { return .id }
        if monthColumns.contains(column) { return .month }
        if yesNoColumns.contains(column) { return .yesNo }
        switch column {
        case "kind": return .code(unitKinds, multiple: false)
        case "level": return .code(levels, multiple: false)
        case "min_education", "education": return .code(educations, multiple: false)
        case "identities": return .code(identities, multiple: true)
        case "identity": return .code(identities, multiple: false)
        case "gender": return .code(genders, multiple: false)
        case "training": return .code(trainings, multiple: false)
        case "grade": return .code(grades, multiple: false)
        case "moral": return .code(morals, multiple: false)
        case "flags": return .code(flags, multiple: true)
        default: return .plain
        }
    }

    /// A code table's values: the first Chinese spelling, and the English code.
    static func list<T>(_ title: Text, _ table: [(T, [String])]) -> CodeList {
        CodeList(title: title, values: table.map { entry in
            let chinese = entry.1.first { $0.unicodeScalars.contains { $0.value >= 0x3400 } } ?? entry.1[0]
            return (chinese, entry.1[0])
        })
    }

    static let unitKinds = list(Text(zh: "单位类型", en: "kind"), Values.unitKindNames)
    static let levels = list(Text(zh: "职级", en: "level"), Values.levelNames)
    static let educations = list(Text(zh: "学历", en: "education"), Values.educationNames)
    static let identities = list(Text(zh: "身份", en: "identity"), Values.identityNames)
    static let genders = list(Text(zh: "性别", en: "gender"), Values.genderNames)
    static let trainings = list(Text(zh: "培训", en: "training"), Values.trainingNames)
    static let grades = list(Text(zh: "考核等次", en: "grade"), Values.gradeNames)
    static let morals = list(Text(zh: "德行总体评价", en: "moral"), Values.moralNames)
    static let flags = list(Text(zh: "负面情形", en: "flags"), Values.flagNames)
    static let yesNo = CodeList(title: Text(zh: "是否", en: "yes/no"), values: [("是", "yes"), ("否", "no")])

    static let allCodeLists = [unitKinds, levels, educations, identities, genders, trainings, grades, morals, flags, yesNo]

    /// The instructions, one paragraph a line.
    public static let instructions: [EntryWorkbookTexts] = [.sheets, .required, .textColumns, .dropdowns, .next]
}
