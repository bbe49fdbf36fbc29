/* bp-import.h: bringing a plan, a risk register, a scorecard or owners'
 * updates in from a spreadsheet saved as CSV. */
#pragma once

#include <glib-object.h>

#include "bp-db.h"

G_BEGIN_DECLS

typedef enum
{
  BP_IMPORT_ACTIONS,  /* the plan: priority areas, actions, owners, updates */
  BP_IMPORT_RISKS,    /* the risk register, with mitigations */
  BP_IMPORT_MEASURES, /* the scorecard: long (one value a row) or wide (a column a period) */
  BP_IMPORT_UPDATES,  /* progress updates on existing actions */
} BpImportKind;

const char *bp_import_kind_to_string (BpImportKind kind);
gboolean bp_import_kind_parse (const char *text, BpImportKind *out_kind);

/* A problem found on a row of the source (line 0: the whole source). */
typedef struct
{
  int line;
  char *message; /* without the source and line */
  char *text;    /* "SOURCE:LINE: message" or "SOURCE: warning: message" */
} BpImportMessage;

/* What an import did, or would do (a dry run). */
typedef struct
{
  BpImportKind kind;
  char *source;
  gboolean dry_run;
  gboolean written; /* committed to the file */

  int rows;         /* rows read below the header, headings included */
  int blank_rows;   /* rows below the header with nothing in them */
  int heading_rows; /* "Priority 1: ..." alone on a row, above its actions */

  int actions_created, actions_updated, actions_unchanged;
  int priorities_created, people_created, organisations_created;
  int updates_added, updates_already_there;
  int risks_created, risks_updated, risks_unchanged, mitigations_added;
  int measures_created, measures_updated;
  int values_created, values_updated, values_unchanged, values_without_figure;

  int n_errors;        /* every error; errors holds the first ones */
  GPtrArray *errors;   /* BpImportMessage* */
  GPtrArray *warnings; /* BpImportMessage* */
} BpImportReport;

void bp_import_report_free (BpImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpImportReport, bp_import_report_free)

/* The report as stable `key: value` lines, for the command line. */
char *bp_import_report_to_text (const BpImportReport *report);

/* A column of the source as the import reads it. */
typedef struct
{
  int index;       /* 0-based */
  char *header;    /* as written */
  char *field;     /* the field it fills ("ref", "due" ...), or NULL: ignored */
  char *note;      /* why it is ignored, or how it was recognised */
  gboolean mapped; /* named by bp_import_add_mapping() */
  gboolean period; /* a scorecard column of values for one period */
  char *period_end;
} BpImportColumn;

/* What the window shows before anything is written. */
typedef struct
{
  int header_row;        /* 0: no header found */
  GPtrArray *columns;    /* BpImportColumn* */
  GPtrArray *missing;    /* char*: required fields without a column */
  GPtrArray *rows;       /* GStrv: the first data rows' cells */
  GArray *row_numbers;   /* int: their row numbers */
  BpImportReport *report; /* every error and warning; with a file, a dry run's counts */
} BpImportPreview;

void bp_import_preview_free (BpImportPreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpImportPreview, bp_import_preview_free)

#define BP_TYPE_IMPORT (bp_import_get_type ())
G_DECLARE_FINAL_TYPE (BpImport, bp_import, BP, IMPORT, GObject)

BpImport *bp_import_new (BpImportKind kind);

BpImportKind bp_import_get_kind (BpImport *self);
void bp_import_set_kind (BpImport *self, BpImportKind kind);

/* The source: a file, or bytes with the name messages give them. */
void bp_import_set_source_path (BpImport *self, const char *path);
void bp_import_set_source_bytes (BpImport *self, GBytes *bytes, const char *display_name);
const char *bp_import_get_source_name (BpImport *self);
/* The sheet of a workbook source (.xlsx, .ods) to read, by its name in
 * any case; NULL (the default): the first sheet whose header names the
 * kind's columns. Messages then name the source as FILE:SHEET. A CSV
 * source has no sheets and ignores it. */
void bp_import_set_sheet (BpImport *self, const char *sheet);

/* Says which field a column fills, overriding what its header suggests:
 * @header is matched ignoring case, spacing and punctuation; @field is a
 * field name of the kind (see bp_import_list_fields()) or "ignore".
 * Several columns mapped to one field: the first that is not empty in a
 * row is used (la_name, then region_name ...). */
gboolean bp_import_add_mapping (BpImport *self, const char *header, const char *field,
                                GError **error);
/* The same from "HEADER=FIELD", as --map takes it. */
gboolean bp_import_add_mapping_option (BpImport *self, const char *option, GError **error);
void bp_import_clear_mappings (BpImport *self);

/* The date of progress updates whose row gives none (default today). */
void bp_import_set_date (BpImport *self, const char *date);
/* The first month of the financial year for Q1..Q4 and 2024/25 (default:
 * the programme's, April without a file). */
void bp_import_set_fy_start_month (BpImport *self, int month);

/* The field names a kind accepts, NULL-terminated, and each one's label. */
const char *const *bp_import_list_fields (BpImportKind kind);
const char *bp_import_field_label (BpImportKind kind, const char *field);

/* Reads the source and checks every row without writing. With @db, also
 * makes a dry run against it, so the report has the counts and the errors
 * only the file can tell (an unknown action). Fails only when the source
 * cannot be read at all; problems in it are in the report. */
BpImportPreview *bp_import_preview (BpImport *self, BpDb *db, guint max_rows, GError **error);

/* Imports into @db, all or nothing, in one transaction: every error is in
 * the report, and with any error (or @dry_run) nothing is written. Returns
 * FALSE with BP_ERROR_INVALID when the source has errors (the report says
 * which), BP_ERROR_NOT_FOUND when it cannot be opened, BP_ERROR_READ_ONLY
 * for a read-only file. @out_report is always set. */
gboolean bp_import_run (BpImport *self, BpDb *db, gboolean dry_run, BpImportReport **out_report,
                        GError **error);

G_END_DECLS
