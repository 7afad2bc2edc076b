// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

/// Pair-level eligibility (rules.md §2) and E-APPLY.
final class PairRulesTests: XCTestCase {
    /// A scenario with one cadre and one position.
    private func pair(cadreUnit: UnitID = "D1", level: Level = .deputy, levelSince: String = "2012-01",
                      positionUnit: UnitID = "D2", positionLevel: Level = .deputy,
                      cadre tweak: @escaping (inout Cadre) -> Void = { _ in },
                      position positionTweak: @escaping (inout Position) -> Void = { _ in },
                      rules: (inout RuleSettings) -> Void = { _ in }) -> [Verdict] {
        let builder = ScenarioBuilder.standard()
            .position("P1", unit: positionUnit, level: positionLevel, tweak: positionTweak)
            .cadre("C1", unit: cadreUnit, level: level, levelSince: levelSince, tweak: tweak)
            .rules(rules)
        return pairVerdicts(builder, "C1", "P1")
    }

    func test_departmentCadreToOtherDepartmentSameLevel_noVerdicts() {
        XCTAssertEqual(pair(), [])
    }

    func test_pairVerdictsCarryThePosition() {
        let verdicts = pair(cadreUnit: "D2")
        XCTAssertEqual(verdicts.first?.positionID, "P1")
        XCTAssertEqual(verdicts.first?.cadreID, "C1")
    }

    // MARK: P-OWNUNIT

    func test_ownUnit_departmentCadreToOwnDepartmentFails() {
        let verdicts = pair(cadreUnit: "D2", positionUnit: "D2")
        XCTAssertEqual(verdicts.rules, [.ownUnit])
        XCTAssertEqual(verdicts.verdict(.ownUnit), .fail)
    }

    // MARK: P-SCOPE

    func test_scope_townCadreToOtherTownFails() {
        let verdicts = pair(cadreUnit: "T1", positionUnit: "T2")
        XCTAssertEqual(verdicts.rules, [.scope])
        XCTAssertEqual(verdicts.verdict(.scope), .fail)
    }

    func test_scope_townCadreToOwnTownFailsScopeAndOwnUnit_twoRows() {
        let verdicts = pair(cadreUnit: "T1", positionUnit: "T1")
        XCTAssertEqual(Set(verdicts.rules), [.scope, .ownUnit])
        XCTAssertEqual(verdicts.count, 2)
        XCTAssertTrue(verdicts.allSatisfy { $0.verdict == .fail })
    }

    func test_scope_departmentCadreToTownPasses() {
        XCTAssertEqual(pair(cadreUnit: "D1", positionUnit: "T1"), [])
    }

    func test_scope_townCadreToDepartmentPasses() {
        XCTAssertEqual(pair(cadreUnit: "T1", positionUnit: "D1"), [])
    }

    // MARK: P-TOWN5

    func test_town5_59MonthsInTownFails() {
        // 2012-11 → 2017-10 = 59 months.
        let verdicts = pair(cadreUnit: "T1", positionUnit: "D1", cadre: { $0.townRecruited = ym("2012-11") })
        XCTAssertEqual(verdicts.rules, [.town5])
        XCTAssertEqual(verdicts.verdict(.town5), .fail)
    }

    func test_town5_60MonthsInTownPasses() {
        XCTAssertEqual(pair(cadreUnit: "T1", positionUnit: "D1", cadre: { $0.townRecruited = ym("2012-10") }), [])
    }

    func test_town5_withoutTownRecruitedDoesNotApply() {
        XCTAssertEqual(pair(cadreUnit: "T1", positionUnit: "D1", cadre: { $0.townRecruited = nil }), [])
    }

    func test_town5_doesNotApplyToTownPositions() {
        // A recent town recruit applying to another town's post fails P-SCOPE only, not P-TOWN5.
        let verdicts = pair(cadreUnit: "T1", positionUnit: "T2", cadre: { $0.townRecruited = ym("2016-01") })
        XCTAssertEqual(verdicts.rules, [.scope])
    }

