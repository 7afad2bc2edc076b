// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import RotationIO

/// A run folder's result.json, read into typed values (scenario-format.md "A run is a folder").
///
/// ```swift
/// let run = try RunData.load(folder: URL(fileURLWithPath: "RUN/fenghua-2017"))
/// run.shortlist(of: "MZJ-03").map(\.cadreID)   // ["FH015", "FH060"]
/// ```
///
/// Scores are held in hundredths, as `solve` holds them, and written back with `scoreDecimals`
/// decimals; a transfer's score is its fit, always with 2 decimals.
public struct RunData: Sendable {
    public struct ObjectiveLevel: Sendable, Equatable {
        public var phase: String
        public var name: String
        public var value: Int
        public var bound: Int
        public var status: String
    }

    public struct Transfer: Sendable, Equatable {
        /// `solved`, `not_run` or `infeasible`.
        public var status: String
        public var reason: String?
        public var vacancies: Int?
        public var candidates: Int?
        public var placed: Int?
        public var rotationDuePlaced: Int?
    }

    public struct ShortlistEntry: Sendable, Equatable {
        public var positionID: String
        public var rank: Int
        public var cadreID: String
        public var scoreHundredths: Int
        /// `proposed` (拟任人选) or `alternate`.
        public var role: String
        public var note: String
        public var isProposed: Bool { role == "proposed" }
    }

    public struct Withdrawal: Sendable, Equatable {
        public var positionID: String
        public var rule: String
        public var detail: String
        /// `detail_zh` (the English detail in runs written before it existed).
        public var detailChinese: String = ""

        /// The detail in the report's language.
        public func detail(_ words: Words) -> String { words.zh && !detailChinese.isEmpty ? detailChinese : detail }
    }

    public struct Placement: Sendable, Equatable {
        public var cadreID: String
        public var fromUnitID: String
        public var positionID: String
        public var toUnitID: String
        /// `competition` or `transfer`.
        public var phase: String
        /// Interview score (competition) or fit (transfer), in hundredths.
        public var scoreHundredths: Int
        public var isTransfer: Bool { phase == "transfer" }
    }

    public struct Tie: Sendable, Equatable {
        public var positionID: String
        public var cadreID: String
        public var otherCadreID: String
        public var scoreHundredths: Int
        /// The `ties` key that decided: evaluation_good_share, excellent_assessments, months_in_level, cadre_id.
        public var key: String
        /// The two cadres' values of that key, from ties.csv when the run folder has it.
        public var cadreValue: String?
        public var otherValue: String?
    }

    public struct Verdict: Sendable, Equatable {
        public var cadreID: String
        public var positionID: String?
        public var rule: String
        /// `fail` or `flag`.
        public var verdict: String
        public var detail: String
        public var clause: String
        /// The detail in Chinese (`detail_zh`; the English detail in runs written before it existed).
        public var detailChinese: String = ""

        /// The detail in the report's language.
        public func detail(_ words: Words) -> String { words.zh && !detailChinese.isEmpty ? detailChinese : detail }
    }

    public struct RotationDue: Sendable, Equatable {
        public var cadreID: String
        public var rule: String
        public var months: Int?
        public var exempt: Bool
        public var monthsToRetirement: Int?
        public var reasons: [String]
    }

    public struct Unit: Sendable, Equatable {
        public var id: String
        public var name: String
        /// `department` or `town`.
        public var kind: String
        public var approvedPosts: Int
    }

    public struct Position: Sendable, Equatable {
        public var id: String
        public var unitID: String
        public var title: String
        /// `deputy` or `chief`.
        public var level: String
        public var section: String?
        public var offered: Bool
    }

    /// The fields of a cadre that result.json carries: nothing about assessments, evaluations or flags.
    public struct Cadre: Sendable, Equatable {
        public var id: String
        public var name: String
        /// `M` or `F`.
        public var gender: String
        /// `YYYY-MM`.
        public var birth: String
        public var education: String
        public var unitID: String
        public var level: String
        public var positionID: String?
    }

    public struct Quota: Sendable, Equatable {
        public var unitID: String
        public var approvedPosts: Int
        public var offered: Int
        public var rule: String
        public var verdict: String
        public var detail: String
    }

