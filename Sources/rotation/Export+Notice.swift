// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationCore
import RotationIO
import RotationPipeline
import RotationReports

/// `export --format notice|notice-docx [--unit U | --per-unit DIR]`: the public notice (公示) as a web page
/// or a Word document, for every unit, one unit, or one file per unit.
///
/// ```sh
/// rotation export RUN --format notice --unit MZJ --out 民政局公示.html
/// rotation export RUN --format notice-docx --per-unit 公示     # 公示/MZJ.docx, 公示/CZJ.docx …
/// ```
struct NoticeExport {
    let run: Run
    let format: ExportFormat
    let language: Language?
    let unit: String?
    let perUnit: String?
    let out: String?

    var words: Language { language ?? run.language }
    var fileExtension: String { format == .noticeDocx ? "docx" : "html" }

    func fail(_ message: String) -> ExitCode {
        Console.error("rotation export: " + message)
        return ExitCode(ExitStatus.badInput)
    }

    func bytes(_ notice: PublicNotice) throws -> [UInt8] {
        format == .noticeDocx ? try NoticeDocx.data(notice) : Array(notice.html().utf8)
    }

    func write() throws {
        let units = PublicNotice.unitsWithNotices(run)
        if let perUnit {
            guard out == nil, unit == nil else { throw fail(NoticeTexts.perUnitAlone(words)) }
            let files = try units.map { id in
                (name: "\(id.rawValue).\(fileExtension)", contents: try bytes(PublicNotice(run: run, language: language, unit: id)))
            }
            do {
                try AtomicFolder.write(files, to: URL(fileURLWithPath: perUnit), kind: .notices)
            } catch {
                Console.failure(error, language: words)
                throw ExitCode(Console.exitStatus(of: error))
            }
            Console.error(NoticeTexts.perUnitWritten(files.count, perUnit)(words))
            return
        }
        var unitID: UnitID?
        if let unit {
            let id = UnitID(rawValue: unit)
            guard units.contains(id) else {
                throw fail(NoticeTexts.unknownUnit(unit, units.map(\.rawValue).joined(separator: ", "))(words))
            }
            unitID = id
        }
        let notice = PublicNotice(run: run, language: language, unit: unitID)
        switch format {
        case .noticeDocx:
            guard let out, out != "-", out.lowercased().hasSuffix(".docx") else { throw fail(NoticeTexts.needsDocx(out ?? "-")(words)) }
            do {
                try AtomicFolder.writeFile(try bytes(notice), to: URL(fileURLWithPath: out))
            } catch {
                Console.failure(error, language: words)
                throw ExitCode(error is ReportError ? ExitStatus.ioFailure : Console.exitStatus(of: error))
            }
        default:
            if let out, out != "-", !out.lowercased().hasSuffix(".html") && !out.lowercased().hasSuffix(".htm") {
                let stem = (out as NSString).deletingPathExtension
                throw fail(NoticeTexts.needsHTML(out, stem + ".html")(words))
            }
            try Console.emit(notice.html(), to: out, language: words)
        }
    }
}
