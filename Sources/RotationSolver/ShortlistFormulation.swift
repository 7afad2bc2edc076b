// SPDX-License-Identifier: GPL-3.0-or-later
import LinearProgramming
import RotationCore

/// The shortlist-selection model of model.md, as a pure function of the adjudicated scenario.
///
/// Variables: `x[i,j]` (cadre i shortlisted for position j, for each passed pair) and `z[j]`
/// (position j competed). Rows: `Σ_i x[i,j] = size_j · z[j]`; `Σ_j x[i,j] ≤ 1`; and no justified
/// envy, written with cumulative "ranked-above" sums so that each position costs O(applicants)
/// coefficients. Competition mode is the special case with one application per cadre; there a short
/// list (fewer passed than the ratio) is kept at its size under `short_shortlist: keep`.
///
/// ```swift
/// let formulation = ShortlistFormulation(adjudication)
/// var model = formulation.model(level: .positionsCompeted, fixed: [], envy: true)
/// ```
public struct ShortlistFormulation: Sendable {
    /// One passed (cadre, position) pair: a column `x`.
    public struct Pair: Sendable, Equatable {
        public var cadreID: CadreID
        public var positionID: PositionID
        public var preference: Int
        public var scoreHundredths: Int
        /// 0-based place in the position's rank order.
        public var rankIndex: Int
    }

    /// The objective levels, in lexicographic order.
    public enum Level: String, Sendable, CaseIterable {
        case positionsCompeted = "positions_competed"
        case preferencesMet = "preferences_met"
        case scores = "scores"

        /// The objective level this is, as the run records it.
        public var id: ObjectiveLevelID {
            switch self {
            case .positionsCompeted: return .shortlistPositionsCompeted
            case .preferencesMet: return .shortlistPreferencesMet
            case .scores: return .shortlistScores
            }
        }
    }

    /// A level already optimized: its objective is held at least at `value`.
    public struct FixedLevel: Sendable, Equatable {
        public var level: Level
        public var value: Int
        public init(level: Level, value: Int) {
            self.level = level
            self.value = value
        }
    }

    /// Positions that can be competed, by id, with the size of their list.
    public let positions: [(positionID: PositionID, listSize: Int, ranked: [CadreID])]
    /// Passed pairs, by position id then rank.
    public let pairs: [Pair]
    /// K, the largest preference number.
    public let maxPreference: Int

    /// Builds the candidate sets from the adjudication.
    ///
    /// - Complexity: O(passed pairs · log).
    public init(_ adjudication: Adjudication) {
        let scenario = adjudication.scenario
        let ratio = scenario.rules.shortlistRatio
        var positionRows: [(PositionID, Int, [CadreID])] = []
        var pairRows: [Pair] = []
        for positionID in adjudication.competedPositions {
            let order = adjudication.ranked[positionID] ?? []
            let size: Int
            switch scenario.mode {
            case .competition:
                guard !order.isEmpty else { continue }
                if order.count < ratio && scenario.rules.shortShortlist == .withdraw { continue }
                size = min(ratio, order.count)
            case .preferences:
                guard order.count >= ratio else { continue }
                size = ratio
            }
            positionRows.append((positionID, size, order.map(\.cadreID)))
            for (rankIndex, entry) in order.enumerated() {
                pairRows.append(Pair(cadreID: entry.cadreID, positionID: positionID,
                                     preference: adjudication.preference(entry.cadreID, positionID),
                                     scoreHundredths: entry.scoreHundredths, rankIndex: rankIndex))
            }
        }
        positions = positionRows
        pairs = pairRows
        maxPreference = scenario.mode == .preferences ? max(scenario.maxPreferences, pairRows.map(\.preference).max() ?? 1) : 1
    }

    private init(positions: [(positionID: PositionID, listSize: Int, ranked: [CadreID])], pairs: [Pair], maxPreference: Int) {
        self.positions = positions
        self.pairs = pairs
        self.maxPreference = maxPreference
    }

