// SPDX-License-Identifier: GPL-3.0-or-later
import CZlib

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
    /// One part as the central directory describes it, its data checked to lie inside the bytes.
    struct Entry: Equatable {
        let path: String
        /// 0 stored, 8 deflated.
        let method: UInt16
        let dataStart: Int
        let compressed: Int
        let uncompressed: Int
        let crc32: UInt32
    }

    static func check(_ bytes: [UInt8]) throws(XLSXError) { _ = try entries(bytes) }

    /// Every entry of the central directory, each checked as described above.
    static func entries(_ bytes: [UInt8]) throws(XLSXError) -> [Entry] {
        var found: [Entry] = []
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
            let nameStart = position - nameLength - extraLength - commentLength
            found.append(Entry(path: String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self), method: method,
                               dataStart: dataStart, compressed: compressed, uncompressed: Int(uncompressed), crc32: u32(bytes, position - nameLength - extraLength - commentLength - 46 + 16)))
        }
        guard position == start + size else { throw XLSXError(.notAWorkbook) }
        return found
    }

    /// The unpacked bytes of `entry`, at most `limit` of them (nil beyond), or nil when its data is
    /// damaged (a deflate stream that errs or ends early, a wrong length or checksum).
    ///
    /// ZIPFoundation's own inflate loop never ends on a deflate stream cut short, and tells zlib
    /// its input is longer than it is (found by the xlsx fuzzer): this one gives zlib exactly the
    /// entry's bytes and stops when they are used up.
    static func unpack(_ entry: Entry, from bytes: [UInt8], limit: Int) -> Result<[UInt8], UnpackFailure> {
        if entry.uncompressed > limit { return .failure(.tooLarge) }
        var output: [UInt8]
        if entry.method == 0 {
            output = Array(bytes[entry.dataStart..<(entry.dataStart + entry.compressed)])
        } else {
            output = [UInt8](repeating: 0, count: entry.uncompressed)
            var stream = z_stream()
            guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return .failure(.damaged) }
            defer { inflateEnd(&stream) }
            let status: Int32 = bytes.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + entry.dataStart)
                    stream.avail_in = UInt32(entry.compressed)
                    // One spare byte: a stream that would unpack to more than declared is damaged.
                    var spare: UInt8 = 0
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    var result = out.count == 0 ? Z_BUF_ERROR : inflate(&stream, Z_FINISH)
                    if result == Z_BUF_ERROR && stream.avail_out == 0 {
                        result = withUnsafeMutablePointer(to: &spare) { pointer in
                            stream.next_out = pointer
                            stream.avail_out = 1
                            return inflate(&stream, Z_FINISH)
                        }
                        if stream.avail_out == 0 { return Z_DATA_ERROR }
                    }
                    return result
                }
            }
            guard status == Z_STREAM_END, Int(stream.total_out) == entry.uncompressed else { return .failure(.damaged) }
        }
        guard output.count == entry.uncompressed else { return .failure(.damaged) }
        let checksum = output.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        return checksum == entry.crc32 ? .success(output) : .failure(.damaged)
    }

    enum UnpackFailure: Error { case tooLarge, damaged }

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
