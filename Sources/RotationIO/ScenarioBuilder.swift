// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// Turns the CSV files of a scenario into records and checks every cross-file reference.
struct ScenarioBuilder {
    var scenario: Scenario
    let encoding: TextEncoding?
    /// The reference date of scenario.yaml; nil when it could not be read (no date checks then).
    let reference: YearMonth?
    private(set) var problems: [InputProblem] = []

    /// Line of each record, for cross-file messages.
    private var unitLines: [UnitID: Int] = [:]
    private var positionLines: [PositionID: Int] = [:]
    private var cadreLines: [CadreID: Int] = [:]

    /// `scenario`: the settings read from scenario.yaml, or nil when they could not be read.
    init(scenario: Scenario?, encoding: TextEncoding?) {
        self.scenario = scenario ?? Scenario(name: "", referenceDate: YearMonth(year: 2000, month: 1))
        self.encoding = encoding
        self.reference = scenario?.referenceDate
    }

    mutating func read(_ files: [String: [UInt8]]) {
        if let bytes = files[ScenarioFiles.units] { readUnits(bytes) }
        if let bytes = files[ScenarioFiles.positions] { readPositions(bytes) }
        if let bytes = files[ScenarioFiles.cadres] { readCadres(bytes) }
        checkHolders()
        if let bytes = files[ScenarioFiles.assessments] { readAssessments(bytes) }
        if let bytes = files[ScenarioFiles.applications] { readApplications(bytes) }
        if let bytes = files[ScenarioFiles.interviews] { readInterviews(bytes) } else { scenario.interviews = nil }
        if let bytes = files[ScenarioFiles.evaluations] { readEvaluations(bytes) }
        if let bytes = files[ScenarioFiles.transferFit] {
            // The plain case at disk speed; anything unusual is read (and reported) the general way.
            if let fits = TransferFitFastPath.read(bytes, isCadre: { cadreLines[$0] != nil }, isPosition: { positionLines[$0] != nil }) {
                scenario.transferFits += fits
            } else {
                readTransferFits(bytes)
            }
        }
    }

    private mutating func table(_ file: String, _ bytes: [UInt8], _ columns: [ColumnSpec]) -> TableReader {
        TableReader(file: file, bytes: bytes, encoding: encoding, columns: columns)
    }

    private mutating func finish(_ reader: TableReader) { problems += reader.problems }

    private mutating func problem(_ file: String, _ line: Int, _ column: String, _ message: String) {
        problems.append(InputProblem(file: file, line: line, column: column, message: message))
    }

    /// Records a unique id in `lines`; returns the duplicate problem (with the line of the first) instead.
    private static func unique<ID: Hashable & CustomStringConvertible>(_ id: ID, line: Int, in lines: inout [ID: Int], file: String, column: String) -> InputProblem? {
        if let first = lines[id] {
            return InputProblem(file: file, line: line, column: column, message: "duplicate id \"\(id)\" (first on line \(first))")
        }
        lines[id] = line
        return nil
    }

    // MARK: units.csv

    private mutating func readUnits(_ bytes: [UInt8]) {
        let file = ScenarioFiles.units
        var reader = table(file, bytes, ScenarioLoader.unitColumns)
        for row in reader.rows {
            let id = reader.text(row, "unit_id", required: true).map { UnitID(rawValue: $0) }
            let name = reader.text(row, "name", required: true)
            let kind = reader.code(row, "kind", Values.unitKindNames, required: true)
            let posts = reader.integer(row, "approved_posts", required: true, minimum: 0)
            guard let id, let name, let kind, let posts else { continue }
            if let duplicate = ScenarioBuilder.unique(id, line: row.line, in: &unitLines, file: file, column: "unit_id") {
                problems.append(duplicate)
                continue
            }
            scenario.units.append(Unit(id: id, name: name, kind: kind, approvedPosts: posts))
        }
        finish(reader)
    }

    // MARK: positions.csv

