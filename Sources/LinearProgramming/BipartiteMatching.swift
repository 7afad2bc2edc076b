// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK
import CGLPKGuard

/// Matchings in a bipartite graph, with GLPK's graph routines (`glp_asnprob_hall`,
/// `glp_asnprob_okalg`). Vertices are 0-based on each side; the result gives, for each left
/// vertex, its matched right vertex or `nil`.
///
/// ```swift
/// let match = try BipartiteMatching.maximumCardinality(
///     leftCount: 2, rightCount: 2, edges: [(0, 0), (0, 1), (1, 0)])
/// // match == [1, 0]
/// ```
public enum BipartiteMatching {
    /// A matching of maximum cardinality (Hall's algorithm, Duff's MC21A, via
    /// `glp_asnprob_hall`). Repeated edges count once. GLPK 5.0 reports the right
    /// cardinality but can leave matched pairs out of its answer when the matching is not
    /// perfect; the missing pairs are restored here with augmenting paths.
    ///
    /// ```swift
    /// let match = try BipartiteMatching.maximumCardinality(
    ///     leftCount: 3, rightCount: 2, edges: [(0, 0), (1, 0), (2, 1)])
    /// let size = match.compactMap { $0 }.count   // 2
    /// ```
    /// - Complexity: O(V · E) in the worst case, usually close to O(E); 5,000 vertices a side
    ///   with 15,000 edges takes about 0.03 s.
    /// - Throws: `GLPKError.invalidModel` for a negative count or an edge end out of range.
    public static func maximumCardinality(
        leftCount: Int, rightCount: Int, edges: [(left: Int, right: Int)]
    ) throws -> [Int?] {
        try checkSides(leftCount, rightCount, edgeCount: edges.count)
        var seen = Set<Edge>()
        var left: [Int32] = []
        var right: [Int32] = []
        for (index, edge) in edges.enumerated() {
            try checkEdge(index, edge.left, edge.right, leftCount, rightCount)
            if seen.insert(Edge(left: edge.left, right: edge.right)).inserted {
                left.append(Int32(edge.left))
                right.append(Int32(edge.right))
            }
        }
        var match = [Int?](repeating: nil, count: leftCount)
        guard !left.isEmpty else { return match }
        var chosen = [Int32](repeating: 0, count: left.count)
        var cardinality: Int32 = 0
        let code = chosen.withUnsafeMutableBufferPointer { x in
            glpg_asnprob_hall(Int32(leftCount), Int32(rightCount), Int32(left.count), left, right, x.baseAddress, &cardinality)
        }
        try GLPKProblem.check(code, "glp_asnprob_hall")
        guard cardinality >= 0 else {
            throw GLPKError.failed("glp_asnprob_hall rejected the graph (returned \(cardinality))")
        }
        try fill(&match, chosen: chosen, left: left, right: right, rightCount: rightCount)
        // GLPK 5.0 counts correctly but, when the matching is not perfect, flags the arcs
        // from the wrong positions of MC21A's permutation (it reads iperm[1...card]), so some
        // matched pairs can be missing. The flagged arcs always form a valid matching: grow
        // it with augmenting paths up to the cardinality GLPK proved.
        let found = match.lazy.compactMap { $0 }.count
        if found < Int(cardinality) {
            try augment(&match, to: Int(cardinality), left: left, right: right, rightCount: rightCount)
        }
        return match
    }

    /// A matching of maximum total weight, not necessarily perfect nor of maximum
    /// cardinality (the out-of-kilter algorithm, `glp_asnprob_okalg` with `GLP_ASN_MMP`).
    /// Edges of weight ≤ 0 are never matched (they cannot raise the total). For a repeated
    /// edge the largest weight counts. Weights must fit in `Int32` (excluding `Int32.min`).
    ///
    /// ```swift
    /// let (total, match) = try BipartiteMatching.maximumWeightAssignment(
    ///     leftCount: 2, rightCount: 2, edges: [(0, 0, 10), (0, 1, 1), (1, 0, 1)])
    /// // total == 10, match == [0, nil]: the perfect matching would only weigh 2
    /// ```
    /// - Complexity: pseudo-polynomial (out-of-kilter); slow on large dense graphs
    ///   (800 × 800 dense took about 5 s). Keep it for small or sparse instances.
    /// - Throws: `GLPKError.invalidModel` for bad counts, ends or weights; `.failed` if GLPK
    ///   reports an integer overflow (`GLP_ERANGE`: scale the weights down).
    public static func maximumWeightAssignment(
        leftCount: Int, rightCount: Int, edges: [(left: Int, right: Int, weight: Int)]
    ) throws -> (total: Int, match: [Int?]) {
        try checkSides(leftCount, rightCount, edgeCount: edges.count)
        var position: [Edge: Int] = [:]
        var left: [Int32] = []
        var right: [Int32] = []
        var weight: [Double] = []
        for (index, edge) in edges.enumerated() {
            try checkEdge(index, edge.left, edge.right, leftCount, rightCount)
            guard edge.weight >= -Int(Int32.max), edge.weight <= Int(Int32.max) else {
                throw GLPKError.invalidModel(
                    "edge \(index) (\(edge.left), \(edge.right)): weight \(edge.weight) is outside ±\(Int32.max), GLPK's range")
            }
            guard edge.weight > 0 else { continue }
            let key = Edge(left: edge.left, right: edge.right)
            if let existing = position[key] {
                weight[existing] = max(weight[existing], Double(edge.weight))
            } else {
                position[key] = left.count
                left.append(Int32(edge.left))
                right.append(Int32(edge.right))
                weight.append(Double(edge.weight))
            }
        }
        var match = [Int?](repeating: nil, count: leftCount)
        guard !left.isEmpty else { return (0, match) }
        var chosen = [Int32](repeating: 0, count: left.count)
        var objective = 0.0
        var result: Int32 = 0
        let code = chosen.withUnsafeMutableBufferPointer { x in
            glpg_asnprob_okalg(
                GLP_ASN_MMP, Int32(leftCount), Int32(rightCount), Int32(left.count), left, right, weight,
                x.baseAddress, &objective, &result)
        }
        try GLPKProblem.check(code, "glp_asnprob_okalg")
        guard result == 0 else {
            let hint = result == GLP_ERANGE ? " Scale the weights down." : ""
            throw GLPKError.failed(
                "glp_asnprob_okalg returned \(GLPKCodes.returnCodeName(result)): \(GLPKCodes.returnCodeMeaning(result)).\(hint)")
        }
        try fill(&match, chosen: chosen, left: left, right: right, rightCount: rightCount)
        var total = 0
        for k in chosen.indices where chosen[k] != 0 { total += Int(weight[k]) }
        guard Double(total) == objective.rounded() else {
            throw GLPKError.failed("glp_asnprob_okalg reported a total of \(objective) but its matching weighs \(total)")
        }
        return (total, match)
    }

