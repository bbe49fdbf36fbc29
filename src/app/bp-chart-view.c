/* bp-chart-view.c: the same chart code that draws the PDF, drawn on screen
 * through gtk_snapshot_append_cairo(). */
#include "bp-chart-view.h"

struct _BpChartView
{
  GtkWidget parent_instance;

  BpDocumentDrawFunc draw;
  gpointer data;
  GDestroyNotify destroy;
};

G_DEFINE_FINAL_TYPE (BpChartView, bp_chart_view, GTK_TYPE_WIDGET)

static void
bp_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  BpChartView *self = BP_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->draw == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* The charts draw on white, as on paper; a dark theme keeps them legible. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  self->draw (cr, &(cairo_rectangle_t) { 0, 0, width, height }, self->data);
  cairo_destroy (cr);
}

static void
clear_data (BpChartView *self)
{
  if (self->destroy && self->data)
    self->destroy (self->data);
  self->data = NULL;
  self->destroy = NULL;
  self->draw = NULL;
}

static void
bp_chart_view_finalize (GObject *object)
{
  clear_data (BP_CHART_VIEW (object));
  G_OBJECT_CLASS (bp_chart_view_parent_class)->finalize (object);
}

static void
bp_chart_view_class_init (BpChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bp_chart_view_finalize;
  widget_class->snapshot = bp_chart_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bp_chart_view_init (BpChartView *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
bp_chart_view_new (void)
{
  return g_object_new (BP_TYPE_CHART_VIEW, NULL);
}

void
bp_chart_view_set_draw_func (BpChartView *self, BpDocumentDrawFunc draw, gpointer data,
                             GDestroyNotify destroy)
{
  g_return_if_fail (BP_IS_CHART_VIEW (self));
  clear_data (self);
  self->draw = draw;
  self->data = data;
  self->destroy = destroy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bp_chart_view_set_text (BpChartView *self, const char *title, const char *summary)
{
  g_return_if_fail (BP_IS_CHART_VIEW (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary ? summary : "",
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), summary);
}
