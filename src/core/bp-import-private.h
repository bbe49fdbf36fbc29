/* bp-import-private.h: what the pieces of an import share: the fields,
 * the BpImport object, a run over one source and its rows, and the
 * functions each file gives the others. Only the bp-import*.c files and
 * the tests include it. */
#pragma once

#include "bp-csv.h"
#include "bp-import.h"

G_BEGIN_DECLS

/* The fields a column may fill; bp-import-header.c names them, for each
 * kind, and knows the headers people give them. */
typedef enum
{
  F_NONE = 0,
  F_IGNORE,
  F_DERIVED, /* a risk's score or direction: worked out, not imported */
  F_REF,
  F_PRIORITY,
  F_TITLE,
  F_DESCRIPTION,
  F_OWNER,
  F_ORGANISATION,
  F_PARTNERS,
  F_START,
  F_DUE,
  F_REVISED_DUE,
  F_REVISED_REASON,
  F_RAG,
  F_PERCENT,
  F_UPDATE,
  F_NEXT_STEPS,
  F_ASKS,
  F_UPDATE_DATE,
  F_AUTHOR,
  F_IMPACT,
  F_EVIDENCE,
  F_CRITERIA,
  F_CAUSE,
  F_CONSEQUENCE,
  F_LIKELIHOOD,
  F_RISK_IMPACT,
  F_INHERENT_L,
  F_INHERENT_I,
  F_TARGET_L,
  F_TARGET_I,
  F_MITIGATIONS,
  F_RESOURCES,
  F_REVIEW_DATE,
  F_RESPONSE,
  F_STATUS,
  F_MEASURE,
  F_PERIOD,
  F_PERIOD_END,
  F_VALUE,
  F_TARGET,
  F_NOTE,
  F_UNIT,
  F_POLARITY,
  F_TOLERANCE,
  F_FREQUENCY,
  F_BASELINE,
  F_COMPARATOR,
  N_FIELDS
} BpImportField;

typedef struct
{
  char *header;
  char *key; /* folded */
  BpImportField field;
} BpImportMapping;

struct _BpImport
{
  GObject parent_instance;

  BpImportKind kind;
  char *path;
  GBytes *bytes;
  char *source_name;
  GPtrArray *mappings; /* BpImportMapping*, in the order given */
  char *date;
  int fy_start_month;
  char *sheet; /* of a workbook; NULL: the one with the header */
};

/* A risk as this source gives it (bp-import-risks.c). */
typedef struct _BpImportRiskSeen BpImportRiskSeen;

/* A column as this run reads it. */
typedef struct
{
  char *header;
  BpImportField field;
  int rank;        /* of its alias: lower wins */
  gboolean mapped; /* by the user */
  int map_order;
  gboolean prefix; /* recognised by how it begins */
  gboolean period; /* wide scorecards: a column of one period's values */
  char *period_end;
  char *note;
} BpImportRunColumn;

/* One reading of a source: the header, the lookups and the counts. */
typedef struct
{
  BpImport *imp;
  BpDb *db; /* NULL: checking only */
  BpImportReport *report;
  const char *source;
  int fy_start;
  char *date;

  /* The header. */
  gboolean have_header;
  gboolean mapping_failed;
  GPtrArray *pending; /* BpCsvRecord copies before the header is found */
  GArray *pending_scores; /* int: each pending record's score as the header
                           * (bp_import_choose_header()) */
  int header_row;
  int n_header_cells;
  GPtrArray *columns; /* BpImportRunColumn* */
  int field_columns[N_FIELDS][16]; /* the columns of each field, in order of use */
  int n_field_columns[N_FIELDS];
  gboolean wide;
  GPtrArray *missing; /* char* labels */
  GHashTable *warned_headerless; /* column index -> 1 */

  /* The preview. */
  guint max_rows;
  GPtrArray *preview_rows;
  GArray *preview_row_numbers;

  /* What is in the file, and what this run has added. */
  GHashTable *people;          /* folded name -> gint64 id */
  GHashTable *people_names;    /* folded name -> the name as kept */
  GHashTable *organisations;   /* folded name -> id */
  GHashTable *priority_codes;  /* folded code -> id */
  GHashTable *priority_titles; /* folded title -> id */
  GHashTable *priority_cells;  /* a Priority cell as written -> id */
  GHashTable *action_ids;      /* ref -> id, of every action in the file */
  int next_priority_number;
  int next_priority_position;
  GHashTable *next_action_position; /* priority id -> next position */
  GHashTable *refs_seen;            /* ref -> row */
  GHashTable *risks;                /* ref -> BpRisk* (in the file) */
  GHashTable *risks_seen;           /* ref -> BpImportRiskSeen* (in this source) */
  BpImportRiskSeen *last_risk;
  gint64 heading_priority; /* from a heading row: "Priority 1: Leadership" */
  gboolean from_workbook;  /* a sheet's rows end at their last cell */
  int next_risk_position;
  GHashTable *measures_by_ref;      /* ref -> BpMeasure* */
  GHashTable *measures_by_title;    /* folded title -> BpMeasure* (same objects) */
  GPtrArray *measure_store;
  GHashTable *measures_changed;     /* id -> 1 */
  GHashTable *values_seen;          /* "id\x1fperiod" -> row */
  int next_measure_position;

  /* Words where a date should be, in fields without a place for words. */
  int words_count[N_FIELDS];
  int words_row[N_FIELDS];
  char *words_example[N_FIELDS];

  /* Rows the CSV reader could not read, for the count of blank rows. */
  int n_unreadable_rows;
  int last_unreadable_row;
} BpImportRun;

