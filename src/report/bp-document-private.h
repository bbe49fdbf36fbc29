/* bp-document-private.h: the PDF's post-processing and the writing of the
 * finished file (bp-document-pdf.c), for the layout engine (bp-document.c). */
#pragma once

#include <glib.h>

#include "bp-document.h"

G_BEGIN_DECLS

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
