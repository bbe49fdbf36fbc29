/* bp-document-table.c: the document's tables, which flow across pages
 * with their header row repeated, and its "label: value" rows. */
#include "bp-document-private.h"

struct _BpDocumentTable
{
  guint            n_columns;
  double          *x;            /* n_columns + 1 column edges */
  double          *inner;        /* each column's text width */
  PangoAlignment  *alignment;    /* each column's */
  PangoLayout    **cells;        /* the current row's (the document's layouts) */
  PangoLayout    **header;       /* NULL when the table has no header row */
  double           header_height;
  BpDocumentStyle  regular;
  BpDocumentStyle  bold;
  gboolean         row_headers;  /* the first column holds row headers */
  int              header_page;  /* the page the header row is on, or 0 */
  int              grid_page;    /* the page the last row's grid is on */
  gboolean         header_tagged;
  gboolean         tag_open;
};

void
bp_document_table_free (BpDocumentTable *table)
{
  g_free (table->inner);
  g_free (table->alignment);
  g_free (table->cells);
  g_free (table->header);
  g_free (table->x);
  g_free (table);
}

/* Whether pango had to break a word of @layout (a word wider than its
 * column: WRAP_WORD_CHAR's fallback), which a reader sees as two words. */
static gboolean
breaks_a_word (PangoLayout *layout)
{
  const PangoLogAttr *attrs;
  int n_attrs;

  if (pango_layout_get_line_count (layout) < 2)
    return FALSE;
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (GSList *l = pango_layout_get_lines_readonly (layout)->next; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *text = pango_layout_get_text (layout);
      int offset = (int) g_utf8_pointer_to_offset (text, text + line->start_index);

      if (offset < n_attrs && !attrs[offset].is_line_break)
        return TRUE;
    }
  return FALSE;
}

/* Said once, on the measuring pass, for the caller to widen the column
 * (G_MESSAGES_DEBUG=all shows it). */
static void
check_word_breaks (BpDocument *doc, PangoLayout *layout)
{
  if (doc->cr == NULL && doc->surface == NULL && doc->pages == NULL && breaks_a_word (layout))
    g_debug ("A word too long for its column is broken: “%s”", pango_layout_get_text (layout));
}

/* The width of the widest word of @title in the header's font: what its
 * column needs so that no header word is broken. */
static double
widest_word (BpDocument *doc, BpDocumentStyle style, const char *title)
{
  g_autoptr (PangoLayout) layout = bp_document_new_layout (doc, style, -1);
  g_autofree char *plain = bp_tr_strip_marks (title);
  int width;

  /* One word a line: the layout's width is then its widest word.  No
   * line may start with the " / " of bilingual text (UAX #14 allows no
   * break before a slash), so the word before it keeps it. */
  for (char *p = plain; *p != '\0'; p++)
    if (*p == ' ' && p[1] != '/')
      *p = '\n';
  bp_document_set_text (layout, plain);
  pango_layout_get_size (layout, &width, NULL);
  return pango_units_to_double (width);
}

/* Widens the columns whose header has a word wider than the column, by
 * taking from the columns with room to spare (in proportion to it), so
 * that a header ("gweithredu") is never broken inside a word while
 * another column has room. */
static void
fit_header_words (BpDocument             *doc,
                  BpDocumentTable        *table,
                  const BpDocumentColumn *columns,
                  BpDocumentStyle         bold)
{
  guint n = table->n_columns;
  g_autofree double *need = g_new0 (double, n);
  g_autofree double *have = g_new0 (double, n);
  double short_by = 0.0, spare = 0.0;

  for (guint i = 0; i < n; i++)
    {
      have[i] = table->x[i + 1] - table->x[i];
      need[i] = columns[i].title != NULL ? widest_word (doc, bold, columns[i].title) + 2 * CELL_PAD_X + 0.5
                                         : 0.0;
      if (need[i] > have[i])
        short_by += need[i] - have[i];
      else
        spare += have[i] - need[i];
    }
  if (short_by <= 0.0 || spare <= 0.0)
    return;

  for (guint i = 0; i < n; i++)
    {
      if (need[i] > have[i])
        have[i] += (need[i] - have[i]) * MIN (1.0, spare / short_by);
      else
        have[i] -= (have[i] - need[i]) * MIN (1.0, short_by / spare);
      table->x[i + 1] = table->x[i] + have[i];
    }
  table->x[n] = doc->x1;
}

