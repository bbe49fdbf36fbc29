/* bp-db-scorecard.c: writing the scorecard's periods. */
#include "bp-db-scorecard.h"

gboolean
bp_db_add_period (BpDb *self, const char *period, const char *period_end, GPtrArray *values,
                  GError **error)
{
  guint k;

  g_return_val_if_fail (BP_IS_DB (self), FALSE);
  g_return_val_if_fail (period != NULL && period_end != NULL, FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bp_db_begin (self, error))
    return FALSE;
  for (k = 0; k < values->len; k++)
    {
      BpMeasureValue *v = values->pdata[k];

      if (v->period != period)
        {
          g_free (v->period);
          v->period = g_strdup (period);
        }
      if (v->period_end != period_end)
        {
          g_free (v->period_end);
          v->period_end = g_strdup (period_end);
        }
      if (!bp_db_insert_measure_value (self, v, error))
        break;
    }
  if (k == values->len && bp_db_commit (self, error))
    return TRUE;
  bp_db_rollback (self);
  for (guint i = 0; i < values->len; i++)
    ((BpMeasureValue *) values->pdata[i])->id = 0;
  return FALSE;
}
