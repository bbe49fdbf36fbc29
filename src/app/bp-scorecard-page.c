/* bp-scorecard-page.c: the Scorecard view.
 *
 * A grid, rebuilt at each reload: one row per measure, one column per
 * period (every period label any measure has, in order of its end date).
 * Each cell has the value in the measure's unit and its RAG as a letter
 * on the RAG's colour; a period without a value says so. Under the grid,
 * the trend chart of one measure, drawn by the report's code.
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-chart-view.h"
#include "bp-chart.h"
#include "bp-colours.h"
#include "bp-db-scorecard.h"
#include "bp-query.h"
#include "bp-risk-editor.h"
#include "bp-rules.h"
#include "bp-scorecard-page.h"
#include "bp-window.h"

typedef struct
{
  char *label; /* "Sep-24" */
  char *end;   /* its end date; the earliest when measures disagree */
} Period;

struct _BpScorecardPage
{
  BpPage parent_instance;

  GtkStack *stack;
  GtkLabel *heading;
  GtkScrolledWindow *page_scroller;
  GtkScrolledWindow *grid_scroller;
  GtkGrid *measure_grid; /* the measures' names, which do not scroll */
  GtkGrid *grid;         /* targets, values, directions */
  GtkDropDown *trend_measure;
  BpChartView *trend_view;
  GtkLabel *trend_text;

  GPtrArray *measures; /* BpMeasure*, in scorecard order */
  GPtrArray *values;   /* per measure, a GPtrArray of BpMeasureValue* */
  GPtrArray *periods;  /* Period* */
  GHashTable *directions; /* measure ref -> direction word */
  gint64 trend_id;        /* the measure whose trend is shown */
  gboolean pin_latest;    /* the values are kept scrolled to the latest period */
  gboolean pinning;
  double last_upper;      /* the values' width and visible width, as last laid out */
  double last_page;
  guint pin_id;
  gboolean filling;       /* the drop-down is being refilled */
};

G_DEFINE_FINAL_TYPE (BpScorecardPage, bp_scorecard_page, BP_TYPE_PAGE)

/* ------------------------------------------------------------ helpers */

static void
period_free (gpointer data)
{
  Period *p = data;

  g_free (p->label);
  g_free (p->end);
  g_free (p);
}

static int
period_compare (gconstpointer a, gconstpointer b)
{
  const Period *pa = *(const Period *const *) a;
  const Period *pb = *(const Period *const *) b;
  int c = g_strcmp0 (pa->end, pb->end);

  return c ? c : g_strcmp0 (pa->label, pb->label);
}

/* The name a measure goes by in the grid's widget names and in tests. */
static char *
measure_key (const BpMeasure *m)
{
  if (m->ref && *m->ref)
    return g_strdup (m->ref);
  return g_strdup_printf ("M%" G_GINT64_FORMAT, m->id);
}

static char *
measure_name (const BpMeasure *m)
{
  if (m->ref && *m->ref)
    return g_strdup_printf ("%s %s", m->ref, m->title);
  return g_strdup (m->title);
}

static char
kpi_letter (BpKpiRag rag)
{
  switch (rag)
    {
    case BP_KPI_RAG_RED: return 'R';
    case BP_KPI_RAG_AMBER: return 'A';
    case BP_KPI_RAG_GREEN: return 'G';
    case BP_KPI_RAG_NONE:
    default: return 0;
    }
}

/* "≥ 95%", "≤ 0", "35% ± 10%": the target as the polarity reads it. */
static char *
target_text (const BpMeasure *m)
{
  g_autofree char *target = NULL;

  if (isnan (m->target))
    return g_strdup (_("No target"));
  target = bp_chart_format_value (m, m->target);
  switch (m->polarity)
    {
    case BP_POLARITY_LOWER:
      return g_strdup_printf ("≤ %s", target);
    case BP_POLARITY_TARGET:
      if (!isnan (m->tolerance))
        {
          g_autofree char *tolerance = bp_chart_format_value (m, fabs (m->tolerance));

          return g_strdup_printf ("%s ± %s", target, tolerance);
        }
      return g_steal_pointer (&target);
    case BP_POLARITY_HIGHER:
    default:
      return g_strdup_printf ("≥ %s", target);
    }
}

static const BpMeasureValue *
value_for (GPtrArray *values, const char *period)
{
  for (guint i = 0; values && i < values->len; i++)
    {
      const BpMeasureValue *v = values->pdata[i];

      if (g_strcmp0 (v->period, period) == 0)
        return v;
    }
  return NULL;
}

/* The latest two values (in period order), for the direction. */
static gboolean
latest_two (GPtrArray *values, const BpMeasureValue **out_previous,
            const BpMeasureValue **out_latest)
{
  const BpMeasureValue *latest = NULL;

  for (guint i = values ? values->len : 0; i > 0; i--)
    {
      const BpMeasureValue *v = values->pdata[i - 1];

      if (isnan (v->value))
        continue;
      if (latest == NULL)
        latest = v;
      else
        {
          *out_previous = v;
          *out_latest = latest;
          return TRUE;
        }
    }
  *out_previous = NULL;
  *out_latest = latest;
  return FALSE;
}