static BpDocumentTable *
table_new (BpDocument             *doc,
           const BpDocumentColumn *columns,
           guint                   n_columns,
           BpDocumentStyle         regular,
           BpDocumentStyle         bold,
           gboolean                row_headers)
{
  BpDocumentTable *table = g_new0 (BpDocumentTable, 1);
  double total = 0.0;
  double width = doc->x1 - doc->x0;
  gboolean has_header = FALSE;

  table->n_columns = n_columns;
  table->regular = regular;
  table->bold = bold;
  table->row_headers = row_headers;
  table->x = g_new (double, n_columns + 1);
  table->cells = g_new0 (PangoLayout *, n_columns);
  table->inner = g_new (double, n_columns);
  table->alignment = g_new (PangoAlignment, n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      total += MAX (columns[i].width, 0.0);
      has_header |= columns[i].title != NULL;
    }

  table->x[0] = doc->x0;
  for (guint i = 0; i < n_columns; i++)
    {
      double share = total > 0 ? MAX (columns[i].width, 0.0) / total : 1.0 / n_columns;

      table->x[i + 1] = table->x[i] + share * width;
    }
  table->x[n_columns] = doc->x1;

  if (has_header)
    {
      fit_header_words (doc, table, columns, bold);
      table->header = g_new (PangoLayout *, n_columns);
    }

  for (guint i = 0; i < n_columns; i++)
    {
      double inner = MAX (table->x[i + 1] - table->x[i] - 2 * CELL_PAD_X, 1.0);
      PangoAlignment alignment;

      switch (columns[i].align)
        {
        case BP_DOCUMENT_ALIGN_CENTRE:
          alignment = PANGO_ALIGN_CENTER;
          break;
        case BP_DOCUMENT_ALIGN_END:
          alignment = PANGO_ALIGN_RIGHT;
          break;
        case BP_DOCUMENT_ALIGN_START:
        default:
          alignment = PANGO_ALIGN_LEFT;
          break;
        }

      table->inner[i] = inner;
      table->alignment[i] = alignment;

      if (table->header != NULL)
        {
          double height;

          table->header[i] = bp_document_text_layout (doc, bold, inner, alignment,
                                                      columns[i].title != NULL ? columns[i].title : "");
          height = bp_document_layout_height (table->header[i]) + 2 * CELL_PAD_Y;
          check_word_breaks (doc, table->header[i]);
          table->header_height = MAX (table->header_height, height);
        }
    }

  return table;
}

static void
fill_cell (BpDocument      *doc,
           BpDocumentTable *table,
           guint            column,
           double           height,
           guint32          fill)
{
  /* Inset by half a grid line, so as not to paint over the line of the
   * row above, which is drawn once only. */
  bp_document_flush_tags (doc);
  bp_document_note_ink (doc, BP_INK_FILL);
  bp_document_set_source_hex (doc->cr, fill);
  cairo_rectangle (doc->cr, table->x[column] + GRID_WIDTH / 2, doc->y + GRID_WIDTH / 2,
                   table->x[column + 1] - table->x[column] - GRID_WIDTH, height - GRID_WIDTH);
  cairo_fill (doc->cr);
}

/* The grid of a row, stroked as one path so that no line is drawn
 * twice (twice-drawn antialiased lines come out darker); the row's top
 * is the bottom of the row above unless it is the first on the page. */
static void
stroke_row_grid (BpDocument      *doc,
                 BpDocumentTable *table,
                 double           height)
{
  cairo_t *cr = doc->cr;
  double left = table->x[0];
  double right = table->x[table->n_columns];

  bp_document_flush_tags (doc);
  bp_document_note_ink (doc, BP_INK_STROKE);
  cairo_new_path (cr);
  if (table->grid_page != doc->page)
    {
      cairo_move_to (cr, left, doc->y);
      cairo_line_to (cr, right, doc->y);
    }
  cairo_move_to (cr, left, doc->y + height);
  cairo_line_to (cr, right, doc->y + height);
  for (guint i = 0; i <= table->n_columns; i++)
    {
      cairo_move_to (cr, table->x[i], doc->y);
      cairo_line_to (cr, table->x[i], doc->y + height);
    }
  bp_document_set_source_hex (cr, GRID_COLOUR);
  cairo_set_line_width (cr, GRID_WIDTH);
  cairo_stroke (cr);
  table->grid_page = doc->page;
}

