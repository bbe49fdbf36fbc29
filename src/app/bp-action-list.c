/* bp-action-list.c: the actions of a programme as a lazy GListModel. */
/* strverscmp() */
#define _GNU_SOURCE
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "bp-action-list.h"
#include "bp-colours.h"
#include "bp-rules.h"

/* ------------------------------------------------------------ the item */

struct _BpActionItem
{
  GObject parent_instance;

  BpActionList *list;     /* not owned: the list whose cache holds us */
  gint64 id;
  GPtrArray *owner;       /* keeps the action alive */
  const BpAction *action; /* what the item shows */
  gboolean overdue;

  /* Display strings, made when first asked for: GTK 4.8's list views
   * ask for many items they never show. */
  guint made;
  char *due;
  char *due_tooltip;
  char *latest_update;
  char *latest_tooltip;
};

enum
{
  MADE_DUE = 1 << 0,
  MADE_DUE_TOOLTIP = 1 << 1,
  MADE_LATEST_UPDATE = 1 << 2,
  MADE_LATEST_TOOLTIP = 1 << 3,
};

enum
{
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_REF,
  ITEM_PROP_TITLE,
  ITEM_PROP_PRIORITY,
  ITEM_PROP_OWNER,
  ITEM_PROP_ORGANISATION,
  ITEM_PROP_DUE,
  ITEM_PROP_DUE_KEY,
  ITEM_PROP_DUE_TOOLTIP,
  ITEM_PROP_RAG,
  ITEM_PROP_RAG_LABEL,
  ITEM_PROP_RAG_CLASSES,
  ITEM_PROP_OVERDUE,
  ITEM_PROP_PERCENT,
  ITEM_PROP_LATEST_DATE,
  ITEM_PROP_LATEST_COMMENTARY,
  ITEM_PROP_LATEST_UPDATE,
  ITEM_PROP_LATEST_TOOLTIP,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

G_DEFINE_FINAL_TYPE (BpActionItem, bp_action_item, G_TYPE_OBJECT)

/* ------------------------------------------------------------ the list */

typedef struct
{
  BpAction *action; /* owned by BpActionList.actions */
  guint plan;       /* index in the plan's order */
  guint priority_rank;
  char *title_key; /* collation keys, made when first sorted by them */
  char *owner_key;
} Row;

struct _BpActionList
{
  GObject parent_instance;

  BpDb *db;
  BpActionFilter filter; /* strings owned, below */
  char *overdue_as_of;
  char *due_from;
  char *search;
  char *as_of;

  GPtrArray *all;     /* every action in plan order, until the file changes */
  GPtrArray *actions; /* owns the BpAction structs the rows show */
  GArray *rows;       /* Row, in the list's order */
  BpActionSort sort;
  GtkSortType order;
  guint n_total;
  gboolean n_total_known; /* until the file changes */

  /* Action id -> the live BpActionItem showing it; items remove
   * themselves when finalized, so nothing here keeps them alive. */
  GHashTable *items;
};

static void bp_action_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BpActionList, bp_action_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bp_action_list_model_init))

/* ------------------------------------------------------------- helpers */

static const char *const rag_classes[BP_RAG_COUNT][3] = {
  [BP_RAG_NOT_STARTED] = { "bp-rag", "bp-rag-not-started", NULL },
  [BP_RAG_RED] = { "bp-rag", "bp-rag-red", NULL },
  [BP_RAG_AMBER] = { "bp-rag", "bp-rag-amber", NULL },
  [BP_RAG_GREEN] = { "bp-rag", "bp-rag-green", NULL },
  [BP_RAG_BLUE] = { "bp-rag", "bp-rag-blue", NULL },
};

const char *const *
bp_action_rag_css_classes (BpRag rag)
{
  if (rag >= BP_RAG_COUNT)
    rag = BP_RAG_NOT_STARTED;
  return rag_classes[rag];
}

