// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// The tally report (计票结果): a printable A4 page, like the committee report (内部资料, page numbers), for the scrutineers
/// and counters (监票、计票) to check and sign. Per meeting: due, took part, the participation rate
/// and whether it reaches E-EVAL's minimum; void ballots, columns and lines with their rule and
/// column; the flags with their ballot ids; per cadre the counts, shares and moral score.
///
/// ```swift
/// let page = TallyReport(result: result, scenario: scenario, ballots: "选票", language: .zh).html()
/// ```
///
/// - Complexity: O(F + C + B) for F findings, C cadres and B ballots.
public struct TallyReport: Sendable {
    public let result: TallyResult
    public let scenario: Scenario
    public let ballots: String
    public let language: Language

    public init(result: TallyResult, scenario: Scenario, ballots: String, language: Language) {
        self.result = result; self.scenario = scenario; self.ballots = ballots; self.language = language
    }

    func say(_ text: TallyTexts) -> String { text(language) }

    func header(_ text: TallyTexts) -> [String] { say(text).split(separator: "|").map(String.init) }

    /// `count/total` as a percentage with one decimal, half-up; "—" when there is no total.
    static func percent(_ count: Int, of total: Int) -> String {
        guard total > 0 else { return "—" }
        return Hundredths.format(fraction: Fraction(count * 100, total), decimals: 1) + "%"
    }

