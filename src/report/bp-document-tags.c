/* bp-document-tags.c: what the drawing pass records for the PDF step, and
 * text in more than one language.
 *
 * cairo 1.16 writes structure elements and marked content, but no
 * artifacts, no element attributes (/Alt, /Scope, /Lang) and no language
 * spans.  So while drawing, the engine records
 *
 * - each structure element's attributes, by its place in the order
 *   cairo builds its tree (the order of cairo_tag_begin calls, which a
 *   depth-first walk of the written tree gives back), with its type so
 *   that the PDF step can check that it walks the same tree;
 * - on each page, every drawing made outside marked content with what it
 *   is (a fill, a stroke or text; decoration, pagination, the banner or
 *   the footer) and how many marked-content sequences came before it.
 *   cairo writes marked content only for leaf elements (those with no
 *   child element) and writes it for every one, so counting leaves counts
 *   the BDC ... EMC sequences of the page.
 *
 * Drawing outside marked content is decoration (BP_ARTIFACT_LAYOUT)
 * unless the engine says it is pagination; text there must be pagination
 * (a warning says otherwise).  The PDF step wraps exactly those
 * operators in /Artifact sequences (bp-document-artifacts.c).
 *
 * Bilingual text carries invisible marks around its English half
 * (BP_TR_ENGLISH_BEGIN / _END, bp-translate.h).  bp_document_set_text ()
 * removes them and gives the English part a pango language attribute,
 * which also makes pango end its runs there; inside a tagged element the
 * text is then drawn run by run, each language's runs in a Span of their
 * own, the English one with /Lang en-GB. */
#include <string.h>

#include "bp-document-private.h"

/* The English parts of a layout's text: pairs of byte offsets. */
#define SPANS_KEY "bp-document-spans"

static void
page_tags_free (gpointer data)
{
  BpDocumentPageTags *page = data;

  g_array_unref (page->artifacts);
  g_free (page);
}

static void
note_free (gpointer data)
{
  BpDocumentElementNote *note = data;

  g_free (note->type);
  g_free (note->alt);
  g_free (note->lang);
  g_free (note);
}

BpDocumentTagging *
bp_document_tagging_new (void)
{
  BpDocumentTagging *tagging = g_new0 (BpDocumentTagging, 1);

  tagging->pages = g_ptr_array_new_with_free_func (page_tags_free);
  tagging->notes = g_ptr_array_new_with_free_func (note_free);
  return tagging;
}

void
bp_document_tagging_free (BpDocumentTagging *tagging)
{
  g_ptr_array_unref (tagging->pages);
  g_ptr_array_unref (tagging->notes);
  g_free (tagging);
}

static BpDocumentPageTags *
current_page (BpDocument *doc)
{
  GPtrArray *pages = doc->tagging->pages;

  while (pages->len < (guint) doc->page)
    {
      BpDocumentPageTags *page = g_new0 (BpDocumentPageTags, 1);

      page->artifacts = g_array_new (FALSE, FALSE, sizeof (BpDocumentArtifact));
      g_ptr_array_add (pages, page);
    }
  return g_ptr_array_index (pages, doc->page - 1);
}

static void
clear_next_note (BpDocument *doc)
{
  g_clear_pointer (&doc->next_note.alt, g_free);
  g_clear_pointer (&doc->next_note.lang, g_free);
  doc->next_note.scope = NULL;
}

void
bp_document_note_next (BpDocument *doc, const char *alt, const char *scope, const char *lang)
{
  if (doc->tagging == NULL)
    return;
  clear_next_note (doc);
  doc->next_note.alt = bp_tr_strip_marks (alt);
  doc->next_note.scope = scope;
  doc->next_note.lang = g_strdup (lang);
}

void
bp_document_tagging_tag (BpDocument *doc, const char *name, gboolean begin)
{
  BpDocumentTagging *tagging = doc->tagging;

  /* Destinations are not structure elements. */
  if (tagging == NULL || strcmp (name, CAIRO_TAG_DEST) == 0)
    return;

  if (begin)
    {
      gboolean has_child = FALSE;

      if (doc->open_elements->len > 0)
        g_array_index (doc->open_elements, gboolean, doc->open_elements->len - 1) = TRUE;
      g_array_append_val (doc->open_elements, has_child);

      if (doc->next_note.alt != NULL || doc->next_note.scope != NULL
          || doc->next_note.lang != NULL)
        {
          BpDocumentElementNote *note = g_new0 (BpDocumentElementNote, 1);

          note->index = tagging->n_elements;
          note->type = g_strdup (name);
          note->alt = g_steal_pointer (&doc->next_note.alt);
          note->scope = doc->next_note.scope;
          note->lang = g_steal_pointer (&doc->next_note.lang);
          g_ptr_array_add (tagging->notes, note);
        }
      clear_next_note (doc);
      tagging->n_elements++;
    }
  else
    {
      guint n = doc->open_elements->len;

      g_assert (n > 0);
      /* A leaf: cairo gave it one marked-content sequence on this page. */
      if (!g_array_index (doc->open_elements, gboolean, n - 1))
        current_page (doc)->n_marked = ++doc->page_marked;
      g_array_set_size (doc->open_elements, n - 1);
    }
}

