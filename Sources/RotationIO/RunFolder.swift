// SPDX-License-Identifier: GPL-3.0-or-later
import LinearProgramming
import RotationCore
import RotationSolver

/// The files of a run folder (scenario-format.md "A run is a folder"), rendered in memory.
///
/// Pure: the same scenario, adjudication and report always give the same bytes. Writing them is
/// `AtomicFolder`'s job.
public struct RunFolder: Sendable {
    /// Tool name and version recorded in audit.json.
    public static let toolVersion = "rotation 0.1.0"

    public struct Options: Sendable {
        /// Record per-phase timings in audit.json (they differ between runs).
        public var recordTimings = false
        /// Time limit and gap as given to the solver.
        public var timeLimitSeconds: Double = 60
        public var mipGap: Double = 0
        /// `--now` / SOURCE_DATE_EPOCH text to stamp, if asked.
        public var stamp: String?
        public init() {}
    }

    public let loaded: LoadedScenario
    public let adjudication: Adjudication
    public let report: SolveReport
    public let options: Options

    public init(loaded: LoadedScenario, adjudication: Adjudication, report: SolveReport, options: Options) {
        self.loaded = loaded
        self.adjudication = adjudication
        self.report = report
        self.options = options
    }

    var scenario: Scenario { adjudication.scenario }
    var index: ScenarioIndex { adjudication.index }
    var decimals: Int { scenario.rules.scoreDecimals }

