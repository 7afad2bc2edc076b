// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
import RotationIO

extension Comparison {
    func label(_ kind: PositionEventKind) -> String {
        switch kind {
        case .withdrawn: return say("不再竞争", "no longer competed")
        case .competed: return say("改为竞争", "now competed")
        case .withdrawalChanged: return say("撤回原因变化", "withdrawal changed")
        case .entered: return say("进入名单", "entered")
        case .left: return say("退出名单", "left")
        case .rankChanged: return say("名次变化", "rank changed")
        case .scoreChanged: return say("成绩变化", "score changed")
        }
    }

    func tone(_ kind: PositionEventKind) -> Document.Tone {
        switch kind {
        case .competed, .entered: return .added
        case .withdrawn, .left: return .removed
        case .withdrawalChanged, .rankChanged, .scoreChanged: return .changed
        }
    }

    func label(_ kind: CadreEventKind) -> String {
        switch kind {
        case .placed: return say("新安排", "now placed")
        case .unplaced: return say("不再安排", "no longer placed")
        case .moved: return say("安排变化", "placed elsewhere")
        }
    }

    func label(_ kind: VerdictEventKind) -> String {
        switch kind {
        case .added: return say("新增", "added")
        case .removed: return say("消除", "removed")
        case .changed: return say("结论变化", "verdict changed")
        case .detail: return say("情况变化", "details changed")
        }
    }

    func verdictLabel(_ verdict: Comparison.FindingVerdict) -> String {
        switch verdict {
        case .due: return say("应轮岗", "due")
        case .exempt: return say("免于轮岗", "exempt")
        case .eligibility(let verdict): return words.verdict(verdict)
        case .quota(let verdict): return words.verdict(verdict)
        }
    }

    /// Which run a name or a position is looked up in: B first (the newer), then A.
    func cadreName(_ id: CadreID) -> String {
        b.run.cadreByID[id]?.name ?? a.run.cadreByID[id]?.name ?? id.rawValue
    }

    func positionTitle(_ id: PositionID) -> String {
        b.run.positionByID[id]?.title ?? a.run.positionByID[id]?.title ?? id.rawValue
    }

    func placementText(_ placement: Plan.Placement?, _ run: Run) -> String {
        guard let placement else { return "—" }
        return "\(words.phase(placement.phase))\(say("：", ": "))" + words.paren(run.positionPhrase(placement.positionID, words), placement.positionID)
    }

    func subjectName(_ event: VerdictEvent) -> String {
        let cadre = CadreID(rawValue: event.subject), unit = UnitID(rawValue: event.subject)
        if let name = b.run.cadreByID[cadre]?.name ?? a.run.cadreByID[cadre]?.name {
            return words.person(name, event.subject)
        }
        return b.run.unitByID[unit]?.name ?? a.run.unitByID[unit]?.name ?? event.subject
    }

    // MARK: Metrics

    struct MetricRow {
        var key: String
        var label: String
        var a: String
        var b: String
        var delta: String
        var differs: Bool
        /// The values for programs: numbers (or null), not the text shown.
        var aValue: JSONValue
        var bValue: JSONValue
    }

