/* bp-scorecard-page.h: the Scorecard view. */
#pragma once

#include "bp-page.h"

G_BEGIN_DECLS

#define BP_TYPE_SCORECARD_PAGE (bp_scorecard_page_get_type ())
G_DECLARE_FINAL_TYPE (BpScorecardPage, bp_scorecard_page, BP, SCORECARD_PAGE, BpPage)

G_END_DECLS
