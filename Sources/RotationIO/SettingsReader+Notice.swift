// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// `notice:` in scenario.yaml: what the public notice (公示) prints besides the run.
///
/// ```yaml
/// notice:
///   issuer: 中共宁波市奉化区委组织部
///   date: 2017-11-20
///   period: {start: 2017-11-20, end: 2017-11-26}
///   phone: 0574-88888888
///   address: 奉化区中山路1号
///   email: zzb@example.gov.cn
/// ```
/// Every item is optional; a bad date or a period that ends before it starts is a problem at its line.
extension SettingsReader {
    /// The keys `notice:` knows, for the unknown-key check.
    static let noticeKeys = ["issuer", "date", "period", "phone", "address", "email"]

    static func readNotice(_ keys: inout Keys, into scenario: inout Scenario) {
        guard let node = keys.mapping("notice") else { return }
        var notice = Keys(reader: keys.reader, mapping: node, path: "notice.")
        var settings = NoticeSettings()
        settings.issuer = notice.string("issuer")
        settings.date = notice.day("date")
        if let periodNode = notice.mapping("period") {
            var period = Keys(reader: notice.reader, mapping: periodNode, path: "notice.period.")
            settings.periodStart = period.day("start")
            settings.periodEnd = period.day("end")
            if let start = settings.periodStart, let end = settings.periodEnd, end < start {
                period.fail("end", .periodEndsBeforeStart(end: "\(end)", start: "\(start)"))
            }
            period.finish()
            notice.reader = period.reader
        }
        settings.phone = notice.string("phone")
        settings.address = notice.string("address")
        settings.email = notice.string("email")
        notice.finish()
        keys.reader = notice.reader
        scenario.notice = settings
    }
}

extension SettingsReader.Keys {
    /// A calendar day (`2017-11-20`, `2017年11月20日`).
    mutating func day(_ key: String) -> CalendarDay? {
        guard let text = scalar(key) else { return nil }
        if let value = Values.day(text) { return value }
        fail(key, .notADay(text))
        return nil
    }
}
