// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import RotationCore
import RotationIO
import RotationPipeline

/// `rotation eligibility SCENARIO`: every failed or flagged rule, by cadre, with clause and detail.
struct Eligibility: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "资格审查 List every failed or flagged rule, grouped by cadre, with rule ID, clause and detail; then a summary by rule.",
        discussion: "Person-level rules are judged for every cadre, pair-level rules for every application, and interview rules (C-JUDGES, C-PASS) for scored applicants."
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "人员编号 Only this cadre (its cadre_id).")
    var cadre: String?

    @Option(help: "格式 Output format: text, csv or json.")
    var format: ReportFormat = .text

    @Option(help: "语言 Language of the output: zh (中文) or en (default: the scenario's language:, else zh).")
    var lang: Language?

    @Option(help: "输出文件 Write to this file instead of standard output.")
    var out: String?

    func run() throws {
        let loaded = try scenario.load(lang: lang)
        Console.warnings(loaded, lang: lang)
        let adjudication = Adjudication(scenario: loaded.scenario)
        let cadre = self.cadre.map { CadreID(rawValue: $0) }
        if let cadre, adjudication.index.cadres[cadre] == nil {
            Console.error("rotation: " + TerminalTexts.noSuchCadre(cadre.rawValue, folder: scenario.scenario, source: loaded.source(ScenarioFiles.cadres))(lang ?? loaded.scenario.language))
            throw ExitCode(ExitStatus.badInput)
        }
        let verdicts = adjudication.allVerdicts.filter { cadre == nil || $0.cadreID == cadre }
        let report = EligibilityReport(adjudication: adjudication, verdicts: verdicts,
                                       language: lang ?? loaded.scenario.language)
        switch format {
        case .text: try Console.emit(report.text(), to: out, language: lang ?? loaded.scenario.language)
        case .csv: try Console.emit(report.csv(), to: out, language: lang ?? loaded.scenario.language)
        case .json: try Console.emit(report.json().rendered(), to: out, language: lang ?? loaded.scenario.language)
        }
    }
}

/// The eligibility report in three formats.
struct EligibilityReport {
    let adjudication: Adjudication
    let verdicts: [Verdict]
    let language: Language

    var zh: Bool { language == .zh }

    func cadreLine(_ cadreID: CadreID) -> String {
        guard let cadre = adjudication.index.cadres[cadreID] else { return cadreID.rawValue }
        let unit = adjudication.index.units[cadre.unitID]?.name ?? cadre.unitID.rawValue
        return zh ? "\(cadre.id) \(cadre.name)（\(unit)，\(cadre.level.chinese)）"
                  : "\(cadre.id) \(cadre.name) (\(unit), \(cadre.level.code))"
    }

    func verdictWord(_ verdict: VerdictKind) -> String {
        TerminalTexts.verdictWord(verdict)(language)
    }

    func text() -> String {
        var lines: [String] = []
        var current: CadreID?
        for verdict in verdicts {
            if verdict.cadreID != current {
                if current != nil { lines.append("") }
                lines.append(cadreLine(verdict.cadreID))
                current = verdict.cadreID
            }
            let position = verdict.positionID.map { TerminalTexts.positionLabel($0.rawValue)(language) } ?? ""
            lines.append("  \(verdictWord(verdict.verdict)) \(verdict.rule.rawValue)\(position) [\(verdict.rule.clause)]: \(verdict.detail(in: language))")
        }
        if verdicts.isEmpty { lines.append(TerminalTexts.nothingFailed(language)) }
        lines.append("")
        lines.append(TerminalTexts.summaryByRule(language))
        for row in summary() {
            let text = zh ? row.rule.chineseSummary : row.rule.summary
            lines.append("  \(row.rule.rawValue.padding(12)) \(verdictWord(.fail)) \(row.fail)  \(verdictWord(.flag)) \(row.flag)  — \(text) [\(row.rule.clause)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func summary() -> [(rule: RuleID, fail: Int, flag: Int)] {
        RuleID.allCases.compactMap { rule in
            let fail = verdicts.filter { $0.rule == rule && $0.verdict == .fail }.count
            let flag = verdicts.filter { $0.rule == rule && $0.verdict == .flag }.count
            return fail + flag == 0 ? nil : (rule, fail, flag)
        }
    }

    /// In the report's language: with `zh` Chinese headers, verdicts and details; with `en` the run
    /// folder's eligibility.csv (its columns and codes, and the Chinese detail beside the English).
    func csv() -> String {
        let name = { (verdict: Verdict) in adjudication.index.cadres[verdict.cadreID]?.name ?? "" }
        guard zh else {
            return CSVWriter.render(
                header: ["cadre_id", "position_id", "rule", "verdict", "detail", "clause", "cadre_name", "detail_zh"],
                rows: verdicts.map { [$0.cadreID.rawValue, $0.positionID?.rawValue ?? "", $0.rule.rawValue, $0.verdict.rawValue, $0.detail,
                                      $0.rule.clause, name($0), $0.detailChinese] })
        }
        return CSVWriter.render(
            header: ["人员编号", "职位代码", "规则", "结论", "情况说明", "条款", "姓名"],
            rows: verdicts.map { [$0.cadreID.rawValue, $0.positionID?.rawValue ?? "", $0.rule.rawValue, verdictWord($0.verdict),
                                  $0.detailChinese, $0.rule.clause, name($0)] })
    }

    func json() -> JSONValue {
        .object([
            ("verdicts", .array(verdicts.map { verdict in
                .object([("cadre_id", .string(verdict.cadreID.rawValue)), ("position_id", .optional(verdict.positionID?.rawValue)),
                         ("rule", .string(verdict.rule.rawValue)), ("verdict", .string(verdict.verdict.rawValue)),
                         ("detail", .string(verdict.detail(in: language))), ("clause", .string(verdict.rule.clause))])
            })),
            ("summary", .array(summary().map { row in
                .object([("rule", .string(row.rule.rawValue)), ("fail", .integer(row.fail)), ("flag", .integer(row.flag)),
                         ("clause", .string(row.rule.clause)), ("summary", .string(zh ? row.rule.chineseSummary : row.rule.summary))])
            })),
        ])
    }
}

extension String {
    /// Pads with spaces to `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
