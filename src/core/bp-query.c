/* bp-query.c: the read-side queries of a programme. */
#define _GNU_SOURCE /* strverscmp */
#include <glib/gi18n.h>
#include <string.h>

#include "bp-db-private.h"
#include "bp-query.h"
#include "bp-rules.h"
#include "bp-schema-private.h"


static GPtrArray *
new_rows (const BpEntity *entity)
{
  /* Each entity frees its own way; wrap the two-argument free. */
  if (entity == &bp_entity_action)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_action_free);
  if (entity == &bp_entity_update)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_update_free);
  if (entity == &bp_entity_priority)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_priority_free);
  if (entity == &bp_entity_person)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_person_free);
  if (entity == &bp_entity_organisation)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_organisation_free);
  if (entity == &bp_entity_risk)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_risk_free);
  if (entity == &bp_entity_mitigation)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_mitigation_free);
  if (entity == &bp_entity_risk_band)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_risk_band_free);
  if (entity == &bp_entity_measure)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_measure_free);
  if (entity == &bp_entity_measure_value)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_measure_value_free);
  if (entity == &bp_entity_meeting)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_meeting_free);
  if (entity == &bp_entity_snapshot)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_snapshot_free);
  if (entity == &bp_entity_milestone)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_milestone_free);
  g_assert_not_reached ();
}

typedef struct
{
  int type; /* SQLITE_TEXT or SQLITE_INTEGER */
  const char *text;
  gint64 number;
} Param;

/* Runs @sql with @params bound in order and reads @entity rows. */
static GPtrArray *
select_rows (BpDb *self, const BpEntity *entity, const char *sql,
             const Param *params, guint n_params, GError **error)
{
  g_autoptr (GPtrArray) rows = new_rows (entity);
  sqlite3_stmt *stmt = bp_db_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_params; i++)
    {
      if (params[i].type == SQLITE_TEXT)
        sqlite3_bind_text (stmt, i + 1, params[i].text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i + 1, params[i].number);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer row = bp_entity_new (entity);

      bp_entity_read (entity, stmt, 0, row);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bp_db_set_sqlite_error (self, rc, _("Reading the file"), error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
bp_db_select_entities (BpDb *self, const BpEntity *entity, const char *sql, gint64 id,
                       GError **error)
{
  Param p = { SQLITE_INTEGER, NULL, id };

  return select_rows (self, entity, sql, &p, id != 0 ? 1 : 0, error);
}

static GPtrArray *
select_all (BpDb *self, const BpEntity *entity, const char *order, GError **error)
{
  g_autofree char *cols = bp_entity_columns (entity, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s", cols,
                                          entity->table, order);

  return select_rows (self, entity, sql, NULL, 0, error);
}

/* Each word the user typed becomes a quoted prefix term, so that
 * punctuation such as "3.2" or a stray quote is never FTS5 syntax. */
static char *
fts_query (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n", -1);
  GString *q = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *escaped = NULL;
      g_auto (GStrv) parts = NULL;

      if (*words[i] == '\0')
        continue;
      parts = g_strsplit (words[i], "\"", -1);
      escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (q, "%s\"%s\"*", q->len ? " " : "", escaped);
    }
  return g_string_free (q, FALSE);
}

gboolean
bp_action_filter_due_to (const BpActionFilter *filter, char **out_due_to, GError **error)
{
  g_return_val_if_fail (filter != NULL && out_due_to != NULL, FALSE);

  *out_due_to = NULL;
  if (filter->due_from == NULL || filter->due_within_days < 0)
    return TRUE;
  *out_due_to = bp_date_add_days (filter->due_from, filter->due_within_days);
  if (*out_due_to == NULL)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)"),
                   filter->due_from);
      return FALSE;
    }
  return TRUE;
}

