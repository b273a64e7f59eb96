/* feed_xml_refs.h: the references of an XML document made ones the XML
 * parser reads without a DTD, before it parses (see feed_xml_refs.c). */
#ifndef MW_FEED_XML_REFS_H
#define MW_FEED_XML_REFS_H

#include <stddef.h>

/* data (an ASCII-compatible encoding) with every named reference XML does
 * not predefine and the internal DTD subset does not declare rewritten:
 * an HTML5 name as numeric references ("&aacute;" -> "&#225;"), any
 * other as literal text ("&foo;" -> "&amp;foo;"), a bare '&' as "&amp;",
 * a numeric reference to a character XML forbids as U+FFFD. CDATA
 * sections, comments, processing instructions and the DOCTYPE are left
 * as they are. NULL when nothing needs a change, else a malloc'd copy
 * whose length is stored in *out_len. */
char *feed_xml_fix_refs(const char *data, size_t len, size_t *out_len);

#endif
