// SPDX-License-Identifier: GPL-3.0-or-later

/// The texts of `rotation tally`, `rotation init --ballots` and the tally report: input problems in
/// the ballot files, the terminal summary, and the report's headings, columns and findings.
public enum TallyTexts: CatalogueChapter {
    // Input problems.
    case noBallotFolder(String)
    case missingFile(String)
    case noBallotFile
    case unreadable(String)
    case emptyFile(String)
    case unknownColumn
    case columnTwice(first: String, second: String)
    case requiredColumnMissing(name: String, alias: String)
    case tooManyFields(Int, Int)
    case requiredValueMissing
    case notWholeNumber(String)
    /// `in`: where the scenario's units are (units.csv, or the sheet that stands in for it).
    case unknownUnit(String, in: SourceName = "units.csv")
    case meetingTwice(unit: String, firstLine: Int)
    case unknownCadre(String, in: SourceName = "cadres.csv")
    case otherUnit(cadre: String, unit: String, ballot: String, ballotUnit: String, line: Int)
    case twiceOnBallot(cadre: String, ballot: String, line: Int)
    case notAGrade(String)
    case notReverse(String)
    case tookPartOverDue(tookPart: Int, due: Int, unit: String)
    case noMeeting(unit: String, file: String)
    // The terminal.
    case summary(performance: Int, void: Int, moral: Int, cadres: Int, findings: Int)
    case wrote(String)
    case initBallots(folder: String, units: Int, cadres: Int)
    case folderExists(String)
    // The report.
    case reportTitle
    case reportSubtitle(String)
    case metaBallots(String)
    case metaSettings(overQuota: BallotSettings.OverQuota, missingReason: BallotSettings.MissingReason)
    case meetingsHeading
    case meetingsNote(String)
    case meetingsHeader
    case reachesYes
    case reachesNo
    case voidHeading
    case voidHeader
    case voidEmpty
    case flagsHeading
    case flagsNote
    case flagsHeader
    case flagsEmpty
    case cadresHeading
    case cadresHeader
    case cadresNote
    case moralHeading
    case moralHeader
    case moralNote(shares: String, grades: String)
    case signaturesHeading
    case scrutineer
    case counter
    case dateLine
    case footer(String)
    // Findings, as the report and the terminal show them.
    case effect(TallyEffect)
    case overQuota(good: Int, lines: Int)
    case underPoor(poor: Int, lines: Int)
    case spoiledCell
    case emptyGrade
    case missingReason
    case column(String)
    case form(BallotForm)
    case ballotCount(Int)
    case allColumns

    public static let chapter = "tally"
    public static let examples: [TallyTexts] = [
        .noBallotFolder("ballots-2017"), .missingFile("meetings.csv"), .noBallotFile, .unreadable("第 3 行有无法识别的字节"), .emptyFile("ballot_id,cadre_id,overall"),
        .unknownColumn, .columnTwice(first: "ballot_id", second: "票号"),
        .requiredColumnMissing(name: "overall", alias: "总体评价"), .tooManyFields(9, 8), .requiredValueMissing, .notWholeNumber("4O"),
        .unknownUnit("D09"), .meetingTwice(unit: "D01", firstLine: 2), .unknownCadre("FH999"),
        .unknownUnit("D09", in: .sheet("Sheet1", workbook: "scenario.xlsx")), .unknownCadre("FH999", in: .sheet("Sheet3", workbook: "scenario.xlsx")),
        .otherUnit(cadre: "FH012", unit: "D02", ballot: "P-D01-001", ballotUnit: "D01", line: 2),
        .twiceOnBallot(cadre: "FH001", ballot: "P-MZJ-001", line: 2), .notAGrade("优"), .notReverse("C"),
        .tookPartOverDue(tookPart: 43, due: 42, unit: "D01"), .noMeeting(unit: "D01", file: "meetings.csv"),
        .summary(performance: 460, void: 9, moral: 460, cadres: 52, findings: 412), .wrote("evaluations.csv"),
        .initBallots(folder: "ballots-2017", units: 13, cadres: 52), .folderExists("ballots-2017"),
        .reportTitle, .reportSubtitle("FH-2017"), .metaBallots("ballots-2017"),
        .metaSettings(overQuota: .voidBallot, missingReason: .flag), .metaSettings(overQuota: .voidColumn, missingReason: .voidLine),
        .metaSettings(overQuota: .flag, missingReason: .flag),
        .meetingsHeading, .meetingsNote("4/5"), .meetingsHeader, .reachesYes, .reachesNo, .voidHeading, .voidHeader, .voidEmpty,
        .flagsHeading, .flagsNote, .flagsHeader, .flagsEmpty, .cadresHeading, .cadresHeader, .cadresNote, .moralHeading, .moralHeader,
        .moralNote(shares: "1/0.8/0.6/0.4", grades: "90/80/60"), .signaturesHeading, .scrutineer, .counter, .dateLine,
        .footer("rotation 1.0"),
        .effect(.flag), .effect(.voidCell), .effect(.voidLine), .effect(.voidColumn), .effect(.voidBallot),
        .overQuota(good: 2, lines: 6), .underPoor(poor: 0, lines: 6), .spoiledCell, .emptyGrade, .missingReason,
        .column("overall"), .column("political_virtue"), .column("reason"), .form(.performance), .form(.moral), .ballotCount(3), .allColumns,
    ]

