/* test_extract_words.c: the extractor's word-level rules as tables:
 * durations, title stripping of names, alias generation, language. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

static struct doc *build(const char *text)
{
	struct mw_ymd pub = { 2025, 1, 31 };
	return doc_build(text, strlen(text), pub);
}

static void test_durations(void **state)
{
	static const struct { const char *phrase, *want; } cases[] = {
		{ "berlaku selama 5 (lima) tahun", "P5Y" }, { "selama tiga tahun", "P3Y" },
		{ "berlangsung sebulan", "P1M" }, { "setahun", "P1Y" },
		{ "selama dua minggu", "P2W" }, { "for three years", "P3Y" },
		{ "lima tahun sejak tanggal penandatanganan", "P5Y" },
		{ "bagi tempoh lima tahun", "P5Y" }, { "selama 6 bulan", "P6M" },
		{ "dua belas bulan", "P12M" }, { "10 hari", "P10D" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct doc *d = build(cases[i].phrase);
		struct duration du[2];
		char got[16] = "none";
		if (dur_scan(d, 0, d->ntok, du, 2) > 0)
			dur_format(&du[0], got);
		print_message("# %s -> %s\n", cases[i].phrase, got);
		assert_string_equal(got, cases[i].want);
		doc_free(d);
	}
}

static void test_no_duration(void **state)
{
	static const char *const cases[] = {
		"SMKN 2 Kandangan", "pada Minggu (5/1/2025)", "41 sekolah penggerak", "tahun 2025",
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct doc *d = build(cases[i]);
		struct duration du[2];
		assert_int_equal(dur_scan(d, 0, d->ntok, du, 2), 0);
		doc_free(d);
	}
}

static void test_duration_add(void **state)
{
	(void)state;
	struct mw_ymd v = { 2024, 2, 29 };
	struct duration y = { 1, 'Y', 0, 0 }, m = { 1, 'M', 0, 0 };
	struct mw_ymd r = dur_add(v, &y);
	assert_int_equal(r.m * 100 + r.d, 228);
	struct mw_ymd j = { 2025, 1, 31 };
	r = dur_add(j, &m);
	assert_int_equal(r.m * 100 + r.d, 228);
}

static void test_titles(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "Dr. Emil Azmanajaya, S.T., M.T.", "Emil Azmanajaya" },
		{ "Sony Bakhtiar, S.E., S.Pd., M.M.", "Sony Bakhtiar" },
		{ "Tn Hj Khamaruddin Bin Abdul Rahman", "Khamaruddin Bin Abdul Rahman" },
		{ "H Ibnu Sina", "Ibnu Sina" }, { "Prof. Dr. Ir. Budi Santoso, M.Sc., Ph.D.", "Budi Santoso" },
		{ "Datuk Ahmad Faizal", "Ahmad Faizal" }, { "Drs. Hj. Siti Aminah, M.Pd", "Siti Aminah" },
		{ "Agus Ratmono", "Agus Ratmono" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = person_strip_titles(cases[i].in);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

static bool has_alias(const struct party *p, const char *a)
{
	for (int i = 0; i < p->naliases; i++)
		if (strcmp(p->aliases[i], a) == 0)
			return true;
	return false;
}

static void test_aliases(void **state)
{
	static const struct { const char *name, *alias; } cases[] = {
		{ "SMK Negeri 7 Balikpapan", "SMKN 7 Balikpapan" },
		{ "Sekolah Menengah Kejuruan Negeri 2 Kandangan", "SMKN 2 Kandangan" },
		{ "Politeknik Balikpapan", "Poltek Balikpapan" },
		{ "Pemerintah Kota Banjarmasin", "Pemkot Banjarmasin" },
		{ "Pemerintah Kota Banjarmasin", "Pemko Banjarmasin" },
		{ "Pemerintah Kota Banjarmasin", "Kota Banjarmasin" },
		{ "Pemerintah Provinsi Jawa Timur", "Pemprov Jawa Timur" },
		{ "Balai Penjaminan Mutu Pendidikan Kalsel", "BPMP Kalsel" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct party p = { 0 };
		p.name = (char *)cases[i].name;
		alias_generate(&p);
		assert_true(has_alias(&p, cases[i].alias));
		for (int k = 0; k < p.naliases; k++) {
			free(p.aliases[k]);
			free(p.akeys[k]);
		}
	}
}

static void test_keys(void **state)
{
	(void)state;
	char *a = party_key("SMK Negeri 7 Balikpapan"), *b = party_key("SMKN 7 Balikpapan");
	char *c = party_key("R-Tech College"), *e = party_key("r tech  college");
	assert_string_equal(a, b);
	assert_string_equal(c, e);
	free(a), free(b), free(c), free(e);
}

static void test_language(void **state)
{
	static const struct { const char *text, *want; } cases[] = {
		{ "Universitas itu menandatangani nota kesepahaman dengan sekolah tersebut, kata rektor, Senin. Menurutnya, kerja sama ini sudah lama direncanakan.", "id" },
		{ "Universiti itu telah memeterai memorandum persefahaman dengan kolej tersebut semalam kerana kerjasama ini penting, katanya pada Isnin.", "ms" },
		{ "The university signed a memorandum of understanding with the school on Tuesday, and the agreement is valid for three years.", "en" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct doc *d = build(cases[i].text);
		assert_string_equal(d->lang, cases[i].want);
		doc_free(d);
	}
}

static void test_cleaning(void **state)
{
	(void)state;
	const char *text = "Judul berita\nBaca juga: lain\nKalimat satu. Kalimat dua.\n"
			   "Kalimat satu. Kalimat dua.\nCOPYRIGHT \xc2\xa9 2024\nDr. Budi hadir.\n";
	struct doc *d = build(text);
	assert_int_equal(d->nsent, 4);
	assert_string_equal(d->sents[0].text, "Judul berita");
	assert_true(d->sents[0].title);
	assert_string_equal(d->sents[1].text, "Kalimat satu.");
	assert_string_equal(d->sents[3].text, "Dr. Budi hadir.");
	doc_free(d);
}

/* Morphology: inflected and slightly misspelt forms of the signing roots
 * are found; their close neighbours are not. */
static void test_morph_roots(void **state)
{
	static const struct { const char *word, *root; } cases[] = {
		{ "menandatangani", "tandatangan" }, { "ditandatanganinya", "tandatangan" },
		{ "penandatangan", "tandatangan" }, { "menandatangi", "tandatangan" },
		{ "pendandatangan", "tandatangan" }, { "ditekennya", "teken" },
		{ "menekennya", "teken" }, { "dimeteraikan", "meterai" },
		{ "pemeteraiannya", "meterai" }, { "tandatangan", "tandatangan" },
		{ "tantangan", NULL }, { "pertandingan", NULL }, { "menantang", NULL },
		{ "ditentukan", NULL }, { "tekanan", NULL }, { "meterai", "meterai" },
		{ "tandatangi", NULL }, { "mentari", NULL },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct lex_entry *e = morph_root(cases[i].word, (int)strlen(cases[i].word));
		const char *got = e ? e->phrase : NULL;
		print_message("# %s -> %s\n", cases[i].word, got ? got : "none");
		if (cases[i].root == NULL)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].root);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_no_duration),
		cmocka_unit_test(test_duration_add),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_language),
		cmocka_unit_test(test_cleaning),
		cmocka_unit_test(test_morph_roots),
	};
	return cmocka_run_group_tests_name("extract_words", tests, NULL, NULL);
}
