// SPDX-License-Identifier: GPL-3.0-or-later
internal import BigInt

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
    ///
    /// Years read from a scenario have four digits, so the result is within ±12·10^4.
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

/// Why a number written in a file was not read (the reader words the message, with the file and line).
public enum NumberProblem: Error, Sendable, Equatable {
    /// Not a decimal (`85`, `-1.25`, `.5`) or, where fractions are allowed, `a/b` of two decimals.
    case malformed
    /// More than `ExactDecimal.maxDigits` significant digits: it could not be held exactly.
    case tooManyDigits
    /// `a/0`.
    case zeroDenominator
    /// `a/b` whose reduced numerator or denominator has more than `ExactDecimal.maxDigits` digits.
    case fractionTooFine
}

/// An exact fraction, used for thresholds such as `1/3` and for shares that must be compared exactly.
///
/// Always reduced, with a positive denominator, so `==` is equality of values. Comparison cross-multiplies
/// in 128 bits and never overflows; the arithmetic (`adding`, `multiplied(by:)`) is checked and returns nil
/// instead of trapping when the exact result does not fit in `Int`.
///
/// ```swift
/// Fraction(1, 3) < Fraction(34, 100)                 // true
/// Fraction(17, 2).decimalDescription                 // "8.5"
/// Fraction.parse("0.5/1.5")                          // .success(1/3)
/// ```
public struct Fraction: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let numerator: Int
    public let denominator: Int

    /// `numerator / denominator`, reduced. Neither may be `Int.min` (a programming error, never a value read).
    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "zero denominator")
        precondition(numerator != .min && denominator != .min, "Int.min is outside the values a Fraction holds")
        let divisor = max(Fraction.gcd(numerator.magnitude, denominator.magnitude), 1)
        let top = Int(numerator.magnitude / divisor)
        let bottom = Int(denominator.magnitude / divisor)
        self.numerator = (numerator < 0) != (denominator < 0) ? -top : top
        self.denominator = bottom
    }

    public init(integerLiteral value: Int) { self.init(value) }

    /// The exact value of two big integers, reduced; nil when a reduced part is beyond `Int`.
    init?(exactly numerator: BigInt, _ denominator: BigInt) {
        guard !denominator.isZero else { return nil }
        let divisor = BigInt(numerator.magnitude.greatestCommonDivisor(with: denominator.magnitude))
        let sign = denominator.sign == .minus ? BigInt(-1) : BigInt(1)
        guard let top = Int(exactly: sign * numerator / divisor), let bottom = Int(exactly: sign * denominator / divisor),
              top != .min else { return nil }
        self.numerator = top
        self.denominator = bottom
    }

    static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { Int(gcd(a.magnitude, b.magnitude)) }

    var big: (numerator: BigInt, denominator: BigInt) { (BigInt(numerator), BigInt(denominator)) }

    /// Exact: both cross products are formed in 128 bits (denominators are positive).
    public static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (left.high, left.low) < (right.high, right.low)
    }

    /// `self · factor`, or nil when the exact product does not fit in `Int`.
    public func multiplied(by factor: Int) -> Fraction? {
        Fraction(exactly: BigInt(numerator) * BigInt(factor), BigInt(denominator))
    }

    /// `self + other`, or nil when the exact sum does not fit in `Int`.
    public func adding(_ other: Fraction) -> Fraction? {
        let (a, b) = (big, other.big)
        return Fraction(exactly: a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// `1/3`, or `2` for a whole number.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// The value as a terminating decimal when it is one (`8.5`, `60`, `0.0078125`), else `1/3`.
    ///
    /// - Complexity: O(log denominator).
    public var decimalDescription: String {
        var rest = denominator
        var twos = 0
        var fives = 0
        while rest % 2 == 0 { rest /= 2; twos += 1 }
        while rest % 5 == 0 { rest /= 5; fives += 1 }
        guard rest == 1 else { return description }
        let decimals = max(twos, fives)
        let units = BigInt(numerator) * BigInt(10).power(decimals) / BigInt(denominator)
        return Hundredths.digits(units, scale: decimals)
    }

    /// Reads a decimal (`0.2`, `60`) or a fraction of two decimals (`1/3`, `0.5/1.5`) exactly.
    ///
    /// Each side is an `ExactDecimal` (at most `ExactDecimal.maxDigits` significant digits); the quotient,
    /// formed on big integers and reduced, must have a numerator and a denominator of at most that many digits,
    /// so that every later product of two of them fits in 128 bits.
    ///
    /// ```swift
    /// Fraction.parse("999999999.999999/0.000001")   // .success(999999999999999)
    /// Fraction.parse("1/0")                         // .failure(.zeroDenominator)
    /// ```
    public static func parse(_ text: String) -> Result<Fraction, NumberProblem> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            guard parts.count == 1 else { return .failure(.malformed) }
            return ExactDecimal.parse(text).map(\.fraction)
        }
        let top: ExactDecimal
        let bottom: ExactDecimal
        switch (ExactDecimal.parse(trimmed(parts[0])), ExactDecimal.parse(trimmed(parts[1]))) {
        case let (.success(a), .success(b)): (top, bottom) = (a, b)
        case (.failure(.malformed), _), (_, .failure(.malformed)): return .failure(.malformed)
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
        }
        guard bottom.units != 0 else { return .failure(.zeroDenominator) }
        let limit = BigInt(10).power(ExactDecimal.maxDigits)
        let numerator = BigInt(top.units) * BigInt(10).power(bottom.scale)
        let denominator = BigInt(bottom.units) * BigInt(10).power(top.scale)
        let divisor = BigInt(numerator.magnitude.greatestCommonDivisor(with: denominator.magnitude))
        guard (numerator / divisor).magnitude < limit.magnitude, (denominator / divisor).magnitude < limit.magnitude,
              let value = Fraction(exactly: numerator, denominator) else { return .failure(.fractionTooFine) }
        return .success(value)
    }

    /// Without the spaces around a side of `a / b` (ASCII and ideographic).
    private static func trimmed(_ text: Substring) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}

