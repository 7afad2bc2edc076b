// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// A report as headings, paragraphs and tables, rendered alike as a terminal table, Markdown or HTML.
///
/// The report (`RunReport`) and the comparison (`Comparison`) each build one; the renderers know
/// nothing of cadres, so the three outputs always hold the same content.
public struct Document: Sendable {
    public var language: Language
    public var title: String
    public var subtitle: String?
    /// Short lines under the title (scenario, reference date, status …).
    public var meta: [String]
    public var sections: [Section]
    /// Closing lines (how the document was made).
    public var footer: [String]
    /// Show each meta line on its own line (long ones, such as the two runs of a comparison).
    public var metaOnSeparateLines = false
    /// An internal document: printed with 内部资料 注意保密 at the top of every page and 第 X 页 共 Y 页 at the foot.
    public var isInternal = false

    public init(language: Language, title: String, subtitle: String? = nil, meta: [String] = [], sections: [Section] = [],
                footer: [String] = []) {
        self.language = language; self.title = title; self.subtitle = subtitle; self.meta = meta
        self.sections = sections; self.footer = footer
    }

    public struct Section: Sendable {
        public var heading: String
        public var blocks: [Block]
        public init(_ heading: String, _ blocks: [Block]) { self.heading = heading; self.blocks = blocks }
    }

    public enum Block: Sendable {
        case paragraph(String)
        /// A smaller explanatory line.
        case note(String)
        case table(Table)
        case flow(FlowMatrix)
    }

    /// How a row or cell reads in a comparison: added (green), removed (red), changed (yellow).
    public enum Tone: String, Sendable { case added, removed, changed }

    public struct Row: Sendable {
        public var cells: [String]
        /// Rows with the same group merge the table's `mergedColumns` (HTML rowspan; blank repeats elsewhere).
        public var group: Int?
        public var tone: Tone?
        /// A bold row (the proposed appointee of a shortlist).
        public var strong: Bool
        public init(_ cells: [String], group: Int? = nil, tone: Tone? = nil, strong: Bool = false) {
            self.cells = cells; self.group = group; self.tone = tone; self.strong = strong
        }
    }

    public struct Table: Sendable {
        public var header: [String]
        public var rows: [Row]
        /// Right-aligned columns (scores, counts).
        public var numericColumns: Set<Int>
        /// Columns merged over the rows of one group.
        public var mergedColumns: Set<Int>
        /// Columns kept on one line in HTML (codes, names, short labels), so the long ones wrap instead.
        public var nowrapColumns: Set<Int>
        /// The column that `tone` colours in a terminal (the whole row is tinted in HTML).
        public var toneColumn: Int?
        /// Shown instead of the table when it has no rows.
        public var empty: String

        public init(header: [String], rows: [Row], numericColumns: Set<Int> = [], mergedColumns: Set<Int> = [],
                    nowrapColumns: Set<Int> = [], toneColumn: Int? = nil, empty: String = "") {
            self.header = header; self.rows = rows; self.numericColumns = numericColumns
            self.mergedColumns = mergedColumns; self.nowrapColumns = nowrapColumns; self.toneColumn = toneColumn
            self.empty = empty
        }

        /// Cells of `row` with merged repeats blanked (for renderers without rowspan).
        func displayCells(_ index: Int) -> [String] {
            let row = rows[index]
            guard index > 0, let group = row.group, rows[index - 1].group == group else { return row.cells }
            return row.cells.enumerated().map { mergedColumns.contains($0.offset) ? "" : $0.element }
        }

        /// How many rows from `index` share its group (1 when ungrouped), and whether `index` starts the group.
        func span(at index: Int) -> (starts: Bool, count: Int) {
            guard let group = rows[index].group else { return (true, 1) }
            if index > 0 && rows[index - 1].group == group { return (false, 0) }
            var count = 1
            while index + count < rows.count && rows[index + count].group == group { count += 1 }
            return (true, count)
        }
    }
}

