/* bp-db.c: opening, creating, migrating and writing a .boardpack file. */

/* The session extension records each transaction's changes for undo;
 * sqlite3.h declares it only with these. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>

#include "bp-db-file-private.h"
#include "bp-db-private.h"
#include "bp-rules.h"
#include "bp-schema-private.h"

struct _BpDb
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  gboolean read_only;
  char *read_only_reason;
  char *backup_path;
  char *actor;
  char *shared_folder; /* "NFS", "Dropbox" ...: kept with a rollback journal */
  gboolean handle_read_only; /* opened SQLITE_OPEN_READONLY: cannot checkpoint */
  char *file_key;            /* "dev:inode", in open_files while open */

  GHashTable *statements; /* SQL -> sqlite3_stmt */
  int depth;              /* open transactions and savepoints */
  GPtrArray *pending_changes;
  int fail_after;
  guint writes_since_sync; /* rows written in the transaction since the search index was synced */

  gboolean undo_enabled;
  sqlite3_session *session; /* the open transaction's changes */
  GPtrArray *undo_stack;    /* GBytes changesets, oldest first */
  GPtrArray *redo_stack;
};

/* The tables an undo puts back: plan data, not the audit log. */
static const char *const undo_tables[] = {
  "programme", "organisation", "person", "priority", "action", "milestone",
  "progress_update", "risk", "mitigation", "risk_action", "risk_band", "measure",
  "measure_value", "action_measure", "meeting", "snapshot", "snapshot_action",
  "snapshot_risk", "snapshot_priority", "snapshot_milestone", "snapshot_mitigation",
  "snapshot_risk_band", "snapshot_measure", "snapshot_measure_value", "update_request",
  "update_request_action", NULL,
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BpDb, bp_db, G_TYPE_OBJECT)

static void
bp_db_finalize (GObject *object)
{
  BpDb *self = BP_DB (object);

  /* Best effort, without waiting: a program that exits after its write
   * leaves the main file whole even when another program has it open. */
  if (self->db && self->depth == 0)
    bp_db_checkpoint (self, 0, NULL);
  bp_db_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_free (self->path);
  g_free (self->read_only_reason);
  g_free (self->backup_path);
  g_free (self->actor);
  g_free (self->shared_folder);
  g_free (self->file_key);
  g_clear_pointer (&self->pending_changes, g_ptr_array_unref);

  G_OBJECT_CLASS (bp_db_parent_class)->finalize (object);
}

static void
bp_db_class_init (BpDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* SQLite counts every allocation under a global mutex for
   * sqlite3_memory_used(), which nothing here asks; without the count a
   * write makes about a tenth fewer instructions. Possible only before
   * SQLite initialises: if something else in the process has already
   * used it, this fails and nothing changes. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  object_class->finalize = bp_db_finalize;

  /**
   * BpDb::changed:
   * @table: the table that changed ("action", "risk" ...)
   *
   * Emitted after a write has been committed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* The statement cache's hash: the length and the two ends of the SQL. A
 * write looks its statement up every time, and g_str_hash() over the
 * whole text of a long INSERT cost more than binding its values; two
 * texts alike at both ends cost only a string comparison. */
static guint
sql_hash (gconstpointer key)
{
  const guint8 *sql = key;
  gsize len = strlen (key), ends = MIN (len, 24);
  guint32 h = 2166136261u ^ (guint32) len;

  for (gsize i = 0; i < ends; i++)
    h = (h ^ sql[i]) * 16777619u;
  for (gsize i = len - ends; i < len; i++)
    h = (h ^ sql[i]) * 16777619u;
  return h;
}

static void
bp_db_init (BpDb *self)
{
  self->statements = g_hash_table_new_full (sql_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
}

/* ---------------------------------------------------------------- errors */

/* How long a connection waits for another program's write before it
 * gives up: a large import elsewhere takes a few seconds, and a user
 * would rather wait than retry. Tests shorten it. */
static int
busy_timeout_ms (void)
{
  const char *env = g_getenv ("BOARDPACK_BUSY_TIMEOUT_MS");

  return env && *env ? (int) CLAMP (g_ascii_strtoll (env, NULL, 10), 0, G_MAXINT) : 20000;
}

/* SQLITE_LOCKED is not here: it is a conflict inside one connection, a
 * bug to report as such, not a reason to try again. */
static gboolean
is_busy (int rc)
{
  return (rc & 0xff) == SQLITE_BUSY;
}

static void
set_busy_error (BpDb *self, GError **error)
{
  if (self->shared_folder)
    g_set_error (error, BP_ERROR, BP_ERROR_BUSY,
                 _("%s: the file is open in another program, which keeps it while it is open "
                   "(it is in a shared folder); close it there, then try again"),
                 self->path);
  else
    g_set_error (error, BP_ERROR, BP_ERROR_BUSY,
                 _("%s: another program is writing to this programme; try again"), self->path);
}

void
bp_db_set_sqlite_error (BpDb *self, int rc, const char *what, GError **error)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
      if (self && self->path)
        {
          set_busy_error (self, error);
          return;
        }
      code = BP_ERROR_BUSY;
      break;
    case SQLITE_NOTADB: code = BP_ERROR_NOT_SQLITE; break;
    case SQLITE_CORRUPT: code = BP_ERROR_CORRUPT; break;
    case SQLITE_READONLY: code = BP_ERROR_READ_ONLY; break;
    case SQLITE_CONSTRAINT: code = BP_ERROR_INVALID; break;
    default: code = BP_ERROR_IO; break;
    }
  g_set_error (error, BP_ERROR, code, "%s: %s", what,
               self && self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
}

/* ------------------------------------------------------------ statements */

sqlite3 *
bp_db_get_handle (BpDb *self)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return self->db;
}

