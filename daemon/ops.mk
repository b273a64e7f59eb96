# daemon/ops.mk: the operator interface (engineer "ops"): the control
# socket in mouwatchd and the online commands of the mouwatch CLI.
daemon_mouwatchd_SOURCES += daemon/control.h daemon/control_priv.h \
	daemon/control.c daemon/control_conn.c daemon/control_methods.c daemon/control_reads.c \
	daemon/control_remind.c daemon/control_feeds.c daemon/control_status.c
common_libmwcommon_a_SOURCES += common/db_query_ops.c common/db_query_ops.h
daemon_mouwatch_SOURCES += daemon/cli_client.c daemon/cli_client.h \
	daemon/cli_out.c daemon/cli_out.h daemon/cli_status.c daemon/cli_feeds.c \
	daemon/cli_agreements.c daemon/cli_lists.c daemon/cli_export_ics.c daemon/cli_channels.c

# Installed documentation of the operator interface: man pages, bash
# completion, the example configuration and the protocol description.
dist_man_MANS = man/mouwatch.1 man/mouwatch.conf.5 man/mouwatchd.8 man/mouwatch-worker.8
bashcompletiondir = $(datadir)/bash-completion/completions
dist_bashcompletion_DATA = contrib/bash-completion/mouwatch
examplesdir = $(docdir)/examples
dist_examples_DATA = config/mouwatch.conf.example
dist_doc_DATA += docs/protocol.md
