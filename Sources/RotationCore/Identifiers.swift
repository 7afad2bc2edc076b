// SPDX-License-Identifier: GPL-3.0-or-later
@_exported import Tagged

/// A cadre's 人员编号 (cadres.csv `id`), a type of its own so that it cannot stand where a position's
/// or a unit's id is expected.
///
/// ```swift
/// let cadre: CadreID = "FH001"           // a string literal is an id
/// let read = CadreID(rawValue: field)    // at the I/O boundary
/// print("\(cadre)")                      // FH001: interpolation prints the raw string
/// ```
public typealias CadreID = Tagged<Cadre, String>

/// A position's 职位代码 (positions.csv `id`).
///
/// ```swift
/// let position: PositionID = "P01"
/// adjudication.applicants[position]      // [CadreID]
/// ```
public typealias PositionID = Tagged<Position, String>

/// A unit's 单位代码 (units.csv `id`).
///
/// ```swift
/// let unit: UnitID = "U03"
/// index.units[unit]?.name
/// ```
public typealias UnitID = Tagged<Unit, String>

/// A judge's 评委编号 (interviews.csv `judge_id`).
///
/// ```swift
/// let judge: JudgeID = "J1"
/// ```
public typealias JudgeID = Tagged<JudgeScore, String>

/// The id order used everywhere for determinism, on typed ids: exactly the order of `idPrecedes` on
/// the raw strings (UTF-8 bytes, so `FH10` precedes `FH2`).
///
/// ```swift
/// let sorted = cadreIDs.sorted(by: idPrecedes)
/// ```
public func idPrecedes<Tag>(_ lhs: Tagged<Tag, String>, _ rhs: Tagged<Tag, String>) -> Bool {
    idPrecedes(lhs.rawValue, rhs.rawValue)
}

extension Sequence {
    /// The raw strings joined, exactly as `[String].joined(separator:)` joins them. Typed ids are
    /// collections of characters, so without this `cadreIDs.joined(separator: ", ")` would pick the
    /// generic `joined` and, in an interpolation, print a `JoinedSequence`.
    ///
    /// ```swift
    /// ([CadreID]) ["FH2", "FH10"].joined(separator: ", ")   // "FH2, FH10"
    /// ```
    public func joined<Tag>(separator: String = "") -> String where Element == Tagged<Tag, String> {
        map(\.rawValue).joined(separator: separator)
    }
}

extension DefaultStringInterpolation {
    /// In an interpolation the compiler prefers the generic `joined` of a sequence of sequences, which
    /// would print as `JoinedSequence<…>`; this prints the joined raw strings, as `[String]` did.
    public mutating func appendInterpolation<Base: Sequence, Tag>(_ joined: JoinedSequence<Base>)
    where Base.Element == Tagged<Tag, String> {
        appendLiteral(String(joined))
    }
}
