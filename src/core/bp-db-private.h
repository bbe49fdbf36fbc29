/* bp-db-private.h: what the core's other modules and the tests need of a
 * BpDb beyond its public API. */
#pragma once

#include <sqlite3.h>

#include "bp-db.h"
#include "bp-entity-private.h"

G_BEGIN_DECLS

/* The latest update of the action "a": by date, then by entry order. */
#define BP_SQL_LATEST_UPDATE_ID \
  "(SELECT u.id FROM progress_update u WHERE u.action_id = a.id" \
  " ORDER BY u.date DESC, u.id DESC LIMIT 1)"

/* bp_db_take_snapshot() with its time given (the sample's history); NULL
 * is now. */
gint64 bp_db_take_snapshot_at (BpDb *self, gint64 meeting_id, GDateTime *taken_at,
                               gboolean *out_replaced, GError **error);

sqlite3 *bp_db_get_handle (BpDb *self);

/* A prepared statement from the connection's cache, reset and with its
 * bindings cleared. Owned by the cache: do not finalize. */
sqlite3_stmt *bp_db_statement (BpDb *self, const char *sql, GError **error);

/* Steps @stmt to completion (expecting no rows) and resets it; a failure
 * becomes a GError that names @entity when given. */
gboolean bp_db_step_done (BpDb *self, sqlite3_stmt *stmt, const BpEntity *entity,
                          GError **error);

/* The same for a write of @row of @entity, whose failure names the
 * field or the missing row it refers to (bp-db-entity.c). */
gboolean bp_db_step_done_for_row (BpDb *self, sqlite3_stmt *stmt, const BpEntity *entity,
                                  gconstpointer row, GError **error);
/* The value of @entity's key column in @row ("3.2", "R4"), or NULL. */
const char *bp_entity_row_key (const BpEntity *entity, gconstpointer row);
/* Whether the rows @row refers to exist, for its first @n_fields fields. */
gboolean bp_db_check_references (BpDb *self, const BpEntity *e, gconstpointer row,
                                 guint n_fields, GError **error);

/* One write: its own transaction, or a savepoint's worth of a caller's
 * (*nested); bp_db_end_write commits or rolls back what begin opened. */
gboolean bp_db_begin_write (BpDb *self, gboolean *nested, GError **error);
gboolean bp_db_end_write (BpDb *self, gboolean nested, gboolean ok, GError **error);

/* Turns the last SQLite error into a GError. */
void bp_db_set_sqlite_error (BpDb *self, int rc, const char *what, GError **error);

/* Fails the @n-th statement stepped from now on (1 = the next one), so
 * tests can prove that a failure half-way leaves the file unchanged.
 * 0 turns it off. */
void bp_db_inject_failure (BpDb *self, int n);

/* Generic read of a whole row in entity column order, from column @col. */
int bp_entity_read (const BpEntity *entity, sqlite3_stmt *stmt, int col, gpointer row);
/* Rows of @entity from @sql, whose columns are the entity's in
 * bp_entity_columns() order (then any of its view fields); ?1 is bound to
 * @id when @id is not 0 (bp-query.c). */
GPtrArray *bp_db_select_entities (BpDb *self, const BpEntity *entity, const char *sql, gint64 id,
                                  GError **error);

/* Emits BpDb::changed for @table now, or at the end of the outermost
 * transaction. */
void bp_db_changed (BpDb *self, const char *table);

G_END_DECLS
