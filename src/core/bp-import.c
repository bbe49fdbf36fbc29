/* bp-import.c: a plan, a risk register, a scorecard or owners' updates,
 * brought in from a spreadsheet saved as CSV: the BpImport object, the
 * report and the preview, and the run that reads a source row by row.
 * The pieces a run uses are in bp-import-private.h: the cell parsers
 * (bp-import-cells.c), the header and the fields (bp-import-header.c) and
 * one importer per kind (bp-import-actions.c, -risks.c, -measures.c,
 * -updates.c). */
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "bp-csv.h"
#include "bp-dates.h"
#include "bp-db-private.h"
#include "bp-import-private.h"
#include "bp-query.h"
#include "bp-rules.h"
#include "bp-workbook.h"

/* Messages kept in a report; the count goes on (a binary file could
 * otherwise make millions). */
#define MAX_MESSAGES 1000
/* Title rows above the header: how far down to look for it. */
#define HEADER_SEARCH_ROWS 20

/* ------------------------------------------------------------ the object */

G_DEFINE_FINAL_TYPE (BpImport, bp_import, G_TYPE_OBJECT)

/* --------------------------------------------------------------- helpers */

static void
message_free (BpImportMessage *m)
{
  g_free (m->message);
  g_free (m->text);
  g_free (m);
}

static void
add_message (BpImportRun *run, GPtrArray *list, int line, gboolean warning, const char *msg)
{
  BpImportMessage *m = g_new0 (BpImportMessage, 1);

  m->line = line;
  m->message = g_strdup (msg);
  if (line > 0)
    m->text = g_strdup_printf (warning ? "%s:%d: warning: %s" : "%s:%d: %s", run->source, line,
                               msg);
  else
    m->text = g_strdup_printf (warning ? "%s: warning: %s" : "%s: %s", run->source, msg);
  g_ptr_array_add (list, m);
}

void
bp_import_row_error (BpImportRun *run, int row, const char *fmt, ...)
{
  g_autofree char *msg = NULL;
  va_list ap;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  run->report->n_errors++;
  if (run->report->errors->len < MAX_MESSAGES)
    add_message (run, run->report->errors, row, FALSE, msg);
}

void
bp_import_row_warning (BpImportRun *run, int row, const char *fmt, ...)
{
  g_autofree char *msg = NULL;
  va_list ap;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  if (run->report->warnings->len < MAX_MESSAGES)
    add_message (run, run->report->warnings, row, TRUE, msg);
}

/* A core error, on the row that caused it. */
void
bp_import_db_error (BpImportRun *run, int row, GError *error)
{
  bp_import_row_error (run, row, "%s", error ? error->message : _("the file could not be written"));
}

/* ------------------------------------------------------------ row values */

static void
row_clear (BpImportRow *r)
{
  for (int f = 0; f < N_FIELDS; f++)
    g_free (r->v[f]);
}

static void
row_fill (BpImportRun *run, const BpCsvRecord *rec, BpImportRow *r)
{
  memset (r, 0, sizeof *r);
  r->row = rec->row;
  r->record = rec;
  for (int f = F_REF; f < N_FIELDS; f++)
    {
      if (run->n_field_columns[f] == 0)
        continue;
      if (f == F_MITIGATIONS)
        {
          GString *all = g_string_new (NULL);

          for (int k = 0; k < run->n_field_columns[f]; k++)
            {
              int i = run->field_columns[f][k];
              g_autofree char *cell
                  = bp_import_trim_cell (i < (int) rec->n_cells ? rec->cells[i] : NULL);

              if (*cell)
                g_string_append_printf (all, "%s%s", all->len ? "\n" : "", cell);
            }
          r->v[f] = g_string_free (all, FALSE);
          r->header[f]
              = ((BpImportRunColumn *) g_ptr_array_index (run->columns, run->field_columns[f][0]))
                    ->header;
          continue;
        }
      for (int k = 0; k < run->n_field_columns[f]; k++)
        {
          int i = run->field_columns[f][k];
          g_autofree char *cell
              = bp_import_trim_cell (i < (int) rec->n_cells ? rec->cells[i] : NULL);

          r->header[f] = ((BpImportRunColumn *) g_ptr_array_index (run->columns, i))->header;
          if (*cell || k == run->n_field_columns[f] - 1)
            {
              r->v[f] = g_steal_pointer (&cell);
              break;
            }
        }
    }
}

const char *
bp_import_val (const BpImportRow *r, BpImportField f)
{
  return r->v[f] && *r->v[f] ? r->v[f] : NULL;
}

/* A date cell. Words go to *@out_words when the field keeps them, else
 * are counted for one warning at the end. */
