// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: one ballot file (the first byte picks meetings.csv, performance.csv or moral.csv;
// the rest is the file), decoded, read into a sheet and checked against a small scenario by the
// ballot reader, then tallied. Built and run by scripts/fuzz (`make fuzz`).
import Foundation
import RotationCore
@testable import RotationIO

private let files = [BallotFiles.meetings, BallotFiles.performance, BallotFiles.moral]

/// Three units and a few cadres, so that ids in the input can be known or unknown.
private let scenario: Scenario = {
    var scenario = Scenario(name: "fuzz", referenceDate: YearMonth(year: 2017, month: 10))
    scenario.units = ["MZJ", "RSJ", "JPJD"].map { Unit(id: UnitID(rawValue: $0), name: $0, kind: .department, approvedPosts: 8) }
    scenario.cadres = (1...6).map { index in
        Cadre(id: CadreID(rawValue: "FH00\(index)"), name: "干部\(index)", gender: .male, birth: YearMonth(year: 1970, month: 1),
              unitID: UnitID(rawValue: index <= 3 ? "MZJ" : "RSJ"), level: .deputy, levelSince: YearMonth(year: 2012, month: 1),
              education: .bachelor, identity: .civilServant, training: .met)
    }
    return scenario
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = bytes.first else { return 0 }
    let name = files[Int(first) % files.count]
    var reader = BallotReader(scenario: scenario, language: Int(first) / files.count % 2 == 0 ? .zh : .en)
    guard let sheet = try? BallotSheet.csv(file: name, bytes: Array(bytes.dropFirst()), encoding: nil) else { return 0 }
    let box = reader.read(meetings: name == BallotFiles.meetings ? sheet : nil, performance: name == BallotFiles.performance ? sheet : nil,
                          moral: name == BallotFiles.moral ? sheet : nil)
    if let box { _ = Tally.count(box, rules: scenario.rules, confirmations: [:]) }
    for problem in reader.problems { _ = problem.rendered(.zh) }
    return 0
}
