/* bp-meetings-page.c: the Meetings view. */
#include <glib/gi18n.h>

#include "bp-meetings-page.h"

struct _BpMeetingsPage
{
  BpPage parent_instance;
};

G_DEFINE_FINAL_TYPE (BpMeetingsPage, bp_meetings_page, BP_TYPE_PAGE)

static void
bp_meetings_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_MEETINGS_PAGE);
  G_OBJECT_CLASS (bp_meetings_page_parent_class)->dispose (object);
}

static void
bp_meetings_page_class_init (BpMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_meetings_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-meetings-page.ui");
}

static void
bp_meetings_page_init (BpMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