gboolean
bp_action_filter_is_empty (const BpActionFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);
  return filter->priority_id <= 0 && filter->owner_id <= 0 && filter->rag_mask == 0
         && filter->overdue_as_of == NULL
         && (filter->due_from == NULL || filter->due_within_days < 0)
         && (filter->search == NULL || *filter->search == '\0');
}

/* The C form of the WHERE clause of bp_db_list_actions() below, less the
 * search: a change to one is a change to both (test-plan-writes.c runs
 * them side by side). The date due is the revised one when there is one,
 * and complete (blue) actions are never overdue or due; dates are ISO
 * text, compared byte by byte as SQLite compares them. */
gboolean
bp_action_filter_matches (const BpActionFilter *filter, const BpAction *action,
                          const char *due_to)
{
  const char *due;

  g_return_val_if_fail (filter != NULL && action != NULL, FALSE);

  due = action->revised_due_date ? action->revised_due_date : action->due_date;
  if (filter->priority_id > 0 && action->priority_id != filter->priority_id)
    return FALSE;
  if (filter->owner_id > 0 && action->owner_id != filter->owner_id)
    return FALSE;
  if (filter->rag_mask != 0 && !(filter->rag_mask & (1u << action->rag)))
    return FALSE;
  if (filter->overdue_as_of
      && (action->rag == BP_RAG_BLUE || due == NULL || strcmp (due, filter->overdue_as_of) >= 0))
    return FALSE;
  if (due_to
      && (action->rag == BP_RAG_BLUE || due == NULL || strcmp (due, filter->due_from) < 0
          || strcmp (due, due_to) > 0))
    return FALSE;
  return TRUE;
}

GPtrArray *
bp_db_list_actions (BpDb *self, const BpActionFilter *filter, GError **error)
{
  static const BpActionFilter no_filter = BP_ACTION_FILTER_INIT;
  g_autofree char *cols = bp_entity_columns (&bp_entity_action, "a");
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *query = NULL;
  g_autofree char *due_to = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *rag_since = bp_schema_rag_since_sql ("a.id", "a.rag", "lu.id");
  Param params[8];
  guint n = 0;

  g_return_val_if_fail (BP_IS_DB (self), NULL);
  if (filter == NULL)
    filter = &no_filter;

  g_string_printf (sql,
                   "SELECT %s, p.code, o.name, g.name, lu.date, lu.commentary, lu.next_steps,"
                   "   lu.asks, %s"
                   " FROM action a JOIN priority p ON p.id = a.priority_id"
                   " LEFT JOIN person o ON o.id = a.owner_id"
                   " LEFT JOIN organisation g ON g.id = a.organisation_id"
                   " LEFT JOIN progress_update lu ON lu.id = " BP_SQL_LATEST_UPDATE_ID
                   " WHERE 1",
                   cols, rag_since);
  if (filter->priority_id > 0)
    {
      g_string_append_printf (sql, " AND a.priority_id = ?%u", n + 1);
      params[n++] = (Param) { SQLITE_INTEGER, NULL, filter->priority_id };
    }
  if (filter->owner_id > 0)
    {
      g_string_append_printf (sql, " AND a.owner_id = ?%u", n + 1);
      params[n++] = (Param) { SQLITE_INTEGER, NULL, filter->owner_id };
    }
  if (filter->rag_mask != 0)
    {
      gboolean first = TRUE;

      g_string_append (sql, " AND a.rag IN (");
      for (BpRag r = 0; r < BP_RAG_COUNT; r++)
        if (filter->rag_mask & (1u << r))
          {
            g_string_append_printf (sql, "%s'%c'", first ? "" : ",", bp_rag_to_letter (r));
            first = FALSE;
          }
      g_string_append (sql, ")");
    }
  if (filter->overdue_as_of)
    {
      g_string_append_printf (sql, " AND a.rag <> 'B'"
                                   " AND coalesce(a.revised_due_date, a.due_date) < ?%u", n + 1);
      params[n++] = (Param) { SQLITE_TEXT, filter->overdue_as_of, 0 };
    }
  if (!bp_action_filter_due_to (filter, &due_to, error))
    return NULL;
  if (due_to)
    {
      g_string_append_printf (sql, " AND a.rag <> 'B'"
                                   " AND coalesce(a.revised_due_date, a.due_date) BETWEEN ?%u AND ?%u",
                              n + 1, n + 2);
      params[n++] = (Param) { SQLITE_TEXT, filter->due_from, 0 };
      params[n++] = (Param) { SQLITE_TEXT, due_to, 0 };
    }
  if (filter->search && *filter->search)
    {
      trimmed = g_strstrip (g_strdup (filter->search));
      query = fts_query (filter->search);
      if (*query)
        {
          g_string_append_printf (sql,
                                  " AND (a.ref = ?%u OR a.id IN ("
                                  "SELECT rowid FROM action_fts WHERE action_fts MATCH ?%u"
                                  " UNION SELECT u.action_id FROM update_fts f"
                                  " JOIN progress_update u ON u.id = f.rowid"
                                  " WHERE update_fts MATCH ?%u))",
                                  n + 1, n + 2, n + 2);
          params[n++] = (Param) { SQLITE_TEXT, trimmed, 0 };
          params[n++] = (Param) { SQLITE_TEXT, query, 0 };
        }
    }
  g_string_append (sql, " ORDER BY p.position, p.code, a.position, a.ref");

  return select_rows (self, &bp_entity_action, sql->str, params, n, error);
}

