// SPDX-License-Identifier: GPL-3.0-or-later

/// One run of `rotation solve`: everything its run folder holds, as typed values (docs/run-format.md).
///
/// There is one model of a run. The pipeline builds it from a scenario; the run folder's one
/// writer renders it to files and its one reader reads it back; reports, `compare`, `export`
/// and `explain` consume it. Nothing outside those parses a run folder or re-derives a rule.
///
/// ```swift
/// let run = try RunFolder.read(URL(fileURLWithPath: "RUN/fenghua-2017"))
/// run.shortlist(of: "MZJ-03").map(\.cadreID)     // ["FH015", "FH060"]
/// run.score(run.plan.placements[0].scoreHundredths)  // "86.40", with the run's score_decimals
/// ```
public struct Run: Sendable, Equatable {
    /// A position as the run records it.
    public struct Position: Sendable, Equatable {
        public var id: PositionID
        public var unitID: UnitID
        public var title: String
        public var level: Level
        public var section: String?
        public var offered: Bool
        public init(id: PositionID, unitID: UnitID, title: String, level: Level, section: String?, offered: Bool) {
            self.id = id; self.unitID = unitID; self.title = title; self.level = level; self.section = section; self.offered = offered
        }
    }

    /// The fields of a cadre that a run records: nothing about assessments, evaluations or flags.
    public struct Cadre: Sendable, Equatable {
        public var id: CadreID
        public var name: String
        public var gender: Gender
        public var birth: YearMonth
        public var education: Education
        public var unitID: UnitID
        public var level: Level
        public var positionID: PositionID?
        public init(id: CadreID, name: String, gender: Gender, birth: YearMonth, education: Education, unitID: UnitID,
                    level: Level, positionID: PositionID?) {
            self.id = id; self.name = name; self.gender = gender; self.birth = birth; self.education = education
            self.unitID = unitID; self.level = level; self.positionID = positionID
        }
    }

    /// An order of equal scores and the two values of the key that decided it.
    public struct Tie: Sendable, Equatable {
        public var tie: Ranking.Tie
        public var aboveValue: String
        public var belowValue: String
        public init(_ tie: Ranking.Tie, aboveValue: String, belowValue: String) {
            self.tie = tie; self.aboveValue = aboveValue; self.belowValue = belowValue
        }
        public var positionID: PositionID { tie.positionID }
        /// The cadre ranked above.
        public var cadreID: CadreID { tie.aboveCadreID }
        /// The cadre ranked below.
        public var otherCadreID: CadreID { tie.belowCadreID }
        public var scoreHundredths: Int { tie.scoreHundredths }
        public var key: RuleSettings.TieKey { tie.key }
    }

    /// One input file as read: what audit.json records of it.
    public struct Input: Sendable, Equatable {
        public var file: String
        public var sha256: String
        public var bytes: Int
        public var encoding: String
        public init(file: String, sha256: String, bytes: Int, encoding: String) {
            self.file = file; self.sha256 = sha256; self.bytes = bytes; self.encoding = encoding
        }
    }

    /// Seconds spent on a phase (`shortlist`) or a level (`shortlist.scores`).
    public struct Timing: Sendable, Equatable {
        public var name: String
        public var seconds: Double
        public init(name: String, seconds: Double) {
            self.name = name
            self.seconds = seconds
        }
    }

    /// What audit.json records besides the rules: tool, inputs, solver, models, timings.
    public struct Audit: Sendable, Equatable {
        /// `rotation 0.1.0`.
        public var tool: String
        public var glpkVersion: String
        /// `--now` / SOURCE_DATE_EPOCH, when asked.
        public var stamp: String?
        public var inputs: [Input]
        /// How GLPK is called, in words.
        public var backend: String
        public var timeLimitSeconds: Double
        public var mipGap: Double
        /// How each phase was solved.
        public var methods: [String]
        public var models: [ModelSize]
        /// Seconds per phase and per level, when `--timings` asked for them (nil: not recorded).
        public var timings: [Timing]?
        /// The scenario's warnings (unknown columns …).
        public var warnings: [String]

