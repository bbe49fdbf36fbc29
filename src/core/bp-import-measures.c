/* bp-import-measures.c: a scorecard's rows, long (a period and a value a
 * row) or wide (a column a period): the measures and their values. */
#include <glib/gi18n.h>
#include <math.h>

#include "bp-dates.h"
#include "bp-db-private.h"
#include "bp-import-private.h"

static gboolean
row_number (BpImportRun *run, const BpImportRow *r, BpImportField f, double *out, const char **unit)
{
  const char *text = bp_import_val (r, f);

  *out = NAN;
  if (unit)
    *unit = NULL;
  if (text == NULL || bp_import_parse_number (text, out, unit))
    return TRUE;
  bp_import_row_error (run, r->row, _("%s: “%s” is not a number"), r->header[f], text);
  return FALSE;
}

static void
set_real (double *field, double value, gboolean *changed)
{
  if (isnan (value))
    return;
  if (isnan (*field) || *field != value)
    {
      *field = value;
      *changed = TRUE;
    }
}

/* --------------------------------------------------------------- measures */

static BpMeasure *
resolve_measure (BpImportRun *run, const BpImportRow *r, const char *unit_hint)
{
  const char *ref = bp_import_val (r, F_REF), *title = bp_import_val (r, F_MEASURE);
  g_autofree char *title_key = title ? bp_import_fold_name (title) : NULL;
  g_autoptr (GError) error = NULL;
  BpMeasure *m = NULL;
  gboolean changed = FALSE, created = FALSE;
  double target, tolerance, baseline;
  BpPolarity polarity;

  if (ref)
    m = g_hash_table_lookup (run->measures_by_ref, ref);
  if (m == NULL && title_key)
    m = g_hash_table_lookup (run->measures_by_title, title_key);
  if (m == NULL)
    {
      m = bp_measure_new ();
      m->ref = g_strdup (ref);
      m->title = g_strdup (title ? title : ref);
      m->unit = g_strdup (bp_import_val (r, F_UNIT) ? bp_import_val (r, F_UNIT) : unit_hint);
      m->position = run->next_measure_position++;
      created = TRUE;
    }

  if (!row_number (run, r, F_TARGET, &target, NULL)
      || !row_number (run, r, F_TOLERANCE, &tolerance, NULL)
      || !row_number (run, r, F_BASELINE, &baseline, NULL))
    goto failed;
  if (bp_import_val (r, F_POLARITY)
      && !bp_import_parse_polarity (bp_import_val (r, F_POLARITY), &polarity))
    {
      bp_import_row_error (run, r->row,
                           _("%s: “%s” is not a polarity (higher is better, lower is better "
                              "or close to target)"),
                           r->header[F_POLARITY], bp_import_val (r, F_POLARITY));
      goto failed;
    }
  if (run->db == NULL)
    goto failed; /* checked, nothing to write */

  bp_import_replace_text (&m->ref, ref, &changed);
  bp_import_replace_text (&m->unit, bp_import_val (r, F_UNIT), &changed);
  set_real (&m->target, target, &changed);
  set_real (&m->tolerance, tolerance, &changed);
  set_real (&m->baseline, baseline, &changed);
  bp_import_replace_text (&m->frequency, bp_import_val (r, F_FREQUENCY), &changed);
  bp_import_replace_text (&m->comparator, bp_import_val (r, F_COMPARATOR), &changed);
  if (bp_import_val (r, F_POLARITY) && m->polarity != polarity)
    {
      m->polarity = polarity;
      changed = TRUE;
    }

  if (created)
    {
      if (!bp_db_insert_measure (run->db, m, &error))
        {
          bp_import_db_error (run, r->row, error);
          goto failed;
        }
      run->report->measures_created++;
      g_ptr_array_add (run->measure_store, m);
      if (m->ref)
        g_hash_table_insert (run->measures_by_ref, g_strdup (m->ref), m);
      g_hash_table_insert (run->measures_by_title, bp_import_fold_name (m->title), m);
      g_hash_table_add (run->measures_changed, g_memdup2 (&m->id, sizeof m->id));
    }
  else if (changed)
    {
      if (!bp_db_update_measure (run->db, m, &error))
        {
          bp_import_db_error (run, r->row, error);
          return NULL;
        }
      if (!g_hash_table_contains (run->measures_changed, &m->id))
        {
          run->report->measures_updated++;
          g_hash_table_add (run->measures_changed, g_memdup2 (&m->id, sizeof m->id));
        }
    }
  return m;

failed:
  if (created)
    bp_measure_free (m);
  return NULL;
}

