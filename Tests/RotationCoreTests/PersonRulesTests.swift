// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

/// Person-level eligibility (rules.md §1), at the boundaries the spec states.
final class PersonRulesTests: XCTestCase {
    private func single(_ tweak: @escaping (inout Cadre) -> Void = { _ in }, gender: Gender = .male, birth: String = "1970-01",
                        configure: (ScenarioBuilder) -> Void = { _ in }) -> [Verdict] {
        let builder = ScenarioBuilder.standard().cadre("C1", gender: gender, birth: birth, tweak: tweak)
        configure(builder)
        return personVerdicts(builder, "C1")
    }

    func test_cleanCadre_hasNoPersonVerdicts() {
        XCTAssertEqual(single(), [])
    }

    // MARK: E-TERM

    func test_term_exactly36MonthsPasses() {
        // Male, 60: 720 − months(1960-10 → 2017-10) = 720 − 684 = 36.
        let builder = ScenarioBuilder.standard().cadre("C1", birth: "1960-10")
        XCTAssertEqual(builder.personRules.monthsToRetirement(builder.cadreNamed("C1")), 36)
        XCTAssertNil(personVerdicts(builder, "C1").verdict(.term))
    }

    func test_term_35MonthsFails() {
        let builder = ScenarioBuilder.standard().cadre("C1", birth: "1960-09")
        XCTAssertEqual(builder.personRules.monthsToRetirement(builder.cadreNamed("C1")), 35)
        let verdicts = personVerdicts(builder, "C1")
        XCTAssertEqual(verdicts.verdict(.term), .fail)
        XCTAssertEqual(verdicts.only(.term).first?.positionID, nil, "E-TERM is person-level")
    }

    func test_term_monthsToRetirementIsTwelveTimesAgeMinusMonthsSinceBirth() {
        let builder = ScenarioBuilder.standard().cadre("C1", birth: "1962-03")
        // 12·60 − (12·55 + 7) = 720 − 667 = 53
        XCTAssertEqual(builder.personRules.monthsToRetirement(builder.cadreNamed("C1")), 53)
        let female = ScenarioBuilder.standard().cadre("F1", gender: .female, birth: "1970-04")
        // 12·55 − (12·47 + 6) = 660 − 570 = 90
        XCTAssertEqual(female.personRules.monthsToRetirement(female.cadreNamed("F1")), 90)
    }

    func test_term_femaleDefaultRetirementAge55_exactly36Passes() {
        // 660 − months(1965-10 → 2017-10) = 660 − 624 = 36
        XCTAssertNil(single(gender: .female, birth: "1965-10").verdict(.term))
    }

    func test_term_femaleDefaultRetirementAge55_35Fails() {
        XCTAssertEqual(single(gender: .female, birth: "1965-09").verdict(.term), .fail)
    }

    func test_term_femaleBornLikeAPassingMaleFails() {
        // 1960-10: a man has 36 months left, a woman (55) has none.
        XCTAssertNil(single(gender: .male, birth: "1960-10").verdict(.term))
        XCTAssertEqual(single(gender: .female, birth: "1960-10").verdict(.term), .fail)
    }

    func test_term_cadreRetirementAgeOverridesTheScenarios() {
        // Born 1957-10: 720 months old at the reference date. Default 60 → 0 months left (fail).
        XCTAssertEqual(single(birth: "1957-10").verdict(.term), .fail)
        // Own retirement age 63 → 756 − 720 = 36: passes exactly.
        XCTAssertNil(single({ $0.retirementAge = 63 }, birth: "1957-10").verdict(.term))
        // Own retirement age 62 → 24: fails.
        XCTAssertEqual(single({ $0.retirementAge = 62 }, birth: "1957-10").verdict(.term), .fail)
    }

    func test_term_cadreRetirementAgeOverridesFemaleDefault() {
        // Female born 1960-10, own retirement age 60 → 36 months: passes.
        XCTAssertNil(single({ $0.retirementAge = 60 }, gender: .female, birth: "1960-10").verdict(.term))
    }

    func test_term_scenarioRetirementAgeOverride() {
        let verdicts = single(gender: .female, birth: "1960-10") { $0.rules { $0.retirementAgeFemale = 60 } }
        XCTAssertNil(verdicts.verdict(.term))
    }

