/* bp-export-html.c: an export as one self-contained page for publishing
 * on a council's website (Public Sector Bodies Accessibility Regulations:
 * WCAG 2.2 AA).
 *
 * No script, no external file: the style is in the page and the charts
 * are inline SVG, drawn by the board pack's own chart code through
 * cairo's SVG surface. cairo draws text as glyph outlines, so each chart
 * is an image (role="img") named by a visible text summary from the same
 * chart module, which has every figure. Tables have captions and header
 * cells with their scope; every RAG cell carries its word as well as its
 * colour, and its text colour comes from bp_colours_text_on().
 */
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-chart.h"
#include "bp-colours.h"
#include "bp-export-private.h"
#include "bp-rules.h"
#include "bp-translate.h"

/* The width of a chart in points: the board pack's text block. */
#define CHART_WIDTH 470.0
/* CSS pixels per point on screen: charts are drawn for A4, where their
 * smallest text is 7 pt; at 1.6 px/pt that text is 11 px on screen (the
 * page shrinks them to fit narrower windows). */
#define DISPLAY_SCALE 1.6

typedef struct
{
  BpExport *export;
  GString *out;
  guint n_figures;
} Html;

typedef void (*DrawFunc) (cairo_t *cr, const cairo_rectangle_t *area, gpointer data);

/* ------------------------------------------------------------ text */

static void
append_escaped (GString *out, const char *text)
{
  if (text == NULL)
    return;
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\t': case '\n': g_string_append_c (out, *p); break;
      default:
        /* Other control characters are not allowed in HTML text. */
        if ((guchar) *p >= 0x20 && *p != 0x7f)
          g_string_append_c (out, *p);
        break;
      }
}

/* Escaped, with the line breaks people typed kept. */
static void
append_lines (GString *out, const char *text)
{
  g_auto (GStrv) lines = NULL;

  if (text == NULL)
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (i > 0)
        g_string_append (out, "<br>");
      append_escaped (out, lines[i]);
    }
}

static void G_GNUC_PRINTF (2, 3)
append_escaped_printf (GString *out, const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  append_escaped (out, text);
}

/* "treat" as "Treat": the register stores the words in lower case. */
static void
append_capitalised (GString *out, const char *text)
{
  g_autofree char *first = NULL;
  const char *rest;

  if (text == NULL || *text == '\0')
    return;
  rest = g_utf8_next_char (text);
  first = g_utf8_strup (text, rest - text);
  append_escaped (out, first);
  append_escaped (out, rest);
}

/* A date in a <time> element, so that it is machine-readable too. */
static void
append_date (GString *out, const char *iso)
{
  g_autofree char *text = bp_date_format_uk (iso);

  if (bp_date_is_valid (iso))
    g_string_append_printf (out, "<time datetime=\"%s\">%s</time>", iso, text);
  else
    append_escaped (out, text);
}

static char *
css_colour (BpRgb rgb)
{
  return bp_colours_to_string (rgb);
}

/* A class rule: a fill and the text colour that reads on it. */
static void
append_fill_rule (GString *out, const char *selector, BpRgb fill)
{
  g_autofree char *bg = css_colour (fill);
  g_autofree char *fg = css_colour (bp_colours_text_on (fill));

  g_string_append_printf (out, "%s { background: %s; color: %s; }\n", selector, bg, fg);
}

/* ------------------------------------------------------------ charts */

