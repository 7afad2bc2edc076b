// SPDX-License-Identifier: GPL-3.0-or-later

/// What the safe writer (`AtomicFolder`) says when it refuses a target or a read or write fails:
/// a folder rotation did not write, a file in place of a folder, a damaged
/// `.rotation-manifest.json`, a full disk, a read-only folder.
///
/// Paths are the user's own and appear as given. The operating system's reason comes first in
/// the user's words (磁盘空间已满), then its own English text in backquotes as a detail.
///
/// ```swift
/// FolderTexts.notAFolder("结果", .folder(.run))(.zh)   // 结果 已存在，但不是文件夹；请换一个 `--out`
/// ```
public enum FolderTexts: CatalogueChapter, Equatable {
    // MARK: Refusals (nothing changed)
    /// The folder holds entries rotation did not write; `manifest`: it has a manifest of the right kind.
    case foreignFiles(String, names: [String], manifest: Bool, advice: Advice)
    case otherKind(String, found: Kind, advice: Advice)
    case unreadableManifest(String, problem: ManifestProblem, advice: Advice)
    case notAFolder(String, advice: Advice)
    case symbolicLink(String, advice: Advice)
    case isFolder(String)
    case notAFile(String)
    /// `kind` nil: the file is the manifest of `folder` itself.
    case partOfFolder(String, folder: String, kind: Kind?)
    case partOfScenario(String, folder: String)
    /// `export --format xlsx` without `--out FILE.xlsx`: a workbook cannot go to standard output.
    case workbookNeedsFile

    // MARK: Failed reads and writes (exit 6)
    case cannotCreate(String, SystemReason)
    case cannotWrite(String, SystemReason)
    case cannotLook(String, SystemReason)
    case cannotList(String, SystemReason)
    case cannotRead(String, SystemReason)
    case cannotOpen(String, SystemReason)
    case cannotLock(String, SystemReason)
    case cannotMoveIn(String, SystemReason)
    case cannotReplace(String, SystemReason)
    /// A folder of the old run (`folder`, the target or one inside it) is read-only.
    case readOnly(target: String, folder: String, SystemReason)
    case noTemporaryName(String)
    case badFileName(String, name: String)
    /// The new folder could not be moved in, and the old one could not be moved back from `aside`.
    case oldLeftAside(String, SystemReason, aside: String)
    /// After a failure (`problem`), the folder that was at the target is at `now`.
    case movedAside(problem: Text, target: String, now: String)

    /// What a folder rotation wrote holds (as `FolderKind` in RotationIO).
    public enum Kind: String, Sendable, CaseIterable, Equatable {
        case run, models, notices

        var option: String {
            switch self {
            case .run: "--out"
            case .models: "--export-model"
            case .notices: "--per-unit"
            }
        }

        var noun: Text {
            switch self {
            case .run: Text(zh: "运行结果文件夹", en: "run folder")
            case .models: Text(zh: "模型文件夹", en: "models folder")
            case .notices: Text(zh: "公示文件夹", en: "notices folder")
            }
        }
    }

    /// What to do instead, by what the target was meant to be.
    public enum Advice: Sendable, Equatable {
        case folder(Kind)
        case newFolder
        case file

        /// What to do (`换一个 --out`), to follow 请 or 或.
        var action: Text {
            switch self {
            case .folder(let kind): Text(zh: "换一个 `\(kind.option)`", en: "choose another \(kind.option)")
            case .newFolder: Text(zh: "换一个新的文件夹名", en: "choose a new folder name")
            case .file: Text(zh: "换一个文件名", en: "choose another file name")
            }
        }

        /// The advice as a sentence of its own (`请换一个 --out`).
        var text: Text { Text(zh: "请" + action.zh, en: action.en) }
    }

    /// Why a `.rotation-manifest.json` is not one rotation wrote.
    public enum ManifestProblem: Sendable, Equatable {
        case notJSON
        case tool
        case kind
        case files
        case badName(String)
        case notAFile

        public var text: Text {
            switch self {
            case .notJSON: Text(zh: "不是 JSON 对象", en: "not a JSON object")
            case .tool: Text(zh: "`\"tool\"` 不是 `\"rotation\"`", en: "\"tool\" is not \"rotation\"")
            case .kind:
                Text(zh: "`\"kind\"` 不是 \(Kind.allCases.map { "`\($0.rawValue)`" }.joined(separator: "、")) 之一",
                     en: "\"kind\" is not one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            case .files: Text(zh: "`\"files\"` 不是文件名列表", en: "\"files\" is not a list of names")
            case .badName(let name):
                Text(zh: "`\"files\"` 中的 `\(name)` 不是文件夹内的文件名", en: "\"files\" holds \"\(name)\", not a file name inside the folder")
            case .notAFile: Text(zh: "不是普通文件", en: "not a plain file")
            }
        }
    }

