/* bp-action-editor.c: placeholder until written. */
#include <glib.h>