GPtrArray *
bp_db_list_updates (BpDb *self, gint64 action_id, GError **error)
{
  g_autofree char *cols = bp_entity_columns (&bp_entity_update, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM progress_update WHERE action_id = ?1"
                                          " ORDER BY date DESC, id DESC", cols);
  Param p = { SQLITE_INTEGER, NULL, action_id };

  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_rows (self, &bp_entity_update, sql, &p, 1, error);
}

GPtrArray *
bp_db_list_priorities (BpDb *self, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_all (self, &bp_entity_priority, "position, code", error);
}

GPtrArray *
bp_db_list_people (BpDb *self, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_all (self, &bp_entity_person, "name COLLATE NOCASE, id", error);
}

GPtrArray *
bp_db_list_organisations (BpDb *self, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_all (self, &bp_entity_organisation, "name COLLATE NOCASE, id", error);
}

GPtrArray *
bp_db_list_risks (BpDb *self, GError **error)
{
  g_autofree char *cols = bp_entity_columns (&bp_entity_risk, "r");
  g_autofree char *sql = g_strdup_printf ("SELECT %s, o.name FROM risk r"
                                          " LEFT JOIN person o ON o.id = r.owner_id"
                                          " ORDER BY r.position, r.ref", cols);

  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_rows (self, &bp_entity_risk, sql, NULL, 0, error);
}

GPtrArray *
bp_db_list_mitigations (BpDb *self, gint64 risk_id, GError **error)
{
  g_autofree char *cols = bp_entity_columns (&bp_entity_mitigation, "m");
  g_autofree char *sql = g_strdup_printf ("SELECT %s, o.name FROM mitigation m"
                                          " LEFT JOIN person o ON o.id = m.owner_id"
                                          " WHERE m.risk_id = ?1"
                                          " ORDER BY m.position, m.id", cols);
  Param p = { SQLITE_INTEGER, NULL, risk_id };

  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_rows (self, &bp_entity_mitigation, sql, &p, 1, error);
}

GStrv
bp_db_risk_action_refs (BpDb *self, gint64 risk_id, GError **error)
{
  g_autoptr (GStrvBuilder) refs = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BP_IS_DB (self), NULL);
  stmt = bp_db_statement (self, "SELECT a.ref FROM risk_action ra JOIN action a"
                                " ON a.id = ra.action_id WHERE ra.risk_id = ?1"
                                " ORDER BY a.position, a.ref", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, risk_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (refs, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bp_db_set_sqlite_error (self, rc, _("Reading the file"), error);
      return NULL;
    }
  return g_strv_builder_end (refs);
}

