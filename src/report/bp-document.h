/* bp-document.h: a paginated, tagged PDF document laid out with pango.
 *
 * The board-pack composer writes a document through a build function
 * that bp_document_render_pdf() calls more than once: first to measure
 * (where every section lands and how many pages there are, drawing
 * nothing), then to draw for real, so that the contents page and the
 * "Page N of M" footers carry the right numbers.  The build function
 * must therefore produce the same content every time it is called. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "bp-translate.h"

G_BEGIN_DECLS

typedef struct _BpDocument BpDocument;

/* A4, in PostScript points. */
#define BP_DOCUMENT_A4_WIDTH  595.28
#define BP_DOCUMENT_A4_HEIGHT 841.89

typedef struct
{
  const char *title;      /* document title metadata (shown as window title) */
  const char *author;
  const char *subject;
  const char *keywords;
  const char *creator;    /* NULL for "Boardpack" */
  const char *language;   /* BCP 47 tag for /Lang: NULL for "en-GB", "cy" ... */
  const char *footer;     /* left of every footer: board name and meeting date */
  GDateTime  *created;    /* creation date metadata; NULL for now */
  /* The language of the engine's own fixed text ("Contents", "Page 1 of
   * 9") and of everything built during a render: BP_LANGUAGE_UI (0) for
   * the user's locale. */
  BpLanguage  text_language;
  /* A short line across the head of every page ("DRAFT: the current
   * position, not a snapshot"), bold in dark red, outside the structure
   * tree (a pagination artifact): say it once in the text as well.  NULL
   * for none. */
  const char *banner;
} BpDocumentInfo;

typedef enum
{
  BP_DOCUMENT_ALIGN_START,
  BP_DOCUMENT_ALIGN_CENTRE,
  BP_DOCUMENT_ALIGN_END,
} BpDocumentAlign;

typedef struct
{
  const char      *title;   /* header row text */
  double           width;   /* relative to the other columns' widths */
  BpDocumentAlign  align;
} BpDocumentColumn;

typedef struct
{
  const char *text;   /* plain text, wrapped within the cell; NULL for empty */
  const char *fill;   /* "#rrggbb" background, or NULL; the text colour is
                       * chosen for contrast, so never let fill carry
                       * meaning alone: put the word in @text too */
  gboolean    bold;
  /* BCP 47 tag of @text when it is not in the document's language (an
   * English title in a Welsh pack: "en-GB"); NULL for the document's. */
  const char *lang;
} BpDocumentCell;

typedef void (*BpDocumentBuildFunc) (BpDocument *doc,
                                     gpointer    user_data);

/* Draws a figure inside @area, in points (on a page) or pixels (in the
 * window's BpChartView): the one signature every chart is drawn with. */
typedef void (*BpDocumentDrawFunc) (cairo_t                 *cr,
                                    const cairo_rectangle_t *area,
                                    gpointer                 user_data);

/* Lays out the document that @build writes and saves it as a tagged
 * PDF at @path (through @path.tmp, so a failure never leaves a
 * half-written file at @path). */
gboolean bp_document_render_pdf (const char            *path,
                                 const BpDocumentInfo  *info,
                                 BpDocumentBuildFunc    build,
                                 gpointer               user_data,
                                 GError               **error);

/* Lays out the same document as bp_document_render_pdf() (the same
 * passes, so the same pages) for printing: returns its pages in order,
 * each a cairo recording surface (cairo_surface_t *, freed with the
 * array) whose extents are the page, A4 portrait or landscape, in
 * points.  Structure tags, links and the outline are PDF matters and
 * are left out.  NULL with @error set when cairo fails. */
GPtrArray *bp_document_render_pages (const BpDocumentInfo  *info,
                                     BpDocumentBuildFunc    build,
                                     gpointer               user_data,
                                     GError               **error);
/* The size of a page from bp_document_render_pages(), in points. */
void bp_document_page_get_size (cairo_surface_t *page,
                                double          *width,
                                double          *height);
gboolean bp_document_page_is_landscape (cairo_surface_t *page);
/* Draws @page into the box (0, 0, @width, @height) of @cr (in @cr's
 * user units), as large as fits with its proportions kept, centred.  A
 * page of the other orientation than the box is turned a quarter so
 * that it fills it (a landscape page's top towards the box's left,
 * where a portrait pack is bound); it is never cut off. */
void bp_document_draw_page (cairo_surface_t *page,
                            cairo_t         *cr,
                            double           width,
                            double           height);

/* Starts a section on a new page (or on the current page if nothing is
 * on it yet), in portrait or landscape until the next section, with
 * @title as its level 1 heading, in the outline and in the contents.
 * @id names its destination and must be unique in the document. */
void bp_document_section     (BpDocument *doc,
                              const char *id,
                              const char *title,
                              gboolean    landscape);
/* The contents page: a new page listing every section with its page
 * number, each a link to the section. */
void bp_document_contents    (BpDocument *doc);
/* A level 2 or 3 heading, kept on the same page as what follows it;
 * level 2 headings are also in the outline, under their section. */
void bp_document_heading     (BpDocument *doc,
                              int         level,
                              const char *text);
void bp_document_paragraph   (BpDocument *doc,
                              const char *text);
/* A paragraph in another language than the document's: @lang is its
 * BCP 47 tag ("en-GB"), or NULL for the document's. */
void bp_document_paragraph_lang (BpDocument *doc,
                                 const char *text,
                                 const char *lang);
/* A paragraph in pango markup ("<b>Decision</b> required"). */
void bp_document_paragraph_markup (BpDocument *doc,
                                   const char *markup);
/* A bulleted or numbered list of plain-text items (NULL-terminated). */
void bp_document_list        (BpDocument         *doc,
                              const char * const *items,
                              gboolean            numbered);
/* "Label: value" rows, as a two-column table with the labels as row
 * headers: @pairs is label, value, label, value ..., NULL-terminated. */
void bp_document_key_values  (BpDocument         *doc,
                              const char * const *pairs);
/* The same, with @langs giving the language of each value (one BCP 47
 * tag or NULL per pair, NULL for the document's): @langs may be NULL. */
void bp_document_key_values_lang (BpDocument         *doc,
                                  const char * const *pairs,
                                  const char * const *langs);

/* A table, written a row at a time so that a long one costs no more
 * memory than a row.  It flows across pages with its header row
 * repeated; a row is split only when it alone is taller than a page. */
void bp_document_table_begin (BpDocument             *doc,
                              const BpDocumentColumn *columns,
                              guint                   n_columns);
/* @cells holds as many cells as the table has columns. */
void bp_document_table_row   (BpDocument           *doc,
                              const BpDocumentCell *cells);
void bp_document_table_end   (BpDocument *doc);

/* A figure the full content width wide and @height points high (less
 * if the page is smaller), on a new page if it does not fit, followed
 * by @summary as a paragraph: the text alternative to the picture. */
void bp_document_figure      (BpDocument         *doc,
                              double              height,
                              BpDocumentDrawFunc  draw,
                              gpointer            user_data,
                              const char         *summary);
void bp_document_page_break  (BpDocument *doc);
/* Breaks the page unless @height points are left on it. */
void bp_document_ensure_space (BpDocument *doc,
                               double      height);

/* The space left on the current page and the width of the text block,
 * in points. */
double bp_document_get_remaining_height (BpDocument *doc);
double bp_document_get_content_width    (BpDocument *doc);
/* The current page, from 1. */
int    bp_document_get_page             (BpDocument *doc);

G_END_DECLS
