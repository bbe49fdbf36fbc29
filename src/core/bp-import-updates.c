/* bp-import-updates.c: owners' progress updates on actions already in the
 * file, and the update a plan's row adds (bp-import-actions.c). */
#include <glib/gi18n.h>

#include "bp-db-private.h"
#include "bp-import-private.h"

/* ------------------------------------------------------- progress updates */

gboolean
bp_import_row_update_text (BpImportRow *r, BpImportUpdateText *out)
{
  out->commentary = bp_import_val (r, F_UPDATE);
  out->next_steps = bp_import_val (r, F_NEXT_STEPS);
  out->asks = bp_import_val (r, F_ASKS);
  return out->commentary || out->next_steps || out->asks;
}

/* Whether the action already has this update: the same date and words;
 * undated, the same words on any date (so a file imported again, on
 * another day, adds nothing). */
gboolean
bp_import_update_exists (BpImportRun *run, gint64 action_id, const char *date,
                         const BpImportUpdateText *text)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = bp_db_statement (run->db,
                          "SELECT 1 FROM progress_update WHERE action_id = ?1"
                          " AND (?5 IS NULL OR date = ?5)"
                          " AND coalesce(commentary, '') = ?2"
                          " AND coalesce(next_steps, '') = ?3"
                          " AND coalesce(asks, '') = ?4 LIMIT 1",
                          NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, text->commentary ? text->commentary : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text->next_steps ? text->next_steps : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, text->asks ? text->asks : "", -1, SQLITE_STATIC);
  if (date)
    sqlite3_bind_text (stmt, 5, date, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
bp_import_add_update (BpImportRun *run, int row, gint64 action_id, const char *date,
                      const char *author, BpRag rag, const BpImportUpdateText *text)
{
  g_autoptr (GError) error = NULL;
  BpUpdate u = { 0 };

  u.action_id = action_id;
  u.date = (char *) date;
  u.author = (char *) author;
  u.rag = rag;
  if (text)
    {
      u.commentary = (char *) text->commentary;
      u.next_steps = (char *) text->next_steps;
      u.asks = (char *) text->asks;
    }
  if (!bp_db_add_update (run->db, &u, &error))
    {
      bp_import_db_error (run, row, error);
      return FALSE;
    }
  run->report->updates_added++;
  return TRUE;
}

/* ---------------------------------------------------------------- updates */

void
bp_import_update_row (BpImportRun *run, BpImportRow *r)
{
  g_autofree char *update_date = NULL;
  g_autoptr (BpAction) action = NULL;
  g_autoptr (GError) error = NULL;
  const char *ref = bp_import_val (r, F_REF);
  BpImportUpdateText text;
  gboolean has_text = bp_import_row_update_text (r, &text);
  gboolean ok = TRUE, has_rag = FALSE;
  BpRag rag = BP_RAG_NOT_STARTED;

  if (ref == NULL)
    {
      bp_import_row_error (run, r->row, _("%s: empty; say which action the update is for"),
                           r->header[F_REF]);
      ok = FALSE;
    }
  ok &= bp_import_row_rag (run, r, &has_rag, &rag);
  ok &= bp_import_row_update_date (run, r, &update_date);
  if (!ok || run->db == NULL)
    return;

  action = bp_db_find_action (run->db, ref, &error);
  if (action == NULL)
    {
      if (g_error_matches (error, BP_ERROR, BP_ERROR_NOT_FOUND))
        bp_import_row_error (run, r->row, _("no action with the reference %s in the file"), ref);
      else
        bp_import_db_error (run, r->row, error);
      return;
    }
  if (!has_rag)
    rag = action->rag;
  if (has_text)
    {
      if (bp_import_update_exists (run, action->id, update_date, &text))
        run->report->updates_already_there++;
      else
        bp_import_add_update (run, r->row, action->id, update_date ? update_date : run->date,
                              bp_import_val (r, F_AUTHOR), rag, &text);
    }
  else if (rag != action->rag)
    bp_import_add_update (run, r->row, action->id, update_date ? update_date : run->date,
                          bp_import_val (r, F_AUTHOR), rag, NULL);
}
