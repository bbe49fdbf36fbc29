/* bp-db-entity.c: reading and writing the entities of a .boardpack file
 * through their field tables (bp-entity.c): validation, the generic
 * insert, update, delete and get, and the writes with rules of their own
 * (the programme, progress updates, links, snapshots). */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-db-private.h"
#include "bp-rules.h"
#include "bp-schema-private.h"

const char *
bp_entity_row_key (const BpEntity *entity, gconstpointer row)
{
  if (entity == NULL || row == NULL)
    return NULL;
  for (guint i = 0; i < entity->n_fields; i++)
    if (g_str_equal (entity->fields[i].column, entity->key_column)
        && (entity->fields[i].type == BP_FIELD_TEXT || entity->fields[i].type == BP_FIELD_DATE))
      return *(char *const *) ((const guint8 *) row + entity->fields[i].offset);
  return NULL;
}

static gpointer
field_ptr (gconstpointer row, const BpField *f)
{
  return (guint8 *) row + f->offset;
}

static void
bind_field (sqlite3_stmt *stmt, int idx, const BpField *f, gconstpointer row)
{
  gpointer p = field_ptr (row, f);

  switch (f->type)
    {
    case BP_FIELD_TEXT:
    case BP_FIELD_DATE:
      {
        const char *s = *(char **) p;

        if (s && *s)
          sqlite3_bind_text (stmt, idx, s, -1, SQLITE_STATIC);
        else
          sqlite3_bind_null (stmt, idx);
      }
      break;
    case BP_FIELD_INT:
      sqlite3_bind_int (stmt, idx, *(int *) p);
      break;
    case BP_FIELD_ID:
      if (*(gint64 *) p > 0)
        sqlite3_bind_int64 (stmt, idx, *(gint64 *) p);
      else
        sqlite3_bind_null (stmt, idx);
      break;
    case BP_FIELD_REAL:
      if (isnan (*(double *) p))
        sqlite3_bind_null (stmt, idx);
      else
        sqlite3_bind_double (stmt, idx, *(double *) p);
      break;
    case BP_FIELD_RAG:
      {
        char letter[2] = { bp_rag_to_letter (*(BpRag *) p), 0 };

        sqlite3_bind_text (stmt, idx, letter, 1, SQLITE_TRANSIENT);
      }
      break;
    case BP_FIELD_POLARITY:
      sqlite3_bind_text (stmt, idx, bp_polarity_to_string (*(BpPolarity *) p), -1,
                         SQLITE_STATIC);
      break;
    default:
      g_assert_not_reached ();
    }
}

static BpRag
rag_from_letter (const unsigned char *s)
{
  switch (s ? s[0] : 'N')
    {
    case 'R': return BP_RAG_RED;
    case 'A': return BP_RAG_AMBER;
    case 'G': return BP_RAG_GREEN;
    case 'B': return BP_RAG_BLUE;
    default: return BP_RAG_NOT_STARTED;
    }
}

static void
read_field (sqlite3_stmt *stmt, int col, const BpField *f, gpointer row)
{
  gpointer p = field_ptr (row, f);

  switch (f->type)
    {
    case BP_FIELD_TEXT:
    case BP_FIELD_DATE:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, col);

        /* Another program (or damage) may have stored bytes that are not
         * UTF-8; GTK, pango and the exports need it. */
        g_free (*(char **) p);
        *(char **) p = text && !g_utf8_validate (text, -1, NULL) ? g_utf8_make_valid (text, -1)
                                                                 : g_strdup (text);
      }
      break;
    case BP_FIELD_INT:
      *(int *) p = sqlite3_column_int (stmt, col);
      break;
    case BP_FIELD_ID:
      *(gint64 *) p = sqlite3_column_int64 (stmt, col);
      break;
    case BP_FIELD_REAL:
      *(double *) p = sqlite3_column_type (stmt, col) == SQLITE_NULL
                        ? NAN : sqlite3_column_double (stmt, col);
      break;
    case BP_FIELD_RAG:
      *(BpRag *) p = rag_from_letter (sqlite3_column_text (stmt, col));
      break;
    case BP_FIELD_POLARITY:
      if (!bp_polarity_parse ((const char *) sqlite3_column_text (stmt, col), (BpPolarity *) p))
        *(BpPolarity *) p = BP_POLARITY_HIGHER;
      break;
    default:
      g_assert_not_reached ();
    }
}

