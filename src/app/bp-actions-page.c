/* bp-actions-page.c: the Actions view: the plan's actions in a sortable
 * table, filtered by priority area, owner, RAG, overdue and due date,
 * and searched with the file's full-text index.
 *
 * The model chain is BpActionList -> GtkSingleSelection -> GtkColumnView.
 * Filtering and sorting happen in BpActionList (the query filters, the
 * list sorts its rows) rather than in a GtkFilterListModel and a
 * GtkSortListModel, which would make an item of every one of 50,000 rows
 * to look at it. The column view's sorter still drives the order: each
 * column has a sorter that only says which column it is.
 */
#include <glib/gi18n.h>

#include "bp-action-editor.h"
#include "bp-action-list.h"
#include "bp-actions-page.h"
#include "bp-query.h"
#include "bp-rules.h"
#include "bp-window.h"

/* The choices of the "Due within" dropdown, in weeks (0: any time). */
static const int due_weeks[] = { 0, 2, 4, 6, 12 };
/* The choices of the RAG dropdown after "Any RAG status". */
static const BpRag rag_choices[] = { BP_RAG_RED, BP_RAG_AMBER, BP_RAG_GREEN, BP_RAG_BLUE,
                                     BP_RAG_NOT_STARTED };

#define N_COLUMNS 8

struct _BpActionsPage
{
  BpPage parent_instance;

  GtkStack *stack;
  GtkStack *list_stack;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown *priority_dropdown;
  GtkDropDown *owner_dropdown;
  GtkDropDown *rag_dropdown;
  GtkDropDown *due_dropdown;
  GtkToggleButton *overdue_button;
  GtkLabel *count_label;
  GtkWidget *toolbar;
  GtkWidget *filters;
  GtkWidget *filters_start;
  GtkWidget *filters_end;
  GtkScrolledWindow *scroller;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  BpActionList *list;
  GtkColumnViewColumn *ref_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *priority_column;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *rag_column;
  GtkColumnViewColumn *latest_column;
  GtkColumnViewColumn *open_column;
  GtkColumnViewColumn *columns[N_COLUMNS]; /* all of them, in order; owned */

  GArray *priority_ids; /* gint64 per priority dropdown row; 0 is "all" */
  GArray *owner_ids;
  char *priorities_key; /* what the dropdowns were built from */
  char *owners_key;
  gboolean updating;    /* setting the controls, not the user */
  BpActionSort probed;  /* written by the column sorters when probed */
  guint layout_idle;
  gboolean stale;       /* the file changed while the view was not shown */
  GtkWidget *editor;    /* weak */
};

G_DEFINE_FINAL_TYPE (BpActionsPage, bp_actions_page, BP_TYPE_PAGE)

static void apply_filter (BpActionsPage *self);

/* ------------------------------------------------------------- helpers */

static void
update_state (BpActionsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint total = bp_action_list_get_n_total (self->list);
  gboolean filtered = bp_action_list_is_filtered (self->list);
  g_autofree char *count = NULL;

  if (filtered)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u action", "%u of %u actions",
                                          total),
                             n, total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.clear-filters", filtered);
  gtk_stack_set_visible_child_name (self->stack,
                                    bp_page_get_db (BP_PAGE (self)) && total > 0 ? "actions"
                                                                                 : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-match");
}

/* Whole-list changes are made with nothing selected: GtkSingleSelection
 * would otherwise look for its item among all the new rows, making an
 * item of each. Returns the action that was selected, for keep_selection. */
static gint64
forget_selection (BpActionsPage *self)
{
  guint pos = gtk_single_selection_get_selected (self->selection);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  return pos == GTK_INVALID_LIST_POSITION ? 0 : bp_action_list_get_id (self->list, pos);
}

/* Selects @action_id again, wherever it now is, and shows it. */
static void
keep_selection (BpActionsPage *self, gint64 action_id)
{
  guint pos = action_id ? bp_action_list_find (self->list, action_id) : GTK_INVALID_LIST_POSITION;
  GtkWidget *rows = gtk_widget_get_last_child (GTK_WIDGET (self->column_view));

  gtk_single_selection_set_selected (self->selection, pos);
  /* The column view's rows are a GtkListView, which can scroll to a row. */
  if (pos != GTK_INVALID_LIST_POSITION && GTK_IS_LIST_VIEW (rows))
    gtk_widget_activate_action (rows, "list.scroll-to-item", "u", pos);
}

