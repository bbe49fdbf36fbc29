/* bp-chart-private.h: what the charts share.
 *
 * bp-chart.c holds the primitives every chart is drawn with: the drawing
 * context, text, fills and lines, legends, numbers and dates. Each chart
 * is in a file of its own with its summary: bp-chart-donut.c,
 * bp-chart-priority.c, bp-chart-heatmap.c, bp-chart-trend.c,
 * bp-chart-milestones.c and bp-chart-movement.c.
 */
#pragma once

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "bp-chart.h"
#include "bp-colours.h"
#include "bp-rules.h"
#include "bp-translate.h"

G_BEGIN_DECLS

/* Labels and summaries are in the language of the document being drawn:
 * they go through bp_tr () and bp_trn () (bp-translate.h), never _ (),
 * which is the window's language. */

/* Text alternatives list at most this many items of one kind and count the
 * rest: the tables beside the charts hold them all. */
#define SUMMARY_MAX_ITEMS 25

#define FONT_FAMILY "DejaVu Sans,Sans"

/* Text sizes in points. The smallest stays at 7 pt or more, legible on A4. */
#define SIZE_MIN 7.0
#define SIZE_SMALL 7.5
#define SIZE_BODY 8.5
#define SIZE_TITLE 9.5
#define SIZE_BIG 18.0

#define PAD 4.0

#define SWATCH_W 14.0
#define SWATCH_H 11.0

typedef enum
{
  TEXT_PLAIN = 0,
  TEXT_BOLD = 1 << 0,
  TEXT_CONDENSED = 1 << 1,
} BpChartTextFlags;

/* A chart being drawn into its area (x, y, w, h) of @cr. */
typedef struct
{
  cairo_t *cr;
  PangoContext *pango;
  double x, y, w, h;
} BpChart;

typedef struct
{
  BpRgb fill;
  gboolean hatch;
  const char *letter; /* drawn on the swatch, or NULL */
  const char *text;
} BpChartLegendItem;

/* Drawing context: everything drawn between begin and end is clipped to
 * @area and laid out with unhinted metrics. */
void bp_chart_begin (BpChart *c, cairo_t *cr, const cairo_rectangle_t *area);
void bp_chart_end (BpChart *c);

PangoLayout *bp_chart_text (BpChart *c, const char *text, double size, BpChartTextFlags flags);
void bp_chart_text_size (PangoLayout *layout, double *width, double *height);
double bp_chart_text_width (BpChart *c, const char *text, double size, BpChartTextFlags flags);
double bp_chart_line_height (BpChart *c, double size);
/* Draws @layout with the point (@xalign, @yalign) of its box (0..1 each)
 * at @x, @y. */
void bp_chart_show_layout (BpChart *c, PangoLayout *layout, BpRgb ink, double x, double y,
                           double xalign, double yalign);
/* Like bp_chart_show_layout() for a layout of @text; returns its width. */
double bp_chart_show_text (BpChart *c, const char *text, double size, BpChartTextFlags flags,
                           BpRgb ink, double x, double y, double xalign, double yalign);

/* @text wrapped between words to @width on at most @max_lines lines,
 * shrunk from @size towards SIZE_MIN as far as that needs; never cut: at
 * SIZE_MIN it takes more lines. For labels a reader needs whole. */
PangoLayout *bp_chart_text_fit (BpChart *c, const char *text, double size,
                                BpChartTextFlags flags, double width, int max_lines);
/* The width of @text's widest word: the narrowest it can wrap to whole. */
double bp_chart_widest_word (BpChart *c, const char *text, double size, BpChartTextFlags flags);
/* @text on one line of at most @width, cut after its last whole word
 * that fits, with "…": for labels whose full text is in the summary. */
PangoLayout *bp_chart_text_ellipsize_words (BpChart *c, const char *text, double size,
                                            BpChartTextFlags flags, double width);

/* Shapes and fills */

/* Fills the current path with @rag's colour (not started hatched) and
 * keeps the path. */
void bp_chart_fill_rag_preserve (BpChart *c, BpRag rag);
void bp_chart_stroke_line (BpChart *c, BpRgb ink, double width, double x0, double y0, double x1,
                           double y1);
void bp_chart_draw_swatch (BpChart *c, double x, double y, double w, double h, BpRgb fill,
                           gboolean hatch, const char *letter);
/* Lays the legend out left to right, wrapping at @width; draws it when
 * @draw. Returns its height. */
double bp_chart_legend_flow (BpChart *c, const BpChartLegendItem *items, guint n, double x,
                             double y, double width, gboolean draw);
/* The legend of the RAG categories in bp_chart_rag_order; @letters holds
 * the swatches' letters. */
void bp_chart_rag_legend_items (BpChartLegendItem items[BP_RAG_COUNT],
                                char letters[BP_RAG_COUNT][2]);

/* Numbers and dates */

/* The sum of @counts, negative ones counted as 0. */
int bp_chart_sum_counts (const int *counts, guint n);
/* @value with up to @decimals places, trailing zeros dropped and the
 * thousands grouped with commas, as UK and Welsh papers write them. */
char *bp_chart_format_number (double value, int decimals);
/* @measure's unit, "" for none. */
const char *bp_chart_measure_unit (const BpMeasure *measure);

/* The body of a chart's public summary function: the whole account of
 * @call in Welsh, then in English, when the document is bilingual, rather
 * than each phrase in both. */
#define BILINGUAL_SUMMARY(call) \
  G_STMT_START \
  { \
    if (bp_tr_get_language () == BP_LANGUAGE_BILINGUAL) \
      { \
        BpLanguage previous_ = bp_tr_push (BP_LANGUAGE_CY); \
        g_autofree char *cy_ = call; \
        g_autofree char *en_ = NULL; \
        bp_tr_push (BP_LANGUAGE_EN); \
        en_ = call; \
        bp_tr_pop (previous_); \
        return g_strconcat (cy_, "\n", en_, NULL); \
      } \
    return call; \
  } \
  G_STMT_END

G_END_DECLS