void
bp_action_rag_css_install (GdkDisplay *display)
{
  g_autoptr (GtkCssProvider) provider = NULL;
  g_autoptr (GString) css = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));
  if (g_object_get_data (G_OBJECT (display), "bp-rag-css"))
    return;

  css = g_string_new (".bp-rag { border-radius: 6px; padding: 1px 8px; font-weight: bold; }\n");
  for (BpRag r = 0; r < BP_RAG_COUNT; r++)
    {
      BpRgb fill = bp_colours_rag (r);
      g_autofree char *bg = bp_colours_to_string (fill);
      g_autofree char *fg = bp_colours_to_string (bp_colours_text_on (fill));

      g_string_append_printf (css, ".%s { background-color: %s; color: %s; }\n", rag_classes[r][1],
                              bg, fg);
      /* The editor's RAG choice, once chosen. */
      g_string_append_printf (css, ".bp-rag-choice-%s:checked { background: %s; color: %s; }\n",
                              rag_classes[r][1] + strlen ("bp-rag-"), bg, fg);
    }
  /* The pale "not started" fill needs an edge to be seen on white. */
  g_string_append (css, ".bp-rag-not-started { box-shadow: inset 0 0 0 1px alpha(currentColor, 0.3); }\n");

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "bp-rag-css", g_object_ref (provider),
                          g_object_unref);
}

char *
bp_action_format_date (const char *date)
{
  return bp_date_format (date, "%-d %b %Y");
}

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

/* ---------------------------------------------------------- item state */

static const char *
or_empty (const char *s)
{
  return s ? s : "";
}

static gboolean
differs (const char *a, const char *b)
{
  return g_strcmp0 (a, b) != 0;
}

static void
forget_made (BpActionItem *self)
{
  self->made = 0;
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->due_tooltip, g_free);
  g_clear_pointer (&self->latest_update, g_free);
  g_clear_pointer (&self->latest_tooltip, g_free);
}

/* Shows @a (owned by @owner) on @self; when it showed another state of
 * the same action, notifies what changed. */
static void
item_set_action (BpActionItem *self, GPtrArray *owner, const BpAction *a, const char *as_of)
{
  const BpAction *o = self->action;
  gboolean overdue = bp_is_overdue (a->rag, a->due_date, a->revised_due_date, as_of);
  GPtrArray *old_owner = self->owner;
  guint changed[ITEM_N_PROPS];
  guint n = 0;

#define CHANGED(prop) changed[n++] = (prop)
  if (o)
    {
      if (differs (o->ref, a->ref))
        CHANGED (ITEM_PROP_REF);
      if (differs (o->title, a->title))
        CHANGED (ITEM_PROP_TITLE);
      if (differs (o->priority_code, a->priority_code))
        CHANGED (ITEM_PROP_PRIORITY);
      if (differs (o->owner_name, a->owner_name))
        CHANGED (ITEM_PROP_OWNER);
      if (differs (o->organisation_name, a->organisation_name))
        CHANGED (ITEM_PROP_ORGANISATION);
      if (differs (bp_action_effective_due (o), bp_action_effective_due (a))
          || differs (o->due_text, a->due_text))
        {
          CHANGED (ITEM_PROP_DUE);
          CHANGED (ITEM_PROP_DUE_KEY);
        }
      if (differs (o->due_date, a->due_date) || differs (o->revised_due_date, a->revised_due_date)
          || differs (o->revised_reason, a->revised_reason))
        CHANGED (ITEM_PROP_DUE_TOOLTIP);
      if (o->rag != a->rag)
        {
          CHANGED (ITEM_PROP_RAG);
          CHANGED (ITEM_PROP_RAG_LABEL);
          CHANGED (ITEM_PROP_RAG_CLASSES);
        }
      if (self->overdue != overdue)
        CHANGED (ITEM_PROP_OVERDUE);
      if (o->percent != a->percent)
        CHANGED (ITEM_PROP_PERCENT);
      if (differs (o->latest_date, a->latest_date)
          || differs (o->latest_commentary, a->latest_commentary)
          || differs (o->latest_next_steps, a->latest_next_steps))
        {
          CHANGED (ITEM_PROP_LATEST_DATE);
          CHANGED (ITEM_PROP_LATEST_COMMENTARY);
          CHANGED (ITEM_PROP_LATEST_UPDATE);
          CHANGED (ITEM_PROP_LATEST_TOOLTIP);
        }
    }
#undef CHANGED

  self->id = a->id;
  self->owner = g_ptr_array_ref (owner);
  self->action = a;
  self->overdue = overdue;
  forget_made (self);
  if (old_owner)
    g_ptr_array_unref (old_owner);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n; i++)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[changed[i]]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
