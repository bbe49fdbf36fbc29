/* bp-import-actions.c: a plan's rows: its priority areas (named, numbered
 * or from the references), actions new and changed, headings inside the
 * plan, and the progress update a row may carry. */
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "bp-db-private.h"
#include "bp-import-private.h"

/* --------------------------------------- priority areas and organisations */

static gint64
resolve_organisation (BpImportRun *run, int row, const char *name)
{
  g_autofree char *key = NULL;
  g_autofree char *tidy = NULL;
  g_autoptr (GError) error = NULL;
  BpOrganisation o = { 0 };
  gint64 id;

  if (name == NULL)
    return 0;
  key = bp_import_fold_name (name);
  if ((id = bp_import_lookup_id (run->organisations, key)))
    return id;
  tidy = bp_import_tidy_name (name);
  o.name = tidy;
  if (!bp_db_insert_organisation (run->db, &o, &error))
    {
      bp_import_db_error (run, row, error);
      return -1;
    }
  run->report->organisations_created++;
  g_hash_table_insert (run->organisations, g_steal_pointer (&key), g_memdup2 (&o.id, sizeof o.id));
  return o.id;
}

static gint64
create_priority (BpImportRun *run, int row, const char *code, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *auto_code = NULL;
  g_autofree char *tidy_title = bp_import_tidy_name (title);
  BpPriority p = { 0 };

  if (code == NULL)
    code = auto_code = g_strdup_printf ("P%d", run->next_priority_number);
  p.code = (char *) code;
  p.title = tidy_title;
  p.position = run->next_priority_position;
  if (!bp_db_insert_priority (run->db, &p, &error))
    {
      bp_import_db_error (run, row, error);
      return -1;
    }
  run->report->priorities_created++;
  run->next_priority_position++;
  if ((code[0] == 'P' || code[0] == 'p') && g_ascii_isdigit (code[1]))
    run->next_priority_number = MAX (run->next_priority_number, atoi (code + 1) + 1);
  g_hash_table_insert (run->priority_codes, bp_import_fold_name (code),
                       g_memdup2 (&p.id, sizeof p.id));
  g_hash_table_insert (run->priority_titles, bp_import_fold_key (tidy_title),
                       g_memdup2 (&p.id, sizeof p.id));
  return p.id;
}

/* "P3", "3", "Inclusion", "3. Inclusion", "Priority 3: Inclusion": matched
 * by code or title, created when new. */
static gint64 resolve_priority_uncached (BpImportRun *run, int row, const char *text);

/* A plan names its priority areas the same way on every row: the cell as
 * written is looked up first. */
static gint64
resolve_priority (BpImportRun *run, int row, const char *text)
{
  gint64 id = bp_import_lookup_id (run->priority_cells, text);

  if (id)
    return id;
  id = resolve_priority_uncached (run, row, text);
  if (id > 0)
    g_hash_table_insert (run->priority_cells, g_strdup (text), g_memdup2 (&id, sizeof id));
  return id;
}

static gint64
resolve_priority_uncached (BpImportRun *run, int row, const char *text)
{
  g_autofree char *code_key = bp_import_fold_name (text);
  g_autofree char *title_key = bp_import_fold_key (text);
  const char *p = text;
  gint64 id;
  int number = -1;

  if ((id = bp_import_lookup_id (run->priority_codes, code_key))
      || (id = bp_import_lookup_id (run->priority_titles, title_key)))
    return id;

  /* A number in front: "P3 - Inclusion", "Priority 3: Inclusion", "3 Inclusion". */
  if (g_ascii_strncasecmp (p, "priority", 8) == 0)
    p += 8;
  while (*p == ' ')
    p++;
  if ((*p == 'P' || *p == 'p') && g_ascii_isdigit (p[1]))
    p++;
  if (g_ascii_isdigit (*p))
    {
      number = atoi (p);
      while (g_ascii_isdigit (*p))
        p++;
      while (*p && (g_ascii_isspace (*p) || strchr (".:)-", *p) || g_str_has_prefix (p, "–")))
        p += g_str_has_prefix (p, "–") ? strlen ("–") : 1;
    }
  if (number >= 0 && number < 100000)
    {
      g_autofree char *code = g_strdup_printf ("P%d", number);
      g_autofree char *key = bp_import_fold_name (code);
      g_autofree char *rest_key = bp_import_fold_key (p);

      if ((id = bp_import_lookup_id (run->priority_codes, key)))
        return id;
      if (*p && (id = bp_import_lookup_id (run->priority_titles, rest_key)))
        return id;
      return create_priority (run, row, code, *p ? p : text);
    }
  return create_priority (run, row, NULL, text);
}