GPtrArray *
bp_db_list_risk_bands (BpDb *self, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_all (self, &bp_entity_risk_band, "min_score", error);
}

GPtrArray *
bp_db_list_measures (BpDb *self, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_all (self, &bp_entity_measure, "position, id", error);
}

GPtrArray *
bp_db_list_measure_values (BpDb *self, gint64 measure_id, GError **error)
{
  g_autofree char *cols = bp_entity_columns (&bp_entity_measure_value, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM measure_value WHERE measure_id = ?1"
                                          " ORDER BY period_end, id", cols);
  Param p = { SQLITE_INTEGER, NULL, measure_id };

  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_rows (self, &bp_entity_measure_value, sql, &p, 1, error);
}

GPtrArray *
bp_db_list_meetings (BpDb *self, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_all (self, &bp_entity_meeting, "date", error);
}

GPtrArray *
bp_db_list_snapshots (BpDb *self, GError **error)
{
  g_autofree char *cols = bp_entity_columns (&bp_entity_snapshot, "s");
  g_autofree char *sql = g_strdup_printf ("SELECT %s, m.date FROM snapshot s"
                                          " JOIN meeting m ON m.id = s.meeting_id"
                                          " ORDER BY m.date", cols);

  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_rows (self, &bp_entity_snapshot, sql, NULL, 0, error);
}

GPtrArray *
bp_db_list_milestones_due (BpDb *self, const char *from, const char *to, GError **error)
{
  g_autofree char *cols = bp_entity_columns (&bp_entity_milestone, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM milestone WHERE done_date IS NULL"
                                          " AND due_date IS NOT NULL"
                                          " AND due_date >= coalesce(?1, '')"
                                          " AND due_date <= coalesce(?2, '9999')"
                                          " ORDER BY due_date, id", cols);
  Param p[2] = { { SQLITE_TEXT, from, 0 }, { SQLITE_TEXT, to, 0 } };

  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_rows (self, &bp_entity_milestone, sql, p, 2, error);
}

GPtrArray *
bp_db_list_action_milestones (BpDb *self, gint64 action_id, GError **error)
{
  g_autofree char *cols = bp_entity_columns (&bp_entity_milestone, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM milestone WHERE action_id = ?1"
                                          " ORDER BY due_date, id", cols);
  Param p = { SQLITE_INTEGER, NULL, action_id };

  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return select_rows (self, &bp_entity_milestone, sql, &p, 1, error);
}

static gboolean
count_into (BpDb *self, const char *sql, const char *text, int *out, GError **error)
{
  sqlite3_stmt *stmt = bp_db_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      bp_db_set_sqlite_error (self, rc, _("Reading the file"), error);
      return FALSE;
    }
  return TRUE;
}