static GtkWidget *
header_label (const char *text, float xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* --------------------------------------------------------------- trend */

typedef struct
{
  GPtrArray *measures; /* holds measure */
  const BpMeasure *measure;
  GPtrArray *values;
} Trend;

static void
trend_free (gpointer data)
{
  Trend *t = data;

  g_clear_pointer (&t->measures, g_ptr_array_unref);
  g_clear_pointer (&t->values, g_ptr_array_unref);
  g_free (t);
}

static void
draw_trend (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  Trend *t = data;

  bp_chart_kpi_trend (cr, area, t->measure, t->values);
}

static void
update_trend (BpScorecardPage *self)
{
  guint index = G_MAXUINT;
  Trend *trend;
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < self->measures->len; i++)
    if (((BpMeasure *) self->measures->pdata[i])->id == self->trend_id)
      index = i;
  if (index == G_MAXUINT)
    {
      bp_chart_view_set_draw_func (self->trend_view, NULL, NULL, NULL);
      bp_chart_view_set_text (self->trend_view, _("Trend"), NULL);
      gtk_label_set_text (self->trend_text, "");
      return;
    }
  trend = g_new0 (Trend, 1);
  trend->measures = g_ptr_array_ref (self->measures);
  trend->measure = self->measures->pdata[index];
  trend->values = g_ptr_array_ref (self->values->pdata[index]);
  summary = bp_chart_kpi_trend_summary (trend->measure, trend->values);
  title = g_strdup_printf (_("Trend of %s"), trend->measure->title);
  bp_chart_view_set_draw_func (self->trend_view, draw_trend, trend, trend_free);
  bp_chart_view_set_text (self->trend_view, title, summary);
  gtk_label_set_text (self->trend_text, summary);

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->trend_measure, index);
  self->filling = FALSE;

  /* The selected measure's title is shown pressed in the grid. */
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->measure_grid)); c;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_TOGGLE_BUTTON (c))
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (c),
                                    GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (c), "bp-id"))
                                      == (gsize) self->trend_id);
}

/* The chosen measure's name is cut short rather than widen the page; the
 * list shows each name whole. */
static void
setup_measure_label_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_measure_label_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (name));
}

static GtkListItemFactory *
measure_label_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_measure_label_cb),
                    GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_measure_label_cb), NULL);
  return factory;
}

static void
on_trend_selected_cb (BpScorecardPage *self, GParamSpec *pspec, GtkDropDown *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->filling || selected >= self->measures->len)
    return;
  self->trend_id = ((BpMeasure *) self->measures->pdata[selected])->id;
  update_trend (self);
}

/* ---------------------------------------------------------------- grid */

