/* bp-import-dialog.c: the window's "Import from a Spreadsheet" dialog. The
 * preview is bp_import_preview() with the file (a dry run), shown as a
 * grid of the first rows whose column headers are dropdowns of the field
 * each column fills; changing one adds a mapping and previews again.
 * Import is enabled only when the preview has no error, and runs
 * bp_import_run() for real, all or nothing, as one undoable write. */
#include <glib/gi18n.h>

#include "bp-import-dialog.h"
#include "bp-window.h"

#define PREVIEW_ROWS 10
#define MAX_ERRORS_SHOWN 200

struct _BpImportDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *import_button;
  AdwComboRow *kind_row;
  GtkLabel *preview_note;
  GtkGrid *preview_grid;
  GtkLabel *counts_label;
  GtkLabel *errors_heading;
  GtkListBox *errors_list;

  BpDb *db;
  char *path;
  char *display_name;
  GtkWindow *parent; /* weak */
  BpImport *import;
  BpImportPreview *preview;
  int n_errors;
  guint refresh_id;
  /* The user's choices, header -> field, in the order made: set on the
   * import afresh each time (a header mapped twice is one mapping). */
  GPtrArray *mapped_headers;
  GHashTable *mappings;
};

G_DEFINE_FINAL_TYPE (BpImportDialog, bp_import_dialog, ADW_TYPE_WINDOW)

static const BpImportKind kinds[] = {
  BP_IMPORT_ACTIONS, BP_IMPORT_RISKS, BP_IMPORT_MEASURES, BP_IMPORT_UPDATES,
};

static void refresh (BpImportDialog *self);

