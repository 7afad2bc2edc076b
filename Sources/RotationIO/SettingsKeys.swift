// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// The one table of the keys scenario.yaml may hold, section by section.
///
/// A key not in its section's list (nor read by the reader) is an input problem that names the
/// nearest known key (`pass_mrak: 未知设置，是否应为 pass_mark？`), or the section a known key
/// belongs to (`pass_mark` written at the top level belongs under `rules:`).
///
/// **To add a setting**: read it in the reader (`keys.integer("my_key", …)`), and add its key to
/// its section below — one line per section; a new section (`notice:`) adds its name to the top
/// level `""` and a line of its own (`"notice."`). Sections are the dotted path of a nested mapping.
///
/// ```swift
/// SettingsKeys.unknown("pass_mrak", in: "rules.", read: [])   // .unknownKey(suggestion: "pass_mark")
/// ```
public enum SettingsKeys {
    /// Known keys by section path (`""` the top level, `"rules."`, `"rules.judges."` …).
    public static let known: [(section: String, keys: [String])] = [
        ("", ["name", "reference_date", "encoding", "mode", "max_preferences", "language", "rules", "transfer", "solver", "notice"]),
        ("rules.", ["term_years", "retirement_age", "min_education", "months_staff_before_deputy", "months_deputy_before_chief",
                    "months_town_before_department", "assessment_years", "training", "pass_mark", "judges", "aggregate",
                    "score_decimals", "shortlist_ratio", "min_applicants", "short_shortlist", "ties", "rotation", "quota",
                    "evaluation", "ballots"]),
        ("rules.retirement_age.", ["male", "female"]),
        ("rules.judges.", ["min", "max"]),
        ("rules.rotation.", ["same_position_months", "same_section_years", "exempt_months_before_retirement"]),
        ("rules.quota.", ["posts_threshold", "small_unit_offers", "large_unit_min_offers"]),
        ("rules.evaluation.", ["min_participation", "poor_share", "average_poor_share"]),
        ("rules.ballots.", ["over_quota", "missing_reason", "moral_shares", "moral_grades"]),
        ("rules.ballots.moral_shares.", ["good", "fairly_good", "average", "poor"]),
        ("rules.ballots.moral_grades.", ["good", "fairly_good", "average"]),
        ("transfer.", ["enabled", "same_level_only", "place_all_due", "max_per_unit_pair"]),
        ("solver.", ["time_limit_seconds", "mip_gap"]),
        ("notice.", ["issuer", "date", "period", "phone", "address", "email"]),
        ("notice.period.", ["start", "end"]),
    ]

    /// The known keys of a section.
    public static func keys(of section: String) -> [String] {
        known.filter { $0.section == section }.flatMap(\.keys)
    }

    /// The message for an unknown `key` in `section`; `read` are the keys the reader asked for there.
    static func unknown(_ key: String, in section: String, read: Set<String>) -> InputTexts {
        var candidates = keys(of: section)
        for extra in read.sorted() where !candidates.contains(extra) { candidates.append(extra) }
        if let nearest = nearest(to: key, among: candidates) { return .unknownKey(suggestion: nearest) }
        if let home = known.first(where: { $0.section != section && $0.keys.contains(key) && !$0.section.isEmpty }) {
            return .keyInOtherSection(section: String(home.section.dropLast()))
        }
        return .unknownKey(suggestion: nil)
    }

    /// The candidate closest to `key` in edit distance (ignoring case, `-` for `_`), when close enough
    /// to be a slip: at most 1 edit for keys up to 4 letters, 2 up to 8, else 3. Ties: the earlier candidate.
    ///
    /// - Complexity: O(k · n · m) for k candidates of length m and a key of length n.
    static func nearest(to key: String, among candidates: [String]) -> String? {
        let normal = { (text: String) in Array(text.lowercased().replacingOccurrences(of: "-", with: "_")) }
        let target = normal(key)
        let allowed = target.count <= 4 ? 1 : (target.count <= 8 ? 2 : 3)
        var best: (key: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, normal(candidate))
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.key
    }

    /// Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
