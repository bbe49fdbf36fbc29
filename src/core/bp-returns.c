/* bp-returns.c: merging owners' returned update-request workbooks.
 *
 * First every workbook is read and every row checked, with nothing
 * written: a bad cell anywhere refuses the batch, with each problem by
 * FILE:SHEET:ROW. Then, in one transaction, each filled row becomes a
 * progress update by its action's owner, a revised due date goes on the
 * action, and the request remembers the update it gave, so that the same
 * return merged again changes nothing. */
#include <glib/gi18n.h>
#include <string.h>

#include "bp-db-private.h"
#include "bp-error.h"
#include "bp-import-private.h"
#include "bp-request.h"
#include "bp-rules.h"
#include "bp-workbook.h"

/* The columns a return must have (the owner fills them) and the Ref. */
static const BpRequestColumn needed[] = {
  BP_REQUEST_COL_REF, BP_REQUEST_COL_NEW_RAG, BP_REQUEST_COL_PROGRESS, BP_REQUEST_COL_NEXT_STEPS,
  BP_REQUEST_COL_REVISED_DUE, BP_REQUEST_COL_REASON, BP_REQUEST_COL_ASKS,
};

typedef struct
{
  int row;
  gint64 action_id;
  char *ref;
  gboolean has_rag;
  BpRag rag;
  char *commentary, *next_steps, *asks;
  char *revised, *reason;
} ReturnRow;

/* What the request recorded of one action. */
typedef struct
{
  gint64 action_id;
  gint64 latest_update_id;   /* 0: none when asked */
  gint64 returned_update_id; /* 0: none yet */
  gboolean returned;
  char *owner_name;
} Asked;

typedef struct
{
  const char *path;
  char *where; /* "FILE:SHEET" */
  gint64 request_id;
  gint64 audit_mark; /* the audit log's last entry when the request was made */
  char *token;
  char *recipient;
  GHashTable *asked; /* ref -> Asked */
  GPtrArray *rows;   /* ReturnRow */
} ReturnFile;

typedef struct
{
  BpDb *db;
  BpReturnsReport *report;
  ReturnFile *file;
  int col[BP_REQUEST_N_COLUMNS]; /* -1: not found */
  int header_row;
  GPtrArray *records; /* GStrv, with the row number in rows */
  GArray *row_numbers;
  GHashTable *seen_refs; /* ref -> row */
} Reader;

static void
return_row_free (ReturnRow *r)
{
  g_free (r->ref);
  g_free (r->commentary);
  g_free (r->next_steps);
  g_free (r->asks);
  g_free (r->revised);
  g_free (r->reason);
  g_free (r);
}

static void
asked_free (Asked *a)
{
  g_free (a->owner_name);
  g_free (a);
}

static void
return_file_free (ReturnFile *f)
{
  g_free (f->where);
  g_free (f->token);
  g_free (f->recipient);
  g_clear_pointer (&f->asked, g_hash_table_unref);
  g_clear_pointer (&f->rows, g_ptr_array_unref);
  g_free (f);
}

void
bp_returns_report_free (BpReturnsReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->errors);
  g_ptr_array_unref (report->conflict_list);
  g_free (report);
}

char *
bp_returns_report_to_text (const BpReturnsReport *r)
{
  return g_strdup_printf ("dry_run: %s\nwritten: %s\nreturns.files: %d\nreturns.rows: %d\n"
                          "returns.blank: %d\nreturns.applied: %d\nreturns.already_there: %d\n"
                          "returns.conflicts: %d\nupdates.added: %d\nactions.dates_revised: %d\n",
                          r->dry_run ? "yes" : "no", r->written ? "yes" : "no", r->files, r->rows,
                          r->blank, r->applied, r->already_there, r->conflicts, r->updates_added,
                          r->dates_revised);
}

static void
add_error (BpReturnsReport *report, const char *where, int row, const char *fmt, ...)
  G_GNUC_PRINTF (4, 5);

static void
add_error (BpReturnsReport *report, const char *where, int row, const char *fmt, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, fmt);
  msg = g_strdup_vprintf (fmt, args);
  va_end (args);
  if (row > 0)
    g_ptr_array_add (report->errors, g_strdup_printf ("%s:%d: %s", where, row, msg));
  else
    g_ptr_array_add (report->errors, g_strdup_printf ("%s: %s", where, msg));
}