static void
clear_controls (BpActionsPage *self)
{
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->priority_dropdown, 0);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->rag_dropdown, 0);
  gtk_drop_down_set_selected (self->due_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_button, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating = FALSE;
}

/* Rebuilds a dropdown's choices when they changed, keeping the chosen id
 * (or "all" when it has gone). Returns whether the choice changed. */
static gboolean
fill_dropdown (BpActionsPage *self, GtkDropDown *dropdown, GArray **ids, char **key,
               const char *all, GPtrArray *labels, GArray *new_ids)
{
  g_autoptr (GString) new_key = g_string_new (NULL);
  g_autoptr (GtkStringList) strings = NULL;
  guint old = gtk_drop_down_get_selected (dropdown);
  gint64 chosen = *ids && old < (*ids)->len ? g_array_index (*ids, gint64, old) : 0;
  guint pos = 0;

  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (new_key, "%" G_GINT64_FORMAT "=%s\n", g_array_index (new_ids, gint64, i),
                            (char *) labels->pdata[i]);
  if (*key && g_str_equal (*key, new_key->str))
    {
      g_array_unref (new_ids);
      return FALSE;
    }
  g_free (*key);
  *key = g_strdup (new_key->str);

  strings = gtk_string_list_new (NULL);
  gtk_string_list_append (strings, all);
  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (strings, labels->pdata[i]);
  g_array_prepend_val (new_ids, (gint64) { 0 });
  for (guint i = 0; i < new_ids->len; i++)
    if (chosen && g_array_index (new_ids, gint64, i) == chosen)
      pos = i;
  g_clear_pointer (ids, g_array_unref);
  *ids = new_ids;

  self->updating = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, pos);
  self->updating = FALSE;
  return chosen != 0 && pos == 0;
}

/* The priority areas and the people, as filter choices. */
static gboolean
fill_choices (BpActionsPage *self, BpDb *db)
{
  g_autoptr (GPtrArray) priorities = db ? bp_db_list_priorities (db, NULL) : NULL;
  g_autoptr (GPtrArray) people = db ? bp_db_list_people (db, NULL) : NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean changed;

  for (guint i = 0; priorities && i < priorities->len; i++)
    {
      BpPriority *p = priorities->pdata[i];

      g_ptr_array_add (labels, g_strdup_printf ("%s %s", p->code, p->title));
      g_array_append_val (ids, p->id);
    }
  changed = fill_dropdown (self, self->priority_dropdown, &self->priority_ids,
                           &self->priorities_key, _("All priority areas"), labels, ids);

  g_ptr_array_set_size (labels, 0);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; people && i < people->len; i++)
    {
      BpPerson *p = people->pdata[i];

      g_ptr_array_add (labels, g_strdup (p->name));
      g_array_append_val (ids, p->id);
    }
  changed |= fill_dropdown (self, self->owner_dropdown, &self->owner_ids, &self->owners_key,
                            _("All owners"), labels, ids);
  return changed;
}

static gint64
chosen_id (GtkDropDown *dropdown, GArray *ids)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  return ids && pos < ids->len ? g_array_index (ids, gint64, pos) : 0;
}

static void
apply_filter (BpActionsPage *self)
{
  g_autoptr (GError) error = NULL;
  BpActionFilter filter = BP_ACTION_FILTER_INIT;
  const char *as_of = bp_action_list_get_as_of (self->list);
  guint rag = gtk_drop_down_get_selected (self->rag_dropdown);
  guint due = gtk_drop_down_get_selected (self->due_dropdown);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gint64 selected;

  filter.priority_id = chosen_id (self->priority_dropdown, self->priority_ids);
  filter.owner_id = chosen_id (self->owner_dropdown, self->owner_ids);
  if (rag > 0 && rag <= G_N_ELEMENTS (rag_choices))
    filter.rag_mask = 1u << rag_choices[rag - 1];
  if (gtk_toggle_button_get_active (self->overdue_button))
    filter.overdue_as_of = as_of;
  if (due > 0 && due < G_N_ELEMENTS (due_weeks))
    {
      filter.due_from = as_of;
      filter.due_within_days = due_weeks[due] * 7;
    }
  if (search && *search)
    filter.search = search;

  selected = forget_selection (self);
  if (!bp_action_list_set_filter (self->list, &filter, &error))
    bp_widget_toast (GTK_WIDGET (self), error->message);
  keep_selection (self, selected);
  update_state (self);
}