static void
table_open_tag (BpDocument      *doc,
                BpDocumentTable *table)
{
  if (!table->tag_open)
    {
      bp_document_tag_begin (doc, "Table", NULL);
      table->tag_open = TRUE;
    }
}

/* The header row, at the top of the table and again on each page it
 * continues onto; only the first is in the structure tree. */
static void
table_draw_header (BpDocument      *doc,
                   BpDocumentTable *table)
{
  gboolean tagged = !table->header_tagged;

  table->header_page = doc->page;
  if (table->header == NULL)
    return;

  table_open_tag (doc, table);
  if (doc->cr != NULL)
    {
      /* Repeated, the row is pagination; the first time, its boxes are
       * decoration and its text the column headers. */
      doc->artifact_kind = tagged ? BP_ARTIFACT_LAYOUT : BP_ARTIFACT_PAGINATION;
      if (tagged)
        bp_document_tag_begin (doc, "TR", NULL);
      /* Boxes first, outside the TH elements, so that only text is
       * marked content. */
      for (guint i = 0; i < table->n_columns; i++)
        fill_cell (doc, table, i, table->header_height, HEADER_FILL);
      stroke_row_grid (doc, table, table->header_height);
      for (guint i = 0; i < table->n_columns; i++)
        {
          if (tagged)
            {
              bp_document_note_next (doc, NULL, "Column", NULL);
              bp_document_leaf_begin (doc, "TH", NULL);
            }
          bp_document_show_layout (doc, table->header[i], table->x[i] + CELL_PAD_X,
                                   doc->y + CELL_PAD_Y,
                                   bp_document_text_colour_for_fill (HEADER_FILL));
          if (tagged)
            bp_document_leaf_end (doc, "TH");
        }
      if (tagged)
        bp_document_tag_end (doc, "TR");
      doc->artifact_kind = BP_ARTIFACT_LAYOUT;
    }

  table->header_tagged = TRUE;
  doc->y += table->header_height;
  doc->page_has_content = TRUE;
}

static double
table_header_needed (BpDocument      *doc,
                     BpDocumentTable *table)
{
  return table->header != NULL && table->header_page != doc->page ? table->header_height : 0.0;
}

static gboolean
cell_fill (const BpDocumentCell *cell,
           BpDocumentTable      *table,
           guint                 column,
           guint32              *out_fill)
{
  if (bp_document_parse_hex_colour (cell->fill, out_fill))
    return TRUE;
  if (table->row_headers && column == 0)
    {
      *out_fill = ROW_HEADER_FILL;
      return TRUE;
    }
  return FALSE;
}

static const char *
cell_tag (BpDocumentTable *table,
          guint            column)
{
  return table->row_headers && column == 0 ? "TH" : "TD";
}

/* Begins the element of a cell: a row header's scope is its row
 * (PDF/UA 15-003), and a cell in another language says so. */
static const char *
cell_begin (BpDocument           *doc,
            BpDocumentTable      *table,
            const BpDocumentCell *cell,
            guint                 column)
{
  const char *tag = cell_tag (table, column);

  bp_document_note_next (doc, NULL, tag[1] == 'H' ? "Row" : NULL, cell->lang);
  bp_document_leaf_begin (doc, tag, NULL);
  return tag;
}

static void
table_draw_boxes (BpDocument           *doc,
                  BpDocumentTable      *table,
                  const BpDocumentCell *cells,
                  double                height)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      guint32 fill = 0;

      if (cell_fill (&cells[i], table, i, &fill))
        fill_cell (doc, table, i, height, fill);
    }
  stroke_row_grid (doc, table, height);
}

