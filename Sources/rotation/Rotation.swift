// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationIO
import RotationCore
import RotationPipeline

/// `rotation`: the cross-department rotation of mid-level cadres by competition (跨部门竞争上岗).
@main
struct Rotation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotation",
        abstract: "中层干部跨部门竞争上岗 Cross-department rotation of mid-level cadres by competition, optimized with GLPK.",
        discussion: """
        新用户：rotation init 新场景，填好数据后 rotation validate 新场景，再 rotation solve 新场景 --out 结果。\
        A scenario is a folder of CSV files and scenario.yaml (see docs/scenario-format.md). Exit codes: \
        0 done (solve: proven optimal), 1 internal error, 2 bad input (every problem listed, nothing written), \
        3 solve stopped at its time limit, 4 place_all_due is infeasible, 5 compare --exit-code: the runs differ, \
        6 reading or writing failed (disk full, permission), 7 the model would exceed the memory budget, \
        128+N stopped by signal N (the earlier run intact, or the new one complete).
        """,
        version: Tool.version,
        subcommands: [Solve.self, Validate.self, Eligibility.self, Explain.self, Init.self, Compare.self, Export.self, Show.self, TallyCommand.self]
    )

    /// Runs the command; usage errors exit 2 (the contract's "bad input or usage"), not 64.
    static func main() {
        SignalGuard.install()  // a signal during a write: the old run intact or the new one complete
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.error(fullMessage(for: error))
                Foundation.exit(ExitStatus.badInput.rawValue)
            }
            exit(withError: error)
        }
    }
}