    private mutating func readPositions(_ bytes: [UInt8]) {
        let file = ScenarioFiles.positions
        var reader = table(file, bytes, ScenarioLoader.positionColumns)
        for row in reader.rows {
            let id = reader.text(row, "position_id", required: true).map { PositionID(rawValue: $0) }
            let unitID = reader.text(row, "unit_id", required: true).map { UnitID(rawValue: $0) }
            let title = reader.text(row, "title", required: true)
            let level = reader.code(row, "level", Values.levelNames, required: true)
            let offered = reader.bool(row, "offered", default: true)
            let dismissed = reader.bool(row, "vacated_by_dismissal", default: false)
            let holder = reader.text(row, "holder_id").map { CadreID(rawValue: $0) }
            var identities: [Identity] = [.civilServant, .referenceManaged]
            if let text = reader.text(row, "identities") {
                var parsed: [Identity] = []
                for item in Values.list(text) {
                    if let identity = Values.lookup(item, Values.identityNames) {
                        if !parsed.contains(identity) { parsed.append(identity) }
                    } else {
                        reader.fail(row, "identities", "\"\(item)\" is not one of: \(Values.describe(Values.identityNames)) (separate several with ;)")
                    }
                }
                if !parsed.isEmpty { identities = parsed }
            }
            let education = reader.code(row, "min_education", Values.educationNames)
            if let level, level == .staff {
                reader.fail(row, "level", "a position is deputy (中层副职) or chief (中层正职), not staff")
                continue
            }
            if let unitID, unitLines[unitID] == nil {
                reader.fail(row, "unit_id", "unknown unit \"\(unitID)\" (not in units.csv)")
            }
            guard let id, let unitID, let title, let level else { continue }
            if let duplicate = ScenarioBuilder.unique(id, line: row.line, in: &positionLines, file: file, column: "position_id") {
                problems.append(duplicate)
                continue
            }
            scenario.positions.append(Position(id: id, unitID: unitID, title: title, level: level,
                                               section: reader.text(row, "section"), offered: offered,
                                               vacatedByDismissal: dismissed, holderID: holder,
                                               identities: identities, minEducation: education))
        }
        finish(reader)
    }

    // MARK: cadres.csv

    private mutating func readCadres(_ bytes: [UInt8]) {
        let file = ScenarioFiles.cadres
        var reader = table(file, bytes, ScenarioLoader.cadreColumns)
        for row in reader.rows {
            let id = reader.text(row, "cadre_id", required: true).map { CadreID(rawValue: $0) }
            let name = reader.text(row, "name", required: true)
            let gender = reader.code(row, "gender", Values.genderNames, required: true)
            let birth = reader.month(row, "birth", required: true, notAfter: reference)
            let unitID = reader.text(row, "unit_id", required: true).map { UnitID(rawValue: $0) }
            let level = reader.code(row, "level", Values.levelNames, required: true)
            let levelSince = reader.month(row, "level_since", required: true, notAfter: reference)
            let positionID = reader.text(row, "position_id").map { PositionID(rawValue: $0) }
            let positionSince = reader.month(row, "position_since", notAfter: reference)
            let sectionYears = reader.decimal(row, "section_years", minimum: 0)?.fraction ?? 0
            let education = reader.code(row, "education", Values.educationNames, required: true)
            let identity = reader.code(row, "identity", Values.identityNames, required: true)
            let identityApproved = reader.bool(row, "identity_approved", default: false)
            let training = reader.code(row, "training", Values.trainingNames, required: true)
            let health = reader.bool(row, "health_ok", default: true)
            let townRecruited = reader.month(row, "town_recruited", notAfter: reference)
            let exceptional = reader.bool(row, "exceptional_approved", default: false)
            let accepts = reader.bool(row, "accepts_transfer", default: false)
            let retirementAge = reader.integer(row, "retirement_age", minimum: 1)
            var flags: [CadreFlag] = []
            if let text = reader.text(row, "flags") {
                for item in Values.list(text) {
                    if let flag = Values.lookup(item, Values.flagNames) { flags.append(flag) } else {
                        reader.fail(row, "flags", "\"\(item)\" is not one of: " + CadreFlag.allCases.map(\.rawValue).joined(separator: ", ") + " (separate several with ;)")
                    }
                }
            }
            if let unitID, unitLines[unitID] == nil {
                reader.fail(row, "unit_id", "unknown unit \"\(unitID)\" (not in units.csv)")
            }
            if let positionID, positionLines[positionID] == nil {
                reader.fail(row, "position_id", "unknown position \"\(positionID)\" (not in positions.csv)")
            }
            guard let id, let name, let gender, let birth, let unitID, let level, let levelSince, let education,
                  let identity, let training else { continue }
            if let duplicate = ScenarioBuilder.unique(id, line: row.line, in: &cadreLines, file: file, column: "cadre_id") {
                problems.append(duplicate)
                continue
            }
            scenario.cadres.append(Cadre(id: id, name: name, gender: gender, birth: birth, unitID: unitID, level: level,
                                         levelSince: levelSince, positionID: positionID, positionSince: positionSince,
                                         sectionYears: sectionYears, education: education, identity: identity,
                                         identityApproved: identityApproved, training: training, healthOK: health,
                                         townRecruited: townRecruited, exceptionalApproved: exceptional,
                                         acceptsTransfer: accepts, retirementAge: retirementAge, flags: flags))
        }
        finish(reader)
    }

