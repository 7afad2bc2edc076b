// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationCore
import RotationIO
import RotationPipeline

/// `rotation init DIR`: a template scenario that `validate` accepts — how a new user starts.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "新建场景 Write a template scenario folder: every file, headers in your language, one worked example.",
        discussion: """
        生成一个可直接求解的示例场景：用 Excel 或 WPS 打开各文件，把示例行换成本单位的数据，另存为 CSV，\
        再运行 rotation validate 文件夹。The example solves as it is; replace its rows with your own data \
        (Excel: save as CSV UTF-8 or CSV), then run rotation validate FOLDER. README.md lists every column and code.
        """
    )

    @Argument(help: "场景文件夹 The folder to create (must not exist, or be empty).")
    var folder: String

    @Option(help: "语言 zh (Chinese headers and values, 中文表头和代码) or en.")
    var lang: Language = .zh

    @Flag(help: "录入工作簿: write the tables as one Excel workbook, scenario.xlsx (a sheet per file, dropdowns, instructions) instead of CSV files.")
    var xlsx = false

    /// `--ballots --scenario S`: the empty ballot forms instead (InitBallots.swift).
    @OptionGroup var ballotForms: BallotInitOptions

    func run() throws {
        if ballotForms.ballots { return try ballotForms.run(folder: folder, lang: lang, xlsx: xlsx) }
        let url = URL(fileURLWithPath: folder)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            let empty = isDirectory.boolValue && ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? ["x"]).isEmpty
            guard empty else {
                Console.error("rotation: " + TerminalTexts.folderExists(folder)(lang))
                throw ExitCode(ExitStatus.badInput)
            }
        }
        let template = ScenarioTemplate(language: lang)
        do {
            try AtomicFolder.create(xlsx ? template.workbookFiles() : template.files().map { ($0.name, Array($0.contents.utf8)) }, at: url)
        } catch {
            Console.failure(error, language: lang)
            throw ExitCode(Console.exitStatus(of: error))
        }
        Console.write(TerminalTexts.created(folder)(lang) + "\n")
    }
}

/// The template's files.
struct ScenarioTemplate {
    let language: Language
    var zh: Bool { language == .zh }

    /// Example values by canonical column name, per file: (English, Chinese).
    typealias Example = [String: (String, String)]

    func table(_ columns: [ColumnSpec], _ rows: [Example]) -> String {
        CSVWriter.render(header: columns.map { zh ? $0.alias : $0.name },
                         rows: rows.map { row in columns.map { column in zh ? (row[column.name]?.1 ?? "") : (row[column.name]?.0 ?? "") } })
    }

    func same(_ value: String) -> (String, String) { (value, value) }