static GtkWidget *
make_cell (const BpMeasure *m, const char *key, const Period *period, const BpMeasureValue *v)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *box_name = g_strdup_printf ("cell:%s:%s", key, period->label);
  g_autofree char *value_name = g_strdup_printf ("value:%s:%s", key, period->label);
  g_autofree char *rag_name = g_strdup_printf ("rag:%s:%s", key, period->label);
  GtkWidget *value_label;

  gtk_widget_set_name (box, box_name);
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (v == NULL || isnan (v->value))
    {
      g_autofree char *a11y = g_strdup_printf (_("%s: no value"), period->label);

      value_label = gtk_label_new ("—");
      gtk_widget_add_css_class (value_label, "dim-label");
      gtk_widget_set_tooltip_text (value_label, v && v->note ? v->note : _("No value"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (value_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      a11y, -1);
    }
  else
    {
      g_autofree char *text = bp_chart_format_value (m, v->value);
      BpKpiRag rag = bp_kpi_rag (m, v->value);
      char letter = kpi_letter (rag);
      g_autofree char *a11y = NULL;

      value_label = gtk_label_new (text);
      if (v->note)
        gtk_widget_set_tooltip_text (value_label, v->note);
      if (letter)
        {
          char letter_text[2] = { letter, 0 };
          GtkWidget *chip = gtk_label_new (letter_text);
          g_autofree char *colour = bp_colours_to_string (bp_colours_kpi_rag (rag));

          gtk_widget_set_name (chip, rag_name);
          gtk_widget_set_tooltip_text (chip, bp_kpi_rag_label (rag));
          bp_risk_editor_paint_chip (chip, colour);
          /* The value's label says it all: the chip is read once. */
          gtk_accessible_update_state (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                       -1);
          gtk_box_append (GTK_BOX (box), chip);
          a11y = g_strdup_printf (_("%s: %s, %s"), period->label, text, bp_kpi_rag_label (rag));
        }
      else
        a11y = g_strdup_printf (_("%s: %s, no RAG"), period->label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (value_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      a11y, -1);
    }
  gtk_widget_set_name (value_label, value_name);
  gtk_label_set_width_chars (GTK_LABEL (value_label), 6);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1);
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_box_append (GTK_BOX (box), value_label);
  return box;
}

static const char *
direction_word (const BpMeasure *m, GPtrArray *values, char **out_tooltip, double *out_delta)
{
  const BpMeasureValue *previous, *latest;
  BpDirection direction;

  *out_tooltip = NULL;
  *out_delta = 0;
  if (!latest_two (values, &previous, &latest))
    return bp_direction_label (BP_DIRECTION_NONE);
  direction = bp_kpi_direction (m, previous->value, latest->value);
  *out_delta = latest->value - previous->value;
  *out_tooltip = g_strdup_printf (_("%s against %s"), latest->period, previous->period);
  return bp_direction_label (direction);
}

/* Two grids side by side, so that the names stay while the values scroll:
 * a size group per row keeps each row's height the same in both. */
static void
build_grid (BpScorecardPage *self)
{
  GtkWidget *child;
  guint n_periods = self->periods->len;
  int col_direction = 1 + n_periods;
  int row = 0;
  g_autoptr (GtkSizeGroup) header = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->measure_grid))))
    gtk_grid_remove (self->measure_grid, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->directions);

  child = header_label (_("Measure"), 0);
  gtk_size_group_add_widget (header, child);
  gtk_grid_attach (self->measure_grid, child, 0, row, 1, 1);
  child = header_label (_("Target"), 1);
  gtk_size_group_add_widget (header, child);
  gtk_grid_attach (self->grid, child, 0, row, 1, 1);
  for (guint p = 0; p < n_periods; p++)
    {
      const Period *period = self->periods->pdata[p];
      GtkWidget *label = header_label (period->label, 1);
      g_autofree char *end = bp_date_format_uk (period->end);
      g_autofree char *tip = g_strdup_printf (_("Period ending %s"), end);

      gtk_widget_set_tooltip_text (label, tip);
      gtk_grid_attach (self->grid, label, 1 + p, row, 1, 1);
    }
  gtk_grid_attach (self->grid, header_label (_("Direction"), 0), col_direction, row, 1, 1);
  row++;

  for (guint i = 0; i < self->measures->len; i++)
    {
      const BpMeasure *m = self->measures->pdata[i];
      GPtrArray *values = self->values->pdata[i];
      g_autoptr (GtkSizeGroup) same_height = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
      g_autofree char *key = measure_key (m);
      g_autofree char *name = measure_name (m);
      g_autofree char *escaped = g_markup_escape_text (m->title, -1);
      g_autofree char *markup = m->ref && *m->ref
                                  ? g_markup_printf_escaped (
                                      "%s  <span weight=\"normal\">%s</span>", m->ref, m->title)
                                  : g_strdup_printf ("<span weight=\"normal\">%s</span>", escaped);
      g_autofree char *button_name = g_strdup_printf ("measure:%s", key);
      g_autofree char *edit_name = g_strdup_printf ("edit:%s", key);
      g_autofree char *edit_tip = g_strdup_printf (_("Edit measure %s"), name);
      g_autofree char *trend_tip = g_strdup_printf (_("%s\nSelect to show its trend"), name);
      g_autofree char *target = target_text (m);
      g_autofree char *direction_tip = NULL;
      g_autofree char *direction_text = NULL;
      g_autofree char *direction_name = g_strdup_printf ("direction:%s", key);
      const char *word;
      double delta;
      GtkWidget *label, *button, *edit, *target_label, *direction;

      gtk_grid_attach (self->measure_grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row,
                       1, 1);
      gtk_grid_attach (self->grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row,
                       col_direction + 2, 1);
      row++;

      button = gtk_toggle_button_new ();
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      /* At most two lines, so that a row is as high on both sides at any
       * width (wrapping text in a size group is measured unwrapped). */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_name (button, button_name);
      gtk_widget_set_tooltip_text (button, trend_tip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "scorecard.show-trend");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", m->id);
      g_object_set_data (G_OBJECT (button), "bp-id", GSIZE_TO_POINTER ((gsize) m->id));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_size_group_add_widget (same_height, button);
      gtk_grid_attach (self->measure_grid, button, 0, row, 1, 1);

      target_label = gtk_label_new (target);
      gtk_label_set_xalign (GTK_LABEL (target_label), 1);
      gtk_widget_add_css_class (target_label, "dim-label");
      gtk_widget_add_css_class (target_label, "numeric");
      gtk_size_group_add_widget (same_height, target_label);
      gtk_grid_attach (self->grid, target_label, 0, row, 1, 1);

      for (guint p = 0; p < n_periods; p++)
        {
          const Period *period = self->periods->pdata[p];

          const BpMeasureValue *v = value_for (values, period->label);

          gtk_grid_attach (self->grid, make_cell (m, key, period, v), 1 + p, row, 1, 1);
        }

      word = direction_word (m, values, &direction_tip, &delta);
      g_hash_table_insert (self->directions, g_strdup (key), (gpointer) word);
      /* The arrow is the value's movement; the word is the judgement. */
      if (direction_tip == NULL)
        direction_text = g_strdup ("—");
      else
        direction_text = g_strdup_printf ("%s %s", delta > 0 ? "↑" : delta < 0 ? "↓" : "→", word);
      direction = gtk_label_new (direction_text);
      gtk_widget_set_name (direction, direction_name);
      gtk_label_set_xalign (GTK_LABEL (direction), 0);
      gtk_widget_set_tooltip_text (direction, direction_tip ? direction_tip : word);
      if (direction_tip)
        {
          g_autofree char *a11y = g_strdup_printf ("%s, %s", word, direction_tip);

          gtk_accessible_update_property (GTK_ACCESSIBLE (direction),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
        }
      gtk_grid_attach (self->grid, direction, col_direction, row, 1, 1);

      edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_name (edit, edit_name);
      gtk_widget_set_tooltip_text (edit, edit_tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      edit_tip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "scorecard.edit-measure");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", m->id);
      gtk_grid_attach (self->grid, edit, col_direction + 1, row, 1, 1);
      row++;
    }
}

