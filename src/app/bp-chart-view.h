/* bp-chart-view.h: a widget that draws one of the report's charts, with
 * the chart's text summary as its accessible description and tooltip. */
#pragma once

#include <gtk/gtk.h>

#include "bp-document.h"

G_BEGIN_DECLS

#define BP_TYPE_CHART_VIEW (bp_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (BpChartView, bp_chart_view, BP, CHART_VIEW, GtkWidget)

GtkWidget *bp_chart_view_new (void);
/* Draws with @draw from now on; @destroy frees @data when replaced. */
void bp_chart_view_set_draw_func (BpChartView *self, BpDocumentDrawFunc draw, gpointer data,
                                  GDestroyNotify destroy);
void bp_chart_view_set_text (BpChartView *self, const char *title, const char *summary);

G_END_DECLS
