// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// The exit codes of every command (docs/run-format.md, "Exit codes"), named once.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Done; for `solve`, solved to proven optimality (or within the accepted gap).
    case done = 0
    /// An unexpected internal error: a bug, to be reported with the scenario.
    case internalError = 1
    /// Bad input or usage: every problem listed, nothing written.
    case badInput = 2
    /// `solve` stopped at its time limit: the best plan found is written, with its gap.
    case timeLimit = 3
    /// `solve` found `place_all_due` infeasible: the cadres and posts in conflict are named.
    case infeasible = 4
    /// `compare --exit-code`: the two runs differ.
    case differ = 5
    /// Reading or writing failed (disk full, permission denied): nothing of the user's was changed.
    case ioFailure = 6
    /// `solve` would need more memory than the budget (half the machine, or `--memory-budget`): nothing built or written.
    case memoryBudget = 7

    /// The exit code of a finished run.
    public init(_ status: RunStatus) {
        switch status {
        case .optimal, .withinGap: self = .done
        case .timeLimit: self = .timeLimit
        case .infeasible: self = .infeasible
        }
    }
}
