// SPDX-License-Identifier: GPL-3.0-or-later

/// Every rule of `docs/rules.md`, by its stable ID, with the notice's clause.
///
/// Search for a rule's ID (say `E-TERM`) to find the code that applies it.
public enum RuleID: String, Sendable, CaseIterable, Comparable {
    // Person-level eligibility.
    case identity = "E-IDENTITY"
    case assess = "E-ASSESS"
    case term = "E-TERM"
    case education = "E-EDU"
    case training = "E-TRAIN"
    case health = "E-HEALTH"
    case exclude = "E-EXCLUDE"
    case evaluation = "E-EVAL"
    case workStyle = "E-WORKSTYLE"
    case apply = "E-APPLY"
    // Pair-level eligibility.
    case ownUnit = "P-OWNUNIT"
    case scope = "P-SCOPE"
    case town5 = "P-TOWN5"
    case require = "P-REQUIRE"
    case level = "P-LEVEL"
    case rank = "E-RANK"
    // Competition.
    case min2 = "C-MIN2"
    case judges = "C-JUDGES"
    case pass = "C-PASS"
    case ratio = "C-RATIO"
    case notice = "C-NOTICE"
    case transfer = "C-TRANSFER"
    // Rotation and quotas.
    case due = "R-DUE"
    case exempt = "R-EXEMPT"
    case offer = "Q-OFFER"
    case dismissed = "Q-DISMISSED"
    case dueOffer = "Q-DUE"
    // Tallying the forms of 附件2 and 附件3 (`rotation tally`).
    case tallyMark = "T-MARK"
    case tallyGood = "T-GOOD"
    case tallyPoor = "T-POOR"
    case tallyReason = "T-REASON"
    case tallyCount = "T-COUNT"
    case tallyMoral = "T-MORAL"

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The notice's clause number(s).
    public var clause: String {
        switch self {
        case .identity: return "一(一)"
        case .assess: return "二(一)4, 二(三)6, 竞岗①④"
        case .term: return "二(二)1, 竞岗⑥"
        case .education: return "二(二)2, 竞岗⑧"
        case .training: return "二(二)4, 竞岗⑧"
        case .health: return "二(二)5, 竞岗⑨"
        case .exclude: return "二(三)1–7"
        case .evaluation: return "三(一)1"
        case .workStyle: return "竞岗(2)"
        case .apply: return "竞岗(2)"
        case .ownUnit: return "三(二)2"
        case .scope: return "三(二)2"
        case .town5: return "竞岗⑦"
        case .require: return "竞岗⑩, 竞岗(1)"
        case .level: return "竞岗⑥"
        case .rank: return "二(二)3, 竞岗⑥"
        case .min2: return "竞岗(2)"
        case .judges: return "竞岗(3)"
        case .pass: return "竞岗(3)"
        case .ratio: return "竞岗(4)"
        case .notice: return "竞岗(7)"
        case .transfer: return "竞岗 (7) 之后"
        case .due: return "三(二)"
        case .exempt: return "内部大轮岗"
        case .offer: return "竞岗1"
        case .dismissed: return "竞岗1"
        case .dueOffer: return "竞岗1"
        case .tallyMark: return "附件2, 附件3"
        case .tallyGood: return "附件2"
        case .tallyPoor: return "附件2"
        case .tallyReason: return "附件2, 附件3"
        case .tallyCount: return "三(一)1"
        case .tallyMoral: return "附件3"
        }
    }

    /// One line in English: what the rule requires.
    public var summary: String {
        switch self {
        case .identity: return "civil servant or reference-managed; other identities only with the organization department's approval"
        case .assess: return "annual assessment competent or excellent in each of the assessment years"
        case .term: return "can serve one full term before statutory retirement"
        case .education: return "associate degree (大专) or higher"
        case .training: return "recognised training completed"
        case .health: return "physically able to perform the duties"
        case .exclude: return "none of the excluding circumstances of 二(三)"
        case .evaluation: return "term and moral evaluation not confirmed poor"
        case .workStyle: return "not dismissed for work-style problems"
        case .apply: return "one application, approved by the cadre's own unit"
        case .ownUnit: return "a unit's own cadres do not compete for its positions"
        case .scope: return "town positions are open to district-department cadres only"
        case .town5: return "a town recruit must have worked 5 years in the town to apply to a department"
        case .require: return "meets the position's identity and education requirements"
        case .level: return "same level or one step up"
        case .rank: return "time in level before a one-step promotion"
        case .min2: return "a position needs at least 2 eligible applicants to be competed"
        case .judges: return "5–7 interview judges after recusal"
        case .pass: return "interview score at least the pass mark"
        case .ratio: return "shortlist at 1:2 from the interview scores"
        case .notice: return "public notice for 5 working days"
        case .transfer: return "remaining vacancies filled by organizational transfer"
        case .due: return "due for rotation: 6 years in one post, 9 years in one section, or a mismatch"
        case .exempt: return "fewer than 3 years to retirement: exempt from rotation"
        case .offer: return "each unit offers positions for cross-department competition"
        case .dismissed: return "a post vacated by dismissal must be offered"
        case .dueOffer: return "a post held by a cadre due for rotation should be offered"
        case .tallyMark: return "a cell with two or more grades ticked is spoiled, an empty cell an abstention; neither is counted"
        case .tallyGood: return "good (好) to at most 20% of those evaluated on a ballot, in each column"
        case .tallyPoor: return "poor (较差) to, in principle, at least 10% of those evaluated on a ballot, in each column"
        case .tallyReason: return "good, poor and a reverse indicator need a written reason"
        case .tallyCount: return "evaluations.csv: due, took part and the counted overall grades of each cadre"
        case .tallyMoral: return "moral score: 30/30/20/20 points by grade, a reverse indicator scores 0; mean over the counted lines"
        }
    }

