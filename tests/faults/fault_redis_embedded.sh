#!/bin/bash
# fault_redis_embedded.sh: see redis_outage.sh (REDIS_MODE=embedded).
REDIS_MODE=embedded
. "$top_srcdir/tests/faults/redis_outage.sh"
