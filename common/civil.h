/* civil.h: proleptic Gregorian calendar arithmetic shared by the feed date
 * parser, the extractor, the database and the CLI: a date <-> days since
 * 1970-01-01, exact for any year (the civil-from-days / days-from-civil
 * method of era, year of era and day of year). */
#ifndef MW_CIVIL_H
#define MW_CIVIL_H

#include <stdint.h>

/* Days from 1970-01-01 to y-m-d (month 1-12; day not range-checked). */
int64_t civil_to_days(int64_t y, int m, int d);
/* The date of a day number; any of y, m, d may be NULL. */
void civil_from_days(int64_t days, int64_t *y, int *m, int *d);

#endif
