/* remind_int.h: what remind.c (routing, the delivery loop),
 * remind_outcome.c (saving outcomes), remind_held.c (held deliveries) and
 * deliver_*.c (the transports) share. Not for other callers. */
#ifndef MW_REMIND_INT_H
#define MW_REMIND_INT_H

#include "daemon.h"
#include "remind_msg.h"

#include <curl/curl.h>
#include <jansson.h>

/* What one attempt came to. */
struct remind_outcome {
	bool ok;
	bool gone;                     /* HTTP 410: disable the channel */
	int status;                    /* HTTP status or SMTP reply code */
	const char *reply;             /* SMTP reply text or NULL */
	const char *error;             /* NULL when ok */
	long retry_after_s;            /* -1: none */
};

/* One delivery attempt in flight. Owned by struct remind's job list;
 * freed by remind_job_finish(). */
struct remind_job {
	struct remind_job *next;
	struct remind *r;              /* NULL once orphaned by remind_free */
	int64_t delivery_id, reminder_id;
	int64_t first_attempt_at;      /* 0: never attempted before this one */
	int attempts;                  /* before this one */
	char *channel;                 /* its name (copy) */
	char *webhook_id;
	json_t *row;                   /* db_deliveries_due row + lead_days */
	json_t *agreement;             /* db_query_agreement object */
	double started;                /* monotonic seconds */
	/* The outcome, kept when it could not be saved (another process held
	 * the lock, the disk was full): saved again at each pass, and the
	 * delivery is never sent again meanwhile (it stays in the job list,
	 * so recover_orphans leaves it alone). */
	bool unsaved;
	struct remind_outcome *kept;   /* owned, with its strings */
	int64_t finished_at;
	int duration_ms;               /* of the attempt, taken when it ended */
	/* a digest (remind_digest.c) instead of a delivery: the local day */
	char *digest_day;
	char *digest_text, *digest_ics, *digest_subject;
	/* deliver_email.c */
	CURL *easy;
	struct curl_slist *rcpt;
	char *mail;
	size_t mail_len, mail_at;
	char *password;
	char errbuf[CURL_ERROR_SIZE];
};

struct remind {
	struct daemon *d;
	struct event *timer;
	struct remind_job *jobs;
	size_t n_jobs;
	bool closing;
	/* The configuration (daemon.cfg_generation) the last full routing pass
	 * used; 0: none yet, or the pass was incomplete. */
	uint64_t routed_gen;
	/* The configuration (daemon.cfg_generation) remind_held_sync() last
	 * checked the pending and held deliveries against (a reload may have
	 * removed or restored channels); 0: to be checked again. */
	uint64_t removed_gen;
	/* A job's end starts the next due deliveries through this event, not
	 * a whole pass: a pass reads every due reminder, which is a long list
	 * when deliveries fall behind. */
	struct event *kick;
	int64_t next_pass_at;          /* when timer fires */
	/* Channel name -> the day its digest found nothing upcoming (logged
	 * once; the digest is sent later that day once there is something). */
	json_t *digest_empty;
	/* Database failures (a lock, a full disk) are logged once a minute
	 * while they last, not once per pass or per delivery. */
	int64_t trouble_logged_at;
	bool pass_failed;              /* this pass met one: next in 1 s */
};

/* remind.c: a pass in seconds (0: at once); a database failure (a lock,
 * a full disk, I/O) logged once a minute while they last, which makes the
 * next pass come one second later. */
void remind_arm_in(struct remind *r, long long seconds);
/* A reminder whose deliveries are all over is made 'sent' or 'failed'. */
void remind_settle(struct remind *r, int64_t reminder_id, int64_t now);
void remind_db_trouble(struct remind *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* remind_outcome.c: saves an attempt's outcome (j->finished_at and
 * j->duration_ms set) in one transaction; false when it did not commit
 * (then nothing of it is saved, and nothing logged). remind_keep_outcome
 * keeps a copy in the job (j->kept, j->unsaved) for a later pass;
 * remind_outcome_free frees such a copy (NULL is fine). */
bool remind_save_outcome(struct remind *r, struct remind_job *j,
			 const struct remind_outcome *o);
void remind_keep_outcome(struct remind_job *j, const struct remind_outcome *o);
void remind_outcome_free(struct remind_outcome *k);

/* remind_held.c: deliveries that wait for their channel ('held'). Why
 * channel name cannot take a delivery now (not configured, or disabled),
 * or NULL (caller frees); a due delivery (a db_deliveries_due row) held
 * for that reason (false when that could not be written); once per
 * configuration (again after a failed write), pending deliveries to
 * removed channels held and held ones whose channel is back released.
 * remind_release_channel is in remind.h. */
char *remind_channel_refusal(struct remind *r, const char *name);
bool remind_hold_row(struct remind *r, const json_t *row, const char *why, int64_t now);
void remind_held_sync(struct remind *r, int64_t now);

/* A new job in r's list (the caller fills it in). */
struct remind_job *remind_job_add(struct remind *r);
void remind_job_free(struct remind_job *j);
/* Records the outcome, moves the delivery on, frees the job. */
void remind_job_finish(struct remind_job *j, const struct remind_outcome *o);

/* deliver_webhook.c / deliver_email.c: start the attempt; false when it
 * could not start (then the job was finished with the reason). */
bool deliver_webhook(struct remind_job *j, const struct mw_channel_config *c);
bool deliver_email(struct remind_job *j, const struct mw_channel_config *c);
/* Stops an e-mail transfer in flight (remind_free). */
void deliver_email_cancel(struct remind_job *j);

/* remind_digest.c: the daily digest e-mail, when it is time. */
void remind_digest_check(struct remind *r, int64_t now);
/* When the next digest is due (the next local digest time after now), or
 * 0 without a digest. */
int64_t remind_digest_next(const struct remind *r, int64_t now);
void remind_digest_finish(struct remind *r, struct remind_job *j,
			  const struct remind_outcome *o);

/* The webhook body: {"type", "reminder", "agreement", "sources"}. */
char *remind_webhook_body(const struct remind_job *j, int64_t now);

#endif
