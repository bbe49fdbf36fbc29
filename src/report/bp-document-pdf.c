/* bp-document-pdf.c: what is done to the PDF cairo wrote, and the
 * writing of the finished file.
 *
 * cairo writes the PDF into memory; qpdf reads it to make what cairo 1.16
 * cannot write (/Lang and friends, appended as an incremental update); the
 * whole is written beside the target and renamed into place, so a failure
 * never leaves a half-written file at the target. */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <qpdf/qpdf-c.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "bp-document-private.h"
#include "bp-error.h"

/* The offset of the last cross-reference section when it is a classic
 * xref table (what cairo 1.16 writes), or 0. */
static gsize
last_xref_table (const GByteArray *pdf)
{
  const char *data = (const char *) pdf->data;
  gsize tail = MIN (pdf->len, 1024);
  gsize offset = 0;
  gsize i;

  if (pdf->len < 9)
    return 0;
  for (i = pdf->len - 9; i + tail >= pdf->len; i--)
    {
      if (memcmp (data + i, "startxref", 9) == 0)
        break;
      if (i == 0)
        return 0;
    }
  if (i + tail < pdf->len)
    return 0;

  for (i += 9; i < pdf->len && g_ascii_isspace (data[i]); i++)
    ;
  for (; i < pdf->len && g_ascii_isdigit (data[i]) && offset < G_MAXSIZE / 10; i++)
    offset = offset * 10 + (gsize) (data[i] - '0');

  if (offset == 0 || offset + 4 > pdf->len || memcmp (data + offset, "xref", 4) != 0)
    return 0;
  return offset;
}

/* Gives each contents link a /Contents naming its section, which is
 * what a screen reader announces for a link (PDF/UA); cairo 1.16 has no
 * way to set it.  Returns the annotations it changed. */
static void
describe_links (qpdf_data   qpdf,
                GHashTable *titles,
                GArray     *changed)
{
  int n_pages = qpdf_get_num_pages (qpdf);

  for (int i = 0; i < n_pages; i++)
    {
      qpdf_oh annots = qpdf_oh_get_key (qpdf, qpdf_get_page_n (qpdf, (size_t) i), "/Annots");
      int n_annots = qpdf_oh_is_array (qpdf, annots) ? qpdf_oh_get_array_n_items (qpdf, annots) : 0;

      for (int j = 0; j < n_annots; j++)
        {
          qpdf_oh annot = qpdf_oh_get_array_item (qpdf, annots, j);
          qpdf_oh dest = qpdf_oh_get_key (qpdf, annot, "/Dest");
          const char *title;

          if (!qpdf_oh_is_indirect (qpdf, annot)
              || qpdf_oh_has_key (qpdf, annot, "/Contents")
              || !qpdf_oh_is_string (qpdf, dest))
            continue;
          title = g_hash_table_lookup (titles, qpdf_oh_get_utf8_value (qpdf, dest));
          if (title == NULL)
            continue;
          qpdf_oh_replace_key (qpdf, annot, "/Contents", qpdf_oh_new_unicode_string (qpdf, title));
          g_array_append_val (changed, annot);
        }
    }
}

/* A stream the update writes: a changed one (its data replaced) or a
 * new one. */
typedef struct
{
  qpdf_oh     object;
  char       *dictionary;  /* the stream dictionary, without /Length */
  GByteArray *data;        /* as written (compressed or not) */
} UpdateStream;

static void
update_stream_clear (gpointer data)
{
  UpdateStream *stream = data;

  g_free (stream->dictionary);
  g_byte_array_unref (stream->data);
}

/* One deflate state for every page: making and freeing zlib's 256 KiB
 * of state per page cost more than compressing the page. */
static GByteArray *
deflate_bytes (z_stream *z, const GByteArray *data)
{
  GByteArray *out = g_byte_array_sized_new ((guint) deflateBound (z, data->len));

  g_byte_array_set_size (out, (guint) deflateBound (z, data->len));
  z->next_in = data->data;
  z->avail_in = data->len;
  z->next_out = out->data;
  z->avail_out = out->len;
  if (deflate (z, Z_FINISH) != Z_STREAM_END)
    {
      deflateReset (z);
      g_byte_array_unref (out);
      return NULL;
    }
  g_byte_array_set_size (out, (guint) z->total_out);
  deflateReset (z);
  return out;
}