bp_action_item_finalize (GObject *object)
{
  BpActionItem *self = BP_ACTION_ITEM (object);

  if (self->list && g_hash_table_lookup (self->list->items, &self->id) == self)
    g_hash_table_remove (self->list->items, &self->id);
  forget_made (self);
  g_clear_pointer (&self->owner, g_ptr_array_unref);
  G_OBJECT_CLASS (bp_action_item_parent_class)->finalize (object);
}

static void
bp_action_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BpActionItem *self = BP_ACTION_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ITEM_PROP_REF:
      g_value_set_string (value, bp_action_item_get_ref (self));
      break;
    case ITEM_PROP_TITLE:
      g_value_set_string (value, bp_action_item_get_title (self));
      break;
    case ITEM_PROP_PRIORITY:
      g_value_set_string (value, bp_action_item_get_priority (self));
      break;
    case ITEM_PROP_OWNER:
      g_value_set_string (value, bp_action_item_get_owner (self));
      break;
    case ITEM_PROP_ORGANISATION:
      g_value_set_string (value, bp_action_item_get_organisation (self));
      break;
    case ITEM_PROP_DUE:
      g_value_set_string (value, bp_action_item_get_due (self));
      break;
    case ITEM_PROP_DUE_KEY:
      g_value_set_string (value, bp_action_item_get_due_key (self));
      break;
    case ITEM_PROP_DUE_TOOLTIP:
      g_value_set_string (value, bp_action_item_get_due_tooltip (self));
      break;
    case ITEM_PROP_RAG:
      g_value_set_int (value, bp_action_item_get_rag (self));
      break;
    case ITEM_PROP_RAG_LABEL:
      g_value_set_string (value, bp_action_item_get_rag_label (self));
      break;
    case ITEM_PROP_RAG_CLASSES:
      g_value_set_boxed (value, bp_action_rag_css_classes (bp_action_item_get_rag (self)));
      break;
    case ITEM_PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    case ITEM_PROP_PERCENT:
      g_value_set_int (value, self->action->percent);
      break;
    case ITEM_PROP_LATEST_DATE:
      g_value_set_string (value, bp_action_item_get_latest_date (self));
      break;
    case ITEM_PROP_LATEST_COMMENTARY:
      g_value_set_string (value, bp_action_item_get_latest_commentary (self));
      break;
    case ITEM_PROP_LATEST_UPDATE:
      g_value_set_string (value, bp_action_item_get_latest_update (self));
      break;
    case ITEM_PROP_LATEST_TOOLTIP:
      g_value_set_string (value, bp_action_item_get_latest_tooltip (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_action_item_class_init (BpActionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bp_action_item_finalize;
  object_class->get_property = bp_action_item_get_property;

  item_properties[ITEM_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  item_properties[ITEM_PROP_REF] = g_param_spec_string ("ref", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_PRIORITY] = g_param_spec_string ("priority", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, NULL,
                                                                 flags);
  item_properties[ITEM_PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_DUE_KEY] = g_param_spec_string ("due-key", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_DUE_TOOLTIP] = g_param_spec_string ("due-tooltip", NULL, NULL, NULL,
                                                                flags);
  item_properties[ITEM_PROP_RAG] = g_param_spec_int ("rag", NULL, NULL, 0, BP_RAG_COUNT - 1, 0,
                                                     flags);
  item_properties[ITEM_PROP_RAG_LABEL] = g_param_spec_string ("rag-label", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_RAG_CLASSES] = g_param_spec_boxed ("rag-classes", NULL, NULL,
                                                               G_TYPE_STRV, flags);
  item_properties[ITEM_PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_PERCENT] = g_param_spec_int ("percent", NULL, NULL, 0, 100, 0, flags);
  item_properties[ITEM_PROP_LATEST_DATE] = g_param_spec_string ("latest-date", NULL, NULL, NULL,
                                                                flags);
  item_properties[ITEM_PROP_LATEST_COMMENTARY] = g_param_spec_string ("latest-commentary", NULL,
                                                                      NULL, NULL, flags);
  item_properties[ITEM_PROP_LATEST_UPDATE] = g_param_spec_string ("latest-update", NULL, NULL,
                                                                  NULL, flags);
  item_properties[ITEM_PROP_LATEST_TOOLTIP] = g_param_spec_string ("latest-tooltip", NULL, NULL,
                                                                   NULL, flags);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
bp_action_item_init (BpActionItem *self)
{
}

gint64
bp_action_item_get_id (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), 0);
  return self->id;
}

const char *
bp_action_item_get_ref (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  return or_empty (self->action->ref);
}

const char *
bp_action_item_get_title (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  return or_empty (self->action->title);
}

const char *
bp_action_item_get_priority (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  return or_empty (self->action->priority_code);
}

const char *
bp_action_item_get_owner (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  return or_empty (self->action->owner_name);
}

const char *
bp_action_item_get_organisation (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  return or_empty (self->action->organisation_name);
}

const char *
bp_action_item_get_due (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  if (!(self->made & MADE_DUE))
    {
      const char *due = bp_action_effective_due (self->action);

      self->due = is_empty (due) ? g_strdup (or_empty (self->action->due_text))
                                 : bp_action_format_date (due);
      self->made |= MADE_DUE;
    }
  return self->due;
}

const char *
bp_action_item_get_due_key (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  return or_empty (bp_action_effective_due (self->action));
}

const char *
bp_action_item_get_due_tooltip (BpActionItem *self)
{
  const BpAction *a;

  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  a = self->action;
  if (!(self->made & MADE_DUE_TOOLTIP))
    {
      if (!is_empty (a->revised_due_date))
        {
          g_autofree char *orig = bp_action_format_date (a->due_date);

          self->due_tooltip = is_empty (a->revised_reason)
                                ? g_strdup_printf (_("Revised from %s"), orig)
                                : g_strdup_printf (_("Revised from %s: %s"), orig,
                                                   a->revised_reason);
        }
      self->made |= MADE_DUE_TOOLTIP;
    }
  return self->due_tooltip;
}

BpRag
bp_action_item_get_rag (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), BP_RAG_NOT_STARTED);
  return self->action->rag;
}

