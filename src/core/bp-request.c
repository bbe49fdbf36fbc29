/* bp-request.c: which owners to ask about which actions, the record of
 * each request in the file, and the state of a cycle's returns. */
#include <glib/gi18n.h>
#include <string.h>

#include "bp-dates.h"
#include "bp-db-private.h"
#include "bp-error.h"
#include "bp-import-private.h"
#include "bp-query.h"
#include "bp-request.h"

static const struct
{
  const char *heading;
  gboolean input;
} columns[BP_REQUEST_N_COLUMNS] = {
  [BP_REQUEST_COL_REF] = { N_("Ref"), FALSE },
  [BP_REQUEST_COL_ACTION] = { N_("Action"), FALSE },
  [BP_REQUEST_COL_DUE] = { N_("Due"), FALSE },
  [BP_REQUEST_COL_LATEST_RAG] = { N_("Latest RAG"), FALSE },
  [BP_REQUEST_COL_LATEST_UPDATE] = { N_("Latest update"), FALSE },
  [BP_REQUEST_COL_NEW_RAG] = { N_("New RAG"), TRUE },
  [BP_REQUEST_COL_PROGRESS] = { N_("Progress this period"), TRUE },
  [BP_REQUEST_COL_NEXT_STEPS] = { N_("Next steps"), TRUE },
  [BP_REQUEST_COL_REVISED_DUE] = { N_("Revised due date"), TRUE },
  [BP_REQUEST_COL_REASON] = { N_("Reason for new date"), TRUE },
  [BP_REQUEST_COL_ASKS] = { N_("Asks of the board"), TRUE },
  [BP_REQUEST_COL_OWNER] = { N_("Owner"), FALSE },
  [BP_REQUEST_COL_PRIORITY] = { N_("Priority area"), FALSE },
};

const char *
bp_request_column_heading (BpRequestColumn column)
{
  g_return_val_if_fail (column < BP_REQUEST_N_COLUMNS, NULL);
  return columns[column].heading;
}

gboolean
bp_request_column_is_input (BpRequestColumn column)
{
  g_return_val_if_fail (column < BP_REQUEST_N_COLUMNS, FALSE);
  return columns[column].input;
}

void
bp_request_free (BpRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->recipient);
  g_free (request->organisation);
  g_free (request->email);
  g_clear_pointer (&request->actions, g_ptr_array_unref);
  g_free (request->token);
  g_free (request->sheet_name);
  g_free (request->file_name);
  g_free (request);
}

void
bp_request_status_free (BpRequestStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->recipient);
  g_free (status->email);
  g_free (status->made_at);
  g_free (status->due_date);
  g_free (status);
}

char *
bp_requests_default_due (const char *meeting_date, const char *today)
{
  if (meeting_date && bp_date_is_valid (meeting_date))
    return bp_date_add_days (meeting_date, -14);
  return bp_date_add_days (today, 14);
}

/* What Excel allows as a sheet's name: at most 31 characters, none of
 * []:*?/\, not starting or ending with an apostrophe, and not the name of
 * the workbook's other sheets. */
static char *
sheet_name_for (const char *recipient)
{
  g_autoptr (GString) s = g_string_new (NULL);
  glong n = 0;

  for (const char *p = recipient; *p && n < 31; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", c) && c < 128)
        g_string_append_c (s, '-');
      else
        g_string_append_unichar (s, c);
    }
  g_strstrip (s->str);
  g_string_set_size (s, strlen (s->str));
  while (s->len && s->str[0] == '\'')
    g_string_erase (s, 0, 1);
  while (s->len && s->str[s->len - 1] == '\'')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0 || g_ascii_strcasecmp (s->str, BP_REQUEST_SHEET) == 0
      || g_ascii_strcasecmp (s->str, "Instructions") == 0)
    g_string_prepend (s, "Updates ");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A file name safe on every file system the workbooks may be mailed to. */
static char *
file_name_for (const char *recipient, const char *meeting_date, GHashTable *taken)
{
  g_autoptr (GString) base = g_string_new (NULL);
  char *name;

  g_string_append (base, meeting_date ? meeting_date : "request");
  g_string_append (base, " - ");
  for (const char *p = recipient; *p; p++)
    g_string_append_c (base, strchr ("/\\:*?\"<>|", *p) || (guchar) *p < 32 ? '-' : *p);
  name = g_strdup_printf ("%s.xlsx", base->str);
  /* Names that differ only in case are one file on some file systems. */
  for (int i = 2;; i++)
    {
      char *folded = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (taken, folded))
        {
          g_hash_table_add (taken, folded);
          return name;
        }
      g_free (folded);
      g_free (name);
      name = g_strdup_printf ("%s (%d).xlsx", base->str, i);
    }
}