    /// The operating system's reason for a failed call: its kind in words, and its own text (`strerror`).
    public struct SystemReason: Sendable, Equatable {
        public enum Kind: Sendable, Equatable, CaseIterable {
            case diskFull, fileTooLarge, quota, permission, readOnlyFileSystem, missing, notAFolder, isAFolder, notEmpty
            case exists, nameTooLong, tooManyOpen, busy, input, other
        }
        public var kind: Kind
        /// The system's own text, e.g. "No space left on device".
        public var detail: String
        public init(_ kind: Kind, detail: String) { self.kind = kind; self.detail = detail }

        public var text: Text {
            let words: Text = switch kind {
            case .diskFull: Text(zh: "磁盘空间已满", en: "the disk is full")
            case .fileTooLarge: Text(zh: "文件超过了系统允许的大小", en: "the file is larger than the system allows")
            case .quota: Text(zh: "超出了磁盘配额", en: "the disk quota is exceeded")
            case .permission: Text(zh: "没有权限", en: "permission denied")
            case .readOnlyFileSystem: Text(zh: "磁盘是只读的", en: "the disk is read-only")
            case .missing: Text(zh: "文件或文件夹不存在", en: "no such file or folder")
            case .notAFolder: Text(zh: "路径中有一项不是文件夹", en: "a part of the path is not a folder")
            case .isAFolder: Text(zh: "这是一个文件夹", en: "it is a folder")
            case .notEmpty: Text(zh: "文件夹不是空的", en: "the folder is not empty")
            case .exists: Text(zh: "已经存在", en: "it already exists")
            case .nameTooLong: Text(zh: "名称太长", en: "the name is too long")
            case .tooManyOpen: Text(zh: "打开的文件太多", en: "too many open files")
            case .busy: Text(zh: "正被占用", en: "it is in use")
            case .input: Text(zh: "磁盘读写出错", en: "an input/output error of the disk")
            case .other: Text(zh: "系统报告错误", en: "a system error")
            }
            // The English wording stays the system's own, as it always was.
            return Text(zh: "\(words.zh)（`\(detail)`）", en: detail)
        }
    }

    public static let chapter = "folder"
    public static let examples: [FolderTexts] = [
        .foreignFiles("R1", names: ["notes.txt"], manifest: false, advice: .folder(.run)),
        .foreignFiles("R1", names: ["a", "b/", "c", "d", "e", "f", "g"], manifest: true, advice: .folder(.models)),
        .foreignFiles("S2", names: ["x.csv"], manifest: false, advice: .newFolder),
        .foreignFiles("N1", names: ["MZJ.html", "other.doc"], manifest: true, advice: .folder(.notices)),
        .otherKind("M1", found: .models, advice: .folder(.run)), .otherKind("R1", found: .run, advice: .file),
        .unreadableManifest("R1", problem: .notJSON, advice: .folder(.run)),
        .unreadableManifest("R1", problem: .tool, advice: .folder(.run)),
        .unreadableManifest("R1", problem: .kind, advice: .folder(.run)),
        .unreadableManifest("R1", problem: .files, advice: .folder(.run)),
        .unreadableManifest("R1", problem: .badName("../x"), advice: .folder(.run)),
        .unreadableManifest("R1", problem: .notAFile, advice: .newFolder),
        .notAFolder("R1", advice: .folder(.run)), .symbolicLink("R1", advice: .folder(.run)), .symbolicLink("report.html", advice: .file),
        .isFolder("R1"), .notAFile("report.html"),
        .partOfFolder("R1/result.json", folder: "R1", kind: .run), .partOfFolder("R1/x.json", folder: "R1", kind: nil),
        .partOfScenario("S2017/cadres.csv", folder: "S2017"), .workbookNeedsFile,
        .cannotCreate("R1", SystemReason(.permission, detail: "Permission denied")),
        .cannotWrite("R1/result.json", SystemReason(.diskFull, detail: "No space left on device")),
        .cannotWrite("R1/result.json", SystemReason(.fileTooLarge, detail: "File too large")),
        .cannotWrite("R1/result.json", SystemReason(.quota, detail: "Disk quota exceeded")),
        .cannotLook("R1", SystemReason(.notAFolder, detail: "Not a directory")),
        .cannotList("R1", SystemReason(.permission, detail: "Permission denied")),
        .cannotRead("R1/x.json", SystemReason(.input, detail: "Input/output error")),
        .cannotOpen("R1", SystemReason(.missing, detail: "No such file or directory")),
        .cannotLock("R1", SystemReason(.busy, detail: "Device or resource busy")),
        .cannotMoveIn("R1", SystemReason(.readOnlyFileSystem, detail: "Read-only file system")),
        .cannotReplace("R1", SystemReason(.notEmpty, detail: "Directory not empty")),
        .cannotReplace("R1", SystemReason(.exists, detail: "File exists")),
        .cannotReplace("R1", SystemReason(.isAFolder, detail: "Is a directory")),
        .cannotReplace("R1", SystemReason(.nameTooLong, detail: "File name too long")),
        .cannotReplace("R1", SystemReason(.tooManyOpen, detail: "Too many open files")),
        .cannotReplace("R1", SystemReason(.other, detail: "Operation not supported")),
        .readOnly(target: "R1", folder: "R1", SystemReason(.permission, detail: "Permission denied")),
        .noTemporaryName("O1"), .badFileName("R1", name: "../x"),
        .oldLeftAside("R1", SystemReason(.diskFull, detail: "No space left on device"), aside: ".R1.old-12-ab"),
        .movedAside(problem: FolderTexts.notAFolder("R1", advice: .folder(.run)).text, target: "R1", now: ".R1.tmp-12-ab"),
    ]

