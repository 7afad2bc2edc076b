// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationCore
import RotationIO
import RotationPipeline
import RotationReports

/// `rotation export RUN --format F --out PATH`: the run for Excel, for the committee, or for the public notice.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a run (导出): csv or xlsx for Excel, html/md/json report for the committee (会议材料), notice (公示) for the public.",
        discussion: """
        csv: the shortlist, UTF-8 with BOM for Excel, formula-like cells neutralised with a leading '. \
        xlsx: one workbook (shortlist, placements, withdrawn, ties, eligibility, rotation due, quota). \
        html: a printable A4 report (shortlists, transfers, moves between units, withdrawals, ties, \
        eligibility by rule); md and json hold the same content. notice: the public notice (公示) of the \
        proposed appointees (拟任人选) as a printable A4 web page (--out FILE.html), with no scores, rule IDs, \
        grades or flags; issuer, 公示期 and phone come from `notice:` in scenario.yaml. notice-docx: the \
        same notice as a Word document to edit and stamp (--out FILE.docx). --unit UNIT_ID: the notice of \
        one unit (appointees leaving or joining it); --per-unit DIR: one file per unit (UNIT_ID.html or .docx). \
        RUN may also be a scenario folder, solved first in memory.
        Examples: rotation export RUN/fenghua-2017 --format xlsx --out 结果.xlsx
                  rotation export RUN/fenghua-2017 --format notice --unit MZJ --out 民政局公示.html
                  rotation export RUN/fenghua-2017 --format notice-docx --per-unit 公示
        """
    )

    @Argument(help: ArgumentHelp("The run folder (written by `rotation solve`), or a scenario folder.", valueName: "run"))
    var folder: String

    @Option(help: "csv, xlsx, json, md, html (会议材料), notice (公示, web page) or notice-docx (公示, Word).")
    var format: ExportFormat

    @Option(help: ArgumentHelp("Notice of one unit (单位编号): the appointees leaving or joining it.", valueName: "unit-id"))
    var unit: String?

    @Option(name: .customLong("per-unit"), help: ArgumentHelp("Write one notice per unit (各单位公示) into this folder, as UNIT_ID.html or UNIT_ID.docx.", valueName: "folder"))
    var perUnit: String?

    @Option(name: .shortAndLong, help: "The file to write (atomically); standard output when omitted or '-' (not for xlsx).")
    var out: String?

    @Option(help: "Language of the labels: zh or en (default: the run's language).")
    var lang: Language?

    func run() throws {
        if format == .xlsx && (out == nil || out == "-") {
            Console.error("rotation export: " + FolderTexts.workbookNeedsFile(lang ?? .zh))
            throw ExitCode(ExitStatus.badInput)
        }
        let loaded = try Console.exitOnFailure(asked: lang) { () throws(PipelineFailure) in try Pipeline.run(at: folder) }
        let words = lang ?? loaded.run.language
        for warning in loaded.warnings { Console.error(warning.rendered(words)) }
        let data = loaded.run
        if format == .notice || format == .noticeDocx {
            try NoticeExport(run: data, format: format, language: lang, unit: unit, perUnit: perUnit, out: out).write()
            return
        }
        if unit != nil || perUnit != nil {
            Console.error("rotation export: " + NoticeTexts.onlyForNotices(lang ?? data.language))
            throw ExitCode(ExitStatus.badInput)
        }
        switch format {
        case .csv: try Console.emit(SpreadsheetCSV.render(RunSheets(run: data, language: lang).shortlist()), to: out, language: words)
        case .json: try Console.emit(RunReport(run: data, language: lang).json().rendered(), to: out, language: words)
        case .md: try Console.emit(MarkdownRenderer.render(RunReport(run: data, language: lang).document()), to: out, language: words)
        case .html: try Console.emit(HTMLRenderer.render(RunReport(run: data, language: lang).document()), to: out, language: words)
        case .notice, .noticeDocx: break
        case .xlsx:
            let created = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? XLSXExport.defaultCreated(data)
            do {
                try XLSXExport.write(RunSheets(run: data, language: lang).all(), title: data.scenarioName, created: created,
                                     to: URL(fileURLWithPath: out ?? ""))
            } catch {
                Console.failure(error, language: words, command: "rotation export")
                throw ExitCode(error is ReportError ? ExitStatus.ioFailure : Console.exitStatus(of: error))
            }
        }
    }
}

/// `--format` of `export`.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, xlsx, json, md, html, notice
    case noticeDocx = "notice-docx"
}