int
bp_entity_read (const BpEntity *entity, sqlite3_stmt *stmt, int col, gpointer row)
{
  *(gint64 *) row = sqlite3_column_int64 (stmt, col++);
  for (guint i = 0; i < entity->n_fields; i++)
    if (!(entity->fields[i].flags & BP_FIELD_VIEW))
      read_field (stmt, col++, &entity->fields[i], row);
  /* View fields, when the query supplies them, come after. */
  for (guint i = 0; i < entity->n_fields && col < sqlite3_column_count (stmt); i++)
    if (entity->fields[i].flags & BP_FIELD_VIEW)
      read_field (stmt, col++, &entity->fields[i], row);
  return col;
}

/* The generic statements of each entity, written once per process rather
 * than on every call (printing an action's INSERT took about a fifth of
 * the time of inserting it). Never freed. */
typedef enum
{
  SQL_INSERT,
  SQL_UPDATE,
  SQL_DELETE,
  SQL_EXISTS, /* for a foreign key to this entity's table */
  N_SQL_KINDS
} SqlKind;

typedef struct
{
  char *sql[N_SQL_KINDS];
  GHashTable *select_where; /* column -> "SELECT cols FROM table WHERE column = ?1" */
} EntitySql;

G_LOCK_DEFINE_STATIC (entity_sql);
static GHashTable *entity_sql_cache; /* BpEntity * or table name -> EntitySql */

static char *insert_sql (const BpEntity *e);
static char *update_sql (const BpEntity *e);

/* The entity's statements, found by @e, or by @table alone for
 * SQL_EXISTS (a foreign key names only the table it refers to). */
static EntitySql *
entity_sql_locked (const BpEntity *e, const char *table)
{
  gconstpointer key = e ? (gconstpointer) e : (gconstpointer) table;
  EntitySql *es;

  if (entity_sql_cache == NULL)
    entity_sql_cache = g_hash_table_new (NULL, NULL);
  es = g_hash_table_lookup (entity_sql_cache, key);
  if (es == NULL)
    {
      es = g_new0 (EntitySql, 1);
      if (e)
        {
          es->sql[SQL_INSERT] = insert_sql (e);
          es->sql[SQL_UPDATE] = update_sql (e);
          es->sql[SQL_DELETE] = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", e->table);
          es->select_where = g_hash_table_new (g_str_hash, g_str_equal);
          table = e->table;
        }
      es->sql[SQL_EXISTS] = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
      g_hash_table_insert (entity_sql_cache, (gpointer) key, es);
    }
  return es;
}

static const char *
entity_sql (const BpEntity *e, SqlKind kind)
{
  const char *sql;

  G_LOCK (entity_sql);
  sql = entity_sql_locked (e, NULL)->sql[kind];
  G_UNLOCK (entity_sql);
  return sql;
}

static const char *
exists_sql (const char *table)
{
  const char *sql;

  /* Table names come from the static field tables, so their addresses
   * are keys as good as the entities'. */
  G_LOCK (entity_sql);
  sql = entity_sql_locked (NULL, table)->sql[SQL_EXISTS];
  G_UNLOCK (entity_sql);
  return sql;
}

