// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationCore
import RotationIO
import RotationPipeline

/// `rotation solve SCENARIO --out RUN`: apply the rules, optimize, write the run folder.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "求解 Apply every rule, solve the competition (and transfer) with GLPK, and write the run folder.",
        discussion: """
        按通知的规则审查资格、确定差额考察对象和拟任人选，并安排组织调动，结果写入 --out 文件夹；\
        再用 rotation export 结果 --format html 生成报告。Writes shortlist.csv, withdrawn.csv, ties.csv, \
        placements.csv, eligibility.csv, rotation_due.csv, quota.csv, result.json and audit.json into --out, \
        all at once (nothing is half-written). Same input, same bytes. Exit 0 optimal, 2 bad input (fix the \
        files listed), 3 time limit (raise --time-limit), 4 place_all_due cannot hold (see the cadres named).
        """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .shortAndLong, help: "结果文件夹 The run folder to write, e.g. --out 结果 (a new folder, or an earlier run, which is replaced).")
    var out: String

    @OptionGroup var limits: SolverLimitOptions

    @Option(help: "基准方案 An earlier run folder: among optimal plans, keep as many of its shortlist and transfer pairs as possible.")
    var baseline: String?

    @Option(help: "导出模型 Also write every model as solved, in CPLEX LP form, into this folder (for checking the optimization).")
    var exportModel: String?

    @Flag(help: "计时 Record per-phase timings in audit.json (the run is then not byte-for-byte reproducible).")
    var timings = false

    @Option(help: "时间戳 A timestamp to record in audit.json (default: SOURCE_DATE_EPOCH if set, else none).")
    var now: String?

    @Option(help: "内存预算 Memory the models may take, in MB (default: half of this machine's memory). Above it, solve stops with exit 7 before building anything: split the scenario or raise the budget.")
    var memoryBudget: Int?

    /// For the fault suite only (`make faults`): stop the write at this step and wait for a signal.
    @Option(help: ArgumentHelp("故障测试 For the fault suite only: pause the write at this step until a signal arrives.", visibility: .hidden))
    var pauseAt: SignalGuard.Step?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let started = Date()   // the time limit counts from here: reading the input is part of the run
        SignalGuard.pauseAt = pauseAt
        let loaded = try scenario.load(lang: language.lang)
        Console.warnings(loaded, lang: language.lang)
        let lang = language.lang ?? loaded.scenario.language
        // Refuse a target that is not ours before solving, so that a refusal leaves nothing half done.
        do {
            try AtomicFolder.check(URL(fileURLWithPath: out), kind: .run)
            if let exportModel { try AtomicFolder.check(URL(fileURLWithPath: exportModel), kind: .models) }
        } catch {
            Console.failure(error, language: lang)
            throw ExitCode(Console.exitStatus(of: error))
        }
        var options = limits.pipelineOptions
        if let baseline {
            do {
                options.baseline = try RunFolder.read(URL(fileURLWithPath: baseline)).plan
            } catch {
                Console.error("rotation: " + TerminalTexts.baselineNotARun(baseline)(lang) + " " + ((error as? RunFolder.ReadError)?.text(lang) ?? "\(error)"))
                throw ExitCode(ExitStatus.badInput)
            }
        }
        options.keepModels = exportModel != nil
        options.recordTimings = timings
        options.started = started
        if let memoryBudget { options.memoryBudget = memoryBudget > Int.max >> 20 ? Int.max : max(memoryBudget, 1) << 20 }
        options.stamp = now ?? ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].map { "SOURCE_DATE_EPOCH=\($0)" }
        SignalGuard.pause(.solving)
        let progress = ProgressLine(language: lang)
        options.progress = progress?.show
        let solved = try Console.exitOnFailure(language: lang) { () throws(PipelineFailure) in
            defer { progress?.finish() }
            return try Pipeline.solve(loaded, options)
        }

        var files = RunFolder.files(of: solved.run).map { (name: $0.name, contents: Array($0.contents.utf8)) }
        if timings && !solved.glpkLog.isEmpty { files.append((name: "glpk.log", contents: Array(solved.glpkLog.utf8))) }
        do {
            try AtomicFolder.write(files, to: URL(fileURLWithPath: out), kind: .run)
            if let exportModel {
                var models: [(name: String, contents: [UInt8])] = []
                for entry in solved.models {
                    models.append((name: "\(entry.name).lp", contents: Array(try entry.model.export(.cplexLP).utf8)))
                }
                try AtomicFolder.write(models, to: URL(fileURLWithPath: exportModel), kind: .models)
            }
        } catch {
            Console.failure(error, language: lang)
            throw Console.exitCode(of: error)
        }
        Console.write(SolveSummary(run: solved.run, out: out, language: lang).text)
        let status = ExitStatus(solved.run.status)
        if status != .done { throw ExitCode(status) }
    }
}

/// The few lines `solve` prints, in the run's language.
struct SolveSummary {
    let run: Run
    let out: String
    var language: Language = .zh

    var text: String {
        let plan = run.plan
        let offered = run.offeredPositionIDs.count
        let competed = run.competedPositionIDs.count
        var lines: [TerminalTexts] = [.runHeadline(name: run.scenarioName, status: run.status)]
        if run.stage == .preInterview {
            lines.append(.preInterview(awaiting: run.positionsAwaitingInterview.count, offered: offered, withdrawn: plan.withdrawn.count))
        } else {
            lines.append(.positionsLine(offered: offered, competed: competed, withdrawn: plan.withdrawn.count))
            lines.append(.shortlistedLine(shortlisted: plan.shortlist.count, byCompetition: plan.placements(.competition).count,
                                          byTransfer: plan.placements(.transfer).count))
        }
        for level in run.levels {
            lines.append(.levelLine(level.level, value: "\(level.value)", bound: level.bound == level.value ? nil : "\(level.bound)",
                                    status: level.status))
        }
        if let withoutEnvy = run.positionsCompetedWithoutEnvy {
            lines.append(.priceOfFairness(without: withoutEnvy, with: run.value(of: .shortlistPositionsCompeted) ?? 0))
        }
        if let persistence = run.persistence {
            lines.append(.baseline(kept: persistence.kept, pairs: persistence.baselinePairs, changed: persistence.changed))
        }
        if let conflict = run.transfer.conflict {
            lines.append(.conflict(conflict.reason, cadres: conflict.cadres.count, vacancies: conflict.vacancies.count,
                                   maxPerUnitPair: run.transferSettings.maxPerUnitPair))
            lines.append(.conflictCadres(conflict.cadres.map(\.rawValue).joined(separator: language == .zh ? "、" : ", ")))
            lines.append(.conflictVacancies(conflict.vacancies.isEmpty ? nil : conflict.vacancies.map(\.rawValue).joined(separator: language == .zh ? "、" : ", ")))
        }
        if !run.withdrawnApplications.isEmpty { lines.append(.withdrawnApplications(run.withdrawnApplications.count)) }
        lines.append(.eligibilityLine(fail: run.findings(.fail).count, flag: run.findings(.flag).count, due: run.rotationDue.count))
        lines.append(.written(out))
        var rendered = lines.map { $0(language) }
        // The solver's account of the conflict (per cadre, or per unit pair), after the headline.
        if let conflict = run.transfer.conflict, let index = lines.firstIndex(where: { if case .conflict = $0 { true } else { false } }) {
            rendered.insert("  " + conflict.detail(in: language), at: index + 1)
        }
        return rendered.joined(separator: "\n") + "\n"
    }
}