    /// holder_id must name a cadre.
    private mutating func checkHolders() {
        for position in scenario.positions {
            if let holder = position.holderID, cadreLines[holder] == nil {
                problem(ScenarioFiles.positions, positionLines[position.id] ?? 0, "holder_id",
                        "unknown cadre \"\(holder)\" (not in cadres.csv)")
            }
        }
    }

    private mutating func knownCadre(_ reader: inout TableReader, _ row: TableReader.Row, _ id: CadreID?) -> Bool {
        guard let id else { return false }
        if cadreLines[id] == nil {
            reader.fail(row, "cadre_id", "unknown cadre \"\(id)\" (not in cadres.csv)")
            return false
        }
        return true
    }

    private mutating func knownPosition(_ reader: inout TableReader, _ row: TableReader.Row, _ id: PositionID?) -> Bool {
        guard let id else { return false }
        if positionLines[id] == nil {
            reader.fail(row, "position_id", "unknown position \"\(id)\" (not in positions.csv)")
            return false
        }
        return true
    }

    // MARK: assessments.csv

    private mutating func readAssessments(_ bytes: [UInt8]) {
        let file = ScenarioFiles.assessments
        var reader = table(file, bytes, ScenarioLoader.assessmentColumns)
        var seen: [String: Int] = [:]
        for row in reader.rows {
            let id = reader.text(row, "cadre_id", required: true).map { CadreID(rawValue: $0) }
            var year = reader.integer(row, "year", required: true, minimum: 1900)
            if let value = year, let reference, value > reference.year {
                reader.fail(row, "year", ValueMessage.yearAfterReference(value, reference))
                year = nil
            }
            let grade = reader.code(row, "grade", Values.gradeNames, required: true)
            let known = knownCadre(&reader, row, id)
            guard let id, let year, let grade, known else { continue }
            let key = "\(id)\u{1}\(year)"
            if let first = seen[key] {
                reader.fail(row, "year", "two grades for \(id) in \(year) (first on line \(first))")
                continue
            }
            seen[key] = row.line
            scenario.assessments.append(AssessmentRecord(cadreID: id, year: year, grade: grade))
        }
        finish(reader)
    }

    // MARK: applications.csv

