/* test-chart.c: the charts, drawn into images and read back by pixel, and
 * their text summaries.
 *
 * Each chart is drawn at the size the board pack gives it, into an area
 * inset in a larger white image at two pixels per point. Set
 * BP_TEST_SAVE_PNG=1 to keep the images in the build directory.
 */
#include <cairo-pdf.h>
#include <dlfcn.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bp-chart-private.h"
#include "bp-chart.h"
#include "bp-colours.h"
#include "bp-rules.h"

#define SCALE 2.0   /* pixels per point */
#define MARGIN 10.0 /* points of white around the chart's area */
#define PACK_WIDTH 482.0

typedef void (*DrawFunc) (cairo_t *cr, const cairo_rectangle_t *area, gpointer data);

typedef struct
{
  cairo_surface_t *surface;
  cairo_rectangle_t area; /* in points */
  int width, height;      /* in pixels */
} Image;

static void
image_clear (Image *img)
{
  g_clear_pointer (&img->surface, cairo_surface_destroy);
}

static void
render (Image *img, double w, double h, DrawFunc draw, gpointer data, const char *name)
{
  cairo_t *cr;

  img->area = (cairo_rectangle_t) { MARGIN, MARGIN, w, h };
  img->width = (int) ceil ((w + 2 * MARGIN) * SCALE);
  img->height = (int) ceil ((h + 2 * MARGIN) * SCALE);
  img->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, img->width, img->height);
  cr = cairo_create (img->surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, SCALE, SCALE);
  draw (cr, &img->area, data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (img->surface);

  if (g_getenv ("BP_TEST_SAVE_PNG") != NULL)
    {
      g_autofree char *file = g_strdup_printf ("chart-%s.png", name);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (img->surface, path), ==,
                       CAIRO_STATUS_SUCCESS);
      g_test_message ("saved %s", path);
    }
}

/* The pixel at a point (in the chart's user units). */
static BpRgb
pixel_at (const Image *img, double x, double y)
{
  int px = (int) floor (x * SCALE);
  int py = (int) floor (y * SCALE);
  unsigned char *data = cairo_image_surface_get_data (img->surface);
  int stride = cairo_image_surface_get_stride (img->surface);
  guint32 v;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, img->width);
  g_assert_cmpint (py, <, img->height);
  v = *(guint32 *) (data + py * stride + px * 4);
  /* Opaque everywhere (a white page under it), so no unpremultiplying. */
  return (BpRgb) { ((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0 };
}

static gboolean
near (BpRgb a, BpRgb b, double tolerance)
{
  return fabs (a.r - b.r) <= tolerance && fabs (a.g - b.g) <= tolerance
         && fabs (a.b - b.b) <= tolerance;
}

/* How many pixels of the rectangle (in points) are @colour, within 4 %. */
static guint
count_colour (const Image *img, double x, double y, double w, double h, BpRgb colour)
{
  guint n = 0;

  for (double py = y; py < y + h; py += 1 / SCALE)
    for (double px = x; px < x + w; px += 1 / SCALE)
      if (near (pixel_at (img, px, py), colour, 0.04))
        n++;
  return n;
}

static guint
count_in_area (const Image *img, BpRgb colour)
{
  return count_colour (img, img->area.x, img->area.y, img->area.width, img->area.height, colour);
}

/* Nothing drawn outside the area: the margin stays white. */
static void
assert_margin_white (const Image *img)
{
  BpRgb white = { 1, 1, 1 };
  double right = img->area.x + img->area.width;
  double bottom = img->area.y + img->area.height;

  for (double x = 0; x < right + MARGIN; x += 0.5)
    {
      g_assert_true (near (pixel_at (img, x, 1), white, 0.001));
      g_assert_true (near (pixel_at (img, x, bottom + MARGIN - 1), white, 0.001));
    }
  for (double y = 0; y < bottom + MARGIN; y += 0.5)
    {
      g_assert_true (near (pixel_at (img, 1, y), white, 0.001));
      g_assert_true (near (pixel_at (img, right + MARGIN - 1, y), white, 0.001));
    }
  /* Right at the edges too: a few points into the margin. */
  for (double x = 0; x < right + MARGIN; x += 0.5)
    {
      g_assert_true (near (pixel_at (img, x, img->area.y - 0.6), white, 0.001));
      g_assert_true (near (pixel_at (img, x, bottom + 0.6), white, 0.001));
    }
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("expected \"%s\" in: %s", needle, haystack);
}

static void
assert_not_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("did not expect \"%s\" in: %s", needle, haystack);
}

static GPtrArray *
default_bands (void)
{
  static const struct { int min, max; const char *name, *colour; } defaults[] = {
    { 1, 4, "Low", "#2e7d32" },
    { 5, 9, "Medium", "#f9a825" },
    { 10, 14, "High", "#d84315" },
    { 15, 25, "Very high", "#b71c1c" },
  };
  GPtrArray *bands = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_risk_band_free);

  /* Out of order on purpose: the chart must not rely on the file's order. */
  for (int i = G_N_ELEMENTS (defaults) - 1; i >= 0; i--)
    {
      BpRiskBand *b = g_new0 (BpRiskBand, 1);

      b->min_score = defaults[i].min;
      b->max_score = defaults[i].max;
      b->name = g_strdup (defaults[i].name);
      b->colour = g_strdup (defaults[i].colour);
      g_ptr_array_add (bands, b);
    }
  return bands;
}

/* Colours */

static void
test_colours_contrast (void)
{
  g_autoptr (GPtrArray) bands = default_bands ();
  BpRgb black = { 0, 0, 0 }, white = { 1, 1, 1 };

  g_assert_cmpfloat_with_epsilon (bp_colours_contrast (black, white), 21.0, 0.01);
  g_assert_cmpfloat_with_epsilon (bp_colours_contrast (white, white), 1.0, 0.001);

  for (int rag = 0; rag < BP_RAG_COUNT; rag++)
    {
      BpRgb fill = bp_colours_rag (rag);
      double ratio = bp_colours_contrast (fill, bp_colours_text_on (fill));

      g_test_message ("RAG %c: contrast %.2f", bp_rag_to_letter (rag), ratio);
      g_assert_cmpfloat (ratio, >=, 4.5);
    }
  for (int rag = BP_KPI_RAG_NONE; rag <= BP_KPI_RAG_GREEN; rag++)
    {
      BpRgb fill = bp_colours_kpi_rag (rag);

      g_assert_cmpfloat (bp_colours_contrast (fill, bp_colours_text_on (fill)), >=, 4.5);
    }
  for (guint i = 0; i < bands->len; i++)
    {
      const BpRiskBand *band = g_ptr_array_index (bands, i);
      BpRgb fill;

      g_assert_true (bp_colours_parse (band->colour, &fill));
      g_assert_cmpfloat (bp_colours_contrast (fill, bp_colours_text_on (fill)), >=, 4.5);
    }
  /* Text on the page. */
  g_assert_cmpfloat (bp_colours_contrast (bp_colours_ink (), white), >=, 4.5);
  g_assert_cmpfloat (bp_colours_contrast (bp_colours_muted (), white), >=, 4.5);

  /* The worst case for text_on: a mid grey where black and white are
   * about equal still gets more than 4.5:1. */
  for (int v = 0; v <= 255; v++)
    {
      BpRgb grey = { v / 255.0, v / 255.0, v / 255.0 };

      g_assert_cmpfloat (bp_colours_contrast (grey, bp_colours_text_on (grey)), >=, 4.5);
    }
}

static void
test_colours_greyscale (void)
{
  /* Every pair of RAG fills differs in lightness, so a greyscale print
   * still tells them apart. */
  for (int a = 0; a < BP_RAG_COUNT; a++)
    for (int b = a + 1; b < BP_RAG_COUNT; b++)
      {
        double la = bp_colours_lightness (bp_colours_rag (a));
        double lb = bp_colours_lightness (bp_colours_rag (b));

        g_test_message ("L* %c %.1f, %c %.1f", bp_rag_to_letter (a), la, bp_rag_to_letter (b), lb);
        g_assert_cmpfloat (fabs (la - lb), >=, 9.5);
      }
}

