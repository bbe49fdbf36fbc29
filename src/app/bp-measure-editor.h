/* bp-measure-editor.h: the editor of one scorecard measure: its unit,
 * polarity, target and tolerance, with the RAG its latest value would get
 * shown as they change. */
#pragma once

#include <adwaita.h>

#include "bp-db.h"

G_BEGIN_DECLS

#define BP_TYPE_MEASURE_EDITOR (bp_measure_editor_get_type ())
G_DECLARE_FINAL_TYPE (BpMeasureEditor, bp_measure_editor, BP, MEASURE_EDITOR, AdwWindow)

/* An editor of the measure @measure_id of @db, or of a new one when 0. */
BpMeasureEditor *bp_measure_editor_new (BpDb *db, gint64 measure_id);

/* The measure being edited; 0 for a new measure until it is saved. */
gint64 bp_measure_editor_get_measure_id (BpMeasureEditor *self);

/* Checks every field and writes the measure when they are all valid.
 * Returns FALSE, with the problems shown beside the fields, when nothing
 * was written. The "editor.save" action closes the window on success. */
gboolean bp_measure_editor_save (BpMeasureEditor *self);

/* Reads a number as people type one in a measure's unit: "94.4",
 * "94.4%", "1,038", "£1,250.50", "-3". Empty text is no value: TRUE with
 * NAN. FALSE for anything else. */
gboolean bp_measure_editor_parse_number (const char *text, double *out_value);

G_END_DECLS
