/* bp-schema-private.h: the tables of a .boardpack file and its migrations. */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* Creates the current schema in an empty database (inside the caller's
 * transaction). */
gboolean bp_schema_create (sqlite3 *db, GError **error);

/* Upgrades a database at @from_version to the current schema, one step
 * at a time (inside the caller's transaction). */
gboolean bp_schema_migrate (sqlite3 *db, int from_version, GError **error);

/* The statements that bring the full-text index up to date with the rows
 * the writes since the last time have named in the pending tables. The
 * core steps them just before each commit. */
extern const char *const bp_schema_sync_search_sql[];

/* The same, with sqlite3_exec (inside the caller's transaction). */
gboolean bp_schema_sync_search (sqlite3 *db, GError **error);

/* TRUE for a file written by a pre-release build of version 1, whose
 * triggers bp_schema_refresh() replaces (inside the caller's
 * transaction). */
gboolean bp_schema_needs_refresh (sqlite3 *db);
gboolean bp_schema_refresh (sqlite3 *db, GError **error);

/* An SQL expression: the date of the first update of the latest unbroken
 * run of updates with the RAG @rag in the history of the action
 * @action_id that ends with the update @latest_id (three SQL
 * expressions); NULL when that update's RAG is not @rag, or there is no
 * update. An action's "red since". */
char *bp_schema_rag_since_sql (const char *action_id, const char *rag, const char *latest_id);

/* Runs @sql, turning a SQLite failure into a GError naming @what. */
gboolean bp_sql_exec (sqlite3 *db, const char *sql, const char *what, GError **error);

G_END_DECLS
