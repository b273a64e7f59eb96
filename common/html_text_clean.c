/* html_text_clean.c: removes what is never article text (scripts, menus,
 * share bars, "baca juga" boxes, ads, comments, hidden elements, HTML
 * comments) from the parsed tree, so that scoring and rendering only see
 * candidates. Which elements go is decided by html_text_rules.c. */
#include "html_text_int.h"

/* Cleans the children of parent; returns the elements kept below it.
 * Subtrees deeper than HTML_TEXT_MAX_DEPTH are cut off. */
static size_t clean_children(xmlNode *parent, int depth)
{
	size_t kept = 0;
	xmlNode *next;
	for (xmlNode *c = parent->children; c; c = next) {
		next = c->next;
		int drop = 0;
		if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE)
			drop = 1;
		else if (c->type == XML_ELEMENT_NODE)
			drop = depth >= HTML_TEXT_MAX_DEPTH || hx_is_clutter(c);
		if (drop) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		if (c->type == XML_ELEMENT_NODE)
			kept += 1 + clean_children(c, depth + 1);
	}
	return kept;
}

size_t hx_clean(xmlNode *root)
{
	if (root == NULL)
		return 0;
	return 1 + clean_children(root, 1);
}
