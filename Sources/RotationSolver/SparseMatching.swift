// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Maximum-weight bipartite matching (not necessarily perfect) on a sparse graph, by successive
/// shortest augmenting paths: one Dijkstra search per row over reduced costs (Jonker–Volgenant
/// style potentials on adjacency lists), each stopped at the first free column it reaches.
/// Exact 64-bit integer weights; a missing edge is no edge (a row may stay unmatched at weight 0).
///
/// As a minimum-cost problem (cost −weight), every row gets a private zero-cost "stay unmatched"
/// column. The potentials `u` (rows) and `v` (columns, all ≤ 0, 0 on free ones) keep every
/// reduced cost `c − u − v` non-negative and the matched ones at 0: when the last row is in, the
/// duals prove the matching optimal (complementary slackness), with no tolerance.
///
/// ```swift
/// let graph = SparseMatching.Graph(rows: 2, columns: 3, edges: [(0, 1, 5), (1, 1, 7), (1, 2, 6)])
/// let result = SparseMatching.maximumWeight(graph)
/// // result.match == [1, 2] (total 11), result.complete == true
/// ```
/// - Complexity: O(rows · edges · log columns) in the worst case, usually far less (each search
///   stops at the first free column); O(rows + columns + edges) memory.
enum SparseMatching {
    /// Edges by row (compressed rows): the edges of row `r` are `start[r] ..< start[r + 1]`.
    struct Graph {
        let rows: Int
        let columns: Int
        let start: [Int]
        let column: [Int32]
        let weight: [Int64]

        /// Keeps the positive edges only (a non-positive edge never helps). `edges(add)` is called twice
        /// (once to count, once to fill) and must give the same edges both times.
        ///
        /// - Complexity: O(rows + edges).
        init(rows: Int, columns: Int, edges: (_ add: (Int, Int, Int64) -> Void) -> Void) {
            self.rows = rows
            self.columns = columns
            var degree = [Int](repeating: 0, count: rows + 1)
            edges { row, _, weight in if weight > 0 { degree[row + 1] += 1 } }
            for r in 0..<rows { degree[r + 1] += degree[r] }
            var next = Array(degree.dropLast())
            var columnOf = [Int32](repeating: 0, count: degree[rows])
            var weightOf = [Int64](repeating: 0, count: degree[rows])
            edges { row, column, weight in
                guard weight > 0 else { return }
                columnOf[next[row]] = Int32(column)
                weightOf[next[row]] = weight
                next[row] += 1
            }
            start = degree
            column = columnOf
            weight = weightOf
        }

        init(rows: Int, columns: Int, edges: [(row: Int, column: Int, weight: Int64)]) {
            self.init(rows: rows, columns: columns) { add in
                for edge in edges { add(edge.row, edge.column, edge.weight) }
            }
        }

        var edgeCount: Int { column.count }

        /// The same graph with rows and columns exchanged.
        func transposed() -> Graph {
            Graph(rows: columns, columns: rows) { add in
                for r in 0..<rows { for e in start[r]..<start[r + 1] { add(Int(column[e]), r, weight[e]) } }
            }
        }
    }

    struct Result: Equatable {
        /// `match[row]`: the matched column, or nil.
        var match: [Int?]
        /// False when the deadline stopped the search: `match` is then a matching, not proven best.
        var complete: Bool
    }

    /// How many heap pops between two looks at the clock.
    static let clockEvery = 4096