    func test_term_termYearsOverride() {
        // 48 months left: passes a 3-year term, fails a 5-year one.
        XCTAssertNil(single(birth: "1961-10").verdict(.term))
        XCTAssertEqual(single(birth: "1961-10") { $0.rules { $0.termYears = 5 } }.verdict(.term), .fail)
    }

    // MARK: E-ASSESS

    func test_assess_defaultYearsAreTheThreeBeforeTheReferenceYear() {
        XCTAssertEqual(ScenarioBuilder.standard().scenario.rules.assessmentYears, [2014, 2015, 2016])
        XCTAssertEqual(ScenarioBuilder.standard(reference: "2020-01").scenario.rules.assessmentYears, [2017, 2018, 2019])
    }

    func test_assess_competentAndExcellentPass() {
        let verdicts = single(configure: { $0.grades("C1", [2014: .competent, 2015: .excellent, 2016: .excellent]) })
        XCTAssertNil(verdicts.verdict(.assess))
    }

    func test_assess_basicallyCompetentFails() {
        let verdicts = single(configure: { $0.grades("C1", [2014: .competent, 2015: .basicallyCompetent, 2016: .excellent]) })
        XCTAssertEqual(verdicts.verdict(.assess), .fail)
    }

    func test_assess_incompetentFails() {
        let verdicts = single(configure: { $0.grades("C1", [2014: .incompetent, 2015: .competent, 2016: .competent]) })
        XCTAssertEqual(verdicts.verdict(.assess), .fail)
    }

    func test_assess_ungradedFails() {
        let verdicts = single(configure: { $0.grades("C1", [2014: .competent, 2015: .competent, 2016: .ungraded]) })
        XCTAssertEqual(verdicts.verdict(.assess), .fail)
    }

    func test_assess_missingYearFails() {
        let verdicts = single(configure: { $0.grades("C1", [2014: .competent, 2016: .competent]) })
        XCTAssertEqual(verdicts.verdict(.assess), .fail)
    }

    func test_assess_noGradesAtAllFails() {
        let verdicts = single(configure: { $0.grades("C1", [:]) })
        XCTAssertEqual(verdicts.verdict(.assess), .fail)
    }

    func test_assess_yearsOutsideTheWindowAreIgnored() {
        // 2013 and 2017 are outside 2014–2016: a bad grade there does not matter, and they do not stand in for 2014.
        let passing = single(configure: { $0.grades("C1", [2013: .incompetent, 2014: .competent, 2015: .competent, 2016: .competent, 2017: .ungraded]) })
        XCTAssertNil(passing.verdict(.assess))
        let shifted = single(configure: { $0.grades("C1", [2015: .competent, 2016: .competent, 2017: .competent]) })
        XCTAssertEqual(shifted.verdict(.assess), .fail, "2014 is missing")
    }

    func test_assess_yearsOverride() {
        let verdicts = single(configure: {
            $0.grades("C1", [2015: .competent, 2016: .competent, 2017: .excellent])
              .rules { $0.assessmentYears = [2015, 2016, 2017] }
        })
        XCTAssertNil(verdicts.verdict(.assess))
    }

    func test_assess_oneRowForSeveralBadYears() {
        let verdicts = single(configure: { $0.grades("C1", [2014: .basicallyCompetent, 2015: .ungraded]) })
        XCTAssertEqual(verdicts.only(.assess).count, 1)
    }

    // MARK: E-EDU

    func test_education_associatePasses() {
        XCTAssertNil(single { $0.education = .associate }.verdict(.education))
    }

    func test_education_secondaryFails() {
        XCTAssertEqual(single { $0.education = .secondary }.verdict(.education), .fail)
    }

    func test_education_highSchoolFails() {
        XCTAssertEqual(single { $0.education = .highSchool }.verdict(.education), .fail)
    }

    func test_education_higherDegreesPass() {
        for education in [Education.bachelor, .master, .doctor] {
            XCTAssertNil(single { $0.education = education }.verdict(.education), "\(education)")
        }
    }

    func test_education_minEducationOverride() {
        let verdicts = single({ $0.education = .associate }) { $0.rules { $0.minEducation = .bachelor } }
        XCTAssertEqual(verdicts.verdict(.education), .fail)
    }

    // MARK: E-TRAIN

    func test_training_metPasses() {
        XCTAssertNil(single { $0.training = .met }.verdict(.training))
    }