static BpRequest *
request_new (const char *recipient)
{
  BpRequest *r = g_new0 (BpRequest, 1);

  r->recipient = g_strdup (recipient);
  r->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_action_free);
  return r;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* Lists @names for a message: "A, B, C". */
static char *
join_keys (GHashTable *by_name)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new ();
  GHashTableIter iter;
  BpRequest *r;

  g_hash_table_iter_init (&iter, by_name);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &r))
    g_ptr_array_add (list, r->recipient);
  g_ptr_array_sort (list, compare_names);
  g_ptr_array_add (list, NULL);
  return g_strjoinv (", ", (char **) list->pdata);
}

GPtrArray *
bp_requests_plan (BpDb *db, const BpRequestOptions *options, GPtrArray **out_unowned,
                  GError **error)
{
  g_autoptr (GPtrArray) actions = NULL, people = NULL, organisations = NULL;
  g_autoptr (GHashTable) person_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) org_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* folded recipient -> BpRequest (owned by @result) */
  g_autoptr (GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_request_free);
  g_autoptr (GPtrArray) unowned = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_action_free);
  g_autoptr (GPtrArray) chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_request_free);
  g_autoptr (GHashTable) wanted = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (BP_IS_DB (db) && options != NULL, NULL);

  if (options->meeting_date)
    {
      g_autoptr (BpMeeting) meeting = bp_db_find_meeting (db, options->meeting_date, NULL);

      if (meeting == NULL)
        {
          g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND,
                       _("%s: no meeting on %s; add the meeting first, or leave --meeting out"),
                       bp_db_get_path (db), options->meeting_date);
          return NULL;
        }
    }
  if ((actions = bp_db_list_actions (db, NULL, error)) == NULL
      || (people = bp_db_list_people (db, error)) == NULL
      || (organisations = bp_db_list_organisations (db, error)) == NULL)
    return NULL;
  for (guint i = 0; i < people->len; i++)
    {
      BpPerson *p = g_ptr_array_index (people, i);
      g_hash_table_insert (person_by_id, &p->id, p);
    }
  for (guint i = 0; i < organisations->len; i++)
    {
      BpOrganisation *o = g_ptr_array_index (organisations, i);
      g_hash_table_insert (org_by_id, &o->id, o);
    }

  for (guint i = 0; i < actions->len; i++)
    {
      BpAction *a = g_ptr_array_index (actions, i);
      BpPerson *owner = a->owner_id ? g_hash_table_lookup (person_by_id, &a->owner_id) : NULL;
      BpOrganisation *org = NULL;
      g_autofree char *key = NULL;
      BpRequest *r;

      if (a->rag == BP_RAG_BLUE)
        continue;
      if (options->by_organisation)
        {
          gint64 org_id = a->organisation_id ? a->organisation_id
                          : owner ? owner->organisation_id : 0;
          org = org_id ? g_hash_table_lookup (org_by_id, &org_id) : NULL;
        }
      if (options->by_organisation ? org == NULL : owner == NULL)
        {
          g_ptr_array_add (unowned, g_steal_pointer (&actions->pdata[i]));
          continue;
        }
      key = bp_import_fold_name (org ? org->name : owner->name);
      r = g_hash_table_lookup (by_name, key);
      if (r == NULL)
        {
          r = request_new (org ? org->name : owner->name);
          if (org)
            r->organisation_id = org->id;
          else
            {
              BpOrganisation *own = owner->organisation_id
                                    ? g_hash_table_lookup (org_by_id, &owner->organisation_id)
                                    : NULL;
              r->person_id = owner->id;
              r->email = g_strdup (owner->email && *owner->email ? owner->email : NULL);
              r->organisation = own ? g_strdup (own->name) : NULL;
              r->organisation_id = own ? own->id : 0;
            }
          g_ptr_array_add (result, r);
          g_hash_table_insert (by_name, g_steal_pointer (&key), r);
        }
      g_ptr_array_add (r->actions, g_steal_pointer (&actions->pdata[i]));
    }

  if (options->recipients && options->recipients[0])
    {
      for (guint i = 0; options->recipients[i]; i++)
        {
          g_autofree char *key = bp_import_fold_name (options->recipients[i]);
          BpRequest *r = g_hash_table_lookup (by_name, key);

          if (r == NULL)
            {
              g_autofree char *known = join_keys (by_name);

              g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND,
                           options->by_organisation
                           ? _("%s: no organisation called “%s” leads an open action; those that "
                               "do: %s")
                           : _("%s: nobody called “%s” owns an open action; those who do: %s"),
                           bp_db_get_path (db), options->recipients[i], *known ? known : "-");
              return NULL;
            }
          g_hash_table_add (wanted, r);
        }
      /* Those asked for, in plan order; the others go. */
      for (guint i = 0; i < result->len; i++)
        if (g_hash_table_contains (wanted, result->pdata[i]))
          g_ptr_array_add (chosen, g_steal_pointer (&result->pdata[i]));
      g_clear_pointer (&result, g_ptr_array_unref);
      result = g_steal_pointer (&chosen);
      g_ptr_array_set_size (unowned, 0);
    }

  for (guint i = 0; i < result->len; i++)
    {
      BpRequest *r = g_ptr_array_index (result, i);

      r->token = g_uuid_string_random ();
      r->sheet_name = sheet_name_for (r->recipient);
      r->file_name = file_name_for (r->recipient, options->meeting_date, files);
    }
  if (out_unowned)
    *out_unowned = g_steal_pointer (&unowned);
  return g_steal_pointer (&result);
}

