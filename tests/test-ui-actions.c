/* test-ui-actions.c: the Actions view and the action editor on the
 * sample file: the lazy model, filters, search, sorting, the editor's
 * validation, saving, adding an update and undo. */
#include "bp-action-editor.h"
#include "bp-action-list.h"
#include "bp-actions-page.h"
#include "bp-ui-test-util.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <time.h>

typedef struct
{
  char *dir;
  char *sample;
  BpDb *db;
  GtkWidget *window;
  BpActionsPage *page;
  BpActionList *list;
  GPtrArray *held; /* items the test looks at, kept alive until the end */
} Fixture;

typedef struct
{
  guint position, removed, added;
} Change;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = bp_test_tmpdir ();
  f->sample = bp_ui_write_sample (f->dir);
  f->db = bp_db_open (f->sample, BP_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  bp_db_set_actor (f->db, "Test");
  bp_db_set_undo_enabled (f->db, TRUE);

  f->page = g_object_new (BP_TYPE_ACTIONS_PAGE, "db", f->db, NULL);
  f->list = bp_actions_page_get_list (f->page);
  f->held = g_ptr_array_new_with_free_func (g_object_unref);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  bp_ui_flush ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->held, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (f->window));
  bp_ui_flush ();
  g_clear_object (&f->db);
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->sample);
}

static int
sql_int (Fixture *f, const char *sql)
{
  return bp_test_sql_int (f->sample, sql);
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->list));
}

static BpActionItem *
row (Fixture *f, guint position)
{
  BpActionItem *item = g_list_model_get_item (G_LIST_MODEL (f->list), position);

  g_assert_nonnull (item);
  g_ptr_array_add (f->held, item);
  return item;
}

static guint
position_of (Fixture *f, const char *ref)
{
  for (guint i = 0; i < n_rows (f); i++)
    {
      g_autoptr (BpActionItem) item = g_list_model_get_item (G_LIST_MODEL (f->list), i);

      if (g_str_equal (bp_action_item_get_ref (item), ref))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static GtkWidget *
named (Fixture *f, const char *name)
{
  GtkWidget *w = bp_ui_find_named (GTK_WIDGET (f->page), name);

  g_assert_nonnull (w);
  return w;
}

static void
on_items_changed_cb (GListModel *model, guint position, guint removed, guint added, GArray *log)
{
  Change c = { position, removed, added };

  g_array_append_val (log, c);
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  bp_ui_flush ();
}

/* Types into the search entry and waits for its search-changed. */
static void
search_for (Fixture *f, const char *text)
{
  GtkWidget *entry = named (f, "search-entry");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.find", NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  wait_ms (400);
}

static const char *
count_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (named (f, "count-label")));
}

/* ---------------------------------------------------------------- tests */

static void
test_rows (Fixture *f, gconstpointer data)
{
  GtkWidget *view = named (f, "actions-table");
  BpActionItem *first;

  g_assert_cmpuint (n_rows (f), ==, sql_int (f, "SELECT count(*) FROM action"));
  g_assert_cmpuint (n_rows (f), ==, 143);
  g_assert_cmpuint (bp_action_list_get_n_total (f->list), ==, 143);
  g_assert_cmpstr (count_text (f), ==, "143 actions");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (named (f, "actions-stack"))), ==,
                   "actions");
  g_assert_true (GTK_IS_COLUMN_VIEW (view));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) == BP_TYPE_ACTION_ITEM);

  /* Plan order: the first priority area's first action. */
  first = row (f, 0);
  g_assert_cmpstr (bp_action_item_get_ref (first), ==, "1.1");
  g_assert_cmpstr (bp_action_item_get_priority (first), ==, "P1");
  g_assert_cmpint (bp_action_item_get_id (first), ==,
                   sql_int (f, "SELECT id FROM action WHERE ref = '1.1'"));

  /* An item is made when asked for, and the same one while it lives. */
  {
    g_autoptr (BpActionItem) a = g_list_model_get_item (G_LIST_MODEL (f->list), 5);
    g_autoptr (BpActionItem) b = g_list_model_get_item (G_LIST_MODEL (f->list), 5);
    g_autofree char *rag_label = NULL;
    g_auto (GStrv) classes = NULL;

    g_assert_true (a == b);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), 143));
    g_object_get (a, "rag-label", &rag_label, "rag-classes", &classes, NULL);
    g_assert_cmpstr (rag_label, ==, bp_rag_to_label (bp_action_item_get_rag (a)));
    g_assert_true (g_strv_contains ((const char *const *) classes, "bp-rag"));
  }

  /* Every column sorts, and the table has an accessible name. */
  {
    GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
    guint sortable = 0;

    g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 8);
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        sortable += gtk_column_view_column_get_sorter (column) != NULL;
      }
    g_assert_cmpuint (sortable, ==, 7);
  }
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  g_autoptr (GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  GtkDropDown *priority = GTK_DROP_DOWN (named (f, "priority-filter"));
  GtkDropDown *owner = GTK_DROP_DOWN (named (f, "owner-filter"));
  GtkDropDown *rag = GTK_DROP_DOWN (named (f, "rag-filter"));
  GtkDropDown *due = GTK_DROP_DOWN (named (f, "due-filter"));
  GtkToggleButton *overdue = GTK_TOGGLE_BUTTON (named (f, "overdue-filter"));
  int p3 = sql_int (f, "SELECT count(*) FROM action a JOIN priority p ON p.id = a.priority_id"
                       " WHERE p.code = 'P3'");
  int red = sql_int (f, "SELECT count(*) FROM action WHERE rag = 'R'");
  int p3_red = sql_int (f, "SELECT count(*) FROM action a JOIN priority p ON p.id = a.priority_id"
                           " WHERE p.code = 'P3' AND a.rag = 'R'");
  int overdue_june = sql_int (f, "SELECT count(*) FROM action WHERE rag <> 'B'"
                                 " AND coalesce(revised_due_date, due_date) < '2025-06-30'");
  int due_6_weeks = sql_int (f, "SELECT count(*) FROM action WHERE rag <> 'B'"
                                " AND coalesce(revised_due_date, due_date)"
                                " BETWEEN '2025-06-30' AND '2025-08-11'");
  g_autofree char *owner_name = bp_test_sql_text (f->sample,
                                                  "SELECT p.name FROM person p JOIN action a"
                                                  " ON a.owner_id = p.id GROUP BY p.id"
                                                  " ORDER BY count(*) DESC, p.id LIMIT 1");
  g_autofree char *owner_sql = g_strdup_printf ("SELECT count(*) FROM action a JOIN person p"
                                                " ON p.id = a.owner_id WHERE p.name = '%s'",
                                                owner_name);
  int owned = sql_int (f, owner_sql);
  g_autofree char *expected = NULL;
  GListModel *choices;
  guint p3_pos = GTK_INVALID_LIST_POSITION, owner_pos = GTK_INVALID_LIST_POSITION;

  g_assert_cmpint (p3, ==, 19);
  g_assert_cmpint (red, >, 0);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (on_items_changed_cb), log);

  /* The priority dropdown: "All priority areas", then each. */
  choices = gtk_drop_down_get_model (priority);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==,
                    1 + sql_int (f, "SELECT count(*) FROM priority"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==,
                   "All priority areas");
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "P3 "))
      p3_pos = i;
  g_assert_cmpuint (p3_pos, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (priority, p3_pos);
  g_assert_cmpuint (n_rows (f), ==, p3);
  /* One items-changed for the whole list: all old rows out, new ones in. */
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpuint (g_array_index (log, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (log, Change, 0).removed, ==, 143);
  g_assert_cmpuint (g_array_index (log, Change, 0).added, ==, p3);
  for (guint i = 0; i < n_rows (f); i++)
    g_assert_cmpstr (bp_action_item_get_priority (row (f, i)), ==, "P3");
  expected = g_strdup_printf ("%d of 143 actions", p3);
  g_assert_cmpstr (count_text (f), ==, expected);
  g_assert_true (gtk_widget_get_visible (named (f, "actions-table")));

  /* And red: the filters combine. */
  g_array_set_size (log, 0);
  gtk_drop_down_set_selected (rag, 1);
  g_assert_cmpuint (n_rows (f), ==, p3_red);
  g_assert_cmpuint (log->len, ==, (p3 || p3_red) ? 1 : 0);
  g_assert_cmpuint (g_array_index (log, Change, 0).removed, ==, p3);
  g_assert_cmpuint (g_array_index (log, Change, 0).added, ==, p3_red);

  gtk_drop_down_set_selected (priority, 0);
  g_assert_cmpuint (n_rows (f), ==, red);
  for (guint i = 0; i < n_rows (f); i++)
    g_assert_cmpint (bp_action_item_get_rag (row (f, i)), ==, BP_RAG_RED);
  gtk_drop_down_set_selected (rag, 0);
  g_assert_cmpuint (n_rows (f), ==, 143);
  g_assert_cmpstr (count_text (f), ==, "143 actions");

  /* Overdue as of a date. */
  bp_action_list_set_as_of (f->list, "2025-06-30");
  gtk_toggle_button_set_active (overdue, TRUE);
  g_assert_cmpuint (n_rows (f), ==, overdue_june);
  g_assert_cmpint (overdue_june, >, 0);
  for (guint i = 0; i < n_rows (f); i++)
    g_assert_true (bp_action_item_get_overdue (row (f, i)));
  gtk_toggle_button_set_active (overdue, FALSE);

  /* Due within 6 weeks of the as-of date, not complete. */
  gtk_drop_down_set_selected (due, 3);
  g_assert_cmpuint (n_rows (f), ==, due_6_weeks);
  gtk_drop_down_set_selected (due, 0);

  /* By owner. */
  choices = gtk_drop_down_get_model (owner);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), owner_name))
      owner_pos = i;
  g_assert_cmpuint (owner_pos, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (owner, owner_pos);
  g_assert_cmpuint (n_rows (f), ==, owned);
  for (guint i = 0; i < n_rows (f); i++)
    g_assert_cmpstr (bp_action_item_get_owner (row (f, i)), ==, owner_name);

  /* Clear filters puts every control back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.clear-filters", NULL));
  g_assert_cmpuint (n_rows (f), ==, 143);
  g_assert_cmpuint (gtk_drop_down_get_selected (owner), ==, 0);
  g_assert_false (bp_action_list_is_filtered (f->list));

  /* A filter that matches nothing shows the "no matching" page. */
  gtk_drop_down_set_selected (priority, p3_pos);
  gtk_drop_down_set_selected (rag, 4); /* blue */
  if (n_rows (f) > 0)
    gtk_toggle_button_set_active (overdue, TRUE); /* blue is never overdue */
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (named (f, "list-stack"))), ==,
                   "no-match");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.clear-filters", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (named (f, "list-stack"))), ==,
                   "list");
}