        public init(tool: String, glpkVersion: String, stamp: String?, inputs: [Input], backend: String, timeLimitSeconds: Double,
                    mipGap: Double, methods: [String], models: [ModelSize], timings: [Timing]?,
                    warnings: [String]) {
            self.tool = tool; self.glpkVersion = glpkVersion; self.stamp = stamp; self.inputs = inputs; self.backend = backend
            self.timeLimitSeconds = timeLimitSeconds; self.mipGap = mipGap; self.methods = methods; self.models = models
            self.timings = timings; self.warnings = warnings
        }
    }

    // Scenario facts and settings.
    public var scenarioName: String
    public var referenceDate: YearMonth
    public var mode: Mode
    public var maxPreferences: Int
    public var language: Language
    public var rules: RuleSettings
    public var transferSettings: TransferSettings
    /// How many applications the scenario holds (result.json `summary`).
    public var applicationCount: Int

    // What the solve decided and how sure it is.
    public var stage: Adjudication.Stage
    public var status: RunStatus
    /// Every objective level, in solve order (their seconds are in `audit.timings`, here 0).
    public var levels: [LevelResult]
    /// Positions competed without the no-envy rows (preferences mode).
    public var positionsCompetedWithoutEnvy: Int?
    public var transfer: TransferOutcome
    public var persistence: Persistence?
    public var positionsAwaitingInterview: [PositionID]
    public var plan: Plan

    // What the rules found.
    public var ties: [Tie]
    public var eligibility: [Verdict]
    public var rotationDue: [RotationDue.Record]
    public var quota: [QuotaCheck.Record]

    // Who and what the run speaks of, by id order.
    public var units: [Unit] { didSet { reindex() } }
    public var positions: [Position] { didSet { reindex() } }
    public var cadres: [Cadre] { didSet { reindex() } }

    public var audit: Audit

    /// Applications withdrawn (放弃) in applications.csv: on record, absent from every rule and model (result.json `withdrawn_applications`).
    public var withdrawnApplications: [WithdrawnApplication] = []

    /// One withdrawn application.
    public struct WithdrawnApplication: Sendable, Equatable {
        public var cadreID: CadreID
        public var positionID: PositionID
        public init(cadreID: CadreID, positionID: PositionID) { self.cadreID = cadreID; self.positionID = positionID }
    }
    /// The scenario's `notice:` settings (issuer, dates, contact), for the public notice.
    public var notice = NoticeSettings()

    /// Passed applicants with justified envy, recounted from the scenario (docs/model.md). A correct
    /// run has none; nil when the run was read from a folder (which does not hold the passed applicants
    /// who were not shortlisted). Not written to the run folder.
    public var justifiedEnvy: Int?

    public private(set) var unitByID: [UnitID: Unit] = [:]
    public private(set) var positionByID: [PositionID: Position] = [:]
    public private(set) var cadreByID: [CadreID: Cadre] = [:]

    public init(scenarioName: String, referenceDate: YearMonth, mode: Mode, maxPreferences: Int, language: Language,
                rules: RuleSettings, transferSettings: TransferSettings, applicationCount: Int, stage: Adjudication.Stage,
                status: RunStatus, levels: [LevelResult], positionsCompetedWithoutEnvy: Int?, transfer: TransferOutcome,
                persistence: Persistence?, positionsAwaitingInterview: [PositionID], plan: Plan, ties: [Tie], eligibility: [Verdict],
                rotationDue: [RotationDue.Record], quota: [QuotaCheck.Record], units: [Unit], positions: [Position],
                cadres: [Cadre], audit: Audit, justifiedEnvy: Int? = nil) {
        self.scenarioName = scenarioName; self.referenceDate = referenceDate; self.mode = mode
        self.maxPreferences = maxPreferences; self.language = language; self.rules = rules
        self.transferSettings = transferSettings; self.applicationCount = applicationCount; self.stage = stage
        self.status = status; self.levels = levels; self.positionsCompetedWithoutEnvy = positionsCompetedWithoutEnvy
        self.transfer = transfer; self.persistence = persistence; self.positionsAwaitingInterview = positionsAwaitingInterview
        self.plan = plan; self.ties = ties; self.eligibility = eligibility; self.rotationDue = rotationDue; self.quota = quota
        self.units = units; self.positions = positions; self.cadres = cadres; self.audit = audit
        self.justifiedEnvy = justifiedEnvy
        reindex()
    }

