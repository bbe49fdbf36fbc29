/* bp-db-private.h: what the core's other modules and the tests need of a
 * BpDb beyond its public API. */
#pragma once

#include <sqlite3.h>

#include "bp-db.h"
#include "bp-entity-private.h"

G_BEGIN_DECLS

sqlite3 *bp_db_get_handle (BpDb *self);

/* A prepared statement from the connection's cache, reset and with its
 * bindings cleared. Owned by the cache: do not finalize. */
sqlite3_stmt *bp_db_statement (BpDb *self, const char *sql, GError **error);

/* Steps @stmt to completion (expecting no rows) and resets it; a failure
 * becomes a GError that names @entity when given. */
gboolean bp_db_step_done (BpDb *self, sqlite3_stmt *stmt, const BpEntity *entity,
                          GError **error);

/* Turns the last SQLite error into a GError. */
void bp_db_set_sqlite_error (BpDb *self, int rc, const char *what, GError **error);

/* Fails the @n-th statement stepped from now on (1 = the next one), so
 * tests can prove that a failure half-way leaves the file unchanged.
 * 0 turns it off. */
void bp_db_inject_failure (BpDb *self, int n);

/* Generic read of a whole row in entity column order, from column @col. */
int bp_entity_read (const BpEntity *entity, sqlite3_stmt *stmt, int col, gpointer row);
/* Emits BpDb::changed for @table now, or at the end of the outermost
 * transaction. */
void bp_db_changed (BpDb *self, const char *table);

G_END_DECLS