/* The list filters the file's actions itself (but for a search): it
 * must list exactly what the core's query lists, in the same order. */
static void
test_filter_like_core (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpActionList) list = bp_action_list_new (f->db);
  g_autoptr (GPtrArray) priorities = bp_db_list_priorities (f->db, &error);
  g_autoptr (BpAction) a32 = bp_db_find_action (f->db, "3.2", &error);
  gint64 p3 = ((BpPriority *) priorities->pdata[2])->id;
  const struct
  {
    gint64 priority, owner;
    guint rag_mask;
    const char *overdue, *due_from;
    int within;
    const char *search;
  } cases[] = {
    { 0, 0, 0, NULL, NULL, -1, NULL },
    { p3, 0, 0, NULL, NULL, -1, NULL },
    { 0, a32->owner_id, 0, NULL, NULL, -1, NULL },
    { 0, 0, 1 << BP_RAG_RED, NULL, NULL, -1, NULL },
    { 0, 0, (1 << BP_RAG_AMBER) | (1 << BP_RAG_NOT_STARTED), NULL, NULL, -1, NULL },
    { 0, 0, 0, "2025-06-30", NULL, -1, NULL },
    { 0, 0, 0, "2025-03-31", NULL, -1, NULL }, /* a due date on the day is not overdue */
    { 0, 0, 0, NULL, "2025-06-30", 42, NULL },
    { 0, 0, 0, NULL, "2025-03-31", 0, NULL },  /* due on the day itself */
    { 0, 0, 1 << BP_RAG_BLUE, "2025-06-30", NULL, -1, NULL },
    { p3, 0, 1 << BP_RAG_GREEN, "2026-01-01", "2025-01-01", 365, NULL },
    { p3, 0, 0, NULL, NULL, -1, "autism" },
  };

  g_assert_no_error (error);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      BpActionFilter filter = BP_ACTION_FILTER_INIT;
      g_autoptr (GPtrArray) expected = NULL;

      filter.priority_id = cases[c].priority;
      filter.owner_id = cases[c].owner;
      filter.rag_mask = cases[c].rag_mask;
      filter.overdue_as_of = cases[c].overdue;
      filter.due_from = cases[c].due_from;
      filter.due_within_days = cases[c].within;
      filter.search = cases[c].search;
      expected = bp_db_list_actions (f->db, &filter, &error);
      g_assert_no_error (error);
      g_assert_true (bp_action_list_set_filter (list, &filter, &error));
      g_assert_no_error (error);
      g_test_message ("case %u: %u actions", c, expected->len);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        g_assert_cmpint (bp_action_list_get_id (list, i), ==,
                         ((BpAction *) expected->pdata[i])->id);
      g_assert_cmpuint (bp_action_list_get_n_total (list), ==, 143);
    }

  /* A due-from that is not a date is refused, as the core refuses it. */
  {
    BpActionFilter filter = BP_ACTION_FILTER_INIT;

    filter.due_from = "2025-02-30";
    filter.due_within_days = 14;
    g_assert_false (bp_action_list_set_filter (list, &filter, &error));
    g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
test_search (Fixture *f, gconstpointer data)
{
  gint64 update_action = sql_int (f, "SELECT action_id FROM progress_update"
                                     " WHERE commentary LIKE '%workshops%' ORDER BY id LIMIT 1");
  gboolean found = FALSE;

  /* An exact reference comes first. */
  search_for (f, "3.2");
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (named (f, "search-bar"))));
  g_assert_cmpuint (n_rows (f), >=, 1);
  g_assert_cmpstr (bp_action_item_get_ref (row (f, 0)), ==, "3.2");
  g_assert_true (bp_action_list_is_filtered (f->list));

  /* Words from an update's commentary find its action. */
  g_assert_cmpint (update_action, >, 0);
  search_for (f, "workshops");
  g_assert_cmpuint (n_rows (f), >=, 1);
  g_assert_cmpuint (n_rows (f), <, 143);
  for (guint i = 0; i < n_rows (f); i++)
    found |= bp_action_item_get_id (row (f, i)) == update_action;
  g_assert_true (found);

  /* Words from a title too; nonsense finds nothing. */
  search_for (f, "autism");
  g_assert_cmpuint (position_of (f, "3.2"), !=, GTK_INVALID_LIST_POSITION);
  search_for (f, "zzxqqy");
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (named (f, "list-stack"))), ==,
                   "no-match");

  /* Closing the search bar (Escape) searches for nothing. */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (named (f, "search-bar")), FALSE);
  wait_ms (300);
  g_assert_cmpuint (n_rows (f), ==, 143);
}

