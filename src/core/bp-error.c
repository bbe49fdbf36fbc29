#include "bp-error.h"

G_DEFINE_QUARK (bp-error-quark, bp_error)

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