    func score(_ hundredths: Int) -> String { Hundredths.format(hundredths, decimals: decimals) }
    /// The `score` column: the interview score, or a transfer's fit, both with exactly `score_decimals`
    /// decimals as the contract says of every score.
    func scoreOf(_ placement: Plan.Placement) -> String { score(placement.scoreHundredths) }
    func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }

    /// Every file of the run folder, by name, in a stable order.
    public func files() -> [(name: String, contents: String)] {
        [
            ("shortlist.csv", shortlistCSV()), ("withdrawn.csv", withdrawnCSV()), ("ties.csv", tiesCSV()),
            ("placements.csv", placementsCSV()), ("eligibility.csv", eligibilityCSV()),
            ("rotation_due.csv", rotationDueCSV()), ("quota.csv", quotaCSV()),
            ("result.json", result().rendered()), ("audit.json", audit().rendered()),
        ]
    }

    // MARK: CSV files

    public func shortlistCSV() -> String {
        CSVWriter.render(
            header: ["position_id", "rank", "cadre_id", "score", "role", "note", "position_title", "unit_name", "cadre_name"],
            rows: report.plan.shortlist.map { entry in
                let position = index.positions[entry.positionID]
                return [entry.positionID, "\(entry.rank)", entry.cadreID, score(entry.scoreHundredths), entry.role.rawValue,
                        entry.note, position?.title ?? "", position.flatMap { index.units[$0.unitID]?.name } ?? "",
                        index.cadres[entry.cadreID]?.name ?? ""]
            })
    }

    public func withdrawnCSV() -> String {
        CSVWriter.render(
            header: ["position_id", "rule", "detail", "position_title", "unit_name", "detail_zh"],
            rows: report.plan.withdrawn.map { entry in
                let position = index.positions[entry.positionID]
                return [entry.positionID, entry.rule.rawValue, entry.detail, position?.title ?? "",
                        position.flatMap { index.units[$0.unitID]?.name } ?? "", entry.detailChinese]
            })
    }

    public func tiesCSV() -> String {
        let ranking = Ranking(scenario: scenario, index: index)
        return CSVWriter.render(
            header: ["position_id", "cadre_id", "other_cadre_id", "score", "key", "cadre_value", "other_value"],
            rows: adjudication.ties.map { tie in
                [tie.positionID, tie.aboveCadreID, tie.belowCadreID, score(tie.scoreHundredths), tie.key.rawValue,
                        ranking.value(of: tie.key, for: tie.aboveCadreID).description,
                        ranking.value(of: tie.key, for: tie.belowCadreID).description]
            })
    }

    public func placementsCSV() -> String {
        CSVWriter.render(
            header: ["cadre_id", "from_unit_id", "position_id", "to_unit_id", "phase", "score", "cadre_name", "position_title"],
            rows: report.plan.placements.map { placement in
                [placement.cadreID, placement.fromUnitID, placement.positionID, placement.toUnitID, placement.phase.rawValue,
                 scoreOf(placement), index.cadres[placement.cadreID]?.name ?? "",
                 index.positions[placement.positionID]?.title ?? ""]
            })
    }

    public func eligibilityCSV() -> String {
        CSVWriter.render(
            header: ["cadre_id", "position_id", "rule", "verdict", "detail", "clause", "cadre_name", "detail_zh"],
            rows: adjudication.allVerdicts.map { verdict in
                [verdict.cadreID, verdict.positionID ?? "", verdict.rule.rawValue, verdict.verdict.rawValue, verdict.detail,
                 verdict.rule.clause, index.cadres[verdict.cadreID]?.name ?? "", verdict.detailChinese]
            })
    }

    public func rotationDueCSV() -> String {
        CSVWriter.render(
            header: ["cadre_id", "rule", "months", "exempt", "months_to_retirement", "reason", "cadre_name"],
            rows: adjudication.rotationDue.map { record in
                [record.cadreID, record.rule.rawValue, record.monthsInPost.map(String.init) ?? "", yesNo(record.exempt),
                 "\(record.monthsToRetirement)",
                 record.reasons.joined(separator: "; ") + (record.exempt ? "; R-EXEMPT: \(record.monthsToRetirement) months to retirement < \(scenario.rules.exemptMonthsBeforeRetirement)" : ""),
                 index.cadres[record.cadreID]?.name ?? ""]
            })
    }

    public func quotaCSV() -> String {
        CSVWriter.render(
            header: ["unit_id", "approved_posts", "offered", "rule", "verdict", "detail", "unit_name"],
            rows: adjudication.quota.map { record in
                [record.unitID, "\(record.approvedPosts)", "\(record.offered)", record.rule.rawValue, record.verdict.rawValue,
                 record.detail, index.units[record.unitID]?.name ?? ""]
            })
    }

    // MARK: result.json

    public func result() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("scenario", .string(scenario.name)),
            ("reference_date", .string(scenario.referenceDate.description)),
            ("mode", .string(scenario.mode.rawValue)),
            ("language", .string(scenario.language.rawValue)),
            ("score_decimals", .integer(decimals)),
            ("stage", .string(adjudication.stage.rawValue)),
            ("status", .string(report.status.rawValue)),
            ("objective", objective()),
        ]
        if case .infeasible(let conflict) = report.transfer {
            members.append(("infeasible", .object([
                ("reason", .string(conflict.reason.rawValue)), ("detail", .string(conflict.detail)),
                ("cadres", .array(conflict.cadres.map { .string($0) })),
                ("vacancies", .array(conflict.vacancies.map { .string($0) })),
            ])))
        }
        members.append(("transfer", transferSummary()))
        if let persistence = report.persistence {
            members.append(("persistence", .object([
                ("baseline_pairs", .integer(persistence.baselinePairs)), ("kept", .integer(persistence.kept)),
                ("changed", .integer(persistence.changed)),
            ])))
        }
        if adjudication.stage == .preInterview {
            members.append(("positions_awaiting_interview", .array(adjudication.positionsAwaitingInterview.map { .string($0) })))
        }
        members += [
            ("summary", summary()),
            ("shortlist", .array(report.plan.shortlist.map { entry in
                .object([("position_id", .string(entry.positionID)), ("rank", .integer(entry.rank)),
                         ("cadre_id", .string(entry.cadreID)), ("score", .number(score(entry.scoreHundredths))),
                         ("role", .string(entry.role.rawValue)), ("note", .string(entry.note))])
            })),
            ("withdrawn", .array(report.plan.withdrawn.map { entry in
                .object([("position_id", .string(entry.positionID)), ("rule", .string(entry.rule.rawValue)),
                         ("detail", .string(entry.detail)), ("detail_zh", .string(entry.detailChinese))])
            })),
            ("placements", .array(report.plan.placements.map { placement in
                .object([("cadre_id", .string(placement.cadreID)), ("from_unit_id", .string(placement.fromUnitID)),
                         ("position_id", .string(placement.positionID)), ("to_unit_id", .string(placement.toUnitID)),
                         ("phase", .string(placement.phase.rawValue)), ("score", .number(scoreOf(placement)))])
            })),
            ("ties", .array(adjudication.ties.map { tie in
                .object([("position_id", .string(tie.positionID)), ("cadre_id", .string(tie.aboveCadreID)),
                         ("other_cadre_id", .string(tie.belowCadreID)), ("score", .number(score(tie.scoreHundredths))),
                         ("key", .string(tie.key.rawValue))])
            })),
            ("eligibility", .array(adjudication.allVerdicts.map { verdict in
                .object([("cadre_id", .string(verdict.cadreID)), ("position_id", .optional(verdict.positionID)),
                         ("rule", .string(verdict.rule.rawValue)), ("verdict", .string(verdict.verdict.rawValue)),
                         ("detail", .string(verdict.detail)), ("detail_zh", .string(verdict.detailChinese)),
                         ("clause", .string(verdict.rule.clause))])
            })),
            ("rotation_due", .array(adjudication.rotationDue.map { record in
                .object([("cadre_id", .string(record.cadreID)), ("rule", .string(record.rule.rawValue)),
                         ("months", .optional(record.monthsInPost)), ("exempt", .bool(record.exempt)),
                         ("months_to_retirement", .integer(record.monthsToRetirement)),
                         ("reasons", .array(record.reasons.map { .string($0) }))])
            })),
            ("units", .array(scenario.units.sorted { idPrecedes($0.id, $1.id) }.map { unit in
                .object([("unit_id", .string(unit.id)), ("name", .string(unit.name)), ("kind", .string(unit.kind.rawValue)),
                         ("approved_posts", .integer(unit.approvedPosts))])
            })),
            ("positions", .array(scenario.positions.sorted { idPrecedes($0.id, $1.id) }.map { position in
                .object([("position_id", .string(position.id)), ("unit_id", .string(position.unitID)),
                         ("title", .string(position.title)), ("level", .string(position.level.code)),
                         ("section", .optional(position.section)), ("offered", .bool(position.offered))])
            })),
            ("cadres", .array(scenario.cadres.sorted { idPrecedes($0.id, $1.id) }.map { cadre in
                .object([("cadre_id", .string(cadre.id)), ("name", .string(cadre.name)), ("gender", .string(cadre.gender.rawValue)),
                         ("birth", .string(cadre.birth.description)), ("education", .string(cadre.education.code)),
                         ("unit_id", .string(cadre.unitID)), ("level", .string(cadre.level.code)),
                         ("position_id", .optional(cadre.positionID))])
            })),
            ("quota", .array(adjudication.quota.map { record in
                .object([("unit_id", .string(record.unitID)), ("approved_posts", .integer(record.approvedPosts)),
                         ("offered", .integer(record.offered)), ("rule", .string(record.rule.rawValue)),
                         ("verdict", .string(record.verdict.rawValue)), ("detail", .string(record.detail))])
            })),
        ]
        return .object(members)
    }

    func objective() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("levels", .array(report.levels.map { level in
                .object([("phase", .string(level.phase)), ("name", .string(level.name)), ("value", .integer(level.value)),
                         ("bound", .integer(level.bound)), ("gap", .double(level.gap)), ("status", .string(level.status.rawValue))])
            })),
        ]
        if let withoutEnvy = report.positionsCompetedWithoutEnvy {
            let withEnvy = report.levels.first { $0.phase == "shortlist" && $0.name == "positions_competed" }?.value ?? 0
            members.append(("price_of_fairness", .object([
                ("positions_competed", .integer(withEnvy)), ("positions_competed_without_envy", .integer(withoutEnvy)),
                ("price", .integer(withoutEnvy - withEnvy)),
            ])))
        }
        if scenario.solver.mipGap > 0 {
            members.append(("mip_gap", .double(scenario.solver.mipGap)))
        }
        return .object(members)
    }

    func transferSummary() -> JSONValue {
        switch report.transfer {
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
        let offered = scenario.positions.filter(\.offered).count
        let listed = Set(report.plan.shortlist.map(\.positionID)).count
        let competition = report.plan.placements.filter { $0.phase == .competition }.count
        let transfer = report.plan.placements.filter { $0.phase == .transfer }.count
        return .object([
            ("cadres", .integer(scenario.cadres.count)), ("units", .integer(scenario.units.count)),
            ("positions_offered", .integer(offered)), ("applications", .integer(scenario.applications.count)),
            ("positions_competed", .integer(listed)), ("positions_withdrawn", .integer(report.plan.withdrawn.count)),
            ("shortlisted", .integer(report.plan.shortlist.count)),
            ("placed_competition", .integer(competition)), ("placed_transfer", .integer(transfer)),
            ("eligibility_fail", .integer(adjudication.allVerdicts.filter { $0.verdict == .fail }.count)),
            ("eligibility_flag", .integer(adjudication.allVerdicts.filter { $0.verdict == .flag }.count)),
            ("rotation_due", .integer(adjudication.rotationDue.count)),
        ])
    }

    // MARK: audit.json

    public func audit() -> JSONValue {
        let rules = scenario.rules
        var members: [(String, JSONValue)] = [
            ("tool", .string(RunFolder.toolVersion)),
            ("glpk_version", .string(GLPK.version)),
        ]
        if let stamp = options.stamp { members.append(("generated_at", .string(stamp))) }
        members += [
            ("scenario", .string(scenario.name)),
            ("inputs", .array(loaded.inputs.map { input in
                .object([("file", .string(input.name)), ("sha256", .string(input.sha256)), ("bytes", .integer(input.bytes)),
                         ("encoding", .string(input.encoding))])
            })),
            ("rules", .object([
                ("reference_date", .string(scenario.referenceDate.description)),
                ("mode", .string(scenario.mode.rawValue)), ("max_preferences", .integer(scenario.maxPreferences)),
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
                ("enabled", .bool(scenario.transfer.enabled)), ("same_level_only", .bool(scenario.transfer.sameLevelOnly)),
                ("place_all_due", .bool(scenario.transfer.placeAllDue)), ("max_per_unit_pair", .integer(scenario.transfer.maxPerUnitPair)),
            ])),
            ("solver", .object([
                ("backend", .string("GLPK \(GLPK.version): glp_simplex (dual, long-step ratio test) then glp_intopt")),
                ("time_limit_seconds", .double(options.timeLimitSeconds)), ("mip_gap", .double(options.mipGap)),
                ("lexicographic", "each level solved, its optimum fixed as a constraint, the next solved"),
                ("methods", .array(report.methods.map { .string($0) })),
            ])),
            ("status", .string(report.status.rawValue)),
            ("gap", .double(report.levels.map(\.gap).max() ?? 0)),
            ("levels", .array(report.levels.map { level in
                .object([("phase", .string(level.phase)), ("name", .string(level.name)), ("value", .integer(level.value)),
                         ("bound", .integer(level.bound)), ("status", .string(level.status.rawValue))])
            })),
            ("models", .array(report.models.map { entry in
                .object([("name", .string(entry.name)), ("columns", .integer(entry.model.variables.count)),
                         ("rows", .integer(entry.model.constraints.count)), ("nonzeros", .integer(entry.model.nonZeroCount))])
            })),
        ]
        if options.recordTimings {
            members.append(("timings_seconds", .object(report.timings.map { ($0.phase, JSONValue.double($0.seconds)) }
                + report.levels.map { ("\($0.phase).\($0.name)", JSONValue.double($0.seconds)) })))
        } else {
            members.append(("timings_seconds", .string("not recorded, so that runs are byte-for-byte reproducible; pass --timings to record them")))
        }
        if !loaded.warnings.isEmpty {
            members.append(("warnings", .array(loaded.warnings.map { .string($0.description) })))
        }
        return .object(members)
    }
}