static gboolean sync_search (BpDb *self, GError **error);

sqlite3_stmt *
bp_db_statement (BpDb *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Inside a transaction, the full-text index catches up with the rows
   * written only now and then (see bp-schema.c): a search brings it up
   * to date first. */
  if (self->depth > 0 && strstr (sql, "_fts MATCH") && !sync_search (self, error))
    return NULL;
  if (self->db == NULL)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("%s: the file is closed"), self->path);
      return NULL;
    }
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      bp_db_set_sqlite_error (self, rc, _("Reading the file"), error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
bp_db_inject_failure (BpDb *self, int n)
{
  self->fail_after = n;
}

static gboolean
injected_failure (BpDb *self, GError **error)
{
  if (self->fail_after > 0 && --self->fail_after == 0)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_IO, "injected failure");
      return TRUE;
    }
  return FALSE;
}

/* The message for a row that breaks a UNIQUE constraint, one whole
 * sentence for each kind of row so that it translates. */
static void
set_exists_error (const BpEntity *entity, gconstpointer row, GError **error)
{
  GError *exists = NULL;
  const char *key = row ? bp_entity_row_key (entity, row) : NULL;
  const char *column = entity->key_column;

  if (key == NULL)
    key = "";
  if (entity == &bp_entity_action)
    g_set_error (&exists, BP_ERROR, BP_ERROR_INVALID,
                 _("Action %s already exists: choose another reference."), key);
  else if (entity == &bp_entity_risk)
    g_set_error (&exists, BP_ERROR, BP_ERROR_INVALID,
                 _("Risk %s already exists: choose another reference."), key);
  else if (entity == &bp_entity_priority)
    g_set_error (&exists, BP_ERROR, BP_ERROR_INVALID,
                 _("Priority area %s already exists: choose another code."), key);
  else if (entity == &bp_entity_organisation)
    g_set_error (&exists, BP_ERROR, BP_ERROR_INVALID,
                 _("An organisation named “%s” already exists."), key);
  else if (entity == &bp_entity_meeting)
    {
      g_autofree char *when = bp_date_format_uk (key);

      g_set_error (&exists, BP_ERROR, BP_ERROR_INVALID,
                   _("A meeting on %s already exists: choose another date."), when);
    }
  else if (entity == &bp_entity_measure_value)
    {
      g_set_error (&exists, BP_ERROR, BP_ERROR_INVALID,
                   _("This measure already has a value for %s."), key);
      column = "period";
    }
  else if (entity == &bp_entity_snapshot)
    {
      g_set_error_literal (&exists, BP_ERROR, BP_ERROR_INVALID,
                           _("This meeting already has a snapshot."));
      column = "meeting_id";
    }
  else
    g_set_error (&exists, BP_ERROR, BP_ERROR_INVALID, _("“%s” is already in the file."), key);
  bp_error_set_column (exists, column, NULL);
  g_propagate_error (error, exists);
}

gboolean
bp_db_step_done_for_row (BpDb *self, sqlite3_stmt *stmt, const BpEntity *entity,
                   gconstpointer row, GError **error)
{
  int rc;

  if (injected_failure (self, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  /* A row that refers to a missing row fails on its FOREIGN KEY
   * constraint, or on another constraint checked before it: the missing
   * row is named first, as validate() would have. */
  if ((rc & 0xff) == SQLITE_CONSTRAINT && entity && row
      && !bp_db_check_references (self, entity, row, entity->n_fields, error))
    return FALSE;
  if (rc == SQLITE_CONSTRAINT_UNIQUE && entity)
    {
      set_exists_error (entity, row, error);
      return FALSE;
    }
  if (rc == SQLITE_READONLY || rc == SQLITE_READONLY_DBMOVED)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_READ_ONLY, _("%s is read-only"), self->path);
      return FALSE;
    }
  bp_db_set_sqlite_error (self, rc,
                          entity ? _(entity->label) : _("Writing the file"), error);
  return FALSE;
}

gboolean
bp_db_step_done (BpDb *self, sqlite3_stmt *stmt, const BpEntity *entity, GError **error)
{
  return bp_db_step_done_for_row (self, stmt, entity, NULL, error);
}

