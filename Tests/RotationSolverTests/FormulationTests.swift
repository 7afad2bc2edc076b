// SPDX-License-Identifier: GPL-3.0-or-later
import LinearProgramming
import RotationCore
import XCTest

@testable import RotationSolver

/// The shortlist model built from tiny scenarios, inspected without solving (columns, rows,
/// coefficients, names), plus one check that its feasible set is exactly model.md's.
final class FormulationTests: XCTestCase {
    /// Preferences mode, r = 2, K = 2.
    ///
    /// | position | passed, in rank order (score, preference) |
    /// |---|---|
    /// | PA (unit A) | c1 (90, p1), c2 (85, p1), c3 (70, p2) |
    /// | PB (unit B) | c3 (88, p1), c1 (80, p2) |
    /// | PC (unit B) | c4 (75, p2) only — c2 failed (55): not competable |
    /// | PD (unit B) | one applicant: withdrawn by C-MIN2 |
    /// c4 failed PB (50).
    static func small() -> ScenarioKit {
        var kit = ScenarioKit("small", mode: .preferences, maxPreferences: 2)
        kit.unit("H")
        kit.position("PA", unit: "A")
        kit.position("PB", unit: "B")
        kit.position("PC", unit: "B")
        kit.position("PD", unit: "B")
        for id: CadreID in ["c1", "c2", "c3", "c4", "c5"] { kit.cadre(id, unit: "H") }
        kit.apply("c1", "PA", preference: 1, score: 9000)
        kit.apply("c1", "PB", preference: 2, score: 8000)
        kit.apply("c2", "PA", preference: 1, score: 8500)
        kit.apply("c2", "PC", preference: 2, score: 5500)
        kit.apply("c3", "PB", preference: 1, score: 8800)
        kit.apply("c3", "PA", preference: 2, score: 7000)
        kit.apply("c4", "PB", preference: 1, score: 5000)
        kit.apply("c4", "PC", preference: 2, score: 7500)
        kit.apply("c5", "PD", preference: 1, score: 9900)
        return kit
    }

    func testCandidateSets() {
        let formulation = ShortlistFormulation(Self.small().adjudication)
        XCTAssertEqual(formulation.positions.map(\.positionID), ["PA", "PB"])
        XCTAssertEqual(formulation.positions.map(\.listSize), [2, 2])
        XCTAssertEqual(formulation.positions.map(\.ranked), [["c1", "c2", "c3"], ["c3", "c1"]])
        XCTAssertEqual(formulation.pairs.map { "\($0.cadreID)@\($0.positionID)" }, ["c1@PA", "c2@PA", "c3@PA", "c3@PB", "c1@PB"])
        XCTAssertEqual(formulation.pairs.map(\.preference), [1, 1, 2, 1, 2])
        XCTAssertEqual(formulation.pairs.map(\.scoreHundredths), [9000, 8500, 7000, 8800, 8000])
        XCTAssertEqual(formulation.pairs.map(\.rankIndex), [0, 1, 2, 0, 1])
        XCTAssertEqual(formulation.maxPreference, 2)
    }