static void
test_colours_parse (void)
{
  BpRgb c = { -1, -1, -1 };
  g_autofree char *back = NULL;

  g_assert_true (bp_colours_parse ("#2e7d32", &c));
  g_assert_cmpfloat_with_epsilon (c.r, 0x2e / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.g, 0x7d / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.b, 0x32 / 255.0, 1e-9);
  back = bp_colours_to_string (c);
  g_assert_cmpstr (back, ==, "#2e7d32");
  g_assert_true (bp_colours_parse ("B71C1C", &c));
  g_assert_cmpfloat_with_epsilon (c.r, 0xb7 / 255.0, 1e-9);

  c = (BpRgb) { 0.5, 0.5, 0.5 };
  g_assert_false (bp_colours_parse ("#12345", &c));
  g_assert_false (bp_colours_parse ("#1234567", &c));
  g_assert_false (bp_colours_parse ("#gg0000", &c));
  g_assert_false (bp_colours_parse ("", &c));
  g_assert_false (bp_colours_parse (NULL, &c));
  g_assert_cmpfloat (c.r, ==, 0.5); /* left alone on failure */

  g_assert_true (bp_colours_text_on (bp_colours_rag (BP_RAG_RED)).r == 1.0);
  g_assert_true (bp_colours_text_on (bp_colours_rag (BP_RAG_AMBER)).r == 0.0);
}

/* BRAG donut */

static void
draw_donut (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  bp_chart_brag_donut (cr, area, data);
}

static void
test_donut_red_share (void)
{
  int counts[BP_RAG_COUNT] = { 0 };
  Image img = { 0 };
  g_autofree char *summary = NULL;
  guint red, amber, green, blue;

  counts[BP_RAG_RED] = 60;
  counts[BP_RAG_AMBER] = 10;
  counts[BP_RAG_GREEN] = 10;
  counts[BP_RAG_BLUE] = 10;
  counts[BP_RAG_NOT_STARTED] = 10;
  render (&img, PACK_WIDTH, 200, draw_donut, counts, "donut");
  assert_margin_white (&img);

  red = count_in_area (&img, bp_colours_rag (BP_RAG_RED));
  amber = count_in_area (&img, bp_colours_rag (BP_RAG_AMBER));
  green = count_in_area (&img, bp_colours_rag (BP_RAG_GREEN));
  blue = count_in_area (&img, bp_colours_rag (BP_RAG_BLUE));
  g_test_message ("red %u amber %u green %u blue %u", red, amber, green, blue);
  g_assert_cmpuint (amber, >, 200);
  g_assert_cmpuint (green, >, 200);
  g_assert_cmpuint (blue, >, 200);
  /* 60 % against 10 %: allow for text and seams, not for a wrong share. */
  g_assert_cmpuint (red, >, 4 * amber);
  g_assert_cmpuint (red, <, 8 * amber);

  /* Red starts at twelve o'clock and covers the right-hand side: a point
   * just right of the donut's centre line, in the ring, is red. The donut
   * fills the height, so its centre is at half height, radius (h - 8) / 2. */
  {
    double r = (200 - 8) / 2.0;
    double cx = img.area.x + 4 + r, cy = img.area.y + 100;

    g_assert_true (near (pixel_at (&img, cx + r * 0.78, cy + r * 0.1),
                         bp_colours_rag (BP_RAG_RED), 0.04));
    /* The hole is white. */
    g_assert_true (near (pixel_at (&img, cx - r * 0.3, cy - r * 0.3), bp_colours_white (), 0.01));
  }

  summary = bp_chart_brag_donut_summary (counts);
  g_test_message ("%s", summary);
  assert_contains (summary, "100 actions");
  assert_contains (summary, "Red 60 (60%)");
  assert_contains (summary, "Amber 10 (10%)");
  assert_contains (summary, "Not started 10 (10%)");
  /* In progress is red + amber + green = 80: 75 %, 12.5 %, 12.5 %. */
  assert_contains (summary, "80 actions");
  assert_contains (summary, "Red 75%");
  assert_contains (summary, "complete and not-started");
  image_clear (&img);
}

static void
test_donut_empty (void)
{
  int counts[BP_RAG_COUNT] = { 0 };
  Image img = { 0 };
  g_autofree char *summary = NULL;

  render (&img, PACK_WIDTH, 200, draw_donut, counts, "donut-empty");
  assert_margin_white (&img);
  for (int rag = BP_RAG_RED; rag < BP_RAG_COUNT; rag++)
    g_assert_cmpuint (count_in_area (&img, bp_colours_rag (rag)), ==, 0);
  /* Something is drawn: the empty ring and its words. */
  g_assert_cmpuint (count_in_area (&img, bp_colours_ink ()), >, 20);

  summary = bp_chart_brag_donut_summary (counts);
  g_assert_cmpstr (summary, ==, "No actions.");
  image_clear (&img);
}

static void
test_donut_single (void)
{
  int counts[BP_RAG_COUNT] = { 0 };
  Image img = { 0 };
  g_autofree char *summary = NULL;

  counts[BP_RAG_GREEN] = 12;
  render (&img, PACK_WIDTH, 200, draw_donut, counts, "donut-single");
  assert_margin_white (&img);
  /* A whole ring of green, no seam: the top of the ring is green too. */
  {
    double r = (200 - 8) / 2.0;
    double cx = img.area.x + 4 + r, cy = img.area.y + 100;

    g_assert_true (near (pixel_at (&img, cx - 3, cy - r * 0.9), bp_colours_rag (BP_RAG_GREEN),
                         0.04));
    g_assert_true (near (pixel_at (&img, cx - r * 0.9, cy), bp_colours_rag (BP_RAG_GREEN), 0.04));
  }
  /* No other colour in the donut (the table beside it has every swatch). */
  for (int rag = BP_RAG_RED; rag < BP_RAG_COUNT; rag++)
    if (rag != BP_RAG_GREEN)
      g_assert_cmpuint (count_colour (&img, img.area.x, img.area.y, 200, 200,
                                      bp_colours_rag (rag)),
                        ==, 0);

  summary = bp_chart_brag_donut_summary (counts);
  assert_contains (summary, "12 actions");
  assert_contains (summary, "Green 12 (100%)");
  assert_contains (summary, "Red 0 (0%)");
  assert_contains (summary, "Green 100%");
  image_clear (&img);
}

static void
test_donut_all_complete (void)
{
  int counts[BP_RAG_COUNT] = { 0 };
  g_autofree char *summary = NULL;

  counts[BP_RAG_BLUE] = 5;
  counts[BP_RAG_NOT_STARTED] = 3;
  summary = bp_chart_brag_donut_summary (counts);
  assert_contains (summary, "8 actions");
  assert_contains (summary, "Blue 5 (63%)");
  assert_contains (summary, "No actions in progress");
}

/* A plan like the sample's 143 actions, with a sliver of red: the red
 * segment is too thin for its label, which the table beside still gives. */