const char *
bp_action_item_get_rag_label (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  return bp_rag_to_label (self->action->rag);
}

gboolean
bp_action_item_get_overdue (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), FALSE);
  return self->overdue;
}

const char *
bp_action_item_get_latest_date (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  return or_empty (self->action->latest_date);
}

const char *
bp_action_item_get_latest_commentary (BpActionItem *self)
{
  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  return or_empty (self->action->latest_commentary);
}

const char *
bp_action_item_get_latest_update (BpActionItem *self)
{
  const BpAction *a;

  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  a = self->action;
  if (!(self->made & MADE_LATEST_UPDATE))
    {
      if (is_empty (a->latest_date))
        self->latest_update = g_strdup (_("No updates yet"));
      else
        {
          g_autofree char *date = bp_action_format_date (a->latest_date);
          g_autofree char *line = g_strdup (or_empty (a->latest_commentary));

          /* One line in the cell; the whole text is in the tooltip. */
          g_strdelimit (line, "\r\n", ' ');
          self->latest_update = g_strdup_printf ("%s: %s", date, line);
        }
      self->made |= MADE_LATEST_UPDATE;
    }
  return self->latest_update;
}

const char *
bp_action_item_get_latest_tooltip (BpActionItem *self)
{
  const BpAction *a;

  g_return_val_if_fail (BP_IS_ACTION_ITEM (self), NULL);
  a = self->action;
  if (!(self->made & MADE_LATEST_TOOLTIP))
    {
      if (is_empty (a->latest_date))
        self->latest_tooltip = NULL;
      else if (!is_empty (a->latest_next_steps))
        self->latest_tooltip = g_strdup_printf (_("%s\n\nNext steps: %s"),
                                                or_empty (a->latest_commentary),
                                                a->latest_next_steps);
      else
        self->latest_tooltip = g_strdup (or_empty (a->latest_commentary));
      self->made |= MADE_LATEST_TOOLTIP;
    }
  return self->latest_tooltip;
}

