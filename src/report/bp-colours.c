/* bp-colours.c: RAG palette, band colours and WCAG contrast. */
#include <math.h>
#include <string.h>

#include "bp-colours.h"

#define RGB8(r, g, b) ((BpRgb) { (r) / 255.0, (g) / 255.0, (b) / 255.0 })

/* CIE L* of each fill, chosen so that neighbours in a greyscale print
 * differ by at least ten points: blue 29, red 44, green 63, amber 81,
 * not started 91. Red and blue carry white text, the others black. */
BpRgb
bp_colours_rag (BpRag rag)
{
  switch (rag)
    {
    case BP_RAG_RED: return RGB8 (0xC6, 0x28, 0x28);
    case BP_RAG_AMBER: return RGB8 (0xFF, 0xC0, 0x00);
    case BP_RAG_GREEN: return RGB8 (0x00, 0xB0, 0x50);
    case BP_RAG_BLUE: return RGB8 (0x20, 0x3F, 0x8A);
    case BP_RAG_NOT_STARTED:
    case BP_RAG_COUNT:
    default:
      return RGB8 (0xE7, 0xE6, 0xE6);
    }
}

BpRgb
bp_colours_kpi_rag (BpKpiRag rag)
{
  switch (rag)
    {
    case BP_KPI_RAG_RED: return bp_colours_rag (BP_RAG_RED);
    case BP_KPI_RAG_AMBER: return bp_colours_rag (BP_RAG_AMBER);
    case BP_KPI_RAG_GREEN: return bp_colours_rag (BP_RAG_GREEN);
    case BP_KPI_RAG_NONE:
    default:
      return RGB8 (0xBF, 0xBF, 0xBF);
    }
}

BpRgb
bp_colours_ink (void)
{
  return RGB8 (0x1A, 0x1A, 0x1A);
}

BpRgb
bp_colours_muted (void)
{
  /* 5.1:1 on white: secondary text must still pass AA. */
  return RGB8 (0x6E, 0x6E, 0x6E);
}

BpRgb
bp_colours_rule (void)
{
  return RGB8 (0xC8, 0xC8, 0xC8);
}

BpRgb
bp_colours_white (void)
{
  return RGB8 (0xFF, 0xFF, 0xFF);
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

gboolean
bp_colours_parse (const char *text, BpRgb *out_rgb)
{
  int v[6];

  g_return_val_if_fail (out_rgb != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  if (text[0] == '#')
    text++;
  if (strlen (text) != 6)
    return FALSE;
  for (int i = 0; i < 6; i++)
    if ((v[i] = hex_digit (text[i])) < 0)
      return FALSE;
  *out_rgb = RGB8 (v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5]);
  return TRUE;
}

static int
channel_to_byte (double c)
{
  return (int) lround (CLAMP (c, 0.0, 1.0) * 255.0);
}

char *
bp_colours_to_string (BpRgb rgb)
{
  return g_strdup_printf ("#%02x%02x%02x", channel_to_byte (rgb.r),
                          channel_to_byte (rgb.g), channel_to_byte (rgb.b));
}

static double
linear_channel (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
bp_colours_luminance (BpRgb rgb)
{
  return 0.2126 * linear_channel (rgb.r) + 0.7152 * linear_channel (rgb.g)
         + 0.0722 * linear_channel (rgb.b);
}

double
bp_colours_contrast (BpRgb a, BpRgb b)
{
  double la = bp_colours_luminance (a);
  double lb = bp_colours_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

double
bp_colours_lightness (BpRgb rgb)
{
  double y = bp_colours_luminance (rgb);

  return y > 216.0 / 24389.0 ? 116.0 * cbrt (y) - 16.0 : y * 24389.0 / 27.0;
}

BpRgb
bp_colours_text_on (BpRgb background)
{
  BpRgb black = { 0, 0, 0 };
  BpRgb white = { 1, 1, 1 };

  /* Ties go to black: on mid tones black text reads better at small sizes. */
  return bp_colours_contrast (background, black) >= bp_colours_contrast (background, white)
           ? black
           : white;
}

void
bp_colours_set_source (cairo_t *cr, BpRgb rgb)
{
  g_return_if_fail (cr != NULL);
  cairo_set_source_rgb (cr, rgb.r, rgb.g, rgb.b);
}

void
bp_colours_set_source_alpha (cairo_t *cr, BpRgb rgb, double alpha)
{
  g_return_if_fail (cr != NULL);
  cairo_set_source_rgba (cr, rgb.r, rgb.g, rgb.b, alpha);
}

cairo_pattern_t *
bp_colours_hatch_pattern (BpRgb rgb, BpRgb lines)
{
  const double tile = 6.0;
  cairo_rectangle_t extents = { 0, 0, tile, tile };
  cairo_surface_t *surface;
  cairo_pattern_t *pattern;
  cairo_t *cr;

  /* A recording surface keeps the hatch as vectors in a PDF. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (surface);
  bp_colours_set_source (cr, rgb);
  cairo_paint (cr);
  bp_colours_set_source (cr, lines);
  cairo_set_line_width (cr, 0.6);
  /* Three strokes so the lines meet across tile edges. */
  for (int i = -1; i <= 1; i++)
    {
      cairo_move_to (cr, i * tile, tile);
      cairo_line_to (cr, (i + 1) * tile, 0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (surface);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (surface);
  return pattern;
}