/* Gives @stream the data @content, deflated, both in qpdf (for a full
 * rewrite) and in @streams (for the incremental update). */
static gboolean
set_stream (qpdf_data qpdf, GArray *streams, qpdf_oh stream, const GByteArray *content,
            z_stream *z)
{
  gboolean compress = z != NULL;
  UpdateStream update = { stream, NULL, NULL };

  update.data = compress ? deflate_bytes (z, content) : g_byte_array_ref ((GByteArray *) content);
  if (update.data == NULL)
    return FALSE;
  qpdf_oh_replace_stream_data (qpdf, stream, update.data->data, update.data->len,
                               compress ? qpdf_oh_new_name (qpdf, "/FlateDecode")
                                        : qpdf_oh_new_null (qpdf),
                               qpdf_oh_new_null (qpdf));
  update.dictionary = g_strdup (compress ? "/Filter /FlateDecode" : "");
  g_array_append_val (streams, update);
  return TRUE;
}

/* Every page's content with its artifacts marked (bp-document-artifacts.c),
 * and /Tabs /S on the pages with annotations (PDF/UA 28-008: the tab
 * order follows the structure). */
static gboolean
mark_pages (qpdf_data qpdf, const BpDocumentTagging *tagging, GArray *changed, GArray *streams)
{
  int n_pages = qpdf_get_num_pages (qpdf);
  z_stream z = { 0 };
  gboolean ok = FALSE;

  /* Speed over the last few per cent of size (level 3): these are all
   * the pages' contents, written again on every pack. */
  if (deflateInit (&z, 3) != Z_OK)
    return FALSE;
  for (int i = 0; i < n_pages; i++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, (size_t) i);
      qpdf_oh contents = qpdf_oh_get_key (qpdf, page, "/Contents");
      qpdf_oh annots = qpdf_oh_get_key (qpdf, page, "/Annots");
      const BpDocumentPageTags *tags = NULL;
      g_autoptr (GByteArray) marked = NULL;
      unsigned char *data = NULL;
      size_t length = 0;
      gboolean page_changed = FALSE;

      if (tagging != NULL && (guint) i < tagging->pages->len)
        tags = g_ptr_array_index (tagging->pages, i);

      if (qpdf_oh_is_array (qpdf, annots) && qpdf_oh_get_array_n_items (qpdf, annots) > 0
          && !qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, page, "/Tabs"), "/S"))
        {
          qpdf_oh_replace_key (qpdf, page, "/Tabs", qpdf_oh_new_name (qpdf, "/S"));
          page_changed = TRUE;
        }

      if (qpdf_oh_get_page_content_data (qpdf, page, &data, &length) & QPDF_ERRORS)
        goto out;
      marked = bp_document_mark_artifacts (data, length, tags);
      free (data);
      if (marked == NULL)
        goto out;

      /* One stream (what cairo writes) keeps its object; several are
       * replaced by one. */
      if (!qpdf_oh_is_stream (qpdf, contents) || !qpdf_oh_is_indirect (qpdf, contents))
        {
          contents = qpdf_oh_new_stream (qpdf);
          qpdf_oh_replace_key (qpdf, page, "/Contents", contents);
          page_changed = TRUE;
        }
      if (!set_stream (qpdf, streams, contents, marked, &z))
        goto out;
      if (page_changed)
        g_array_append_val (changed, page);
    }
  ok = TRUE;

out:
  deflateEnd (&z);
  return ok;
}

typedef struct
{
  const BpDocumentTagging *tagging;
  guint next_note;
  guint index;
  GArray *changed;
  gboolean ok;
} TreeWalk;

