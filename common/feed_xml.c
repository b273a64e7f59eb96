/* feed_xml.c: owns reading an XML feed in one pass: libxml2's SAX2 push
 * parser (recovering from errors, never touching the network, never
 * expanding entities) feeds a stack of the open elements the rules in
 * feed_xml_rules.c know; everything else is skipped without building
 * anything. A field's text (a title, a content) is gathered in one reused
 * buffer; only when the field has attributes or holds markup, references
 * or comments is it built as a small DOM node, by libxml2's own SAX2 tree
 * builder, so it reads exactly as it would in a whole-document tree. A
 * document the push parser finds any error in is read again by the pull
 * parser, whose recovery keeps more of a broken document. */
#include "feed_xml.h"
#include "xalloc.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The push parser takes the document in slices: libxml2 reads CDATA
 * sections in bulk this way, and never holds more than a slice ahead. */
#define CHUNK ((size_t)256 << 10)

/* ---- xml:base ---- */

/* A copy of the element's xml:base, or NULL. With entity substitution off,
 * libxml2 hands "&" in attribute values over as "&#38;". */
static char *attr_base(int nb_attrs, const xmlChar **attrs)
{
	for (int i = 0; i < nb_attrs; i++) {
		const xmlChar **a = attrs + 5 * i;
		if (!xmlStrEqual(a[0], (const xmlChar *)"base") || !xmlStrEqual(a[2], XML_XML_NAMESPACE))
			continue;
		size_t n = (size_t)(a[4] - a[3]), o = 0;
		char *v = xmalloc(n + 1);
		for (size_t k = 0; k < n; k++) {
			if (n - k >= 5 && memcmp(a[3] + k, "&#38;", 5) == 0)
				k += 4;
			v[o++] = (char)a[3][k];
		}
		v[o] = '\0';
		return v;
	}
	return NULL;
}

static bool absolute_base(const xmlChar *b)
{
	return xmlStrncmp(b, (const xmlChar *)"http://", 7) == 0
	       || xmlStrncmp(b, (const xmlChar *)"ftp://", 6) == 0
	       || xmlStrncmp(b, (const xmlChar *)"urn:", 4) == 0;
}

/* Inner bases resolved against outer ones, innermost first, stopping at an
 * absolute one, then against the document URL: xmlNodeGetBase()'s rules. */
xmlChar *feed_xml_base(const struct xctx *x)
{
	xmlChar *acc = NULL;

	for (size_t i = x->n_frames; i-- > 0;) {
		const char *base = x->frames[i].base;
		if (base == NULL)
			continue;
		if (acc == NULL) {
			acc = xmlStrdup((const xmlChar *)base);
		} else {
			xmlChar *next = xmlBuildURI(acc, (const xmlChar *)base);
			xmlFree(acc);
			if (next == NULL)
				return NULL;
			acc = next;
		}
		if (acc == NULL || absolute_base(acc))
			return acc;
	}
	if (x->b->base_url == NULL)
		return acc;
	if (acc == NULL)
		return xmlStrdup((const xmlChar *)x->b->base_url);
	xmlChar *abs = xmlBuildURI(acc, (const xmlChar *)x->b->base_url);
	xmlFree(acc);
	return abs;
}

/* ---- the stack of open elements ----
 *
 * The reader follows the tree libxml2's SAX2 builder would build, not the
 * tag events: when recovering, the parser sometimes ends an element by
 * popping the builder's node stack (ctxt->node) without an end event. So
 * every element pushes a node there: a field its real node, any other
 * element x->holder. An element's level is the stack's depth when it
 * starts; whatever is at or below the current depth has ended. */

static struct xframe *push(struct xctx *x, enum xframe_kind kind, struct feed_entry *e,
			   int nb_attrs, const xmlChar **attrs)
{
	if (x->n_frames == x->cap_frames) {
		x->cap_frames = x->cap_frames ? x->cap_frames * 2 : 16;
		x->frames = xrealloc(x->frames, x->cap_frames * sizeof *x->frames);
	}
	struct xframe *fr = &x->frames[x->n_frames++];
	*fr = (struct xframe){ .kind = kind, .e = e, .base = attr_base(nb_attrs, attrs),
			       .level = x->ctxt->nodeNr };
	return fr;
}

static struct xframe *top(struct xctx *x)
{
	return &x->frames[x->n_frames - 1];
}

static bool in_field(const struct xctx *x)
{
	return x->n_frames > 0 && x->frames[x->n_frames - 1].kind == X_FIELD;
}