gboolean
bp_import_row_date (BpImportRun *run, const BpImportRow *r, BpImportField f, char **out_iso,
                    char **out_words)
{
  const char *text = bp_import_val (r, f);
  g_autofree char *problem = NULL;
  BpDateKind kind;

  *out_iso = NULL;
  if (out_words)
    *out_words = NULL;
  if (text == NULL)
    return TRUE;
  kind = bp_date_parse_loose (text, run->fy_start, out_iso, &problem);
  switch (kind)
    {
    case BP_DATE_INVALID:
      bp_import_row_error (run, r->row, "%s: %s", r->header[f], problem);
      return FALSE;
    case BP_DATE_WORDS:
      if (out_words)
        *out_words = g_strdup (text);
      else if (run->words_count[f]++ == 0)
        {
          run->words_row[f] = r->row;
          run->words_example[f] = g_strdup (text);
        }
      return TRUE;
    case BP_DATE_EMPTY:
    case BP_DATE_DAY:
    case BP_DATE_PERIOD:
    default:
      return TRUE;
    }
}

/* The update's date cell: a date or nothing, never words. */
gboolean
bp_import_row_update_date (BpImportRun *run, const BpImportRow *r, char **out_iso)
{
  g_autofree char *words = NULL;

  if (!bp_import_row_date (run, r, F_UPDATE_DATE, out_iso, &words))
    return FALSE;
  if (words == NULL)
    return TRUE;
  bp_import_row_error (run, r->row, _("%s: “%s” is not a date"), r->header[F_UPDATE_DATE], words);
  return FALSE;
}

gboolean
bp_import_row_rag (BpImportRun *run, const BpImportRow *r, gboolean *has, BpRag *rag)
{
  const char *text = bp_import_val (r, F_RAG);

  *has = text != NULL;
  *rag = BP_RAG_NOT_STARTED;
  if (text == NULL || bp_import_parse_rag (text, rag))
    return TRUE;
  bp_import_row_error (
      run, r->row,
      _("%s: “%s” is not a RAG status (R, A, G, B or the words: Red / Off track, Amber / "
         "At risk, Green / On track, Blue / Complete, Not started)"),
      r->header[F_RAG], text);
  return FALSE;
}

/* ---------------------------------------------------------------- lookups */

static gboolean
load_lookups (BpImportRun *run, GError **error)
{
  g_autoptr (GPtrArray) people = NULL, orgs = NULL, priorities = NULL, risks = NULL;
  g_autoptr (GPtrArray) measures = NULL;
  g_autoptr (BpProgramme) programme = NULL;
  BpDb *db = run->db;

  programme = bp_db_get_programme (db, error);
  if (programme == NULL)
    return FALSE;
  if (run->imp->fy_start_month == 0)
    run->fy_start = programme->fy_start_month;

  people = bp_db_list_people (db, error);
  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    {
      BpPerson *p = g_ptr_array_index (people, i);

      g_autofree char *key = bp_import_fold_name (p->name);

      /* Two people of one name: the first keeps it. */
      if (!g_hash_table_contains (run->people, key))
        {
          g_hash_table_insert (run->people_names, g_strdup (key), g_strdup (p->name));
          g_hash_table_insert (run->people, g_steal_pointer (&key),
                               g_memdup2 (&p->id, sizeof p->id));
        }
    }
  orgs = bp_db_list_organisations (db, error);
  if (orgs == NULL)
    return FALSE;
  for (guint i = 0; i < orgs->len; i++)
    {
      BpOrganisation *o = g_ptr_array_index (orgs, i);

      g_hash_table_insert (run->organisations, bp_import_fold_name (o->name),
                           g_memdup2 (&o->id, sizeof o->id));
    }

  if (run->imp->kind == BP_IMPORT_ACTIONS || run->imp->kind == BP_IMPORT_UPDATES)
    {
      /* Which references the file has, in one read rather than one a row. */
      sqlite3_stmt *stmt = bp_db_statement (db, "SELECT ref, id FROM action", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 1);

          g_hash_table_insert (run->action_ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                               g_memdup2 (&id, sizeof id));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          bp_db_set_sqlite_error (db, rc, _("Reading the file"), error);
          return FALSE;
        }
    }
  if (run->imp->kind == BP_IMPORT_ACTIONS)
    {
      priorities = bp_db_list_priorities (db, error);
      if (priorities == NULL)
        return FALSE;
      run->next_priority_number = 1;
      run->next_priority_position = 1;
      for (guint i = 0; i < priorities->len; i++)
        {
          BpPriority *p = g_ptr_array_index (priorities, i);

          g_hash_table_insert (run->priority_codes, bp_import_fold_name (p->code),
                               g_memdup2 (&p->id, sizeof p->id));
          g_hash_table_insert (run->priority_titles, bp_import_fold_key (p->title),
                               g_memdup2 (&p->id, sizeof p->id));
          if ((p->code[0] == 'P' || p->code[0] == 'p') && g_ascii_isdigit (p->code[1]))
            run->next_priority_number = MAX (run->next_priority_number, atoi (p->code + 1) + 1);
          run->next_priority_position = MAX (run->next_priority_position, p->position + 1);
        }
    }
  if (run->imp->kind == BP_IMPORT_RISKS)
    {
      risks = bp_db_list_risks (db, error);
      if (risks == NULL)
        return FALSE;
      while (risks->len > 0)
        {
          BpRisk *r = g_ptr_array_steal_index_fast (risks, risks->len - 1);

          run->next_risk_position = MAX (run->next_risk_position, r->position + 1);
          g_hash_table_insert (run->risks, g_strdup (r->ref), r);
        }
    }
  if (run->imp->kind == BP_IMPORT_MEASURES)
    {
      measures = bp_db_list_measures (db, error);
      if (measures == NULL)
        return FALSE;
      for (guint i = 0; i < measures->len; i++)
        {
          BpMeasure *m = g_ptr_array_index (measures, i);

          run->next_measure_position = MAX (run->next_measure_position, m->position + 1);
          if (m->ref && *m->ref && !g_hash_table_contains (run->measures_by_ref, m->ref))
            g_hash_table_insert (run->measures_by_ref, g_strdup (m->ref), m);
          {
            g_autofree char *key = bp_import_fold_name (m->title);

            if (!g_hash_table_contains (run->measures_by_title, key))
              g_hash_table_insert (run->measures_by_title, g_steal_pointer (&key), m);
          }
        }
      g_ptr_array_extend_and_steal (run->measure_store, g_steal_pointer (&measures));
    }
  return TRUE;
}

