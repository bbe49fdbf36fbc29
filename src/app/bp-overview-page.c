/* bp-overview-page.c: the dashboard. Each card is a chart from
 * src/report drawn by a BpChartView, with the chart's summary as text
 * beside it; all of it reloads when the file changes. */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-chart-view.h"
#include "bp-chart.h"
#include "bp-overview-page.h"
#include "bp-query.h"
#include "bp-rules.h"

enum
{
  CARD_DONUT,
  CARD_PRIORITIES,
  CARD_MOVEMENT,
  CARD_RISKS,
  CARD_SCORECARD,
  N_CARDS
};

struct _BpOverviewPage
{
  BpPage parent_instance;

  GtkStack *stack;
  GtkFlowBox *cards;
  BpChartView *views[N_CARDS];
  GtkLabel *texts[N_CARDS];
};

G_DEFINE_FINAL_TYPE (BpOverviewPage, bp_overview_page, BP_TYPE_PAGE)

/* ------------------------------------------------------- chart data */

static void
draw_donut (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  bp_chart_brag_donut (cr, area, data);
}

static void
draw_movement (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  bp_chart_movement (cr, area, data);
}

typedef struct
{
  GPtrArray *risks;
  GPtrArray *bands;
} Risks;

static void
risks_free (gpointer data)
{
  Risks *r = data;

  g_clear_pointer (&r->risks, g_ptr_array_unref);
  g_clear_pointer (&r->bands, g_ptr_array_unref);
  g_free (r);
}

static void
draw_risks (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  Risks *r = data;

  bp_chart_risk_heat_map (cr, area, _("Current"), r->risks, BP_RISK_SCORE_CURRENT, r->bands);
}

static void
set_card (BpOverviewPage *self, guint card, BpDocumentDrawFunc draw, gpointer data,
          GDestroyNotify destroy, const char *title, char *summary)
{
  bp_chart_view_set_draw_func (self->views[card], draw, data, destroy);
  bp_chart_view_set_text (self->views[card], title, summary);
  gtk_label_set_text (self->texts[card], summary);
  g_free (summary);
}

