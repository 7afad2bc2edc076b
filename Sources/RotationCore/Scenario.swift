// SPDX-License-Identifier: GPL-3.0-or-later

/// A cadre's or a position's level.
public enum Level: Int, Comparable, Sendable, CaseIterable {
    case staff = 0, deputy = 1, chief = 2

    public var code: String { ["staff", "deputy", "chief"][rawValue] }
    public var chinese: String { ["科员", "中层副职", "中层正职"][rawValue] }
    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum Gender: String, Sendable { case male = "M", female = "F"
    public var chinese: String { self == .male ? "男" : "女" }
}

public enum UnitKind: String, Sendable { case department, town
    public var chinese: String { self == .department ? "区直部门" : "镇（街道）" }
}

public enum Education: Int, Comparable, Sendable, CaseIterable {
    case highSchool = 0, secondary, associate, bachelor, master, doctor

    public var code: String { ["high_school", "secondary", "associate", "bachelor", "master", "doctor"][rawValue] }
    public var chinese: String { ["高中", "中专", "大专", "本科", "硕士", "博士"][rawValue] }
    public static func < (lhs: Education, rhs: Education) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum Identity: String, Sendable, CaseIterable {
    case civilServant = "civil_servant", referenceManaged = "reference_managed"
    case publicInstitution = "public_institution", enterprise, worker

    public var chinese: String {
        switch self {
        case .civilServant: return "公务员"
        case .referenceManaged: return "参公"
        case .publicInstitution: return "事业"
        case .enterprise: return "企业"
        case .worker: return "工勤"
        }
    }
}

public enum TrainingStatus: String, Sendable, CaseIterable { case met, pending, unmet
    public var chinese: String { ["met": "已达标", "pending": "未达标可补训", "unmet": "未达标"][rawValue]! }
}

public enum AssessmentGrade: String, Sendable, CaseIterable {
    case excellent, competent, basicallyCompetent = "basically_competent", incompetent, ungraded
    public var chinese: String {
        switch self {
        case .excellent: return "优秀"
        case .competent: return "称职"
        case .basicallyCompetent: return "基本称职"
        case .incompetent: return "不称职"
        case .ungraded: return "不定等次"
        }
    }
    /// 称职 or 优秀.
    public var isCompetentOrBetter: Bool { self == .excellent || self == .competent }
}

public enum MoralGrade: String, Sendable, CaseIterable {
    case good, fairlyGood = "fairly_good", average, poor
    public var chinese: String { ["good": "好", "fairly_good": "较好", "average": "一般", "poor": "较差"][rawValue]! }
}

/// The negative circumstances of cadres.csv's `flags` column.
public enum CadreFlag: String, Sendable, CaseIterable, Comparable {
    case poorRecognition = "poor_recognition", canvassing, familyAbroad = "family_abroad", discipline
    case underInvestigation = "under_investigation", unsuitable
    case dismissedWorkStyle = "dismissed_work_style", dismissedOther = "dismissed_other", mismatch

    public static func < (lhs: CadreFlag, rhs: CadreFlag) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The flags that E-EXCLUDE lists (二(三)1–7).
    public var excludes: Bool {
        switch self {
        case .poorRecognition, .canvassing, .familyAbroad, .discipline, .underInvestigation, .unsuitable: return true
        case .dismissedWorkStyle, .dismissedOther, .mismatch: return false
        }
    }

    public var chinese: String {
        switch self {
        case .poorRecognition: return "工作表现较差，群众公认度不高"
        case .canvassing: return "跑官、拉票"
        case .familyAbroad: return "配偶（子女）已移居国（境）外"
        case .discipline: return "受组织处理或党纪政纪处分影响使用"
        case .underInvestigation: return "正在立案审查"
        case .unsuitable: return "其他原因不宜提拔"
        case .dismissedWorkStyle: return "因工作作风问题被免职"
        case .dismissedOther: return "因其他原因被免职"
        case .mismatch: return "能岗不相适"
        }
    }
}

public struct Unit: Sendable, Equatable {
    public var id: UnitID
    public var name: String
    public var kind: UnitKind
    public var approvedPosts: Int
    public init(id: UnitID, name: String, kind: UnitKind, approvedPosts: Int) {
        self.id = id; self.name = name; self.kind = kind; self.approvedPosts = approvedPosts
    }
}

public struct Position: Sendable, Equatable {
    public var id: PositionID
    public var unitID: UnitID
    public var title: String
    public var level: Level
    public var section: String?
    public var offered: Bool
    public var vacatedByDismissal: Bool
    public var holderID: CadreID?
    /// Identities the position admits (default civil servant and reference-managed).
    public var identities: [Identity]
    /// The position's own education requirement, if stricter than the scenario's.
    public var minEducation: Education?

