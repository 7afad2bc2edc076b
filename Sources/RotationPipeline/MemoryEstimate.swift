// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

/// How much memory solving a scenario will take, estimated before any model is built, and the
/// budget it must fit: above it, `solve` says so and exits 7 (`ExitStatus.memoryBudget`) instead
/// of being killed by the system hours later.
///
/// The transfer phase dominates: one column per (candidate, vacancy) pair, about
/// ``bytesPerTransferPair`` each in GLPK and the model (measured: 1,000 due cadres × 1,000
/// vacancies, one level, 464 MB peak; 500 × 500, 138 MB), plus the dense weight matrix of the
/// exact matching (8 bytes per cadre × vacancy of a level). The competition adds a few kilobytes
/// per application. The estimate counts every offered position as a vacancy and every cadre due for
/// rotation or willing to move as a candidate, so it is an upper bound of the transfer model.
///
/// ```swift
/// let estimate = MemoryEstimate(adjudication)
/// try estimate.check(budget: MemoryEstimate.defaultBudget())   // throws .memoryBudget above it
/// ```
///
/// - Complexity: O(c + p + a) for c cadres, p positions and a applications.
public struct MemoryEstimate: Sendable, Equatable {
    /// Bytes per transfer pair (model, GLPK's copy, the solution arrays).
    public static let bytesPerTransferPair = 450
    /// Bytes per application (shortlist model, scores, verdicts).
    public static let bytesPerApplication = 4_096
    /// Bytes per cadre and per position (scenario, index, verdicts, the run model).
    public static let bytesPerRecord = 8_192
    /// The program itself, GLPK and the runtime.
    public static let baseBytes = 64 << 20

    /// Transfer pairs counted (an upper bound).
    public let transferPairs: Int
    /// Bytes of the matching's dense matrices.
    public let matchingBytes: Int
    /// The whole estimate, in bytes (saturating: never overflows).
    public let bytes: Int
    public let cadres: Int
    public let positions: Int

    public init(_ adjudication: Adjudication) {
        let scenario = adjudication.scenario
        cadres = scenario.cadres.count
        positions = scenario.positions.count
        var pairs = 0
        var matching = 0
        if scenario.transfer.enabled {
            let due = Set(adjudication.rotationDue.filter { !$0.exempt }.map(\.cadreID))
            let candidates = scenario.cadres.filter { due.contains($0.id) || $0.acceptsTransfer }
            let vacancies = scenario.positions.filter(\.offered)
            let groups: [(Int, Int)]
            if scenario.transfer.sameLevelOnly {
                groups = Level.allCases.map { level in
                    (candidates.filter { $0.level == level }.count, vacancies.filter { $0.level == level }.count)
                }
            } else {
                groups = [(candidates.count, vacancies.count)]
            }
            for (rows, columns) in groups where rows > 0 && columns > 0 {
                pairs = MemoryEstimate.add(pairs, MemoryEstimate.multiply(rows, columns))
                matching = MemoryEstimate.add(matching, MemoryEstimate.multiply(8, MemoryEstimate.multiply(rows + 1, columns + 1)))
            }
        }
        transferPairs = pairs
        matchingBytes = matching
        let applications = scenario.applications.count
        var total = MemoryEstimate.baseBytes
        total = MemoryEstimate.add(total, MemoryEstimate.multiply(pairs, MemoryEstimate.bytesPerTransferPair))
        total = MemoryEstimate.add(total, matching)
        total = MemoryEstimate.add(total, MemoryEstimate.multiply(applications, MemoryEstimate.bytesPerApplication))
        total = MemoryEstimate.add(total, MemoryEstimate.multiply(cadres + positions, MemoryEstimate.bytesPerRecord))
        bytes = total
    }

    /// Throws `PipelineFailure.memoryBudget` when the estimate is above `budget` bytes.
    public func check(budget: Int) throws(PipelineFailure) {
        guard bytes > budget else { return }
        throw .memoryBudget(GuardTexts.memoryBudget(estimate: bytes, budget: budget, cadres: cadres, positions: positions))
    }

    /// Half of the machine's memory, or of the container's limit (cgroup `memory.max`) if lower.
    public static func defaultBudget() -> Int {
        var total = Int(sysconf(Int32(_SC_PHYS_PAGES))) &* Int(sysconf(Int32(_SC_PAGESIZE)))
        if let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
           let limit = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), limit > 0 {
            total = min(total, limit)
        }
        return max(total / 2, 256 << 20)
    }

    static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}