static GtkColumnViewColumn *
column_titled (Fixture *f, const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (named (f, "actions-table")));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return column;
    }
  g_assert_not_reached ();
}

static gboolean
column_shown (Fixture *f, const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (named (f, "actions-table")));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return gtk_column_view_column_get_visible (column);
    }
  return FALSE;
}

static void
test_sort (Fixture *f, gconstpointer data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (named (f, "actions-table"));
  g_autofree char *earliest = bp_test_sql_text (f->sample,
                                                "SELECT min(coalesce(revised_due_date, due_date))"
                                                " FROM action");
  g_autofree char *latest = bp_test_sql_text (f->sample,
                                              "SELECT max(coalesce(revised_due_date, due_date))"
                                              " FROM action");
  gboolean seen_empty = FALSE;
  GtkSortType order;

  /* By Due: the earliest first, actions without a date last. */
  gtk_column_view_sort_by_column (view, column_titled (f, "Due"), GTK_SORT_ASCENDING);
  g_assert_cmpint (bp_action_list_get_sort (f->list, &order), ==, BP_ACTION_SORT_DUE);
  g_assert_cmpint (order, ==, GTK_SORT_ASCENDING);
  g_assert_cmpstr (bp_action_item_get_due_key (row (f, 0)), ==, earliest);
  for (guint i = 1; i < n_rows (f); i++)
    {
      const char *a = bp_action_item_get_due_key (row (f, i - 1));
      const char *b = bp_action_item_get_due_key (row (f, i));

      if (*b == '\0')
        seen_empty = TRUE;
      else
        {
          g_assert_false (seen_empty);
          g_assert_cmpstr (a, <=, b);
        }
    }
  gtk_column_view_sort_by_column (view, column_titled (f, "Due"), GTK_SORT_DESCENDING);
  g_assert_cmpint (bp_action_list_get_sort (f->list, &order), ==, BP_ACTION_SORT_DUE);
  g_assert_cmpint (order, ==, GTK_SORT_DESCENDING);
  g_assert_cmpstr (bp_action_item_get_due_key (row (f, 0)), ==, latest);

  /* By Ref: natural order, 1.2 before 1.10. */
  gtk_column_view_sort_by_column (view, column_titled (f, "Ref"), GTK_SORT_ASCENDING);
  g_assert_cmpint (bp_action_list_get_sort (f->list, NULL), ==, BP_ACTION_SORT_REF);
  g_assert_cmpstr (bp_action_item_get_ref (row (f, 0)), ==, "1.1");
  g_assert_cmpuint (position_of (f, "1.2"), <, position_of (f, "1.10"));
  g_assert_cmpuint (position_of (f, "1.10"), <, position_of (f, "2.1"));

  /* By RAG: the most severe first. */
  gtk_column_view_sort_by_column (view, column_titled (f, "RAG"), GTK_SORT_ASCENDING);
  g_assert_cmpint (bp_action_item_get_rag (row (f, 0)), ==, BP_RAG_RED);
  g_assert_cmpint (bp_action_item_get_rag (row (f, n_rows (f) - 1)), ==, BP_RAG_BLUE);

  /* The selection follows its action through a sort and a filter. */
  {
    guint pos = position_of (f, "3.2");
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));

    gtk_single_selection_set_selected (selection, pos);
    gtk_column_view_sort_by_column (view, column_titled (f, "Action"), GTK_SORT_ASCENDING);
    g_assert_cmpstr (bp_action_item_get_ref (gtk_single_selection_get_selected_item (selection)),
                     ==, "3.2");
    for (guint i = 1; i < n_rows (f); i++)
      g_assert_cmpint (g_utf8_collate (bp_action_item_get_title (row (f, i - 1)),
                                       bp_action_item_get_title (row (f, i))),
                       <=, 0);
  }

  /* No sort column: the plan's order again. */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpint (bp_action_list_get_sort (f->list, NULL), ==, BP_ACTION_SORT_PLAN);
  g_assert_cmpstr (bp_action_item_get_ref (row (f, 0)), ==, "1.1");
}