    func testColumns() {
        let formulation = ShortlistFormulation(Self.small().adjudication)
        let built = formulation.model(level: .positionsCompeted, fixed: [])
        let model = built.model
        XCTAssertEqual(model.sense, .maximize)
        let view = ModelView(model)
        // One binary x per passed pair of a competable position, one binary z per competable position.
        let xNames = Set(model.variables.map(\.name).filter { $0.hasPrefix("x_") })
        let zNames = Set(model.variables.map(\.name).filter { $0.hasPrefix("z_") })
        XCTAssertEqual(xNames, ["x_c1_PA", "x_c2_PA", "x_c3_PA", "x_c3_PB", "x_c1_PB"])
        XCTAssertEqual(zNames, ["z_PA", "z_PB"])
        for name in xNames.union(zNames) {
            let variable = model.variables[view.column(name)!]
            XCTAssertEqual(variable.kind, .binary, name)
            XCTAssertEqual(variable.lower, 0, name)
            XCTAssertEqual(variable.upper, 1, name)
        }
        // The column layout points at those columns.
        XCTAssertEqual(built.columns.pairColumns.map { model.variables[$0].name },
                       ["x_c1_PA", "x_c2_PA", "x_c3_PA", "x_c3_PB", "x_c1_PB"])
        XCTAssertEqual(built.columns.positionColumns.map { model.variables[$0].name }, ["z_PA", "z_PB"])
        // Anything else is an auxiliary continuous column (the cumulative "ranked above" sums):
        // at most one per passed pair.
        let auxiliary = model.variables.filter { !$0.name.hasPrefix("x_") && !$0.name.hasPrefix("z_") }
        XCTAssertTrue(auxiliary.allSatisfy { $0.kind == .continuous }, "\(auxiliary)")
        XCTAssertLessThanOrEqual(auxiliary.count, formulation.pairs.count)
        XCTAssertEqual(auxiliary.map(\.objective), Array(repeating: 0, count: auxiliary.count))
    }

    func testListAndOnePerCadreRows() throws {
        let model = ShortlistFormulation(Self.small().adjudication).model(level: .positionsCompeted, fixed: []).model
        let view = ModelView(model)
        // Σ_i x_ij − r·z_j = 0.
        for (position, cadres): (PositionID, [CadreID]) in [("PA", ["c1", "c2", "c3"]), ("PB", ["c3", "c1"])] {
            let row = try XCTUnwrap(view.row("list_\(position)"))
            XCTAssertEqual(row.lower, 0)
            XCTAssertEqual(row.upper, 0)
            var expected = Dictionary(uniqueKeysWithValues: cadres.map { ("x_\($0)_\(position)", 1.0) })
            expected["z_\(position)"] = -2
            XCTAssertEqual(view.coefficients(of: row), expected, position.rawValue)
        }
        XCTAssertEqual(view.rows(prefix: "list_").count, 2)
        // Σ_j x_ij ≤ 1 for every cadre with more than one column; a single binary needs no row.
        let one = view.rows(prefix: "one_")
        var covered: [String: [String: Double]] = [:]
        for row in one {
            XCTAssertNil(row.lower)
            XCTAssertEqual(row.upper, 1)
            covered[row.name] = view.coefficients(of: row)
        }
        XCTAssertEqual(covered["one_c1"], ["x_c1_PA": 1, "x_c1_PB": 1])
        XCTAssertEqual(covered["one_c3"], ["x_c3_PA": 1, "x_c3_PB": 1])
        for (name, terms) in covered where name != "one_c1" && name != "one_c3" {
            XCTAssertLessThanOrEqual(terms.count, 1, "a one-per-cadre row for a single-pair cadre must be trivial: \(name)")
        }
    }

