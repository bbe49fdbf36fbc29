/* bp-print.c: the board pack on paper.
 *
 * The pack is laid out once, by the same composer (bp_pack_build) and
 * layout engine as the PDF, into a cairo recording surface per page;
 * draw-page then replays the page, so that paper, the print preview and
 * the PDF agree page for page. The pages are drawn at full size on the
 * whole sheet (use-full-page): the layout keeps its own margins, wide
 * enough for any printer, and its footer inside them. */
#include <glib/gi18n.h>
#include <stdlib.h>

#include "bp-document.h"
#include "bp-pack.h"
#include "bp-print-preview.h"
#include "bp-print.h"
#include "bp-rules.h"
#include "bp-window.h"

typedef struct
{
  BpPack *pack;
  GPtrArray *pages; /* cairo_surface_t*, one per page */
  char *title;
  GtkWindow *parent;          /* bp_print_pack (): where to report */
  GtkPrintOperationAction action;
  gboolean previewed;
  gboolean reported;
} PrintJob;

static GtkPrintSettings *last_settings;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_pointer (&job->pack, bp_pack_free);
  g_clear_pointer (&job->pages, g_ptr_array_unref);
  g_clear_object (&job->parent);
  g_free (job->title);
  g_free (job);
}

static PrintJob *
print_job (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), "bp-print-job");
}

/* ---------------------------------------------------------- callbacks */

static void
on_request_page_setup_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
                          GtkPageSetup *setup, PrintJob *job)
{
  gboolean landscape;

  if (page_nr < 0 || (guint) page_nr >= job->pages->len)
    return;
  /* The pack's wide tables are on landscape pages: those pages go on
   * landscape paper, the printer turning them as it does any other. */
  landscape = bp_document_page_is_landscape (g_ptr_array_index (job->pages, page_nr));
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
                 PrintJob *job)
{
  if (page_nr < 0 || (guint) page_nr >= job->pages->len)
    return;
  /* On paper of another size or orientation than the page's, the page
   * is scaled (and, if need be, turned) to fit: never cut off. */
  bp_document_draw_page (g_ptr_array_index (job->pages, page_nr),
                         gtk_print_context_get_cairo_context (context),
                         gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context));
}

static void
on_preview_destroy_cb (GtkWidget *window, GtkPrintOperationPreview *preview)
{
  gtk_print_operation_preview_end_preview (preview);
}

static void
unref_preview (gpointer preview, GClosure *closure)
{
  g_object_unref (preview);
}

/* The preview is ours, drawn from the pages already laid out: GTK's
 * own opens the pages in a PDF viewer, which may not be installed (and
 * then nothing at all happens). */
static gboolean
on_preview_cb (GtkPrintOperation *operation, GtkPrintOperationPreview *preview,
               GtkPrintContext *context, GtkWindow *parent, PrintJob *job)
{
  BpPrintPreview *window;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* GTK insists on a cairo context for a preview it does not draw. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  gtk_print_context_set_cairo_context (context, cr, 72.0, 72.0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  job->previewed = TRUE;
  window = bp_print_preview_new (parent ? parent : job->parent, job->title, job->pages);
  g_signal_connect_data (window, "destroy", G_CALLBACK (on_preview_destroy_cb),
                         g_object_ref (preview), unref_preview, 0);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

static void
report_error (PrintJob *job, const char *message)
{
  AdwMessageDialog *dialog;

  job->reported = TRUE;
  if (job->parent == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (job->parent,
                                                       _("Could Not Print the Board Pack"),
                                                       message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, PrintJob *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr (GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      report_error (job, error ? error->message : _("The printing system gave no reason."));
    }
  else
    {
      job->reported = TRUE;
      if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
        {
          g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
          if (job->parent && !job->previewed)
            bp_widget_toast (GTK_WIDGET (job->parent), _("Board pack sent to the printer"));
        }
    }
}

/* --------------------------------------------------------- public API */

GtkPrintOperation *
bp_print_operation_new (BpDb *db, const char *meeting_date, GError **error)
{
  BpPackOptions options = { meeting_date };

  return bp_print_operation_new_for_pack (db, &options, error);
}

GtkPrintOperation *
bp_print_operation_new_for_pack (BpDb *db, const BpPackOptions *options, GError **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) setup = NULL;
  g_autoptr (GtkPaperSize) a4 = NULL;
  g_autoptr (GtkPrintSettings) settings = NULL;
  g_autofree char *basename = NULL;
  BpDocumentInfo info;
  PrintJob *job;

  g_return_val_if_fail (BP_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = g_new0 (PrintJob, 1);
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "bp-print-job", job, print_job_free);

  job->pack = bp_pack_load (db, options, error);
  if (job->pack == NULL)
    return NULL;
  /* The same metadata and footer as the PDF: the footer is on the page. */
  bp_pack_get_document_info (job->pack, &info);
  job->title = g_strdup (info.title);
  job->pages = bp_document_render_pages (&info, bp_pack_build, job->pack, error);
  if (job->pages == NULL)
    return NULL;

  gtk_print_operation_set_job_name (operation, job->title);
  gtk_print_operation_set_n_pages (operation, (int) job->pages->len);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);

  /* The last printer and its options, but this pack's file name. */
  settings = last_settings ? gtk_print_settings_copy (last_settings) : gtk_print_settings_new ();
  /* Translators: the file name (without .pdf) when printing to a file. */
  basename = g_strdup_printf (_("Board pack %s"), bp_pack_get_meeting_date (job->pack));
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_operation_set_print_settings (operation, settings);

  g_signal_connect (operation, "request-page-setup", G_CALLBACK (on_request_page_setup_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect (operation, "preview", G_CALLBACK (on_preview_cb), job);
  return g_steal_pointer (&operation);
}

void
bp_print_pack (GtkWindow *parent, BpDb *db, const char *meeting_date,
               GtkPrintOperationAction action)
{
  BpPackOptions options = { meeting_date };

  bp_print_pack_with_options (parent, db, &options, action);
}

void
bp_print_pack_with_options (GtkWindow *parent, BpDb *db, const BpPackOptions *options,
                            GtkPrintOperationAction action)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (BP_IS_DB (db));
  g_return_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT);

  operation = bp_print_operation_new_for_pack (db, options, &error);
  if (operation == NULL)
    {
      PrintJob reporter = { .parent = parent };

      report_error (&reporter, error->message);
      return;
    }

  job = print_job (operation);
  job->parent = parent ? g_object_ref (parent) : NULL;
  job->action = action;
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), job);

  result = gtk_print_operation_run (operation, action, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !job->reported)
    report_error (job, error ? error->message : _("The printing system gave no reason."));
}

int
bp_print_export_pdf (BpDb *db, const char *meeting_date, const char *path, GError **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (BP_IS_DB (db), 0);
  g_return_val_if_fail (path != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  operation = bp_print_operation_new (db, meeting_date, error);
  if (operation == NULL)
    return 0;
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                     _("Could not print the board pack to “%s”"), path);
      return 0;
    }
  return (int) print_job (operation)->pages->len;
}
