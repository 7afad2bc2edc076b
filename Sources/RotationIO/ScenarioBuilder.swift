// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// Turns the CSV files of a scenario into records and checks every cross-file reference.
struct ScenarioBuilder {
    var scenario: Scenario
    let encoding: TextEncoding?
    /// The reference date of scenario.yaml; nil when it could not be read (no date checks then).
    let reference: YearMonth?
    private(set) var problems: [InputProblem] = []
    /// Files given as sheets of a workbook instead of CSV bytes.
    var sheets: [String: SheetTable] = [:]

    /// Line of each record, for cross-file messages.
    private var unitLines: [UnitID: Int] = [:]
    private var positionLines: [PositionID: Int] = [:]
    private var cadreLines: [CadreID: Int] = [:]
    /// Root causes first: ids whose own row failed, and files whose ids could not be read at all;
    /// a reference to them is not reported again (the row's own problem says what is wrong).
    private var failed = FailedRecords()

    /// `scenario`: the settings read from scenario.yaml, or nil when they could not be read.
    init(scenario: Scenario?, encoding: TextEncoding?) {
        self.scenario = scenario ?? Scenario(name: "", referenceDate: YearMonth(year: 2000, month: 1))
        self.encoding = encoding
        self.reference = scenario?.referenceDate
    }

    mutating func read(_ files: [String: [UInt8]]) {
        for file in [ScenarioFiles.units, ScenarioFiles.positions, ScenarioFiles.cadres] where files[file] == nil {
            failed.unreadable.insert(file)
        }
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
        if let sheet = sheets[file] { return TableReader(file: file, sheet: sheet.table, columns: columns) }
        return TableReader(file: file, bytes: bytes, encoding: encoding, columns: columns)
    }

    private mutating func finish(_ reader: TableReader) { problems += reader.problems }

    private mutating func problem(_ file: String, _ line: Int, _ column: String, _ message: InputTexts) {
        problems.append(InputProblem(file: file, line: line, column: column, message))
    }

    /// Records a unique id in `lines`; returns the duplicate problem (with the line of the first) instead.
    private static func unique<ID: Hashable & CustomStringConvertible>(_ id: ID, line: Int, in lines: inout [ID: Int], file: String, column: String) -> InputProblem? {
        if let first = lines[id] {
            return InputProblem(file: file, line: line, column: column, .duplicateID("\(id)", firstLine: first))
        }
        lines[id] = line
        return nil
    }

    // MARK: units.csv