static void
test_donut_sliver (void)
{
  int counts[BP_RAG_COUNT] = { 0 };
  Image img = { 0 };
  g_autofree char *summary = NULL;
  int ordered[BP_RAG_COUNT], pct[BP_RAG_COUNT], sum = 0;

  counts[BP_RAG_RED] = 1;
  counts[BP_RAG_AMBER] = 31;
  counts[BP_RAG_GREEN] = 58;
  counts[BP_RAG_BLUE] = 45;
  counts[BP_RAG_NOT_STARTED] = 8;
  render (&img, PACK_WIDTH, 200, draw_donut, counts, "donut-sliver");
  assert_margin_white (&img);
  /* The sliver is drawn (about 1/143 of the ring) but not zero. */
  {
    guint red = count_colour (&img, img.area.x, img.area.y, 200, 200,
                              bp_colours_rag (BP_RAG_RED));

    g_assert_cmpuint (red, >, 20);
    g_assert_cmpuint (red, <, 600);
  }
  for (int i = 0; i < BP_RAG_COUNT; i++)
    ordered[i] = counts[bp_chart_rag_order[i]];
  bp_percentages (ordered, BP_RAG_COUNT, pct);
  for (int i = 0; i < BP_RAG_COUNT; i++)
    sum += pct[i];
  g_assert_cmpint (sum, ==, 100);

  summary = bp_chart_brag_donut_summary (counts);
  /* Largest remainders: 0.70 (red), 0.68 (amber), 0.59 (not started). */
  assert_contains (summary, "143 actions: Red 1 (1%), Amber 31 (22%), Green 58 (40%), "
                            "Blue 45 (31%), Not started 8 (6%).");
  /* 1.1, 34.4, 64.4: the tie of remainders goes to the first. */
  assert_contains (summary, "90 actions: Red 1%, Amber 35%, Green 64%.");
  image_clear (&img);
}

/* BRAG by priority */

typedef struct
{
  const BpChartPriorityRow *rows;
  guint n;
} Rows;

static void
draw_priority (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  Rows *r = data;

  bp_chart_brag_by_priority (cr, area, r->rows, r->n);
}

static void
test_priority_bars (void)
{
  const BpChartPriorityRow rows[] = {
#define ROW(label, r, a, g, b, n)                                                          \
  { label,                                                                                 \
    { [BP_RAG_RED] = r, [BP_RAG_AMBER] = a, [BP_RAG_GREEN] = g, [BP_RAG_BLUE] = b,         \
      [BP_RAG_NOT_STARTED] = n } }
    ROW ("P1 Leadership, Management and Governance", 2, 3, 8, 4, 1),
    ROW ("P2 Co-production and Communication", 0, 2, 10, 0, 0),
    ROW ("P3 Early Identification and Intervention", 6, 5, 3, 1, 2),
    ROW ("P4 Inclusion", 0, 0, 0, 0, 0),
    ROW ("P5 Pathway", 1, 1, 1, 1, 1),
    ROW ("P6 Sufficiency", 0, 9, 0, 0, 0),
    ROW ("P7 Preparation for Adulthood", 0, 4, 2, 12, 3),
    ROW ("P8 Managing Resources", 1, 0, 20, 0, 0),
#undef ROW
  };
  Rows r = { rows, G_N_ELEMENTS (rows) };
  Image img = { 0 };
  g_autofree char *summary = NULL;

  render (&img, PACK_WIDTH, 40 + 24 * G_N_ELEMENTS (rows), draw_priority, &r, "priority");
  assert_margin_white (&img);
  for (int rag = BP_RAG_RED; rag < BP_RAG_COUNT; rag++)
    g_assert_cmpuint (count_in_area (&img, bp_colours_rag (rag)), >, 100);
  /* P6 is all amber, P8 nearly all green: amber outweighs red. */
  g_assert_cmpuint (count_in_area (&img, bp_colours_rag (BP_RAG_AMBER)), >,
                    2 * count_in_area (&img, bp_colours_rag (BP_RAG_RED)));

  summary = bp_chart_brag_by_priority_summary (rows, G_N_ELEMENTS (rows));
  g_test_message ("%s", summary);
  assert_contains (summary, "8 areas");
  assert_contains (summary, "P1 Leadership, Management and Governance: 18 actions: Red 2 (11%), "
                            "Amber 3 (17%), Green 8 (44%), Blue 4 (22%), Not started 1 (6%).");
  assert_contains (summary, "P4 Inclusion: no actions.");
  assert_contains (summary, "P6 Sufficiency: 9 actions: Amber 9 (100%).");
  assert_contains (summary, "P8 Managing Resources: 21 actions: Red 1 (5%), Green 20 (95%).");
  image_clear (&img);
}

static void
test_priority_rows (void)
{
  BpPriority p1 = { .id = 7, .code = (char *) "P1", .title = (char *) "Leadership" };
  BpPriority p2 = { .id = 9, .code = (char *) "P2", .title = NULL };
  BpAction a1 = { .priority_id = 7, .rag = BP_RAG_RED };
  BpAction a2 = { .priority_id = 7, .rag = BP_RAG_GREEN };
  BpAction a3 = { .priority_id = 9, .rag = BP_RAG_RED };
  BpAction a4 = { .priority_id = 42, .rag = BP_RAG_AMBER }; /* in no listed area */
  g_autoptr (GPtrArray) priorities = g_ptr_array_new ();
  g_autoptr (GPtrArray) actions = g_ptr_array_new ();
  g_autoptr (BpChartPriorityRows) rows = NULL;
  g_autoptr (BpChartPriorityRows) counted = NULL;
  int by_priority[2 * BP_RAG_COUNT] = { 0 };

  g_ptr_array_add (priorities, &p1);
  g_ptr_array_add (priorities, &p2);
  g_ptr_array_add (actions, &a1);
  g_ptr_array_add (actions, &a2);
  g_ptr_array_add (actions, &a3);
  g_ptr_array_add (actions, &a4);

  rows = bp_chart_priority_rows_new (priorities, NULL);
  g_assert_cmpuint (rows->n_rows, ==, 2);
  g_assert_cmpstr (rows->rows[0].label, ==, "P1 Leadership");
  g_assert_cmpstr (rows->rows[1].label, ==, "P2 ");
  g_assert_cmpint (rows->rows[0].counts[BP_RAG_RED], ==, 0);
  bp_chart_priority_rows_count (rows, priorities, actions);
  g_assert_cmpint (rows->rows[0].counts[BP_RAG_RED], ==, 1);
  g_assert_cmpint (rows->rows[0].counts[BP_RAG_GREEN], ==, 1);
  g_assert_cmpint (rows->rows[1].counts[BP_RAG_RED], ==, 1);
  g_assert_cmpint (rows->rows[0].counts[BP_RAG_AMBER] + rows->rows[1].counts[BP_RAG_AMBER], ==, 0);

  /* The counts the database gives, as the window's overview takes them. */
  by_priority[BP_RAG_COUNT + BP_RAG_BLUE] = 3;
  counted = bp_chart_priority_rows_new (priorities, by_priority);
  g_assert_cmpint (counted->rows[1].counts[BP_RAG_BLUE], ==, 3);
  g_assert_cmpint (counted->rows[0].counts[BP_RAG_BLUE], ==, 0);
}

static void
test_priority_empty (void)
{
  Rows r = { NULL, 0 };
  Image img = { 0 };
  g_autofree char *summary = bp_chart_brag_by_priority_summary (NULL, 0);

  render (&img, PACK_WIDTH, 64, draw_priority, &r, "priority-empty");
  assert_margin_white (&img);
  g_assert_cmpuint (count_in_area (&img, bp_colours_ink ()), >, 10);
  g_assert_cmpstr (summary, ==, "No priority areas.");
  image_clear (&img);
}

/* Risk heat map */

typedef struct
{
  GPtrArray *risks;
  GPtrArray *bands;
  BpRiskScoreKind kind;
  const char *title;
  guint elided;
} HeatData;

static void
draw_heat (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  HeatData *d = data;

  d->elided = bp_chart_risk_heat_map (cr, area, d->title, d->risks, d->kind, d->bands);
}

/* Two maps side by side, as the pack's risk page has them. */
static void
draw_heat_pair (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  HeatData *d = data;
  double gap = 12;
  cairo_rectangle_t left = { area->x, area->y, (area->width - gap) / 2, area->height };
  cairo_rectangle_t right = { area->x + (area->width + gap) / 2, area->y,
                              (area->width - gap) / 2, area->height };

  bp_chart_risk_heat_map (cr, &left, "Inherent", d->risks, BP_RISK_SCORE_INHERENT, d->bands);
  bp_chart_risk_heat_map (cr, &right, "Current", d->risks, BP_RISK_SCORE_CURRENT, d->bands);
}