static void
test_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr (GArray) log = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) a = bp_db_find_action (f->db, "1.3", &error);
  guint pos = position_of (f, "1.3");
  g_autoptr (BpActionItem) item = g_list_model_get_item (G_LIST_MODEL (f->list), pos);

  g_signal_connect (f->list, "items-changed", G_CALLBACK (on_items_changed_cb), log);

  /* An edit that moves nothing: the live item shows it, no rows change. */
  g_free (a->title);
  a->title = g_strdup ("Renamed in a test");
  g_assert_true (bp_db_update_action (f->db, a, &error));
  g_assert_no_error (error);
  bp_ui_flush ();
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_cmpstr (bp_action_item_get_title (item), ==, "Renamed in a test");
  g_assert_true (row (f, pos) == item);

  /* A new action in P1: one row added where it goes. */
  {
    g_autoptr (BpAction) n = bp_action_new ();
    guint after = position_of (f, "1.1");

    n->ref = g_strdup ("1.99");
    n->priority_id = a->priority_id;
    n->title = g_strdup ("Added in a test");
    n->position = 1000;
    g_assert_true (bp_db_insert_action (f->db, n, &error));
    g_assert_no_error (error);
    bp_ui_flush ();
    g_assert_cmpuint (log->len, ==, 1);
    g_assert_cmpuint (g_array_index (log, Change, 0).removed, ==, 0);
    g_assert_cmpuint (g_array_index (log, Change, 0).added, ==, 1);
    g_assert_cmpuint (g_array_index (log, Change, 0).position, ==, position_of (f, "1.99"));
    g_assert_cmpuint (after, <, position_of (f, "1.99"));
    g_assert_cmpuint (n_rows (f), ==, 144);
    g_assert_cmpstr (count_text (f), ==, "144 actions");
  }

  /* Undo takes it out again: one row removed. */
  g_array_set_size (log, 0);
  g_assert_true (bp_db_undo (f->db, &error));
  bp_ui_flush ();
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpuint (g_array_index (log, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (log, Change, 0).added, ==, 0);
  g_assert_cmpuint (n_rows (f), ==, 143);
}

static GtkWidget *
editor_field (GtkWidget *editor, const char *name)
{
  GtkWidget *w = bp_ui_find_named (editor, name);

  g_assert_nonnull (w);
  return w;
}

static void
set_field (GtkWidget *editor, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editor_field (editor, name)), text);
}

static void
set_long_field (GtkWidget *editor, const char *name, const char *text)
{
  GtkWidget *view = editor_field (editor, name);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static gboolean
shows_error (GtkWidget *editor, const char *name)
{
  g_autofree char *error_name = g_strconcat (name, "-error", NULL);
  GtkWidget *label = editor_field (editor, error_name);

  return gtk_widget_get_visible (label) && *gtk_label_get_text (GTK_LABEL (label))
         && gtk_widget_has_css_class (editor_field (editor, name), "error");
}

/* The RAG choice of the update form: a toggle button per RAG. */
static GtkWidget *
rag_choice (GtkWidget *editor, BpRag rag)
{
  GtkWidget *button = gtk_widget_get_first_child (editor_field (editor, "update-rag"));

  for (BpRag r = 0; r < rag; r++)
    button = gtk_widget_get_next_sibling (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  return button;
}

static int
audit_count (Fixture *f, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE entity = 'action'"
                                          " AND entity_id = %" G_GINT64_FORMAT, id);

  return sql_int (f, sql);
}

static GtkWidget *
open_editor (Fixture *f, const char *ref)
{
  guint pos = position_of (f, ref);
  GtkWidget *editor;

  g_assert_cmpuint (pos, !=, GTK_INVALID_LIST_POSITION);
  /* As a double click or Enter on the row does. */
  g_signal_emit_by_name (named (f, "actions-table"), "activate", pos);
  editor = bp_actions_page_get_editor (f->page);
  g_assert_nonnull (editor);
  g_assert_true (BP_IS_ACTION_EDITOR (editor));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));
  g_assert_cmpint (bp_action_editor_get_action_id (BP_ACTION_EDITOR (editor)), ==,
                   bp_action_item_get_id (row (f, pos)));
  bp_ui_flush ();
  return editor;
}

static void
close_editor (Fixture *f, GtkWidget *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  bp_ui_flush ();
  g_assert_null (bp_actions_page_get_editor (f->page));
}

static void
assert_same_action (const BpAction *a, const BpAction *b)
{
  g_assert_cmpstr (a->ref, ==, b->ref);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->start_date, ==, b->start_date);
  g_assert_cmpstr (a->due_date, ==, b->due_date);
  g_assert_cmpstr (a->revised_due_date, ==, b->revised_due_date);
  g_assert_cmpint (a->owner_id, ==, b->owner_id);
  g_assert_cmpint (a->percent, ==, b->percent);
  g_assert_cmpint (a->rag, ==, b->rag);
}

static void
test_editor_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) before = bp_db_find_action (f->db, "3.2", &error);
  int audits = audit_count (f, before->id);
  GtkWidget *editor = open_editor (f, "3.2");

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Action 3.2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_field (editor, "title"))), ==,
                   before->title);
  g_assert_false (bp_action_editor_is_modified (BP_ACTION_EDITOR (editor)));
  /* Dates as UK papers write them. */
  {
    g_autofree char *due = bp_date_format_uk (before->due_date);

    g_assert_nonnull (before->due_date);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_field (editor, "due-date"))), ==,
                     due);
    g_assert_nonnull (strchr (due, '/'));
  }

  /* An empty title: shown beside the field, nothing written. */
  set_field (editor, "title", "  ");
  g_assert_true (bp_action_editor_is_modified (BP_ACTION_EDITOR (editor)));
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  bp_ui_flush ();
  g_assert_true (shows_error (editor, "title"));
  g_assert_true (bp_actions_page_get_editor (f->page) == editor); /* still open */
  {
    g_autoptr (BpAction) now = bp_db_get_action (f->db, before->id, &error);

    assert_same_action (now, before);
  }
  g_assert_cmpint (audit_count (f, before->id), ==, audits);

  /* Typing clears the field's error. */
  set_field (editor, "title", before->title);
  g_assert_false (shows_error (editor, "title"));

  /* Due before start. */
  set_field (editor, "start-date", "2025-06-01");
  set_field (editor, "due-date", "2025-05-01");
  g_assert_false (bp_action_editor_save (BP_ACTION_EDITOR (editor)));
  g_assert_true (shows_error (editor, "due-date"));
  g_assert_false (shows_error (editor, "start-date"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (editor_field (editor, "due-date-error"))),
                            "before the start"));

  /* Not a date. */
  set_field (editor, "due-date", "2025-02-30");
  g_assert_false (bp_action_editor_save (BP_ACTION_EDITOR (editor)));
  g_assert_true (shows_error (editor, "due-date"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (editor_field (editor, "due-date-error"))),
                            "DD/MM/YYYY"));
  /* A date as UK papers write it is a date; the error says how to write one. */
  set_field (editor, "due-date", "31/01/2026");
  set_field (editor, "revised-due-date", "soon");
  g_assert_false (bp_action_editor_save (BP_ACTION_EDITOR (editor)));
  g_assert_false (shows_error (editor, "due-date"));
  g_assert_true (shows_error (editor, "revised-due-date"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (editor_field (editor,
                                                                         "revised-due-date-error"))),
                            "DD/MM/YYYY"));
  set_field (editor, "due-date", before->due_date);
  set_field (editor, "revised-due-date", "");
  set_field (editor, "start-date", before->start_date ? before->start_date : "");

  /* An owner chosen who has meanwhile left the file: the core's error,
   * beside Owner. The dropdown lists "No owner" then the people in
   * bp_db_list_people()'s order. */
  {
    g_autoptr (GPtrArray) people = bp_db_list_people (f->db, &error);
    BpPerson *other = people->pdata[0];
    GtkDropDown *owner = GTK_DROP_DOWN (editor_field (editor, "owner"));

    if (other->id == before->owner_id)
      other = people->pdata[1];
    gtk_drop_down_set_selected (owner, other == people->pdata[0] ? 1 : 2);
    set_field (editor, "title", "Title that must not be saved");
    g_assert_true (bp_db_delete_person (f->db, other->id, &error));
    g_assert_no_error (error);
    g_assert_false (bp_action_editor_save (BP_ACTION_EDITOR (editor)));
    g_assert_true (shows_error (editor, "owner"));
    g_assert_false (shows_error (editor, "title"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (editor_field (editor, "owner-error"))),
                              "owner"));
    {
      g_autoptr (BpAction) now = bp_db_get_action (f->db, before->id, &error);

      g_assert_cmpstr (now->title, ==, before->title);
    }
    g_assert_true (bp_db_undo (f->db, &error));
    g_assert_no_error (error);
  }

  close_editor (f, editor);
  {
    g_autoptr (BpAction) now = bp_db_get_action (f->db, before->id, &error);

    assert_same_action (now, before);
  }
  g_assert_cmpint (audit_count (f, before->id), ==, audits);
}