/* ------------------------------------------------------------- sorting */

/* Most severe first. */
static const int rag_severity[BP_RAG_COUNT] = {
  [BP_RAG_RED] = 0,
  [BP_RAG_AMBER] = 1,
  [BP_RAG_NOT_STARTED] = 2,
  [BP_RAG_GREEN] = 3,
  [BP_RAG_BLUE] = 4,
};

static int
cmp_int (int a, int b)
{
  return (a > b) - (a < b);
}

/* Empty values go last whichever the order: *out_last is set when one
 * side is empty, and the result must not be reversed. */
static gboolean
cmp_empty (const char *a, const char *b, int *out)
{
  gboolean ea = is_empty (a), eb = is_empty (b);

  if (!ea && !eb)
    return FALSE;
  *out = ea == eb ? 0 : ea ? 1 : -1;
  return TRUE;
}

static int
compare_rows (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const Row *a = pa, *b = pb;
  BpActionList *self = data;
  int r = 0;

  switch (self->sort)
    {
    case BP_ACTION_SORT_PLAN:
      break;
    case BP_ACTION_SORT_REF:
      r = strverscmp (a->action->ref ? a->action->ref : "", b->action->ref ? b->action->ref : "");
      break;
    case BP_ACTION_SORT_TITLE:
      r = g_strcmp0 (a->title_key, b->title_key);
      break;
    case BP_ACTION_SORT_PRIORITY:
      r = cmp_int (a->priority_rank, b->priority_rank);
      break;
    case BP_ACTION_SORT_OWNER:
      if (cmp_empty (a->owner_key, b->owner_key, &r))
        goto tie;
      r = strcmp (a->owner_key, b->owner_key);
      break;
    case BP_ACTION_SORT_DUE:
      {
        const char *da = bp_action_effective_due (a->action);
        const char *db = bp_action_effective_due (b->action);

        if (cmp_empty (da, db, &r))
          goto tie;
        r = strcmp (da, db);
      }
      break;
    case BP_ACTION_SORT_RAG:
      r = cmp_int (rag_severity[a->action->rag % BP_RAG_COUNT],
                   rag_severity[b->action->rag % BP_RAG_COUNT]);
      break;
    case BP_ACTION_SORT_LATEST:
      if (cmp_empty (a->action->latest_date, b->action->latest_date, &r))
        goto tie;
      r = strcmp (a->action->latest_date, b->action->latest_date);
      break;
    default:
      g_assert_not_reached ();
    }
  if (self->order == GTK_SORT_DESCENDING)
    r = -r;
tie:
  /* Ties keep the plan's order, in either direction. */
  return r != 0 ? r : cmp_int (a->plan, b->plan);
}

static void
sort_rows (BpActionList *self)
{
  if (self->rows->len < 2)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (self->sort == BP_ACTION_SORT_TITLE && row->title_key == NULL)
        row->title_key = g_utf8_collate_key (row->action->title ? row->action->title : "", -1);
      if (self->sort == BP_ACTION_SORT_OWNER && row->owner_key == NULL
          && !is_empty (row->action->owner_name))
        row->owner_key = g_utf8_collate_key (row->action->owner_name, -1);
    }
  g_qsort_with_data (self->rows->data, self->rows->len, sizeof (Row), compare_rows, self);
}

/* ------------------------------------------------------------- queries */

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->title_key);
  g_free (row->owner_key);
}

static GArray *
new_rows (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  g_array_set_clear_func (rows, row_clear);
  return rows;
}

/* Rows for @actions in the plan's order; an action whose reference is
 * exactly what was searched for comes first. */
static GArray *
rows_for (BpActionList *self, GPtrArray *actions)
{
  GArray *rows = new_rows ();
  g_autofree char *wanted = self->search ? g_strstrip (g_strdup (self->search)) : NULL;
  gint64 last_priority = -1;
  guint rank = 0;
  guint exact = G_MAXUINT;

  g_array_set_size (rows, actions->len);
  for (guint i = 0; i < actions->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      BpAction *a = actions->pdata[i];

      if (a->priority_id != last_priority)
        {
          rank++;
          last_priority = a->priority_id;
        }
      row->action = a;
      row->priority_rank = rank;
      row->plan = i + 1;
      if (exact == G_MAXUINT && wanted && *wanted && a->ref
          && g_ascii_strcasecmp (a->ref, wanted) == 0)
        exact = i;
    }
  if (exact != G_MAXUINT)
    g_array_index (rows, Row, exact).plan = 0;
  return rows;
}

