/* bp-editor.h: what the editor windows (a risk, a measure) share: Save
 * and Cancel as the "editor.save" and "editor.cancel" actions with their
 * keys, the message at the top for what belongs to no one field, the
 * read-only notice, and the toast on the main window once saved. */
#pragma once

#include <adwaita.h>

#include "bp-db.h"

G_BEGIN_DECLS

/* Installs "editor.save" (@save) and "editor.cancel" (closes the window)
 * on an editor window's class, with Ctrl+S and Escape. */
void bp_editor_class_install_actions (GtkWidgetClass *widget_class,
                                      GtkWidgetActionActivateFunc save);

/* Shows @message in the editor's general error label. */
void bp_editor_show_general_error (GtkLabel *general_error, const char *message);

/* When @db is open read-only, says so in @general_error and disables
 * "editor.save" on @editor. */
void bp_editor_check_read_only (GtkWidget *editor, BpDb *db, GtkLabel *general_error);

/* After a save: @message as a toast on the window @editor is transient
 * for, then the editor closes. */
void bp_editor_close_saved (GtkWindow *editor, const char *message);

G_END_DECLS
