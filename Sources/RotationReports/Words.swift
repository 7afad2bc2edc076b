// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// Labels in the report's language: the seed's own terms in Chinese (中层正职, 差额, 考察对象, 拟任人选,
/// 组织调动, 面试成绩, 公示 …), plain English otherwise.
///
/// ```swift
/// Words(.zh).role("proposed")   // "拟任人选"
/// Words(.en).level("deputy")    // "deputy chief"
/// ```
/// A report part that speaks in its `words`' language.
protocol Worded {
    var words: Words { get }
}

extension Worded {
    /// The Chinese or the English text, by the report's language.
    func say(_ chinese: String, _ english: String) -> String { words.say(chinese, english) }
}

public struct Words: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public var zh: Bool { language == .zh }

    /// The Chinese or the English text.
    public func say(_ chinese: String, _ english: String) -> String { zh ? chinese : english }

    public func level(_ code: String) -> String {
        switch code {
        case "staff": return say("科员", "staff")
        case "deputy": return say("中层副职", "deputy chief")
        case "chief": return say("中层正职", "chief")
        default: return code
        }
    }

    public func gender(_ code: String) -> String {
        switch code {
        case "M": return say("男", "male")
        case "F": return say("女", "female")
        default: return code
        }
    }

    public func education(_ code: String) -> String {
        guard let education = Education.allCases.first(where: { $0.code == code }) else { return code }
        if zh { return education.chinese }
        return ["high school", "secondary vocational", "associate degree", "bachelor's degree", "master's degree", "doctorate"][education.rawValue]
    }

    public func unitKind(_ code: String) -> String {
        switch code {
        case "department": return say("区直部门", "district department")
        case "town": return say("镇（街道）", "town / street")
        default: return code
        }
    }

    /// A shortlist role: rank 1 is the proposed appointee, rank 2 the alternate of the competitive (差额) list.
    public func role(_ code: String) -> String {
        switch code {
        case "proposed": return say("拟任人选", "proposed")
        case "alternate": return say("差额考察对象", "alternate")
        default: return code
        }
    }

    public func phase(_ code: String) -> String {
        switch code {
        case "competition": return say("竞争上岗", "competition")
        case "transfer": return say("组织调动", "organizational transfer")
        default: return code
        }
    }

    public func verdict(_ code: String) -> String {
        switch code {
        case "fail": return say("不符合", "fail")
        case "flag": return say("提示", "flag")
        case "ok": return say("符合", "ok")
        default: return code
        }
    }

    /// The `ties` key that decided an order of equal scores.
    public func tieKey(_ code: String) -> String {
        switch code {
        case "evaluation_good_share": return say("任期测评“好”票比例", "share of “good” in the term evaluation")
        case "excellent_assessments": return say("近三年年度考核优秀次数", "excellent annual assessments")
        case "months_in_level": return say("任现职级时间（月）", "months in the current level")
        case "cadre_id": return say("人员编号（顺序）", "cadre id (in order)")
        default: return code
        }
    }

    public func status(_ code: String) -> String {
        switch code {
        case "optimal": return say("最优", "optimal")
        case "within_gap": return say("在允许误差内", "within the accepted gap")
        case "time_limit": return say("达到时间上限（非最优）", "time limit reached (not proven optimal)")
        case "infeasible": return say("组织调动要求无法满足", "transfer requirement infeasible")
        default: return code
        }
    }

    public func mode(_ code: String) -> String {
        switch code {
        case "competition": return say("竞争上岗（每人限报一个职位）", "competition (one application each)")
        case "preferences": return say("志愿模式（多志愿模拟）", "preferences (what-if, ranked choices)")
        default: return code
        }
    }

    public func stage(_ code: String) -> String {
        switch code {
        case "final": return say("面试后", "after interviews")
        case "pre-interview": return say("面试前（尚无面试成绩）", "before interviews (no scores yet)")
        default: return code
        }
    }

    public func yesNo(_ flag: Bool) -> String { flag ? say("是", "yes") : say("否", "no") }

    /// The rule's clause and one-line summary in this language.
    public func ruleSummary(_ rule: String) -> String {
        guard let id = RuleID(rawValue: rule) else { return "" }
        return zh ? id.chineseSummary : id.summary
    }

    public func ruleClause(_ rule: String) -> String { RuleID(rawValue: rule)?.clause ?? "" }

    /// `1966-04` → `1966.04`, the way a notice writes 出生年月.
    public func birthMonth(_ month: String) -> String {
        month.replacingOccurrences(of: "-", with: ".")
    }

    /// `2017-10` → `2017年10月` or `October 2017`.
    public func month(_ month: String) -> String {
        let parts = month.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]), (1...12).contains(number) else { return month }
        if zh { return "\(year)年\(number)月" }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                     "November", "December"]
        return "\(names[number - 1]) \(year)"
    }

    /// A count with its noun: `3 人` / `3 cadres`.
    public func count(_ number: Int, _ chineseUnit: String, _ englishSingular: String, _ englishPlural: String? = nil) -> String {
        if zh { return "\(number)\(chineseUnit)" }
        return "\(number) \(number == 1 ? englishSingular : (englishPlural ?? englishSingular + "s"))"
    }

    /// `王振宇（FH015）` / `王振宇 (FH015)`.
    public func person(_ name: String, _ id: String) -> String { zh ? "\(name)（\(id)）" : "\(name) (\(id))" }

    /// `text（note）` / `text (note)`.
    public func paren(_ text: String, _ note: String) -> String { zh ? "\(text)（\(note)）" : "\(text) (\(note))" }

    /// Joins list items: `、` in Chinese, `, ` in English.
    public func list(_ items: [String]) -> String { items.joined(separator: zh ? "、" : ", ") }
}
