/* html_text_score.c: finds the element that holds the article.
 *
 * Two signals, both from one measuring pass over the cleaned tree:
 *  - hints: itemprop="articleBody", class/id names like entry-content or
 *    read__content, <article>. The best hint is the most specific one that
 *    still holds most of the hinted text.
 *  - density, in the spirit of Readability: every block with at least
 *    MIN_BLOCK characters of its own text scores 1 + commas/periods +
 *    length/100 (at most 3) and gives it to its parent, half to its
 *    grandparent and a sixth to the next (blocks that are mostly link text
 *    give nothing); an element's total is scaled by the square of the
 *    share of its text that is not link text, so that lists of teasers
 *    (headline links with a summary each) lose to the article. The best
 *    element and those siblings that score close to it (or are long
 *    paragraphs) are the article.
 * A named body (class/id, itemprop) with some text wins: the densest
 * element may be a long list of teasers. A bare <article> wins unless the
 * densest element holds twice its text: it can be a teaser card while
 * the body sits in a plain <div>.
 *
 * Per-element figures live in one array; each element's _private points at
 * its entry while this file runs and is reset before returning. */
#include <stdlib.h>
#include <string.h>

#include "html_text_int.h"
#include "xalloc.h"

#define MIN_BLOCK 25          /* characters of own text that make a block */
#define SIBLING_MIN_SCORE 10.0
#define SIBLING_SHARE 0.2     /* of the top score */
#define SIBLING_PARA_LEN 80   /* a plain paragraph sibling this long joins */
#define HINT_KEEP_SHARE 0.8   /* narrower hints holding this much win */
#define HINT_BONUS 25.0
#define HINT_MIN_TEXT 140     /* characters a named body must hold */

struct node_info {
	xmlNode *node;
	size_t text;        /* characters, white space runs counted as one */
	size_t link;        /* of which inside <a> */
	size_t own;         /* in text nodes and inline elements, not blocks */
	size_t own_link;    /* of own, inside <a> */
	unsigned commas, own_commas;  /* ',' and '.' */
	double score;
	int depth;
	enum hx_hint hint;
};

struct scorer {
	struct node_info *info;
	size_t n, cap;
};

static struct node_info *info_of(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE ? n->_private : NULL;
}

/* Adds the size of a text node to *len and its commas and periods. */
static void measure_text(const char *s, size_t *len, unsigned *commas)
{
	int space = 1;
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		int sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';
		if (!sp || !space)
			(*len)++;
		if (c == ',' || c == '.')
			(*commas)++;
		space = sp;
	}
}

static struct node_info *measure(struct scorer *s, xmlNode *n, int depth)
{
	if (s->n == s->cap || depth > HTML_TEXT_MAX_DEPTH)
		return NULL;
	struct node_info *in = &s->info[s->n++];
	in->node = n;
	in->depth = depth;
	in->hint = hx_content_hint(n);
	n->_private = in;
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			size_t len = 0;
			unsigned commas = 0;
			measure_text((const char *)c->content, &len, &commas);
			in->text += len;
			in->own += len;
			in->commas += commas;
			in->own_commas += commas;
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		struct node_info *ci = measure(s, c, depth + 1);
		if (ci == NULL)
			continue;
		in->text += ci->text;
		in->link += ci->link;
		in->commas += ci->commas;
		if (!hx_is_block(c)) {
			in->own += ci->own;
			in->own_link += ci->own_link;
			in->own_commas += ci->own_commas;
		}
	}
	if (hx_is(n, "a")) {
		in->link = in->text;
		in->own_link = in->own;
	}
	return in;
}

static double link_density(const struct node_info *in)
{
	return in->text ? (double)in->link / (double)in->text : 0.0;
}

/* Gives each block's score to its parent and (less) grandparents. */
static void score_blocks(struct scorer *s)
{
	static const double share[] = {1.0, 0.5, 1.0 / 6};
	for (size_t i = 0; i < s->n; i++) {
		struct node_info *b = &s->info[i];
		if (b->own < MIN_BLOCK || !hx_is_block(b->node) ||
		    2 * b->own_link > b->own)
			continue;
		double own = (double)b->own / 100.0;
		double points = 1.0 + b->own_commas + (own < 3.0 ? own : 3.0);
		xmlNode *up = b->node->parent;
		for (size_t k = 0; k < 3 && info_of(up); k++, up = up->parent)
			info_of(up)->score += points * share[k];
	}
	for (size_t i = 0; i < s->n; i++) {
		struct node_info *in = &s->info[i];
		double text_share = 1.0 - link_density(in);
		in->score *= text_share * text_share;
		if (in->score > 0 && in->hint >= HX_HINT_CLASS)
			in->score += HINT_BONUS;
	}
}

