// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
import Yams

/// Reads `scenario.yaml` into the scenario's settings, reporting every bad key at its line.
struct SettingsReader {
    let file = ScenarioFiles.yaml
    private(set) var problems: [InputProblem] = []
    private(set) var encoding: TextEncoding?
    /// The `language:` asked for, once read (even when other settings fail).
    private(set) var language: Language?

    /// Parses the YAML text; returns a scenario with settings and no records, or nil on a fatal problem.
    mutating func read(_ text: String) -> Scenario? {
        let guarded = YAMLGuard.problems(in: text, file: file)  // before Yams expands anything
        if !guarded.isEmpty { problems += guarded; return nil }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            problems.append(InputProblem(file: file, line: SettingsReader.line(of: error), .notYAML(SettingsReader.summary(of: error))))
            return nil
        } catch {
            problems.append(InputProblem(file: file, line: 1, .notYAML("\(error)")))
            return nil
        }
        guard let mapping = root?.mapping else {
            problems.append(InputProblem(file: file, line: 1, .expectedTopKeys))
            return nil
        }
        var keys = Keys(reader: self, mapping: mapping, path: "")
        // The language first, so that the problems below are shown in it even when the rest fails.
        if let text = keys.string("language") {
            if let value = keys.lookup(text, Values.languageNames) { keys.reader.language = value } else { keys.fail("language", ValueMessage.notChoice(text, Values.languageNames)) }
        }
        let name = keys.string("name", required: true)
        var reference = keys.month("reference_date", required: true)
        if let date = reference, date.year < 1900 {  // no record reaches back so far; ranges from 1900 would trap
            keys.reader.problems.append(InputProblem(file: file, line: keys.line("reference_date"), column: "reference_date", text: GuardTexts.referenceDateTooEarly("\(date)").text))
            reference = nil
        }
        if let pinned = keys.string("encoding") {
            if let value = TextEncoding(name: pinned) { keys.reader.encoding = value } else {
                keys.fail("encoding", .unknownEncoding(pinned))
            }
        }
        guard let name, let reference else {
            // The other keys were not read: no "unknown key" warnings for them.
            self = keys.reader
            return nil
        }
        var scenario = Scenario(name: name, referenceDate: reference)
        if let mode = keys.string("mode") {
            if let value = keys.lookup(mode, Values.modeNames) { scenario.mode = value } else { keys.fail("mode", ValueMessage.notChoice(mode, Values.modeNames)) }
        }
        if let value = keys.integer("max_preferences", minimum: 1) { scenario.maxPreferences = value }
        if let language = keys.reader.language { scenario.language = language }
        if let rulesNode = keys.mapping("rules") {
            var rules = Keys(reader: keys.reader, mapping: rulesNode, path: "rules.")
            var settings = scenario.rules
            if let value = rules.integer("term_years", minimum: 0) { settings.termYears = value }
            if let node = rules.mapping("retirement_age") {
                var ages = Keys(reader: rules.reader, mapping: node, path: "rules.retirement_age.")
                if let value = ages.integer("male", minimum: 1) { settings.retirementAgeMale = value }
                if let value = ages.integer("female", minimum: 1) { settings.retirementAgeFemale = value }
                ages.finish()
                rules.reader = ages.reader
            }
            if let value = rules.code("min_education", Values.educationNames) { settings.minEducation = value }
            if let value = rules.integer("months_staff_before_deputy", minimum: 0) { settings.monthsStaffBeforeDeputy = value }
            if let value = rules.integer("months_deputy_before_chief", minimum: 0) { settings.monthsDeputyBeforeChief = value }
            if let value = rules.integer("months_town_before_department", minimum: 0) { settings.monthsTownBeforeDepartment = value }
            if let years = rules.years("assessment_years", upTo: reference) { settings.assessmentYears = years }
            if let value = rules.string("training") {
                if let policy = rules.lookup(value, Values.trainingPolicyNames) { settings.training = policy } else {
                    rules.fail("training", ValueMessage.notChoice(value, Values.trainingPolicyNames))
                }
            }
            if let value = rules.fraction("pass_mark", within: 0...100) { settings.passMark = value }
            if let node = rules.mapping("judges") {
                var judges = Keys(reader: rules.reader, mapping: node, path: "rules.judges.")
                if let value = judges.integer("min", minimum: 0) { settings.judgesMin = value }
                if let value = judges.integer("max", minimum: 0) { settings.judgesMax = value }
                judges.finish()
                rules.reader = judges.reader
                if settings.judgesMin > settings.judgesMax { rules.fail("judges", .judgesMinAboveMax(min: settings.judgesMin, max: settings.judgesMax)) }
            }
            if let value = rules.string("aggregate") {
                if let aggregate = rules.lookup(value, Values.aggregateNames) { settings.aggregate = aggregate } else {
                    rules.fail("aggregate", ValueMessage.notChoice(value, Values.aggregateNames))
                }
            }
            if let value = rules.integer("score_decimals", minimum: 0) {
                if value <= 2 { settings.scoreDecimals = value } else { rules.fail("score_decimals", .scoreDecimals(value)) }
            }
            if let value = rules.integer("shortlist_ratio", minimum: 1) { settings.shortlistRatio = value }
            if let value = rules.integer("min_applicants", minimum: 0) { settings.minApplicants = value }
            if let value = rules.string("short_shortlist") {
                if let policy = rules.lookup(value, Values.shortShortlistNames) { settings.shortShortlist = policy } else {
                    rules.fail("short_shortlist", ValueMessage.notChoice(value, Values.shortShortlistNames))
                }
            }
            if let names = rules.stringList("ties") {
                var keysFound: [RuleSettings.TieKey] = []
                for name in names {
                    if let key = rules.lookup(name, Values.tieKeyNames) { keysFound.append(key) } else {
                        rules.fail("ties", ValueMessage.notOneOf(name, Values.tieKeyNames))
                    }
                }
                settings.ties = keysFound
            }
            if let node = rules.mapping("rotation") {
                var rotation = Keys(reader: rules.reader, mapping: node, path: "rules.rotation.")
                if let value = rotation.integer("same_position_months", minimum: 0) { settings.samePositionMonths = value }
                if let value = rotation.integer("same_section_years", minimum: 0) { settings.sameSectionYears = value }
                if let value = rotation.integer("exempt_months_before_retirement", minimum: 0) { settings.exemptMonthsBeforeRetirement = value }
                rotation.finish()
                rules.reader = rotation.reader
            }
            if let node = rules.mapping("quota") {
                var quota = Keys(reader: rules.reader, mapping: node, path: "rules.quota.")
                if let value = quota.integer("posts_threshold", minimum: 0) { settings.quotaPostsThreshold = value }
                if let value = quota.integer("small_unit_offers", minimum: 0) { settings.smallUnitOffers = value }
                if let value = quota.integer("large_unit_min_offers", minimum: 0) { settings.largeUnitMinOffers = value }
                quota.finish()
                rules.reader = quota.reader
            }
            if let node = rules.mapping("evaluation") {
                var evaluation = Keys(reader: rules.reader, mapping: node, path: "rules.evaluation.")
                if let value = evaluation.fraction("min_participation", within: 0...1) { settings.minParticipation = value }
                if let value = evaluation.fraction("poor_share", within: 0...1) { settings.poorShare = value }
                if let value = evaluation.fraction("average_poor_share", within: 0...1) { settings.averagePoorShare = value }
                evaluation.finish()
                rules.reader = evaluation.reader
            }
            rules.ballots(into: &settings.ballots)
            rules.finish()
            keys.reader = rules.reader
            scenario.rules = settings
        }
        if let node = keys.mapping("transfer") {
            var transfer = Keys(reader: keys.reader, mapping: node, path: "transfer.")
            if let value = transfer.bool("enabled") { scenario.transfer.enabled = value }
            if let value = transfer.bool("same_level_only") { scenario.transfer.sameLevelOnly = value }
            if let value = transfer.bool("place_all_due") { scenario.transfer.placeAllDue = value }
            if let value = transfer.integer("max_per_unit_pair", minimum: 0) { scenario.transfer.maxPerUnitPair = value }
            transfer.finish()
            keys.reader = transfer.reader
        }
        if let node = keys.mapping("solver") {
            var solver = Keys(reader: keys.reader, mapping: node, path: "solver.")
            if let value = solver.fraction("time_limit_seconds") {
                if Fraction(0) < value && value.doubleValue <= 86_400 { scenario.solver.timeLimitSeconds = value.doubleValue } else {
                    solver.fail("time_limit_seconds", .timeLimit("\(value)"))
                }
            }
            if let value = solver.fraction("mip_gap") {
                if !(value < Fraction(0)) && !(Fraction(1) < value) { scenario.solver.mipGap = value.doubleValue } else {
                    solver.fail("mip_gap", .mipGap("\(value)"))
                }
            }
            solver.finish()
            keys.reader = solver.reader
        }
        Self.readNotice(&keys, into: &scenario)
        keys.finish()
        self = keys.reader
        return scenario
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default: return 1
        }
    }

    static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default: return "\(error)"
        }
    }

    /// Typed access to one YAML mapping; unknown keys become warnings on `finish()`.
    struct Keys {
        var reader: SettingsReader
        let mapping: Node.Mapping
        let path: String
        var used: Set<String> = []

        init(reader: SettingsReader, mapping: Node.Mapping, path: String) {
            self.reader = reader
            self.mapping = mapping
            self.path = path
        }

        func node(_ key: String) -> Node? { mapping[Node(key)] }

        func line(_ key: String) -> Int {
            for (keyNode, value) in mapping where keyNode.string == key { return value.mark?.line ?? keyNode.mark?.line ?? 1 }
            return 1
        }

        mutating func fail(_ key: String, _ message: InputTexts) {
            reader.problems.append(InputProblem(file: reader.file, line: line(key), column: path + key, message))
        }

        /// A code of `table` (its code or a Chinese name), any case.
        func lookup<T>(_ text: String, _ table: [(T, [String])]) -> T? { Values.lookup(text, table) }

        mutating func scalar(_ key: String, required: Bool = false) -> String? {
            used.insert(key)
            guard let value = node(key) else {
                if required { reader.problems.append(InputProblem(file: reader.file, line: 1, column: path + key, .requiredKeyMissing)) }
                return nil
            }
            guard let text = value.scalar?.string else {
                fail(key, .expectedSingleValue)
                return nil
            }
            if text.isEmpty || text == "~" || text == "null" {
                if required { fail(key, .requiredValueMissing) }
                return nil
            }
            return text
        }

        mutating func string(_ key: String, required: Bool = false) -> String? { scalar(key, required: required)?.trimmingSpaces }

        mutating func month(_ key: String, required: Bool = false) -> YearMonth? {
            guard let text = scalar(key, required: required) else { return nil }
            switch Values.parseMonth(text) {
            case .success(let value): return value
            case .failure(let problem):
                fail(key, ValueMessage.month(text, problem, hint: .yaml))
                return nil
            }
        }

        mutating func integer(_ key: String, minimum: Int) -> Int? {
            guard let text = scalar(key) else { return nil }
            switch Values.parseInteger(text) {
            case .success(let value) where value >= minimum: return value
            case .failure(.tooManyDigits):
                fail(key, ValueMessage.number(text, .tooManyDigits, kind: .whole, bound: Values.maxIntegerDigits))
            default:
                fail(key, .notWholeNumberAtLeast(text, minimum: minimum))
            }
            return nil
        }

        /// An exact decimal or fraction; with `range`, one within it.
        mutating func fraction(_ key: String, within range: ClosedRange<Int>? = nil) -> Fraction? {
            guard let text = scalar(key) else { return nil }
            switch Fraction.parse(text) {
            case .success(let value):
                if let range, value < Fraction(range.lowerBound) || Fraction(range.upperBound) < value {
                    fail(key, ValueMessage.outside(text, "\(range.lowerBound)", "\(range.upperBound)"))
                    return nil
                }
                return value
            case .failure(let problem):
                fail(key, ValueMessage.number(text, problem, kind: .fraction))
                return nil
            }
        }

        mutating func bool(_ key: String) -> Bool? {
            guard let text = scalar(key) else { return nil }
            if let value = Values.bool(text) { return value }
            fail(key, .notTrueFalse(text))
            return nil
        }

        mutating func code<T>(_ key: String, _ table: [(T, [String])]) -> T? {
            guard let text = scalar(key) else { return nil }
            if let value = Values.lookup(text, table) { return value }
            fail(key, ValueMessage.notOneOf(text, table))
            return nil
        }

        mutating func mapping(_ key: String) -> Node.Mapping? {
            used.insert(key)
            guard let value = node(key) else { return nil }
            if let mapping = value.mapping { return mapping }
            if value.scalar?.string.isEmpty == true || value.scalar?.string == "~" { return nil }
            fail(key, .expectedNestedKeys)
            return nil
        }

        mutating func stringList(_ key: String) -> [String]? {
            used.insert(key)
            guard let value = node(key) else { return nil }
            guard let sequence = value.sequence else {
                fail(key, .expectedList)
                return nil
            }
            return sequence.compactMap { $0.scalar?.string.trimmingSpaces }
        }

        /// Calendar years from 1900 to the reference date's year.
        mutating func years(_ key: String, upTo reference: YearMonth) -> [Int]? {
            guard let items = stringList(key) else { return nil }
            var values: [Int] = []
            for item in items {
                if let value = Values.integer(item), value >= 1900, value <= reference.year { values.append(value) } else {  // no range: the reference year may be below 1900
                    fail(key, ValueMessage.notAYear(item, reference))
                }
            }
            return values
        }

        /// Every key of this mapping neither read nor registered in ``SettingsKeys`` is an error naming the nearest known key.
        mutating func finish() {
            for (keyNode, _) in mapping {
                guard let key = keyNode.string, !used.contains(key), !SettingsKeys.keys(of: path).contains(key) else { continue }
                let message = SettingsKeys.unknown(key, in: path, read: used)
                reader.problems.append(InputProblem(file: reader.file, line: keyNode.mark?.line ?? 1, column: path + key, message))
            }
        }
    }
}
