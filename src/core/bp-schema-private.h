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

/* Runs @sql, turning a SQLite failure into a GError naming @what. */
gboolean bp_sql_exec (sqlite3 *db, const char *sql, const char *what, GError **error);

G_END_DECLS
