/* bp-risk-editor.c: placeholder until written. */
#include <glib.h>