/* The actions the filter lets through, in plan order, and in
 * *@out_owner the array that owns them. A search asks the file's
 * full-text index; the other filters are applied here to the file's
 * whole list, read once until the file changes, so that choosing a
 * filter on 50,000 actions does not read them all again. */
static GPtrArray *
select_actions (BpActionList *self, GPtrArray **out_owner, GError **error)
{
  g_autofree char *due_to = NULL;
  GPtrArray *subset;

  if (self->db == NULL)
    {
      *out_owner = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_action_free);
      return g_ptr_array_ref (*out_owner);
    }
  if (self->search && *self->search)
    {
      *out_owner = bp_db_list_actions (self->db, &self->filter, error);
      return *out_owner ? g_ptr_array_ref (*out_owner) : NULL;
    }

  if (!bp_action_filter_due_to (&self->filter, &due_to, error))
    return NULL;
  if (self->all == NULL)
    {
      self->all = bp_db_list_actions (self->db, NULL, error);
      if (self->all == NULL)
        return NULL;
    }
  *out_owner = g_ptr_array_ref (self->all);
  if (!bp_action_list_is_filtered (self))
    return g_ptr_array_ref (self->all);
  subset = g_ptr_array_new ();
  for (guint i = 0; i < self->all->len; i++)
    if (bp_action_filter_matches (&self->filter, self->all->pdata[i], due_to))
      g_ptr_array_add (subset, self->all->pdata[i]);
  return subset;
}

/* The number of actions in the file: the rows when nothing is filtered
 * out, otherwise counted once per state of the file. */
static void
update_total (BpActionList *self)
{
  BpSummary summary;

  if (self->db == NULL)
    {
      self->n_total = 0;
      self->n_total_known = TRUE;
    }
  else if (self->all)
    {
      self->n_total = self->all->len;
      self->n_total_known = TRUE;
    }
  else if (!bp_action_list_is_filtered (self))
    {
      self->n_total = self->rows->len;
      self->n_total_known = TRUE;
    }
  else if (!self->n_total_known && bp_db_summary (self->db, self->as_of, &summary, NULL))
    {
      self->n_total = summary.actions;
      self->n_total_known = TRUE;
    }
}

static void
forget_items (BpActionList *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BP_ACTION_ITEM (value)->list = NULL;
      g_hash_table_iter_remove (&iter);
    }
}

/* Puts the rows of @actions in place; live items that still have an
 * action show its new state and the others are let go. */
/* Puts @rows in place, their actions owned by @owner; live items that
 * still have a row show its new state and the others are let go. */
static void
replace_rows (BpActionList *self, GPtrArray *owner, GArray *rows)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < rows->len; i++)
    {
      BpAction *a = g_array_index (rows, Row, i).action;

      g_hash_table_insert (by_id, &a->id, a);
    }
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BpActionItem *item = value;
      BpAction *a = g_hash_table_lookup (by_id, &item->id);

      if (a)
        item_set_action (item, owner, a, self->as_of);
      else
        {
          item->list = NULL;
          g_hash_table_iter_remove (&iter);
        }
    }

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  self->actions = owner;
  self->rows = rows;
}

/* ------------------------------------------------------- GListModel */

static GType
bp_action_list_get_item_type (GListModel *model)
{
  return BP_TYPE_ACTION_ITEM;
}

static guint
bp_action_list_get_n_items (GListModel *model)
{
  BpActionList *self = BP_ACTION_LIST (model);

  return self->rows->len;
}