    func metricRows() -> [MetricRow] {
        func integer(_ key: String, _ label: String, _ x: Int?, _ y: Int?) -> MetricRow {
            let delta: String
            if let x, let y, x != y { delta = y > x ? "+\(y - x)" : "−\(x - y)" } else { delta = "" }
            return MetricRow(key: key, label: label, a: x.map(String.init) ?? "—", b: y.map(String.init) ?? "—", delta: delta, differs: x != y,
                             aValue: .optional(x), bValue: .optional(y))
        }
        let meanA = metricsA.meanProposedScore, meanB = metricsB.meanProposedScore
        let mean: MetricRow = {
            let text: (Fraction?) -> String = { $0.map { Comparison.meanFormat.string(fraction: $0) } ?? "—" }
            var delta = ""
            if let x = meanA, let y = meanB, x != y {
                let difference = Fraction(y.numerator * x.denominator - x.numerator * y.denominator, x.denominator * y.denominator)
                let formatted = Comparison.meanFormat.string(fraction: difference)
                delta = formatted.hasPrefix("-") ? "−" + formatted.dropFirst() : "+" + formatted
            }
            let value: (Fraction?) -> JSONValue = { $0.map { .number(Comparison.meanFormat.string(fraction: $0)) } ?? .null }
            return MetricRow(key: "mean_score_proposed", label: say("拟任人选面试平均成绩", "Mean score of the proposed"),
                             a: text(meanA), b: text(meanB), delta: delta, differs: meanA != meanB, aValue: value(meanA), bValue: value(meanB))
        }()
        let envySuffix: (Metrics) -> String = { $0.envyRecomputed ? "" : "*" }
        var envy = integer("justified_envy", say("应入未入（合理嫉妒）", "Justified-envy pairs"), metricsA.justifiedEnvy, metricsB.justifiedEnvy)
        envy.a += envySuffix(metricsA)
        envy.b += envySuffix(metricsB)
        return [
            integer("positions_offered", say("推出职位", "Positions offered"), metricsA.positionsOffered, metricsB.positionsOffered),
            integer("positions_competed", say("开展竞争上岗职位", "Positions competed"), metricsA.positionsCompeted, metricsB.positionsCompeted),
            integer("positions_filled", say("已安排人选的职位", "Positions filled"), metricsA.positionsFilled, metricsB.positionsFilled),
            integer("placed_competition", say("竞争上岗安排", "Placed by competition"), metricsA.placedByCompetition, metricsB.placedByCompetition),
            integer("placed_transfer", say("组织调动安排", "Placed by transfer"), metricsA.placedByTransfer, metricsB.placedByTransfer),
            integer("rotation_due_placed", say("应轮岗人员已安排", "Rotation-due cadres placed"), metricsA.rotationDuePlaced, metricsB.rotationDuePlaced),
            mean,
            integer("preferences_met", say("志愿满足（目标值）", "Preferences met (objective)"), metricsA.preferencesMet, metricsB.preferencesMet),
            envy,
            integer("eligibility_fail", say("资格审查不符合", "Eligibility fails"), metricsA.eligibilityFail, metricsB.eligibilityFail),
            integer("eligibility_flag", say("资格审查提示", "Eligibility flags"), metricsA.eligibilityFlag, metricsB.eligibilityFlag),
            MetricRow(key: "pairs_kept", label: say("保留A的考察对象（职位-人员）", "Shortlist pairs kept from A"),
                      a: "\(metricsA.shortlistPairs)", b: "\(pairsKept) / \(metricsA.shortlistPairs)",
                      delta: pairsKept == metricsA.shortlistPairs ? "" : say("\(metricsA.shortlistPairs - pairsKept)对有变化", "\(metricsA.shortlistPairs - pairsKept) changed"),
                      differs: pairsKept != metricsA.shortlistPairs || metricsA.shortlistPairs != metricsB.shortlistPairs,
                      aValue: .integer(metricsA.shortlistPairs), bValue: .integer(pairsKept)),
        ]
    }

    var envyNote: String {
        if metricsA.envyRecomputed && metricsB.envyRecomputed {
            return say("应入未入（合理嫉妒，见 model.md）：面试合格、未列入某职位名单，而该名单中有人排名在其后。已按情景数据重新计算。",
                       "Justified envy (docs/model.md): a passed applicant left off a list that holds someone ranked below them; recomputed from the scenarios.")
        }
        return say("* 应入未入（合理嫉妒，见 model.md）：面试合格、未列入某职位名单，而该名单中有人排名在其后。运行结果文件不记录未列入名单的合格人员，无法重新计算；求解时以约束禁止此类情形，故记为0。比较情景文件夹可重新计算。",
                   "* A run folder does not record passed applicants left off the lists, so justified envy cannot be recomputed; solve forbids it as a constraint, so it counts 0. Give scenario folders to recompute it.")
    }

    // MARK: Document

