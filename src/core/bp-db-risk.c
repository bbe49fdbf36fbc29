/* bp-db-risk.c: writing a risk with its mitigations and links. */
#include <glib/gi18n.h>

#include "bp-db-private.h"
#include "bp-db-risk.h"
#include "bp-query.h"

/* The ids of the actions linked to @risk_id, or NULL on error. */
static GArray *
linked_actions (BpDb *self, gint64 risk_id, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = bp_db_statement (self, "SELECT action_id FROM risk_action WHERE risk_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, risk_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bp_db_set_sqlite_error (self, rc, _("Reading the file"), error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
contains_id (GArray *ids, gint64 id)
{
  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Deletes the risk's mitigations whose ids are not in @keep. */
static gboolean
delete_other_mitigations (BpDb *self, gint64 risk_id, GArray *keep, GError **error)
{
  g_autoptr (GPtrArray) existing = bp_db_list_mitigations (self, risk_id, error);

  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < existing->len; i++)
    {
      gint64 id = ((const BpMitigation *) existing->pdata[i])->id;

      if (!contains_id (keep, id) && !bp_db_delete_mitigation (self, id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_mitigations (BpDb *self, gint64 risk_id, GPtrArray *mitigations, GError **error)
{
  for (guint k = 0; mitigations && k < mitigations->len; k++)
    {
      BpMitigation *m = mitigations->pdata[k];

      m->risk_id = risk_id;
      m->position = k + 1;
      if (m->id > 0 ? !bp_db_update_mitigation (self, m, error)
                    : !bp_db_insert_mitigation (self, m, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_links (BpDb *self, gint64 risk_id, GArray *links, GError **error)
{
  g_autoptr (GArray) linked = linked_actions (self, risk_id, error);

  if (linked == NULL)
    return FALSE;
  for (guint i = 0; links && i < links->len; i++)
    {
      gint64 action_id = g_array_index (links, gint64, i);

      if (!contains_id (linked, action_id)
          && !bp_db_link_risk_action (self, risk_id, action_id, error))
        return FALSE;
    }
  for (guint i = 0; i < linked->len; i++)
    {
      gint64 action_id = g_array_index (linked, gint64, i);

      if (!contains_id (links, action_id)
          && !bp_db_unlink_risk_action (self, risk_id, action_id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bp_db_save_risk (BpDb *self, BpRisk *risk, GPtrArray *mitigations, GArray *links, GError **error)
{
  gint64 id_before;
  g_autoptr (GArray) mitigation_ids = NULL;

  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  g_return_val_if_fail (risk != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The ids as given: the mitigations to keep, and what a failure puts
   * back, so that the caller can try again as it was. */
  id_before = risk->id;
  mitigation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint k = 0; mitigations && k < mitigations->len; k++)
    g_array_append_val (mitigation_ids, ((BpMitigation *) mitigations->pdata[k])->id);

  if (!bp_db_begin (self, error))
    return FALSE;
  if (!(risk->id > 0 ? bp_db_update_risk (self, risk, error)
                     : bp_db_insert_risk (self, risk, error))
      || !delete_other_mitigations (self, risk->id, mitigation_ids, error)
      || !write_mitigations (self, risk->id, mitigations, error)
      || !write_links (self, risk->id, links, error)
      || !bp_db_commit (self, error))
    {
      bp_db_rollback (self);
      risk->id = id_before;
      for (guint k = 0; mitigations && k < mitigations->len; k++)
        ((BpMitigation *) mitigations->pdata[k])->id = g_array_index (mitigation_ids, gint64, k);
      return FALSE;
    }
  return TRUE;
}