    func test_town5_monthsOverride() {
        let verdicts = pair(cadreUnit: "T1", positionUnit: "D1", cadre: { $0.townRecruited = ym("2013-10") },
                            rules: { $0.monthsTownBeforeDepartment = 36 })
        XCTAssertEqual(verdicts, [])
        let strict = pair(cadreUnit: "T1", positionUnit: "D1", cadre: { $0.townRecruited = ym("2013-10") })
        XCTAssertEqual(strict.rules, [.town5], "48 months < 60 by default")
    }

    // MARK: P-REQUIRE

    func test_require_approvedPublicInstitutionCadreNotAdmittedByDefaultPosition() {
        // E-IDENTITY's approval lets the cadre compete at all; the position (default: civil servant; reference-managed)
        // still does not admit the identity.
        let verdicts = pair(cadre: { $0.identity = .publicInstitution; $0.identityApproved = true })
        XCTAssertEqual(verdicts.rules, [.require])
        XCTAssertEqual(verdicts.verdict(.require), .fail)
    }

    func test_require_positionAdmittingTheIdentityPasses() {
        let verdicts = pair(cadre: { $0.identity = .publicInstitution; $0.identityApproved = true },
                            position: { $0.identities = [.civilServant, .publicInstitution] })
        XCTAssertEqual(verdicts, [])
    }

    func test_require_referenceManagedAdmittedByDefault() {
        XCTAssertEqual(pair(cadre: { $0.identity = .referenceManaged }), [])
    }

    func test_require_civilServantNotAdmittedByAPositionForReferenceManagedOnly() {
        let verdicts = pair(position: { $0.identities = [.referenceManaged] })
        XCTAssertEqual(verdicts.rules, [.require])
    }

    func test_require_educationBelowPositionMinimumFails() {
        let verdicts = pair(cadre: { $0.education = .associate }, position: { $0.minEducation = .bachelor })
        XCTAssertEqual(verdicts.rules, [.require])
    }

    func test_require_educationAtPositionMinimumPasses() {
        XCTAssertEqual(pair(cadre: { $0.education = .bachelor }, position: { $0.minEducation = .bachelor }), [])
    }

    func test_require_identityAndEducationBothWrong_oneRow() {
        let verdicts = pair(cadre: { $0.identity = .worker; $0.identityApproved = true; $0.education = .associate },
                            position: { $0.minEducation = .master })
        XCTAssertEqual(verdicts.rules, [.require])
    }

    // MARK: P-LEVEL

    func test_level_staffToChiefFails() {
        let verdicts = pair(level: .staff, levelSince: "2000-01", positionLevel: .chief)
        XCTAssertEqual(verdicts.rules, [.level])
        XCTAssertEqual(verdicts.verdict(.level), .fail)
    }

    func test_level_chiefToDeputyFails() {
        let verdicts = pair(level: .chief, positionLevel: .deputy)
        XCTAssertEqual(verdicts.rules, [.level])
    }

    func test_level_sameLevelPasses() {
        XCTAssertEqual(pair(level: .deputy, positionLevel: .deputy), [])
        XCTAssertEqual(pair(level: .chief, positionLevel: .chief), [])
    }

    func test_level_sameLevelNeedsNoTimeInLevel() {
        XCTAssertEqual(pair(level: .deputy, levelSince: "2017-09", positionLevel: .deputy), [])
        XCTAssertEqual(pair(level: .chief, levelSince: "2017-10", positionLevel: .chief), [])
    }

    func test_level_exceptionalApprovalDoesNotHelpStaffToChief() {
        let verdicts = pair(level: .staff, positionLevel: .chief, cadre: { $0.exceptionalApproved = true })
        XCTAssertEqual(verdicts.rules, [.level])
    }

    // MARK: E-RANK

    func test_rank_staffToDeputy35MonthsFails() {
        // 2014-11 → 2017-10 = 35 months.
        let verdicts = pair(level: .staff, levelSince: "2014-11", positionLevel: .deputy)
        XCTAssertEqual(verdicts.rules, [.rank])
        XCTAssertEqual(verdicts.verdict(.rank), .fail)
        XCTAssertEqual(verdicts.first?.positionID, "P1", "E-RANK is written per application")
    }