static void drop_node(xmlNode *n)
{
	if (n) {
		xmlUnlinkNode(n);
		xmlFreeNode(n);
	}
}

/* Ends the innermost frame: a field's value is read, an entry finished. */
static void pop(struct xctx *x)
{
	struct xframe *fr = top(x);

	if (fr->kind == X_FIELD) {
		const xmlNode *n = fr->node ? fr->node : x->bare;
		/* The tree builder only sets the encoding at the end; serialising
		 * markup needs one to keep non-ASCII attribute text as is. */
		if (x->ctxt->myDoc->encoding == NULL)
			x->ctxt->myDoc->encoding = xmlStrdup((const xmlChar *)"UTF-8");
		if (fr->e)
			fr->rule->efn(x, n, fr->e);
		else
			fr->rule->ffn(x, n);
	}
	if (fr->kind == X_FIELD) {
		strbuf_truncate(&x->text, 0);
		x->field_dom = false;
	} else if (fr->kind == X_ENTRY && fr->finish_entry) {
		if (fr->e->author == NULL && x->feed_author)
			fr->e->author = xstrdup(x->feed_author);
		feed_entry_finish(fr->e);
	}
	drop_node(fr->node);
	free(fr->base);
	x->n_frames--;
}

/* Ends what the builder's stack says has ended (depth = ctxt->nodeNr). */
static void sync(struct xctx *x)
{
	int depth = x->ctxt->nodeNr;

	if (x->skip_level >= depth)
		x->skip_level = -1;
	while (x->n_frames > 0 && top(x)->level >= depth)
		pop(x);
}

/* Pushes the stand-in node; false when libxml2 refused (too deep). */
static bool hold(struct xctx *x)
{
	return nodePush(x->ctxt, x->holder) >= 0;
}

/* ---- SAX callbacks ---- */

/* The state of the parse, or NULL when the callback comes from libxml2's
 * check of an entity's replacement text (a parser of its own): entities
 * are never expanded into the feed. */
static struct xctx *state(void *ctx)
{
	xmlParserCtxt *ctxt = ctx;
	struct xctx *x = ctxt->_private;

	if (x == NULL || x->ctxt != ctxt || x->err != NULL)
		return NULL;
	sync(x);
	return x;
}

#define START_ARGS ctx, localname, prefix, URI, nb_ns, ns, nb_attrs, nb_def, attrs

/* libxml2's builder starting a node under ours. A detached node does not
 * see the namespace declarations of the elements above it, and the builder
 * warns ("Namespace prefix ... was not found") by setting ctxt->errNo: that
 * is no fault of the document, so errNo is kept as it was. */
static void build_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
			int nb_ns, const xmlChar **ns, int nb_attrs, int nb_def, const xmlChar **attrs)
{
	xmlParserCtxt *ctxt = ctx;
	int err_no = ctxt->errNo;

	xmlSAX2StartElementNs(START_ARGS);
	ctxt->errNo = err_no;
}

/* A field: a node is built now only when the element has attributes or
 * namespace declarations; otherwise its text is gathered first and the
 * node built when anything but text appears (to_dom). */
static void open_field(struct xctx *x, const struct xrule *r, struct feed_entry *e, void *ctx,
		       const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
		       int nb_ns, const xmlChar **ns, int nb_attrs, int nb_def, const xmlChar **attrs)
{
	struct xframe *fr = push(x, X_FIELD, e, nb_attrs, attrs);
	int depth = x->ctxt->nodeNr;

	fr->rule = r;
	fr->name = localname;
	fr->prefix = prefix;
	fr->uri = URI;
	if (nb_ns == 0 && nb_attrs == 0 && hold(x))
		return;
	if (nb_ns != 0 || nb_attrs != 0)
		build_start(START_ARGS);
	if (x->ctxt->nodeNr > depth) {
		fr->node = x->ctxt->node;
	} else {            /* refused (too deep): nothing was built */
		free(fr->base);
		x->n_frames--;
	}
}

/* Opens a frame of the given kind and holds its place on the stack. */
static void open_frame(struct xctx *x, enum xframe_kind kind, struct feed_entry *e,
		       int nb_attrs, const xmlChar **attrs, bool finish_entry)
{
	struct xframe *fr = push(x, kind, e, nb_attrs, attrs);

	fr->finish_entry = finish_entry;
	if (!hold(x)) {         /* too deep: libxml2 stops here */
		free(fr->base);
		x->n_frames--;
	}
}

