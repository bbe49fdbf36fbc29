/* bp-state.c: the programme as a board pack shows it, live or as a
 * meeting's snapshot froze it. */
#include <glib/gi18n.h>

#include "bp-db-private.h"
#include "bp-query.h"
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

BpState *
bp_db_load_state (BpDb *db, gint64 snapshot_id, GError **error)
{
  g_autoptr (BpState) state = state_new ();

  g_return_val_if_fail (BP_IS_DB (db), NULL);
  g_return_val_if_fail (snapshot_id >= 0, NULL);

  /* TODO: the snapshot's own tables; until then the live programme. */
  if (!load_live (db, state, error))
    return NULL;
  return g_steal_pointer (&state);
}