    public init(id: PositionID, unitID: UnitID, title: String, level: Level, section: String? = nil, offered: Bool = true,
                vacatedByDismissal: Bool = false, holderID: CadreID? = nil,
                identities: [Identity] = [.civilServant, .referenceManaged], minEducation: Education? = nil) {
        self.id = id; self.unitID = unitID; self.title = title; self.level = level; self.section = section
        self.offered = offered; self.vacatedByDismissal = vacatedByDismissal; self.holderID = holderID
        self.identities = identities; self.minEducation = minEducation
    }
}

public struct Cadre: Sendable, Equatable {
    public var id: CadreID
    public var name: String
    public var gender: Gender
    public var birth: YearMonth
    public var unitID: UnitID
    public var level: Level
    public var levelSince: YearMonth
    public var positionID: PositionID?
    public var positionSince: YearMonth?
    /// Years as chief or deputy of the same section (科室), exact: `8.5` is 17/2, below a threshold of 9.
    public var sectionYears: Fraction
    public var education: Education
    public var identity: Identity
    public var identityApproved: Bool
    public var training: TrainingStatus
    public var healthOK: Bool
    public var townRecruited: YearMonth?
    public var exceptionalApproved: Bool
    public var acceptsTransfer: Bool
    public var retirementAge: Int?
    /// Sorted, without duplicates.
    public var flags: [CadreFlag]