static guint32
cell_text_colour (const BpDocumentCell *cell,
                  BpDocumentTable      *table,
                  guint                 column)
{
  guint32 fill;

  return cell_fill (cell, table, column, &fill) ? bp_document_text_colour_for_fill (fill)
                                                : TEXT_COLOUR;
}

/* A row taller than a whole page: drawn a page at a time, each cell
 * broken between its lines.  Each page's part is its own TR, since a
 * TD cannot stay open across the page break (see the top of bp-document.c)
 * and tags must nest.  On the pages after the first, the cells that
 * are already complete (the reference, the RAG ...) are shown again
 * when they fit, so that the part can be read on its own and a fill
 * colour never appears without its word. */
static void
table_split_row (BpDocument           *doc,
                 BpDocumentTable      *table,
                 const BpDocumentCell *cells)
{
  guint n = table->n_columns;
  g_autofree guint *next = g_new0 (guint, n);
  g_autofree guint *from = g_new0 (guint, n);
  g_autofree guint *to = g_new0 (guint, n);
  g_autofree guint *count = g_new0 (guint, n);
  g_autofree gboolean *shown = g_new0 (gboolean, n);
  g_autofree GArray **lines = g_new0 (GArray *, n);
  gboolean continued = FALSE;
  gboolean done = FALSE;

  for (guint i = 0; i < n; i++)
    {
      lines[i] = g_array_new (FALSE, FALSE, sizeof (BpDocumentLine));
      bp_document_collect_lines (table->cells[i], lines[i]);
      /* An empty layout still has one (empty) line. */
      count[i] = pango_layout_get_character_count (table->cells[i]) > 0 ? lines[i]->len : 0;
    }

  if (doc->y1 - doc->y - table_header_needed (doc, table) < MIN_SPLIT_HEIGHT)
    bp_document_new_page (doc);

  while (!done)
    {
      double space;
      double height = 0.0;

      if (table_header_needed (doc, table) > 0)
        table_draw_header (doc, table);
      space = doc->y1 - doc->y - 2 * CELL_PAD_Y;

      done = TRUE;
      for (guint i = 0; i < n; i++)
        {
          const BpDocumentLine *l = (const BpDocumentLine *) lines[i]->data;

          shown[i] = FALSE;
          if (count[i] == 0)
            continue;
          if (next[i] >= count[i])
            {
              /* Complete on an earlier page: again, whole, or not at all. */
              if (l[count[i] - 1].bottom > space)
                continue;
              from[i] = 0;
              to[i] = count[i] - 1;
            }
          else
            {
              from[i] = to[i] = next[i];
              while (to[i] + 1 < count[i] && l[to[i] + 1].bottom - l[from[i]].top <= space + 0.01)
                to[i]++;
              next[i] = to[i] + 1;
              done &= next[i] >= count[i];
            }
          shown[i] = TRUE;
          height = MAX (height, l[to[i]].bottom - l[from[i]].top);
        }
      height += 2 * CELL_PAD_Y;

      table_open_tag (doc, table);
      bp_document_tag_begin (doc, "TR", NULL);
      for (guint i = 0; doc->cr != NULL && i < n; i++)
        {
          guint32 fill = 0;

          if ((shown[i] || !continued) && cell_fill (&cells[i], table, i, &fill))
            fill_cell (doc, table, i, height, fill);
        }
      if (doc->cr != NULL)
        stroke_row_grid (doc, table, height);
      for (guint i = 0; i < n; i++)
        {
          const char *tag = cell_begin (doc, table, &cells[i], i);

          if (shown[i])
            bp_document_show_lines (doc, (const BpDocumentLine *) lines[i]->data, from[i], to[i],
                                    table->x[i] + CELL_PAD_X, doc->y + CELL_PAD_Y,
                                    cell_text_colour (&cells[i], table, i));
          bp_document_leaf_end (doc, tag);
        }
      bp_document_tag_end (doc, "TR");
      doc->y += height;
      doc->page_has_content = TRUE;

      if (!done)
        {
          bp_document_new_page (doc);
          continued = TRUE;
        }
    }

  for (guint i = 0; i < n; i++)
    g_array_unref (lines[i]);
}

