#!/bin/bash
# fault_redis_lost.sh: see redis_outage.sh (REDIS_MODE=lost).
REDIS_MODE=lost
. "$top_srcdir/tests/faults/redis_outage.sh"
