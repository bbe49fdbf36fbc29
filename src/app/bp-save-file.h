/* bp-save-file.h: where the window saves exports and board packs, and
 * the question before a file is replaced.
 *
 * A save dialog opens in the folder last exported to (the
 * "export-folder" setting), else the folder of the programme's file,
 * else the Documents folder. The kind's extension is added to a name
 * typed without it; the dialog asked about replacing the name as typed,
 * so when the name with its extension exists, bp_save_file_confirm()
 * asks again before anything is written.
 */
#pragma once

#include <gtk/gtk.h>

#include "bp-db.h"

G_BEGIN_DECLS

/* The folder a save dialog for @db opens in, read from @settings (may be
 * NULL); NULL when there is none. */
GFile *bp_save_file_folder (GSettings *settings, BpDb *db);

/* Remembers the folder of @path in @settings (may be NULL) for the next
 * save dialog. */
void bp_save_file_remember (GSettings *settings, const char *path);

/* @chosen with "." @extension after it unless it ends so already (in any
 * case). *@out_ask is TRUE when the extension was added and a file of
 * that name exists: the save dialog has not asked about that one. */
char *bp_save_file_target (const char *chosen, const char *extension, gboolean *out_ask);

typedef void (*BpSaveFileFunc) (const char *path, gpointer user_data);

/* Calls @save with the file to write: at once when
 * bp_save_file_target() says no question is needed, otherwise after the
 * person answers "Replace" (nothing when they cancel). @destroy frees
 * @user_data after @save ran or was not called. Returns the question's
 * dialog, or NULL when none was needed. */
GtkWidget *bp_save_file_confirm (GtkWindow *parent, const char *chosen, const char *extension,
                                 BpSaveFileFunc save, gpointer user_data, GDestroyNotify destroy);

/* The settings of the application @widget belongs to, or NULL. */
GSettings *bp_save_file_settings (GtkWidget *widget);

G_END_DECLS
