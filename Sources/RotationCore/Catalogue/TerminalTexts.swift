// SPDX-License-Identifier: GPL-3.0-or-later

/// What `validate`, `solve`, `eligibility` and `init` print on the terminal.
///
/// ```swift
/// TerminalTexts.written("R1")(.zh)   // 已写入：结果
/// ```
public enum TerminalTexts: CatalogueChapter {
    // MARK: validate
    /// "scenarios/x: ok — 14 units, …" (interviewRows nil: pre-interview stage).
    case validateOK(folder: String, units: Int, positions: Int, offered: Int, cadres: Int, applications: Int,
                    withdrawn: Int, competition: Bool, interviewRows: Int?, warnings: Int, interviews: SourceName = "interviews.csv")

    // MARK: solve
    case runHeadline(name: String, status: RunStatus)
    case preInterview(awaiting: Int, offered: Int, withdrawn: Int)
    case positionsLine(offered: Int, competed: Int, withdrawn: Int)
    case shortlistedLine(shortlisted: Int, byCompetition: Int, byTransfer: Int)
    case levelLine(ObjectiveLevelID, value: String, bound: String?, status: LevelResult.Status)
    case priceOfFairness(without: Int, with: Int)
    case baseline(kept: Int, pairs: Int, changed: Int)
    /// Exit 4: `place_all_due` cannot hold.
    case conflict(TransferConflict.Reason, cadres: Int, vacancies: Int, maxPerUnitPair: Int)
    case conflictCadres(String)
    case conflictVacancies(String?)
    case eligibilityLine(fail: Int, flag: Int, due: Int)
    case withdrawnApplications(Int)
    case written(String)
    /// Exit 3 with nothing to write.
    case timeLimitWithoutSolution
    /// Exit 1; the developer's detail follows on the next line.
    case internalError
    case baselineNotARun(String)

    // MARK: eligibility
    case verdictWord(VerdictKind)
    case positionLabel(String)
    case nothingFailed
    case summaryByRule
    /// `source`: where the cadres are (cadres.csv, or the sheet that stands in for it).
    case noSuchCadre(String, folder: String, source: SourceName = "cadres.csv")

    // MARK: init
    case created(String)
    case folderExists(String)

    public static let chapter = "terminal"
    public static let examples: [TerminalTexts] = [
        .validateOK(folder: "S2017", units: 14, positions: 20, offered: 12, cadres: 40, applications: 31,
                    withdrawn: 1, competition: true, interviewRows: 155, warnings: 0),
        .validateOK(folder: "x", units: 1, positions: 1, offered: 1, cadres: 1, applications: 1, withdrawn: 0,
                    competition: false, interviewRows: nil, warnings: 1),
        .validateOK(folder: "x", units: 1, positions: 1, offered: 1, cadres: 1, applications: 1, withdrawn: 0,
                    competition: false, interviewRows: nil, warnings: 2, interviews: .sheet("Sheet6", workbook: "scenario.xlsx")),
        .runHeadline(name: "FH2017", status: .optimal), .runHeadline(name: "x", status: .infeasible),
        .preInterview(awaiting: 3, offered: 12, withdrawn: 1), .positionsLine(offered: 12, competed: 9, withdrawn: 3),
        .shortlistedLine(shortlisted: 18, byCompetition: 9, byTransfer: 4),
        .levelLine(.shortlistScores, value: "163292", bound: nil, status: .optimal),
        .levelLine(.transferFit, value: "14200", bound: "14300", status: .timeLimit),
        .priceOfFairness(without: 10, with: 9), .baseline(kept: 12, pairs: 13, changed: 1),
        .conflict(.hall, cadres: 3, vacancies: 2, maxPerUnitPair: 1), .conflict(.unitPairCap, cadres: 2, vacancies: 4, maxPerUnitPair: 1),
        .conflictCadres("FH021, FH022"), .conflictVacancies("P07"), .conflictVacancies(nil),
        .eligibilityLine(fail: 12, flag: 3, due: 5), .withdrawnApplications(1), .written("R1"),
        .timeLimitWithoutSolution, .internalError, .baselineNotARun("R1"),
        .verdictWord(.fail), .verdictWord(.flag), .positionLabel("P01"), .nothingFailed, .summaryByRule,
        .noSuchCadre("FH999", folder: "S2017"), .noSuchCadre("FH999", folder: "S2017", source: .sheet("Sheet3", workbook: "scenario.xlsx")),
        .created("S2"), .folderExists("S2"),
    ]

