#!/bin/bash
# fault_redis_external.sh: see redis_outage.sh (REDIS_MODE=external).
REDIS_MODE=external
. "$top_srcdir/tests/faults/redis_outage.sh"
