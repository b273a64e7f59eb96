/* deliver_email.c: one e-mail attempt: the message (remind_mail.c) sent
 * with libcurl's SMTP (smtp:// with STARTTLS when offered, or smtps://)
 * on an easy handle of our own that runs in the fetch engine's multi
 * handle (fetch_foreign.h), so the loop never blocks. The server's
 * certificate is verified (against the channel's ca_file when set). The
 * password is
 * read from password_file at each attempt (secrets may be rotated) and
 * never logged; libcurl's error text does not contain it. */
#include "remind_int.h"
#include "fetch_foreign.h"
#include "log.h"
#include "strbuf.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t on_read(char *buf, size_t size, size_t nmemb, void *user)
{
	struct remind_job *j = user;
	size_t room = size * nmemb, left = j->mail_len - j->mail_at;
	size_t n = left < room ? left : room;

	memcpy(buf, j->mail + j->mail_at, n);
	j->mail_at += n;
	return n;
}

/* The first line of password_file, or NULL with *err set (caller frees). */
static char *read_password(const char *path, char **err)
{
	FILE *f = fopen(path, "r");
	struct strbuf b = STRBUF_INIT;
	int c;

	if (!f) {
		*err = xasprintf("cannot read the channel's password_file %s: %s; check its "
				 "path and that mouwatchd may read it", path, strerror(errno));
		return NULL;
	}
	while ((c = fgetc(f)) != EOF && c != '\n' && c != '\r')
		strbuf_putc(&b, (char)c);
	fclose(f);
	return strbuf_steal(&b);
}

/* "<addr>" for MAIL FROM / RCPT TO from "addr" or "Name <addr>". */
static char *angle(const char *addr)
{
	const char *lt = strchr(addr, '<');
	return lt ? xstrdup(lt) : xasprintf("<%s>", addr);
}

/* The domain for Message-IDs: that of the From address. */
static const char *domain_of(const char *from)
{
	const char *at = strrchr(from, '@');
	return at ? at + 1 : "mouwatch.invalid";
}

static void build_message(struct remind_job *j, const struct mw_channel_config *c, int64_t now)
{
	char *mid = xasprintf("%s@%s", j->webhook_id, domain_of(c->from));
	size_t dl = strlen(mid);
	if (dl && mid[dl - 1] == '>')
		mid[dl - 1] = '\0';
	struct remind_mail m = { .from = c->from, .to = c->to, .n_to = c->n_to,
		.message_id = mid, .date = now, .ics_name = "mouwatch.ics" };
	char *hold = NULL, *ics = NULL, *subject = NULL, *text = NULL;
	struct remind_ics_event ev;

	if (j->digest_day) {
		m.subject = j->digest_subject;
		m.text = j->digest_text;
		m.ics = j->digest_ics;
	} else {
		subject = remind_subject(j->row, j->agreement, now / 86400);
		text = remind_text(j->row, j->agreement, now / 86400);
		if (remind_ics_event_of(j->row, j->agreement, &ev, &hold))
			ics = remind_ics(&ev, 1, now);
		m.subject = subject;
		m.text = text;
		m.ics = ics;
	}
	j->mail = remind_mail_build(&m);
	j->mail_len = strlen(j->mail);
	free(mid);
	free(hold);
	free(ics);
	free(subject);
	free(text);
}

static void on_done(CURL *easy, CURLcode code, void *user)
{
	struct remind_job *j = user;
	long reply = 0;
	char err[CURL_ERROR_SIZE + 64];
	struct remind_outcome o = { .retry_after_s = -1 };

	curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &reply);
	o.status = (int)reply;
	if (code == CURLE_OK) {
		o.ok = true;
	} else {
		snprintf(err, sizeof err, "SMTP: %s", j->errbuf[0] ? j->errbuf : curl_easy_strerror(code));
		o.error = err;
		o.reply = j->errbuf[0] ? j->errbuf : NULL;
	}
	curl_easy_cleanup(easy);
	j->easy = NULL;
	curl_slist_free_all(j->rcpt);
	j->rcpt = NULL;
	remind_job_finish(j, &o);
}

static void set_options(struct remind_job *j, const struct mw_channel_config *c)
{
	CURL *e = j->easy;
	char *from = angle(c->from);

	curl_easy_setopt(e, CURLOPT_URL, c->smtp);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, j->errbuf);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, (long)(c->timeout > 0 ? c->timeout : 60));
	curl_easy_setopt(e, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);   /* the defaults, stated */
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	if (c->ca_file)
		curl_easy_setopt(e, CURLOPT_CAINFO, c->ca_file);
	curl_easy_setopt(e, CURLOPT_MAIL_FROM, from);   /* libcurl copies it */
	for (size_t i = 0; i < c->n_to; i++) {
		char *to = angle(c->to[i]);
		j->rcpt = curl_slist_append(j->rcpt, to);
		free(to);
		if (!j->rcpt)
			fatal("out of memory adding an e-mail recipient");
	}
	curl_easy_setopt(e, CURLOPT_MAIL_RCPT, j->rcpt);
	curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(e, CURLOPT_READFUNCTION, on_read);
	curl_easy_setopt(e, CURLOPT_READDATA, j);
	curl_easy_setopt(e, CURLOPT_INFILESIZE_LARGE, (curl_off_t)j->mail_len);
	if (c->username)
		curl_easy_setopt(e, CURLOPT_USERNAME, c->username);
	if (j->password)
		curl_easy_setopt(e, CURLOPT_PASSWORD, j->password);
	free(from);
}

static void fail_now(struct remind_job *j, const char *why)
{
	struct remind_outcome o = { .error = why, .retry_after_s = -1 };
	remind_job_finish(j, &o);
}

bool deliver_email(struct remind_job *j, const struct mw_channel_config *c)
{
	char *err = NULL;

	if (c->password_file && !(j->password = read_password(c->password_file, &err))) {
		fail_now(j, err);
		free(err);
		return false;
	}
	build_message(j, c, daemon_now());
	if (!(j->easy = curl_easy_init()))
		fatal("out of memory creating a libcurl handle");
	set_options(j, c);
	if (fetch_submit_easy(j->r->d->fetch, j->easy, on_done, j) != 0) {
		curl_easy_cleanup(j->easy);
		j->easy = NULL;
		fail_now(j, "the transfer engine is shutting down");
		return false;
	}
	return true;
}

void deliver_email_cancel(struct remind_job *j)
{
	if (!j->easy)
		return;
	fetch_cancel_easy(j->r ? j->r->d->fetch : NULL, j->easy);
	curl_easy_cleanup(j->easy);
	j->easy = NULL;
	curl_slist_free_all(j->rcpt);
	j->rcpt = NULL;
}
