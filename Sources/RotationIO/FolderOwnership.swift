// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore

/// What a folder written by rotation holds: a run (`rotation solve --out`) or exported models
/// (`rotation solve --export-model`).
public enum FolderKind: String, Sendable, CaseIterable {
    case run
    case models
    /// One public notice per unit (`rotation export --per-unit`).
    case notices

    /// The kind as the catalogue names it (`FolderTexts`).
    var catalogue: FolderTexts.Kind {
        switch self {
        case .run: return .run
        case .models: return .models
        case .notices: return .notices
        }
    }
}

/// The marker of a folder rotation wrote: `.rotation-manifest.json`, written last into the folder by
/// `AtomicFolder.write`, naming the tool, the kind of folder and every file rotation put there.
///
/// ```json
/// {
///   "tool": "rotation",
///   "kind": "run",
///   "files": [
///     "audit.json",
///     "eligibility.csv"
///   ]
/// }
/// ```
///
/// Names only, sorted, no timestamps or process ids: the same files give the same bytes, so a run
/// folder stays byte-for-byte reproducible. The manifest does not list itself.
public struct FolderManifest: Equatable, Sendable {
    /// The manifest's file name inside the folder.
    public static let fileName = ".rotation-manifest.json"
    /// The signature in `"tool"`.
    public static let tool = "rotation"

    public let kind: FolderKind
    /// Relative paths ("/"-separated), sorted, without the manifest itself.
    public let files: [String]