/* The window in Welsh: a core error still lands beside its field, found
 * by the column the error names, not by reading the message. */
static void
test_editor_core_error_welsh (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) before = bp_db_find_action (f->db, "3.2", &error);
  g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autoptr (GPtrArray) people = NULL;
  GtkWidget *editor;
  BpPerson *other;
  const char *message;

  /* gtk_test_init() keeps the C locale, where gettext ignores LANGUAGE. */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_assert_nonnull (bindtextdomain (GETTEXT_PACKAGE, po));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE); /* as main() does */
  g_setenv ("LANGUAGE", "cy", TRUE);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "owner"), !=, "owner");

  editor = open_editor (f, "3.2");
  people = bp_db_list_people (f->db, &error);
  other = people->pdata[0];
  if (other->id == before->owner_id)
    other = people->pdata[1];
  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor_field (editor, "owner")),
                              other == people->pdata[0] ? 1 : 2);
  g_assert_true (bp_db_delete_person (f->db, other->id, &error));
  g_assert_no_error (error);
  g_assert_false (bp_action_editor_save (BP_ACTION_EDITOR (editor)));
  g_assert_true (shows_error (editor, "owner"));
  g_assert_false (shows_error (editor, "title"));
  message = gtk_label_get_text (GTK_LABEL (editor_field (editor, "owner-error")));
  g_test_message ("owner error: %s", message);
  g_assert_nonnull (strstr (message, "anhysbys"));
  /* The field's error, without the action's name before it. */
  g_assert_null (strstr (message, "3.2"));

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_no_error (error);
  close_editor (f, editor);
}

static void
test_editor_save (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) before = bp_db_find_action (f->db, "3.2", &error);
  int audits = audit_count (f, before->id);
  int field_audits = 0;
  GtkWidget *editor = open_editor (f, "3.2");
  g_autoptr (BpActionItem) item = g_list_model_get_item (G_LIST_MODEL (f->list),
                                                         position_of (f, "3.2"));

  set_field (editor, "title", "Cut waits for autism assessment");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor_field (editor, "percent")),
                             before->percent == 55 ? 60 : 55);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  bp_ui_flush ();

  /* Saved and closed: one audit entry per changed field, two here. */
  g_assert_null (bp_actions_page_get_editor (f->page));
  {
    g_autoptr (BpAction) now = bp_db_get_action (f->db, before->id, &error);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE entity = 'action'"
                                            " AND op = 'update' AND field IN ('title', 'percent')"
                                            " AND entity_id = %" G_GINT64_FORMAT, before->id);

    g_assert_cmpstr (now->title, ==, "Cut waits for autism assessment");
    g_assert_cmpint (now->percent, !=, before->percent);
    g_assert_cmpstr (now->description, ==, before->description);
    g_assert_cmpstr (now->due_text, ==, before->due_text);
    g_assert_cmpint (now->rag, ==, before->rag);
    field_audits = sql_int (f, sql);
  }
  g_assert_cmpint (audit_count (f, before->id), ==, audits + 2);
  g_assert_cmpint (field_audits, ==, 2);

  /* The table shows it. */
  g_assert_cmpstr (bp_action_item_get_title (item), ==, "Cut waits for autism assessment");

  /* Undo restores the file's state. */
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_no_error (error);
  bp_ui_flush ();
  {
    g_autoptr (BpAction) now = bp_db_get_action (f->db, before->id, &error);

    assert_same_action (now, before);
  }
  g_assert_cmpstr (bp_action_item_get_title (item), ==, before->title);

  /* Saving with nothing changed writes nothing. */
  editor = open_editor (f, "3.2");
  audits = audit_count (f, before->id);
  g_assert_true (bp_action_editor_save (BP_ACTION_EDITOR (editor)));
  g_assert_cmpint (audit_count (f, before->id), ==, audits);
  close_editor (f, editor);
}

