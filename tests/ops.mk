# tests/ops.mk: tests of the operator interface (engineer "ops"): the CLI
# against a running daemon, the control protocol, systemd integration.
TESTS += tests/integration/test_cli.sh
TESTS += tests/integration/test_cli_protocol.sh
TESTS += tests/integration/test_systemd.sh
