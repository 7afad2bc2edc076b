// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest

@testable import LinearProgramming

final class ExportTests: XCTestCase {
    static func sample() -> LinearModel {
        var model = LinearModel(name: "tiny", sense: .maximize)
        let x = model.addVariable(name: "x", kind: .binary, objective: 3)
        let y = model.addVariable(name: "y", kind: .binary, objective: 2)
        let z = model.addVariable(name: "z", lower: 1.5, upper: 1.5)
        model.addConstraint(name: "pick_one", terms: [.init(x, 1), .init(y, 1)], upper: 1)
        model.addConstraint(name: "with z", terms: [.init(x, 2), .init(z, 1)], lower: 1)
        return model
    }

    func testCPLEXLPContainsTheRows() throws {
        let text = try Self.sample().export(.cplexLP)
        XCTAssertTrue(text.contains("\\* Problem: tiny *\\"), text)
        XCTAssertTrue(text.contains("Maximize"), text)
        XCTAssertTrue(text.contains("obj: + 3 x + 2 y"), text)
        XCTAssertTrue(text.contains("Subject To"), text)
        XCTAssertTrue(text.contains("pick_one: + y + x <= 1"), text)
        XCTAssertTrue(text.contains("with_z: + z + 2 x >= 1"), text)
        XCTAssertTrue(text.contains("z = 1.5"), text)
        XCTAssertTrue(text.contains("Generals"), text)
        XCTAssertTrue(text.hasSuffix("End\n"), text)
        // Deterministic.
        XCTAssertEqual(text, try Self.sample().export(.cplexLP))
    }

    /// What `export` writes, `LinearModel(importing:format:)` reads back: columns, rows, matrix, sense.
    func testImportReadsBackTheExport() throws {
        let model = Self.sample()
        for format in ModelFileFormat.allCases {
            let read = try LinearModel(importing: try model.export(format), format: format)
            XCTAssertEqual(read.variables.map(\.name), ["x", "y", "z"], "\(format)")
            XCTAssertEqual(read.variables.map(\.kind), [.binary, .binary, .continuous], "\(format)")
            XCTAssertEqual(read.variables[2].lower, 1.5)
            XCTAssertEqual(read.variables[2].upper, 1.5)
            XCTAssertEqual(read.constraints.map(\.name), ["pick_one", "with_z"], "\(format)")
            XCTAssertEqual(read.constraints[0].upper, 1)
            XCTAssertNil(read.constraints[0].lower)
            XCTAssertEqual(read.constraints[1].lower, 1)
            XCTAssertEqual(Set(read.constraints[1].terms.map { "\($0.variable):\($0.coefficient)" }), ["0:2.0", "2:1.0"])
            if format == .cplexLP {
                XCTAssertEqual(read.sense, .maximize)
                XCTAssertEqual(read.variables.map(\.objective), [3, 2, 0])
            }
            let solved = try GLPKSolver(options: .init(timeLimitSeconds: 5, messageLevel: .off)).solve(read)
            XCTAssertEqual(solved.status, .optimal)
        }
        // Same optimum as the model itself (CPLEX LP keeps the sense).
        let read = try LinearModel(importing: try model.export(.cplexLP), format: .cplexLP)
        XCTAssertEqual(try GLPKSolver().solve(read).objective, try GLPKSolver().solve(model).objective)
    }

    /// Text GLPK cannot parse is an error with GLPK's message, not an abort.
    func testImportRejectsInvalidText() {
        XCTAssertThrowsError(try LinearModel(importing: "Maximize\n obj: + 3 x +\nSubject To\n c: x <=\nEnd\n", format: .cplexLP)) {
            guard case GLPKError.failed(let message) = $0 else { return XCTFail("\($0)") }
            XCTAssertTrue(message.contains("could not read"), message)
        }
    }

    func testFreeMPS() throws {
        let text = try Self.sample().export(.freeMPS)
        XCTAssertTrue(text.contains("NAME tiny"), text)
        XCTAssertTrue(text.contains("ROWS"), text)
        XCTAssertTrue(text.contains(" L pick_one"), text)
        XCTAssertTrue(text.contains(" G with_z"), text)
        XCTAssertTrue(text.contains("COLUMNS"), text)
        XCTAssertTrue(text.contains("FX BND1 z 1.5"), text)
        XCTAssertTrue(text.hasSuffix("ENDATA\n"), text)
    }

