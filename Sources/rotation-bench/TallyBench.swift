// SPDX-License-Identifier: GPL-3.0-or-later
//
// The ballot tally (`rotation tally`, rules T-*) on 100,000 generated ballot lines of each form,
// fixed seed: `swift run -c release rotation-bench --tally` (also run at the end of a full bench).
// The requirement: 100,000 lines tally in under a second (release build).
import Foundation
import RotationCore

enum TallyBench {
    /// 100,000 performance lines and 100,000 moral lines: 250 units of 8 mid-level cadres, 50 ballots each.
    static func box(lines: Int = 100_000, perBallot: Int = 8, seed: UInt64 = 2017) -> BallotBox {
        var random = SplitMix64(state: seed)
        let ballotsPerUnit = 50
        let units = lines / (perBallot * ballotsPerUnit)
        // Mostly 较好, some 一般 and 较差; per column one 好 on most ballots and a second on 5% (over the quota);
        // 2% empty cells, 1% spoiled.
        let others: [MoralGrade] = [.fairlyGood, .fairlyGood, .fairlyGood, .average, .poor]
        func column(_ count: Int) -> [BallotMark] {
            var marks = (0..<count).map { _ in BallotMark.grade(others[random.int(0...others.count - 1)]) }
            if random.chance(0.8) { marks[random.int(0...count - 1)] = .grade(.good) }
            if random.chance(0.05) { marks[random.int(0...count - 1)] = .grade(.good) }
            for index in marks.indices {
                let roll = random.int(0...99)
                if roll < 2 { marks[index] = .empty } else if roll < 3 { marks[index] = .spoiled([.good, .fairlyGood]) }
            }
            return marks
        }
        var meetings: [Meeting] = []
        var performance: [PerformanceBallot] = []
        var moral: [MoralBallot] = []
        for u in 0..<units {
            let unit = UnitID(rawValue: String(format: "U%04d", u))
            meetings.append(Meeting(unitID: unit, due: ballotsPerUnit + 5))
            let cadres = (0..<perBallot).map { CadreID(rawValue: String(format: "C%04d%02d", u, $0)) }
            for b in 0..<ballotsPerUnit {
                var lines: [PerformanceLine] = []
                var moralLines: [MoralLine] = []
                let performanceColumns = PerformanceColumn.allCases.map { _ in column(perBallot) }
                let moralColumns = MoralCategory.allCases.map { _ in column(perBallot) }
                for (k, cadre) in cadres.enumerated() {
                    let location = BallotLocation(file: "performance.csv", row: 2 + (u * ballotsPerUnit + b) * perBallot + k)
                    var marks: [PerformanceColumn: BallotMark] = [:]
                    for (c, name) in PerformanceColumn.allCases.enumerated() { marks[name] = performanceColumns[c][k] }
                    lines.append(PerformanceLine(cadreID: cadre, marks: marks, hasReason: random.chance(0.9), location: location))
                    var moralMarks: [MoralCategory: BallotMark] = [:]
                    var reverse: [MoralCategory: ReverseIndicators] = [:]
                    for (c, category) in MoralCategory.allCases.enumerated() {
                        moralMarks[category] = moralColumns[c][k]
                        if random.chance(0.02) { reverse[category] = ReverseIndicators(a: true) }
                    }
                    moralLines.append(MoralLine(cadreID: cadre, marks: moralMarks, reverse: reverse, hasReason: random.chance(0.9),
                                                location: BallotLocation(file: "moral.csv", row: location.row)))
                }
                performance.append(Ballot(id: "P-\(unit)-\(b)", unitID: unit, lines: lines))
                moral.append(Ballot(id: "M-\(unit)-\(b)", unitID: unit, lines: moralLines))
            }
        }
        return BallotBox(meetings: meetings, performance: performance, moral: moral)
    }

    static func run() {
        let full = box()
        let performanceLines = full.performance!.reduce(0) { $0 + $1.lines.count }
        let moralLines = full.moral!.reduce(0) { $0 + $1.lines.count }
        print("tally — \(performanceLines) performance lines (\(full.performance!.count) ballots), \(moralLines) moral lines, seed 2017")
        let rules = RuleSettings(referenceYear: 2017)
        let cases: [(String, BallotBox)] = [
            ("performance", BallotBox(meetings: full.meetings, performance: full.performance, moral: nil)),
            ("moral", BallotBox(meetings: full.meetings, performance: nil, moral: full.moral)),
            ("both", full),
        ]
        for (label, box) in cases {
            var best = Double.infinity
            var result: TallyResult?
            for _ in 0..<5 {
                let elapsed = seconds { result = Tally.count(box, rules: rules, confirmations: [:]) }
                best = min(best, elapsed)
            }
            let void = result?.ballots.filter(\.isVoid).count ?? 0
            print("  \(pad(label, 12)) best of 5: \(String(format: "%.3f", best)) s  (\(result?.cadres.count ?? 0) cadres, \(void) void ballots, "
                  + "\(result?.findings.count ?? 0) findings)")
        }
    }
}
