// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import RotationCore
import RotationIO

/// `rotation validate SCENARIO`: read and check every file; exit 0 (warnings allowed) or 2.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario folder: every problem at once as FILE:LINE: column: message.",
        discussion: "Exit 0 when the scenario can be solved (warnings are printed), 2 when it has errors."
    )

    @OptionGroup var scenario: ScenarioOptions

    func run() throws {
        let loaded = try scenario.load()
        Console.warnings(loaded)
        let data = loaded.scenario
        let stage = data.interviews == nil ? "pre-interview (no interviews.csv)" : "final (\(data.interviews?.count ?? 0) interview rows)"
        Console.write("""
        \(scenario.scenario): ok — \(data.units.count) units, \(data.positions.count) positions (\(data.positions.filter(\.offered).count) offered), \
        \(data.cadres.count) cadres, \(data.applications.count) applications; mode \(data.mode.rawValue), stage \(stage); \
        \(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s")

        """)
    }
}
