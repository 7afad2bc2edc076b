#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the sample scenario's CSV files as one flat OpenDocument spreadsheet (FODS), a sheet per
file named by its Chinese name, as a clerk's workbook holds them: numbers as number cells, months
(2010-06, 1966年04月) as date cells showing the month, everything else as text. LibreOffice then
saves it as xlsx (see make-fixtures.sh). Usage: make_fods.py SCENARIO_DIR OUT.fods"""
import csv, re, sys
from xml.sax.saxutils import escape

SHEETS = [("units", "单位"), ("positions", "职位"), ("cadres", "干部"), ("assessments", "考核"),
          ("applications", "报名"), ("interviews", "面试"), ("evaluations", "测评"), ("transfer_fit", "调动适配度")]

def cell(value):
    if value == "":
        return "<table:table-cell/>"
    if re.fullmatch(r"\d+(\.\d+)?", value) and not (len(value) > 1 and value.startswith("0") and "." not in value):
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        return (f'<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="{m[1]}-{m[2]}-01">'
                f'<text:p>{value}</text:p></table:table-cell>')
    m = re.fullmatch(r"(\d{4})年(\d{2})月", value)
    if m:
        return (f'<table:table-cell table:style-name="ce2" office:value-type="date" office:date-value="{m[1]}-{m[2]}-01">'
                f'<text:p>{value}</text:p></table:table-cell>')
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'

def main(folder, out):
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
             'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
             'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
             'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
             'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
             'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
             '<office:automatic-styles>'
             '<number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text>'
             '<number:month number:style="long"/></number:date-style>'
             '<number:date-style style:name="N2"><number:year number:style="long"/><number:text>年</number:text>'
             '<number:month number:style="long"/><number:text>月</number:text></number:date-style>'
             '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
             '<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>'
             '</office:automatic-styles><office:body><office:spreadsheet>']
    for stem, name in SHEETS:
        with open(f"{folder}/{stem}.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        parts.append(f'<table:table table:name="{name}">')
        for row in rows:
            parts.append("<table:table-row>" + "".join(cell(v.strip()) for v in row) + "</table:table-row>")
        parts.append("</table:table>")
    parts.append("</office:spreadsheet></office:body></office:document>\n")
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join(parts))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
