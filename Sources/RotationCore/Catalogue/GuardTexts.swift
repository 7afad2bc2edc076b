// SPDX-License-Identifier: GPL-3.0-or-later

/// Messages of the guards against hostile or broken input and of the safe-write machinery: a
/// scenario.yaml with aliases or control characters, an input that is not a plain file, a model
/// too large for the machine's memory, a write interrupted by a signal.
public enum GuardTexts: CatalogueChapter {
    case yamlTooLarge(bytes: Int, limit: Int)
    /// A character YAML does not allow (already escaped, e.g. `\u{0}`), at a column of the line.
    case controlCharacter(String, column: Int)
    case yamlUnreadable
    /// libyaml's own description of a syntax error (English), at a column.
    case yamlSyntax(String, column: Int)
    case yamlTooManyValues(limit: Int)
    case yamlTooDeep(limit: Int)
    /// An anchor (`&a`) or alias (`*a`) at a column.
    case yamlAlias(String, column: Int)
    case duplicateKey(firstLine: Int)
    case complexKey(column: Int)
    /// A reference date before 1900 (no cadre's record reaches back so far).
    case referenceDateTooEarly(String)
    /// The input is a fifo, socket or device (kind already in words of both languages below).
    case notAPlainFile(InputKind)
    case fileTooLarge(bytes: Int, limit: Int)
    case cannotRead(String)
    /// The estimated memory of the model is above the budget.
    case memoryBudget(estimate: Int, budget: Int, cadres: Int, positions: Int)
    /// A signal stopped a write: what was left.
    case interrupted(signal: String, kept: Bool)

    /// What an input path turned out to be.
    public enum InputKind: Sendable {
        case fifo, device, socket, folder, other
    }

    public static let chapter = "guard"
    public static let examples: [GuardTexts] = [
        .yamlTooLarge(bytes: 2_000_000, limit: 1_048_576), .controlCharacter("\\u{0}", column: 5), .yamlUnreadable,
        .yamlSyntax("mapping values are not allowed in this context", column: 7), .yamlTooManyValues(limit: 100_000),
        .yamlTooDeep(limit: 32), .yamlAlias("*a7", column: 5), .duplicateKey(firstLine: 8), .complexKey(column: 3), .referenceDateTooEarly("1291-10"),
        .notAPlainFile(.fifo), .notAPlainFile(.device), .notAPlainFile(.socket), .notAPlainFile(.folder), .notAPlainFile(.other),
        .fileTooLarge(bytes: 3_000_000_000, limit: 1_073_741_824), .cannotRead("Permission denied"),
        .memoryBudget(estimate: 24_000_000_000, budget: 8_000_000_000, cadres: 40_000, positions: 9_000),
        .interrupted(signal: "SIGINT", kept: true), .interrupted(signal: "SIGTERM", kept: false),
    ]

