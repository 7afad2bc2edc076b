// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// The run folder (docs/run-format.md): its one writer (`files(of:)`, `write(_:to:)`) and its one
/// reader (`read(_:)`, in RunFolder+Read.swift). Nothing else renders or parses a run folder.
///
/// ```swift
/// try RunFolder.write(run, to: URL(fileURLWithPath: "RUN/fenghua-2017"))
/// let again = try RunFolder.read(URL(fileURLWithPath: "RUN/fenghua-2017"))
/// ```
///
/// Pure rendering: the same run always gives the same bytes. Writing them is `AtomicFolder`'s job.
public enum RunFolder {
    /// What audit.json says when `--timings` was not given.
    static let timingsNotRecorded = "not recorded, so that runs are byte-for-byte reproducible; pass --timings to record them"

    /// Every file of the run folder, by name, in a stable order.
    public static func files(of run: Run) -> [(name: String, contents: String)] {
        let writer = RunFolderWriter(run: run)
        return [
            ("shortlist.csv", writer.shortlistCSV()), ("withdrawn.csv", writer.withdrawnCSV()), ("ties.csv", writer.tiesCSV()),
            ("placements.csv", writer.placementsCSV()), ("eligibility.csv", writer.eligibilityCSV()),
            ("rotation_due.csv", writer.rotationDueCSV()), ("quota.csv", writer.quotaCSV()),
            ("result.json", writer.result().rendered()), ("audit.json", writer.audit().rendered()),
        ]
    }
}

/// Renders each file of a run folder from the run model.
struct RunFolderWriter {
    let run: Run