    /// One envy row per passed pair: r·x over the cadre's pairs liked at least as much, the pairs
    /// ranked above (listed directly on short rank lists), and −r·z.
    func testEnvyRows() throws {
        let model = ShortlistFormulation(Self.small().adjudication).model(level: .positionsCompeted, fixed: []).model
        let view = ModelView(model)
        let envy = view.rows(prefix: "envy_")
        XCTAssertEqual(Set(envy.map(\.name)), ["envy_c1_PA", "envy_c2_PA", "envy_c3_PA", "envy_c3_PB", "envy_c1_PB"])
        for row in envy {
            XCTAssertEqual(row.lower, 0, row.name)
            XCTAssertNil(row.upper, row.name)
            // r·x over the cadre's pairs liked at least as much (≤ 2 here), up to two ranked above
            // (PA has three applicants), and −r·z.
            XCTAssertLessThanOrEqual(row.terms.count, 5, row.name)
        }
        // The first-ranked applicant of PA: r·x_c1_PA − r·z_PA ≥ 0 (nobody above; PA is c1's first choice).
        XCTAssertEqual(view.coefficients(of: try XCTUnwrap(view.row("envy_c1_PA"))), ["x_c1_PA": 2, "z_PA": -2])
        // c1 for PB (second choice): both of c1's pairs are liked at least as much.
        let c1PB = view.coefficients(of: try XCTUnwrap(view.row("envy_c1_PB")))
        XCTAssertEqual(c1PB["x_c1_PA"], 2)
        XCTAssertEqual(c1PB["x_c1_PB"], 2)
        XCTAssertEqual(c1PB["z_PB"], -2)
        XCTAssertEqual(c1PB.count, 4, "\(c1PB)")
        // c3 for PA (its second choice; ranked third): x_c3_PA and x_c3_PB both count.
        let c3PA = view.coefficients(of: try XCTUnwrap(view.row("envy_c3_PA")))
        XCTAssertEqual(c3PA["x_c3_PA"], 2)
        XCTAssertEqual(c3PA["x_c3_PB"], 2)
        XCTAssertEqual(c3PA["z_PA"], -2)
        XCTAssertEqual(c3PA["x_c1_PA"], 1, "ranked above c3 for PA")
        XCTAssertEqual(c3PA["x_c2_PA"], 1, "ranked above c3 for PA")
        // c3 for PB (first choice): only x_c3_PB.
        XCTAssertEqual(view.coefficients(of: try XCTUnwrap(view.row("envy_c3_PB"))), ["x_c3_PB": 2, "z_PB": -2])
    }

    /// Per position, the envy rows cost O(applicants) coefficients, not O(applicants²).
    func testEnvyCostIsLinearInApplicants() {
        for n in [20, 80, 200] {
            var kit = ScenarioKit("wide\(n)", mode: .preferences, maxPreferences: 1)
            kit.position("P", unit: "A")
            for k in 0..<n {
                let id: CadreID = "c\(1000 + k)"
                kit.cadre(id, unit: "H")
                kit.apply(id, "P", score: 6000 + k * 10)
            }
            let model = ShortlistFormulation(kit.adjudication).model(level: .positionsCompeted, fixed: []).model
            let envyAndSums = model.constraints.filter { !$0.name.hasPrefix("list_") && !$0.name.hasPrefix("one_") }
            let nonZeros = envyAndSums.reduce(0) { $0 + $1.terms.count }
            if n > ShortlistFormulation.largestDirectEnvyList {
                // Compact: ≤ 3 per envy row + ≤ 3 per running-sum row, where naive would be n(n−1)/2 "above" terms.
                XCTAssertLessThanOrEqual(nonZeros, 6 * n, "n = \(n): \(nonZeros) envy coefficients")
                XCTAssertLessThanOrEqual(model.variables.count, 2 * n + 1)
                XCTAssertLessThanOrEqual(model.constraints.count, 2 * n + 1)
            } else {
                // Short rank lists list the terms directly: own pair, z, and everyone ranked above.
                XCTAssertEqual(nonZeros, 2 * n + n * (n - 1) / 2, "n = \(n)")
                XCTAssertEqual(model.variables.count, n + 1)
            }
        }
    }

    func testObjectiveCoefficientsPerLevel() {
        let formulation = ShortlistFormulation(Self.small().adjudication)
        let competed = ModelView(formulation.model(level: .positionsCompeted, fixed: []).model).objective
        XCTAssertEqual(competed, ["z_PA": 1, "z_PB": 1])
        // K + 1 − p with K = 2.
        let preferences = ModelView(formulation.model(level: .preferencesMet, fixed: []).model).objective
        XCTAssertEqual(preferences, ["x_c1_PA": 2, "x_c2_PA": 2, "x_c3_PA": 1, "x_c3_PB": 2, "x_c1_PB": 1])
        // Scores in hundredths.
        let scores = ModelView(formulation.model(level: .scores, fixed: []).model).objective
        XCTAssertEqual(scores, ["x_c1_PA": 9000, "x_c2_PA": 8500, "x_c3_PA": 7000, "x_c3_PB": 8800, "x_c1_PB": 8000])
        XCTAssertEqual(formulation.coefficients(of: .preferencesMet).pairs, [2, 2, 1, 2, 1])
        XCTAssertEqual(formulation.coefficients(of: .positionsCompeted).positions, [1, 1])
        XCTAssertEqual(formulation.value(of: .scores, selected: [true, true, false, false, false], competed: [true, false]), 17500)
    }

