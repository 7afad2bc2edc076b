// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import RotationIO
import RotationSolver

/// A run to report on or compare, read from a run folder or solved in memory from a scenario folder.
public struct LoadedRun: Sendable {
    /// The folder as the user gave it.
    public var path: String
    public var data: RunData
    /// True when `path` is a scenario folder that was solved here.
    public var solvedFromScenario: Bool
    /// Justified envy recomputed from the scenario (passed applicants who were not shortlisted are in
    /// the scenario, not in a run folder); nil for a run folder.
    public var justifiedEnvy: Int?
    /// The scenario's warnings, when solved here.
    public var warnings: [String]
}

/// Turns a folder into a `LoadedRun`: a run folder (it has result.json) is read; a scenario folder
/// (it has scenario.yaml) is solved exactly as `rotation solve` does — `ScenarioLoader`, `Adjudication`,
/// `RotationOptimizer`, `RunFolder` — into memory, nothing written.
///
/// ```swift
/// let run = try RunSource.load("scenarios/fenghua-2017")
/// ```
public enum RunSource {
    /// Solver limits for scenario folders (nil: the scenario's `solver:` settings, as `solve` uses).
    public struct SolveSettings: Sendable {
        public var timeLimitSeconds: Double?
        public var mipGap: Double?
        public init(timeLimitSeconds: Double? = nil, mipGap: Double? = nil) {
            self.timeLimitSeconds = timeLimitSeconds
            self.mipGap = mipGap
        }
    }

    public static func load(_ path: String, settings: SolveSettings = SolveSettings()) throws -> LoadedRun {
        let url = URL(fileURLWithPath: path)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ReportError("\(path): no such folder")
        }
        guard isDirectory.boolValue else {
            throw ReportError("\(path): not a folder; give a run folder (with result.json) or a scenario folder (with scenario.yaml)")
        }
        if manager.fileExists(atPath: url.appendingPathComponent("result.json").path) {
            return LoadedRun(path: path, data: try RunData.load(folder: url), solvedFromScenario: false, justifiedEnvy: nil, warnings: [])
        }
        if manager.fileExists(atPath: url.appendingPathComponent("scenario.yaml").path) {
            return try solve(path, settings: settings)
        }
        throw ReportError("\(path): neither a run folder (no result.json) nor a scenario folder (no scenario.yaml)")
    }

    /// Solves a scenario folder in memory, as `rotation solve` would, and reads back its result.json.
    public static func solve(_ path: String, settings: SolveSettings = SolveSettings()) throws -> LoadedRun {
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(folder: URL(fileURLWithPath: path))
        } catch let errors as InputErrors {
            let count = errors.problems.filter { $0.severity == .error }.count
            throw ReportError("\(errors.description)\n\(count) problem\(count == 1 ? "" : "s") in \(path)")
        }
        var solver = loaded.scenario.solver
        if let limit = settings.timeLimitSeconds { solver.timeLimitSeconds = limit }
        if let gap = settings.mipGap { solver.mipGap = gap }
        let adjudication = Adjudication(scenario: loaded.scenario)
        let report: SolveReport
        do {
            report = try RotationOptimizer(options: SolveOptions(timeLimitSeconds: solver.timeLimitSeconds, mipGap: solver.mipGap,
                                                                 keepModels: true))
                .solve(adjudication)
        } catch {
            throw ReportError("\(path): the solve failed: \(error)")
        }
        var options = RunFolder.Options()
        options.timeLimitSeconds = solver.timeLimitSeconds
        options.mipGap = solver.mipGap
        let folder = RunFolder(loaded: loaded, adjudication: adjudication, report: report, options: options)
        var data = try RunData(json: Data(folder.result().rendered().utf8), source: "\(path) (solved)/result.json")
        data.addTieValues(csv: folder.tiesCSV())
        data.addRules(auditJSON: Data(folder.audit().rendered().utf8))
        return LoadedRun(path: path, data: data, solvedFromScenario: true,
                         justifiedEnvy: justifiedEnvy(adjudication, plan: report.plan),
                         warnings: loaded.warnings.map(\.description))
    }

    /// Passed pairs (i, j) with justified envy (model.md, preferences mode): j has a shortlist, i is
    /// not on it, i is on no list it likes at least as much as j, and fewer than r of j's list rank
    /// above i. `solve` forbids these, so a correct run has none; this recount checks it.
    public static func justifiedEnvy(_ adjudication: Adjudication, plan: Plan) -> Int {
        let ratio = adjudication.scenario.rules.shortlistRatio
        var listOf: [String: String] = [:]
        var lists: [String: Set<String>] = [:]
        for entry in plan.shortlist {
            listOf[entry.cadreID] = entry.positionID
            lists[entry.positionID, default: []].insert(entry.cadreID)
        }
        var preference: [Adjudication.PairKey: Int] = [:]
        for application in adjudication.scenario.applications {
            preference[Adjudication.PairKey(application.cadreID, application.positionID)] = application.preference
        }
        func preferenceOf(_ cadreID: String, _ positionID: String) -> Int {
            preference[Adjudication.PairKey(cadreID, positionID)] ?? 1
        }
        var count = 0
        for (positionID, ranked) in adjudication.ranked {
            guard let list = lists[positionID] else { continue }
            for (rank, candidate) in ranked.enumerated() where !list.contains(candidate.cadreID) {
                if let own = listOf[candidate.cadreID],
                   preferenceOf(candidate.cadreID, own) <= preferenceOf(candidate.cadreID, positionID) { continue }
                let above = ranked.prefix(rank).filter { list.contains($0.cadreID) }.count
                if above >= ratio { continue }
                count += 1
            }
        }
        return count
    }
}
