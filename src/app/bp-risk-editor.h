/* bp-risk-editor.h: the editor of one risk: its description, its
 * inherent, current and target scores (with the band shown as they
 * change), its mitigations and the actions linked to it. */
#pragma once

#include <adwaita.h>

#include "bp-db.h"

G_BEGIN_DECLS

#define BP_TYPE_RISK_EDITOR (bp_risk_editor_get_type ())
G_DECLARE_FINAL_TYPE (BpRiskEditor, bp_risk_editor, BP, RISK_EDITOR, AdwWindow)

/* An editor of the risk @risk_id of @db, or of a new risk when it is 0. */
BpRiskEditor *bp_risk_editor_new (BpDb *db, gint64 risk_id);

/* The risk being edited; 0 for a new risk until it is saved. */
gint64 bp_risk_editor_get_risk_id (BpRiskEditor *self);

/* Checks every field and, when they are all valid, writes the risk, its
 * mitigations and its links as one edit (one undo). Returns FALSE, with
 * the problems shown beside the fields, when nothing was written. The
 * window stays open: the "editor.save" action closes it on success. */
gboolean bp_risk_editor_save (BpRiskEditor *self);

/* Colours @widget as a chip of @hex ("#rrggbb") with black or white text,
 * whichever contrasts more; the chip's text must say what the colour
 * means. NULL removes the colour. */
void bp_risk_editor_paint_chip (GtkWidget *widget, const char *hex);

G_END_DECLS