static void
test_editor_update (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) before = bp_db_find_action (f->db, "2.4", &error);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM progress_update"
                                                " WHERE action_id = %" G_GINT64_FORMAT,
                                                before->id);
  int updates = sql_int (f, count_sql);
  int red = sql_int (f, "SELECT count(*) FROM action WHERE rag = 'R'");
  GtkWidget *editor = open_editor (f, "2.4");
  GtkWidget *history = editor_field (editor, "history-list");
  guint rows_before = 0, rows_after = 0;
  g_autofree char *today = bp_date_today ();
  g_autofree char *today_uk = bp_date_format_uk (today);

  /* 2.4 is green in the sample (3.2 is red already). */
  g_assert_cmpint (before->rag, !=, BP_RAG_RED);
  for (GtkWidget *c = gtk_widget_get_first_child (history); c; c = gtk_widget_get_next_sibling (c))
    rows_before++;
  g_assert_cmpuint (rows_before, ==, MAX (updates, 1));

  /* The form starts at today, as DD/MM/YYYY, at the action's RAG. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_field (editor, "update-date"))), ==,
                   today_uk);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rag_choice (editor, before->rag))));

  /* Without commentary: an error beside it, nothing added. */
  /* Red: one of the five RAG buttons. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (rag_choice (editor, BP_RAG_RED))), ==, "Red");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (rag_choice (editor, BP_RAG_RED)), TRUE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rag_choice (editor, before->rag))));
  g_assert_false (bp_action_editor_add_update (BP_ACTION_EDITOR (editor)));
  g_assert_true (shows_error (editor, "update-commentary"));
  set_long_field (editor, "update-commentary", "Assessment waits rose again in June.");
  set_field (editor, "update-date", "2025-13-01");
  g_assert_false (bp_action_editor_add_update (BP_ACTION_EDITOR (editor)));
  g_assert_true (shows_error (editor, "update-date"));
  g_assert_cmpint (sql_int (f, count_sql), ==, updates);

  /* Added: the action turns red, the history grows by one, newest first. */
  set_field (editor, "update-date", today);
  set_long_field (editor, "update-next-steps", "Escalate to the board.");
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-update", NULL));
  bp_ui_flush ();
  g_assert_cmpint (sql_int (f, count_sql), ==, updates + 1);
  {
    g_autoptr (BpAction) now = bp_db_get_action (f->db, before->id, &error);

    g_assert_cmpint (now->rag, ==, BP_RAG_RED);
  }
  for (GtkWidget *c = gtk_widget_get_first_child (history); c; c = gtk_widget_get_next_sibling (c))
    rows_after++;
  g_assert_cmpuint (rows_after, ==, updates + 1);
  g_assert_false (shows_error (editor, "update-commentary"));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (
      GTK_TEXT_VIEW (editor_field (editor, "update-commentary")));

    g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  }

  /* The table shows it too, and a red filter counts it. */
  g_assert_cmpint (bp_action_item_get_rag (row (f, position_of (f, "2.4"))), ==, BP_RAG_RED);
  g_assert_cmpstr (bp_action_item_get_latest_commentary (row (f, position_of (f, "2.4"))), ==,
                   "Assessment waits rose again in June.");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (f, "rag-filter")), 1);
  g_assert_cmpuint (n_rows (f), ==, red + 1);

  /* A details save after the update keeps the update's RAG. */
  set_field (editor, "partners", "Health visitors");
  g_assert_true (bp_action_editor_save (BP_ACTION_EDITOR (editor)));
  {
    g_autoptr (BpAction) now = bp_db_get_action (f->db, before->id, &error);

    g_assert_cmpint (now->rag, ==, BP_RAG_RED);
    g_assert_cmpstr (now->partners, ==, "Health visitors");
  }
  close_editor (f, editor);

  /* Undo, twice: the save, then the update. */
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_no_error (error);
  bp_ui_flush ();
  {
    g_autoptr (BpAction) now = bp_db_get_action (f->db, before->id, &error);

    assert_same_action (now, before);
    g_assert_cmpstr (now->partners, ==, before->partners);
  }
  g_assert_cmpint (sql_int (f, count_sql), ==, updates);
  g_assert_cmpuint (n_rows (f), ==, red);
}

/* How many updates of the history show what they ask of the board. */
static guint
history_asks_count (GtkWidget *editor, const char *text)
{
  GtkWidget *history = editor_field (editor, "history-list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (history); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = bp_ui_find_named (row, "history-asks");

      if (label && strstr (gtk_label_get_text (GTK_LABEL (label)), text))
        n++;
    }
  return n;
}

/* An update's asks of the board: typed in the update form, written with
 * the update, shown in the history; an update without any keeps none. */
static void
test_editor_asks (Fixture *f, gconstpointer data)
{
  static const char asks[] = "Agree £40,000 from the reserve for locum assessors.\n"
                             "Ask the ICB to report on waits in September.";
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) action = bp_db_find_action (f->db, "2.4", &error);
  g_autoptr (GPtrArray) updates = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *editor = open_editor (f, "2.4");
  GtkWidget *field = editor_field (editor, "update-asks");
  BpUpdate *newest;

  g_assert_no_error (error);
  g_assert_true (GTK_IS_TEXT_VIEW (field));
  g_assert_true (gtk_widget_is_visible (field));
  g_assert_cmpuint (history_asks_count (editor, "locum assessors"), ==, 0);

  /* Named for screen readers, and described by the hint under its label. */
  {
    g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (field),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   "Asks of the board");

    if (problem)
      g_error ("update-asks: %s", problem);
    g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (field),
                                                     GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
  }

  set_long_field (editor, "update-commentary", "Locum assessors could clear the backlog by March.");
  set_long_field (editor, "update-asks", asks);
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-update", NULL));
  bp_ui_flush ();

  /* In the file, exactly as typed, with the update it belongs to. */
  updates = bp_db_list_updates (f->db, action->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (updates->len, >, 0);
  newest = updates->pdata[0];
  g_assert_cmpstr (newest->commentary, ==, "Locum assessors could clear the backlog by March.");
  g_assert_cmpstr (newest->asks, ==, asks);
  sql = g_strdup_printf ("SELECT asks FROM progress_update WHERE id = %" G_GINT64_FORMAT,
                         newest->id);
  stored = bp_test_sql_text (f->sample, sql);
  g_assert_cmpstr (stored, ==, asks);

  /* Shown in the history; the form is empty again for the next update. */
  g_assert_cmpuint (history_asks_count (editor, "locum assessors"), ==, 1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (
                     gtk_text_view_get_buffer (GTK_TEXT_VIEW (field))), ==, 0);

  /* Blank asks are none at all, not an empty text. */
  set_long_field (editor, "update-commentary", "Two locums start in October.");
  set_long_field (editor, "update-asks", "  \n ");
  g_assert_true (bp_action_editor_add_update (BP_ACTION_EDITOR (editor)));
  bp_ui_flush ();
  g_clear_pointer (&updates, g_ptr_array_unref);
  updates = bp_db_list_updates (f->db, action->id, &error);
  g_assert_no_error (error);
  newest = updates->pdata[0];
  g_assert_cmpstr (newest->commentary, ==, "Two locums start in October.");
  g_assert_null (newest->asks);
  g_assert_cmpuint (history_asks_count (editor, "locum assessors"), ==, 1);
  close_editor (f, editor);
}