    mutating func reindex() {
        unitByID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        positionByID = Dictionary(positions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        cadreByID = Dictionary(cadres.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Numbers

    /// The one formatter of every score and fit the run writes: exactly `score_decimals` decimals, half-up.
    public var scoreFormat: ScoreFormat { rules.scoreFormat }

    /// A score or fit in hundredths, with the run's decimals: `score(8640)` is `"86.40"` (2 decimals), `"86.4"` (1).
    public func score(_ hundredths: Int) -> String { scoreFormat.string(hundredths) }

    // MARK: Look-ups

    /// The shortlist of one position, by rank.
    public func shortlist(of positionID: PositionID) -> [Plan.ShortlistEntry] {
        plan.shortlist.filter { $0.positionID == positionID }.sorted { $0.rank < $1.rank }
    }

    /// Position ids that have a shortlist, in id order.
    public var competedPositionIDs: [PositionID] {
        var seen = Set<PositionID>()
        return plan.shortlist.map(\.positionID).filter { seen.insert($0).inserted }.sorted(by: idPrecedes)
    }

    /// Offered position ids, in id order.
    public var offeredPositionIDs: [PositionID] { positions.filter(\.offered).map(\.id).sorted(by: idPrecedes) }

    /// Placements of one phase.
    public func placements(_ phase: Plan.Phase) -> [Plan.Placement] { plan.placements.filter { $0.phase == phase } }

    /// The value of one objective level, if it was solved.
    public func value(of level: ObjectiveLevelID) -> Int? { levels.first { $0.level == level }?.value }

    /// Cadres due for rotation and not exempt.
    public var dueNotExempt: Set<CadreID> { Set(rotationDue.filter { !$0.exempt }.map(\.cadreID)) }

    /// Eligibility findings of one verdict.
    public func findings(_ verdict: VerdictKind) -> [Verdict] { eligibility.filter { $0.verdict == verdict } }

    public func unitName(_ id: UnitID) -> String { unitByID[id]?.name ?? id.rawValue }
    public func cadreName(_ id: CadreID) -> String { cadreByID[id]?.name ?? id.rawValue }
    public func positionTitle(_ id: PositionID) -> String { positionByID[id]?.title ?? id.rawValue }
}

/// Writes scores and fits held in hundredths with exactly `decimals` decimals, rounding half-up on the
/// exact value — the one number formatter of every run file, report and export.
///
/// ```swift
/// ScoreFormat(decimals: 1).string(7000)   // "70.0"
/// ScoreFormat(decimals: 2).string(5995)   // "59.95"
/// ```
public struct ScoreFormat: Sendable, Equatable {
    public var decimals: Int
    public init(decimals: Int) { self.decimals = decimals }
    public func string(_ hundredths: Int) -> String { Hundredths.format(hundredths, decimals: decimals) }
    /// An exact value (e.g. a mean of scores) with the same decimals.
    public func string(fraction: Fraction) -> String { Hundredths.format(fraction: fraction, decimals: decimals) }
}

extension RuleSettings {
    /// Every score and fit of a run is written this way: `score_decimals` decimals, half-up.
    public var scoreFormat: ScoreFormat { ScoreFormat(decimals: scoreDecimals) }
}
