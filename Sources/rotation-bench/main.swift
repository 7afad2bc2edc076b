// SPDX-License-Identifier: GPL-3.0-or-later
//
// rotation-bench: the optimizer on generated scenarios of growing size (fixed seeds).
//
//     swift run -c release rotation-bench [--quick] [--time-limit SECONDS] [--log]
//
// For each size: the shortlist and transfer models' columns / rows / non-zeros, the seconds of
// each phase, the status and the objective levels. Then one structural comparison measured in
// the same run: the compact cumulative no-envy rows (what ShortlistFormulation builds) against
// the naive formulation with every "ranked above" pair spelled out (O(applicants²) per position),
// and GLPK's MILP against BipartiteMatching on a pure transfer matching.
import Foundation
import LinearProgramming
import RotationCore
import RotationSolver

// MARK: Deterministic generator

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

struct Spec {
    var label: String
    var cadres: Int
    var positions: Int
    var mode: Mode
    /// Share of cadres who apply at all.
    var applying: Double
    var seed: UInt64
}

/// A scenario in the spirit of the seed: departments and towns, deputies and chiefs, up to K = 3
/// applications per cadre to positions of nearby units, five judges per interview, a share of
/// cadres due for rotation or accepting transfer, transfer fits for some pairs.
func generate(_ spec: Spec) -> Scenario {
    var random = SplitMix64(state: spec.seed)
    var scenario = Scenario(name: spec.label, referenceDate: YearMonth(year: 2017, month: 10))
    scenario.mode = spec.mode
    scenario.maxPreferences = spec.mode == .preferences ? 3 : 1
    scenario.transfer.enabled = true
    scenario.transfer.sameLevelOnly = true
    scenario.transfer.maxPerUnitPair = 2
    let unitCount = max(spec.positions / 3, 4)
    for u in 0..<unitCount {
        scenario.units.append(Unit(id: UnitID(rawValue: String(format: "U%03d", u)), name: "unit \(u)", kind: u % 5 == 4 ? .town : .department,
                                   approvedPosts: 8))
    }
    for p in 0..<spec.positions {
        let unit = p % unitCount
        scenario.positions.append(Position(id: PositionID(rawValue: String(format: "P%04d", p)), unitID: UnitID(rawValue: String(format: "U%03d", unit)),
                                           title: "post \(p)", level: random.chance(0.7) ? .deputy : .chief))
    }
    let years = scenario.rules.assessmentYears
    for c in 0..<spec.cadres {
        let id = CadreID(rawValue: String(format: "C%05d", c))
        let unit = random.int(0...(unitCount - 1))
        let level: Level = random.chance(0.65) ? .deputy : (random.chance(0.6) ? .chief : .staff)
        let due = level != .staff && random.chance(0.3)
        scenario.cadres.append(Cadre(
            id: id, name: "cadre \(c)", gender: random.chance(0.6) ? .male : .female,
            birth: YearMonth(year: random.int(1965...1988), month: random.int(1...12)), unitID: UnitID(rawValue: String(format: "U%03d", unit)),
            level: level, levelSince: YearMonth(year: random.int(2008...2015), month: random.int(1...12)),
            positionSince: due ? YearMonth(year: 2009, month: random.int(1...12)) : YearMonth(year: 2014, month: 1),
            sectionYears: Fraction(random.int(0...8)), acceptsTransfer: random.chance(0.3)))
        for year in years {
            let grade: AssessmentGrade = random.chance(0.02) ? .basicallyCompetent : (random.chance(0.2) ? .excellent : .competent)
            scenario.assessments.append(AssessmentRecord(cadreID: id, year: year, grade: grade))
        }
        guard random.chance(spec.applying) else { continue }
        let count = spec.mode == .preferences ? random.int(2...3) : 1
        var chosen: [Int] = []
        var attempts = 0
        while chosen.count < count && attempts < 20 {
            attempts += 1
            // Nearby units: positions whose unit is within ±6 of the cadre's, so that lists overlap.
            let target = ((unit + random.int(-6...6)) % unitCount + unitCount) % unitCount
            let candidates = stride(from: target, to: spec.positions, by: unitCount).map { $0 }
            guard !candidates.isEmpty else { continue }
            let p = candidates[random.int(0...(candidates.count - 1))]
            if p % unitCount == unit || chosen.contains(p) { continue }
            chosen.append(p)
        }
        for (offset, p) in chosen.enumerated() {
            let positionID = PositionID(rawValue: String(format: "P%04d", p))
            scenario.applications.append(Application(cadreID: id, positionID: positionID, preference: offset + 1))
            let base = random.int(5500...9500)
            for judge in 1...5 {
                let score = max(0, min(10000, base + random.int(-300...300)))
                scenario.interviews!.append(JudgeScore(cadreID: id, positionID: positionID, judgeID: "J\(judge)",
                                                       score: ExactDecimal(units: score, scale: 2)))
            }
        }
    }
    for cadre in scenario.cadres where random.chance(0.3) {
        for _ in 0..<3 {
            let p = random.int(0...(spec.positions - 1))
            scenario.transferFits.append(TransferFit(cadreID: cadre.id, positionID: PositionID(rawValue: String(format: "P%04d", p)),
                                                     fitHundredths: random.int(0...10000)))
        }
    }
    return scenario
}