gint64
bp_import_lookup_id (GHashTable *table, const char *key)
{
  gint64 *id = g_hash_table_lookup (table, key);

  return id ? *id : 0;
}

gint64
bp_import_resolve_person (BpImportRun *run, int row, const char *name, gint64 organisation_id)
{
  g_autofree char *key = NULL;
  g_autofree char *tidy = NULL;
  g_autoptr (GError) error = NULL;
  BpPerson p = { 0 };
  gint64 id;

  if (name == NULL)
    return 0;
  key = bp_import_fold_name (name);
  if ((id = bp_import_lookup_id (run->people, key)))
    return id;
  tidy = bp_import_tidy_name (name);
  p.name = tidy;
  p.organisation_id = organisation_id > 0 ? organisation_id : 0;
  if (!bp_db_insert_person (run->db, &p, &error))
    {
      bp_import_db_error (run, row, error);
      return -1;
    }
  run->report->people_created++;
  g_hash_table_insert (run->people_names, g_strdup (key), g_strdup (tidy));
  g_hash_table_insert (run->people, g_steal_pointer (&key), g_memdup2 (&p.id, sizeof p.id));
  return p.id;
}

/* Sets *@field to @value when they differ; NULL @value leaves it. */
void
bp_import_replace_text (char **field, const char *value, gboolean *changed)
{
  if (value == NULL || g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  *changed = TRUE;
}

void
bp_import_replace_id (gint64 *field, gint64 value, gboolean *changed)
{
  if (value > 0 && *field != value)
    {
      *field = value;
      *changed = TRUE;
    }
}

void
bp_import_replace_int (int *field, int value, gboolean *changed)
{
  if (*field != value)
    {
      *field = value;
      *changed = TRUE;
    }
}

/* ------------------------------------------------------------------- rows */

void
bp_import_data_record (BpImportRun *run, const BpCsvRecord *rec)
{
  g_autofree char **padded = NULL;
  BpCsvRecord padded_rec;
  BpImportRow r;

  if (bp_import_record_is_blank (rec))
    return;
  if ((int) rec->n_cells < run->n_header_cells && run->from_workbook)
    {
      /* A sheet's row ends at its last cell: the rest are blank. */
      padded = g_new0 (char *, run->n_header_cells + 1);
      for (int i = 0; i < run->n_header_cells; i++)
        padded[i] = i < (int) rec->n_cells ? rec->cells[i] : (char *) "";
      padded_rec = *rec;
      padded_rec.cells = padded;
      padded_rec.n_cells = (guint) run->n_header_cells;
      rec = &padded_rec;
    }
  run->report->rows++;

  if (run->preview_rows && run->preview_rows->len < run->max_rows)
    {
      g_ptr_array_add (run->preview_rows, g_strdupv (rec->cells));
      g_array_append_val (run->preview_row_numbers, rec->row);
    }

  if ((int) rec->n_cells < run->n_header_cells)
    {
      bp_import_row_error (run, rec->row, _("%u cells, but the header (row %d) has %d columns"),
                           rec->n_cells, run->header_row, run->n_header_cells);
      return;
    }
  for (guint i = run->n_header_cells; i < rec->n_cells; i++)
    {
      g_autofree char *t = bp_import_trim_cell (rec->cells[i]);

      if (*t)
        {
          bp_import_row_error (
              run, rec->row,
              _("%u cells, but the header (row %d) has %d columns: “%s” is in column %u, "
                 "beyond the last"),
              rec->n_cells, run->header_row, run->n_header_cells, t, i + 1);
          return;
        }
    }
  for (guint i = 0; i < (guint) run->n_header_cells; i++)
    {
      BpImportRunColumn *c = g_ptr_array_index (run->columns, i);

      if (*c->header == '\0' && !g_hash_table_contains (run->warned_headerless, GINT_TO_POINTER (i + 1)))
        {
          g_autofree char *t = bp_import_trim_cell (rec->cells[i]);

          if (*t)
            {
              g_hash_table_add (run->warned_headerless, GINT_TO_POINTER (i + 1));
              bp_import_row_warning (run, rec->row,
                                     _("column %u has no header: its cells are ignored"), i + 1);
            }
        }
    }

  row_fill (run, rec, &r);
  switch (run->imp->kind)
    {
    case BP_IMPORT_ACTIONS: bp_import_action_row (run, &r); break;
    case BP_IMPORT_RISKS: bp_import_risk_row (run, &r); break;
    case BP_IMPORT_MEASURES: bp_import_measure_row (run, &r); break;
    case BP_IMPORT_UPDATES: bp_import_update_row (run, &r); break;
    default: g_assert_not_reached ();
    }
  row_clear (&r);
}

static BpCsvRecord *
record_copy (const BpCsvRecord *rec)
{
  BpCsvRecord *copy = g_new (BpCsvRecord, 1);

  *copy = *rec;
  copy->cells = g_strdupv (rec->cells);
  return copy;
}

static void
record_free (BpCsvRecord *rec)
{
  g_strfreev (rec->cells);
  g_free (rec);
}

static gboolean
on_record_cb (const BpCsvRecord *rec, gpointer user_data)
{
  BpImportRun *run = user_data;

  if (run->have_header)
    {
      if (run->mapping_failed)
        return FALSE;
      bp_import_data_record (run, rec);
      return TRUE;
    }
  g_ptr_array_add (run->pending, record_copy (rec));
  bp_import_choose_header (run, run->pending->len >= HEADER_SEARCH_ROWS);
  return TRUE;
}

static void
on_problem_cb (int row, gboolean is_error, const char *message, gpointer user_data)
{
  BpImportRun *run = user_data;

  if (is_error && row > 0 && row != run->last_unreadable_row)
    {
      run->n_unreadable_rows++;
      run->last_unreadable_row = row;
    }
  if (is_error)
    bp_import_row_error (run, row, "%s", message);
  else
    bp_import_row_warning (run, row, "%s", message);
}

static void
words_warnings (BpImportRun *run)
{
  for (int f = F_REF; f < N_FIELDS; f++)
    {
      const char *header;

      if (run->words_count[f] == 0 || run->n_field_columns[f] == 0)
        continue;
      header = ((BpImportRunColumn *) g_ptr_array_index (run->columns, run->field_columns[f][0]))
                   ->header;
      bp_import_row_warning (
          run, 0,
          g_dngettext (GETTEXT_PACKAGE,
                       "%s: %d cell is words, not a date (“%s” on row %d): left empty",
                       "%s: %d cells are words, not dates (the first, “%s”, on row %d): "
                       "left empty",
                       run->words_count[f]),
          header, run->words_count[f], run->words_example[f], run->words_row[f]);
    }
}

/* ------------------------------------------------------------- the object */

static void
bp_import_finalize (GObject *object)
{
  BpImport *self = BP_IMPORT (object);

  g_free (self->path);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->source_name);
  g_ptr_array_unref (self->mappings);
  g_free (self->date);
  g_free (self->sheet);

  G_OBJECT_CLASS (bp_import_parent_class)->finalize (object);
}

