// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
import RotationIO

extension RunReport {
    /// The report's content for programs: codes and ids beside the labels a person reads.
    public func json() -> JSONValue {
        let due = run.dueNotExempt
        let placed = Dictionary(run.plan.placements.map { ($0.cadreID, $0) }, uniquingKeysWith: { first, _ in first })
        func cadre(_ id: CadreID) -> [(String, JSONValue)] {
            let (unit, post) = run.currentPost(of: id, words)
            return [("cadre_id", .string(id.rawValue)), ("name", .string(run.cadreName(id))), ("current_unit", .string(unit)),
                    ("current_post", .string(post))]
        }
        func position(_ id: PositionID) -> [(String, JSONValue)] {
            let found = run.positionByID[id]
            return [("position_id", .string(id.rawValue)), ("title", .string(found?.title ?? "")),
                    ("unit_id", .string(found?.unitID.rawValue ?? "")), ("unit_name", .string(found.map { run.unitName($0.unitID) } ?? "")),
                    ("level", .string(found?.level.code ?? "")), ("level_label", .string(found.map { words.level($0.level) } ?? ""))]
        }
        let shortlists: [JSONValue] = run.competedPositionIDs.map { positionID in
            .object(position(positionID) + [
                ("candidates", .array(run.shortlist(of: positionID).map { entry in
                    .object([("rank", .integer(entry.rank))] + cadre(entry.cadreID) + [
                        ("score", .number(run.score(entry.scoreHundredths))), ("role", .string(entry.role.rawValue)),
                        ("role_label", .string(words.role(entry.role))), ("note", .string(entry.note(in: words.language))),
                    ])
                })),
            ])
        }
        let transfers: [JSONValue] = run.plan.placements.filter(\.isTransfer).map { placement in
            .object(cadre(placement.cadreID) + [("from_unit_id", .string(placement.fromUnitID.rawValue))] + position(placement.positionID) + [
                ("fit", .number(run.score(placement.scoreHundredths))), ("rotation_due", .bool(due.contains(placement.cadreID))),
            ])
        }
        let withdrawn: [JSONValue] = run.plan.withdrawn.map { entry in
            .object(position(entry.positionID) + [
                ("rule", .string(entry.rule.rawValue)), ("clause", .string(words.ruleClause(entry.rule))),
                ("rule_summary", .string(words.ruleSummary(entry.rule))), ("detail", .string(entry.detail(in: words.language))),
            ])
        }
        let ties: [JSONValue] = run.ties.map { tie in
            .object([
                ("position_id", .string(tie.positionID.rawValue)), ("title", .string(run.positionTitle(tie.positionID))),
                ("score", .number(run.score(tie.scoreHundredths))),
                ("above", .object([("cadre_id", .string(tie.cadreID.rawValue)), ("name", .string(run.cadreName(tie.cadreID))),
                                   ("value", .string(tie.aboveValue))])),
                ("below", .object([("cadre_id", .string(tie.otherCadreID.rawValue)), ("name", .string(run.cadreName(tie.otherCadreID))),
                                   ("value", .string(tie.belowValue))])),
                ("key", .string(tie.key.rawValue)), ("key_label", .string(words.tieKey(tie.key))),
            ])
        }
        let byRule = Dictionary(grouping: run.eligibility, by: \.rule)
        let rules = byRule.keys.sorted()
        let eligibility: [JSONValue] = rules.map { rule in
            let rows = (byRule[rule] ?? []).sorted { idPrecedes($0.cadreID, $1.cadreID) }
            return .object([
                ("rule", .string(rule.rawValue)), ("clause", .string(words.ruleClause(rule))), ("rule_summary", .string(words.ruleSummary(rule))),
                ("fail", .integer(rows.filter { $0.verdict == .fail }.count)),
                ("flag", .integer(rows.filter { $0.verdict == .flag }.count)),
                ("rows", .array(rows.map { verdict in
                    .object([("cadre_id", .string(verdict.cadreID.rawValue)), ("name", .string(run.cadreName(verdict.cadreID))),
                             ("position_id", .optional(verdict.positionID?.rawValue)), ("verdict", .string(verdict.verdict.rawValue)),
                             ("verdict_label", .string(words.verdict(verdict.verdict))), ("detail", .string(verdict.detail(in: words.language)))])
                })),
            ])
        }
        let rotation: [JSONValue] = run.rotationDue.map { record in
            var members = cadre(record.cadreID) + [
                ("rule", .string(record.rule.rawValue)), ("months", .optional(record.monthsInPost)),
                ("months_to_retirement", .integer(record.monthsToRetirement)), ("exempt", .bool(record.exempt)),
                ("reasons", .array(record.reasons(in: words.language).map { .string($0) })),
            ]
            if let placement = placed[record.cadreID] {
                members.append(("placed", .object([("position_id", .string(placement.positionID.rawValue)), ("phase", .string(placement.phase.rawValue))])))
            } else {
                members.append(("placed", .null))
            }
            return .object(members)
        }
        let quota: [JSONValue] = run.quota.map { record in
            .object([("unit_id", .string(record.unitID.rawValue)), ("unit_name", .string(run.unitName(record.unitID))),
                     ("approved_posts", .integer(record.approvedPosts)), ("offered", .integer(record.offered)),
                     ("rule", .string(record.rule.rawValue)), ("verdict", .string(record.verdict.rawValue)),
                     ("verdict_label", .string(words.verdict(record.verdict))), ("detail", .string(record.detail(in: words.language)))])
        }
        let flow = FlowMatrix(run: run, words: words)
        var moves: [JSONValue] = []
        for (from, source) in flow.units.enumerated() {
            for (to, target) in flow.units.enumerated() where flow.cells[from][to].total > 0 {
                moves.append(.object([("from_unit_id", .string(source.id.rawValue)), ("to_unit_id", .string(target.id.rawValue)),
                                      ("competition", .integer(flow.cells[from][to].competition)),
                                      ("transfer", .integer(flow.cells[from][to].transfer))]))
            }
        }
        var members: [(String, JSONValue)] = [
            ("scenario", .string(run.scenarioName)), ("reference_date", .string(run.referenceDate.description)),
            ("language", .string(words.language.rawValue)), ("mode", .string(run.mode.rawValue)), ("stage", .string(run.stage.rawValue)),
            ("status", .string(run.status.rawValue)), ("score_decimals", .integer(run.rules.scoreDecimals)),
            ("pass_mark", .string(InterviewScoring.describe(run.rules.passMark))),
        ]
        members += [
            ("summary", .object([
                ("positions_offered", .integer(run.offeredPositionIDs.count)),
                ("positions_competed", .integer(run.competedPositionIDs.count)),
                ("positions_withdrawn", .integer(run.plan.withdrawn.count)), ("shortlisted", .integer(run.plan.shortlist.count)),
                ("placed_competition", .integer(run.plan.placements.filter { !$0.isTransfer }.count)),
                ("placed_transfer", .integer(run.plan.placements.filter(\.isTransfer).count)),
                ("rotation_due", .integer(due.count)),
                ("rotation_due_placed", .integer(Set(run.plan.placements.map(\.cadreID)).intersection(due).count)),
                ("eligibility_fail", .integer(run.findings(.fail).count)),
                ("eligibility_flag", .integer(run.findings(.flag).count)),
            ])),
            ("positions_awaiting_interview", .array(run.positionsAwaitingInterview.map { .string($0.rawValue) })),
            ("shortlists", .array(shortlists)),
            ("transfers", .array(transfers)),
            ("transfer_status", .string(run.transfer.code)),
            ("flow", .object([("units", .array(flow.units.map { .object([("unit_id", .string($0.id.rawValue)), ("name", .string($0.name))]) })),
                              ("moves", .array(moves))])),
            ("withdrawn", .array(withdrawn)),
            ("ties", .array(ties)),
            ("eligibility_by_rule", .array(eligibility)),
            ("rotation_due", .array(rotation)),
            ("quota", .array(quota)),
        ]
        return .object(members)
    }
}