// MARK: Measuring

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func fmt(_ value: Double) -> String { String(format: "%.2f", value) }

/// The level-1 shortlist model with the naive no-envy rows: for each passed pair (i, j),
/// r·Σ_{j' liked at least as much} x_ij' + Σ_{i' ranked above i} x_i'j − r·z_j ≥ 0, every
/// "above" term written out.
func naiveShortlistModel(_ formulation: ShortlistFormulation) -> LinearModel {
    var model = LinearModel(name: "naive_positions_competed", sense: .maximize)
    let z = formulation.positions.map { model.addVariable(name: "z_\($0.positionID)", kind: .binary, objective: 1) }
    let x = formulation.pairs.map { model.addVariable(name: "x_\($0.cadreID)_\($0.positionID)", kind: .binary) }
    var pairsOfPosition: [PositionID: [Int]] = [:]
    var pairsOfCadre: [CadreID: [Int]] = [:]
    for (k, pair) in formulation.pairs.enumerated() {
        pairsOfPosition[pair.positionID, default: []].append(k)
        pairsOfCadre[pair.cadreID, default: []].append(k)
    }
    for (p, position) in formulation.positions.enumerated() {
        var terms = (pairsOfPosition[position.positionID] ?? []).map { LinearModel.Term(x[$0], 1) }
        terms.append(.init(z[p], -Double(position.listSize)))
        model.addConstraint(name: "list_\(position.positionID)", terms: terms, lower: 0, upper: 0)
    }
    for (cadre, members) in pairsOfCadre.sorted(by: { $0.key < $1.key }) where members.count > 1 {
        model.addConstraint(name: "one_\(cadre)", terms: members.map { .init(x[$0], 1) }, upper: 1)
    }
    for (p, position) in formulation.positions.enumerated() {
        let ordered = (pairsOfPosition[position.positionID] ?? []).sorted { formulation.pairs[$0].rankIndex < formulation.pairs[$1].rankIndex }
        let size = Double(position.listSize)
        for (place, k) in ordered.enumerated() {
            let pair = formulation.pairs[k]
            var terms: [LinearModel.Term] = []
            for other in pairsOfCadre[pair.cadreID] ?? [] where formulation.pairs[other].preference <= pair.preference {
                terms.append(.init(x[other], size))
            }
            for above in ordered[..<place] { terms.append(.init(x[above], 1)) }
            terms.append(.init(z[p], -size))
            model.addConstraint(name: "envy_\(pair.cadreID)_\(pair.positionID)", terms: terms, lower: 0)
        }
    }
    return model
}

func describe(_ solution: Solution) -> String {
    let objective = solution.objective.map { String(Int($0.rounded())) } ?? "-"
    let bound = solution.bound.map { String(Int($0.rounded(.down))) } ?? "-"
    return "\(solution.status.rawValue) \(objective)≤\(bound)"
}

// MARK: Main

let arguments = CommandLine.arguments.dropFirst()
let quick = arguments.contains("--quick")
/// `--log`: print the tail of GLPK's log for the compact and naive solves.
let showLog = arguments.contains("--log")
var timeLimit = quick ? 10.0 : SolverSettings.defaultTimeLimitSeconds
if let index = arguments.firstIndex(of: "--time-limit"), arguments.index(after: index) < arguments.endIndex,
   let value = Double(arguments[arguments.index(after: index)]) {
    timeLimit = value
}
if arguments.contains("--help") || arguments.contains("-h") {
    print("usage: rotation-bench [--quick] [--time-limit SECONDS] [--log]\n       rotation-bench --tune MODELS_FOLDER [--time-limit SECONDS] [--log]")
    exit(0)
}
if let index = arguments.firstIndex(of: "--tune"), arguments.index(after: index) < arguments.endIndex {
    tune(folder: arguments[arguments.index(after: index)], timeLimit: timeLimit, showLog: showLog)
    exit(0)
}
// The ballot tally (TallyBench.swift): alone with --tally, else after the solver benchmarks.
if arguments.contains("--tally") { TallyBench.run(); exit(0) }