    /// K is max_preferences, not the largest preference actually used.
    func testPreferenceWeightUsesMaxPreferences() {
        var kit = Self.small()
        kit.scenario.maxPreferences = 3
        let preferences = ModelView(ShortlistFormulation(kit.adjudication).model(level: .preferencesMet, fixed: []).model).objective
        XCTAssertEqual(preferences, ["x_c1_PA": 3, "x_c2_PA": 3, "x_c3_PA": 2, "x_c3_PB": 3, "x_c1_PB": 2])
    }

    func testFixedLevelsBecomeRows() throws {
        let formulation = ShortlistFormulation(Self.small().adjudication)
        let model = formulation.model(level: .scores, fixed: [.init(level: .positionsCompeted, value: 1),
                                                                .init(level: .preferencesMet, value: 4)]).model
        let view = ModelView(model)
        let first = try XCTUnwrap(view.row("level_positions_competed"))
        XCTAssertEqual(first.lower, 1)
        XCTAssertNil(first.upper)
        XCTAssertEqual(view.coefficients(of: first), ["z_PA": 1, "z_PB": 1])
        let second = try XCTUnwrap(view.row("level_preferences_met"))
        XCTAssertEqual(second.lower, 4)
        XCTAssertEqual(view.coefficients(of: second), ["x_c1_PA": 2, "x_c2_PA": 2, "x_c3_PA": 1, "x_c3_PB": 2, "x_c1_PB": 1])
        XCTAssertEqual(view.rows(prefix: "level_").count, 2)
    }

    func testWithoutEnvyHasNoEnvyRows() {
        let formulation = ShortlistFormulation(Self.small().adjudication)
        let withEnvy = formulation.model(level: .positionsCompeted, fixed: []).model
        let without = formulation.model(level: .positionsCompeted, fixed: [], envy: false).model
        XCTAssertTrue(ModelView(without).rows(prefix: "envy_").isEmpty)
        // Only the list and one-per-cadre rows remain, over the x and z columns alone.
        XCTAssertTrue(without.constraints.allSatisfy { $0.name.hasPrefix("list_") || $0.name.hasPrefix("one_") },
                      "\(without.constraints.map(\.name))")
        XCTAssertTrue(Set(["list_PA", "list_PB", "one_c1", "one_c3"]).isSubset(of: Set(without.constraints.map(\.name))))
        XCTAssertEqual(without.variables.count, 7)
        XCTAssertTrue(without.variables.allSatisfy { $0.kind == .binary })
        XCTAssertGreaterThan(withEnvy.constraints.count, without.constraints.count)
    }

    /// Competition mode with `keep`: a position with one passed applicant gets a list of one.
    func testCompetitionModeShortListSize() throws {
        var kit = ScenarioKit("competition", mode: .competition, maxPreferences: 1)
        kit.position("P1", unit: "A")
        kit.position("P2", unit: "A")
        for id: CadreID in ["a", "b", "c", "d"] { kit.cadre(id, unit: "H") }
        kit.apply("a", "P1", score: 9000)
        kit.apply("b", "P1", score: 8000)
        kit.apply("c", "P2", score: 7000)
        kit.apply("d", "P2", score: 4000)
        let formulation = ShortlistFormulation(kit.adjudication)
        XCTAssertEqual(formulation.positions.map(\.listSize), [2, 1])
        let view = ModelView(formulation.model(level: .positionsCompeted, fixed: []).model)
        XCTAssertEqual(view.coefficients(of: try XCTUnwrap(view.row("list_P2"))), ["x_c_P2": 1, "z_P2": -1])
        // Under `withdraw` the short position is not formulated at all.
        kit.scenario.rules.shortShortlist = .withdraw
        XCTAssertEqual(ShortlistFormulation(kit.adjudication).positions.map(\.positionID), ["P1"])
        // In preferences mode a short position is never competable, whatever short_shortlist says.
        kit.scenario.mode = .preferences
        kit.scenario.rules.shortShortlist = .keep
        XCTAssertEqual(ShortlistFormulation(kit.adjudication).positions.map(\.positionID), ["P1"])
    }

