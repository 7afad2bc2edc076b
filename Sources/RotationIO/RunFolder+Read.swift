// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

extension RunFolder {
    /// A run folder that cannot be read: which file, where in it, and what is wrong.
    public struct ReadError: Error, Equatable, CustomStringConvertible, Sendable {
        /// The file (`RUN/result.json`, with `:LINE` for a JSON syntax error).
        public var file: String
        public var problem: RunFolderTexts
        public init(file: String, _ problem: RunFolderTexts) {
            self.file = file
            self.problem = problem
        }
        /// The message in English (tests and logs).
        public var message: String { problem.text.en }
        /// `FILE: message` in both languages.
        public var text: Text { Text(zh: "\(file)：\(problem.text.zh)", en: "\(file): \(problem.text.en)") }
        public var description: String { text.en }
    }

    /// Whether `folder` looks like a run folder (it holds result.json).
    public static func isRun(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("result.json").path)
    }

    /// Reads a run folder written by `rotation solve` back into the run model: result.json, audit.json
    /// (the rules and the solver's record) and the deciding values of ties.csv. Every value is checked
    /// where it is read; a damaged file is a `ReadError` naming the file and the key, never a crash.
    ///
    /// ```swift
    /// let run = try RunFolder.read(URL(fileURLWithPath: "RUN/fenghua-2017"))
    /// ```
    /// - Complexity: O(size of the files).
    public static func read(_ folder: URL) throws -> Run {
        func load(_ name: String) throws -> (path: String, bytes: [UInt8]) {
            let path = folder.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReadError(file: path, name == "result.json" ? .notARunFolder(folder: folder.path) : .missingFile)
            }
            return (path, Array(data))
        }
        func parse(_ file: (path: String, bytes: [UInt8])) throws -> JSONField {
            do {
                return JSONField(value: try JSONParser.parse(file.bytes), path: "", file: file.path)
            } catch let failure as JSONParser.Failure {
                throw ReadError(file: "\(file.path):\(failure.line)", .notJSON(failure.message))
            }
        }
        let result = try parse(try load("result.json"))
        // result.json's own header first, so a damaged result.json is named before a missing audit.json.
        for key in ["scenario", "reference_date", "mode", "language", "stage", "status"] { _ = try result.required(key).text }
        let audit = try parse(try load("audit.json"))
        let tiesFile = try load("ties.csv")
        var run = try RunReader(result: result, audit: audit).run()
        run.notice = try RunReader(result: result, audit: audit).notice()
        run.ties = try tieValues(tiesFile, ties: run.ties)
        return run
    }

    /// Adds the `cadre_value` / `other_value` columns of ties.csv to the ties of result.json.
    static func tieValues(_ file: (path: String, bytes: [UInt8]), ties: [Run.Tie]) throws -> [Run.Tie] {
        let table: CSVTable
        do {
            table = try CSVParser.parse(try TextDecoding.decode(file.bytes).text)
        } catch let error as CSVError {
            throw ReadError(file: "\(file.path):\(error.line)", .csv(error.text))
        } catch let error as DecodingError {
            throw ReadError(file: "\(file.path):\(error.line)", .csv(error.text))
        }
        let columns = ["position_id", "cadre_id", "other_cadre_id", "cadre_value", "other_value"]
        let slots = try columns.map { name in
            guard let slot = table.header.firstIndex(of: name) else {
                throw ReadError(file: "\(file.path):\(table.headerLine)", .tieColumnMissing(name))
            }
            return slot
        }
        var values: [String: (String, String)] = [:]
        for record in table.records {
            let fields = slots.map { record.fields.indices.contains($0) ? CSVWriter.unguard(record.fields[$0]) : "" }
            values[fields[0...2].joined(separator: "\u{1}")] = (fields[3], fields[4])
        }
        return try ties.map { entry in
            let key = [entry.tie.positionID.rawValue, entry.tie.aboveCadreID.rawValue, entry.tie.belowCadreID.rawValue].joined(separator: "\u{1}")
            guard let found = values[key] else {
                throw ReadError(file: file.path, .noTieRow(position: entry.tie.positionID.rawValue, cadre: entry.tie.aboveCadreID.rawValue,
                                                         other: entry.tie.belowCadreID.rawValue))
            }
            return Run.Tie(entry.tie, aboveValue: found.0, belowValue: found.1)
        }
    }
}

