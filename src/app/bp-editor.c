/* bp-editor.c: the pieces the editor windows share. */
#include <glib/gi18n.h>

#include "bp-editor.h"
#include "bp-window.h"

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

void
bp_editor_class_install_actions (GtkWidgetClass *widget_class, GtkWidgetActionActivateFunc save)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (save != NULL);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

void
bp_editor_show_general_error (GtkLabel *general_error, const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (general_error));

  gtk_label_set_text (general_error, message);
  gtk_widget_set_visible (GTK_WIDGET (general_error), TRUE);
}

void
bp_editor_check_read_only (GtkWidget *editor, BpDb *db, GtkLabel *general_error)
{
  g_autofree char *msg = NULL;

  g_return_if_fail (GTK_IS_WIDGET (editor));
  g_return_if_fail (BP_IS_DB (db));

  if (!bp_db_is_read_only (db))
    return;
  msg = g_strdup_printf (_("The file is open read-only, so changes cannot be saved: %s"),
                         bp_db_get_read_only_reason (db));
  bp_editor_show_general_error (general_error, msg);
  gtk_widget_action_set_enabled (editor, "editor.save", FALSE);
}

void
bp_editor_close_saved (GtkWindow *editor, const char *message)
{
  GtkWindow *parent;

  g_return_if_fail (GTK_IS_WINDOW (editor));

  parent = gtk_window_get_transient_for (editor);
  if (parent)
    bp_widget_toast (GTK_WIDGET (parent), message);
  gtk_window_destroy (editor);
}