gboolean
bp_requests_record (BpDb *db, const BpRequestOptions *options, GPtrArray *requests,
                    GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *made_at = g_date_time_format_iso8601 (now);
  g_autofree char *today = bp_date_today ();
  g_autofree char *due = options->due_date
                         ? g_strdup (options->due_date)
                         : bp_requests_default_due (options->meeting_date, today);
  sqlite3 *handle = bp_db_get_handle (db);
  sqlite3_stmt *mark;
  gint64 audit_mark = 0;

  if (!bp_db_begin (db, error))
    return FALSE;
  /* The requests' rows are not audited: the mark is the last entry before them. */
  mark = bp_db_statement (db, "SELECT coalesce(max(id), 0) FROM audit", error);
  if (mark == NULL)
    goto failed;
  if (sqlite3_step (mark) == SQLITE_ROW)
    audit_mark = sqlite3_column_int64 (mark, 0);
  sqlite3_reset (mark);
  for (guint i = 0; i < requests->len; i++)
    {
      BpRequest *r = g_ptr_array_index (requests, i);
      sqlite3_stmt *stmt;
      gint64 request_id;

      stmt = bp_db_statement (db,
                              "INSERT INTO update_request (token, made_at, meeting_date, due_date,"
                              " person_id, organisation_id, recipient, email, file_name, audit_mark)"
                              " VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), nullif(?6, 0), ?7, ?8, ?9,"
                              " ?10)",
                              error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, r->token, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, made_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, options->meeting_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, due, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, r->person_id);
      sqlite3_bind_int64 (stmt, 6, r->organisation_id);
      sqlite3_bind_text (stmt, 7, r->recipient, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, r->email, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, r->file_name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 10, audit_mark);
      if (!bp_db_step_done (db, stmt, NULL, error))
        goto failed;
      request_id = sqlite3_last_insert_rowid (handle);
      for (guint j = 0; j < r->actions->len; j++)
        {
          BpAction *a = g_ptr_array_index (r->actions, j);

          stmt = bp_db_statement (db,
                                  "INSERT INTO update_request_action (request_id, action_id,"
                                  " owner_name, latest_update_id)"
                                  " SELECT ?1, a.id, ?3, " BP_SQL_LATEST_UPDATE_ID
                                  " FROM action a WHERE a.id = ?2",
                                  error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, request_id);
          sqlite3_bind_int64 (stmt, 2, a->id);
          sqlite3_bind_text (stmt, 3, a->owner_name, -1, SQLITE_STATIC);
          if (!bp_db_step_done (db, stmt, NULL, error))
            goto failed;
        }
    }
  return bp_db_commit (db, error) || (bp_db_rollback (db), FALSE);

failed:
  bp_db_rollback (db);
  return FALSE;
}

GPtrArray *
bp_requests_status (BpDb *db, const char *meeting_date, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_request_status_free);
  sqlite3_stmt *stmt;
  int rc;

  /* The latest request to each recipient for the meeting. */
  stmt = bp_db_statement (db,
                          "SELECT r.recipient, r.email, r.made_at, r.due_date,"
                          " (SELECT count(*) FROM update_request_action x WHERE x.request_id = r.id),"
                          " (SELECT count(*) FROM update_request_action x WHERE x.request_id = r.id"
                          "   AND x.returned_at IS NOT NULL), r.returned_at IS NOT NULL"
                          " FROM update_request r"
                          " WHERE r.meeting_date IS ?1 AND r.id = (SELECT max(r2.id) FROM update_request r2"
                          "   WHERE r2.meeting_date IS ?1 AND r2.recipient = r.recipient)"
                          " ORDER BY r.recipient COLLATE NOCASE",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting_date, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BpRequestStatus *s = g_new0 (BpRequestStatus, 1);

      s->recipient = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      s->email = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s->made_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      s->due_date = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      s->n_actions = sqlite3_column_int (stmt, 4);
      s->n_returned = sqlite3_column_int (stmt, 5);
      s->returned = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (list, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bp_db_set_sqlite_error (db, rc, _("Reading the update requests"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
