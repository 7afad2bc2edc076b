// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationCore
import RotationIO

/// The scenario folder argument shared by every command that reads one.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario folder (scenario.yaml, units.csv, positions.csv, cadres.csv, …).")
    var scenario: String

    var url: URL { URL(fileURLWithPath: scenario) }

    /// Loads the scenario or exits 2 after listing every problem on standard error.
    func load() throws -> LoadedScenario {
        do {
            return try ScenarioLoader.load(folder: url)
        } catch let errors as InputErrors {
            let errorCount = errors.problems.filter { $0.severity == .error }.count
            Console.error(errors.description)
            Console.error("\(errorCount) problem\(errorCount == 1 ? "" : "s") in \(scenario); nothing was written.")
            throw ExitCode(2)
        }
    }
}

/// `--time-limit` and `--mip-gap`, shared by every command that solves.
struct SolverLimitOptions: ParsableArguments {
    @Option(help: "Time limit for the whole solve, in seconds (default: scenario solver.time_limit_seconds, 60).")
    var timeLimit: Double?

    @Option(help: "Relative MIP gap accepted as optimal (default: scenario solver.mip_gap, 0).")
    var mipGap: Double?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= 86_400) {
            throw ValidationError("--time-limit must be between 0 and 86400 seconds, e.g. --time-limit 60")
        }
        if let mipGap, !(mipGap >= 0 && mipGap <= 1) {
            throw ValidationError("--mip-gap must be between 0 and 1, e.g. --mip-gap 0.01 for 1%")
        }
    }

    /// The scenario's settings with these options applied.
    func applied(to settings: SolverSettings) -> SolverSettings {
        var result = settings
        if let timeLimit { result.timeLimitSeconds = timeLimit }
        if let mipGap { result.mipGap = mipGap }
        return result
    }
}

/// Output helpers: standard error for problems, standard output for results.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func warnings(_ loaded: LoadedScenario) {
        for warning in loaded.warnings { error(warning.description) }
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` to `path` atomically, or to standard output when `path` is nil or "-".
    static func emit(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            write(text)
            return
        }
        do {
            try AtomicFolder.writeFile(Array(text.utf8), to: URL(fileURLWithPath: path))
        } catch {
            self.error("\(error)")
            throw ExitCode(2)
        }
    }
}

/// `--format` values of the reporting commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}

extension Language: ExpressibleByArgument {}