    func test_training_pendingFailsUnderStrictDefault() {
        XCTAssertEqual(ScenarioBuilder.standard().scenario.rules.training, .strict)
        XCTAssertEqual(single { $0.training = .pending }.verdict(.training), .fail)
    }

    func test_training_pendingFlagsUnderAllowPending() {
        let verdicts = single({ $0.training = .pending }) { $0.rules { $0.training = .allowPending } }
        XCTAssertEqual(verdicts.verdict(.training), .flag)
    }

    func test_training_unmetFailsUnderBothPolicies() {
        XCTAssertEqual(single { $0.training = .unmet }.verdict(.training), .fail)
        let lenient = single({ $0.training = .unmet }) { $0.rules { $0.training = .allowPending } }
        XCTAssertEqual(lenient.verdict(.training), .fail)
    }

    // MARK: E-HEALTH

    func test_health_notAbleFails() {
        XCTAssertEqual(single { $0.healthOK = false }.verdict(.health), .fail)
        XCTAssertNil(single { $0.healthOK = true }.verdict(.health))
    }

    // MARK: E-EXCLUDE

    func test_exclude_oneRowListingEveryFlag() {
        let all: [CadreFlag] = [.poorRecognition, .canvassing, .familyAbroad, .discipline, .underInvestigation, .unsuitable]
        let verdicts = single { $0.flags = all }
        let rows = verdicts.only(.exclude)
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?.verdict, .fail)
        for flag in all {
            XCTAssertTrue(rows.first?.detail.contains(flag.rawValue) ?? false, "detail should name \(flag.rawValue)")
        }
    }

    func test_exclude_eachFlagAloneFails() {
        for flag in [CadreFlag.poorRecognition, .canvassing, .familyAbroad, .discipline, .underInvestigation, .unsuitable] {
            XCTAssertEqual(single { $0.flags = [flag] }.verdict(.exclude), .fail, "\(flag)")
        }
    }

    func test_exclude_dismissalAndMismatchFlagsAreNotExclusions() {
        for flag in [CadreFlag.dismissedWorkStyle, .dismissedOther, .mismatch] {
            XCTAssertNil(single { $0.flags = [flag] }.verdict(.exclude), "\(flag)")
        }
    }

    // MARK: E-WORKSTYLE

    func test_workStyle_dismissedForWorkStyleFails() {
        let verdicts = single { $0.flags = [.dismissedWorkStyle] }
        XCTAssertEqual(verdicts.rules, [.workStyle])
        XCTAssertEqual(verdicts.verdict(.workStyle), .fail)
    }

    func test_workStyle_dismissedForOtherReasonsMayCompete() {
        XCTAssertEqual(single { $0.flags = [.dismissedOther] }, [])
    }

    func test_mismatchFlagAloneIsNoPersonVerdict() {
        XCTAssertEqual(single { $0.flags = [.mismatch] }, [])
    }

    // MARK: E-IDENTITY

    func test_identity_civilServantAndReferenceManagedPass() {
        XCTAssertNil(single { $0.identity = .civilServant }.verdict(.identity))
        XCTAssertNil(single { $0.identity = .referenceManaged }.verdict(.identity))
    }

    func test_identity_publicInstitutionWithoutApprovalFails() {
        XCTAssertEqual(single { $0.identity = .publicInstitution }.verdict(.identity), .fail)
    }

    func test_identity_publicInstitutionWithApprovalPasses() {
        XCTAssertNil(single { $0.identity = .publicInstitution; $0.identityApproved = true }.verdict(.identity))
    }

    func test_identity_enterpriseAndWorkerNeedApproval() {
        for identity in [Identity.enterprise, .worker] {
            XCTAssertEqual(single { $0.identity = identity }.verdict(.identity), .fail, "\(identity)")
            XCTAssertNil(single { $0.identity = identity; $0.identityApproved = true }.verdict(.identity), "\(identity)")
        }
    }

    // MARK: one row per failing rule

    func test_eachFailingRuleIsItsOwnRow() {
        let verdicts = single({
            $0.education = .secondary
            $0.training = .unmet
            $0.healthOK = false
            $0.identity = .worker
            $0.flags = [.canvassing, .dismissedWorkStyle]
        }, birth: "1960-09") { $0.grades("C1", [:]) }
        XCTAssertEqual(Set(verdicts.rules),
                       [.identity, .assess, .term, .education, .training, .health, .exclude, .workStyle])
        XCTAssertEqual(verdicts.count, 8)
        XCTAssertTrue(verdicts.allSatisfy { $0.positionID == nil && $0.cadreID == "C1" })
    }
}

