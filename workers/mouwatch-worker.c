/* mouwatch-worker.c: placeholder main of the worker until the worker lands. */
#include "config.h"
#include <stdio.h>
int main(void) { fprintf(stderr, "mouwatch-worker %s: not built yet\n", PACKAGE_VERSION); return 1; }