/// One value of a parsed JSON file, with where it is, for messages (`result.json: shortlist[3].score: …`).
struct JSONField {
    let value: JSONValue
    let path: String
    let file: String

    func failure(_ problem: RunFolderTexts.FieldProblem) -> RunFolder.ReadError {
        RunFolder.ReadError(file: file, .field(path: path, problem))
    }

    func member(_ key: String) -> JSONField? {
        guard let found = value[key], found != .null else { return nil }
        return JSONField(value: found, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    func required(_ key: String) throws -> JSONField {
        guard case .object = value else { throw failure(.expectedObject) }
        guard let found = member(key) else { throw failure(.missing(key)) }
        return found
    }

    var items: [JSONField] {
        get throws {
            guard case .array(let values) = value else { throw failure(.expectedList) }
            return values.enumerated().map { JSONField(value: $1, path: "\(path)[\($0)]", file: file) }
        }
    }

    var text: String {
        get throws {
            guard case .string(let text) = value else { throw failure(.expectedText) }
            return text
        }
    }

    var flag: Bool {
        get throws {
            guard case .bool(let flag) = value else { throw failure(.expectedTrueFalse) }
            return flag
        }
    }

    /// A whole number in `range`.
    func integer(in range: ClosedRange<Int> = 0...Int(Int32.max)) throws -> Int {
        guard let text = value.numberText, let number = Int(text) else { throw failure(.expectedWholeNumber) }
        guard range.contains(number) else { throw failure(.outOfRange("\(number)", lower: "\(range.lowerBound)", upper: "\(range.upperBound)")) }
        return number
    }

    /// A decimal number, finite and in `range` (seconds, gaps).
    func decimal(in range: ClosedRange<Double>) throws -> Double {
        guard let text = value.numberText, let number = Double(text), number.isFinite else { throw failure(.expectedNumber) }
        guard range.contains(number) else { throw failure(.numberOutOfRange(text)) }
        return number
    }

    /// A score or fit (0–100, at most 2 decimals), held exactly in hundredths.
    var hundredths: Int {
        get throws {
            guard let text = value.numberText, let decimal = ExactDecimal(parsing: text), decimal.scale <= 2 else {
                throw failure(.expectedScore)
            }
            guard let fraction = decimal.fraction.multiplied(by: 100), fraction.denominator == 1,
                  (0...10_000).contains(fraction.numerator) else {
                throw failure(.notAScore(text))
            }
            return fraction.numerator
        }
    }

    /// A code of `T` (`"proposed"`, `"fail"`, …).
    func code<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let text = try self.text
        guard let code = T(rawValue: text) else { throw failure(.unknownValue(text)) }
        return code
    }

    /// A code from a table of codes.
    func code<T>(_ codes: [T], _ name: (T) -> String) throws -> T {
        let text = try self.text
        guard let code = codes.first(where: { name($0) == text }) else { throw failure(.unknownValue(text)) }
        return code
    }

    var month: YearMonth {
        get throws {
            guard let month = Values.month(try text) else { throw failure(.expectedMonth) }
            return month
        }
    }

    var fraction: Fraction {
        get throws {
            guard let fraction = Values.fraction(try text) else { throw failure(.expectedFraction) }
            return fraction
        }
    }

    func optionalText(_ key: String) throws -> String? { try member(key)?.text }

    /// The text as a typed id (`CadreID`, `PositionID`, `UnitID`), the type given by the context.
    func id<Tag>() throws -> Tagged<Tag, String> { Tagged(rawValue: try text) }

    func optionalID<Tag>(_ key: String) throws -> Tagged<Tag, String>? { try member(key)?.id() }
}

/// Reads result.json and audit.json into a `Run`.
struct RunReader {
    let result: JSONField
    let audit: JSONField

