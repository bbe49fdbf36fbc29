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

/* The banner's padding inside its band, and the space below it. */
#define BANNER_PAD 4.0
#define BANNER_GAP 8.0

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
#define BANNER_COLOUR 0x8b0000
#define BANNER_FILL 0xfbe3e3

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

/* What the PDF step must know of the tagging that cairo 1.16 cannot
 * write (see bp-document-tags.c): the artifacts drawn on each page, and
 * the attributes of structure elements. */
typedef enum
{
  BP_ARTIFACT_NONE,        /* tagged content, or nothing declared */
  BP_ARTIFACT_LAYOUT,      /* fills, rules, borders, leaders */
  BP_ARTIFACT_PAGINATION,  /* a table's header row repeated on a later page */
  BP_ARTIFACT_HEADER,      /* the banner at the top of every page */
  BP_ARTIFACT_FOOTER,      /* the running footer */
} BpDocumentArtifactKind;

typedef enum
{
  BP_INK_FILL,
  BP_INK_STROKE,
  BP_INK_TEXT,
} BpDocumentInk;

/* One drawing outside marked content, in drawing order: @gap is the
 * number of marked-content sequences (cairo's leaf elements) the page
 * had before it. */
typedef struct
{
  guint  gap;
  guint8 kind;  /* BpDocumentArtifactKind */
  guint8 ink;   /* BpDocumentInk */
} BpDocumentArtifact;

typedef struct
{
  GArray *artifacts;  /* BpDocumentArtifact */
  guint   n_marked;   /* marked-content sequences cairo writes on the page */
} BpDocumentPageTags;

/* Attributes of the structure element that began @index-th (counted in
 * the order cairo builds its tree, which a depth-first walk of the
 * written tree gives back). */
typedef struct
{
  guint       index;
  char       *type;   /* the element's type, to check the walk against */
  char       *alt;    /* /Alt, or NULL */
  const char *scope;  /* "Column", "Row" or NULL: /A << /O /Table /Scope ... >> */
  char       *lang;   /* /Lang, or NULL */
} BpDocumentElementNote;

typedef struct
{
  GPtrArray *pages;     /* BpDocumentPageTags, one per page */
  GPtrArray *notes;     /* BpDocumentElementNote, by index */
  guint      n_elements;
} BpDocumentTagging;

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
  GHashTable *layouts;        /* "style width alignment text" -> PangoLayout,
                               * kept from pass to pass */
  guint      n_layouts_made;  /* including those not kept, past the limit */
  GPtrArray *spare_layouts;   /* the last ones made past the limit */
  BpDocumentTable *table;

  /* Tagging that the PDF step completes (drawing pass only). */
  BpDocumentTagging *tagging;
  GArray    *open_elements;   /* gboolean per open structure element: has a child */
  guint      page_marked;     /* marked-content sequences on this page so far */
  BpDocumentArtifactKind artifact_kind; /* what is drawn outside marked content now */
  BpDocumentElementNote  next_note;     /* for the next structure element */
  int        heading_level;   /* the last heading's level, 0 before the first */
  PangoLayout *banner;        /* NULL without info->banner */
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

/* Attributes for the next structure element that begins: its /Alt, its
 * table /Scope, its /Lang (each NULL for none). */
void          bp_document_note_next  (BpDocument *doc,
                                      const char *alt,
                                      const char *scope,
                                      const char *lang);
/* Says that something is about to be drawn: outside marked content it is
 * recorded as an artifact of doc->artifact_kind. */
void          bp_document_note_ink   (BpDocument    *doc,
                                      BpDocumentInk  ink);

/* bp-document-tags.c */

BpDocumentTagging *bp_document_tagging_new  (void);
void               bp_document_tagging_free (BpDocumentTagging *tagging);
/* Records a structure tag operation (cairo's order): @begin or an end. */
void               bp_document_tagging_tag  (BpDocument *doc,
                                             const char *name,
                                             gboolean    begin);
/* Sets @text (plain, or with bilingual marks: bp-translate.h) on
 * @layout, the marks removed and the English parts given their language
 * attribute, so that they can be drawn as spans of their own. */
void          bp_document_set_text       (PangoLayout *layout,
                                          const char  *text);
/* Whether @layout holds parts in another language (bp_document_set_text). */
gboolean      bp_document_layout_has_spans (PangoLayout *layout);
/* Draws lines [@first, @last] of @layout, each part in another language
 * in a Span element of its own with its /Lang. */
void          bp_document_show_spans     (BpDocument           *doc,
                                          PangoLayout          *layout,
                                          const BpDocumentLine *lines,
                                          guint                 first,
                                          guint                 last,
                                          double                x,
                                          double                y);

PangoLayout  *bp_document_new_layout    (BpDocument      *doc,
                                         BpDocumentStyle  style,
                                         double           width);
double        bp_document_layout_height (PangoLayout *layout);
/* The layout of @text in @style, @width wide (-1: unwrapped), aligned so,
 * shaped once for the document: the measuring pass lays it out and the
 * drawing passes get the same layout back, lines and all.  Owned by the
 * document; never change it. */
PangoLayout  *bp_document_text_layout   (BpDocument      *doc,
                                         BpDocumentStyle  style,
                                         double           width,
                                         PangoAlignment   alignment,
                                         const char      *text);
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
 * non-negative outline count, a /Contents for each contents link, from
 * @titles (a section's destination id to its title), /Tabs /S, the XMP
 * metadata, and from @tagging the artifacts of each page's content and
 * the attributes of structure elements. */
gboolean bp_document_pdf_add_catalog_entries (GByteArray              *pdf,
                                              const char              *language,
                                              GHashTable              *titles,
                                              const BpDocumentTagging *tagging,
                                              GError                 **error);

/* bp-document-artifacts.c */

/* @content (a page's decoded content stream) with every painting or
 * text-showing object outside marked content enclosed in an /Artifact
 * sequence of the kind @page recorded; NULL when @content cannot be
 * read.  @page may be NULL (every artifact then a plain /Artifact). */
GByteArray *bp_document_mark_artifacts (const guint8             *content,
                                        gsize                     length,
                                        const BpDocumentPageTags *page);

G_END_DECLS
