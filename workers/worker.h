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

/* The queue's batch handler: extracts each article's agreement record and
 * stores all of them with their reminders in one transaction. Every result
 * is HANDLE_RETRY when the database is busy or full (the batch stays
 * pending and comes back); HANDLE_DEAD for messages past their deliveries
 * (their articles are marked failed). */
void worker_process_batch(const struct queue_message *v, size_t n, enum handle_result *res,
			  void *worker);

#endif