/* ---------------------------------------------------------- transactions */

static gboolean
exec_simple (BpDb *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = bp_db_statement (self, sql, error);

  return stmt && bp_db_step_done (self, stmt, NULL, error);
}

/* Brings the full-text index up to date with the rows the transaction's
 * writes have named in the pending tables (see bp-schema.c). All or
 * nothing: a row indexed but still pending would be indexed twice. */
static gboolean
sync_search (BpDb *self, GError **error)
{
  if (!exec_simple (self, "SAVEPOINT bp_search", error))
    return FALSE;
  for (guint i = 0; bp_schema_sync_search_sql[i]; i++)
    {
      sqlite3_stmt *stmt = bp_db_statement (self, bp_schema_sync_search_sql[i], error);

      if (stmt == NULL || !bp_db_step_done (self, stmt, NULL, error))
        {
          sqlite3_exec (self->db, "ROLLBACK TO bp_search; RELEASE bp_search", NULL, NULL, NULL);
          return FALSE;
        }
    }
  if (!exec_simple (self, "RELEASE bp_search", error))
    {
      sqlite3_exec (self->db, "ROLLBACK TO bp_search; RELEASE bp_search", NULL, NULL, NULL);
      return FALSE;
    }
  self->writes_since_sync = 0;
  return TRUE;
}

static gboolean
start_session (BpDb *self, GError **error)
{
  int rc = sqlite3session_create (self->db, "main", &self->session);

  for (guint i = 0; rc == SQLITE_OK && undo_tables[i]; i++)
    rc = sqlite3session_attach (self->session, undo_tables[i]);
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&self->session, sqlite3session_delete);
      bp_db_set_sqlite_error (self, rc, _("Recording the change for undo"), error);
      return FALSE;
    }
  return TRUE;
}

/* Keeps the committed transaction's changes as the newest undo step. */
static void
finish_session (BpDb *self, gboolean committed)
{
  void *data = NULL;
  int size = 0;

  if (self->session == NULL)
    return;
  if (committed && sqlite3session_changeset (self->session, &size, &data) == SQLITE_OK && size > 0)
    {
      g_ptr_array_add (self->undo_stack, g_bytes_new (data, size));
      g_ptr_array_set_size (self->redo_stack, 0);
    }
  sqlite3_free (data);
  g_clear_pointer (&self->session, sqlite3session_delete);
}