    public var text: Text {
        switch self {
        case let .validateOK(folder, units, positions, offered, cadres, applications, withdrawn, competition, interviewRows, warnings, interviewsSource):
            let withdrawnZh = withdrawn > 0 ? "（另有 \(withdrawn) 条已放弃）" : ""
            let withdrawnEn = withdrawn > 0 ? " (and \(withdrawn) withdrawn)" : ""
            let stageZh = interviewRows.map { "面试后（\($0) 条面试评分）" } ?? "面试前（没有 \(interviewsSource.text.zh)）"
            let stageEn = interviewRows.map { "final (\($0) interview rows)" } ?? "pre-interview (no \(interviewsSource.text.en))"
            return Text(
                zh: "\(folder)：检查通过 — \(units) 个单位，\(positions) 个职位（推出 \(offered) 个），\(cadres) 名干部，\(applications) 条报名\(withdrawnZh)；"
                    + "\(competition ? "竞争上岗（每人限报一个职位）" : "按志愿报名")，\(stageZh)；\(warnings) 条警告",
                en: "\(folder): ok — \(units) units, \(positions) positions (\(offered) offered), \(cadres) cadres, \(applications) applications\(withdrawnEn); "
                    + "mode \(competition ? "competition" : "preferences"), stage \(stageEn); \(warnings) warning\(warnings == 1 ? "" : "s")")
        case let .runHeadline(name, status):
            return Text(zh: "\(name)：求解状态为“\(LevelTexts.runStatus(status).text.zh)”", en: "\(name): \(status.rawValue)")
        case let .preInterview(awaiting, offered, withdrawn):
            return Text(zh: "面试前阶段：推出的 \(offered) 个职位中有 \(awaiting) 个等待面试；\(withdrawn) 个职位撤回（C-MIN2）",
                        en: "pre-interview stage: \(awaiting) of \(offered) offered positions await interviews; \(withdrawn) withdrawn (C-MIN2)")
        case let .positionsLine(offered, competed, withdrawn):
            return Text(zh: "职位：推出 \(offered) 个，开展竞争上岗 \(competed) 个，撤回 \(withdrawn) 个",
                        en: "positions: \(offered) offered, \(competed) competed, \(withdrawn) withdrawn")
        case let .shortlistedLine(shortlisted, byCompetition, byTransfer):
            return Text(zh: "差额考察对象 \(shortlisted) 人；竞争上岗拟任 \(byCompetition) 人，组织调动 \(byTransfer) 人",
                        en: "shortlisted: \(shortlisted); placed by competition: \(byCompetition), by transfer: \(byTransfer)")
        case let .levelLine(level, value, bound, status):
            let name = LevelTexts.level(level).text
            let statusText = LevelTexts.levelStatus(status).text
            return Text(zh: "  \(name.zh) = \(value)\(bound.map { "（上界 \($0)）" } ?? "")［\(statusText.zh)］",
                        en: "  \(name.en) = \(value)\(bound.map { " (bound \($0))" } ?? "") [\(statusText.en)]")
        case let .priceOfFairness(without, with):
            return Text(zh: "公平的代价：\(without - with) 个职位（不设无嫉妒规则可开展 \(without) 个，设此规则开展 \(with) 个）",
                        en: "price of fairness: \(without - with) position(s) (\(without) without the no-envy rule, \(with) with it)")
        case let .baseline(kept, pairs, changed):
            return Text(zh: "基准方案：\(pairs) 个考察对象和组织调动安排中沿用 \(kept) 个，变动 \(changed) 个",
                        en: "baseline: \(kept) of \(pairs) shortlist and transfer pairs kept, \(changed) changed")
        case let .conflict(reason, cadres, vacancies, cap):
            switch reason {
            case .hall:
                return Text(zh: "到期交流人员无法全部安排（`place_all_due` 不能满足）：\(cadres) 名到期人员只有 \(vacancies) 个可去的空缺职位",
                            en: "place_all_due is infeasible (hall): \(cadres) rotation-due cadre\(cadres == 1 ? "" : "s") can only go to \(vacancies) vacanc\(vacancies == 1 ? "y" : "ies")")
            case .unitPairCap:
                return Text(zh: "到期交流人员无法全部安排（`place_all_due` 不能满足）：每人都有可去的空缺职位，但每对单位之间最多调动 \(cap) 人的限制使这 \(cadres) 人不能同时安排",
                            en: "place_all_due is infeasible (unit_pair_cap): every due cadre has an eligible vacancy, but max_per_unit_pair \(cap) blocks placing these \(cadres) together")
            }
        case .conflictCadres(let list):
            return Text(zh: "  涉及人员：\(list)", en: "  cadres: \(list)")
        case .conflictVacancies(let list):
            return Text(zh: "  空缺职位：\(list ?? "无")", en: "  vacancies: \(list ?? "none")")
        case let .eligibilityLine(fail, flag, due):
            return Text(zh: "资格审查：不符合 \(fail) 项，提示 \(flag) 项；到期应交流 \(due) 人",
                        en: "eligibility: \(fail) fail, \(flag) flag; rotation due: \(due)")
        case .withdrawnApplications(let count):
            return Text(zh: "已放弃的报名：\(count) 条（不参加任何规则和模型）", en: "withdrawn applications: \(count) (absent from every rule and model)")
        case .written(let folder):
            return Text(zh: "已写入：\(folder)", en: "written: \(folder)")
        case .timeLimitWithoutSolution:
            return Text(zh: "时间上限已到，GLPK 尚未找到任何方案；未写入任何文件。请用 `--time-limit` 加大时间上限后重试",
                        en: "the time limit ran out before GLPK found any solution; nothing written; raise --time-limit")
        case .internalError:
            return Text(zh: "内部错误（程序缺陷）；请将情景文件夹和以下信息一并报告：",
                        en: "internal error (a bug; please report it with the scenario):")
        case .baselineNotARun(let folder):
            return Text(zh: "`--baseline` 须为 `rotation solve` 写出的运行结果文件夹，\(folder) 不是：",
                        en: "--baseline needs a run folder written by rotation solve; \(folder) is not:")

        case .verdictWord(let verdict):
            switch verdict {
            case .fail: return Text(zh: "不符合", en: "fail")
            case .flag: return Text(zh: "提示", en: "flag")
            }
        case .positionLabel(let id):
            return Text(zh: " 职位 \(id)", en: " position \(id)")
        case .nothingFailed:
            return Text(zh: "没有不符合或提示的规则。", en: "No rule failed or flagged.")
        case .summaryByRule:
            return Text(zh: "按规则汇总：", en: "Summary by rule:")
        case let .noSuchCadre(id, folder, source):
            let place = source.text(in: folder)
            return Text(zh: "\(place.zh)\(place.zh.last?.isASCII == true ? " " : "")中没有人员编号“\(id)”", en: "no cadre \"\(id)\" in \(place.en)")

        case .created(let folder):
            return Text(zh: "已创建 \(folder)。下一步：`rotation validate \(folder)`，然后 `rotation solve \(folder) --out 结果`",
                        en: "Created \(folder). Next: rotation validate \(folder), then rotation solve \(folder) --out RUN")
        case .folderExists(let folder):
            return Text(zh: "\(folder) 已存在；请换一个新的文件夹名（`init` 从不覆盖已有文件）",
                        en: "\(folder) already exists; choose a new folder name (init never overwrites)")
        }
    }
}
