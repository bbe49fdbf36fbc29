/* test-ui-templates.c: every .ui file the application carries, built on
 * the GTK and libadwaita it runs with. The version macros do not see .ui
 * files: a widget, a property or a signal missing on GTK 4.8 or
 * libadwaita 1.2 fails only at run time, and here, with warnings fatal.
 *
 * The files are found in the application's resources, so a new one is
 * tested without a change here: for a composite template
 * (<template class="BpThing">) an instance of BpThing is made, shown and
 * destroyed; any other file is loaded into a GtkBuilder and its windows
 * are shown. Most templates are made with g_object_new () alone; the
 * few whose _new () function gives them what they need (a file, a row to
 * show) are the special cases below, and a template type that declares a
 * construct-only property must be one of them. */
#include <cairo.h>
#include <string.h>

#include "bp-action-editor.h"
#include "bp-form.h"
#include "bp-import-dialog.h"
#include "bp-measure-editor.h"
#include "bp-mitigation-row.h"
#include "bp-page.h"
#include "bp-period-dialog.h"
#include "bp-print-preview.h"
#include "bp-query.h"
#include "bp-risk-editor.h"
#include "bp-sample.h"
#include "bp-ui-test-util.h"
#include "bp-window.h"

#define RESOURCE_ROOT "/org/boardpack/Boardpack/"

/* What a special case is made with: the sample programme, open, and a
 * window to be transient for. */
typedef struct
{
  char *dir;
  char *sample;
  BpDb *db;
  GtkWindow *parent;
} Context;

typedef GtkWidget *(*MakeFunc) (Context *ctx);

static GtkWidget *
make_window (Context *ctx)
{
  BpWindow *window = bp_window_new (NULL);

  g_assert_true (bp_window_open_file (window, ctx->sample));
  return GTK_WIDGET (window);
}

static GtkWidget *
make_action_editor (Context *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = bp_db_list_actions (ctx->db, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, >, 0);
  return GTK_WIDGET (bp_action_editor_new (ctx->db, ((BpAction *) actions->pdata[0])->id));
}

static GtkWidget *
make_measure_editor (Context *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) measures = bp_db_list_measures (ctx->db, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (measures->len, >, 0);
  return GTK_WIDGET (bp_measure_editor_new (ctx->db, ((BpMeasure *) measures->pdata[0])->id));
}

static GtkWidget *
make_risk_editor (Context *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) risks = bp_db_list_risks (ctx->db, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (risks->len, >, 0);
  return GTK_WIDGET (bp_risk_editor_new (ctx->db, ((BpRisk *) risks->pdata[0])->id));
}

static GtkWidget *
make_import_dialog (Context *ctx)
{
  g_autofree char *csv = g_build_filename (ctx->dir, "plan.csv", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (csv,
                                      "Ref,Action,Owner,Due date,RAG\n"
                                      "9.1,A new action,Tester,31/03/2026,G\n",
                                      -1, &error));
  g_assert_no_error (error);
  return GTK_WIDGET (bp_import_dialog_new (ctx->parent, ctx->db, csv, BP_IMPORT_ACTIONS));
}

static GtkWidget *
make_period_dialog (Context *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) measures = bp_db_list_measures (ctx->db, &error);
  g_autoptr (GPtrArray) values
      = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < measures->len; i++)
    {
      GPtrArray *v
          = bp_db_list_measure_values (ctx->db, ((BpMeasure *) measures->pdata[i])->id, &error);

      g_assert_no_error (error);
      g_ptr_array_add (values, v);
    }
  return GTK_WIDGET (bp_period_dialog_new (ctx->parent, ctx->db, measures, values, NULL));
}

static GtkWidget *
make_print_preview (Context *ctx)
{
  g_autoptr (GPtrArray) pages
      = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  cairo_rectangle_t a4 = { 0, 0, 595.276, 841.89 };

  for (int i = 0; i < 2; i++)
    {
      cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &a4);
      cairo_t *cr = cairo_create (page);

      cairo_rectangle (cr, 72, 72, 200, 100);
      cairo_fill (cr);
      cairo_destroy (cr);
      g_ptr_array_add (pages, page);
    }
  return GTK_WIDGET (bp_print_preview_new (ctx->parent, "Board pack", pages));
}

static GtkWidget *
make_mitigation_row (Context *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = bp_db_list_people (ctx->db, &error);
  g_autoptr (GtkStringList) owners = NULL;
  BpMitigation mitigation = { 0, 0, "Weekly case review", 0, "2026-03-31", "in progress", 1 };

  g_assert_no_error (error);
  g_assert_cmpuint (people->len, >, 0);
  mitigation.owner_id = ((BpPerson *) people->pdata[0])->id;
  owners = bp_form_owner_model_new (people);
  return GTK_WIDGET (bp_mitigation_row_new (&mitigation, people, G_LIST_MODEL (owners)));
}

/* The templates that g_object_new () alone does not make as the
 * application does: each with the function the application calls. */
