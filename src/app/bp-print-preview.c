/* bp-print-preview.c: the print preview.
 *
 * Each page is replayed from its recording surface, fitted to the window
 * in its own orientation, on white paper: what printing on A4 gives. */
#include <glib/gi18n.h>

#include "bp-document.h"
#include "bp-print-preview.h"

#define PAPER_MARGIN 18.0

struct _BpPrintPreview
{
  AdwWindow parent_instance;

  GPtrArray *pages; /* cairo_surface_t* */
  guint page;

  AdwWindowTitle *window_title;
  GtkLabel *page_label;
  GtkDrawingArea *page_area;
};

G_DEFINE_FINAL_TYPE (BpPrintPreview, bp_print_preview, ADW_TYPE_WINDOW)

static void
draw_page_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  BpPrintPreview *self = data;
  cairo_surface_t *page;
  double page_width, page_height, scale, paper_width, paper_height, x, y;

  if (self->pages == NULL || self->page >= self->pages->len)
    return;
  page = g_ptr_array_index (self->pages, self->page);
  bp_document_page_get_size (page, &page_width, &page_height);
  scale = MIN ((width - 2 * PAPER_MARGIN) / page_width, (height - 2 * PAPER_MARGIN) / page_height);
  if (scale <= 0)
    return;
  paper_width = page_width * scale;
  paper_height = page_height * scale;
  x = (width - paper_width) / 2.0;
  y = (height - paper_height) / 2.0;

  /* The sheet on a shaded desk, lifted off it by a soft edge. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.08);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x + 1, y + 2, paper_width, paper_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, paper_width, paper_height);
  cairo_fill (cr);

  /* A box of the page's own proportions: drawn as it is, not turned. */
  cairo_translate (cr, x, y);
  bp_document_draw_page (page, cr, paper_width, paper_height);
}

static void
update (BpPrintPreview *self)
{
  guint n = self->pages ? self->pages->len : 0;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  gboolean landscape = n > 0 && bp_document_page_is_landscape (g_ptr_array_index (self->pages, self->page));

  /* Translators: the page shown in the print preview, "Page 3 of 44". */
  label = g_strdup_printf (_("Page %u of %u"), n ? self->page + 1 : 0, n);
  gtk_label_set_text (self->page_label, label);
  description = g_strdup_printf ("%s, %s", label, landscape ? _("landscape") : _("portrait"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->page + 1 < n);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

static void
go_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpPrintPreview *self = BP_PRINT_PREVIEW (widget);
  guint n = self->pages ? self->pages->len : 0;

  if (n == 0)
    return;
  if (g_str_equal (name, "preview.previous"))
    bp_print_preview_set_page (self, self->page > 0 ? self->page - 1 : 0);
  else if (g_str_equal (name, "preview.next"))
    bp_print_preview_set_page (self, self->page + 1);
  else if (g_str_equal (name, "preview.first"))
    bp_print_preview_set_page (self, 0);
  else if (g_str_equal (name, "preview.last"))
    bp_print_preview_set_page (self, n - 1);
}

static void
bp_print_preview_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_PRINT_PREVIEW);
  G_OBJECT_CLASS (bp_print_preview_parent_class)->dispose (object);
}

static void
bp_print_preview_finalize (GObject *object)
{
  BpPrintPreview *self = BP_PRINT_PREVIEW (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  G_OBJECT_CLASS (bp_print_preview_parent_class)->finalize (object);
}

static void
bp_print_preview_class_init (BpPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_print_preview_dispose;
  object_class->finalize = bp_print_preview_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, BpPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, BpPrintPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, BpPrintPreview, page_area);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "preview.first", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "preview.last", NULL, go_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "preview.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "preview.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bp_print_preview_init (BpPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->page_area, draw_page_cb, self, NULL);
}

BpPrintPreview *
bp_print_preview_new (GtkWindow *parent, const char *subtitle, GPtrArray *pages)
{
  BpPrintPreview *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (pages != NULL, NULL);

  self = g_object_new (BP_TYPE_PRINT_PREVIEW, "transient-for", parent, NULL);
  self->pages = g_ptr_array_ref (pages);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  update (self);
  return self;
}

guint
bp_print_preview_get_page (BpPrintPreview *self)
{
  g_return_val_if_fail (BP_IS_PRINT_PREVIEW (self), 0);

  return self->page;
}

void
bp_print_preview_set_page (BpPrintPreview *self, guint page)
{
  g_return_if_fail (BP_IS_PRINT_PREVIEW (self));

  if (self->pages == NULL || self->pages->len == 0)
    return;
  page = MIN (page, self->pages->len - 1);
  if (page == self->page)
    return;
  self->page = page;
  update (self);
}
