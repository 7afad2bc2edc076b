// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// Parsers for the contract's value formats: booleans, months, codes with Chinese aliases.
///
/// ```swift
/// Values.month("2017年10月")   // YearMonth(2017, 10)
/// Values.bool("是")            // true
/// ```
public enum Values {
    /// `yes/no`, `true/false`, `1/0`, `是/否`, `y/n`, any case.
    public static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "true", "1", "是", "y": return true
        case "no", "false", "0", "否", "n": return false
        default: return nil
        }
    }

    /// `YYYY-MM`, `YYYY-MM-DD`, `YYYY.MM`, `YYYY/MM`, `YYYY年MM月` (day checked, then ignored).
    public static func month(_ text: String) -> YearMonth? {
        guard case .success(let value) = parseMonth(text) else { return nil }
        return value
    }

    /// Why a month was not read.
    enum MonthProblem: Error, Equatable {
        case malformed
        /// A day the month does not have (`2017-02-31`): the month, and how many days it has.
        case dayOutOfRange(YearMonth, days: Int)
    }

    /// Like `month(_:)`, telling a malformed text from a day the month does not have.
    ///
    /// ```swift
    /// Values.parseMonth("2017-02-31")   // .failure(.dayOutOfRange(2017-02, days: 28))
    /// ```
    static func parseMonth(_ text: String) -> Result<YearMonth, MonthProblem> {
        var body = text
        if body.hasSuffix("日") {
            guard let monthEnd = body.firstIndex(of: "月") else { return .failure(.malformed) }
            let day = body[body.index(after: monthEnd)...].dropLast()
            body = String(body[..<monthEnd]) + "-" + day
        }
        if body.hasSuffix("月") { body.removeLast() }
        let parts = body.split(omittingEmptySubsequences: false) { "-./年".contains($0) }
        guard parts.count == 2 || parts.count == 3,
              parts[0].count == 4, (1...2).contains(parts[1].count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return .failure(.malformed) }
        let value = YearMonth(year: year, month: month)
        if parts.count == 3 {
            guard parts[2].count <= 2, let day = Int(parts[2]) else { return .failure(.malformed) }
            let days = daysIn(value)
            guard (1...days).contains(day) else { return .failure(.dayOutOfRange(value, days: days)) }
        }
        return .success(value)
    }

    /// Days in a month of the Gregorian calendar.
    static func daysIn(_ month: YearMonth) -> Int {
        switch month.month {
        case 2:
            let leap = month.year % 4 == 0 && (month.year % 100 != 0 || month.year % 400 == 0)
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The most digits of a whole number: 12 (below 10^12, so sums and 12·n of such numbers fit easily in Int).
    public static let maxIntegerDigits = 12

    /// A whole number (ASCII digits, optional sign).
    public static func integer(_ text: String) -> Int? {
        guard case .success(let value) = parseInteger(text) else { return nil }
        return value
    }

    /// Like `integer(_:)`, telling a malformed text from one with more than `maxIntegerDigits` digits.
    static func parseInteger(_ text: String) -> Result<Int, NumberProblem> {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.malformed) }
        guard digits.drop(while: { $0 == "0" }).count <= maxIntegerDigits, let value = Int(text) else { return .failure(.tooManyDigits) }
        return .success(value)
    }

    /// A decimal or exact fraction (`0.2`, `1/3`, `4/5`, `60`).
    public static func fraction(_ text: String) -> Fraction? {
        guard case .success(let value) = Fraction.parse(text) else { return nil }
        return value
    }

    static func lookup<T>(_ text: String, _ table: [(T, [String])]) -> T? {
        let key = text.lowercased()
        for (value, names) in table where names.contains(where: { $0.lowercased() == key }) { return value }
        return nil
    }

    public static let genderNames: [(Gender, [String])] = [(.male, ["M", "male", "男"]), (.female, ["F", "female", "女"])]
    public static let unitKindNames: [(UnitKind, [String])] = [
        (.department, ["department", "区直部门", "部门", "区直"]),
        (.town, ["town", "镇（街道）", "镇街道", "镇(街道)", "镇", "街道", "street"]),
    ]
    public static let levelNames: [(Level, [String])] = [
        (.staff, ["staff", "科员"]), (.deputy, ["deputy", "中层副职", "副职"]), (.chief, ["chief", "中层正职", "正职"]),
    ]
    public static let educationNames: [(Education, [String])] = [
        (.highSchool, ["high_school", "高中"]), (.secondary, ["secondary", "中专"]),
        (.associate, ["associate", "大专", "大学专科", "专科"]), (.bachelor, ["bachelor", "本科", "大学本科"]),
        (.master, ["master", "硕士", "硕士研究生"]), (.doctor, ["doctor", "博士", "博士研究生"]),
    ]
    public static let identityNames: [(Identity, [String])] = [
        (.civilServant, ["civil_servant", "公务员"]), (.referenceManaged, ["reference_managed", "参公", "参照公务员法管理"]),
        (.publicInstitution, ["public_institution", "事业", "事业人员"]), (.enterprise, ["enterprise", "企业", "企业人员"]),
        (.worker, ["worker", "工勤", "工勤人员"]),
    ]
    public static let trainingNames: [(TrainingStatus, [String])] = [
        (.met, ["met", "已达标", "达标"]), (.pending, ["pending", "未达标可补训"]), (.unmet, ["unmet", "未达标"]),
    ]
    public static let gradeNames: [(AssessmentGrade, [String])] = [
        (.excellent, ["excellent", "优秀"]), (.competent, ["competent", "称职"]),
        (.basicallyCompetent, ["basically_competent", "基本称职"]), (.incompetent, ["incompetent", "不称职"]),
        (.ungraded, ["ungraded", "不定等次"]),
    ]
    public static let moralNames: [(MoralGrade, [String])] = [
        (.good, ["good", "好"]), (.fairlyGood, ["fairly_good", "较好"]), (.average, ["average", "一般"]), (.poor, ["poor", "较差"]),
    ]

    /// The accepted spellings of a code table, for English messages: `staff (科员)`, `deputy (中层副职)`.
    static func describe<T>(_ table: [(T, [String])]) -> [String] {
        table.map { entry in
            let code = entry.1[0]
            guard let chinese = entry.1.first(where: { $0.unicodeScalars.contains { $0.value >= 0x3400 } }) else { return code }
            return "\(code) (\(chinese))"
        }
    }

    /// The Chinese name of each value of a code table, for Chinese messages: `男`, `女`.
    static func chineseNames<T>(_ table: [(T, [String])]) -> [String] {
        table.map { entry in entry.1.first(where: { $0.unicodeScalars.contains { $0.value >= 0x3400 } }) ?? entry.1[0] }
    }

    /// Splits a list field on `;`, `；` and `、` (`、` only between values: see `list(_:table:)` for codes whose name holds one).
    static func list(_ text: String) -> [String] {
        text.split { ";；、".contains($0) }.map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}