    func test_rank_staffToDeputy36MonthsPasses() {
        XCTAssertEqual(pair(level: .staff, levelSince: "2014-10", positionLevel: .deputy), [])
    }

    func test_rank_deputyToChief23MonthsFails() {
        let verdicts = pair(level: .deputy, levelSince: "2015-11", positionLevel: .chief)
        XCTAssertEqual(verdicts.rules, [.rank])
    }

    func test_rank_deputyToChief24MonthsPasses() {
        XCTAssertEqual(pair(level: .deputy, levelSince: "2015-10", positionLevel: .chief), [])
    }

    func test_rank_exceptionalApprovalWaives() {
        XCTAssertEqual(pair(level: .staff, levelSince: "2017-01", positionLevel: .deputy,
                            cadre: { $0.exceptionalApproved = true }), [])
        XCTAssertEqual(pair(level: .deputy, levelSince: "2017-01", positionLevel: .chief,
                            cadre: { $0.exceptionalApproved = true }), [])
    }

    func test_rank_monthsOverrides() {
        XCTAssertEqual(pair(level: .staff, levelSince: "2015-10", positionLevel: .deputy,
                            rules: { $0.monthsStaffBeforeDeputy = 24 }), [])
        XCTAssertEqual(pair(level: .deputy, levelSince: "2015-10", positionLevel: .chief,
                            rules: { $0.monthsDeputyBeforeChief = 36 }).rules, [.rank])
    }

    func test_neverBothLevelAndRank_staffToChiefWithLittleTime() {
        let verdicts = pair(level: .staff, levelSince: "2017-09", positionLevel: .chief)
        XCTAssertEqual(verdicts.rules, [.level])
    }

    func test_neverBothLevelAndRank_chiefToDeputyWithLittleTime() {
        let verdicts = pair(level: .chief, levelSince: "2017-09", positionLevel: .deputy)
        XCTAssertEqual(verdicts.rules, [.level])
    }

    // MARK: E-APPLY

    func test_apply_unapprovedApplicationFails() {
        let builder = ScenarioBuilder.standard().position("P1", unit: "D2").cadre("C1")
        let verdict = builder.pairRules.apply(Application(cadreID: "C1", positionID: "P1", unitApproved: false))
        XCTAssertEqual(verdict?.rule, .apply)
        XCTAssertEqual(verdict?.verdict, .fail)
        XCTAssertEqual(verdict?.positionID, "P1")
        XCTAssertNil(builder.pairRules.apply(Application(cadreID: "C1", positionID: "P1", unitApproved: true)))
    }

    func test_apply_isFirstInAnApplicationsVerdicts() {
        let builder = ScenarioBuilder.standard().position("P1", unit: "D1").cadre("C1")
        let verdicts = builder.pairRules.verdicts(for: Application(cadreID: "C1", positionID: "P1", unitApproved: false),
                                                  cadre: builder.cadreNamed("C1"), position: builder.positionNamed("P1"))
        XCTAssertEqual(verdicts.rules, [.apply, .ownUnit])
    }

    func test_apply_unapprovedFailsPerApplication() {
        // Preferences mode: two applications, only one unapproved. Only that one fails; the other stands.
        let adjudication = ScenarioBuilder.standard()
            .mode(.preferences)
            .position("P1", unit: "D2").position("P2", unit: "D3")
            .cadre("C1").cadre("C2")
            .apply("C1", "P1", preference: 1, approved: false)
            .apply("C1", "P2", preference: 2, approved: true)
            .apply("C2", "P2")
            .adjudication
        let applyRows = adjudication.applicationVerdicts.only(.apply)
        XCTAssertEqual(applyRows.count, 1)
        XCTAssertEqual(applyRows.first?.cadreID, "C1")
        XCTAssertEqual(applyRows.first?.positionID, "P1")
        XCTAssertEqual(adjudication.applicants["P2"], ["C1", "C2"])
        XCTAssertNil(adjudication.applicants["P1"])
        XCTAssertTrue(adjudication.personVerdicts.isEmpty, "E-APPLY is not a person-level fail")
    }
}
