// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

extension FolderTexts.SystemReason {
    /// The reason of the system call that just failed (`errno`).
    ///
    /// ```swift
    /// if mkdir(path, 0o777) != 0 { throw … .cannotCreate(path, .current()) }   // 磁盘空间已满（`No space left on device`）
    /// ```
    static func current() -> Self { code(errno) }

    /// The reason for an `errno` value: its kind in words, and the system's text.
    static func code(_ code: Int32) -> Self {
        let kind: Kind
        switch code {
        case ENOSPC: kind = .diskFull
        case EFBIG: kind = .fileTooLarge
        case EDQUOT: kind = .quota
        case EACCES, EPERM: kind = .permission
        case EROFS: kind = .readOnlyFileSystem
        case ENOENT: kind = .missing
        case ENOTDIR: kind = .notAFolder
        case EISDIR: kind = .isAFolder
        case ENOTEMPTY: kind = .notEmpty
        case EEXIST: kind = .exists
        case ENAMETOOLONG: kind = .nameTooLong
        case EMFILE, ENFILE: kind = .tooManyOpen
        case EBUSY, ETXTBSY: kind = .busy
        case EIO: kind = .input
        default: kind = .other
        }
        return Self(kind, detail: String(cString: strerror(code)))
    }

    /// The reason behind a Foundation error (`FileManager`, `Data(contentsOf:)`): its POSIX code when
    /// it has one, else its kind as Foundation names it.
    static func of(_ error: Error) -> Self {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return code(Int32(error.code)) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return code(Int32(underlying.code))
        }
        let detail = error.localizedDescription
        switch CocoaError.Code(rawValue: error.code) {
        case .fileWriteOutOfSpace: return Self(.diskFull, detail: detail)
        case .fileWriteNoPermission, .fileReadNoPermission: return Self(.permission, detail: detail)
        case .fileWriteVolumeReadOnly: return Self(.readOnlyFileSystem, detail: detail)
        case .fileNoSuchFile, .fileReadNoSuchFile: return Self(.missing, detail: detail)
        case .fileWriteFileExists: return Self(.exists, detail: detail)
        default: return Self(.other, detail: detail)
        }
    }
}

extension AtomicFolder.Failure {
    /// Any error as a text: a failure's own, else the error's words (the same in both languages).
    static func text(of error: Error) -> Text {
        if let failure = error as? AtomicFolder.Failure { return failure.text }
        return Text(zh: "\(error)", en: "\(error)")
    }
}
