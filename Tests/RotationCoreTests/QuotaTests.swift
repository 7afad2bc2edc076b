// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

/// Q-OFFER, Q-DISMISSED, Q-DUE (rules.md §4, quota.csv).
final class QuotaTests: XCTestCase {
    /// One unit U1 with `posts` approved posts and `offered` offered + `notOffered` unoffered positions.
    private func unit(posts: Int, offered: Int, notOffered: Int = 0,
                      configure: (ScenarioBuilder) -> Void = { _ in }) -> [QuotaCheck.Record] {
        let builder = ScenarioBuilder().unit("U1", posts: posts).unit("U2", posts: 0)
        for number in 0..<offered { builder.position("O\(number)", unit: "U1") }
        for number in 0..<notOffered { builder.position("N\(number)", unit: "U1", offered: false) }
        configure(builder)
        return builder.adjudication.quota.filter { $0.unitID == "U1" }
    }

    private func row(_ records: [QuotaCheck.Record], _ rule: RuleID) -> QuotaCheck.Record? {
        let rows = records.filter { $0.rule == rule }
        XCTAssertEqual(rows.count, 1, "exactly one \(rule.rawValue) row per unit")
        return rows.first
    }

    // MARK: Q-OFFER

    func test_offer_noApprovedPosts_okNothingToCheck() {
        let records = unit(posts: 0, offered: 0)
        let offer = row(records, .offer)
        XCTAssertEqual(offer?.verdict, .ok)
        XCTAssertTrue(offer?.detail.contains("nothing to check") ?? false, offer?.detail ?? "")
    }

    func test_offer_noApprovedPostsButOffering_stillNothingToCheck() {
        XCTAssertEqual(row(unit(posts: 0, offered: 2), .offer)?.verdict, .ok)
    }

    func test_offer_oneToTenPostsOfferingExactlyOne_ok() {
        XCTAssertEqual(row(unit(posts: 1, offered: 1), .offer)?.verdict, .ok)
        XCTAssertEqual(row(unit(posts: 10, offered: 1, notOffered: 3), .offer)?.verdict, .ok)
    }

    func test_offer_oneToTenPostsOfferingNone_flag() {
        XCTAssertEqual(row(unit(posts: 5, offered: 0, notOffered: 2), .offer)?.verdict, .flag)
        XCTAssertEqual(row(unit(posts: 1, offered: 0), .offer)?.verdict, .flag)
    }

    func test_offer_oneToTenPostsOfferingTwo_flag() {
        XCTAssertEqual(row(unit(posts: 5, offered: 2), .offer)?.verdict, .flag)
        XCTAssertEqual(row(unit(posts: 10, offered: 2), .offer)?.verdict, .flag)
    }

    func test_offer_moreThanTenPostsOfferingNone_fail() {
        XCTAssertEqual(row(unit(posts: 11, offered: 0, notOffered: 4), .offer)?.verdict, .fail)
    }

    func test_offer_moreThanTenPostsOfferingOneOrMore_ok() {
        XCTAssertEqual(row(unit(posts: 11, offered: 1), .offer)?.verdict, .ok)
        XCTAssertEqual(row(unit(posts: 12, offered: 3), .offer)?.verdict, .ok)
    }

    func test_offer_rowCarriesApprovedAndOfferedCounts() {
        let offer = row(unit(posts: 7, offered: 2, notOffered: 3), .offer)
        XCTAssertEqual(offer?.approvedPosts, 7)
        XCTAssertEqual(offer?.offered, 2)
    }

    func test_offer_thresholdsAreScenarioSettings() {
        // Every number is a default a scenario may override.
        let threshold5 = unit(posts: 6, offered: 0) { $0.rules { $0.quotaPostsThreshold = 5 } }
        XCTAssertEqual(row(threshold5, .offer)?.verdict, .fail, "6 > 5 approved posts: at least 1 required")
        let smallTwo = unit(posts: 5, offered: 2) { $0.rules { $0.smallUnitOffers = 2 } }
        XCTAssertEqual(row(smallTwo, .offer)?.verdict, .ok)
        let largeTwo = unit(posts: 11, offered: 1) { $0.rules { $0.largeUnitMinOffers = 2 } }
        XCTAssertEqual(row(largeTwo, .offer)?.verdict, .fail)
    }

