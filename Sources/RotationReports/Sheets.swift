// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
import RotationIO

/// A table for a spreadsheet: the CSV export writes the shortlist sheet, the xlsx export all of them.
public struct Sheet: Sendable {
    public enum Cell: Sendable, Equatable {
        /// Written as text, never as a formula (names, ids, codes, details).
        case text(String)
        /// A score or fit, `hundredths / 100`, shown with `decimals` decimals.
        case number(hundredths: Int, format: ScoreFormat)
        case integer(Int)
        case empty

        /// The cell as CSV text (scores with their decimals).
        public var text: String {
            switch self {
            case .text(let value): return value
            case let .number(hundredths, format): return format.string(hundredths)
            case .integer(let value): return "\(value)"
            case .empty: return ""
            }
        }
    }

    /// The sheet's name in the workbook (≤ 31 characters, none of []:*?/\).
    public var name: String
    public var header: [String]
    public var rows: [[Cell]]

    /// Column widths in Excel's units (about one per Latin character, two per Chinese one), 6…60.
    public var widths: [Double] {
        header.indices.map { column in
            let cells = [TextWidth.of(header[column])] + rows.map { column < $0.count ? TextWidth.of($0[column].text) : 0 }
            return Double(min(60, max(6, (cells.max() ?? 6) + 2)))
        }
    }
}

/// The export sheets of a run: shortlist, placements, withdrawn, ties, eligibility, rotation due, quota.
public struct RunSheets: Sendable, Worded {
    public let run: Run
    public let words: Words

    public init(run: Run, language: Language? = nil) {
        self.run = run
        self.words = Words(language ?? run.language)
    }


    public func all() -> [Sheet] {
        [shortlist(), placements(), withdrawn(), ties(), eligibility(), rotationDue(), quota()]
    }

    func score(_ hundredths: Int) -> Sheet.Cell { .number(hundredths: hundredths, format: run.scoreFormat) }

    /// The shortlist with human columns: position, unit, rank, cadre, current unit and post, score, role, note.
    public func shortlist() -> Sheet {
        Sheet(
            name: say("差额名单", "Shortlist"),
            header: [say("职位代码", "Position ID"), say("职位名称", "Position"), say("用人单位", "Unit"), say("名次", "Rank"),
                     say("人员编号", "Cadre ID"), say("姓名", "Name"), say("现工作单位", "Current unit"), say("现任职务", "Current post"),
                     say("面试成绩", "Interview score"), say("人选类别", "Role"), say("备注", "Note")],
            rows: run.plan.shortlist.map { entry in
                let position = run.positionByID[entry.positionID]
                let (unit, post) = run.currentPost(of: entry.cadreID, words)
                return [.text(entry.positionID.rawValue), .text(position?.title ?? ""), .text(position.map { run.unitName($0.unitID) } ?? ""),
                        .integer(entry.rank), .text(entry.cadreID.rawValue), .text(run.cadreName(entry.cadreID)), .text(unit), .text(post),
                        score(entry.scoreHundredths), .text(words.role(entry.role)), .text(entry.note(in: words.language))]
            })
    }

    public func placements() -> Sheet {
        Sheet(
            name: say("人选安排", "Placements"),
            header: [say("人员编号", "Cadre ID"), say("姓名", "Name"), say("原单位", "From unit"), say("现任职务", "Current post"),
                     say("调入单位", "To unit"), say("职位代码", "Position ID"), say("职位名称", "Position"), say("方式", "By"),
                     say("面试成绩／适配度", "Score / fit")],
            rows: run.plan.placements.map { placement in
                [.text(placement.cadreID.rawValue), .text(run.cadreName(placement.cadreID)), .text(run.unitName(placement.fromUnitID)),
                 .text(run.currentPost(of: placement.cadreID, words).post), .text(run.unitName(placement.toUnitID)),
                 .text(placement.positionID.rawValue), .text(run.positionTitle(placement.positionID)), .text(words.phase(placement.phase)),
                 score(placement.scoreHundredths)]
            })
    }

    public func withdrawn() -> Sheet {
        Sheet(
            name: say("撤回职位", "Withdrawn"),
            header: [say("职位代码", "Position ID"), say("职位名称", "Position"), say("用人单位", "Unit"), say("规则", "Rule"),
                     say("条款", "Clause"), say("规则内容", "Rule summary"), say("情况说明", "Details")],
            rows: run.plan.withdrawn.map { entry in
                [.text(entry.positionID.rawValue), .text(run.positionTitle(entry.positionID)),
                 .text(run.positionByID[entry.positionID].map { run.unitName($0.unitID) } ?? ""), .text(entry.rule.rawValue),
                 .text(words.ruleClause(entry.rule)), .text(words.ruleSummary(entry.rule)), .text(entry.detail(in: words.language))]
            })
    }

