/* SPDX-License-Identifier: GPL-3.0-or-later
 * Writes cells.xlsx (shared strings) and inline.xlsx (inline strings, constant-memory mode) with
 * libxlsxwriter: one cell of each kind the scenario reader must read as a person sees it.
 * Column A: what the reader must give; column B: the cell. See make-fixtures.sh. */
#include <xlsxwriter.h>

static void cells(lxw_workbook *workbook) {
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "cells");
    lxw_format *month = workbook_add_format(workbook);
    format_set_num_format(month, "yyyy-mm");
    lxw_format *chinese = workbook_add_format(workbook);
    format_set_num_format(chinese, "yyyy\"年\"m\"月\"");
    lxw_format *padded = workbook_add_format(workbook);
    format_set_num_format(padded, "000");
    lxw_format *text = workbook_add_format(workbook);
    format_set_num_format(text, "@");
    lxw_format *red = workbook_add_format(workbook);
    format_set_font_color(red, LXW_COLOR_RED);
    lxw_datetime october = {2017, 10, 15, 0, 0, 0};
    lxw_datetime first = {2017, 10, 1, 0, 0, 0};
    lxw_datetime early = {1900, 1, 15, 0, 0, 0};
    lxw_datetime march = {1900, 3, 1, 0, 0, 0};
    int row = 0;
    worksheet_write_string(sheet, row, 0, "expected", NULL);
    worksheet_write_string(sheet, row++, 1, "cell", NULL);
    worksheet_write_string(sheet, row, 0, "007", NULL); worksheet_write_string(sheet, row++, 1, "007", text);
    worksheet_write_string(sheet, row, 0, "85.5", NULL); worksheet_write_number(sheet, row++, 1, 85.5, NULL);
    worksheet_write_string(sheet, row, 0, "0.3", NULL); worksheet_write_number(sheet, row++, 1, 0.1 + 0.2, NULL);
    worksheet_write_string(sheet, row, 0, "0.0000001", NULL); worksheet_write_number(sheet, row++, 1, 1e-7, NULL);
    worksheet_write_string(sheet, row, 0, "123456789012346000", NULL); worksheet_write_number(sheet, row++, 1, 123456789012345678.0, NULL);
    worksheet_write_string(sheet, row, 0, "2017-10", NULL); worksheet_write_datetime(sheet, row++, 1, &october, month);
    worksheet_write_string(sheet, row, 0, "2017-10", NULL); worksheet_write_datetime(sheet, row++, 1, &first, chinese);
    worksheet_write_string(sheet, row, 0, "1900-01", NULL); worksheet_write_datetime(sheet, row++, 1, &early, month);
    worksheet_write_string(sheet, row, 0, "1900-03", NULL); worksheet_write_datetime(sheet, row++, 1, &march, month);
    worksheet_write_string(sheet, row, 0, "2014.1", NULL); worksheet_write_number(sheet, row++, 1, 2014.10, NULL);
    worksheet_write_string(sheet, row, 0, "007", NULL); worksheet_write_number(sheet, row++, 1, 7, padded);
    worksheet_write_string(sheet, row, 0, "TRUE", NULL); worksheet_write_boolean(sheet, row++, 1, 1, NULL);
    worksheet_write_string(sheet, row, 0, "ab", NULL); worksheet_write_formula_str(sheet, row++, 1, "=\"a\"&\"b\"", NULL, "ab");
    worksheet_write_string(sheet, row, 0, "红色黑色", NULL);
    lxw_rich_string_tuple run1 = {.format = red, .string = "红色"};
    lxw_rich_string_tuple run2 = {.format = NULL, .string = "黑色"};
    lxw_rich_string_tuple *runs[] = {&run1, &run2, NULL};
    worksheet_write_rich_string(sheet, row++, 1, runs, NULL);
    worksheet_write_string(sheet, row, 0, "-3", NULL); worksheet_write_number(sheet, row++, 1, -3, NULL);
    worksheet_write_string(sheet, row, 0, "张三", NULL); worksheet_write_string(sheet, row++, 1, "张三", NULL);
}

int main(void) {
    lxw_workbook *shared = workbook_new("cells.xlsx");
    cells(shared);
    if (workbook_close(shared) != LXW_NO_ERROR) return 1;
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *inline_strings = workbook_new_opt("inline.xlsx", &options);
    cells(inline_strings);
    return workbook_close(inline_strings) == LXW_NO_ERROR ? 0 : 1;
}