gboolean
bp_db_begin (BpDb *self, GError **error)
{
  char sql[48];

  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  if (self->read_only)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_READ_ONLY, _("%s is open read-only: %s"),
                   self->path, self->read_only_reason);
      return FALSE;
    }
  if (self->depth == 0)
    {
      sqlite3_stmt *stmt;

      /* IMMEDIATE: take the write lock now, not half-way through. */
      if (!exec_simple (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->writes_since_sync = 0;
      stmt = bp_db_statement (self, "UPDATE audit_actor SET name = ?1 WHERE id = 1", error);
      if (stmt == NULL)
        {
          exec_simple (self, "ROLLBACK", NULL);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 1, self->actor, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          bp_db_set_sqlite_error (self, sqlite3_errcode (self->db), _("Writing the file"), error);
          sqlite3_reset (stmt);
          exec_simple (self, "ROLLBACK", NULL);
          return FALSE;
        }
      sqlite3_reset (stmt);
      if (self->undo_enabled && !start_session (self, error))
        {
          exec_simple (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  else
    {
      g_snprintf (sql, sizeof sql, "SAVEPOINT bp%d", self->depth);
      if (!exec_simple (self, sql, error))
        return FALSE;
    }
  self->depth++;
  return TRUE;
}

static void
emit_pending (BpDb *self)
{
  g_autoptr (GPtrArray) tables = g_steal_pointer (&self->pending_changes);

  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < tables->len; i++)
    g_signal_emit (self, signals[CHANGED], 0, g_ptr_array_index (tables, i));
}

gboolean
bp_db_commit (BpDb *self, GError **error)
{
  char sql[48];

  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      if (!sync_search (self, error) || !exec_simple (self, "COMMIT", error))
        return FALSE; /* still open: the caller rolls back */
      self->depth = 0;
      finish_session (self, TRUE);
      emit_pending (self);
      return TRUE;
    }
  g_snprintf (sql, sizeof sql, "RELEASE bp%d", self->depth - 1);
  if (!exec_simple (self, sql, error))
    return FALSE;
  self->depth--;
  return TRUE;
}

void
bp_db_rollback (BpDb *self)
{
  char sql[64];

  g_return_if_fail (BP_IS_DB (self));
  g_return_if_fail (self->depth > 0);

  self->fail_after = 0;
  if (self->depth == 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_ptr_array_set_size (self->pending_changes, 0);
      finish_session (self, FALSE);
    }
  else
    {
      g_snprintf (sql, sizeof sql, "ROLLBACK TO bp%d; RELEASE bp%d",
                  self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  self->depth--;
}

void
bp_db_changed (BpDb *self, const char *table)
{
  for (guint i = 0; i < self->pending_changes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->pending_changes, i), table))
      return;
  g_ptr_array_add (self->pending_changes, g_strdup (table));
  if (self->depth == 0)
    emit_pending (self);
}

void
bp_db_set_actor (BpDb *self, const char *name)
{
  g_return_if_fail (BP_IS_DB (self));
  g_free (self->actor);
  self->actor = g_strdup (name);
}

gboolean
bp_db_begin_write (BpDb *self, gboolean *nested, GError **error)
{
  *nested = self->depth > 0;
  if (!*nested)
    return bp_db_begin (self, error);
  /* A long transaction indexes what it has written every so many rows,
   * so that the pending tables stay small (emptied at the commit, they
   * would leave their pages free in the file). */
  if (++self->writes_since_sync >= 8192)
    return sync_search (self, error);
  return TRUE;
}

gboolean
bp_db_end_write (BpDb *self, gboolean nested, gboolean ok, GError **error)
{
  if (nested)
    return ok;
  if (ok && bp_db_commit (self, error))
    return TRUE;
  bp_db_rollback (self);
  return FALSE;
}

/* ---------------------------------------------------------- open, create */

static gboolean
is_writable (const char *path, const char **why, gboolean is_dir)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  /* Root may write anywhere, but a file nobody may write is meant to be
   * left alone, so the permission bits are asked as well as access(). */
  if ((st.st_mode & 0222) == 0 || access (path, W_OK) != 0)
    {
      *why = is_dir ? _("its folder is not writable") : _("the file is not writable");
      return FALSE;
    }
  return TRUE;
}

/* Reads the 100-byte SQLite header to tell "not a database" and
 * "truncated" apart before SQLite touches the file. */
static gboolean
check_header (const char *path, GError **error)
{
  guint8 header[100];
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  FILE *f;
  GStatBuf st;
  size_t n;
  guint32 page_size, db_pages, change_counter, valid_for;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, BP_ERROR, saved == ENOENT ? BP_ERROR_NOT_FOUND : BP_ERROR_IO,
                   _("%s: cannot open: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, BP_ERROR, BP_ERROR_NOT_SQLITE,
                   _("%s: is a folder, not a Boardpack file"), path);
      return FALSE;
    }
  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;

      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("%s: cannot open: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);

  if (n == 0)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_NOT_SQLITE,
                   _("%s: the file is empty, not a Boardpack file"), path);
      return FALSE;
    }
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_NOT_SQLITE,
                   _("%s: not a Boardpack file (it is not a SQLite database)"), path);
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  db_pages = GUINT32_FROM_BE (*(guint32 *) (header + 28));
  change_counter = GUINT32_FROM_BE (*(guint32 *) (header + 24));
  valid_for = GUINT32_FROM_BE (*(guint32 *) (header + 92));

  /* The page count in the header is trustworthy only when it was written
   * with the current change counter; and a WAL file may hold pages the
   * main file does not have yet. */
  if (page_size >= 512 && db_pages > 0 && change_counter == valid_for
      && !g_file_test (wal, G_FILE_TEST_EXISTS)
      && (guint64) st.st_size < (guint64) page_size * db_pages)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_CORRUPT,
                   _("%s: the file is truncated (%llu of %llu bytes); restore it from a backup"),
                   path, (unsigned long long) st.st_size,
                   (unsigned long long) page_size * db_pages);
      return FALSE;
    }
  return TRUE;
}

static int
pragma_int (BpDb *self, const char *pragma, int *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (is_busy (rc))
    {
      set_busy_error (self, error);
      return rc;
    }
  if (rc != SQLITE_OK)
    {
      int code = (rc & 0xff) == SQLITE_NOTADB ? BP_ERROR_NOT_SQLITE
               : (rc & 0xff) == SQLITE_CORRUPT ? BP_ERROR_CORRUPT : BP_ERROR_IO;

      g_set_error (error, BP_ERROR, code,
                   code == BP_ERROR_NOT_SQLITE
                     ? _("%s: not a Boardpack file (it is not a SQLite database)")
                     : code == BP_ERROR_CORRUPT
                       ? _("%s: the file is damaged (%s); restore it from a backup")
                       : _("%s: cannot read: %s"),
                   self->path, sqlite3_errmsg (self->db));
    }
  return rc;
}

static char *
uri_for_path (const char *path, gboolean immutable)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (abs, "/", FALSE);

  return g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
}

/* Keeps the file as it was before an upgrade: a byte copy when nothing
 * is pending in a WAL file, else SQLite's online backup of the pages. */
