/* bp-state.c: the programme as a board pack shows it, live or as a
 * meeting's snapshot froze it. */
#include <glib/gi18n.h>

#include "bp-db-private.h"
#include "bp-query.h"
#include "bp-schema-private.h"
#include "bp-state.h"

void
bp_state_free (BpState *state)
{
  if (state == NULL)
    return;
  g_free (state->taken_at);
  g_clear_pointer (&state->priorities, g_ptr_array_unref);
  g_clear_pointer (&state->actions, g_ptr_array_unref);
  g_clear_pointer (&state->milestones, g_ptr_array_unref);
  g_clear_pointer (&state->risks, g_ptr_array_unref);
  g_clear_pointer (&state->mitigations, g_ptr_array_unref);
  g_clear_pointer (&state->risk_links, g_ptr_array_unref);
  g_clear_pointer (&state->bands, g_ptr_array_unref);
  g_clear_pointer (&state->measures, g_ptr_array_unref);
  g_clear_pointer (&state->values, g_ptr_array_unref);
  g_free (state);
}

static void
free_ptr_array (gpointer array)
{
  g_ptr_array_unref (array);
}

static BpState *
state_new (void)
{
  BpState *state = g_new0 (BpState, 1);

  state->mitigations = g_ptr_array_new_with_free_func (free_ptr_array);
  state->risk_links = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  state->values = g_ptr_array_new_with_free_func (free_ptr_array);
  return state;
}

/* The live programme, through the same queries the window uses. */
static gboolean
load_live (BpDb *db, BpState *state, GError **error)
{
  g_autofree char *cols = bp_entity_columns (&bp_entity_milestone, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM milestone ORDER BY due_date, id", cols);

  if (!(state->priorities = bp_db_list_priorities (db, error))
      || !(state->actions = bp_db_list_actions (db, NULL, error))
      || !(state->milestones = bp_db_select_entities (db, &bp_entity_milestone, sql, 0, error))
      || !(state->risks = bp_db_list_risks (db, error))
      || !(state->bands = bp_db_list_risk_bands (db, error))
      || !(state->measures = bp_db_list_measures (db, error)))
    return FALSE;
  for (guint i = 0; i < state->risks->len; i++)
    {
      const BpRisk *r = state->risks->pdata[i];
      GPtrArray *mitigations = bp_db_list_mitigations (db, r->id, error);
      GStrv links;

      if (mitigations == NULL)
        return FALSE;
      g_ptr_array_add (state->mitigations, mitigations);
      links = bp_db_risk_action_refs (db, r->id, error);
      if (links == NULL)
        return FALSE;
      g_ptr_array_add (state->risk_links, links);
    }
  for (guint i = 0; i < state->measures->len; i++)
    {
      const BpMeasure *m = state->measures->pdata[i];
      GPtrArray *values = bp_db_list_measure_values (db, m->id, error);

      if (values == NULL)
        return FALSE;
      g_ptr_array_add (state->values, values);
    }
  return TRUE;
}

/* A column of an entity read from a snapshot table: its SQL there. */
typedef struct
{
  const char *column;
  const char *expr;
} Frozen;

/* "SELECT ... FROM @from" giving @e's columns in the order
 * bp_entity_read() reads them (id, the stored fields, the view fields),
 * each from @map or NULL when the snapshot does not keep it: the
 * entity's field table, not this file, decides the order. */
static char *
frozen_select (const BpEntity *e, const Frozen *map, guint n_map, const char *from)
{
  GString *s = g_string_new ("SELECT ");

  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < (pass == 0 ? 1 : e->n_fields); i++)
      {
        const char *column = pass == 0 ? "id" : e->fields[i].column;
        const char *expr = "NULL";

        if (pass > 0 && ((e->fields[i].flags & BP_FIELD_VIEW) != 0) != (pass == 2))
          continue;
        for (guint k = 0; k < n_map; k++)
          if (g_str_equal (map[k].column, column))
            expr = map[k].expr;
        g_string_append_printf (s, "%s%s", s->len > 7 ? ", " : "", expr);
      }
  g_string_append_printf (s, " FROM %s", from);
  return g_string_free (s, FALSE);
}

static GPtrArray *
load_frozen (BpDb *db, const BpEntity *e, const Frozen *map, guint n_map, const char *from,
             gint64 snapshot_id, GError **error)
{
  g_autofree char *sql = frozen_select (e, map, n_map, from);

  return bp_db_select_entities (db, e, sql, snapshot_id, error);
}

#define LOAD_FROZEN(e, map, from) load_frozen (db, e, map, G_N_ELEMENTS (map), from, snapshot_id, error)

static const Frozen priority_map[] = {
  { "id", "priority_id" }, { "code", "code" }, { "title", "coalesce(title, code)" },
  { "position", "coalesce(position, 0)" },
};

/* The date due is the action's own and its revised one; a version 1
 * snapshot of an action deleted since kept only the one that applied. */