    public var text: Text {
        switch self {
        case .noBallotFolder(let path):
            Text(zh: "没有选票文件夹 \(path)", en: "no such ballots folder \(path)")
        case .missingFile(let name):
            Text(zh: "缺少 \(name)（`rotation init 文件夹 --ballots --scenario 场景` 可生成空白表）",
                 en: "\(name) is missing (`rotation init FOLDER --ballots --scenario SCENARIO` writes empty forms)")
        case .noBallotFile:
            Text(zh: "既没有 performance.csv（附件2）也没有 moral.csv（附件3），无票可计",
                 en: "neither performance.csv (附件2) nor moral.csv (附件3) is there: nothing to tally")
        case .unreadable(let reason):
            Text(zh: "无法读取（\(reason)）", en: "cannot be read (\(reason))")
        case .emptyFile(let header):
            Text(zh: "文件为空，第一行应为表头：`\(header)`", en: "the file is empty; it needs a header row: `\(header)`")
        case .unknownColumn:
            Text(zh: "未知的列，已忽略", en: "unknown column, ignored")
        case .columnTwice(let first, let second):
            Text(zh: "同一列出现两次（`\(first)`和`\(second)`），请保留一列", en: "column given twice (\"\(first)\" and \"\(second)\"); keep one")
        case .requiredColumnMissing(let name, let alias):
            Text(zh: "缺少必填列（表头写“\(alias)”或 `\(name)`）", en: "required column missing (header \"\(name)\" or \"\(alias)\")")
        case .tooManyFields(let fields, let header):
            Text(zh: "本行有 \(fields) 格，表头只有 \(header) 列；请检查是否有未加引号的逗号",
                 en: "\(fields) fields but the header has \(header); check for an unquoted comma")
        case .requiredValueMissing:
            Text(zh: "必填，不能为空", en: "required value missing")
        case .notWholeNumber(let value):
            Text(zh: "`\(value)`不是非负整数", en: "\"\(value)\" is not a whole number of 0 or more")
        case let .unknownUnit(unit, source):
            Text(zh: "未知单位代码“\(unit)”（不在 \(source.text.zh) 中）", en: "unknown unit \"\(unit)\" (not in \(source.text.en))")
        case .meetingTwice(let unit, let line):
            Text(zh: "单位 \(unit) 有两行（第一次在第 \(line) 行）；每个单位一次测评会议",
                 en: "two rows for unit \(unit) (first on line \(line)); one meeting per unit")
        case let .unknownCadre(cadre, source):
            Text(zh: "未知人员编号“\(cadre)”（不在 \(source.text.zh) 中）", en: "unknown cadre \"\(cadre)\" (not in \(source.text.en))")
        case .otherUnit(let cadre, let unit, let ballot, let ballotUnit, let line):
            Text(zh: "\(cadre) 属于单位 \(unit)，而票 \(ballot) 是单位 \(ballotUnit) 的测评票（见第 \(line) 行）；一张票只评同一单位的干部",
                 en: "\(cadre) is of unit \(unit), but ballot \(ballot) is of unit \(ballotUnit) (line \(line)); one ballot evaluates the cadres of one unit")
        case .twiceOnBallot(let cadre, let ballot, let line):
            Text(zh: "\(cadre) 在票 \(ballot) 上出现两次（第一次在第 \(line) 行）",
                 en: "\(cadre) is on ballot \(ballot) twice (first on line \(line))")
        case .notAGrade(let value):
            Text(zh: "`\(value)`不是好、较好、一般、较差之一（多选用 ; 或 、 分隔，未勾选留空）",
                 en: "not a grade (\(value)): write one of good (好), fairly_good (较好), average (一般), poor (较差) (several ticks separated by ; or 、, none left empty)")
        case .notReverse(let value):
            Text(zh: "`\(value)`不是反向指标 A、B 或 A;B（未勾选留空）", en: "not a reverse indicator (\(value)): write A, B or A;B (none left empty)")
        case .tookPartOverDue(let tookPart, let due, let unit):
            Text(zh: "单位 \(unit) 收回 \(tookPart) 张绩效评价票，多于应参加人数 \(due)",
                 en: "unit \(unit) has \(tookPart) ballots, more than the \(due) due to take part")
        case .noMeeting(let unit, let file):
            Text(zh: "单位 \(unit) 有选票，但 \(file) 中没有该单位的测评会议（应参加人数）",
                 en: "unit \(unit) has ballots but no row in \(file) (how many were due to take part)")
        case .summary(let performance, let void, let moral, let cadres, let findings):
            Text(zh: "已计票：绩效评价票 \(performance) 张（废票 \(void) 张），德行评价票 \(moral) 张，干部 \(cadres) 人，提示和作废 \(findings) 条。",
                 en: "Tallied: \(performance) performance ballots (\(void) void), \(moral) moral ballots, \(cadres) cadres, \(findings) findings.")
        case .wrote(let path):
            Text(zh: "已写入 \(path)", en: "Wrote \(path)")
        case .initBallots(let folder, let units, let cadres):
            Text(zh: "已创建 \(folder)：\(units) 个单位、\(cadres) 名干部的空白评价表。勾选后：`rotation tally \(folder) --scenario 场景 --out evaluations.csv`",
                 en: "Created \(folder): empty forms for \(units) units and \(cadres) cadres. Once ticked: `rotation tally \(folder) --scenario SCENARIO --out evaluations.csv`")
        case .folderExists(let folder):
            Text(zh: "\(folder) 已存在且不为空；请换一个新文件夹名（不会覆盖）",
                 en: "\(folder) already exists and is not empty; choose a new folder name (nothing is overwritten)")
        case .reportTitle:
            Text(zh: "干部绩效评价和德行考核计票结果", en: "Tally of the performance and moral evaluation ballots")
        case .reportSubtitle(let name):
            Text(zh: name, en: name)
        case .metaBallots(let folder):
            Text(zh: "选票：\(folder)", en: "Ballots: \(folder)")
        case .metaSettings(let overQuota, let missingReason):
            Text(zh: "“好”超过20%：" + ["void_ballot": "整张票作废", "void_column": "该栏作废", "flag": "计入并提示"][overQuota.rawValue]!
                    + "；“好”“较差”未写理由：" + (missingReason == .flag ? "计入并提示" : "该行作废"),
                 en: "over 20% good: " + ["void_ballot": "the ballot is void", "void_column": "the column is void", "flag": "counted, flagged"][overQuota.rawValue]!
                    + "; good or poor without a reason: " + (missingReason == .flag ? "counted, flagged" : "the line is void"))
        case .meetingsHeading:
            Text(zh: "一、测评会议参加情况", en: "1. Meetings: who took part")
        case .meetingsNote(let minimum):
            Text(zh: "实参加人数为该单位收回的绩效评价票张数（含废票）。实参加人数达到应参加人数的 \(minimum) 的，测评有效（E-EVAL）。",
                 en: "Took part: the unit's performance ballots, void ones included. An evaluation is valid when at least \(minimum) of those due took part (E-EVAL).")
        case .meetingsHeader:
            Text(zh: "单位代码|单位|应参加|实参加|参加率|达到要求|绩效票|其中废票|德行票",
                 en: "unit|name|due|took part|rate|reached|performance|void|moral")
        case .reachesYes:
            Text(zh: "是", en: "yes")
        case .reachesNo:
            Text(zh: "否（测评无效）", en: "no (invalid)")
        case .voidHeading:
            Text(zh: "二、废票和作废的栏、行", en: "2. Void ballots, columns and lines")
        case .voidHeader:
            Text(zh: "票号|单位|人员编号|规则|栏目|情况|处理|位置", en: "ballot|unit|cadre|rule|column|finding|effect|where")
        case .voidEmpty:
            Text(zh: "没有废票。", en: "No ballot, column or line is void.")
        case .flagsHeading:
            Text(zh: "三、计入但需提示的情形", en: "3. Counted, flagged")
        case .flagsNote:
            Text(zh: "T-POOR：某栏评为“较差”的不足参评人数的10%（原则上）；T-REASON：评为“好”“较差”或勾选反向指标未写理由；T-MARK：一格勾选两个以上等次（该格不计）。",
                 en: "T-POOR: fewer than 10% poor in a column (in principle); T-REASON: good, poor or a reverse indicator without a written reason; T-MARK: two or more grades ticked in one cell (that cell is not counted).")
        case .flagsHeader:
            Text(zh: "规则|单位|处理|张数|票号（人员编号、栏目）", en: "rule|unit|effect|ballots|ballot (cadre, column)")
        case .flagsEmpty:
            Text(zh: "没有需提示的情形。", en: "Nothing to flag.")
        case .cadresHeading:
            Text(zh: "四、干部绩效评价票数（总体评价）", en: "4. Performance: overall grades per cadre")
        case .cadresHeader:
            Text(zh: "人员编号|姓名|单位|实参加|好|较好|一般|较差|弃权|无效|未计入|好票占比|较差占比|一般和较差",
                 en: "cadre|name|unit|took part|good|fairly good|average|poor|abstained|spoiled|not counted|good share|poor share|average+poor")
        case .cadresNote:
            Text(zh: "占比以实参加人数为分母（E-EVAL）。未计入：废票、作废的栏或行。",
                 en: "Shares are of those who took part (E-EVAL). Not counted: void ballots, columns or lines.")
        case .moralHeading:
            Text(zh: "五、德行考核得分", en: "5. Moral evaluation scores")
        case .moralHeader:
            Text(zh: "人员编号|姓名|单位|评价行|有效行|平均分|等次", en: "cadre|name|unit|lines|counted|mean score|grade")
        case .moralNote(let shares, let grades):
            Text(zh: "每行得分：政治品德30分、职业道德30分、社会公德20分、家庭美德20分，按好、较好、一般、较差计 \(shares) 倍，勾选反向指标的该项计0分；平均分达到 \(grades) 分的分别为好、较好、一般，以下为较差。",
                 en: "Each line scores 30, 30, 20 and 20 points, times \(shares) for good, fairly good, average and poor, and 0 for a category whose reverse indicator is ticked; a mean of at least \(grades) is good, fairly good, average, below that poor.")
        case .signaturesHeading:
            Text(zh: "六、监票、计票", en: "6. Scrutiny and count")
        case .scrutineer:
            Text(zh: "监票人（签字）", en: "Scrutineer (signature)")
        case .counter:
            Text(zh: "计票人（签字）", en: "Counter (signature)")
        case .dateLine:
            Text(zh: "日期：　　　　年　　月　　日", en: "Date:")
        case .footer(let tool):
            Text(zh: "按 T-MARK、T-GOOD、T-POOR、T-REASON、T-COUNT、T-MORAL 计票；每张票的结论和每条提示见 tally.json。",
                 en: "Tallied by \(tool) under T-MARK, T-GOOD, T-POOR, T-REASON, T-COUNT, T-MORAL; every detail is in tally.json.")
        case .effect(let effect):
            switch effect {
            case .flag: Text(zh: "计入，提示", en: "counted, flagged")
            case .voidCell: Text(zh: "该格不计", en: "cell not counted")
            case .voidLine: Text(zh: "该行不计", en: "line not counted")
            case .voidColumn: Text(zh: "该栏作废", en: "column void")
            case .voidBallot: Text(zh: "整张作废", en: "ballot void")
            }
        case .overQuota(let good, let lines):
            Text(zh: "“好”\(good)人，超过参评\(lines)人的20%", en: "\(good) good of \(lines), over 20%")
        case .underPoor(let poor, let lines):
            Text(zh: "“较差”\(poor)人，不足参评\(lines)人的10%", en: "\(poor) poor of \(lines), under 10%")
        case .spoiledCell:
            Text(zh: "一格勾选两个以上等次", en: "two or more grades ticked")
        case .emptyGrade:
            Text(zh: "未勾选等次或勾选两个以上，且未勾选反向指标", en: "no single grade ticked and no reverse indicator")
        case .missingReason:
            Text(zh: "未写理由", en: "no reason written")
        case .column(let name):
            Text(zh: Self.chineseColumn[name] ?? name, en: name.replacingOccurrences(of: "_", with: " "))
        case .form(let form):
            form == .performance ? Text(zh: "绩效评价票（附件2）", en: "performance ballot (附件2)") : Text(zh: "德行评价票（附件3）", en: "moral ballot (附件3)")
        case .allColumns:
            Text(zh: "六栏均是", en: "all six columns")
        case .ballotCount(let count):
            Text(zh: "\(count) 张", en: count == 1 ? "1 ballot" : "\(count) ballots")
        }
    }

    /// The forms' Chinese headings of every ballot column.
    static let chineseColumn: [String: String] = {
        var names: [String: String] = ["ballot_id": "票号", "cadre_id": "人员编号", "reason": "理由", "unit_id": "单位代码", "due": "应参加人数"]
        for column in PerformanceColumn.allCases { names[column.rawValue] = column.chinese }
        for category in MoralCategory.allCases {
            names[category.rawValue] = category.chinese
            names[category.reverseColumn] = category.chinese + "反向指标"
        }
        return names
    }()
}