static const char *
select_where_sql (const BpEntity *e, const char *column)
{
  EntitySql *es;
  char *sql;

  G_LOCK (entity_sql);
  es = entity_sql_locked (e, NULL);
  sql = g_hash_table_lookup (es->select_where, column);
  if (sql == NULL)
    {
      g_autofree char *cols = bp_entity_columns (e, NULL);

      sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?1", cols, e->table, column);
      g_hash_table_insert (es->select_where, g_strdup (column), sql);
    }
  G_UNLOCK (entity_sql);
  return sql;
}

static gboolean
id_exists (BpDb *self, const char *table, gint64 id)
{
  sqlite3_stmt *stmt = bp_db_statement (self, exists_sql (table), NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* "action 1.2", "person Alice Owner": a row as messages name it. */
static char *
row_name (const BpEntity *e, gconstpointer row)
{
  const char *key = bp_entity_row_key (e, row);

  return key && *key ? g_strdup_printf ("%s %s", _(e->label), key) : g_strdup (_(e->label));
}

/* Checks a row against its entity's rules except that the rows it refers
 * to exist, naming the row and the field in the message so that a window
 * can show it beside the field. Returns the index of the field at fault,
 * or the number of fields when there is none. */
static guint
check_fields (const BpEntity *e, gconstpointer row, GError **error)
{
  /* "action 1.2": made only for a message, not for every valid row. */
  g_autofree char *who = NULL;
#define WHO (who ? who : (who = row_name (e, row)))

  for (guint i = 0; i < e->n_fields; i++)
    {
      const BpField *f = &e->fields[i];
      gpointer p = field_ptr (row, f);

      if (f->flags & BP_FIELD_VIEW)
        continue;
      switch (f->type)
        {
        case BP_FIELD_TEXT:
        case BP_FIELD_DATE:
          {
            const char *s = *(char **) p;

            if ((f->flags & BP_FIELD_REQUIRED) && bp_text_is_blank (s))
              {
                g_set_error (error, BP_ERROR, BP_ERROR_INVALID, _("%s: the %s must not be empty"),
                             WHO, _(f->label));
                return i;
              }
            if (s && *s && !g_utf8_validate (s, -1, NULL))
              {
                g_set_error (error, BP_ERROR, BP_ERROR_INVALID, _("%s: the %s is not valid UTF-8"),
                             WHO, _(f->label));
                return i;
              }
            if (f->type == BP_FIELD_DATE && s && *s && !bp_date_is_valid (s))
              {
                g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                             _("%s: the %s “%s” is not a date (YYYY-MM-DD)"), WHO, _(f->label), s);
                return i;
              }
          }
          break;
        case BP_FIELD_INT:
          {
            int v = *(int *) p;

            if ((f->flags & BP_FIELD_SCORE) && (v < 0 || v > 5))
              {
                g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                             _("%s: the %s must be from 1 to 5 (or 0, not scored), not %d"),
                             WHO, _(f->label), v);
                return i;
              }
            if ((f->flags & BP_FIELD_PERCENT) && (v < 0 || v > 100))
              {
                g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                             _("%s: the %s must be from 0 to 100, not %d"), WHO, _(f->label), v);
                return i;
              }
          }
          break;
        case BP_FIELD_ID:
          {
            gint64 id = *(gint64 *) p;

            if (id <= 0 && (f->flags & BP_FIELD_REQUIRED))
              {
                g_set_error (error, BP_ERROR, BP_ERROR_INVALID, _("%s: the %s must be set"),
                             WHO, _(f->label));
                return i;
              }
          }
          break;
        case BP_FIELD_RAG:
          if (*(BpRag *) p >= BP_RAG_COUNT)
            {
              g_set_error (error, BP_ERROR, BP_ERROR_INVALID, _("%s: unknown RAG status"), WHO);
              return i;
            }
          break;
        case BP_FIELD_REAL:
          if (isinf (*(double *) p))
            {
              g_set_error (error, BP_ERROR, BP_ERROR_INVALID, _("%s: the %s is not a number"),
                           WHO, _(f->label));
              return i;
            }
          break;
        case BP_FIELD_POLARITY:
        default:
          break;
        }
    }