static void
bp_import_class_init (BpImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_import_finalize;
}

static void
bp_import_init (BpImport *self)
{
  self->mappings = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_import_mapping_free);
}

/* ------------------------------------------------------------- public API */

const char *
bp_import_kind_to_string (BpImportKind kind)
{
  switch (kind)
    {
    case BP_IMPORT_ACTIONS: return "actions";
    case BP_IMPORT_RISKS: return "risks";
    case BP_IMPORT_MEASURES: return "measures";
    case BP_IMPORT_UPDATES: return "updates";
    default: return "actions";
    }
}

gboolean
bp_import_kind_parse (const char *text, BpImportKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);
  for (int k = BP_IMPORT_ACTIONS; k <= BP_IMPORT_UPDATES; k++)
    if (g_strcmp0 (text, bp_import_kind_to_string ((BpImportKind) k)) == 0)
      {
        *out_kind = (BpImportKind) k;
        return TRUE;
      }
  /* What people call them. */
  if (g_strcmp0 (text, "plan") == 0 || g_strcmp0 (text, "action") == 0)
    *out_kind = BP_IMPORT_ACTIONS;
  else if (g_strcmp0 (text, "risk") == 0)
    *out_kind = BP_IMPORT_RISKS;
  else if (g_strcmp0 (text, "measure") == 0 || g_strcmp0 (text, "scorecard") == 0)
    *out_kind = BP_IMPORT_MEASURES;
  else if (g_strcmp0 (text, "update") == 0)
    *out_kind = BP_IMPORT_UPDATES;
  else
    return FALSE;
  return TRUE;
}