    /// The same formulation over some positions only (a component).
    public func restricted(to positionIDs: Set<PositionID>) -> ShortlistFormulation {
        ShortlistFormulation(positions: positions.filter { positionIDs.contains($0.positionID) },
                             pairs: pairs.filter { positionIDs.contains($0.positionID) },
                             maxPreference: maxPreference)
    }

    /// Independent groups of positions: two positions are in one group when a cadre has passed pairs
    /// at both. The lexicographic optimum of the whole is the union of the groups' optima, so each
    /// group is solved on its own (in competition mode every position is its own group).
    ///
    /// - Complexity: O(pairs · α) with union–find; groups ordered by their first position id.
    public func components() -> [Set<PositionID>] {
        var sets = UnionFind(count: positions.count)
        let offset = Dictionary(uniqueKeysWithValues: positions.enumerated().map { ($1.positionID, $0) })
        var firstPositionOfCadre: [CadreID: Int] = [:]
        for pair in pairs {
            guard let here = offset[pair.positionID] else { continue }
            if let there = firstPositionOfCadre[pair.cadreID] { sets.union(here, there) } else { firstPositionOfCadre[pair.cadreID] = here }
        }
        return sets.groups().map { Set($0.map { positions[$0].positionID }) }
    }

    /// Column layout of a built model.
    public struct Columns: Sendable {
        /// `x` column of `pairs[k]`.
        public var pairColumns: [Int]
        /// `z` column of `positions[k]`.
        public var positionColumns: [Int]
        /// The running-sum columns of long rank lists, in the order they were added: `column` =
        /// x(`previous` pair column) + `before` (the previous running sum, if any).
        public var runningSums: [(column: Int, previous: Int, before: Int?)] = []

        /// The model's values for a selection: `selected[k]` for `pairs[k]`, `competed[k]` for
        /// `positions[k]`, the running sums filled in (zero for any other column).
        ///
        /// ```swift
        /// let built = formulation.model(level: .positionsCompeted, fixed: [])
        /// let start = built.columns.values(selected: picked, competed: lists, count: built.model.variables.count)
        /// // built.model.isFeasible(start) when the selection keeps every row
        /// ```
        /// - Complexity: O(columns).
        public func values(selected: [Bool], competed: [Bool], count: Int) -> [Double] {
            var values = [Double](repeating: 0, count: count)
            for (k, column) in pairColumns.enumerated() where selected[k] { values[column] = 1 }
            for (k, column) in positionColumns.enumerated() where competed[k] { values[column] = 1 }
            for sum in runningSums { values[sum.column] = values[sum.previous] + (sum.before.map { values[$0] } ?? 0) }
            return values
        }
    }

    /// The objective coefficients of a level over pairs and positions.
    public func coefficients(of level: Level) -> (pairs: [Int], positions: [Int]) {
        switch level {
        case .positionsCompeted:
            return (Array(repeating: 0, count: pairs.count), Array(repeating: 1, count: positions.count))
        case .preferencesMet:
            return (pairs.map { maxPreference + 1 - $0.preference }, Array(repeating: 0, count: positions.count))
        case .scores:
            return (pairs.map(\.scoreHundredths), Array(repeating: 0, count: positions.count))
        }
    }

    /// The value of a level for a selection (`selected[k]` for `pairs[k]`, `competed[k]` for `positions[k]`).
    public func value(of level: Level, selected: [Bool], competed: [Bool]) -> Int {
        let weights = coefficients(of: level)
        var total = 0
        for (k, isSelected) in selected.enumerated() where isSelected { total += weights.pairs[k] }
        for (k, isCompeted) in competed.enumerated() where isCompeted { total += weights.positions[k] }
        return total
    }