/* The grid scrolls sideways on its own when the window is narrow, but a
 * scrolled window takes every wheel event over it, vertical ones too:
 * those scroll the page, as they do everywhere else on it. */
static gboolean
on_grid_scroll_cb (GtkEventControllerScroll *controller, double dx, double dy,
                   BpScorecardPage *self)
{
  GtkEventController *ec = GTK_EVENT_CONTROLLER (controller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->page_scroller);
  double step;

  if (dy == 0 || fabs (dx) > fabs (dy)
      || (gtk_event_controller_get_current_event_state (ec) & GDK_SHIFT_MASK))
    return GDK_EVENT_PROPAGATE;
  /* A wheel's click scrolls as far as GtkScrolledWindow would scroll it. */
  step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
           ? pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0)
           : 1.0;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return GDK_EVENT_STOP;
}

/* Boards read the latest period first: when the values are wider than
 * the window, they stay scrolled to the latest period, through resizes and
 * reloads, until someone scrolls them back. */
static gboolean
pin_latest_idle_cb (gpointer data)
{
  BpScorecardPage *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->grid_scroller);
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  self->pin_id = 0;
  if (self->pin_latest && upper > page)
    {
      self->pinning = TRUE;
      gtk_adjustment_set_value (adjustment, upper - page);
      self->pinning = FALSE;
    }
  return G_SOURCE_REMOVE;
}

static void
on_grid_adjustment_changed_cb (BpScorecardPage *self, GtkAdjustment *adjustment)
{
  self->last_upper = gtk_adjustment_get_upper (adjustment);
  self->last_page = gtk_adjustment_get_page_size (adjustment);
  /* Not now: this is the viewport laying out, which would not see it. */
  if (self->pin_latest && self->pin_id == 0)
    self->pin_id = g_idle_add (pin_latest_idle_cb, self);
}

static void
on_grid_value_changed_cb (BpScorecardPage *self, GtkAdjustment *adjustment)
{
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  /* Only a scroll moves the pin, not the layout changing under it. */
  if (self->pinning || upper != self->last_upper || page != self->last_page)
    return;
  self->pin_latest = gtk_adjustment_get_value (adjustment) >= upper - page - 1;
}

/* ---------------------------------------------------------------- load */

static void
reload (BpPage *page)
{
  BpScorecardPage *self = BP_SCORECARD_PAGE (page);
  BpDb *db = bp_page_get_db (page);
  g_autoptr (GHashTable) ends = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gboolean found = FALSE;

  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_ptr_array_set_size (self->periods, 0);
  if (db)
    self->measures = bp_db_list_measures (db, NULL);
  if (self->measures == NULL)
    self->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_measure_free);
  self->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < self->measures->len; i++)
    {
      BpMeasure *m = self->measures->pdata[i];
      GPtrArray *values = bp_db_list_measure_values (db, m->id, NULL);

      if (values == NULL)
        values = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_measure_value_free);
      g_ptr_array_add (self->values, values);
      for (guint j = 0; j < values->len; j++)
        {
          BpMeasureValue *v = values->pdata[j];
          Period *period = g_hash_table_lookup (ends, v->period);

          if (period == NULL)
            {
              period = g_new0 (Period, 1);
              period->label = g_strdup (v->period);
              period->end = g_strdup (v->period_end);
              g_hash_table_insert (ends, period->label, period);
              g_ptr_array_add (self->periods, period);
            }
          else if (g_strcmp0 (v->period_end, period->end) < 0)
            {
              g_free (period->end);
              period->end = g_strdup (v->period_end);
            }
        }
      {
        g_autofree char *name = measure_name (m);

        gtk_string_list_append (names, name);
      }
      found |= m->id == self->trend_id;
    }
  g_ptr_array_sort (self->periods, period_compare);

  build_grid (self);
  self->pin_latest = TRUE;
  self->filling = TRUE;
  gtk_drop_down_set_model (self->trend_measure, G_LIST_MODEL (names));
  self->filling = FALSE;
  if (!found)
    self->trend_id = self->measures->len ? ((BpMeasure *) self->measures->pdata[0])->id : 0;
  update_trend (self);

  {
    g_autofree char *heading =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Scorecard: %u measure, %u periods",
                                    "Scorecard: %u measures, %u periods", self->measures->len),
                       self->measures->len, self->periods->len);

    gtk_label_set_text (self->heading, heading);
  }
  gtk_stack_set_visible_child_name (self->stack, self->measures->len ? "scorecard" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecard.new-measure",
                                 db && !bp_db_is_read_only (db));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecard.add-period",
                                 db && !bp_db_is_read_only (db) && self->measures->len > 0);
}

/* ---------------------------------------------------------- add period */

typedef struct
{
  BpScorecardPage *page; /* weak */
  BpDb *db;
  GPtrArray *measures;   /* as when the dialog opened */
  GPtrArray *values;
  AdwMessageDialog *dialog;
  AdwEntryRow *label_row;
  GtkWidget *label_error_row;
  GtkLabel *label_error;
  AdwEntryRow *end_row;
  GtkWidget *end_error_row;
  GtkLabel *end_error;
  GPtrArray *entries;     /* GtkEntry*, one per measure */
  GPtrArray *error_rows;  /* the error row under each */
  GtkLabel *values_error; /* "enter at least one value" */
  char *filled_end;       /* the end date filled in from the label */
} PeriodDialog;