static gboolean
annotate_element (qpdf_data qpdf, qpdf_oh element, const BpDocumentElementNote *note, TreeWalk *walk)
{
  g_autofree char *type = g_strconcat ("/", note->type, NULL);
  qpdf_oh s = qpdf_oh_get_key (qpdf, element, "/S");
  gboolean same = qpdf_oh_is_name_and_equals (qpdf, s, type);

  qpdf_oh_release (qpdf, s);
  /* A tree that is not the one the engine counted: better no attribute
   * than one on the wrong element. */
  if (!same || !qpdf_oh_is_indirect (qpdf, element))
    {
      g_warning ("Structure element %u is not a %s: its attributes are left out", walk->index,
                 note->type);
      walk->ok = FALSE;
      return FALSE;
    }
  if (note->alt != NULL)
    qpdf_oh_replace_key (qpdf, element, "/Alt", qpdf_oh_new_unicode_string (qpdf, note->alt));
  if (note->lang != NULL)
    qpdf_oh_replace_key (qpdf, element, "/Lang", qpdf_oh_new_unicode_string (qpdf, note->lang));
  if (note->scope != NULL)
    {
      g_autofree char *attributes = g_strdup_printf ("<< /O /Table /Scope /%s >>", note->scope);

      qpdf_oh_replace_key (qpdf, element, "/A", qpdf_oh_parse (qpdf, attributes));
    }
  g_array_append_val (walk->changed, element);
  return TRUE;
}

/* Depth first, children in order: the order in which cairo made the
 * elements, which is how the engine numbered its notes.  Handles are
 * given back as soon as they are done with (qpdf keeps every one until
 * then, and a pack's tree has tens of thousands of nodes), except
 * those of the elements changed. */
static void
walk_tree (qpdf_data qpdf, qpdf_oh node, TreeWalk *walk)
{
  gboolean keep = FALSE;

  if (qpdf_oh_is_array (qpdf, node))
    {
      int n = qpdf_oh_get_array_n_items (qpdf, node);

      for (int i = 0; i < n && walk->ok; i++)
        walk_tree (qpdf, qpdf_oh_get_array_item (qpdf, node, i), walk);
    }
  else if (qpdf_oh_is_dictionary (qpdf, node) && qpdf_oh_has_key (qpdf, node, "/S"))
    {
      if (walk->next_note < walk->tagging->notes->len)
        {
          const BpDocumentElementNote *note
              = g_ptr_array_index (walk->tagging->notes, walk->next_note);

          if (note->index == walk->index)
            {
              keep = annotate_element (qpdf, node, note, walk);
              walk->next_note++;
            }
        }
      walk->index++;
      walk_tree (qpdf, qpdf_oh_get_key (qpdf, node, "/K"), walk);
    }
  if (!keep)
    qpdf_oh_release (qpdf, node);
}

static void
annotate_structure (qpdf_data qpdf, qpdf_oh root, const BpDocumentTagging *tagging, GArray *changed)
{
  qpdf_oh tree = qpdf_oh_get_key (qpdf, root, "/StructTreeRoot");
  TreeWalk walk = { tagging, 0, 0, changed, TRUE };

  if (tagging == NULL || tagging->notes->len == 0 || !qpdf_oh_is_dictionary (qpdf, tree))
    return;
  walk_tree (qpdf, qpdf_oh_get_key (qpdf, tree, "/K"), &walk);
  if (walk.ok && walk.index != tagging->n_elements)
    g_warning ("The structure tree has %u elements where the document began %u", walk.index,
               tagging->n_elements);
}

/* "D:20250701093000+01'00'" -> "2025-07-01T09:30:00+01:00"; NULL if it
 * is not a date. */
static char *
xmp_date (const char *pdf_date)
{
  int y, mo = 1, d = 1, h = 0, mi = 0, sec = 0;
  const char *p = pdf_date;
  int n;

  if (p == NULL || strncmp (p, "D:", 2) != 0 || strlen (p) < 6)
    return NULL;
  p += 2;
  n = sscanf (p, "%4d%2d%2d%2d%2d%2d", &y, &mo, &d, &h, &mi, &sec);
  if (n < 1)
    return NULL;
  p += MIN (strlen (p), (size_t) (4 + 2 * (n - 1)));
  if (*p == '+' || *p == '-')
    {
      int zh = 0, zm = 0;

      sscanf (p + 1, "%2d'%2d", &zh, &zm);
      return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d, h, mi, sec,
                              *p, zh, zm);
    }
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, sec);
}

