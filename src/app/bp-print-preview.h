/* bp-print-preview.h: the print preview: the pages a print operation
 * laid out, one at a time, as they will print. It needs no other
 * program (GTK's own preview opens a PDF viewer, which may be missing). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BP_TYPE_PRINT_PREVIEW (bp_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (BpPrintPreview, bp_print_preview, BP, PRINT_PREVIEW, AdwWindow)

/* A preview of @pages (recording surfaces from bp_document_render_pages(),
 * kept), titled @subtitle, over @parent. */
BpPrintPreview *bp_print_preview_new (GtkWindow *parent, const char *subtitle, GPtrArray *pages);

/* The page shown, from 0, and the way to show another (clamped). */
guint bp_print_preview_get_page (BpPrintPreview *self);
void bp_print_preview_set_page (BpPrintPreview *self, guint page);

G_END_DECLS
