/* bp-risks-page.c: the Risks view.
 *
 * The heat maps are the report's own (bp_chart_risk_heat_map), drawn by
 * BpChartView; a click on a cell is hit-tested with the same layout
 * (bp_chart_risk_heat_map_cell) and filters the register to that cell.
 * The register is a GListStore of the file's risks, filtered, bound to a
 * boxed list of rows; activating a row opens the risk editor.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "bp-chart-view.h"
#include "bp-colours.h"
#include "bp-query.h"
#include "bp-risks-page.h"
#include "bp-rules.h"

/* ------------------------------------------------- one register row */

#define BP_TYPE_RISK_ITEM (bp_risk_item_get_type ())
G_DECLARE_FINAL_TYPE (BpRiskItem, bp_risk_item, BP, RISK_ITEM, GObject)

struct _BpRiskItem
{
  GObject parent_instance;

  GPtrArray *risks; /* the reload's risks, which hold this one */
  const BpRisk *risk;
  char *band_name;   /* of the current score; NULL when unscored */
  char *band_colour;
  int previous;      /* current score at the last snapshot; 0: not in it */
  char *board_date;  /* the meeting of that snapshot; NULL: no snapshot */
};

G_DEFINE_FINAL_TYPE (BpRiskItem, bp_risk_item, G_TYPE_OBJECT)

static void
bp_risk_item_finalize (GObject *object)
{
  BpRiskItem *self = BP_RISK_ITEM (object);

  g_clear_pointer (&self->risks, g_ptr_array_unref);
  g_free (self->band_name);
  g_free (self->band_colour);
  g_free (self->board_date);
  G_OBJECT_CLASS (bp_risk_item_parent_class)->finalize (object);
}

static void
bp_risk_item_class_init (BpRiskItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bp_risk_item_finalize;
}

static void
bp_risk_item_init (BpRiskItem *self)
{
}

/* ------------------------------------------------------------- page */

typedef struct
{
  GPtrArray *risks;
  GPtrArray *bands;
  BpRiskScoreKind kind;
  int selected_l; /* the cell the register is filtered to; 0: none */
  int selected_i;
} HeatMap;

struct _BpRisksPage
{
  BpPage parent_instance;

  GtkStack *stack;
  GtkFlowBox *maps;
  BpChartView *current_map;
  BpChartView *inherent_map;
  GtkLabel *register_heading;
  GtkWidget *filter_bar;
  GtkLabel *filter_label;
  GtkListBox *register_list;

  GListStore *store;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GPtrArray *risks; /* BpRisk*, as the maps were drawn */
  GPtrArray *bands; /* BpRiskBand* */

  BpRiskScoreKind filter_kind;
  int filter_l; /* 0: every risk */
  int filter_i;
};

G_DEFINE_FINAL_TYPE (BpRisksPage, bp_risks_page, BP_TYPE_PAGE)

/* ------------------------------------------------------------ helpers */

static const char *
kind_word (BpRiskScoreKind kind)
{
  switch (kind)
    {
    case BP_RISK_SCORE_INHERENT: return _("inherent");
    case BP_RISK_SCORE_TARGET: return _("target");
    case BP_RISK_SCORE_CURRENT:
    default: return _("current");
    }
}

/* "4 × 4 = 16 Very high": the score and its band, in words. */
static char *
score_text (const BpRiskItem *item)
{
  int l = item->risk->current_l;
  int i = item->risk->current_i;
  int score = bp_risk_score (l, i);

  if (score <= 0)
    return g_strdup (_("Not scored"));
  if (item->band_name)
    return g_strdup_printf ("%d × %d = %d %s", l, i, score, item->band_name);
  return g_strdup_printf ("%d × %d = %d", l, i, score);
}

/* The direction of travel since the last board, or NULL with nothing to
 * compare with. A lower score is an improvement. */
static char *
direction_text (const BpRiskItem *item)
{
  int score = bp_risk_score (item->risk->current_l, item->risk->current_i);

  if (item->board_date == NULL || score <= 0)
    return NULL;
  if (item->previous <= 0)
    return g_strdup (_("New since the last board"));
  switch (bp_risk_direction (item->previous, score))
    {
    case BP_DIRECTION_IMPROVED:
      return g_strdup_printf (_("↓ Down from %d"), item->previous);
    case BP_DIRECTION_DETERIORATED:
      return g_strdup_printf (_("↑ Up from %d"), item->previous);
    case BP_DIRECTION_SUSTAINED:
      return g_strdup (_("→ Unchanged"));
    case BP_DIRECTION_NONE:
    default:
      return NULL;
    }
}