static gboolean
refresh_idle_cb (gpointer data)
{
  BpImportDialog *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------- helpers */

static void
clear_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)))
    {
      if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

/* The formats are ngettext's, from the literal pairs below. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
add_count (GPtrArray *parts, int n, const char *singular, const char *plural)
{
  if (n > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext (singular, plural, n), n));
}
#pragma GCC diagnostic pop

/* "12 actions to create, 3 to update, 2 people to create …" */
static char *
counts_text (const BpImportReport *r)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  add_count (parts, r->actions_created, N_("%d action to create"), N_("%d actions to create"));
  add_count (parts, r->actions_updated, N_("%d action to update"), N_("%d actions to update"));
  add_count (parts, r->actions_unchanged, N_("%d action unchanged"), N_("%d actions unchanged"));
  add_count (parts, r->priorities_created, N_("%d priority area to create"),
             N_("%d priority areas to create"));
  add_count (parts, r->people_created, N_("%d person to create"), N_("%d people to create"));
  add_count (parts, r->organisations_created, N_("%d organisation to create"),
             N_("%d organisations to create"));
  add_count (parts, r->updates_added, N_("%d progress update to add"),
             N_("%d progress updates to add"));
  add_count (parts, r->updates_already_there, N_("%d update already there"),
             N_("%d updates already there"));
  add_count (parts, r->risks_created, N_("%d risk to create"), N_("%d risks to create"));
  add_count (parts, r->risks_updated, N_("%d risk to update"), N_("%d risks to update"));
  add_count (parts, r->risks_unchanged, N_("%d risk unchanged"), N_("%d risks unchanged"));
  add_count (parts, r->mitigations_added, N_("%d mitigation to add"),
             N_("%d mitigations to add"));
  add_count (parts, r->measures_created, N_("%d measure to create"), N_("%d measures to create"));
  add_count (parts, r->measures_updated, N_("%d measure to update"), N_("%d measures to update"));
  add_count (parts, r->values_created, N_("%d value to add"), N_("%d values to add"));
  add_count (parts, r->values_updated, N_("%d value to update"), N_("%d values to update"));
  add_count (parts, r->values_unchanged, N_("%d value unchanged"), N_("%d values unchanged"));
  add_count (parts, r->values_without_figure, N_("%d period without a figure"),
             N_("%d periods without a figure"));
  if (parts->len == 0)
    return g_strdup (_("Nothing to import."));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static int
rows_imported (const BpImportReport *r)
{
  return MAX (0, r->rows - r->heading_rows); /* blank rows are not counted in rows */
}

/* "due date" -> "Due date", for a dropdown item. */
static char *
field_title (BpImportKind kind, const char *field)
{
  const char *label = bp_import_field_label (kind, field);
  gunichar first;
  char buf[8] = { 0 };

  if (label == NULL || *label == '\0')
    return g_strdup (field);
  first = g_unichar_totitle (g_utf8_get_char (label));
  g_unichar_to_utf8 (first, buf);
  return g_strconcat (buf, g_utf8_next_char (label), NULL);
}

static void
add_message_row (BpImportDialog *self, const char *text, const char *style)
{
  /* "plan.csv:7: ..." rather than the whole path. */
  const char *shown = g_str_has_prefix (text, self->path) ? text + strlen (self->path) : NULL;
  g_autofree char *short_text = shown ? g_strconcat (self->display_name, shown, NULL) : NULL;
  GtkWidget *label = gtk_label_new (short_text ? short_text : text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  if (style)
    gtk_widget_add_css_class (label, style);
  gtk_list_box_append (self->errors_list, label);
}

/* ------------------------------------------------------------- preview */

static gboolean
set_mapping (BpImportDialog *self, const char *header, const char *field, GError **error)
{
  if (!g_hash_table_contains (self->mappings, header))
    g_ptr_array_add (self->mapped_headers, g_strdup (header));
  g_hash_table_replace (self->mappings, g_strdup (header), g_strdup (field));
  bp_import_clear_mappings (self->import);
  for (guint i = 0; i < self->mapped_headers->len; i++)
    {
      const char *h = self->mapped_headers->pdata[i];

      if (!bp_import_add_mapping (self->import, h, g_hash_table_lookup (self->mappings, h), error))
        return FALSE;
    }
  return TRUE;
}

static void
on_column_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, BpImportDialog *self)
{
  const char *const *fields = bp_import_list_fields (bp_import_get_kind (self->import));
  const char *header = g_object_get_data (G_OBJECT (dropdown), "header");
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *field = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                        ? "ignore" : fields[selected - 1];
  g_autoptr (GError) error = NULL;

  if (!set_mapping (self, header, field, &error))
    g_warning ("%s", error->message);
  /* Rebuilding the grid destroys this dropdown: do it once it has returned. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static GtkWidget *
column_header (BpImportDialog *self, const BpImportColumn *c)
{
  BpImportKind kind = bp_import_get_kind (self->import);
  const char *const *fields = bp_import_list_fields (kind);
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *name = g_strdup_printf ("column-%d", c->index);
  g_autofree char *a11y = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (c->header && *c->header ? c->header : _("(no header)"));
  GtkWidget *dropdown;
  guint selected = 0;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_widget_set_tooltip_text (title, c->note);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  gtk_string_list_append (model, _("Ignore"));
  for (guint i = 0; fields[i]; i++)
    {
      g_autofree char *item = field_title (kind, fields[i]);

      gtk_string_list_append (model, item);
      if (c->field && g_str_equal (c->field, fields[i]))
        selected = i + 1;
    }
  if (c->period)
    {
      /* A wide scorecard's column of one period's values. */
      g_autofree char *text = g_strdup_printf (_("Values to %s"), c->period_end);

      gtk_string_list_append (model, text);
      selected = g_list_model_get_n_items (G_LIST_MODEL (model)) - 1;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
  gtk_widget_set_name (dropdown, name);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_tooltip_text (dropdown, c->note);
  g_object_set_data_full (G_OBJECT (dropdown), "header", g_strdup (c->header ? c->header : ""),
                          g_free);
  {
    g_autofree char *what = selected == 0 ? g_strdup (_("Ignore"))
                            : c->period   ? g_strdup (c->period_end)
                                          : field_title (kind, c->field);

    a11y = g_strdup_printf (_("Column %d: %s"), c->index + 1, what);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, c->header ? c->header : "",
                                  -1);
  if (!c->period)
    g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_column_selected_cb), self);
  else
    gtk_widget_set_sensitive (dropdown, FALSE);
  gtk_box_append (GTK_BOX (box), dropdown);
  return box;
}