int *
bp_db_count_actions_by_priority (BpDb *self, GPtrArray *priorities, GError **error)
{
  g_autofree int *counts = NULL;
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BP_IS_DB (self) && priorities != NULL, NULL);
  counts = g_new0 (int, MAX (priorities->len, 1) * BP_RAG_COUNT);
  for (guint i = 0; i < priorities->len; i++)
    g_hash_table_insert (index, &((BpPriority *) priorities->pdata[i])->id, GUINT_TO_POINTER (i + 1));

  stmt = bp_db_statement (self, "SELECT priority_id, rag, count(*) FROM action"
                                " GROUP BY priority_id, rag", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
      BpRag rag;

      if (pos > 0 && bp_rag_parse ((const char *) sqlite3_column_text (stmt, 1), &rag))
        counts[(pos - 1) * BP_RAG_COUNT + rag] += sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bp_db_set_sqlite_error (self, rc, _("Reading the file"), error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

gboolean
bp_db_summary (BpDb *self, const char *as_of, BpSummary *out, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BP_IS_DB (self) && as_of != NULL && out != NULL, FALSE);
  memset (out, 0, sizeof *out);

  stmt = bp_db_statement (self, "SELECT rag, count(*) FROM action GROUP BY rag", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BpRag rag;
      int n = sqlite3_column_int (stmt, 1);

      if (bp_rag_parse ((const char *) sqlite3_column_text (stmt, 0), &rag))
        out->by_rag[rag] += n;
      out->actions += n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bp_db_set_sqlite_error (self, rc, _("Reading the file"), error);
      return FALSE;
    }
  return count_into (self, "SELECT count(*) FROM priority", NULL, &out->priorities, error)
      && count_into (self, "SELECT count(*) FROM action WHERE rag <> 'B'"
                           " AND coalesce(revised_due_date, due_date) < ?1",
                     as_of, &out->overdue, error)
      && count_into (self, "SELECT count(*) FROM milestone", NULL, &out->milestones, error)
      && count_into (self, "SELECT count(*) FROM progress_update", NULL, &out->updates, error)
      && count_into (self, "SELECT count(*) FROM risk", NULL, &out->risks, error)
      && count_into (self, "SELECT count(*) FROM measure", NULL, &out->measures, error)
      && count_into (self, "SELECT count(*) FROM meeting", NULL, &out->meetings, error)
      && count_into (self, "SELECT count(*) FROM snapshot", NULL, &out->snapshots, error);
}

GHashTable *
bp_db_snapshot_risk_scores (BpDb *self, gint64 snapshot_id, GError **error)
{
  g_autoptr (GHashTable) scores = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BP_IS_DB (self), NULL);
  stmt = bp_db_statement (self, "SELECT risk_id, score FROM snapshot_risk WHERE snapshot_id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, snapshot_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (scores, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bp_db_set_sqlite_error (self, rc, _("Reading the file"), error);
      return NULL;
    }
  return g_steal_pointer (&scores);
}

static void
movement_item_free (BpMovementItem *item)
{
  g_free (item->ref);
  g_free (item);
}

void
bp_movement_free (BpMovement *m)
{
  if (m == NULL)
    return;
  g_free (m->from_date);
  g_free (m->to_date);
  g_clear_pointer (&m->improved, g_ptr_array_unref);
  g_clear_pointer (&m->worsened, g_ptr_array_unref);
  g_clear_pointer (&m->completed, g_ptr_array_unref);
  g_clear_pointer (&m->newly_overdue, g_ptr_array_unref);
  g_clear_pointer (&m->risks_up, g_ptr_array_unref);
  g_clear_pointer (&m->risks_down, g_ptr_array_unref);
  g_free (m);
}

static char *
snapshot_date (BpDb *self, gint64 snapshot_id, GError **error)
{
  sqlite3_stmt *stmt = bp_db_statement (self, "SELECT m.date FROM snapshot s JOIN meeting m"
                                              " ON m.id = s.meeting_id WHERE s.id = ?1", error);
  char *date = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, snapshot_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (date == NULL)
    g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND,
                 _("No snapshot with id %lld"), (long long) snapshot_id);
  return date;
}

/* References sort as people number them: 1.2 before 1.10. */
static int
compare_items (gconstpointer a, gconstpointer b)
{
  const BpMovementItem *x = *(BpMovementItem *const *) a;
  const BpMovementItem *y = *(BpMovementItem *const *) b;

  return strverscmp (x->ref, y->ref);
}

static GPtrArray *
new_items (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) movement_item_free);
}