    private mutating func readApplications(_ bytes: [UInt8]) {
        let file = ScenarioFiles.applications
        var reader = table(file, bytes, ScenarioLoader.applicationColumns)
        var seenPair: [String: Int] = [:]
        var linesOfCadre: [CadreID: [Int]] = [:]
        var preferenceLines: [CadreID: [Int: Int]] = [:]
        let positions = Dictionary(scenario.positions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for row in reader.rows {
            let cadreID = reader.text(row, "cadre_id", required: true).map { CadreID(rawValue: $0) }
            let positionID = reader.text(row, "position_id", required: true).map { PositionID(rawValue: $0) }
            let preference = reader.integer(row, "preference", minimum: 1) ?? 1
            let approved = reader.bool(row, "unit_approved", default: true)
            let knownC = knownCadre(&reader, row, cadreID)
            let knownP = knownPosition(&reader, row, positionID)
            guard let cadreID, let positionID, knownC, knownP else { continue }
            if positions[positionID]?.offered == false {
                reader.fail(row, "position_id", "\(positionID) is not offered (是否推出 = no); applications are only to offered positions")
                continue
            }
            let key = "\(cadreID)\u{1}\(positionID)"
            if let first = seenPair[key] {
                reader.fail(row, "position_id", "\(cadreID) applied to \(positionID) twice (first on line \(first))")
                continue
            }
            seenPair[key] = row.line
            linesOfCadre[cadreID, default: []].append(row.line)
            if scenario.mode == .preferences {
                if preference > scenario.maxPreferences {
                    reader.fail(row, "preference", "preference \(preference) is outside 1…\(scenario.maxPreferences) (max_preferences)")
                } else if let first = preferenceLines[cadreID]?[preference] {
                    reader.fail(row, "preference", "\(cadreID) uses preference \(preference) twice (first on line \(first))")
                }
                preferenceLines[cadreID, default: [:]][preference] = row.line
            }
            scenario.applications.append(Application(cadreID: cadreID, positionID: positionID,
                                                     preference: scenario.mode == .preferences ? preference : 1,
                                                     unitApproved: approved))
        }
        for (cadreID, lines) in linesOfCadre.sorted(by: { idPrecedes($0.key, $1.key) }) {
            switch scenario.mode {
            case .competition where lines.count > 1:
                for line in lines {
                    reader.fail(TableReader.Row(line: line, fields: [:]), "cadre_id",
                                "E-APPLY: \(cadreID) applied \(lines.count) times (lines \(lines.map(String.init).joined(separator: ", "))); one application per person (每人限报一个职位)")
                }
            case .preferences where lines.count > scenario.maxPreferences:
                reader.fail(TableReader.Row(line: lines[scenario.maxPreferences], fields: [:]), "cadre_id",
                            "\(cadreID) has \(lines.count) applications, more than max_preferences \(scenario.maxPreferences)")
            default: break
            }
        }
        finish(reader)
    }

    // MARK: interviews.csv

    private mutating func readInterviews(_ bytes: [UInt8]) {
        let file = ScenarioFiles.interviews
        var reader = table(file, bytes, ScenarioLoader.interviewColumns)
        let applied = Set(scenario.applications.map { "\($0.cadreID)\u{1}\($0.positionID)" })
        var judged: [String: Int] = [:]
        var rows: [JudgeScore] = []
        for row in reader.rows {
            let cadreID = reader.text(row, "cadre_id", required: true).map { CadreID(rawValue: $0) }
            let positionID = reader.text(row, "position_id", required: true).map { PositionID(rawValue: $0) }
            let judgeID = reader.text(row, "judge_id", required: true).map { JudgeID(rawValue: $0) }
            let score = reader.decimal(row, "score", required: true, range: 0...100)
            let conflict = reader.bool(row, "conflict", default: false)
            let knownC = knownCadre(&reader, row, cadreID)
            let knownP = knownPosition(&reader, row, positionID)
            guard let cadreID, let positionID, let judgeID, let score, knownC, knownP else { continue }
            let pair = "\(cadreID)\u{1}\(positionID)"
            if !applied.contains(pair) {
                reader.fail(row, "position_id", "interview of \(cadreID) for \(positionID), who did not apply to it (not in applications.csv)")
                continue
            }
            let key = pair + "\u{1}" + judgeID.rawValue
            if let first = judged[key] {
                reader.fail(row, "judge_id", "judge \(judgeID) scored \(cadreID) for \(positionID) twice (first on line \(first))")
                continue
            }
            judged[key] = row.line
            rows.append(JudgeScore(cadreID: cadreID, positionID: positionID, judgeID: judgeID, score: score, conflict: conflict))
        }
        scenario.interviews = rows
        finish(reader)
    }

    // MARK: evaluations.csv

    private mutating func readEvaluations(_ bytes: [UInt8]) {
        let file = ScenarioFiles.evaluations
        var reader = table(file, bytes, ScenarioLoader.evaluationColumns)
        var seen: [CadreID: Int] = [:]
        for row in reader.rows {
            let cadreID = reader.text(row, "cadre_id", required: true).map { CadreID(rawValue: $0) }
            let due = reader.integer(row, "due", required: true, minimum: 0)
            let tookPart = reader.integer(row, "took_part", required: true, minimum: 0)
            let good = reader.integer(row, "good", required: true, minimum: 0)
            let fairlyGood = reader.integer(row, "fairly_good", required: true, minimum: 0)
            let average = reader.integer(row, "average", required: true, minimum: 0)
            let poor = reader.integer(row, "poor", required: true, minimum: 0)
            let confirmed = reader.bool(row, "confirmed_poor", default: false)
            let moral = reader.code(row, "moral", Values.moralNames)
            let moralConfirmed = reader.bool(row, "moral_confirmed", default: false)
            let known = knownCadre(&reader, row, cadreID)
            guard let cadreID, let due, let tookPart, let good, let fairlyGood, let average, let poor, known else { continue }
            if let first = seen[cadreID] {
                reader.fail(row, "cadre_id", "two evaluation rows for \(cadreID) (first on line \(first))")
                continue
            }
            seen[cadreID] = row.line
            if tookPart > due {
                reader.fail(row, "took_part", "took_part \(tookPart) is more than due \(due)")
                continue
            }
            let counted = good + fairlyGood + average + poor
            if counted > tookPart {
                reader.fail(row, "took_part", "good + fairly_good + average + poor = \(counted) is more than took_part \(tookPart)")
                continue
            }
            scenario.evaluations.append(EvaluationRecord(cadreID: cadreID, due: due, tookPart: tookPart, good: good,
                                                         fairlyGood: fairlyGood, average: average, poor: poor,
                                                         confirmedPoor: confirmed, moral: moral, moralConfirmed: moralConfirmed))
        }
        finish(reader)
    }

    // MARK: transfer_fit.csv

    private mutating func readTransferFits(_ bytes: [UInt8]) {
        let file = ScenarioFiles.transferFit
        var reader = table(file, bytes, ScenarioLoader.transferFitColumns)
        var seen: [String: Int] = [:]
        for row in reader.rows {
            let cadreID = reader.text(row, "cadre_id", required: true).map { CadreID(rawValue: $0) }
            let positionID = reader.text(row, "position_id", required: true).map { PositionID(rawValue: $0) }
            let fit = reader.decimal(row, "fit", required: true, range: 0...100)
            let knownC = knownCadre(&reader, row, cadreID)
            let knownP = knownPosition(&reader, row, positionID)
            guard let cadreID, let positionID, let fit, knownC, knownP else { continue }
            let key = "\(cadreID)\u{1}\(positionID)"
            if let first = seen[key] {
                reader.fail(row, "position_id", "two fits for \(cadreID) and \(positionID) (first on line \(first))")
                continue
            }
            seen[key] = row.line
            // Within 0–100, so the hundredths (0…10000) always exist.
            guard let hundredths = Hundredths.roundHalfUp(fit.fraction, decimals: 2) else { continue }
            scenario.transferFits.append(TransferFit(cadreID: cadreID, positionID: positionID, fitHundredths: hundredths))
        }
        finish(reader)
    }
}