/* Without a priority column: "3.2" belongs to P3. */
static gint64
priority_from_ref (BpImportRun *run, int row, const char *ref)
{
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autofree char *key = NULL;
  gint64 id;
  int n;

  if (!g_ascii_isdigit (ref[0]))
    return 0;
  n = atoi (ref);
  code = g_strdup_printf ("P%d", n);
  key = bp_import_fold_name (code);
  if ((id = bp_import_lookup_id (run->priority_codes, key)))
    return id;
  title = g_strdup_printf (_("Priority area %d"), n);
  id = create_priority (run, row, code, title);
  if (id > 0)
    bp_import_row_warning (run, row, _("created the priority area %s “%s” from the reference %s: "
                                       "give it its title in Boardpack"),
                           code, title, ref);
  return id;
}

static int
next_action_position (BpImportRun *run, gint64 priority_id)
{
  gpointer stored;
  int next = 1;

  if (g_hash_table_lookup_extended (run->next_action_position, &priority_id, NULL, &stored))
    next = GPOINTER_TO_INT (stored);
  else
    {
      sqlite3_stmt *stmt = bp_db_statement (
        run->db, "SELECT coalesce(max(position), 0) + 1 FROM action WHERE priority_id = ?1", NULL);

      if (stmt)
        {
          sqlite3_bind_int64 (stmt, 1, priority_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            next = sqlite3_column_int (stmt, 0);
          sqlite3_reset (stmt);
        }
    }
  g_hash_table_insert (run->next_action_position, g_memdup2 (&priority_id, sizeof priority_id),
                       GINT_TO_POINTER (next + 1));
  return next;
}

/* ---------------------------------------------------------------- actions */

/* Who gave a row's update: its own column, else the action's owner as the
 * file knows them. */
static const char *
update_author (BpImportRun *run, const BpImportRow *r)
{
  g_autofree char *key = NULL;
  const char *name;

  if (bp_import_val (r, F_AUTHOR) || bp_import_val (r, F_OWNER) == NULL)
    return bp_import_val (r, F_AUTHOR);
  key = bp_import_fold_name (bp_import_val (r, F_OWNER));
  name = g_hash_table_lookup (run->people_names, key);
  return name ? name : bp_import_val (r, F_OWNER);
}

/* The one cell with text in a row, if there is exactly one. */
static int
only_cell (const BpCsvRecord *rec)
{
  int found = -1;

  for (guint i = 0; i < rec->n_cells; i++)
    {
      if (bp_import_cell_is_blank (rec->cells[i]))
        continue;
      if (found >= 0)
        return -1;
      found = (int) i;
    }
  return found;
}

/* A heading inside the plan, alone on its row (merged across the sheet in
 * the original): it names the priority area of the actions below it. */
static gboolean
import_heading_row (BpImportRun *run, BpImportRow *r)
{
  int cell = only_cell (r->record);
  g_autofree char *text = NULL;

  if (bp_import_val (r, F_TITLE) || cell < 0
      || (cell != 0 && (run->n_field_columns[F_REF] == 0 || cell != run->field_columns[F_REF][0])))
    return FALSE;
  text = bp_import_trim_cell (r->record->cells[cell]);
  /* "1.4" alone is an action without its title, not a heading. */
  if (g_ascii_isdigit (text[0]) && strlen (text) < 8 && strchr (text, ' ') == NULL)
    return FALSE;
  run->report->heading_rows++;
  if (run->db)
    run->heading_priority = resolve_priority (run, r->row, text);
  return TRUE;
}

void
bp_import_action_row (BpImportRun *run, BpImportRow *r)
{
  g_autofree char *start = NULL, *due = NULL, *due_words = NULL, *revised = NULL;
  g_autofree char *update_date = NULL;
  g_autoptr (BpAction) existing = NULL;
  g_autoptr (GError) error = NULL;
  const char *ref = bp_import_val (r, F_REF), *title = bp_import_val (r, F_TITLE);
  BpImportUpdateText text;
  gboolean has_text = bp_import_row_update_text (r, &text);
  gboolean ok = TRUE, has_rag = FALSE, has_percent = FALSE, dated;
  BpRag rag = BP_RAG_NOT_STARTED;
  int percent = 0;
  gpointer seen;

  if (import_heading_row (run, r))
    return;
  if (ref == NULL)
    {
      bp_import_row_error (run, r->row, _("%s: empty; every action needs its reference"),
                           r->header[F_REF]);
      ok = FALSE;
    }
  else if (g_hash_table_lookup_extended (run->refs_seen, ref, NULL, &seen))
    {
      bp_import_row_error (run, r->row, _("the reference %s is already on row %d"), ref,
                           GPOINTER_TO_INT (seen));
      ok = FALSE;
    }
  else
    g_hash_table_insert (run->refs_seen, g_strdup (ref), GINT_TO_POINTER (r->row));

  ok &= bp_import_row_date (run, r, F_START, &start, NULL);
  ok &= bp_import_row_date (run, r, F_DUE, &due, &due_words);
  ok &= bp_import_row_date (run, r, F_REVISED_DUE, &revised, NULL);
  ok &= bp_import_row_rag (run, r, &has_rag, &rag);
  if (bp_import_val (r, F_PERCENT))
    {
      has_percent = TRUE;
      if (!bp_import_parse_percent (bp_import_val (r, F_PERCENT), &percent))
        {
          bp_import_row_error (run, r->row, _("%s: “%s” is not a percentage from 0 to 100"),
                               r->header[F_PERCENT], bp_import_val (r, F_PERCENT));
          ok = FALSE;
        }
    }
  ok &= bp_import_row_update_date (run, r, &update_date);
  dated = update_date != NULL;
  if (!ok || run->db == NULL)
    return;

  if (g_hash_table_contains (run->action_ids, ref))
    {
      existing = bp_db_find_action (run->db, ref, &error);
      if (existing == NULL)
        {
          bp_import_db_error (run, r->row, error);
          return;
        }
    }

  if (existing == NULL)
    {
      g_autoptr (BpAction) a = bp_action_new ();
      gint64 org = resolve_organisation (run, r->row, bp_import_val (r, F_ORGANISATION));
      gint64 owner = bp_import_resolve_person (run, r->row, bp_import_val (r, F_OWNER), org);
      gint64 priority;

      if (title == NULL)
        {
          bp_import_row_error (run, r->row, _("%s: empty; a new action needs its title"),
                               r->header[F_TITLE]);
          return;
        }
      if (bp_import_val (r, F_PRIORITY))
        priority = resolve_priority (run, r->row, bp_import_val (r, F_PRIORITY));
      else if (run->heading_priority > 0)
        priority = run->heading_priority;
      else
        priority = priority_from_ref (run, r->row, ref);
      if (priority == 0)
        {
          bp_import_row_error (
              run, r->row,
              _("no priority area for the action %s: fill in the Priority column, or "
                 "use references that begin with the priority's number (3.2)"),
              ref);
          return;
        }
      if (priority < 0 || owner < 0 || org < 0)
        return;

      a->ref = g_strdup (ref);
      a->priority_id = priority;
      a->title = g_strdup (title);
      a->description = g_strdup (bp_import_val (r, F_DESCRIPTION));
      a->owner_id = owner;
      a->organisation_id = org;
      a->partners = g_strdup (bp_import_val (r, F_PARTNERS));
      a->start_date = g_steal_pointer (&start);
      a->due_date = g_steal_pointer (&due);
      a->due_text = g_steal_pointer (&due_words);
      a->revised_due_date = g_steal_pointer (&revised);
      a->revised_reason = g_strdup (bp_import_val (r, F_REVISED_REASON));
      a->rag = rag;
      a->percent = has_percent ? percent : (rag == BP_RAG_BLUE ? 100 : 0);
      a->impact = g_strdup (bp_import_val (r, F_IMPACT));
      a->evidence = g_strdup (bp_import_val (r, F_EVIDENCE));
      a->criteria = g_strdup (bp_import_val (r, F_CRITERIA));
      a->position = next_action_position (run, priority);
      if (!bp_db_insert_action (run->db, a, &error))
        {
          bp_import_db_error (run, r->row, error);
          return;
        }
      run->report->actions_created++;
      g_hash_table_insert (run->action_ids, g_strdup (ref), g_memdup2 (&a->id, sizeof a->id));
      if (has_text)
        bp_import_add_update (run, r->row, a->id, dated ? update_date : run->date,
                              update_author (run, r), rag, &text);
      return;
    }

  /* An action already in the file: what the row says replaces what is
   * there; an empty cell leaves it. */
  {
    gboolean changed = FALSE;
    BpRag current = existing->rag;

    if (bp_import_val (r, F_PRIORITY))
      {
        gint64 priority = resolve_priority (run, r->row, bp_import_val (r, F_PRIORITY));

        if (priority < 0)
          return;
        if (priority != existing->priority_id)
          {
            bp_import_replace_id (&existing->priority_id, priority, &changed);
            existing->position = next_action_position (run, priority);
          }
      }
    if (bp_import_val (r, F_ORGANISATION))
      {
        gint64 org = resolve_organisation (run, r->row, bp_import_val (r, F_ORGANISATION));

        if (org < 0)
          return;
        bp_import_replace_id (&existing->organisation_id, org, &changed);
      }
    if (bp_import_val (r, F_OWNER))
      {
        gint64 owner = bp_import_resolve_person (run, r->row, bp_import_val (r, F_OWNER),
                                                 existing->organisation_id);

        if (owner < 0)
          return;
        bp_import_replace_id (&existing->owner_id, owner, &changed);
      }
    bp_import_replace_text (&existing->title, title, &changed);
    bp_import_replace_text (&existing->description, bp_import_val (r, F_DESCRIPTION), &changed);
    bp_import_replace_text (&existing->partners, bp_import_val (r, F_PARTNERS), &changed);
    bp_import_replace_text (&existing->start_date, start, &changed);
    if (due)
      {
        bp_import_replace_text (&existing->due_date, due, &changed);
        if (existing->due_text)
          {
            g_clear_pointer (&existing->due_text, g_free);
            changed = TRUE;
          }
      }
    else if (due_words)
      {
        bp_import_replace_text (&existing->due_text, due_words, &changed);
        if (existing->due_date)
          {
            g_clear_pointer (&existing->due_date, g_free);
            changed = TRUE;
          }
      }
    bp_import_replace_text (&existing->revised_due_date, revised, &changed);
    bp_import_replace_text (&existing->revised_reason, bp_import_val (r, F_REVISED_REASON),
                            &changed);
    if (has_percent)
      bp_import_replace_int (&existing->percent, percent, &changed);
    bp_import_replace_text (&existing->impact, bp_import_val (r, F_IMPACT), &changed);
    bp_import_replace_text (&existing->evidence, bp_import_val (r, F_EVIDENCE), &changed);
    bp_import_replace_text (&existing->criteria, bp_import_val (r, F_CRITERIA), &changed);

    if (changed)
      {
        if (!bp_db_update_action (run->db, existing, &error))
          {
            bp_import_db_error (run, r->row, error);
            return;
          }
        run->report->actions_updated++;
      }
    else
      run->report->actions_unchanged++;

    /* A new status comes with a dated update, so its history is kept. */
    if (!has_rag)
      rag = current;
    if (has_text)
      {
        if (bp_import_update_exists (run, existing->id, dated ? update_date : NULL, &text))
          run->report->updates_already_there++;
        else
          bp_import_add_update (run, r->row, existing->id, dated ? update_date : run->date,
                                update_author (run, r), rag, &text);
      }
    else if (rag != current)
      bp_import_add_update (run, r->row, existing->id, dated ? update_date : run->date,
                            update_author (run, r), rag, NULL);
  }
}