    func run() throws -> Run {
        let rules = try self.rules()
        let decimals = try result.required("score_decimals").integer(in: 0...2)
        guard decimals == rules.scoreDecimals else {
            throw result.failure(.scoreDecimalsDiffer(decimals, rules: rules.scoreDecimals))
        }
        let transfer = try audit.required("transfer")
        var transferSettings = TransferSettings()
        transferSettings.enabled = try transfer.required("enabled").flag
        transferSettings.sameLevelOnly = try transfer.required("same_level_only").flag
        transferSettings.placeAllDue = try transfer.required("place_all_due").flag
        transferSettings.maxPerUnitPair = try transfer.required("max_per_unit_pair").integer()
        let summary = try result.required("summary")
        var run = Run(
            scenarioName: try result.required("scenario").text,
            referenceDate: try result.required("reference_date").month,
            mode: try result.required("mode").code(Mode.self),
            maxPreferences: try audit.required("rules").required("max_preferences").integer(in: 1...1_000),
            language: try result.required("language").code(Language.self),
            rules: rules, transferSettings: transferSettings,
            applicationCount: try summary.required("applications").integer(in: 0...Int.max),
            stage: try result.required("stage").code(Adjudication.Stage.self),
            status: try result.required("status").code(RunStatus.self),
            levels: try levels(),
            positionsCompetedWithoutEnvy: try result.required("objective").member("price_of_fairness")?
                .required("positions_competed_without_envy").integer(in: 0...Int.max),
            transfer: try transferOutcome(),
            persistence: try persistence(),
            positionsAwaitingInterview: try (result.member("positions_awaiting_interview")?.items ?? []).map { try $0.id() },
            plan: try plan(),
            ties: try result.required("ties").items.map { item in
                Run.Tie(Ranking.Tie(positionID: try item.required("position_id").id(), aboveCadreID: try item.required("cadre_id").id(),
                                    belowCadreID: try item.required("other_cadre_id").id(),
                                    scoreHundredths: try item.required("score").hundredths,
                                    key: try item.required("key").code(RuleSettings.TieKey.self)),
                        aboveValue: "", belowValue: "")
            },
            eligibility: try result.required("eligibility").items.map { item in
                Verdict(cadreID: try item.required("cadre_id").id(), positionID: try item.optionalID("position_id"),
                        rule: try item.required("rule").code(RuleID.self), verdict: try item.required("verdict").code(VerdictKind.self),
                        detail: try item.required("detail").text, chinese: try item.required("detail_zh").text)
            },
            rotationDue: try result.required("rotation_due").items.map { item in
                RotationDue.Record(cadreID: try item.required("cadre_id").id(),
                                   monthsInPost: try item.member("months")?.integer(in: -100_000...100_000),
                                   exempt: try item.required("exempt").flag,
                                   monthsToRetirement: try item.required("months_to_retirement").integer(in: -100_000...100_000),
                                   reasons: try item.required("reasons").items.map { try $0.text },
                                   reasonsChinese: try item.member("reasons_zh")?.items.map { try $0.text })
            },
            quota: try result.required("quota").items.map { item in
                QuotaCheck.Record(unitID: try item.required("unit_id").id(),
                                  approvedPosts: try item.required("approved_posts").integer(),
                                  offered: try item.required("offered").integer(), rule: try item.required("rule").code(RuleID.self),
                                  verdict: try item.required("verdict").code(QuotaCheck.Record.Verdict.self),
                                  detail: try item.required("detail").text, chinese: try item.optionalText("detail_zh"))
            },
            units: try result.required("units").items.map { item in
                Unit(id: try item.required("unit_id").id(), name: try item.required("name").text,
                         kind: try item.required("kind").code(UnitKind.self), approvedPosts: try item.required("approved_posts").integer())
            },
            positions: try result.required("positions").items.map { item in
                Run.Position(id: try item.required("position_id").id(), unitID: try item.required("unit_id").id(),
                             title: try item.required("title").text, level: try item.required("level").code(Level.allCases, \.code),
                             section: try item.optionalText("section"), offered: try item.required("offered").flag)
            },
            cadres: try result.required("cadres").items.map { item in
                Run.Cadre(id: try item.required("cadre_id").id(), name: try item.required("name").text,
                          gender: try item.required("gender").code(Gender.self), birth: try item.required("birth").month,
                          education: try item.required("education").code(Education.allCases, \.code),
                          unitID: try item.required("unit_id").id(), level: try item.required("level").code(Level.allCases, \.code),
                          positionID: try item.optionalID("position_id"))
            },
            audit: try auditRecord())
        // Absent in runs written before withdrawals existed.
        run.withdrawnApplications = try (result.member("withdrawn_applications")?.items ?? []).map { item in
            Run.WithdrawnApplication(cadreID: try item.required("cadre_id").id(), positionID: try item.required("position_id").id())
        }
        return run
    }