static void
test_editor_milestones (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) a = bp_db_find_action (f->db, "3.2", &error);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM milestone WHERE action_id = %"
                                          G_GINT64_FORMAT, a->id);
  g_autofree char *done_sql = g_strdup_printf ("SELECT count(*) FROM milestone WHERE action_id = %"
                                               G_GINT64_FORMAT " AND done_date IS NOT NULL",
                                               a->id);
  int before = sql_int (f, sql);
  int done = sql_int (f, done_sql);
  GtkWidget *editor = open_editor (f, "3.2");
  GtkWidget *list = editor_field (editor, "milestone-list");
  GtkWidget *check;

  set_field (editor, "milestone-title", "Second assessment team recruited");
  set_field (editor, "milestone-due", "not a date");
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-milestone", NULL));
  g_assert_true (shows_error (editor, "milestone-due"));
  g_assert_cmpint (sql_int (f, sql), ==, before);
  set_field (editor, "milestone-due", "31/03/2026");
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-milestone", NULL));
  bp_ui_flush ();
  g_assert_cmpint (sql_int (f, sql), ==, before + 1);
  {
    g_autofree char *due_sql = g_strdup_printf ("SELECT count(*) FROM milestone WHERE action_id = %"
                                                G_GINT64_FORMAT " AND due_date = '2026-03-31'",
                                                a->id);

    g_assert_cmpint (sql_int (f, due_sql), ==, 1);
  }
  /* The form is empty again for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_field (editor, "milestone-due"))),
                   ==, "");

  /* Mark the first one not done as done. */
  check = bp_ui_find_type (list, GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  while (check && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
    {
      GtkWidget *r = gtk_widget_get_ancestor (check, GTK_TYPE_LIST_BOX_ROW);

      r = gtk_widget_get_next_sibling (r);
      check = r ? bp_ui_find_type (r, GTK_TYPE_CHECK_BUTTON) : NULL;
    }
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  bp_ui_flush ();
  g_assert_cmpint (sql_int (f, done_sql), ==, done + 1);
  close_editor (f, editor);
}

static void
test_new_action (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.new-action", NULL));
  editor = bp_actions_page_get_editor (f->page);
  g_assert_nonnull (editor);
  g_assert_cmpint (bp_action_editor_get_action_id (BP_ACTION_EDITOR (editor)), ==, 0);
  g_assert_false (gtk_widget_is_visible (editor_field (editor, "history-list")));
  g_assert_false (gtk_widget_is_visible (editor_field (editor, "update-commentary")));

  /* A reference already used is the core's error, beside Reference. */
  set_field (editor, "ref", "3.2");
  set_field (editor, "title", "A new action");
  g_assert_false (bp_action_editor_save (BP_ACTION_EDITOR (editor)));
  g_assert_true (shows_error (editor, "ref"));

  set_field (editor, "ref", "9.9");
  g_assert_true (bp_action_editor_save (BP_ACTION_EDITOR (editor)));
  g_assert_cmpint (bp_action_editor_get_action_id (BP_ACTION_EDITOR (editor)), >, 0);
  close_editor (f, editor);
  g_assert_cmpuint (n_rows (f), ==, 144);
  g_assert_cmpuint (position_of (f, "9.9"), !=, GTK_INVALID_LIST_POSITION);
  {
    g_autoptr (BpAction) a = bp_db_find_action (f->db, "9.9", &error);

    g_assert_nonnull (a);
    g_assert_cmpstr (a->title, ==, "A new action");
    g_assert_null (a->description); /* left empty: NULL, not "" */
  }
}

/* Narrower windows: the filters take two rows and the table hides its
 * less needed columns, still filling the width. */
static void
test_narrow (Fixture *f, gconstpointer data)
{
  GtkWidget *view = named (f, "actions-table");
  GtkWidget *scroller = gtk_widget_get_parent (view);
  GtkWidget *filters = gtk_widget_get_parent (gtk_widget_get_parent (named (f, "priority-filter")));

  g_assert_true (GTK_IS_BOX (filters));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (filters)), ==,
                   GTK_ORIENTATION_HORIZONTAL);
  g_assert_true (column_shown (f, "Last update"));
  g_assert_cmpint (gtk_widget_get_width (view), ==, gtk_widget_get_width (scroller));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  wait_ms (500);
  g_assert_false (column_shown (f, "Last update"));
  g_assert_true (column_shown (f, "Owner"));
  g_assert_cmpint (gtk_widget_get_width (view), ==, gtk_widget_get_width (scroller));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 600);
  wait_ms (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), <, 720);
  g_assert_false (column_shown (f, "Last update"));
  g_assert_false (column_shown (f, "Owner"));
  g_assert_true (column_shown (f, "Action"));
  g_assert_true (column_shown (f, "RAG"));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (filters)), ==,
                   GTK_ORIENTATION_VERTICAL);
  g_assert_cmpint (gtk_widget_get_width (view), ==, gtk_widget_get_width (scroller));
  {
    /* The visible columns fill the table: no gap on the right. */
    GtkWidget *header = gtk_widget_get_first_child (view);
    GtkWidget *last = gtk_widget_get_last_child (header);
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (last, view, &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >=, gtk_widget_get_width (view) - 16);
  }

  /* Wide again: every column back, in its place. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  wait_ms (500);
  {
    GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
    const char *titles[] = { "Ref", "Action", "Priority", "Owner", "Due", "RAG", "Last update",
                             "Open" };

    g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (titles));
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[i]);
      }
  }
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (filters)), ==,
                   GTK_ORIENTATION_HORIZONTAL);
}

static void
test_empty (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.boardpack", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_db_create (path, "Empty", &error);
  BpActionsPage *page;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack;

  g_assert_no_error (error);
  page = g_object_new (BP_TYPE_ACTIONS_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  stack = bp_ui_find_named (GTK_WIDGET (page), "actions-stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  bp_page_set_db (BP_PAGE (page), db);
  bp_ui_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bp_actions_page_get_list (page))), ==,
                    0);
  bp_page_set_db (BP_PAGE (page), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  bp_ui_flush ();
  g_clear_object (&db);
  bp_test_rmdir (dir);
}

/* CPU time of this thread: what a step costs, whatever else the
 * machine is doing. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Timings on a big file (BP_BENCH_FILE, e.g. the 50,000-action one),
 * printed, not asserted. */