    public init(kind: FolderKind, files: [String]) {
        self.kind = kind
        self.files = Array(Set(files)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The manifest's bytes: deterministic (sorted names, fixed layout, final newline).
    public func rendered() -> [UInt8] {
        let value: JSONValue = .object([("tool", .string(FolderManifest.tool)), ("kind", .string(kind.rawValue)),
                                        ("files", .array(files.map { .string($0) }))])
        return Array(value.rendered().utf8)
    }

    /// Reads a manifest; the error text says what is wrong with it.
    public static func parse(_ bytes: [UInt8]) -> Result<FolderManifest, ManifestProblem> {
        guard let value = try? JSONParser.parse(bytes), case .object = value else {
            return .failure(ManifestProblem(.notJSON))
        }
        guard case .string(FolderManifest.tool)? = value["tool"] else {
            return .failure(ManifestProblem(.tool))
        }
        guard case .string(let kindText)? = value["kind"], let kind = FolderKind(rawValue: kindText) else {
            return .failure(ManifestProblem(.kind))
        }
        guard case .array(let items)? = value["files"] else {
            return .failure(ManifestProblem(.files))
        }
        var files: [String] = []
        for item in items {
            guard case .string(let name) = item else { return .failure(ManifestProblem(.files)) }
            files.append(name)
        }
        if let bad = files.first(where: { !isSafeName($0) || $0 == fileName }) {
            return .failure(ManifestProblem(.badName(bad)))
        }
        return .success(FolderManifest(kind: kind, files: files))
    }

    /// What is wrong with a manifest, in both languages (`FolderTexts.ManifestProblem`).
    public struct ManifestProblem: Error, Equatable, Sendable, CustomStringConvertible {
        public let problem: FolderTexts.ManifestProblem
        public init(_ problem: FolderTexts.ManifestProblem) { self.problem = problem }
        public var description: String { problem.text.en }
    }

    /// A relative path inside a folder: no leading "/", no empty, "." or ".." part, no NUL.
    static func isSafeName(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.utf8.contains(0) { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}

/// What stands at a path, judged before rotation writes there (lstat: links are not followed).
enum FileSystemEntry {
    case missing
    case symbolicLink
    case folder
    case file
    /// A socket, fifo or device: never ours.
    case other

    static func at(_ path: String) throws -> FileSystemEntry {
        var status = stat()
        if lstat(path, &status) != 0 {
            if errno == ENOENT { return .missing }
            throw AtomicFolder.Failure.io(path: path, text: .cannotLook(path, .current()))
        }
        switch status.st_mode & S_IFMT {
        case S_IFLNK: return .symbolicLink
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .other
        }
    }
}

/// Whether a folder may be replaced, and if so exactly what in it rotation wrote.
enum FolderOwnership {
    /// The folder is empty: replacing it loses nothing.
    case empty
    /// Every entry is rotation's: `files` (relative paths, the manifest included) and `folders`
    /// (relative paths of the sub-folders that hold them, deepest first).
    case ours(files: [String], folders: [String])
    /// Something in it is not rotation's; nothing may be deleted.
    case refused(AtomicFolder.Refusal)

    /// Judges the existing folder `url` as a candidate to be replaced by a folder of `kind`.
    static func judge(_ url: URL, as kind: FolderKind) throws -> FolderOwnership {
        let names = try entries(of: url)
        if names.isEmpty { return .empty }
        let manifestURL = url.appendingPathComponent(FolderManifest.fileName)
        switch try FileSystemEntry.at(manifestURL.path) {
        case .missing:
            return .refused(.foreignFiles(try foreign(in: url, listed: []), hasManifest: false, target: .folder(kind)))
        case .file:
            break
        case .folder, .symbolicLink, .other:
            return .refused(.unreadableManifest(FolderManifest.ManifestProblem(.notAFile), target: .folder(kind)))
        }
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: manifestURL)) } catch {
            throw AtomicFolder.Failure.io(path: manifestURL.path, text: .cannotRead(manifestURL.path, .of(error)))
        }
        let manifest: FolderManifest
        switch FolderManifest.parse(bytes) {
        case .failure(let problem): return .refused(.unreadableManifest(problem, target: .folder(kind)))
        case .success(let parsed): manifest = parsed
        }
        if manifest.kind != kind { return .refused(.otherKind(found: manifest.kind, target: .folder(kind))) }
        var files: [String] = []
        var folders: [String] = []
        let strangers = try walk(url, prefix: "", listed: Set(manifest.files), ancestors: ancestors(of: manifest.files),
                                 files: &files, folders: &folders)
        if !strangers.isEmpty { return .refused(.foreignFiles(strangers.sorted(), hasManifest: true, target: .folder(kind))) }
        return .ours(files: files, folders: folders.reversed())
    }

    /// Names in a folder (hidden ones included).
    static func entries(of url: URL) throws -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
            throw AtomicFolder.Failure.io(path: url.path, text: .cannotList(url.path, .of(error)))
        }
    }

    /// The entries of a folder without a manifest (all foreign; a folder named once), sorted.
    static func foreign(in url: URL, listed: Set<String>) throws -> [String] {
        var ignoredFiles: [String] = []
        var ignoredFolders: [String] = []
        return try walk(url, prefix: "", listed: listed, ancestors: [], files: &ignoredFiles, folders: &ignoredFolders).sorted()
    }

    /// Every folder that holds a listed file ("a", "a/b" for "a/b/c.lp").
    static func ancestors(of files: [String]) -> Set<String> {
        var result = Set<String>()
        for file in files {
            var parts = file.split(separator: "/").map(String.init)
            parts.removeLast()
            while !parts.isEmpty {
                result.insert(parts.joined(separator: "/"))
                parts.removeLast()
            }
        }
        return result
    }

    /// Walks `url` (not following links): collects rotation's files and folders, returns the rest
    /// (a foreign folder is named once, with a trailing "/").
    static func walk(_ url: URL, prefix: String, listed: Set<String>, ancestors: Set<String>,
                     files: inout [String], folders: inout [String]) throws -> [String] {
        var strangers: [String] = []
        for name in try entries(of: url) {
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            let child = url.appendingPathComponent(name)
            if prefix.isEmpty && name == FolderManifest.fileName {
                files.append(relative)
                continue
            }
            switch try FileSystemEntry.at(child.path) {
            case .missing:
                continue  // gone while we looked
            case .folder where ancestors.contains(relative):
                folders.append(relative)
                strangers += try walk(child, prefix: relative, listed: listed, ancestors: ancestors, files: &files, folders: &folders)
            case .folder:
                strangers.append(relative + "/")
            case .file, .symbolicLink:
                // A listed name that is now a link: unlinking it deletes the link only, never its target.
                if listed.contains(relative) { files.append(relative) } else { strangers.append(relative) }
            case .other:
                strangers.append(relative)
            }
        }
        return strangers
    }
}
