/* bp-actions-page.c: the Actions view (to be written). */
#include <glib/gi18n.h>

#include "bp-actions-page.h"

struct _BpActionsPage
{
  BpPage parent_instance;
};

G_DEFINE_FINAL_TYPE (BpActionsPage, bp_actions_page, BP_TYPE_PAGE)

static void
bp_actions_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_ACTIONS_PAGE);
  G_OBJECT_CLASS (bp_actions_page_parent_class)->dispose (object);
}

static void
bp_actions_page_class_init (BpActionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_actions_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-actions-page.ui");
}

static void
bp_actions_page_init (BpActionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