static gboolean
backup_file (BpDb *self, int version, GError **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autoptr (GFile) src = g_file_new_for_path (self->path);
  g_autoptr (GFile) dest_file = NULL;
  g_autoptr (GError) local_error = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  self->backup_path = g_strdup_printf ("%s.v%d.bak", self->path, version);
  for (int i = 2; g_file_test (self->backup_path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (self->backup_path);
      self->backup_path = g_strdup_printf ("%s.v%d-%d.bak", self->path, version, i);
    }

  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      dest_file = g_file_new_for_path (self->backup_path);
      if (!g_file_copy (src, dest_file, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        {
          g_set_error (error, BP_ERROR, BP_ERROR_IO, _("%s: cannot write the backup %s: %s"),
                       self->path, self->backup_path, local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  rc = sqlite3_open_v2 (self->backup_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("%s: cannot write the backup %s: %s"),
                   self->path, self->backup_path, dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (self->backup_path);
      return FALSE;
    }
  sqlite3_close (dest);
  return TRUE;
}

/* bp_sql_exec, with another program's lock named as such. */
static gboolean
db_exec (BpDb *self, const char *sql, const char *what, GError **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &msg);

  if (is_busy (rc))
    set_busy_error (self, error);
  else if (rc != SQLITE_OK)
    g_set_error (error, BP_ERROR, BP_ERROR_IO, _("%s failed: %s"), what,
                 msg ? msg : sqlite3_errmsg (self->db));
  sqlite3_free (msg);
  return rc == SQLITE_OK;
}

/* Right after sqlite3_open: the very first read of the header may meet
 * another program's write or checkpoint. */
static void
set_waits (BpDb *self)
{
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, busy_timeout_ms ());
}

static gboolean
configure_connection (BpDb *self, GError **error)
{
  if (!db_exec (self, "PRAGMA foreign_keys = ON", _("Opening the file"), error))
    return FALSE;
  if (self->read_only)
    return db_exec (self, "PRAGMA query_only = ON", _("Opening the file"), error);
  /* WAL lets the window read while a write is under way; FULL makes every
   * commit durable before it returns, which matters more here than speed.
   *
   * temp_store: every write statement inside a transaction keeps a
   * statement journal (to undo just that statement if it fails). On disk,
   * SQLite buffers it in 64 KiB blocks, each one malloc'ed and freed per
   * statement, and glibc handed the memory back to the kernel and took it
   * again every time: half the time of a bulk write went on page faults.
   * In memory it is kept in 1 KiB blocks.
   *
   * cache_size: with SQLite's default 2 MiB, a large transaction spills
   * its pages to the WAL and reads them back (bench/bp-bench-writes,
   * 210,000 rows: twice the system time, updates and edits a quarter to a
   * half slower). 64 MiB is a ceiling, not an allocation: the cache grows
   * only as pages are used. Read-only connections (check, reports) keep
   * the default, since they mostly read each page once.
   *
   * In a shared or synchronised folder (see bp_db_shared_folder_kind) a
   * WAL file cannot be shared and a sync client copies the main file
   * without it: there the file keeps a rollback journal, so that it is
   * whole after every commit, and this connection holds its lock until it
   * closes, so that a second machine waits instead of writing beside it. */
  if (self->shared_folder)
    return db_exec (self,
                    "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = DELETE;"
                    "PRAGMA synchronous = FULL;"
                    "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;",
                    _("Opening the file"), error);
  return db_exec (self,
                  "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                  "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;",
                  _("Opening the file"), error);
}

/* ------------------------------------------------------------ checkpoint */

gboolean
bp_db_checkpoint (BpDb *self, int wait_ms, GError **error)
{
  int log = -1, copied = -1, rc;

  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  /* A rollback journal (shared folders) leaves nothing to move; a file
   * Boardpack cannot write, nothing it could have written. */
  if (self->db == NULL || self->handle_read_only || self->shared_folder)
    return TRUE;
  if (self->depth > 0)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_BUSY, _("%s: a change is still being written"),
                   self->path);
      return FALSE;
    }
  /* With a short wait, TRUNCATE does what it can: copies every page no
   * reader still needs, and empties the WAL file if none does. */
  sqlite3_busy_timeout (self->db, wait_ms);
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &copied);
  sqlite3_busy_timeout (self->db, busy_timeout_ms ());
  if (rc == SQLITE_OK || (is_busy (rc) && log >= 0 && log == copied))
    return TRUE;
  bp_db_set_sqlite_error (self, rc, _("Writing the file"), error);
  return FALSE;
}

void
bp_db_close (BpDb *self)
{
  g_return_if_fail (BP_IS_DB (self));
  if (self->db == NULL)
    return;
  while (self->depth > 0)
    bp_db_rollback (self);
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->session, sqlite3session_delete);
  /* The last connection to close checkpoints and removes the -wal and
   * -shm files itself. */
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  bp_db_file_unregister (self->file_key);
  g_clear_pointer (&self->file_key, g_free);
}

gint64
bp_db_get_data_version (BpDb *self)
{
  sqlite3_stmt *stmt;
  gint64 version = -1;

  g_return_val_if_fail (BP_IS_DB (self), -1);
  if (self->db == NULL || self->depth > 0)
    return -1;
  stmt = bp_db_statement (self, "PRAGMA data_version", NULL);
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return version;
}