    /// The model that maximizes `level` with earlier levels held at their optimum.
    ///
    /// - Parameters:
    ///   - envy: include the no-justified-envy rows (false only for the price of fairness).
    ///   - keep: pairs to reward as a last level (persistence against a baseline): maximized when `level` is nil.
    ///   - directEnvyUpTo: rank lists up to this long list "ranked above" terms directly; longer ones use running sums.
    /// - Complexity: O(pairs + positions) rows and coefficients (O(applicants²) per position on short rank lists).
    public func model(level: Level?, fixed: [FixedLevel], envy: Bool = true, keep: Set<Adjudication.PairKey> = [],
                      directEnvyUpTo: Int = ShortlistFormulation.largestDirectEnvyList) -> (model: LinearModel, columns: Columns) {
        var model = LinearModel(name: "shortlist_" + (level?.rawValue ?? "persistence"), sense: .maximize)
        let objective: (pairs: [Int], positions: [Int])
        if let level {
            objective = coefficients(of: level)
        } else {
            objective = (pairs.map { keep.contains(Adjudication.PairKey(cadre: $0.cadreID, position: $0.positionID)) ? 1 : 0 },
                         Array(repeating: 0, count: positions.count))
        }
        var positionColumns: [Int] = []
        for (k, position) in positions.enumerated() {
            positionColumns.append(model.addVariable(name: "z_\(ModelNames.clean(position.positionID))", kind: .binary,
                                                     objective: Double(objective.positions[k])))
        }
        var pairColumns: [Int] = []
        for (k, pair) in pairs.enumerated() {
            pairColumns.append(model.addVariable(name: "x_\(ModelNames.clean(pair.cadreID))_\(ModelNames.clean(pair.positionID))",
                                                 kind: .binary, objective: Double(objective.pairs[k])))
        }
        let positionOffset = Dictionary(uniqueKeysWithValues: positions.enumerated().map { ($1.positionID, $0) })

        // Σ_i x[i,j] = size_j · z[j]
        var pairsOfPosition: [[Int]] = Array(repeating: [], count: positions.count)
        for (k, pair) in pairs.enumerated() { pairsOfPosition[positionOffset[pair.positionID]!].append(k) }
        for (p, position) in positions.enumerated() {
            var terms = pairsOfPosition[p].map { LinearModel.Term(pairColumns[$0], 1) }
            terms.append(LinearModel.Term(positionColumns[p], Double(-position.listSize)))
            model.addConstraint(name: "list_\(ModelNames.clean(position.positionID))", terms: terms, lower: 0, upper: 0)
        }
        // Σ_j x[i,j] ≤ 1
        var pairsOfCadre: [CadreID: [Int]] = [:]
        for (k, pair) in pairs.enumerated() { pairsOfCadre[pair.cadreID, default: []].append(k) }
        for cadreID in pairsOfCadre.keys.sorted(by: idPrecedes) where pairsOfCadre[cadreID]!.count > 1 {
            model.addConstraint(name: "one_\(ModelNames.clean(cadreID))",
                                terms: pairsOfCadre[cadreID]!.map { LinearModel.Term(pairColumns[$0], 1) }, upper: 1)
        }
        var runningSums: [(column: Int, previous: Int, before: Int?)] = []
        if envy {
            runningSums = addEnvyRows(to: &model, pairColumns: pairColumns, positionColumns: positionColumns,
                                      pairsOfPosition: pairsOfPosition, pairsOfCadre: pairsOfCadre, directUpTo: directEnvyUpTo)
        }
        for fixedLevel in fixed {
            let weights = coefficients(of: fixedLevel.level)
            var terms: [LinearModel.Term] = []
            for (k, weight) in weights.pairs.enumerated() where weight != 0 { terms.append(.init(pairColumns[k], Double(weight))) }
            for (k, weight) in weights.positions.enumerated() where weight != 0 { terms.append(.init(positionColumns[k], Double(weight))) }
            model.addConstraint(name: "level_\(fixedLevel.level.rawValue)", terms: terms, lower: Double(fixedLevel.value))
        }
        return (model, Columns(pairColumns: pairColumns, positionColumns: positionColumns, runningSums: runningSums))
    }

    /// The cut generators GLPK uses on the shortlist levels: cover and clique cuts. Measured with
    /// `rotation-bench --tune` on the exported levels of the benchmark's preferences scenarios:
    /// Gomory's cuts cost most of the time there (`glp_gmi_gen` transforming one tableau row per
    /// fractional column) and buy nothing these rows' cliques do not; MIR cuts likewise.
    /// The price of fairness (no envy rows) keeps all four.
    public static let cuts: SolverOptions.CutGenerators = [.cover, .clique]

