// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// A fast path for the largest input file, transfer_fit.csv (640,000 rows for 800 cadres × 800
/// vacancies), at about the speed of reading its bytes.
///
/// It reads only the plain case: a header of known, distinct columns (optionally after a UTF-8
/// BOM), then rows of printable ASCII with no quotes or spaces, as many fields as the header,
/// none empty, each fit a plain decimal (`87`, `87.5`, `87.125`) from 0 to 100, no (cadre,
/// position) twice, every id known. Anything else — one problem, one unusual byte — returns nil
/// and the general reader (`TableReader`, `ScenarioBuilder`) reads the file instead, so every
/// message and every rule stays exactly as it is: the fast path never reports a problem.
///
/// ```swift
/// let bytes = Array("cadre_id,position_id,fit\nC1,P1,87.5\n".utf8)
/// TransferFitFastPath.read(bytes, isCadre: { _ in true }, isPosition: { _ in true })
/// // [TransferFit(cadreID: "C1", positionID: "P1", fitHundredths: 8750)]
/// ```
/// - Complexity: O(bytes) plus one hash of each id, and one sort of the rows' keys.
enum TransferFitFastPath {
    /// The longest plain decimal read here (digits after the point); longer ones go the general way.
    static let longestFraction = 15

    static func read(_ bytes: [UInt8], isCadre: (CadreID) -> Bool, isPosition: (PositionID) -> Bool) -> [TransferFit]? {
        bytes.withUnsafeBufferPointer { buffer in read(buffer, isCadre: isCadre, isPosition: isPosition) }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, isCadre: (CadreID) -> Bool,
                             isPosition: (PositionID) -> Bool) -> [TransferFit]? {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        // The header: the first line, decoded as UTF-8 (aliases are Chinese).
        guard let headerEnd = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var headerBytes = Array(bytes[start..<headerEnd])
        if headerBytes.last == UInt8(ascii: "\r") { headerBytes.removeLast() }
        guard let header = String(validating: headerBytes, as: UTF8.self), !header.contains("\"") else { return nil }
        let cells = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var slots: [Int] = []   // 0: cadre_id, 1: position_id, 2: fit, per header cell
        for cell in cells {
            guard let slot = ScenarioLoader.transferFitColumns.firstIndex(where: { $0.name.lowercased() == cell.lowercased() || $0.alias == cell }),
                  !slots.contains(slot) else { return nil }
            slots.append(slot)
        }
        guard slots.count == 3 else { return nil }

        var fits: [TransferFit] = []
        fits.reserveCapacity(bytes.count / 16)
        var cadreNumbers: [CadreID: Int] = [:]
        var positionNumbers: [PositionID: Int] = [:]
        var keys: [Int] = []
        keys.reserveCapacity(bytes.count / 16)
        var fields: [Range<Int>] = Array(repeating: 0..<0, count: 3)
        var index = headerEnd + 1
        while index < bytes.count {
            var lineEnd = index
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var end = lineEnd
            if end > index && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            defer { index = lineEnd + 1 }
            if end == index { continue }   // a blank line
            var field = 0
            var fieldStart = index
            for position in index...end {
                if position == end || bytes[position] == UInt8(ascii: ",") {
                    guard field < 3, position > fieldStart else { return nil }
                    fields[slots[field]] = fieldStart..<position
                    field += 1
                    fieldStart = position + 1
                } else {
                    let byte = bytes[position]
                    // Printable ASCII only, no quote and no space (the general reader trims and unquotes).
                    guard byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") else { return nil }
                }
            }
            guard field == 3, let hundredths = hundredths(bytes[fields[2]]) else { return nil }
            let cadreID = CadreID(rawValue: String(decoding: bytes[fields[0]], as: UTF8.self))
            let positionID = PositionID(rawValue: String(decoding: bytes[fields[1]], as: UTF8.self))
            let cadre: Int
            if let known = cadreNumbers[cadreID] {
                cadre = known
            } else {
                guard isCadre(cadreID) else { return nil }
                cadre = cadreNumbers.count
                cadreNumbers[cadreID] = cadre
            }
            let position: Int
            if let known = positionNumbers[positionID] {
                position = known
            } else {
                guard isPosition(positionID) else { return nil }
                position = positionNumbers.count
                positionNumbers[positionID] = position
            }
            // Cadre and position numbers stay below 2³¹ (each is a distinct id of the file).
            keys.append(cadre << 32 | position)
            fits.append(TransferFit(cadreID: cadreID, positionID: positionID, fitHundredths: hundredths))
        }
        // No (cadre, position) twice: one sort of the keys (a hash set of millions costs several times more).
        keys.sort()
        for (key, next) in zip(keys, keys.dropFirst()) where key == next { return nil }
        return fits
    }

    /// A plain decimal from 0 to 100 in hundredths, rounded half-up (the exact value's third
    /// decimal decides); nil for anything else.
    static func hundredths(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var whole = 0
        var wholeDigits = 0
        var fraction = 0          // the first two decimals, in hundredths
        var fractionDigits = 0
        var roundsUp = false
        var afterPoint = false
        for byte in digits {
            if byte == UInt8(ascii: ".") {
                guard !afterPoint else { return nil }
                afterPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if afterPoint {
                fractionDigits += 1
                guard fractionDigits <= longestFraction else { return nil }
                if fractionDigits <= 2 {
                    fraction += digit * (fractionDigits == 1 ? 10 : 1)
                } else if fractionDigits == 3 {
                    roundsUp = digit >= 5
                }
            } else {
                wholeDigits += 1
                guard wholeDigits <= 3 else { return nil }
                whole = whole * 10 + digit
            }
        }
        guard wholeDigits > 0, !afterPoint || fractionDigits > 0 else { return nil }
        let value = whole * 100 + fraction + (roundsUp ? 1 : 0)
        // Above 100 (even 100.001) is a problem the general reader reports.
        guard whole < 100 || (whole == 100 && fraction == 0 && !roundsUp && !hasNonZero(digits)) else { return nil }
        return value
    }

    /// Whether any decimal after the point is not zero.
    private static func hasNonZero(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let point = digits.firstIndex(of: UInt8(ascii: ".")) else { return false }
        return digits[(point + 1)...].contains { $0 != UInt8(ascii: "0") }
    }
}