    private struct Edge: Hashable {
        var left: Int
        var right: Int
    }

    private static func checkSides(_ leftCount: Int, _ rightCount: Int, edgeCount: Int) throws {
        guard leftCount >= 0, rightCount >= 0 else {
            throw GLPKError.invalidModel("vertex counts must be ≥ 0 (got \(leftCount) left, \(rightCount) right)")
        }
        guard leftCount + rightCount < 100_000_000 else {
            throw GLPKError.invalidModel("\(leftCount + rightCount) vertices: GLPK allows fewer than 100,000,000")
        }
        guard edgeCount < 500_000_000 else {
            throw GLPKError.invalidModel("\(edgeCount) edges: GLPK allows fewer than 500,000,000")
        }
    }

    private static func checkEdge(_ index: Int, _ left: Int, _ right: Int, _ leftCount: Int, _ rightCount: Int) throws {
        guard left >= 0, left < leftCount, right >= 0, right < rightCount else {
            throw GLPKError.invalidModel(
                "edge \(index) joins left \(left) and right \(right), but the sides have \(leftCount) and \(rightCount) vertices (0-based)")
        }
    }

    /// Grows `match` with shortest augmenting paths (breadth-first, one search per
    /// unmatched left vertex; a vertex that cannot augment now never can later) until it
    /// has `target` edges.
    /// - Complexity: O(V · E) in the worst case.
    static func augment(
        _ match: inout [Int?], to target: Int, left: [Int32], right: [Int32], rightCount: Int
    ) throws {
        let leftCount = match.count
        // Adjacency lists, compressed: the right ends of left vertex l are
        // targets[start[l] ..< start[l + 1]].
        var start = [Int](repeating: 0, count: leftCount + 1)
        for l in left { start[Int(l) + 1] += 1 }
        for l in 0..<leftCount { start[l + 1] += start[l] }
        var fillAt = start
        var targets = [Int](repeating: 0, count: left.count)
        for k in left.indices {
            let l = Int(left[k])
            targets[fillAt[l]] = Int(right[k])
            fillAt[l] += 1
        }
        var owner = [Int](repeating: -1, count: rightCount)  // left vertex matched to each right one
        var size = 0
        for (l, r) in match.enumerated() {
            if let r {
                owner[r] = l
                size += 1
            }
        }
        var seen = [Int](repeating: -1, count: rightCount)  // search that reached each right vertex
        var cameFrom = [Int](repeating: -1, count: rightCount)  // left vertex it was reached from
        var queue: [Int] = []
        for root in 0..<leftCount where size < target && match[root] == nil {
            queue.removeAll(keepingCapacity: true)
            queue.append(root)
            var head = 0
            var freeEnd = -1
            search: while head < queue.count {
                let l = queue[head]
                head += 1
                for edge in start[l]..<start[l + 1] {
                    let r = targets[edge]
                    guard seen[r] != root else { continue }
                    seen[r] = root
                    cameFrom[r] = l
                    if owner[r] < 0 {
                        freeEnd = r
                        break search
                    }
                    queue.append(owner[r])
                }
            }
            guard freeEnd >= 0 else { continue }
            // Flip the path: walk back from the free right vertex to the root.
            var r = freeEnd
            while true {
                let l = cameFrom[r]
                let previous = match[l]
                match[l] = r
                owner[r] = l
                guard let previous else { break }
                r = previous
            }
            size += 1
        }
        guard size == target else {
            throw GLPKError.failed("glp_asnprob_hall reported a matching of \(target) edges, but only \(size) exist")
        }
    }

    /// Turns GLPK's per-edge flags into `match`, checking that it is a matching.
    private static func fill(
        _ match: inout [Int?], chosen: [Int32], left: [Int32], right: [Int32], rightCount: Int
    ) throws {
        var taken = [Bool](repeating: false, count: rightCount)
        for k in chosen.indices where chosen[k] != 0 {
            let l = Int(left[k])
            let r = Int(right[k])
            guard match[l] == nil, !taken[r] else {
                throw GLPKError.failed("GLPK returned edges that share a vertex (left \(l), right \(r))")
            }
            match[l] = r
            taken[r] = true
        }
    }
}