static void
period_dialog_free (gpointer data)
{
  PeriodDialog *pd = data;

  g_clear_weak_pointer (&pd->page);
  g_clear_object (&pd->db);
  g_clear_pointer (&pd->measures, g_ptr_array_unref);
  g_clear_pointer (&pd->values, g_ptr_array_unref);
  g_clear_pointer (&pd->entries, g_ptr_array_unref);
  g_clear_pointer (&pd->error_rows, g_ptr_array_unref);
  g_free (pd->filled_end);
  g_free (pd);
}

static const char *const month_names[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* "Sep-25", "Sep 2025": the month and year of a period label, or FALSE. */
static gboolean
parse_month_label (const char *label, int *out_month, int *out_year)
{
  char month[4] = { 0 };
  int year;
  char end;

  if (label == NULL || strlen (label) < 5)
    return FALSE;
  memcpy (month, label, 3);
  if (sscanf (label + 3, "%*[- ]%d%c", &year, &end) != 1)
    return FALSE;
  if (year < 100)
    year += 2000;
  for (int m = 0; m < 12; m++)
    if (g_ascii_strcasecmp (month, month_names[m]) == 0)
      {
        *out_month = m + 1;
        *out_year = year;
        return TRUE;
      }
  return FALSE;
}

static char *
month_end (int month, int year)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, g_date_get_days_in_month (month, year));
}

/* The period that follows the latest two, by the same step ("Sep-25"
 * after "Sep-24" and "Mar-25"), or NULL when they are not month labels. */
static char *
suggest_next_period (GPtrArray *periods)
{
  int m1, y1, m2, y2, step, next;

  if (periods->len < 2)
    return NULL;
  if (!parse_month_label (((Period *) periods->pdata[periods->len - 2])->label, &m1, &y1)
      || !parse_month_label (((Period *) periods->pdata[periods->len - 1])->label, &m2, &y2))
    return NULL;
  step = (y2 * 12 + m2) - (y1 * 12 + m1);
  if (step <= 0 || step > 24)
    return NULL;
  next = y2 * 12 + (m2 - 1) + step;
  return g_strdup_printf ("%s-%02d", month_names[next % 12], (next / 12) % 100);
}

static void
set_row_error (GtkWidget *field, GtkWidget *error_row, GtkLabel *label, const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (error_row, message != NULL);
  if (message)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static GtkWidget *
make_error_row (GtkLabel **out_label, const char *name)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE,
                                 "focusable", FALSE, "visible", FALSE, NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  *out_label = GTK_LABEL (label);
  return row;
}

/* Checks every field and shows what is wrong beside it; Add is enabled
 * only when nothing is. Empty required fields disable Add without an
 * error: they have not been filled in yet. Fills *values (NAN: none). */
static gboolean
period_dialog_validate (PeriodDialog *pd, char **out_label, char **out_end, double *values)
{
  g_autofree char *label =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pd->label_row))));
  const char *end_text = gtk_editable_get_text (GTK_EDITABLE (pd->end_row));
  g_autofree char *end_trimmed = g_strstrip (g_strdup (end_text));
  g_autofree char *end = NULL;
  g_autofree char *existing_end = NULL;
  gboolean ok = TRUE;
  guint n_values = 0;

  set_row_error (GTK_WIDGET (pd->label_row), pd->label_error_row, pd->label_error, NULL);
  set_row_error (GTK_WIDGET (pd->end_row), pd->end_error_row, pd->end_error, NULL);
  if (*label == '\0')
    ok = FALSE;

  /* The end date a label already has in the scorecard. */
  for (guint i = 0; *label && i < pd->values->len && existing_end == NULL; i++)
    {
      const BpMeasureValue *v = value_for (pd->values->pdata[i], label);

      if (v)
        existing_end = g_strdup (v->period_end);
    }

  if (*end_trimmed == '\0')
    ok = FALSE;
  else if (!bp_date_parse_uk (end_text, &end))
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is not a date: write it as DD/MM/YYYY, "
                                                "for example 30/09/2025."),
                                              end_trimmed);

      set_row_error (GTK_WIDGET (pd->end_row), pd->end_error_row, pd->end_error, msg);
      ok = FALSE;
    }
  else if (existing_end && g_strcmp0 (existing_end, end) != 0)
    {
      g_autofree char *uk = bp_date_format_uk (existing_end);
      g_autofree char *msg = g_strdup_printf (_("%s ends on %s in the scorecard already: use that "
                                                "date, or another label."),
                                              label, uk);

      set_row_error (GTK_WIDGET (pd->end_row), pd->end_error_row, pd->end_error, msg);
      ok = FALSE;
    }

  for (guint i = 0; i < pd->measures->len; i++)
    {
      const BpMeasure *m = pd->measures->pdata[i];
      GtkWidget *entry = pd->entries->pdata[i];
      GtkWidget *error_row = pd->error_rows->pdata[i];
      GtkLabel *error = g_object_get_data (G_OBJECT (error_row), "bp-label");
      const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
      g_autofree char *msg = NULL;
      const BpMeasureValue *existing;
      double value = NAN;

      if (!bp_measure_editor_parse_number (text, &value))
        msg = g_strdup_printf (_("“%s” is not a number: enter one such as 94.4, or leave it "
                                 "empty for no value."),
                               text);
      else if (!isnan (value) && *label && (existing = value_for (pd->values->pdata[i], label)))
        {
          g_autofree char *name = measure_key (m);

          /* A period "without a value" is a row of its own (suppressed,
           * not collected): it is there already all the same. */
          if (isnan (existing->value))
            msg = g_strdup_printf (_("%s already has %s, recorded without a value: a period "
                                     "cannot be added twice."),
                                   name, label);
          else
            msg = g_strdup_printf (_("%s already has a value for %s: a period cannot be added "
                                     "twice."),
                                   name, label);
        }
      set_row_error (entry, error_row, error, msg);
      if (msg)
        ok = FALSE;
      else if (!isnan (value))
        n_values++;
      if (values)
        values[i] = msg ? NAN : value;
    }
  gtk_widget_set_visible (GTK_WIDGET (pd->values_error), ok && n_values == 0);
  if (n_values == 0)
    ok = FALSE;

  adw_message_dialog_set_response_enabled (pd->dialog, "add", ok);
  if (ok && out_label)
    {
      *out_label = g_steal_pointer (&label);
      *out_end = g_steal_pointer (&end);
    }
  return ok;
}