/* Shows or hides a column. GTK 4.8's column view still counts a hidden
 * column's width when it shares out the table's width, leaving a gap on
 * the right, so a hidden column is taken out of the view instead. */
static void
show_column (BpActionsPage *self, GtkColumnViewColumn *column, gboolean visible)
{
  gboolean shown = gtk_column_view_column_get_column_view (column) != NULL;
  guint position = 0;

  if (shown == visible)
    return;
  if (!visible)
    {
      gtk_column_view_remove_column (self->column_view, column);
      return;
    }
  for (guint i = 0; i < N_COLUMNS && self->columns[i] != column; i++)
    if (gtk_column_view_column_get_column_view (self->columns[i]))
      position++;
  gtk_column_view_insert_column (self->column_view, position, column);
}

/* The width @box's children want side by side. */
static int
row_width (GtkWidget *box, GtkWidget *except)
{
  int width = 0, n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    {
      int nat = 0;

      if (c == except || !gtk_widget_get_visible (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
      width += nat;
      n++;
    }
  return width + MAX (n - 1, 0) * gtk_box_get_spacing (GTK_BOX (box));
}

/* Narrower, the filters take two rows (or more), and the table hides
 * its less needed columns rather than scroll sideways. */
static void
update_layout (BpActionsPage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int start, end, room;

  if (width <= 0)
    return;
  start = row_width (self->filters_start, NULL);
  end = row_width (self->filters_end, NULL);
  room = gtk_widget_get_width (self->toolbar) - row_width (self->toolbar, self->filters)
         - gtk_box_get_spacing (GTK_BOX (self->toolbar));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filters),
                                  start + gtk_box_get_spacing (GTK_BOX (self->filters)) + end <= room
                                    ? GTK_ORIENTATION_HORIZONTAL
                                    : GTK_ORIENTATION_VERTICAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filters_start),
                                  start <= room ? GTK_ORIENTATION_HORIZONTAL
                                                : GTK_ORIENTATION_VERTICAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filters_end),
                                  end <= room ? GTK_ORIENTATION_HORIZONTAL
                                              : GTK_ORIENTATION_VERTICAL);

  show_column (self, self->latest_column, width >= 920);
  show_column (self, self->owner_column, width >= 720);
  show_column (self, self->priority_column, width >= 560);
  show_column (self, self->due_column, width >= 440);
}

static gboolean
layout_idle_cb (gpointer data)
{
  BpActionsPage *self = data;

  self->layout_idle = 0;
  update_layout (self);
  return G_SOURCE_REMOVE;
}

/* ----------------------------------------------------------- callbacks */

static void
on_filter_changed_cb (BpActionsPage *self)
{
  if (!self->updating)
    apply_filter (self);
}

static void
on_search_mode_cb (BpActionsPage *self)
{
  /* A closed search bar searches for nothing. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_search_activate_cb (BpActionsPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_row_activated_cb (BpActionsPage *self, guint position)
{
  gint64 id = bp_action_list_get_id (self->list, position);

  if (id)
    bp_actions_page_open_action (self, id);
}

static void
on_page_size_cb (BpActionsPage *self)
{
  /* Not during the allocation that changed it. */
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add (layout_idle_cb, self);
}

/* Each column's sorter only records which column it is: the page asks
 * the column view's sorter to compare the page with its list, and the
 * first column sorter it consults (the primary one) answers "smaller",
 * turned to "larger" when that column sorts descending. GTK 4.8 has no
 * other way to read the primary sort column. */
