// SPDX-License-Identifier: GPL-3.0-or-later

/// Where a ballot line was read: a CSV file and line, or a workbook's sheet and row.
///
/// ```swift
/// BallotLocation(file: "performance.csv", row: 7).description          // "performance.csv:7"
/// BallotLocation(file: "ballots.xlsx", sheet: "附件2", row: 7).description // "ballots.xlsx:附件2!7"
/// ```
public struct BallotLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    /// The worksheet, for a workbook; nil for a CSV file.
    public var sheet: String?
    /// The 1-based line (CSV) or row (worksheet).
    public var row: Int

    public init(file: String, sheet: String? = nil, row: Int) {
        self.file = file; self.sheet = sheet; self.row = row
    }

    public var description: String { sheet.map { "\(file):\($0)!\(row)" } ?? "\(file):\(row)" }

    public static func < (lhs: BallotLocation, rhs: BallotLocation) -> Bool {
        (lhs.file, lhs.sheet ?? "", lhs.row) < (rhs.file, rhs.sheet ?? "", rhs.row)
    }
}

/// The two forms annexed to the notice.
public enum BallotForm: String, Sendable, CaseIterable, Comparable {
    /// 附件2 干部绩效评价表.
    case performance
    /// 附件3 德行考核评价表.
    case moral

    public static func < (lhs: BallotForm, rhs: BallotForm) -> Bool { lhs == .performance && rhs == .moral }
}

/// One cell of a form as ticked: empty (an abstention), one grade, or two or more grades (spoiled, T-MARK).
public enum BallotMark: Sendable, Hashable {
    case empty
    case grade(MoralGrade)
    /// Two or more different grades ticked, in the order written.
    case spoiled([MoralGrade])

    /// The grade when exactly one is ticked.
    public var grade: MoralGrade? {
        if case .grade(let grade) = self { return grade }
        return nil
    }

    public var isSpoiled: Bool {
        if case .spoiled = self { return true }
        return false
    }

    /// The mark of a cell from the grades ticked in it: none → empty, one (possibly repeated) → that grade, more → spoiled.
    public init(ticked grades: [MoralGrade]) {
        var distinct: [MoralGrade] = []
        for grade in grades where !distinct.contains(grade) { distinct.append(grade) }
        switch distinct.count {
        case 0: self = .empty
        case 1: self = .grade(distinct[0])
        default: self = .spoiled(distinct)
        }
    }
}

/// The columns of the performance form (附件2): five categories and the overall grade.
public enum PerformanceColumn: String, Sendable, CaseIterable, Comparable {
    case decision
    case service
    case problemSolving = "problem_solving"
    case political
    case image
    case overall

    /// The form's heading.
    public var chinese: String {
        switch self {
        case .decision: "决策推进"
        case .service: "服务保障"
        case .problemSolving: "难题破解"
        case .political: "政治规矩"
        case .image: "干部形象"
        case .overall: "总体评价"
        }
    }

    public static func < (lhs: PerformanceColumn, rhs: PerformanceColumn) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The four categories of the moral form (附件3), with their points (30/30/20/20).
public enum MoralCategory: String, Sendable, CaseIterable, Comparable {
    case politicalVirtue = "political_virtue"
    case professionalEthics = "professional_ethics"
    case socialMorality = "social_morality"
    case familyVirtue = "family_virtue"

    /// The points of the category on the form.
    public var points: Int {
        switch self {
        case .politicalVirtue, .professionalEthics: 30
        case .socialMorality, .familyVirtue: 20
        }
    }

    /// The form's heading.
    public var chinese: String {
        switch self {
        case .politicalVirtue: "政治品德"
        case .professionalEthics: "职业道德"
        case .socialMorality: "社会公德"
        case .familyVirtue: "家庭美德"
        }
    }

    /// The column of the category's reverse indicators (`political_virtue_reverse`).
    public var reverseColumn: String { rawValue + "_reverse" }