static const struct
{
  const char *type_name;
  MakeFunc make;
} special_cases[] = {
  { "BpWindow", make_window },                /* shows a file */
  { "BpActionEditor", make_action_editor },   /* an action of a file */
  { "BpMeasureEditor", make_measure_editor }, /* construct-only "db" */
  { "BpRiskEditor", make_risk_editor },       /* construct-only "db" */
  { "BpImportDialog", make_import_dialog },   /* a file and a spreadsheet */
  { "BpPeriodDialog", make_period_dialog },   /* a file and its measures */
  { "BpPrintPreview", make_print_preview },   /* the pages */
  { "BpMitigationRow", make_mitigation_row }, /* a mitigation and owners */
};

static MakeFunc
find_special_case (const char *type_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (special_cases); i++)
    if (g_str_equal (special_cases[i].type_name, type_name))
      return special_cases[i].make;
  return NULL;
}

/* Every .ui file under @path in the resources, recursively. */
static void
collect_ui_files (const char *path, GPtrArray *out)
{
  g_auto (GStrv) children
      = g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; children && children[i]; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_ui_files (child, out);
      else if (g_str_has_suffix (children[i], ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

typedef struct
{
  int depth;
  char *template_class;
} UiScan;

static void
on_start_element_cb (GMarkupParseContext *context, const char *element_name,
                     const char **attribute_names, const char **attribute_values,
                     gpointer user_data, GError **error)
{
  UiScan *scan = user_data;

  /* <interface><template class="..." parent="..."> */
  if (scan->depth == 1 && g_str_equal (element_name, "template"))
    for (int i = 0; attribute_names[i]; i++)
      if (g_str_equal (attribute_names[i], "class"))
        scan->template_class = g_strdup (attribute_values[i]);
  scan->depth++;
}

static void
on_end_element_cb (GMarkupParseContext *context, const char *element_name, gpointer user_data,
                   GError **error)
{
  ((UiScan *) user_data)->depth--;
}

/* The class of the composite template @resource defines, or NULL when it
 * is a plain GtkBuilder file. */
static char *
template_class_of (const char *resource)
{
  static const GMarkupParser parser = { on_start_element_cb, on_end_element_cb, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes
      = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  GMarkupParseContext *context;
  UiScan scan = { 0, NULL };
  gsize len;
  const char *text;

  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, &len);
  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  g_markup_parse_context_parse (context, text, (gssize) len, &error);
  if (error == NULL)
    g_markup_parse_context_end_parse (context, &error);
  g_markup_parse_context_free (context);
  g_assert_no_error (error);
  return scan.template_class;
}

/* A construct-only property the application's own code declares on
 * @type or its ancestors, or NULL: such a type needs its _new (). */
static const char *
construct_only_property (GType type)
{
  GObjectClass *klass = g_type_class_ref (type);
  guint n = 0;
  GParamSpec **specs = g_object_class_list_properties (klass, &n);
  const char *found = NULL;

  for (guint i = 0; i < n && found == NULL; i++)
    if ((specs[i]->flags & G_PARAM_CONSTRUCT_ONLY)
        && g_str_has_prefix (g_type_name (specs[i]->owner_type), "Bp"))
      found = specs[i]->name;
  g_free (specs);
  g_type_class_unref (klass);
  return found;
}

static void
context_init (Context *ctx)
{
  g_autoptr (GError) error = NULL;

  ctx->dir = bp_test_tmpdir ();
  ctx->sample = g_build_filename (ctx->dir, "sample.boardpack", NULL);
  ctx->db = bp_sample_write (ctx->sample, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ctx->db);
  ctx->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (ctx->parent);
  bp_ui_flush ();
}

static void
context_clear (Context *ctx)
{
  gtk_window_destroy (ctx->parent);
  bp_ui_flush ();
  g_clear_object (&ctx->db);
  bp_test_rmdir (ctx->dir);
  g_free (ctx->dir);
  g_free (ctx->sample);
}

/* Shows @widget as the application would: a window on its own, a row in
 * a boxed list, anything else as the content of a window. Returns the
 * window to destroy. */
static GtkWindow *
show (GtkWidget *widget)
{
  GtkWindow *window;

  if (GTK_IS_WINDOW (widget))
    window = GTK_WINDOW (widget);
  else
    {
      window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_default_size (window, 1024, 700);
      if (GTK_IS_LIST_BOX_ROW (widget))
        {
          GtkWidget *list = gtk_list_box_new ();

          gtk_widget_add_css_class (list, "boxed-list");
          gtk_list_box_append (GTK_LIST_BOX (list), widget);
          gtk_window_set_child (window, list);
        }
      else
        gtk_window_set_child (window, widget);
    }
  gtk_window_present (window);
  bp_ui_flush ();
  return window;
}

static void
test_template (const char *resource, const char *class_name)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new ();
  Context ctx = { 0 };
  GType type;
  MakeFunc make;
  GtkWidget *widget;
  GtkWindow *window;

  /* As GtkBuilder finds a type a .ui names: registered already, or by
   * its bp_thing_get_type () (the test exports its symbols). */
  type = gtk_builder_get_type_from_name (builder, class_name);
  if (type == G_TYPE_INVALID)
    {
      g_test_fail_printf ("%s: the type %s is not linked into the application", resource,
                          class_name);
      return;
    }
  g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));
  g_assert_false (G_TYPE_IS_ABSTRACT (type));

  make = find_special_case (class_name);
  if (make == NULL && construct_only_property (type) != NULL)
    {
      g_test_fail_printf ("%s: %s has the construct-only property “%s”, which g_object_new () "
                          "alone leaves unset: make it a special case, with its _new ()",
                          resource, class_name, construct_only_property (type));
      return;
    }

  context_init (&ctx);
  if (make)
    widget = make (&ctx);
  else
    widget = g_object_new (type, NULL);
  g_assert_nonnull (widget);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, type));
  /* A view shows the open file, as the window gives it. */
  if (BP_IS_PAGE (widget))
    bp_page_set_db (BP_PAGE (widget), ctx.db);

  window = show (widget);
  g_assert_true (gtk_widget_get_mapped (widget));
  gtk_window_destroy (window);
  bp_ui_flush ();
  context_clear (&ctx);
}

