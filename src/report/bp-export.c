/* bp-export.c: loading an export, its table for CSV and XLSX, and writing
 * it to memory or to a file. The formats themselves are in
 * bp-export-csv.c, bp-export-xlsx.c and bp-export-html.c. */
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bp-colours.h"
#include "bp-export-private.h"
#include "bp-rules.h"

/* The headers are the file format, not the interface: they stay in
 * English whatever the locale, so that `boardpack import` recognises them
 * on any machine. The same goes for the RAG words in the cells. */
static const char *const action_columns[] = {
  "Ref", "Priority", "Action", "Description", "Owner", "Organisation", "Partners", "Start",
  "Due", "Revised due date", "Reason for revised date", "RAG", "Percent", "Update date",
  "Latest update", "Next steps", "Asks of the board", "Expected impact", "Evidence",
  "Inspection criteria",
};

enum
{
  ACTION_REF,
  ACTION_PRIORITY,
  ACTION_TITLE,
  ACTION_DESCRIPTION,
  ACTION_OWNER,
  ACTION_ORGANISATION,
  ACTION_PARTNERS,
  ACTION_START,
  ACTION_DUE,
  ACTION_REVISED_DUE,
  ACTION_REVISED_REASON,
  ACTION_RAG,
  ACTION_PERCENT,
  ACTION_UPDATE_DATE,
  ACTION_UPDATE,
  ACTION_NEXT_STEPS,
  ACTION_ASKS,
  ACTION_IMPACT,
  ACTION_EVIDENCE,
  ACTION_CRITERIA,
};

static const char *const risk_columns[] = {
  "Ref", "Risk", "Cause", "Consequence", "Owner",
  "Inherent likelihood", "Inherent impact", "Current likelihood", "Current impact",
  "Target likelihood", "Target impact", "Score", "Band", "Mitigations",
  "Resources / support needed", "Review date", "Response", "Status",
};

enum
{
  RISK_REF,
  RISK_TITLE,
  RISK_CAUSE,
  RISK_CONSEQUENCE,
  RISK_OWNER,
  RISK_INHERENT_L,
  RISK_INHERENT_I,
  RISK_CURRENT_L,
  RISK_CURRENT_I,
  RISK_TARGET_L,
  RISK_TARGET_I,
  RISK_SCORE,
  RISK_BAND,
  RISK_MITIGATIONS,
  RISK_RESOURCES,
  RISK_REVIEW_DATE,
  RISK_RESPONSE,
  RISK_STATUS,
};

static const char *const measure_columns[] = {
  "Ref", "Measure", "Unit", "Polarity", "Target", "Tolerance", "Frequency", "Baseline",
  "Comparator", "Period", "Period end", "Value", "RAG", "Direction", "Note",
};

enum
{
  MEASURE_REF,
  MEASURE_TITLE,
  MEASURE_UNIT,
  MEASURE_POLARITY,
  MEASURE_TARGET,
  MEASURE_TOLERANCE,
  MEASURE_FREQUENCY,
  MEASURE_BASELINE,
  MEASURE_COMPARATOR,
  MEASURE_PERIOD,
  MEASURE_PERIOD_END,
  MEASURE_VALUE,
  MEASURE_RAG,
  MEASURE_DIRECTION,
  MEASURE_NOTE,
};

/* ------------------------------------------------------------ names */