static void
show_preview (BpImportDialog *self)
{
  BpImportPreview *p = self->preview;

  clear_children (GTK_WIDGET (self->preview_grid));
  if (p == NULL)
    return;

  /* The row-number column, then one per source column. */
  {
    GtkWidget *label = gtk_label_new (_("Line"));

    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_set_valign (label, GTK_ALIGN_END);
    gtk_grid_attach (self->preview_grid, label, 0, 0, 1, 1);
  }
  for (guint i = 0; i < p->columns->len; i++)
    gtk_grid_attach (self->preview_grid, column_header (self, p->columns->pdata[i]), i + 1, 0, 1, 1);

  for (guint r = 0; r < p->rows->len; r++)
    {
      GStrv cells = p->rows->pdata[r];
      int number = g_array_index (p->row_numbers, int, r);
      g_autofree char *num = g_strdup_printf ("%d", number);
      GtkWidget *label = gtk_label_new (num);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_grid_attach (self->preview_grid, label, 0, r + 1, 1, 1);
      for (guint i = 0; cells && cells[i] && i < p->columns->len; i++)
        {
          const BpImportColumn *c = p->columns->pdata[i];
          GtkWidget *cell = gtk_label_new (cells[i]);

          gtk_label_set_xalign (GTK_LABEL (cell), 0);
          gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (cell), 28);
          gtk_label_set_single_line_mode (GTK_LABEL (cell), TRUE);
          gtk_widget_set_tooltip_text (cell, cells[i]);
          if (c->field == NULL && !c->period)
            gtk_widget_add_css_class (cell, "dim-label");
          gtk_grid_attach (self->preview_grid, cell, i + 1, r + 1, 1, 1);
        }
    }
}

static void
refresh (BpImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  BpImportReport *report;
  g_autofree char *note = NULL;

  g_clear_pointer (&self->preview, bp_import_preview_free);
  clear_children (GTK_WIDGET (self->errors_list));
  self->n_errors = 0;
  self->preview = bp_import_preview (self->import, self->db, PREVIEW_ROWS, &error);
  show_preview (self);

  if (self->preview == NULL)
    {
      self->n_errors = 1;
      add_message_row (self, error->message, "error");
      gtk_label_set_text (self->counts_label, "");
      gtk_label_set_text (self->preview_note, "");
    }
  else
    {
      report = self->preview->report;
      for (guint i = 0; i < self->preview->missing->len; i++)
        {
          const char *field = self->preview->missing->pdata[i];
          g_autofree char *text = g_strdup_printf (
            _("%s: no column for the %s: choose it in a column’s dropdown"), self->display_name,
            bp_import_field_label (bp_import_get_kind (self->import), field));

          /* The report may say so too; show it once. */

          add_message_row (self, text, "error");
          self->n_errors++;
        }
      if (report)
        {
          for (guint i = 0; report->errors && i < report->errors->len && i < MAX_ERRORS_SHOWN; i++)
            {
              const BpImportMessage *m = report->errors->pdata[i];

              add_message_row (self, m->text, "error");
            }
          if (report->n_errors > (int) MIN (report->errors->len, MAX_ERRORS_SHOWN))
            {
              int more = report->n_errors - MIN (report->errors->len, MAX_ERRORS_SHOWN);
              g_autofree char *text = g_strdup_printf (
                ngettext ("… and %d more error", "… and %d more errors", more), more);

              add_message_row (self, text, "error");
            }
          self->n_errors = MAX (self->n_errors, 0) + report->n_errors;
          for (guint i = 0; report->warnings && i < report->warnings->len; i++)
            {
              const BpImportMessage *m = report->warnings->pdata[i];

              add_message_row (self, m->text, "warning");
            }
        }
      if (self->preview->header_row == 0)
        {
          if (self->n_errors == 0)
            add_message_row (self, _("No header row was found."), "error");
          self->n_errors = MAX (self->n_errors, 1);
        }

      if (self->n_errors > 0 || report == NULL)
        gtk_label_set_text (self->counts_label, report ? "" : "");
      else
        {
          g_autofree char *counts = counts_text (report);
          g_autofree char *text = g_strdup_printf (_("Ready to import: %s."), counts);

          gtk_label_set_text (self->counts_label, text);
        }
      if (self->preview->header_row > 0 && report)
        note = g_strdup_printf (ngettext ("Header on line %d; %d row below it. Choose what each "
                                          "column fills in its dropdown.",
                                          "Header on line %d; %d rows below it. Choose what each "
                                          "column fills in its dropdown.",
                                          report->rows),
                                self->preview->header_row, report->rows);
      gtk_label_set_text (self->preview_note, note ? note : "");
    }

  if (self->n_errors > 0)
    {
      g_autofree char *heading = g_strdup_printf (
        ngettext ("%d error: nothing will be imported until it is fixed in the file or the "
                  "columns",
                  "%d errors: nothing will be imported until they are fixed in the file or the "
                  "columns",
                  self->n_errors),
        self->n_errors);

      gtk_label_set_text (self->errors_heading, heading);
    }
  else
    gtk_label_set_text (self->errors_heading,
                        gtk_widget_get_first_child (GTK_WIDGET (self->errors_list))
                          ? _("No errors; warnings") : _("No errors"));
  gtk_widget_set_visible (GTK_WIDGET (self->errors_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->errors_list)) != NULL);
  gtk_widget_set_sensitive (self->import_button,
                            self->n_errors == 0 && !bp_db_is_read_only (self->db));
}