static char *
subtitle_text (const BpRiskItem *item, const char *today)
{
  const BpRisk *risk = item->risk;
  g_autoptr (GString) s = g_string_new (NULL);

  g_string_append_printf (s, _("Owner: %s"), risk->owner_name ? risk->owner_name : _("none"));
  if (risk->review_date)
    {
      g_autofree char *review = bp_date_format_uk (risk->review_date);
      gboolean closed = g_strcmp0 (risk->status, "closed") == 0;

      g_string_append (s, " · ");
      if (!closed && bp_date_is_valid (risk->review_date) && strcmp (risk->review_date, today) < 0)
        g_string_append_printf (s, _("review was due %s (overdue)"), review);
      else
        g_string_append_printf (s, _("review %s"), review);
    }
  if (risk->status && g_strcmp0 (risk->status, "open") != 0)
    g_string_append_printf (s, " · %s", risk->status);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
describe (const BpRiskItem *item, const char *today)
{
  g_autofree char *score = score_text (item);
  g_autofree char *direction = direction_text (item);
  g_autofree char *subtitle = subtitle_text (item, today);
  g_autofree char *board = bp_date_format_uk (item->board_date);
  g_autoptr (GString) s = g_string_new (NULL);

  g_string_append_printf (s, "%s %s. ", item->risk->ref, item->risk->title);
  g_string_append_printf (s, _("Current %s."), score);
  if (direction)
    g_string_append_printf (s, _(" %s since the board of %s."), direction, board);
  g_string_append_printf (s, " %s.", subtitle);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ----------------------------------------------------------- heat maps */

static void
heat_map_free (gpointer data)
{
  HeatMap *map = data;

  g_clear_pointer (&map->risks, g_ptr_array_unref);
  g_clear_pointer (&map->bands, g_ptr_array_unref);
  g_free (map);
}

static void
draw_heat_map (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  HeatMap *map = data;
  cairo_rectangle_t cell;

  bp_chart_risk_heat_map (cr, area, NULL, map->risks, map->kind, map->bands);
  /* The cell the register shows, outlined. */
  if (map->selected_l > 0
      && bp_chart_risk_heat_map_cell (cr, area, NULL, map->bands, map->selected_l,
                                      map->selected_i, &cell))
    {
      cairo_save (cr);
      bp_colours_set_source (cr, bp_colours_ink ());
      cairo_set_line_width (cr, 3);
      cairo_rectangle (cr, cell.x + 1.5, cell.y + 1.5, cell.width - 3, cell.height - 3);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
set_map (BpRisksPage *self, BpChartView *view, BpRiskScoreKind kind, const char *title)
{
  HeatMap *map = g_new0 (HeatMap, 1);
  g_autofree char *summary = NULL;

  map->risks = g_ptr_array_ref (self->risks);
  map->bands = g_ptr_array_ref (self->bands);
  map->kind = kind;
  if (self->filter_l > 0 && self->filter_kind == kind)
    {
      map->selected_l = self->filter_l;
      map->selected_i = self->filter_i;
    }
  summary = bp_chart_risk_heat_map_summary (title, self->risks, kind, self->bands);
  bp_chart_view_set_draw_func (view, draw_heat_map, map, heat_map_free);
  bp_chart_view_set_text (view, title, summary);
}

static void
update_maps (BpRisksPage *self)
{
  set_map (self, self->current_map, BP_RISK_SCORE_CURRENT, _("Current risks"));
  set_map (self, self->inherent_map, BP_RISK_SCORE_INHERENT, _("Inherent risks"));
}

static void
update_filter (BpRisksPage *self)
{
  guint shown, total;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gtk_widget_set_visible (self->filter_bar, self->filter_l > 0);
  if (self->filter_l > 0)
    {
      g_autofree char *text = NULL;

      if (shown == 0)
        text = g_strdup_printf (_("No risk has a %s score of likelihood %d %s × impact %d %s."),
                                kind_word (self->filter_kind), self->filter_l,
                                bp_likelihood_label (self->filter_l), self->filter_i,
                                bp_impact_label (self->filter_i));
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Showing %u of %u risks: the one whose %s score is "
                                             "likelihood %d %s × impact %d %s.",
                                             "Showing %u of %u risks: those whose %s score is "
                                             "likelihood %d %s × impact %d %s.",
                                             shown),
                                shown, total, kind_word (self->filter_kind), self->filter_l,
                                bp_likelihood_label (self->filter_l), self->filter_i,
                                bp_impact_label (self->filter_i));
      gtk_label_set_text (self->filter_label, text);
    }
  {
    g_autofree char *heading = g_strdup_printf (_("Risk Register (%u)"), total);

    gtk_label_set_text (self->register_heading, heading);
  }
  update_maps (self);
}

static gboolean
filter_func (gpointer object, gpointer data)
{
  BpRisksPage *self = data;
  BpRiskItem *item = object;
  int l, i;

  if (self->filter_l <= 0)
    return TRUE;
  bp_risk_get_scores (item->risk, self->filter_kind, &l, &i);
  return l == self->filter_l && i == self->filter_i;
}

static void
on_map_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, BpRisksPage *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  BpRiskScoreKind kind = view == GTK_WIDGET (self->current_map) ? BP_RISK_SCORE_CURRENT
                                                                 : BP_RISK_SCORE_INHERENT;
  cairo_rectangle_t area = { 0, 0, gtk_widget_get_width (view), gtk_widget_get_height (view) };
  cairo_surface_t *surface;
  cairo_t *cr;
  int hit_l = 0, hit_i = 0;

  if (self->bands == NULL)
    return;
  /* Only measured with: the chart's layout depends on its text. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  for (int l = 1; l <= 5 && hit_l == 0; l++)
    for (int i = 1; i <= 5; i++)
      {
        cairo_rectangle_t cell;

        if (bp_chart_risk_heat_map_cell (cr, &area, NULL, self->bands, l, i, &cell)
            && x >= cell.x && x < cell.x + cell.width && y >= cell.y && y < cell.y + cell.height)
          {
            hit_l = l;
            hit_i = i;
            break;
          }
      }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (hit_l == 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* A second click on the same cell shows every risk again. */
  if (hit_l == self->filter_l && hit_i == self->filter_i && kind == self->filter_kind)
    bp_risks_page_filter_cell (self, kind, 0, 0);
  else
    bp_risks_page_filter_cell (self, kind, hit_l, hit_i);
}

/* ----------------------------------------------------------- register */

static GtkWidget *
create_row_cb (gpointer object, gpointer data)
{
  BpRiskItem *item = object;
  const BpRisk *risk = item->risk;
  g_autofree char *today = bp_date_today ();
  g_autofree char *subtitle = subtitle_text (item, today);
  g_autofree char *score = score_text (item);
  g_autofree char *direction = direction_text (item);
  g_autofree char *text = describe (item, today);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *ref = gtk_label_new (risk->ref);
  GtkWidget *chip = gtk_label_new (score);
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_set_name (row, "risk-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), risk->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "risks.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", risk->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  gtk_label_set_width_chars (GTK_LABEL (ref), 4);
  gtk_label_set_xalign (GTK_LABEL (ref), 0);
  gtk_widget_add_css_class (ref, "heading");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), ref);

  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_widget_set_name (chip, "risk-score");
  gtk_widget_set_halign (chip, GTK_ALIGN_END);
  bp_risk_editor_paint_chip (chip, item->band_colour);
  gtk_box_append (GTK_BOX (suffix), chip);
  if (direction)
    {
      g_autofree char *board = bp_date_format_uk (item->board_date);
      g_autofree char *tip = g_strdup_printf (_("Since the board of %s"), board);
      GtkWidget *label = gtk_label_new (direction);

      gtk_widget_set_name (label, "risk-direction");
      gtk_widget_set_halign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_tooltip_text (label, tip);
      gtk_box_append (GTK_BOX (suffix), label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}

/* ---------------------------------------------------------------- load */

static void
reload (BpPage *page)
{
  BpRisksPage *self = BP_RISKS_PAGE (page);
  BpDb *db = bp_page_get_db (page);
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GHashTable) previous = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *board_date = NULL;

  g_clear_pointer (&self->risks, g_ptr_array_unref);
  g_clear_pointer (&self->bands, g_ptr_array_unref);
  if (db)
    {
      self->risks = bp_db_list_risks (db, NULL);
      self->bands = bp_db_list_risk_bands (db, NULL);
      snapshots = bp_db_list_snapshots (db, NULL);
    }
  if (self->risks == NULL)
    self->risks = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_risk_free);
  if (self->bands == NULL)
    self->bands = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_risk_band_free);
  if (snapshots && snapshots->len > 0)
    {
      BpSnapshot *last = snapshots->pdata[snapshots->len - 1];

      previous = bp_db_snapshot_risk_scores (db, last->id, NULL);
      board_date = last->meeting_date;
    }

  for (guint n = 0; n < self->risks->len; n++)
    {
      const BpRisk *risk = self->risks->pdata[n];
      BpRiskItem *item = g_object_new (BP_TYPE_RISK_ITEM, NULL);
      const BpRiskBand *band =
        bp_risk_band_for_score (self->bands, bp_risk_score (risk->current_l, risk->current_i));

      item->risks = g_ptr_array_ref (self->risks);
      item->risk = risk;
      if (band)
        {
          item->band_name = g_strdup (band->name);
          item->band_colour = g_strdup (band->colour);
        }
      if (previous)
        item->previous = GPOINTER_TO_INT (g_hash_table_lookup (previous, &risk->id));
      item->board_date = g_strdup (board_date);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "register" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.new",
                                 db != NULL && !bp_db_is_read_only (db));
  update_filter (self);
}