/// The messages about values, each built in this one place (file, line and column are added by the reader).
enum ValueMessage {
    /// A number that is not one; `kind` says what is expected, `bound` how many digits it may have.
    static func number(_ text: String, _ problem: NumberProblem, kind: InputTexts.NumberKind, bound: Int = ExactDecimal.maxDigits) -> InputTexts {
        switch problem {
        case .malformed: return .notNumber(text, kind: kind)
        case .tooManyDigits: return .tooManyDigits(text, bound: bound)
        case .zeroDenominator: return .dividesByZero(text)
        case .fractionTooFine: return .fractionTooFine(text, bound: ExactDecimal.maxDigits)
        }
    }

    /// A value below its minimum.
    static func below(_ text: String, _ minimum: String) -> InputTexts { .below(text, minimum: minimum) }

    /// A value outside its allowed range.
    static func outside(_ text: String, _ lower: String, _ upper: String) -> InputTexts { .outside(text, lower: lower, upper: upper) }

    /// A month that cannot be read; `hint` chooses the accepted forms shown.
    static func month(_ text: String, _ problem: Values.MonthProblem, hint: InputTexts.MonthHint) -> InputTexts {
        switch problem {
        case .malformed: return .notMonth(text, hint: hint)
        case .dayOutOfRange(let month, let days): return .notADate(text, month: "\(month)", days: days)
        }
    }

    /// A date that lies after the scenario's reference date (a birth, a start in a post).
    static func afterReference(_ value: YearMonth, _ reference: YearMonth) -> InputTexts {
        .afterReference("\(value)", reference: "\(reference)")
    }

    /// A year after the reference year (assessments.csv).
    static func yearAfterReference(_ year: Int, _ reference: YearMonth) -> InputTexts {
        .yearAfterReference(year, referenceYear: reference.year)
    }

    /// A listed year outside 1900…the reference year (scenario.yaml assessment_years).
    static func notAYear(_ text: String, _ reference: YearMonth) -> InputTexts { .notAYear(text, referenceYear: reference.year) }

    /// A setting not among the choices of its table (scenario.yaml): their Chinese names, or their codes.
    static func notChoice<T>(_ text: String, _ table: [(T, [String])]) -> InputTexts {
        .notChoice(text, zh: Values.chineseNames(table), en: table.map { $0.1[0] })
    }

    /// A code not in its table, with the table's values in each language; `list` for `;`-separated fields.
    static func notOneOf<T>(_ text: String, _ table: [(T, [String])], list: Bool = false) -> InputTexts {
        .notOneOf(text, zh: Values.chineseNames(table), en: Values.describe(table), list: list)
    }
}

extension String {
    /// Without leading and trailing white space (ASCII and ideographic).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