const char *
bp_db_get_shared_folder (BpDb *self)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return self->shared_folder;
}

/* On a writable file at the current version: replaces the triggers of a
 * file written by a pre-release build of version 1, and indexes the rows
 * another program wrote without indexing them (see bp-schema.c). */
static gboolean
refresh_schema (BpDb *self, GError **error)
{
  int pending = 0;
  gboolean refresh = bp_schema_needs_refresh (self->db);

  if (!refresh
      && pragma_int (self, "SELECT EXISTS (SELECT 1 FROM action_fts_pending)"
                           " OR EXISTS (SELECT 1 FROM update_fts_pending)", &pending, error)
           != SQLITE_OK)
    return FALSE;
  if (!refresh && !pending)
    return TRUE;
  if (!db_exec (self, "BEGIN IMMEDIATE", _("Opening the file"), error))
    return FALSE;
  if ((refresh && !bp_schema_refresh (self->db, error))
      || !bp_schema_sync_search (self->db, error)
      || !db_exec (self, "COMMIT", _("Opening the file"), error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      if (!g_error_matches (*error, BP_ERROR, BP_ERROR_BUSY))
        g_prefix_error (error, "%s: ", self->path);
      return FALSE;
    }
  return TRUE;
}

BpDb *
bp_db_open (const char *path, BpOpenFlags flags, GError **error)
{
  g_autoptr (BpDb) self = NULL;
  g_autofree char *dir = NULL;
  const char *why = NULL;
  gboolean dir_writable, file_writable, left_wal = FALSE;
  int rc, app_id = 0, version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* A file another BpDb of this process has open passed these checks
   * then, and reading its bytes directly now would drop that
   * connection's locks (see open_files). */
  if (!bp_db_file_is_open_here (path)
      && (!check_header (path, error) || !bp_db_check_left_wal (path, &left_wal, error)))
    return NULL;

  self = g_object_new (BP_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->shared_folder = bp_db_shared_folder_kind (path);
  dir = g_path_get_dirname (path);
  dir_writable = is_writable (dir, &why, TRUE);
  file_writable = is_writable (path, &why, FALSE);
  if (!file_writable || !dir_writable)
    {
      self->read_only = TRUE;
      self->read_only_reason = g_strdup (why);
      self->handle_read_only = TRUE;
    }
  else if (flags & BP_OPEN_READ_ONLY)
    {
      /* Read-only for Boardpack (query_only), but with a handle that may
       * checkpoint: a reader that closes last must not leave the writes
       * of others in the WAL only. */
      self->read_only = TRUE;
      self->read_only_reason = g_strdup (_("it was opened read-only"));
    }

  if (self->handle_read_only)
    {
      /* Without a writable folder SQLite cannot make the -shm file a WAL
       * reader needs; "immutable" tells it nobody is writing. */
      g_autofree char *uri = uri_for_path (path, !dir_writable);

      rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  else
    rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      bp_db_set_sqlite_error (self, rc, path, error);
      return NULL;
    }
  set_waits (self);

  if (pragma_int (self, "PRAGMA application_id", &app_id, error) != SQLITE_OK
      || pragma_int (self, "PRAGMA user_version", &version, error) != SQLITE_OK)
    return NULL;
  if ((guint32) app_id != BP_APPLICATION_ID)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_NOT_BOARDPACK,
                   _("%s: not a Boardpack file (a SQLite database of another application)"),
                   path);
      return NULL;
    }
  if (version < 0)
    {
      /* No Boardpack writes one; bp_schema_migrate would not know where
       * to start. */
      g_set_error (error, BP_ERROR, BP_ERROR_CORRUPT,
                   _("%s: the file is damaged (its version number is %d); restore it from a "
                     "backup"),
                   path, version);
      return NULL;
    }
  if (version > BP_SCHEMA_VERSION)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_NEWER_SCHEMA,
                   _("%s: written by a newer Boardpack (file version %d; this Boardpack "
                     "reads up to version %d); update Boardpack to open it"),
                   path, version, BP_SCHEMA_VERSION);
      return NULL;
    }
  {
    int n_tables = 0;

    /* Reading the schema finds most damage before any work starts. */
    if (pragma_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error) != SQLITE_OK)
      return NULL;
  }
  if (version < BP_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_set_error (error, BP_ERROR, BP_ERROR_NEEDS_UPGRADE,
                       _("%s: file version %d must be upgraded to version %d, "
                         "but %s"), path, version, BP_SCHEMA_VERSION, self->read_only_reason);
          return NULL;
        }
      /* Before any pragma writes to it. */
      if (!backup_file (self, version, error))
        return NULL;
    }
  if (!configure_connection (self, error))
    return NULL;

  if (version < BP_SCHEMA_VERSION)
    {
      if (!db_exec (self, "BEGIN IMMEDIATE", _("Upgrading the file"), error))
        return NULL;
      if (!bp_schema_migrate (self->db, version, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("%s: cannot upgrade from version %d: "), path, version);
          return NULL;
        }
      if (!db_exec (self, "COMMIT", _("Upgrading the file"), error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return NULL;
        }
    }
  else if (!self->read_only && !refresh_schema (self, error))
    return NULL;
  self->file_key = bp_db_file_register (self->path);
  /* SQLite applied the WAL a stopped program left in memory only: into
   * the main file with it, so that the file alone is whole again. */
  if (left_wal)
    bp_db_checkpoint (self, 0, NULL);
  return g_steal_pointer (&self);
}

