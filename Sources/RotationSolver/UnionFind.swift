// SPDX-License-Identifier: GPL-3.0-or-later

/// Disjoint sets over `0..<count`, for splitting a model into independent components.
///
/// ```swift
/// var sets = UnionFind(count: 4)
/// sets.union(0, 2)
/// sets.groups()   // [[0, 2], [1], [3]]
/// ```
/// - Complexity: near-constant amortized time per operation (path halving).
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func root(_ node: Int) -> Int {
        var current = node
        while parent[current] != current {
            parent[current] = parent[parent[current]]
            current = parent[current]
        }
        return current
    }

    mutating func union(_ lhs: Int, _ rhs: Int) {
        parent[root(lhs)] = root(rhs)
    }

    /// Every set, members ascending, sets ordered by their smallest member.
    mutating func groups() -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        for node in parent.indices { byRoot[root(node), default: []].append(node) }
        return byRoot.values.sorted { $0[0] < $1[0] }
    }
}
