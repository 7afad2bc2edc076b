// SPDX-License-Identifier: GPL-3.0-or-later

/// Every sentence and label of `rotation compare`, in plain words (no model jargon). Arguments are
/// names and positions already written, ranks and scores already formatted, texts of other chapters.
///
/// ```swift
/// CompareTexts.entered("区民政局社会救助科副科长（MZJ-03）", 2)(.zh)   // 进入区民政局社会救助科副科长（MZJ-03）名单，第2名
/// ```
public enum CompareTexts: CatalogueChapter {
    case title
    /// A or B, the folder, what it is (its description), scenario name, status.
    case runLine(String, String, String)
    case scenarioSolved, runFolder
    case same, differ
    case inputsHeading, peopleHeading, positionsHeading, unitsHeading, metricsHeading
    case settingColumn, fileColumn, rowColumn, changeColumn, personColumn, positionColumn, ruleColumn, metricColumn, unitColumn
    case noSettingChanged, noRowChanged, nobodyChanged, noPositionChanged, noUnitChanged
    /// Files changed whose rows are not compared (joined).
    case filesChanged(String)
    case rowAdded, rowRemoved
    /// A changed column: name, A, B.
    case column(String, String, String)
    case legend
    /// Unchanged positions (count).
    case unchangedPositions(Int)
    // What changed for a person.
    /// Entered a list: position, rank.
    case entered(String, Int)
    /// Entered as the proposed appointee: position.
    case enteredProposed(String)
    /// Left a list: position, former rank.
    case left(String, Int)
    /// Rank on a list: position, from, to.
    case rank(String, Int, Int)
    /// Became the proposed appointee: position, former rank.
    case becameProposed(String, Int)
    /// Score on a list: position, from, to.
    case score(String, String, String)
    /// Placed: how (a placement text).
    case placed(String)
    /// No longer placed: the former placement.
    case unplaced(String)
    /// Placement changed: from, to.
    case moved(String, String)
    /// A finding appeared: its text.
    case findingAdded(String)
    /// A finding disappeared: its text.
    case findingRemoved(String)
    /// A finding changed: from, to.
    case findingChanged(String, String)
    /// A finding's text: verdict, rule, position (may be empty), detail.
    case finding(String, String, String, String)
    /// A placement's text: way, position.
    case placement(String, String)
    // Positions.
    case nowWithdrawn(String)
    case nowCompeted(String)
    case withdrawalChanged(String, String)
    // Metrics labels.
    case metricOffered, metricCompeted, metricFilled, metricByCompetition, metricByTransfer, metricDuePlaced, metricMeanScore,
         metricPreferences, metricPassedLeftOut, metricFails, metricFlags, metricPairsKept
    /// Pairs kept: kept, of.
    case pairsKept(Int, Int)
    /// Pairs changed.
    case pairsChanged(Int)
    case passedLeftOutNote
    case passedLeftOutNotRecomputed
    case footer

    public static let chapter = "compare"
    public static let examples: [CompareTexts] = [
        .title, .runLine("A", "RUN-1", "FH-2017"), .scenarioSolved, .runFolder, .same, .differ, .inputsHeading, .peopleHeading,
        .positionsHeading, .unitsHeading, .metricsHeading, .settingColumn, .fileColumn, .rowColumn, .changeColumn, .personColumn,
        .positionColumn, .ruleColumn, .metricColumn, .unitColumn, .noSettingChanged, .noRowChanged, .nobodyChanged, .noPositionChanged,
        .noUnitChanged, .filesChanged("interviews.csv"), .rowAdded, .rowRemoved, .column("`score`", "60", "75"), .legend,
        .unchangedPositions(8), .entered("MZJ-03", 2), .enteredProposed("MZJ-03"), .left("MZJ-03", 2), .rank("MZJ-03", 2, 1),
        .becameProposed("MZJ-03", 2), .score("MZJ-03", "70.00", "72.50"), .placed("ZJJ-02"), .unplaced("SJJ-04"), .moved("SJJ-04", "ZJJ-02"),
        .findingAdded("C-PASS"), .findingRemoved("C-PASS"), .findingChanged("E-EVAL", "E-EVAL"), .finding("A1", "C-PASS", "SJJ-04", "58 < 60"),
        .finding("A1", "E-TERM", "", "20 < 36"), .placement("ZJJ-01", "ZJJ-02"), .nowWithdrawn("C-PASS"), .nowCompeted("C-PASS"),
        .withdrawalChanged("C-MIN2", "C-PASS"), .metricOffered, .metricCompeted, .metricFilled, .metricByCompetition, .metricByTransfer,
        .metricDuePlaced, .metricMeanScore, .metricPreferences, .metricPassedLeftOut, .metricFails, .metricFlags, .metricPairsKept,
        .pairsKept(16, 21), .pairsChanged(5), .passedLeftOutNote, .passedLeftOutNotRecomputed, .footer,
    ]

