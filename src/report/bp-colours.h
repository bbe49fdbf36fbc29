/* bp-colours.h: the colours of Boardpack's charts and tables, and the
 * contrast rules that decide the text drawn on them.
 *
 * The RAG fills have clearly different lightness (dark blue, red, green,
 * amber, pale grey) so that a chart printed in greyscale still reads, and
 * every fill's text colour comes from bp_colours_text_on(), which picks
 * black or white by WCAG contrast.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "bp-types.h"

G_BEGIN_DECLS

/* A colour as sRGB channels in 0..1. */
typedef struct
{
  double r, g, b;
} BpRgb;

/* The fill of a RAG status: red, amber, green, blue, not started grey. */
BpRgb bp_colours_rag (BpRag rag);
/* The fill of a KPI value's RAG (grey for "no RAG"). */
BpRgb bp_colours_kpi_rag (BpKpiRag rag);

/* The ink of body text, axis and grid lines on a white page. */
BpRgb bp_colours_ink (void);
/* A muted ink for secondary text and lines; still >= 4.5:1 on white. */
BpRgb bp_colours_muted (void);
/* Light lines (grid, outlines) that carry no meaning of their own. */
BpRgb bp_colours_rule (void);
BpRgb bp_colours_white (void);

/* Parses "#rrggbb" (or "rrggbb", either case) as a risk band's colour
 * is stored. Returns FALSE and leaves @out_rgb alone for anything else. */
gboolean bp_colours_parse (const char *text, BpRgb *out_rgb);
/* "#rrggbb"; newly allocated. */
char *bp_colours_to_string (BpRgb rgb);

/* WCAG 2 relative luminance (0 black .. 1 white). */
double bp_colours_luminance (BpRgb rgb);
/* WCAG 2 contrast ratio of two colours (1 .. 21), order does not matter. */
double bp_colours_contrast (BpRgb a, BpRgb b);
/* CIE L* lightness (0..100): what a greyscale print shows. */
double bp_colours_lightness (BpRgb rgb);
/* Black or white, whichever contrasts more with @background. Either one
 * always reaches at least 4.58:1, more than WCAG AA's 4.5:1 for text. */
BpRgb bp_colours_text_on (BpRgb background);

void bp_colours_set_source (cairo_t *cr, BpRgb rgb);
void bp_colours_set_source_alpha (cairo_t *cr, BpRgb rgb, double alpha);

/* A diagonal hatch over @rgb, for fills (not started) that would
 * otherwise be hard to tell from the paper. Free with
 * cairo_pattern_destroy(). */
cairo_pattern_t *bp_colours_hatch_pattern (BpRgb rgb, BpRgb lines);

G_END_DECLS