static struct node_info *densest(struct scorer *s)
{
	struct node_info *top = NULL;
	for (size_t i = 0; i < s->n; i++)
		if (s->info[i].score > 0 && (!top || s->info[i].score > top->score))
			top = &s->info[i];
	return top;
}

static size_t plain_text(const struct node_info *in)
{
	return in->text - in->link;
}

/* The hinted element to use: among those holding at least HINT_KEEP_SHARE
 * of the largest hinted text, the strongest hint, then the deepest. */
static struct node_info *best_hint(struct scorer *s)
{
	size_t most = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->info[i].hint && plain_text(&s->info[i]) > most)
			most = plain_text(&s->info[i]);
	if (most == 0)
		return NULL;
	struct node_info *best = NULL;
	for (size_t i = 0; i < s->n; i++) {
		struct node_info *in = &s->info[i];
		if (!in->hint || (double)plain_text(in) < HINT_KEEP_SHARE * most)
			continue;
		if (!best || in->hint > best->hint ||
		    (in->hint == best->hint && in->depth > best->depth))
			best = in;
	}
	return best;
}

static int is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (; n; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

static int same_class(const xmlNode *a, const xmlNode *b)
{
	const char *ca = hx_attr(a, "class"), *cb = hx_attr(b, "class");
	return ca && cb && *ca && strcmp(ca, cb) == 0;
}

/* Whether sibling sib of the top element belongs to the article too: it
 * scores near the top, more easily when it shares the top's class (the
 * article split into several boxes), or it is a long plain paragraph. */
static int sibling_joins(const struct node_info *sib, const struct node_info *top)
{
	double need = top->score * SIBLING_SHARE;
	if (need < SIBLING_MIN_SCORE)
		need = SIBLING_MIN_SCORE;
	double bonus = same_class(sib->node, top->node) ?
	               top->score * SIBLING_SHARE : 0.0;
	if (sib->score > 0 && sib->score + bonus >= need)
		return 1;
	return hx_is(sib->node, "p") && sib->own >= SIBLING_PARA_LEN &&
	       link_density(sib) < 0.25;
}

static size_t with_siblings(struct node_info *top, xmlNode **found, size_t max)
{
	xmlNode *parent = top->node->parent;
	if (info_of(parent) == NULL || max == 0) {
		found[0] = top->node;
		return 1;
	}
	size_t n = 0;
	for (xmlNode *c = parent->children; c && n < max; c = c->next) {
		struct node_info *ci = info_of(c);
		if (ci && (ci == top || sibling_joins(ci, top)))
			found[n++] = c;
	}
	return n;
}

/* The hinted element and its siblings of the same class (a body split
 * into several "detail-text" boxes). */
static size_t hint_with_siblings(struct node_info *hint, xmlNode **found,
                                 size_t max)
{
	size_t n = 0;
	for (xmlNode *c = hint->node->parent->children; c && n < max; c = c->next)
		if (c == hint->node || (info_of(c) && same_class(c, hint->node)))
			found[n++] = c;
	return n;
}

/* Whether to trust the hint over the densest element. A class name or
 * itemprop with some text is trusted: the densest element may be a long
 * list of teasers. A bare <article> must hold half the densest text. */
static int hint_wins(const struct node_info *hint, const struct node_info *top)
{
	if (hint == NULL)
		return 0;
	if (top == NULL || is_ancestor(hint->node, top->node))
		return 1;
	if (hint->hint >= HX_HINT_CLASS && plain_text(hint) >= HINT_MIN_TEXT)
		return 1;
	return 2 * plain_text(hint) >= plain_text(top);
}

static size_t choose(struct scorer *s, xmlNode **found, size_t max)
{
	struct node_info *hint = best_hint(s);
	struct node_info *top = densest(s);
	if (hint_wins(hint, top))
		return hint_with_siblings(hint, found, max);
	if (top == NULL)
		return 0;
	return with_siblings(top, found, max);
}

size_t hx_find_content(xmlNode *root, size_t n_elements, xmlNode **found,
                       size_t max)
{
	if (root == NULL || max == 0 || n_elements == 0)
		return 0;
	struct scorer s = { xcalloc(n_elements, sizeof *s.info), 0, n_elements };
	measure(&s, root, 0);
	score_blocks(&s);
	size_t n = choose(&s, found, max);
	for (size_t i = 0; i < s.n; i++)
		s.info[i].node->_private = NULL;
	free(s.info);
	return n;
}