static BpRisk *
new_risk (const char *ref, int il, int ii, int cl, int ci)
{
  BpRisk *r = bp_risk_new ();

  r->ref = g_strdup (ref);
  r->inherent_l = il;
  r->inherent_i = ii;
  r->current_l = cl;
  r->current_i = ci;
  return r;
}

static GPtrArray *
sample_risks (void)
{
  GPtrArray *risks = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_risk_free);

  g_ptr_array_add (risks, new_risk ("R1", 5, 4, 4, 4));
  g_ptr_array_add (risks, new_risk ("R2", 4, 5, 3, 4));
  g_ptr_array_add (risks, new_risk ("R3", 3, 3, 2, 3));
  g_ptr_array_add (risks, new_risk ("R4", 4, 4, 4, 4));
  g_ptr_array_add (risks, new_risk ("R5", 2, 2, 1, 2));
  g_ptr_array_add (risks, new_risk ("R6", 5, 5, 3, 4));
  g_ptr_array_add (risks, new_risk ("R7", 4, 3, 2, 2));
  g_ptr_array_add (risks, new_risk ("R8", 3, 5, 3, 4));
  g_ptr_array_add (risks, new_risk ("R9", 0, 0, 0, 0)); /* not scored yet */
  g_ptr_array_add (risks, new_risk ("R10", 1, 5, 1, 5));
  return risks;
}

static void
assert_cell_colour (const Image *img, HeatData *d, int l, int i, const char *hex)
{
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  cairo_rectangle_t cell;
  BpRgb expected;

  g_assert_true (bp_chart_risk_heat_map_cell (cr, &img->area, d->title, d->bands, l, i, &cell));
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  g_assert_true (bp_colours_parse (hex, &expected));
  /* Inside the cell, clear of the seam and the score in its top-left. */
  g_assert_true (near (pixel_at (img, cell.x + cell.width - 2.5, cell.y + cell.height - 2.5),
                       expected, 0.02));
  g_assert_true (near (pixel_at (img, cell.x + 2.5, cell.y + cell.height - 2.5), expected, 0.02));
}

static void
test_heat_map (void)
{
  g_autoptr (GPtrArray) bands = default_bands ();
  g_autoptr (GPtrArray) risks = sample_risks ();
  HeatData d = { risks, bands, BP_RISK_SCORE_CURRENT, "Current", 0 };
  Image img = { 0 };
  g_autofree char *summary = NULL;
  cairo_rectangle_t c55, c11, c15, c51;
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (scratch);

  render (&img, PACK_WIDTH, 300, draw_heat, &d, "heat-map");
  assert_margin_white (&img);
  g_assert_cmpuint (d.elided, ==, 0);

  /* Impact across, likelihood up. */
  bp_chart_risk_heat_map_cell (cr, &img.area, d.title, bands, 5, 5, &c55);
  bp_chart_risk_heat_map_cell (cr, &img.area, d.title, bands, 1, 1, &c11);
  bp_chart_risk_heat_map_cell (cr, &img.area, d.title, bands, 1, 5, &c15);
  bp_chart_risk_heat_map_cell (cr, &img.area, d.title, bands, 5, 1, &c51);
  g_assert_false (bp_chart_risk_heat_map_cell (cr, &img.area, d.title, bands, 0, 1, &c51));
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  g_assert_cmpfloat (c55.x, >, c11.x);
  g_assert_cmpfloat (c55.y, <, c11.y);
  g_assert_cmpfloat (c15.x, ==, c55.x); /* impact 5 is the right-hand column */
  g_assert_cmpfloat (c15.y, ==, c11.y); /* likelihood 1 is the bottom row */
  g_assert_cmpfloat (c51.y, ==, c55.y);
  /* Cells stay inside the area and leave room for the axis words. */
  g_assert_cmpfloat (c11.x, >, img.area.x + 20);
  g_assert_cmpfloat (c55.x + c55.width, <=, img.area.x + img.area.width);

  assert_cell_colour (&img, &d, 5, 5, "#b71c1c"); /* 25: very high */
  assert_cell_colour (&img, &d, 1, 1, "#2e7d32"); /* 1: low */
  assert_cell_colour (&img, &d, 2, 3, "#f9a825"); /* 6: medium */
  assert_cell_colour (&img, &d, 3, 4, "#d84315"); /* 12: high */
  assert_cell_colour (&img, &d, 5, 3, "#b71c1c"); /* 15: very high */

  /* The refs of a crowded cell are drawn in the cell's text colour: white
   * on the very-high red, so the cell at L4 x I4 (R1, R4) has white ink. */
  {
    scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cr = cairo_create (scratch);
    bp_chart_risk_heat_map_cell (cr, &img.area, d.title, bands, 4, 4, &c55);
    cairo_destroy (cr);
    cairo_surface_destroy (scratch);
    g_assert_cmpuint (count_colour (&img, c55.x + 2, c55.y + 10, c55.width - 4, c55.height - 12,
                                    bp_colours_white ()),
                      >, 20);
  }

  summary = bp_chart_risk_heat_map_summary ("Current", risks, BP_RISK_SCORE_CURRENT, bands);
  g_test_message ("%s", summary);
  assert_contains (summary, "Current: 9 risks");
  assert_contains (summary, "Very high (15\xe2\x80\x93" "25): R1 (likelihood 4 Likely, impact 4 Major, "
                            "score 16); R4 (");
  assert_contains (summary, "High (10\xe2\x80\x93" "14): R2 (likelihood 3 Possible, impact 4 Major, "
                            "score 12)");
  assert_contains (summary, "R10 (likelihood 1 Rare, impact 5 Critical, score 5)");
  assert_contains (summary, "Low (1\xe2\x80\x93" "4): R7");
  assert_contains (summary, "Not scored: R9.");
  /* Highest band first. */
  g_assert_true (strstr (summary, "Very high") < strstr (summary, "Low ("));
  image_clear (&img);

  render (&img, PACK_WIDTH, 300, draw_heat_pair, &d, "heat-map-pair");
  assert_margin_white (&img);
  image_clear (&img);
}

static void
test_heat_map_crowded (void)
{
  g_autoptr (GPtrArray) bands = default_bands ();
  g_autoptr (GPtrArray) risks = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_risk_free);
  HeatData d = { risks, bands, BP_RISK_SCORE_INHERENT, "Inherent", 0 };
  Image img = { 0 };
  g_autofree char *summary = NULL;
  cairo_rectangle_t below;
  cairo_surface_t *scratch;
  cairo_t *cr;
  BpRgb very_high;

  for (int k = 1; k <= 30; k++)
    {
      g_autofree char *ref = g_strdup_printf ("SR%d", k);

      g_ptr_array_add (risks, new_risk (ref, 5, 5, 3, 3));
    }
  /* Half the pack's width, as when two maps stand side by side. */
  render (&img, (PACK_WIDTH - 12) / 2, 300, draw_heat, &d, "heat-map-crowded");
  assert_margin_white (&img);
  g_test_message ("elided %u of 30", d.elided);
  g_assert_cmpuint (d.elided, >, 0);
  g_assert_cmpuint (d.elided, <, 30);

  /* The refs stay in their cell: the cell below (L4 x I5, also very high,
   * no risks) shows only its own colour below its score. */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (scratch);
  bp_chart_risk_heat_map_cell (cr, &img.area, d.title, bands, 4, 5, &below);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  g_assert_true (bp_colours_parse ("#b71c1c", &very_high));
  {
    double x = below.x + 1.5, y = below.y + 10, w = below.width - 3, h = below.height - 11.5;
    guint total = (guint) (w * SCALE) * (guint) (h * SCALE);

    g_assert_cmpuint (count_colour (&img, x, y, w, h, very_high), >=, total * 98 / 100);
  }

  summary = bp_chart_risk_heat_map_summary ("Inherent", risks, BP_RISK_SCORE_INHERENT, bands);
  assert_contains (summary, "Inherent: 30 risks");
  /* The first 25 of a band are named, the rest counted (the register
   * beside the chart lists them all). */
  for (int k = 1; k <= 25; k++)
    {
      g_autofree char *ref = g_strdup_printf ("SR%d (likelihood 5", k);

      assert_contains (summary, ref);
    }
  g_assert_null (strstr (summary, "SR26 (likelihood 5"));
  assert_contains (summary, "and 5 more");
  image_clear (&img);
}