    /// The maximum-weight matching; stops early (a valid, smaller matching, `complete == false`)
    /// once `now()` passes `deadline`, looked at every `clockEvery` steps.
    static func maximumWeight(_ graph: Graph, deadline: Date? = nil, now: () -> Date = Date.init) -> Result {
        let rows = graph.rows, columns = graph.columns
        var match = [Int?](repeating: nil, count: rows)
        guard rows > 0, columns > 0 else { return Result(match: match, complete: true) }
        let infinity = Int64.max / 4
        // Potentials of the minimum-cost form (cost = −weight).
        var rowPotential = [Int64](repeating: 0, count: rows)
        var columnPotential = [Int64](repeating: 0, count: columns)
        var rowOfColumn = [Int32](repeating: -1, count: columns)
        for r in 0..<rows {
            var best: Int64 = 0
            for e in graph.start[r]..<graph.start[r + 1] { best = max(best, graph.weight[e]) }
            rowPotential[r] = -best   // min(0, min cost): the row's own "unmatched" column costs 0
        }
        // Dijkstra's state over the columns, reset only where touched.
        var distance = [Int64](repeating: infinity, count: columns)
        var predecessor = [Int32](repeating: -1, count: columns)   // the row the search reached the column from
        var finalized = [Bool](repeating: false, count: columns)
        var touched: [Int32] = []
        var settled: [Int32] = []
        var heap = MinHeap()
        var steps = 0
        var complete = true
        rowLoop: for source in 0..<rows {
            if let deadline, now() >= deadline {
                complete = false
                break
            }
            heap.removeAll()
            // The best "stay unmatched" end so far: a row reached at distance d ends there at d − u(row).
            var unmatchedEnd = (distance: infinity, row: -1)
            var reachedRows: [(row: Int32, distance: Int64)] = []
            func reach(_ row: Int, at base: Int64) {
                reachedRows.append((Int32(row), base))
                let stay = base - rowPotential[row]
                if stay < unmatchedEnd.distance { unmatchedEnd = (stay, row) }
                let u = rowPotential[row]
                for e in graph.start[row]..<graph.start[row + 1] {
                    let c = Int(graph.column[e])
                    guard !finalized[c] else { continue }
                    let candidate = base + (-graph.weight[e] - u - columnPotential[c])
                    if candidate < distance[c] {
                        if distance[c] == infinity { touched.append(Int32(c)) }
                        distance[c] = candidate
                        predecessor[c] = Int32(row)
                        heap.push(candidate, Int32(c))
                    }
                }
            }
            reach(source, at: 0)
            var target = -1          // the free column reached, or −1: the path ends unmatched
            var total: Int64 = 0
            while true {
                steps += 1
                if steps % clockEvery == 0, let deadline, now() >= deadline {
                    complete = false
                    for c in touched { distance[Int(c)] = infinity; finalized[Int(c)] = false; predecessor[Int(c)] = -1 }
                    touched.removeAll(keepingCapacity: true)
                    settled.removeAll(keepingCapacity: true)
                    break rowLoop
                }
                guard let top = heap.popMin() else {
                    total = unmatchedEnd.distance
                    break
                }
                let c = Int(top.node)
                if finalized[c] || top.key != distance[c] { continue }
                if unmatchedEnd.distance <= top.key {
                    total = unmatchedEnd.distance
                    break
                }
                finalized[c] = true
                settled.append(top.node)
                let holder = rowOfColumn[c]
                if holder < 0 {
                    target = c
                    total = top.key
                    break
                }
                reach(Int(holder), at: top.key)
            }
            // Potentials: rows reached before the end gain (total − d), settled columns lose it.
            for reached in reachedRows where reached.distance < total {
                rowPotential[Int(reached.row)] += total - reached.distance
            }
            for c32 in settled where Int(c32) != target {
                let c = Int(c32)
                columnPotential[c] -= total - distance[c]
            }
            // Augment: along predecessors from the target column (or from the row that stays unmatched).
            var column = target
            if target < 0 {
                let row = unmatchedEnd.row
                column = match[row] ?? -1
                match[row] = nil
                if column >= 0 { rowOfColumn[column] = -1 }
            }
            while column >= 0 {
                let row = Int(predecessor[column])
                let previous = match[row] ?? -1
                match[row] = column
                rowOfColumn[column] = Int32(row)
                column = row == source ? -1 : previous
            }
            for c in touched { distance[Int(c)] = infinity; finalized[Int(c)] = false; predecessor[Int(c)] = -1 }
            touched.removeAll(keepingCapacity: true)
            settled.removeAll(keepingCapacity: true)
        }
        return Result(match: match, complete: complete)
    }
}

/// A binary min-heap of (key, node), duplicates allowed (stale entries are skipped by the caller).
struct MinHeap {
    private var keys: [Int64] = []
    private var nodes: [Int32] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Int64, _ node: Int32) {
        keys.append(key)
        nodes.append(node)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard keys[parent] > key else { break }
            keys[i] = keys[parent]
            nodes[i] = nodes[parent]
            i = parent
        }
        keys[i] = key
        nodes[i] = node
    }

    mutating func popMin() -> (key: Int64, node: Int32)? {
        guard let lastKey = keys.last, let lastNode = nodes.last else { return nil }
        let top = (keys[0], nodes[0])
        keys.removeLast()
        nodes.removeLast()
        let count = keys.count
        guard count > 0 else { return top }
        var i = 0
        while true {
            var child = 2 * i + 1
            guard child < count else { break }
            if child + 1 < count && keys[child + 1] < keys[child] { child += 1 }
            guard keys[child] < lastKey else { break }
            keys[i] = keys[child]
            nodes[i] = nodes[child]
            i = child
        }
        keys[i] = lastKey
        nodes[i] = lastNode
        return top
    }
}