/* media:content: an enclosure now, then its children as the entry's. */
static void open_media(struct xctx *x, const struct xrule *r, struct feed_entry *e, void *ctx,
		       const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
		       int nb_ns, const xmlChar **ns, int nb_attrs, int nb_def, const xmlChar **attrs)
{
	int depth = x->ctxt->nodeNr;

	build_start(START_ARGS);
	if (x->ctxt->nodeNr == depth)
		return;
	xmlNode *n = nodePop(x->ctxt);
	open_frame(x, X_ENTRY, e, nb_attrs, attrs, false);
	r->efn(x, n, e);
	drop_node(n);
}

static void open_root(struct xctx *x, const xmlChar *name, const xmlChar *URI,
		      int nb_attrs, const xmlChar **attrs)
{
	struct feed *f = x->b->f;
	const char *s = (const char *)name;

	x->root_seen = true;
	if (strcmp(s, "rss") == 0 || strcmp(s, "RDF") == 0) {
		f->format = s[0] == 'r' ? FEED_FORMAT_RSS : FEED_FORMAT_RDF;
		x->core_ns = f->format == FEED_FORMAT_RSS ? URI : NULL;
	} else if (strcmp(s, "feed") == 0) {
		f->format = FEED_FORMAT_ATOM;
		x->core_ns = URI;
	} else {
		x->err = xasprintf("not a feed (root element <%s>)%s", s,
				   strcasecmp(s, "html") == 0 ? "; this is a web page: use the URL of its RSS or Atom feed" : "");
		xmlStopParser(x->ctxt);
		return;
	}
	x->holder = xmlNewDocNode(x->ctxt->myDoc, NULL, (const xmlChar *)"held", NULL);
	xmlAddChild((xmlNode *)x->ctxt->myDoc, x->holder);
	x->bare = xmlNewDocNode(x->ctxt->myDoc, NULL, (const xmlChar *)"bare", NULL);
	xmlAddChild((xmlNode *)x->ctxt->myDoc, x->bare);
	open_frame(x, X_FEED, NULL, nb_attrs, attrs, false);
}

static void skip(struct xctx *x)
{
	if (hold(x))
		x->skip_level = x->ctxt->nodeNr - 1;
}

/* The rule for a child of the innermost frame, or NULL. */
static const struct xrule *child_rule(struct xctx *x, const xmlChar *localname, const xmlChar *URI)
{
	struct xframe *fr = top(x);

	if (fr->kind == X_AUTHOR)
		return xmlStrEqual(localname, (const xmlChar *)"name") ? &feed_xml_author_name : NULL;
	/* The channel's namespace is the format's (RSS 1.0 or 0.90). */
	if (x->n_frames == 1 && x->b->f->format != FEED_FORMAT_ATOM
	    && xmlStrEqual(localname, (const xmlChar *)"channel"))
		x->core_ns = URI;
	return feed_xml_rule(x, fr->kind == X_ENTRY, URI, localname);
}

/* The open field holds more than text: what was gathered becomes its text
 * node, and the builder takes over its content. */
static void to_dom(struct xctx *x)
{
	struct xframe *fr = top(x);

	if (x->field_dom)
		return;
	x->field_dom = true;
	if (fr->node == NULL) {
		/* The stand-in's place on the stack becomes the field's node. */
		nodePop(x->ctxt);
		build_start(x->ctxt, fr->name, fr->prefix, fr->uri, 0, NULL, 0, 0, NULL);
		fr->node = x->ctxt->node;
	}
	if (x->text.len > 0)
		xmlSAX2Characters(x->ctxt, (const xmlChar *)x->text.s, (int)x->text.len);
	strbuf_truncate(&x->text, 0);
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
		     int nb_ns, const xmlChar **ns, int nb_attrs, int nb_def, const xmlChar **attrs)
{
	struct xctx *x = state(ctx);

	if (x == NULL)
		return;
	if (x->skip_level >= 0) {
		hold(x);
		return;
	}
	if (in_field(x)) {
		to_dom(x);
		build_start(START_ARGS);
		return;
	}
	if (x->n_frames == 0) {
		if (!x->root_seen)
			open_root(x, localname, URI, nb_attrs, attrs);
		else
			skip(x);
		return;
	}
	struct feed_entry *e = top(x)->e;
	const struct xrule *r = child_rule(x, localname, URI);

	if (r == NULL) {
		skip(x);
		return;
	}
	switch (r->kind) {
	case R_FIELD:
		open_field(x, r, e, START_ARGS);
		break;
	case R_CHANNEL:
		open_frame(x, X_FEED, NULL, nb_attrs, attrs, false);
		break;
	case R_ENTRY:
		if ((e = feed_build_entry(x->b)) == NULL) {
			skip(x);
		} else {
			feed_xml_entry_start(x, e, nb_attrs, attrs);
			open_frame(x, X_ENTRY, e, nb_attrs, attrs, true);
		}
		break;
	case R_AUTHOR:
		open_frame(x, X_AUTHOR, e, nb_attrs, attrs, false);
		break;
	case R_MEDIA_CONTENT:
		open_media(x, r, e, START_ARGS);
		break;
	case R_MEDIA_GROUP:
		open_frame(x, X_ENTRY, e, nb_attrs, attrs, false);
		break;
	}
}