static void
on_period_label_changed_cb (PeriodDialog *pd)
{
  const char *label = gtk_editable_get_text (GTK_EDITABLE (pd->label_row));
  const char *end_text = gtk_editable_get_text (GTK_EDITABLE (pd->end_row));
  g_autofree char *guess = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (label));
  int month, year;

  /* Fill the end date from the label, unless someone typed their own. */
  for (guint i = 0; *trimmed && i < pd->values->len && guess == NULL; i++)
    {
      const BpMeasureValue *v = value_for (pd->values->pdata[i], trimmed);

      if (v)
        guess = bp_date_format_uk (v->period_end);
    }
  if (guess == NULL && parse_month_label (trimmed, &month, &year))
    {
      g_autofree char *iso = month_end (month, year);

      guess = iso ? bp_date_format_uk (iso) : NULL;
    }
  if (guess && (*end_text == '\0' || g_strcmp0 (end_text, pd->filled_end) == 0))
    {
      g_free (pd->filled_end);
      pd->filled_end = g_strdup (guess);
      gtk_editable_set_text (GTK_EDITABLE (pd->end_row), guess);
    }
  period_dialog_validate (pd, NULL, NULL, NULL);
}

static void
on_period_field_changed_cb (PeriodDialog *pd)
{
  period_dialog_validate (pd, NULL, NULL, NULL);
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_period_response_cb (AdwMessageDialog *dialog, const char *response, PeriodDialog *pd)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *end = NULL;
  g_autofree double *values = g_new (double, MAX (pd->measures->len, 1));
  g_autoptr (GPtrArray) period_values =
    g_ptr_array_new_with_free_func ((GDestroyNotify) bp_measure_value_free);

  /* The dialog hides itself on a response; it goes once this returns. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (dialog),
                   g_object_unref);
  if (g_strcmp0 (response, "add") != 0)
    return;
  if (!period_dialog_validate (pd, &label, &end, values))
    {
      if (pd->page)
        bp_widget_toast (GTK_WIDGET (pd->page), _("Nothing was added: the period's values need "
                                                  "correcting"));
      return;
    }

  for (guint i = 0; i < pd->measures->len; i++)
    {
      BpMeasureValue *v;

      if (isnan (values[i]))
        continue;
      v = bp_measure_value_new ();
      v->measure_id = ((BpMeasure *) pd->measures->pdata[i])->id;
      v->value = values[i];
      g_ptr_array_add (period_values, v);
    }
  if (!bp_db_add_period (pd->db, label, end, period_values, &error))
    {
      if (pd->page)
        {
          g_autofree char *msg = g_strdup_printf (_("Nothing was added: %s"), error->message);

          bp_widget_toast (GTK_WIDGET (pd->page), msg);
        }
      return;
    }
  if (pd->page)
    {
      guint added = period_values->len;
      g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Period %s added with %u value",
                                                           "Period %s added with %u values", added),
                                              label, added);

      bp_page_reload_now (BP_PAGE (pd->page));
      bp_widget_toast (GTK_WIDGET (pd->page), msg);
    }
}

/* --------------------------------------------------------------- actions */

static void
add_period_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  bp_scorecard_page_add_period (BP_SCORECARD_PAGE (widget));
}

static void
new_measure_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  bp_scorecard_page_edit_measure (BP_SCORECARD_PAGE (widget), 0);
}

static void
edit_measure_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  bp_scorecard_page_edit_measure (BP_SCORECARD_PAGE (widget), g_variant_get_int64 (param));
}

static void
show_trend_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  bp_scorecard_page_show_trend (BP_SCORECARD_PAGE (widget), g_variant_get_int64 (param));
}

/* ------------------------------------------------------------ overrides */

static void
bp_scorecard_page_dispose (GObject *object)
{
  BpScorecardPage *self = BP_SCORECARD_PAGE (object);

  g_clear_handle_id (&self->pin_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_SCORECARD_PAGE);
  G_OBJECT_CLASS (bp_scorecard_page_parent_class)->dispose (object);
}

static void
bp_scorecard_page_finalize (GObject *object)
{
  BpScorecardPage *self = BP_SCORECARD_PAGE (object);

  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->directions, g_hash_table_unref);
  G_OBJECT_CLASS (bp_scorecard_page_parent_class)->finalize (object);
}