static void
test_builder_file (const char *resource)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GSList) objects = NULL;
  guint n_windows = 0;

  g_assert_true (gtk_builder_add_from_resource (builder, resource, &error));
  g_assert_no_error (error);
  objects = gtk_builder_get_objects (builder);
  g_assert_nonnull (objects);
  for (GSList *l = objects; l; l = l->next)
    if (GTK_IS_WINDOW (l->data) && gtk_widget_get_parent (l->data) == NULL)
      {
        gtk_window_present (l->data);
        bp_ui_flush ();
        g_assert_true (gtk_widget_get_mapped (l->data));
        gtk_window_destroy (l->data);
        bp_ui_flush ();
        n_windows++;
      }
  g_test_message ("%s: %u objects, %u windows", resource, g_slist_length (objects), n_windows);
}

static void
test_ui_file (gconstpointer data)
{
  const char *resource = data;
  g_autofree char *class_name = template_class_of (resource);

  if (class_name)
    test_template (resource, class_name);
  else
    test_builder_file (resource);
}

/* Every .ui file of the source tree is in the resources (so tested here);
 * and every special case is still a template there. */
static void
test_all_listed (gconstpointer data)
{
  GPtrArray *resources = (GPtrArray *) data;
  g_autofree char *ui_dir = g_test_build_filename (G_TEST_DIST, "..", "ui", NULL);
  g_autoptr (GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  guint n_files = 0;

  g_ptr_array_add (dirs, g_strdup (""));
  for (guint d = 0; d < dirs->len; d++)
    {
      const char *rel = dirs->pdata[d];
      g_autofree char *path = g_build_filename (ui_dir, rel, NULL);
      g_autoptr (GError) error = NULL;
      GDir *dir = g_dir_open (path, 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = *rel ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
          g_autofree char *full = g_build_filename (ui_dir, child, NULL);
          g_autofree char *resource = g_strconcat (RESOURCE_ROOT, child, NULL);
          gboolean found = FALSE;

          if (g_file_test (full, G_FILE_TEST_IS_DIR))
            {
              g_ptr_array_add (dirs, g_steal_pointer (&child));
              continue;
            }
          if (!g_str_has_suffix (name, ".ui"))
            continue;
          n_files++;
          for (guint i = 0; i < resources->len && !found; i++)
            found = g_str_equal (resources->pdata[i], resource);
          if (!found)
            g_test_fail_printf ("ui/%s is not in ui/boardpack.gresource.xml", child);
        }
      g_dir_close (dir);
    }
  g_assert_cmpuint (n_files, ==, resources->len);

  for (guint s = 0; s < G_N_ELEMENTS (special_cases); s++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < resources->len && !found; i++)
        {
          g_autofree char *class_name = template_class_of (resources->pdata[i]);

          found = g_strcmp0 (class_name, special_cases[s].type_name) == 0;
        }
      if (!found)
        g_test_fail_printf ("the special case %s is no template's class",
                            special_cases[s].type_name);
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

int
main (int argc, char **argv)
{
  g_autoptr (GPtrArray) resources = g_ptr_array_new_with_free_func (g_free);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A property or widget GTK 4.8 lacks is a warning (or a critical):
   * either fails the test, whatever G_DEBUG says. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  collect_ui_files (RESOURCE_ROOT, resources);
  g_assert_cmpuint (resources->len, >, 0);
  g_ptr_array_sort (resources, compare_strings);
  for (guint i = 0; i < resources->len; i++)
    {
      const char *resource = resources->pdata[i];
      g_autofree char *test
          = g_strconcat ("/ui/templates/", resource + strlen (RESOURCE_ROOT), NULL);

      g_test_add_data_func (test, resource, test_ui_file);
    }
  g_test_add_data_func ("/ui/templates/all-listed", resources, test_all_listed);
  return g_test_run ();
}
