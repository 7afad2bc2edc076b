// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationCore
import RotationIO
import RotationPipeline
import RotationWorkbook

/// `rotation init FOLDER --ballots --scenario S [--xlsx]`: the empty forms of 附件2 and 附件3 (选票空表),
/// each unit's cadres filled in, so that entering the paper ballots is ticking, not typing ids.
struct BallotInitOptions: ParsableArguments {
    @Flag(help: "选票空表: write empty ballot forms (附件2 performance, 附件3 moral, meetings) for the units of --scenario, instead of a scenario.")
    var ballots = false

    @Option(help: ArgumentHelp("情景: the scenario whose units and mid-level cadres the forms list (with --ballots).", valueName: "folder"))
    var scenario: String?

    @Option(help: "每个单位预排票数: forms laid out per unit (with --ballots; unused forms are ignored by tally).")
    var ballotsPerUnit = 60

    func validate() throws {
        if ballots && scenario == nil {
            throw ValidationError("--ballots needs --scenario FOLDER (the scenario whose cadres are evaluated), e.g. rotation init 选票 --ballots --scenario 我的场景")
        }
        if !ballots && scenario != nil {
            throw ValidationError("--scenario goes with --ballots: rotation init 选票 --ballots --scenario 我的场景")
        }
        if !(1...999).contains(ballotsPerUnit) {
            throw ValidationError("--ballots-per-unit must be between 1 and 999, e.g. --ballots-per-unit 60")
        }
    }

    /// Writes the forms into `folder` (CSV files, or with `xlsx` one workbook ballots.xlsx).
    func run(folder: String, lang: Language, xlsx: Bool) throws {
        let loaded: LoadedScenario
        do {
            loaded = try Pipeline.load(URL(fileURLWithPath: scenario ?? ""))
        } catch {
            Console.error(error.rendered(lang))
            throw ExitCode(error.exitStatus)
        }
        let url = URL(fileURLWithPath: folder)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
           !(isDirectory.boolValue && ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? ["x"]).isEmpty) {
            Console.error("rotation: " + TallyTexts.folderExists(folder)(lang))
            throw ExitCode(ExitStatus.badInput)
        }
        let template = BallotTemplate(scenario: loaded.scenario, language: lang, perUnit: ballotsPerUnit)
        do {
            try AtomicFolder.create(xlsx ? [(BallotFiles.workbook, try template.workbook())] : template.csvFiles(), at: url)
        } catch {
            Console.failure(error, language: lang)
            throw ExitCode(Console.exitStatus(of: error))
        }
        Console.write(TallyTexts.initBallots(folder: folder, units: template.units.count,
                                             cadres: template.units.map(\.cadres.count).reduce(0, +))(lang) + "\n")
    }
}

/// The empty forms of a scenario: per unit with mid-level cadres (中层正职、副职), `perUnit` ballots
/// of one line per cadre, ids `P-单位-001` (附件2) and `M-单位-001` (附件3).
struct BallotTemplate {
    let scenario: Scenario
    let language: Language
    let perUnit: Int

    /// The units with the cadres their meetings evaluate, in units.csv order, cadres by id.
    var units: [(unit: RotationCore.Unit, cadres: [Cadre])] {
        scenario.units.compactMap { unit in
            let cadres = scenario.cadres.filter { $0.unitID == unit.id && $0.level != .staff }.sorted { idPrecedes($0.id, $1.id) }
            return cadres.isEmpty ? nil : (unit, cadres)
        }
    }

    func header(_ columns: [ColumnSpec]) -> [String] { columns.map { language == .zh ? $0.alias : $0.name } }

    /// The tables: (file, header, rows with whether each ends a ballot).
    func tables() -> [(file: String, header: [String], rows: [(cells: [String], endsBallot: Bool)])] {
        let meetings = units.map { (cells: [$0.unit.id.rawValue, "", $0.unit.name], endsBallot: false) }
        func forms(_ prefix: String, _ columns: [ColumnSpec]) -> [(cells: [String], endsBallot: Bool)] {
            var rows: [(cells: [String], endsBallot: Bool)] = []
            for (unit, cadres) in units {
                for number in 1...perUnit {
                    let ballot = "\(prefix)-\(unit.id)-" + String(format: "%03d", number)
                    for (index, cadre) in cadres.enumerated() {
                        let blanks = Array(repeating: "", count: columns.count - 3)
                        rows.append(([ballot, cadre.id.rawValue, cadre.name] + blanks, index == cadres.count - 1))
                    }
                }
            }
            return rows
        }
        return [(BallotFiles.meetings, header(BallotFiles.meetingColumns), meetings),
                (BallotFiles.performance, header(BallotFiles.performanceColumns), forms("P", BallotFiles.performanceColumns)),
                (BallotFiles.moral, header(BallotFiles.moralColumns), forms("M", BallotFiles.moralColumns))]
    }

    func csvFiles() -> [(name: String, contents: [UInt8])] {
        tables().map { table in (table.file, Array(CSVWriter.render(header: table.header, rows: table.rows.map(\.cells)).utf8)) }
    }

    /// ballots.xlsx: a sheet per form (测评会议, 附件2, 附件3), a dropdown in every grade and reverse-indicator cell.
    func workbook() throws -> [UInt8] {
        let grades = language == .zh ? MoralGrade.allCases.map(\.chinese) : MoralGrade.allCases.map(\.rawValue)
        let sheets = tables().map { table -> BallotWorkbookWriter.Sheet in
            let names = BallotFiles.sheetNames.first { $0.file == table.file }!.names
            var dropdowns: [Int: [String]] = [:]
            var widths = table.header.map { max(8, Double($0.count) * 2.2 + 2) }
            if table.file == BallotFiles.performance {
                for column in PerformanceColumn.allCases { dropdowns[BallotFiles.performanceColumns.firstIndex { $0.name == column.rawValue }!] = grades }
                widths[widths.count - 1] = 30
            }
            if table.file == BallotFiles.moral {
                for category in MoralCategory.allCases {
                    dropdowns[BallotFiles.moralColumns.firstIndex { $0.name == category.rawValue }!] = grades
                    dropdowns[BallotFiles.moralColumns.firstIndex { $0.name == category.reverseColumn }!] = ["A", "B", "A;B"]
                }
                widths[widths.count - 1] = 30
            }
            widths[0] = 13
            return BallotWorkbookWriter.Sheet(name: language == .zh ? names[1] : names[0], header: table.header, dropdowns: dropdowns,
                                              rows: table.rows, widths: widths)
        }
        return try BallotWorkbookWriter.bytes(sheets, title: TallyTexts.reportTitle(language))
    }
}