    func testNamesAreSanitisedAndUnique() throws {
        var model = LinearModel(name: "名单 v1", sense: .minimize)
        let a = model.addVariable(name: "张三", objective: 1)
        let b = model.addVariable(name: "李四", objective: 1)
        let c = model.addVariable(name: "3rd-pick[1]", objective: 1)
        let d = model.addVariable(name: "", objective: 1)
        let e = model.addVariable(name: "free", objective: 1)
        model.addConstraint(name: "obj", terms: [.init(a, 1), .init(b, 1), .init(c, 1), .init(d, 1), .init(e, 1)], lower: 1)
        let names = model.exportNames()
        XCTAssertEqual(names.model, "___v1")
        XCTAssertEqual(names.columns, ["__", "___2", "_3rd_pick_1_", "x4", "_free"])
        XCTAssertEqual(names.rows, ["_obj"])
        let text = try model.export(.cplexLP)
        XCTAssertTrue(text.contains("_obj: "), text)
        XCTAssertTrue(text.allSatisfy(\.isASCII), text)
    }

    func testLongNamesStayWithinTheLimitWhenMadeUnique() {
        let long = String(repeating: "a", count: 255)
        let names = LinearModel.safeNames([long, long, long], emptyPrefix: "x")
        XCTAssertEqual(Set(names).count, 3)
        XCTAssertTrue(names.allSatisfy { $0.utf8.count <= 255 })
    }
}

final class MatchingTests: XCTestCase {
    func testMaximumCardinality() throws {
        // Greedy would match left 0 to right 0 and strand left 1.
        XCTAssertEqual(
            try BipartiteMatching.maximumCardinality(leftCount: 2, rightCount: 2, edges: [(0, 0), (0, 1), (1, 0)]),
            [1, 0])
        // Four left vertices, three right: at most 3.
        let edges = [(0, 0), (0, 1), (1, 0), (2, 1), (2, 2), (3, 2)].map { (left: $0.0, right: $0.1) }
        let match = try BipartiteMatching.maximumCardinality(leftCount: 4, rightCount: 3, edges: edges)
        XCTAssertEqual(match.compactMap { $0 }.count, 3)
        Self.assertMatching(match, edges: edges)
        // Three left vertices that all want right 0 (a Hall violator), with repeated edges.
        let crowded = try BipartiteMatching.maximumCardinality(
            leftCount: 3, rightCount: 2, edges: [(0, 0), (1, 0), (2, 0), (2, 0)])
        XCTAssertEqual(crowded.compactMap { $0 }, [0])
        // No edges, isolated vertices.
        XCTAssertEqual(try BipartiteMatching.maximumCardinality(leftCount: 2, rightCount: 5, edges: []), [nil, nil])
        XCTAssertEqual(try BipartiteMatching.maximumCardinality(leftCount: 0, rightCount: 0, edges: []), [])
    }

    /// GLPK 5.0's glp_asnprob_hall counts 2 here but flags only one arc (its MC21A read-out
    /// is wrong for non-perfect matchings); the wrapper must still return both pairs.
    func testMaximumCardinalityWhenGLPKFlagsTooFewArcs() throws {
        let edges = [(0, 2), (1, 1), (1, 2), (1, 3), (1, 4)].map { (left: $0.0, right: $0.1) }
        let match = try BipartiteMatching.maximumCardinality(leftCount: 2, rightCount: 5, edges: edges)
        XCTAssertEqual(match[0], 2)
        XCTAssertNotNil(match[1])
        Self.assertMatching(match, edges: edges)
    }

    func testAugmentingPathsFromAnEmptyMatching() throws {
        // left 0 – {0, 1}, left 1 – {0}, left 2 – {1, 2}: the maximum (3) needs re-routing.
        let left: [Int32] = [0, 0, 1, 2, 2]
        let right: [Int32] = [0, 1, 0, 1, 2]
        var match: [Int?] = [0, nil, nil]
        try BipartiteMatching.augment(&match, to: 3, left: left, right: right, rightCount: 3)
        XCTAssertEqual(match.compactMap { $0 }.count, 3)
        XCTAssertEqual(match[1], 0)
        XCTAssertThrowsError(try BipartiteMatching.augment(&match, to: 4, left: left, right: right, rightCount: 3))
    }