static int
column_probe_cb (gconstpointer a, gconstpointer b, gpointer data)
{
  if (!BP_IS_ACTIONS_PAGE ((gpointer) a))
    return GTK_ORDERING_EQUAL;
  BP_ACTIONS_PAGE ((gpointer) a)->probed = GPOINTER_TO_INT (data);
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed_cb (BpActionsPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering ordering;
  gint64 selected;

  self->probed = BP_ACTION_SORT_PLAN;
  ordering = gtk_sorter_compare (sorter, self, self->list);
  selected = forget_selection (self);
  bp_action_list_set_sort (self->list, ordering == GTK_ORDERING_EQUAL ? BP_ACTION_SORT_PLAN
                                                                       : self->probed,
                           ordering == GTK_ORDERING_LARGER ? GTK_SORT_DESCENDING
                                                           : GTK_SORT_ASCENDING);
  keep_selection (self, selected);
}

static void
set_up_sorters (BpActionsPage *self)
{
  const struct
  {
    GtkColumnViewColumn *column;
    BpActionSort sort;
  } sorts[] = {
    { self->ref_column, BP_ACTION_SORT_REF },
    { self->title_column, BP_ACTION_SORT_TITLE },
    { self->priority_column, BP_ACTION_SORT_PRIORITY },
    { self->owner_column, BP_ACTION_SORT_OWNER },
    { self->due_column, BP_ACTION_SORT_DUE },
    { self->rag_column, BP_ACTION_SORT_RAG },
    { self->latest_column, BP_ACTION_SORT_LATEST },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autoptr (GtkCustomSorter) sorter = gtk_custom_sorter_new (column_probe_cb,
                                                                  GINT_TO_POINTER (sorts[i].sort),
                                                                  NULL);

      gtk_column_view_column_set_sorter (sorts[i].column, GTK_SORTER (sorter));
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ---------------------------------------------------------------- cells
 *
 * The cells are made in C rather than from GtkListItem templates: GTK
 * 4.8's list views keep about 400 rows alive around the one in view, and
 * re-evaluating every template's expression bindings on 3,000 cells made
 * each new filter or sort on 50,000 actions half as slow again. A cell
 * follows its item's changes with one "notify" handler. */

typedef enum
{
  CELL_TEXT,
  CELL_DUE, /* the date, and a warning sign when overdue */
  CELL_RAG, /* the RAG word on its colour */
} CellKind;

typedef struct
{
  CellKind kind;
  const char *(*text) (BpActionItem *item);
  const char *(*tooltip) (BpActionItem *item);
  const char *css_class;
} CellSpec;

static const CellSpec ref_cell = { CELL_TEXT, bp_action_item_get_ref, NULL, "numeric" };
static const CellSpec title_cell = { CELL_TEXT, bp_action_item_get_title, bp_action_item_get_title,
                                     NULL };
static const CellSpec priority_cell = { CELL_TEXT, bp_action_item_get_priority, NULL, NULL };
static const CellSpec owner_cell = { CELL_TEXT, bp_action_item_get_owner,
                                     bp_action_item_get_organisation, NULL };
static const CellSpec due_cell = { CELL_DUE, bp_action_item_get_due, bp_action_item_get_due_tooltip,
                                   "numeric" };
static const CellSpec rag_cell = { CELL_RAG, bp_action_item_get_rag_label, NULL, NULL };
static const CellSpec latest_cell = { CELL_TEXT, bp_action_item_get_latest_update,
                                      bp_action_item_get_latest_tooltip, NULL };

static GtkWidget *
cell_label (const CellSpec *spec)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (spec->css_class)
    gtk_widget_add_css_class (label, spec->css_class);
  return label;
}

static gboolean
on_query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                     GtkListItem *list_item)
{
  const CellSpec *spec = g_object_get_data (G_OBJECT (list_item), "bp-cell");
  BpActionItem *item = gtk_list_item_get_item (list_item);
  const char *text = item ? spec->tooltip (item) : NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, const CellSpec *spec)
{
  GtkWidget *child;

  switch (spec->kind)
    {
    case CELL_DUE:
      {
        GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
        gtk_widget_add_css_class (icon, "error");
        gtk_widget_set_tooltip_text (icon, _("Overdue"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Overdue"), -1);
        gtk_box_append (GTK_BOX (child), cell_label (spec));
        gtk_box_append (GTK_BOX (child), icon);
      }
      break;
    case CELL_RAG:
      child = gtk_label_new (NULL);
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      break;
    case CELL_TEXT:
    default:
      child = cell_label (spec);
      break;
    }
  /* Tooltips are made when asked for, not for each of the rows bound. */
  if (spec->tooltip)
    {
      gtk_widget_set_has_tooltip (child, TRUE);
      g_signal_connect (child, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), list_item);
    }
  g_object_set_data (G_OBJECT (list_item), "bp-cell", (gpointer) spec);
  gtk_list_item_set_child (list_item, child);
}

static void
update_cell (GtkListItem *list_item)
{
  const CellSpec *spec = g_object_get_data (G_OBJECT (list_item), "bp-cell");
  BpActionItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *label = spec->kind == CELL_DUE ? gtk_widget_get_first_child (child) : child;

  gtk_label_set_label (GTK_LABEL (label), spec->text (item));
  if (spec->kind == CELL_DUE)
    gtk_widget_set_visible (gtk_widget_get_last_child (child), bp_action_item_get_overdue (item));
  else if (spec->kind == CELL_RAG)
    {
      /* Restyling is not free: only when the colour changes. */
      int rag = bp_action_item_get_rag (item) + 1;

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "bp-rag")) != rag)
        {
          gtk_widget_set_css_classes (child, (const char **) bp_action_rag_css_classes (rag - 1));
          g_object_set_data (G_OBJECT (child), "bp-rag", GINT_TO_POINTER (rag));
        }
    }
}

