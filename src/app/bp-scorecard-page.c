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
#include "bp-period-dialog.h"
#include "bp-scorecard-page.h"
#include "bp-scorecard-private.h"
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
char *
bp_scorecard_measure_key (const BpMeasure *m)
{
  if (m->ref && *m->ref)
    return g_strdup (m->ref);
  return g_strdup_printf ("M%" G_GINT64_FORMAT, m->id);
}

char *
bp_scorecard_measure_name (const BpMeasure *m)
{
  if (m->ref && *m->ref)
    return g_strdup_printf ("%s %s", m->ref, m->title);
  return g_strdup (m->title);
}

/* "≥ 95%", "≤ 0", "35% ± 10%": the target as the polarity reads it. */
char *
bp_scorecard_target_text (const BpMeasure *m)
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

const BpMeasureValue *
bp_scorecard_value_for (GPtrArray *values, const char *period)
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
gboolean
bp_scorecard_latest_two (GPtrArray *values, const BpMeasureValue **out_previous,
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
      char letter = bp_kpi_rag_to_letter (rag);
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
  if (!bp_scorecard_latest_two (values, &previous, &latest))
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
      g_autofree char *key = bp_scorecard_measure_key (m);
      g_autofree char *name = bp_scorecard_measure_name (m);
      g_autofree char *escaped = g_markup_escape_text (m->title, -1);
      g_autofree char *markup = m->ref && *m->ref
                                  ? g_markup_printf_escaped (
                                      "%s  <span weight=\"normal\">%s</span>", m->ref, m->title)
                                  : g_strdup_printf ("<span weight=\"normal\">%s</span>", escaped);
      g_autofree char *button_name = g_strdup_printf ("measure:%s", key);
      g_autofree char *edit_name = g_strdup_printf ("edit:%s", key);
      g_autofree char *edit_tip = g_strdup_printf (_("Edit measure %s"), name);
      g_autofree char *trend_tip = g_strdup_printf (_("%s\nSelect to show its trend"), name);
      g_autofree char *target = bp_scorecard_target_text (m);
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

          const BpMeasureValue *v = bp_scorecard_value_for (values, period->label);

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
        g_autofree char *name = bp_scorecard_measure_name (m);

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

static void
on_period_added_cb (BpScorecardPage *self, const char *label)
{
  bp_page_reload_now (BP_PAGE (self));
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
  BpPeriodDialog *dialog;
  g_auto (GStrv) periods = NULL;

  g_return_val_if_fail (BP_IS_SCORECARD_PAGE (self), NULL);
  db = bp_page_get_db (BP_PAGE (self));
  g_return_val_if_fail (db != NULL, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  periods = bp_scorecard_page_dup_periods (self);
  dialog = bp_period_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, db,
                                 self->measures, self->values, (const char *const *) periods);
  g_signal_connect_object (dialog, "period-added", G_CALLBACK (on_period_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
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