    public var text: Text {
        switch self {
        case .title: Text(zh: "两次结果比较", en: "Comparison of two runs")
        case .runLine(let name, let path, let what): Text(zh: "\(name)：\(path)（\(what)）", en: "\(name): \(path) (\(what))")
        case .scenarioSolved: Text(zh: "情景，已求解", en: "scenario, solved here")
        case .runFolder: Text(zh: "运行结果", en: "run folder")
        case .same: Text(zh: "两次结果相同，没有差异。", en: "The runs are the same: no difference.")
        case .differ: Text(zh: "两次结果有差异，见下。", en: "The runs differ; see below.")
        case .inputsHeading: Text(zh: "一、改动了什么（设置和输入）", en: "1. What was changed (settings and input)")
        case .peopleHeading: Text(zh: "二、对每个人的影响", en: "2. What changed for each person")
        case .positionsHeading: Text(zh: "三、职位的变化", en: "3. Positions")
        case .unitsHeading: Text(zh: "四、单位职数核查的变化", en: "4. Positions offered per unit")
        case .metricsHeading: Text(zh: "五、主要数字", en: "5. Headline numbers")
        case .settingColumn: Text(zh: "设置", en: "Setting")
        case .fileColumn: Text(zh: "文件", en: "File")
        case .rowColumn: Text(zh: "行", en: "Row")
        case .changeColumn: Text(zh: "变化", en: "Change")
        case .personColumn: Text(zh: "人员", en: "Person")
        case .positionColumn: Text(zh: "职位", en: "Position")
        case .ruleColumn: Text(zh: "规则", en: "Rule")
        case .metricColumn: Text(zh: "项目", en: "Item")
        case .unitColumn: Text(zh: "单位", en: "Unit")
        case .noSettingChanged: Text(zh: "设置相同。", en: "The settings are the same.")
        case .noRowChanged: Text(zh: "输入数据相同。", en: "The input data are the same.")
        case .nobodyChanged: Text(zh: "没有人受到影响。", en: "Nobody is affected.")
        case .noPositionChanged: Text(zh: "各职位是否开展竞争上岗没有变化。", en: "No position changed between competed and withdrawn.")
        case .noUnitChanged: Text(zh: "单位职数核查没有变化。", en: "No change in the positions offered per unit.")
        case .filesChanged(let files):
            Text(zh: "以下文件内容不同（运行结果不保存其逐行数据，只能比较文件）：\(files)",
                 en: "These files differ (a run folder does not keep their rows, so only the files are compared): \(files)")
        case .rowAdded: Text(zh: "新增", en: "added")
        case .rowRemoved: Text(zh: "删除", en: "removed")
        case .column(let name, let a, let b): Text(zh: "\(name)：\(a) → \(b)", en: "\(name): \(a) → \(b)")
        case .legend:
            Text(zh: "颜色表示对本人的影响：绿色为有利（如进入名单、获得安排、不符合项消除），红色为不利，黄色为其他变化。",
                 en: "Colours show what a change means for the person: green better (on a list, placed, a failed rule gone), red worse, yellow otherwise.")
        case .unchangedPositions(let n): Text(zh: "其余\(n)个职位没有变化。", en: "\(n) other position\(n == 1 ? "" : "s") unchanged.")
        case .entered(let position, let rank): Text(zh: "进入\(position)名单，第\(rank)名", en: "now on the list of \(position), rank \(rank)")
        case .enteredProposed(let position):
            Text(zh: "进入\(position)名单，第1名，为拟任人选", en: "now on the list of \(position) at rank 1, the proposed appointee")
        case .left(let position, let rank): Text(zh: "不再列入\(position)名单（原第\(rank)名）", en: "no longer on the list of \(position) (was rank \(rank))")
        case .rank(let position, let from, let to):
            Text(zh: "\(position)名单中由第\(from)名变为第\(to)名", en: "rank on the list of \(position) from \(from) to \(to)")
        case .becameProposed(let position, let from):
            Text(zh: "\(position)名单中由第\(from)名升为第1名，成为拟任人选", en: "rank on the list of \(position) from \(from) to 1: now the proposed appointee")
        case .score(let position, let from, let to): Text(zh: "\(position)面试成绩 \(from) → \(to)", en: "interview score for \(position) \(from) → \(to)")
        case .placed(let placement): Text(zh: "获得安排：\(placement)", en: "now placed: \(placement)")
        case .unplaced(let placement): Text(zh: "不再安排（原为\(placement)）", en: "no longer placed (was \(placement))")
        case .moved(let from, let to): Text(zh: "安排由\(from)改为\(to)", en: "placed elsewhere: \(from) → \(to)")
        case .findingAdded(let finding): Text(zh: "新出现：\(finding)", en: "new: \(finding)")
        case .findingRemoved(let finding): Text(zh: "已消除：\(finding)", en: "gone: \(finding)")
        case .findingChanged(let from, let to): Text(zh: "由“\(from)”变为“\(to)”", en: "from “\(from)” to “\(to)”")
        case .finding(let verdict, let rule, let position, let detail):
            position.isEmpty ? Text(zh: "\(verdict) \(rule)：\(detail)", en: "\(verdict) \(rule): \(detail)")
                             : Text(zh: "\(verdict) \(rule)（\(position)）：\(detail)", en: "\(verdict) \(rule) (\(position)): \(detail)")
        case .placement(let way, let position): Text(zh: "\(way)到\(position)", en: "\(way) to \(position)")
        case .nowWithdrawn(let reason): Text(zh: "不再开展竞争上岗，\(reason)", en: "no longer competed, \(reason)")
        case .nowCompeted(let reason): Text(zh: "改为开展竞争上岗（原撤回：\(reason)）", en: "now competed (was withdrawn: \(reason))")
        case .withdrawalChanged(let from, let to): Text(zh: "撤回原因由“\(from)”变为“\(to)”", en: "withdrawn for another reason: “\(from)” → “\(to)”")
        case .metricOffered: Text(zh: "推出职位", en: "Positions offered")
        case .metricCompeted: Text(zh: "开展竞争上岗的职位", en: "Positions competed")
        case .metricFilled: Text(zh: "有人选的职位", en: "Positions filled")
        case .metricByCompetition: Text(zh: "竞争上岗安排", en: "Placed by competition")
        case .metricByTransfer: Text(zh: "组织调动安排", en: "Placed by organizational transfer")
        case .metricDuePlaced: Text(zh: "应轮岗人员已安排", en: "Cadres due for rotation placed")
        case .metricMeanScore: Text(zh: "拟任人选平均面试成绩", en: "Mean interview score of the proposed")
        case .metricPreferences: Text(zh: "满足的志愿（按志愿顺序计）", en: "Preferences met (counted by order)")
        case .metricPassedLeftOut:
            Text(zh: "排名更高却未列入名单的合格人员", en: "Passed applicants left off a list that holds someone ranked below them")
        case .metricFails: Text(zh: "资格审查“不符合”条数", en: "Eligibility fails")
        case .metricFlags: Text(zh: "资格审查“提示”条数", en: "Eligibility flags")
        case .metricPairsKept: Text(zh: "A 的考察对象在 B 中保留", en: "Shortlisted pairs of A kept in B")
        case .pairsKept(let kept, let of): Text(zh: "\(kept) / \(of)", en: "\(kept) / \(of)")
        case .pairsChanged(let n): Text(zh: "\(n)对有变化", en: "\(n) changed")
        case .passedLeftOutNote:
            Text(zh: "“排名更高却未列入名单”按两个情景的数据重新计算；正常结果应为0。",
                 en: "“Left off a list” is recounted from both scenarios; a correct run has none.")
        case .passedLeftOutNotRecomputed:
            Text(zh: "* 运行结果不保存未列入名单的合格人员，无法重新计算“排名更高却未列入名单”，按求解时的约束记为0；比较情景文件夹可重新计算。",
                 en: "* A run folder does not keep the passed applicants left off the lists, so this is counted 0 as solve forbids it; compare scenario folders to recount it.")
        case .footer: Text(zh: "由 `rotation compare` 生成。", en: "Made by rotation compare.")
        }
    }
}
