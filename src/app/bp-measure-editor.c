/* bp-measure-editor.c: placeholder until written. */
#include <glib.h>
