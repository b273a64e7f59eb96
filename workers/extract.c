/* extract.c: placeholder. */
#include "extract.h"
int mw_extract_placeholder;