/// A decimal number held exactly as `units / 10^scale` (judge scores such as `59.995`, thresholds such as `0.3333333`).
///
/// Parsing accepts at most `maxDigits` (18) significant digits: leading zeros of the whole part do not count,
/// every written decimal does. Then `|units| < 10^18` and `10^scale ≤ 10^18`, both below `Int.max` ≈ 9.22·10^18,
/// so `fraction` is exact, and any product of two such numbers or denominators is below 10^36 < 2^127
/// (comparisons cross-multiply in 128 bits).
///
/// ```swift
/// ExactDecimal(parsing: "0.3333333")?.fraction   // 3333333/10000000
/// ExactDecimal.parse("0.3333333333333333333")   // .failure(.tooManyDigits)
/// ```
public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
    /// The most significant digits a decimal may have (see the type's note for the arithmetic).
    public static let maxDigits = 18

    public let units: Int
    public let scale: Int

    /// `units / 10^scale`; `scale` is 0…`maxDigits`.
    public init(units: Int, scale: Int) {
        precondition((0...ExactDecimal.maxDigits).contains(scale), "scale outside 0…18")
        self.units = units
        self.scale = scale
    }

    /// Parses `85`, `85.5`, `-1.25`, `.5`; nil for anything else (no exponents, at most 18 significant digits).
    public init?(parsing text: String) {
        guard case .success(let value) = ExactDecimal.parse(text) else { return nil }
        self = value
    }

    /// Parses `85`, `85.5`, `-1.25`, `.5`, telling a malformed text from one with too many digits.
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String) -> Result<ExactDecimal, NumberProblem> {
        var body = Substring(text)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return .failure(.malformed) }
        let whole = parts[0]
        let fractional = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && fractional.isEmpty),
              whole.allSatisfy({ $0.isASCII && $0.isNumber }), fractional.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return .failure(.malformed) }
        let significantWhole = whole.drop { $0 == "0" }
        guard significantWhole.count + fractional.count <= maxDigits else { return .failure(.tooManyDigits) }
        // At most 18 digits: below 10^18, so Int(…) cannot fail.
        let digits = Int(String(significantWhole) + String(fractional)) ?? 0
        return .success(ExactDecimal(units: negative ? -digits : digits, scale: fractional.count))
    }

    public var fraction: Fraction { Fraction(units, ExactDecimal.powerOfTen(scale)) }

    /// 10^exponent for exponent 0…18 (10^18 < Int.max).
    static func powerOfTen(_ exponent: Int) -> Int {
        precondition((0...ExactDecimal.maxDigits).contains(exponent), "10^\(exponent) is beyond Int")
        var value = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The decimal as written, with its scale: `85.50`.
    public var description: String { Hundredths.digits(BigInt(units), scale: scale) }
}