    /// The sections of the report, as a `Document` (the signature lines are added by `html()`).
    public func document() -> Document {
        let names = Dictionary(scenario.cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let units = Dictionary(scenario.units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var sections: [Document.Section] = []

        // 1. Meetings.
        let minimum = scenario.rules.minParticipation
        sections.append(Document.Section(say(.meetingsHeading), [
            .note(say(.meetingsNote(minimum.description))),
            .table(Document.Table(header: header(.meetingsHeader), rows: result.meetings.map { meeting in
                Document.Row([meeting.unitID.rawValue, units[meeting.unitID] ?? "", "\(meeting.due)", "\(meeting.tookPart)",
                              Self.percent(meeting.tookPart, of: meeting.due), say(meeting.reachesMinimum ? .reachesYes : .reachesNo),
                              result.hasPerformance ? "\(meeting.performanceBallots)" : "—", result.hasPerformance ? "\(meeting.voidBallots)" : "—",
                              result.hasMoral ? "\(meeting.moralBallots)" : "—"], strong: !meeting.reachesMinimum)
            }, numericColumns: [2, 3, 4, 6, 7, 8], nowrapColumns: [0, 1, 5])),
        ]))

        // 2. Void ballots, columns and lines: one row per ballot, line, rule and finding, its columns together.
        let voids = result.findings.filter { $0.effect != .flag && $0.effect != .voidCell }
        var voidRows: [Document.Row] = []
        var voidKeys: [String] = []
        var voidColumns: [[String]] = []
        for finding in voids {
            let cells = [finding.ballotID, finding.unitID.rawValue, finding.cadreID?.rawValue ?? "", finding.rule.rawValue, "",
                         detail(finding), say(.effect(finding.effect)), finding.location.description]
            let key = cells.joined(separator: "|")
            let column = finding.column.map { say(.column($0)) }
            if let last = voidKeys.last, last == key {
                if let column { voidColumns[voidColumns.count - 1].append(column) }
            } else {
                voidKeys.append(key)
                voidRows.append(Document.Row(cells))
                voidColumns.append(column.map { [$0] } ?? [])
            }
        }
        for index in voidRows.indices { voidRows[index].cells[4] = columnList(voidColumns[index]) }
        sections.append(Document.Section(say(.voidHeading), [
            .table(Document.Table(header: header(.voidHeader), rows: voidRows, nowrapColumns: [0, 1, 2, 3, 4, 6, 7], empty: say(.voidEmpty))),
        ]))

        // 3. Flags, grouped by rule, unit and effect; within a group, the ballots with the same cadres and columns together.
        struct Group { var rule: RuleID; var unit: UnitID; var effect: TallyEffect; var ballots: [String]; var parts: [String: [String]] }
        var groups: [Group] = []
        var position: [String: Int] = [:]
        let flags = result.findings.filter { $0.effect == .flag || $0.effect == .voidCell }
            .sorted { ($0.rule, $0.unitID.rawValue) < ($1.rule, $1.unitID.rawValue) }
        for finding in flags {
            let key = "\(finding.rule.rawValue)|\(finding.unitID.rawValue)|\(finding.effect.rawValue)"
            let at = position[key] ?? groups.count
            if at == groups.count {
                position[key] = at
                groups.append(Group(rule: finding.rule, unit: finding.unitID, effect: finding.effect, ballots: [], parts: [:]))
            }
            if groups[at].parts[finding.ballotID] == nil {
                groups[at].ballots.append(finding.ballotID)
                groups[at].parts[finding.ballotID] = []
            }
            let part = [finding.cadreID?.rawValue, finding.column.map { say(.column($0)) }].compactMap { $0 }.joined(separator: " ")
            if !part.isEmpty { groups[at].parts[finding.ballotID]!.append(part) }
        }
        let comma = language == .zh ? "、" : ", "
        sections.append(Document.Section(say(.flagsHeading), [
            .note(say(.flagsNote)),
            .table(Document.Table(header: header(.flagsHeader), rows: groups.map { group in
                // Ballots flagged for the same cadres and columns are listed together after what they share.
                var order: [String] = []
                var ballotsOf: [String: [String]] = [:]
                for ballot in group.ballots {
                    let what = columnList(group.parts[ballot]!)
                    if ballotsOf[what] == nil { order.append(what) }
                    ballotsOf[what, default: []].append(ballot)
                }
                let listed = order.map { what in
                    (what.isEmpty ? "" : what + (language == .zh ? "：" : ": ")) + ballotsOf[what]!.joined(separator: comma)
                }
                return Document.Row([group.rule.rawValue, group.unit.rawValue, say(.effect(group.effect)), "\(group.ballots.count)",
                                     listed.joined(separator: language == .zh ? "；" : "; ")])
            }, numericColumns: [3], nowrapColumns: [0, 1, 2, 3], empty: say(.flagsEmpty))),
        ]))

        // 4. Performance counts per cadre.
        if result.hasPerformance {
            sections.append(Document.Section(say(.cadresHeading), [
                .note(say(.cadresNote)),
                .table(Document.Table(header: header(.cadresHeader), rows: result.cadres.map { cadre in
                    let counts = cadre.counts ?? GradeCounts()
                    return Document.Row([cadre.cadreID.rawValue, names[cadre.cadreID] ?? "", cadre.unitID.rawValue, "\(cadre.tookPart)",
                                         "\(counts.good)", "\(counts.fairlyGood)", "\(counts.average)", "\(counts.poor)",
                                         "\(cadre.abstentions)", "\(cadre.spoiled)", "\(cadre.notCounted)",
                                         Self.percent(counts.good, of: cadre.tookPart), Self.percent(counts.poor, of: cadre.tookPart),
                                         Self.percent(counts.average + counts.poor, of: cadre.tookPart)])
                }, numericColumns: Set(3...13), nowrapColumns: [0, 1, 2])),
            ]))
        }

        // 5. Moral scores per cadre.
        if result.hasMoral {
            let settings = result.settings
            let shares = MoralGrade.allCases.map { settings.share($0).decimalDescription }.joined(separator: language == .zh ? "、" : "/")
            let grades = [MoralGrade.good, .fairlyGood, .average].compactMap { settings.moralGrades[$0]?.decimalDescription }
                .joined(separator: language == .zh ? "、" : "/")
            sections.append(Document.Section(say(.moralHeading), [
                .note(say(.moralNote(shares: shares, grades: grades))),
                .table(Document.Table(header: header(.moralHeader), rows: result.cadres.map { cadre in
                    Document.Row([cadre.cadreID.rawValue, names[cadre.cadreID] ?? "", cadre.unitID.rawValue, "\(cadre.moralLines)",
                                  "\(cadre.moralCounted)", cadre.moralScore.map(Self.score) ?? "—",
                                  cadre.moral.map { language == .zh ? $0.chinese : $0.rawValue.replacingOccurrences(of: "_", with: " ") } ?? "—"])
                }, numericColumns: [3, 4, 5], nowrapColumns: [0, 1, 2, 6])),
            ]))
        }

        let setting = say(.metaSettings(overQuota: result.settings.overQuota, missingReason: result.settings.missingReason))
        return Document(language: language, title: say(.reportTitle), subtitle: say(.reportSubtitle(scenario.name)),
                        meta: [say(.metaBallots(ballots)), setting], sections: sections, footer: [say(.footer(Tool.signature))])
    }

    /// A moral score with two decimals, and the exact value when two decimals do not hold it.
    static func score(_ value: Fraction) -> String {
        let shown = Hundredths.format(fraction: value, decimals: 2)
        return value.multiplied(by: 100)?.denominator == 1 ? shown : shown + " (" + value.description + ")"
    }

    /// Columns (or cadres and columns) as one phrase: every column of the performance form is "all six columns".
    func columnList(_ parts: [String]) -> String {
        let all = PerformanceColumn.allCases.map { say(.column($0.rawValue)) }
        if parts == all { return say(.allColumns) }
        return parts.joined(separator: language == .zh ? "、" : ", ")
    }

    /// What a finding found, in words.
    func detail(_ finding: TallyFinding) -> String {
        switch finding.rule {
        case .tallyGood: return say(.overQuota(good: finding.count ?? 0, lines: finding.lines ?? 0))
        case .tallyPoor: return say(.underPoor(poor: finding.count ?? 0, lines: finding.lines ?? 0))
        case .tallyReason: return say(.missingReason)
        case .tallyMark: return say(finding.effect == .voidCell ? .spoiledCell : .emptyGrade)
        default: return ""
        }
    }

    /// The page: the document, then the signature lines.
    public func html() -> String {
        let document = document()
        var body = "<header>\n<h1>\(HTML.escape(document.title))</h1>\n"
        if let subtitle = document.subtitle { body += "<p class=\"subtitle\">\(HTML.escape(subtitle))</p>\n" }
        body += "<p class=\"meta\">" + document.meta.map { "<span>\(HTML.escape($0))</span>" }.joined() + "</p>\n</header>\n"
        for section in document.sections {
            body += "<section>\n<h2>\(HTML.escape(section.heading))</h2>\n"
            for block in section.blocks { body += HTMLRenderer.render(block, zh: language == .zh) }
            body += "</section>\n"
        }
        body += "<section class=\"keep\">\n<h2>\(HTML.escape(say(.signaturesHeading)))</h2>\n<div class=\"signatures\">\n"
        for role in [say(.scrutineer), say(.counter)] {
            body += "<p>\(HTML.escape(role))\(language == .zh ? "：" : ": ")<span class=\"line\"></span><span class=\"line\"></span><span class=\"line\"></span></p>\n"
        }
        body += "<p>\(HTML.escape(say(.dateLine)))</p>\n</div>\n</section>\n"
        body += "<footer>\n" + document.footer.map { "<p>\(HTML.escape($0))</p>\n" }.joined() + "</footer>\n"
        let style = HTML.internalPageStyle(language) + "\n" + """
        .signatures p { margin: 7mm 0; }
        .signatures .line { display: inline-block; width: 38mm; border-bottom: 0.6pt solid #000; margin-right: 6mm; height: 5mm; vertical-align: bottom; }
        table { font-size: 8.5pt; }
        """
        return HTML.page(title: document.title, language: language, body: body, extraStyle: style)
    }
}