static gpointer
bp_action_list_get_item (GListModel *model, guint position)
{
  BpActionList *self = BP_ACTION_LIST (model);
  BpActionItem *item;
  const Row *row;

  if (position >= self->rows->len)
    return NULL;
  row = &g_array_index (self->rows, Row, position);
  item = g_hash_table_lookup (self->items, &row->action->id);
  if (item)
    return g_object_ref (item);

  item = g_object_new (BP_TYPE_ACTION_ITEM, NULL);
  item_set_action (item, self->actions, row->action, self->as_of);
  item->list = self;
  g_hash_table_insert (self->items, &item->id, item);
  return item;
}

static void
bp_action_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bp_action_list_get_item_type;
  iface->get_n_items = bp_action_list_get_n_items;
  iface->get_item = bp_action_list_get_item;
}

/* ----------------------------------------------------------- overrides */

static void
clear_filter_strings (BpActionList *self)
{
  g_clear_pointer (&self->overdue_as_of, g_free);
  g_clear_pointer (&self->due_from, g_free);
  g_clear_pointer (&self->search, g_free);
}

static void
bp_action_list_dispose (GObject *object)
{
  BpActionList *self = BP_ACTION_LIST (object);

  forget_items (self);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (bp_action_list_parent_class)->dispose (object);
}

static void
bp_action_list_finalize (GObject *object)
{
  BpActionList *self = BP_ACTION_LIST (object);

  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  clear_filter_strings (self);
  g_free (self->as_of);
  G_OBJECT_CLASS (bp_action_list_parent_class)->finalize (object);
}

static void
bp_action_list_class_init (BpActionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bp_action_list_dispose;
  object_class->finalize = bp_action_list_finalize;
}

static void
bp_action_list_init (BpActionList *self)
{
  const BpActionFilter none = BP_ACTION_FILTER_INIT;

  self->filter = none;
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_action_free);
  self->rows = new_rows ();
  self->items = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->as_of = bp_date_today ();
  self->order = GTK_SORT_ASCENDING;
}

/* ---------------------------------------------------------- public API */

BpActionList *
bp_action_list_new (BpDb *db)
{
  BpActionList *self = g_object_new (BP_TYPE_ACTION_LIST, NULL);

  if (db)
    bp_action_list_set_db (self, db);
  return self;
}

BpDb *
bp_action_list_get_db (BpActionList *self)
{
  g_return_val_if_fail (BP_IS_ACTION_LIST (self), NULL);
  return self->db;
}

/* Replaces every row. */
static gboolean
requery (BpActionList *self, GError **error)
{
  g_autoptr (GPtrArray) actions = NULL;
  GPtrArray *owner = NULL;
  GArray *rows;
  guint removed = self->rows->len;

  actions = select_actions (self, &owner, error);
  if (actions == NULL)
    return FALSE;
  rows = rows_for (self, actions);
  replace_rows (self, owner, rows);
  sort_rows (self);
  update_total (self);
  if (removed > 0 || rows->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, rows->len);
  return TRUE;
}

void
bp_action_list_set_db (BpActionList *self, BpDb *db)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (BP_IS_ACTION_LIST (self));
  g_return_if_fail (db == NULL || BP_IS_DB (db));

  if (self->db == db)
    return;
  g_set_object (&self->db, db);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  self->n_total_known = FALSE;
  if (!requery (self, &error))
    g_warning ("Listing the actions: %s", error->message);
}

gboolean
bp_action_list_set_filter (BpActionList *self, const BpActionFilter *filter, GError **error)
{
  static const BpActionFilter none = BP_ACTION_FILTER_INIT;
  BpActionFilter old = self->filter;
  char *old_overdue = self->overdue_as_of, *old_from = self->due_from, *old_search = self->search;

  g_return_val_if_fail (BP_IS_ACTION_LIST (self), FALSE);

  if (filter == NULL)
    filter = &none;
  self->overdue_as_of = g_strdup (filter->overdue_as_of);
  self->due_from = g_strdup (filter->due_from);
  self->search = g_strdup (filter->search);
  self->filter = *filter;
  self->filter.overdue_as_of = self->overdue_as_of;
  self->filter.due_from = self->due_from;
  self->filter.search = self->search;

  if (!requery (self, error))
    {
      clear_filter_strings (self);
      self->filter = old;
      self->overdue_as_of = old_overdue;
      self->due_from = old_from;
      self->search = old_search;
      return FALSE;
    }
  g_free (old_overdue);
  g_free (old_from);
  g_free (old_search);
  return TRUE;
}

