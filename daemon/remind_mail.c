/* remind_mail.c: one reminder e-mail as RFC 5322 text: Date, Message-ID,
 * From, To, an RFC 2047 Subject, MIME multipart/mixed with the readable
 * text (UTF-8, quoted-printable) and the .ics (base64). Pure: the caller
 * hands it to SMTP. */
#include "remind_msg.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Base64 folded into 76-character CRLF lines. */
static void put_base64(struct strbuf *b, const char *data)
{
	size_t len = strlen(data);

	for (size_t at = 0; at < len; at += 57) {
		size_t n = len - at < 57 ? len - at : 57;
		char *line = remind_base64((const unsigned char *)data + at, n);
		strbuf_printf(b, "%s\r\n", line);
		free(line);
	}
}

static void put_headers(struct strbuf *b, const struct remind_mail *m,
			const char *boundary)
{
	char date[64];
	time_t t = (time_t)m->date;
	struct tm tm;
	char *subject = remind_rfc2047(m->subject);

	gmtime_r(&t, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	strbuf_printf(b, "Date: %s\r\n", date);
	strbuf_printf(b, "Message-ID: <%s>\r\n", m->message_id);
	strbuf_printf(b, "From: %s\r\n", m->from);
	strbuf_puts(b, "To: ");
	for (size_t i = 0; i < m->n_to; i++)
		strbuf_printf(b, "%s%s", i ? ",\r\n " : "", m->to[i]);
	strbuf_printf(b, "\r\nSubject: %s\r\n", subject);
	strbuf_puts(b, "MIME-Version: 1.0\r\n");
	strbuf_puts(b, "Auto-Submitted: auto-generated\r\n");
	if (boundary)
		strbuf_printf(b, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n"
			      "This is a MIME message.\r\n", boundary);
	free(subject);
}

static void put_text(struct strbuf *b, const char *text)
{
	char *qp = remind_qp(text);

	strbuf_puts(b, "Content-Type: text/plain; charset=UTF-8\r\n"
		       "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	strbuf_puts(b, qp);
	free(qp);
}

static void put_ics(struct strbuf *b, const char *ics, const char *name)
{
	strbuf_printf(b, "Content-Type: text/calendar; charset=UTF-8; method=PUBLISH;"
		      " name=\"%s\"\r\n"
		      "Content-Disposition: attachment; filename=\"%s\"\r\n"
		      "Content-Transfer-Encoding: base64\r\n\r\n", name, name);
	put_base64(b, ics);
}

char *remind_mail_build(const struct remind_mail *m)
{
	struct strbuf b = STRBUF_INIT;

	if (!m->ics) {
		put_headers(&b, m, NULL);
		put_text(&b, m->text);
		return strbuf_steal(&b);
	}
	/* The Message-ID is unique, so the boundary built from it is too, and
	 * no quoted-printable or base64 line can contain it ("=_" is not
	 * base64 and encodes as "=3D_" in quoted-printable). */
	char *boundary = xasprintf("=_mw_%s", m->message_id);
	for (char *p = boundary; *p; p++)   /* bchars of RFC 2046 only */
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789'()+_,-./:=?", *p))
			*p = '.';
	put_headers(&b, m, boundary);
	strbuf_printf(&b, "\r\n--%s\r\n", boundary);
	put_text(&b, m->text);
	strbuf_printf(&b, "\r\n--%s\r\n", boundary);
	put_ics(&b, m->ics, m->ics_name ? m->ics_name : "reminder.ics");
	strbuf_printf(&b, "\r\n--%s--\r\n", boundary);
	free(boundary);
	return strbuf_steal(&b);
}