static void
test_heat_map_no_bands (void)
{
  g_autoptr (GPtrArray) risks = sample_risks ();
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  HeatData d = { risks, none, BP_RISK_SCORE_CURRENT, NULL, 0 };
  Image img = { 0 };
  g_autofree char *summary = NULL;

  render (&img, PACK_WIDTH / 2, 240, draw_heat, &d, "heat-map-no-bands");
  assert_margin_white (&img);
  summary = bp_chart_risk_heat_map_summary (NULL, risks, BP_RISK_SCORE_CURRENT, none);
  assert_contains (summary, "Current: 9 risks");
  assert_contains (summary, "No band: R1 (");
  image_clear (&img);
}

/* KPI trend */

typedef struct
{
  BpMeasure *measure;
  GPtrArray *values;
} Trend;

static void
draw_trend (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  Trend *t = data;

  bp_chart_kpi_trend (cr, area, t->measure, t->values);
}

static void
add_value (GPtrArray *values, const char *period, double value)
{
  BpMeasureValue *v = bp_measure_value_new ();

  v->period = g_strdup (period);
  v->value = value;
  g_ptr_array_add (values, v);
}

static GPtrArray *
new_values (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) bp_measure_value_free);
}

/* The row (in points) of a long dashed dark line across the plot, or -1:
 * the target line. Dark runs alternate with light ones along it. */
static double
find_dashed_row (const Image *img)
{
  double x0 = img->area.x + img->area.width * 0.2;
  double x1 = img->area.x + img->area.width - 4;

  for (double y = img->area.y + 14; y < img->area.y + img->area.height - 14; y += 1 / SCALE)
    {
      guint dark = 0, total = 0, runs = 0;
      gboolean in_run = FALSE;

      for (double x = x0; x < x1; x += 1 / SCALE)
        {
          BpRgb p = pixel_at (img, x, y);
          gboolean is_dark = MAX (p.r, MAX (p.g, p.b)) < 0.3;

          total++;
          dark += is_dark;
          if (is_dark && !in_run)
            runs++;
          in_run = is_dark;
        }
      if (runs >= 20 && dark > total * 4 / 10 && dark < total * 8 / 10)
        return y;
    }
  return -1;
}

static void
test_kpi_trend (void)
{
  g_autoptr (BpMeasure) m = bp_measure_new ();
  g_autoptr (GPtrArray) values = new_values ();
  Trend t = { m, values };
  Image img = { 0 };
  g_autofree char *summary = NULL;
  double row;

  m->title = g_strdup ("EHC needs assessment decisions within 6 weeks");
  m->unit = g_strdup ("%");
  m->polarity = BP_POLARITY_HIGHER;
  m->target = 95;
  m->tolerance = 5;
  add_value (values, "Sep-23", 93.2);
  add_value (values, "Mar-24", NAN);
  add_value (values, "Sep-24", 96.4);
  add_value (values, "Dec-24", 100);
  add_value (values, "Mar-25", 70.1);
  render (&img, PACK_WIDTH, 150, draw_trend, &t, "kpi");
  assert_margin_white (&img);

  /* Target 95 on a 0..100 axis: its dashed line is near the top. */
  row = find_dashed_row (&img);
  g_test_message ("target row at %.1f", row);
  g_assert_cmpfloat (row, >, img.area.y);
  g_assert_cmpfloat (row, <, img.area.y + img.area.height * 0.4);

  /* Each point wears its RAG: amber (93.2), green (96.4, 100), red (70.1). */
  g_assert_cmpuint (count_in_area (&img, bp_colours_kpi_rag (BP_KPI_RAG_RED)), >, 60);
  g_assert_cmpuint (count_in_area (&img, bp_colours_kpi_rag (BP_KPI_RAG_AMBER)), >, 60);
  g_assert_cmpuint (count_in_area (&img, bp_colours_kpi_rag (BP_KPI_RAG_GREEN)), >, 120);

  summary = bp_chart_kpi_trend_summary (m, values);
  g_test_message ("%s", summary);
  assert_contains (summary, "EHC needs assessment decisions within 6 weeks.");
  assert_contains (summary, "Higher is better. Target 95%.");
  assert_contains (summary, "Sep-23 93.2% (Amber); Sep-24 96.4% (Green); Dec-24 100% (Green); "
                            "Mar-25 70.1% (Red).");
  /* The gap is declared, not drawn as zero. */
  assert_not_contains (summary, "Mar-24 0");
  assert_contains (summary, "No value for: Mar-24.");
  image_clear (&img);
}

static void
test_kpi_trend_lower (void)
{
  g_autoptr (BpMeasure) m = bp_measure_new ();
  g_autoptr (GPtrArray) values = new_values ();
  Trend t = { m, values };
  Image img = { 0 };
  g_autofree char *summary = NULL;
  g_autofree char *pounds = NULL;
  double row;

  m->title = g_strdup ("Plans waiting over 30 weeks");
  m->unit = g_strdup ("count");
  m->polarity = BP_POLARITY_LOWER;
  m->target = 20;
  m->tolerance = 10;
  add_value (values, "Sep-23", 186);
  add_value (values, "Mar-24", 105);
  add_value (values, "Sep-24", 0);
  render (&img, PACK_WIDTH, 150, draw_trend, &t, "kpi-lower");
  assert_margin_white (&img);
  /* Target 20 on a 0..200 axis: the dashed line is in the lower part. */
  row = find_dashed_row (&img);
  g_assert_cmpfloat (row, >, img.area.y + img.area.height * 0.55);

  summary = bp_chart_kpi_trend_summary (m, values);
  assert_contains (summary, "Lower is better. Target 20.");
  assert_contains (summary, "Sep-23 186 (Red); Mar-24 105 (Red); Sep-24 0 (Green).");
  assert_not_contains (summary, "No value");

  g_free (m->unit);
  m->unit = g_strdup ("£");
  pounds = bp_chart_format_value (m, 1250000);
  g_assert_cmpstr (pounds, ==, "£1,250,000");
  g_clear_pointer (&pounds, g_free);
  pounds = bp_chart_format_value (m, 12.5);
  g_assert_cmpstr (pounds, ==, "£12.50");
  g_clear_pointer (&pounds, g_free);
  g_free (m->unit);
  m->unit = g_strdup ("days");
  pounds = bp_chart_format_value (m, 12);
  g_assert_cmpstr (pounds, ==, "12 days");
  image_clear (&img);
}

/* Two years of monthly values: period labels thin out, values that do
 * not fit their slot are left to the summary, nothing overlaps. */
