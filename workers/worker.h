/* worker.h: one worker process's state, shared by its main loop
 * (mouwatch-worker.c) and its article handler (worker_process.c). */
#ifndef MW_WORKER_H
#define MW_WORKER_H

#include "db.h"
#include "mwconfig.h"
#include "worker_queue.h"

struct worker {
	const struct mw_config *cfg;   /* borrowed from main */
	struct db *db;                 /* owned: this worker's connection */
	int *lead_days;                /* from [reminders], owned */
	size_t n_lead_days;
	unsigned long processed, agreements, failures, retries;
};

/* The queue handler: extracts the article's agreement record and stores it
 * with its reminders, in one transaction. HANDLE_RETRY when the database
 * is busy or full (the message stays pending and comes back). */
enum handle_result worker_process(const struct queue_message *m, void *worker);

#endif
