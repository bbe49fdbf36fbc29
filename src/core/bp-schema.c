/* bp-schema.c: the tables of a .boardpack file, the audit triggers and the
 * migrations from older files. */
#include <glib/gi18n.h>
#include <string.h>

#include "bp-db.h"
#include "bp-entity-private.h"
#include "bp-schema-private.h"

/* A CHECK of a column against a list is written as a chain of ORs, not
 * "IN (...)": SQLite 3.40 builds a temporary b-tree for an IN list of
 * more than two values every time it evaluates such a CHECK (each insert,
 * each update, each row of PRAGMA integrity_check). */
#define RAG_CHECK "CHECK (rag = 'N' OR rag = 'R' OR rag = 'A' OR rag = 'G' OR rag = 'B')"

/* The current schema (version 3), which a new file gets directly. Dates
 * are ISO text so that they sort and compare as strings; RAG is a single
 * letter (N R A G B). migrate_1_to_2 gives a version 1 file the same
 * columns (tests/test-state.c compares the two). */
/* The snapshot tables version 2 added, whole (the migration makes them
 * as a new file has them). */
#define SNAPSHOT_TABLES_V2 \
  "CREATE TABLE snapshot_priority (" \
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot ON DELETE CASCADE," \
  "  priority_id INTEGER NOT NULL, code TEXT NOT NULL, title TEXT, position INTEGER," \
  "  PRIMARY KEY (snapshot_id, priority_id)) WITHOUT ROWID;" \
  "CREATE TABLE snapshot_milestone (" \
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot ON DELETE CASCADE," \
  "  milestone_id INTEGER NOT NULL, action_id INTEGER, title TEXT NOT NULL," \
  "  due_date TEXT, done_date TEXT," \
  "  PRIMARY KEY (snapshot_id, milestone_id)) WITHOUT ROWID;" \
  "CREATE TABLE snapshot_mitigation (" \
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot ON DELETE CASCADE," \
  "  mitigation_id INTEGER NOT NULL, risk_id INTEGER NOT NULL, description TEXT NOT NULL," \
  "  owner_name TEXT, due_date TEXT, status TEXT, position INTEGER," \
  "  PRIMARY KEY (snapshot_id, mitigation_id)) WITHOUT ROWID;" \
  "CREATE TABLE snapshot_risk_band (" \
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot ON DELETE CASCADE," \
  "  band_id INTEGER NOT NULL, min_score INTEGER NOT NULL, max_score INTEGER NOT NULL," \
  "  name TEXT NOT NULL, colour TEXT NOT NULL," \
  "  PRIMARY KEY (snapshot_id, band_id)) WITHOUT ROWID;" \
  "CREATE TABLE snapshot_measure (" \
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot ON DELETE CASCADE," \
  "  measure_id INTEGER NOT NULL, ref TEXT, title TEXT NOT NULL, unit TEXT, polarity TEXT," \
  "  target REAL, tolerance REAL, frequency TEXT, baseline REAL, comparator TEXT," \
  "  position INTEGER," \
  "  PRIMARY KEY (snapshot_id, measure_id)) WITHOUT ROWID;" \
  "CREATE TABLE snapshot_measure_value (" \
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot ON DELETE CASCADE," \
  "  value_id INTEGER NOT NULL, measure_id INTEGER NOT NULL, period TEXT NOT NULL," \
  "  period_end TEXT NOT NULL, value REAL, note TEXT," \
  "  PRIMARY KEY (snapshot_id, value_id)) WITHOUT ROWID;"

/* Update requests (schema version 3): a request is one workbook sent to
 * an owner (or to an organisation, for its owners) for a meeting; its
 * token, kept in the workbook's hidden sheet, names it when the workbook
 * comes back. update_request_action holds each action asked about, with
 * its latest update when the request was made and the update the return
 * added; audit_mark is the audit log's last entry then, so that an update
 * entered after it, not by a return of this request, makes the return a
 * conflict. Neither table is audited: what a return changes, the updates
 * and the revised dates, is. */
#define REQUEST_TABLES_V3 \
  "CREATE TABLE update_request (" \
  "  id INTEGER PRIMARY KEY, token TEXT NOT NULL UNIQUE, made_at TEXT NOT NULL," \
  "  meeting_date TEXT, due_date TEXT," \
  "  person_id INTEGER REFERENCES person ON DELETE SET NULL," \
  "  organisation_id INTEGER REFERENCES organisation ON DELETE SET NULL," \
  "  recipient TEXT NOT NULL, email TEXT, file_name TEXT NOT NULL," \
  "  audit_mark INTEGER NOT NULL DEFAULT 0, returned_at TEXT);" \
  "CREATE INDEX update_request_meeting ON update_request (meeting_date);" \
  "CREATE TABLE update_request_action (" \
  "  request_id INTEGER NOT NULL REFERENCES update_request ON DELETE CASCADE," \
  "  action_id INTEGER NOT NULL REFERENCES action ON DELETE CASCADE," \
  "  owner_name TEXT, latest_update_id INTEGER," \
  "  returned_update_id INTEGER REFERENCES progress_update ON DELETE SET NULL," \
  "  returned_at TEXT," \
  "  PRIMARY KEY (request_id, action_id)) WITHOUT ROWID;"

static const char schema_current[] =
  "CREATE TABLE programme ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  title TEXT NOT NULL,"
  "  organisations TEXT, board TEXT, chair TEXT,"
  "  cadence_weeks INTEGER NOT NULL DEFAULT 6,"
  "  fy_start_month INTEGER NOT NULL DEFAULT 4 CHECK (fy_start_month BETWEEN 1 AND 12),"
  "  language TEXT NOT NULL DEFAULT 'en'"
  "    CHECK (language = 'en' OR language = 'cy' OR language = 'bilingual'));"
  "CREATE TABLE organisation ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT);"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, role TEXT, email TEXT,"
  "  organisation_id INTEGER REFERENCES organisation ON DELETE SET NULL);"
  "CREATE TABLE priority ("
  "  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, title TEXT NOT NULL,"
  "  lead_id INTEGER REFERENCES person ON DELETE SET NULL,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE action ("
  "  id INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE,"
  "  priority_id INTEGER NOT NULL REFERENCES priority ON DELETE RESTRICT,"
  "  title TEXT NOT NULL, description TEXT,"
  "  owner_id INTEGER REFERENCES person ON DELETE SET NULL,"
  "  organisation_id INTEGER REFERENCES organisation ON DELETE SET NULL,"
  "  partners TEXT, start_date TEXT, due_date TEXT, due_text TEXT,"
  "  revised_due_date TEXT, revised_reason TEXT,"
  "  rag TEXT NOT NULL DEFAULT 'N' " RAG_CHECK ","
  "  percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),"
  "  impact TEXT, evidence TEXT, criteria TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX action_priority ON action (priority_id, position);"
  "CREATE INDEX action_owner ON action (owner_id);"
  "CREATE TABLE milestone ("
  "  id INTEGER PRIMARY KEY,"
  "  action_id INTEGER REFERENCES action ON DELETE CASCADE,"
  "  title TEXT NOT NULL, due_date TEXT, done_date TEXT);"
  "CREATE INDEX milestone_action ON milestone (action_id);"
  "CREATE TABLE progress_update ("
  "  id INTEGER PRIMARY KEY,"
  "  action_id INTEGER NOT NULL REFERENCES action ON DELETE CASCADE,"
  "  date TEXT NOT NULL, author TEXT,"
  "  rag TEXT NOT NULL DEFAULT 'N' " RAG_CHECK ","
  "  commentary TEXT, next_steps TEXT, asks TEXT);"
  "CREATE INDEX progress_update_action ON progress_update (action_id, date, id);"
  "CREATE TABLE risk ("
  "  id INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE, title TEXT NOT NULL,"
  "  cause TEXT, consequence TEXT,"
  "  owner_id INTEGER REFERENCES person ON DELETE SET NULL,"
  "  inherent_l INTEGER NOT NULL DEFAULT 0 CHECK (inherent_l BETWEEN 0 AND 5),"
  "  inherent_i INTEGER NOT NULL DEFAULT 0 CHECK (inherent_i BETWEEN 0 AND 5),"
  "  current_l INTEGER NOT NULL DEFAULT 0 CHECK (current_l BETWEEN 0 AND 5),"
  "  current_i INTEGER NOT NULL DEFAULT 0 CHECK (current_i BETWEEN 0 AND 5),"
  "  target_l INTEGER NOT NULL DEFAULT 0 CHECK (target_l BETWEEN 0 AND 5),"
  "  target_i INTEGER NOT NULL DEFAULT 0 CHECK (target_i BETWEEN 0 AND 5),"
  "  response TEXT, resources TEXT, review_date TEXT, status TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE mitigation ("
  "  id INTEGER PRIMARY KEY,"
  "  risk_id INTEGER NOT NULL REFERENCES risk ON DELETE CASCADE,"
  "  description TEXT NOT NULL,"
  "  owner_id INTEGER REFERENCES person ON DELETE SET NULL,"
  "  due_date TEXT, status TEXT, position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX mitigation_risk ON mitigation (risk_id, position);"
  "CREATE TABLE risk_action ("
  "  risk_id INTEGER NOT NULL REFERENCES risk ON DELETE CASCADE,"
  "  action_id INTEGER NOT NULL REFERENCES action ON DELETE CASCADE,"
  "  PRIMARY KEY (risk_id, action_id)) WITHOUT ROWID;"
  "CREATE TABLE risk_band ("
  "  id INTEGER PRIMARY KEY,"
  "  min_score INTEGER NOT NULL CHECK (min_score BETWEEN 1 AND 25),"
  "  max_score INTEGER NOT NULL CHECK (max_score BETWEEN min_score AND 25),"
  "  name TEXT NOT NULL, colour TEXT NOT NULL);"
  "CREATE TABLE measure ("
  "  id INTEGER PRIMARY KEY, ref TEXT, title TEXT NOT NULL, unit TEXT,"
  "  polarity TEXT NOT NULL DEFAULT 'higher'"
  "    CHECK (polarity = 'higher' OR polarity = 'lower' OR polarity = 'target'),"
  "  target REAL, tolerance REAL, frequency TEXT, baseline REAL, comparator TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE measure_value ("
  "  id INTEGER PRIMARY KEY,"
  "  measure_id INTEGER NOT NULL REFERENCES measure ON DELETE CASCADE,"
  "  period TEXT NOT NULL, period_end TEXT NOT NULL, value REAL, note TEXT,"
  "  UNIQUE (measure_id, period));"
  "CREATE TABLE action_measure ("
  "  action_id INTEGER NOT NULL REFERENCES action ON DELETE CASCADE,"
  "  measure_id INTEGER NOT NULL REFERENCES measure ON DELETE CASCADE,"
  "  PRIMARY KEY (action_id, measure_id)) WITHOUT ROWID;"
  "CREATE TABLE meeting ("
  "  id INTEGER PRIMARY KEY, date TEXT NOT NULL UNIQUE, time TEXT, venue TEXT,"
  "  agenda_item TEXT, title TEXT, author TEXT, contact TEXT, service TEXT,"
  "  presenter TEXT, classification TEXT, wards TEXT, purpose TEXT, summary TEXT,"
  "  recommendations TEXT, reasons TEXT,"
  "  financial_implications TEXT, legal_implications TEXT, equalities_implications TEXT,"
  "  background_papers TEXT);"
  /* A meeting's snapshot: what its pack shows, frozen when it was taken
   * so that the pack reads the same a year later. frozen is 2 for a
   * snapshot that copied everything at the time, 1 for one a version 1
   * file held (RAG, due date and score only), whose other rows
   * migrate_1_to_2 reconstructed from the audit log. The snapshot_*
   * tables are not audited (the snapshot row is), go with their
   * snapshot, and keep the ids the rows had then, which need not exist
   * now. */
  "CREATE TABLE snapshot ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL UNIQUE REFERENCES meeting ON DELETE CASCADE,"
  "  taken_at TEXT NOT NULL,"
  "  frozen INTEGER NOT NULL DEFAULT 2 CHECK (frozen = 1 OR frozen = 2));"
  "CREATE TABLE snapshot_action ("
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot ON DELETE CASCADE,"
  "  action_id INTEGER NOT NULL, ref TEXT NOT NULL, rag TEXT NOT NULL,"
  /* due_date is the date due then, the revised one if there was one
   * (bp_db_movement's "newly overdue"); action_due_date and
   * revised_due_date are the action's two dates. The latest update is
   * copied as text as well as by id, since its action may go. */
  "  due_date TEXT, latest_update_id INTEGER,"
  "  priority_id INTEGER, title TEXT, owner_name TEXT, organisation_name TEXT,"
  "  start_date TEXT, action_due_date TEXT, revised_due_date TEXT, revised_reason TEXT,"
  "  due_text TEXT, percent INTEGER, position INTEGER,"
  "  latest_date TEXT, latest_rag TEXT, latest_commentary TEXT, latest_next_steps TEXT,"
  "  latest_asks TEXT, rag_since TEXT,"
  "  PRIMARY KEY (snapshot_id, action_id)) WITHOUT ROWID;"
  "CREATE TABLE snapshot_risk ("
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot ON DELETE CASCADE,"
  "  risk_id INTEGER NOT NULL, ref TEXT NOT NULL, score INTEGER NOT NULL,"
  "  title TEXT, cause TEXT, consequence TEXT, owner_name TEXT,"
  "  inherent_l INTEGER, inherent_i INTEGER, current_l INTEGER, current_i INTEGER,"
  "  target_l INTEGER, target_i INTEGER, response TEXT, resources TEXT, review_date TEXT,"
  "  status TEXT, position INTEGER,"
  "  action_refs TEXT," /* the linked actions' references, one a line, in plan order */
  "  PRIMARY KEY (snapshot_id, risk_id)) WITHOUT ROWID;"
  SNAPSHOT_TABLES_V2
  REQUEST_TABLES_V3
  /* Who the audit log names: set by the application before each write,
   * because a trigger cannot ask. */
  "CREATE TABLE audit_actor (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT,"
  "  undoing INTEGER NOT NULL DEFAULT 0);"
  "INSERT INTO audit_actor (id, name) VALUES (1, NULL);"
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  who TEXT, op TEXT NOT NULL CHECK (op = 'insert' OR op = 'update' OR op = 'delete'),"
  "  entity TEXT NOT NULL, entity_id INTEGER, field TEXT,"
  "  old_value, new_value);"
  /* Full-text search over actions and their updates. A write does not
   * change the index at once: its triggers name the row in a pending
   * table, and the core brings the index up to date from the pending
   * tables in a few statements just before the transaction commits, every
   * few thousand rows of a long transaction, and before a search inside
   * one (bp_schema_sync_search_sql; rows written by another program are
   * indexed when the core next opens the file for writing). Changed row
   * by row, FTS5 wrote out a new index segment at the start of every
   * write statement of a transaction (its savepoint), which made an
   * action or update insert several times slower.
   *
   * An existing row is either indexed with its current text, or pending;
   * a pending row with "indexed" set is in the index with the text kept
   * beside it (the text it had when it was last indexed), which the sync
   * deletes from the index before indexing the row's current text, if
   * the row is still there. */
  "CREATE VIRTUAL TABLE action_fts USING fts5 ("
  "  ref, title, description, content='action', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TABLE action_fts_pending (id INTEGER PRIMARY KEY,"
  "  indexed INTEGER NOT NULL DEFAULT 0, ref, title, description);"
  "CREATE VIRTUAL TABLE update_fts USING fts5 ("
  "  commentary, next_steps, content='progress_update', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TABLE update_fts_pending (id INTEGER PRIMARY KEY,"
  "  indexed INTEGER NOT NULL DEFAULT 0, commentary, next_steps);"
  /* Default risk bands (DOMAIN.md); each file may change them. */
  "INSERT INTO risk_band (min_score, max_score, name, colour) VALUES"
  "  (1, 4, 'Low', '#2e7d32'), (5, 9, 'Medium', '#f9a825'),"
  "  (10, 14, 'High', '#d84315'), (15, 25, 'Very high', '#b71c1c');";

/* The triggers of schema version 1 besides the generated audit ones. They
 * are kept apart from the tables so that a file written by a pre-release
 * build of version 1 can have them replaced (bp_schema_refresh). */
static const char triggers_v1[] =
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;"
  /* Progress updates are history: never edited, and deleted only with
   * their action (the cascade runs after the action row has gone) or by
   * the user's own undo of the edit that added them. */
  "CREATE TRIGGER progress_update_no_update BEFORE UPDATE ON progress_update"
  "  BEGIN SELECT RAISE (ABORT, 'progress updates cannot be changed'); END;"
  "CREATE TRIGGER progress_update_no_delete BEFORE DELETE ON progress_update"
  "  WHEN EXISTS (SELECT 1 FROM action WHERE id = OLD.action_id)"
  "   AND NOT (SELECT undoing FROM audit_actor WHERE id = 1)"
  "  BEGIN SELECT RAISE (ABORT, 'progress updates cannot be deleted'); END;"
  /* An action's current RAG is its latest update's, whatever order the
   * updates were entered in; complete means 100 %. An update that leaves
   * both as they are writes nothing (there is nothing to audit either). */
  "CREATE TRIGGER progress_update_sets_rag AFTER INSERT ON progress_update"
  "  WHEN NOT EXISTS (SELECT 1 FROM progress_update u WHERE u.action_id = NEW.action_id"
  "    AND (u.date > NEW.date OR (u.date = NEW.date AND u.id > NEW.id)))"
  "  BEGIN UPDATE action SET rag = NEW.rag,"
  "    percent = CASE WHEN NEW.rag = 'B' THEN 100 ELSE percent END"
  "    WHERE id = NEW.action_id"
  "      AND (rag IS NOT NEW.rag OR (NEW.rag = 'B' AND percent IS NOT 100)); END;"
  /* The first change since the last sync keeps the indexed text of the
   * row; later ones find it pending and leave it (ON CONFLICT rather than
   * OR IGNORE, which an INSERT OR REPLACE around the trigger overrides). */
  "CREATE TRIGGER action_fts_ai AFTER INSERT ON action BEGIN"
  "  INSERT INTO action_fts_pending (id) VALUES (NEW.id) ON CONFLICT (id) DO NOTHING; END;"
  "CREATE TRIGGER action_fts_ad AFTER DELETE ON action BEGIN"
  "  INSERT INTO action_fts_pending (id, indexed, ref, title, description)"
  "    VALUES (OLD.id, 1, OLD.ref, OLD.title, OLD.description) ON CONFLICT (id) DO NOTHING;"
  "  DELETE FROM action_fts_pending WHERE id = OLD.id AND NOT indexed; END;"
  "CREATE TRIGGER action_fts_au AFTER UPDATE OF ref, title, description ON action"
  "  WHEN OLD.ref IS NOT NEW.ref OR OLD.title IS NOT NEW.title"
  "    OR OLD.description IS NOT NEW.description OR OLD.id IS NOT NEW.id BEGIN"
  "  INSERT INTO action_fts_pending (id, indexed, ref, title, description)"
  "    VALUES (OLD.id, 1, OLD.ref, OLD.title, OLD.description) ON CONFLICT (id) DO NOTHING;"
  "  INSERT INTO action_fts_pending (id) VALUES (NEW.id) ON CONFLICT (id) DO NOTHING; END;"
  "CREATE TRIGGER update_fts_ai AFTER INSERT ON progress_update BEGIN"
  "  INSERT INTO update_fts_pending (id) VALUES (NEW.id) ON CONFLICT (id) DO NOTHING; END;"
  "CREATE TRIGGER update_fts_ad AFTER DELETE ON progress_update BEGIN"
  "  INSERT INTO update_fts_pending (id, indexed, commentary, next_steps)"
  "    VALUES (OLD.id, 1, OLD.commentary, OLD.next_steps) ON CONFLICT (id) DO NOTHING;"
  "  DELETE FROM update_fts_pending WHERE id = OLD.id AND NOT indexed; END;";

/* Brings the index up to date with the pending rows and empties the
 * pending tables: first the text kept for rows that were indexed comes
 * out, then the rows that still exist go in with their current text.
 * Each statement stepped in turn; NULL-terminated. */
const char *const bp_schema_sync_search_sql[] = {
  "INSERT INTO action_fts (action_fts, rowid, ref, title, description)"
  " SELECT 'delete', id, ref, title, description FROM action_fts_pending WHERE indexed",
  "INSERT INTO action_fts (rowid, ref, title, description)"
  " SELECT a.id, a.ref, a.title, a.description"
  " FROM action_fts_pending p JOIN action a ON a.id = p.id",
  "DELETE FROM action_fts_pending",
  "INSERT INTO update_fts (update_fts, rowid, commentary, next_steps)"
  " SELECT 'delete', id, commentary, next_steps FROM update_fts_pending WHERE indexed",
  "INSERT INTO update_fts (rowid, commentary, next_steps)"
  " SELECT u.id, u.commentary, u.next_steps"
  " FROM update_fts_pending p JOIN progress_update u ON u.id = p.id",
  "DELETE FROM update_fts_pending",
  NULL,
};

gboolean
bp_sql_exec (sqlite3 *db, const char *sql, const char *what, GError **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("%s failed: %s"), what,
                   msg ? msg : sqlite3_errmsg (db));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

/* One trigger per table and operation: an insert records the new row as
 * JSON, a delete the old row, an update one entry per changed column. */
static char *
audit_triggers_sql (const BpEntity *e)
{
  GString *s = g_string_new (NULL);
  g_autoptr (GString) new_json = g_string_new ("json_object('id', NEW.id");
  g_autoptr (GString) key_json = g_string_new ("json_object('id', NEW.id");
  g_autoptr (GString) old_json = g_string_new ("json_object('id', OLD.id");
  g_autoptr (GString) changes = g_string_new (NULL);

  for (guint i = 0; i < e->n_fields; i++)
    {
      const BpField *f = &e->fields[i];

      if (f->flags & BP_FIELD_VIEW)
        continue;
      g_string_append_printf (new_json, ", '%s', NEW.%s", f->column, f->column);
      if (f->type != BP_FIELD_TEXT)
        g_string_append_printf (key_json, ", '%s', NEW.%s", f->column, f->column);
      g_string_append_printf (old_json, ", '%s', OLD.%s", f->column, f->column);
      g_string_append_printf (changes, "%s SELECT '%s' AS f, OLD.%s AS o, NEW.%s AS n",
                              changes->len ? " UNION ALL" : "", f->column,
                              f->column, f->column);
    }
  g_string_append_c (new_json, ')');
  g_string_append_c (key_json, ')');
  g_string_append_c (old_json, ')');

#define WHO "(SELECT name FROM audit_actor WHERE id = 1)"
  g_string_append_printf (s,
    "CREATE TRIGGER %1$s_audit_ai AFTER INSERT ON %1$s BEGIN"
    " INSERT INTO audit (who, op, entity, entity_id, new_value)"
    " VALUES (" WHO ", 'insert', '%1$s', NEW.id, %2$s); END;"
    "CREATE TRIGGER %1$s_audit_ad AFTER DELETE ON %1$s BEGIN"
    " INSERT INTO audit (who, op, entity, entity_id, old_value)"
    " VALUES (" WHO ", 'delete', '%1$s', OLD.id, %3$s); END;",
    /* An append-only row never changes and its delete is logged in full,
     * so its insert is logged by its keys, not its text again. */
    e->table, e->append_only ? key_json->str : new_json->str, old_json->str);
  if (!e->append_only)
    g_string_append_printf (s,
      "CREATE TRIGGER %1$s_audit_au AFTER UPDATE ON %1$s BEGIN"
      " INSERT INTO audit (who, op, entity, entity_id, field, old_value, new_value)"
      " SELECT " WHO ", 'update', '%1$s', NEW.id, f, o, n FROM (%2$s) WHERE o IS NOT n; END;",
      e->table, changes->str);
#undef WHO
  return g_string_free (s, FALSE);
}

static gboolean
create_triggers (sqlite3 *db, GError **error)
{
  if (!bp_sql_exec (db, triggers_v1, _("Creating the tables"), error))
    return FALSE;
  for (guint i = 0; bp_entities[i]; i++)
    {
      g_autofree char *sql = audit_triggers_sql (bp_entities[i]);

      if (!bp_sql_exec (db, sql, _("Creating the audit log"), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bp_schema_create (sqlite3 *db, GError **error)
{
  return bp_sql_exec (db, schema_current, _("Creating the tables"), error)
         && create_triggers (db, error);
}

gboolean
bp_schema_sync_search (sqlite3 *db, GError **error)
{
  for (guint i = 0; bp_schema_sync_search_sql[i]; i++)
    if (!bp_sql_exec (db, bp_schema_sync_search_sql[i], _("Updating the search index"), error))
      return FALSE;
  return TRUE;
}

gboolean
bp_schema_needs_refresh (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean missing = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'update_fts_pending'",
                          -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    missing = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_finalize (stmt);
  return missing;
}

/* Before its release, version 1 indexed the full text row by row; a file
 * written then gets the pending tables and today's triggers. Its index is
 * up to date, so both pending tables start empty. */
gboolean
bp_schema_refresh (sqlite3 *db, GError **error)
{
  static const char pending_tables[] =
    "CREATE TABLE action_fts_pending (id INTEGER PRIMARY KEY,"
    "  indexed INTEGER NOT NULL DEFAULT 0, ref, title, description);"
    "CREATE TABLE update_fts_pending (id INTEGER PRIMARY KEY,"
    "  indexed INTEGER NOT NULL DEFAULT 0, commentary, next_steps);";
  g_autoptr (GString) drop = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'trigger'", -1, &stmt,
                           NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (drop, "DROP TRIGGER \"%s\";", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("%s failed: %s"), _("Upgrading the file"),
                   sqlite3_errmsg (db));
      return FALSE;
    }
  return bp_sql_exec (db, drop->str, _("Upgrading the file"), error)
         && bp_sql_exec (db, pending_tables, _("Upgrading the file"), error)
         && create_triggers (db, error);
}

/* Version 0 was the first, pre-release shape of the file: a programme
 * title, priorities, actions with their owner as free text, and updates.
 * Its tables are renamed aside, the current schema is created, the data
 * is copied across (owners become people) and the old tables dropped. */
static gboolean
migrate_0_to_1 (sqlite3 *db, GError **error)
{
  static const char rename_old[] =
    "ALTER TABLE programme RENAME TO v0_programme;"
    "ALTER TABLE priority RENAME TO v0_priority;"
    "ALTER TABLE action RENAME TO v0_action;"
    "ALTER TABLE progress_update RENAME TO v0_progress_update;";
  static const char copy_data[] =
    "INSERT INTO programme (id, title) SELECT 1, title FROM v0_programme LIMIT 1;"
    "INSERT INTO person (name) SELECT DISTINCT trim(owner) FROM v0_action"
    "  WHERE trim(coalesce(owner, '')) <> '' ORDER BY 1;"
    "INSERT INTO priority (id, code, title, position)"
    "  SELECT id, code, title, id FROM v0_priority;"
    "INSERT INTO action (id, ref, priority_id, title, owner_id, due_date, rag, position)"
    "  SELECT a.id, a.ref, a.priority_id, a.title,"
    "         (SELECT p.id FROM person p WHERE p.name = trim(a.owner)),"
    "         a.due_date, coalesce(a.rag, 'N'), a.id FROM v0_action a;"
    "INSERT INTO progress_update (id, action_id, date, rag, commentary)"
    "  SELECT id, action_id, date, coalesce(rag, 'N'), commentary FROM v0_progress_update;"
    "DROP TABLE v0_progress_update; DROP TABLE v0_action;"
    "DROP TABLE v0_priority; DROP TABLE v0_programme;";

  if (!bp_sql_exec (db, rename_old, _("Upgrading the file"), error))
    return FALSE;
  if (!bp_schema_create (db, error))
    return FALSE;
  if (!bp_sql_exec (db, "UPDATE audit_actor SET name = 'upgrade from version 0' WHERE id = 1;",
                    _("Upgrading the file"), error))
    return FALSE;
  return bp_sql_exec (db, copy_data, _("Upgrading the file"), error)
         && bp_schema_sync_search (db, error);
}

char *
bp_schema_rag_since_sql (const char *action_id, const char *rag, const char *latest_id)
{
  /* The run starts just after the last update before it with another
   * RAG (rs_diff), found walking back from the end of the history
   * (rs_end); its first update is then one step of the index
   * (action_id, date, id) on. Own aliases, so that the arguments may name
   * the caller's "u" or "lu". Asked for each action of a list, so it is
   * written for the index: about three times quicker on 50,000 actions
   * than a test of every update of the run. */
  return g_strdup_printf (
    "(SELECT rs_u.date FROM progress_update rs_end"
    " LEFT JOIN progress_update rs_diff ON rs_diff.id = (SELECT rs_x.id FROM progress_update rs_x"
    "   WHERE rs_x.action_id = rs_end.action_id AND rs_x.rag <> rs_end.rag"
    "   AND (rs_x.date, rs_x.id) <= (rs_end.date, rs_end.id)"
    "   ORDER BY rs_x.date DESC, rs_x.id DESC LIMIT 1)"
    " JOIN progress_update rs_u ON rs_u.action_id = rs_end.action_id"
    "   AND (rs_u.date, rs_u.id) > (coalesce(rs_diff.date, ''), coalesce(rs_diff.id, 0))"
    " WHERE rs_end.id = %3$s AND rs_end.action_id = %1$s AND rs_end.rag = %2$s"
    " ORDER BY rs_u.date, rs_u.id LIMIT 1)",
    action_id, rag, latest_id);
}

static gboolean
drop_audit_triggers (sqlite3 *db, GError **error)
{
  g_autoptr (GString) drop = g_string_new (NULL);

  for (guint i = 0; bp_entities[i]; i++)
    g_string_append_printf (drop,
                            "DROP TRIGGER IF EXISTS %1$s_audit_ai; DROP TRIGGER IF EXISTS %1$s_audit_ad;"
                            "DROP TRIGGER IF EXISTS %1$s_audit_au;",
                            bp_entities[i]->table);
  return bp_sql_exec (db, drop->str, _("Upgrading the file"), error);
}

/* Expands a statement of the version 1 reconstruction: "{x.col}" becomes
 * what the column col of the row x (of @table) held at the snapshot's
 * mark, mk.mark, the audit log's entry for the snapshot's insert: the old
 * value of the first change logged after it, or else the value now.
 * "{x}" becomes the condition that row x was there at the mark (its
 * insert, when logged, came before). Every write to plan data is logged,
 * so this is what the row held, except for rows deleted since. */
static char *
expand_at_mark (const char *template, const char *alias, const char *table)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *whole = g_strdup_printf ("{%s}", alias);
  g_autofree char *prefix = g_strdup_printf ("{%s.", alias);

  for (const char *p = template; *p;)
    {
      if (g_str_has_prefix (p, whole))
        {
          g_string_append_printf (out,
                                  "NOT EXISTS (SELECT 1 FROM audit au WHERE au.entity = '%s'"
                                  " AND au.entity_id = %s.id AND au.op = 'insert' AND au.id > mk.mark)",
                                  table, alias);
          p += strlen (whole);
        }
      else if (g_str_has_prefix (p, prefix))
        {
          const char *col = p + strlen (prefix);
          const char *end = strchr (col, '}');
          g_autofree char *column = g_strndup (col, end - col);
          g_autofree char *cond = g_strdup_printf (
            "au.entity = '%s' AND au.entity_id = %s.id AND au.op = 'update' AND au.field = '%s'"
            " AND au.id > mk.mark", table, alias, column);

          g_string_append_printf (out,
                                  "(CASE WHEN EXISTS (SELECT 1 FROM audit au WHERE %1$s)"
                                  " THEN (SELECT au.old_value FROM audit au WHERE %1$s"
                                  " ORDER BY au.id LIMIT 1) ELSE %2$s.%3$s END)",
                                  cond, alias, column);
          p = end + 1;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Version 2 adds an update's asks of the board, the implications and
 * background papers of a meeting's front sheet, and snapshots that freeze
 * everything a pack shows. A version 1 snapshot froze only each action's
 * RAG, due date and latest update and each risk's score; the rest is
 * reconstructed from the audit log as it stood when the snapshot was
 * taken, and marked frozen = 1 so that a pack can say so. Milestones done
 * after the day it was taken show open, and measure values count only
 * for periods that had ended by then. */
static gboolean
migrate_1_to_2 (sqlite3 *db, GError **error)
{
  static const char columns[] =
    "ALTER TABLE progress_update ADD COLUMN asks TEXT;"
    "ALTER TABLE meeting ADD COLUMN financial_implications TEXT;"
    "ALTER TABLE meeting ADD COLUMN legal_implications TEXT;"
    "ALTER TABLE meeting ADD COLUMN equalities_implications TEXT;"
    "ALTER TABLE meeting ADD COLUMN background_papers TEXT;"
    "ALTER TABLE snapshot ADD COLUMN frozen INTEGER NOT NULL DEFAULT 2"
    "  CHECK (frozen = 1 OR frozen = 2);"
    "ALTER TABLE snapshot_action ADD COLUMN priority_id INTEGER;"
    "ALTER TABLE snapshot_action ADD COLUMN title TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN owner_name TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN organisation_name TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN start_date TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN action_due_date TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN revised_due_date TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN revised_reason TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN due_text TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN percent INTEGER;"
    "ALTER TABLE snapshot_action ADD COLUMN position INTEGER;"
    "ALTER TABLE snapshot_action ADD COLUMN latest_date TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN latest_rag TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN latest_commentary TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN latest_next_steps TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN latest_asks TEXT;"
    "ALTER TABLE snapshot_action ADD COLUMN rag_since TEXT;"
    "ALTER TABLE snapshot_risk ADD COLUMN title TEXT;"
    "ALTER TABLE snapshot_risk ADD COLUMN cause TEXT;"
    "ALTER TABLE snapshot_risk ADD COLUMN consequence TEXT;"
    "ALTER TABLE snapshot_risk ADD COLUMN owner_name TEXT;"
    "ALTER TABLE snapshot_risk ADD COLUMN inherent_l INTEGER;"
    "ALTER TABLE snapshot_risk ADD COLUMN inherent_i INTEGER;"
    "ALTER TABLE snapshot_risk ADD COLUMN current_l INTEGER;"
    "ALTER TABLE snapshot_risk ADD COLUMN current_i INTEGER;"
    "ALTER TABLE snapshot_risk ADD COLUMN target_l INTEGER;"
    "ALTER TABLE snapshot_risk ADD COLUMN target_i INTEGER;"
    "ALTER TABLE snapshot_risk ADD COLUMN response TEXT;"
    "ALTER TABLE snapshot_risk ADD COLUMN resources TEXT;"
    "ALTER TABLE snapshot_risk ADD COLUMN review_date TEXT;"
    "ALTER TABLE snapshot_risk ADD COLUMN status TEXT;"
    "ALTER TABLE snapshot_risk ADD COLUMN position INTEGER;"
    "ALTER TABLE snapshot_risk ADD COLUMN action_refs TEXT;"
    SNAPSHOT_TABLES_V2
    "UPDATE snapshot SET frozen = 1;"
    /* Each snapshot's mark in the audit log, and the day it was taken.
     * A snapshot whose insert the log lacks is read as of now. */
    "CREATE TEMP TABLE v1_mark (snapshot_id INTEGER PRIMARY KEY, mark INTEGER, day TEXT);"
    "INSERT INTO temp.v1_mark SELECT s.id,"
    "  coalesce((SELECT max(au.id) FROM audit au WHERE au.entity = 'snapshot'"
    "    AND au.op = 'insert' AND au.entity_id = s.id), (SELECT max(id) FROM audit), 0),"
    "  substr(s.taken_at, 1, 10) FROM snapshot s;"
    /* For the look-ups below, dropped at the end. */
    "CREATE INDEX v1_audit_row ON audit (entity, entity_id, op, field, id);";
  /* One alias a statement: the row whose values at the mark it reads. */
  static const struct { const char *alias, *table, *sql; } fills[] = {
    { "p", "priority",
      "INSERT INTO snapshot_priority (snapshot_id, priority_id, code, title, position)"
      " SELECT mk.snapshot_id, p.id, {p.code}, {p.title}, {p.position}"
      " FROM temp.v1_mark mk CROSS JOIN priority p WHERE {p}" },
    { "a", "action",
      "UPDATE snapshot_action AS sa SET priority_id = {a.priority_id}, title = {a.title},"
      "  owner_name = (SELECT name FROM person WHERE id = {a.owner_id}),"
      "  organisation_name = (SELECT name FROM organisation WHERE id = {a.organisation_id}),"
      "  start_date = {a.start_date}, action_due_date = {a.due_date},"
      "  revised_due_date = {a.revised_due_date}, revised_reason = {a.revised_reason},"
      "  due_text = {a.due_text}, percent = {a.percent}, position = {a.position}"
      " FROM temp.v1_mark mk, action a"
      " WHERE mk.snapshot_id = sa.snapshot_id AND a.id = sa.action_id" },
    { "m", "milestone",
      "INSERT INTO snapshot_milestone (snapshot_id, milestone_id, action_id, title, due_date,"
      "  done_date)"
      " SELECT mk.snapshot_id, m.id, {m.action_id}, {m.title}, {m.due_date},"
      "  CASE WHEN {m.done_date} <= mk.day THEN {m.done_date} END"
      " FROM temp.v1_mark mk CROSS JOIN milestone m WHERE {m}" },
    { "r", "risk",
      "UPDATE snapshot_risk AS sr SET title = {r.title}, cause = {r.cause},"
      "  consequence = {r.consequence},"
      "  owner_name = (SELECT name FROM person WHERE id = {r.owner_id}),"
      "  inherent_l = {r.inherent_l}, inherent_i = {r.inherent_i},"
      "  current_l = {r.current_l}, current_i = {r.current_i},"
      "  target_l = {r.target_l}, target_i = {r.target_i}, response = {r.response},"
      "  resources = {r.resources}, review_date = {r.review_date}, status = {r.status},"
      "  position = {r.position},"
      "  action_refs = (SELECT group_concat(ref, char(10)) FROM (SELECT a.ref FROM risk_action ra"
      "    JOIN action a ON a.id = ra.action_id WHERE ra.risk_id = r.id"
      "    ORDER BY a.position, a.ref))"
      " FROM temp.v1_mark mk, risk r"
      " WHERE mk.snapshot_id = sr.snapshot_id AND r.id = sr.risk_id" },
    { "m", "mitigation",
      "INSERT INTO snapshot_mitigation (snapshot_id, mitigation_id, risk_id, description,"
      "  owner_name, due_date, status, position)"
      " SELECT mk.snapshot_id, m.id, {m.risk_id}, {m.description},"
      "  (SELECT name FROM person WHERE id = {m.owner_id}), {m.due_date}, {m.status},"
      "  {m.position}"
      " FROM temp.v1_mark mk CROSS JOIN mitigation m WHERE {m}" },
    { "b", "risk_band",
      "INSERT INTO snapshot_risk_band (snapshot_id, band_id, min_score, max_score, name, colour)"
      " SELECT mk.snapshot_id, b.id, {b.min_score}, {b.max_score}, {b.name}, {b.colour}"
      " FROM temp.v1_mark mk CROSS JOIN risk_band b WHERE {b}" },
    { "m", "measure",
      "INSERT INTO snapshot_measure (snapshot_id, measure_id, ref, title, unit, polarity, target,"
      "  tolerance, frequency, baseline, comparator, position)"
      " SELECT mk.snapshot_id, m.id, {m.ref}, {m.title}, {m.unit}, {m.polarity}, {m.target},"
      "  {m.tolerance}, {m.frequency}, {m.baseline}, {m.comparator}, {m.position}"
      " FROM temp.v1_mark mk CROSS JOIN measure m WHERE {m}" },
    { "v", "measure_value",
      "INSERT INTO snapshot_measure_value (snapshot_id, value_id, measure_id, period, period_end,"
      "  value, note)"
      " SELECT mk.snapshot_id, v.id, {v.measure_id}, {v.period}, {v.period_end}, {v.value},"
      "  {v.note}"
      " FROM temp.v1_mark mk CROSS JOIN measure_value v WHERE {v} AND {v.period_end} < mk.day" },
  };
  g_autofree char *rag_since = bp_schema_rag_since_sql ("sa.action_id", "sa.rag",
                                                        "sa.latest_update_id");
  /* Updates are never edited: the latest one's text is still there. */
  g_autofree char *latest = g_strdup_printf (
    "UPDATE snapshot_action AS sa SET latest_date = lu.date, latest_rag = lu.rag,"
    "  latest_commentary = lu.commentary, latest_next_steps = lu.next_steps,"
    "  rag_since = %s"
    " FROM progress_update lu WHERE lu.id = sa.latest_update_id;", rag_since);

  if (!drop_audit_triggers (db, error)
      || !bp_sql_exec (db, columns, _("Upgrading the file"), error)
      || !bp_sql_exec (db, latest, _("Upgrading the file"), error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fills); i++)
    {
      g_autofree char *sql = expand_at_mark (fills[i].sql, fills[i].alias, fills[i].table);

      if (!bp_sql_exec (db, sql, _("Upgrading the file"), error))
        return FALSE;
    }
  if (!bp_sql_exec (db, "DROP INDEX v1_audit_row; DROP TABLE temp.v1_mark;",
                    _("Upgrading the file"), error))
    return FALSE;
  /* The audit triggers again, with the new columns. */
  for (guint i = 0; bp_entities[i]; i++)
    {
      g_autofree char *sql = audit_triggers_sql (bp_entities[i]);

      if (!bp_sql_exec (db, sql, _("Upgrading the file"), error))
        return FALSE;
    }
  return TRUE;
}

/* Version 3 adds update requests and their returns: new tables only. */
static gboolean
migrate_2_to_3 (sqlite3 *db, GError **error)
{
  return bp_sql_exec (db, REQUEST_TABLES_V3, _("Upgrading the file"), error);
}

typedef gboolean (*MigrationFunc) (sqlite3 *db, GError **error);

/* migrations[n] upgrades version n to n + 1. */
static const MigrationFunc migrations[] = {
  migrate_0_to_1,
  migrate_1_to_2,
  migrate_2_to_3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BP_SCHEMA_VERSION);

gboolean
bp_schema_migrate (sqlite3 *db, int from_version, GError **error)
{
  g_return_val_if_fail (from_version >= 0 && from_version <= BP_SCHEMA_VERSION, FALSE);

  for (int v = from_version; v < BP_SCHEMA_VERSION;)
    {
      g_autofree char *sql = NULL;

      if (!migrations[v] (db, error))
        return FALSE;
      /* Version 0 is copied into the tables bp_schema_create() makes,
       * which are the current ones: no later step applies. */
      v = v == 0 ? BP_SCHEMA_VERSION : v + 1;
      sql = g_strdup_printf ("PRAGMA user_version = %d;", v);
      if (!bp_sql_exec (db, sql, _("Upgrading the file"), error))
        return FALSE;
    }
  return TRUE;
}