static void
table_add_row (BpDocument           *doc,
               BpDocumentTable      *table,
               const BpDocumentCell *cells)
{
  double height = 0.0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      PangoLayout *layout
          = bp_document_text_layout (doc, cells[i].bold ? table->bold : table->regular, table->inner[i],
                                     table->alignment[i], cells[i].text != NULL ? cells[i].text : "");

      table->cells[i] = layout;
      height = MAX (height, bp_document_layout_height (layout));
      check_word_breaks (doc, layout);
    }
  height += 2 * CELL_PAD_Y;

  if (doc->y + table_header_needed (doc, table) + height > doc->y1 + 0.01)
    {
      if (table->header_height + height > bp_document_body_height (doc))
        {
          table_split_row (doc, table, cells);
          return;
        }
      if (doc->page_has_content)
        bp_document_new_page (doc);
    }

  if (table_header_needed (doc, table) > 0)
    table_draw_header (doc, table);

  table_open_tag (doc, table);
  if (doc->cr != NULL)
    {
      bp_document_tag_begin (doc, "TR", NULL);
      table_draw_boxes (doc, table, cells, height);
      for (guint i = 0; i < table->n_columns; i++)
        {
          const char *tag = cell_begin (doc, table, &cells[i], i);

          if (cells[i].text != NULL && cells[i].text[0] != '\0')
            bp_document_show_layout (doc, table->cells[i], table->x[i] + CELL_PAD_X,
                                     doc->y + CELL_PAD_Y, cell_text_colour (&cells[i], table, i));
          bp_document_leaf_end (doc, tag);
        }
      bp_document_tag_end (doc, "TR");
    }

  doc->y += height;
  doc->page_has_content = TRUE;
}

/* Public API */

void
bp_document_key_values (BpDocument         *doc,
                        const char * const *pairs)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (pairs != NULL);

  bp_document_key_values_lang (doc, pairs, NULL);
}

void
bp_document_key_values_lang (BpDocument         *doc,
                             const char * const *pairs,
                             const char * const *langs)
{
  static const BpDocumentColumn columns[] = {
    { NULL, 0.3, BP_DOCUMENT_ALIGN_START },
    { NULL, 0.7, BP_DOCUMENT_ALIGN_START },
  };

  g_return_if_fail (doc != NULL);
  g_return_if_fail (pairs != NULL);

  if (doc->table != NULL)
    bp_document_table_end (doc);

  doc->table = table_new (doc, columns, G_N_ELEMENTS (columns), STYLE_BODY, STYLE_BODY_BOLD, TRUE);
  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    {
      BpDocumentCell cells[2] = {
        { pairs[i], NULL, TRUE, NULL },
        { pairs[i + 1], NULL, FALSE, langs != NULL ? langs[i / 2] : NULL },
      };

      table_add_row (doc, doc->table, cells);
    }
  bp_document_table_end (doc);
}

void
bp_document_table_begin (BpDocument             *doc,
                         const BpDocumentColumn *columns,
                         guint                   n_columns)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (columns != NULL);
  g_return_if_fail (n_columns > 0);

  if (doc->table != NULL)
    bp_document_table_end (doc);
  doc->table = table_new (doc, columns, n_columns, STYLE_TABLE, STYLE_TABLE_BOLD, FALSE);
}

void
bp_document_table_row (BpDocument           *doc,
                       const BpDocumentCell *cells)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (cells != NULL);
  g_return_if_fail (doc->table != NULL);

  table_add_row (doc, doc->table, cells);
}

void
bp_document_table_end (BpDocument *doc)
{
  BpDocumentTable *table;

  g_return_if_fail (doc != NULL);

  table = g_steal_pointer (&doc->table);
  if (table == NULL)
    return;

  /* A table with no rows still shows its header, so that the reader
   * sees an empty table rather than nothing. */
  if (table->header != NULL && table->header_page == 0)
    {
      bp_document_need_space (doc, table->header_height);
      table_draw_header (doc, table);
    }
  if (table->tag_open)
    bp_document_tag_end (doc, "Table");
  if (table->tag_open)
    doc->y = MIN (doc->y + TABLE_SPACE, doc->y1);
  bp_document_table_free (table);
}
