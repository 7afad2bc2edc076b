// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// Writes a tally: evaluations.csv (the contract's columns, UTF-8 with BOM, formula-like texts guarded with `'`, Chinese headers and values
/// for `language: zh`) and tally.json (every ballot's verdict, every finding, per-cadre counts and scores).
///
/// ```swift
/// let csv = BallotWriter.evaluationsCSV(result, language: .zh)   // "\u{FEFF}人员编号,应参加人数,…"
/// let json = BallotWriter.tallyJSON(result).rendered()
/// ```
public enum BallotWriter {
    /// evaluations.csv, one row per cadre by id (T-COUNT). Without a performance form the counts are empty;
    /// without a moral form, `moral` is.
    public static func evaluationsCSV(_ result: TallyResult, language: Language) -> String {
        let zh = language == .zh
        let header = ScenarioLoader.evaluationColumns.map { zh ? $0.alias : $0.name }
        func yesNo(_ value: Bool) -> String { zh ? (value ? "是" : "否") : (value ? "yes" : "no") }
        let rows = result.cadres.map { cadre -> [String] in
            let counts = cadre.counts
            return [cadre.cadreID.rawValue, "\(cadre.due)", "\(cadre.tookPart)",
                    counts.map { "\($0.good)" } ?? "", counts.map { "\($0.fairlyGood)" } ?? "",
                    counts.map { "\($0.average)" } ?? "", counts.map { "\($0.poor)" } ?? "",
                    yesNo(cadre.confirmedPoor), cadre.moral.map { zh ? $0.chinese : $0.rawValue } ?? "", yesNo(cadre.moralConfirmed)]
        }
        // The one CSV writer: BOM, quoting, and formula-looking texts guarded with a leading '.
        return CSVWriter.render(header: header, numbers: Set(header[1...6]), rows: rows)
    }

    /// A moral score as a decimal when it terminates within 6 places (`87.85`), else as the exact fraction.
    public static func score(_ value: Fraction) -> String { value.decimalDescription }

    /// tally.json: settings, meetings, ballots, findings and cadres, in that order, byte for byte stable.
    public static func tallyJSON(_ result: TallyResult, minParticipation: Fraction) -> JSONValue {
        let settings = result.settings
        func fraction(_ value: Fraction) -> JSONValue { .string(value.description) }
        return .object([
            ("tool", .string(Tool.signature)),
            ("settings", .object([
                ("over_quota", .string(settings.overQuota.rawValue)),
                ("missing_reason", .string(settings.missingReason.rawValue)),
                ("moral_shares", .object(MoralGrade.allCases.map { ($0.rawValue, fraction(settings.share($0))) })),
                ("moral_grades", .object([MoralGrade.good, .fairlyGood, .average].compactMap { grade in
                    settings.moralGrades[grade].map { (grade.rawValue, fraction($0)) } })),
                ("min_participation", fraction(minParticipation)),
            ])),
            ("forms", .array([result.hasPerformance ? "performance" : nil, result.hasMoral ? "moral" : nil].compactMap { $0.map { .string($0) } })),
            ("meetings", .array(result.meetings.map { meeting in
                .object([("unit_id", .string(meeting.unitID.rawValue)), ("due", .integer(meeting.due)), ("took_part", .integer(meeting.tookPart)),
                         ("performance_ballots", .integer(meeting.performanceBallots)), ("void_ballots", .integer(meeting.voidBallots)),
                         ("moral_ballots", .integer(meeting.moralBallots)), ("reaches_min_participation", .bool(meeting.reachesMinimum))])
            })),
            ("ballots", .array(result.ballots.map { ballot in
                .object([("form", .string(ballot.form.rawValue)), ("ballot_id", .string(ballot.id)), ("unit_id", .string(ballot.unitID.rawValue)),
                         ("lines", .integer(ballot.lines)), ("verdict", .string(ballot.isVoid ? "void" : "counted")),
                         ("over_quota_columns", .array(ballot.overQuotaColumns.map { .string($0.rawValue) })),
                         ("at", .string(ballot.location.description))])
            })),
            ("findings", .array(result.findings.map { finding in
                var fields: [(String, JSONValue)] = [("rule", .string(finding.rule.rawValue)), ("effect", .string(finding.effect.rawValue)),
                                                     ("form", .string(finding.form.rawValue)), ("ballot_id", .string(finding.ballotID)),
                                                     ("unit_id", .string(finding.unitID.rawValue))]
                if let cadre = finding.cadreID { fields.append(("cadre_id", .string(cadre.rawValue))) }
                if let column = finding.column { fields.append(("column", .string(column))) }
                if let count = finding.count { fields.append((finding.rule == .tallyGood ? "good" : "poor", .integer(count))) }
                if let lines = finding.lines { fields.append(("lines", .integer(lines))) }
                fields.append(("at", .string(finding.location.description)))
                return .object(fields)
            })),
            ("cadres", .array(result.cadres.map { cadre in
                var fields: [(String, JSONValue)] = [("cadre_id", .string(cadre.cadreID.rawValue)), ("unit_id", .string(cadre.unitID.rawValue)),
                                                     ("due", .integer(cadre.due)), ("took_part", .integer(cadre.tookPart))]
                if let counts = cadre.counts {
                    fields += [("good", .integer(counts.good)), ("fairly_good", .integer(counts.fairlyGood)), ("average", .integer(counts.average)),
                               ("poor", .integer(counts.poor)), ("performance_lines", .integer(cadre.performanceLines)),
                               ("abstentions", .integer(cadre.abstentions)), ("spoiled", .integer(cadre.spoiled)), ("not_counted", .integer(cadre.notCounted))]
                }
                if result.hasMoral {
                    fields += [("moral_lines", .integer(cadre.moralLines)), ("moral_counted", .integer(cadre.moralCounted)),
                               ("moral_score", .optional(cadre.moralScore.map(score))), ("moral", .optional(cadre.moral?.rawValue))]
                }
                fields += [("confirmed_poor", .bool(cadre.confirmedPoor)), ("moral_confirmed", .bool(cadre.moralConfirmed))]
                return .object(fields)
            })),
        ])
    }
}
