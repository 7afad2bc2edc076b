// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// The public notice (公示) of the proposed appointments (C-NOTICE), for every unit or for one unit.
///
/// Privacy is a requirement: the notice reads only a cadre's name, gender, birth month, education,
/// current unit and post, and the proposed unit and post. It never reads scores, assessments,
/// evaluations, flags, eligibility findings or rule IDs; `Row` holds exactly what is printed.
/// The issuer, the 公示期 and the contact come from the scenario's `notice:` settings (`Run.notice`);
/// a missing item prints as a blank to fill in by hand.
///
/// The same `content()` is rendered as a printable A4 HTML page (`html()`) and as a Word document
/// (`NoticeDocx`), so both show the same table.
///
/// ```swift
/// let all = PublicNotice(run: run).html()
/// let civilAffairs = PublicNotice(run: run, unit: "MZJ").html()   // appointees leaving or joining MZJ
/// ```
public struct PublicNotice: Sendable, Worded {
    /// One line of the notice: everything it shows about one person.
    public struct Row: Sendable, Equatable {
        public var name: String
        public var gender: String
        public var birthMonth: String
        public var education: String
        public var currentPost: String
        public var proposedPost: String
    }

    /// What a notice prints, in order, whatever the format.
    public struct Content: Sendable, Equatable {
        public var title: String
        /// The unit of a unit's notice, under the title.
        public var subtitle: String?
        public var lead: String
        public var header: [String]
        public var rows: [[String]]
        /// Shown instead of an empty table.
        public var empty: String
        /// 公示时间, 公示范围, the objection procedure.
        public var closing: [String]
        /// 受理电话, address, e-mail.
        public var contact: [String]
        /// The signature (发布单位) and the date, right-aligned.
        public var issuer: String
        public var date: String
    }

    public let run: Run
    public let words: Words
    /// One unit's notice (its appointees leaving or joining it); nil: every unit.
    public let unitID: UnitID?

    public init(run: Run, language: Language? = nil, unit: UnitID? = nil) {
        self.run = run
        self.words = Words(language ?? run.language)
        self.unitID = unit
    }

    var language: Language { words.language }

    /// The placements this notice shows: competition placements, then organizational transfers, as the plan lists them.
    func placements() -> [Plan.Placement] {
        guard let unitID else { return run.plan.placements }
        return run.plan.placements.filter { $0.fromUnitID == unitID || $0.toUnitID == unitID }
    }

    /// The proposed appointments this notice shows.
    public func rows() -> [Row] {
        placements().map { placement in
            let cadre = run.cadreByID[placement.cadreID]
            return Row(name: cadre?.name ?? placement.cadreID.rawValue, gender: cadre.map { words.gender($0.gender) } ?? "",
                       birthMonth: cadre.map { words.birthMonth($0.birth) } ?? "",
                       education: cadre.map { words.education($0.education) } ?? "",
                       currentPost: run.currentPostPhrase(of: placement.cadreID, words),
                       proposedPost: run.positionPhrase(placement.positionID, words))
        }
    }

    /// Units where the notice is posted: each appointee's own unit and the unit they move to, in plan order.
    public func units() -> [UnitID] {
        var seen = Set<UnitID>()
        var ids: [UnitID] = []
        for placement in placements() {
            for unitID in [placement.fromUnitID, placement.toUnitID] where seen.insert(unitID).inserted { ids.append(unitID) }
        }
        return ids
    }

    /// Every unit that has a notice (an appointee leaves or joins it), in id order: what `--per-unit` writes.
    public static func unitsWithNotices(_ run: Run) -> [UnitID] {
        Set(run.plan.placements.flatMap { [$0.fromUnitID, $0.toUnitID] }).sorted(by: idPrecedes)
    }

    public var title: String { NoticeTexts.title(run.scenarioName)(language) }

    /// `（区民政局）` under the title of a unit's notice.
    public var subtitle: String? { unitID.map { NoticeTexts.unitSubtitle(run.unitName($0))(language) } }