/* ------------------------------------------------------------- reading */

static gboolean
collect_record (const BpCsvRecord *rec, gpointer user_data)
{
  Reader *rd = user_data;
  char **cells = g_new0 (char *, rec->n_cells + 1);

  for (guint i = 0; i < rec->n_cells; i++)
    cells[i] = bp_import_trim_cell (rec->cells[i]);
  g_ptr_array_add (rd->records, cells);
  g_array_append_val (rd->row_numbers, rec->row);
  return TRUE;
}

static void
collect_problem (int row, gboolean is_error, const char *message, gpointer user_data)
{
  Reader *rd = user_data;

  if (is_error)
    add_error (rd->report, rd->file->where, row, "%s", message);
}

/* Reads sheet @index of @wb into rd->records. */
static gboolean
read_records (Reader *rd, BpWorkbook *wb, guint index)
{
  BpCsvCallbacks cb = { collect_record, collect_problem };
  BpCsvInfo info = { 0 };

  g_ptr_array_set_size (rd->records, 0);
  g_array_set_size (rd->row_numbers, 0);
  return bp_workbook_read_sheet (wb, index, &cb, rd, &info);
}

static const char *
cell (char **cells, int col)
{
  if (col < 0)
    return NULL;
  for (int i = 0; i < col; i++)
    if (cells[i] == NULL)
      return NULL;
  return cells[col] && *cells[col] ? cells[col] : NULL;
}

/* Whether @text is @msgid in one of the languages a request may be
 * written in: English, Welsh, or both as a bilingual workbook joins them. */
static gboolean
is_text_of (const char *text, const char *msgid)
{
  g_autofree char *folded = NULL, *both = NULL;
  BpLanguage previous;

  if (text == NULL)
    return FALSE;
  folded = bp_import_fold_name (text);
  previous = bp_tr_push (BP_LANGUAGE_BILINGUAL);
  both = bp_tr_strip_marks (bp_tr (msgid));
  bp_tr_pop (previous);
  {
    const char *variants[] = { msgid, bp_tr_in (BP_LANGUAGE_CY, msgid), both };

    for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
      {
        g_autofree char *v = bp_import_fold_name (variants[i]);

        if (g_str_equal (folded, v))
          return TRUE;
      }
  }
  return FALSE;
}

static gboolean
is_heading (const char *text, BpRequestColumn column)
{
  return is_text_of (text, bp_request_column_heading (column));
}

/* A status as the New RAG list offers it (in the workbook's language),
 * or as the CSV import reads one. */