    public var scenario: String
    public var referenceDate: String
    public var mode: String
    public var language: Language
    public var scoreDecimals: Int
    /// `final` or `pre-interview`.
    public var stage: String
    public var status: String
    public var levels: [ObjectiveLevel]
    public var transfer: Transfer
    public var positionsAwaitingInterview: [String]
    public var shortlist: [ShortlistEntry]
    public var withdrawn: [Withdrawal]
    public var placements: [Placement]
    public var ties: [Tie]
    public var eligibility: [Verdict]
    public var rotationDue: [RotationDue]
    public var units: [Unit]
    public var positions: [Position]
    public var cadres: [Cadre]
    public var quota: [Quota]
    /// From audit.json's rules, when the run folder has it (result.json does not carry the rules).
    public var passMark: String?
    public var shortlistRatio: Int?

    // Look-ups by id.
    public private(set) var unitByID: [String: Unit] = [:]
    public private(set) var positionByID: [String: Position] = [:]
    public private(set) var cadreByID: [String: Cadre] = [:]

    /// Reads `folder/result.json` (and the deciding values of ties from `folder/ties.csv`, if there).
    public static func load(folder: URL) throws -> RunData {
        let file = folder.appendingPathComponent("result.json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ReportError("\(folder.path): not a run folder (no result.json); run `rotation solve SCENARIO --out \(folder.path)` first")
        }
        var run = try RunData(json: data, source: file.path)
        if let ties = FileManager.default.contents(atPath: folder.appendingPathComponent("ties.csv").path) {
            run.addTieValues(csv: String(decoding: ties, as: UTF8.self))
        }
        if let audit = FileManager.default.contents(atPath: folder.appendingPathComponent("audit.json").path) {
            run.addRules(auditJSON: audit)
        }
        return run
    }

