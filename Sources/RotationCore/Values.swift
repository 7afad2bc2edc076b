// SPDX-License-Identifier: GPL-3.0-or-later

/// A calendar month: the unit in which the notice counts ages and years of service.
///
/// ```swift
/// let birth = YearMonth(year: 1962, month: 3)
/// birth.months(to: YearMonth(year: 2017, month: 10))   // 667
/// ```
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month out of range")
        self.year = year
        self.month = month
    }

    /// months(a→b) = 12·(b.year − a.year) + (b.month − a.month), as the contract defines it.
    public func months(to later: YearMonth) -> Int {
        12 * (later.year - year) + (later.month - month)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// `YYYY-MM`.
    public var description: String {
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(monthText)"
    }
}

/// An exact fraction, used for thresholds such as `1/3` and for shares that must be compared exactly.
///
/// ```swift
/// Fraction(1, 3) < Fraction(34, 100)   // true
/// ```
public struct Fraction: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "zero denominator")
        let sign = denominator < 0 ? -1 : 1
        let divisor = Fraction.gcd(abs(numerator), abs(denominator))
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    public static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        // Denominators are positive; values in this domain are small enough for Int multiplication.
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    public static func * (lhs: Fraction, rhs: Int) -> Fraction { Fraction(lhs.numerator * rhs, lhs.denominator) }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// `1/3`, or `2` for a whole number.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}

/// A decimal number held exactly as `units / 10^scale` (judge scores such as `59.995`).
public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
    public let units: Int
    public let scale: Int

    public init(units: Int, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// Parses `85`, `85.5`, `-1.25`; nil for anything else (no exponents, at most 6 decimals).
    public init?(parsing text: String) {
        var body = Substring(text)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2 else { return nil }
        let whole = parts[0]
        let fractional = parts.count == 2 ? parts[1] : ""
        guard fractional.count <= 6, whole.count <= 9, !(whole.isEmpty && fractional.isEmpty),
              whole.allSatisfy({ $0.isASCII && $0.isNumber }), fractional.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        let digits = Int(String(whole) + String(fractional)) ?? 0
        self.units = negative ? -digits : digits
        self.scale = fractional.count
    }

    public var fraction: Fraction { Fraction(units, ExactDecimal.powerOfTen(scale)) }

    static func powerOfTen(_ exponent: Int) -> Int {
        var value = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    public var description: String { Hundredths.format(fraction: fraction, decimals: scale) }
}

/// Fixed-point numbers with two decimals, the unit in which scores and fits are held exactly.
public enum Hundredths {
    /// Rounds `value` half-up to `decimals` (0, 1 or 2) and returns it in hundredths.
    ///
    /// ```swift
    /// Hundredths.roundHalfUp(Fraction(59995, 1000), decimals: 2)   // 6000
    /// ```
    public static func roundHalfUp(_ value: Fraction, decimals: Int) -> Int {
        let scale = ExactDecimal.powerOfTen(decimals)
        // floor(value·scale + 1/2) on exact integers.
        let numerator = 2 * value.numerator * scale + value.denominator
        let denominator = 2 * value.denominator
        let floored = numerator >= 0 ? numerator / denominator : -((-numerator + denominator - 1) / denominator)
        return floored * ExactDecimal.powerOfTen(2 - decimals)
    }

    /// Writes hundredths with exactly `decimals` decimals: `6000` → `60`, `60.0`, `60.00`.
    public static func format(_ hundredths: Int, decimals: Int) -> String {
        format(fraction: Fraction(hundredths, 100), decimals: decimals)
    }

    /// Writes an exact value with exactly `decimals` decimals, rounding half-up.
    public static func format(fraction value: Fraction, decimals: Int) -> String {
        let scale = ExactDecimal.powerOfTen(decimals)
        let numerator = 2 * value.numerator * scale + value.denominator
        let denominator = 2 * value.denominator
        let scaled = numerator >= 0 ? numerator / denominator : -((-numerator + denominator - 1) / denominator)
        let negative = scaled < 0
        let magnitude = abs(scaled)
        var text = "\(magnitude / scale)"
        if decimals > 0 {
            var fractional = "\(magnitude % scale)"
            while fractional.count < decimals { fractional = "0" + fractional }
            text += "." + fractional
        }
        return negative ? "-" + text : text
    }
}

/// Orders ids as text, byte by byte (the contract's "ascending as text").
@inlinable
public func idPrecedes(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}
