/* bp-window.h: a window showing one programme file. */
#pragma once

#include <adwaita.h>

#include "bp-application.h"
#include "bp-db.h"

G_BEGIN_DECLS

#define BP_TYPE_WINDOW (bp_window_get_type ())
G_DECLARE_FINAL_TYPE (BpWindow, bp_window, BP, WINDOW, AdwApplicationWindow)

BpWindow *bp_window_new (BpApplication *application);

/* Opens @path in this window. A file that cannot be opened shows the
 * reason in the window. Returns whether it opened. */
gboolean bp_window_open_file (BpWindow *self, const char *path);

/* The canonical path of the open file, or NULL on the welcome page. */
const char *bp_window_get_path (BpWindow *self);
BpDb *bp_window_get_db (BpWindow *self);

void bp_window_add_toast (BpWindow *self, const char *title);
/* Shows a toast in the window that holds @widget. */
void bp_widget_toast (GtkWidget *widget, const char *title);

/* The question every editor asks before closing over unsaved changes: a
 * dialog over @parent with the responses "cancel" (@cancel_label),
 * "discard" and "save", Save the default and Escape "cancel". The caller
 * connects to its "response" signal and presents it. @parent may be
 * NULL. */
GtkWidget *bp_unsaved_changes_dialog_new (GtkWindow *parent, const char *heading, const char *body,
                                          const char *cancel_label);

G_END_DECLS