static void
remove_db_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

BpDb *
bp_db_create (const char *path, const char *title, GError **error)
{
  g_autoptr (BpDb) self = NULL;
  g_autofree char *pragmas = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (title == NULL || *title == '\0')
    title = _("Improvement programme");
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BP_ERROR, BP_ERROR_EXISTS,
                   _("%s: already exists; choose another name"), path);
      return NULL;
    }

  self = g_object_new (BP_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->shared_folder = bp_db_shared_folder_kind (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_EXISTS, _("%s: cannot create: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  set_waits (self);
  pragmas = g_strdup_printf ("PRAGMA application_id = %d;", (int) BP_APPLICATION_ID);
  if (!db_exec (self, pragmas, path, error)
      || !configure_connection (self, error)
      || !db_exec (self, "BEGIN IMMEDIATE", path, error))
    goto failed;
  if (!bp_schema_create (self->db, error))
    goto failed_rollback;
  stmt = bp_db_statement (self, "INSERT INTO programme (id, title) VALUES (1, ?1)", error);
  if (stmt == NULL)
    goto failed_rollback;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  if (!bp_db_step_done (self, stmt, &bp_entity_programme, error))
    goto failed_rollback;
  g_free (pragmas);
  pragmas = g_strdup_printf ("PRAGMA user_version = %d;", BP_SCHEMA_VERSION);
  if (!db_exec (self, pragmas, path, error)
      || !db_exec (self, "COMMIT", path, error))
    goto failed_rollback;
  self->file_key = bp_db_file_register (self->path);
  /* A new file's tables are in the WAL until a checkpoint. */
  bp_db_checkpoint (self, 0, NULL);
  return g_steal_pointer (&self);

failed_rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
failed:
  g_clear_pointer (&self->statements, g_hash_table_unref);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  remove_db_files (path);
  return NULL;
}

const char *
bp_db_get_path (BpDb *self)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return self->path;
}

gboolean
bp_db_is_read_only (BpDb *self)
{
  g_return_val_if_fail (BP_IS_DB (self), TRUE);
  return self->read_only;
}

const char *
bp_db_get_read_only_reason (BpDb *self)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return self->read_only_reason;
}

const char *
bp_db_get_backup_path (BpDb *self)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return self->backup_path;
}

char *
bp_db_integrity_check (BpDb *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (BP_IS_DB (self), NULL);
  if (self->db == NULL)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("%s: the file is closed"), self->path);
      return NULL;
    }
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (out->len)
        g_string_append (out, "; ");
      g_string_append (out, (const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        return g_strdup (sqlite3_errmsg (self->db));
      bp_db_set_sqlite_error (self, rc, _("Checking the file"), error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------ undo */

void
bp_db_set_undo_enabled (BpDb *self, gboolean enabled)
{
  g_return_if_fail (BP_IS_DB (self));
  g_return_if_fail (self->depth == 0);
  self->undo_enabled = enabled;
  if (!enabled)
    {
      g_ptr_array_set_size (self->undo_stack, 0);
      g_ptr_array_set_size (self->redo_stack, 0);
    }
}

gboolean
bp_db_can_undo (BpDb *self)
{
  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
bp_db_can_redo (BpDb *self)
{
  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  return self->redo_stack->len > 0;
}

/* TRUE when the row as it is already holds every value @iter would set:
 * a trigger got there first (an update's insert sets its action's RAG). */
static gboolean
row_already_changed (sqlite3_changeset_iter *iter)
{
  const char *table;
  int n_columns, op, indirect;

  if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) != SQLITE_OK
      || op != SQLITE_UPDATE)
    return FALSE;
  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *wanted = NULL, *current = NULL;

      if (sqlite3changeset_new (iter, i, &wanted) != SQLITE_OK || wanted == NULL)
        continue; /* a column the change leaves alone */
      if (sqlite3changeset_conflict (iter, i, &current) != SQLITE_OK || current == NULL)
        return FALSE;
      if (sqlite3_value_type (wanted) != sqlite3_value_type (current))
        return FALSE;
      if (sqlite3_value_bytes (wanted) != sqlite3_value_bytes (current)
          || memcmp (sqlite3_value_blob (wanted), sqlite3_value_blob (current),
                     sqlite3_value_bytes (wanted)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* TRUE when @iter deletes a row that differs from what it recorded only
 * in columns now NULL: an ON DELETE SET NULL foreign key cleared them when
 * the same undo deleted the row they pointed at (undoing an import deletes
 * the organisation it created before the person who belonged to it). */
static gboolean
row_only_nulled (sqlite3_changeset_iter *iter)
{
  const char *table;
  int n_columns, op, indirect;

  if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) != SQLITE_OK
      || op != SQLITE_DELETE)
    return FALSE;
  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *old = NULL, *current = NULL;

      if (sqlite3changeset_old (iter, i, &old) != SQLITE_OK || old == NULL)
        return FALSE;
      if (sqlite3changeset_conflict (iter, i, &current) != SQLITE_OK || current == NULL)
        return FALSE;
      if (sqlite3_value_type (current) == SQLITE_NULL)
        continue;
      if (sqlite3_value_type (old) != sqlite3_value_type (current)
          || sqlite3_value_bytes (old) != sqlite3_value_bytes (current)
          || memcmp (sqlite3_value_blob (old), sqlite3_value_blob (current),
                     sqlite3_value_bytes (old)) != 0)
        return FALSE;
    }
  return TRUE;
}

static int
on_apply_conflict_cb (void *data, int conflict, sqlite3_changeset_iter *iter)
{
  if (conflict == SQLITE_CHANGESET_DATA && row_already_changed (iter))
    return SQLITE_CHANGESET_OMIT;
  if (conflict == SQLITE_CHANGESET_DATA && row_only_nulled (iter))
    return SQLITE_CHANGESET_REPLACE; /* delete it as it is now */
  if (conflict == SQLITE_CHANGESET_NOTFOUND)
    {
      const char *table;
      int n_columns, op, indirect;

      /* A row to delete already gone: an ON DELETE CASCADE took it with
       * its parent (an import's progress updates with their action). */
      if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) == SQLITE_OK
          && op == SQLITE_DELETE)
        return SQLITE_CHANGESET_OMIT;
    }
  /* The file changed under the step (another program wrote to it): give
   * up rather than overwrite what is there now. */
  return SQLITE_CHANGESET_ABORT;
}

