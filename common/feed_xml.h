/* feed_xml.h: what the two halves of the XML reader share. feed_xml.c
 * drives libxml2's SAX2 push parser and keeps the stack of open elements;
 * feed_xml_rules.c says what each element means (the rule tables) and
 * turns a field element into a value. Nobody else includes this. */
#ifndef MW_FEED_XML_H
#define MW_FEED_XML_H

#include "feed_internal.h"
#include "strbuf.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

enum ns_kind { NS_OTHER, NS_CORE, NS_CONTENT, NS_DC, NS_MEDIA, NS_SY, NS_ATOM };

/* What an element the rules know opens. */
enum xrule_kind {
	R_FIELD,          /* a value: its content is read, then fn runs */
	R_CHANNEL,        /* RSS channel: its children are feed-level */
	R_ENTRY,          /* item/entry: a new entry, children entry-level */
	R_AUTHOR,         /* Atom author: its <name> children are read */
	R_MEDIA_CONTENT,  /* an enclosure whose children are entry-level */
	R_MEDIA_GROUP,    /* children entry-level */
};

struct xctx;
typedef void feed_fn(struct xctx *x, const xmlNode *n);
typedef void entry_fn(struct xctx *x, const xmlNode *n, struct feed_entry *e);

struct xrule {
	enum ns_kind ns;
	const char *name;
	enum xrule_kind kind;
	feed_fn *ffn;       /* R_FIELD at feed level */
	entry_fn *efn;      /* R_FIELD in an entry, R_MEDIA_CONTENT */
};

enum xframe_kind { X_FEED, X_ENTRY, X_AUTHOR, X_FIELD };

/* One open element the reader follows (elements it skips have none). */
struct xframe {
	enum xframe_kind kind;
	struct feed_entry *e;      /* the entry it belongs to; NULL at feed level */
	const struct xrule *rule;  /* X_FIELD */
	xmlNode *node;             /* X_FIELD: the element built as a detached
	                            * DOM node (libxml2's SAX2 builder); owned.
	                            * NULL while a field without attributes
	                            * holds only text (then x->bare stands in) */
	const xmlChar *name, *prefix, *uri;  /* X_FIELD: the parser's (dict)
	                            * strings, to build the node later */
	bool finish_entry;         /* X_ENTRY of the item/entry element itself */
	char *base;                /* its xml:base attribute, malloc'd, or NULL */
	int level;                 /* its depth in the tree (the builder's) */
};

/* One parse in progress: owns frames, their bases and feed_author. */
struct xctx {
	struct feed_build *b;
	xmlParserCtxt *ctxt;
	const xmlChar *core_ns;    /* the format's own namespace, or NULL */
	const xmlChar *known_ns[7];/* dict copies of the known namespace URIs */
	char *feed_author;         /* Atom: entries without one inherit it */
	int sy_period;             /* sy:updatePeriod in minutes, 0 unset */
	int sy_frequency;          /* sy:updateFrequency, 0 unset */
	struct xframe *frames;
	size_t n_frames, cap_frames;
	xmlNode *bare;             /* an element without attributes or content */
	xmlNode *holder;           /* stands for every open element that is
	                            * not built on the builder's node stack */
	int skip_level;            /* depth of the element being skipped, -1 */
	struct strbuf text;        /* the open field's text while it has no
	                            * other content (then nothing is built) */
	bool field_dom;            /* the open field has markup, references,
	                            * comments: its content is built as nodes */
	/* Which element gave the current entry's (and the feed's) link and
	 * dates: a value replaces one of lower or equal rank (see
	 * feed_xml_rules.c); 0 nothing yet. Reset when an entry opens. */
	int link_rank, published_rank, updated_rank, feed_link_rank;
	bool root_seen;
	char *err;                 /* the document was refused (its root) */
};

/* The rule for element (href, name) at feed or entry level, or NULL. */
const struct xrule *feed_xml_rule(const struct xctx *x, bool entry_level,
				  const xmlChar *href, const xmlChar *name);
/* The rule of an Atom author's <name>. */
extern const struct xrule feed_xml_author_name;

/* An entry opens: its id from RDF's rdf:about, the ranks reset. */
void feed_xml_entry_start(struct xctx *x, struct feed_entry *e, int nb_attrs, const xmlChar **attrs);

/* Interns the known namespace URIs in the parser's dictionary. */
void feed_xml_intern(struct xctx *x);

/* The base URI of the innermost open element, as xmlNodeGetBase() computes
 * it from the xml:base chain and the document URL; xmlFree() it. */
xmlChar *feed_xml_base(const struct xctx *x);

#endif