BpMovement *
bp_db_movement (BpDb *self, gint64 from_snapshot, gint64 to_snapshot, GError **error)
{
  g_autoptr (BpMovement) m = g_new0 (BpMovement, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BP_IS_DB (self), NULL);

  m->from_date = snapshot_date (self, from_snapshot, error);
  if (m->from_date == NULL)
    return NULL;
  m->to_date = snapshot_date (self, to_snapshot, error);
  if (m->to_date == NULL)
    return NULL;
  m->improved = new_items ();
  m->worsened = new_items ();
  m->completed = new_items ();
  m->newly_overdue = new_items ();
  m->risks_up = new_items ();
  m->risks_down = new_items ();

  /* An action new since the earlier snapshot compares with "not started". */
  stmt = bp_db_statement (self,
                          "SELECT t.action_id, t.ref, coalesce(f.rag, 'N'), t.rag,"
                          "       f.due_date, t.due_date, f.action_id IS NOT NULL"
                          " FROM snapshot_action t LEFT JOIN snapshot_action f"
                          "   ON f.snapshot_id = ?1 AND f.action_id = t.action_id"
                          " WHERE t.snapshot_id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_snapshot);
  sqlite3_bind_int64 (stmt, 2, to_snapshot);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BpRag from = BP_RAG_NOT_STARTED, to = BP_RAG_NOT_STARTED;
      const char *from_due = (const char *) sqlite3_column_text (stmt, 4);
      const char *to_due = (const char *) sqlite3_column_text (stmt, 5);
      gboolean was_there = sqlite3_column_int (stmt, 6);
      gboolean was_overdue, is_overdue;
      GPtrArray *into = NULL;

      bp_rag_parse ((const char *) sqlite3_column_text (stmt, 2), &from);
      bp_rag_parse ((const char *) sqlite3_column_text (stmt, 3), &to);
      was_overdue = was_there && bp_is_overdue (from, from_due, NULL, m->from_date);
      is_overdue = bp_is_overdue (to, to_due, NULL, m->to_date);

      if (to == BP_RAG_BLUE && from != BP_RAG_BLUE)
        into = m->completed;
      else if (from != BP_RAG_NOT_STARTED && to != BP_RAG_NOT_STARTED && to > from)
        into = m->improved;
      else if (from != BP_RAG_NOT_STARTED && to < from)
        into = m->worsened;
      else if (from == BP_RAG_NOT_STARTED && to == BP_RAG_RED)
        into = m->worsened; /* started, and already off track */

      for (int pass = 0; pass < 2; pass++)
        {
          BpMovementItem *item;
          GPtrArray *target = pass == 0 ? into : (is_overdue && !was_overdue ? m->newly_overdue : NULL);

          if (target == NULL)
            continue;
          item = g_new0 (BpMovementItem, 1);
          item->id = sqlite3_column_int64 (stmt, 0);
          item->ref = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          item->from_rag = from;
          item->to_rag = to;
          g_ptr_array_add (target, item);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bp_db_set_sqlite_error (self, rc, _("Reading the file"), error);
      return NULL;
    }

  stmt = bp_db_statement (self,
                          "SELECT t.risk_id, t.ref, f.score, t.score FROM snapshot_risk t"
                          " JOIN snapshot_risk f ON f.snapshot_id = ?1 AND f.risk_id = t.risk_id"
                          " WHERE t.snapshot_id = ?2 AND t.score <> f.score",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_snapshot);
  sqlite3_bind_int64 (stmt, 2, to_snapshot);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BpMovementItem *item = g_new0 (BpMovementItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->ref = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      item->from_score = sqlite3_column_int (stmt, 2);
      item->to_score = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (item->to_score > item->from_score ? m->risks_up : m->risks_down, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bp_db_set_sqlite_error (self, rc, _("Reading the file"), error);
      return NULL;
    }
  g_ptr_array_sort (m->improved, compare_items);
  g_ptr_array_sort (m->worsened, compare_items);
  g_ptr_array_sort (m->completed, compare_items);
  g_ptr_array_sort (m->newly_overdue, compare_items);
  g_ptr_array_sort (m->risks_up, compare_items);
  g_ptr_array_sort (m->risks_down, compare_items);
  return g_steal_pointer (&m);
}