static void
reload (BpPage *page)
{
  BpOverviewPage *self = BP_OVERVIEW_PAGE (page);
  BpDb *db = bp_page_get_db (page);
  g_autoptr (GPtrArray) priorities = NULL;
  g_autofree int *by_priority = NULL;
  BpSummary totals;
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GPtrArray) measures = NULL;
  g_autofree char *today = bp_date_today ();
  BpMovement *movement = NULL;
  BpChartPriorityRows *prio;
  Risks *risks;
  int *counts;
  int *kpi;
  int overdue = 0;

  if (db == NULL)
    return;
  priorities = bp_db_list_priorities (db, NULL);
  if (priorities == NULL || !bp_db_summary (db, today, &totals, NULL) || totals.actions == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "charts");

  counts = g_memdup2 (totals.by_rag, sizeof totals.by_rag);
  overdue = totals.overdue;
  by_priority = bp_db_count_actions_by_priority (db, priorities, NULL);
  prio = bp_chart_priority_rows_new (priorities, by_priority);
  {
    g_autofree char *summary = bp_chart_brag_donut_summary (counts);
    char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%d action is overdue today.",
                                               "%s\n%d actions are overdue today.", overdue),
                                  summary, overdue);

    set_card (self, CARD_DONUT, draw_donut, counts, g_free, _("Actions by BRAG status"), text);
  }
  set_card (self, CARD_PRIORITIES, bp_chart_brag_by_priority_rows, prio,
            (GDestroyNotify) bp_chart_priority_rows_free,
            _("BRAG status by priority area"),
            bp_chart_brag_by_priority_summary (prio->rows, prio->n_rows));

  snapshots = bp_db_list_snapshots (db, NULL);
  if (snapshots && snapshots->len >= 2)
    movement = bp_db_movement (db, ((BpSnapshot *) snapshots->pdata[snapshots->len - 2])->id,
                               ((BpSnapshot *) snapshots->pdata[snapshots->len - 1])->id, NULL);
  set_card (self, CARD_MOVEMENT, draw_movement, movement, (GDestroyNotify) bp_movement_free,
            _("Since the last meeting"), bp_chart_movement_summary (movement));

  risks = g_new0 (Risks, 1);
  risks->risks = bp_db_list_risks (db, NULL);
  risks->bands = bp_db_list_risk_bands (db, NULL);
  if (risks->risks == NULL || risks->bands == NULL)
    {
      risks_free (risks);
      risks = g_new0 (Risks, 1);
      risks->risks = g_ptr_array_new ();
      risks->bands = g_ptr_array_new ();
    }
  set_card (self, CARD_RISKS, draw_risks, risks, risks_free, _("Current risks"),
            bp_chart_risk_heat_map_summary (_("Current"), risks->risks, BP_RISK_SCORE_CURRENT,
                                            risks->bands));

  /* The latest value of each measure against its target. */
  kpi = g_new0 (int, BP_RAG_COUNT);
  measures = bp_db_list_measures (db, NULL);
  for (guint i = 0; measures && i < measures->len; i++)
    {
      BpMeasure *m = measures->pdata[i];
      g_autoptr (GPtrArray) values = bp_db_list_measure_values (db, m->id, NULL);
      BpKpiRag rag = BP_KPI_RAG_NONE;

      for (guint j = values ? values->len : 0; j > 0; j--)
        {
          BpMeasureValue *v = values->pdata[j - 1];

          if (!isnan (v->value))
            {
              rag = bp_kpi_rag (m, v->value);
              break;
            }
        }
      switch (rag)
        {
        case BP_KPI_RAG_GREEN: kpi[BP_RAG_GREEN]++; break;
        case BP_KPI_RAG_AMBER: kpi[BP_RAG_AMBER]++; break;
        case BP_KPI_RAG_RED: kpi[BP_RAG_RED]++; break;
        case BP_KPI_RAG_NONE:
        default: kpi[BP_RAG_NOT_STARTED]++; break;
        }
    }
  {
    char *text = g_strdup_printf (_("Latest value of each measure against its target: "
                                    "%d on target (green), %d within tolerance (amber), "
                                    "%d off target (red), %d with no value or no target."),
                                  kpi[BP_RAG_GREEN], kpi[BP_RAG_AMBER], kpi[BP_RAG_RED],
                                  kpi[BP_RAG_NOT_STARTED]);

    /* Counts only: the scorecard's trends are in its own view. */
    set_card (self, CARD_SCORECARD, NULL, kpi, g_free, _("Scorecard measures"), text);
  }
}

static GtkWidget *
make_card (BpOverviewPage *self, guint index, const char *title, int height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *view = bp_chart_view_new ();
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "overview-card");
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_size_request (view, 320, height);
  gtk_widget_set_visible (view, height > 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_add_css_class (text, "caption");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), text);
  self->views[index] = BP_CHART_VIEW (view);
  self->texts[index] = GTK_LABEL (text);
  return box;
}

static void
bp_overview_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (bp_overview_page_parent_class)->dispose (object);
}

static void
bp_overview_page_class_init (BpOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_overview_page_dispose;
  BP_PAGE_CLASS (klass)->reload = reload;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BpOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BpOverviewPage, cards);
}

static void
bp_overview_page_init (BpOverviewPage *self)
{
  static const struct { const char *title; int height; } cards[N_CARDS] = {
    { N_("Actions by BRAG status"), 220 },
    { N_("BRAG status by priority area"), 260 },
    { N_("Since the last meeting"), 220 },
    { N_("Current risks"), 300 },
    { N_("Scorecard measures"), 0 },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < N_CARDS; i++)
    gtk_flow_box_append (self->cards, make_card (self, i, _(cards[i].title), cards[i].height));
}

const char *
bp_overview_page_get_card_text (BpOverviewPage *self, guint index)
{
  g_return_val_if_fail (BP_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (index < N_CARDS, NULL);
  return gtk_label_get_text (self->texts[index]);
}
