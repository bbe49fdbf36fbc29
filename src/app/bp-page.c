/* bp-page.c: the "db" property and coalesced reloads shared by the views. */
#include "bp-page.h"

typedef struct
{
  BpDb *db;
  guint reload_id;
  gboolean stale; /* changed while not shown */
} BpPagePrivate;

enum
{
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (BpPage, bp_page, GTK_TYPE_WIDGET)

void
bp_page_reload_now (BpPage *self)
{
  BpPagePrivate *priv = bp_page_get_instance_private (self);

  g_return_if_fail (BP_IS_PAGE (self));
  g_clear_handle_id (&priv->reload_id, g_source_remove);
  priv->stale = FALSE;
  if (BP_PAGE_GET_CLASS (self)->reload)
    BP_PAGE_GET_CLASS (self)->reload (self);
}

/* A view nobody sees does not read the file: on a large programme every
 * view's reload adds up to seconds before the first frame. It catches up
 * when shown. */
static void
reload_when_shown (BpPage *self)
{
  BpPagePrivate *priv = bp_page_get_instance_private (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bp_page_reload_now (self);
  else
    {
      g_clear_handle_id (&priv->reload_id, g_source_remove);
      priv->stale = TRUE;
    }
}

static gboolean
reload_idle_cb (gpointer data)
{
  BpPage *self = data;
  BpPagePrivate *priv = bp_page_get_instance_private (self);

  priv->reload_id = 0;
  reload_when_shown (self);
  return G_SOURCE_REMOVE;
}

static void
bp_page_map (GtkWidget *widget)
{
  BpPage *self = BP_PAGE (widget);
  BpPagePrivate *priv = bp_page_get_instance_private (self);

  GTK_WIDGET_CLASS (bp_page_parent_class)->map (widget);
  if (priv->stale)
    bp_page_reload_now (self);
}

/* A write touches several tables, each announced: reload once after. */
static void
on_db_changed_cb (BpDb *db, const char *table, BpPage *self)
{
  BpPagePrivate *priv = bp_page_get_instance_private (self);

  if (priv->reload_id == 0)
    priv->reload_id = g_idle_add (reload_idle_cb, self);
}

BpDb *
bp_page_get_db (BpPage *self)
{
  BpPagePrivate *priv = bp_page_get_instance_private (self);

  g_return_val_if_fail (BP_IS_PAGE (self), NULL);
  return priv->db;
}

void
bp_page_set_db (BpPage *self, BpDb *db)
{
  BpPagePrivate *priv = bp_page_get_instance_private (self);

  g_return_if_fail (BP_IS_PAGE (self));
  if (priv->db == db)
    return;
  if (priv->db)
    g_signal_handlers_disconnect_by_func (priv->db, on_db_changed_cb, self);
  g_set_object (&priv->db, db);
  if (db)
    g_signal_connect_object (db, "changed", G_CALLBACK (on_db_changed_cb), self, 0);
  reload_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

static void
bp_page_dispose (GObject *object)
{
  BpPage *self = BP_PAGE (object);
  BpPagePrivate *priv = bp_page_get_instance_private (self);
  GtkWidget *child;

  g_clear_handle_id (&priv->reload_id, g_source_remove);
  if (priv->db)
    g_signal_handlers_disconnect_by_func (priv->db, on_db_changed_cb, self);
  g_clear_object (&priv->db);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bp_page_parent_class)->dispose (object);
}

static void
bp_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, bp_page_get_db (BP_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DB:
      bp_page_set_db (BP_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

GResource *bp_get_resource (void);

static void
bp_page_class_init (BpPageClass *klass)
{
  /* Keeps the bundled .ui files linked in from the static library. */
  (void) bp_get_resource ();

  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_page_dispose;
  object_class->get_property = bp_page_get_property;
  object_class->set_property = bp_page_set_property;

  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, BP_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                               | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = bp_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bp_page_init (BpPage *self)
{
}