    func files() -> [(name: String, contents: String)] {
        let units: [Example] = [
            ["unit_id": same("D01"), "name": ("District Civil Affairs Bureau", "区民政局"), "kind": ("department", "区直部门"), "approved_posts": same("6")],
            ["unit_id": same("D02"), "name": ("District Human Resources Bureau", "区人社局"), "kind": ("department", "区直部门"), "approved_posts": same("8")],
            ["unit_id": same("T01"), "name": ("Jinping Street", "锦屏街道"), "kind": ("town", "镇（街道）"), "approved_posts": same("0")],
        ]
        let positions: [Example] = [
            ["position_id": same("D01-01"), "unit_id": same("D01"), "title": ("Deputy Head, Social Assistance", "社会救助科副科长"),
             "level": ("deputy", "中层副职"), "section": ("Social Assistance", "社会救助科"), "offered": ("yes", "是"),
             "vacated_by_dismissal": ("no", "否"), "identities": ("civil_servant;reference_managed", "公务员;参公"), "min_education": ("associate", "大专")],
            ["position_id": same("D02-01"), "unit_id": same("D02"), "title": ("Head, Employment", "就业促进科科长"),
             "level": ("chief", "中层正职"), "offered": ("yes", "是"), "vacated_by_dismissal": ("no", "否")],
            ["position_id": same("D02-02"), "unit_id": same("D02"), "title": ("Deputy Director, Office", "办公室副主任"),
             "level": ("deputy", "中层副职"), "offered": ("no", "否"), "vacated_by_dismissal": ("no", "否"), "holder_id": same("C001")],
        ]
        func cadre(_ id: String, _ name: (String, String), _ gender: (String, String), _ birth: String, _ unit: String,
                   _ level: (String, String), _ since: String) -> Example {
            ["cadre_id": same(id), "name": name, "gender": gender, "birth": same(birth), "unit_id": same(unit), "level": level,
             "level_since": same(since), "section_years": same("0"), "education": ("bachelor", "本科"),
             "identity": ("civil_servant", "公务员"), "identity_approved": ("no", "否"), "training": ("met", "已达标"),
             "health_ok": ("yes", "是"), "exceptional_approved": ("no", "否"), "accepts_transfer": ("no", "否")]
        }
        var first = cadre("C001", ("Zhang Wei", "张伟"), ("M", "男"), "1980-05", "D02", ("deputy", "中层副职"), "2013-09")
        first["position_id"] = same("D02-02")
        first["position_since"] = same("2013-09")
        first["accepts_transfer"] = ("yes", "是")
        let cadres: [Example] = [
            first,
            cadre("C002", ("Li Na", "李娜"), ("F", "女"), "1986-03", "T01", ("staff", "科员"), "2012-06"),
            cadre("C003", ("Wang Qiang", "王强"), ("M", "男"), "1978-11", "D02", ("deputy", "中层副职"), "2015-01"),
        ]
        var assessments: [Example] = []
        for id in ["C001", "C002", "C003"] {
            for year in 2014...2016 {
                assessments.append(["cadre_id": same(id), "year": same("\(year)"),
                                    "grade": year == 2016 && id == "C001" ? ("excellent", "优秀") : ("competent", "称职")])
            }
        }
        let applications: [Example] = [
            ["cadre_id": same("C001"), "position_id": same("D01-01"), "preference": same("1"), "unit_approved": ("yes", "是"), "withdrawn": ("no", "否")],
            ["cadre_id": same("C002"), "position_id": same("D01-01"), "preference": same("1"), "unit_approved": ("yes", "是"), "withdrawn": ("no", "否")],
            ["cadre_id": same("C003"), "position_id": same("D01-01"), "preference": same("1"), "unit_approved": ("yes", "是"), "withdrawn": ("no", "否")],
        ]
        var interviews: [Example] = []
        let scores = ["C001": [82, 85, 80, 84, 83], "C002": [78, 75, 80, 77, 79], "C003": [70, 72, 68, 71, 74]]
        for id in ["C001", "C002", "C003"] {
            for (judge, value) in scores[id]!.enumerated() {
                interviews.append(["cadre_id": same(id), "position_id": same("D01-01"), "judge_id": same("J\(judge + 1)"),
                                   "score": same("\(value)"), "conflict": ("no", "否")])
            }
        }
        let evaluations: [Example] = [
            ["cadre_id": same("C001"), "due": same("40"), "took_part": same("36"), "good": same("8"), "fairly_good": same("20"),
             "average": same("6"), "poor": same("2"), "confirmed_poor": ("no", "否"), "moral": ("good", "好"), "moral_confirmed": ("no", "否")],
        ]
        let fits: [Example] = [["cadre_id": same("C003"), "position_id": same("D02-01"), "fit": same("75")]]
        return [
            ("scenario.yaml", yaml()),
            ("units.csv", table(ScenarioLoader.unitColumns, units)),
            ("positions.csv", table(ScenarioLoader.positionColumns, positions)),
            ("cadres.csv", table(ScenarioLoader.cadreColumns, cadres)),
            ("assessments.csv", table(ScenarioLoader.assessmentColumns, assessments)),
            ("applications.csv", table(ScenarioLoader.applicationColumns, applications)),
            ("interviews.csv", table(ScenarioLoader.interviewColumns, interviews)),
            ("evaluations.csv", table(ScenarioLoader.evaluationColumns, evaluations)),
            ("transfer_fit.csv", table(ScenarioLoader.transferFitColumns, fits)),
            ("README.md", readme()),
        ]
    }