static void
on_item_notify_cb (BpActionItem *item, GParamSpec *pspec, GtkListItem *list_item)
{
  update_cell (list_item);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, const CellSpec *spec)
{
  update_cell (list_item);
  g_signal_connect (gtk_list_item_get_item (list_item), "notify", G_CALLBACK (on_item_notify_cb),
                    list_item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, const CellSpec *spec)
{
  BpActionItem *item = gtk_list_item_get_item (list_item);

  if (item)
    g_signal_handlers_disconnect_by_func (item, on_item_notify_cb, list_item);
}

static void
set_cell_factory (GtkColumnViewColumn *column, const CellSpec *spec)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), (gpointer) spec);
  gtk_column_view_column_set_factory (column, factory);
}

static gboolean
on_open_tooltip_cb (GtkWidget *button, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                    GtkListItem *list_item)
{
  BpActionItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (item == NULL)
    return FALSE;
  text = g_strdup_printf (_("Open action %s"), bp_action_item_get_ref (item));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_open_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, BpActionsPage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.open-action");
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (on_open_tooltip_cb), list_item);
  gtk_list_item_set_child (list_item, button);
}

static void
bind_open_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, BpActionsPage *self)
{
  GtkWidget *button = gtk_list_item_get_child (list_item);
  BpActionItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *label = g_strdup_printf (_("Open action %s"), bp_action_item_get_ref (item));

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (bp_action_item_get_id (item)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* ------------------------------------------------------------- actions */

static void
find_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpActionsPage *self = BP_ACTIONS_PAGE (widget);

  if (bp_page_get_db (BP_PAGE (self)) == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
clear_filters_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpActionsPage *self = BP_ACTIONS_PAGE (widget);

  clear_controls (self);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  apply_filter (self);
}

static void
open_action_action (GtkWidget *widget, const char *name, GVariant *param)
{
  bp_actions_page_open_action (BP_ACTIONS_PAGE (widget), g_variant_get_int64 (param));
}

static void
new_action_action (GtkWidget *widget, const char *name, GVariant *param)
{
  bp_actions_page_open_action (BP_ACTIONS_PAGE (widget), 0);
}

/* ----------------------------------------------------------- overrides */

static void
reload (BpPage *page)
{
  BpActionsPage *self = BP_ACTIONS_PAGE (page);
  BpDb *db = bp_page_get_db (page);
  g_autoptr (GError) error = NULL;
  gboolean writable = db && !bp_db_is_read_only (db);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-action", writable);
  /* Reading 50,000 actions takes a while: not for a view nobody sees;
   * it catches up when shown. */
  if (db && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  if (bp_action_list_get_db (self->list) != db)
    {
      /* Another file: start again with no filter. */
      if (self->editor)
        gtk_window_destroy (GTK_WINDOW (self->editor));
      g_clear_pointer (&self->priorities_key, g_free);
      g_clear_pointer (&self->owners_key, g_free);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      bp_action_list_set_db (self->list, NULL);
      clear_controls (self);
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      fill_choices (self, db);
      bp_action_list_set_filter (self->list, NULL, NULL);
      bp_action_list_set_db (self->list, db);
      update_state (self);
      return;
    }
  if (db == NULL)
    return;
  if (fill_choices (self, db))
    {
      /* A chosen priority area or owner has gone. */
      apply_filter (self);
      return;
    }
  /* Live items are updated in place and keep the selection; only a
   * change of rows needs it put back. */
  if (!bp_action_list_refresh (self->list, &error))
    bp_widget_toast (GTK_WIDGET (self), error->message);
  update_state (self);
}

static void
bp_actions_page_map (GtkWidget *widget)
{
  BpActionsPage *self = BP_ACTIONS_PAGE (widget);

  GTK_WIDGET_CLASS (bp_actions_page_parent_class)->map (widget);
  if (self->stale)
    bp_page_reload_now (BP_PAGE (self));
}

static void
bp_actions_page_dispose (GObject *object)
{
  BpActionsPage *self = BP_ACTIONS_PAGE (object);

  g_clear_handle_id (&self->layout_idle, g_source_remove);
  if (self->editor)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
      gtk_window_destroy (GTK_WINDOW (self->editor));
      self->editor = NULL;
    }
  if (self->column_view)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_ACTIONS_PAGE);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  G_OBJECT_CLASS (bp_actions_page_parent_class)->dispose (object);
}

static void
bp_actions_page_finalize (GObject *object)
{
  BpActionsPage *self = BP_ACTIONS_PAGE (object);

  g_clear_pointer (&self->priority_ids, g_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_free (self->priorities_key);
  g_free (self->owners_key);
  G_OBJECT_CLASS (bp_actions_page_parent_class)->finalize (object);
}

static void
bp_actions_page_class_init (BpActionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_actions_page_dispose;
  object_class->finalize = bp_actions_page_finalize;
  widget_class->map = bp_actions_page_map;
  BP_PAGE_CLASS (klass)->reload = reload;

  g_type_ensure (BP_TYPE_ACTION_LIST);
  g_type_ensure (BP_TYPE_ACTION_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-actions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, priority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, rag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, due_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, filters);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, filters_start);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, filters_end);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, list);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, ref_column);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, priority_column);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, owner_column);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, rag_column);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, latest_column);
  gtk_widget_class_bind_template_child (widget_class, BpActionsPage, open_column);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "page.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "page.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "page.open-action", "x", open_action_action);
  gtk_widget_class_install_action (widget_class, "page.new-action", NULL, new_action_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "page.find",
                                       NULL);
}