static void
on_kind_selected_cb (AdwComboRow *row, GParamSpec *pspec, BpImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected >= G_N_ELEMENTS (kinds) || kinds[selected] == bp_import_get_kind (self->import))
    return;
  bp_import_set_kind (self->import, kinds[selected]);
  bp_import_clear_mappings (self->import);
  g_ptr_array_set_size (self->mapped_headers, 0);
  g_hash_table_remove_all (self->mappings);
  refresh (self);
}

/* -------------------------------------------------------------- import */

int
bp_import_dialog_import (BpImportDialog *self, GError **error)
{
  g_autoptr (BpImportReport) report = NULL;
  g_autofree char *toast = NULL;
  GtkWindow *parent = self->parent;
  int rows;

  g_return_val_if_fail (BP_IS_IMPORT_DIALOG (self), -1);
  if (!bp_import_run (self->import, self->db, FALSE, &report, error))
    {
      refresh (self);
      return -1;
    }
  rows = rows_imported (report);
  toast = g_strdup_printf (ngettext ("Imported %d row from %s", "Imported %d rows from %s", rows),
                           rows, self->display_name);
  gtk_window_close (GTK_WINDOW (self));
  if (parent && BP_IS_WINDOW (parent))
    bp_window_add_toast (BP_WINDOW (parent), toast);
  return rows;
}

static void
on_import_clicked_cb (BpImportDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (bp_import_dialog_import (self, &error) < 0)
    {
      GtkWidget *msg = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"),
                                               error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (msg), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (msg));
    }
}

/* ----------------------------------------------------------- accessors */

BpImport *
bp_import_dialog_get_import (BpImportDialog *self)
{
  g_return_val_if_fail (BP_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}

BpImportPreview *
bp_import_dialog_get_preview (BpImportDialog *self)
{
  g_return_val_if_fail (BP_IS_IMPORT_DIALOG (self), NULL);
  return self->preview;
}

int
bp_import_dialog_get_n_errors (BpImportDialog *self)
{
  g_return_val_if_fail (BP_IS_IMPORT_DIALOG (self), -1);
  return self->n_errors;
}

gboolean
bp_import_dialog_set_column_field (BpImportDialog *self, int index, const char *field)
{
  const BpImportColumn *c;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (BP_IS_IMPORT_DIALOG (self), FALSE);
  if (self->preview == NULL || index < 0 || index >= (int) self->preview->columns->len)
    return FALSE;
  c = self->preview->columns->pdata[index];
  if (!set_mapping (self, c->header ? c->header : "", field, &error))
    return FALSE;
  refresh (self);
  return TRUE;
}

/* ------------------------------------------------------------ lifetime */

static void
bp_import_dialog_dispose (GObject *object)
{
  BpImportDialog *self = BP_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_weak_pointer (&self->parent);
  g_clear_pointer (&self->preview, bp_import_preview_free);
  g_clear_object (&self->import);
  g_clear_pointer (&self->mapped_headers, g_ptr_array_unref);
  g_clear_pointer (&self->mappings, g_hash_table_unref);
  g_clear_object (&self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (bp_import_dialog_parent_class)->dispose (object);
}

static void
bp_import_dialog_class_init (BpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_import_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BpImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BpImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, BpImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BpImportDialog, preview_note);
  gtk_widget_class_bind_template_child (widget_class, BpImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, BpImportDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, BpImportDialog, errors_heading);
  gtk_widget_class_bind_template_child (widget_class, BpImportDialog, errors_list);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bp_import_dialog_init (BpImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->mapped_headers = g_ptr_array_new_with_free_func (g_free);
  self->mappings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

BpImportDialog *
bp_import_dialog_new (GtkWindow *parent, BpDb *db, const char *path, BpImportKind kind)
{
  BpImportDialog *self;

  g_return_val_if_fail (BP_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  self = g_object_new (BP_TYPE_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->db = g_object_ref (db);
  self->path = g_strdup (path);
  self->display_name = g_path_get_basename (path);
  self->import = bp_import_new (kind);
  bp_import_set_source_path (self->import, path);
  adw_window_title_set_subtitle (self->window_title, self->display_name);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      adw_combo_row_set_selected (self->kind_row, i);
  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
  refresh (self);
  return self;
}