static void
xmp_text (GString *xmp, qpdf_data qpdf, qpdf_oh info, const char *key, const char *element,
          const char *container)
{
  g_autofree char *escaped = NULL;
  const char *value;

  if (!qpdf_oh_is_string (qpdf, qpdf_oh_get_key (qpdf, info, key)))
    return;
  value = qpdf_oh_get_utf8_value (qpdf, qpdf_oh_get_key (qpdf, info, key));
  escaped = g_markup_escape_text (value, -1);
  if (container == NULL)
    g_string_append_printf (xmp, "   <%s>%s</%s>\n", element, escaped, element);
  else if (strcmp (container, "Alt") == 0)
    g_string_append_printf (xmp, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li>"
                            "</rdf:Alt></%s>\n", element, escaped, element);
  else
    g_string_append_printf (xmp, "   <%s><rdf:%s><rdf:li>%s</rdf:li></rdf:%s></%s>\n", element,
                            container, escaped, container, element);
}

/* The XMP metadata PDF/UA requires (06-002, 06-003: pdfuaid:part and
 * dc:title), made from the /Info dictionary cairo wrote so that the two
 * agree. */
static GByteArray *
make_xmp (qpdf_data qpdf, const char *language)
{
  qpdf_oh info = qpdf_oh_get_key (qpdf, qpdf_get_trailer (qpdf), "/Info");
  GString *xmp = g_string_new ("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                               "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                               " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                               "  <rdf:Description rdf:about=\"\"\n"
                               "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                               "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                               "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                               "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                               "   <pdfuaid:part>1</pdfuaid:part>\n");
  g_autofree char *lang = g_markup_escape_text (language, -1);
  static const char *const dates[][2] = {
    { "/CreationDate", "xmp:CreateDate" },
    { "/ModDate", "xmp:ModifyDate" },
  };

  xmp_text (xmp, qpdf, info, "/Title", "dc:title", "Alt");
  xmp_text (xmp, qpdf, info, "/Author", "dc:creator", "Seq");
  xmp_text (xmp, qpdf, info, "/Subject", "dc:description", "Alt");
  g_string_append_printf (xmp, "   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n",
                          lang);
  xmp_text (xmp, qpdf, info, "/Keywords", "pdf:Keywords", NULL);
  xmp_text (xmp, qpdf, info, "/Producer", "pdf:Producer", NULL);
  xmp_text (xmp, qpdf, info, "/Creator", "xmp:CreatorTool", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      qpdf_oh value = qpdf_oh_get_key (qpdf, info, dates[i][0]);
      g_autofree char *date = NULL;

      if (qpdf_oh_is_string (qpdf, value)
          && (date = xmp_date (qpdf_oh_get_utf8_value (qpdf, value))) != NULL)
        g_string_append_printf (xmp, "   <%s>%s</%s>\n", dates[i][1], date, dates[i][1]);
    }
  g_string_append (xmp, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n");
  return g_bytes_unref_to_array (g_string_free_to_bytes (xmp));
}

static gboolean
add_metadata (qpdf_data qpdf, qpdf_oh root, const char *language, GArray *streams)
{
  g_autoptr (GByteArray) xmp = make_xmp (qpdf, language);
  qpdf_oh stream = qpdf_oh_new_stream (qpdf);
  qpdf_oh dictionary = qpdf_oh_get_dict (qpdf, stream);

  qpdf_oh_replace_key (qpdf, dictionary, "/Type", qpdf_oh_new_name (qpdf, "/Metadata"));
  qpdf_oh_replace_key (qpdf, dictionary, "/Subtype", qpdf_oh_new_name (qpdf, "/XML"));
  /* Uncompressed, as XMP is meant to be readable by any tool. */
  if (!set_stream (qpdf, streams, stream, xmp, NULL))
    return FALSE;
  g_free (g_array_index (streams, UpdateStream, streams->len - 1).dictionary);
  g_array_index (streams, UpdateStream, streams->len - 1).dictionary
      = g_strdup ("/Type /Metadata /Subtype /XML");
  qpdf_oh_replace_key (qpdf, root, "/Metadata", stream);
  return TRUE;
}

static void
append_object (GString *update, GArray *offsets, gsize base, int id, int generation)
{
  gsize offset = base + update->len;

  g_array_append_val (offsets, offset);
  g_string_append_printf (update, "%d %d obj\n", id, generation);
}

/* cairo 1.16 cannot write the document language, nor ask viewers to
 * show the title rather than the file name: both are in the
 * accessibility checks councils run on published papers.  qpdf reads
 * what cairo wrote and makes the changed objects; they are appended as
 * an incremental update (ISO 32000-1, 7.5.6) of a few hundred bytes,
 * which costs next to nothing, where having qpdf write the whole file
 * again took half a second for a 100-page pack with its structure
 * tree.  Output that does not end with a classic xref table (not
 * cairo 1.16's) is written again by qpdf instead. */
gboolean
bp_document_pdf_add_catalog_entries (GByteArray              *pdf,
                                     const char              *language,
                                     GHashTable              *titles,
                                     const BpDocumentTagging *tagging,
                                     GError                 **error)
{
  g_autoptr (GArray) streams = g_array_new (FALSE, FALSE, sizeof (UpdateStream));
  qpdf_data qpdf = qpdf_init ();
  g_autoptr(GByteArray) rewritten = NULL;
  g_autoptr(GString) update = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (qpdf_oh));
  qpdf_oh root, mark_info, prefs, outlines;
  gsize xref = last_xref_table (pdf);
  gboolean ok = FALSE;

  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);

  /* qpdf reads @pdf in place: it must not move until qpdf_cleanup (). */
  if (qpdf_read_memory (qpdf, "board pack", (const char *) pdf->data, pdf->len, NULL) & QPDF_ERRORS)
    goto out;

  root = qpdf_get_root (qpdf);
  g_array_append_val (changed, root);
  qpdf_oh_replace_key (qpdf, root, "/Lang", qpdf_oh_new_unicode_string (qpdf, language));

  mark_info = qpdf_oh_get_key (qpdf, root, "/MarkInfo");
  if (!qpdf_oh_is_dictionary (qpdf, mark_info))
    {
      mark_info = qpdf_oh_new_dictionary (qpdf);
      qpdf_oh_replace_key (qpdf, root, "/MarkInfo", mark_info);
    }
  qpdf_oh_replace_key (qpdf, mark_info, "/Marked", qpdf_oh_new_bool (qpdf, QPDF_TRUE));

  prefs = qpdf_oh_get_key (qpdf, root, "/ViewerPreferences");
  if (!qpdf_oh_is_dictionary (qpdf, prefs))
    {
      prefs = qpdf_oh_new_dictionary (qpdf);
      qpdf_oh_replace_key (qpdf, root, "/ViewerPreferences", prefs);
    }
  qpdf_oh_replace_key (qpdf, prefs, "/DisplayDocTitle", qpdf_oh_new_bool (qpdf, QPDF_TRUE));

  /* cairo 1.16 writes the outline root's /Count negative, as if it
   * were a closed item; the root's count must not be negative. */
  outlines = qpdf_oh_get_key (qpdf, root, "/Outlines");
  if (qpdf_oh_is_indirect (qpdf, outlines) && qpdf_oh_is_dictionary (qpdf, outlines))
    {
      qpdf_oh count = qpdf_oh_get_key (qpdf, outlines, "/Count");

      if (qpdf_oh_is_integer (qpdf, count) && qpdf_oh_get_int_value (qpdf, count) < 0)
        {
          qpdf_oh_replace_key (qpdf, outlines, "/Count",
                               qpdf_oh_new_integer (qpdf, -qpdf_oh_get_int_value (qpdf, count)));
          g_array_append_val (changed, outlines);
        }
    }

  describe_links (qpdf, titles, changed);
  annotate_structure (qpdf, root, tagging, changed);
  if (!mark_pages (qpdf, tagging, changed, streams) || !add_metadata (qpdf, root, language, streams))
    goto out;
  if (qpdf_has_error (qpdf))
    goto out;

  if (xref > 0)
    {
      qpdf_oh trailer = qpdf_get_trailer (qpdf);
      g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
      gsize xref_offset;
      int size = 0;

      update = g_string_new (NULL);
      for (guint i = 0; i < changed->len; i++)
        {
          qpdf_oh object = g_array_index (changed, qpdf_oh, i);

          append_object (update, offsets, pdf->len, qpdf_oh_get_object_id (qpdf, object),
                         qpdf_oh_get_generation (qpdf, object));
          g_string_append_printf (update, "%s\nendobj\n", qpdf_oh_unparse_resolved (qpdf, object));
        }
      for (guint i = 0; i < streams->len; i++)
        {
          const UpdateStream *stream = &g_array_index (streams, UpdateStream, i);

          append_object (update, offsets, pdf->len, qpdf_oh_get_object_id (qpdf, stream->object),
                         qpdf_oh_get_generation (qpdf, stream->object));
          g_string_append_printf (update, "<< %s /Length %u >>\nstream\n", stream->dictionary,
                                  stream->data->len);
          g_string_append_len (update, (const char *) stream->data->data, stream->data->len);
          g_string_append (update, "\nendstream\nendobj\n");
          size = MAX (size, qpdf_oh_get_object_id (qpdf, stream->object) + 1);
        }

      /* One subsection per object; each entry is exactly 20 bytes. */
      xref_offset = pdf->len + update->len;
      g_string_append (update, "xref\n");
      for (guint i = 0; i < changed->len + streams->len; i++)
        {
          qpdf_oh object = i < changed->len ? g_array_index (changed, qpdf_oh, i)
                                            : g_array_index (streams, UpdateStream, i - changed->len).object;

          g_string_append_printf (update, "%d 1\n%010" G_GSIZE_FORMAT " %05d n \n",
                                  qpdf_oh_get_object_id (qpdf, object),
                                  g_array_index (offsets, gsize, i),
                                  qpdf_oh_get_generation (qpdf, object));
        }
      qpdf_oh_replace_key (qpdf, trailer, "/Prev", qpdf_oh_new_integer (qpdf, (long long) xref));
      /* New objects (the XMP stream) raise the trailer's /Size. */
      if (size > qpdf_oh_get_int_value (qpdf, qpdf_oh_get_key (qpdf, trailer, "/Size")))
        qpdf_oh_replace_key (qpdf, trailer, "/Size", qpdf_oh_new_integer (qpdf, size));
      g_string_append_printf (update, "trailer\n%s\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                              qpdf_oh_unparse_resolved (qpdf, trailer), xref_offset);
      if (qpdf_has_error (qpdf) || qpdf_oh_get_object_id (qpdf, root) <= 0)
        goto out;
    }
  else
    {
      if (qpdf_init_write_memory (qpdf) & QPDF_ERRORS)
        goto out;
      if (qpdf_write (qpdf) & QPDF_ERRORS)
        goto out;
      rewritten = g_byte_array_sized_new (qpdf_get_buffer_length (qpdf));
      g_byte_array_append (rewritten, qpdf_get_buffer (qpdf), qpdf_get_buffer_length (qpdf));
    }
  ok = TRUE;

out:
  if (!ok)
    {
      qpdf_error e = qpdf_get_error (qpdf);

      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("Could not complete the PDF: %s"),
                   e != NULL ? qpdf_get_error_full_text (qpdf, e) : _("unknown error"));
    }
  qpdf_cleanup (&qpdf);
  for (guint i = 0; i < streams->len; i++)
    update_stream_clear (&g_array_index (streams, UpdateStream, i));

  if (ok && update != NULL)
    g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
  if (ok && rewritten != NULL)
    {
      g_byte_array_set_size (pdf, 0);
      g_byte_array_append (pdf, rewritten->data, rewritten->len);
    }
  return ok;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

