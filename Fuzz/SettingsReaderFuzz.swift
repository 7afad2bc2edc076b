// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: scenario.yaml, decoded then read by the settings reader (the YAML guard first,
// then Yams, then every key). Built and run by scripts/fuzz (`make fuzz`).
import Foundation
import RotationCore
@testable import RotationIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? TextDecoding.decode(bytes).text else { return 0 }
    var reader = SettingsReader()
    _ = reader.read(text)
    for problem in reader.problems { _ = problem.description }
    return 0
}
