// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest

@testable import RotationSolver

/// The Hungarian method against brute force on small random bipartite graphs.
final class HungarianMatchingTests: XCTestCase {
    /// The best total weight over every matching, by exhaustive search.
    static func bruteForce(rows: Int, columns: Int, weight: [[Int64?]]) -> Int64 {
        var used = Array(repeating: false, count: columns)
        func best(_ row: Int) -> Int64 {
            guard row < rows else { return 0 }
            var value = best(row + 1) // row unmatched
            for column in 0..<columns where !used[column] {
                guard let w = weight[row][column] else { continue }
                used[column] = true
                value = max(value, w + best(row + 1))
                used[column] = false
            }
            return value
        }
        return best(0)
    }

    func testTextbookExample() {
        let match = HungarianMatching.maximumWeight(rows: 2, columns: 3, edges: [(0, 1, 5), (1, 1, 7), (1, 2, 6)])
        XCTAssertEqual(match, [1, 2])
    }

    func testEmptyAndOneSided() {
        XCTAssertEqual(HungarianMatching.maximumWeight(rows: 3, columns: 0, edges: []), [nil, nil, nil])
        XCTAssertEqual(HungarianMatching.maximumWeight(rows: 2, columns: 2, edges: []), [nil, nil])
    }

    func testRandomGraphsMatchBruteForce() {
        var random = SplitMix64(seed: 20_171_001)
        for trial in 0..<300 {
            let rows = random.int(1...6)
            let columns = random.int(1...6)
            var weight: [[Int64?]] = Array(repeating: Array(repeating: nil, count: columns), count: rows)
            var edges: [(row: Int, column: Int, weight: Int64)] = []
            for row in 0..<rows {
                for column in 0..<columns where random.chance(0.5) {
                    // Lexicographic-style weights: large and small parts, as the transfer phase uses.
                    let w = Int64(random.int(0...1)) * 1_000_000_000_000 + Int64(random.int(1...10_000))
                    weight[row][column] = w
                    edges.append((row, column, w))
                }
            }
            let match = HungarianMatching.maximumWeight(rows: rows, columns: columns, edges: edges)
            XCTAssertEqual(Set(match.compactMap { $0 }).count, match.compactMap { $0 }.count, "trial \(trial): a column used twice")
            var total: Int64 = 0
            for (row, column) in match.enumerated() {
                guard let column else { continue }
                guard let w = weight[row][column] else {
                    XCTFail("trial \(trial): matched a missing edge")
                    continue
                }
                total += w
            }
            XCTAssertEqual(total, Self.bruteForce(rows: rows, columns: columns, weight: weight), "trial \(trial)")
        }
    }
}
