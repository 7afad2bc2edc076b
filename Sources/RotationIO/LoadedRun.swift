// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// A run as a command found it: read from a run folder, or solved in memory from a scenario folder.
public struct LoadedRun: Sendable {
    /// The folder as the user gave it.
    public var path: String
    public var run: Run
    /// True when `path` is a scenario folder that was solved here.
    public var solvedFromScenario: Bool
    /// The scenario's warnings, when solved here (render them in the command's language).
    public var warnings: [InputProblem]
    /// The scenario itself, when solved here (`compare` lists the input rows that differ).
    public var scenario: Scenario?

    public init(path: String, run: Run, solvedFromScenario: Bool, warnings: [InputProblem]) {
        self.path = path
        self.run = run
        self.solvedFromScenario = solvedFromScenario
        self.warnings = warnings
    }
}