void
bp_import_report_free (BpImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->source);
  g_ptr_array_unref (report->errors);
  g_ptr_array_unref (report->warnings);
  g_free (report);
}

static BpImportReport *
report_new (BpImport *self, gboolean dry_run)
{
  BpImportReport *report = g_new0 (BpImportReport, 1);

  report->kind = self->kind;
  report->source = g_strdup (bp_import_get_source_name (self));
  report->dry_run = dry_run;
  report->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) message_free);
  report->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) message_free);
  return report;
}

char *
bp_import_report_to_text (const BpImportReport *r)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (r != NULL, NULL);
#define KV(key, value) g_string_append_printf (s, "%s: %d\n", key, value)
  g_string_append_printf (s, "source: %s\n", r->source);
  g_string_append_printf (s, "kind: %s\n", bp_import_kind_to_string (r->kind));
  KV ("rows", r->rows);
  KV ("rows.blank", r->blank_rows);
  switch (r->kind)
    {
    case BP_IMPORT_ACTIONS:
      KV ("rows.headings", r->heading_rows);
      KV ("actions.created", r->actions_created);
      KV ("actions.updated", r->actions_updated);
      KV ("actions.unchanged", r->actions_unchanged);
      KV ("priorities.created", r->priorities_created);
      KV ("people.created", r->people_created);
      KV ("organisations.created", r->organisations_created);
      KV ("updates.added", r->updates_added);
      KV ("updates.already_there", r->updates_already_there);
      break;
    case BP_IMPORT_UPDATES:
      KV ("updates.added", r->updates_added);
      KV ("updates.already_there", r->updates_already_there);
      break;
    case BP_IMPORT_RISKS:
      KV ("risks.created", r->risks_created);
      KV ("risks.updated", r->risks_updated);
      KV ("risks.unchanged", r->risks_unchanged);
      KV ("mitigations.added", r->mitigations_added);
      KV ("people.created", r->people_created);
      break;
    case BP_IMPORT_MEASURES:
      KV ("measures.created", r->measures_created);
      KV ("measures.updated", r->measures_updated);
      KV ("values.created", r->values_created);
      KV ("values.updated", r->values_updated);
      KV ("values.unchanged", r->values_unchanged);
      KV ("values.without_figure", r->values_without_figure);
      break;
    default:
      break;
    }
  KV ("warnings", (int) r->warnings->len);
  KV ("errors", r->n_errors);
#undef KV
  g_string_append_printf (s, "written: %s\n",
                          r->written ? "yes" : r->dry_run ? "no (dry run)" : "no");
  return g_string_free (s, FALSE);
}

static void
import_column_free (BpImportColumn *c)
{
  g_free (c->header);
  g_free (c->field);
  g_free (c->note);
  g_free (c->period_end);
  g_free (c);
}

void
bp_import_preview_free (BpImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->columns, g_ptr_array_unref);
  g_clear_pointer (&preview->missing, g_ptr_array_unref);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_clear_pointer (&preview->row_numbers, g_array_unref);
  bp_import_report_free (preview->report);
  g_free (preview);
}

BpImport *
bp_import_new (BpImportKind kind)
{
  BpImport *self;

  g_return_val_if_fail (kind <= BP_IMPORT_UPDATES, NULL);
  self = g_object_new (BP_TYPE_IMPORT, NULL);
  self->kind = kind;
  return self;
}

BpImportKind
bp_import_get_kind (BpImport *self)
{
  g_return_val_if_fail (BP_IS_IMPORT (self), BP_IMPORT_ACTIONS);
  return self->kind;
}

void
bp_import_set_kind (BpImport *self, BpImportKind kind)
{
  g_return_if_fail (BP_IS_IMPORT (self));
  g_return_if_fail (kind <= BP_IMPORT_UPDATES);
  self->kind = kind;
}

void
bp_import_set_source_path (BpImport *self, const char *path)
{
  g_return_if_fail (BP_IS_IMPORT (self) && path != NULL);
  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->source_name);
  self->source_name = g_strdup (path);
}

