// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
import RotationIO

/// What a what-if changed: the settings (as scenario.yaml names them) and the input rows that differ
/// between A and B, so that a comparison opens with what was tested.
///
/// Rows are compared by key (a unit, position or cadre id; a cadre and position for an application, an
/// interview or a fit; a cadre and year for an assessment). With two scenario folders every input file
/// is compared row by row; with a run folder on either side only what a run records (units, positions,
/// cadres' main fields) is, and the other files by their SHA-256 (audit.json).
///
/// ```swift
/// let what = ComparisonInputs(a: before, b: after)
/// what.settings   // [("rules.pass_mark", "60", "75")]
/// ```
public struct ComparisonInputs: Sendable {
    public struct SettingChange: Sendable, Equatable {
        /// The key as scenario.yaml writes it: `rules.pass_mark`.
        public var key: String
        public var a: String
        public var b: String
    }

    public enum RowChangeKind: String, Sendable { case added, removed, changed }

    /// One input row added, removed or changed: its file, key, and the columns that differ (A, B).
    public struct RowChange: Sendable, Equatable {
        public var file: String
        public var key: String
        public var kind: RowChangeKind
        public var columns: [Column]
        public struct Column: Sendable, Equatable {
            public var name: String
            public var a: String
            public var b: String
        }
    }

    public let settings: [SettingChange]
    public let rows: [RowChange]
    /// Files whose bytes differ (by SHA-256) but whose rows are not compared here (a run folder on one side).
    public let filesChanged: [String]

