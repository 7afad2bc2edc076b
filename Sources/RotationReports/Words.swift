// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
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

    /// 科员, 中层副职, 中层正职 (the catalogue's names, as `explain` says them).
    public func level(_ level: Level) -> String { ExplainTexts.level(level)(language) }

    public func gender(_ gender: Gender) -> String {
        switch gender {
        case .male: return say("男", "male")
        case .female: return say("女", "female")
        }
    }

    public func education(_ education: Education) -> String {
        if zh { return education.chinese }
        return ["high school", "secondary vocational", "associate degree", "bachelor's degree", "master's degree", "doctorate"][education.rawValue]
    }

    public func unitKind(_ kind: UnitKind) -> String {
        switch kind {
        case .department: return say("区直部门", "district department")
        case .town: return say("镇（街道）", "town / street")
        }
    }

    /// A shortlist role: rank 1 is the proposed appointee, rank 2 the alternate of the competitive (差额) list.
    public func role(_ role: Plan.Role) -> String {
        switch role {
        case .proposed: return say("拟任人选", "proposed")
        case .alternate: return say("差额考察对象", "alternate")
        }
    }

    public func phase(_ phase: Plan.Phase) -> String {
        switch phase {
        case .competition: return say("竞争上岗", "competition")
        case .transfer: return say("组织调动", "organizational transfer")
        }
    }

    public func verdict(_ verdict: VerdictKind) -> String {
        switch verdict {
        case .fail: return say("不符合", "fail")
        case .flag: return say("提示", "flag")
        }
    }

    public func verdict(_ verdict: QuotaCheck.Record.Verdict) -> String {
        switch verdict {
        case .fail: return say("不符合", "fail")
        case .flag: return say("提示", "flag")
        case .ok: return say("符合", "ok")
        }
    }

    /// The `ties` key that decided an order of equal scores (the catalogue's name, as `explain` says it).
    public func tieKey(_ key: RuleSettings.TieKey) -> String { ExplainTexts.tieKey(key)(language) }

    public func status(_ status: RunStatus) -> String {
        LevelTexts.runStatus(status)(language)
    }

    public func mode(_ mode: Mode) -> String {
        switch mode {
        case .competition: return say("竞争上岗（每人限报一个职位）", "competition (one application each)")
        case .preferences: return say("志愿模式（多志愿模拟）", "preferences (what-if, ranked choices)")
        }
    }

    public func stage(_ stage: Adjudication.Stage) -> String {
        switch stage {
        case .final: return say("面试后", "after interviews")
        case .preInterview: return say("面试前（尚无面试成绩）", "before interviews (no scores yet)")
        }
    }

    public func yesNo(_ flag: Bool) -> String { flag ? say("是", "yes") : say("否", "no") }

    /// The rule's one-line summary in this language.
    public func ruleSummary(_ rule: RuleID) -> String { zh ? rule.chineseSummary : rule.summary }

    public func ruleClause(_ rule: RuleID) -> String { rule.clause }

    /// `1966-04` → `1966.04`, the way a notice writes 出生年月.
    public func birthMonth(_ month: YearMonth) -> String {
        month.description.replacingOccurrences(of: "-", with: ".")
    }

    /// `2017-10` → `2017年10月` or `October 2017`.
    public func month(_ month: YearMonth) -> String {
        if zh { return "\(month.year)年\(month.month)月" }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                     "November", "December"]
        return "\(names[month.month - 1]) \(month.year)"
    }

    /// A count with its noun: `3 人` / `3 cadres`.
    public func count(_ number: Int, _ chineseUnit: String, _ englishSingular: String, _ englishPlural: String? = nil) -> String {
        if zh { return "\(number)\(chineseUnit)" }
        return "\(number) \(number == 1 ? englishSingular : (englishPlural ?? englishSingular + "s"))"
    }

    /// `王振宇（FH015）` / `王振宇 (FH015)`.
    public func person(_ name: String, _ id: String) -> String { zh ? "\(name)（\(id)）" : "\(name) (\(id))" }
    public func person(_ name: String, _ id: CadreID) -> String { person(name, id.rawValue) }

    /// `text（note）` / `text (note)`.
    public func paren(_ text: String, _ note: String) -> String { zh ? "\(text)（\(note)）" : "\(text) (\(note))" }
    public func paren(_ text: String, _ id: PositionID) -> String { paren(text, id.rawValue) }

    /// Joins list items: `、` in Chinese, `, ` in English.
    public func list(_ items: [String]) -> String { items.joined(separator: zh ? "、" : ", ") }
}