/// E-EVAL (三(一)1): term evaluation shares, validity, confirmation, moral evaluation.
final class EvaluationRuleTests: XCTestCase {
    private func eval(due: Int = 10, tookPart: Int = 10, good: Int = 0, average: Int = 0, poor: Int = 0,
                      confirmedPoor: Bool = false, moral: MoralGrade? = nil, moralConfirmed: Bool = false,
                      rules: (inout RuleSettings) -> Void = { _ in }) -> [Verdict] {
        let builder = ScenarioBuilder.standard().cadre("C1")
            .evaluation("C1", due: due, tookPart: tookPart, good: good, average: average, poor: poor,
                        confirmedPoor: confirmedPoor, moral: moral, moralConfirmed: moralConfirmed)
            .rules(rules)
        return personVerdicts(builder, "C1").only(.evaluation)
    }

    func test_eval_noEvaluationRecordIsNoVerdict() {
        XCTAssertEqual(personVerdicts(ScenarioBuilder.standard().cadre("C1"), "C1"), [])
    }

    func test_eval_cleanEvaluationIsNoVerdict() {
        XCTAssertEqual(eval(good: 6, average: 1, poor: 1), [])
    }

    func test_eval_poorShareExactlyOneFifthFlags() {
        let rows = eval(tookPart: 10, poor: 2)
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?.verdict, .flag)
    }

    func test_eval_poorShareJustBelowOneFifthDoesNotFlag() {
        XCTAssertEqual(eval(due: 100, tookPart: 100, poor: 19), [])
    }

    func test_eval_sharesAreOfThoseWhoTookPart() {
        // 12 due, 10 took part (83%, valid), 2 poor: 2/10 = 1/5 flags; 2/12 of those due would not.
        XCTAssertEqual(eval(due: 12, tookPart: 10, poor: 2).first?.verdict, .flag)
    }

    func test_eval_averagePlusPoorExactlyOneThirdDoesNotFlag() {
        // 8 + 2 = 10 of 30 = 1/3 (not > 1/3); poor 2/30 < 1/5.
        XCTAssertEqual(eval(due: 30, tookPart: 30, average: 8, poor: 2), [])
    }

    func test_eval_averagePlusPoorJustOverOneThirdFlags() {
        // 9 + 2 = 11 of 30 > 1/3.
        let rows = eval(due: 30, tookPart: 30, average: 9, poor: 2)
        XCTAssertEqual(rows.map(\.verdict), [.flag])
    }

    func test_eval_averageAloneOverOneThirdFlags() {
        // 101/300 > 1/3 with no poor at all.
        XCTAssertEqual(eval(due: 300, tookPart: 300, average: 101).map(\.verdict), [.flag])
        XCTAssertEqual(eval(due: 300, tookPart: 300, average: 100), [])
    }

    func test_eval_confirmedPoorTurnsShareFindingIntoFail() {
        XCTAssertEqual(eval(tookPart: 10, poor: 2, confirmedPoor: true).map(\.verdict), [.fail])
        XCTAssertEqual(eval(due: 30, tookPart: 30, average: 9, poor: 2, confirmedPoor: true).map(\.verdict), [.fail])
    }

    func test_eval_confirmedPoorWithoutShareFindingIsNoVerdict() {
        XCTAssertEqual(eval(good: 5, average: 1, poor: 1, confirmedPoor: true), [])
    }

    func test_eval_invalidEvaluationFlags() {
        // 7 of 10 took part: 70% < 80%.
        let rows = eval(due: 10, tookPart: 7, good: 7)
        XCTAssertEqual(rows.map(\.verdict), [.flag])
    }

    func test_eval_invalidEvaluationIsNotFailedByConfirmedPoor() {
        // Shares would be terrible, but an invalid evaluation's shares are not used; confirmation cannot make it a fail.
        let rows = eval(due: 10, tookPart: 7, poor: 7, confirmedPoor: true)
        XCTAssertEqual(rows.map(\.verdict), [.flag])
    }

    func test_eval_exactly80PercentIsValid() {
        // 8 of 10 took part: valid, so no "invalid" flag …
        XCTAssertEqual(eval(due: 10, tookPart: 8, good: 8), [])
        // … and its shares are used: 2/8 poor ≥ 1/5, confirmed → fail.
        XCTAssertEqual(eval(due: 10, tookPart: 8, poor: 2, confirmedPoor: true).map(\.verdict), [.fail])
    }

    func test_eval_justBelow80PercentIsInvalid() {
        // 79 of 100 < 4/5.
        XCTAssertEqual(eval(due: 100, tookPart: 79, good: 79).map(\.verdict), [.flag])
        XCTAssertEqual(eval(due: 100, tookPart: 80, good: 80), [])
    }

    func test_eval_minParticipationOverride() {
        XCTAssertEqual(eval(due: 10, tookPart: 8, good: 8, rules: { $0.minParticipation = Fraction(9, 10) }).map(\.verdict), [.flag])
    }

    func test_eval_shareThresholdOverrides() {
        // poor 1/10 with poor_share 1/10 → flag.
        XCTAssertEqual(eval(poor: 1, rules: { $0.poorShare = Fraction(1, 10) }).map(\.verdict), [.flag])
        // average+poor 3/10 with average_poor_share 1/4 → flag.
        XCTAssertEqual(eval(average: 3, rules: { $0.averagePoorShare = Fraction(1, 4) }).map(\.verdict), [.flag])
    }

    func test_eval_moralAverageFlags() {
        XCTAssertEqual(eval(good: 5, moral: .average).map(\.verdict), [.flag])
    }

    func test_eval_moralPoorFlags() {
        XCTAssertEqual(eval(good: 5, moral: .poor).map(\.verdict), [.flag])
    }

    func test_eval_moralConfirmedFails() {
        XCTAssertEqual(eval(good: 5, moral: .poor, moralConfirmed: true).map(\.verdict), [.fail])
        XCTAssertEqual(eval(good: 5, moral: .average, moralConfirmed: true).map(\.verdict), [.fail])
    }

    func test_eval_moralGoodOrFairlyGoodIsNoVerdictEvenIfConfirmed() {
        XCTAssertEqual(eval(good: 5, moral: .good, moralConfirmed: true), [])
        XCTAssertEqual(eval(good: 5, moral: .fairlyGood, moralConfirmed: true), [])
    }

    func test_eval_moralConfirmedFailsEvenWhenTermEvaluationInvalid() {
        let rows = eval(due: 10, tookPart: 5, good: 5, moral: .average, moralConfirmed: true)
        XCTAssertEqual(rows.count, 1, "one row per cadre")
        XCTAssertEqual(rows.first?.verdict, .fail)
        let detail = rows.first?.detail ?? ""
        XCTAssertTrue(detail.contains("invalid"), "detail should name the invalid evaluation: \(detail)")
        XCTAssertTrue(detail.contains("moral"), "detail should name the moral finding: \(detail)")
    }

    func test_eval_moralFlagAppliesWhenTermEvaluationInvalid() {
        let rows = eval(due: 10, tookPart: 5, good: 5, moral: .poor)
        XCTAssertEqual(rows.map(\.verdict), [.flag])
        XCTAssertTrue(rows.first?.detail.contains("moral") ?? false)
    }

    func test_eval_oneRowWithTheWorstVerdict_shareFlagAndMoralFail() {
        let rows = eval(tookPart: 10, poor: 3, moral: .average, moralConfirmed: true)
        XCTAssertEqual(rows.map(\.verdict), [.fail])
    }

    func test_eval_oneRowWithTheWorstVerdict_shareFailAndMoralFlag() {
        let rows = eval(tookPart: 10, poor: 3, confirmedPoor: true, moral: .average)
        XCTAssertEqual(rows.map(\.verdict), [.fail])
        XCTAssertTrue(rows.first?.detail.contains("moral") ?? false)
    }

    func test_eval_bothShareFindingsInOneRow() {
        // poor 4/10 ≥ 1/5 and average+poor 5/10 > 1/3: one flag row.
        let rows = eval(tookPart: 10, average: 1, poor: 4)
        XCTAssertEqual(rows.map(\.verdict), [.flag])
    }
}
