// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationCore
import RotationIO
import RotationPipeline
import RotationReports

/// `rotation tally BALLOTS --scenario S --out FILE`: the forms of 附件2 and 附件3, tallied into evaluations.csv (计票).
struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Tally the evaluation ballots (计票): 附件2 performance and 附件3 moral forms into evaluations.csv.",
        discussion: """
        BALLOTS is a folder with meetings.csv (测评会议: unit, how many were due), performance.csv (附件2 干部绩效评价表, \
        one row per ballot and cadre) and/or moral.csv (附件3 德行考核评价表); `rotation init FOLDER --ballots --scenario S` \
        writes them empty, with each unit's cadres filled in. The rules T-MARK, T-GOOD (at most 20% 好 per ballot), \
        T-POOR, T-REASON, T-COUNT and T-MORAL apply (settings: rules.ballots in scenario.yaml). Writes FILE \
        (evaluations.csv: UTF-8 with BOM, Chinese headers for a zh scenario) and tally.json beside it, atomically; \
        with --report, a printable A4 page for the scrutineers and counters (监票、计票) to sign. \
        Bad input: every problem as FILE:LINE: column: message, exit 2, nothing written. \
        Then copy FILE into the scenario as evaluations.csv and run `rotation solve`.
        Example: rotation tally 选票 --scenario 我的场景 --out 计票/evaluations.csv --report 计票/计票结果.html
        """
    )

    @Argument(help: ArgumentHelp("The ballots folder (选票): meetings.csv, performance.csv, moral.csv.", valueName: "ballots"))
    var ballots: String

    @Option(help: ArgumentHelp("The scenario (场景) whose units and cadres the ballots evaluate.", valueName: "folder"))
    var scenario: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The evaluations.csv to write (测评结果); tally.json is written beside it.", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("Also write the tally report (计票结果), a printable HTML page.", valueName: "file.html"))
    var report: String?

    @Option(help: "语言 Language of the messages, headers and report: zh (中文) or en (default: the scenario's language:).")
    var lang: Language?

    func run() throws {
        let loaded: LoadedScenario
        do {
            loaded = try Pipeline.load(URL(fileURLWithPath: scenario))
        } catch {
            var language = lang ?? .zh
            if lang == nil, case .input(let errors, _) = error, let asked = errors.language { language = asked }
            Console.error(error.rendered(language))
            throw ExitCode(error.exitStatus)
        }
        Console.warnings(loaded, lang: lang)
        let language = lang ?? loaded.scenario.language
        let box: BallotBox
        do {
            let read = try BallotReader.read(folder: URL(fileURLWithPath: ballots), scenario: loaded.scenario, language: language,
                                              sources: loaded.sources)
            box = read.box
            for warning in read.warnings { Console.error(warning.rendered(language)) }
        } catch let errors as InputErrors {
            Console.error(errors.rendered(language))
            throw ExitCode(ExitStatus.badInput)
        }
        let confirmations = Dictionary(loaded.scenario.evaluations.map {
            ($0.cadreID, Tally.Confirmation(poor: $0.confirmedPoor, moral: $0.moralConfirmed))
        }, uniquingKeysWith: { first, _ in first })
        let result = Tally.count(box, rules: loaded.scenario.rules, confirmations: confirmations)
        let outURL = URL(fileURLWithPath: out)
        var files: [(URL, [UInt8])] = [
            (outURL, Array(BallotWriter.evaluationsCSV(result, language: language).utf8)),
            (outURL.deletingLastPathComponent().appendingPathComponent("tally.json"),
             Array(BallotWriter.tallyJSON(result, minParticipation: loaded.scenario.rules.minParticipation).rendered().utf8)),
        ]
        if let report {
            let page = TallyReport(result: result, scenario: loaded.scenario, ballots: ballots, language: language).html()
            files.append((URL(fileURLWithPath: report), Array(page.utf8)))
        }
        // Refuse before writing anything what AtomicFolder would refuse on a later file (a folder, a link).
        for (url, _) in files {
            let path = url.standardizedFileURL.path
            var refusal: AtomicFolder.Refusal?
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil { refusal = .symbolicLink(target: .file) }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { refusal = .isFolder }
            if let refusal {
                Console.failure(AtomicFolder.Failure.refused(path: path, reason: refusal), language: language, command: "rotation tally")
                throw ExitCode(ExitStatus.badInput)
            }
        }
        for (url, bytes) in files {
            do {
                try AtomicFolder.writeFile(bytes, to: url)
            } catch {
                Console.failure(error, language: language, command: "rotation tally")
                throw ExitCode(Console.exitStatus(of: error))
            }
        }
        let void = result.ballots.filter(\.isVoid).count
        Console.write(TallyTexts.summary(performance: result.ballots.filter { $0.form == .performance }.count, void: void,
                                         moral: result.ballots.filter { $0.form == .moral }.count, cadres: result.cadres.count,
                                         findings: result.findings.count)(language) + "\n")
        for (url, _) in files { Console.write(TallyTexts.wrote(url.path)(language) + "\n") }
    }
}
