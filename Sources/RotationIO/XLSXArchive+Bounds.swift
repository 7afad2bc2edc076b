// SPDX-License-Identifier: GPL-3.0-or-later

/// The zip structure of a workbook checked before ZIPFoundation reads it: every record it will seek
/// to lies inside the bytes, and every part's declared size is possible.
///
/// ZIPFoundation's in-memory archive trapped when a damaged file made it seek past the end, and a
/// part declaring a huge size made it spend seconds per file — both found by the xlsx fuzzer
/// (`make fuzz`). So the end-of-central-directory record, the central directory, every entry's
/// local header and compressed data must fit in the bytes, the counts must agree, a part is stored
/// or deflated within deflate's ratio, and zip64 (never used by a scenario workbook) is refused.
///
/// ```swift
/// try ZipBounds.check(bytes)   // throws XLSXError(.notAWorkbook) for a damaged archive
/// ```
///
/// - Complexity: O(n) in the number of entries (the search for the end record reads at most 64 KiB).
enum ZipBounds {
    static func check(_ bytes: [UInt8]) throws(XLSXError) {
        guard let end = endRecord(bytes) else { throw XLSXError(.notAWorkbook) }
        let entries = Int(u16(bytes, end + 10))
        let size = Int(u32(bytes, end + 12))
        let start = Int(u32(bytes, end + 16))
        // zip64 markers, a multi-disk archive, or a directory outside the bytes.
        guard entries != 0xFFFF, size != 0xFFFF_FFFF, start != 0xFFFF_FFFF, u16(bytes, end + 4) == 0, u16(bytes, end + 6) == 0,
              Int(u16(bytes, end + 8)) == entries, start + size <= end else { throw XLSXError(.notAWorkbook) }
        var position = start
        for _ in 0..<entries {
            guard position + 46 <= start + size, u32(bytes, position) == 0x0201_4B50 else { throw XLSXError(.notAWorkbook) }
            let method = u16(bytes, position + 10)
            let compressed = Int(u32(bytes, position + 20))
            let uncompressed = u32(bytes, position + 24)
            let nameLength = Int(u16(bytes, position + 28))
            let extraLength = Int(u16(bytes, position + 30))
            let commentLength = Int(u16(bytes, position + 32))
            let local = Int(u32(bytes, position + 42))
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else { throw XLSXError(.notAWorkbook) }
            // Stored or deflated only; a stored part is as long as its data, and deflate never
            // expands more than 1032 times (a claimed size beyond that is a lie, and costs time).
            guard (method == 0 && Int(uncompressed) == compressed) || (method == 8 && Int(uncompressed) <= max(compressed, 1) * 1032) else {
                throw XLSXError(.notAWorkbook)
            }
            position += 46 + nameLength + extraLength + commentLength
            guard position <= start + size else { throw XLSXError(.notAWorkbook) }
            // The local header and the data it introduces, before the central directory.
            guard local + 30 <= start, u32(bytes, local) == 0x0403_4B50 else { throw XLSXError(.notAWorkbook) }
            let dataStart = local + 30 + Int(u16(bytes, local + 26)) + Int(u16(bytes, local + 28))
            guard dataStart + compressed <= start else { throw XLSXError(.notAWorkbook) }
        }
        guard position == start + size else { throw XLSXError(.notAWorkbook) }
    }

    /// The offset of the end-of-central-directory record (the last one whose comment ends the file).
    static func endRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var position = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while position >= lowest {
            if u32(bytes, position) == 0x0605_4B50, position + 22 + Int(u16(bytes, position + 20)) == bytes.count { return position }
            position -= 1
        }
        return nil
    }

    static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0xFFFF }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0xFFFF_FFFF }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
