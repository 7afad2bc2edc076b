// SPDX-License-Identifier: GPL-3.0-or-later
import LinearProgramming
import RotationCore
import RotationIO
import RotationSolver

/// Builds the run model from what the pipeline produced: the scenario as loaded, the rules' verdicts
/// and the solve's report. The only place where solver results become a `Run`.
struct RunAssembly {
    let loaded: LoadedScenario
    let adjudication: Adjudication
    let report: SolveReport
    let timeLimitSeconds: Double
    let mipGap: Double
    let recordTimings: Bool
    let stamp: String?

    static var backend: String { "GLPK \(GLPK.version): glp_simplex (dual, long-step ratio test) then glp_intopt with cover and clique cuts on the shortlist levels, Gomory, MIR, cover and clique cuts on the others" }

    func run() -> Run {
        let scenario = adjudication.scenario
        let ranking = Ranking(scenario: scenario, index: adjudication.index)
        var timings: [Run.Timing]?
        if recordTimings {
            timings = report.timings.map { Run.Timing(name: $0.phase, seconds: $0.seconds) }
                + report.levels.map { Run.Timing(name: $0.level.rawValue, seconds: $0.seconds) }
        }
        // The seconds are the audit's (with --timings); the run's levels hold what was decided.
        let levels = report.levels.map { level in
            var decided = level
            decided.seconds = 0
            return decided
        }
        let audit = Run.Audit(
            tool: Tool.signature, glpkVersion: GLPK.version, stamp: stamp,
            inputs: loaded.inputs,
            backend: Self.backend, timeLimitSeconds: timeLimitSeconds, mipGap: mipGap, methods: report.methods,
            models: report.modelSizes,
            timings: timings, warnings: loaded.warnings.map { $0.rendered(loaded.scenario.language) })
        var run = Run(
            scenarioName: scenario.name, referenceDate: scenario.referenceDate, mode: scenario.mode,
            maxPreferences: scenario.maxPreferences, language: scenario.language, rules: scenario.rules,
            transferSettings: scenario.transfer, applicationCount: scenario.applications.count, stage: adjudication.stage,
            status: report.status, levels: levels, positionsCompetedWithoutEnvy: report.positionsCompetedWithoutEnvy,
            transfer: report.transfer, persistence: report.persistence,
            positionsAwaitingInterview: adjudication.positionsAwaitingInterview, plan: report.plan,
            ties: adjudication.ties.map { tie in
                Run.Tie(tie, aboveValue: ranking.value(of: tie.key, for: tie.aboveCadreID).description,
                        belowValue: ranking.value(of: tie.key, for: tie.belowCadreID).description)
            },
            eligibility: adjudication.allVerdicts, rotationDue: adjudication.rotationDue, quota: adjudication.quota,
            units: scenario.units.sorted { idPrecedes($0.id, $1.id) },
            positions: scenario.positions.sorted { idPrecedes($0.id, $1.id) }.map { position in
                Run.Position(id: position.id, unitID: position.unitID, title: position.title, level: position.level,
                             section: position.section, offered: position.offered)
            },
            cadres: scenario.cadres.sorted { idPrecedes($0.id, $1.id) }.map { cadre in
                Run.Cadre(id: cadre.id, name: cadre.name, gender: cadre.gender, birth: cadre.birth, education: cadre.education,
                          unitID: cadre.unitID, level: cadre.level, positionID: cadre.positionID)
            },
            audit: audit,
            justifiedEnvy: adjudication.justifiedEnvy(in: report.plan).count)
        run.withdrawnApplications = scenario.withdrawnApplications.map { Run.WithdrawnApplication(cadreID: $0.cadreID, positionID: $0.positionID) }
        run.notice = scenario.notice
        return run
    }
}