    public init(a: LoadedRun, b: LoadedRun) {
        let left = Self.settings(a), right = Self.settings(b)
        var changes: [SettingChange] = []
        for (key, value) in left {
            let other = right.first { $0.0 == key }?.1 ?? "—"
            if other != value { changes.append(SettingChange(key: key, a: value, b: other)) }
        }
        for (key, value) in right where !left.contains(where: { $0.0 == key }) { changes.append(SettingChange(key: key, a: "—", b: value)) }
        settings = changes
        let tablesA: [Table], tablesB: [Table]
        if let x = a.scenario, let y = b.scenario {
            tablesA = Self.tables(x)
            tablesB = Self.tables(y)
        } else {
            tablesA = Self.tables(a.run)
            tablesB = Self.tables(b.run)
        }
        var rows: [RowChange] = []
        for table in tablesA {
            guard let other = tablesB.first(where: { $0.file == table.file }) else { continue }
            rows += Self.diff(table, other)
        }
        self.rows = rows
        // Files whose rows were not compared: by their SHA-256, when both runs record them.
        let compared = Set(tablesA.map(\.file))
        let hashesA = Dictionary(a.run.audit.inputs.map { ($0.file, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let hashesB = Dictionary(b.run.audit.inputs.map { ($0.file, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        filesChanged = Set(hashesA.keys).union(hashesB.keys).sorted().filter { file in
            file != ScenarioFiles.yaml && !compared.contains(Self.stem(file)) && hashesA[file] != hashesB[file]
        }
    }

    public var isEmpty: Bool { settings.isEmpty && rows.isEmpty && filesChanged.isEmpty }

    static func stem(_ file: String) -> String {
        file.hasSuffix(".csv") ? String(file.dropLast(4)) + ".csv" : file.hasSuffix(".xlsx") ? String(file.dropLast(5)) + ".csv" : file
    }

    // MARK: Settings

    /// Every setting of a run, as scenario.yaml keys and written values, in a fixed order.
    static func settings(_ loaded: LoadedRun) -> [(String, String)] {
        let run = loaded.run, rules = run.rules, transfer = run.transferSettings
        var list: [(String, String)] = [
            ("reference_date", run.referenceDate.description), ("mode", run.mode.rawValue),
        ]
        if run.mode == .preferences { list.append(("max_preferences", "\(run.maxPreferences)")) }
        list += [
            ("rules.term_years", "\(rules.termYears)"),
            ("rules.retirement_age.male", "\(rules.retirementAgeMale)"), ("rules.retirement_age.female", "\(rules.retirementAgeFemale)"),
            ("rules.min_education", rules.minEducation.code),
            ("rules.months_staff_before_deputy", "\(rules.monthsStaffBeforeDeputy)"),
            ("rules.months_deputy_before_chief", "\(rules.monthsDeputyBeforeChief)"),
            ("rules.months_town_before_department", "\(rules.monthsTownBeforeDepartment)"),
            ("rules.assessment_years", rules.assessmentYears.map(String.init).joined(separator: ", ")),
            ("rules.training", rules.training.rawValue), ("rules.pass_mark", rules.passMark.description),
            ("rules.judges.min", "\(rules.judgesMin)"), ("rules.judges.max", "\(rules.judgesMax)"),
            ("rules.aggregate", rules.aggregate.rawValue), ("rules.score_decimals", "\(rules.scoreDecimals)"),
            ("rules.shortlist_ratio", "\(rules.shortlistRatio)"), ("rules.min_applicants", "\(rules.minApplicants)"),
            ("rules.short_shortlist", rules.shortShortlist.rawValue),
            ("rules.ties", rules.effectiveTies.map(\.rawValue).joined(separator: ", ")),
            ("rules.rotation.same_position_months", "\(rules.samePositionMonths)"),
            ("rules.rotation.same_section_years", "\(rules.sameSectionYears)"),
            ("rules.rotation.exempt_months_before_retirement", "\(rules.exemptMonthsBeforeRetirement)"),
            ("rules.quota.posts_threshold", "\(rules.quotaPostsThreshold)"),
            ("rules.quota.small_unit_offers", "\(rules.smallUnitOffers)"),
            ("rules.quota.large_unit_min_offers", "\(rules.largeUnitMinOffers)"),
            ("rules.evaluation.min_participation", rules.minParticipation.description),
            ("rules.evaluation.poor_share", rules.poorShare.description),
            ("rules.evaluation.average_poor_share", rules.averagePoorShare.description),
            ("transfer.enabled", "\(transfer.enabled)"), ("transfer.same_level_only", "\(transfer.sameLevelOnly)"),
            ("transfer.place_all_due", "\(transfer.placeAllDue)"), ("transfer.max_per_unit_pair", "\(transfer.maxPerUnitPair)"),
        ]
        return list
    }

    // MARK: Rows

    /// One input file as rows: key → (column, value) in column order.
    struct Table {
        var file: String
        var rows: [(key: String, columns: [(String, String)])]
    }

    static func yes(_ flag: Bool) -> String { flag ? "yes" : "no" }

    /// What a run records of the scenario: units, positions, cadres' main fields.
    static func tables(_ run: Run) -> [Table] {
        [
            Table(file: "units.csv", rows: run.units.map { unit in
                (unit.id.rawValue, [("name", unit.name), ("kind", unit.kind.rawValue), ("approved_posts", "\(unit.approvedPosts)")])
            }),
            Table(file: "positions.csv", rows: run.positions.map { position in
                (position.id.rawValue, [("unit_id", position.unitID.rawValue), ("title", position.title), ("level", position.level.code),
                                        ("section", position.section ?? ""), ("offered", yes(position.offered))])
            }),
            Table(file: "cadres.csv", rows: run.cadres.map { cadre in
                (cadre.id.rawValue, [("name", cadre.name), ("gender", cadre.gender.rawValue), ("birth", cadre.birth.description),
                                     ("education", cadre.education.code), ("unit_id", cadre.unitID.rawValue), ("level", cadre.level.code),
                                     ("position_id", cadre.positionID?.rawValue ?? "")])
            }),
        ]
    }

    /// Every input file of a scenario as rows.
    static func tables(_ scenario: Scenario) -> [Table] {
        let pair: (CadreID, PositionID) -> String = { "\($0) → \($1)" }
        var judges: [String: [(String, String)]] = [:]
        var order: [String] = []
        for score in scenario.interviews ?? [] {
            let key = pair(score.cadreID, score.positionID)
            if judges[key] == nil { order.append(key) }
            judges[key, default: []].append((score.judgeID.rawValue, score.score.description + (score.conflict ? " (conflict)" : "")))
        }
        return [
            Table(file: "units.csv", rows: scenario.units.map { unit in
                (unit.id.rawValue, [("name", unit.name), ("kind", unit.kind.rawValue), ("approved_posts", "\(unit.approvedPosts)")])
            }),
            Table(file: "positions.csv", rows: scenario.positions.map { position in
                (position.id.rawValue, [("unit_id", position.unitID.rawValue), ("title", position.title), ("level", position.level.code),
                                        ("section", position.section ?? ""), ("offered", yes(position.offered)),
                                        ("vacated_by_dismissal", yes(position.vacatedByDismissal)),
                                        ("holder_id", position.holderID?.rawValue ?? ""),
                                        ("identities", position.identities.map(\.rawValue).joined(separator: ";")),
                                        ("min_education", position.minEducation?.code ?? "")])
            }),
            Table(file: "cadres.csv", rows: scenario.cadres.map { cadre in
                (cadre.id.rawValue, [("name", cadre.name), ("gender", cadre.gender.rawValue), ("birth", cadre.birth.description),
                                     ("unit_id", cadre.unitID.rawValue), ("level", cadre.level.code), ("level_since", cadre.levelSince.description),
                                     ("position_id", cadre.positionID?.rawValue ?? ""), ("position_since", cadre.positionSince?.description ?? ""),
                                     ("section_years", cadre.sectionYears.description), ("education", cadre.education.code),
                                     ("identity", cadre.identity.rawValue), ("identity_approved", yes(cadre.identityApproved)),
                                     ("training", cadre.training.rawValue), ("health_ok", yes(cadre.healthOK)),
                                     ("town_recruited", cadre.townRecruited?.description ?? ""),
                                     ("exceptional_approved", yes(cadre.exceptionalApproved)),
                                     ("accepts_transfer", yes(cadre.acceptsTransfer)), ("retirement_age", cadre.retirementAge.map(String.init) ?? ""),
                                     ("flags", cadre.flags.map(\.rawValue).joined(separator: ";"))])
            }),
            Table(file: "assessments.csv", rows: scenario.assessments.map { record in
                ("\(record.cadreID) \(record.year)", [("grade", record.grade.rawValue)])
            }),
            Table(file: "applications.csv", rows: scenario.applications.map { application in
                (pair(application.cadreID, application.positionID),
                 [("preference", "\(application.preference)"), ("unit_approved", yes(application.unitApproved)), ("withdrawn", "no")])
            } + scenario.withdrawnApplications.map { application in
                (pair(application.cadreID, application.positionID),
                 [("preference", "\(application.preference)"), ("unit_approved", yes(application.unitApproved)), ("withdrawn", "yes")])
            }),
            Table(file: "interviews.csv", rows: order.map { key in
                (key, [("score", judges[key, default: []].map { "\($0.0) \($0.1)" }.joined(separator: ", "))])
            }),
            Table(file: "evaluations.csv", rows: scenario.evaluations.map { record in
                (record.cadreID.rawValue, [("due", "\(record.due)"), ("took_part", "\(record.tookPart)"), ("good", "\(record.good)"),
                                           ("fairly_good", "\(record.fairlyGood)"), ("average", "\(record.average)"), ("poor", "\(record.poor)"),
                                           ("confirmed_poor", yes(record.confirmedPoor)), ("moral", record.moral?.rawValue ?? ""),
                                           ("moral_confirmed", yes(record.moralConfirmed))])
            }),
            Table(file: "transfer_fit.csv", rows: scenario.transferFits.map { fit in
                (pair(fit.cadreID, fit.positionID), [("fit", Hundredths.format(fit.fitHundredths, decimals: 2))])
            }),
        ]
    }

    /// Rows added, removed or changed between two versions of one file, by key (first occurrence of a key).
    static func diff(_ a: Table, _ b: Table) -> [RowChange] {
        var rowsA: [String: [(String, String)]] = [:], rowsB: [String: [(String, String)]] = [:]
        var keys: [String] = []
        for row in a.rows where rowsA[row.key] == nil { rowsA[row.key] = row.columns; keys.append(row.key) }
        for row in b.rows where rowsB[row.key] == nil { rowsB[row.key] = row.columns; if rowsA[row.key] == nil { keys.append(row.key) } }
        return keys.compactMap { key in
            switch (rowsA[key], rowsB[key]) {
            case (let x?, nil):
                return RowChange(file: a.file, key: key, kind: .removed, columns: x.map { .init(name: $0.0, a: $0.1, b: "—") })
            case (nil, let y?):
                return RowChange(file: a.file, key: key, kind: .added, columns: y.map { .init(name: $0.0, a: "—", b: $0.1) })
            case (let x?, let y?):
                let changed = zip(x, y).filter { $0.0.1 != $0.1.1 }.map { RowChange.Column(name: $0.0.0, a: $0.0.1, b: $0.1.1) }
                return changed.isEmpty ? nil : RowChange(file: a.file, key: key, kind: .changed, columns: changed)
            default: return nil
            }
        }
    }
}
