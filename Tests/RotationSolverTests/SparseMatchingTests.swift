// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest

@testable import RotationSolver

/// The sparse maximum-weight matching (shortest augmenting paths) against brute force on tiny
/// graphs, against the dense Hungarian method on larger ones, and its deadline with an injected clock.
final class SparseMatchingTests: XCTestCase {
    typealias Edge = (row: Int, column: Int, weight: Int64)

    /// A random graph: each edge with `density`, lexicographic-style weights (a huge part and a small one).
    static func randomGraph(_ random: inout SplitMix64, rows: Int, columns: Int, density: Double) -> [Edge] {
        var edges: [Edge] = []
        for row in 0..<rows {
            for column in 0..<columns where random.chance(density) {
                let w = Int64(random.int(0...2)) * 1_000_000_000_000 + Int64(random.int(0...3)) * 10_000_000 + Int64(random.int(1...10_000))
                edges.append((row, column, w))
            }
        }
        return edges
    }

    /// The total weight of a matching, failing on a column used twice or a missing edge.
    static func total(_ match: [Int?], _ edges: [Edge], _ message: String) -> Int64 {
        var best: [Int: Int64] = [:]
        for edge in edges { best[edge.row * 1_000_000 + edge.column] = max(best[edge.row * 1_000_000 + edge.column] ?? 0, edge.weight) }
        let used = match.compactMap { $0 }
        XCTAssertEqual(Set(used).count, used.count, "\(message): a column used twice")
        var sum: Int64 = 0
        for (row, column) in match.enumerated() {
            guard let column else { continue }
            guard let w = best[row * 1_000_000 + column] else {
                XCTFail("\(message): matched a missing edge")
                continue
            }
            sum += w
        }
        return sum
    }

    func testTextbookExample() {
        let graph = SparseMatching.Graph(rows: 2, columns: 3, edges: [(0, 1, 5), (1, 1, 7), (1, 2, 6)])
        XCTAssertEqual(SparseMatching.maximumWeight(graph), SparseMatching.Result(match: [1, 2], complete: true))
    }

    func testEmptyOneSidedAndNonPositive() {
        XCTAssertEqual(SparseMatching.maximumWeight(SparseMatching.Graph(rows: 3, columns: 0, edges: [])).match, [nil, nil, nil])
        XCTAssertEqual(SparseMatching.maximumWeight(SparseMatching.Graph(rows: 2, columns: 2, edges: [])).match, [nil, nil])
        // A zero or negative edge never helps: the row stays unmatched.
        XCTAssertEqual(SparseMatching.maximumWeight(SparseMatching.Graph(rows: 2, columns: 2, edges: [(0, 0, 0), (1, 1, -3)])).match, [nil, nil])
    }

    /// Leaving a row unmatched can be best: one heavy edge beats two light ones through a shared column.
    func testUnmatchedRowCanBeOptimal() {
        let edges: [Edge] = [(0, 0, 10), (1, 0, 3), (1, 1, 1)]
        XCTAssertEqual(SparseMatching.maximumWeight(SparseMatching.Graph(rows: 2, columns: 2, edges: edges)).match, [0, 1])
        let edges2: [Edge] = [(0, 0, 10), (0, 1, 9), (1, 0, 8)]
        XCTAssertEqual(SparseMatching.maximumWeight(SparseMatching.Graph(rows: 2, columns: 2, edges: edges2)).match, [1, 0])
    }

    /// Property: on hundreds of tiny random graphs (up to 6 × 6, any density, parallel edges),
    /// the total equals brute force's, both ways round.
    func testRandomTinyGraphsMatchBruteForce() {
        var random = SplitMix64(seed: 20_261_203)
        for trial in 0..<600 {
            let rows = random.int(0...6), columns = random.int(0...6)
            var edges = Self.randomGraph(&random, rows: rows, columns: columns, density: [0.2, 0.5, 0.9][trial % 3])
            if let first = edges.first, trial % 5 == 0 { edges.append((first.row, first.column, first.weight / 2)) }  // a parallel edge
            var weight: [[Int64?]] = Array(repeating: Array(repeating: nil, count: columns), count: rows)
            for edge in edges { weight[edge.row][edge.column] = max(weight[edge.row][edge.column] ?? 0, edge.weight) }
            let expected = HungarianMatchingTests.bruteForce(rows: rows, columns: columns, weight: weight)
            let graph = SparseMatching.Graph(rows: rows, columns: columns, edges: edges)
            let result = SparseMatching.maximumWeight(graph)
            XCTAssertTrue(result.complete)
            XCTAssertEqual(Self.total(result.match, edges, "trial \(trial)"), expected, "trial \(trial)")
            let transposed = SparseMatching.maximumWeight(graph.transposed())
            XCTAssertEqual(Self.total(transposed.match, edges.map { ($0.column, $0.row, $0.weight) }, "trial \(trial) transposed"), expected,
                           "trial \(trial) transposed")
        }
    }

