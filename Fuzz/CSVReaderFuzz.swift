// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: one CSV file of a scenario, decoded (UTF-8, GB18030, BOMs) and read into records
// with every value parsed. The first byte picks the file (units.csv … transfer_fit.csv); the rest
// is the file. Built and run by scripts/fuzz (`make fuzz`).
import Foundation
import RotationCore
@testable import RotationIO

private let csvFiles = Array(ScenarioFiles.all.dropFirst())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = bytes.first else { return 0 }
    let name = csvFiles[Int(first) % csvFiles.count]
    var builder = ScenarioBuilder(scenario: Scenario(name: "fuzz", referenceDate: YearMonth(year: 2017, month: 10)), encoding: nil)
    builder.read([name: Array(bytes.dropFirst())])
    for problem in builder.problems { _ = problem.description }
    return 0
}
