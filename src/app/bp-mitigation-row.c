/* bp-mitigation-row.c: one mitigation's fields in an expander row, with
 * its title and subtitle summing them up while it is folded. */
#include <glib/gi18n.h>

#include "bp-date-row.h"
#include "bp-form.h"
#include "bp-mitigation-row.h"
#include "bp-rules.h"

struct _BpMitigationRow
{
  AdwExpanderRow parent_instance;

  gint64 id;
  int order;
  GPtrArray *people; /* BpPerson* */

  GtkWidget *up_button;
  GtkWidget *down_button;
  AdwEntryRow *description_row;
  GtkWidget *description_error_row;
  GtkLabel *description_error;
  AdwComboRow *owner_row;
  BpDateRow *due_row;
  AdwComboRow *status_row;
};

enum
{
  SIGNAL_MOVE,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BpMitigationRow, bp_mitigation_row, ADW_TYPE_EXPANDER_ROW)

static const char *const status_values[] = { "planned", "in progress", "done", NULL };
static const char *const status_labels[] = { N_("Planned"), N_("In progress"), N_("Done"),
                                             NULL };

/* ------------------------------------------------------------ helpers */

/* Folded, the row says what it is, who, when and how far along. */
static void
update_summary (BpMitigationRow *self)
{
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  GListModel *statuses = adw_combo_row_get_model (self->status_row);
  guint status = adw_combo_row_get_selected (self->status_row);
  const BpPerson *owner =
    bp_form_owner_at (self->people, adw_combo_row_get_selected (self->owner_row));
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *due_iso = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 *description ? description : _("New mitigation"));
  if (owner)
    g_string_append (subtitle, owner->name);
  if (bp_date_row_get_iso (self->due_row, &due_iso, NULL) && due_iso)
    {
      g_autofree char *uk = bp_date_format_uk (due_iso);

      if (subtitle->len)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("due %s"), uk);
    }
  if (statuses && status < g_list_model_get_n_items (statuses))
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "",
                            gtk_string_list_get_string (GTK_STRING_LIST (statuses), status));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mitigation.complete",
                                 g_strcmp0 (bp_form_choice_get (self->status_row), "done") != 0);
}

/* ---------------------------------------------------------- callbacks */

static void
on_field_changed_cb (BpMitigationRow *self)
{
  bp_form_clear_error (GTK_WIDGET (self->description_row), self->description_error_row,
                       self->description_error);
  update_summary (self);
}

/* ------------------------------------------------------------ actions */

static void
move_up_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_signal_emit (widget, signals[SIGNAL_MOVE], 0, -1);
}

static void
move_down_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_signal_emit (widget, signals[SIGNAL_MOVE], 0, +1);
}

static void
complete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  bp_form_choice_set (BP_MITIGATION_ROW (widget)->status_row, "done");
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_signal_emit (widget, signals[SIGNAL_REMOVE], 0);
}

/* ---------------------------------------------------------- overrides */

static void
bp_mitigation_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_MITIGATION_ROW);
  G_OBJECT_CLASS (bp_mitigation_row_parent_class)->dispose (object);
}

static void
bp_mitigation_row_finalize (GObject *object)
{
  BpMitigationRow *self = BP_MITIGATION_ROW (object);

  g_clear_pointer (&self->people, g_ptr_array_unref);
  G_OBJECT_CLASS (bp_mitigation_row_parent_class)->finalize (object);
}

static void
bp_mitigation_row_class_init (BpMitigationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_mitigation_row_dispose;
  object_class->finalize = bp_mitigation_row_finalize;

  /* Asks to swap places with the row @delta (-1 or +1) away. */
  signals[SIGNAL_MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /* Asks to be taken out of the list. */
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BP_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-mitigation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BpMitigationRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, BpMitigationRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, BpMitigationRow, description_row);
  gtk_widget_class_bind_template_child (widget_class, BpMitigationRow, description_error_row);
  gtk_widget_class_bind_template_child (widget_class, BpMitigationRow, description_error);
  gtk_widget_class_bind_template_child (widget_class, BpMitigationRow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, BpMitigationRow, due_row);
  gtk_widget_class_bind_template_child (widget_class, BpMitigationRow, status_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "mitigation.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "mitigation.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "mitigation.complete", NULL, complete_action);
  gtk_widget_class_install_action (widget_class, "mitigation.remove", NULL, remove_action);
}