static gboolean
parse_status (const char *text, BpRag *out)
{
  static const struct { const char *msgid; BpRag rag; } words[] = {
    { N_("Blue"), BP_RAG_BLUE }, { N_("Green"), BP_RAG_GREEN }, { N_("Amber"), BP_RAG_AMBER },
    { N_("Red"), BP_RAG_RED }, { N_("Not started"), BP_RAG_NOT_STARTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (is_text_of (text, words[i].msgid))
      {
        *out = words[i].rag;
        return TRUE;
      }
  return bp_import_parse_rag (text, out);
}

/* Finds the header row among the records: the first with a Ref and a
 * New RAG heading. */
static gboolean
find_header (Reader *rd)
{
  for (guint i = 0; i < rd->records->len; i++)
    {
      char **cells = g_ptr_array_index (rd->records, i);
      gboolean ref = FALSE, rag = FALSE;

      for (int c = 0; c < BP_REQUEST_N_COLUMNS; c++)
        rd->col[c] = -1;
      for (int j = 0; cells[j]; j++)
        for (int c = 0; c < BP_REQUEST_N_COLUMNS; c++)
          if (rd->col[c] < 0 && is_heading (cells[j], c))
            {
              rd->col[c] = j;
              ref |= c == BP_REQUEST_COL_REF;
              rag |= c == BP_REQUEST_COL_NEW_RAG;
            }
      if (ref && rag)
        {
          rd->header_row = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The request the hidden sheet names, and the actions it asked about. */
static gboolean
load_request (Reader *rd, const char *token)
{
  ReturnFile *f = rd->file;
  sqlite3_stmt *stmt;
  g_autoptr (GError) error = NULL;
  int rc;

  stmt = bp_db_statement (rd->db, "SELECT id, recipient, audit_mark FROM update_request"
                                   " WHERE token = ?1",
                          &error);
  if (stmt == NULL)
    goto db_failed;
  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      add_error (rd->report, f->path, 0,
                 _("the request it answers is not in %s: it was made from another programme's "
                   "file, or from a copy of this one"),
                 bp_db_get_path (rd->db));
      return FALSE;
    }
  f->request_id = sqlite3_column_int64 (stmt, 0);
  f->recipient = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  f->audit_mark = sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);

  f->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) asked_free);
  stmt = bp_db_statement (rd->db,
                          "SELECT a.ref, x.action_id, coalesce(x.latest_update_id, 0),"
                          " coalesce(x.returned_update_id, 0), x.returned_at IS NOT NULL,"
                          " x.owner_name FROM update_request_action x"
                          " JOIN action a ON a.id = x.action_id WHERE x.request_id = ?1",
                          &error);
  if (stmt == NULL)
    goto db_failed;
  sqlite3_bind_int64 (stmt, 1, f->request_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Asked *a = g_new0 (Asked, 1);

      a->action_id = sqlite3_column_int64 (stmt, 1);
      a->latest_update_id = sqlite3_column_int64 (stmt, 2);
      a->returned_update_id = sqlite3_column_int64 (stmt, 3);
      a->returned = sqlite3_column_int (stmt, 4);
      a->owner_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_hash_table_insert (f->asked, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), a);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  bp_db_set_sqlite_error (rd->db, rc, _("Reading the update requests"), &error);

db_failed:
  add_error (rd->report, f->path, 0, "%s", error->message);
  return FALSE;
}

/* One row below the header: checked, and kept when it has a return. */
static void
read_row (Reader *rd, char **cells, int row)
{
  ReturnFile *f = rd->file;
  const char *ref = cell (cells, rd->col[BP_REQUEST_COL_REF]);
  const char *rag_text = cell (cells, rd->col[BP_REQUEST_COL_NEW_RAG]);
  const char *revised_text = cell (cells, rd->col[BP_REQUEST_COL_REVISED_DUE]);
  ReturnRow *r;
  Asked *asked;
  gboolean ok = TRUE;

  r = g_new0 (ReturnRow, 1);
  r->row = row;
  r->commentary = g_strdup (cell (cells, rd->col[BP_REQUEST_COL_PROGRESS]));
  r->next_steps = g_strdup (cell (cells, rd->col[BP_REQUEST_COL_NEXT_STEPS]));
  r->asks = g_strdup (cell (cells, rd->col[BP_REQUEST_COL_ASKS]));
  r->reason = g_strdup (cell (cells, rd->col[BP_REQUEST_COL_REASON]));
  if (ref == NULL && !rag_text && !revised_text && !r->commentary && !r->next_steps && !r->asks
      && !r->reason)
    {
      return_row_free (r); /* a row below the table */
      return;
    }
  rd->report->rows++;
  if (!rag_text && !revised_text && !r->commentary && !r->next_steps && !r->asks && !r->reason)
    {
      rd->report->blank++;
      return_row_free (r);
      return;
    }

  if (ref == NULL)
    {
      add_error (rd->report, f->where, row, _("the Ref is empty; say which action the row is for"));
      return_row_free (r);
      return;
    }
  r->ref = g_strdup (ref);
  asked = g_hash_table_lookup (f->asked, ref);
  if (asked == NULL)
    {
      add_error (rd->report, f->where, row,
                 _("%s is not one of the actions this request asked %s about"), ref, f->recipient);
      ok = FALSE;
    }
  else if (g_hash_table_contains (rd->seen_refs, ref))
    {
      add_error (rd->report, f->where, row, _("%s has a row already (row %d); give one row an action"),
                 ref, GPOINTER_TO_INT (g_hash_table_lookup (rd->seen_refs, ref)));
      ok = FALSE;
    }
  else
    {
      r->action_id = asked->action_id;
      g_hash_table_insert (rd->seen_refs, g_strdup (ref), GINT_TO_POINTER (row));
    }

  if (rag_text)
    {
      g_autofree char *name = bp_workbook_cell_name (rd->col[BP_REQUEST_COL_NEW_RAG], row);

      if (parse_status (rag_text, &r->rag))
        r->has_rag = TRUE;
      else
        {
          add_error (rd->report, f->where, row,
                     _("cell %s: “%s” is not a status; use Blue, Green, Amber, Red or Not started"),
                     name, rag_text);
          ok = FALSE;
        }
    }
  if (revised_text)
    {
      g_autofree char *name = bp_workbook_cell_name (rd->col[BP_REQUEST_COL_REVISED_DUE], row);
      g_autofree char *problem = NULL;

      if (!bp_date_parse_day (revised_text, &r->revised, &problem) || r->revised == NULL)
        {
          add_error (rd->report, f->where, row, _("cell %s: “%s” is not a date (%s)"), name,
                     revised_text, problem ? problem : _("write it as 31/03/2027"));
          ok = FALSE;
        }
      else if (r->reason == NULL)
        {
          add_error (rd->report, f->where, row,
                     _("a revised due date (%s) needs its reason in “%s”"), revised_text,
                     bp_tr (bp_request_column_heading (BP_REQUEST_COL_REASON)));
          ok = FALSE;
        }
    }
  else if (r->reason)
    {
      add_error (rd->report, f->where, row, _("a reason for a new date, but no date in “%s”"),
                 bp_tr (bp_request_column_heading (BP_REQUEST_COL_REVISED_DUE)));
      ok = FALSE;
    }
  if (ok)
    g_ptr_array_add (f->rows, r);
  else
    return_row_free (r);
}

/* The token in the hidden sheet, or NULL. */
static char *
find_token (Reader *rd, BpWorkbook *wb)
{
  int index = bp_workbook_find_sheet (wb, BP_REQUEST_SHEET);

  if (index < 0 || !read_records (rd, wb, index))
    return NULL;
  for (guint i = 0; i < rd->records->len; i++)
    {
      char **cells = g_ptr_array_index (rd->records, i);

      if (cells[0] && g_str_equal (cells[0], BP_REQUEST_MARK) && cells[1] && *cells[1])
        return g_strdup (cells[1]);
    }
  return NULL;
}

static ReturnFile *
read_return (BpDb *db, BpReturnsReport *report, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (BpWorkbook) wb = NULL;
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GArray) row_numbers = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *token = NULL;
  ReturnFile *f = g_new0 (ReturnFile, 1);
  Reader rd = { db, report, f, { 0 }, -1, records, row_numbers, seen };
  char *contents = NULL;
  gsize length = 0;
  guint n_errors = report->errors->len;
  gboolean found = FALSE;

  f->path = path;
  f->where = g_strdup (path);
  f->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) return_row_free);
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      add_error (report, path, 0, "%s", error->message);
      goto failed;
    }
  bytes = g_bytes_new_take (contents, length);
  if (bp_workbook_sniff (bytes) == BP_SOURCE_CSV)
    {
      add_error (report, path, 0,
                 _("not a workbook: a return is the .xlsx workbook “boardpack requests” wrote, "
                   "filled in (or saved as .ods)"));
      goto failed;
    }
  wb = bp_workbook_open (bytes, &error);
  if (wb == NULL)
    {
      add_error (report, path, 0, "%s", error->message);
      goto failed;
    }
  token = find_token (&rd, wb);
  if (token == NULL)
    {
      add_error (report, path, 0,
                 _("not a Boardpack update request: it has no hidden “%s” sheet naming the "
                   "request; returns are the workbooks “boardpack requests” wrote"),
                 BP_REQUEST_SHEET);
      goto failed;
    }
  f->token = g_strdup (token);
  if (!load_request (&rd, token))
    goto failed;

  for (guint i = 0; i < bp_workbook_get_n_sheets (wb) && !found; i++)
    {
      const char *name = bp_workbook_get_sheet_name (wb, i);

      if (g_ascii_strcasecmp (name, BP_REQUEST_SHEET) == 0)
        continue;
      g_free (f->where);
      f->where = g_strdup_printf ("%s:%s", path, name);
      read_records (&rd, wb, i);
      found = find_header (&rd);
    }
  if (!found)
    {
      g_free (f->where);
      f->where = g_strdup (path);
      add_error (report, path, 0,
                 _("no sheet has the request's header row (Ref, Action … New RAG …); was the "
                   "sheet changed?"));
      goto failed;
    }
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (rd.col[needed[i]] < 0)
      add_error (report, f->where, g_array_index (row_numbers, int, rd.header_row),
                 _("no “%s” column; the request's columns were changed"),
                 bp_tr (bp_request_column_heading (needed[i])));
  if (report->errors->len > n_errors)
    goto failed;
  for (guint i = rd.header_row + 1; i < records->len; i++)
    read_row (&rd, g_ptr_array_index (records, i), g_array_index (row_numbers, int, i));
  return f;

