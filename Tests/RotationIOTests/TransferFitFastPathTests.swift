// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
@testable import RotationIO
import XCTest

/// transfer_fit.csv's fast path reads the plain case exactly as the general reader does, and
/// leaves everything else (every problem, every unusual byte) to it.
final class TransferFitFastPathTests: XCTestCase {
    func fast(_ text: String, known: Set<String> = ["C1", "C2", "P1", "P2"]) -> [String]? {
        TransferFitFastPath.read(Array(text.utf8), isCadre: { known.contains($0.rawValue) }, isPosition: { known.contains($0.rawValue) })?
            .map { "\($0.cadreID)→\($0.positionID)=\($0.fitHundredths)" }
    }

    func testPlainFilesAreRead() {
        XCTAssertEqual(fast("cadre_id,position_id,fit\nC1,P1,87.5\nC2,P1,0\r\n\nC1,P2,100\n"),
                       ["C1→P1=8750", "C2→P1=0", "C1→P2=10000"])
        // Aliases, any order, a BOM, no final newline.
        XCTAssertEqual(fast("\u{FEFF}适配度,职位代码,人员编号\n59.995,P2,C2"), ["C2→P2=6000"])
        XCTAssertEqual(fast("CADRE_ID,Position_ID,fit\nC1,P1,12.344999\nC1,P2,012.345\n"), ["C1→P1=1234", "C1→P2=1235"])
        XCTAssertEqual(fast("cadre_id,position_id,fit\n"), [])
    }

    /// Each of these goes to the general reader (which reports or reads it as before).
    func testAnythingUnusualGoesTheGeneralWay() {
        let header = "cadre_id,position_id,fit\n"
        for body in ["C1,P1,\"87\"\n", "C1,P1, 87\n", "C1,P1,87,\n", "C1,P1\n", "C1,,87\n", "C1,P1,100.01\n", "C1,P1,100.000001\n",
                     "C1,P1,101\n", "C1,P1,-1\n", "C1,P1,1e2\n", "C1,P1,.5\n", "C1,P1,5.\n", "C1,P1,1.2.3\n", "C9,P1,50\n", "C1,P9,50\n",
                     "C1,P1,50\nC1,P1,60\n", "C1,P1,1.0000000000000001\n", "C1,P1,８７\n", "C1,P1,87\rC2,P1,5\n"] {
            XCTAssertNil(fast(header + body), body)
        }
        XCTAssertNil(fast("cadre_id,position_id,fit,note\nC1,P1,87,x\n"))   // an unknown column: a warning to report
        XCTAssertNil(fast("cadre_id,position_id,fit,fit\nC1,P1,87,87\n"))
        XCTAssertNil(fast("cadre_id,position_id\nC1,P1\n"))
        XCTAssertEqual(fast(header + "C1,P1,100.000\n"), ["C1→P1=10000"])
    }

    /// Through the loader: a plain file (fast path) and the same fits written the unusual way
    /// (quotes and spaces: general path) give the same scenario; a problem is still reported.
    func testLoaderGivesTheSameFitsEitherWay() throws {
        let plain = try load(fits: "cadre_id,position_id,fit\nC1,P1,87.125\nC3,P2,59.995\n").get().transferFits
        let quoted = try load(fits: "cadre_id,position_id,fit\n\"C1\",P1, 87.125\nC3,\"P2\",59.995\n").get().transferFits
        XCTAssertEqual(plain, quoted)
        XCTAssertEqual(plain.map(\.fitHundredths), [8713, 6000])
        guard case .failure(let errors) = try load(fits: "cadre_id,position_id,fit\nC1,P1,87\nC1,P1,101\n") else {
            return XCTFail("expected input errors")
        }
        XCTAssertTrue(errors.problems.contains { $0.description.hasPrefix("transfer_fit.csv:3: ") }, "\(errors.problems)")
    }

    /// ScenarioLoaderTests' small scenario with this transfer_fit.csv.
    func load(fits: String) throws -> Result<Scenario, InputErrors> {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-fits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        var files = ScenarioLoaderTests.base
        files["transfer_fit.csv"] = fits
        for (name, contents) in files { try Data(contents.utf8).write(to: url.appendingPathComponent(name)) }
        do {
            return .success(try ScenarioLoader.load(folder: url).scenario)
        } catch let errors as InputErrors {
            return .failure(errors)
        }
    }
}