    func levels() throws -> [LevelResult] {
        try result.required("objective").required("levels").items.map { item in
            let phase = try item.required("phase").text, name = try item.required("name").text
            guard let level = ObjectiveLevelID(phase: phase, name: name) else { throw item.failure(.unknownLevel("\(phase).\(name)")) }
            return LevelResult(level: level, value: try item.required("value").integer(in: Int.min...Int.max),
                               bound: try item.required("bound").integer(in: Int.min...Int.max),
                               status: try item.required("status").code(LevelResult.Status.self))
        }
    }

    func transferOutcome() throws -> TransferOutcome {
        let transfer = try result.required("transfer")
        switch try transfer.required("status").text {
        case "not_run": return .notRun(reason: try transfer.required("reason").text)
        case "solved":
            return .solved(placed: try transfer.required("placed").integer(), duePlaced: try transfer.required("rotation_due_placed").integer(),
                           vacancies: try transfer.required("vacancies").integer(), candidates: try transfer.required("candidates").integer())
        case "infeasible":
            let conflict = try result.required("infeasible")
            return .infeasible(TransferConflict(reason: try conflict.required("reason").code(TransferConflict.Reason.self),
                                                cadres: try conflict.required("cadres").items.map { try $0.id() },
                                                vacancies: try conflict.required("vacancies").items.map { try $0.id() },
                                                detail: try conflict.required("detail").text,
                                                chinese: try conflict.optionalText("detail_zh")))
        case let other: throw transfer.member("status")!.failure(.unknownValue(other))
        }
    }

    func persistence() throws -> Persistence? {
        guard let record = result.member("persistence") else { return nil }
        return Persistence(baselinePairs: try record.required("baseline_pairs").integer(), kept: try record.required("kept").integer())
    }

    func plan() throws -> Plan {
        Plan(
            shortlist: try result.required("shortlist").items.map { item in
                Plan.ShortlistEntry(positionID: try item.required("position_id").id(), rank: try item.required("rank").integer(in: 1...Int(Int32.max)),
                                    cadreID: try item.required("cadre_id").id(), scoreHundredths: try item.required("score").hundredths,
                                    role: try item.required("role").code(Plan.Role.self), note: try item.required("note").text,
                                    noteChinese: try item.optionalText("note_zh"))
            },
            withdrawn: try result.required("withdrawn").items.map { item in
                Plan.Withdrawal(positionID: try item.required("position_id").id(), rule: try item.required("rule").code(RuleID.self),
                                detail: try item.required("detail").text, chinese: try item.required("detail_zh").text)
            },
            placements: try result.required("placements").items.map { item in
                Plan.Placement(cadreID: try item.required("cadre_id").id(), fromUnitID: try item.required("from_unit_id").id(),
                               positionID: try item.required("position_id").id(), toUnitID: try item.required("to_unit_id").id(),
                               phase: try item.required("phase").code(Plan.Phase.self), scoreHundredths: try item.required("score").hundredths)
            })
    }

