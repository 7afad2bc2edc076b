// SPDX-License-Identifier: GPL-3.0-or-later

/// Where a solve is, for a progress display: reported before every model GLPK is given.
///
/// ```swift
/// var optimizer = RotationOptimizer(options: SolveOptions())
/// optimizer.progress = { print($0.phase, "\($0.component)/\($0.components)", $0.level) }
/// // shortlist 3/40 preferences_met
/// ```
public struct SolveProgress: Sendable, Equatable {
    /// `shortlist`, `price_of_fairness` or `transfer`.
    public var phase: String
    /// The independent component being solved (1-based) and how many the phase has.
    public var component: Int
    public var components: Int
    /// The objective level being solved (`positions_competed`, `due_placed`, …), with `(LP)`
    /// while column generation prices pairs.
    public var level: String
    /// The relative gap of the last level that stopped short of a proof, nil while all are proven.
    public var gap: Double?
    /// Seconds since the solve began.
    public var seconds: Double

    public init(phase: String, component: Int, components: Int, level: String, gap: Double?, seconds: Double) {
        self.phase = phase; self.component = component; self.components = components
        self.level = level; self.gap = gap; self.seconds = seconds
    }
}