static void
bp_mitigation_row_init (BpMitigationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* -------------------------------------------------------------- public */

BpMitigationRow *
bp_mitigation_row_new (const BpMitigation *mitigation, GPtrArray *people, GListModel *owner_model)
{
  BpMitigationRow *self;

  g_return_val_if_fail (mitigation != NULL, NULL);
  g_return_val_if_fail (people != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (owner_model), NULL);

  self = g_object_new (BP_TYPE_MITIGATION_ROW, NULL);
  self->id = mitigation->id;
  self->people = g_ptr_array_ref (people);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         mitigation->description ? mitigation->description : "");
  adw_combo_row_set_model (self->owner_row, owner_model);
  adw_combo_row_set_selected (self->owner_row,
                              bp_form_owner_index (people, mitigation->owner_id));
  bp_date_row_set_iso (self->due_row, mitigation->due_date);
  bp_form_choice_setup (self->status_row, status_values, status_labels,
                        mitigation->status ? mitigation->status : "planned");
  update_summary (self);
  return self;
}

gint64
bp_mitigation_row_get_id (BpMitigationRow *self)
{
  g_return_val_if_fail (BP_IS_MITIGATION_ROW (self), 0);
  return self->id;
}

void
bp_mitigation_row_set_id (BpMitigationRow *self, gint64 id)
{
  g_return_if_fail (BP_IS_MITIGATION_ROW (self));
  self->id = id;
}

int
bp_mitigation_row_get_order (BpMitigationRow *self)
{
  g_return_val_if_fail (BP_IS_MITIGATION_ROW (self), 0);
  return self->order;
}

void
bp_mitigation_row_set_order (BpMitigationRow *self, int order)
{
  g_return_if_fail (BP_IS_MITIGATION_ROW (self));
  self->order = order;
}

void
bp_mitigation_row_set_can_move (BpMitigationRow *self, gboolean up, gboolean down)
{
  g_return_if_fail (BP_IS_MITIGATION_ROW (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mitigation.move-up", up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mitigation.move-down", down);
}

void
bp_mitigation_row_focus_move_button (BpMitigationRow *self, int delta)
{
  g_return_if_fail (BP_IS_MITIGATION_ROW (self));
  gtk_widget_grab_focus (delta < 0 ? self->up_button : self->down_button);
}

void
bp_mitigation_row_start_editing (BpMitigationRow *self)
{
  g_return_if_fail (BP_IS_MITIGATION_ROW (self));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->description_row));
}

GtkWidget *
bp_mitigation_row_check (BpMitigationRow *self)
{
  g_autofree char *description = NULL;
  GtkWidget *first_bad = NULL;

  g_return_val_if_fail (BP_IS_MITIGATION_ROW (self), NULL);

  description = bp_form_editable_get (GTK_EDITABLE (self->description_row));
  if (description == NULL)
    {
      bp_form_show_error (GTK_WIDGET (self->description_row), self->description_error_row,
                          self->description_error, _("Describe the mitigation, or remove it."));
      first_bad = GTK_WIDGET (self->description_row);
    }
  if (!bp_date_row_check (self->due_row, NULL) && first_bad == NULL)
    first_bad = GTK_WIDGET (self->due_row);
  if (first_bad)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  return first_bad;
}

void
bp_mitigation_row_clear_errors (BpMitigationRow *self)
{
  g_return_if_fail (BP_IS_MITIGATION_ROW (self));
  bp_form_clear_error (GTK_WIDGET (self->description_row), self->description_error_row,
                       self->description_error);
  bp_date_row_show_error (self->due_row, NULL);
}

BpMitigation *
bp_mitigation_row_dup_mitigation (BpMitigationRow *self)
{
  BpMitigation *m;
  const BpPerson *owner;

  g_return_val_if_fail (BP_IS_MITIGATION_ROW (self), NULL);

  m = g_new0 (BpMitigation, 1);
  m->id = self->id;
  m->description = bp_form_editable_get (GTK_EDITABLE (self->description_row));
  owner = bp_form_owner_at (self->people, adw_combo_row_get_selected (self->owner_row));
  m->owner_id = owner ? owner->id : 0;
  bp_date_row_get_iso (self->due_row, &m->due_date, NULL);
  m->status = g_strdup (bp_form_choice_get (self->status_row));
  return m;
}