#undef WHO
  return e->n_fields;
}

/* Checks that the rows the first @n_fields fields of @row refer to exist:
 * FALSE, with the message naming the first that does not, if one is
 * missing. */
gboolean
bp_db_check_references (BpDb *self, const BpEntity *e, gconstpointer row, guint n_fields,
                  GError **error)
{
  for (guint i = 0; i < n_fields && i < e->n_fields; i++)
    {
      const BpField *f = &e->fields[i];
      gint64 id;

      if (f->type != BP_FIELD_ID || (f->flags & BP_FIELD_VIEW))
        continue;
      id = *(gint64 *) field_ptr (row, f);
      if (id > 0 && !id_exists (self, f->ref_table, id))
        {
          g_autofree char *who = row_name (e, row);

          GError *missing = g_error_new (BP_ERROR, BP_ERROR_INVALID,
                                         _("%s: unknown %s (no such record: %lld)"), who,
                                         _(f->label), (long long) id);

          bp_error_set_column (missing, f->column, who);
          g_propagate_error (error, missing);
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks a row against its entity's rules before it is written. That the
 * rows it refers to exist is left to the FOREIGN KEY constraints, which
 * look them up anyway: when the write fails on a constraint,
 * step_done_for_row() asks check_references() which field is at fault.
 * Here, a fault in a field is reported only once the rows the fields
 * before it refer to are found to exist, so that the message is the one
 * a check of every field in order gives. */
static gboolean
validate (BpDb *self, const BpEntity *e, gconstpointer row, GError **error)
{
  g_autoptr (GError) fault = NULL;
  guint at = check_fields (e, row, &fault);

  if (at == e->n_fields)
    return TRUE;
  {
    g_autofree char *who = row_name (e, row);

    bp_error_set_column (fault, e->fields[at].column, who);
  }
  if (bp_db_check_references (self, e, row, at, error))
    g_propagate_error (error, g_steal_pointer (&fault));
  return FALSE;
}

static char *
insert_sql (const BpEntity *e)
{
  GString *s = g_string_new (NULL);
  GString *q = g_string_new (NULL);
  int n = 0;

  g_string_printf (s, "INSERT INTO %s (", e->table);
  for (guint i = 0; i < e->n_fields; i++)
    {
      if (e->fields[i].flags & BP_FIELD_VIEW)
        continue;
      g_string_append_printf (s, "%s%s", n ? ", " : "", e->fields[i].column);
      g_string_append_printf (q, "%s?%d", n ? ", " : "", n + 1);
      n++;
    }
  g_string_append_printf (s, ") VALUES (%s)", q->str);
  g_string_free (q, TRUE);
  return g_string_free (s, FALSE);
}

static char *
update_sql (const BpEntity *e)
{
  GString *s = g_string_new (NULL);
  int n = 0;

  g_string_printf (s, "UPDATE %s SET ", e->table);
  for (guint i = 0; i < e->n_fields; i++)
    {
      if (e->fields[i].flags & BP_FIELD_VIEW)
        continue;
      g_string_append_printf (s, "%s%s = ?%d", n ? ", " : "", e->fields[i].column, n + 1);
      n++;
    }
  g_string_append_printf (s, " WHERE id = ?%d", n + 1);
  return g_string_free (s, FALSE);
}

static int
bind_row (sqlite3_stmt *stmt, const BpEntity *e, gconstpointer row)
{
  int idx = 1;

  for (guint i = 0; i < e->n_fields; i++)
    if (!(e->fields[i].flags & BP_FIELD_VIEW))
      bind_field (stmt, idx++, &e->fields[i], row);
  return idx;
}

/* A single statement inside the caller's transaction is atomic by itself,
 * so it needs no savepoint of its own; and each savepoint would make the
 * full-text index write out its pending terms, which is what made large
 * imports slow. Alone, a write is its own transaction. */
static gboolean
entity_insert (BpDb *self, const BpEntity *e, gpointer row, GError **error)
{
  const char *sql = entity_sql (e, SQL_INSERT);
  sqlite3_stmt *stmt;
  gboolean nested;

  if (!validate (self, e, row, error) || !bp_db_begin_write (self, &nested, error))
    return FALSE;
  stmt = bp_db_statement (self, sql, error);
  if (stmt == NULL)
    goto failed;
  bind_row (stmt, e, row);
  if (!bp_db_step_done_for_row (self, stmt, e, row, error))
    goto failed;
  *(gint64 *) row = sqlite3_last_insert_rowid (bp_db_get_handle (self));
  bp_db_changed (self, e->table);
  return bp_db_end_write (self, nested, TRUE, error);

failed:
  return bp_db_end_write (self, nested, FALSE, error);
}

/* The end of a write to the row of @e with @id, once its statement ran:
 * BP_ERROR_NOT_FOUND, and nothing kept, when no row has that id. */
static gboolean
end_write_of_row (BpDb *self, const BpEntity *e, gint64 id, gboolean nested, GError **error)
{
  if (sqlite3_changes (bp_db_get_handle (self)) == 0)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND, _("No %s with id %lld"), _(e->label),
                   (long long) id);
      return bp_db_end_write (self, nested, FALSE, error);
    }
  bp_db_changed (self, e->table);
  return bp_db_end_write (self, nested, TRUE, error);
}

static gboolean
entity_update (BpDb *self, const BpEntity *e, gconstpointer row, GError **error)
{
  const char *sql = entity_sql (e, SQL_UPDATE);
  sqlite3_stmt *stmt;
  gint64 id = *(const gint64 *) row;
  gboolean nested;

  if (!validate (self, e, row, error) || !bp_db_begin_write (self, &nested, error))
    return FALSE;
  stmt = bp_db_statement (self, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, bind_row (stmt, e, row), id);
  if (!bp_db_step_done_for_row (self, stmt, e, row, error))
    goto failed;
  return end_write_of_row (self, e, id, nested, error);

failed:
  return bp_db_end_write (self, nested, FALSE, error);
}

static gboolean
entity_delete (BpDb *self, const BpEntity *e, gint64 id, GError **error)
{
  const char *sql = entity_sql (e, SQL_DELETE);
  sqlite3_stmt *stmt;
  gboolean nested;

  if (!bp_db_begin_write (self, &nested, error))
    return FALSE;
  stmt = bp_db_statement (self, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bp_db_step_done (self, stmt, e, error))
    goto failed;
  return end_write_of_row (self, e, id, nested, error);

failed:
  return bp_db_end_write (self, nested, FALSE, error);
}

static gpointer
entity_get_where (BpDb *self, const BpEntity *e, const char *column, const char *text,
                  gint64 id, GError **error)
{
  sqlite3_stmt *stmt = bp_db_statement (self, select_where_sql (e, column), error);
  gpointer row;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          if (text)
            g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND, _("No %s “%s”"), _(e->label), text);
          else
            g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND,
                         _("No %s with id %lld"), _(e->label), (long long) id);
        }
      else
        bp_db_set_sqlite_error (self, rc, _("Reading the file"), error);
      return NULL;
    }
  row = bp_entity_new (e);
  bp_entity_read (e, stmt, 0, row);
  sqlite3_reset (stmt);
  return row;
}

