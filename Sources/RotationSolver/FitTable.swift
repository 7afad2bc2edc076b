// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// The transfer fits of every candidate, by candidate index: the vacancies transfer_fit.csv gives a
/// fit for, in vacancy order, with their fits (a missing one is 0). The first row for a pair wins.
/// Compressed rows: memory proportional to the fit rows, never candidates × vacancies.
///
/// ```swift
/// let fit = FitTable(scenario.transferFits, candidates: ["c1", "c2"], vacancies: ["P1"])
/// fit.row(1)   // [(vacancy: 0, hundredths: 8750)] when c2 → P1 has a fit of 87.5
/// ```
/// - Complexity: O(fit rows · log) to build (two hashes a row, a sort per candidate), O(1) to reach a row.
struct FitTable {
    private var start: [Int]
    private var entries: [(vacancy: Int32, hundredths: Int32)]

    init(_ fits: [TransferFit], candidates: [CadreID], vacancies: [PositionID]) {
        let row = Dictionary(candidates.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let column = Dictionary(vacancies.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var located: [(row: Int32, vacancy: Int32, hundredths: Int32)] = []
        located.reserveCapacity(fits.count)
        var count = [Int](repeating: 0, count: candidates.count + 1)
        for fit in fits {
            guard let r = row[fit.cadreID], let c = column[fit.positionID] else { continue }
            located.append((Int32(r), Int32(c), Int32(clamping: fit.fitHundredths)))
            count[r + 1] += 1
        }
        for r in 0..<candidates.count { count[r + 1] += count[r] }
        var next = Array(count.dropLast())
        var flat = [(vacancy: Int32, hundredths: Int32)](repeating: (0, 0), count: located.count)
        // In file order within each candidate, so that a stable sort keeps the first row of a pair first.
        for entry in located {
            flat[next[Int(entry.row)]] = (entry.vacancy, entry.hundredths)
            next[Int(entry.row)] += 1
        }
        located = []
        var kept: [(vacancy: Int32, hundredths: Int32)] = []
        kept.reserveCapacity(flat.count)
        var keptStart = [0]
        keptStart.reserveCapacity(candidates.count + 1)
        for r in 0..<candidates.count {
            let row = flat[count[r]..<count[r + 1]]
            // Files usually list a cadre's fits in vacancy order: sort only when they are not.
            let ordered = zip(row, row.dropFirst()).allSatisfy { $0.vacancy < $1.vacancy }
            let entries = ordered ? Array(row)
                : row.enumerated().sorted { ($0.element.vacancy, $0.offset) < ($1.element.vacancy, $1.offset) }.map(\.element)
            for entry in entries where kept.count == keptStart[r] || kept[kept.count - 1].vacancy != entry.vacancy {
                kept.append(entry)
            }
            keptStart.append(kept.count)
        }
        start = keptStart
        entries = kept
    }

    /// The candidate's fits, by increasing vacancy index, one per vacancy.
    func row(_ candidate: Int) -> ArraySlice<(vacancy: Int32, hundredths: Int32)> {
        entries[start[candidate]..<start[candidate + 1]]
    }
}