    // MARK: Names and determinism

    static var validName: Regex<Substring> { #/^[A-Za-z_][A-Za-z0-9_]*$/# }

    func assertNamesValid(_ model: LinearModel, file: StaticString = #filePath, line: UInt = #line) {
        let names = model.variables.map(\.name) + model.constraints.map(\.name)
        for name in names {
            XCTAssertNotNil(name.wholeMatch(of: Self.validName), "invalid name \(name)", file: file, line: line)
            XCTAssertLessThanOrEqual(name.utf8.count, 255, name, file: file, line: line)
        }
        XCTAssertEqual(Set(model.variables.map(\.name)).count, model.variables.count, "duplicate column names", file: file, line: line)
        XCTAssertEqual(Set(model.constraints.map(\.name)).count, model.constraints.count, "duplicate row names", file: file, line: line)
    }

    func testNamesAreValidAndUnique() throws {
        let formulation = ShortlistFormulation(Self.small().adjudication)
        for level in ShortlistFormulation.Level.allCases {
            assertNamesValid(formulation.model(level: level, fixed: [.init(level: .positionsCompeted, value: 1)]).model)
        }
    }

    /// Chinese, punctuation and very long ids still give valid, unique names, and the model exports.
    func testAwkwardIdsGiveValidNames() throws {
        var kit = ScenarioKit("awkward", mode: .preferences, maxPreferences: 2)
        let long = String(repeating: "长", count: 200)
        kit.position("岗位-1", unit: "A")
        kit.position("P 2", unit: "B")
        let cadres: [CadreID] = ["张三", "李四", "王 五", "\(long)1", "\(long)2", "obj", "1x"]
        for id in cadres { kit.cadre(id, unit: "H") }
        for (k, id) in cadres.enumerated() {
            kit.apply(id, "岗位-1", preference: 1, score: 9000 - 100 * k)
            kit.apply(id, "P 2", preference: 2, score: 8000 - 100 * k)
        }
        let model = ShortlistFormulation(kit.adjudication).model(level: .preferencesMet, fixed: []).model
        for name in model.variables.map(\.name) + model.constraints.map(\.name) {
            XCTAssertNotNil(name.wholeMatch(of: Self.validName), "invalid name \(name)")
            XCTAssertLessThanOrEqual(name.utf8.count, 255, name)
        }
        let text = try model.export(.cplexLP)
        XCTAssertTrue(text.contains("Maximize"))
        // The exported names are unique even where cleaned ids coincide.
        let exported = model.exportNames()
        XCTAssertEqual(Set(exported.columns).count, exported.columns.count)
        XCTAssertEqual(Set(exported.rows).count, exported.rows.count)
        XCTAssertTrue(text.unicodeScalars.allSatisfy(\.isASCII))
    }

    func testSameScenarioGivesIdenticalModel() throws {
        for level in ShortlistFormulation.Level.allCases {
            let fixed: [ShortlistFormulation.FixedLevel] = level == .positionsCompeted ? [] : [.init(level: .positionsCompeted, value: 1)]
            let first = ShortlistFormulation(Self.small().adjudication).model(level: level, fixed: fixed).model
            let second = ShortlistFormulation(Self.small().adjudication).model(level: level, fixed: fixed).model
            XCTAssertEqual(first, second)
            XCTAssertEqual(try first.export(.cplexLP), try second.export(.cplexLP))
            XCTAssertEqual(try first.export(.freeMPS), try second.export(.freeMPS))
        }
        // The order of the input rows does not matter either.
        var shuffled = Self.small()
        var generator = SplitMix64(seed: 7)
        shuffled.scenario.applications = generator.shuffled(shuffled.scenario.applications)
        shuffled.scenario.cadres = generator.shuffled(shuffled.scenario.cadres)
        shuffled.scenario.interviews = generator.shuffled(shuffled.scenario.interviews!)
        let original = ShortlistFormulation(Self.small().adjudication).model(level: .scores, fixed: []).model
        let reordered = ShortlistFormulation(shuffled.adjudication).model(level: .scores, fixed: []).model
        XCTAssertEqual(try original.export(.cplexLP), try reordered.export(.cplexLP))
    }

    /// The CPLEX LP text names the columns and rows and reads as a maximisation.
    func testExportText() throws {
        let model = ShortlistFormulation(Self.small().adjudication).model(level: .preferencesMet, fixed: []).model
        let text = try model.export(.cplexLP)
        XCTAssertTrue(text.contains("Maximize"), text)
        for name in ["x_c1_PA", "z_PA", "list_PA", "envy_c3_PB", "one_c1"] {
            XCTAssertTrue(text.contains(name), "\(name) missing from\n\(text)")
        }
        XCTAssertTrue(text.contains("Binary") || text.contains("binary") || text.contains("Generals"), text)
    }

    // MARK: Semantics

    /// For every 0/1 assignment of x and z of the small scenario, the model (with its auxiliary
    /// columns left free to take any feasible value) is feasible exactly when model.md's
    /// constraints hold. Each check is an LP with the binaries fixed.
    func testFeasibleSetIsModelMd() throws {
        let kit = Self.small()
        let adjudication = kit.adjudication
        let formulation = ShortlistFormulation(adjudication)
        let built = formulation.model(level: .positionsCompeted, fixed: [])
        let pairs = formulation.pairs
        let positions = formulation.positions
        let input = BruteForce.ShortlistInput(adjudication)
        XCTAssertEqual(input.positions.map(\.id), positions.map(\.positionID))
        let binaries = built.columns.pairColumns + built.columns.positionColumns
        let solver = GLPKSolver(options: .init(timeLimitSeconds: 5, messageLevel: .off))
        var feasibleCount = 0
        for mask in 0..<(1 << binaries.count) {
            let selected = pairs.indices.map { mask & (1 << $0) != 0 }
            let competed = positions.indices.map { mask & (1 << (pairs.count + $0)) != 0 }
            let chosen = Set(pairs.indices.filter { selected[$0] }.map { Adjudication.PairKey(cadre: pairs[$0].cadreID, position: pairs[$0].positionID) })
            let open = Set(positions.indices.filter { competed[$0] }.map { positions[$0].positionID })
            let expected = input.feasible(selected: chosen, competed: open, envy: true)
            var fixedModel = LinearModel(name: "fixed", sense: .minimize)
            for (index, variable) in built.model.variables.enumerated() {
                if let slot = binaries.firstIndex(of: index) {
                    let value: Double = slot < pairs.count ? (selected[slot] ? 1 : 0) : (competed[slot - pairs.count] ? 1 : 0)
                    fixedModel.addVariable(name: variable.name, kind: .continuous, lower: value, upper: value)
                } else {
                    fixedModel.addVariable(name: variable.name, kind: variable.kind, lower: variable.lower, upper: variable.upper)
                }
            }
            for row in built.model.constraints {
                fixedModel.addConstraint(name: row.name, terms: row.terms, lower: row.lower, upper: row.upper)
            }
            let solution = try solver.solve(fixedModel)
            XCTAssertEqual(solution.status == .optimal, expected,
                           "selected \(selected) competed \(competed): model says \(solution.status), model.md says \(expected)")
            if expected { feasibleCount += 1 }
        }
        // Nothing chosen; PA with c1, c2; PB with c3, c1 (c1 cannot be on both lists, and any
        // other list for PA leaves an unlisted applicant ranked above a listed one).
        XCTAssertEqual(feasibleCount, 3)
    }
}
