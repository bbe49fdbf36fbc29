/* bp-import-risks.c: a risk register's rows: risks new and changed, their
 * scores, and mitigations, which a risk's repeated rows may add to. */
#include <glib/gi18n.h>
#include <string.h>

#include "bp-import-private.h"
#include "bp-query.h"

struct _BpImportRiskSeen
{
  gint64 id;
  int row;
  char *ref, *title, *cause, *consequence, *owner, *resources, *review, *response, *status;
  int l, i, il, ii, tl, ti;
  GHashTable *mitigations; /* folded description -> 1 */
  int next_mitigation;
};

static gboolean
row_score (BpImportRun *run, const BpImportRow *r, BpImportField f, int *out)
{
  const char *text = bp_import_val (r, f);
  gboolean likelihood = f == F_LIKELIHOOD || f == F_INHERENT_L || f == F_TARGET_L;

  *out = 0;
  if (text == NULL || bp_import_parse_score (text, likelihood, out))
    return TRUE;
  bp_import_row_error (
      run, r->row,
      likelihood ? _("%s: “%s” is not a likelihood from 1 to 5 (1 Rare, 2 Unlikely, 3 Possible, "
                      "4 Likely, 5 Almost certain)")
                 : _("%s: “%s” is not an impact from 1 to 5 (1 Negligible, 2 Minor, 3 Moderate, "
                      "4 Major, 5 Critical)"),
      r->header[f], text);
  return FALSE;
}

/* ------------------------------------------------------------------ risks */

void
bp_import_risk_seen_free (BpImportRiskSeen *s)
{
  g_free (s->ref);
  g_free (s->title);
  g_free (s->cause);
  g_free (s->consequence);
  g_free (s->owner);
  g_free (s->resources);
  g_free (s->review);
  g_free (s->response);
  g_free (s->status);
  g_clear_pointer (&s->mitigations, g_hash_table_unref);
  g_free (s);
}

/* One mitigation a line, bullets dropped. */
static GPtrArray *
split_mitigations (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) lines = NULL;

  if (text == NULL)
    return out;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *p = lines[i];
      char *line;

      while (*p && (g_ascii_isspace (*p) || *p == '-' || *p == '*'))
        p++;
      for (const char *const *b = (const char *const[]) { "•", "·", "–", "▪", "◦", NULL }; *b;
           b++)
        if (g_str_has_prefix (p, *b))
          {
            p += strlen (*b);
            break;
          }
      line = bp_import_trim_cell (p);
      if (*line)
        g_ptr_array_add (out, line);
      else
        g_free (line);
    }
  return out;
}

static gboolean
add_mitigations (BpImportRun *run, int row, BpImportRiskSeen *seen, const char *text)
{
  g_autoptr (GPtrArray) items = split_mitigations (text);

  for (guint i = 0; i < items->len; i++)
    {
      const char *d = g_ptr_array_index (items, i);
      g_autofree char *key = bp_import_fold_name (d);
      g_autoptr (GError) error = NULL;
      BpMitigation m = { 0 };

      if (g_hash_table_contains (seen->mitigations, key))
        continue;
      m.risk_id = seen->id;
      m.description = (char *) d;
      m.position = seen->next_mitigation++;
      if (!bp_db_insert_mitigation (run->db, &m, &error))
        {
          bp_import_db_error (run, row, error);
          return FALSE;
        }
      run->report->mitigations_added++;
      g_hash_table_add (seen->mitigations, g_steal_pointer (&key));
    }
  return TRUE;
}

/* A repeated row of a risk may add mitigations; anything else it says must
 * agree with the first. */
static gboolean
check_repeat (BpImportRun *run, const BpImportRow *r, BpImportField f, const char *first,
              int first_row)
{
  const char *v = bp_import_val (r, f);

  if (v == NULL || first == NULL || g_strcmp0 (v, first) == 0)
    return TRUE;
  bp_import_row_error (
      run, r->row,
      _("the risk %s is already on row %d with another %s (“%s”, here “%s”): a repeated "
         "row may only add mitigations"),
      bp_import_val (r, F_REF) ? bp_import_val (r, F_REF) : "", first_row, r->header[f], first, v);
  return FALSE;
}