/* Applies @changeset (inverted when @invert) as one transaction, and
 * reports every table it touched. */
static gboolean
apply_changeset (BpDb *self, GBytes *changeset, gboolean invert, GError **error)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (changeset, &size);
  void *inverted = NULL;
  int n_inverted = 0, rc;
  gboolean undo_was_enabled = self->undo_enabled;
  sqlite3_stmt *stmt;

  if (invert)
    {
      rc = sqlite3changeset_invert ((int) size, data, &n_inverted, &inverted);
      if (rc != SQLITE_OK)
        {
          bp_db_set_sqlite_error (self, rc, _("Undoing"), error);
          return FALSE;
        }
    }
  /* Undo itself is not recorded as a new undo step. */
  self->undo_enabled = FALSE;
  if (!bp_db_begin (self, error))
    goto failed;
  stmt = bp_db_statement (self, "UPDATE audit_actor SET undoing = 1 WHERE id = 1", error);
  if (stmt == NULL || !bp_db_step_done (self, stmt, NULL, error))
    goto failed_rollback;
  rc = sqlite3changeset_apply (self->db, invert ? n_inverted : (int) size,
                               invert ? inverted : (void *) data, NULL,
                               on_apply_conflict_cb, self);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   _("The change cannot be undone: the file has changed since (%s)"),
                   sqlite3_errstr (rc));
      goto failed_rollback;
    }
  stmt = bp_db_statement (self, "UPDATE audit_actor SET undoing = 0 WHERE id = 1", error);
  if (stmt == NULL || !bp_db_step_done (self, stmt, NULL, error))
    goto failed_rollback;
  for (guint i = 0; undo_tables[i]; i++)
    bp_db_changed (self, undo_tables[i]);
  if (!bp_db_commit (self, error))
    goto failed_rollback;
  self->undo_enabled = undo_was_enabled;
  sqlite3_free (inverted);
  return TRUE;

failed_rollback:
  bp_db_rollback (self);
failed:
  self->undo_enabled = undo_was_enabled;
  sqlite3_free (inverted);
  return FALSE;
}

/* Moves the newest step of @from onto @to, applying it (inverted for an
 * undo); on failure the step stays where it was. */
static gboolean
move_step (BpDb *self, GPtrArray *from, GPtrArray *to, gboolean invert, GError **error)
{
  g_autoptr (GBytes) step = NULL;

  if (from->len == 0)
    return TRUE;
  step = g_ptr_array_steal_index (from, from->len - 1);
  if (!apply_changeset (self, step, invert, error))
    {
      g_ptr_array_add (from, g_steal_pointer (&step));
      return FALSE;
    }
  g_ptr_array_add (to, g_steal_pointer (&step));
  return TRUE;
}

gboolean
bp_db_undo (BpDb *self, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);
  return move_step (self, self->undo_stack, self->redo_stack, TRUE, error);
}

gboolean
bp_db_redo (BpDb *self, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);
  return move_step (self, self->redo_stack, self->undo_stack, FALSE, error);
}