    /// One line in Chinese, in the notice's words.
    public var chineseSummary: String {
        switch self {
        case .identity: return "在编在岗公务人员；事业、企业、工勤人员须经组织部审核同意"
        case .assess: return "近三年年度考核称职及以上等次"
        case .term: return "年龄能任满一个聘期（三年）以上"
        case .education: return "大学专科及以上文化程度"
        case .training: return "经过组织人事部门认可的培训"
        case .health: return "具有正常履行职责的身体条件"
        case .exclude: return "无不得列入选聘对象的情形"
        case .evaluation: return "任期测评、德行考核未经组织认定为较差"
        case .workStyle: return "因工作作风问题被免职的不得参加竞岗"
        case .apply: return "每人限报一个职位，经单位审核同意"
        case .ownUnit: return "本单位干部不参加所在单位中层职位的竞岗"
        case .scope: return "镇（街道）职位面向区直部门推出"
        case .town5: return "新录用到镇（街道）的须在镇（街道）工作满五年才可报考区直部门职位"
        case .require: return "符合所报职位的身份、编制性质等要求"
        case .level: return "平级或晋升一级"
        case .rank: return "科员满三年（不含试用期）、中层副职满两年"
        case .min2: return "符合条件的报名人数不足2人的，不再进行跨部门竞争上岗"
        case .judges: return "评委一般为5—7人，符合回避制度规定"
        case .pass: return "面试成绩达到合格分（通知为60分），不合格者不能列入考察对象"
        case .ratio: return "按1:2的比例提出差额建议名单"
        case .notice: return "拟任人选公示5个工作日"
        case .transfer: return "竞争上岗结束后视情实施组织调动"
        case .due: return "同一职位连续任职满6年或任同一科室正副职累计满9年，或能岗不相适，应进行轮岗"
        case .exempt: return "距法定退休年龄不足3年可不再交流"
        case .offer: return "中层职数10个及以下推出1个，10个以上至少推出1个"
        case .dismissed: return "免去中层职务而腾出的职位必须进行跨部门大轮岗"
        case .dueOffer: return "应轮岗的现任中层，原则上应推出职位"
        case .tallyMark: return "一格勾选两个及以上等次的为无效格，空格为弃权，均不计入"
        case .tallyGood: return "每张票每一栏评为“好”的不超过参评人数的20%"
        case .tallyPoor: return "每张票每一栏评为“较差”的原则上不少于参评人数的10%"
        case .tallyReason: return "评为“好”“较差”或勾选反向指标的，须写明理由"
        case .tallyCount: return "按票统计每名干部的应参加人数、实参加人数和总体评价各等次票数"
        case .tallyMoral: return "德行考核按30、30、20、20分计分，勾选反向指标的该项计0分，取有效行的平均分"
        }
    }

    /// Whether the rule is judged per (cadre, position) rather than per cadre.
    public var isPairLevel: Bool {
        switch self {
        case .apply, .ownUnit, .scope, .town5, .require, .level, .rank, .judges, .pass: return true
        default: return false
        }
    }
}

/// A rule's verdict on a cadre or on an application.
public enum VerdictKind: String, Sendable, Comparable {
    case flag, fail
    public static func < (lhs: VerdictKind, rhs: VerdictKind) -> Bool { lhs == .flag && rhs == .fail }
}

/// One failed or flagged rule, with the values that decided it.
public struct Verdict: Sendable, Equatable {
    public var cadreID: CadreID
    /// `nil` for a person-level rule.
    public var positionID: PositionID?
    public var rule: RuleID
    public var verdict: VerdictKind
    /// The facts, e.g. "35 months to retirement < 36".
    public var detail: String
    /// The same facts in Chinese, e.g. "距退休35个月，不足36个月".
    public var detailChinese: String

    public init(cadreID: CadreID, positionID: PositionID? = nil, rule: RuleID, verdict: VerdictKind, detail: String, chinese: String? = nil) {
        self.cadreID = cadreID; self.positionID = positionID; self.rule = rule; self.verdict = verdict; self.detail = detail
        self.detailChinese = chinese ?? detail
    }

    /// The detail in a language.
    public func detail(in language: Language) -> String { language == .zh ? detailChinese : detail }

    /// Report order: cadre, then person-level before pair-level, position, rule order.
    public static func reportOrder(_ lhs: Verdict, _ rhs: Verdict) -> Bool {
        if lhs.cadreID != rhs.cadreID { return idPrecedes(lhs.cadreID, rhs.cadreID) }
        let lhsPosition = lhs.positionID ?? ""
        let rhsPosition = rhs.positionID ?? ""
        if lhsPosition != rhsPosition { return idPrecedes(lhsPosition, rhsPosition) }
        return lhs.rule < rhs.rule
    }
}