void
bp_import_set_source_bytes (BpImport *self, GBytes *bytes, const char *display_name)
{
  g_return_if_fail (BP_IS_IMPORT (self) && bytes != NULL);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_bytes_ref (bytes);
  g_free (self->source_name);
  self->source_name = g_strdup (display_name ? display_name : "(data)");
}

const char *
bp_import_get_source_name (BpImport *self)
{
  g_return_val_if_fail (BP_IS_IMPORT (self), NULL);
  return self->source_name ? self->source_name : "(no source)";
}

void
bp_import_set_sheet (BpImport *self, const char *sheet)
{
  g_return_if_fail (BP_IS_IMPORT (self));
  g_free (self->sheet);
  self->sheet = g_strdup (sheet);
}

void
bp_import_set_date (BpImport *self, const char *date)
{
  g_return_if_fail (BP_IS_IMPORT (self));
  g_return_if_fail (date == NULL || bp_date_is_valid (date));
  g_free (self->date);
  self->date = g_strdup (date);
}

void
bp_import_set_fy_start_month (BpImport *self, int month)
{
  g_return_if_fail (BP_IS_IMPORT (self));
  g_return_if_fail (month >= 0 && month <= 12);
  self->fy_start_month = month;
}

static GBytes *
load_source (BpImport *self, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GMappedFile) mapped = NULL;

  if (self->bytes)
    return g_bytes_ref (self->bytes);
  if (self->path == NULL)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND, _("No source to import"));
      return NULL;
    }
  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND, _("%s: is a folder, not a CSV file"),
                   self->path);
      return NULL;
    }
  mapped = g_mapped_file_new (self->path, FALSE, &local);
  if (mapped == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND, _("%s: no such file"), self->path);
      else
        g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND, _("%s: cannot read it: %s"),
                     self->path, local->message);
      return NULL;
    }
  return g_mapped_file_get_bytes (mapped);
}

static void
run_clear (BpImportRun *run)
{
  g_clear_pointer (&run->pending, g_ptr_array_unref);
  g_clear_pointer (&run->pending_scores, g_array_unref);
  g_clear_pointer (&run->columns, g_ptr_array_unref);
  g_clear_pointer (&run->missing, g_ptr_array_unref);
  g_clear_pointer (&run->warned_headerless, g_hash_table_unref);
  g_clear_pointer (&run->people, g_hash_table_unref);
  g_clear_pointer (&run->people_names, g_hash_table_unref);
  g_clear_pointer (&run->organisations, g_hash_table_unref);
  g_clear_pointer (&run->priority_codes, g_hash_table_unref);
  g_clear_pointer (&run->priority_titles, g_hash_table_unref);
  g_clear_pointer (&run->priority_cells, g_hash_table_unref);
  g_clear_pointer (&run->action_ids, g_hash_table_unref);
  g_clear_pointer (&run->next_action_position, g_hash_table_unref);
  g_clear_pointer (&run->refs_seen, g_hash_table_unref);
  g_clear_pointer (&run->risks, g_hash_table_unref);
  g_clear_pointer (&run->risks_seen, g_hash_table_unref);
  g_clear_pointer (&run->measures_by_ref, g_hash_table_unref);
  g_clear_pointer (&run->measures_by_title, g_hash_table_unref);
  g_clear_pointer (&run->measure_store, g_ptr_array_unref);
  g_clear_pointer (&run->measures_changed, g_hash_table_unref);
  g_clear_pointer (&run->values_seen, g_hash_table_unref);
  g_clear_pointer (&run->preview_rows, g_ptr_array_unref);
  g_clear_pointer (&run->preview_row_numbers, g_array_unref);
  g_clear_pointer (&run->date, g_free);
  for (int f = 0; f < N_FIELDS; f++)
    g_clear_pointer (&run->words_example[f], g_free);
}

static void
run_init (BpImportRun *run, BpImport *self, BpDb *db, BpImportReport *report)
{
  memset (run, 0, sizeof *run);
  run->imp = self;
  run->db = db;
  run->report = report;
  run->source = report->source;
  run->fy_start = self->fy_start_month ? self->fy_start_month : 4;
  run->date = self->date ? g_strdup (self->date) : bp_date_today ();
  run->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  run->pending_scores = g_array_new (FALSE, FALSE, sizeof (int));
  run->missing = g_ptr_array_new_with_free_func (g_free);
  run->warned_headerless = g_hash_table_new (NULL, NULL);
  run->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->people_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->priority_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->priority_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->priority_cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->action_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->next_action_position = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  run->refs_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->risks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) bp_risk_free);
  run->risks_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) bp_import_risk_seen_free);
  run->measures_by_ref = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->measures_by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->measure_store = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_measure_free);
  run->measures_changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  run->values_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ------------------------------------------------------------ workbooks */