    public static func < (lhs: MoralCategory, rhs: MoralCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The reverse indicators (反向指标) ticked in one category of the moral form: A, B, both, or none.
public struct ReverseIndicators: Sendable, Hashable, CustomStringConvertible {
    public var a: Bool
    public var b: Bool
    public init(a: Bool = false, b: Bool = false) { self.a = a; self.b = b }
    public static let none = ReverseIndicators()
    public var isTicked: Bool { a || b }
    /// `A`, `B`, `A;B` or empty.
    public var description: String { [a ? "A" : nil, b ? "B" : nil].compactMap { $0 }.joined(separator: ";") }
}

/// One line of a performance ballot: a cadre, the six cells, and whether a reason was written.
public struct PerformanceLine: Sendable, Equatable {
    public var cadreID: CadreID
    /// One mark per `PerformanceColumn`, in `PerformanceColumn.allCases` order.
    public var marks: [BallotMark]
    public var hasReason: Bool
    public var location: BallotLocation

    public init(cadreID: CadreID, marks: [PerformanceColumn: BallotMark], hasReason: Bool, location: BallotLocation) {
        self.cadreID = cadreID
        self.marks = PerformanceColumn.allCases.map { marks[$0] ?? .empty }
        self.hasReason = hasReason
        self.location = location
    }

    public func mark(_ column: PerformanceColumn) -> BallotMark { marks[PerformanceColumn.allCases.firstIndex(of: column)!] }
}

/// One line of a moral ballot: a cadre, the four graded cells, the reverse indicators, and whether a reason was written.
public struct MoralLine: Sendable, Equatable {
    public var cadreID: CadreID
    /// One mark per `MoralCategory`, in `MoralCategory.allCases` order.
    public var marks: [BallotMark]
    /// One entry per `MoralCategory`, in `MoralCategory.allCases` order.
    public var reverse: [ReverseIndicators]
    public var hasReason: Bool
    public var location: BallotLocation

    public init(cadreID: CadreID, marks: [MoralCategory: BallotMark], reverse: [MoralCategory: ReverseIndicators] = [:],
                hasReason: Bool, location: BallotLocation) {
        self.cadreID = cadreID
        self.marks = MoralCategory.allCases.map { marks[$0] ?? .empty }
        self.reverse = MoralCategory.allCases.map { reverse[$0] ?? .none }
        self.hasReason = hasReason
        self.location = location
    }

    public func mark(_ category: MoralCategory) -> BallotMark { marks[MoralCategory.allCases.firstIndex(of: category)!] }
    public func reverse(_ category: MoralCategory) -> ReverseIndicators { reverse[MoralCategory.allCases.firstIndex(of: category)!] }
}

/// One paper ballot: its id, the unit whose meeting it belongs to, and its lines (n = `lines.count`).
public struct Ballot<Line: Sendable & Equatable>: Sendable, Equatable {
    public var id: String
    public var unitID: UnitID
    public var lines: [Line]
    public init(id: String, unitID: UnitID, lines: [Line]) {
        self.id = id; self.unitID = unitID; self.lines = lines
    }
}

public typealias PerformanceBallot = Ballot<PerformanceLine>
public typealias MoralBallot = Ballot<MoralLine>

/// One evaluation meeting (meetings.csv): the unit whose cadres are evaluated and how many were due to take part.
public struct Meeting: Sendable, Equatable {
    public var unitID: UnitID
    public var due: Int
    public init(unitID: UnitID, due: Int) { self.unitID = unitID; self.due = due }
}

/// Everything entered from the forms: the meetings and the ballots of each form (nil: that file is absent).
///
/// ```swift
/// let box = BallotBox(meetings: [Meeting(unitID: "MZJ", due: 42)], performance: ballots, moral: nil)
/// ```
public struct BallotBox: Sendable, Equatable {
    public var meetings: [Meeting]
    public var performance: [PerformanceBallot]?
    public var moral: [MoralBallot]?
    public init(meetings: [Meeting], performance: [PerformanceBallot]?, moral: [MoralBallot]?) {
        self.meetings = meetings; self.performance = performance; self.moral = moral
    }
}
