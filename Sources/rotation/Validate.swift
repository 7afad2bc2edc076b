// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import RotationCore
import RotationIO

/// `rotation validate SCENARIO`: read and check every file; exit 0 (warnings allowed) or 2.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查场景 Check a scenario folder: every problem at once as FILE:LINE: column: message.",
        discussion: """
        检查场景文件夹中的每个文件，一次列出全部问题（按文件、行号）。Reads every file and lists every problem at once, \
        file by file, in the scenario's language (--lang overrides). Exit 0 when the scenario can be solved (warnings \
        are printed), 2 when it has errors: fix them in the files named, then run validate again.
        """
    )

    @OptionGroup var scenario: ScenarioOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let loaded = try scenario.load(lang: language.lang)
        Console.warnings(loaded, lang: language.lang)
        let data = loaded.scenario
        let summary = TerminalTexts.validateOK(
            folder: scenario.scenario, units: data.units.count, positions: data.positions.count,
            offered: data.positions.filter(\.offered).count, cadres: data.cadres.count, applications: data.applications.count,
            withdrawn: data.withdrawnApplications.count, competition: data.mode == .competition,
            interviewRows: data.interviews?.count, warnings: loaded.warnings.count,
            interviews: loaded.source(ScenarioFiles.interviews))
        Console.write(summary(language.lang ?? data.language) + "\n")
    }
}
