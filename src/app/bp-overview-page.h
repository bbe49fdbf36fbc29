/* bp-overview-page.h: the dashboard: the report's charts, live. */
#pragma once

#include "bp-page.h"

G_BEGIN_DECLS

#define BP_TYPE_OVERVIEW_PAGE (bp_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (BpOverviewPage, bp_overview_page, BP, OVERVIEW_PAGE, BpPage)

/* The text shown beside chart @index (0 donut, 1 priorities, 2 movement,
 * 3 risks, 4 scorecard), for tests. */
const char *bp_overview_page_get_card_text (BpOverviewPage *self, guint index);

G_END_DECLS