    func yaml() -> String {
        let heading = zh
            ? "# 场景设置。除 `name` 和 `reference_date` 外均可省略；下列数值为通知（奉民发〔2017〕66号）的默认值。\n"
            : "# Scenario settings. Every key but name and reference_date is optional; the values below are the notice's defaults.\n"
        return heading + """
        name: "\(zh ? "示例：2017年中层干部跨部门竞争上岗" : "Example: 2017 cross-department competition")"
        reference_date: 2017-10        # \(zh ? "年龄、工作年限计算至此月" : "ages and years of service are counted to this month")
        mode: \(zh ? "竞争上岗                 # 竞争上岗（每人限报一个职位，`competition`）| 志愿（多志愿模拟，`preferences`）" : "competition              # competition (one application each) | preferences (ranked choices, what-if)")
        max_preferences: 3
        language: \(language.rawValue)                   # \(zh ? "中文 `zh` | 英文 `en`" : "zh | en")
        # \(zh ? "`encoding: gb18030`            # CSV 为 Excel 默认的 GB18030 时可指定；否则自动识别" : "encoding: gb18030            #") \(zh ? "" : "pin the CSV encoding; otherwise detected (UTF-8, then GB18030)")
        rules:
          term_years: 3
          retirement_age: {male: 60, female: 55}
          min_education: \(zh ? "大专" : "associate")
          months_staff_before_deputy: 36
          months_deputy_before_chief: 24
          months_town_before_department: 60
          # \(zh ? "`assessment_years: [2014, 2015, 2016]`   # 默认为基准年前三年" : "assessment_years: [2014, 2015, 2016]   # default: the 3 years before the reference year")
          training: \(zh ? "严格                 # 严格（`strict`）| 允许补训（`allow_pending`）" : "strict             # strict | allow_pending")
          pass_mark: 60
          judges: {min: 5, max: 7}
          aggregate: \(zh ? "去掉最高分和最低分    # 去掉一个最高分和一个最低分（`trimmed_mean`）| 平均（`mean`）" : "trimmed_mean      # drop one highest and one lowest | mean")
          score_decimals: 2
          shortlist_ratio: 2           # 1:2
          min_applicants: 2
          short_shortlist: \(zh ? "保留          # 保留（`keep`）| 撤销（`withdraw`）" : "keep        # keep | withdraw")
          ties: \(zh ? "[测评好票率, 优秀次数, 任现职级时间, 人员编号]" : "[evaluation_good_share, excellent_assessments, months_in_level, cadre_id]")
          rotation: {same_position_months: 72, same_section_years: 9, exempt_months_before_retirement: 36}
          quota: {posts_threshold: 10, small_unit_offers: 1, large_unit_min_offers: 1}   # Q-OFFER
          evaluation: {min_participation: 4/5, poor_share: 1/5, average_poor_share: 1/3}
        transfer:
          enabled: true
          same_level_only: true
          place_all_due: false
          max_per_unit_pair: 1
        solver:
          time_limit_seconds: \(Int(SolverSettings.defaultTimeLimitSeconds))
          mip_gap: 0

        """
    }

    func readme() -> String {
        var lines = [zh ? "# 场景模板" : "# Scenario template", ""]
        lines.append(zh
            ? "每个 CSV 的第一行是表头（中文或英文列名均可），其后每行一条记录。用 Excel 编辑后另存为“CSV UTF-8”或“CSV”（GB18030）。带 * 的列必填。"
            : "Each CSV's first row is the header (English or Chinese column names), then one record a row. Edit in Excel and save as CSV UTF-8 or CSV. Columns marked * are required.")
        for entry in ScenarioLoader.columnsByFile {
            lines.append("")
            lines.append("## \(entry.file)")
            lines.append("")
            lines.append(entry.columns.map { zh ? "\($0.alias)（`\($0.name)`）\($0.required ? " *" : "")" : "\($0.alias) (\($0.name))\($0.required ? " *" : "")" }
                .joined(separator: zh ? "，" : ", "))
        }
        lines.append("")
        lines.append(zh ? "## 代码（中文或英文均可）" : "## Codes (Chinese or English)")
        lines.append("")
        for (column, codes) in ScenarioTemplate.codeLists {
            lines.append("- \(zh ? column.zh : column.en)：" + codes.map { zh ? "\($0.zh)（`\($0.en)`）" : "\($0.en) (\($0.zh))" }.joined(separator: zh ? "；" : "; "))
        }
        lines.append(zh ? "\n负面情形、身份要求可填多项，用 ; 分隔（例如：受处分;正在立案审查）。" : "\nflags and identities may hold several codes separated by ; (e.g. discipline;under_investigation).")
        lines.append("")
        lines.append(zh ? "下一步：`rotation validate 本文件夹`，再 `rotation solve 本文件夹 --out 结果`。" : "Next: `rotation validate THIS_FOLDER`, then `rotation solve THIS_FOLDER --out RUN`.")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension ScenarioTemplate {
    /// Every coded column and its codes (Chinese name, English code), as the template's README lists them.
    static var codeLists: [(column: (zh: String, en: String), codes: [(zh: String, en: String)])] {
        func pairs<T>(_ table: [(T, [String])]) -> [(zh: String, en: String)] {
            table.map { entry in (entry.1.first { $0.unicodeScalars.contains { $0.value >= 0x3400 } } ?? entry.1[0], entry.1[0]) }
        }
        return [
            (("性别", "gender (性别)"), pairs(Values.genderNames)), (("单位类型", "kind (单位类型)"), pairs(Values.unitKindNames)),
            (("职级", "level (职级)"), pairs(Values.levelNames)), (("学历", "education (学历)"), pairs(Values.educationNames)),
            (("身份、身份要求", "identity, identities (身份、身份要求)"), pairs(Values.identityNames)),
            (("培训", "training (培训)"), pairs(Values.trainingNames)),
            (("考核等次", "grade (考核等次)"), pairs(Values.gradeNames)), (("德行总体评价", "moral (德行总体评价)"), pairs(Values.moralNames)),
            (("负面情形", "flags (负面情形)"), pairs(Values.flagNames)),
        ]
    }
}