    public func document() -> Document {
        let runLine: (String, LoadedRun) -> String = { name, run in
            let source = run.solvedFromScenario ? self.say("情景，已求解", "scenario, solved here") : self.say("运行结果", "run folder")
            return "\(name)\(self.say("：", ": "))"
                + self.words.paren(run.path, [source, run.run.scenarioName, self.words.status(run.run.status)].joined(separator: self.say("；", "; ")))
        }
        var sections: [Document.Section] = []
        let rows = metricRows()
        sections.append(Document.Section(say("一、指标对比", "1. Metrics"), [
            .paragraph(hasDifferences ? say("两次运行结果有差异，见下。", "The runs differ; see below.")
                                      : say("两次运行结果相同，没有差异。", "The runs are the same: no difference.")),
            .table(Document.Table(header: [say("指标", "Metric"), "A", "B", say("变化", "Change")],
                                  rows: rows.map { Document.Row([$0.label, $0.a, $0.b, $0.delta], tone: $0.differs ? .changed : nil) },
                                  numericColumns: [1, 2, 3], toneColumn: 3)),
            .note(envyNote),
        ]))
        let positionRows = positionEvents.map { event in
            Document.Row([event.positionID.rawValue, positionTitle(event.positionID), label(event.kind),
                          event.cadreID.map { words.person(cadreName($0), $0) } ?? "", event.before, event.after],
                         tone: tone(event.kind))
        }
        sections.append(Document.Section(say("二、各职位差额名单的变化", "2. Shortlists by position"), [
            .table(Document.Table(header: [say("职位代码", "Position"), say("职位", "Title"), say("变化", "Change"), say("人员", "Cadre"),
                                           "A", "B"],
                                  rows: positionRows, nowrapColumns: [0, 2, 3], toneColumn: 2, empty: say("各职位名单均无变化。", "No shortlist changed."))),
            .note(say("其余\(unchangedPositions)个职位无变化。", "\(unchangedPositions) other position\(unchangedPositions == 1 ? "" : "s") unchanged.")),
        ]))
        let cadreRows = cadreEvents.map { event in
            Document.Row([words.person(cadreName(event.cadreID), event.cadreID), label(event.kind),
                          placementText(event.before, a.run), placementText(event.after, b.run)],
                         tone: event.kind == .placed ? .added : event.kind == .unplaced ? .removed : .changed)
        }
        sections.append(Document.Section(say("三、人员安排的变化", "3. Placements by cadre"), [
            .table(Document.Table(header: [say("人员", "Cadre"), say("变化", "Change"), "A", "B"], rows: cadreRows,
                                  nowrapColumns: [0, 1], toneColumn: 1,
                                  empty: say("人员安排无变化。", "No placement changed."))),
        ]))
        let verdictRows = verdictEvents.map { event in
            Document.Row([subjectName(event), event.positionID?.rawValue ?? "", event.rule.rawValue, label(event.kind),
                          event.before.map { "\(verdictLabel($0.verdict))\(say("：", ": "))\($0.detail)" } ?? "—",
                          event.after.map { "\(verdictLabel($0.verdict))\(say("：", ": "))\($0.detail)" } ?? "—"],
                         tone: event.kind == .added ? .added : event.kind == .removed ? .removed : .changed)
        }
        sections.append(Document.Section(say("四、审查结论的变化（资格、轮岗、职数）", "4. Findings (eligibility, rotation, quota)"), [
            .table(Document.Table(header: [say("对象", "Subject"), say("职位", "Position"), say("规则", "Rule"), say("变化", "Change"), "A", "B"],
                                  rows: verdictRows, nowrapColumns: [1, 2, 3], toneColumn: 3, empty: say("审查结论无变化。", "No finding changed."))),
        ]))
        var document = Document(language: words.language, title: say("两次运行结果比较", "Comparison of two runs"),
                                meta: [runLine("A", a), runLine("B", b)], sections: sections,
                                footer: [say("由 rotation 比较功能生成。", "Made by rotation compare.")])
        document.metaOnSeparateLines = true
        document.isInternal = true
        return document
    }

    // MARK: JSON

    public func json() -> JSONValue {
        func verdictValue(_ value: (verdict: Comparison.FindingVerdict, detail: String)?) -> JSONValue {
            guard let value else { return .null }
            return .object([("verdict", .string(value.verdict.code)), ("detail", .string(value.detail))])
        }
        func placementValue(_ placement: Plan.Placement?, _ run: Run) -> JSONValue {
            guard let placement else { return .null }
            return .object([("position_id", .string(placement.positionID.rawValue)), ("to_unit_id", .string(placement.toUnitID.rawValue)),
                            ("phase", .string(placement.phase.rawValue)), ("score", .number(run.score(placement.scoreHundredths)))])
        }
        func runValue(_ run: LoadedRun) -> JSONValue {
            .object([("path", .string(run.path)), ("solved_from_scenario", .bool(run.solvedFromScenario)),
                     ("scenario", .string(run.run.scenarioName)), ("status", .string(run.run.status.rawValue))])
        }
        return .object([
            ("a", runValue(a)), ("b", runValue(b)),
            ("differs", .bool(hasDifferences)),
            ("metrics", .array(metricRows().map { row in
                .object([("metric", .string(row.key)), ("label", .string(row.label)), ("a", row.aValue), ("b", row.bValue),
                         ("differs", .bool(row.differs))])
            })),
            ("justified_envy_recomputed", .object([("a", .bool(metricsA.envyRecomputed)), ("b", .bool(metricsB.envyRecomputed))])),
            ("pairs_kept", .integer(pairsKept)), ("pairs_in_a", .integer(metricsA.shortlistPairs)),
            ("positions", .array(positionEvents.map { event in
                .object([("position_id", .string(event.positionID.rawValue)), ("title", .string(positionTitle(event.positionID))),
                         ("change", .string(event.kind.rawValue)), ("cadre_id", .optional(event.cadreID?.rawValue)),
                         ("name", .optional(event.cadreID.map(cadreName))), ("a", .string(event.before)), ("b", .string(event.after))])
            })),
            ("positions_unchanged", .integer(unchangedPositions)),
            ("cadres", .array(cadreEvents.map { event in
                .object([("cadre_id", .string(event.cadreID.rawValue)), ("name", .string(cadreName(event.cadreID))),
                         ("change", .string(event.kind.rawValue)), ("a", placementValue(event.before, a.run)),
                         ("b", placementValue(event.after, b.run))])
            })),
            ("findings", .array(verdictEvents.map { event in
                .object([("subject", .string(event.subject)), ("position_id", .optional(event.positionID?.rawValue)), ("rule", .string(event.rule.rawValue)),
                         ("change", .string(event.kind.rawValue)), ("a", verdictValue(event.before)), ("b", verdictValue(event.after))])
            })),
        ])
    }
}
