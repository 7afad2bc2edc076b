// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// The transfer fit of every (candidate, vacancy), by their indices: a flat table when it is small
/// enough, a dictionary otherwise. 0 where transfer_fit.csv gives none; the first row wins.
///
/// ```swift
/// let fit = FitTable(scenario.transferFits, candidates: ["c1", "c2"], vacancies: ["P1"])
/// fit[1, 0]   // c2 → P1 in hundredths, or 0
/// ```
/// - Complexity: O(fit rows + candidates · vacancies) to build when flat, O(fit rows) otherwise; O(1) to read.
struct FitTable {
    /// The largest flat table (4 bytes a cell): 40M cells, 160 MB.
    static let largestFlat = 40_000_000

    private let columns: Int
    private var flat: [Int32] = []
    private var sparse: [Int: Int] = [:]

    init(_ fits: [TransferFit], candidates: [CadreID], vacancies: [PositionID]) {
        columns = vacancies.count
        let row = Dictionary(candidates.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let column = Dictionary(vacancies.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let isFlat = candidates.count * vacancies.count <= Self.largestFlat
        if isFlat { flat = Array(repeating: 0, count: candidates.count * vacancies.count) }
        // Backwards, so that the first row for a pair is the one kept.
        for fit in fits.reversed() {
            guard let r = row[fit.cadreID], let c = column[fit.positionID] else { continue }
            if isFlat { flat[r * columns + c] = Int32(clamping: fit.fitHundredths) } else { sparse[r * columns + c] = fit.fitHundredths }
        }
    }

    subscript(candidate: Int, vacancy: Int) -> Int {
        flat.isEmpty ? sparse[candidate * columns + vacancy] ?? 0 : Int(flat[candidate * columns + vacancy])
    }
}