/* A data row's cells by field. */
typedef struct
{
  int row;
  char *v[N_FIELDS];             /* trimmed values, NULL when no column */
  const char *header[N_FIELDS];  /* the column each value came from */
  const BpCsvRecord *record;
} BpImportRow;

/* bp-import-cells.c: what a cell says */
char *bp_import_fold_key (const char *text);
char *bp_import_fold_name (const char *text);
char *bp_import_trim_cell (const char *cell);
char *bp_import_tidy_name (const char *text);
gboolean bp_import_parse_score (const char *text, gboolean likelihood, int *out);
gboolean bp_import_parse_rag (const char *text, BpRag *out);
gboolean bp_import_parse_number (const char *text, double *out, const char **unit);
gboolean bp_import_parse_percent (const char *text, int *out);
gboolean bp_import_parse_polarity (const char *text, BpPolarity *out);
gboolean bp_import_parse_response (const char *text, char **out);
gboolean bp_import_cell_is_blank (const char *cell);
gboolean bp_import_record_is_blank (const BpCsvRecord *rec);

/* bp-import-header.c: the fields and the header */
const char *bp_import_field_name (BpImportKind kind, BpImportField field);
void bp_import_choose_header (BpImportRun *run, gboolean final);
/* How well @rec would do as the header: -1 blank, else the columns it
 * names, G_MAXINT when it names every column the kind needs. */
int bp_import_header_score (BpImportRun *run, const BpCsvRecord *rec);
void bp_import_mapping_free (BpImportMapping *m);

/* bp-import.c: messages, a row's values, what the importers share */
void bp_import_row_error (BpImportRun *run, int row, const char *fmt, ...) G_GNUC_PRINTF (3, 4);
void bp_import_row_warning (BpImportRun *run, int row, const char *fmt, ...) G_GNUC_PRINTF (3, 4);
void bp_import_db_error (BpImportRun *run, int row, GError *error);
const char *bp_import_val (const BpImportRow *r, BpImportField f);
gboolean bp_import_row_date (BpImportRun *run, const BpImportRow *r, BpImportField f,
                             char **out_iso, char **out_words);
gboolean bp_import_row_update_date (BpImportRun *run, const BpImportRow *r, char **out_iso);
gboolean bp_import_row_rag (BpImportRun *run, const BpImportRow *r, gboolean *has, BpRag *rag);
gint64 bp_import_lookup_id (GHashTable *table, const char *key);
gint64 bp_import_resolve_person (BpImportRun *run, int row, const char *name,
                                 gint64 organisation_id);
void bp_import_replace_text (char **field, const char *value, gboolean *changed);
void bp_import_replace_id (gint64 *field, gint64 value, gboolean *changed);
void bp_import_replace_int (int *field, int value, gboolean *changed);
void bp_import_data_record (BpImportRun *run, const BpCsvRecord *rec);

/* bp-import-actions.c */
void bp_import_action_row (BpImportRun *run, BpImportRow *r);

/* bp-import-risks.c */
void bp_import_risk_seen_free (BpImportRiskSeen *s);
void bp_import_risk_row (BpImportRun *run, BpImportRow *r);

/* bp-import-measures.c */
void bp_import_measure_row (BpImportRun *run, BpImportRow *r);

/* bp-import-updates.c */

/* The words of the update a row gives, each NULL when its cell is empty
 * or its column absent. */
typedef struct
{
  const char *commentary;
  const char *next_steps;
  const char *asks;
} BpImportUpdateText;

/* Reads them from @r: FALSE when the row gives no words at all. */
gboolean bp_import_row_update_text (BpImportRow *r, BpImportUpdateText *out);
gboolean bp_import_update_exists (BpImportRun *run, gint64 action_id, const char *date,
                                  const BpImportUpdateText *text);
/* @text NULL: an update of the RAG alone. */
gboolean bp_import_add_update (BpImportRun *run, int row, gint64 action_id, const char *date,
                               const char *author, BpRag rag, const BpImportUpdateText *text);
void bp_import_update_row (BpImportRun *run, BpImportRow *r);

G_END_DECLS