static void
test_kpi_trend_monthly (void)
{
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr (BpMeasure) m = bp_measure_new ();
  g_autoptr (GPtrArray) values = new_values ();
  Trend t = { m, values };
  Image img = { 0 };
  g_autofree char *summary = NULL;

  m->title = g_strdup ("Annual review backlog");
  m->unit = g_strdup ("days");
  m->polarity = BP_POLARITY_LOWER;
  m->target = 500;
  m->tolerance = 200;
  for (int k = 0; k < 24; k++)
    {
      g_autofree char *period = g_strdup_printf ("%s-%02d", months[k % 12], 23 + k / 12);

      add_value (values, period, k == 7 ? NAN : 1383 - k * 40.5);
    }
  render (&img, PACK_WIDTH, 150, draw_trend, &t, "kpi-monthly");
  assert_margin_white (&img);
  g_assert_cmpfloat (find_dashed_row (&img), >, 0);

  summary = bp_chart_kpi_trend_summary (m, values);
  assert_contains (summary, "Lower is better. Target 500 days.");
  assert_contains (summary, "Jan-23 1,383 days (Red);");
  assert_contains (summary, "Dec-24 451.5 days (Green).");
  assert_contains (summary, "No value for: Aug-23.");
  image_clear (&img);
}

static void
test_kpi_trend_all_nan (void)
{
  g_autoptr (BpMeasure) m = bp_measure_new ();
  g_autoptr (GPtrArray) values = new_values ();
  Trend t = { m, values };
  Image img = { 0 };
  g_autofree char *summary = NULL;

  m->title = g_strdup ("Health advice on time");
  m->unit = g_strdup ("%");
  m->target = 90;
  add_value (values, "Sep-23", NAN);
  add_value (values, "Mar-24", NAN);
  add_value (values, "Sep-24", NAN);
  render (&img, PACK_WIDTH, 150, draw_trend, &t, "kpi-no-values");
  assert_margin_white (&img);
  for (int rag = BP_KPI_RAG_RED; rag <= BP_KPI_RAG_GREEN; rag++)
    g_assert_cmpuint (count_in_area (&img, bp_colours_kpi_rag (rag)), ==, 0);
  /* The target is still shown. */
  g_assert_cmpfloat (find_dashed_row (&img), >, 0);

  summary = bp_chart_kpi_trend_summary (m, values);
  assert_contains (summary, "No values recorded.");
  assert_contains (summary, "No value for: Sep-23, Mar-24, Sep-24.");
  image_clear (&img);
}

/* Milestones */

typedef struct
{
  GPtrArray *milestones;
  const char *from, *to;
  guint unlabelled;
} Timeline;

static void
draw_timeline (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  Timeline *t = data;

  t->unlabelled = bp_chart_milestones (cr, area, t->milestones, t->from, t->to);
}

static void
add_milestone (GPtrArray *ms, const char *title, const char *due, const char *done)
{
  BpMilestone *m = g_new0 (BpMilestone, 1);

  m->title = g_strdup (title);
  m->due_date = g_strdup (due);
  m->done_date = g_strdup (done);
  g_ptr_array_add (ms, m);
}

static void
test_milestones (void)
{
  g_autoptr (GPtrArray) ms = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_milestone_free);
  Timeline t = { ms, "2025-01-01", "2025-04-30", 99 };
  Image img = { 0 };
  g_autofree char *summary = NULL;

  add_milestone (ms, "SEND strategy agreed by the board", "2025-01-15", "2025-01-14");
  add_milestone (ms, "Local offer website relaunched", "2025-02-03", NULL);
  add_milestone (ms, "EHCP quality audit", "2025-02-07", NULL);
  add_milestone (ms, "Parent carer survey published", "2025-02-10", NULL);
  add_milestone (ms, "Annual review backlog below 500", "2025-03-31", NULL);
  add_milestone (ms, "Outside the window", "2025-06-01", NULL);
  add_milestone (ms, "Undated", NULL, NULL);
  render (&img, PACK_WIDTH, 180, draw_timeline, &t, "milestones");
  assert_margin_white (&img);
  g_assert_cmpuint (t.unlabelled, ==, 0);
  /* The done milestone is filled in blue. */
  g_assert_cmpuint (count_in_area (&img, bp_colours_rag (BP_RAG_BLUE)), >, 20);

  summary = bp_chart_milestones_summary (ms, t.from, t.to);
  g_test_message ("%s", summary);
  assert_contains (summary, "5 milestones due from 01/01/2025 to 30/04/2025:");
  assert_contains (summary, "15/01/2025 SEND strategy agreed by the board (done 14/01/2025); "
                            "03/02/2025 Local offer website relaunched;");
  assert_contains (summary, "31/03/2025 Annual review backlog below 500.");
  assert_not_contains (summary, "Outside the window");
  assert_not_contains (summary, "Undated");
  image_clear (&img);
}

static void
test_milestones_crowded (void)
{
  g_autoptr (GPtrArray) ms = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_milestone_free);
  Timeline t = { ms, NULL, NULL, 0 };
  Image img = { 0 };
  g_autofree char *summary = NULL;

  for (int k = 0; k < 24; k++)
    {
      g_autofree char *title = g_strdup_printf ("Milestone number %d with a long title", k + 1);
      g_autofree char *due = g_strdup_printf ("2025-03-%02d", 3 + k % 5);

      add_milestone (ms, title, due, k % 4 == 0 ? "2025-03-01" : NULL);
    }
  render (&img, PACK_WIDTH, 120, draw_timeline, &t, "milestones-crowded");
  assert_margin_white (&img);
  g_test_message ("unlabelled %u of 24", t.unlabelled);
  g_assert_cmpuint (t.unlabelled, >, 0);
  g_assert_cmpuint (t.unlabelled, <, 24);

  /* Window fitted to the milestones: March 2025. */
  summary = bp_chart_milestones_summary (ms, NULL, NULL);
  assert_contains (summary, "24 milestones due from 01/03/2025 to 31/03/2025:");
  assert_contains (summary, "Milestone number 24 with a long title");
  image_clear (&img);
}

static void
test_milestones_empty (void)
{
  g_autoptr (GPtrArray) ms = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_milestone_free);
  Timeline t = { ms, "2025-01-01", "2025-02-28", 99 };
  Image img = { 0 };
  g_autofree char *summary = NULL;

  add_milestone (ms, "Later", "2025-05-01", NULL);
  render (&img, PACK_WIDTH, 100, draw_timeline, &t, "milestones-empty");
  assert_margin_white (&img);
  g_assert_cmpuint (t.unlabelled, ==, 0);
  summary = bp_chart_milestones_summary (ms, t.from, t.to);
  g_assert_cmpstr (summary, ==, "No milestones due in this period.");
  g_clear_pointer (&summary, g_free);
  summary = bp_chart_milestones_summary (NULL, NULL, NULL);
  g_assert_cmpstr (summary, ==, "No milestones due in this period.");
  image_clear (&img);
}

/* Movement */

static void
draw_movement (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  bp_chart_movement (cr, area, data);
}

static void
item_free (BpMovementItem *item)
{
  g_free (item->ref);
  g_free (item);
}

static GPtrArray *
items (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
}

static void
add_item (GPtrArray *a, const char *ref, BpRag from, BpRag to, int from_score, int to_score)
{
  BpMovementItem *item = g_new0 (BpMovementItem, 1);

  item->ref = g_strdup (ref);
  item->from_rag = from;
  item->to_rag = to;
  item->from_score = from_score;
  item->to_score = to_score;
  g_ptr_array_add (a, item);
}

