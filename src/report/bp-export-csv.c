/* bp-export-csv.c: an export as RFC 4180 CSV.
 *
 * UTF-8 with a byte-order mark: without it Excel reads the file as the
 * system's code page and "£" and "Café" come out garbled; LibreOffice and
 * `boardpack import` skip it. Records end in CRLF, as RFC 4180 has them;
 * line breaks inside a cell stay as they were typed, inside quotes. Dates
 * are YYYY-MM-DD, which every spreadsheet reads as a date in any locale.
 */
#include <string.h>

#include "bp-export-private.h"

/* One cell; text that a spreadsheet would run as a formula gets an
 * apostrophe first. Numbers and dates are Boardpack's own, never text. */
static void
append_cell (GString *out, const BpExportCell *cell)
{
  switch (cell->kind)
    {
    case BP_EXPORT_CELL_EMPTY:
      return;
    case BP_EXPORT_CELL_NUMBER:
    case BP_EXPORT_CELL_DATE:
      g_string_append (out, cell->text);
      return;
    case BP_EXPORT_CELL_TEXT:
    default:
      if (bp_export_is_formula_like (cell->text))
        {
          /* The apostrophe goes inside the quotes, so that the field is
           * quoted as a whole when the text needs it. */
          gsize start = out->len;

          bp_export_csv_append_field (out, cell->text);
          if (out->str[start] == '"')
            g_string_insert_c (out, start + 1, '\'');
          else
            g_string_insert_c (out, start, '\'');
        }
      else
        bp_export_csv_append_field (out, cell->text);
      return;
    }
}

GString *
bp_export_write_csv (BpExport *export)
{
  BpExportTable *table = bp_export_get_table (export);
  GString *out = g_string_sized_new (256 + (gsize) table->n_rows * table->n_columns * 24);

  g_string_append (out, "\xEF\xBB\xBF");
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      bp_export_csv_append_field (out, table->columns[c]);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < table->n_rows; r++)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_cell (out, bp_export_table_cell (table, r, c));
        }
      g_string_append (out, "\r\n");
    }
  return out;
}
