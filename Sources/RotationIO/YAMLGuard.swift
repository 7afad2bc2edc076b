// SPDX-License-Identifier: GPL-3.0-or-later
import CYaml
import RotationCore

/// Checks scenario.yaml before Yams builds anything from it.
///
/// A scenario needs plain keys and values only, so the guard refuses what makes YAML dangerous or
/// confusing, each at its real line (and column): a document larger than ``maxBytes``; a control
/// character (NUL, ESC, BEL …); an anchor (`&a`) or alias (`*a`) — a chain of aliases expands
/// exponentially; nesting deeper than ``maxDepth``; more than ``maxEvents`` values; a key that is
/// not a plain value (`? [a, b]`); a key given twice in one mapping. It walks libyaml's event
/// stream, which never expands an alias, so a hostile 1 KB document costs a few microseconds.
///
/// ```swift
/// YAMLGuard.problems(in: "a: &x 1\nb: *x\n", file: "scenario.yaml")
/// // [scenario.yaml:1: YAML anchors and aliases … are not accepted …, scenario.yaml:2: …]
/// ```
///
/// - Complexity: O(n) in the document's length (duplicate keys: a hash set per mapping).
public enum YAMLGuard {
    /// The largest scenario.yaml accepted (a real one is a few KB).
    public static let maxBytes = 1 << 20
    /// The deepest nesting of lists and mappings accepted (a scenario uses 3).
    public static let maxDepth = 32
    /// The most values (scalars, lists, mappings) accepted.
    public static let maxEvents = 100_000

    /// Every problem found; empty when Yams may compose the document. Stops at the first syntax
    /// error (later positions are not meaningful after it).
    public static func problems(in text: String, file: String) -> [InputProblem] {
        let bytes = Array(text.utf8)
        if bytes.count > maxBytes {
            return [InputProblem(file: file, line: 1, text: GuardTexts.yamlTooLarge(bytes: bytes.count, limit: maxBytes).text)]
        }
        if let control = firstControlCharacter(bytes) {
            return [InputProblem(file: file, line: control.line,
                                 text: GuardTexts.controlCharacter(TerminalText.escapedScalar(control.scalar), column: control.column).text)]
        }
        return walkEvents(bytes, file: file)
    }

    /// The first character YAML does not allow in a document (C0 controls except tab, LF and CR;
    /// DEL; C1 controls except NEL), with its 1-based line and column (in characters).
    static func firstControlCharacter(_ bytes: [UInt8]) -> (line: Int, column: Int, scalar: Unicode.Scalar)? {
        var line = 1
        var column = 0
        var previousWasCR = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            column += 1
            switch scalar.value {
            case 0x0A:
                if !previousWasCR { line += 1 }
                column = 0
                previousWasCR = false
                continue
            case 0x0D:
                line += 1
                column = 0
                previousWasCR = true
                continue
            case 0x09, 0xFEFF:
                break
            case 0x00...0x1F, 0x7F, 0x80...0x84, 0x86...0x9F, 0xFFFE, 0xFFFF:
                return (line, column, scalar)
            default:
                break
            }
            previousWasCR = false
        }
        return nil
    }

    /// A mapping or list being walked: for a mapping, whether the next value is a key, and the keys seen.
    private struct Level {
        let isMapping: Bool
        var expectsKey = true
        var keys: [String: Int] = [:]
    }

    private static func walkEvents(_ bytes: [UInt8], file: String) -> [InputProblem] {
        var problems: [InputProblem] = []
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return [InputProblem(file: file, line: 1, text: GuardTexts.yamlUnreadable.text)]
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        return bytes.withUnsafeBufferPointer { buffer -> [InputProblem] in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var stack: [Level] = []
            var count = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let mark = parser.problem_mark
                    let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
                    problems.append(InputProblem(file: file, line: Int(mark.line) + 1,
                                                 text: GuardTexts.yamlSyntax(problem, column: Int(mark.column) + 1).text))
                    return problems
                }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                count += 1
                if count > maxEvents {
                    problems.append(InputProblem(file: file, line: line, text: GuardTexts.yamlTooManyValues(limit: maxEvents).text))
                    return problems
                }
                var anchor: UnsafeMutablePointer<yaml_char_t>?
                var keyText: String?
                var isNode = true
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return problems
                case YAML_ALIAS_EVENT:
                    let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                    problems.append(InputProblem(file: file, line: line, text: GuardTexts.yamlAlias("*" + name, column: column).text))
                case YAML_SCALAR_EVENT:
                    anchor = event.data.scalar.anchor
                    keyText = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
                case YAML_SEQUENCE_START_EVENT:
                    anchor = event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT:
                    anchor = event.data.mapping_start.anchor
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    isNode = false
                    stack.removeLast()
                default:
                    isNode = false
                }
                if let anchor {
                    problems.append(InputProblem(file: file, line: line, text: GuardTexts.yamlAlias("&" + String(cString: anchor), column: column).text))
                }
                if isNode, !stack.isEmpty, stack[stack.count - 1].isMapping {
                    if stack[stack.count - 1].expectsKey {
                        if let key = keyText {
                            if let first = stack[stack.count - 1].keys[key] {
                                problems.append(InputProblem(file: file, line: line, column: key,
                                                             text: GuardTexts.duplicateKey(firstLine: first).text))
                            } else {
                                stack[stack.count - 1].keys[key] = line
                            }
                        } else if event.type != YAML_ALIAS_EVENT {
                            problems.append(InputProblem(file: file, line: line, text: GuardTexts.complexKey(column: column).text))
                        }
                    }
                    stack[stack.count - 1].expectsKey.toggle()
                }
                if event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT {
                    stack.append(Level(isMapping: event.type == YAML_MAPPING_START_EVENT))
                    if stack.count > maxDepth {
                        problems.append(InputProblem(file: file, line: line, text: GuardTexts.yamlTooDeep(limit: maxDepth).text))
                        return problems
                    }
                }
                // Problems are fatal anyway: past a few, the rest adds nothing.
                if problems.count >= 20 { return problems }
            }
        }
    }
}