/* The builder pops its top node whatever the tag says; so do we. */
static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI)
{
	struct xctx *x = state(ctx);

	if (x == NULL || x->ctxt->nodeNr == 0)
		return;
	if (in_field(x) && top(x)->node)
		xmlSAX2EndElementNs(ctx, localname, prefix, URI);
	else
		nodePop(x->ctxt);
	sync(x);
}

/* Text, entity references, comments and processing instructions count
 * only inside a field. Text is gathered in x->text (no node, no copy per
 * slice) until anything else appears. */
static void on_text(void *ctx, const xmlChar *ch, int len)
{
	struct xctx *x = state(ctx);

	if (x == NULL || !in_field(x))
		return;
	if (x->field_dom)
		xmlSAX2Characters(ctx, ch, len);
	else
		strbuf_append(&x->text, (const char *)ch, (size_t)len);
}

static void on_reference(void *ctx, const xmlChar *name)
{
	struct xctx *x = state(ctx);

	if (x && in_field(x)) {
		to_dom(x);
		xmlSAX2Reference(ctx, name);
	}
}

static void on_comment(void *ctx, const xmlChar *value)
{
	struct xctx *x = state(ctx);

	if (x && in_field(x)) {
		to_dom(x);
		xmlSAX2Comment(ctx, value);
	}
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	struct xctx *x = state(ctx);

	if (x && in_field(x)) {
		to_dom(x);
		xmlSAX2ProcessingInstruction(ctx, target, data);
	}
}

/* libxml2's SAX2 handlers (document, DTD and entity declarations, so
 * references and errors behave as in a tree parse) with ours for the
 * content. */
static void handlers(xmlSAXHandler *h)
{
	xmlSAXVersion(h, 2);
	h->startElementNs = on_start;
	h->endElementNs = on_end;
	h->characters = on_text;
	h->ignorableWhitespace = on_text;
	h->cdataBlock = NULL;
	h->reference = on_reference;
	h->comment = on_comment;
	h->processingInstruction = on_pi;
	h->startElement = NULL;
	h->endElement = NULL;
}

/* ---- the document ---- */

static int parse_error(xmlParserCtxt *ctxt, char **err)
{
	const xmlError *e = &ctxt->lastError;
	char *msg = e->message ? xstrdup(e->message) : xstrdup("unknown error");
	size_t len = strlen(msg);

	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	*err = xasprintf("malformed XML at line %d: %s", e->line, msg);
	free(msg);
	return -1;
}

/* What libxml2 may do: recover from errors; never the network, never
 * external DTDs or entities, no entity substitution (XXE, entity bombs). */
#define XML_OPTIONS (XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR \
		     | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

/* The document in slices, then the end. The push parser holds back text
 * shorter than two bytes at the end of its input, so a document cut off in
 * text ("<title>b") gets a "<" to flush it, as a tree parse would keep it;
 * such a document is malformed anyway. Returns false when the parser gave
 * up on the encoding: it stops without marking the document malformed. */
static bool feed_chunks(xmlParserCtxt *ctxt, const char *data, size_t len)
{
	size_t off = 0;
	bool ok = true;

	while (off < len && !ctxt->disableSAX && ctxt->instate != XML_PARSER_EOF) {
		size_t n = len - off < CHUNK ? len - off : CHUNK;
		if (xmlParseChunk(ctxt, data + off, (int)n, 0) == XML_ERR_INVALID_ENCODING)
			ok = false;
		off += n;
	}
	if (ctxt->instate == XML_PARSER_CONTENT)
		xmlParseChunk(ctxt, "<", 1, 0);
	if (xmlParseChunk(ctxt, NULL, 0, 1) == XML_ERR_INVALID_ENCODING)
		ok = false;
	return ok;
}

