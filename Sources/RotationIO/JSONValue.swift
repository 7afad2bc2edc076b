// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// A JSON value whose objects keep their keys in the order given, so output is byte-for-byte stable.
///
/// ```swift
/// let value: JSONValue = .object([("status", "optimal"), ("levels", .array([1, 2]))])
/// value.rendered()   // "{\n  \"status\": \"optimal\",\n  \"levels\": [1, 2]\n}\n"
/// ```
public indirect enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    case string(String)
    case integer(Int)
    /// A number already formatted (e.g. "60.00"), written without quotes.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// `.string` or `.null`.
    public static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    /// `.integer` or `.null`.
    public static func optional(_ number: Int?) -> JSONValue { number.map { .integer($0) } ?? .null }

    /// A finite double with up to 6 significant decimals, stable across platforms.
    public static func double(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        // Beyond 10^12 the 6 decimals do not fit an Int: write the whole number (no trap, no exponent).
        guard abs(value) < 1e12 else { return .number(String(format: "%.0f", value)) }
        let scaled = (value * 1_000_000).rounded()
        let fraction = Fraction(Int(scaled), 1_000_000)
        var text = Hundredths.formatDecimal(fraction, decimals: 6)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return .number(text)
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// Pretty JSON with two-space indentation and a final newline; short scalar arrays stay on one line.
    public func rendered() -> String {
        var output = ""
        write(into: &output, indent: 0)
        output += "\n"
        return output
    }

    func write(into output: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 2)
        switch self {
        case .string(let text): output += JSONValue.quote(text)
        case .integer(let number): output += "\(number)"
        case .number(let text): output += text
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            if items.isEmpty { output += "[]"; return }
            if items.allSatisfy(\.isScalar) {
                output += "["
                for (offset, item) in items.enumerated() {
                    if offset > 0 { output += ", " }
                    item.write(into: &output, indent: indent)
                }
                output += "]"
                return
            }
            output += "[\n"
            for (offset, item) in items.enumerated() {
                output += pad
                item.write(into: &output, indent: indent + 2)
                output += offset == items.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{\n"
            for (offset, member) in members.enumerated() {
                output += pad + JSONValue.quote(member.0) + ": "
                member.1.write(into: &output, indent: indent + 2)
                output += offset == members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

import RotationCore

extension Hundredths {
    /// An exact value with exactly `decimals` decimals (half-up).
    static func formatDecimal(_ value: Fraction, decimals: Int) -> String { format(fraction: value, decimals: decimals) }
}