    /// Property: the sparse and the dense method agree on the optimum of larger random graphs
    /// (up to 40 × 70, sparse to dense, either side larger).
    func testAgreesWithTheHungarianMethod() {
        var random = SplitMix64(seed: 8_800)
        for trial in 0..<120 {
            let rows = random.int(1...40), columns = random.int(1...70)
            let edges = Self.randomGraph(&random, rows: rows, columns: columns, density: [0.03, 0.1, 0.4, 1][trial % 4])
            let sparse = SparseMatching.maximumWeight(SparseMatching.Graph(rows: rows, columns: columns, edges: edges))
            let dense = HungarianMatching.maximumWeight(rows: rows, columns: columns, edges: edges)
            XCTAssertEqual(Self.total(sparse.match, edges, "trial \(trial) sparse"), Self.total(dense, edges, "trial \(trial) dense"),
                           "trial \(trial) (\(rows) × \(columns), \(edges.count) edges)")
        }
    }

    /// A deadline already past: nothing is matched and the result says it is not complete.
    func testPastDeadlineStopsAtOnce() {
        var random = SplitMix64(seed: 3)
        let edges = Self.randomGraph(&random, rows: 20, columns: 20, density: 0.5)
        let graph = SparseMatching.Graph(rows: 20, columns: 20, edges: edges)
        let sparse = SparseMatching.maximumWeight(graph, deadline: .distantPast)
        XCTAssertEqual(sparse, SparseMatching.Result(match: Array(repeating: nil, count: 20), complete: false))
        let dense = HungarianMatching.maximumWeight(rows: 20, columns: 20, edges: edges, deadline: .distantPast)
        XCTAssertEqual(dense, SparseMatching.Result(match: Array(repeating: nil, count: 20), complete: false))
    }

    /// An injected clock that passes the deadline after a few looks: the search stops there with
    /// a valid (smaller) matching, never a broken one.
    func testDeadlineMidwayLeavesAValidMatching() {
        var random = SplitMix64(seed: 4)
        let edges = Self.randomGraph(&random, rows: 30, columns: 30, density: 0.6)
        let graph = SparseMatching.Graph(rows: 30, columns: 30, edges: edges)
        let deadline = Date(timeIntervalSince1970: 100)
        for looks in [1, 5, 12] {
            var seen = 0
            let clock = { () -> Date in
                seen += 1
                return Date(timeIntervalSince1970: seen > looks ? 200 : 0)
            }
            let sparse = SparseMatching.maximumWeight(graph, deadline: deadline, now: clock)
            XCTAssertFalse(sparse.complete)
            XCTAssertLessThanOrEqual(sparse.match.compactMap { $0 }.count, looks, "at most one row per look before the deadline")
            XCTAssertGreaterThan(sparse.match.compactMap { $0 }.count, 0)
            _ = Self.total(sparse.match, edges, "sparse, \(looks) looks")
            seen = 0
            let dense = HungarianMatching.maximumWeight(rows: 30, columns: 30, edges: edges, deadline: deadline, now: clock)
            XCTAssertFalse(dense.complete)
            XCTAssertLessThanOrEqual(dense.match.compactMap { $0 }.count, looks)
            XCTAssertGreaterThan(dense.match.compactMap { $0 }.count, 0)
            _ = Self.total(dense.match, edges, "dense, \(looks) looks")
        }
        let finished = SparseMatching.maximumWeight(graph, deadline: deadline, now: { Date(timeIntervalSince1970: 0) })
        XCTAssertTrue(finished.complete)
        XCTAssertEqual(Self.total(finished.match, edges, "finished"),
                       Self.total(HungarianMatching.maximumWeight(rows: 30, columns: 30, edges: edges), edges, "dense"))
    }
}
