/* extract.h: the agreement extractor (placeholder header, replaced by the
 * extractor implementation). */
#ifndef MW_EXTRACT_H
#define MW_EXTRACT_H
#endif