    // MARK: Q-DISMISSED

    func test_dismissed_notOffered_fail() {
        let records = unit(posts: 5, offered: 1) {
            $0.position("X", unit: "U1", offered: false) { $0.vacatedByDismissal = true }
        }
        XCTAssertEqual(row(records, .dismissed)?.verdict, .fail)
    }

    func test_dismissed_offered_ok() {
        let records = unit(posts: 5, offered: 0) {
            $0.position("X", unit: "U1", offered: true) { $0.vacatedByDismissal = true }
        }
        XCTAssertEqual(row(records, .dismissed)?.verdict, .ok)
    }

    func test_dismissed_none_ok() {
        XCTAssertEqual(row(unit(posts: 5, offered: 1), .dismissed)?.verdict, .ok)
    }

    // MARK: Q-DUE

    func test_due_holderIDDueNotOffered_flag() {
        let records = unit(posts: 5, offered: 1) {
            $0.position("H", unit: "U1", offered: false) { $0.holderID = "C1" }
              .cadre("C1", unit: "U1") { $0.sectionYears = 9 }
        }
        XCTAssertEqual(row(records, .dueOffer)?.verdict, .flag)
    }

    func test_due_cadrePositionIDDueNotOffered_flag() {
        let records = unit(posts: 5, offered: 1) {
            $0.position("H", unit: "U1", offered: false)
              .cadre("C1", unit: "U1") { $0.positionID = "H"; $0.positionSince = ym("2010-01") }
        }
        XCTAssertEqual(row(records, .dueOffer)?.verdict, .flag)
    }

    func test_due_heldByDueCadreAndOffered_ok() {
        let records = unit(posts: 5, offered: 0) {
            $0.position("H", unit: "U1", offered: true) { $0.holderID = "C1" }
              .cadre("C1", unit: "U1") { $0.flags = [.mismatch] }
        }
        XCTAssertEqual(row(records, .dueOffer)?.verdict, .ok)
    }

    func test_due_exemptHolder_ok() {
        // Due (section years) but 35 months to retirement: exempt, so the post need not be offered.
        let records = unit(posts: 5, offered: 1) {
            $0.position("H", unit: "U1", offered: false) { $0.holderID = "C1" }
              .cadre("C1", unit: "U1", birth: "1960-09") { $0.sectionYears = 9 }
        }
        XCTAssertEqual(row(records, .dueOffer)?.verdict, .ok)
    }

    func test_due_holderNotDue_ok() {
        let records = unit(posts: 5, offered: 1) {
            $0.position("H", unit: "U1", offered: false) { $0.holderID = "C1" }
              .cadre("C1", unit: "U1") { $0.sectionYears = 8; $0.positionSince = ym("2011-11") }
        }
        XCTAssertEqual(row(records, .dueOffer)?.verdict, .ok)
    }

    func test_due_noHolders_ok() {
        XCTAssertEqual(row(unit(posts: 5, offered: 1, notOffered: 2), .dueOffer)?.verdict, .ok)
    }

    // MARK: rows

    func test_threeRowsPerUnit_inRuleOrder_unitsByID() {
        let quota = ScenarioBuilder().unit("U2", posts: 3).unit("U1", posts: 0).unit("U10", .town, posts: 12)
            .adjudication.quota
        XCTAssertEqual(quota.map(\.unitID), ["U1", "U1", "U1", "U10", "U10", "U10", "U2", "U2", "U2"])
        XCTAssertEqual(quota.map(\.rule), Array(repeating: [RuleID.offer, .dismissed, .dueOffer], count: 3).flatMap { $0 })
    }

    func test_allOkUnitStillHasThreeOkRows() {
        let records = unit(posts: 5, offered: 1)
        XCTAssertEqual(records.count, 3)
        XCTAssertTrue(records.allSatisfy { $0.verdict == .ok })
    }
}
