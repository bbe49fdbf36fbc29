/* bp-action-editor.h: a window to edit one action, with its milestones
 * and its progress updates. */
#pragma once

#include <adwaita.h>

#include "bp-db.h"

G_BEGIN_DECLS

#define BP_TYPE_ACTION_EDITOR (bp_action_editor_get_type ())
G_DECLARE_FINAL_TYPE (BpActionEditor, bp_action_editor, BP, ACTION_EDITOR, AdwWindow)

/* An editor of the action @action_id of @db; 0 makes a new action when
 * saved. Present it transient for the main window: its toasts go there. */
BpActionEditor *bp_action_editor_new (BpDb *db, gint64 action_id);

BpDb *bp_action_editor_get_db (BpActionEditor *self);
/* The action edited; 0 until a new action is saved. */
gint64 bp_action_editor_get_action_id (BpActionEditor *self);

/* Whether the form differs from the file. */
gboolean bp_action_editor_is_modified (BpActionEditor *self);

/* Checks the form and writes the fields changed in it as one
 * transaction. A problem is shown beside its field and nothing is
 * written; returns whether it saved (or had nothing to save). The
 * "editor.save" action (Save, Ctrl+S) also closes the editor. */
gboolean bp_action_editor_save (BpActionEditor *self);

/* Adds the progress update in the form at once, as its own transaction
 * ("editor.add-update"); returns whether it was added. */
gboolean bp_action_editor_add_update (BpActionEditor *self);

G_END_DECLS
