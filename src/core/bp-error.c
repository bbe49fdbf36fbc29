#include <string.h>

#include "bp-error.h"

/* BP_ERROR is an extended error domain: each error can say which column
 * of a record it is about, so that no one has to read that from the
 * (translated) message. */
typedef struct
{
  const char *column; /* interned */
  char *detail;       /* the message's part about the field, or NULL */
} BpErrorPrivate;

static void
bp_error_private_init (BpErrorPrivate *priv)
{
  priv->column = NULL;
  priv->detail = NULL;
}

static void
bp_error_private_copy (const BpErrorPrivate *src, BpErrorPrivate *dest)
{
  dest->column = src->column;
  dest->detail = g_strdup (src->detail);
}

static void
bp_error_private_clear (BpErrorPrivate *priv)
{
  priv->column = NULL;
  g_clear_pointer (&priv->detail, g_free);
}

G_DEFINE_EXTENDED_ERROR (BpError, bp_error)

int
bp_error_exit_code (const GError *error)
{
  if (error == NULL || error->domain != BP_ERROR)
    return 74;
  switch ((BpError) error->code)
    {
    case BP_ERROR_NOT_FOUND:
      return 66;
    case BP_ERROR_INVALID:
    case BP_ERROR_NOT_SQLITE:
    case BP_ERROR_NOT_BOARDPACK:
    case BP_ERROR_CORRUPT:
    case BP_ERROR_NEWER_SCHEMA:
      return 65;
    case BP_ERROR_READ_ONLY:
    case BP_ERROR_EXISTS:
    case BP_ERROR_NEEDS_UPGRADE:
      return 73;
    case BP_ERROR_BUSY:
      return 75;
    case BP_ERROR_IO:
    default:
      return 74;
    }
}

const char *
bp_error_get_column (const GError *error)
{
  BpErrorPrivate *priv;

  if (error == NULL || error->domain != BP_ERROR)
    return NULL;
  priv = bp_error_get_private (error);
  return priv ? priv->column : NULL;
}

const char *
bp_error_get_detail (const GError *error)
{
  BpErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);
  priv = error->domain == BP_ERROR ? bp_error_get_private (error) : NULL;
  return priv && priv->detail ? priv->detail : error->message;
}

void
bp_error_set_column (GError *error, const char *column, const char *record)
{
  BpErrorPrivate *priv;
  gsize n = record ? strlen (record) : 0;

  g_return_if_fail (error != NULL && error->domain == BP_ERROR);
  priv = bp_error_get_private (error);
  if (priv == NULL)
    return;
  priv->column = g_intern_string (column);
  /* Kept apart from the message, which g_prefix_error () may lengthen. */
  g_clear_pointer (&priv->detail, g_free);
  if (n > 0 && strncmp (error->message, record, n) == 0 && strncmp (error->message + n, ": ", 2) == 0
      && error->message[n + 2] != '\0')
    priv->detail = g_strdup (error->message + n + 2);
}