static void
test_movement (void)
{
  g_autoptr (BpMovement) m = g_new0 (BpMovement, 1);
  Image img = { 0 };
  g_autofree char *summary = NULL;

  m->from_date = g_strdup ("2025-01-20");
  m->to_date = g_strdup ("2025-03-03");
  m->improved = items ();
  m->worsened = items ();
  m->completed = items ();
  m->newly_overdue = items ();
  m->risks_up = items ();
  m->risks_down = items ();
  add_item (m->improved, "1.1", BP_RAG_AMBER, BP_RAG_GREEN, 0, 0);
  add_item (m->improved, "2.3", BP_RAG_RED, BP_RAG_AMBER, 0, 0);
  add_item (m->worsened, "4.2", BP_RAG_GREEN, BP_RAG_RED, 0, 0);
  for (int k = 1; k <= 40; k++)
    {
      g_autofree char *ref = g_strdup_printf ("%d.%d", 1 + k / 6, k % 6 + 1);

      add_item (m->completed, ref, BP_RAG_GREEN, BP_RAG_BLUE, 0, 0);
    }
  add_item (m->risks_up, "R4", 0, 0, 12, 16);
  render (&img, PACK_WIDTH, 170, draw_movement, m, "movement");
  assert_margin_white (&img);
  /* Stripes: green for good news, red for bad, blue for completed. */
  g_assert_cmpuint (count_in_area (&img, bp_colours_rag (BP_RAG_GREEN)), >, 100);
  g_assert_cmpuint (count_in_area (&img, bp_colours_rag (BP_RAG_RED)), >, 100);
  g_assert_cmpuint (count_in_area (&img, bp_colours_rag (BP_RAG_BLUE)), >, 100);

  summary = bp_chart_movement_summary (m);
  g_test_message ("%s", summary);
  assert_contains (summary, "Between the meetings of 20/01/2025 and 03/03/2025:");
  assert_contains (summary, "2 actions improved (1.1 (was: Amber; now: Green), "
                           "2.3 (was: Red; now: Amber));");
  assert_contains (summary, "1 action worsened (4.2 (was: Green; now: Red));");
  assert_contains (summary, "40 actions completed (1.2, ");
  assert_contains (summary, "0 actions newly overdue;");
  assert_contains (summary, "1 risk score rose (R4 from 12 to 16);");
  assert_contains (summary, "0 risk scores fell.");
  image_clear (&img);

  /* The same data on a narrow strip still keeps inside its area. */
  render (&img, 240, 260, draw_movement, m, "movement-narrow");
  assert_margin_white (&img);
  image_clear (&img);
}

/* A large programme moves thousands of actions at once: the tiles show
 * what fits and count the rest, the summary names the first few. */
static void
test_movement_many (void)
{
  g_autoptr (BpMovement) m = g_new0 (BpMovement, 1);
  Image img = { 0 };
  g_autofree char *summary = NULL;

  m->improved = items ();
  m->worsened = items ();
  m->completed = items ();
  m->newly_overdue = items ();
  m->risks_up = items ();
  m->risks_down = items ();
  for (int k = 1; k <= 10000; k++)
    {
      g_autofree char *ref = g_strdup_printf ("%d.%d", 1 + k / 100, k % 100 + 1);

      add_item (m->newly_overdue, ref, BP_RAG_GREEN, BP_RAG_GREEN, 0, 0);
    }
  render (&img, PACK_WIDTH, 170, draw_movement, m, "movement-many");
  assert_margin_white (&img);
  g_assert_cmpuint (count_in_area (&img, bp_colours_rag (BP_RAG_RED)), >, 100);
  summary = bp_chart_movement_summary (m);
  assert_contains (summary, "10000 actions newly overdue (1.2, ");
  assert_contains (summary, " and 9975 more);");
  image_clear (&img);
}

static void
test_movement_none (void)
{
  Image img = { 0 };
  g_autofree char *summary = bp_chart_movement_summary (NULL);

  render (&img, PACK_WIDTH, 80, draw_movement, NULL, "movement-none");
  assert_margin_white (&img);
  g_assert_cmpuint (count_in_area (&img, bp_colours_ink ()), >, 10);
  g_assert_cmpstr (summary, ==, "No earlier snapshot to compare with.");
  image_clear (&img);
}

/* Every chart into a tagged PDF, each inside a Figure as the pack puts
 * it: the vector path must leave cairo 1.16 without an error (a bad
 * pattern, font or tag nesting would put it in one, or crash at finish). */
static void
test_pdf_surface (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "chart-all.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  int counts[BP_RAG_COUNT] = { 3, 4, 5, 6, 7 };
  const BpChartPriorityRow rows[] = { { "P1 Leadership", { 1, 2, 3, 4, 5 } },
                                      { "P2 Inclusion", { 0, 0, 0, 0, 0 } } };
  cairo_rectangle_t area = { 56, 56, PACK_WIDTH, 170 };
  g_autoptr (GPtrArray) risks = sample_risks ();
  g_autoptr (GPtrArray) bands = default_bands ();
  g_autoptr (BpMeasure) m = bp_measure_new ();
  g_autoptr (GPtrArray) values = new_values ();
  g_autoptr (GPtrArray) ms = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_milestone_free);

  m->unit = g_strdup ("%");
  m->target = 90;
  add_value (values, "Sep-23", 80);
  add_value (values, "Mar-24", NAN);
  add_value (values, "Sep-24", 95);
  add_milestone (ms, "Strategy agreed", "2025-01-15", "2025-01-14");
  add_milestone (ms, "Audit", "2025-02-15", NULL);

  cairo_tag_begin (cr, "Document", NULL);
  cairo_tag_begin (cr, "Figure", NULL);
  bp_chart_brag_donut (cr, &area, counts);
  cairo_tag_end (cr, "Figure");
  area.y += 180;
  cairo_tag_begin (cr, "Figure", NULL);
  bp_chart_brag_by_priority (cr, &area, rows, G_N_ELEMENTS (rows));
  cairo_tag_end (cr, "Figure");
  area.y += 180;
  cairo_tag_begin (cr, "Figure", NULL);
  bp_chart_risk_heat_map (cr, &area, "Current", risks, BP_RISK_SCORE_CURRENT, bands);
  cairo_tag_end (cr, "Figure");
  area.y += 180;
  cairo_tag_begin (cr, "Figure", NULL);
  bp_chart_movement (cr, &area, NULL);
  cairo_tag_end (cr, "Figure");
  cairo_show_page (cr);
  area.y = 56;
  cairo_tag_begin (cr, "Figure", NULL);
  bp_chart_kpi_trend (cr, &area, m, values);
  cairo_tag_end (cr, "Figure");
  area.y += 180;
  cairo_tag_begin (cr, "Figure", NULL);
  bp_chart_milestones (cr, &area, ms, NULL, NULL);
  cairo_tag_end (cr, "Figure");
  cairo_tag_end (cr, "Document");
  cairo_show_page (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  if (g_getenv ("BP_TEST_SAVE_PNG") == NULL)
    g_remove (path);
}

/* The axis holds the figures without flattening them. */
static void
test_kpi_trend_axis (void)
{
  g_autoptr (BpMeasure) m = bp_measure_new ();
  g_autoptr (GPtrArray) values = new_values ();
  double lo, hi, step;

  m->unit = g_strdup ("%");
  m->polarity = BP_POLARITY_HIGHER;
  m->target = 95;
  m->tolerance = 5;
  add_value (values, "Sep-23", 93.2);
  add_value (values, "Mar-24", 96.4);
  add_value (values, "Sep-24", 100);
  add_value (values, "Mar-25", 98.1);
  /* 93% to 100%, amber from 90%: 90% to 100%, not 0 to 100. */
  g_assert_false (bp_chart_kpi_trend_axis (m, values, 4, &lo, &hi, &step));
  g_assert_cmpfloat (lo, ==, 90);
  g_assert_cmpfloat (hi, ==, 100);
  g_assert_cmpfloat (step, ==, 2.5);

  /* The baseline is drawn, so the axis holds it too. */
  m->baseline = 80;
  g_assert_false (bp_chart_kpi_trend_axis (m, values, 4, &lo, &hi, &step));
  g_assert_cmpfloat (lo, <=, 80);
  g_assert_cmpfloat (hi, ==, 100);
  m->baseline = NAN;

  /* From 2.6% to 94%: the values span most of the range, so it starts at 0. */
  g_ptr_array_set_size (values, 0);
  add_value (values, "Sep-23", 2.6);
  add_value (values, "Mar-24", 94.4);
  g_assert_true (bp_chart_kpi_trend_axis (m, values, 4, &lo, &hi, &step));
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 100);

  /* A count far from 0 with its target near: the target pulls it to 0. */
  g_ptr_array_set_size (values, 0);
  g_free (m->unit);
  m->unit = g_strdup ("count");
  m->polarity = BP_POLARITY_LOWER;
  m->target = 20;
  add_value (values, "Sep-24", 143);
  add_value (values, "Mar-25", 96);
  g_assert_true (bp_chart_kpi_trend_axis (m, values, 4, &lo, &hi, &step));
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, >=, 143);

  /* Every value, the target and the band's edge lie within the bounds. */
  g_ptr_array_set_size (values, 0);
  m->polarity = BP_POLARITY_TARGET;
  m->target = 1250;
  m->tolerance = 30;
  add_value (values, "Q1", 1210);
  add_value (values, "Q2", 1262.5);
  g_assert_false (bp_chart_kpi_trend_axis (m, values, 5, &lo, &hi, &step));
  g_assert_cmpfloat (lo, <=, 1210);
  g_assert_cmpfloat (lo, >, 1000);
  g_assert_cmpfloat (hi, >=, 1280);
  g_assert_cmpfloat (fmod (lo, step), ==, 0);
}

