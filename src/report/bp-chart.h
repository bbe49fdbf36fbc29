/* bp-chart.h: the charts of the dashboard and the board pack.
 *
 * Each chart draws plain data into a cairo context inside @area, so the
 * same code draws on screen (a widget's snapshot), on paper
 * (GtkPrintOperation) and into the PDF. User units are points: at the
 * pack's size (about 480 x 230 pt for a chart) every text is at least
 * 7 pt. To draw at another size scale the context, not the area. Nothing
 * is drawn outside @area.
 *
 * Each chart has a summary: a plain-text account of the same data, newly
 * allocated, for the text alternative (cairo's PDF tags carry none) and for
 * tests. Colour never carries meaning alone: segments and cells carry
 * their RAG letter or word where they are large enough, and the summary
 * always has every figure.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "bp-query.h"
#include "bp-rules.h"
#include "bp-types.h"

G_BEGIN_DECLS

/* The order in which RAG categories are drawn and listed everywhere:
 * problems first, as boards read them. */
extern const BpRag bp_chart_rag_order[BP_RAG_COUNT];

/* BRAG donut of all actions, @counts indexed by BpRag, with a table beside
 * it of counts, percentages of all actions and percentages of actions in
 * progress (red, amber and green: complete and not-started actions are
 * counted apart). "No actions" when every count is 0. */
void bp_chart_brag_donut (cairo_t *cr, const cairo_rectangle_t *area,
                          const int counts[BP_RAG_COUNT]);
/* The same donut alone, centred, for a page that shows the counts in a
 * table of its own. */
void bp_chart_brag_ring (cairo_t *cr, const cairo_rectangle_t *area,
                         const int counts[BP_RAG_COUNT]);
char *bp_chart_brag_donut_summary (const int counts[BP_RAG_COUNT]);

/* One priority area's bar. */
typedef struct
{
  const char *label; /* "P1 Leadership, management and governance" */
  int counts[BP_RAG_COUNT];
} BpChartPriorityRow;

/* Horizontal 100 % stacked bars, one per priority area, segments labelled
 * with letter and count where wide enough, each bar's total at its end,
 * and a legend. */
void bp_chart_brag_by_priority (cairo_t *cr, const cairo_rectangle_t *area,
                                const BpChartPriorityRow *rows, guint n_rows);
char *bp_chart_brag_by_priority_summary (const BpChartPriorityRow *rows, guint n_rows);

/* The bars of bp_chart_brag_by_priority () for a plan: one row per
 * priority area, in the order of @priorities (BpPriority*), labelled
 * "P1 Leadership, management and governance". */
typedef struct
{
  BpChartPriorityRow *rows;
  guint n_rows;
} BpChartPriorityRows;

/* Rows for @priorities with the counts of @by_priority (BP_RAG_COUNT per
 * priority, as bp_db_count_actions_by_priority () returns them), or all
 * 0 when @by_priority is NULL. */
BpChartPriorityRows *bp_chart_priority_rows_new (GPtrArray *priorities, const int *by_priority);
/* Counts each of @actions (BpAction*) under its priority area in @rows,
 * made from @priorities; actions of no listed area are not counted. */
void bp_chart_priority_rows_count (BpChartPriorityRows *rows, GPtrArray *priorities,
                                   GPtrArray *actions);
void bp_chart_priority_rows_free (BpChartPriorityRows *rows);
/* bp_chart_brag_by_priority () of @rows (a BpChartPriorityRows*), for
 * draw functions that take their data as a pointer. */
void bp_chart_brag_by_priority_rows (cairo_t *cr, const cairo_rectangle_t *area, gpointer rows);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpChartPriorityRows, bp_chart_priority_rows_free)

/* 5 x 5 risk matrix: impact across (1..5, left to right), likelihood up
 * (1 at the bottom), cells coloured by @bands (BpRiskBand*) with their
 * score, each risk of @risks (BpRisk*) placed by its @kind score as its
 * reference, "+N" where a cell cannot hold them all; a band legend.
 * @title ("Inherent", "Current") is drawn above; NULL for none.
 * Risks not scored for @kind are left out (the summary lists them).
 * Returns how many risks were shown only within a "+N", so the caller
 * knows the register beside the map is needed to name them. */
guint bp_chart_risk_heat_map (cairo_t *cr, const cairo_rectangle_t *area,
                              const char *title, GPtrArray *risks,
                              BpRiskScoreKind kind, GPtrArray *bands);
/* Where the heat map drawn with the same arguments puts the cell of
 * @likelihood and @impact (1..5 each): for hit-testing a click in the
 * window, and for tests. @cr is only measured with, not drawn on. */
gboolean bp_chart_risk_heat_map_cell (cairo_t *cr, const cairo_rectangle_t *area,
                                      const char *title, GPtrArray *bands,
                                      int likelihood, int impact,
                                      cairo_rectangle_t *out_cell);
char *bp_chart_risk_heat_map_summary (const char *title, GPtrArray *risks,
                                      BpRiskScoreKind kind, GPtrArray *bands);

/* A measure's values (BpMeasureValue*, in period order) as a line, the
 * target as a dashed line, each point coloured by its RAG and marked with
 * its letter; y-axis in the measure's unit. Periods without a value (NAN)
 * are skipped: the line breaks there, nothing is drawn as zero. */
void bp_chart_kpi_trend (cairo_t *cr, const cairo_rectangle_t *area,
                         const BpMeasure *measure, GPtrArray *values);
char *bp_chart_kpi_trend_summary (const BpMeasure *measure, GPtrArray *values);
/* The value axis of bp_chart_kpi_trend () with about @n_ticks steps: it
 * holds every value, the target, the tolerance's edge and the baseline,
 * on "nice" bounds (@out_step is 1, 2, 2.5 or 5 times a power of ten).
 * Returns TRUE when it starts at 0; it does not when that would squeeze
 * the figures into less than half the plot (93% to 100% gets 90% to
 * 100%), and the chart then says "The axis does not start at 0". */
gboolean bp_chart_kpi_trend_axis (const BpMeasure *measure, GPtrArray *values, int n_ticks,
                                  double *out_lo, double *out_hi, double *out_step);

/* A value in the measure's unit, as the chart and its summary write it:
 * bp_measure_format_value () (bp-rules.h). Newly allocated. */
char *bp_chart_format_value (const BpMeasure *measure, double value);

/* Milestones (BpMilestone*) due in [@from, @to] (YYYY-MM-DD; either NULL
 * to fit the milestones) on a dated axis with month ticks, labels
 * staggered so they do not overlap; done ones filled and ticked.
 * Milestones outside the window are left out. Returns how many got no
 * label for lack of room (their markers are drawn; a note says "N more"),
 * so the caller can list them. */
guint bp_chart_milestones (cairo_t *cr, const cairo_rectangle_t *area,
                           GPtrArray *milestones, const char *from, const char *to);
char *bp_chart_milestones_summary (GPtrArray *milestones, const char *from, const char *to);

/* What moved between two meetings, as six tiles: actions improved,
 * worsened, completed, newly overdue; risks up, risks down; each with its
 * count and as many references as fit. @movement may be NULL (no earlier
 * snapshot): the chart then says so. */
void bp_chart_movement (cairo_t *cr, const cairo_rectangle_t *area,
                        const BpMovement *movement);
char *bp_chart_movement_summary (const BpMovement *movement);

G_END_DECLS