/* Ends what a truncated document left open, innermost first, as a tree
 * parse would have kept it. */
static void close_all(struct xctx *x)
{
	x->skip_level = -1;
	while (x->n_frames > 0)
		pop(x);
}

static int finish(struct xctx *x, char **err)
{
	struct feed *f = x->b->f;

	if (x->err) {
		*err = x->err;
		x->err = NULL;
		return -1;
	}
	if (x->ctxt->myDoc == NULL)
		return parse_error(x->ctxt, err);
	if (!x->root_seen) {
		*err = xstrdup("malformed XML: no root element");
		return -1;
	}
	f->recovered = !x->ctxt->wellFormed;
	if (f->ttl_minutes == 0 && x->sy_period > 0)
		f->ttl_minutes = x->sy_period / (x->sy_frequency > 0 ? x->sy_frequency : 1);
	if (f->ttl_minutes == 0 && x->sy_period > 0)
		f->ttl_minutes = 1;
	return 0;
}

/* A parser context reading data with our handlers: the push parser (fast:
 * CDATA in bulk) or the pull parser (libxml2's best recovery). */
static xmlParserCtxt *new_ctxt(const char *data, size_t len, bool push)
{
	xmlSAXHandler h;
	xmlParserCtxt *ctxt;
	size_t head = len < 4 ? len : 4;

	handlers(&h);
	if (push) {
		ctxt = xmlCreatePushParserCtxt(&h, NULL, data, (int)head, NULL);
	} else if ((ctxt = xmlCreateMemoryParserCtxt(data, (int)len)) != NULL) {
		memcpy(ctxt->sax, &h, sizeof h);
		ctxt->userData = ctxt;
	}
	if (ctxt == NULL)
		fatal("libxml2: cannot create a parser context (out of memory)");
	xmlCtxtUseOptions(ctxt, XML_OPTIONS);
	return ctxt;
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* One parse into b->f. Returns 0, 1 when the push parser met any error or
 * stopped short (the document must be read again by the pull parser), or
 * -1 with *err set. */
static int run(struct feed_build *b, const char *data, size_t len, bool push, char **err)
{
	struct xctx x = { .b = b, .skip_level = -1 };
	int rc;

	/* The push parser's encoding errors go to libxml2's generic error
	 * channel; the pull parser reports them again if it reads the
	 * document a second time. */
	xmlGenericErrorFunc saved = xmlGenericError;
	void *saved_ctx = xmlGenericErrorContext;
	bool clean = true;

	if (push)
		xmlSetGenericErrorFunc(NULL, quiet);
	x.ctxt = new_ctxt(data, len, push);
	x.ctxt->_private = &x;
	feed_xml_intern(&x);
	if (push)
		clean = feed_chunks(x.ctxt, data + (len < 4 ? len : 4), len - (len < 4 ? len : 4));
	else
		xmlParseDocument(x.ctxt);
	if (push)
		xmlSetGenericErrorFunc(saved_ctx, saved);
	close_all(&x);
	bool doubtful = !x.ctxt->wellFormed || !clean || x.ctxt->errNo != 0
			|| x.ctxt->myDoc == NULL || !x.root_seen;
	if (push && doubtful && x.err == NULL)
		rc = 1;
	else
		rc = finish(&x, err);
	free(x.err);
	strbuf_free(&x.text);
	free(x.feed_author);
	free(x.frames);
	xmlFreeDoc(x.ctxt->myDoc);
	x.ctxt->myDoc = NULL;
	xmlFreeParserCtxt(x.ctxt);
	return rc;
}

/* Well-formed documents take the push parser alone. A malformed one is
 * read again by the pull parser, whose recovery keeps more of a broken
 * document (the push parser gives up sooner on some errors): what a feed
 * yields does not depend on which parser read it. */
int feed_xml_parse(const char *data, size_t len, struct feed_build *b, char **err)
{
	int rc;

	if (len > (size_t)2147483647) {
		*err = xstrdup("document too large for the XML parser");
		return -1;
	}
	xmlInitParser();
	if ((rc = run(b, data, len, true, err)) != 1)
		return rc;
	feed_build_reset(b);
	return run(b, data, len, false, err);
}
