# tests/faults.mk: the fault scenarios and the soak (engineer "faults").
# 'make check-faults' runs tests/faults/fault_*.sh through the same TAP
# harness as 'make check' (each breaks a running pipeline and then checks
# the invariants, docs/reliability.md); 'make soak' runs the long soak
# (not in CI; SOAK_ARTICLES, default 100000).
FAULT_TESTS = \
	tests/faults/fault_worker_kill.sh \
	tests/faults/fault_daemon_kill.sh \
	tests/faults/fault_redis_external.sh \
	tests/faults/fault_redis_embedded.sh \
	tests/faults/fault_redis_lost.sh \
	tests/faults/fault_db_lock.sh \
	tests/faults/fault_db_lock_long.sh \
	tests/faults/fault_db_lock_reload.sh \
	tests/faults/fault_disk_full.sh \
	tests/faults/fault_disk_enospc.sh \
	tests/faults/fault_receivers.sh \
	tests/faults/fault_two_daemons.sh \
	tests/faults/fault_redirect.sh \
	tests/faults/fault_redis_flushed.sh \
	tests/faults/fault_redis_aof_tail.sh \
	tests/faults/fault_control_clients.sh \
	tests/faults/fault_stale_lock.sh

EXTRA_DIST += tests/faults bench/soak.sh

# Security (docs/security.md): part of 'make check'.
TESTS += tests/integration/test_security.sh

# The scenarios mostly wait (outages of 10 s, XAUTOCLAIM's 60 s, a 1 min
# give-up), so they run three at a time: about 2.5 min instead of 6.
FAULT_JOBS = 3
check-faults:
	$(MAKE) $(AM_MAKEFLAGS) -j$(FAULT_JOBS) check TESTS='$(FAULT_TESTS)'

soak: all tests/helpers/mw-httpd tests/helpers/mw-smtpd
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	REDIS_SERVER='$(REDIS_SERVER)' $(SHELL) $(top_srcdir)/bench/soak.sh

.PHONY: check-faults soak