    public func ties() -> Sheet {
        Sheet(
            name: say("同分排序", "Ties"),
            header: [say("职位代码", "Position ID"), say("职位名称", "Position"), say("面试成绩", "Score"),
                     say("排名在前人员编号", "Ranked above (ID)"), say("姓名", "Name"), say("排名在后人员编号", "Ranked below (ID)"),
                     say("姓名", "Name"), say("决定因素", "Deciding key"), say("在前者取值", "Value above"), say("在后者取值", "Value below")],
            rows: run.ties.map { tie in
                [.text(tie.positionID.rawValue), .text(run.positionTitle(tie.positionID)), score(tie.scoreHundredths), .text(tie.cadreID.rawValue),
                 .text(run.cadreName(tie.cadreID)), .text(tie.otherCadreID.rawValue), .text(run.cadreName(tie.otherCadreID)),
                 .text(words.tieKey(tie.key)), .text(tie.aboveValue), .text(tie.belowValue)]
            })
    }

    public func eligibility() -> Sheet {
        Sheet(
            name: say("资格审查", "Eligibility"),
            header: [say("人员编号", "Cadre ID"), say("姓名", "Name"), say("现单位", "Unit"), say("职位代码", "Position ID"),
                     say("规则", "Rule"), say("条款", "Clause"), say("规则内容", "Rule summary"), say("结论", "Verdict"),
                     say("情况说明", "Details")],
            rows: run.eligibility.map { verdict in
                [.text(verdict.cadreID.rawValue), .text(run.cadreName(verdict.cadreID)),
                 .text(run.cadreByID[verdict.cadreID].map { run.unitName($0.unitID) } ?? ""), .text(verdict.positionID?.rawValue ?? ""),
                 .text(verdict.rule.rawValue), .text(words.ruleClause(verdict.rule)),
                 .text(words.ruleSummary(verdict.rule)), .text(words.verdict(verdict.verdict)), .text(verdict.detail(in: words.language))]
            })
    }

    public func rotationDue() -> Sheet {
        let placed = Dictionary(run.plan.placements.map { ($0.cadreID, $0) }, uniquingKeysWith: { first, _ in first })
        return Sheet(
            name: say("应轮岗", "Rotation due"),
            header: [say("人员编号", "Cadre ID"), say("姓名", "Name"), say("现单位", "Unit"), say("现任职务", "Current post"),
                     say("规则", "Rule"), say("任现职月数", "Months in post"), say("距退休月数", "Months to retirement"),
                     say("免于轮岗", "Exempt"), say("原因", "Reason"), say("安排", "Outcome")],
            rows: run.rotationDue.map { record in
                let (unit, post) = run.currentPost(of: record.cadreID, words)
                let outcome = placed[record.cadreID].map { words.phase($0.phase) + say("：", ": ") + run.positionPhrase($0.positionID, words) }
                    ?? (record.exempt ? say("免于轮岗", "exempt") : say("未安排", "not placed"))
                return [.text(record.cadreID.rawValue), .text(run.cadreName(record.cadreID)), .text(unit), .text(post), .text(record.rule.rawValue),
                        record.monthsInPost.map { .integer($0) } ?? .empty, .integer(record.monthsToRetirement),
                        .text(words.yesNo(record.exempt)), .text(record.reasons(in: words.language).joined(separator: words.zh ? "；" : "; ")), .text(outcome)]
            })
    }

    public func quota() -> Sheet {
        Sheet(
            name: say("职数核查", "Quota"),
            header: [say("单位代码", "Unit ID"), say("单位名称", "Unit"), say("核定中层职数", "Approved posts"), say("推出职位", "Offered"),
                     say("规则", "Rule"), say("结论", "Verdict"), say("情况说明", "Details")],
            rows: run.quota.map { record in
                [.text(record.unitID.rawValue), .text(run.unitName(record.unitID)), .integer(record.approvedPosts), .integer(record.offered),
                 .text(record.rule.rawValue), .text(words.verdict(record.verdict)), .text(record.detail(in: words.language))]
            })
    }
}

/// CSV for Excel: the shortlist sheet through the one CSV writer (`CSVWriter`: UTF-8 with a BOM,
/// formula-looking texts prefixed with `'`), with CRLF line ends.
public enum SpreadsheetCSV {
    public static func render(_ sheet: Sheet) -> String {
        var numbers: Set<String> = []
        for row in sheet.rows {
            for (slot, cell) in row.enumerated() where slot < sheet.header.count {
                switch cell {
                case .number, .integer: numbers.insert(sheet.header[slot])
                case .text, .empty: break
                }
            }
        }
        return CSVWriter.render(header: sheet.header, numbers: numbers, rows: sheet.rows.map { $0.map(\.text) }, lineEnd: "\r\n")
    }
}