gboolean
bp_export_what_parse (const char *text, BpExportWhat *out_what)
{
  static const char *const names[] = { "actions", "risks", "scorecard" };

  g_return_val_if_fail (out_what != NULL, FALSE);
  for (guint i = 0; text && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *out_what = (BpExportWhat) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
bp_export_format_parse (const char *text, BpExportFormat *out_format)
{
  static const char *const names[] = { "csv", "xlsx", "html" };

  g_return_val_if_fail (out_format != NULL, FALSE);
  for (guint i = 0; text && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *out_format = (BpExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
bp_export_format_extension (BpExportFormat format)
{
  switch (format)
    {
    case BP_EXPORT_XLSX: return "xlsx";
    case BP_EXPORT_HTML: return "html";
    case BP_EXPORT_CSV:
    default:
      return "csv";
    }
}

/* ------------------------------------------------------------ cells */

gboolean
bp_export_is_formula_like (const char *text)
{
  if (text == NULL)
    return FALSE;
  switch (text[0])
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    default:
      return FALSE;
    }
}

char *
bp_export_neutralise (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (bp_export_is_formula_like (text))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

void
bp_export_csv_append_field (GString *line, const char *text)
{
  gsize len;

  g_return_if_fail (line != NULL);
  if (text == NULL || *text == '\0')
    return;
  len = strlen (text);
  if (strpbrk (text, ",\"\r\n") == NULL && text[0] != ' ' && text[len - 1] != ' ')
    {
      g_string_append_len (line, text, len);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* ------------------------------------------------------------ loading */

static void
free_ptr_array (gpointer array)
{
  if (array)
    g_ptr_array_unref (array);
}

static void
table_free (BpExportTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->cells);
  g_string_chunk_free (table->strings);
  g_free (table);
}

void
bp_export_free (BpExport *export)
{
  if (export == NULL)
    return;
  g_free (export->as_of);
  g_clear_pointer (&export->programme, bp_programme_free);
  g_clear_pointer (&export->priorities, g_ptr_array_unref);
  g_clear_pointer (&export->actions, g_ptr_array_unref);
  g_clear_pointer (&export->risks, g_ptr_array_unref);
  g_clear_pointer (&export->mitigations, g_ptr_array_unref);
  g_clear_pointer (&export->bands, g_ptr_array_unref);
  g_clear_pointer (&export->measures, g_ptr_array_unref);
  g_clear_pointer (&export->values, g_ptr_array_unref);
  g_clear_pointer (&export->table, table_free);
  g_free (export);
}

BpExport *
bp_export_load (BpDb *db, BpExportWhat what, const BpExportOptions *options, GError **error)
{
  g_autoptr (BpExport) export = NULL;

  g_return_val_if_fail (BP_IS_DB (db), NULL);
  g_return_val_if_fail (what <= BP_EXPORT_SCORECARD, NULL);

  if (options && options->as_of && !bp_date_is_valid (options->as_of))
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)"),
                   options->as_of);
      return NULL;
    }
  export = g_new0 (BpExport, 1);
  export->what = what;
  export->as_of = options && options->as_of ? g_strdup (options->as_of) : bp_date_today ();
  if (!(export->programme = bp_db_get_programme (db, error)))
    return NULL;

  switch (what)
    {
    case BP_EXPORT_ACTIONS:
      if (!(export->priorities = bp_db_list_priorities (db, error))
          || !(export->actions = bp_db_list_actions (db, NULL, error)))
        return NULL;
      break;

    case BP_EXPORT_RISKS:
      if (!(export->risks = bp_db_list_risks (db, error))
          || !(export->bands = bp_db_list_risk_bands (db, error)))
        return NULL;
      export->mitigations = g_ptr_array_new_with_free_func (free_ptr_array);
      for (guint i = 0; i < export->risks->len; i++)
        {
          BpRisk *r = export->risks->pdata[i];
          GPtrArray *mitigations = bp_db_list_mitigations (db, r->id, error);

          if (mitigations == NULL)
            return NULL;
          g_ptr_array_add (export->mitigations, mitigations);
        }
      break;

    case BP_EXPORT_SCORECARD:
    default:
      if (!(export->measures = bp_db_list_measures (db, error)))
        return NULL;
      export->values = g_ptr_array_new_with_free_func (free_ptr_array);
      for (guint i = 0; i < export->measures->len; i++)
        {
          BpMeasure *m = export->measures->pdata[i];
          GPtrArray *values = bp_db_list_measure_values (db, m->id, error);

          if (values == NULL)
            return NULL;
          g_ptr_array_add (export->values, values);
        }
      break;
    }
  return g_steal_pointer (&export);
}

/* ------------------------------------------------------------ the table */

static BpExportTable *
table_new (const char *sheet_name, const char *const *columns, guint n_columns, guint n_rows)
{
  BpExportTable *table = g_new0 (BpExportTable, 1);

  table->sheet_name = sheet_name;
  table->columns = columns;
  table->n_columns = n_columns;
  table->cells = g_array_sized_new (FALSE, TRUE, sizeof (BpExportCell), n_columns * MAX (n_rows, 1));
  table->strings = g_string_chunk_new (64 * 1024);
  return table;
}

static guint
table_add_row (BpExportTable *table)
{
  g_array_set_size (table->cells, (gsize) (table->n_rows + 1) * table->n_columns);
  return table->n_rows++;
}

/* A cell of what someone typed; the writers neutralise it. */
static void
set_text (BpExportTable *table, guint row, guint column, const char *text)
{
  BpExportCell *cell = bp_export_table_cell (table, row, column);

  if (text == NULL || *text == '\0')
    return;
  cell->kind = BP_EXPORT_CELL_TEXT;
  cell->text = text;
}

/* A date; words where a date should be ("Ongoing") stay text. */
static void
set_date (BpExportTable *table, guint row, guint column, const char *date)
{
  BpExportCell *cell = bp_export_table_cell (table, row, column);

  if (date == NULL || *date == '\0')
    return;
  cell->kind = bp_date_is_valid (date) ? BP_EXPORT_CELL_DATE : BP_EXPORT_CELL_TEXT;
  cell->text = date;
}

/* A number: @value in the CSV (the way the file holds it), @sheet_value
 * with @format in the sheet. */
static void
set_number (BpExportTable *table, guint row, guint column, double value, double sheet_value,
            const char *format)
{
  BpExportCell *cell = bp_export_table_cell (table, row, column);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return;
  /* Fifteen significant digits: 93.2 stays 93.2, not 93.200000000000003. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  cell->kind = BP_EXPORT_CELL_NUMBER;
  cell->text = g_string_chunk_insert_const (table->strings, buf);
  cell->number = sheet_value;
  cell->format = format;
}

static void
set_int (BpExportTable *table, guint row, guint column, int value)
{
  if (value > 0)
    set_number (table, row, column, value, value, "0");
}

static guint32
rgb_to_int (BpRgb rgb)
{
  return ((guint32) lround (rgb.r * 255) << 16) | ((guint32) lround (rgb.g * 255) << 8)
         | (guint32) lround (rgb.b * 255);
}

static void
set_fill (BpExportTable *table, guint row, guint column, BpRgb rgb)
{
  BpExportCell *cell = bp_export_table_cell (table, row, column);

  cell->filled = TRUE;
  cell->fill = rgb_to_int (rgb);
}

static const char *
rag_word (BpRag rag)
{
  switch (rag)
    {
    case BP_RAG_RED: return "Red";
    case BP_RAG_AMBER: return "Amber";
    case BP_RAG_GREEN: return "Green";
    case BP_RAG_BLUE: return "Blue";
    case BP_RAG_NOT_STARTED:
    case BP_RAG_COUNT:
    default:
      return "Not started";
    }
}

static const char *
kpi_rag_word (BpKpiRag rag)
{
  switch (rag)
    {
    case BP_KPI_RAG_RED: return "Red";
    case BP_KPI_RAG_AMBER: return "Amber";
    case BP_KPI_RAG_GREEN: return "Green";
    case BP_KPI_RAG_NONE:
    default:
      return NULL;
    }
}

static const char *
direction_word (BpDirection direction)
{
  switch (direction)
    {
    case BP_DIRECTION_IMPROVED: return "Improved";
    case BP_DIRECTION_SUSTAINED: return "Sustained";
    case BP_DIRECTION_DETERIORATED: return "Deteriorated";
    case BP_DIRECTION_NONE:
    default:
      return NULL;
    }
}

static BpExportTable *
actions_table (BpExport *export)
{
  BpExportTable *table = table_new ("Actions", action_columns, G_N_ELEMENTS (action_columns),
                                    export->actions->len);
  g_autoptr (GHashTable) priority_names = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* "P3 Inclusion": the import reads the code and the title back from it,
   * and matches either. A code of another shape would be taken for part
   * of the title, so then the title goes alone. */
  for (guint i = 0; i < export->priorities->len; i++)
    {
      BpPriority *p = export->priorities->pdata[i];
      const char *name = p->title;

      if (p->code && g_regex_match_simple ("^[Pp]?[0-9]+$", p->code, 0, 0) && p->title
          && *p->title)
        {
          g_autofree char *both = g_strdup_printf ("%s %s", p->code, p->title);

          name = g_string_chunk_insert (table->strings, both);
        }
      else if (p->title == NULL || *p->title == '\0')
        name = p->code;
      g_hash_table_insert (priority_names, &p->id, (gpointer) name);
    }
  for (guint i = 0; i < export->actions->len; i++)
    {
      BpAction *a = export->actions->pdata[i];
      guint row = table_add_row (table);

      set_text (table, row, ACTION_REF, a->ref);
      set_text (table, row, ACTION_PRIORITY,
                a->priority_id ? g_hash_table_lookup (priority_names, &a->priority_id) : NULL);
      set_text (table, row, ACTION_TITLE, a->title);
      set_text (table, row, ACTION_DESCRIPTION, a->description);
      set_text (table, row, ACTION_OWNER, a->owner_name);
      set_text (table, row, ACTION_ORGANISATION, a->organisation_name);
      set_text (table, row, ACTION_PARTNERS, a->partners);
      set_date (table, row, ACTION_START, a->start_date);
      set_date (table, row, ACTION_DUE, a->due_date ? a->due_date : a->due_text);
      set_date (table, row, ACTION_REVISED_DUE, a->revised_due_date);
      set_text (table, row, ACTION_REVISED_REASON, a->revised_reason);
      set_text (table, row, ACTION_RAG, rag_word (a->rag));
      set_fill (table, row, ACTION_RAG, bp_colours_rag (a->rag));
      set_number (table, row, ACTION_PERCENT, a->percent, a->percent / 100.0, "0%");
      set_date (table, row, ACTION_UPDATE_DATE, a->latest_date);
      set_text (table, row, ACTION_UPDATE, a->latest_commentary);
      set_text (table, row, ACTION_NEXT_STEPS, a->latest_next_steps);
      set_text (table, row, ACTION_ASKS, a->latest_asks);
      set_text (table, row, ACTION_IMPACT, a->impact);
      set_text (table, row, ACTION_EVIDENCE, a->evidence);
      set_text (table, row, ACTION_CRITERIA, a->criteria);
    }
  return table;
}

char *
bp_export_mitigations_text (GPtrArray *mitigations)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; mitigations && i < mitigations->len; i++)
    {
      BpMitigation *m = mitigations->pdata[i];

      if (m->description == NULL || *m->description == '\0')
        continue;
      if (s->len)
        g_string_append_c (s, '\n');
      g_string_append (s, m->description);
    }
  return g_string_free (s, FALSE);
}

static BpExportTable *
risks_table (BpExport *export)
{
  BpExportTable *table = table_new ("Risks", risk_columns, G_N_ELEMENTS (risk_columns),
                                    export->risks->len);

  for (guint i = 0; i < export->risks->len; i++)
    {
      BpRisk *r = export->risks->pdata[i];
      guint row = table_add_row (table);
      int score = bp_risk_score (r->current_l, r->current_i);
      const BpRiskBand *band = bp_risk_band_for_score (export->bands, score);
      g_autofree char *mitigations = bp_export_mitigations_text (export->mitigations->pdata[i]);

      set_text (table, row, RISK_REF, r->ref);
      set_text (table, row, RISK_TITLE, r->title);
      set_text (table, row, RISK_CAUSE, r->cause);
      set_text (table, row, RISK_CONSEQUENCE, r->consequence);
      set_text (table, row, RISK_OWNER, r->owner_name);
      set_int (table, row, RISK_INHERENT_L, r->inherent_l);
      set_int (table, row, RISK_INHERENT_I, r->inherent_i);
      set_int (table, row, RISK_CURRENT_L, r->current_l);
      set_int (table, row, RISK_CURRENT_I, r->current_i);
      set_int (table, row, RISK_TARGET_L, r->target_l);
      set_int (table, row, RISK_TARGET_I, r->target_i);
      set_int (table, row, RISK_SCORE, score);
      if (band && score > 0)
        {
          BpRgb rgb;

          set_text (table, row, RISK_BAND, band->name);
          if (bp_colours_parse (band->colour, &rgb))
            set_fill (table, row, RISK_BAND, rgb);
        }
      set_text (table, row, RISK_MITIGATIONS,
                *mitigations ? g_string_chunk_insert (table->strings, mitigations) : NULL);
      set_text (table, row, RISK_RESOURCES, r->resources);
      set_date (table, row, RISK_REVIEW_DATE, r->review_date);
      set_text (table, row, RISK_RESPONSE, r->response);
      set_text (table, row, RISK_STATUS, r->status);
    }
  return table;
}

/* Decimals a measure's numbers need (0, 1 or 2), so that a column of
 * 93.2, 96.4, 100 shows 100.0 and a count shows no decimals. */
static int
decimals_needed (double value)
{
  if (isnan (value) || fabs (value - round (value)) < 1e-9)
    return 0;
  if (fabs (value * 10 - round (value * 10)) < 1e-6)
    return 1;
  return 2;
}

/* The sheet's number format for a measure's unit; a percentage is held
 * as a fraction (0.932 shown as 93.2%), as spreadsheets hold them. */
static const char *
measure_format (BpExportTable *table, const BpMeasure *m, GPtrArray *values, double *out_scale)
{
  const char *unit = m->unit ? m->unit : "";
  g_autofree char *format = NULL;
  const char *zeros;
  int decimals = MAX (MAX (decimals_needed (m->target), decimals_needed (m->tolerance)),
                      decimals_needed (m->baseline));

  for (guint i = 0; i < values->len; i++)
    decimals = MAX (decimals, decimals_needed (((BpMeasureValue *) values->pdata[i])->value));
  zeros = decimals == 0 ? "" : decimals == 1 ? ".0" : ".00";

  *out_scale = 1;
  if (strcmp (unit, "%") == 0)
    {
      *out_scale = 0.01;
      format = g_strdup_printf ("0%s%%", zeros);
    }
  else if (strcmp (unit, "£") == 0)
    format = g_strdup_printf ("\"£\"#,##0%s", decimals ? ".00" : "");
  else if (*unit == '\0' || g_ascii_strcasecmp (unit, "count") == 0)
    format = g_strdup_printf ("#,##0%s", zeros);
  else
    {
      g_autoptr (GString) quoted = g_string_new (NULL);

      /* A unit of words goes in quotes, with its own quotes dropped. */
      for (const char *p = unit; *p; p++)
        if (*p != '"' && *p != '\\')
          g_string_append_c (quoted, *p);
      format = g_strdup_printf ("#,##0%s\" %s\"", zeros, quoted->str);
    }
  return g_string_chunk_insert_const (table->strings, format);
}

static BpExportTable *
scorecard_table (BpExport *export)
{
  guint n_rows = 0;
  BpExportTable *table;

  for (guint i = 0; i < export->values->len; i++)
    n_rows += MAX (((GPtrArray *) export->values->pdata[i])->len, 1);
  table = table_new ("Scorecard", measure_columns, G_N_ELEMENTS (measure_columns), n_rows);

  for (guint i = 0; i < export->measures->len; i++)
    {
      BpMeasure *m = export->measures->pdata[i];
      GPtrArray *values = export->values->pdata[i];
      double scale;
      const char *format = measure_format (table, m, values, &scale);
      double previous = NAN;

      /* A measure with no values yet still has its row, so that it
       * imports back. */
      for (guint j = 0; j < MAX (values->len, 1); j++)
        {
          BpMeasureValue *v = j < values->len ? values->pdata[j] : NULL;
          guint row = table_add_row (table);

          set_text (table, row, MEASURE_REF, m->ref);
          set_text (table, row, MEASURE_TITLE, m->title);
          set_text (table, row, MEASURE_UNIT, m->unit);
          set_text (table, row, MEASURE_POLARITY, bp_polarity_to_string (m->polarity));
          set_number (table, row, MEASURE_TARGET, m->target, m->target * scale, format);
          set_number (table, row, MEASURE_TOLERANCE, m->tolerance, m->tolerance * scale, format);
          set_text (table, row, MEASURE_FREQUENCY, m->frequency);
          set_number (table, row, MEASURE_BASELINE, m->baseline, m->baseline * scale, format);
          set_text (table, row, MEASURE_COMPARATOR, m->comparator);
          if (v == NULL)
            continue;
          set_text (table, row, MEASURE_PERIOD, v->period);
          set_date (table, row, MEASURE_PERIOD_END, v->period_end);
          set_number (table, row, MEASURE_VALUE, v->value, v->value * scale, format);
          set_text (table, row, MEASURE_NOTE, v->note);
          if (isnan (v->value))
            continue;
          {
            BpKpiRag rag = bp_kpi_rag (m, v->value);

            if (rag != BP_KPI_RAG_NONE)
              {
                set_text (table, row, MEASURE_RAG, kpi_rag_word (rag));
                set_fill (table, row, MEASURE_RAG, bp_colours_kpi_rag (rag));
              }
          }
          if (!isnan (previous))
            set_text (table, row, MEASURE_DIRECTION,
                      direction_word (bp_kpi_direction (m, previous, v->value)));
          previous = v->value;
        }
    }
  return table;
}

BpExportTable *
bp_export_get_table (BpExport *export)
{
  if (export->table == NULL)
    switch (export->what)
      {
      case BP_EXPORT_ACTIONS: export->table = actions_table (export); break;
      case BP_EXPORT_RISKS: export->table = risks_table (export); break;
      case BP_EXPORT_SCORECARD:
      default:
        export->table = scorecard_table (export);
        break;
      }
  return export->table;
}

/* ------------------------------------------------------------ output */

static GString *
write_text (BpExport *export, BpExportFormat format)
{
  return format == BP_EXPORT_HTML ? bp_export_write_html (export) : bp_export_write_csv (export);
}

GBytes *
bp_export_render (BpExport *export, BpExportFormat format, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize len = 0;
  int fd;

  g_return_val_if_fail (export != NULL, NULL);

  if (format != BP_EXPORT_XLSX)
    return g_string_free_to_bytes (write_text (export, format));

  fd = g_file_open_tmp ("boardpack-export-XXXXXX.xlsx", &path, &local_error);
  if (fd < 0)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("Cannot write the spreadsheet: %s"),
                   local_error->message);
      return NULL;
    }
  close (fd);
  if (!bp_export_write_xlsx (export, path, error))
    {
      g_unlink (path);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_unlink (path);
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("Cannot read the spreadsheet back: %s"),
                   local_error->message);
      return NULL;
    }
  g_unlink (path);
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

gboolean
bp_export_save (BpExport *export, BpExportFormat format, const char *path, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *tmp = NULL;
  mode_t mask;
  int fd;

  g_return_val_if_fail (export != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format != BP_EXPORT_XLSX)
    {
      g_autoptr (GString) text = write_text (export, format);

      /* Written beside @path and renamed over it: all or nothing. */
      if (!g_file_set_contents (path, text->str, text->len, &local_error))
        {
          g_set_error (error, BP_ERROR, BP_ERROR_IO, "%s", local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  tmp = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("Cannot create %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  /* g_mkstemp() makes the file private; an export is an ordinary file. */
  mask = umask (0);
  umask (mask);
  if (fchmod (fd, 0666 & ~mask) != 0)
    g_debug ("%s: cannot set the mode: %s", tmp, g_strerror (errno));
  close (fd);
  if (!bp_export_write_xlsx (export, tmp, &local_error))
    {
      g_unlink (tmp);
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("Cannot write %s: %s"), path,
                   local_error->message);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("Cannot create %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
