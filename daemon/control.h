/* control.h: the daemon's control socket, the operator's way in (mouwatch
 * CLI, scripts). A Unix stream socket on the daemon's libevent loop; one
 * JSON request per line, one JSON reply per line. Protocol and methods:
 * docs/protocol.md. */
#ifndef MW_CONTROL_H
#define MW_CONTROL_H

#include <stdbool.h>

#include "strbuf.h"

struct daemon;
struct control;

/* The protocol version in every reply ("v"); bumped when a reply changes
 * incompatibly. */
#define CONTROL_PROTOCOL 1

/* Opens the socket of [daemon] socket (mode 0660, group socket_group) and
 * a read-only database connection for the read methods, and adds them to
 * d->base. NULL on failure, after logging what failed and what to do.
 * The caller frees the result with control_free() before the loop's base. */
struct control *control_new(struct daemon *d);
/* Closes every client and removes the socket file. NULL is fine. */
void control_free(struct control *c);

/* Provided by mouwatchd.c: re-reads the configuration file and applies it
 * (feeds added/removed, channels, reminders), as on SIGHUP. A bad file is
 * refused, the old configuration kept, and its errors appended to errors
 * (one "FILE:LINE: problem" per line). Returns true when applied. */
bool daemon_reload(struct daemon *d, struct strbuf *errors);

#endif
