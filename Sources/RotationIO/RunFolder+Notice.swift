// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// result.json's `notice` member: the scenario's `notice:` settings, so that `export --format notice`
/// of a run folder prints the issuer, the 公示期 and the contact the scenario gave.
///
/// ```json
/// "notice": {"issuer": "中共宁波市奉化区委组织部", "date": "2017-11-20",
///            "period": {"start": "2017-11-20", "end": "2017-11-26"}, "phone": "0574-88888888"}
/// ```
/// Written only when the scenario set at least one item; absent means every item blank.
extension RunFolderWriter {
    func noticeJSON() -> JSONValue? {
        let notice = run.notice
        guard !notice.isEmpty else { return nil }
        var members: [(String, JSONValue)] = []
        if let issuer = notice.issuer { members.append(("issuer", .string(issuer))) }
        if let date = notice.date { members.append(("date", .string(date.description))) }
        if notice.periodStart != nil || notice.periodEnd != nil {
            var period: [(String, JSONValue)] = []
            if let start = notice.periodStart { period.append(("start", .string(start.description))) }
            if let end = notice.periodEnd { period.append(("end", .string(end.description))) }
            members.append(("period", .object(period)))
        }
        if let phone = notice.phone { members.append(("phone", .string(phone))) }
        if let address = notice.address { members.append(("address", .string(address))) }
        if let email = notice.email { members.append(("email", .string(email))) }
        return .object(members)
    }
}

extension RunReader {
    /// The `notice` member of result.json (absent: every item blank).
    func notice() throws -> NoticeSettings {
        guard let field = result.member("notice") else { return NoticeSettings() }
        func day(_ field: JSONField?) throws -> CalendarDay? {
            guard let field else { return nil }
            let text = try field.text
            guard let value = Values.day(text) else { throw field.failure(.expectedDay(text)) }
            return value
        }
        let period = field.member("period")
        return NoticeSettings(issuer: try field.optionalText("issuer"), date: try day(field.member("date")),
                              periodStart: try day(period?.member("start")), periodEnd: try day(period?.member("end")),
                              phone: try field.optionalText("phone"), address: try field.optionalText("address"),
                              email: try field.optionalText("email"))
    }
}

extension Values {
    /// A calendar day: `2017-11-20`, `2017/11/20`, `2017.11.20` or `2017年11月20日`; nil when not a real day.
    ///
    /// ```swift
    /// Values.day("2017年11月20日")   // 2017-11-20
    /// Values.day("2017-02-30")       // nil
    /// ```
    public static func day(_ text: String) -> CalendarDay? {
        var body = text.trimmingSpaces
        guard body.hasSuffix("日") else { return dayParts(body) }
        body.removeLast()
        return dayParts(body.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-"))
    }

    private static func dayParts(_ text: String) -> CalendarDay? {
        let parts = text.split(omittingEmptySubsequences: false) { "-./".contains($0) }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
              (1...daysIn(YearMonth(year: year, month: month))).contains(day) else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }
}
