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
bp_document_pdf_add_catalog_entries (GByteArray  *pdf,
                                     const char  *language,
                                     GHashTable  *titles,
                                     GError     **error)
{
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
  if (qpdf_has_error (qpdf))
    goto out;

  if (xref > 0)
    {
      qpdf_oh trailer = qpdf_get_trailer (qpdf);
      g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
      gsize xref_offset;

      update = g_string_new (NULL);
      for (guint i = 0; i < changed->len; i++)
        {
          qpdf_oh object = g_array_index (changed, qpdf_oh, i);
          gsize offset = pdf->len + update->len;

          g_array_append_val (offsets, offset);
          g_string_append_printf (update, "%d %d obj\n%s\nendobj\n",
                                  qpdf_oh_get_object_id (qpdf, object),
                                  qpdf_oh_get_generation (qpdf, object),
                                  qpdf_oh_unparse_resolved (qpdf, object));
        }

      /* One subsection per object; each entry is exactly 20 bytes. */
      xref_offset = pdf->len + update->len;
      g_string_append (update, "xref\n");
      for (guint i = 0; i < changed->len; i++)
        {
          qpdf_oh object = g_array_index (changed, qpdf_oh, i);

          g_string_append_printf (update, "%d 1\n%010" G_GSIZE_FORMAT " %05d n \n",
                                  qpdf_oh_get_object_id (qpdf, object),
                                  g_array_index (offsets, gsize, i),
                                  qpdf_oh_get_generation (qpdf, object));
        }
      qpdf_oh_replace_key (qpdf, trailer, "/Prev", qpdf_oh_new_integer (qpdf, (long long) xref));
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
