/* bp-workbook.h: reading spreadsheets as Excel and LibreOffice save them
 * (.xlsx, .ods), through libgsf and libxml2's streaming reader. A sheet
 * is read row by row into the same records the CSV reader gives
 * (bp-csv.h), so that every import reads a workbook as it reads CSV. */
#pragma once

#include <glib.h>

#include "bp-csv.h"

G_BEGIN_DECLS

typedef enum
{
  BP_SOURCE_CSV, /* anything that is not one of the others */
  BP_SOURCE_ZIP, /* a zip archive: .xlsx, .ods, or something else */
  BP_SOURCE_OLE, /* a compound file: old .xls, or a workbook with a password */
} BpSourceFormat;

/* What @bytes are, by their first bytes. */
BpSourceFormat bp_workbook_sniff (GBytes *bytes);

typedef struct _BpWorkbook BpWorkbook;

/* Opens @bytes (kept, not copied) as a workbook. A compound file is
 * refused with what it is (an old .xls and how to convert it, a workbook
 * with a password), as is a zip archive that holds no workbook; the
 * message does not name the file. */
BpWorkbook *bp_workbook_open (GBytes *bytes, GError **error);
void bp_workbook_free (BpWorkbook *wb);

guint bp_workbook_get_n_sheets (BpWorkbook *wb);
const char *bp_workbook_get_sheet_name (BpWorkbook *wb, guint index);
gboolean bp_workbook_get_sheet_hidden (BpWorkbook *wb, guint index);
/* The index of the sheet of that name (any case), or -1. */
int bp_workbook_find_sheet (BpWorkbook *wb, const char *name);

/* Reads sheet @index row by row into @callbacks, as bp_csv_read () does:
 * each row that has cells is one record (the cells' text as the sheet
 * shows it: dates as YYYY-MM-DD, percents as "45%", booleans as TRUE or
 * FALSE, a formula's last result), a merged block's value fills every row
 * of its first column, and @out_info->n_rows is the last row. A cell
 * whose formula gives an error (#REF!) is an error on its row. Memory is
 * bounded by the longest row and the workbook's shared strings, not by
 * the number of rows. FALSE when there was an error. */
gboolean bp_workbook_read_sheet (BpWorkbook *wb, guint index, const BpCsvCallbacks *callbacks,
                                 gpointer user_data, BpCsvInfo *out_info);

/* "B12" for column 1 (0-based), row 12. Newly allocated. */
char *bp_workbook_cell_name (guint column, int row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpWorkbook, bp_workbook_free)

G_END_DECLS
