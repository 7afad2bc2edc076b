// SPDX-License-Identifier: GPL-3.0-or-later

/// A calendar day, as a public notice dates its period and its signature: `2017-11-20`.
///
/// ```swift
/// let day = CalendarDay(year: 2017, month: 11, day: 20)
/// day.description   // "2017-11-20"
/// ```
public struct CalendarDay: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    public var description: String {
        let pad: (Int) -> String = { $0 < 10 ? "0\($0)" : "\($0)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// What the public notice (公示) prints that the run cannot know: who issues it, when, for how long,
/// and where objections go (`notice:` in scenario.yaml). Every item is optional; a missing one prints
/// as a blank line to fill in by hand.
///
/// ```yaml
/// notice:
///   issuer: 中共宁波市奉化区委组织部
///   date: 2017-11-20
///   period: {start: 2017-11-20, end: 2017-11-26}
///   phone: 0574-88888888
/// ```
public struct NoticeSettings: Sendable, Equatable {
    /// 发布单位, the signature line.
    public var issuer: String?
    /// 发布日期.
    public var date: CalendarDay?
    /// 公示期: first and last day.
    public var periodStart: CalendarDay?
    public var periodEnd: CalendarDay?
    /// 受理电话.
    public var phone: String?
    /// 来信来访地址.
    public var address: String?
    /// 受理邮箱.
    public var email: String?

    public init(issuer: String? = nil, date: CalendarDay? = nil, periodStart: CalendarDay? = nil, periodEnd: CalendarDay? = nil,
                phone: String? = nil, address: String? = nil, email: String? = nil) {
        self.issuer = issuer; self.date = date; self.periodStart = periodStart; self.periodEnd = periodEnd
        self.phone = phone; self.address = address; self.email = email
    }

    /// No item set: the notice prints blanks everywhere.
    public var isEmpty: Bool { self == NoticeSettings() }
}
