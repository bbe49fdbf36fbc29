/* bp-action-list.c: placeholder until written. */
#include <glib.h>