    private mutating func readUnits(_ bytes: [UInt8]) {
        let file = ScenarioFiles.units
        var reader = table(file, bytes, ScenarioLoader.unitColumns)
        if !reader.present.contains("unit_id") { failed.unreadable.insert(file) }
        for row in reader.rows {
            let id = reader.text(row, "unit_id", required: true).map { UnitID(rawValue: $0) }
            let name = reader.text(row, "name", required: true)
            let kind = reader.code(row, "kind", Values.unitKindNames, required: true)
            let posts = reader.integer(row, "approved_posts", required: true, minimum: 0)
            guard let id, let name, let kind, let posts else {
                if let id { failed.units.insert(id) }
                continue
            }
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
        if !reader.present.contains("position_id") { failed.unreadable.insert(file) }
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
                for item in Values.list(text, table: Values.identityNames) {
                    if let identity = Values.lookup(item, Values.identityNames) {
                        if !parsed.contains(identity) { parsed.append(identity) }
                    } else {
                        reader.fail(row, "identities", ValueMessage.notOneOf(item, Values.identityNames, list: true))
                    }
                }
                if !parsed.isEmpty { identities = parsed }
            }
            let education = reader.code(row, "min_education", Values.educationNames)
            if let level, level == .staff {
                reader.fail(row, "level", .positionIsStaff)
                if let id { failed.positions.insert(id) }
                continue
            }
            let knownUnit = self.knownUnit(&reader, row, unitID)
            guard let id, let unitID, let title, let level, knownUnit else {
                if let id { failed.positions.insert(id) }
                continue
            }
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
        if !reader.present.contains("cadre_id") { failed.unreadable.insert(file) }
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
                for item in Values.list(text, table: Values.flagNames) {
                    if let flag = Values.lookup(item, Values.flagNames) {
                        if !flags.contains(flag) { flags.append(flag) }
                    } else {
                        reader.fail(row, "flags", ValueMessage.notOneOf(item, Values.flagNames, list: true))
                    }
                }
            }
            let knownUnit = self.knownUnit(&reader, row, unitID)
            let knownPost = positionID == nil || knownPosition(&reader, row, positionID)
            guard let id, let name, let gender, let birth, let unitID, let level, let levelSince, let education,
                  let identity, let training, knownUnit, knownPost else {
                if let id { failed.cadres.insert(id) }
                continue
            }
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
            if let holder = position.holderID, cadreLines[holder] == nil, !failed.hides(holder) {
                problem(ScenarioFiles.positions, positionLines[position.id] ?? 0, "holder_id", .unknownCadre("\(holder)", in: source(ScenarioFiles.cadres)))
            }
        }
    }

    /// Whether the cadre exists; reports an unknown one unless its own row (or cadres.csv) already failed.
    private mutating func knownCadre(_ reader: inout TableReader, _ row: TableReader.Row, _ id: CadreID?) -> Bool {
        guard let id else { return false }
        if cadreLines[id] == nil {
            if !failed.hides(id) { reader.fail(row, "cadre_id", .unknownCadre("\(id)", in: source(ScenarioFiles.cadres))) }
            return false
        }
        return true
    }

    /// Whether the position exists; reports an unknown one unless its own row (or positions.csv) already failed.
    private mutating func knownPosition(_ reader: inout TableReader, _ row: TableReader.Row, _ id: PositionID?) -> Bool {
        guard let id else { return false }
        if positionLines[id] == nil {
            if !failed.hides(id) { reader.fail(row, "position_id", .unknownPosition("\(id)", in: source(ScenarioFiles.positions))) }
            return false
        }
        return true
    }

    /// Whether the unit exists; reports an unknown one unless its own row (or units.csv) already failed.
    private mutating func knownUnit(_ reader: inout TableReader, _ row: TableReader.Row, _ id: UnitID?) -> Bool {
        guard let id else { return false }
        if unitLines[id] == nil {
            if !failed.hides(id) { reader.fail(row, "unit_id", .unknownUnit("\(id)", in: source(ScenarioFiles.units))) }
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
                reader.fail(row, "year", .twoGrades(cadre: "\(id)", year: year, firstLine: first))
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
            let withdrawn = reader.bool(row, "withdrawn", default: false)
            let knownC = knownCadre(&reader, row, cadreID)
            let knownP = knownPosition(&reader, row, positionID)
            guard let cadreID, let positionID, knownC, knownP else {
                if let cadreID, let positionID { failed.applications.insert(Self.pair(cadreID, positionID)) }
                continue
            }
            let key = Self.pair(cadreID, positionID)
            if positions[positionID]?.offered == false {
                reader.fail(row, "position_id", .notOffered("\(positionID)"))
                failed.applications.insert(key)
                continue
            }
            if let first = seenPair[key] {
                reader.fail(row, "position_id", .appliedTwice(cadre: "\(cadreID)", position: "\(positionID)", firstLine: first))
                continue
            }
            seenPair[key] = row.line
            let application = Application(cadreID: cadreID, positionID: positionID,
                                          preference: scenario.mode == .preferences ? preference : 1, unitApproved: approved)
            // Withdrawn (放弃): kept on record, absent for every rule and model.
            if withdrawn {
                scenario.withdrawnApplications.append(application)
                continue
            }
            linesOfCadre[cadreID, default: []].append(row.line)
            if scenario.mode == .preferences {
                if preference > scenario.maxPreferences {
                    reader.fail(row, "preference", .preferenceOutside(preference, max: scenario.maxPreferences))
                } else if let first = preferenceLines[cadreID]?[preference] {
                    reader.fail(row, "preference", .preferenceTwice(cadre: "\(cadreID)", preference: preference, firstLine: first))
                }
                preferenceLines[cadreID, default: [:]][preference] = row.line
            }
            scenario.applications.append(application)
        }
        for (cadreID, lines) in linesOfCadre.sorted(by: { idPrecedes($0.key, $1.key) }) {
            switch scenario.mode {
            case .competition where lines.count > 1:
                // Once, on the first row, naming every row (not once per row: that grows as the square).
                reader.fail(TableReader.Row(line: lines[0], fields: [:]), "cadre_id", .appliedManyTimes(cadre: "\(cadreID)", lines: lines))
            case .preferences where lines.count > scenario.maxPreferences:
                reader.fail(TableReader.Row(line: lines[scenario.maxPreferences], fields: [:]), "cadre_id",
                            .tooManyApplications(cadre: "\(cadreID)", count: lines.count, max: scenario.maxPreferences))
            default: break
            }
        }
        finish(reader)
    }

    /// The key of a (cadre, position) pair.
    private static func pair(_ cadreID: CadreID, _ positionID: PositionID) -> String { "\(cadreID)\u{1}\(positionID)" }

    // MARK: interviews.csv

    private mutating func readInterviews(_ bytes: [UInt8]) {
        let file = ScenarioFiles.interviews
        var reader = table(file, bytes, ScenarioLoader.interviewColumns)
        let applied = Set(scenario.applications.map { Self.pair($0.cadreID, $0.positionID) })
        let withdrawn = Set(scenario.withdrawnApplications.map { Self.pair($0.cadreID, $0.positionID) })
        var judged: [String: Int] = [:]
        var rows: [JudgeScore] = []
        for row in reader.rows {
            let cadreID = reader.text(row, "cadre_id", required: true).map { CadreID(rawValue: $0) }
            let positionID = reader.text(row, "position_id", required: true).map { PositionID(rawValue: $0) }
            let judgeID = reader.text(row, "judge_id", required: true).map { JudgeID(rawValue: $0) }
            if let cadreID, let positionID, withdrawn.contains(Self.pair(cadreID, positionID)) { continue }
            let score = reader.decimal(row, "score", required: true, range: 0...100)
            let conflict = reader.bool(row, "conflict", default: false)
            let knownC = knownCadre(&reader, row, cadreID)
            let knownP = knownPosition(&reader, row, positionID)
            guard let cadreID, let positionID, let judgeID, let score, knownC, knownP else { continue }
            let pair = Self.pair(cadreID, positionID)
            if !applied.contains(pair) {
                if !failed.applications.contains(pair) {
                    reader.fail(row, "position_id", .interviewWithoutApplication(cadre: "\(cadreID)", position: "\(positionID)",
                                                                                     in: source(ScenarioFiles.applications)))
                }
                continue
            }
            let key = pair + "\u{1}" + judgeID.rawValue
            if let first = judged[key] {
                reader.fail(row, "judge_id", .judgeTwice(judge: "\(judgeID)", cadre: "\(cadreID)", position: "\(positionID)", firstLine: first))
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
                reader.fail(row, "cadre_id", .twoEvaluations(cadre: "\(cadreID)", firstLine: first))
                continue
            }
            seen[cadreID] = row.line
            if tookPart > due {
                reader.fail(row, "took_part", .tookPartAboveDue(tookPart: tookPart, due: due))
                continue
            }
            let counted = good + fairlyGood + average + poor
            if counted > tookPart {
                reader.fail(row, "took_part", .countedAboveTookPart(counted: counted, tookPart: tookPart))
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
                reader.fail(row, "position_id", .twoFits(cadre: "\(cadreID)", position: "\(positionID)", firstLine: first))
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

/// The records whose own row failed, and the files whose ids could not be read: a reference to
/// one of them is a consequence, not a root cause, and is not reported again.
struct FailedRecords {
    var units: Set<UnitID> = []
    var positions: Set<PositionID> = []
    var cadres: Set<CadreID> = []
    /// (cadre, position) pairs of applications.csv rows that failed.
    var applications: Set<String> = []
    /// Files missing, undecodable, or without their id column.
    var unreadable: Set<String> = []

    func hides(_ id: UnitID) -> Bool { units.contains(id) || unreadable.contains(ScenarioFiles.units) }
    func hides(_ id: PositionID) -> Bool { positions.contains(id) || unreadable.contains(ScenarioFiles.positions) }
    func hides(_ id: CadreID) -> Bool { cadres.contains(id) || unreadable.contains(ScenarioFiles.cadres) }
}