void
bp_import_risk_row (BpImportRun *run, BpImportRow *r)
{
  g_autofree char *review = NULL, *response = NULL;
  g_autoptr (GError) error = NULL;
  const char *ref = bp_import_val (r, F_REF), *title = bp_import_val (r, F_TITLE);
  BpImportRiskSeen *seen;
  BpRisk *existing;
  gboolean ok = TRUE;
  int l, i, il, ii, tl, ti;

  /* A row that only continues the risk above (merged cells in the sheet). */
  if (ref == NULL && title == NULL && bp_import_val (r, F_MITIGATIONS))
    {
      if (run->last_risk == NULL)
        {
          bp_import_row_error (run, r->row,
                               _("mitigations without a risk: the reference is empty"));
          return;
        }
      if (run->db && run->last_risk->id > 0)
        add_mitigations (run, r->row, run->last_risk, bp_import_val (r, F_MITIGATIONS));
      return;
    }
  if (ref == NULL)
    {
      bp_import_row_error (run, r->row, _("%s: empty; every risk needs its reference"),
                           r->header[F_REF]);
      return;
    }

  ok &= row_score (run, r, F_LIKELIHOOD, &l);
  ok &= row_score (run, r, F_RISK_IMPACT, &i);
  ok &= row_score (run, r, F_INHERENT_L, &il);
  ok &= row_score (run, r, F_INHERENT_I, &ii);
  ok &= row_score (run, r, F_TARGET_L, &tl);
  ok &= row_score (run, r, F_TARGET_I, &ti);
  ok &= bp_import_row_date (run, r, F_REVIEW_DATE, &review, NULL);
  if (bp_import_val (r, F_RESPONSE)
      && !bp_import_parse_response (bp_import_val (r, F_RESPONSE), &response))
    {
      bp_import_row_error (run, r->row,
                           _("%s: “%s” is not a response (Treat, Tolerate, Transfer or "
                              "Terminate)"),
                           r->header[F_RESPONSE], bp_import_val (r, F_RESPONSE));
      ok = FALSE;
    }

  seen = g_hash_table_lookup (run->risks_seen, ref);
  if (seen)
    {
      ok &= check_repeat (run, r, F_TITLE, seen->title, seen->row);
      ok &= check_repeat (run, r, F_CAUSE, seen->cause, seen->row);
      ok &= check_repeat (run, r, F_CONSEQUENCE, seen->consequence, seen->row);
      ok &= check_repeat (run, r, F_OWNER, seen->owner, seen->row);
      ok &= check_repeat (run, r, F_RESOURCES, seen->resources, seen->row);
      ok &= check_repeat (run, r, F_STATUS, seen->status, seen->row);
      if ((l && seen->l && l != seen->l) || (i && seen->i && i != seen->i)
          || (il && seen->il && il != seen->il) || (ii && seen->ii && ii != seen->ii)
          || (tl && seen->tl && tl != seen->tl) || (ti && seen->ti && ti != seen->ti))
        {
          bp_import_row_error (
              run, r->row,
              _("the risk %s is already on row %d with other scores: a repeated row may "
                 "only add mitigations"),
              ref, seen->row);
          ok = FALSE;
        }
      if (ok && run->db && seen->id > 0)
        add_mitigations (run, r->row, seen, bp_import_val (r, F_MITIGATIONS));
      run->last_risk = seen;
      return;
    }

  if (title == NULL && !g_hash_table_contains (run->risks, ref))
    {
      bp_import_row_error (run, r->row, _("%s: empty; a new risk needs its description"),
                           r->header[F_TITLE]);
      ok = FALSE;
    }

  seen = g_new0 (BpImportRiskSeen, 1);
  seen->row = r->row;
  seen->ref = g_strdup (ref);
  seen->title = g_strdup (title);
  seen->cause = g_strdup (bp_import_val (r, F_CAUSE));
  seen->consequence = g_strdup (bp_import_val (r, F_CONSEQUENCE));
  seen->owner = g_strdup (bp_import_val (r, F_OWNER));
  seen->resources = g_strdup (bp_import_val (r, F_RESOURCES));
  seen->status = g_strdup (bp_import_val (r, F_STATUS));
  seen->l = l, seen->i = i, seen->il = il, seen->ii = ii, seen->tl = tl, seen->ti = ti;
  seen->mitigations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (run->risks_seen, g_strdup (ref), seen);
  run->last_risk = seen;
  if (!ok || run->db == NULL)
    return;

  existing = g_hash_table_lookup (run->risks, ref);
  {
    gint64 owner = bp_import_resolve_person (run, r->row, bp_import_val (r, F_OWNER), 0);
    g_autoptr (BpRisk) fresh = NULL;
    BpRisk *risk;
    gboolean changed = FALSE;

    if (owner < 0)
      return;
    if (existing == NULL)
      {
        fresh = bp_risk_new ();
        fresh->ref = g_strdup (ref);
        fresh->position = run->next_risk_position++;
        risk = fresh;
      }
    else
      risk = existing;

    bp_import_replace_text (&risk->title, title, &changed);
    bp_import_replace_text (&risk->cause, bp_import_val (r, F_CAUSE), &changed);
    bp_import_replace_text (&risk->consequence, bp_import_val (r, F_CONSEQUENCE), &changed);
    bp_import_replace_id (&risk->owner_id, owner, &changed);
    if (bp_import_val (r, F_LIKELIHOOD))
      bp_import_replace_int (&risk->current_l, l, &changed);
    if (bp_import_val (r, F_RISK_IMPACT))
      bp_import_replace_int (&risk->current_i, i, &changed);
    if (bp_import_val (r, F_INHERENT_L))
      bp_import_replace_int (&risk->inherent_l, il, &changed);
    if (bp_import_val (r, F_INHERENT_I))
      bp_import_replace_int (&risk->inherent_i, ii, &changed);
    if (bp_import_val (r, F_TARGET_L))
      bp_import_replace_int (&risk->target_l, tl, &changed);
    if (bp_import_val (r, F_TARGET_I))
      bp_import_replace_int (&risk->target_i, ti, &changed);
    bp_import_replace_text (&risk->resources, bp_import_val (r, F_RESOURCES), &changed);
    bp_import_replace_text (&risk->review_date, review, &changed);
    bp_import_replace_text (&risk->response, response, &changed);
    bp_import_replace_text (&risk->status, bp_import_val (r, F_STATUS), &changed);

    if (existing == NULL)
      {
        if (!bp_db_insert_risk (run->db, risk, &error))
          {
            bp_import_db_error (run, r->row, error);
            return;
          }
        run->report->risks_created++;
      }
    else if (changed)
      {
        if (!bp_db_update_risk (run->db, risk, &error))
          {
            bp_import_db_error (run, r->row, error);
            return;
          }
        run->report->risks_updated++;
      }
    else
      run->report->risks_unchanged++;
    seen->id = risk->id;

    if (existing)
      {
        g_autoptr (GPtrArray) known = bp_db_list_mitigations (run->db, risk->id, &error);

        if (known == NULL)
          {
            bp_import_db_error (run, r->row, error);
            return;
          }
        for (guint k = 0; k < known->len; k++)
          {
            BpMitigation *m = g_ptr_array_index (known, k);

            g_hash_table_add (seen->mitigations, bp_import_fold_name (m->description));
            seen->next_mitigation = MAX (seen->next_mitigation, m->position + 1);
          }
      }
    add_mitigations (run, r->row, seen, bp_import_val (r, F_MITIGATIONS));
  }
}
