// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import RotationCore
import RotationIO
import RotationPipeline

/// `rotation solve SCENARIO --out RUN`: apply the rules, optimize, write the run folder.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply every rule, solve the competition (and transfer) with GLPK, and write the run folder.",
        discussion: """
        Writes shortlist.csv, withdrawn.csv, ties.csv, placements.csv, eligibility.csv, rotation_due.csv, \
        quota.csv, result.json and audit.json into --out, all at once (nothing is half-written). \
        Same input, same bytes.
        """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .shortAndLong, help: "The run folder to write (replaced if it is an earlier run).")
    var out: String

    @OptionGroup var limits: SolverLimitOptions

    @Option(help: "An earlier run folder: among optimal plans, keep as many of its shortlist and transfer pairs as possible.")
    var baseline: String?

    @Option(help: "Also write every model as solved, in CPLEX LP form, into this folder.")
    var exportModel: String?

    @Flag(help: "Record per-phase timings in audit.json (the run is then not byte-for-byte reproducible).")
    var timings = false

    @Option(help: "A timestamp to record in audit.json (default: SOURCE_DATE_EPOCH if set, else none).")
    var now: String?

    func run() throws {
        let loaded = try scenario.load()
        Console.warnings(loaded)
        // Refuse a target that is not ours before solving, so that a refusal leaves nothing half done.
        do {
            try AtomicFolder.check(URL(fileURLWithPath: out), kind: .run)
            if let exportModel { try AtomicFolder.check(URL(fileURLWithPath: exportModel), kind: .models) }
        } catch {
            Console.error("rotation: \(error)")
            throw ExitCode(Console.exitStatus(of: error))
        }
        var options = limits.pipelineOptions
        if let baseline {
            do {
                options.baseline = try RunFolder.read(URL(fileURLWithPath: baseline)).plan
            } catch {
                Console.error("rotation: --baseline needs a run folder written by rotation solve: \(error)")
                throw ExitCode(ExitStatus.badInput)
            }
        }
        options.keepModels = exportModel != nil
        options.recordTimings = timings
        options.stamp = now ?? ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].map { "SOURCE_DATE_EPOCH=\($0)" }
        let progress = ProgressLine(language: loaded.scenario.language)
        options.progress = progress?.show
        let solved = try Console.exitOnFailure { () throws(PipelineFailure) in
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
            Console.error("rotation: \(error)")
            throw ExitCode(Console.exitStatus(of: error))
        }
        Console.write(SolveSummary(run: solved.run, out: out).text)
        let status = ExitStatus(solved.run.status)
        if status != .done { throw ExitCode(status) }
    }
}

/// The few lines `solve` prints.
struct SolveSummary {
    let run: Run
    let out: String

    var text: String {
        let plan = run.plan
        let offered = run.offeredPositionIDs.count
        let competed = run.competedPositionIDs.count
        var lines = ["\(run.scenarioName): \(run.status.rawValue)"]
        if run.stage == .preInterview {
            lines.append("pre-interview stage: \(run.positionsAwaitingInterview.count) of \(offered) offered positions await interviews; \(plan.withdrawn.count) withdrawn (C-MIN2)")
        } else {
            lines.append("positions: \(offered) offered, \(competed) competed, \(plan.withdrawn.count) withdrawn")
            lines.append("shortlisted: \(plan.shortlist.count); placed by competition: \(plan.placements(.competition).count), by transfer: \(plan.placements(.transfer).count)")
        }
        for level in run.levels {
            let bound = level.bound == level.value ? "" : " (bound \(level.bound))"
            lines.append("  \(level.level.rawValue) = \(level.value)\(bound) [\(level.status.rawValue)]")
        }
        if let withoutEnvy = run.positionsCompetedWithoutEnvy {
            let with = run.value(of: .shortlistPositionsCompeted) ?? 0
            lines.append("price of fairness: \(withoutEnvy - with) position(s) (\(withoutEnvy) without the no-envy rule, \(with) with it)")
        }
        if let persistence = run.persistence {
            lines.append("baseline: \(persistence.kept) of \(persistence.baselinePairs) shortlist and transfer pairs kept, \(persistence.changed) changed")
        }
        if let conflict = run.transfer.conflict {
            lines.append("place_all_due is infeasible (\(conflict.reason.rawValue)): \(conflict.detail)")
            lines.append("  cadres: \(conflict.cadres.map(\.rawValue).joined(separator: ", "))")
            lines.append("  vacancies: \(conflict.vacancies.isEmpty ? "none" : conflict.vacancies.map(\.rawValue).joined(separator: ", "))")
        }
        lines.append("eligibility: \(run.findings(.fail).count) fail, \(run.findings(.flag).count) flag; rotation due: \(run.rotationDue.count)")
        lines.append("written: \(out)")
        return lines.joined(separator: "\n") + "\n"
    }
}
