/* bp-risks-page.h: the Risks view: the current and inherent heat maps
 * and the register, each risk with its band and its direction of travel
 * since the last board's snapshot. */
#pragma once

#include "bp-chart.h"
#include "bp-page.h"
#include "bp-risk-editor.h"

G_BEGIN_DECLS

#define BP_TYPE_RISKS_PAGE (bp_risks_page_get_type ())
G_DECLARE_FINAL_TYPE (BpRisksPage, bp_risks_page, BP, RISKS_PAGE, BpPage)

/* Opens the editor of @risk_id (0: a new risk) over the page's window and
 * returns it (owned by GTK, like every toplevel). */
BpRiskEditor *bp_risks_page_edit_risk (BpRisksPage *self, gint64 risk_id);

/* The register's rows as shown, after the heat-map filter. */
GListModel *bp_risks_page_get_register (BpRisksPage *self);
/* What the register's row at @position says, as one line of text:
 * "R1 … Current 4 × 4 = 16, Very high. …". Newly allocated. */
char *bp_risks_page_dup_row_text (BpRisksPage *self, guint position);

/* Shows only the risks whose @kind score is @likelihood x @impact, as a
 * click on that heat-map cell does; 0 and 0 show every risk. */
void bp_risks_page_filter_cell (BpRisksPage *self, BpRiskScoreKind kind, int likelihood,
                                int impact);

G_END_DECLS