/// Moves between units: who left which unit for which, by competition or by organizational transfer.
public struct FlowMatrix: Sendable {
    public struct Unit: Sendable, Equatable {
        public var id: UnitID
        public var name: String
    }

    public struct Cell: Sendable, Equatable {
        public var competition = 0
        public var transfer = 0
        public var total: Int { competition + transfer }
    }

    /// Units that send or receive anyone: departments first, then towns, each by id.
    public var units: [Unit]
    /// cells[from][to].
    public var cells: [[Cell]]
    /// Labels: row axis, column axis, the two kinds, totals.
    public var fromLabel: String
    public var toLabel: String
    public var competitionLabel: String
    public var transferLabel: String
    public var totalLabel: String

    public init(run: Run, words: Words) {
        var involved = Set<UnitID>()
        for placement in run.plan.placements { involved.insert(placement.fromUnitID); involved.insert(placement.toUnitID) }
        let kindOrder: (UnitID) -> Int = { run.unitByID[$0]?.kind == .town ? 1 : 0 }
        let ordered = involved.sorted { lhs, rhs in
            kindOrder(lhs) != kindOrder(rhs) ? kindOrder(lhs) < kindOrder(rhs) : idPrecedes(lhs, rhs)
        }
        units = ordered.map { Unit(id: $0, name: run.unitName($0)) }
        let position = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element, $0.offset) })
        var grid = Array(repeating: Array(repeating: Cell(), count: ordered.count), count: ordered.count)
        for placement in run.plan.placements {
            guard let from = position[placement.fromUnitID], let to = position[placement.toUnitID] else { continue }
            if placement.isTransfer { grid[from][to].transfer += 1 } else { grid[from][to].competition += 1 }
        }
        cells = grid
        fromLabel = words.say("调出单位", "from unit")
        toLabel = words.say("调入单位", "to unit")
        competitionLabel = words.phase(.competition)
        transferLabel = words.phase(.transfer)
        totalLabel = words.say("合计", "total")
    }

    public var isEmpty: Bool { units.isEmpty }

    public func rowTotal(_ from: Int) -> Cell {
        cells[from].reduce(into: Cell()) { $0.competition += $1.competition; $0.transfer += $1.transfer }
    }

    public func columnTotal(_ to: Int) -> Cell {
        cells.reduce(into: Cell()) { $0.competition += $1[to].competition; $0.transfer += $1[to].transfer }
    }

    /// `2`, `1+1` … as text: competition count, then `+N` transfers marked with the transfer label's first letter.
    public func text(_ cell: Cell, zh: Bool) -> String {
        switch (cell.competition, cell.transfer) {
        case (0, 0): return ""
        case (let c, 0): return "\(c)"
        case (0, let t): return zh ? "调\(t)" : "T\(t)"
        case (let c, let t): return zh ? "\(c)+调\(t)" : "\(c)+T\(t)"
        }
    }

    /// The flow as a table (for Markdown and terminals): rows from, columns to.
    public func table(zh: Bool) -> Document.Table {
        let header = ["\(fromLabel) \\ \(toLabel)"] + units.map(\.name) + [totalLabel]
        var rows: [Document.Row] = []
        for (from, unit) in units.enumerated() {
            rows.append(Document.Row([unit.name] + units.indices.map { to in from == to ? "—" : text(cells[from][to], zh: zh) }
                + [text(rowTotal(from), zh: zh)]))
        }
        let all = units.indices.reduce(into: Cell()) { total, from in
            let row = rowTotal(from)
            total.competition += row.competition; total.transfer += row.transfer
        }
        rows.append(Document.Row([totalLabel] + units.indices.map { text(columnTotal($0), zh: zh) } + [text(all, zh: zh)], strong: true))
        return Document.Table(header: header, rows: rows, numericColumns: Set(1...(units.count + 1)))
    }
}
