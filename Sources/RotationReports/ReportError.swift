// SPDX-License-Identifier: GPL-3.0-or-later

/// A report that cannot be written (e.g. the workbook library failed).
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
