// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationCore
import RotationIO
import RotationPipeline

extension ExitCode {
    /// The documented exit code of a status (docs/run-format.md, "Exit codes").
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}

/// The scenario folder argument shared by every command that reads one.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "场景文件夹 The scenario folder (scenario.yaml, units.csv, positions.csv, cadres.csv, …; rotation init makes one).")
    var scenario: String

    var url: URL { URL(fileURLWithPath: scenario) }

    /// Loads the scenario or exits 2 after listing every problem on standard error, in `lang`
    /// (`--lang`), else in the scenario's `language:` when scenario.yaml could be read that far, else Chinese.
    func load(lang: Language? = nil) throws -> LoadedScenario {
        do {
            return try Pipeline.load(url)
        } catch {
            var language = lang ?? .zh
            if lang == nil, case .input(let errors, _) = error, let asked = errors.language { language = asked }
            Console.error(error.rendered(language))
            throw ExitCode(error.exitStatus)
        }
    }
}

/// `--lang` (语言): the language of everything the command prints, overriding the scenario's `language:`.
struct LanguageOption: ParsableArguments {
    @Option(help: "语言 Language of the output: zh (中文) or en (default: the scenario's language:, else zh).")
    var lang: Language?
}

/// `--time-limit` and `--mip-gap`, shared by every command that solves.
struct SolverLimitOptions: ParsableArguments {
    @Option(help: "时间上限 Time limit for the whole solve, in seconds (default: scenario solver.time_limit_seconds, \(Int(SolverSettings.defaultTimeLimitSeconds))).")
    var timeLimit: Double?

    @Option(help: "允许误差 Relative MIP gap accepted as optimal (default: scenario solver.mip_gap, 0).")
    var mipGap: Double?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= 86_400) {
            throw ValidationError("时间上限须在 0 到 86400 秒之间 / --time-limit must be between 0 and 86400 seconds, e.g. --time-limit 60")
        }
        if let mipGap, !(mipGap >= 0 && mipGap <= 1) {
            throw ValidationError("允许误差须在 0 到 1 之间 / --mip-gap must be between 0 and 1, e.g. --mip-gap 0.01 for 1%")
        }
    }

    /// The pipeline's options with these limits (nil: the scenario's `solver:` settings).
    var pipelineOptions: Pipeline.Options { Pipeline.Options(timeLimitSeconds: timeLimit, mipGap: mipGap) }
}

/// Output helpers: standard error for problems, standard output for results.
enum Console {
    static func error(_ text: String) {
        let text = TerminalText.safe(text)  // a value with ESC, BEL or NUL shows escaped, never raw
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Runs a pipeline step; on failure prints why (in `language`) and exits with the failure's documented code.
    static func exitOnFailure<T>(language: Language = .zh, _ step: () throws(PipelineFailure) -> T) throws -> T {
        try exitOnFailure(asked: language, step)
    }

    /// As `exitOnFailure(language:_:)` for a command whose `--lang` may be absent (`asked` nil): the
    /// failure is then in the language of the scenario when it could be read that far, else Chinese.
    static func exitOnFailure<T>(asked: Language?, _ step: () throws(PipelineFailure) -> T) throws -> T {
        do {
            return try step()
        } catch {
            var language = asked ?? .zh
            if asked == nil, case .input(let errors, _) = error, let scenario = errors.language { language = scenario }
            if case .input = error { self.error(error.rendered(language)) } else { self.error("rotation: \(error.rendered(language))") }
            throw ExitCode(error.exitStatus)
        }
    }

    /// Prints why a write failed (refused, a failed read or write, a signal), in `language`.
    static func failure(_ error: Error, language: Language, command: String = "rotation") {
        if let failure = error as? AtomicFolder.Failure {
            self.error("\(command): \(failure.rendered(language))")
        } else {
            self.error("\(command): \(error)")
        }
    }

    /// The exit code of a failed write: 128 + the signal that stopped it, else `exitStatus(of:)`.
    static func exitCode(of error: Error) -> ExitCode {
        if case .interrupted(let signal, _)? = error as? AtomicFolder.Failure { return ExitCode(128 + signal) }
        return ExitCode(exitStatus(of: error))
    }

    /// Refused (not ours to replace): bad usage, exit 2; an I/O failure: exit 6.
    static func exitStatus(of error: Error) -> ExitStatus {
        if let failure = error as? AtomicFolder.Failure, !failure.isRefusal { return .ioFailure }
        return .badInput
    }

    /// The scenario's warnings, in `lang` or the scenario's language.
    static func warnings(_ loaded: LoadedScenario, lang: Language? = nil) {
        for warning in loaded.warnings { error(warning.rendered(lang ?? loaded.scenario.language)) }
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.safe(text).utf8))
    }

    /// Writes `text` to `path` atomically, or to standard output when `path` is nil or "-"; a failure
    /// is told in `language`.
    static func emit(_ text: String, to path: String?, language: Language = .zh) throws {
        guard let path, path != "-" else {
            write(text)
            return
        }
        do {
            try AtomicFolder.writeFile(Array(text.utf8), to: URL(fileURLWithPath: path))
        } catch {
            failure(error, language: language)
            throw exitCode(of: error)
        }
    }
}

/// `--format` values of the reporting commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}

extension Language: ExpressibleByArgument {}

extension SignalGuard.Step: ExpressibleByArgument {}
