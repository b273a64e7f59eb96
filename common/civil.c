/* civil.c: owns the calendar arithmetic (see civil.h). Years are shifted so
 * that they start in March, which puts the leap day last; a 400-year era
 * has a fixed 146,097 days. */
#include "civil.h"

int64_t civil_to_days(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;                                  /* [0, 399] */
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* [0, 365] */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* [0, 146096] */

	return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);

	if (y)
		*y = yoe + era * 400 + (mm <= 2);
	if (m)
		*m = mm;
	if (d)
		*d = dd;
}