    public var text: Text {
        switch self {
        case let .yamlTooLarge(bytes, limit):
            Text(zh: "文件有 \(bytes) 字节，超过上限 \(limit) 字节；情景设置通常只有几千字节，请检查是否选错了文件",
                 en: "the file has \(bytes) bytes, more than the limit of \(limit); a scenario's settings take a few thousand: check that this is the right file")
        case let .controlCharacter(shown, column):
            Text(zh: "第 \(column) 列有控制字符 \(shown)，YAML 不允许；请删除它（常见于从别处复制粘贴）",
                 en: "column \(column): control character \(shown), which YAML does not allow; delete it (it often comes with copy and paste)")
        case .yamlUnreadable:
            Text(zh: "无法读取 YAML", en: "the YAML cannot be read")
        case let .yamlSyntax(problem, column):
            Text(zh: "第 \(column) 列：不是有效的 YAML（`\(problem)`）；请检查冒号、缩进和引号",
                 en: "column \(column): not valid YAML: \(problem); check the colons, indentation and quotes")
        case .yamlTooManyValues(let limit):
            Text(zh: "值超过 \(limit) 个，情景设置用不到这么多；请检查是否选错了文件",
                 en: "more than \(limit) values, far more than a scenario's settings hold; check that this is the right file")
        case .yamlTooDeep(let limit):
            Text(zh: "嵌套超过 \(limit) 层，情景设置最多用 3 层", en: "nested more than \(limit) levels deep; a scenario's settings use 3")
        case let .yamlAlias(token, column):
            Text(zh: "第 \(column) 列：不接受 YAML 锚点和别名（\(token)）；请把值直接写出来",
                 en: "column \(column): YAML anchors and aliases (\(token)) are not accepted; write the value out")
        case .duplicateKey(let first):
            Text(zh: "同一个键写了两次（第一次在第 \(first) 行）；请删去其中一个",
                 en: "this key is given twice (first on line \(first)); delete one of them")
        case .complexKey(let column):
            Text(zh: "第 \(column) 列：键必须是一个简单的名称，例如 `mode:`",
                 en: "column \(column): a key must be a plain name such as `mode:`")
        case .referenceDateTooEarly(let date):
            Text(zh: "\(date) 早于 1900 年，不是有效的基准日期；请写实际的月份，例如 2017-10",
                 en: "\(date) is before 1900, not a usable reference date; write the real month, e.g. 2017-10")
        case .notAPlainFile(let kind):
            switch kind {
            case .fifo: Text(zh: "这是一个管道，不是普通文件；请提供保存在磁盘上的文件",
                             en: "this is a pipe (fifo), not a plain file; give a file saved on disk")
            case .device: Text(zh: "这是一个设备，不是普通文件；请提供保存在磁盘上的文件",
                               en: "this is a device, not a plain file; give a file saved on disk")
            case .socket: Text(zh: "这是一个套接字，不是普通文件；请提供保存在磁盘上的文件",
                               en: "this is a socket, not a plain file; give a file saved on disk")
            case .folder: Text(zh: "这是一个文件夹，不是文件", en: "this is a folder, not a file")
            case .other: Text(zh: "这不是普通文件；请提供保存在磁盘上的文件", en: "this is not a plain file; give a file saved on disk")
            }
        case let .fileTooLarge(bytes, limit):
            Text(zh: "文件有 \(bytes) 字节，超过上限 \(limit) 字节；请检查是否选错了文件",
                 en: "the file has \(bytes) bytes, more than the limit of \(limit); check that this is the right file")
        case .cannotRead(let reason):
            Text(zh: "无法读取（`\(reason)`）；请检查文件权限", en: "cannot read it (\(reason)); check the file's permissions")
        case let .memoryBudget(estimate, budget, cadres, positions):
            Text(zh: "求解 \(cadres) 名干部、\(positions) 个职位的模型估计需要 \(GuardTexts.megabytes(estimate)) 兆字节内存，超过预算 \(GuardTexts.megabytes(budget)) 兆字节；"
                    + "什么都没有写。可以把情景拆分（例如按单位或职级分批），或者在内存更大的机器上运行，或者用 `--memory-budget` 指定更大的预算（单位为兆字节）",
                 en: "the model for \(cadres) cadres and \(positions) positions needs an estimated \(GuardTexts.megabytes(estimate)) MB of memory, "
                    + "more than the budget of \(GuardTexts.megabytes(budget)) MB; nothing was written. Split the scenario (e.g. by unit or level), "
                    + "run it on a machine with more memory, or raise the budget with `--memory-budget` (in MB)")
        case let .interrupted(signal, kept):
            kept ? Text(zh: "收到 `\(signal)`，已停止：原有的结果文件夹未改动，临时文件已删除",
                        en: "stopped by \(signal): the earlier folder is unchanged and the temporary files are removed")
                 : Text(zh: "收到 `\(signal)`，新的结果已完整写入后停止",
                        en: "stopped by \(signal) once the new folder was completely in place")
        }
    }

    /// Bytes in whole megabytes (rounded up), for messages.
    static func megabytes(_ bytes: Int) -> Int { (bytes + (1 << 20) - 1) >> 20 }
}
