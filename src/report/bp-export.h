/* bp-export.h: the action plan, the risk register and the scorecard as
 * CSV, XLSX and a publishable HTML page.
 *
 * An export is read once from the file by bp_export_load() and can then be
 * written in any format. The CSV imports back (`boardpack import`) to the
 * same data; the XLSX has the same columns with real dates, numbers and
 * RAG fills; the HTML is one self-contained accessible page with the same
 * charts as the board pack, drawn as inline SVG.
 *
 * Text cells that a spreadsheet would read as a formula (beginning with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) are written with an
 * apostrophe before them in CSV and XLSX, so that opening an export never
 * runs what someone typed into an action or a risk.
 */
#pragma once

#include <glib.h>

#include "bp-db.h"

G_BEGIN_DECLS

typedef enum
{
  BP_EXPORT_ACTIONS,
  BP_EXPORT_RISKS,
  BP_EXPORT_SCORECARD,
} BpExportWhat;

typedef enum
{
  BP_EXPORT_CSV,
  BP_EXPORT_XLSX,
  BP_EXPORT_HTML,
} BpExportFormat;

typedef struct
{
  /* The date overdue actions are counted on (HTML), YYYY-MM-DD; NULL for
   * today. */
  const char *as_of;
} BpExportOptions;

typedef struct _BpExport BpExport;

/* "actions", "risks", "scorecard" / "csv", "xlsx", "html", case ignored. */
gboolean bp_export_what_parse (const char *text, BpExportWhat *out_what);
gboolean bp_export_format_parse (const char *text, BpExportFormat *out_format);
/* "csv", "xlsx", "html". */
const char *bp_export_format_extension (BpExportFormat format);

/* Reads what an export of @what needs from @db. Errors are the file's
 * (BP_ERROR_*, as bp_error_exit_code() maps them). */
BpExport *bp_export_load (BpDb *db, BpExportWhat what, const BpExportOptions *options,
                          GError **error);
void bp_export_free (BpExport *export);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpExport, bp_export_free)

/* The export in @format, in memory (an XLSX passes through a temporary
 * file). NULL with BP_ERROR_IO when it cannot be written. */
GBytes *bp_export_render (BpExport *export, BpExportFormat format, GError **error);
/* Writes the export to @path, replacing it only once the whole export is
 * written: on failure @path is left as it was. BP_ERROR_IO on failure. */
gboolean bp_export_save (BpExport *export, BpExportFormat format, const char *path,
                         GError **error);

/* TRUE when a spreadsheet would take @text for a formula: it begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return. */
gboolean bp_export_is_formula_like (const char *text);
/* @text as a CSV or XLSX text cell holds it: with an apostrophe before it
 * when it is formula-like. Newly allocated; "" for NULL. */
char *bp_export_neutralise (const char *text);
/* Appends @text to @line as one RFC 4180 field: quoted, with quotes
 * doubled, when it holds a comma, a quote, a line break or starts or ends
 * with a space. Does not neutralise. */
void bp_export_csv_append_field (GString *line, const char *text);

G_END_DECLS