#define BP_DEFINE_CRUD(name, T)                                                  \
  gboolean bp_db_insert_##name (BpDb *self, T *row, GError **error)              \
  {                                                                              \
    g_return_val_if_fail (BP_IS_DB (self) && row != NULL, FALSE);                \
    return entity_insert (self, &bp_entity_##name, row, error);                  \
  }                                                                              \
  gboolean bp_db_update_##name (BpDb *self, const T *row, GError **error)        \
  {                                                                              \
    g_return_val_if_fail (BP_IS_DB (self) && row != NULL, FALSE);                \
    return entity_update (self, &bp_entity_##name, row, error);                  \
  }                                                                              \
  gboolean bp_db_delete_##name (BpDb *self, gint64 id, GError **error)           \
  {                                                                              \
    g_return_val_if_fail (BP_IS_DB (self), FALSE);                               \
    return entity_delete (self, &bp_entity_##name, id, error);                   \
  }                                                                              \
  T *bp_db_get_##name (BpDb *self, gint64 id, GError **error)                    \
  {                                                                              \
    g_return_val_if_fail (BP_IS_DB (self), NULL);                                \
    return entity_get_where (self, &bp_entity_##name, "id", NULL, id, error);    \
  }

BP_DEFINE_CRUD (organisation, BpOrganisation)
BP_DEFINE_CRUD (person, BpPerson)
BP_DEFINE_CRUD (priority, BpPriority)
BP_DEFINE_CRUD (action, BpAction)
BP_DEFINE_CRUD (milestone, BpMilestone)
BP_DEFINE_CRUD (risk, BpRisk)
BP_DEFINE_CRUD (mitigation, BpMitigation)
BP_DEFINE_CRUD (measure, BpMeasure)
BP_DEFINE_CRUD (measure_value, BpMeasureValue)
BP_DEFINE_CRUD (meeting, BpMeeting)
BP_DEFINE_CRUD (risk_band, BpRiskBand)

BpProgramme *
bp_db_get_programme (BpDb *self, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), NULL);
  return entity_get_where (self, &bp_entity_programme, "id", NULL, 1, error);
}

gboolean
bp_db_update_programme (BpDb *self, const BpProgramme *programme, GError **error)
{
  g_autoptr (BpProgramme) copy = NULL;

  g_return_val_if_fail (BP_IS_DB (self) && programme != NULL, FALSE);
  if (programme->fy_start_month < 1 || programme->fy_start_month > 12)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   _("programme: the financial year must start in a month from 1 to 12"));
      return FALSE;
    }
  if (programme->language && !g_strv_contains ((const char *[]) { "en", "cy", "bilingual", NULL },
                                               programme->language))
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   _("programme: the language must be en, cy or bilingual, not “%s”"),
                   programme->language);
      return FALSE;
    }
  copy = g_memdup2 (programme, sizeof *programme);
  copy->id = 1;
  if (copy->language == NULL)
    copy->language = "en";
  {
    gboolean ok = entity_update (self, &bp_entity_programme, copy, error);

    g_free (g_steal_pointer (&copy)); /* shallow copy: the strings are the caller's */
    return ok;
  }
}