let specs: [Spec] = quick
    ? [Spec(label: "pref-200", cadres: 200, positions: 20, mode: .preferences, applying: 0.9, seed: 11),
       Spec(label: "pref-500", cadres: 500, positions: 50, mode: .preferences, applying: 0.9, seed: 12),
       Spec(label: "transfer-300", cadres: 300, positions: 60, mode: .competition, applying: 0.1, seed: 14)]
    : [Spec(label: "pref-200", cadres: 200, positions: 20, mode: .preferences, applying: 0.9, seed: 11),
       Spec(label: "pref-1000", cadres: 1000, positions: 100, mode: .preferences, applying: 0.9, seed: 12),
       Spec(label: "pref-3000", cadres: 3000, positions: 300, mode: .preferences, applying: 0.9, seed: 13),
       Spec(label: "transfer-1000", cadres: 1000, positions: 200, mode: .competition, applying: 0.1, seed: 14)]

print("rotation-bench — GLPK \(GLPK.version), time limit \(fmt(timeLimit)) s per solve\(quick ? " (quick)" : "")")
print("")
let header = [pad("scenario", 14), pad("cadres", 7), pad("posts", 6), pad("pairs", 7), pad("comp", 10),
              pad("shortlist cols/rows/nnz", 24), pad("transfer cols/rows/nnz", 23),
              pad("shortlist s", 12), pad("fairness s", 11), pad("transfer s", 11), pad("status", 11), "levels"]
print(header.joined(separator: " "))

var compactRows: [(String, ShortlistFormulation)] = []
var transferPhases: [(String, TransferPhase)] = []
for spec in specs {
    let scenario = generate(spec)
    var adjudication: Adjudication!
    let adjudicate = seconds { adjudication = Adjudication(scenario: scenario) }
    let formulation = ShortlistFormulation(adjudication)
    let components = formulation.components()
    let shortlistModel = formulation.model(level: .positionsCompeted, fixed: []).model
    let optimizer = RotationOptimizer(options: SolveOptions(timeLimitSeconds: timeLimit))
    var report: SolveReport?
    var failure: String?
    let total = seconds {
        do { report = try optimizer.solve(adjudication) } catch { failure = "\(error)" }
    }
    let competition = report?.plan ?? adjudication.competitionByRules()
    let phase = TransferPhase(adjudication: adjudication, competition: Plan(
        shortlist: competition.shortlist, withdrawn: competition.withdrawn,
        placements: competition.placements.filter { $0.phase == .competition }))
    let transferModel = phase.model(level: .duePlaced, fixed: [], placeAllDue: false)
    func phaseSeconds(_ name: ObjectivePhase) -> Double { report?.levels.filter { $0.phase == name }.reduce(0) { $0 + $1.seconds } ?? 0 }
    let largest = components.map(\.count).max() ?? 0
    let levelText = report.map { r in
        r.levels.filter { $0.phase != .priceOfFairness }
            .map { "\($0.name)=\($0.value)\($0.status == .optimal || $0.status == .trivial ? "" : "≤\($0.bound)")" }
            .joined(separator: " ") + (r.positionsCompetedWithoutEnvy.map { " without_envy=\($0)" } ?? "")
    } ?? "threw: \(failure ?? "?")"
    let row = [pad(spec.label, 14), pad("\(spec.cadres)", 7), pad("\(spec.positions)", 6), pad("\(formulation.pairs.count)", 7),
               pad("\(components.count)/\(largest)", 10),
               pad("\(shortlistModel.variables.count)/\(shortlistModel.constraints.count)/\(shortlistModel.nonZeroCount)", 24),
               pad("\(transferModel.variables.count)/\(transferModel.constraints.count)/\(transferModel.nonZeroCount)", 23),
               pad(fmt(phaseSeconds(.shortlist)), 12), pad(fmt(phaseSeconds(.priceOfFairness)), 11),
               pad(fmt(phaseSeconds(.transfer)), 11), pad(report?.status.rawValue ?? "error", 11), levelText]
    print(row.joined(separator: " "))
    print(pad("", 14) + " adjudication \(fmt(adjudicate)) s, whole solve \(fmt(total)) s (comp = components/largest in positions)")
    compactRows.append((spec.label, formulation))
    transferPhases.append((spec.label, phase))
}