static void
upsert_value (BpImportRun *run, int row, BpMeasure *m, const char *period, const char *period_end,
              double value, const char *note)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", m->id, period);
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;
  gpointer seen;
  gint64 id = 0;
  gboolean same = FALSE;

  if (g_hash_table_lookup_extended (run->values_seen, key, NULL, &seen))
    {
      bp_import_row_error (run, row, _("%s for %s is already on row %d"), m->title, period,
                           GPOINTER_TO_INT (seen));
      return;
    }
  g_hash_table_insert (run->values_seen, g_steal_pointer (&key), GINT_TO_POINTER (row));
  if (isnan (value))
    run->report->values_without_figure++;

  stmt = bp_db_statement (run->db,
                          "SELECT id, period_end, value, note FROM measure_value"
                          " WHERE measure_id = ?1 AND period = ?2",
                          &error);
  if (stmt == NULL)
    {
      bp_import_db_error (run, row, error);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, m->id);
  sqlite3_bind_text (stmt, 2, period, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean null_value = sqlite3_column_type (stmt, 2) == SQLITE_NULL;
      double old = sqlite3_column_double (stmt, 2);

      id = sqlite3_column_int64 (stmt, 0);
      same = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), period_end) == 0
             && (isnan (value) ? null_value : (!null_value && old == value))
             && (note == NULL
                 || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), note) == 0);
    }
  sqlite3_reset (stmt);

  if (id > 0 && same)
    {
      run->report->values_unchanged++;
      return;
    }
  {
    g_autoptr (BpMeasureValue) v = NULL;

    if (id > 0)
      {
        v = bp_db_get_measure_value (run->db, id, &error);
        if (v == NULL)
          {
            bp_import_db_error (run, row, error);
            return;
          }
        g_free (v->period_end);
        v->period_end = g_strdup (period_end);
        v->value = value;
        if (note)
          {
            g_free (v->note);
            v->note = g_strdup (note);
          }
        if (!bp_db_update_measure_value (run->db, v, &error))
          {
            bp_import_db_error (run, row, error);
            return;
          }
        run->report->values_updated++;
        return;
      }
    v = bp_measure_value_new ();
    v->measure_id = m->id;
    v->period = g_strdup (period);
    v->period_end = g_strdup (period_end);
    v->value = value;
    v->note = g_strdup (note);
    if (!bp_db_insert_measure_value (run->db, v, &error))
      {
        bp_import_db_error (run, row, error);
        return;
      }
    run->report->values_created++;
  }
}

void
bp_import_measure_row (BpImportRun *run, BpImportRow *r)
{
  const char *unit_hint = NULL;
  BpMeasure *m;
  gboolean ok = TRUE;

  if (bp_import_val (r, F_MEASURE) == NULL && bp_import_val (r, F_REF) == NULL)
    {
      const char *h = r->header[F_MEASURE] ? r->header[F_MEASURE] : r->header[F_REF];

      bp_import_row_error (run, r->row, _("%s: empty; say which measure the row is for"), h);
      return;
    }

  if (run->wide)
    {
      g_autofree double *values = g_new (double, run->columns->len);

      for (guint c = 0; c < run->columns->len; c++)
        {
          BpImportRunColumn *col = g_ptr_array_index (run->columns, c);
          g_autofree char *cell = NULL;
          const char *unit = NULL;

          values[c] = NAN;
          if (!col->period)
            continue;
          cell = bp_import_trim_cell (c < r->record->n_cells ? r->record->cells[c] : NULL);
          if (!bp_import_parse_number (cell, &values[c], &unit))
            {
              bp_import_row_error (run, r->row, _("%s: “%s” is not a number"), col->header, cell);
              ok = FALSE;
            }
          if (unit && !unit_hint)
            unit_hint = unit;
        }
      m = resolve_measure (run, r, unit_hint);
      if (!ok || m == NULL)
        return;
      for (guint c = 0; c < run->columns->len; c++)
        {
          BpImportRunColumn *col = g_ptr_array_index (run->columns, c);

          if (col->period)
            upsert_value (run, r->row, m, col->header, col->period_end, values[c], NULL);
        }
      return;
    }

  {
    g_autofree char *period_end = NULL;
    g_autofree char *problem = NULL;
    const char *period = bp_import_val (r, F_PERIOD);
    double value = NAN;

    if (period == NULL)
      {
        bp_import_row_error (run, r->row, _("%s: empty; say which period the value is for"),
                             r->header[F_PERIOD]);
        ok = FALSE;
      }
    if (bp_import_val (r, F_PERIOD_END))
      {
        g_autofree char *words = NULL;

        ok &= bp_import_row_date (run, r, F_PERIOD_END, &period_end, &words);
        if (words)
          {
            bp_import_row_error (run, r->row, _("%s: “%s” is not a date"), r->header[F_PERIOD_END],
                                 words);
            ok = FALSE;
          }
      }
    else if (period)
      {
        BpDateKind dk = bp_date_parse_loose (period, run->fy_start, &period_end, &problem);

        if (dk == BP_DATE_INVALID)
          {
            bp_import_row_error (run, r->row, "%s: %s", r->header[F_PERIOD], problem);
            ok = FALSE;
          }
        else if (dk != BP_DATE_DAY && dk != BP_DATE_PERIOD)
          {
            bp_import_row_error (
                run, r->row,
                _("%s: “%s” is not a period whose end can be worked out (Sep-24, Q3 "
                   "2024/25, 2024/25, 2024): add a Period end column"),
                r->header[F_PERIOD], period);
            ok = FALSE;
          }
      }
    ok &= row_number (run, r, F_VALUE, &value, &unit_hint);
    m = resolve_measure (run, r, unit_hint);
    if (!ok || m == NULL)
      return;
    upsert_value (run, r->row, m, period, period_end, value, bp_import_val (r, F_NOTE));
  }
}