gboolean
bp_db_add_update (BpDb *self, BpUpdate *update, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self) && update != NULL, FALSE);

  /* One statement: a trigger sets the action's RAG from its latest update. */
  if (!entity_insert (self, &bp_entity_update, update, error))
    {
      update->id = 0;
      return FALSE;
    }
  bp_db_changed (self, "action");
  return TRUE;
}

static gboolean
link_rows (BpDb *self, const char *table, const char *sql, gint64 a, gint64 b, GError **error)
{
  sqlite3_stmt *stmt;

  if (!bp_db_begin (self, error))
    return FALSE;
  stmt = bp_db_statement (self, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (!bp_db_step_done (self, stmt, NULL, error))
    goto failed;
  /* The views that show links (a risk's actions, an action's risks)
   * refresh on it, as on any other write. */
  if (sqlite3_changes (bp_db_get_handle (self)) > 0)
    bp_db_changed (self, table);
  return bp_db_commit (self, error) || (bp_db_rollback (self), FALSE);

failed:
  bp_db_rollback (self);
  return FALSE;
}

gboolean
bp_db_link_risk_action (BpDb *self, gint64 risk_id, gint64 action_id, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  return link_rows (self, "risk_action", "INSERT OR IGNORE INTO risk_action (risk_id, action_id) VALUES (?1, ?2)",
                    risk_id, action_id, error);
}

gboolean
bp_db_unlink_risk_action (BpDb *self, gint64 risk_id, gint64 action_id, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  return link_rows (self, "risk_action", "DELETE FROM risk_action WHERE risk_id = ?1 AND action_id = ?2",
                    risk_id, action_id, error);
}

gboolean
bp_db_link_action_measure (BpDb *self, gint64 action_id, gint64 measure_id, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  return link_rows (self, "action_measure",
                    "INSERT OR IGNORE INTO action_measure (action_id, measure_id) VALUES (?1, ?2)",
                    action_id, measure_id, error);
}

/* The row of @e that people name @key (its key column: a reference, a
 * name, a date). */
static gpointer
find_by_key (BpDb *self, const BpEntity *e, const char *key, GError **error)
{
  return entity_get_where (self, e, e->key_column, key, 0, error);
}

#define BP_DEFINE_FIND(name, T)                                                  \
  T *bp_db_find_##name (BpDb *self, const char *key, GError **error)             \
  {                                                                              \
    g_return_val_if_fail (BP_IS_DB (self), NULL);                                \
    g_return_val_if_fail (key != NULL, NULL);                                    \
    return find_by_key (self, &bp_entity_##name, key, error);                    \
  }

BP_DEFINE_FIND (action, BpAction)
BP_DEFINE_FIND (meeting, BpMeeting)
BP_DEFINE_FIND (person, BpPerson)
BP_DEFINE_FIND (organisation, BpOrganisation)
BP_DEFINE_FIND (priority, BpPriority)

/* What a snapshot freezes besides its row: everything a pack shows, as it
 * is now. ?1 is the snapshot. */
static char *
snapshot_action_sql (void)
{
  g_autofree char *rag_since = bp_schema_rag_since_sql ("a.id", "a.rag", "lu.id");

  return g_strdup_printf (
    "INSERT INTO snapshot_action (snapshot_id, action_id, ref, rag, due_date, latest_update_id,"
    "  priority_id, title, owner_name, organisation_name, start_date, action_due_date,"
    "  revised_due_date, revised_reason, due_text, percent, position, latest_date, latest_rag,"
    "  latest_commentary, latest_next_steps, latest_asks, rag_since)"
    " SELECT ?1, a.id, a.ref, a.rag, coalesce(a.revised_due_date, a.due_date), lu.id,"
    "  a.priority_id, a.title, o.name, g.name, a.start_date, a.due_date, a.revised_due_date,"
    "  a.revised_reason, a.due_text, a.percent, a.position, lu.date, lu.rag, lu.commentary,"
    "  lu.next_steps, lu.asks, %s"
    " FROM action a LEFT JOIN person o ON o.id = a.owner_id"
    " LEFT JOIN organisation g ON g.id = a.organisation_id"
    " LEFT JOIN progress_update lu ON lu.id = " BP_SQL_LATEST_UPDATE_ID,
    rag_since);
}

static const char *const snapshot_copy_sql[] = {
  "INSERT INTO snapshot_priority (snapshot_id, priority_id, code, title, position)"
  " SELECT ?1, id, code, title, position FROM priority",
  "INSERT INTO snapshot_milestone (snapshot_id, milestone_id, action_id, title, due_date,"
  "  done_date)"
  " SELECT ?1, id, action_id, title, due_date, done_date FROM milestone",
  "INSERT INTO snapshot_risk (snapshot_id, risk_id, ref, score, title, cause, consequence,"
  "  owner_name, inherent_l, inherent_i, current_l, current_i, target_l, target_i, response,"
  "  resources, review_date, status, position, action_refs)"
  " SELECT ?1, r.id, r.ref, r.current_l * r.current_i, r.title, r.cause, r.consequence,"
  "  o.name, r.inherent_l, r.inherent_i, r.current_l, r.current_i, r.target_l, r.target_i,"
  "  r.response, r.resources, r.review_date, r.status, r.position,"
  /* The order bp_db_risk_action_refs() gives. */
  "  (SELECT group_concat(ref, char(10)) FROM (SELECT a.ref FROM risk_action ra"
  "    JOIN action a ON a.id = ra.action_id WHERE ra.risk_id = r.id"
  "    ORDER BY a.position, a.ref))"
  " FROM risk r LEFT JOIN person o ON o.id = r.owner_id",
  "INSERT INTO snapshot_mitigation (snapshot_id, mitigation_id, risk_id, description,"
  "  owner_name, due_date, status, position)"
  " SELECT ?1, m.id, m.risk_id, m.description, o.name, m.due_date, m.status, m.position"
  " FROM mitigation m LEFT JOIN person o ON o.id = m.owner_id",
  "INSERT INTO snapshot_risk_band (snapshot_id, band_id, min_score, max_score, name, colour)"
  " SELECT ?1, id, min_score, max_score, name, colour FROM risk_band",
  "INSERT INTO snapshot_measure (snapshot_id, measure_id, ref, title, unit, polarity, target,"
  "  tolerance, frequency, baseline, comparator, position)"
  " SELECT ?1, id, ref, title, unit, polarity, target, tolerance, frequency, baseline,"
  "  comparator, position FROM measure",
  "INSERT INTO snapshot_measure_value (snapshot_id, value_id, measure_id, period, period_end,"
  "  value, note)"
  " SELECT ?1, id, measure_id, period, period_end, value, note FROM measure_value",
};

static gboolean
copy_into_snapshot (BpDb *self, const char *sql, gint64 snapshot_id, GError **error)
{
  sqlite3_stmt *stmt = bp_db_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot_id);
  return bp_db_step_done (self, stmt, &bp_entity_snapshot, error);
}

gint64
bp_db_take_snapshot (BpDb *self, gint64 meeting_id, gboolean *out_replaced, GError **error)
{
  g_return_val_if_fail (BP_IS_DB (self), 0);
  return bp_db_take_snapshot_at (self, meeting_id, NULL, out_replaced, error);
}

gint64
bp_db_take_snapshot_at (BpDb *self, gint64 meeting_id, GDateTime *taken_at,
                        gboolean *out_replaced, GError **error)
{
  g_autoptr (BpMeeting) meeting = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *when = NULL;
  g_autofree char *action_sql = snapshot_action_sql ();
  BpSnapshot snap = { 0 };
  sqlite3_stmt *stmt;
  gboolean replaced = FALSE;

  g_return_val_if_fail (BP_IS_DB (self), 0);

  if (!bp_db_begin (self, error))
    return 0;
  meeting = bp_db_get_meeting (self, meeting_id, error);
  if (meeting == NULL)
    goto failed;

  /* The earlier snapshot's rows go with it (ON DELETE CASCADE). */
  stmt = bp_db_statement (self, "DELETE FROM snapshot WHERE meeting_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (!bp_db_step_done (self, stmt, &bp_entity_snapshot, error))
    goto failed;
  replaced = sqlite3_changes (bp_db_get_handle (self)) > 0;

  if (taken_at == NULL)
    taken_at = now = g_date_time_new_now_utc ();
  when = g_date_time_format_iso8601 (taken_at);
  snap.meeting_id = meeting_id;
  snap.taken_at = when;
  snap.frozen = 2;
  if (!entity_insert (self, &bp_entity_snapshot, &snap, error)
      || !copy_into_snapshot (self, action_sql, snap.id, error))
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (snapshot_copy_sql); i++)
    if (!copy_into_snapshot (self, snapshot_copy_sql[i], snap.id, error))
      goto failed;
  if (!bp_db_commit (self, error))
    goto failed;
  if (out_replaced)
    *out_replaced = replaced;
  return snap.id;

failed:
  bp_db_rollback (self);
  return 0;
}