    public init(id: CadreID, name: String, gender: Gender, birth: YearMonth, unitID: UnitID, level: Level,
                levelSince: YearMonth, positionID: PositionID? = nil, positionSince: YearMonth? = nil, sectionYears: Fraction = 0,
                education: Education = .bachelor, identity: Identity = .civilServant, identityApproved: Bool = false,
                training: TrainingStatus = .met, healthOK: Bool = true, townRecruited: YearMonth? = nil,
                exceptionalApproved: Bool = false, acceptsTransfer: Bool = false, retirementAge: Int? = nil,
                flags: [CadreFlag] = []) {
        self.id = id; self.name = name; self.gender = gender; self.birth = birth; self.unitID = unitID
        self.level = level; self.levelSince = levelSince; self.positionID = positionID
        self.positionSince = positionSince; self.sectionYears = sectionYears; self.education = education
        self.identity = identity; self.identityApproved = identityApproved; self.training = training
        self.healthOK = healthOK; self.townRecruited = townRecruited; self.exceptionalApproved = exceptionalApproved
        self.acceptsTransfer = acceptsTransfer; self.retirementAge = retirementAge
        self.flags = Array(Set(flags)).sorted()
    }
}

public struct AssessmentRecord: Sendable, Equatable {
    public var cadreID: CadreID
    public var year: Int
    public var grade: AssessmentGrade
    public init(cadreID: CadreID, year: Int, grade: AssessmentGrade) {
        self.cadreID = cadreID; self.year = year; self.grade = grade
    }
}

public struct Application: Sendable, Equatable {
    public var cadreID: CadreID
    public var positionID: PositionID
    /// 1 = first choice.
    public var preference: Int
    public var unitApproved: Bool
    public init(cadreID: CadreID, positionID: PositionID, preference: Int = 1, unitApproved: Bool = true) {
        self.cadreID = cadreID; self.positionID = positionID; self.preference = preference; self.unitApproved = unitApproved
    }
}

public struct JudgeScore: Sendable, Equatable {
    public var cadreID: CadreID
    public var positionID: PositionID
    public var judgeID: JudgeID
    public var score: ExactDecimal
    public var conflict: Bool
    public init(cadreID: CadreID, positionID: PositionID, judgeID: JudgeID, score: ExactDecimal, conflict: Bool = false) {
        self.cadreID = cadreID; self.positionID = positionID; self.judgeID = judgeID; self.score = score; self.conflict = conflict
    }
}

/// Term evaluation (任期测评) and moral evaluation (德行考核) of one cadre.
public struct EvaluationRecord: Sendable, Equatable {
    public var cadreID: CadreID
    public var due: Int
    public var tookPart: Int
    public var good: Int
    public var fairlyGood: Int
    public var average: Int
    public var poor: Int
    public var confirmedPoor: Bool
    public var moral: MoralGrade?
    public var moralConfirmed: Bool
    public init(cadreID: CadreID, due: Int, tookPart: Int, good: Int, fairlyGood: Int, average: Int, poor: Int,
                confirmedPoor: Bool = false, moral: MoralGrade? = nil, moralConfirmed: Bool = false) {
        self.cadreID = cadreID; self.due = due; self.tookPart = tookPart; self.good = good
        self.fairlyGood = fairlyGood; self.average = average; self.poor = poor; self.confirmedPoor = confirmedPoor
        self.moral = moral; self.moralConfirmed = moralConfirmed
    }
}

public struct TransferFit: Sendable, Equatable {
    public var cadreID: CadreID
    public var positionID: PositionID
    /// Held in hundredths, rounded half-up.
    public var fitHundredths: Int
    public init(cadreID: CadreID, positionID: PositionID, fitHundredths: Int) {
        self.cadreID = cadreID; self.positionID = positionID; self.fitHundredths = fitHundredths
    }
}

public enum Mode: String, Sendable { case competition, preferences }
public enum Language: String, Sendable { case zh, en }

/// Everything a scenario folder says, validated.
public struct Scenario: Sendable {
    public var name: String
    public var referenceDate: YearMonth
    public var mode: Mode = .competition
    public var maxPreferences: Int = 3
    public var language: Language = .zh
    public var rules: RuleSettings
    public var transfer = TransferSettings()
    public var solver = SolverSettings()
    /// `notice:` — what the public notice (公示) prints besides the run: issuer, dates, contact.
    public var notice = NoticeSettings()
    public var units: [Unit] = []
    public var positions: [Position] = []
    public var cadres: [Cadre] = []
    public var assessments: [AssessmentRecord] = []
    public var applications: [Application] = []
    /// Applications marked withdrawn (放弃) in applications.csv: on record, absent for every rule and model.
    public var withdrawnApplications: [Application] = []
    /// `nil`: interviews.csv is absent, the pre-interview stage.
    public var interviews: [JudgeScore]? = []
    public var evaluations: [EvaluationRecord] = []
    public var transferFits: [TransferFit] = []

    public init(name: String, referenceDate: YearMonth, rules: RuleSettings? = nil) {
        self.name = name
        self.referenceDate = referenceDate
        self.rules = rules ?? RuleSettings(referenceYear: referenceDate.year)
    }

    /// Look-ups by id (built once; callers that loop should keep the index).
    public func index() -> ScenarioIndex { ScenarioIndex(self) }
}

/// Id → record maps over a scenario, and the per-record facts rules need.
public struct ScenarioIndex: Sendable {
    public let units: [UnitID: Unit]
    public let positions: [PositionID: Position]
    public let cadres: [CadreID: Cadre]
    public let evaluations: [CadreID: EvaluationRecord]
    public let assessments: [CadreID: [Int: AssessmentGrade]]
    /// The holders of each post: its `holder_id`, and any cadre whose `position_id` is the post; by cadre id.
    public let holders: [PositionID: [CadreID]]

    public init(_ scenario: Scenario) {
        units = Dictionary(scenario.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        positions = Dictionary(scenario.positions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        cadres = Dictionary(scenario.cadres.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        evaluations = Dictionary(scenario.evaluations.map { ($0.cadreID, $0) }, uniquingKeysWith: { first, _ in first })
        var grades: [CadreID: [Int: AssessmentGrade]] = [:]
        for record in scenario.assessments { grades[record.cadreID, default: [:]][record.year] = record.grade }
        assessments = grades
        var held: [PositionID: Set<CadreID>] = [:]
        for position in scenario.positions {
            if let holder = position.holderID { held[position.id, default: []].insert(holder) }
        }
        for cadre in scenario.cadres {
            if let positionID = cadre.positionID { held[positionID, default: []].insert(cadre.id) }
        }
        holders = held.mapValues { $0.sorted(by: idPrecedes) }
    }
}
