// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: an xlsx workbook (zip, shared strings, sheets), read by XLSXWorkbook and turned
// into tables as the scenario loader does. Built and run by scripts/fuzz (`make fuzz`).
import Foundation
import RotationCore
@testable import RotationIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Small limits: the bounds are the same code, and each execution stays fast.
    guard let workbook = try? XLSXWorkbook(bytes: bytes, limits: (part: 1 << 20, total: 4 << 20)) else { return 0 }
    for sheet in workbook.sheets { _ = ScenarioWorkbooks.table(sheet) }
    return 0
}
