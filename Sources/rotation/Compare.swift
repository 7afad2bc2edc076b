// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationCore
import RotationIO
import RotationPipeline
import RotationReports

/// `rotation compare A B`: what changed between two runs (or two scenarios, solved here first).
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two runs (比较): what was changed, then what changed for each person (人员), positions and headline numbers.",
        discussion: """
        Opens with the settings (设置) and input rows (输入) that differ, so a what-if says what it tested; then, \
        for each person, in plain words: on or off a shortlist (考察对象名单), rank (名次), proposed appointee \
        (拟任人选), placement (安排), eligibility findings that appeared or went away — green when better for the \
        person, red when worse. A and B are run folders (with result.json, as written by `rotation solve`) or \
        scenario folders (with scenario.yaml), solved first in memory exactly as `solve` would, nothing written; \
        one of each works too. Exit 0 whether or not they differ (with --exit-code: 5 when they differ); 2 for bad input.
        Example: rotation compare RUN/before RUN/after --format html --out compare.html
        """
    )

    @Argument(help: "Run A (the reference): a run folder or a scenario folder.")
    var a: String

    @Argument(help: "Run B: a run folder or a scenario folder.")
    var b: String

    @Option(help: "Output: text (a table for the terminal, the default), md, html or json.")
    var format: CompareFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    @Option(help: "Language of the labels: zh or en (default: B's result.json language).")
    var lang: Language?

    @Flag(help: "Exit 5 when the runs differ, 0 when they do not (1 stays \"internal error\").")
    var exitCode = false

    /// For scenario folders.
    @OptionGroup var limits: SolverLimitOptions

    func run() throws {
        let runs = try [a, b].map { path in
            try Console.exitOnFailure(asked: lang) { () throws(PipelineFailure) in try Pipeline.run(at: path, limits.pipelineOptions) }
        }
        for run in runs { for warning in run.warnings { Console.error(warning.rendered(lang ?? runs[1].run.language)) } }
        let comparison = Comparison(a: runs[0], b: runs[1], language: lang)
        let text: String
        switch format {
        case .text: text = TextRenderer.render(comparison.document(), colour: Terminal.colourAllowed(out: out))
        case .md: text = MarkdownRenderer.render(comparison.document())
        case .html: text = HTMLRenderer.render(comparison.document())
        case .json: text = comparison.json().rendered()
        }
        try Console.emit(text, to: out, language: lang ?? runs[1].run.language)
        if exitCode && comparison.hasDifferences { throw ExitCode(ExitStatus.differ) }
    }
}

/// `--format` of `compare`.
enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, html, json
}

/// Colour only for a person at a terminal: standard output is a TTY and NO_COLOR is unset.
enum Terminal {
    static func colourAllowed(out: String?) -> Bool {
        guard out == nil || out == "-" else { return false }
        guard ProcessInfo.processInfo.environment["NO_COLOR"] == nil else { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}