    /// Positions with more passed applicants than this write "ranked above" as running sums (O(n)
    /// coefficients); smaller ones list the terms directly (O(n²), but GLPK's simplex and branching
    /// are far faster on them: `rotation-bench` measured 0.03 s against 31 s at 1,000 cadres).
    public static let largestDirectEnvyList = 24

    /// No justified envy: size·Σ_{j' : p(i,j') ≤ p(i,j)} x[i,j'] + above[i,j] − size·z[j] ≥ 0,
    /// where above[i,j] = Σ_{i' ranked above i for j} x[i',j]: listed term by term for short rank
    /// lists, and for long ones a continuous column defined by the running sum above[k+1] = above[k] + x[k].
    /// Returns the running-sum columns it added.
    @discardableResult
    func addEnvyRows(to model: inout LinearModel, pairColumns: [Int], positionColumns: [Int],
                     pairsOfPosition: [[Int]], pairsOfCadre: [CadreID: [Int]], directUpTo: Int) -> [(column: Int, previous: Int, before: Int?)] {
        var runningSums: [(column: Int, previous: Int, before: Int?)] = []
        for (p, position) in positions.enumerated() {
            let ordered = pairsOfPosition[p].sorted { pairs[$0].rankIndex < pairs[$1].rankIndex }
            let usesRunningSums = ordered.count > directUpTo
            var aboveColumn: Int?
            for (place, k) in ordered.enumerated() {
                let pair = pairs[k]
                if usesRunningSums && place > 0 {
                    let previous = ordered[place - 1]
                    let column = model.addVariable(
                        name: "above_\(ModelNames.clean(pair.cadreID))_\(ModelNames.clean(position.positionID))",
                        kind: .continuous, lower: 0, upper: Double(position.listSize))
                    var terms = [LinearModel.Term(column, 1), LinearModel.Term(pairColumns[previous], -1)]
                    if let before = aboveColumn { terms.append(LinearModel.Term(before, -1)) }
                    model.addConstraint(name: "sum_\(ModelNames.clean(pair.cadreID))_\(ModelNames.clean(position.positionID))",
                                        terms: terms, lower: 0, upper: 0)
                    runningSums.append((column, pairColumns[previous], aboveColumn))
                    aboveColumn = column
                }
                let size = Double(position.listSize)
                var terms: [LinearModel.Term] = []
                for other in pairsOfCadre[pair.cadreID] ?? [] where pairs[other].preference <= pair.preference {
                    terms.append(LinearModel.Term(pairColumns[other], size))
                }
                if let above = aboveColumn {
                    terms.append(LinearModel.Term(above, 1))
                } else if !usesRunningSums {
                    for higher in ordered[..<place] { terms.append(LinearModel.Term(pairColumns[higher], 1)) }
                }
                terms.append(LinearModel.Term(positionColumns[p], -size))
                model.addConstraint(name: "envy_\(ModelNames.clean(pair.cadreID))_\(ModelNames.clean(position.positionID))",
                                    terms: terms, lower: 0)
            }
        }
        return runningSums
    }
}

/// Row and column names that every LP file format accepts.
enum ModelNames {
    /// Keeps ASCII letters and digits but `Z`; anything else (`_` and `Z` included) becomes `Z<hex>Z`
    /// of its code point. A cleaned id never contains `_`, so names joined with `_` cannot collide
    /// (`a_b`+`c` ≠ `a`+`b_c`), and names stay within `[A-Za-z0-9_]`.
    static func clean(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, CharacterSetLite.isAlphanumeric(scalar), scalar != "Z" {
                result.unicodeScalars.append(scalar)
            } else {
                result += "Z\(String(scalar.value, radix: 16))Z"
            }
        }
        guard result.count > 120 else { return result }
        // Too long for a readable name: a prefix and a stable hash of the whole (FNV-1a), still unique in practice.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return String(result.prefix(100)) + "Z" + String(hash, radix: 16)
    }

    /// A typed id, cleaned as its raw string.
    static func clean<Tag>(_ id: Tagged<Tag, String>) -> String { clean(id.rawValue) }
}

enum CharacterSetLite {
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