gboolean
bp_document_pdf_file_open (BpDocumentPdfFile  *file,
                           const char         *path,
                           GError            **error)
{
  memset (file, 0, sizeof *file);
  file->path = path;
  file->tmp_path = g_strconcat (path, ".tmp", NULL);
  file->fd = g_open (file->tmp_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (file->fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("Cannot create “%s”: %s"),
                   path, g_strerror (saved_errno));
      /* Not ours to remove: it may be another program's. */
      g_clear_pointer (&file->tmp_path, g_free);
      return FALSE;
    }
  return TRUE;
}

gboolean
bp_document_pdf_file_commit (BpDocumentPdfFile  *file,
                             const GByteArray   *pdf,
                             GError            **error)
{
  if (!write_all (file->fd, pdf->data, pdf->len) || !g_close (g_steal_fd (&file->fd), NULL)
      || g_rename (file->tmp_path, file->path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("Cannot write “%s”: %s"),
                   file->path, g_strerror (saved_errno));
      return FALSE;
    }
  file->committed = TRUE;
  return TRUE;
}

void
bp_document_pdf_file_clear (BpDocumentPdfFile *file)
{
  if (file->fd >= 0)
    g_close (g_steal_fd (&file->fd), NULL);
  if (!file->committed && file->tmp_path != NULL)
    g_unlink (file->tmp_path);
  g_clear_pointer (&file->tmp_path, g_free);
}