    /// Parses result.json's bytes; `source` names the file in error messages.
    public init(json data: Data, source: String = "result.json") throws {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ReportError("\(source): not valid JSON (\(error.localizedDescription))")
        }
        let reader = JSONReader(source: source)
        let object = try reader.object(root, "result.json")
        scenario = try reader.string(object, "scenario")
        referenceDate = try reader.string(object, "reference_date")
        mode = try reader.string(object, "mode", default: "competition")
        language = Language(rawValue: try reader.string(object, "language", default: "zh")) ?? .zh
        scoreDecimals = try reader.int(object, "score_decimals", default: 2)
        stage = try reader.string(object, "stage", default: "final")
        status = try reader.string(object, "status", default: "optimal")
        let objective = try reader.object(object["objective"] ?? [String: Any](), "objective")
        levels = try reader.array(objective, "levels").map { item in
            let level = try reader.object(item, "objective.levels")
            return ObjectiveLevel(phase: try reader.string(level, "phase"), name: try reader.string(level, "name"),
                                  value: try reader.int(level, "value"), bound: try reader.int(level, "bound", default: 0),
                                  status: try reader.string(level, "status", default: ""))
        }
        let transferObject = try reader.object(object["transfer"] ?? ["status": "not_run"], "transfer")
        transfer = Transfer(status: try reader.string(transferObject, "status"), reason: try reader.optionalString(transferObject, "reason"),
                            vacancies: try reader.optionalInt(transferObject, "vacancies"),
                            candidates: try reader.optionalInt(transferObject, "candidates"),
                            placed: try reader.optionalInt(transferObject, "placed"),
                            rotationDuePlaced: try reader.optionalInt(transferObject, "rotation_due_placed"))
        positionsAwaitingInterview = try reader.array(object, "positions_awaiting_interview", required: false).map {
            try reader.string($0, "positions_awaiting_interview")
        }
        shortlist = try reader.array(object, "shortlist").map { item in
            let row = try reader.object(item, "shortlist")
            return ShortlistEntry(positionID: try reader.string(row, "position_id"), rank: try reader.int(row, "rank"),
                                  cadreID: try reader.string(row, "cadre_id"), scoreHundredths: try reader.hundredths(row, "score"),
                                  role: try reader.string(row, "role"), note: try reader.string(row, "note", default: ""))
        }
        withdrawn = try reader.array(object, "withdrawn").map { item in
            let row = try reader.object(item, "withdrawn")
            return Withdrawal(positionID: try reader.string(row, "position_id"), rule: try reader.string(row, "rule"),
                              detail: try reader.string(row, "detail", default: ""),
                              detailChinese: try reader.string(row, "detail_zh", default: ""))
        }
        placements = try reader.array(object, "placements").map { item in
            let row = try reader.object(item, "placements")
            return Placement(cadreID: try reader.string(row, "cadre_id"), fromUnitID: try reader.string(row, "from_unit_id"),
                             positionID: try reader.string(row, "position_id"), toUnitID: try reader.string(row, "to_unit_id"),
                             phase: try reader.string(row, "phase"), scoreHundredths: try reader.hundredths(row, "score"))
        }
        ties = try reader.array(object, "ties").map { item in
            let row = try reader.object(item, "ties")
            return Tie(positionID: try reader.string(row, "position_id"), cadreID: try reader.string(row, "cadre_id"),
                       otherCadreID: try reader.string(row, "other_cadre_id"), scoreHundredths: try reader.hundredths(row, "score"),
                       key: try reader.string(row, "key"))
        }
        eligibility = try reader.array(object, "eligibility").map { item in
            let row = try reader.object(item, "eligibility")
            return Verdict(cadreID: try reader.string(row, "cadre_id"), positionID: try reader.optionalString(row, "position_id"),
                           rule: try reader.string(row, "rule"), verdict: try reader.string(row, "verdict"),
                           detail: try reader.string(row, "detail", default: ""), clause: try reader.string(row, "clause", default: ""),
                           detailChinese: try reader.string(row, "detail_zh", default: ""))
        }
        rotationDue = try reader.array(object, "rotation_due").map { item in
            let row = try reader.object(item, "rotation_due")
            return RotationDue(cadreID: try reader.string(row, "cadre_id"), rule: try reader.string(row, "rule"),
                               months: try reader.optionalInt(row, "months"), exempt: try reader.bool(row, "exempt", default: false),
                               monthsToRetirement: try reader.optionalInt(row, "months_to_retirement"),
                               reasons: try reader.array(row, "reasons", required: false).map { try reader.string($0, "reasons") })
        }
        units = try reader.array(object, "units").map { item in
            let row = try reader.object(item, "units")
            return Unit(id: try reader.string(row, "unit_id"), name: try reader.string(row, "name"),
                        kind: try reader.string(row, "kind", default: "department"), approvedPosts: try reader.int(row, "approved_posts", default: 0))
        }
        positions = try reader.array(object, "positions").map { item in
            let row = try reader.object(item, "positions")
            return Position(id: try reader.string(row, "position_id"), unitID: try reader.string(row, "unit_id"),
                            title: try reader.string(row, "title"), level: try reader.string(row, "level"),
                            section: try reader.optionalString(row, "section"), offered: try reader.bool(row, "offered", default: false))
        }
        cadres = try reader.array(object, "cadres").map { item in
            let row = try reader.object(item, "cadres")
            return Cadre(id: try reader.string(row, "cadre_id"), name: try reader.string(row, "name"),
                         gender: try reader.string(row, "gender", default: ""), birth: try reader.string(row, "birth", default: ""),
                         education: try reader.string(row, "education", default: ""), unitID: try reader.string(row, "unit_id"),
                         level: try reader.string(row, "level", default: ""), positionID: try reader.optionalString(row, "position_id"))
        }
        quota = try reader.array(object, "quota").map { item in
            let row = try reader.object(item, "quota")
            return Quota(unitID: try reader.string(row, "unit_id"), approvedPosts: try reader.int(row, "approved_posts", default: 0),
                         offered: try reader.int(row, "offered", default: 0), rule: try reader.string(row, "rule"),
                         verdict: try reader.string(row, "verdict"), detail: try reader.string(row, "detail", default: ""))
        }
        reindex()
    }

    mutating func reindex() {
        unitByID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        positionByID = Dictionary(positions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        cadreByID = Dictionary(cadres.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads the pass mark and the shortlist ratio from audit.json's `rules`.
    mutating func addRules(auditJSON data: Data) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let rules = root["rules"] as? [String: Any] else { return }
        if let mark = rules["pass_mark"] as? String { passMark = mark }
        else if let mark = rules["pass_mark"] as? NSNumber { passMark = mark.stringValue }
        if let ratio = rules["shortlist_ratio"] as? NSNumber { shortlistRatio = ratio.intValue }
    }

    /// Adds the `cadre_value`/`other_value` columns of ties.csv to the ties.
    mutating func addTieValues(csv text: String) {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard let table = try? CSVParser.parse(body),
              let position = table.header.firstIndex(of: "position_id"), let cadre = table.header.firstIndex(of: "cadre_id"),
              let other = table.header.firstIndex(of: "other_cadre_id"), let cadreValue = table.header.firstIndex(of: "cadre_value"),
              let otherValue = table.header.firstIndex(of: "other_value") else { return }
        var values: [String: (String, String)] = [:]
        for record in table.records where record.fields.count > max(position, cadre, other, cadreValue, otherValue) {
            let fields = record.fields
            values["\(fields[position])\u{1}\(fields[cadre])\u{1}\(fields[other])"] = (fields[cadreValue], fields[otherValue])
        }
        for offset in ties.indices {
            let tie = ties[offset]
            if let found = values["\(tie.positionID)\u{1}\(tie.cadreID)\u{1}\(tie.otherCadreID)"] {
                ties[offset].cadreValue = found.0
                ties[offset].otherValue = found.1
            }
        }
    }

    // MARK: Derived values

    /// A score in hundredths with the run's decimals.
    public func score(_ hundredths: Int) -> String { Hundredths.format(hundredths, decimals: scoreDecimals) }

    /// A placement's score: the interview score, or the fit (2 decimals) of a transfer.
    public func score(of placement: Placement) -> String {
        placement.isTransfer ? Hundredths.format(placement.scoreHundredths, decimals: 2) : score(placement.scoreHundredths)
    }

    /// The shortlist of one position, by rank.
    public func shortlist(of positionID: String) -> [ShortlistEntry] {
        shortlist.filter { $0.positionID == positionID }.sorted { $0.rank < $1.rank }
    }

    /// Position ids that have a shortlist, in id order.
    public var competedPositionIDs: [String] {
        var seen = Set<String>()
        return shortlist.map(\.positionID).filter { seen.insert($0).inserted }.sorted(by: idPrecedes)
    }

    /// Offered position ids, in id order.
    public var offeredPositionIDs: [String] { positions.filter(\.offered).map(\.id).sorted(by: idPrecedes) }

    public func objectiveValue(phase: String, name: String) -> Int? {
        levels.first { $0.phase == phase && $0.name == name }?.value
    }

    public func unitName(_ id: String) -> String { unitByID[id]?.name ?? id }
    public func cadreName(_ id: String) -> String { cadreByID[id]?.name ?? id }
    public func positionTitle(_ id: String) -> String { positionByID[id]?.title ?? id }
}

/// A problem with a report's input (a folder that is not a run, unreadable JSON, a failed solve).
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Typed access to JSONSerialization's output, with messages that name the file and the key.
struct JSONReader {
    let source: String

    func fail(_ key: String, _ what: String) -> ReportError {
        ReportError("\(source): \(key): \(what)")
    }

    func object(_ value: Any, _ key: String) throws -> [String: Any] {
        guard let object = value as? [String: Any] else { throw fail(key, "expected an object") }
        return object
    }

    func array(_ object: [String: Any], _ key: String, required: Bool = true) throws -> [Any] {
        guard let value = object[key], !(value is NSNull) else {
            if required { throw fail(key, "missing") }
            return []
        }
        guard let array = value as? [Any] else { throw fail(key, "expected an array") }
        return array
    }

    func string(_ value: Any, _ key: String) throws -> String {
        guard let text = value as? String else { throw fail(key, "expected text") }
        return text
    }

    func string(_ object: [String: Any], _ key: String, default fallback: String? = nil) throws -> String {
        guard let value = object[key], !(value is NSNull) else {
            if let fallback { return fallback }
            throw fail(key, "missing")
        }
        guard let text = value as? String else { throw fail(key, "expected text") }
        return text
    }

    func optionalString(_ object: [String: Any], _ key: String) throws -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw fail(key, "expected text or null") }
        return text
    }

    func number(_ value: Any) -> Double? {
        // (On Linux a JSON 1 also casts to Bool, so booleans are not told apart here.)
        if let number = value as? NSNumber { return number.doubleValue }
        if let number = value as? Double { return number }
        if let number = value as? Int { return Double(number) }
        return nil
    }

    func int(_ object: [String: Any], _ key: String, default fallback: Int? = nil) throws -> Int {
        guard let value = object[key], !(value is NSNull) else {
            if let fallback { return fallback }
            throw fail(key, "missing")
        }
        guard let number = number(value), number == number.rounded() else { throw fail(key, "expected a whole number") }
        return Int(number)
    }

    func optionalInt(_ object: [String: Any], _ key: String) throws -> Int? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let number = number(value), number == number.rounded() else { throw fail(key, "expected a whole number or null") }
        return Int(number)
    }

    /// A score such as 85.33, held as 8533 hundredths.
    func hundredths(_ object: [String: Any], _ key: String) throws -> Int {
        guard let value = object[key], let number = number(value) else { throw fail(key, "expected a number") }
        return Int((number * 100).rounded())
    }

    func bool(_ object: [String: Any], _ key: String, default fallback: Bool) throws -> Bool {
        guard let value = object[key], !(value is NSNull) else { return fallback }
        if let flag = value as? Bool { return flag }
        throw fail(key, "expected true or false")
    }
}
