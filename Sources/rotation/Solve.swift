// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import LinearProgramming
import RotationCore
import RotationIO
import RotationSolver

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
        let baselinePlan = try baseline.map(BaselineReader.read)
        let settings = limits.applied(to: loaded.scenario.solver)

        let adjudication = Adjudication(scenario: loaded.scenario)
        let report: SolveReport
        do {
            report = try RotationOptimizer(options: SolveOptions(timeLimitSeconds: settings.timeLimitSeconds,
                                                                 mipGap: settings.mipGap, keepModels: true))
                .solve(adjudication, baseline: baselinePlan)
        } catch SolverFailure.timeLimitWithoutSolution(let message) {
            Console.error("rotation: \(message); nothing written")
            throw ExitCode(3)
        } catch let failure as SolverFailure {
            Console.error("rotation: \(failure)")
            throw ExitCode(1)
        } catch let failure as GLPKError {
            Console.error("rotation: GLPK failed: \(failure) (nothing written; please report this with the scenario)")
            throw ExitCode(1)
        }

        var options = RunFolder.Options()
        options.recordTimings = timings
        options.timeLimitSeconds = settings.timeLimitSeconds
        options.mipGap = settings.mipGap
        options.stamp = now ?? ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].map { "SOURCE_DATE_EPOCH=\($0)" }
        let run = RunFolder(loaded: loaded, adjudication: adjudication, report: report, options: options)
        var files = run.files().map { (name: $0.name, contents: Array($0.contents.utf8)) }
        if timings && !report.glpkLog.isEmpty { files.append((name: "glpk.log", contents: Array(report.glpkLog.utf8))) }
        do {
            try AtomicFolder.write(files, to: URL(fileURLWithPath: out), kind: .run)
            if let exportModel {
                var models: [(name: String, contents: [UInt8])] = []
                for entry in report.models {
                    models.append((name: "\(entry.name).lp", contents: Array(try entry.model.export(.cplexLP).utf8)))
                }
                try AtomicFolder.write(models, to: URL(fileURLWithPath: exportModel), kind: .models)
            }
        } catch let failure as AtomicFolder.Failure {
            Console.error("rotation: \(failure)")
            throw ExitCode(2)
        }
        Console.write(SolveSummary(scenario: loaded.scenario, adjudication: adjudication, report: report, out: out).text)
        switch report.status {
        case .optimal, .withinGap: return
        case .timeLimit: throw ExitCode(3)
        case .infeasible: throw ExitCode(4)
        }
    }
}

/// Reads the shortlist and transfer placements of an earlier run (for `--baseline`).
enum BaselineReader {
    static func read(_ path: String) throws -> Plan {
        let folder = URL(fileURLWithPath: path)
        let shortlist = try rows(folder.appendingPathComponent("shortlist.csv"), columns: ["position_id", "cadre_id"])
        let placements = try rows(folder.appendingPathComponent("placements.csv"),
                                  columns: ["cadre_id", "from_unit_id", "position_id", "to_unit_id", "phase"])
        return Plan(
            shortlist: shortlist.map { Plan.ShortlistEntry(positionID: $0[0], rank: 0, cadreID: $0[1], scoreHundredths: 0, role: .alternate) },
            placements: placements.compactMap { row in
                guard let phase = Plan.Phase(rawValue: row[4]) else { return nil }
                return Plan.Placement(cadreID: row[0], fromUnitID: row[1], positionID: row[2], toUnitID: row[3], phase: phase, scoreHundredths: 0)
            })
    }

    /// The named columns of every record of a run CSV; exits 2 with FILE:LINE on a problem.
    static func rows(_ url: URL, columns: [String]) throws -> [[String]] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Console.error("\(url.path):0: --baseline needs a run folder written by rotation solve")
            throw ExitCode(2)
        }
        do {
            let table = try CSVParser.parse(try TextDecoding.decode(Array(data)).text)
            let slots = columns.map { table.header.firstIndex(of: $0) }
            if let missing = zip(columns, slots).first(where: { $0.1 == nil }) {
                Console.error("\(url.path):\(table.headerLine): \(missing.0): column missing; is this a run folder written by rotation solve?")
                throw ExitCode(2)
            }
            return table.records.map { record in slots.map { slot in record.fields.indices.contains(slot!) ? record.fields[slot!] : "" } }
        } catch let error as CSVError {
            Console.error("\(url.path):\(error.line): \(error.message)")
            throw ExitCode(2)
        } catch let error as DecodingError {
            Console.error("\(url.path):\(error.line): \(error.message)")
            throw ExitCode(2)
        }
    }
}

/// The few lines `solve` prints.
struct SolveSummary {
    let scenario: Scenario
    let adjudication: Adjudication
    let report: SolveReport
    let out: String

    var text: String {
        let plan = report.plan
        let offered = scenario.positions.filter(\.offered).count
        let competed = Set(plan.shortlist.map(\.positionID)).count
        var lines = ["\(scenario.name): \(report.status.rawValue)"]
        if adjudication.stage == .preInterview {
            lines.append("pre-interview stage: \(adjudication.positionsAwaitingInterview.count) of \(offered) offered positions await interviews; \(plan.withdrawn.count) withdrawn (C-MIN2)")
        } else {
            lines.append("positions: \(offered) offered, \(competed) competed, \(plan.withdrawn.count) withdrawn")
            lines.append("shortlisted: \(plan.shortlist.count); placed by competition: \(plan.placements.filter { $0.phase == .competition }.count), by transfer: \(plan.placements.filter { $0.phase == .transfer }.count)")
        }
        for level in report.levels {
            let bound = level.bound == level.value ? "" : " (bound \(level.bound))"
            lines.append("  \(level.phase).\(level.name) = \(level.value)\(bound) [\(level.status.rawValue)]")
        }
        if let withoutEnvy = report.positionsCompetedWithoutEnvy {
            let with = report.levels.first { $0.name == "positions_competed" }?.value ?? 0
            lines.append("price of fairness: \(withoutEnvy - with) position(s) (\(withoutEnvy) without the no-envy rule, \(with) with it)")
        }
        if let persistence = report.persistence {
            lines.append("baseline: \(persistence.kept) of \(persistence.baselinePairs) shortlist and transfer pairs kept, \(persistence.changed) changed")
        }
        if case .infeasible(let conflict) = report.transfer {
            lines.append("place_all_due is infeasible (\(conflict.reason.rawValue)): \(conflict.detail)")
            lines.append("  cadres: \(conflict.cadres.joined(separator: ", "))")
            lines.append("  vacancies: \(conflict.vacancies.isEmpty ? "none" : conflict.vacancies.joined(separator: ", "))")
        }
        lines.append("eligibility: \(adjudication.allVerdicts.filter { $0.verdict == .fail }.count) fail, \(adjudication.allVerdicts.filter { $0.verdict == .flag }.count) flag; rotation due: \(adjudication.rotationDue.count)")
        lines.append("written: \(out)")
        return lines.joined(separator: "\n") + "\n"
    }
}