/// Fixed-point numbers with two decimals, the unit in which scores and fits are held exactly.
public enum Hundredths {
    /// Rounds `value` half-up to `decimals` (0, 1 or 2) and returns it in hundredths; nil when that is beyond `Int`.
    ///
    /// ```swift
    /// Hundredths.roundHalfUp(Fraction(59995, 1000), decimals: 2)   // 6000
    /// ```
    public static func roundHalfUp(_ value: Fraction, decimals: Int) -> Int? {
        let (numerator, denominator) = value.big
        return roundHalfUp(numerator, denominator, decimals: decimals)
    }

    /// `numerator / denominator` (denominator > 0) rounded half-up to `decimals` (0, 1 or 2), in hundredths.
    static func roundHalfUp(_ numerator: BigInt, _ denominator: BigInt, decimals: Int) -> Int? {
        precondition((0...2).contains(decimals), "decimals outside 0…2")
        let rounded = floorHalfUp(numerator, denominator, scale: BigInt(10).power(decimals))
        return Int(exactly: rounded * BigInt(10).power(2 - decimals))
    }

    /// floor(value·scale + 1/2) on big integers (denominator > 0): exact, never overflows.
    static func floorHalfUp(_ numerator: BigInt, _ denominator: BigInt, scale: BigInt) -> BigInt {
        let top = 2 * numerator * scale + denominator
        let bottom = 2 * denominator
        let (quotient, remainder) = top.quotientAndRemainder(dividingBy: bottom)
        return remainder.sign == .minus && !remainder.isZero ? quotient - 1 : quotient
    }

    /// Writes hundredths with exactly `decimals` decimals: `6000` → `60`, `60.0`, `60.00`.
    public static func format(_ hundredths: Int, decimals: Int) -> String {
        let scale = max(decimals, 0)
        return digits(floorHalfUp(BigInt(hundredths), 100, scale: BigInt(10).power(scale)), scale: scale)
    }

    /// Writes an exact value with exactly `decimals` decimals, rounding half-up (exact for every value).
    public static func format(fraction value: Fraction, decimals: Int) -> String {
        let (numerator, denominator) = value.big
        return digits(floorHalfUp(numerator, denominator, scale: BigInt(10).power(max(decimals, 0))), scale: max(decimals, 0))
    }

    /// `units / 10^scale` written with exactly `scale` decimals: (`-125`, 2) → `-1.25`.
    static func digits(_ units: BigInt, scale: Int) -> String {
        var text = String(units.magnitude)
        if scale > 0 {
            if text.count <= scale { text = String(repeating: "0", count: scale - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -scale))
        }
        return units.sign == .minus && !units.isZero ? "-" + text : text
    }
}

/// Orders ids as text, byte by byte (the contract's "ascending as text").
@inlinable
public func idPrecedes(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}
