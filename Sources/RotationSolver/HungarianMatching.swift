// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Maximum-weight bipartite matching (not necessarily perfect) by the Hungarian method with
/// potentials, on exact 64-bit integer weights.
///
/// Rows are the smaller side; a missing edge weighs 0, which is the same as leaving the row
/// unmatched, so only positive weights are kept. Exact: optimality is proven by the dual
/// potentials the method maintains.
///
/// ```swift
/// let match = HungarianMatching.maximumWeight(rows: 2, columns: 3, edges: [(0, 1, 5), (1, 1, 7), (1, 2, 6)])
/// // match == [1, 2] (total 11)
/// ```
/// - Complexity: O(rows² · columns) time, O(rows · columns) memory.
enum HungarianMatching {
    /// `result[row]` is the matched column, or nil.
    static func maximumWeight(rows: Int, columns: Int, edges: [(row: Int, column: Int, weight: Int64)]) -> [Int?] {
        maximumWeight(rows: rows, columns: columns, edges: edges, deadline: nil).match
    }

    /// The same, stopped between two rows once `now()` passes `deadline`: the rows done so far are
    /// matched (a valid matching, `complete == false`, not proven best).
    static func maximumWeight(rows: Int, columns: Int, edges: [(row: Int, column: Int, weight: Int64)],
                              deadline: Date?, now: () -> Date = Date.init) -> SparseMatching.Result {
        guard rows > 0, columns > 0 else { return SparseMatching.Result(match: Array(repeating: nil, count: rows), complete: true) }
        if rows > columns {
            let transposed = maximumWeight(rows: columns, columns: rows, edges: edges.map { ($0.column, $0.row, $0.weight) },
                                           deadline: deadline, now: now)
            var result: [Int?] = Array(repeating: nil, count: rows)
            for (column, row) in transposed.match.enumerated() { if let row { result[row] = column } }
            return SparseMatching.Result(match: result, complete: transposed.complete)
        }
        // cost[i][j] = −weight (minimization), 1-based as in the classic formulation; slot 0 unused.
        let width = columns + 1
        var cost = [Int64](repeating: 0, count: (rows + 1) * width)
        for edge in edges where edge.weight > 0 {
            let slot = (edge.row + 1) * width + edge.column + 1
            cost[slot] = min(cost[slot], -edge.weight)
        }
        let infinity = Int64.max / 4
        var rowPotential = [Int64](repeating: 0, count: rows + 1)
        var columnPotential = [Int64](repeating: 0, count: columns + 1)
        var rowOfColumn = [Int](repeating: 0, count: columns + 1)
        var way = [Int](repeating: 0, count: columns + 1)
        var complete = true
        for row in 1...rows {
            if let deadline, now() >= deadline {
                complete = false
                break
            }
            rowOfColumn[0] = row
            var column0 = 0
            var minimum = [Int64](repeating: infinity, count: columns + 1)
            var used = [Bool](repeating: false, count: columns + 1)
            repeat {
                used[column0] = true
                let row0 = rowOfColumn[column0]
                var delta = infinity
                var column1 = 0
                let base = row0 * width
                for column in 1...columns where !used[column] {
                    let reduced = cost[base + column] - rowPotential[row0] - columnPotential[column]
                    if reduced < minimum[column] {
                        minimum[column] = reduced
                        way[column] = column0
                    }
                    if minimum[column] < delta {
                        delta = minimum[column]
                        column1 = column
                    }
                }
                for column in 0...columns {
                    if used[column] {
                        rowPotential[rowOfColumn[column]] += delta
                        columnPotential[column] -= delta
                    } else {
                        minimum[column] -= delta
                    }
                }
                column0 = column1
            } while rowOfColumn[column0] != 0
            repeat {
                let column1 = way[column0]
                rowOfColumn[column0] = rowOfColumn[column1]
                column0 = column1
            } while column0 != 0
        }
        var result: [Int?] = Array(repeating: nil, count: rows)
        for column in 1...columns where rowOfColumn[column] != 0 {
            let row = rowOfColumn[column]
            // A zero-cost assignment is no edge: the row stays unmatched.
            if cost[row * width + column] < 0 { result[row - 1] = column - 1 }
        }
        return SparseMatching.Result(match: result, complete: complete)
    }
}