    func rules() throws -> RuleSettings {
        let rules = try audit.required("rules")
        let reference = try rules.required("reference_date").month
        var settings = RuleSettings(referenceYear: reference.year)
        settings.termYears = try rules.required("term_years").integer()
        settings.retirementAgeMale = try rules.required("retirement_age").required("male").integer()
        settings.retirementAgeFemale = try rules.required("retirement_age").required("female").integer()
        settings.minEducation = try rules.required("min_education").code(Education.allCases, \.code)
        settings.monthsStaffBeforeDeputy = try rules.required("months_staff_before_deputy").integer()
        settings.monthsDeputyBeforeChief = try rules.required("months_deputy_before_chief").integer()
        settings.monthsTownBeforeDepartment = try rules.required("months_town_before_department").integer()
        settings.assessmentYears = try rules.required("assessment_years").items.map { try $0.integer(in: 1...9_999) }
        settings.training = try rules.required("training").code(RuleSettings.TrainingPolicy.self)
        settings.passMark = try rules.required("pass_mark").fraction
        settings.judgesMin = try rules.required("judges").required("min").integer()
        settings.judgesMax = try rules.required("judges").required("max").integer()
        settings.aggregate = try rules.required("aggregate").code(RuleSettings.Aggregate.self)
        settings.scoreDecimals = try rules.required("score_decimals").integer(in: 0...2)
        settings.shortlistRatio = try rules.required("shortlist_ratio").integer(in: 1...Int(Int32.max))
        settings.minApplicants = try rules.required("min_applicants").integer()
        settings.shortShortlist = try rules.required("short_shortlist").code(RuleSettings.ShortShortlist.self)
        settings.ties = try rules.required("ties").items.map { try $0.code(RuleSettings.TieKey.self) }
        let rotation = try rules.required("rotation")
        settings.samePositionMonths = try rotation.required("same_position_months").integer()
        settings.sameSectionYears = try rotation.required("same_section_years").integer()
        settings.exemptMonthsBeforeRetirement = try rotation.required("exempt_months_before_retirement").integer()
        let quota = try rules.required("quota")
        settings.quotaPostsThreshold = try quota.required("posts_threshold").integer()
        settings.smallUnitOffers = try quota.required("small_unit_offers").integer()
        settings.largeUnitMinOffers = try quota.required("large_unit_min_offers").integer()
        let evaluation = try rules.required("evaluation")
        settings.minParticipation = try evaluation.required("min_participation").fraction
        settings.poorShare = try evaluation.required("poor_share").fraction
        settings.averagePoorShare = try evaluation.required("average_poor_share").fraction
        return settings
    }

    func auditRecord() throws -> Run.Audit {
        let solver = try audit.required("solver")
        var timings: [Run.Timing]?
        if let recorded = audit.member("timings_seconds"), case .object(let members) = recorded.value {
            timings = try members.map { name, _ in Run.Timing(name: name, seconds: try recorded.required(name).decimal(in: 0...1e9)) }
        }
        return Run.Audit(
            tool: try audit.required("tool").text, glpkVersion: try audit.required("glpk_version").text,
            stamp: try audit.optionalText("generated_at"),
            inputs: try audit.required("inputs").items.map { item in
                Run.Input(file: try item.required("file").text, sha256: try item.required("sha256").text,
                          bytes: try item.required("bytes").integer(in: 0...Int.max), encoding: try item.required("encoding").text)
            },
            backend: try solver.required("backend").text,
            timeLimitSeconds: try solver.required("time_limit_seconds").decimal(in: 0...1e9),
            mipGap: try solver.required("mip_gap").decimal(in: 0...1),
            methods: try solver.required("methods").items.map { try $0.text },
            models: try audit.required("models").items.map { item in
                ModelSize(name: try item.required("name").text, columns: try item.required("columns").integer(in: 0...Int.max),
                              rows: try item.required("rows").integer(in: 0...Int.max),
                              nonzeros: try item.required("nonzeros").integer(in: 0...Int.max))
            },
            timings: timings,
            warnings: try (audit.member("warnings")?.items ?? []).map { try $0.text })
    }
}
