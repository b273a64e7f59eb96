# tests/ops.mk: tests of the operator interface (engineer "ops"): the CLI
# against a running daemon, the control protocol, systemd integration.
TESTS += tests/integration/test_cli.sh
TESTS += tests/integration/test_cli_protocol.sh
TESTS += tests/integration/test_cli_groups.sh
TESTS += tests/integration/test_control_limits.sh
TESTS += tests/integration/test_systemd.sh

# EXTRA_DIST names tests/integration as a directory, so a build tree that
# ran the tests would ship their results; they are no sources.
dist-hook:
	rm -f $(distdir)/tests/integration/*.log $(distdir)/tests/integration/*.trs