/* A look at a sheet's first rows for the header, as a run would find it. */
typedef struct
{
  BpImportRun *run;
  int best;
  int records;
} SheetProbe;

static gboolean
probe_record_cb (const BpCsvRecord *rec, gpointer user_data)
{
  SheetProbe *probe = user_data;
  int score = bp_import_header_score (probe->run, rec);

  if (score < 0)
    return TRUE;
  probe->best = MAX (probe->best, score);
  return probe->best != G_MAXINT && ++probe->records < HEADER_SEARCH_ROWS;
}

static void
probe_problem_cb (int row, gboolean is_error, const char *message, gpointer user_data)
{
}

/* The sheet to read when none is named: the first visible one whose
 * header names every column the kind needs, else the one that names the
 * most, else the first visible sheet. */
static guint
choose_sheet (BpImportRun *run, BpWorkbook *wb)
{
  static const BpCsvCallbacks callbacks = { probe_record_cb, probe_problem_cb };
  guint n = bp_workbook_get_n_sheets (wb), chosen = G_MAXUINT;
  int best = 0;

  for (guint i = 0; i < n; i++)
    {
      SheetProbe probe = { run, 0, 0 };

      if (bp_workbook_get_sheet_hidden (wb, i))
        continue;
      if (chosen == G_MAXUINT)
        chosen = i;
      bp_workbook_read_sheet (wb, i, &callbacks, &probe, NULL);
      if (probe.best > best)
        {
          best = probe.best;
          chosen = i;
        }
      if (best == G_MAXINT)
        break;
    }
  return chosen == G_MAXUINT ? 0 : chosen;
}

static char *
sheet_list (BpWorkbook *wb)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < bp_workbook_get_n_sheets (wb); i++)
    if (!bp_workbook_get_sheet_hidden (wb, i))
      g_string_append_printf (names, "%s“%s”", names->len ? ", " : "",
                              bp_workbook_get_sheet_name (wb, i));
  return g_string_free (names, FALSE);
}

/* The file's name says workbook: reading it as CSV would only give noise. */
static gboolean
named_as_workbook (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm")
         || g_str_has_suffix (lower, ".xls") || g_str_has_suffix (lower, ".ods");
}

/* Reads a workbook's sheet through the run; FALSE when no sheet could be
 * read (reported). Messages from here on name FILE:SHEET. */
static gboolean
run_workbook (BpImportRun *run, GBytes *bytes, BpCsvInfo *info)
{
  static const BpCsvCallbacks callbacks = { on_record_cb, on_problem_cb };
  g_autoptr (GError) error = NULL;
  g_autoptr (BpWorkbook) wb = bp_workbook_open (bytes, &error);
  int index;

  if (wb == NULL)
    {
      bp_import_row_error (run, 0, "%s", error->message);
      return FALSE;
    }
  if (run->imp->sheet)
    {
      index = bp_workbook_find_sheet (wb, run->imp->sheet);
      if (index < 0)
        {
          g_autofree char *names = sheet_list (wb);

          bp_import_row_error (run, 0, _("--sheet “%s”: the workbook has no such sheet (its "
                                         "sheets: %s)"),
                               run->imp->sheet, names);
          return FALSE;
        }
    }
  else
    index = (int) choose_sheet (run, wb);

  g_free (run->report->source);
  run->report->source = g_strdup_printf ("%s:%s", bp_import_get_source_name (run->imp),
                                         bp_workbook_get_sheet_name (wb, (guint) index));
  run->source = run->report->source;
  run->from_workbook = TRUE;
  bp_workbook_read_sheet (wb, (guint) index, &callbacks, run, info);
  return TRUE;
}

/* Reads the whole source through the run: the header, then every row. */
static void
run_source (BpImportRun *run, GBytes *bytes)
{
  static const BpCsvCallbacks callbacks = { on_record_cb, on_problem_cb };
  BpCsvInfo info = { 0 };

  switch (bp_workbook_sniff (bytes))
    {
    case BP_SOURCE_ZIP:
    case BP_SOURCE_OLE:
      if (!run_workbook (run, bytes, &info))
        return;
      break;
    case BP_SOURCE_CSV:
    default:
      if (named_as_workbook (bp_import_get_source_name (run->imp)))
        {
          bp_import_row_error (run, 0,
                               _("the name says workbook, but this is not one: it is damaged, "
                                 "only partly copied, or text renamed; save it again from the "
                                 "spreadsheet program"));
          return;
        }
      bp_csv_read (bytes, &callbacks, run, &info);
      break;
    }
  if (!run->have_header && run->pending->len > 0)
    bp_import_choose_header (run, TRUE);
  /* Every row is a data row, a heading, unreadable (reported) or blank:
   * an empty line, or cells with nothing in them. */
  if (run->have_header && !run->mapping_failed)
    run->report->blank_rows = MAX (0, info.n_rows - run->header_row - run->report->rows
                                          - run->n_unreadable_rows);
  if (!run->have_header && run->report->n_errors == 0)
    bp_import_row_error (run, 0, _("the file is empty: no header row and no data"));
  else if (run->have_header && run->report->rows == 0 && !run->mapping_failed
           && run->report->n_errors == 0)
    bp_import_row_warning (run, 0, _("the file has a header but no rows"));
  words_warnings (run);
}