static const Frozen action_map[] = {
  { "id", "sa.action_id" }, { "ref", "sa.ref" }, { "priority_id", "sa.priority_id" },
  { "title", "coalesce(sa.title, sa.ref)" }, { "start_date", "sa.start_date" },
  { "due_date", "CASE WHEN sa.action_due_date IS NULL AND sa.revised_due_date IS NULL"
                " THEN sa.due_date ELSE sa.action_due_date END" },
  { "due_text", "sa.due_text" }, { "revised_due_date", "sa.revised_due_date" },
  { "revised_reason", "sa.revised_reason" }, { "rag", "sa.rag" },
  { "percent", "coalesce(sa.percent, 0)" }, { "position", "coalesce(sa.position, 0)" },
  { "priority_code", "sp.code" }, { "owner_name", "sa.owner_name" },
  { "organisation_name", "sa.organisation_name" }, { "latest_date", "sa.latest_date" },
  { "latest_commentary", "sa.latest_commentary" },
  { "latest_next_steps", "sa.latest_next_steps" }, { "latest_asks", "sa.latest_asks" },
  { "rag_since", "sa.rag_since" },
};

static const Frozen milestone_map[] = {
  { "id", "milestone_id" }, { "action_id", "action_id" }, { "title", "title" },
  { "due_date", "due_date" }, { "done_date", "done_date" },
};

static const Frozen risk_map[] = {
  { "id", "risk_id" }, { "ref", "ref" }, { "title", "coalesce(title, ref)" },
  { "cause", "cause" }, { "consequence", "consequence" },
  { "inherent_l", "coalesce(inherent_l, 0)" }, { "inherent_i", "coalesce(inherent_i, 0)" },
  { "current_l", "coalesce(current_l, 0)" }, { "current_i", "coalesce(current_i, 0)" },
  { "target_l", "coalesce(target_l, 0)" }, { "target_i", "coalesce(target_i, 0)" },
  { "response", "response" }, { "resources", "resources" }, { "review_date", "review_date" },
  { "status", "status" }, { "position", "coalesce(position, 0)" },
  { "owner_name", "owner_name" },
};

static const Frozen mitigation_map[] = {
  { "id", "mitigation_id" }, { "risk_id", "risk_id" }, { "description", "description" },
  { "due_date", "due_date" }, { "status", "status" }, { "position", "coalesce(position, 0)" },
  { "owner_name", "owner_name" },
};

static const Frozen band_map[] = {
  { "id", "band_id" }, { "min_score", "min_score" }, { "max_score", "max_score" },
  { "name", "name" }, { "colour", "colour" },
};

static const Frozen measure_map[] = {
  { "id", "measure_id" }, { "ref", "ref" }, { "title", "title" }, { "unit", "unit" },
  { "polarity", "polarity" }, { "target", "target" }, { "tolerance", "tolerance" },
  { "frequency", "frequency" }, { "baseline", "baseline" }, { "comparator", "comparator" },
  { "position", "coalesce(position, 0)" },
};

static const Frozen value_map[] = {
  { "id", "value_id" }, { "measure_id", "measure_id" }, { "period", "period" },
  { "period_end", "period_end" }, { "value", "value" }, { "note", "note" },
};

/* @children shared out among the rows of @parents, in the order they
 * came: one array a parent, matched on the gint64 member of the child at
 * @parent_offset (every entity struct starts with its id). A child whose
 * parent is not there is dropped. */
static GPtrArray *
group_by_parent (GPtrArray *parents, GPtrArray *children, gsize parent_offset,
                 GDestroyNotify free_child)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (free_ptr_array);
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < parents->len; i++)
    {
      GPtrArray *group = g_ptr_array_new_with_free_func (free_child);

      g_ptr_array_add (groups, group);
      g_hash_table_insert (index, parents->pdata[i], group);
    }
  for (guint i = 0; i < children->len; i++)
    {
      gint64 *parent = (gint64 *) ((guint8 *) children->pdata[i] + parent_offset);
      GPtrArray *group = g_hash_table_lookup (index, parent);

      if (group)
        {
          g_ptr_array_add (group, children->pdata[i]);
          children->pdata[i] = NULL; /* the entities' free functions take NULL */
        }
    }
  return groups;
}

/* Each frozen risk's linked actions, one GStrv a risk of @risks. */
static GPtrArray *
load_frozen_links (BpDb *db, gint64 snapshot_id, GPtrArray *risks, GError **error)
{
  g_autoptr (GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GHashTable) refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt = bp_db_statement (db, "SELECT risk_id, action_refs FROM snapshot_risk"
                                            " WHERE snapshot_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, snapshot_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (refs, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bp_db_set_sqlite_error (db, rc, _("Reading the file"), error);
      return NULL;
    }
  for (guint i = 0; i < risks->len; i++)
    {
      const char *text = g_hash_table_lookup (refs, risks->pdata[i]);

      g_ptr_array_add (links, text && *text ? g_strsplit (text, "\n", -1) : g_new0 (char *, 1));
    }
  return g_steal_pointer (&links);
}