/* ------------------------------------------------------------- actions */

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  bp_risks_page_edit_risk (BP_RISKS_PAGE (widget), 0);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  bp_risks_page_edit_risk (BP_RISKS_PAGE (widget), g_variant_get_int64 (param));
}

static void
show_all_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  bp_risks_page_filter_cell (BP_RISKS_PAGE (widget), BP_RISK_SCORE_CURRENT, 0, 0);
}

/* ----------------------------------------------------------- overrides */

static void
bp_risks_page_dispose (GObject *object)
{
  BpRisksPage *self = BP_RISKS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_RISKS_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (bp_risks_page_parent_class)->dispose (object);
}

static void
bp_risks_page_finalize (GObject *object)
{
  BpRisksPage *self = BP_RISKS_PAGE (object);

  g_clear_pointer (&self->risks, g_ptr_array_unref);
  g_clear_pointer (&self->bands, g_ptr_array_unref);
  G_OBJECT_CLASS (bp_risks_page_parent_class)->finalize (object);
}

static void
bp_risks_page_class_init (BpRisksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_risks_page_dispose;
  object_class->finalize = bp_risks_page_finalize;
  BP_PAGE_CLASS (klass)->reload = reload;

  g_type_ensure (BP_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-risks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BpRisksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BpRisksPage, maps);
  gtk_widget_class_bind_template_child (widget_class, BpRisksPage, current_map);
  gtk_widget_class_bind_template_child (widget_class, BpRisksPage, inherent_map);
  gtk_widget_class_bind_template_child (widget_class, BpRisksPage, register_heading);
  gtk_widget_class_bind_template_child (widget_class, BpRisksPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, BpRisksPage, filter_label);
  gtk_widget_class_bind_template_child_full (widget_class, "register", FALSE,
                                             G_STRUCT_OFFSET (BpRisksPage, register_list));

  gtk_widget_class_install_action (widget_class, "risks.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "risks.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "risks.show-all", NULL, show_all_action);
}

