// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationCore
import RotationIO
import RotationPipeline
import RotationReports

/// `rotation show RUN`: the run at a glance in the terminal.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a run at a glance (结果一览): shortlists, withdrawn positions and placements, as aligned columns.",
        discussion: """
        Prints the shortlists (职位, 拟任人选, 考察对象, 成绩, 名次), the positions withdrawn with their reasons \
        (未开展竞争上岗的职位), and the placements (人员安排) by competition and organizational transfer. \
        --cadres lists every cadre (全部干部) with their outcome, --positions every position (全部职位): use them to \
        find an id for `rotation explain`. RUN may also be a scenario folder, solved first in memory. Columns are \
        aligned for Chinese text (two columns per character); plain text when not printing to a terminal.
        Examples: rotation show RUN/fenghua-2017
                  rotation show RUN/fenghua-2017 --unit MZJ
                  rotation show scenarios/fenghua-2017 --cadres
        """
    )

    @Argument(help: ArgumentHelp("The run folder (written by `rotation solve`), or a scenario folder.", valueName: "run"))
    var folder: String

    @Option(help: ArgumentHelp("Only this position (职位代码).", valueName: "position-id"))
    var position: String?

    @Option(help: ArgumentHelp("Only this unit (单位编号): its positions, and placements leaving or joining it.", valueName: "unit-id"))
    var unit: String?

    @Flag(help: "List every cadre (全部干部) with their outcome instead.")
    var cadres = false

    @Flag(help: "List every position (全部职位) with its outcome instead.")
    var positions = false

    @Option(help: "zh or en (default: the run's language).")
    var lang: Language?

    @OptionGroup var limits: SolverLimitOptions

    func run() throws {
        let loaded = try Console.exitOnFailure(asked: lang) { () throws(PipelineFailure) in try Pipeline.run(at: folder, limits.pipelineOptions) }
        for warning in loaded.warnings { Console.error(warning.rendered(lang ?? loaded.run.language)) }
        let run = loaded.run
        let language = lang ?? run.language
        let positionID = position.map { PositionID(rawValue: $0) }, unitID = unit.map { UnitID(rawValue: $0) }
        if let positionID, run.positionByID[positionID] == nil {
            Console.error("rotation show: " + ReportTexts.unknownFilter("--position", positionID.rawValue)(language))
            throw ExitCode(ExitStatus.badInput)
        }
        if let unitID, run.unitByID[unitID] == nil {
            Console.error("rotation show: " + ReportTexts.unknownFilter("--unit", unitID.rawValue)(language))
            throw ExitCode(ExitStatus.badInput)
        }
        let overview = RunOverview(run: run, language: lang, position: positionID, unit: unitID)
        let document = cadres ? overview.cadres() : positions ? overview.positions() : overview.document()
        Console.write(TextRenderer.render(document, colour: Terminal.colourAllowed(out: nil)))
    }
}