void
bp_document_note_ink (BpDocument *doc, BpDocumentInk ink)
{
  BpDocumentArtifact artifact;

  if (doc->tagging == NULL || doc->open_leaves > 0)
    return;
  /* Drawn outside any tagged element: only ever decoration (the
   * default) or pagination, which the engine must say; text that is
   * neither would be hidden from screen readers. */
  if (doc->artifact_kind == BP_ARTIFACT_NONE
      || (ink == BP_INK_TEXT && doc->artifact_kind == BP_ARTIFACT_LAYOUT))
    g_warning ("Text drawn on page %d outside any structure element", doc->page);
  artifact.gap = doc->page_marked;
  artifact.kind = (guint8) doc->artifact_kind;
  artifact.ink = (guint8) ink;
  g_array_append_val (current_page (doc)->artifacts, artifact);
}

/* Text in more than one language */

void
bp_document_set_text (PangoLayout *layout, const char *text)
{
  PangoAttrList *attributes = pango_attr_list_new ();
  g_autoptr (GArray) spans = NULL;
  GString *plain;
  const char *p = text;

  /* Words break only between words: pango 1.50 would otherwise put a
   * hyphen where it has to break a word too long for its column. */
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));

  if (strstr (text, BP_TR_ENGLISH_BEGIN) == NULL)
    {
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
      g_object_set_data (G_OBJECT (layout), SPANS_KEY, NULL);
      return;
    }

  plain = g_string_sized_new (strlen (text));
  spans = g_array_new (FALSE, FALSE, sizeof (guint));
  while (*p != '\0')
    {
      const char *begin = strstr (p, BP_TR_ENGLISH_BEGIN);
      const char *end;
      const char *english;
      guint start, stop;

      if (begin == NULL)
        {
          g_string_append (plain, p);
          break;
        }
      /* The separator (" / " or a new line) after the mark is in the
       * document's language; the English starts after it. */
      g_string_append_len (plain, p, begin - p);
      english = begin + strlen (BP_TR_ENGLISH_BEGIN);
      while (*english == ' ' || *english == '/' || *english == '\n')
        g_string_append_c (plain, *english++);
      end = strstr (english, BP_TR_ENGLISH_END);
      if (end == NULL)
        end = english + strlen (english);
      start = (guint) plain->len;
      g_string_append_len (plain, english, end - english);
      stop = (guint) plain->len;
      if (stop > start)
        {
          PangoAttribute *language
              = pango_attr_language_new (pango_language_from_string ("en-gb"));

          language->start_index = start;
          language->end_index = stop;
          pango_attr_list_insert (attributes, language);
          g_array_append_val (spans, start);
          g_array_append_val (spans, stop);
        }
      p = *end != '\0' ? end + strlen (BP_TR_ENGLISH_END) : end;
    }

  pango_layout_set_text (layout, plain->str, (int) plain->len);
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  g_string_free (plain, TRUE);
  g_object_set_data_full (G_OBJECT (layout), SPANS_KEY,
                          spans->len > 0 ? g_steal_pointer (&spans) : NULL,
                          (GDestroyNotify) g_array_unref);
}

gboolean
bp_document_layout_has_spans (PangoLayout *layout)
{
  return g_object_get_data (G_OBJECT (layout), SPANS_KEY) != NULL;
}

static gboolean
in_english (const GArray *spans, int offset)
{
  for (guint i = 0; i + 1 < spans->len; i += 2)
    if ((guint) offset >= g_array_index (spans, guint, i)
        && (guint) offset < g_array_index (spans, guint, i + 1))
      return TRUE;
  return FALSE;
}

void
bp_document_show_spans (BpDocument *doc, PangoLayout *layout, const BpDocumentLine *lines,
                        guint first, guint last, double x, double y)
{
  const GArray *spans = g_object_get_data (G_OBJECT (layout), SPANS_KEY);
  const char *text = pango_layout_get_text (layout);
  int open = -1; /* the language of the open Span: 0 the document's, 1 English */

  for (guint i = first; i <= last; i++)
    {
      double baseline = y - lines[first].top + lines[i].baseline;
      int run_x = 0;

      for (GSList *l = lines[i].line->runs; l != NULL; l = l->next)
        {
          PangoGlyphItem *run = l->data;
          int english = spans != NULL && in_english (spans, run->item->offset);

          if (english != open)
            {
              if (open >= 0)
                bp_document_leaf_end (doc, "Span");
              if (english)
                bp_document_note_next (doc, NULL, NULL, "en-GB");
              bp_document_leaf_begin (doc, "Span", NULL);
              open = english;
            }
          cairo_move_to (doc->cr, x + lines[i].x + pango_units_to_double (run_x), baseline);
          pango_cairo_show_glyph_item (doc->cr, text, run);
          run_x += pango_glyph_string_get_width (run->glyphs);
        }
    }
  if (open >= 0)
    bp_document_leaf_end (doc, "Span");
}
