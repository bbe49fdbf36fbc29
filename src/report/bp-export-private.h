/* bp-export-private.h: what the CSV, XLSX and HTML writers share.
 *
 * CSV and XLSX write one table (BpExportTable): the same columns and rows,
 * each cell with its text as the CSV writes it and, for the sheet, its
 * kind (date, number, RAG) and fill. The HTML writer reads the loaded
 * entities directly, since it groups and charts them. */
#pragma once

#include "bp-export.h"
#include "bp-query.h"

G_BEGIN_DECLS

typedef enum
{
  BP_EXPORT_CELL_EMPTY = 0,
  BP_EXPORT_CELL_TEXT,   /* what a user typed: neutralised */
  BP_EXPORT_CELL_DATE,   /* text is YYYY-MM-DD */
  BP_EXPORT_CELL_NUMBER, /* text is the CSV form, number and format the sheet's */
} BpExportCellKind;

typedef struct
{
  const char *text;   /* borrowed from the export, or in the table's chunk */
  const char *format; /* NUMBER: the sheet's number format */
  double number;      /* NUMBER: the value the sheet holds */
  guint32 fill;       /* 0xRRGGBB when filled */
  guint8 kind;        /* BpExportCellKind */
  guint8 filled;      /* a RAG or band cell, filled with its colour */
} BpExportCell;

typedef struct
{
  const char *sheet_name;
  const char *const *columns;
  guint n_columns;
  guint n_rows;
  GArray *cells; /* BpExportCell, row after row */
  GStringChunk *strings;
} BpExportTable;

struct _BpExport
{
  BpExportWhat what;
  char *as_of;

  BpProgramme *programme;

  /* actions */
  GPtrArray *priorities; /* BpPriority */
  GPtrArray *actions;    /* BpAction, plan order */

  /* risks */
  GPtrArray *risks;       /* BpRisk */
  GPtrArray *mitigations; /* GPtrArray of BpMitigation, one per risk */
  GPtrArray *bands;       /* BpRiskBand */

  /* scorecard */
  GPtrArray *measures; /* BpMeasure */
  GPtrArray *values;   /* GPtrArray of BpMeasureValue, one per measure */

  BpExportTable *table; /* built on first use by CSV and XLSX */
};

static inline BpExportCell *
bp_export_table_cell (BpExportTable *table, guint row, guint column)
{
  return &g_array_index (table->cells, BpExportCell, (gsize) row * table->n_columns + column);
}

BpExportTable *bp_export_get_table (BpExport *export);

/* The mitigations of a risk, one per line, as the CSV cell holds them. */
char *bp_export_mitigations_text (GPtrArray *mitigations);

GString *bp_export_write_csv (BpExport *export);
gboolean bp_export_write_xlsx (BpExport *export, const char *path, GError **error);
GString *bp_export_write_html (BpExport *export);

G_END_DECLS