print("")
print("Compact cumulative no-envy rows vs naive O(applicants²) rows — level 1 (positions competed), whole model, one GLPK solve each")
print("(nnz n/c = naive ÷ compact non-zeros; time c/n = compact ÷ naive seconds, > 1 when the compact rows are slower):")
print([pad("scenario", 14), pad("compact nnz", 12), pad("naive nnz", 12), pad("nnz n/c", 10),
       pad("compact s", 10), pad("naive s", 10), pad("time c/n", 11), pad("compact", 18), "naive"].joined(separator: " "))
let solver = GLPKSolver(options: SolverOptions(timeLimitSeconds: timeLimit, messageLevel: .off))
for (label, formulation) in compactRows where formulation.pairs.count <= (quick ? 4000 : 12000) {
    // Running sums on every rank list (what ShortlistFormulation uses only on lists longer than
    // `largestDirectEnvyList`), against every "ranked above" term listed.
    let compact = formulation.model(level: .positionsCompeted, fixed: [], directEnvyUpTo: 0).model
    let naive = naiveShortlistModel(formulation)
    var compactSolution: Solution?
    var naiveSolution: Solution?
    let compactSeconds = seconds { compactSolution = try? solver.solve(compact) }
    let naiveSeconds = seconds { naiveSolution = try? solver.solve(naive) }
    if showLog {
        let verbose = GLPKSolver(options: SolverOptions(timeLimitSeconds: timeLimit))
        for (name, m) in [("compact", compact), ("naive", naive)] {
            let s = try! verbose.solve(m)
            print("---- \(label) \(name)\n" + s.log.split(separator: "\n").suffix(14).joined(separator: "\n"))
        }
    }
    print([pad(label, 14), pad("\(compact.nonZeroCount)", 12), pad("\(naive.nonZeroCount)", 12),
           pad(fmt(Double(naive.nonZeroCount) / Double(max(compact.nonZeroCount, 1))), 10),
           pad(fmt(compactSeconds), 10), pad(fmt(naiveSeconds), 10), pad(fmt(compactSeconds / max(naiveSeconds, 1e-6)), 11),
           pad(compactSolution.map(describe) ?? "error", 18), naiveSolution.map(describe) ?? "error"].joined(separator: " "))
}

print("")
print("Pure transfer matching (maximise vacancies filled, no caps): GLPK MILP vs BipartiteMatching.maximumCardinality:")
print([pad("scenario", 14), pad("edges", 8), pad("MILP s", 8), pad("matching s", 11), pad("MILP/match", 11), pad("MILP", 22), "matching"].joined(separator: " "))
for (label, phase) in transferPhases {
    let cadres = Dictionary(uniqueKeysWithValues: phase.candidates.enumerated().map { ($1, $0) })
    let vacancies = Dictionary(uniqueKeysWithValues: phase.vacancies.enumerated().map { ($1, $0) })
    let edges = phase.pairs.map { (left: cadres[$0.cadreID]!, right: vacancies[$0.positionID]!) }
    var model = LinearModel(name: "matching", sense: .maximize)
    let y = phase.pairs.map { model.addVariable(name: "y_\($0.cadreID)_\($0.positionID)", kind: .binary, objective: 1) }
    var byCadre: [Int: [Int]] = [:]
    var byVacancy: [Int: [Int]] = [:]
    for (k, edge) in edges.enumerated() { byCadre[edge.left, default: []].append(k); byVacancy[edge.right, default: []].append(k) }
    for (_, members) in byCadre.sorted(by: { $0.key < $1.key }) where members.count > 1 {
        model.addConstraint(name: "c", terms: members.map { .init(y[$0], 1) }, upper: 1)
    }
    for (_, members) in byVacancy.sorted(by: { $0.key < $1.key }) where members.count > 1 {
        model.addConstraint(name: "v", terms: members.map { .init(y[$0], 1) }, upper: 1)
    }
    var milp: Solution?
    var matched = -1
    let milpSeconds = seconds { milp = try? solver.solve(model) }
    let matchingSeconds = seconds {
        if let match = try? BipartiteMatching.maximumCardinality(leftCount: phase.candidates.count, rightCount: phase.vacancies.count,
                                                                edges: edges) {
            matched = match.compactMap { $0 }.count
        }
    }
    print([pad(label, 14), pad("\(edges.count)", 8), pad(fmt(milpSeconds), 8), pad(fmt(matchingSeconds), 11),
           pad(fmt(milpSeconds / max(matchingSeconds, 1e-6)), 11), pad(milp.map(describe) ?? "error", 22), "\(matched)"].joined(separator: " "))
}

print("")
TallyBench.run()
