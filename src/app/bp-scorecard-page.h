/* bp-scorecard-page.h: the Scorecard view: measures as rows and periods
 * as columns, each value with its RAG, a direction per measure, the trend
 * of one measure, and "Add period" to enter a new period's values. */
#pragma once

#include "bp-measure-editor.h"
#include "bp-page.h"

G_BEGIN_DECLS

#define BP_TYPE_SCORECARD_PAGE (bp_scorecard_page_get_type ())
G_DECLARE_FINAL_TYPE (BpScorecardPage, bp_scorecard_page, BP, SCORECARD_PAGE, BpPage)

/* Opens the "Add period" dialog over the page's window and returns it
 * (an AdwMessageDialog owned by GTK). Its fields are named "period-label",
 * "period-end" and "value:REF" for each measure; its "add" response
 * writes the values in one transaction when every field is valid. */
GtkWidget *bp_scorecard_page_add_period (BpScorecardPage *self);

/* Opens the editor of @measure_id (0: a new measure) and returns it. */
BpMeasureEditor *bp_scorecard_page_edit_measure (BpScorecardPage *self, gint64 measure_id);

/* What the grid shows. */
guint bp_scorecard_page_get_n_measures (BpScorecardPage *self);
/* The period columns, in order of their end dates. */
GStrv bp_scorecard_page_dup_periods (BpScorecardPage *self);
/* A cell's text as shown, value then RAG letter ("94.4% G"), "No value"
 * for a period without one, or NULL when there is no such measure or
 * period. Newly allocated. */
char *bp_scorecard_page_dup_cell_text (BpScorecardPage *self, const char *measure_ref,
                                       const char *period);
/* The word shown for a measure's direction since its previous period. */
const char *bp_scorecard_page_get_direction (BpScorecardPage *self, const char *measure_ref);

/* Shows @measure_id's trend under the grid; its summary as text. */
void bp_scorecard_page_show_trend (BpScorecardPage *self, gint64 measure_id);
const char *bp_scorecard_page_get_trend_text (BpScorecardPage *self);

G_END_DECLS