/* What the snapshot froze, from its own tables only. */
static gboolean
load_snapshot (BpDb *db, gint64 snapshot_id, BpState *state, GError **error)
{
  g_autoptr (GPtrArray) mitigations = NULL;
  g_autoptr (GPtrArray) values = NULL;

  if (!(state->priorities = LOAD_FROZEN (&bp_entity_priority, priority_map,
                                         "snapshot_priority WHERE snapshot_id = ?1"
                                         " ORDER BY position, code"))
      || !(state->actions = LOAD_FROZEN (&bp_entity_action, action_map,
                                         "snapshot_action sa LEFT JOIN snapshot_priority sp"
                                         " ON sp.snapshot_id = sa.snapshot_id"
                                         " AND sp.priority_id = sa.priority_id"
                                         " WHERE sa.snapshot_id = ?1"
                                         " ORDER BY sp.position, sp.code, sa.position, sa.ref"))
      || !(state->milestones = LOAD_FROZEN (&bp_entity_milestone, milestone_map,
                                            "snapshot_milestone WHERE snapshot_id = ?1"
                                            " ORDER BY due_date, milestone_id"))
      || !(state->risks = LOAD_FROZEN (&bp_entity_risk, risk_map,
                                       "snapshot_risk WHERE snapshot_id = ?1"
                                       " ORDER BY position, ref"))
      || !(mitigations = LOAD_FROZEN (&bp_entity_mitigation, mitigation_map,
                                      "snapshot_mitigation WHERE snapshot_id = ?1"
                                      " ORDER BY position, mitigation_id"))
      || !(state->bands = LOAD_FROZEN (&bp_entity_risk_band, band_map,
                                       "snapshot_risk_band WHERE snapshot_id = ?1"
                                       " ORDER BY min_score"))
      || !(state->measures = LOAD_FROZEN (&bp_entity_measure, measure_map,
                                          "snapshot_measure WHERE snapshot_id = ?1"
                                          " ORDER BY position, measure_id"))
      || !(values = LOAD_FROZEN (&bp_entity_measure_value, value_map,
                                 "snapshot_measure_value WHERE snapshot_id = ?1"
                                 " ORDER BY period_end, value_id")))
    return FALSE;

  g_clear_pointer (&state->mitigations, g_ptr_array_unref);
  state->mitigations = group_by_parent (state->risks, mitigations,
                                        G_STRUCT_OFFSET (BpMitigation, risk_id),
                                        (GDestroyNotify) bp_mitigation_free);
  g_clear_pointer (&state->values, g_ptr_array_unref);
  state->values = group_by_parent (state->measures, values,
                                   G_STRUCT_OFFSET (BpMeasureValue, measure_id),
                                   (GDestroyNotify) bp_measure_value_free);
  g_clear_pointer (&state->risk_links, g_ptr_array_unref);
  state->risk_links = load_frozen_links (db, snapshot_id, state->risks, error);
  return state->risk_links != NULL;
}

/* The snapshot's time and how it was frozen; FALSE when there is none. */
static gboolean
read_snapshot_row (BpDb *db, gint64 snapshot_id, BpState *state, GError **error)
{
  sqlite3_stmt *stmt = bp_db_statement (db, "SELECT taken_at, frozen FROM snapshot WHERE id = ?1",
                                        error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state->snapshot_id = snapshot_id;
      state->taken_at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      state->frozen = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                 _("No snapshot with id %lld: take the meeting’s snapshot first, or make the "
                   "pack of the programme as it stands"),
                 (long long) snapshot_id);
  else if (rc != SQLITE_ROW)
    bp_db_set_sqlite_error (db, rc, _("Reading the file"), error);
  return rc == SQLITE_ROW;
}

BpState *
bp_db_load_state (BpDb *db, gint64 snapshot_id, GError **error)
{
  g_autoptr (BpState) state = state_new ();
  sqlite3 *handle;
  gboolean own_read, ok;

  g_return_val_if_fail (BP_IS_DB (db), NULL);
  g_return_val_if_fail (snapshot_id >= 0, NULL);

  if (snapshot_id == 0)
    {
      if (!load_live (db, state, error))
        return NULL;
      return g_steal_pointer (&state);
    }
  /* One read transaction (unless the caller has one), so that a snapshot
   * re-taken meanwhile by another program is read whole or not at all. */
  handle = bp_db_get_handle (db);
  own_read = handle && sqlite3_get_autocommit (handle);
  if (own_read && !bp_sql_exec (handle, "BEGIN", _("Reading the file"), error))
    return NULL;
  ok = read_snapshot_row (db, snapshot_id, state, error)
       && load_snapshot (db, snapshot_id, state, error);
  if (own_read)
    sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
  return ok ? g_steal_pointer (&state) : NULL;
}