    static let manifest = "`.rotation-manifest.json`"

    /// At most six names; else the first five and how many more.
    static func names(_ names: [String]) -> Text {
        let shown = names.count > 6 ? Array(names.prefix(5)) : names
        let more = names.count - shown.count
        return Text(zh: shown.map { "`\($0)`" }.joined(separator: "、") + (more > 0 ? " 等，另有 \(more) 项" : ""),
                    en: shown.joined(separator: ", ") + (more > 0 ? ", … \(more) more" : ""))
    }

    public var text: Text {
        switch self {
        case let .foreignFiles(path, names, manifest, advice):
            let shown = FolderTexts.names(names)
            if case .newFolder = advice {
                return Text(zh: "\(path) 已存在且不是空的（\(shown.zh)）；\(advice.text.zh)（rotation 从不覆盖已有文件）",
                            en: "\(path) already exists and is not empty (\(shown.en)); \(advice.text.en) (rotation never overwrites)")
            }
            if !manifest, case .folder(let kind) = advice {
                return Text(zh: "\(path) 不是 rotation 写出的\(kind.noun.zh)：其中有不是 rotation 写的文件（\(shown.zh)），也没有 \(FolderTexts.manifest)；\(advice.text.zh)，或把这些文件移走",
                            en: "\(path) is not a \(kind.noun.en) written by rotation: it holds files rotation did not write (\(shown.en)) "
                                + "and no .rotation-manifest.json; \(advice.text.en), or move them away")
            }
            return Text(zh: "\(path) 中有不是 rotation 写的文件（\(shown.zh)）；\(advice.text.zh)，或把这些文件移走",
                        en: "\(path) holds files rotation did not write (\(shown.en)); \(advice.text.en), or move them away")
        case let .otherKind(path, found, advice):
            if case .folder(let wanted) = advice {
                return Text(zh: "\(path) 是 rotation 写出的\(found.noun.zh)，不是\(wanted.noun.zh)；\(advice.text.zh)",
                            en: "\(path) is a \(found.noun.en) written by rotation, not a \(wanted.noun.en); \(advice.text.en)")
            }
            return Text(zh: "\(path) 是 rotation 写出的\(found.noun.zh)；\(advice.text.zh)",
                        en: "\(path) is a \(found.noun.en) written by rotation; \(advice.text.en)")
        case let .unreadableManifest(path, problem, advice):
            return Text(zh: "\(path) 中的 \(FolderTexts.manifest) 不是 rotation 写的（\(problem.text.zh)）；\(advice.text.zh)，或把该文件夹移走",
                        en: "\(path)/.rotation-manifest.json is not a manifest rotation wrote (\(problem.text.en)); \(advice.text.en), or move the folder away")
        case let .notAFolder(path, advice):
            return Text(zh: "\(path) 已存在，但不是文件夹；\(advice.text.zh)", en: "\(path) exists and is not a folder; \(advice.text.en)")
        case let .symbolicLink(path, advice):
            return Text(zh: "\(path) 是符号链接；rotation 既不替换链接，也不替换它指向的内容：请写出实际路径，或\(advice.action.zh)",
                        en: "\(path) is a symbolic link; rotation replaces neither a link nor what it points to: name the real path, or \(advice.text.en)")
        case .isFolder(let path):
            return Text(zh: "\(path) 是文件夹；请写出要写入的文件名（在该文件夹内或别处）",
                        en: "\(path) is a folder; name a file to write, inside it or elsewhere")
        case .notAFile(let path):
            return Text(zh: "\(path) 已存在，但不是普通文件；\(Advice.file.text.zh)",
                        en: "\(path) exists and is not a plain file; \(Advice.file.text.en)")
        case let .partOfFolder(path, folder, kind):
            let what = kind.map { Text(zh: "rotation 写出的\($0.noun.zh) \(folder)", en: "the \($0.noun.en) \(folder), written by rotation") }
                ?? Text(zh: "\(folder) 中 rotation 所写文件的记录", en: "\(folder)'s record of what rotation wrote")
            return Text(zh: "\(path) 属于 \(what.zh)；rotation 不逐个改动这种文件夹中的文件：\(Advice.file.text.zh)",
                        en: "\(path) is part of \(what.en); rotation does not change such a folder file by file: \(Advice.file.text.en)")
        case let .partOfScenario(path, folder):
            return Text(zh: "\(path) 是场景 \(folder) 的输入文件（该文件夹中有 scenario.yaml）；导出从不覆盖它：\(Advice.file.text.zh)",
                        en: "\(path) is an input of the scenario \(folder) (it holds scenario.yaml); an export never overwrites it: \(Advice.file.text.en)")
        case .workbookNeedsFile:
            return Text(zh: "`--format xlsx` 需要用 `--out 文件.xlsx` 指定要写入的工作簿（工作簿不能输出到屏幕）",
                        en: "--format xlsx needs --out FILE.xlsx (a workbook cannot go to standard output)")

        case let .cannotCreate(path, reason):
            return Text(zh: "无法创建 \(path)：\(reason.text.zh)", en: "cannot create \(path): \(reason.text.en)")
        case let .cannotWrite(path, reason):
            return Text(zh: "无法写入 \(path)：\(reason.text.zh)", en: "cannot write \(path): \(reason.text.en)")
        case let .cannotLook(path, reason):
            return Text(zh: "无法查看 \(path)：\(reason.text.zh)", en: "cannot look at \(path): \(reason.text.en)")
        case let .cannotList(path, reason):
            return Text(zh: "无法列出 \(path) 中的文件：\(reason.text.zh)", en: "cannot list \(path): \(reason.text.en)")
        case let .cannotRead(path, reason):
            return Text(zh: "无法读取 \(path)：\(reason.text.zh)", en: "cannot read \(path): \(reason.text.en)")
        case let .cannotOpen(path, reason):
            return Text(zh: "无法打开 \(path)：\(reason.text.zh)", en: "cannot open \(path): \(reason.text.en)")
        case let .cannotLock(path, reason):
            return Text(zh: "无法锁定 \(path)：\(reason.text.zh)", en: "cannot lock \(path): \(reason.text.en)")
        case let .cannotMoveIn(path, reason):
            return Text(zh: "无法把新的文件夹放到 \(path)：\(reason.text.zh)；原有内容未改动",
                        en: "cannot move the new folder into \(path): \(reason.text.en)")
        case let .cannotReplace(path, reason):
            return Text(zh: "无法替换 \(path)：\(reason.text.zh)；原有内容未改动", en: "cannot replace \(path): \(reason.text.en)")
        case let .readOnly(target, folder, reason):
            return Text(zh: "无法替换 \(target)：\(folder) 是只读的（\(reason.text.zh)）；原有内容未改动，请检查权限或换一个位置",
                        en: "cannot replace \(target): \(folder) is read-only (\(reason.text.en))")
        case .noTemporaryName(let parent):
            return Text(zh: "在 \(parent) 中找不到可用的临时文件名", en: "cannot find a free temporary name in \(parent)")
        case let .badFileName(path, name):
            return Text(zh: "无法写入 \(path)：`\(name)` 不是可用的文件名（或出现了两次）",
                        en: "cannot write \(path): \"\(name)\" is not a usable file name (or is given twice)")
        case let .oldLeftAside(path, reason, aside):
            return Text(zh: "无法把新的文件夹放到 \(path)：\(reason.text.zh)；原有的文件夹在 \(aside)，请把它移回原处",
                        en: "cannot move the new folder into \(path): \(reason.text.en); the old one is at \(aside): move it back")
        case let .movedAside(problem, target, now):
            return Text(zh: "\(problem.zh)；原来在 \(target) 的文件夹现在在 \(now)，请把它移回原处",
                        en: "\(problem.en); the folder that was at \(target) is now at \(now): move it back")
        }
    }
}