static void
test_bench (void)
{
  const char *path = g_getenv ("BP_BENCH_FILE");
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_db_open (path, BP_OPEN_READ_ONLY, &error);
  g_autoptr (GPtrArray) priorities = NULL;
  g_autoptr (BpActionList) list = NULL;
  BpActionFilter filter = BP_ACTION_FILTER_INIT;
  gint64 t;

  g_assert_no_error (error);
  priorities = bp_db_list_priorities (db, NULL);
  t = g_get_monotonic_time ();
  list = bp_action_list_new (db);
  g_printerr ("load, no filter: %u rows, %.1f ms\n", g_list_model_get_n_items (G_LIST_MODEL (list)),
              (g_get_monotonic_time () - t) / 1000.0);

#define TIME(label, code)                                                                   \
  G_STMT_START                                                                              \
  {                                                                                         \
    t = g_get_monotonic_time ();                                                            \
    code;                                                                                   \
    g_printerr ("%s: %u rows, %.1f ms\n", label, g_list_model_get_n_items (G_LIST_MODEL (list)), \
                (g_get_monotonic_time () - t) / 1000.0);                                    \
  }                                                                                         \
  G_STMT_END

  filter.priority_id = ((BpPriority *) priorities->pdata[2])->id;
  TIME ("filter priority", bp_action_list_set_filter (list, &filter, NULL));
  filter.priority_id = 0;
  filter.rag_mask = 1 << BP_RAG_RED;
  TIME ("filter red", bp_action_list_set_filter (list, &filter, NULL));
  filter.rag_mask = 0;
  filter.overdue_as_of = "2025-06-30";
  TIME ("filter overdue", bp_action_list_set_filter (list, &filter, NULL));
  filter.overdue_as_of = NULL;
  filter.search = "3.2";
  TIME ("search 3.2", bp_action_list_set_filter (list, &filter, NULL));
  filter.search = "recruit";
  TIME ("search recruit", bp_action_list_set_filter (list, &filter, NULL));
  filter.search = NULL;
  TIME ("no filter", bp_action_list_set_filter (list, &filter, NULL));
  TIME ("sort due", bp_action_list_set_sort (list, BP_ACTION_SORT_DUE, GTK_SORT_ASCENDING));
  TIME ("sort due desc", bp_action_list_set_sort (list, BP_ACTION_SORT_DUE, GTK_SORT_DESCENDING));
  TIME ("sort ref", bp_action_list_set_sort (list, BP_ACTION_SORT_REF, GTK_SORT_ASCENDING));
  TIME ("sort title", bp_action_list_set_sort (list, BP_ACTION_SORT_TITLE, GTK_SORT_ASCENDING));
  TIME ("sort title desc", bp_action_list_set_sort (list, BP_ACTION_SORT_TITLE, GTK_SORT_DESCENDING));
  TIME ("sort owner", bp_action_list_set_sort (list, BP_ACTION_SORT_OWNER, GTK_SORT_ASCENDING));
  TIME ("sort rag", bp_action_list_set_sort (list, BP_ACTION_SORT_RAG, GTK_SORT_ASCENDING));
  TIME ("refresh", bp_action_list_refresh (list, NULL));

  /* For comparison: GtkSortListModel over the items, as the style
   * would have it, which makes every item to compare. */
  {
    g_autoptr (GtkSortListModel) sorted = NULL;
    GtkExpression *expr = gtk_property_expression_new (BP_TYPE_ACTION_ITEM, NULL, "due-key");
    GtkSorter *sorter = GTK_SORTER (gtk_string_sorter_new (expr));

    bp_action_list_set_sort (list, BP_ACTION_SORT_PLAN, GTK_SORT_ASCENDING);
    t = g_get_monotonic_time ();
    sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (list)), sorter);
    g_printerr ("GtkSortListModel by due-key: %u rows, %.1f ms\n",
                g_list_model_get_n_items (G_LIST_MODEL (sorted)),
                (g_get_monotonic_time () - t) / 1000.0);
  }
#undef TIME

  /* The view itself on the big file: each step to its next frame. */
  {
    GtkWidget *window = gtk_window_new ();
    BpActionsPage *page = g_object_new (BP_TYPE_ACTIONS_PAGE, NULL);
    GtkWidget *view, *entry;
    GtkDropDown *priority;
    GListModel *columns;

    gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
    gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
    gtk_window_present (GTK_WINDOW (window));
    gtk_test_widget_wait_for_draw (window);
    view = bp_ui_find_named (GTK_WIDGET (page), "actions-table");
    entry = bp_ui_find_named (GTK_WIDGET (page), "search-entry");
    priority = GTK_DROP_DOWN (bp_ui_find_named (GTK_WIDGET (page), "priority-filter"));
    columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));

#define FRAME(label, code)                                                                   \
  G_STMT_START                                                                               \
  {                                                                                          \
    gint64 t1;                                                                               \
    double c0 = thread_cpu_ms (), c1;                                                        \
    t = g_get_monotonic_time ();                                                             \
    code;                                                                                    \
    t1 = g_get_monotonic_time ();                                                            \
    c1 = thread_cpu_ms ();                                                                   \
    gtk_test_widget_wait_for_draw (window);                                                  \
    g_printerr ("view, %s: %u rows, %.1f ms (CPU %.1f ms), to the next frame %.1f ms "       \
                "(CPU %.1f ms)\n",                                                          \
                label, g_list_model_get_n_items (G_LIST_MODEL (bp_actions_page_get_list (page))), \
                (t1 - t) / 1000.0, c1 - c0, (g_get_monotonic_time () - t) / 1000.0,          \
                thread_cpu_ms () - c0);                                                      \
  }                                                                                          \
  G_STMT_END

    FRAME ("open the file", bp_page_set_db (BP_PAGE (page), db));
    FRAME ("choose a priority area", gtk_drop_down_set_selected (priority, 3));
    FRAME ("back to all priority areas", gtk_drop_down_set_selected (priority, 0));
    {
      g_autoptr (GtkColumnViewColumn) due = g_list_model_get_item (columns, 4);

      FRAME ("sort by Due", gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), due,
                                                             GTK_SORT_ASCENDING));
    }
    gtk_widget_activate_action (GTK_WIDGET (page), "page.find", NULL);
    FRAME ("search 3.2", {
      gtk_editable_set_text (GTK_EDITABLE (entry), "3.2");
      g_signal_emit_by_name (entry, "search-changed");
    });
    if (g_getenv ("BP_BENCH_SHOT"))
      {
        /* What the view shows now, for a person to look at. */
        GdkPaintable *paintable = gtk_widget_paintable_new (window);
        GtkSnapshot *snapshot = gtk_snapshot_new ();
        g_autoptr (GskRenderNode) node = NULL;
        g_autoptr (GdkTexture) texture = NULL;

        gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                                gtk_widget_get_height (window));
        node = gtk_snapshot_free_to_node (snapshot);
        texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                               NULL);
        gdk_texture_save_to_png (texture, g_getenv ("BP_BENCH_SHOT"));
        g_object_unref (paintable);
      }
#undef FRAME
    gtk_window_destroy (GTK_WINDOW (window));
    bp_ui_flush ();
  }
}

int
main (int argc, char **argv)
{
  /* GTK's test accessibility backend keeps what widgets tell assistive
   * technologies, with no bus, so that names and relations can be checked. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/actions/rows", test_rows);
  ADD ("/ui/actions/filters", test_filters);
  ADD ("/ui/actions/filter-like-core", test_filter_like_core);
  ADD ("/ui/actions/search", test_search);
  ADD ("/ui/actions/sort", test_sort);
  ADD ("/ui/actions/refresh", test_refresh);
  ADD ("/ui/actions/editor-validation", test_editor_validation);
  ADD ("/ui/actions/editor-core-error-welsh", test_editor_core_error_welsh);
  ADD ("/ui/actions/editor-save", test_editor_save);
  ADD ("/ui/actions/editor-update", test_editor_update);
  ADD ("/ui/actions/editor-asks", test_editor_asks);
  ADD ("/ui/actions/editor-milestones", test_editor_milestones);
  ADD ("/ui/actions/new-action", test_new_action);
  ADD ("/ui/actions/narrow", test_narrow);
#undef ADD
  g_test_add_func ("/ui/actions/empty", test_empty);
  if (g_getenv ("BP_BENCH_FILE"))
    g_test_add_func ("/ui/actions/bench", test_bench);
  return g_test_run ();
}
