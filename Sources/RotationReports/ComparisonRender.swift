// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
import RotationIO

extension Comparison {
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
            return MetricRow(key: "mean_score_proposed", label: c(.metricMeanScore),
                             a: text(meanA), b: text(meanB), delta: delta, differs: meanA != meanB, aValue: value(meanA), bValue: value(meanB))
        }()
        let envySuffix: (Metrics) -> String = { $0.envyRecomputed ? "" : "*" }
        var envy = integer("justified_envy", c(.metricPassedLeftOut), metricsA.justifiedEnvy, metricsB.justifiedEnvy)
        envy.a += envySuffix(metricsA)
        envy.b += envySuffix(metricsB)
        return [
            integer("positions_offered", c(.metricOffered), metricsA.positionsOffered, metricsB.positionsOffered),
            integer("positions_competed", c(.metricCompeted), metricsA.positionsCompeted, metricsB.positionsCompeted),
            integer("positions_filled", c(.metricFilled), metricsA.positionsFilled, metricsB.positionsFilled),
            integer("placed_competition", c(.metricByCompetition), metricsA.placedByCompetition, metricsB.placedByCompetition),
            integer("placed_transfer", c(.metricByTransfer), metricsA.placedByTransfer, metricsB.placedByTransfer),
            integer("rotation_due_placed", c(.metricDuePlaced), metricsA.rotationDuePlaced, metricsB.rotationDuePlaced),
            mean,
            integer("preferences_met", c(.metricPreferences), metricsA.preferencesMet, metricsB.preferencesMet),
            envy,
            integer("eligibility_fail", c(.metricFails), metricsA.eligibilityFail, metricsB.eligibilityFail),
            integer("eligibility_flag", c(.metricFlags), metricsA.eligibilityFlag, metricsB.eligibilityFlag),
            MetricRow(key: "pairs_kept", label: c(.metricPairsKept),
                      a: "\(metricsA.shortlistPairs)", b: c(.pairsKept(pairsKept, metricsA.shortlistPairs)),
                      delta: pairsKept == metricsA.shortlistPairs ? "" : c(.pairsChanged(metricsA.shortlistPairs - pairsKept)),
                      differs: pairsKept != metricsA.shortlistPairs || metricsA.shortlistPairs != metricsB.shortlistPairs,
                      aValue: .integer(metricsA.shortlistPairs), bValue: .integer(pairsKept)),
        ]
    }

    var envyNote: String {
        metricsA.envyRecomputed && metricsB.envyRecomputed ? c(.passedLeftOutNote) : c(.passedLeftOutNotRecomputed)
    }

    static func tone(_ effect: Effect) -> Document.Tone {
        switch effect {
        case .better: return .added
        case .worse: return .removed
        case .neutral: return .changed
        }
    }

    // MARK: Document

    /// The comparison: what was changed (settings, input rows), what changed for each person (green
    /// better for them, red worse), positions, units, and the headline numbers.
    public func document() -> Document {
        let runLine: (String, LoadedRun) -> String = { name, run in
            let source = run.solvedFromScenario ? self.c(.scenarioSolved) : self.c(.runFolder)
            return self.c(.runLine(name, run.path, [source, run.run.scenarioName, self.words.status(run.run.status)]
                .joined(separator: self.say("；", "; "))))
        }
        var sections: [Document.Section] = []

        // 1. What was changed.
        var inputBlocks: [Document.Block] = [.paragraph(hasDifferences || inputsDiffer ? c(.differ) : c(.same))]
        inputBlocks.append(.table(Document.Table(
            header: [c(.settingColumn), "A", "B"],
            rows: inputs.settings.map { Document.Row([$0.key, $0.a, $0.b], tone: .changed) },
            nowrapColumns: [0], toneColumn: 0, empty: c(.noSettingChanged))))
        inputBlocks.append(.table(Document.Table(
            header: [c(.fileColumn), c(.rowColumn), c(.changeColumn)],
            rows: inputs.rows.map { row in
                let change: String
                switch row.kind {
                case .added: change = c(.rowAdded)
                case .removed: change = c(.rowRemoved)
                case .changed: change = row.columns.map { c(.column($0.name, $0.a, $0.b)) }.joined(separator: say("；", "; "))
                }
                return Document.Row([row.file, row.key, change], tone: .changed)
            },
            nowrapColumns: [0, 1], toneColumn: 1, empty: c(.noRowChanged))))
        if !inputs.filesChanged.isEmpty { inputBlocks.append(.note(c(.filesChanged(inputs.filesChanged.joined(separator: ", "))))) }
        sections.append(Document.Section(c(.inputsHeading), inputBlocks))

        // 2. Each person.
        let personRows = people.map { person in
            Document.Row([words.person(cadreName(person.cadreID), person.cadreID),
                          person.items.map(\.text).joined(separator: say("；", "; "))], tone: Self.tone(person.effect))
        }
        sections.append(Document.Section(c(.peopleHeading), [
            .note(c(.legend)),
            .table(Document.Table(header: [c(.personColumn), c(.changeColumn)], rows: personRows, nowrapColumns: [0], toneColumn: 0,
                                  empty: c(.nobodyChanged))),
        ]))

        // 3. Positions that changed between competed and withdrawn.
        let positionRows: [Document.Row] = positionEvents.compactMap { event in
            let text: String
            switch event.kind {
            case .withdrawn: text = c(.nowWithdrawn(event.after))
            case .competed: text = c(.nowCompeted(event.before))
            case .withdrawalChanged: text = c(.withdrawalChanged(event.before, event.after))
            default: return nil
            }
            return Document.Row([event.positionID.rawValue, positionTitleWithUnit(event.positionID), text], tone: .changed)
        }
        sections.append(Document.Section(c(.positionsHeading), [
            .table(Document.Table(header: [say("职位代码", "Code"), c(.positionColumn), c(.changeColumn)], rows: positionRows,
                                  nowrapColumns: [0], toneColumn: 0, empty: c(.noPositionChanged))),
            .note(c(.unchangedPositions(unchangedPositions))),
        ]))

        // 4. Units (Q-OFFER findings).
        let unitRows: [Document.Row] = verdictEvents.compactMap { event in
            let unit = UnitID(rawValue: event.subject)
            guard let name = b.run.unitByID[unit]?.name ?? a.run.unitByID[unit]?.name else { return nil }
            let text: String
            switch (event.before, event.after) {
            case (nil, let y?): text = c(.findingAdded(findingPhrase(event.rule, nil, y)))
            case (let x?, nil): text = c(.findingRemoved(findingPhrase(event.rule, nil, x)))
            case (let x?, let y?): text = c(.findingChanged(findingPhrase(event.rule, nil, x), findingPhrase(event.rule, nil, y)))
            default: return nil
            }
            return Document.Row([name, text], tone: .changed)
        }
        sections.append(Document.Section(c(.unitsHeading), [
            .table(Document.Table(header: [c(.unitColumn), c(.changeColumn)], rows: unitRows, nowrapColumns: [0], toneColumn: 0,
                                  empty: c(.noUnitChanged))),
        ]))

        // 5. Headline numbers.
        let rows = metricRows()
        sections.append(Document.Section(c(.metricsHeading), [
            .table(Document.Table(header: [c(.metricColumn), "A", "B", c(.changeColumn)],
                                  rows: rows.map { Document.Row([$0.label, $0.a, $0.b, $0.delta], tone: $0.differs ? .changed : nil) },
                                  numericColumns: [1, 2, 3], toneColumn: 3)),
            .note(envyNote),
        ]))
        var document = Document(language: words.language, title: c(.title), meta: [runLine("A", a), runLine("B", b)], sections: sections,
                                footer: [c(.footer)])
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
            ("settings", .array(inputs.settings.map { .object([("key", .string($0.key)), ("a", .string($0.a)), ("b", .string($0.b))]) })),
            ("input_rows", .array(inputs.rows.map { row in
                .object([("file", .string(row.file)), ("key", .string(row.key)), ("change", .string(row.kind.rawValue)),
                         ("columns", .array(row.columns.map { .object([("name", .string($0.name)), ("a", .string($0.a)), ("b", .string($0.b))]) }))])
            })),
            ("input_files_changed", .array(inputs.filesChanged.map { .string($0) })),
            ("people", .array(people.map { person in
                .object([("cadre_id", .string(person.cadreID.rawValue)), ("name", .string(cadreName(person.cadreID))),
                         ("effect", .string(person.effect.rawValue)),
                         ("changes", .array(person.items.map { .object([("text", .string($0.text)), ("effect", .string($0.effect.rawValue))]) }))])
            })),
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
