/* bp-db-file-private.h: bp-db-file.c, for bp-db.c. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The files this process has open, by device and inode. Opening and
 * closing any descriptor of a file drops every POSIX lock the process
 * holds on it, SQLite's included: while a BpDb here has the file open,
 * nothing here may read its bytes directly. Register returns the key to
 * unregister with (owned by the caller), or NULL. */
char *bp_db_file_register (const char *path);
void bp_db_file_unregister (const char *key);
gboolean bp_db_file_is_open_here (const char *path);

/* A -wal file no program has open: *left tells whether there is one;
 * FALSE (and an error) when it does not fit the file. */
gboolean bp_db_check_left_wal (const char *path, gboolean *left, GError **error);

G_END_DECLS