    var rules: RuleSettings { run.rules }
    func score(_ hundredths: Int) -> String { run.score(hundredths) }
    func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }

    /// Why a cadre is due, in a language, with R-EXEMPT when it applies (rotation_due.csv `reason`, `reason_zh`).
    func reasons(_ record: RotationDue.Record, _ language: Language) -> String {
        let exempt = record.exempt ? [RuleTexts.exempt(monthsToRetirement: record.monthsToRetirement, limit: rules.exemptMonthsBeforeRetirement)(language)] : []
        return (record.reasons(in: language) + exempt).joined(separator: language == .zh ? "；" : "; ")
    }
    func unitName(ofPosition id: PositionID) -> String { run.positionByID[id].flatMap { run.unitByID[$0.unitID]?.name } ?? "" }

    // MARK: CSV files

    func shortlistCSV() -> String {
        CSVWriter.render(
            header: ["position_id", "rank", "cadre_id", "score", "role", "note", "position_title", "unit_name", "cadre_name"],
            numbers: ["rank", "score"],
            rows: run.plan.shortlist.map { entry in
                [entry.positionID.rawValue, "\(entry.rank)", entry.cadreID.rawValue, score(entry.scoreHundredths), entry.role.rawValue,
                 entry.note, run.positionByID[entry.positionID]?.title ?? "", unitName(ofPosition: entry.positionID),
                 run.cadreByID[entry.cadreID]?.name ?? ""]
            })
    }

    func withdrawnCSV() -> String {
        CSVWriter.render(
            header: ["position_id", "rule", "detail", "position_title", "unit_name", "detail_zh"],
            rows: run.plan.withdrawn.map { entry in
                [entry.positionID.rawValue, entry.rule.rawValue, entry.detail, run.positionByID[entry.positionID]?.title ?? "",
                 unitName(ofPosition: entry.positionID), entry.detailChinese]
            })
    }

    func tiesCSV() -> String {
        CSVWriter.render(
            header: ["position_id", "cadre_id", "other_cadre_id", "score", "key", "cadre_value", "other_value"],
            numbers: ["score"],
            rows: run.ties.map { entry in
                let tie = entry.tie
                return [tie.positionID.rawValue, tie.aboveCadreID.rawValue, tie.belowCadreID.rawValue, score(tie.scoreHundredths), tie.key.rawValue,
                        entry.aboveValue, entry.belowValue]
            })
    }

    func placementsCSV() -> String {
        CSVWriter.render(
            header: ["cadre_id", "from_unit_id", "position_id", "to_unit_id", "phase", "score", "cadre_name", "position_title"],
            numbers: ["score"],
            rows: run.plan.placements.map { placement in
                [placement.cadreID.rawValue, placement.fromUnitID.rawValue, placement.positionID.rawValue, placement.toUnitID.rawValue, placement.phase.rawValue,
                 score(placement.scoreHundredths), run.cadreByID[placement.cadreID]?.name ?? "",
                 run.positionByID[placement.positionID]?.title ?? ""]
            })
    }

    func eligibilityCSV() -> String {
        CSVWriter.render(
            header: ["cadre_id", "position_id", "rule", "verdict", "detail", "clause", "cadre_name", "detail_zh"],
            rows: run.eligibility.map { verdict in
                [verdict.cadreID.rawValue, verdict.positionID?.rawValue ?? "", verdict.rule.rawValue, verdict.verdict.rawValue, verdict.detail,
                 verdict.rule.clause, run.cadreByID[verdict.cadreID]?.name ?? "", verdict.detailChinese]
            })
    }

    func rotationDueCSV() -> String {
        CSVWriter.render(
            header: ["cadre_id", "rule", "months", "exempt", "months_to_retirement", "reason", "cadre_name", "reason_zh"],
            numbers: ["months", "months_to_retirement"],
            rows: run.rotationDue.map { record in
                [record.cadreID.rawValue, record.rule.rawValue, record.monthsInPost.map(String.init) ?? "", yesNo(record.exempt),
                 "\(record.monthsToRetirement)",
                 reasons(record, .en), run.cadreByID[record.cadreID]?.name ?? "", reasons(record, .zh)]
            })
    }

    func quotaCSV() -> String {
        CSVWriter.render(
            header: ["unit_id", "approved_posts", "offered", "rule", "verdict", "detail", "unit_name", "detail_zh"],
            numbers: ["approved_posts", "offered"],
            rows: run.quota.map { record in
                [record.unitID.rawValue, "\(record.approvedPosts)", "\(record.offered)", record.rule.rawValue, record.verdict.rawValue,
                 record.detail, run.unitByID[record.unitID]?.name ?? "", record.detailChinese]
            })
    }

    // MARK: result.json

    func result() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("scenario", .string(run.scenarioName)),
            ("reference_date", .string(run.referenceDate.description)),
            ("mode", .string(run.mode.rawValue)),
            ("language", .string(run.language.rawValue)),
            ("score_decimals", .integer(rules.scoreDecimals)),
            ("stage", .string(run.stage.rawValue)),
            ("status", .string(run.status.rawValue)),
            ("objective", objective()),
        ]
        if case .infeasible(let conflict) = run.transfer {
            members.append(("infeasible", .object([
                ("reason", .string(conflict.reason.rawValue)), ("detail", .string(conflict.detail)),
                ("detail_zh", .string(conflict.detailChinese)),
                ("cadres", .array(conflict.cadres.map { .string($0.rawValue) })),
                ("vacancies", .array(conflict.vacancies.map { .string($0.rawValue) })),
            ])))
        }
        members.append(("transfer", transferSummary()))
        if let notice = noticeJSON() { members.append(("notice", notice)) }
        if let persistence = run.persistence {
            members.append(("persistence", .object([
                ("baseline_pairs", .integer(persistence.baselinePairs)), ("kept", .integer(persistence.kept)),
                ("changed", .integer(persistence.changed)),
            ])))
        }
        if run.stage == .preInterview {
            members.append(("positions_awaiting_interview", .array(run.positionsAwaitingInterview.map { .string($0.rawValue) })))
        }
        members += [
            ("summary", summary()),
            ("shortlist", .array(run.plan.shortlist.map { entry in
                .object([("position_id", .string(entry.positionID.rawValue)), ("rank", .integer(entry.rank)),
                         ("cadre_id", .string(entry.cadreID.rawValue)), ("score", .number(score(entry.scoreHundredths))),
                         ("role", .string(entry.role.rawValue)), ("note", .string(entry.note)), ("note_zh", .string(entry.noteChinese))])
            })),
            ("withdrawn", .array(run.plan.withdrawn.map { entry in
                .object([("position_id", .string(entry.positionID.rawValue)), ("rule", .string(entry.rule.rawValue)),
                         ("detail", .string(entry.detail)), ("detail_zh", .string(entry.detailChinese))])
            })),
            ("withdrawn_applications", .array(run.withdrawnApplications.map { entry in
                .object([("cadre_id", .string(entry.cadreID.rawValue)), ("position_id", .string(entry.positionID.rawValue))])
            })),
            ("placements", .array(run.plan.placements.map { placement in
                .object([("cadre_id", .string(placement.cadreID.rawValue)), ("from_unit_id", .string(placement.fromUnitID.rawValue)),
                         ("position_id", .string(placement.positionID.rawValue)), ("to_unit_id", .string(placement.toUnitID.rawValue)),
                         ("phase", .string(placement.phase.rawValue)), ("score", .number(score(placement.scoreHundredths)))])
            })),
            ("ties", .array(run.ties.map { entry -> JSONValue in
                let tie = entry.tie
                return .object([("position_id", .string(tie.positionID.rawValue)), ("cadre_id", .string(tie.aboveCadreID.rawValue)),
                         ("other_cadre_id", .string(tie.belowCadreID.rawValue)), ("score", .number(score(tie.scoreHundredths))),
                         ("key", .string(tie.key.rawValue))])
            })),
            ("eligibility", .array(run.eligibility.map { verdict in
                .object([("cadre_id", .string(verdict.cadreID.rawValue)), ("position_id", .optional(verdict.positionID?.rawValue)),
                         ("rule", .string(verdict.rule.rawValue)), ("verdict", .string(verdict.verdict.rawValue)),
                         ("detail", .string(verdict.detail)), ("detail_zh", .string(verdict.detailChinese)),
                         ("clause", .string(verdict.rule.clause))])
            })),
            ("rotation_due", .array(run.rotationDue.map { record in
                .object([("cadre_id", .string(record.cadreID.rawValue)), ("rule", .string(record.rule.rawValue)),
                         ("months", .optional(record.monthsInPost)), ("exempt", .bool(record.exempt)),
                         ("months_to_retirement", .integer(record.monthsToRetirement)),
                         ("reasons", .array(record.reasons.map { .string($0) })),
                         ("reasons_zh", .array(record.reasonsChinese.map { .string($0) }))])
            })),
            ("units", .array(run.units.map { unit in
                .object([("unit_id", .string(unit.id.rawValue)), ("name", .string(unit.name)), ("kind", .string(unit.kind.rawValue)),
                         ("approved_posts", .integer(unit.approvedPosts))])
            })),
            ("positions", .array(run.positions.map { position in
                .object([("position_id", .string(position.id.rawValue)), ("unit_id", .string(position.unitID.rawValue)),
                         ("title", .string(position.title)), ("level", .string(position.level.code)),
                         ("section", .optional(position.section)), ("offered", .bool(position.offered))])
            })),
            ("cadres", .array(run.cadres.map { cadre in
                .object([("cadre_id", .string(cadre.id.rawValue)), ("name", .string(cadre.name)), ("gender", .string(cadre.gender.rawValue)),
                         ("birth", .string(cadre.birth.description)), ("education", .string(cadre.education.code)),
                         ("unit_id", .string(cadre.unitID.rawValue)), ("level", .string(cadre.level.code)),
                         ("position_id", .optional(cadre.positionID?.rawValue))])
            })),
            ("quota", .array(run.quota.map { record in
                .object([("unit_id", .string(record.unitID.rawValue)), ("approved_posts", .integer(record.approvedPosts)),
                         ("offered", .integer(record.offered)), ("rule", .string(record.rule.rawValue)),
                         ("verdict", .string(record.verdict.rawValue)), ("detail", .string(record.detail)),
                         ("detail_zh", .string(record.detailChinese))])
            })),
        ]
        return .object(members)
    }

    func objective() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("levels", .array(run.levels.map { level in
                .object([("phase", .string(level.phase.rawValue)), ("name", .string(level.name)), ("value", .integer(level.value)),
                         ("bound", .integer(level.bound)), ("gap", .double(level.gap)), ("status", .string(level.status.rawValue))])
            })),
        ]
        if let withoutEnvy = run.positionsCompetedWithoutEnvy {
            let withEnvy = run.value(of: .shortlistPositionsCompeted) ?? 0
            members.append(("price_of_fairness", .object([
                ("positions_competed", .integer(withEnvy)), ("positions_competed_without_envy", .integer(withoutEnvy)),
                ("price", .integer(withoutEnvy - withEnvy)),
            ])))
        }
        if run.audit.mipGap > 0 {
            members.append(("mip_gap", .double(run.audit.mipGap)))
        }
        return .object(members)
    }

    func transferSummary() -> JSONValue {
        switch run.transfer {
        case .notRun(let reason):
            return .object([("status", "not_run"), ("reason", .string(reason))])
        case let .solved(placed, duePlaced, vacancies, candidates):
            return .object([("status", "solved"), ("vacancies", .integer(vacancies)), ("candidates", .integer(candidates)),
                            ("placed", .integer(placed)), ("rotation_due_placed", .integer(duePlaced))])
        case .infeasible:
            return .object([("status", "infeasible"), ("reason", "place_all_due cannot hold; see \"infeasible\"")])
        }
    }

    func summary() -> JSONValue {
        let offered = run.positions.filter(\.offered).count
        let listed = Set(run.plan.shortlist.map(\.positionID)).count
        let competition = run.plan.placements.filter { $0.phase == .competition }.count
        let transfer = run.plan.placements.filter { $0.phase == .transfer }.count
        return .object([
            ("cadres", .integer(run.cadres.count)), ("units", .integer(run.units.count)),
            ("positions_offered", .integer(offered)), ("applications", .integer(run.applicationCount)),
            ("positions_competed", .integer(listed)), ("positions_withdrawn", .integer(run.plan.withdrawn.count)),
            ("shortlisted", .integer(run.plan.shortlist.count)),
            ("placed_competition", .integer(competition)), ("placed_transfer", .integer(transfer)),
            ("eligibility_fail", .integer(run.eligibility.filter { $0.verdict == .fail }.count)),
            ("eligibility_flag", .integer(run.eligibility.filter { $0.verdict == .flag }.count)),
            ("rotation_due", .integer(run.rotationDue.count)),
        ])
    }

    // MARK: audit.json

    func audit() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("tool", .string(run.audit.tool)),
            ("glpk_version", .string(run.audit.glpkVersion)),
        ]
        if let stamp = run.audit.stamp { members.append(("generated_at", .string(stamp))) }
        members += [
            ("scenario", .string(run.scenarioName)),
            ("inputs", .array(run.audit.inputs.map { input in
                .object([("file", .string(input.file)), ("sha256", .string(input.sha256)), ("bytes", .integer(input.bytes)),
                         ("encoding", .string(input.encoding))])
            })),
            ("rules", .object([
                ("reference_date", .string(run.referenceDate.description)),
                ("mode", .string(run.mode.rawValue)), ("max_preferences", .integer(run.maxPreferences)),
                ("term_years", .integer(rules.termYears)),
                ("retirement_age", .object([("male", .integer(rules.retirementAgeMale)), ("female", .integer(rules.retirementAgeFemale))])),
                ("min_education", .string(rules.minEducation.code)),
                ("months_staff_before_deputy", .integer(rules.monthsStaffBeforeDeputy)),
                ("months_deputy_before_chief", .integer(rules.monthsDeputyBeforeChief)),
                ("months_town_before_department", .integer(rules.monthsTownBeforeDepartment)),
                ("assessment_years", .array(rules.assessmentYears.map { .integer($0) })),
                ("training", .string(rules.training.rawValue)),
                ("pass_mark", .string(InterviewScoring.describe(rules.passMark))),
                ("judges", .object([("min", .integer(rules.judgesMin)), ("max", .integer(rules.judgesMax))])),
                ("aggregate", .string(rules.aggregate.rawValue)), ("score_decimals", .integer(rules.scoreDecimals)),
                ("shortlist_ratio", .integer(rules.shortlistRatio)), ("min_applicants", .integer(rules.minApplicants)),
                ("short_shortlist", .string(rules.shortShortlist.rawValue)),
                ("ties", .array(rules.effectiveTies.map { .string($0.rawValue) })),
                ("rotation", .object([("same_position_months", .integer(rules.samePositionMonths)),
                                      ("same_section_years", .integer(rules.sameSectionYears)),
                                      ("exempt_months_before_retirement", .integer(rules.exemptMonthsBeforeRetirement))])),
                ("quota", .object([("posts_threshold", .integer(rules.quotaPostsThreshold)),
                                   ("small_unit_offers", .integer(rules.smallUnitOffers)),
                                   ("large_unit_min_offers", .integer(rules.largeUnitMinOffers))])),
                ("evaluation", .object([("min_participation", .string(rules.minParticipation.description)),
                                        ("poor_share", .string(rules.poorShare.description)),
                                        ("average_poor_share", .string(rules.averagePoorShare.description))])),
            ])),
            ("transfer", .object([
                ("enabled", .bool(run.transferSettings.enabled)), ("same_level_only", .bool(run.transferSettings.sameLevelOnly)),
                ("place_all_due", .bool(run.transferSettings.placeAllDue)), ("max_per_unit_pair", .integer(run.transferSettings.maxPerUnitPair)),
            ])),
            ("solver", .object([
                ("backend", .string(run.audit.backend)),
                ("time_limit_seconds", .double(run.audit.timeLimitSeconds)), ("mip_gap", .double(run.audit.mipGap)),
                ("lexicographic", "each level solved, its optimum fixed as a constraint, the next solved"),
                ("methods", .array(run.audit.methods.map { .string($0) })),
            ])),
            ("status", .string(run.status.rawValue)),
            ("gap", .double(run.levels.map(\.gap).max() ?? 0)),
            ("levels", .array(run.levels.map { level in
                .object([("phase", .string(level.phase.rawValue)), ("name", .string(level.name)), ("value", .integer(level.value)),
                         ("bound", .integer(level.bound)), ("status", .string(level.status.rawValue))])
            })),
            ("models", .array(run.audit.models.map { entry in
                .object([("name", .string(entry.name)), ("columns", .integer(entry.columns)),
                         ("rows", .integer(entry.rows)), ("nonzeros", .integer(entry.nonzeros))])
            })),
        ]
        if let timings = run.audit.timings {
            members.append(("timings_seconds", .object(timings.map { ($0.name, JSONValue.double($0.seconds)) })))
        } else {
            members.append(("timings_seconds", .string(RunFolder.timingsNotRecorded)))
        }
        if !run.audit.warnings.isEmpty {
            members.append(("warnings", .array(run.audit.warnings.map { .string($0) })))
        }
        return .object(members)
    }
}
