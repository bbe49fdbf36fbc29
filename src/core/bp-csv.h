/* bp-csv.h: reading CSV as spreadsheets write it, through libcsv. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BP_CSV_ENCODING_UTF8,
  BP_CSV_ENCODING_WINDOWS_1252, /* detected: the bytes are not UTF-8 */
  BP_CSV_ENCODING_UTF16,        /* detected by its byte-order mark */
} BpCsvEncoding;

/* One record of the file: a row of the spreadsheet. */
typedef struct
{
  /* The row number a spreadsheet shows for it: the file's first line is
   * row 1 and every record one row, blank lines included. A quoted cell
   * with line breaks makes a record span several lines of text; @row is
   * still one row, and @line is the line of text the record starts on. */
  int row;
  int line;
  guint n_cells;
  char **cells; /* UTF-8; line breaks inside cells are "\n" */
} BpCsvRecord;

typedef struct
{
  /* Each record in order; return FALSE to stop reading. */
  gboolean (*record) (const BpCsvRecord *record, gpointer user_data);
  /* A problem with the file: @row 0 is the whole file. The message does
   * not name the file or the row. */
  void (*problem) (int row, gboolean is_error, const char *message, gpointer user_data);
} BpCsvCallbacks;

typedef struct
{
  BpCsvEncoding encoding;
  char delimiter;
  gboolean had_bom;
  int n_rows;    /* the last row number */
  int n_records;
  int n_errors;
} BpCsvInfo;

/* Reads @bytes as CSV (RFC 4180: quoted cells with delimiters, doubled
 * quotes and line breaks; CRLF, LF or CR line ends) and calls @callbacks.
 * A UTF-8 byte-order mark is dropped; text that is not UTF-8 is read as
 * Windows-1252 (with a warning), or as UTF-16 when it starts with that
 * byte-order mark; the delimiter is a comma unless the first line is
 * clearly separated by tabs or semicolons. Every problem is reported,
 * each on its row; returns FALSE when there was an error. */
gboolean bp_csv_read (GBytes *bytes, const BpCsvCallbacks *callbacks, gpointer user_data,
                      BpCsvInfo *out_info);

/* Reports a problem as the readers do: counted in @info when it is an
 * error, then given to @callbacks. For readers of other formats that give
 * their rows as records. */
void bp_csv_problem (const BpCsvCallbacks *callbacks, gpointer user_data, BpCsvInfo *info, int row,
                     gboolean is_error, const char *fmt, ...) G_GNUC_PRINTF (6, 7);

G_END_DECLS
