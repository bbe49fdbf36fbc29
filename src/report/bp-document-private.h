/* bp-document-private.h: what the layout engine's files share.
 *
 * bp-document.c lays out and tags pages, paragraphs, headings, lists and
 * figures; bp-document-table.c lays out tables with the helpers declared
 * here; bp-document-pdf.c completes the PDF and writes the file. */
#pragma once

#include <glib.h>
#include <pango/pangocairo.h>

#include "bp-document.h"

G_BEGIN_DECLS

#define MM_TO_PT (72.0 / 25.4)
#define PAGE_MARGIN (20.0 * MM_TO_PT)
/* Hole punches and binding take the left edge of a portrait page.  A
 * landscape page is bound along its top (the reader turns the pack a
 * quarter clockwise to read it), so its top margin is the wide one. */
#define BINDING_MARGIN (25.0 * MM_TO_PT)
/* The running footer sits at the foot of the text block, inside the
 * margins, so that printers that cannot print near the edge keep it. */
#define FOOTER_BAND 28.0
#define FOOTER_GAP 12.0

#define PARAGRAPH_SPACE 6.0
#define TABLE_SPACE 10.0
#define FIGURE_SPACE 6.0
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0
#define GRID_WIDTH 0.5
#define LIST_INDENT 18.0
#define CONTENTS_NUMBER_WIDTH 40.0
/* A heading needs this much room below it, about three lines of body
 * text, or it moves to the next page with what follows it. */
#define KEEP_WITH_NEXT 36.0
/* A row too tall for any page starts on the current one only if this
 * much of it fits; less would look like a stray line. */
#define MIN_SPLIT_HEIGHT 48.0
/* Measuring and drawing again only repeats when the contents page
 * grows by a page; more passes than this would mean the build
 * function is not deterministic. */
#define MAX_PASSES 4

#define TEXT_COLOUR 0x1a1a1a
#define FOOTER_COLOUR 0x444444
#define GRID_COLOUR 0x8c8c8c
#define HEADER_FILL 0xdedede
#define ROW_HEADER_FILL 0xf0f0f0

typedef enum
{
  STYLE_BODY,
  STYLE_BODY_BOLD,
  STYLE_H1,
  STYLE_H2,
  STYLE_H3,
  STYLE_TABLE,
  STYLE_TABLE_BOLD,
  STYLE_FOOTER,
  N_STYLES
} BpDocumentStyle;

/* One line of a laid-out paragraph or cell, in points from the top of
 * its layout. */
typedef struct
{
  double           top;
  double           bottom;
  double           baseline;
  double           x;
  PangoLayoutLine *line;
} BpDocumentLine;

typedef struct _BpDocumentTable BpDocumentTable;

struct _BpDocument
{
  const BpDocumentInfo *info;
  PangoContext         *pango;
  PangoFontDescription *fonts[N_STYLES];
  PangoLayout          *footer_text;
  PangoLayout          *footer_page;

  /* What the previous pass found, or NULL on the first one. */
  GPtrArray *known_sections;
  int        known_n_pages;

  /* NULL while measuring; when recording pages, @surface stays NULL
   * and @cr draws on the current page's @page_surface. */
  cairo_surface_t *surface;
  cairo_t         *cr;
  GPtrArray       *pages;         /* recorded pages, or NULL */
  cairo_surface_t *page_surface;
  cairo_status_t   record_status; /* the first drawing error of a page */

  GPtrArray *sections;
  int        page;
  int        n_pages;
  gboolean   landscape;
  double     page_width;
  double     page_height;
  double     x0, x1, y0, y1;  /* the text block */
  double     y;               /* where the next block goes */
  gboolean   page_has_content;
  gboolean   section_open;
  int        section_outline;
  int        open_leaves;
  gboolean   page_fresh;      /* no tag or drawing on this page yet */
  GPtrArray *pending_tags;    /* held while page_fresh: a tag's name, then its
                               * attributes (NULL for an end), for each tag */
  GArray    *lines;           /* BpDocumentLine, scratch for flow_layout () */
  BpDocumentTable *table;
};

/* Helpers of bp-document.c */

void          bp_document_set_source_hex       (cairo_t *cr,
                                                 guint32  rgb);
gboolean      bp_document_parse_hex_colour     (const char *text,
                                                 guint32    *out_rgb);
guint32       bp_document_text_colour_for_fill (guint32 fill);

/* Structure tags (see the top of bp-document.c) */
void          bp_document_flush_tags (BpDocument *doc);
void          bp_document_tag_begin  (BpDocument *doc,
                                      const char *name,
                                      const char *attributes);
void          bp_document_tag_end    (BpDocument *doc,
                                      const char *name);
/* A leaf element holds marked content: no page may end inside one. */
void          bp_document_leaf_begin (BpDocument *doc,
                                      const char *name,
                                      const char *attributes);
void          bp_document_leaf_end   (BpDocument *doc,
                                      const char *name);

PangoLayout  *bp_document_new_layout    (BpDocument      *doc,
                                         BpDocumentStyle  style,
                                         double           width);
double        bp_document_layout_height (PangoLayout *layout);
void          bp_document_show_layout   (BpDocument  *doc,
                                         PangoLayout *layout,
                                         double       x,
                                         double       y,
                                         guint32      colour);
/* Appends the lines of @layout to @lines. */
void          bp_document_collect_lines (PangoLayout *layout,
                                         GArray      *lines);
/* Draws lines [@first, @last] of a layout with line @first's top at @y. */
void          bp_document_show_lines    (BpDocument           *doc,
                                         const BpDocumentLine *lines,
                                         guint                 first,
                                         guint                 last,
                                         double                x,
                                         double                y,
                                         guint32               colour);

void          bp_document_new_page    (BpDocument *doc);
double        bp_document_body_height (BpDocument *doc);
/* Breaks the page unless @height fits, or the page is still empty
 * (where breaking would only add a blank page). */
void          bp_document_need_space  (BpDocument *doc,
                                       double      height);

/* bp-document-table.c */

void          bp_document_table_free (BpDocumentTable *table);

/* The file a PDF is written to: @path.tmp until the PDF is complete,
 * then renamed into place, so that a failure never leaves a half-written
 * file at @path. */
typedef struct
{
  const char *path; /* borrowed */
  char       *tmp_path;
  int         fd;
  gboolean    committed;
} BpDocumentPdfFile;

/* Creates @path.tmp for writing: done before any layout work, so that an
 * output that cannot be created fails at once.  On failure there is
 * nothing to clear. */
gboolean bp_document_pdf_file_open   (BpDocumentPdfFile  *file,
                                      const char         *path,
                                      GError            **error);
/* Writes @pdf, closes the file and renames it to its path. */
gboolean bp_document_pdf_file_commit (BpDocumentPdfFile  *file,
                                      const GByteArray   *pdf,
                                      GError            **error);
/* Closes the file if it is still open and removes it unless it was
 * committed. */
void     bp_document_pdf_file_clear  (BpDocumentPdfFile  *file);

/* Adds to the PDF that cairo wrote into @pdf what cairo 1.16 cannot
 * write: the document language @language, /MarkInfo, /DisplayDocTitle, a
 * non-negative outline count, and a /Contents for each contents link,
 * from @titles (a section's destination id to its title). */
gboolean bp_document_pdf_add_catalog_entries (GByteArray  *pdf,
                                              const char  *language,
                                              GHashTable  *titles,
                                              GError     **error);

G_END_DECLS