    /// Everything the notice prints.
    public func content() -> Content {
        let rows = rows()
        let settings = run.notice
        let lead = unitID.map { NoticeTexts.unitLead(run.unitName($0), rows.count) } ?? NoticeTexts.lead(rows.count)
        var closing: [String] = []
        if let start = settings.periodStart, let end = settings.periodEnd {
            closing.append(NoticeTexts.period(start.written(language), end.written(language))(language))
        } else {
            closing.append(NoticeTexts.periodBlank(language))
        }
        if let unitID {
            let others = units().filter { $0 != unitID }.map(run.unitName)
            closing.append(NoticeTexts.scopeUnit(run.unitName(unitID), words.list(others))(language))
        } else {
            closing.append(NoticeTexts.scopeAll(language))
        }
        closing.append(NoticeTexts.objections(language))
        var contact = [NoticeTexts.phone(settings.phone)(language)]
        if let address = settings.address { contact.append(NoticeTexts.address(address)(language)) }
        if let email = settings.email { contact.append(NoticeTexts.email(email)(language)) }
        return Content(
            title: title, subtitle: subtitle, lead: lead(language),
            header: [NoticeTexts.columnNumber, .columnName, .columnGender, .columnBirth, .columnEducation, .columnCurrent,
                     .columnProposed].map { $0(language) },
            rows: rows.enumerated().map { offset, row in
                ["\(offset + 1)", row.name, row.gender, row.birthMonth, row.education, row.currentPost, row.proposedPost]
            },
            empty: NoticeTexts.noAppointees(language), closing: closing, contact: contact,
            issuer: settings.issuer ?? NoticeTexts.issuerBlank(language),
            date: settings.date?.written(language) ?? NoticeTexts.dateBlank(language))
    }

    /// Columns centred and kept on one line: number, gender, birth month (and name, education in Chinese).
    static func centred(_ column: Int, zh: Bool) -> Bool { zh ? [0, 1, 2, 3, 4].contains(column) : [0, 2, 3].contains(column) }

    /// The notice as one printable A4 page per 15 appointees or so: the table's header repeats on each
    /// page, no row is cut, and the closing (公示期, contact, signature) stays together.
    public func html() -> String {
        let content = content()
        var body = "<article class=\"notice\">\n<h1>\(HTML.escape(content.title))</h1>\n"
        if let subtitle = content.subtitle { body += "<p class=\"unit\">\(HTML.escape(subtitle))</p>\n" }
        body += "<p class=\"lead\">\(HTML.escape(content.lead))</p>\n"
        if content.rows.isEmpty {
            body += "<p class=\"empty\">\(HTML.escape(content.empty))</p>\n"
        } else {
            body += "<table>\n<colgroup><col class=\"n\"><col class=\"name\"><col class=\"g\"><col class=\"b\"><col class=\"e\">"
                + "<col class=\"post\"><col class=\"post\"></colgroup>\n"
            body += "<thead><tr>" + content.header.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in content.rows {
                body += "<tr>" + row.enumerated().map { column, cell in
                    Self.centred(column, zh: words.zh) ? "<td class=\"c\">\(HTML.escape(cell))</td>" : "<td>\(HTML.escape(cell))</td>"
                }.joined() + "</tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        body += "<div class=\"closing\">\n"
        body += content.closing.map { "<p>\(HTML.escape($0))</p>\n" }.joined()
        body += content.contact.map { "<p>\(HTML.escape($0))</p>\n" }.joined()
        body += "<div class=\"sign\"><p>\(HTML.escape(content.issuer))</p><p>\(HTML.escape(content.date))</p></div>\n"
        body += "</div>\n</article>\n"
        let style = """
        @page { size: A4; margin: 16mm 18mm 14mm 18mm; }
        body { max-width: 174mm; }
        .notice h1 { font-size: 16pt; margin: 0 0 1mm; line-height: 1.35; }
        .notice p.unit { text-align: center; text-indent: 0; font-size: 12pt; margin: 0; }
        .notice p { font-size: 11pt; text-indent: 2em; line-height: 1.5; margin: 0; }
        .notice p.lead { margin-top: 3mm; }
        .notice p.empty { text-indent: 0; }
        .notice table { font-size: 9.5pt; line-height: 1.22; margin: 2mm 0 2.5mm; table-layout: fixed; }
        .notice th { white-space: nowrap; padding: 1mm 0.5mm; }
        .notice td { padding: 0.7mm 1mm; }
        .notice td.c { text-align: center; white-space: nowrap; }
        .notice col.n { width: 8mm; } .notice col.name { width: 15mm; } .notice col.g { width: 8mm; }
        .notice col.b { width: 16mm; } .notice col.e { width: \(words.zh ? 10 : 24)mm; }
        .notice .closing { break-inside: avoid; page-break-inside: avoid; }
        .notice .sign { margin: 4mm 6mm 0 0; text-align: right; }
        .notice .sign p { text-indent: 0; margin: 0; text-align: right; }
        """
        return HTML.page(title: content.title + (content.subtitle ?? ""), language: words.language, body: body, extraStyle: style)
    }
}