const BpActionFilter *
bp_action_list_get_filter (BpActionList *self)
{
  g_return_val_if_fail (BP_IS_ACTION_LIST (self), NULL);
  return &self->filter;
}

gboolean
bp_action_list_is_filtered (BpActionList *self)
{
  g_return_val_if_fail (BP_IS_ACTION_LIST (self), FALSE);
  return !bp_action_filter_is_empty (&self->filter);
}

gboolean
bp_action_list_refresh (BpActionList *self, GError **error)
{
  g_autoptr (GPtrArray) actions = NULL;
  GPtrArray *owner = NULL;
  GArray *rows;
  guint old_n, new_n, prefix = 0, suffix = 0;
  g_autofree gint64 *old_ids = NULL;

  g_return_val_if_fail (BP_IS_ACTION_LIST (self), FALSE);

  /* The file changed: its whole list too. */
  g_clear_pointer (&self->all, g_ptr_array_unref);
  actions = select_actions (self, &owner, error);
  if (actions == NULL)
    return FALSE;

  old_n = self->rows->len;
  old_ids = g_new (gint64, MAX (old_n, 1));
  for (guint i = 0; i < old_n; i++)
    old_ids[i] = g_array_index (self->rows, Row, i).action->id;

  rows = rows_for (self, actions);
  replace_rows (self, owner, rows);
  sort_rows (self);
  self->n_total_known = FALSE;
  update_total (self);

  new_n = rows->len;
  while (prefix < old_n && prefix < new_n
         && old_ids[prefix] == g_array_index (rows, Row, prefix).action->id)
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix
         && old_ids[old_n - 1 - suffix] == g_array_index (rows, Row, new_n - 1 - suffix).action->id)
    suffix++;
  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                                new_n - prefix - suffix);
  return TRUE;
}

void
bp_action_list_set_sort (BpActionList *self, BpActionSort sort, GtkSortType order)
{
  g_return_if_fail (BP_IS_ACTION_LIST (self));
  g_return_if_fail (sort <= BP_ACTION_SORT_LATEST);

  if (self->sort == sort && (self->order == order || sort == BP_ACTION_SORT_PLAN))
    return;
  self->sort = sort;
  self->order = order;
  sort_rows (self);
  if (self->rows->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->rows->len, self->rows->len);
}

BpActionSort
bp_action_list_get_sort (BpActionList *self, GtkSortType *out_order)
{
  g_return_val_if_fail (BP_IS_ACTION_LIST (self), BP_ACTION_SORT_PLAN);
  if (out_order)
    *out_order = self->order;
  return self->sort;
}

void
bp_action_list_set_as_of (BpActionList *self, const char *date)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (BP_IS_ACTION_LIST (self));
  g_return_if_fail (date && bp_date_is_valid (date));

  if (g_strcmp0 (self->as_of, date) == 0)
    return;
  g_free (self->as_of);
  self->as_of = g_strdup (date);
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BpActionItem *item = value;
      guint pos = bp_action_list_find (self, item->id);

      if (pos != GTK_INVALID_LIST_POSITION)
        item_set_action (item, self->actions, g_array_index (self->rows, Row, pos).action,
                         self->as_of);
    }
}

const char *
bp_action_list_get_as_of (BpActionList *self)
{
  g_return_val_if_fail (BP_IS_ACTION_LIST (self), NULL);
  return self->as_of;
}

guint
bp_action_list_get_n_total (BpActionList *self)
{
  g_return_val_if_fail (BP_IS_ACTION_LIST (self), 0);
  return self->n_total;
}

guint
bp_action_list_find (BpActionList *self, gint64 action_id)
{
  g_return_val_if_fail (BP_IS_ACTION_LIST (self), GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, Row, i).action->id == action_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

gint64
bp_action_list_get_id (BpActionList *self, guint position)
{
  g_return_val_if_fail (BP_IS_ACTION_LIST (self), 0);
  if (position >= self->rows->len)
    return 0;
  return g_array_index (self->rows, Row, position).action->id;
}
