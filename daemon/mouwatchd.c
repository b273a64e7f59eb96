/* mouwatchd.c: placeholder main of the daemon until the poller lands. */
#include "config.h"
#include <stdio.h>
int main(void) { fprintf(stderr, "mouwatchd %s: not built yet\n", PACKAGE_VERSION); return 1; }