BpImportPreview *
bp_import_preview (BpImport *self, BpDb *db, guint max_rows, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  BpImportPreview *preview;
  BpImportRun run;

  g_return_val_if_fail (BP_IS_IMPORT (self), NULL);
  g_return_val_if_fail (db == NULL || BP_IS_DB (db), NULL);

  bytes = load_source (self, error);
  if (bytes == NULL)
    return NULL;

  preview = g_new0 (BpImportPreview, 1);
  /* With a file that can be written, a dry run: its report has the counts
   * and every error, those only the file can tell included. */
  if (db && !bp_db_is_read_only (db))
    {
      g_autoptr (GError) local = NULL;

      if (!bp_import_run (self, db, TRUE, &preview->report, &local)
          && !g_error_matches (local, BP_ERROR, BP_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          bp_import_preview_free (preview);
          return NULL;
        }
    }

  {
    BpImportReport *report = report_new (self, TRUE);

    run_init (&run, self, NULL, report);
    if (db)
      {
        g_autoptr (BpProgramme) programme = bp_db_get_programme (db, NULL);

        if (programme && self->fy_start_month == 0)
          run.fy_start = programme->fy_start_month;
      }
    run.max_rows = max_rows;
    run.preview_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    run.preview_row_numbers = g_array_new (FALSE, FALSE, sizeof (int));
    run_source (&run, bytes);

    preview->header_row = run.have_header ? run.header_row : 0;
    preview->rows = g_steal_pointer (&run.preview_rows);
    preview->row_numbers = g_steal_pointer (&run.preview_row_numbers);
    preview->missing = g_steal_pointer (&run.missing);
    if (preview->report == NULL)
      preview->report = report;
    else
      bp_import_report_free (report);
  }

  /* The columns in the window's terms. */
  preview->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) import_column_free);
  for (guint i = 0; run.columns && i < run.columns->len; i++)
    {
      BpImportRunColumn *c = g_ptr_array_index (run.columns, i);
      BpImportColumn *pc = g_new0 (BpImportColumn, 1);
      const char *name = bp_import_field_name (self->kind, c->field);

      pc->index = (int) i;
      pc->header = g_strdup (c->header);
      pc->field = c->field >= F_REF && name ? g_strdup (name) : NULL;
      pc->note = g_strdup (c->note);
      pc->mapped = c->mapped;
      pc->period = c->period;
      pc->period_end = g_strdup (c->period_end);
      g_ptr_array_add (preview->columns, pc);
    }
  run_clear (&run);
  return preview;
}

gboolean
bp_import_run (BpImport *self, BpDb *db, gboolean dry_run, BpImportReport **out_report,
               GError **error)
{
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;
  BpImportRun run;
  gboolean ok;

  g_return_val_if_fail (BP_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (BP_IS_DB (db), FALSE);

  report = report_new (self, dry_run);
  if (out_report)
    *out_report = NULL;

  bytes = load_source (self, error);
  if (bytes == NULL)
    {
      if (out_report)
        *out_report = g_steal_pointer (&report);
      return FALSE;
    }
  if (bp_db_is_read_only (db))
    {
      g_set_error (error, BP_ERROR, BP_ERROR_READ_ONLY, _("%s: cannot import into it: %s"),
                   bp_db_get_path (db), bp_db_get_read_only_reason (db));
      if (out_report)
        *out_report = g_steal_pointer (&report);
      return FALSE;
    }

  if (!bp_db_begin (db, error))
    {
      if (out_report)
        *out_report = g_steal_pointer (&report);
      return FALSE;
    }

  run_init (&run, self, db, report);
  if (!load_lookups (&run, &local))
    bp_import_row_error (&run, 0, "%s", local->message);
  else
    run_source (&run, bytes);
  run_clear (&run);

  ok = report->n_errors == 0;
  if (ok && !dry_run)
    {
      if (bp_db_commit (db, &local))
        report->written = TRUE;
      else
        {
          bp_import_row_error (&run, 0, "%s", local->message);
          bp_db_rollback (db);
          ok = FALSE;
        }
    }
  else
    bp_db_rollback (db);

  if (!ok)
    g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%s: %d error; nothing was imported",
                              "%s: %d errors; nothing was imported", report->n_errors),
                 report->source, report->n_errors);
  if (out_report)
    *out_report = g_steal_pointer (&report);
  return ok;
}