static void
bp_scorecard_page_class_init (BpScorecardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_scorecard_page_dispose;
  object_class->finalize = bp_scorecard_page_finalize;
  BP_PAGE_CLASS (klass)->reload = reload;

  g_type_ensure (BP_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-scorecard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BpScorecardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BpScorecardPage, heading);
  gtk_widget_class_bind_template_child (widget_class, BpScorecardPage, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, BpScorecardPage, grid_scroller);
  gtk_widget_class_bind_template_child (widget_class, BpScorecardPage, measure_grid);
  gtk_widget_class_bind_template_child (widget_class, BpScorecardPage, grid);
  gtk_widget_class_bind_template_child (widget_class, BpScorecardPage, trend_measure);
  gtk_widget_class_bind_template_child (widget_class, BpScorecardPage, trend_view);
  gtk_widget_class_bind_template_child (widget_class, BpScorecardPage, trend_text);

  gtk_widget_class_install_action (widget_class, "scorecard.add-period", NULL, add_period_action);
  gtk_widget_class_install_action (widget_class, "scorecard.new-measure", NULL,
                                   new_measure_action);
  gtk_widget_class_install_action (widget_class, "scorecard.edit-measure", "x",
                                   edit_measure_action);
  gtk_widget_class_install_action (widget_class, "scorecard.show-trend", "x", show_trend_action);
}