static cairo_status_t
write_svg_cb (void *closure, const unsigned char *data, unsigned int length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* cairo names its glyphs, clips and patterns "glyph0-1", "clip1" ...
 * in every SVG it writes: several SVGs in one page would share those
 * names, and a chart would draw another chart's glyphs. Each chart's
 * names get the chart's own prefix. */
static void
append_prefixed_ids (GString *out, const char *svg, const char *prefix)
{
  static const char *const refs[] = { "id=\"", "href=\"#", "url(#" };
  const char *p = svg;

  while (*p)
    {
      gboolean matched = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
        {
          gsize len = strlen (refs[i]);

          if (strncmp (p, refs[i], len) == 0)
            {
              g_string_append_len (out, p, len);
              g_string_append (out, prefix);
              p += len;
              matched = TRUE;
              break;
            }
        }
      if (!matched)
        g_string_append_c (out, *p++);
    }
}

/* A chart as a <figure>: the inline SVG, named by its summary, which is
 * the figure's visible caption. */
static void
append_figure (Html *h, const char *heading, double width, double height, DrawFunc draw,
               gpointer data, const char *summary)
{
  g_autoptr (GString) svg = g_string_new (NULL);
  cairo_rectangle_t area = { 0, 0, width, height };
  cairo_surface_t *surface;
  cairo_t *cr;
  const char *body;
  char prefix[32];
  char buf_w[G_ASCII_DTOSTR_BUF_SIZE], buf_h[G_ASCII_DTOSTR_BUF_SIZE];

  h->n_figures++;
  g_snprintf (prefix, sizeof prefix, "chart%u-", h->n_figures);

  surface = cairo_svg_surface_create_for_stream (write_svg_cb, svg, width, height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  cr = cairo_create (surface);
  draw (cr, &area, data);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  /* Drop cairo's XML prolog and <svg> tag for one of the page's own. */
  body = strstr (svg->str, "<svg");
  body = body ? strchr (body, '>') : NULL;
  if (body == NULL)
    return;
  body++;
  while (*body == '\n')
    body++;

  g_string_append (h->out, "<figure>\n");
  if (heading)
    {
      g_string_append (h->out, "<h3>");
      append_escaped (h->out, heading);
      g_string_append (h->out, "</h3>\n");
    }
  g_string_append_printf (h->out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                          "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 %s %s\" "
                          "width=\"%.0f\" height=\"%.0f\" role=\"img\" "
                          "aria-labelledby=\"%ssummary\" class=\"chart\">\n",
                          g_ascii_formatd (buf_w, sizeof buf_w, "%g", width),
                          g_ascii_formatd (buf_h, sizeof buf_h, "%g", height), width * DISPLAY_SCALE,
                          height * DISPLAY_SCALE, prefix);
  append_prefixed_ids (h->out, body, prefix);
  if (h->out->str[h->out->len - 1] != '\n')
    g_string_append_c (h->out, '\n');
  g_string_append_printf (h->out, "<figcaption id=\"%ssummary\">", prefix);
  append_lines (h->out, summary);
  g_string_append (h->out, "</figcaption>\n</figure>\n");
}

/* ------------------------------------------------------------ the page */

static const char *
what_title (BpExportWhat what)
{
  switch (what)
    {
    case BP_EXPORT_ACTIONS: return _("Improvement plan");
    case BP_EXPORT_RISKS: return _("Risk register");
    case BP_EXPORT_SCORECARD:
    default:
      return _("Scorecard");
    }
}

static void
append_style (Html *h)
{
  GString *out = h->out;
  static const BpRag rags[] = { BP_RAG_NOT_STARTED, BP_RAG_RED, BP_RAG_AMBER, BP_RAG_GREEN,
                                BP_RAG_BLUE };
  static const BpKpiRag kpi_rags[] = { BP_KPI_RAG_RED, BP_KPI_RAG_AMBER, BP_KPI_RAG_GREEN };

  g_string_append (out,
    "<style>\n"
    ":root { color: #1a1a1a; background: #ffffff; }\n"
    "body { font-family: \"DejaVu Sans\", Arial, Helvetica, sans-serif; font-size: 1rem;"
    " line-height: 1.45; margin: 0 auto; max-width: 75rem; padding: 1rem 1.5rem 2rem; }\n"
    "header { border-bottom: 2px solid #1a1a1a; margin-bottom: 1rem; }\n"
    ".programme { font-size: 1.1rem; margin: 0.5rem 0 0; }\n"
    "h1 { font-size: 2rem; margin: 0.2rem 0 0.5rem; }\n"
    "h2 { font-size: 1.5rem; margin: 2rem 0 0.5rem; }\n"
    "h3 { font-size: 1.2rem; margin: 1.5rem 0 0.4rem; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }\n"
    "caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }\n"
    "th, td { border: 1px solid #8c8c8c; padding: 0.3rem 0.45rem; text-align: left;"
    " vertical-align: top; }\n"
    "thead th { background: #f0f0f0; }\n"
    "tbody th { font-weight: bold; }\n"
    "td.num { text-align: right; white-space: nowrap; }\n"
    ".rag, .band { font-weight: bold; }\n"
    ".muted { color: #595959; }\n"
    ".desc { display: block; color: #595959; font-size: 0.92rem; margin-top: 0.2rem; }\n"
    ".overdue { display: inline-block; border: 2px solid #1a1a1a; padding: 0 0.25rem;"
    " margin-top: 0.2rem; font-weight: bold; }\n"
    ".dir { display: block; font-weight: normal; }\n"
    "figure { margin: 1rem 0 1.5rem; }\n"
    "figure h3 { margin-top: 0; }\n"
    "svg.chart { display: block; max-width: 100%; height: auto; }\n"
    "figcaption { max-width: 48rem; margin-top: 0.4rem; }\n"
    ".figures { display: flex; flex-wrap: wrap; gap: 0 2rem; }\n"
    ".figures figure { flex: 1 1 22rem; }\n"
    "ul.mitigations { margin: 0; padding-left: 1.1rem; }\n"
    ".w-ref { width: 3.5rem; } .w-action { width: 32%; } .w-lead { width: 14%; }"
    " .w-due { width: 7.5rem; } .w-rag { width: 6.5rem; }\n"
    "footer { border-top: 1px solid #8c8c8c; margin-top: 2rem; font-size: 0.9rem; }\n");
  for (guint i = 0; i < G_N_ELEMENTS (rags); i++)
    {
      char selector[32];

      g_snprintf (selector, sizeof selector, ".rag-%c", bp_rag_to_letter (rags[i]));
      append_fill_rule (out, selector, bp_colours_rag (rags[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kpi_rags); i++)
    {
      char selector[32];

      g_snprintf (selector, sizeof selector, ".kpi-%c", "NRAG"[kpi_rags[i]]);
      append_fill_rule (out, selector, bp_colours_kpi_rag (kpi_rags[i]));
    }
  for (guint i = 0; h->export->bands && i < h->export->bands->len; i++)
    {
      BpRiskBand *b = h->export->bands->pdata[i];
      char selector[32];
      BpRgb rgb;

      if (!bp_colours_parse (b->colour, &rgb))
        continue;
      g_snprintf (selector, sizeof selector, ".band-%u", i);
      append_fill_rule (out, selector, rgb);
    }
  g_string_append (out,
    "@media print {\n"
    "  @page { size: A4; margin: 15mm; }\n"
    "  body { max-width: none; padding: 0; font-size: 10pt; }\n"
    "  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "  h2, h3 { break-after: avoid; }\n"
    "  tr, figure { break-inside: avoid; }\n"
    "  thead { display: table-header-group; }\n"
    "  svg.chart { max-width: 16cm; }\n"
    "}\n"
    "</style>\n");
}

static void
append_head (Html *h, const char *title)
{
  g_string_append_printf (h->out,
                          "<!DOCTYPE html>\n"
                          "<html lang=\"%s\">\n", bp_tr_language_tag ());
  g_string_append (h->out,
                   "<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"Boardpack " BP_VERSION "\">\n"
                   "<title>");
  append_escaped (h->out, title);
  g_string_append (h->out, "</title>\n");
  append_style (h);
  g_string_append (h->out, "</head>\n<body>\n");
}

static void
append_header (Html *h, const char *title)
{
  BpProgramme *p = h->export->programme;
  g_autofree char *as_of = bp_date_format (h->export->as_of, "%-d %B %Y");

  g_string_append (h->out, "<header>\n");
  if (p->board && *p->board)
    {
      g_string_append (h->out, "<p class=\"programme\">");
      append_escaped (h->out, p->board);
      g_string_append (h->out, "</p>\n");
    }
  g_string_append (h->out, "<h1>");
  append_escaped (h->out, title);
  g_string_append (h->out, "</h1>\n<p>");
  if (p->organisations && *p->organisations)
    {
      append_escaped (h->out, p->organisations);
      g_string_append (h->out, ". ");
    }
  append_escaped_printf (h->out, _("As at %s."), as_of);
  g_string_append (h->out, "</p>\n</header>\n<main>\n");
}

static void
append_footer (Html *h)
{
  g_string_append (h->out, "</main>\n<footer>\n<p>");
  append_escaped_printf (h->out,
                         _("Published from Boardpack %s. Colours repeat what the words say: "
                           "every RAG status and risk band is written out in full."),
                         BP_VERSION);
  g_string_append (h->out, "</p>\n</footer>\n</body>\n</html>\n");
}

/* ------------------------------------------------------------ actions */

static void
draw_donut (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  bp_chart_brag_donut (cr, area, data);
}

static void
append_rag_cell (GString *out, BpRag rag)
{
  g_string_append_printf (out, "<td class=\"rag rag-%c\">%s</td>", bp_rag_to_letter (rag),
                          bp_rag_to_label (rag));
}

static void
append_action_row (Html *h, const BpAction *a)
{
  GString *out = h->out;
  const char *due = a->due_date ? a->due_date : a->due_text;

  g_string_append (out, "<tr><th scope=\"row\">");
  append_escaped (out, a->ref);
  g_string_append (out, "</th><td>");
  append_escaped (out, a->title);
  if (a->description && *a->description)
    {
      g_string_append (out, "<span class=\"desc\">");
      append_lines (out, a->description);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</td><td>");
  append_escaped (out, a->owner_name);
  if (a->organisation_name && *a->organisation_name)
    {
      g_string_append (out, "<span class=\"desc\">");
      append_escaped (out, a->organisation_name);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</td><td>");
  if (due)
    append_date (out, due);
  if (a->revised_due_date)
    {
      g_string_append_printf (out, "<span class=\"desc\">%s ", _("Revised:"));
      append_date (out, a->revised_due_date);
      g_string_append (out, "</span>");
    }
  if (bp_is_overdue (a->rag, a->due_date, a->revised_due_date, h->export->as_of))
    g_string_append_printf (out, "<br><strong class=\"overdue\">%s</strong>", _("Overdue"));
  g_string_append (out, "</td>");
  append_rag_cell (out, a->rag);
  g_string_append (out, "<td>");
  if (a->latest_date)
    {
      g_string_append (out, "<strong>");
      append_date (out, a->latest_date);
      g_string_append (out, "</strong> ");
    }
  append_lines (out, a->latest_commentary);
  if (a->latest_next_steps && *a->latest_next_steps)
    {
      g_string_append_printf (out, "<span class=\"desc\"><strong>%s</strong> ", _("Next steps:"));
      append_lines (out, a->latest_next_steps);
      g_string_append (out, "</span>");
    }
  if (a->latest_asks && *a->latest_asks)
    {
      g_string_append_printf (out, "<span class=\"desc\"><strong>%s</strong> ", _("Asks of the board:"));
      append_lines (out, a->latest_asks);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</td></tr>\n");
}

static void
append_actions_table (Html *h, const char *caption, GPtrArray *actions)
{
  GString *out = h->out;

  g_string_append (out, "<table>\n<caption>");
  append_escaped (out, caption);
  g_string_append_printf (out,
                          "</caption>\n<thead><tr><th scope=\"col\" class=\"w-ref\">%s</th>"
                          "<th scope=\"col\" class=\"w-action\">%s</th>"
                          "<th scope=\"col\" class=\"w-lead\">%s</th>"
                          "<th scope=\"col\" class=\"w-due\">%s</th>"
                          "<th scope=\"col\" class=\"w-rag\">%s</th><th scope=\"col\">%s</th>"
                          "</tr></thead>\n<tbody>\n",
                          _("Ref"), _("Action"), _("Lead"), _("Due"), _("RAG"),
                          _("Latest update"));
  for (guint i = 0; i < actions->len; i++)
    append_action_row (h, actions->pdata[i]);
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_actions (Html *h)
{
  BpExport *e = h->export;
  int counts[BP_RAG_COUNT] = { 0 };
  int overdue = 0;
  g_autofree char *donut_summary = NULL;
  g_autofree char *bars_summary = NULL;
  g_autofree char *as_of = bp_date_format_uk (e->as_of);
  g_autoptr (BpChartPriorityRows) rows = NULL;
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) others = g_ptr_array_new ();

  if (e->actions->len == 0)
    {
      g_string_append_printf (h->out, "<p>%s</p>\n", _("The plan has no actions yet."));
      return;
    }

  rows = bp_chart_priority_rows_new (e->priorities, NULL);
  bp_chart_priority_rows_count (rows, e->priorities, e->actions);
  for (guint i = 0; i < e->priorities->len; i++)
    {
      BpPriority *p = e->priorities->pdata[i];

      g_hash_table_insert (index, &p->id, GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (groups, g_ptr_array_new ());
    }
  for (guint i = 0; i < e->actions->len; i++)
    {
      BpAction *a = e->actions->pdata[i];
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (index, &a->priority_id));

      counts[a->rag]++;
      if (bp_is_overdue (a->rag, a->due_date, a->revised_due_date, e->as_of))
        overdue++;
      if (k > 0)
        g_ptr_array_add (groups->pdata[k - 1], a);
      else
        g_ptr_array_add (others, a);
    }

  g_string_append_printf (h->out, "<h2>%s</h2>\n<p>", _("Summary"));
  append_escaped_printf (h->out,
                         ngettext ("%d action, of which %d overdue on %s (due date passed and "
                                   "not complete, whatever its RAG).",
                                   "%d actions, of which %d overdue on %s (due date passed and "
                                   "not complete, whatever their RAG).",
                                   e->actions->len),
                         (int) e->actions->len, overdue, as_of);
  g_string_append (h->out, "</p>\n");

  donut_summary = bp_chart_brag_donut_summary (counts);
  append_figure (h, _("All actions by RAG status"), CHART_WIDTH, 200, draw_donut, counts,
                 donut_summary);
  if (rows->n_rows > 0)
    {
      bars_summary = bp_chart_brag_by_priority_summary (rows->rows, rows->n_rows);
      append_figure (h, _("RAG status by priority area"), CHART_WIDTH, 40 + 24 * rows->n_rows,
                     bp_chart_brag_by_priority_rows, rows, bars_summary);
    }

  g_string_append_printf (h->out, "<h2>%s</h2>\n", _("The plan by priority area"));
  for (guint i = 0; i < e->priorities->len; i++)
    {
      BpPriority *p = e->priorities->pdata[i];
      GPtrArray *actions = groups->pdata[i];
      g_autofree char *caption = NULL;

      g_string_append (h->out, "<h3>");
      append_escaped (h->out, rows->rows[i].label);
      g_string_append (h->out, "</h3>\n");
      if (actions->len == 0)
        {
          g_string_append_printf (h->out, "<p>%s</p>\n", _("No actions in this priority area."));
          continue;
        }
      caption = g_strdup_printf (ngettext ("%s: %u action", "%s: %u actions", actions->len),
                                 p->code ? p->code : "", actions->len);
      append_actions_table (h, caption, actions);
    }
  if (others->len > 0)
    {
      g_autofree char *caption = g_strdup_printf (
        ngettext ("%u action in no priority area", "%u actions in no priority area", others->len),
        others->len);

      g_string_append_printf (h->out, "<h3>%s</h3>\n", _("Other actions"));
      append_actions_table (h, caption, others);
    }
}

/* ------------------------------------------------------------ risks */

typedef struct
{
  BpExport *export;
  const char *title;
  BpRiskScoreKind kind;
} HeatMap;

static void
draw_heat_map (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  HeatMap *map = data;

  /* The figure's heading names the map: no second title inside it. */
  bp_chart_risk_heat_map (cr, area, NULL, map->export->risks, map->kind, map->export->bands);
}

static void
append_score_cell (Html *h, int likelihood, int impact)
{
  GPtrArray *bands = h->export->bands;
  int score = bp_risk_score (likelihood, impact);
  const BpRiskBand *band = score > 0 ? bp_risk_band_for_score (bands, score) : NULL;
  guint band_index = 0;

  if (score == 0)
    {
      g_string_append_printf (h->out, "<td class=\"muted\">%s</td>", _("Not scored"));
      return;
    }
  if (band && g_ptr_array_find (bands, band, &band_index))
    g_string_append_printf (h->out, "<td class=\"band band-%u\">", band_index);
  else
    g_string_append (h->out, "<td>");
  g_string_append_printf (h->out, "%d", score);
  if (band)
    {
      g_string_append (h->out, " ");
      append_escaped (h->out, bp_risk_band_display_name (band->name));
    }
  g_string_append_printf (h->out, "<span class=\"dir\">L %d × I %d</span></td>", likelihood,
                          impact);
}

static void
append_risks (Html *h)
{
  BpExport *e = h->export;
  GString *out = h->out;
  HeatMap inherent = { e, _("Inherent"), BP_RISK_SCORE_INHERENT };
  HeatMap current = { e, _("Current"), BP_RISK_SCORE_CURRENT };
  g_autofree char *inherent_summary = NULL;
  g_autofree char *current_summary = NULL;

  if (e->risks->len == 0)
    {
      g_string_append_printf (out, "<p>%s</p>\n", _("The risk register is empty."));
      return;
    }
  inherent_summary = bp_chart_risk_heat_map_summary (inherent.title, e->risks, inherent.kind,
                                                     e->bands);
  current_summary = bp_chart_risk_heat_map_summary (current.title, e->risks, current.kind,
                                                    e->bands);

  g_string_append_printf (out, "<h2>%s</h2>\n<p>", _("Heat maps: inherent and current scores"));
  append_escaped (out, _("Each risk's reference is placed by its likelihood (1 Rare to 5 Almost "
                         "certain, upwards) and its impact (1 Negligible to 5 Critical, "
                         "across). The score is likelihood × impact; the inherent score is "
                         "before controls, the current score after them."));
  g_string_append (out, "</p>\n<div class=\"figures\">\n");
  append_figure (h, _("Inherent scores"), 300, 300, draw_heat_map, &inherent, inherent_summary);
  append_figure (h, _("Current scores"), 300, 300, draw_heat_map, &current, current_summary);
  g_string_append (out, "</div>\n");

  g_string_append_printf (out, "<h2>%s</h2>\n<table>\n<caption>", _("The register"));
  append_escaped_printf (out,
                         ngettext ("Risk register: %u risk, with its scores (likelihood × "
                                   "impact) and mitigations",
                                   "Risk register: %u risks, with their scores (likelihood × "
                                   "impact) and mitigations",
                                   e->risks->len),
                         e->risks->len);
  g_string_append_printf (out,
                          "</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n"
                          "<tbody>\n",
                          _("Ref"), _("Risk"), _("Owner"), _("Inherent"), _("Current"),
                          _("Target"), _("Mitigations"), _("Resources / support needed"),
                          _("Review date"), _("Response and status"));
  for (guint i = 0; i < e->risks->len; i++)
    {
      BpRisk *r = e->risks->pdata[i];
      GPtrArray *mitigations = e->mitigations->pdata[i];

      g_string_append (out, "<tr><th scope=\"row\">");
      append_escaped (out, r->ref);
      g_string_append (out, "</th><td>");
      append_lines (out, r->title);
      if (r->cause && *r->cause)
        {
          g_string_append_printf (out, "<span class=\"desc\">%s ", _("Cause:"));
          append_lines (out, r->cause);
          g_string_append (out, "</span>");
        }
      if (r->consequence && *r->consequence)
        {
          g_string_append_printf (out, "<span class=\"desc\">%s ", _("Consequence:"));
          append_lines (out, r->consequence);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</td><td>");
      append_escaped (out, r->owner_name);
      g_string_append (out, "</td>");
      append_score_cell (h, r->inherent_l, r->inherent_i);
      append_score_cell (h, r->current_l, r->current_i);
      append_score_cell (h, r->target_l, r->target_i);
      g_string_append (out, "<td>");
      if (mitigations->len > 0)
        {
          g_string_append (out, "<ul class=\"mitigations\">");
          for (guint j = 0; j < mitigations->len; j++)
            {
              BpMitigation *m = mitigations->pdata[j];

              g_string_append (out, "<li>");
              append_lines (out, m->description);
              if (m->due_date || m->status)
                {
                  g_string_append (out, " <span class=\"muted\">(");
                  if (m->due_date)
                    append_date (out, m->due_date);
                  if (m->due_date && m->status)
                    g_string_append (out, ", ");
                  append_escaped (out, bp_mitigation_status_display (m->status));
                  g_string_append (out, ")</span>");
                }
              g_string_append (out, "</li>");
            }
          g_string_append (out, "</ul>");
        }
      else
        g_string_append_printf (out, "<span class=\"muted\">%s</span>",
                                _("No mitigations recorded."));
      g_string_append (out, "</td><td>");
      append_lines (out, r->resources);
      g_string_append (out, "</td><td>");
      if (r->review_date)
        append_date (out, r->review_date);
      g_string_append (out, "</td><td>");
      append_capitalised (out, r->response);
      if (r->response && r->status)
        g_string_append (out, "<br>");
      append_capitalised (out, r->status);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

/* ------------------------------------------------------------ scorecard */

typedef struct
{
  const BpMeasure *measure;
  GPtrArray *values;
} Trend;

static void
draw_trend (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  Trend *trend = data;

  bp_chart_kpi_trend (cr, area, trend->measure, trend->values);
}

typedef struct
{
  const char *label;
  const char *end;
} Period;

static int
compare_periods (gconstpointer a, gconstpointer b)
{
  const Period *pa = a, *pb = b;
  int c = g_strcmp0 (pa->end, pb->end);

  return c ? c : g_strcmp0 (pa->label, pb->label);
}

/* Every period of any measure, oldest first by its end date. */
static GArray *
scorecard_periods (BpExport *e)
{
  g_autoptr (GHashTable) ends = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (Period));
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < e->values->len; i++)
    {
      GPtrArray *values = e->values->pdata[i];

      for (guint j = 0; j < values->len; j++)
        {
          BpMeasureValue *v = values->pdata[j];
          const char *known;

          if (v->period == NULL)
            continue;
          known = g_hash_table_lookup (ends, v->period);
          if (known == NULL || g_strcmp0 (v->period_end, known) > 0)
            g_hash_table_insert (ends, v->period, v->period_end ? v->period_end : (char *) "");
        }
    }
  g_hash_table_iter_init (&iter, ends);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Period p = { key, value };

      g_array_append_val (periods, p);
    }
  g_array_sort (periods, compare_periods);
  return periods;
}

static const char *
polarity_words (BpPolarity polarity)
{
  switch (polarity)
    {
    case BP_POLARITY_LOWER: return _("Lower is better");
    case BP_POLARITY_TARGET: return _("Closer to target is better");
    case BP_POLARITY_HIGHER:
    default:
      return _("Higher is better");
    }
}

static void
append_scorecard (Html *h)
{
  BpExport *e = h->export;
  GString *out = h->out;
  g_autoptr (GArray) periods = NULL;

  if (e->measures->len == 0)
    {
      g_string_append_printf (out, "<p>%s</p>\n", _("The scorecard has no measures yet."));
      return;
    }
  periods = scorecard_periods (e);

  g_string_append_printf (out, "<h2>%s</h2>\n<p>", _("Measures by period"));
  append_escaped (out, _("Each value carries its RAG against the measure's target, by the rule "
                         "under the measure's name. The arrow shows whether the value rose or "
                         "fell since the one before it; the word says whether that is an "
                         "improvement for the measure: improved, sustained or deteriorated."));
  g_string_append (out, "</p>\n<table>\n<caption>");
  append_escaped_printf (out,
                         ngettext ("Scorecard: %u measure by period, with RAG and direction",
                                   "Scorecard: %u measures by period, with RAG and direction",
                                   e->measures->len),
                         e->measures->len);
  g_string_append_printf (out, "</caption>\n<thead><tr><th scope=\"col\">%s</th>", _("Measure"));
  for (guint p = 0; p < periods->len; p++)
    {
      g_string_append (out, "<th scope=\"col\">");
      append_escaped (out, g_array_index (periods, Period, p).label);
      g_string_append (out, "</th>");
    }
  g_string_append_printf (out, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n"
                               "<tbody>\n",
                          _("Target"), _("Better"));

  for (guint i = 0; i < e->measures->len; i++)
    {
      BpMeasure *m = e->measures->pdata[i];
      GPtrArray *values = e->values->pdata[i];
      double previous = NAN;

      g_autofree char *rule = bp_kpi_rule_text (m);

      g_string_append (out, "<tr><th scope=\"row\">");
      append_escaped (out, m->title);
      /* Each measure's own RAG rule: a close-to-target measure is not read
       * like a higher-is-better one. */
      g_string_append (out, "<span class=\"desc\">");
      append_escaped (out, rule);
      g_string_append (out, "</span>");
      if (m->comparator && *m->comparator)
        {
          g_string_append (out, "<span class=\"desc\">");
          append_escaped (out, m->comparator);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</th>");
      for (guint p = 0; p < periods->len; p++)
        {
          const char *label = g_array_index (periods, Period, p).label;
          BpMeasureValue *found = NULL;

          for (guint j = 0; j < values->len; j++)
            if (g_strcmp0 (((BpMeasureValue *) values->pdata[j])->period, label) == 0)
              found = values->pdata[j];
          if (found == NULL || isnan (found->value))
            {
              g_string_append_printf (out, "<td class=\"muted\">%s</td>", _("No value"));
              continue;
            }
          {
            BpKpiRag rag = bp_kpi_rag (m, found->value);
            g_autofree char *value = bp_chart_format_value (m, found->value);
            BpDirection d = isnan (previous) ? BP_DIRECTION_NONE
                                             : bp_kpi_direction (m, previous, found->value);
            /* The arrow is the number's way, the word the news: "↓ Improved"
             * for a waiting list that fell (bp_kpi_trend_text ()). */
            g_autofree char *trend
                = d == BP_DIRECTION_NONE ? NULL : bp_kpi_trend_text (m, previous, found->value);

            if (rag != BP_KPI_RAG_NONE)
              g_string_append_printf (out, "<td class=\"rag kpi-%c\">", "NRAG"[rag]);
            else
              g_string_append (out, "<td>");
            append_escaped (out, value);
            if (rag != BP_KPI_RAG_NONE)
              g_string_append_printf (out, " %s", bp_kpi_rag_label (rag));
            if (trend != NULL)
              {
                g_string_append (out, "<span class=\"dir\">");
                append_escaped (out, trend);
                g_string_append (out, "</span>");
              }
            g_string_append (out, "</td>");
            previous = found->value;
          }
        }
      g_string_append (out, "<td>");
      if (isnan (m->target))
        g_string_append (out, _("None"));
      else
        {
          g_autofree char *target = bp_chart_format_value (m, m->target);

          append_escaped (out, target);
        }
      g_string_append_printf (out, "</td><td>%s</td></tr>\n", polarity_words (m->polarity));
    }
  g_string_append (out, "</tbody>\n</table>\n");

  g_string_append_printf (out, "<h2>%s</h2>\n", _("Trends"));
  for (guint i = 0; i < e->measures->len; i++)
    {
      Trend trend = { e->measures->pdata[i], e->values->pdata[i] };
      g_autofree char *summary = bp_chart_kpi_trend_summary (trend.measure, trend.values);

      append_figure (h, trend.measure->title, CHART_WIDTH, 170, draw_trend, &trend, summary);
    }
}

GString *
bp_export_write_html (BpExport *export)
{
  Html h = { export, g_string_sized_new (64 * 1024), 0 };
  g_autofree char *title = NULL;

  if (export->programme->title && *export->programme->title)
    title = g_strdup_printf ("%s: %s", export->programme->title, what_title (export->what));
  else
    title = g_strdup (what_title (export->what));

  append_head (&h, title);
  append_header (&h, title);
  switch (export->what)
    {
    case BP_EXPORT_ACTIONS: append_actions (&h); break;
    case BP_EXPORT_RISKS: append_risks (&h); break;
    case BP_EXPORT_SCORECARD:
    default:
      append_scorecard (&h);
      break;
    }
  append_footer (&h);
  return h.out;
}