static void
bp_risks_page_init (BpRisksPage *self)
{
  BpChartView *views[] = { NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (BP_TYPE_RISK_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->register_list, G_LIST_MODEL (self->filtered), create_row_cb,
                           self, NULL);

  views[0] = self->current_map;
  views[1] = self->inherent_map;
  for (guint k = 0; k < G_N_ELEMENTS (views); k++)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      g_signal_connect_object (click, "pressed", G_CALLBACK (on_map_pressed_cb), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (views[k]), GTK_EVENT_CONTROLLER (click));
      gtk_widget_set_cursor_from_name (GTK_WIDGET (views[k]), "pointer");
    }
  /* The cards hold charts, not choices: no tab stop for each. */
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->maps)); c;
       c = gtk_widget_get_next_sibling (c))
    gtk_widget_set_focusable (c, FALSE);

  self->risks = g_ptr_array_new ();
  self->bands = g_ptr_array_new ();
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.new", FALSE);
}

/* -------------------------------------------------------------- public */

BpRiskEditor *
bp_risks_page_edit_risk (BpRisksPage *self, gint64 risk_id)
{
  BpDb *db;
  BpRiskEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (BP_IS_RISKS_PAGE (self), NULL);
  db = bp_page_get_db (BP_PAGE (self));
  g_return_val_if_fail (db != NULL, NULL);

  editor = bp_risk_editor_new (db, risk_id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

GListModel *
bp_risks_page_get_register (BpRisksPage *self)
{
  g_return_val_if_fail (BP_IS_RISKS_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

char *
bp_risks_page_dup_row_text (BpRisksPage *self, guint position)
{
  g_autoptr (BpRiskItem) item = NULL;
  g_autofree char *today = bp_date_today ();

  g_return_val_if_fail (BP_IS_RISKS_PAGE (self), NULL);
  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  g_return_val_if_fail (item != NULL, NULL);
  return describe (item, today);
}

void
bp_risks_page_filter_cell (BpRisksPage *self, BpRiskScoreKind kind, int likelihood, int impact)
{
  g_return_if_fail (BP_IS_RISKS_PAGE (self));
  g_return_if_fail (likelihood >= 0 && likelihood <= 5 && impact >= 0 && impact <= 5);

  if (likelihood == 0 || impact == 0)
    likelihood = impact = 0;
  self->filter_kind = kind;
  self->filter_l = likelihood;
  self->filter_i = impact;
  update_filter (self);
}