static void
bp_scorecard_page_init (BpScorecardPage *self)
{
  GtkEventController *scroll;
  GtkAdjustment *hadjustment;
  g_autoptr (GtkListItemFactory) button_factory = measure_label_factory (TRUE);
  g_autoptr (GtkListItemFactory) list_factory = measure_label_factory (FALSE);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_factory (self->trend_measure, button_factory);
  gtk_drop_down_set_list_factory (self->trend_measure, list_factory);

  self->measures = g_ptr_array_new ();
  self->values = g_ptr_array_new ();
  self->periods = g_ptr_array_new_with_free_func (period_free);
  self->directions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect_object (self->trend_measure, "notify::selected",
                           G_CALLBACK (on_trend_selected_cb), self, G_CONNECT_SWAPPED);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_grid_scroll_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->grid_scroller), scroll);
  hadjustment = gtk_scrolled_window_get_hadjustment (self->grid_scroller);
  g_signal_connect_object (hadjustment, "changed", G_CALLBACK (on_grid_adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (hadjustment, "value-changed", G_CALLBACK (on_grid_value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->pin_latest = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecard.add-period", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecard.new-measure", FALSE);
}

/* --------------------------------------------------------------- public */

GtkWidget *
bp_scorecard_page_add_period (BpScorecardPage *self)
{
  BpDb *db;
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *box, *scroller, *group, *values_group;
  PeriodDialog *pd;
  g_autofree char *suggestion = NULL;

  g_return_val_if_fail (BP_IS_SCORECARD_PAGE (self), NULL);
  db = bp_page_get_db (BP_PAGE (self));
  g_return_val_if_fail (db != NULL, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Add a Period"),
                                   _("Enter the period's label and end date, then each measure's "
                                     "value. Leave a value empty when there is none."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add",
                                    _("_Add Period"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  pd = g_new0 (PeriodDialog, 1);
  g_set_weak_pointer (&pd->page, self);
  pd->db = g_object_ref (db);
  pd->measures = g_ptr_array_ref (self->measures);
  pd->values = g_ptr_array_ref (self->values);
  pd->dialog = ADW_MESSAGE_DIALOG (dialog);
  pd->entries = g_ptr_array_new ();
  pd->error_rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (dialog), "bp-period", pd, period_dialog_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  group = adw_preferences_group_new ();
  pd->label_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pd->label_row),
                                 _("Period (for example Sep-25)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (pd->label_row), FALSE);
  adw_entry_row_set_activates_default (pd->label_row, TRUE);
  gtk_widget_set_name (GTK_WIDGET (pd->label_row), "period-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (pd->label_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Period label"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (pd->label_row));
  pd->label_error_row = make_error_row (&pd->label_error, "period-label-error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), pd->label_error_row);
  pd->end_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pd->end_row),
                                 _("Period end date (DD/MM/YYYY)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (pd->end_row), FALSE);
  adw_entry_row_set_activates_default (pd->end_row, TRUE);
  gtk_widget_set_name (GTK_WIDGET (pd->end_row), "period-end");
  gtk_accessible_update_property (GTK_ACCESSIBLE (pd->end_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Period end date"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (pd->end_row));
  pd->end_error_row = make_error_row (&pd->end_error, "period-end-error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), pd->end_error_row);
  gtk_box_append (GTK_BOX (box), group);

  values_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (values_group), _("Values"));
  for (guint i = 0; i < self->measures->len; i++)
    {
      const BpMeasure *m = self->measures->pdata[i];
      GPtrArray *values = self->values->pdata[i];
      const BpMeasureValue *previous, *latest;
      g_autofree char *key = measure_key (m);
      g_autofree char *name = measure_name (m);
      g_autofree char *entry_name = g_strdup_printf ("value:%s", key);
      g_autofree char *error_name = g_strdup_printf ("value-error:%s", key);
      g_autofree char *target = target_text (m);
      g_autofree char *subtitle = NULL;
      g_autofree char *a11y = g_strdup_printf (_("Value of %s"), name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *entry = gtk_entry_new ();
      GtkLabel *error;
      GtkWidget *error_row;

      latest_two (values, &previous, &latest);
      if (latest)
        {
          g_autofree char *last = bp_chart_format_value (m, latest->value);

          subtitle = g_strdup_printf (_("Last: %s %s · target %s"), latest->period, last, target);
        }
      else
        subtitle = g_strdup_printf (_("No values yet · target %s"), target);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (entry, entry_name);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), m->unit && *m->unit ? m->unit : NULL);
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (values_group), row);
      error_row = make_error_row (&error, error_name);
      g_object_set_data (G_OBJECT (error_row), "bp-label", error);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (values_group), error_row);
      g_ptr_array_add (pd->entries, entry);
      g_ptr_array_add (pd->error_rows, error_row);
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_period_field_changed_cb), pd);
    }
  pd->values_error = GTK_LABEL (gtk_label_new (_("Enter at least one value.")));
  gtk_widget_set_name (GTK_WIDGET (pd->values_error), "values-error");
  gtk_widget_set_visible (GTK_WIDGET (pd->values_error), FALSE);
  gtk_label_set_xalign (pd->values_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (pd->values_error), "dim-label");
  gtk_box_append (GTK_BOX (box), values_group);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (pd->values_error));

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 380);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  g_signal_connect_swapped (pd->label_row, "changed", G_CALLBACK (on_period_label_changed_cb), pd);
  g_signal_connect_swapped (pd->end_row, "changed", G_CALLBACK (on_period_field_changed_cb), pd);
  g_signal_connect (dialog, "response", G_CALLBACK (on_period_response_cb), pd);

  suggestion = suggest_next_period (self->periods);
  if (suggestion)
    gtk_editable_set_text (GTK_EDITABLE (pd->label_row), suggestion);
  period_dialog_validate (pd, NULL, NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

BpMeasureEditor *
bp_scorecard_page_edit_measure (BpScorecardPage *self, gint64 measure_id)
{
  BpDb *db;
  BpMeasureEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (BP_IS_SCORECARD_PAGE (self), NULL);
  db = bp_page_get_db (BP_PAGE (self));
  g_return_val_if_fail (db != NULL, NULL);

  editor = bp_measure_editor_new (db, measure_id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

guint
bp_scorecard_page_get_n_measures (BpScorecardPage *self)
{
  g_return_val_if_fail (BP_IS_SCORECARD_PAGE (self), 0);
  return self->measures->len;
}

GStrv
bp_scorecard_page_dup_periods (BpScorecardPage *self)
{
  GStrvBuilder *builder;
  GStrv periods;

  g_return_val_if_fail (BP_IS_SCORECARD_PAGE (self), NULL);
  builder = g_strv_builder_new ();
  for (guint p = 0; p < self->periods->len; p++)
    g_strv_builder_add (builder, ((Period *) self->periods->pdata[p])->label);
  periods = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return periods;
}

char *
bp_scorecard_page_dup_cell_text (BpScorecardPage *self, const char *measure_ref,
                                 const char *period)
{
  g_autofree char *box_name = NULL;
  g_autofree char *value_name = NULL;
  g_autofree char *rag_name = NULL;
  GtkWidget *value = NULL, *rag = NULL;

  g_return_val_if_fail (BP_IS_SCORECARD_PAGE (self), NULL);
  g_return_val_if_fail (measure_ref != NULL && period != NULL, NULL);

  /* Read back from the widgets: what the grid really shows. */
  box_name = g_strdup_printf ("cell:%s:%s", measure_ref, period);
  value_name = g_strdup_printf ("value:%s:%s", measure_ref, period);
  rag_name = g_strdup_printf ("rag:%s:%s", measure_ref, period);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->grid)); c;
       c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (gtk_widget_get_name (c), box_name) == 0)
      for (GtkWidget *l = gtk_widget_get_first_child (c); l; l = gtk_widget_get_next_sibling (l))
        {
          if (g_strcmp0 (gtk_widget_get_name (l), value_name) == 0)
            value = l;
          else if (g_strcmp0 (gtk_widget_get_name (l), rag_name) == 0)
            rag = l;
        }
  if (value == NULL)
    return NULL;
  if (g_str_equal (gtk_label_get_text (GTK_LABEL (value)), "—"))
    return g_strdup (_("No value"));
  if (rag)
    return g_strdup_printf ("%s %s", gtk_label_get_text (GTK_LABEL (value)),
                            gtk_label_get_text (GTK_LABEL (rag)));
  return g_strdup (gtk_label_get_text (GTK_LABEL (value)));
}

const char *
bp_scorecard_page_get_direction (BpScorecardPage *self, const char *measure_ref)
{
  g_return_val_if_fail (BP_IS_SCORECARD_PAGE (self), NULL);
  return g_hash_table_lookup (self->directions, measure_ref);
}

void
bp_scorecard_page_show_trend (BpScorecardPage *self, gint64 measure_id)
{
  g_return_if_fail (BP_IS_SCORECARD_PAGE (self));
  self->trend_id = measure_id;
  update_trend (self);
}

const char *
bp_scorecard_page_get_trend_text (BpScorecardPage *self)
{
  g_return_val_if_fail (BP_IS_SCORECARD_PAGE (self), NULL);
  return gtk_label_get_text (self->trend_text);
}