/* Figures no measure has (a damaged file's 1e308, a tolerance that
 * overflows the target) give an axis of a few distinct ticks, and the
 * chart is drawn: a tick loop that adds a step too small to change the
 * sum never ends. */
static void
test_kpi_trend_axis_huge (void)
{
  g_autoptr (BpMeasure) m = bp_measure_new ();
  g_autoptr (GPtrArray) values = new_values ();
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t area = { 0, 0, 470, 170 };
  const double targets[] = { 1e308, -1e308, INFINITY, 5 };
  double lo, hi, step;

  m->unit = g_strdup ("count");
  add_value (values, "Q1", 1e308);
  add_value (values, "Q2", -1e308);
  add_value (values, "Q3", 12);
  for (gsize i = 0; i < G_N_ELEMENTS (targets); i++)
    for (int polarity = BP_POLARITY_HIGHER; polarity <= BP_POLARITY_TARGET; polarity++)
      {
        m->target = targets[i];
        m->tolerance = -1e308;
        m->polarity = polarity;
        bp_chart_kpi_trend_axis (m, values, 6, &lo, &hi, &step);
        g_assert_true (isfinite (lo) && isfinite (hi) && isfinite (step));
        g_assert_cmpfloat (lo, <, hi);
        g_assert_cmpfloat (step, >, 0);
        g_assert_cmpfloat (lo + step, >, lo);
        g_assert_cmpfloat ((hi - lo) / step, <=, 12.5);
        bp_chart_kpi_trend (cr, &area, m, values);
      }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Labels that a reader needs whole are wrapped and shrunk, never cut. */
static void
test_text_fit (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t area = { 0, 0, 10, 10 };
  const char *titles[] = {
    "cam gweithredu wedi gwaethygu / actions worsened",
    "sgôr risg wedi codi / risk scores rose",
    "P1 Leadership, Management and Governance",
    "Camau gweithredu newydd fynd yn hwyr / actions newly overdue",
  };
  BpChart c;

  bp_chart_begin (&c, cr, &area);
  for (gsize i = 0; i < G_N_ELEMENTS (titles); i++)
    for (double width = 60; width <= 200; width += 35)
      {
        g_autoptr (PangoLayout) layout
            = bp_chart_text_fit (&c, titles[i], SIZE_BODY, TEXT_PLAIN, width, 3);
        double w;

        g_assert_cmpstr (pango_layout_get_text (layout), ==, titles[i]);
        g_assert_false (pango_layout_is_ellipsized (layout));
        bp_chart_text_size (layout, &w, NULL);
        /* Every word whole: no line is wider than the room, unless one
         * word alone is. */
        if (bp_chart_widest_word (&c, titles[i], SIZE_MIN, TEXT_PLAIN) <= width)
          {
            g_assert_cmpfloat (w, <=, width + 0.01);
            g_assert_cmpint (pango_layout_get_line_count (layout), <=,
                             width >= 95 ? 3 : 6);
          }
      }
  {
    const char *title = "31 Jul Self-evaluation refreshed against the area SEND inspection "
                        "framework";
    g_autoptr (PangoLayout) cut = bp_chart_text_ellipsize_words (&c, title, SIZE_SMALL,
                                                                 TEXT_PLAIN, 120);
    g_autoptr (PangoLayout) whole = bp_chart_text_ellipsize_words (&c, "31 Jul Review", SIZE_SMALL,
                                                                   TEXT_PLAIN, 120);
    const char *text = pango_layout_get_text (cut);
    gsize kept = strlen (text) - strlen ("\xe2\x80\xa6");
    double w;

    g_assert_true (g_str_has_suffix (text, "\xe2\x80\xa6"));
    /* Cut where a word ends in the full text, never inside one. */
    g_assert_cmpint (strncmp (text, title, kept), ==, 0);
    g_assert_true (title[kept] == ' ');
    bp_chart_text_size (cut, &w, NULL);
    g_assert_cmpfloat (w, <=, 120);
    g_assert_cmpstr (pango_layout_get_text (whole), ==, "31 Jul Review");
  }
  bp_chart_end (&c);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/colours/contrast", test_colours_contrast);
  g_test_add_func ("/chart/colours/greyscale", test_colours_greyscale);
  g_test_add_func ("/chart/colours/parse", test_colours_parse);
  g_test_add_func ("/chart/donut/red-share", test_donut_red_share);
  g_test_add_func ("/chart/donut/empty", test_donut_empty);
  g_test_add_func ("/chart/donut/single", test_donut_single);
  g_test_add_func ("/chart/donut/all-complete", test_donut_all_complete);
  g_test_add_func ("/chart/donut/sliver", test_donut_sliver);
  g_test_add_func ("/chart/priority/bars", test_priority_bars);
  g_test_add_func ("/chart/priority/empty", test_priority_empty);
  g_test_add_func ("/chart/priority/rows", test_priority_rows);
  g_test_add_func ("/chart/heat-map/bands", test_heat_map);
  g_test_add_func ("/chart/heat-map/crowded", test_heat_map_crowded);
  g_test_add_func ("/chart/heat-map/no-bands", test_heat_map_no_bands);
  g_test_add_func ("/chart/kpi/target", test_kpi_trend);
  g_test_add_func ("/chart/kpi/lower", test_kpi_trend_lower);
  g_test_add_func ("/chart/kpi/monthly", test_kpi_trend_monthly);
  g_test_add_func ("/chart/kpi/all-nan", test_kpi_trend_all_nan);
  g_test_add_func ("/chart/kpi/axis", test_kpi_trend_axis);
  g_test_add_func ("/chart/text/fit", test_text_fit);
  g_test_add_func ("/chart/milestones/window", test_milestones);
  g_test_add_func ("/chart/milestones/crowded", test_milestones_crowded);
  g_test_add_func ("/chart/milestones/empty", test_milestones_empty);
  g_test_add_func ("/chart/movement/tiles", test_movement);
  g_test_add_func ("/chart/movement/many", test_movement_many);
  g_test_add_func ("/chart/movement/none", test_movement_none);
  g_test_add_func ("/chart/kpi-trend/axis-huge", test_kpi_trend_axis_huge);
  g_test_add_func ("/chart/pdf", test_pdf_surface);

  status = g_test_run ();

  /* Drop pango's and cairo's font caches, so that a leak checker reports
   * what the charts leak rather than what the caches keep on purpose. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  {
    /* fontconfig is only an indirect dependency: look FcFini up rather
     * than link it. */
    void (*fc_fini) (void) = (void (*) (void)) dlsym (RTLD_DEFAULT, "FcFini");

    if (fc_fini != NULL)
      fc_fini ();
  }
  return status;
}