static void
bp_actions_page_init (BpActionsPage *self)
{
  g_autoptr (GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  set_up_sorters (self);
  {
    GListModel *columns = gtk_column_view_get_columns (self->column_view);

    g_assert (g_list_model_get_n_items (columns) == N_COLUMNS);
    for (guint i = 0; i < N_COLUMNS; i++)
      self->columns[i] = g_list_model_get_item (columns, i);
  }

  set_cell_factory (self->ref_column, &ref_cell);
  set_cell_factory (self->title_column, &title_cell);
  set_cell_factory (self->priority_column, &priority_cell);
  set_cell_factory (self->owner_column, &owner_cell);
  set_cell_factory (self->due_column, &due_cell);
  set_cell_factory (self->rag_column, &rag_cell);
  set_cell_factory (self->latest_column, &latest_cell);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_open_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_open_cb), self);
  gtk_column_view_column_set_factory (self->open_column, factory);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->column_view));
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (on_page_size_cb), self, G_CONNECT_SWAPPED);

  bp_action_rag_css_install (gtk_widget_get_display (GTK_WIDGET (self)));
  update_state (self);
}

/* ---------------------------------------------------------- public API */

BpActionList *
bp_actions_page_get_list (BpActionsPage *self)
{
  g_return_val_if_fail (BP_IS_ACTIONS_PAGE (self), NULL);
  return self->list;
}

GtkWidget *
bp_actions_page_open_action (BpActionsPage *self, gint64 action_id)
{
  BpDb *db;
  GtkRoot *root;
  BpActionEditor *editor;

  g_return_val_if_fail (BP_IS_ACTIONS_PAGE (self), NULL);

  db = bp_page_get_db (BP_PAGE (self));
  if (db == NULL)
    return NULL;
  if (self->editor)
    {
      if (bp_action_editor_get_action_id (BP_ACTION_EDITOR (self->editor)) == action_id
          && action_id != 0)
        {
          gtk_window_present (GTK_WINDOW (self->editor));
          return self->editor;
        }
      gtk_window_close (GTK_WINDOW (self->editor));
      if (self->editor)
        return self->editor; /* it asks about unsaved changes first */
    }

  editor = bp_action_editor_new (db, action_id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (editor), TRUE);
  self->editor = GTK_WIDGET (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &self->editor);
  gtk_window_present (GTK_WINDOW (editor));
  return self->editor;
}

GtkWidget *
bp_actions_page_get_editor (BpActionsPage *self)
{
  g_return_val_if_fail (BP_IS_ACTIONS_PAGE (self), NULL);
  return self->editor;
}
