/* bp-scorecard-page.c: the Scorecard view (to be written). */
#include <glib/gi18n.h>

#include "bp-scorecard-page.h"

struct _BpScorecardPage
{
  BpPage parent_instance;
};

G_DEFINE_FINAL_TYPE (BpScorecardPage, bp_scorecard_page, BP_TYPE_PAGE)

static void
bp_scorecard_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_SCORECARD_PAGE);
  G_OBJECT_CLASS (bp_scorecard_page_parent_class)->dispose (object);
}

static void
bp_scorecard_page_class_init (BpScorecardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_scorecard_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-scorecard-page.ui");
}

static void
bp_scorecard_page_init (BpScorecardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