    func testMaximumWeightAssignment() throws {
        let weights = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
        var edges: [(left: Int, right: Int, weight: Int)] = []
        for (l, row) in weights.enumerated() {
            for (r, w) in row.enumerated() { edges.append((l, r, w)) }
        }
        let (total, match) = try BipartiteMatching.maximumWeightAssignment(leftCount: 3, rightCount: 3, edges: edges)
        XCTAssertEqual(total, 11)
        XCTAssertEqual(match, [0, 2, 1])

        // Not necessarily perfect: one heavy edge beats the perfect matching (1 + 1).
        let single = try BipartiteMatching.maximumWeightAssignment(
            leftCount: 2, rightCount: 2, edges: [(0, 0, 10), (0, 1, 1), (1, 0, 1)])
        XCTAssertEqual(single.total, 10)
        XCTAssertEqual(single.match, [0, nil])

        // Negative edges are never used; for repeated edges the heaviest counts.
        let negative = try BipartiteMatching.maximumWeightAssignment(
            leftCount: 1, rightCount: 2, edges: [(0, 0, -5), (0, 1, 3), (0, 1, 7), (0, 1, 2)])
        XCTAssertEqual(negative.total, 7)
        XCTAssertEqual(negative.match, [1])
        let none = try BipartiteMatching.maximumWeightAssignment(leftCount: 1, rightCount: 1, edges: [(0, 0, -5)])
        XCTAssertEqual(none.total, 0)
        XCTAssertEqual(none.match, [nil])
    }

    func testAgainstBruteForceOnSmallRandomGraphs() throws {
        var state: UInt64 = 12345
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<40 {
            let leftCount = 1 + next(5)
            let rightCount = 1 + next(5)
            var edges: [(left: Int, right: Int, weight: Int)] = []
            for l in 0..<leftCount {
                for r in 0..<rightCount where next(100) < 45 { edges.append((l, r, next(21) - 5)) }
            }
            let (bestCardinality, bestWeight) = Self.bruteForce(leftCount, rightCount, edges)
            let plain = edges.map { (left: $0.left, right: $0.right) }
            let match = try BipartiteMatching.maximumCardinality(leftCount: leftCount, rightCount: rightCount, edges: plain)
            XCTAssertEqual(match.compactMap { $0 }.count, bestCardinality)
            Self.assertMatching(match, edges: plain)
            let weighted = try BipartiteMatching.maximumWeightAssignment(
                leftCount: leftCount, rightCount: rightCount, edges: edges)
            XCTAssertEqual(weighted.total, bestWeight)
            Self.assertMatching(weighted.match, edges: plain)
            var total = 0
            for (l, r) in weighted.match.enumerated() {
                if let r { total += edges.filter { $0.left == l && $0.right == r }.map(\.weight).max()! }
            }
            XCTAssertEqual(total, weighted.total)
        }
    }

    func testInvalidEdgesAreRejected() {
        XCTAssertThrowsError(try BipartiteMatching.maximumCardinality(leftCount: 2, rightCount: 2, edges: [(0, 2)])) {
            guard case GLPKError.invalidModel = $0 else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try BipartiteMatching.maximumCardinality(leftCount: -1, rightCount: 2, edges: [])) {
            guard case GLPKError.invalidModel = $0 else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(
            try BipartiteMatching.maximumWeightAssignment(leftCount: 1, rightCount: 1, edges: [(0, 0, Int(Int32.max) + 1)])
        ) {
            guard case GLPKError.invalidModel = $0 else { return XCTFail("\($0)") }
        }
    }

    // MARK: helpers

    static func assertMatching(_ match: [Int?], edges: [(left: Int, right: Int)], file: StaticString = #filePath, line: UInt = #line) {
        var used = Set<Int>()
        for (l, r) in match.enumerated() {
            guard let r else { continue }
            XCTAssertTrue(edges.contains { $0.left == l && $0.right == r }, "(\(l), \(r)) is no edge", file: file, line: line)
            XCTAssertTrue(used.insert(r).inserted, "right \(r) matched twice", file: file, line: line)
        }
    }

    /// Exhaustive search: the largest matching size and the largest total weight.
    static func bruteForce(_ leftCount: Int, _ rightCount: Int, _ edges: [(left: Int, right: Int, weight: Int)]) -> (Int, Int) {
        var weight = [[Int?]](repeating: [Int?](repeating: nil, count: rightCount), count: leftCount)
        for edge in edges { weight[edge.left][edge.right] = max(weight[edge.left][edge.right] ?? Int.min, edge.weight) }
        var best = (cardinality: 0, weight: 0)
        var used = [Bool](repeating: false, count: rightCount)
        func visit(_ l: Int, _ cardinality: Int, _ total: Int) {
            if l == leftCount {
                best.cardinality = max(best.cardinality, cardinality)
                best.weight = max(best.weight, total)
                return
            }
            visit(l + 1, cardinality, total)
            for r in 0..<rightCount where !used[r] {
                if let w = weight[l][r] {
                    used[r] = true
                    visit(l + 1, cardinality + 1, total + w)
                    used[r] = false
                }
            }
        }
        visit(0, 0, 0)
        return (best.cardinality, best.weight)
    }
}
