/* bp-risks-page.c: the Risks view (to be written). */
#include <glib/gi18n.h>

#include "bp-risks-page.h"

struct _BpRisksPage
{
  BpPage parent_instance;
};

G_DEFINE_FINAL_TYPE (BpRisksPage, bp_risks_page, BP_TYPE_PAGE)

static void
bp_risks_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_RISKS_PAGE);
  G_OBJECT_CLASS (bp_risks_page_parent_class)->dispose (object);
}

static void
bp_risks_page_class_init (BpRisksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_risks_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-risks-page.ui");
}

static void
bp_risks_page_init (BpRisksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
