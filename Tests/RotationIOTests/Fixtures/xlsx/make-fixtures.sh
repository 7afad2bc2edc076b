#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the xlsx fixtures (committed; run by hand, needs libreoffice-calc and libxlsxwriter-dev):
#   fenghua-workbook/scenario.xlsx  the sample scenario as one workbook, saved by LibreOffice (numbers
#                                   as number cells, months as date cells)
#   fenghua-per-file/*.xlsx         each CSV of the sample converted by LibreOffice's CSV import
#   cells.xlsx, inline.xlsx         one cell of each kind, written by libxlsxwriter
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sample="$here/../../../../scenarios/fenghua-2017"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/make_fods.py" "$sample" "$work/scenario.fods"
(cd "$work" && libreoffice --headless --convert-to xlsx scenario.fods >/dev/null)
mkdir -p "$here/fenghua-workbook" "$here/fenghua-per-file"
cp "$work/scenario.xlsx" "$here/fenghua-workbook/scenario.xlsx"
for csv in "$sample"/*.csv; do
    cp "$csv" "$work/"
    (cd "$work" && libreoffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx "$(basename "$csv")" >/dev/null)
    cp "$work/$(basename "$csv" .csv).xlsx" "$here/fenghua-per-file/"
done
gcc -o "$work/cells" "$here/cells.c" -lxlsxwriter
(cd "$here" && "$work/cells")
