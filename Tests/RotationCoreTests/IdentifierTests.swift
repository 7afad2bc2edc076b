// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
import XCTest

/// Typed identifiers: a `CadreID` cannot stand where a `PositionID` is expected (that is checked by the
/// compiler, not here); what is checked here is that typing them changed no order, key or output.
final class IdentifierTests: XCTestCase {
    static let raw = ["FH2", "FH10", "A", "01", "a", "FH1", "", "职位-2", "职位-10", "Z", "fh2", "FH02"]

    /// `idPrecedes` on typed ids is exactly `idPrecedes` on the raw strings (UTF-8 bytes: `FH10` before `FH2`).
    func test_idPrecedes_ordersTypedIdsLikeRawStrings() {
        let expected = Self.raw.sorted(by: idPrecedes)
        XCTAssertEqual(Self.raw.map { CadreID(rawValue: $0) }.sorted(by: idPrecedes).map(\.rawValue), expected)
        XCTAssertEqual(Self.raw.map { PositionID(rawValue: $0) }.sorted(by: idPrecedes).map(\.rawValue), expected)
        XCTAssertEqual(Self.raw.map { UnitID(rawValue: $0) }.sorted(by: idPrecedes).map(\.rawValue), expected)
        XCTAssertEqual(Self.raw.map { JudgeID(rawValue: $0) }.sorted(by: idPrecedes).map(\.rawValue), expected)
        for lhs in Self.raw {
            for rhs in Self.raw {
                XCTAssertEqual(idPrecedes(CadreID(rawValue: lhs), CadreID(rawValue: rhs)), idPrecedes(lhs, rhs), "\(lhs) vs \(rhs)")
            }
        }
        XCTAssertTrue(idPrecedes("FH10" as CadreID, "FH2"))
        XCTAssertTrue(idPrecedes("01" as PositionID, "A"))
    }

    /// `<` on typed ids (used by a few sorts) is `<` on the raw strings.
    func test_comparable_isTheRawStringOrder() {
        XCTAssertEqual(Self.raw.map { CadreID(rawValue: $0) }.sorted().map(\.rawValue), Self.raw.sorted())
    }

    func test_pairKey_isHashableAndEqualByBothParts() {
        let key = Adjudication.PairKey(cadre: "C1", position: "P1")
        XCTAssertEqual(key, Adjudication.PairKey(cadre: "C1", position: "P1"))
        XCTAssertNotEqual(key, Adjudication.PairKey(cadre: "C1", position: "P2"))
        XCTAssertNotEqual(key, Adjudication.PairKey(cadre: "C2", position: "P1"))
        // The same two strings the other way round are another pair.
        XCTAssertNotEqual(Adjudication.PairKey(cadre: "X", position: "Y"), Adjudication.PairKey(cadre: "Y", position: "X"))
        let set: Set = [key, Adjudication.PairKey(cadre: "C1", position: "P1"), Adjudication.PairKey(cadre: "C1", position: "P2"),
                        Adjudication.PairKey(cadre: "C2", position: "P1")]
        XCTAssertEqual(set.count, 3)
        XCTAssertEqual([key: 1][Adjudication.PairKey(cadre: "C1", position: "P1")], 1)
        XCTAssertEqual(key.cadreID, "C1")
        XCTAssertEqual(key.positionID, "P1")
    }

    /// What the run folder and the reports write: the raw string, whichever way an id is printed.
    func test_printing_isTheRawString() {
        let cadre: CadreID = "FH021"
        XCTAssertEqual("\(cadre)", "FH021")
        XCTAssertEqual(cadre.description, "FH021")
        XCTAssertEqual(cadre.rawValue, "FH021")
        let ids: [CadreID] = ["FH2", "FH10"]
        XCTAssertEqual(ids.joined(separator: ", "), "FH2, FH10")
        XCTAssertEqual("cadres: \(ids.joined(separator: ", "))", "cadres: FH2, FH10", "an interpolated join is the raw strings joined")
    }
}
