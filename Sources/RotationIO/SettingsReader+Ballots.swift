// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

extension SettingsReader.Keys {
    /// `rules.ballots` (T-GOOD, T-REASON, T-MORAL): over_quota, missing_reason, moral_shares, moral_grades.
    ///
    /// ```yaml
    /// rules:
    ///   ballots:
    ///     over_quota: void_ballot        # void_ballot | void_column | flag
    ///     missing_reason: flag           # flag | void_line
    ///     moral_shares: {good: 1, fairly_good: 0.8, average: 0.6, poor: 0.4}
    ///     moral_grades: {good: 90, fairly_good: 80, average: 60}
    /// ```
    mutating func ballots(into settings: inout BallotSettings) {
        guard let node = mapping("ballots") else { return }
        var keys = SettingsReader.Keys(reader: reader, mapping: node, path: path + "ballots.")
        if let value = keys.string("over_quota") {
            if let policy = BallotSettings.OverQuota(rawValue: value) { settings.overQuota = policy } else {
                let codes = BallotSettings.OverQuota.allCases.map(\.rawValue)
                keys.fail("over_quota", .notChoice(value, zh: codes, en: codes))
            }
        }
        if let value = keys.string("missing_reason") {
            if let policy = BallotSettings.MissingReason(rawValue: value) { settings.missingReason = policy } else {
                let codes = BallotSettings.MissingReason.allCases.map(\.rawValue)
                keys.fail("missing_reason", .notChoice(value, zh: codes, en: codes))
            }
        }
        if let shares = keys.mapping("moral_shares") {
            var inner = SettingsReader.Keys(reader: keys.reader, mapping: shares, path: keys.path + "moral_shares.")
            for grade in MoralGrade.allCases {
                if let value = inner.fraction(grade.rawValue, within: 0...1) { settings.moralShares[grade] = value }
            }
            inner.finish()
            keys.reader = inner.reader
        }
        if let grades = keys.mapping("moral_grades") {
            var inner = SettingsReader.Keys(reader: keys.reader, mapping: grades, path: keys.path + "moral_grades.")
            // Each threshold lies within 0 and the one above it (好 ≥ 较好 ≥ 一般).
            var ceiling = Fraction(100)
            for grade in [MoralGrade.good, .fairlyGood, .average] {
                if let value = inner.fraction(grade.rawValue, within: 0...100) {
                    if ceiling < value {
                        inner.fail(grade.rawValue, .outside(value.decimalDescription, lower: "0", upper: ceiling.decimalDescription))
                    } else {
                        settings.moralGrades[grade] = value
                    }
                }
                ceiling = settings.moralGrades[grade] ?? ceiling
            }
            inner.finish()
            keys.reader = inner.reader
        }
        keys.finish()
        reader = keys.reader
    }
}
