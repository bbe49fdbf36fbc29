/* bp-risks-page.h: the Risks view. */
#pragma once

#include "bp-page.h"

G_BEGIN_DECLS

#define BP_TYPE_RISKS_PAGE (bp_risks_page_get_type ())
G_DECLARE_FINAL_TYPE (BpRisksPage, bp_risks_page, BP, RISKS_PAGE, BpPage)

G_END_DECLS