failed:
  return_file_free (f);
  return NULL;
}

/* ------------------------------------------------------------ merging */

static gboolean
same_text (const char *a, const unsigned char *b)
{
  return g_strcmp0 (a ? a : "", b ? (const char *) b : "") == 0;
}

/* Whether update @id says what @r says (its RAG only when the row gives
 * one: without, the update took the action's RAG of the day). */
static gboolean
update_matches (BpDb *db, gint64 id, const ReturnRow *r, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean same;

  stmt = bp_db_statement (db, "SELECT rag, commentary, next_steps, asks FROM progress_update"
                              " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  same = sqlite3_step (stmt) == SQLITE_ROW
         && (!r->has_rag || sqlite3_column_text (stmt, 0)[0] == bp_rag_to_letter (r->rag))
         && same_text (r->commentary, sqlite3_column_text (stmt, 1))
         && same_text (r->next_steps, sqlite3_column_text (stmt, 2))
         && same_text (r->asks, sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);
  return same;
}

/* The latest update entered for the action since @audit_mark (the
 * request), other than @except: its id (0: none), date and author. */
static gint64
update_since (BpDb *db, gint64 action_id, gint64 audit_mark, gint64 except, char **out_date,
              char **out_author, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  /* The audit log's ids grow with time: the entries since the mark are
   * a range of its rows. */
  stmt = bp_db_statement (db, "SELECT u.id, u.date, u.author FROM audit au"
                              " JOIN progress_update u ON u.id = au.entity_id"
                              " WHERE au.id > ?2 AND au.entity = 'progress_update'"
                              " AND au.op = 'insert' AND u.action_id = ?1 AND u.id IS NOT ?3"
                              " ORDER BY au.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_int64 (stmt, 2, audit_mark);
  sqlite3_bind_int64 (stmt, 3, except);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *out_date = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *out_author = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  return id;
}

static gboolean
mark_returned (BpDb *db, gint64 request_id, gint64 action_id, gint64 update_id, const char *at,
               GError **error)
{
  sqlite3_stmt *stmt;

  stmt = bp_db_statement (db, "UPDATE update_request_action SET"
                              " returned_update_id = coalesce(nullif(?3, 0), returned_update_id),"
                              " returned_at = ?4 WHERE request_id = ?1 AND action_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request_id);
  sqlite3_bind_int64 (stmt, 2, action_id);
  sqlite3_bind_int64 (stmt, 3, update_id);
  sqlite3_bind_text (stmt, 4, at, -1, SQLITE_STATIC);
  return bp_db_step_done (db, stmt, NULL, error);
}

/* Merges one row; FALSE only when the file fails. */
static gboolean
merge_row (BpDb *db, BpReturnsReport *report, const BpReturnsOptions *options, ReturnFile *f,
           ReturnRow *r, const char *date, const char *now, GError **error)
{
  Asked *asked = g_hash_table_lookup (f->asked, r->ref);
  g_autoptr (BpAction) action = bp_db_get_action (db, r->action_id, error);
  g_autofree char *latest_date = NULL, *latest_author = NULL;
  gboolean has_update = r->has_rag || r->commentary || r->next_steps || r->asks;
  gboolean date_same;
  gint64 newer, update_id = 0;
  BpRag rag;

  if (action == NULL)
    return FALSE;
  rag = r->has_rag ? r->rag : action->rag;
  date_same = r->revised == NULL
              || (g_strcmp0 (action->revised_due_date, r->revised) == 0
                  && g_strcmp0 (action->revised_reason, r->reason) == 0);
  newer = update_since (db, r->action_id, f->audit_mark, asked->returned_update_id, &latest_date,
                        &latest_author, error);
  if (newer < 0)
    return FALSE;

  if (asked->returned)
    {
      g_autoptr (GError) local = NULL;
      gboolean same = date_same
                      && (has_update ? asked->returned_update_id
                                       && update_matches (db, asked->returned_update_id, r, &local)
                                     : asked->returned_update_id == 0);

      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }

      if (same)
        {
          report->already_there++;
          return TRUE;
        }
      if (!options->accept_newer)
        {
          report->conflicts++;
          g_ptr_array_add (report->conflict_list,
                           g_strdup_printf (_("%s:%d: conflict: %s was returned from this request "
                                              "before, with other words; not merged "
                                              "(--accept-newer merges it as a further update)"),
                                            f->where, r->row, r->ref));
          return TRUE;
        }
    }
  else if (newer != 0 && !options->accept_newer)
    {
      report->conflicts++;
      g_ptr_array_add (report->conflict_list,
                       g_strdup_printf (_("%s:%d: conflict: %s has had an update since the request "
                                          "(%s, by %s); not merged (--accept-newer merges it)"),
                                        f->where, r->row, r->ref, latest_date,
                                        latest_author && *latest_author ? latest_author : _("no one named")));
      return TRUE;
    }

  if (has_update)
    {
      BpUpdate u = { 0 };

      u.action_id = r->action_id;
      u.date = (char *) date;
      u.author = asked->owner_name ? asked->owner_name : f->recipient;
      u.rag = rag;
      u.commentary = r->commentary;
      u.next_steps = r->next_steps;
      u.asks = r->asks;
      if (!bp_db_add_update (db, &u, error))
        return FALSE;
      update_id = u.id;
      report->updates_added++;
    }
  if (!date_same)
    {
      g_autoptr (BpAction) now_action = bp_db_get_action (db, r->action_id, error);

      if (now_action == NULL)
        return FALSE;
      g_free (now_action->revised_due_date);
      now_action->revised_due_date = g_strdup (r->revised);
      g_free (now_action->revised_reason);
      now_action->revised_reason = g_strdup (r->reason);
      if (!bp_db_update_action (db, now_action, error))
        return FALSE;
      report->dates_revised++;
    }
  report->applied++;
  return mark_returned (db, f->request_id, r->action_id, update_id, now, error);
}

gboolean
bp_returns_import (BpDb *db, const char *const *paths, const BpReturnsOptions *options,
                   BpReturnsReport **out_report, GError **error)
{
  BpReturnsReport *report = g_new0 (BpReturnsReport, 1);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) return_file_free);
  g_autoptr (GHashTable) tokens = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GDateTime) now_dt = g_date_time_new_now_utc ();
  g_autofree char *now = g_date_time_format_iso8601 (now_dt);
  g_autofree char *today = bp_date_today ();
  const char *date = options->date ? options->date : today;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (BP_IS_DB (db) && paths != NULL && out_report != NULL, FALSE);
  report->dry_run = options->dry_run;
  report->errors = g_ptr_array_new_with_free_func (g_free);
  report->conflict_list = g_ptr_array_new_with_free_func (g_free);
  *out_report = report;

  for (guint i = 0; paths[i]; i++)
    {
      ReturnFile *f = read_return (db, report, paths[i]);
      ReturnFile *other;

      report->files++;
      if (f == NULL)
        continue;
      other = g_hash_table_lookup (tokens, f->token);
      if (other)
        {
          add_error (report, f->path, 0,
                     _("answers the same request as %s; give each return once"), other->path);
          return_file_free (f);
          continue;
        }
      g_hash_table_insert (tokens, f->token, f);
      g_ptr_array_add (files, f);
    }
  if (report->errors->len > 0)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%d problem in the returns: nothing was merged",
                                "%d problems in the returns: nothing was merged",
                                report->errors->len),
                   report->errors->len);
      return FALSE;
    }

  if (!bp_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      ReturnFile *f = g_ptr_array_index (files, i);
      sqlite3_stmt *stmt;

      for (guint j = 0; j < f->rows->len; j++)
        if (!merge_row (db, report, options, f, g_ptr_array_index (f->rows, j), date, now, &local))
          goto failed;
      stmt = bp_db_statement (db, "UPDATE update_request SET returned_at = coalesce(returned_at, ?2)"
                                  " WHERE id = ?1", &local);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, f->request_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      if (!bp_db_step_done (db, stmt, NULL, &local))
        goto failed;
    }
  if (options->dry_run)
    {
      bp_db_rollback (db);
      return TRUE;
    }
  if (!bp_db_commit (db, &local))
    goto failed;
  report->written = TRUE;
  return TRUE;

failed:
  bp_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local));
  report->applied = report->updates_added = report->dates_revised = 0;
  report->already_there = report->conflicts = 0;
  return FALSE;
}
