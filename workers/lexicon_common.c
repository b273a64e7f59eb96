/* lexicon_common.c: tables shared by every language: institution head
 * words, their abbreviations, academic titles and degrees, and places with
 * their country (ISO 3166-1 alpha-2). */
#include "extract_int.h"

/* Academic and religious titles written before a name. */
static const struct lex_entry title[] = {
	{"dr"}, {"prof"}, {"ir"}, {"h"}, {"hj"}, {"drs"}, {"dra"}, {"ns"},
	{"kh"}, {"hc"}, {"prof dr"}, {"assoc prof"}, {NULL}
};

/* Degrees after a name, compared without dots. */
static const struct lex_entry degree[] = {
	{"st"}, {"mt"}, {"se"}, {"sh"}, {"mh"}, {"spd"}, {"mpd"}, {"mm"},
	{"phd"}, {"msc"}, {"bsc"}, {"ma"}, {"ba"}, {"mba"}, {"skom"}, {"mkom"},
	{"ssi"}, {"msi"}, {"sag"}, {"mag"}, {"ssos"}, {"msos"}, {"sip"},
	{"mip"}, {"ak"}, {"cpa"}, {"meng"}, {"seng"}, {"mhum"}, {"shum"},
	{"mkes"}, {"skm"}, {"skep"}, {"mars"}, {"lc"}, {"spdi"}, {"mpdi"},
	{"sth"}, {"mth"}, {"sp"}, {"mp"}, {"ssn"}, {"msn"}, {"amd"}, {"ap"},
	{"map"}, {"mtr"}, {"msi"}, {"mpa"}, {"stp"}, {"sked"}, {"psi"},
	{"mpsi"}, {"sstp"}, {"dea"}, {"mcom"}, {NULL}
};

/* Words that make a capitalised run an institution. tag: country hint. */
static const struct lex_entry inst[] = {
	{"universitas", 0, "ID"}, {"universiti", 0, "MY"}, {"university"},
	{"institut", 0, "ID"}, {"institute"}, {"politeknik", 0, "ID"},
	{"poltek", 0, "ID"}, {"polytechnic"}, {"college"}, {"kolej", 0, "MY"},
	{"akademi"}, {"academy"}, {"sekolah"}, {"school"}, {"smk", 0, "ID"},
	{"smkn", 0, "ID"}, {"sma", 0, "ID"}, {"sman", 0, "ID"},
	{"smp", 0, "ID"}, {"smpn", 0, "ID"}, {"sdn", 0, "ID"}, {"sd", 0, "ID"},
	{"mts", 0, "ID"}, {"mtsn", 0, "ID"}, {"madrasah", 0, "ID"},
	{"pesantren", 0, "ID"}, {"stie", 0, "ID"}, {"stikes", 0, "ID"},
	{"stkip", 0, "ID"}, {"stmik", 0, "ID"}, {"uin", 0, "ID"},
	{"iain", 0, "ID"}, {"pemerintah", 1}, {"pemkot", 1, "ID"},
	{"pemko", 1, "ID"}, {"pemkab", 1, "ID"}, {"pemprov", 1, "ID"},
	{"dinas", 1, "ID"}, {"disdik", 1, "ID"}, {"balai", 1, "ID"},
	{"bpmp", 1, "ID"}, {"lpmp", 1, "ID"}, {"kementerian", 1, "ID"},
	{"kementrian", 1, "ID"}, {"kemendikbud*", 1, "ID"}, {"kemenag", 1, "ID"},
	{"badan", 1}, {"lembaga"}, {"yayasan"}, {"pt", 0, "ID"}, {"bank"},
	{"rumah sakit"}, {"rsud", 0, "ID"}, {"company"}, {"corporation"},
	{"ltd"}, {"inc"}, {"bhd", 0, "MY"}, {"foundation"}, {"ministry", 1},
	{"department", 1}, {"jabatan", 1, "MY"}, {"kerajaan", 1, "MY"},
	{"majlis", 1, "MY"}, {"kedutaan", 1}, {"embassy", 1}, {"fakultas"},
	{"faculty"}, {"asosiasi"}, {"association"}, {"persatuan"},
	{"perhimpunan"}, {"koperasi"}, {"council", 1}, {"agency", 1}, {"otoritas", 1},
	{"unair", 0, "ID"}, {"ugm", 0, "ID"}, {"itb", 0, "ID"}, {"ipb", 0, "ID"},
	{"ui", 0, "ID"}, {"unesa", 0, "ID"}, {"unpad", 0, "ID"}, {"undip", 0, "ID"},
	{"uny", 0, "ID"}, {"uad", 0, "ID"}, {"ums", 0, "ID"}, {"umm", 0, "ID"},
	{NULL}
};

/* Long forms and their usual short form (aliases, matching keys). */
static const struct lex_entry abbrev[] = {
	{"sekolah menengah kejuruan negeri", 0, "SMKN"},
	{"smk negeri", 0, "SMKN"},
	{"sekolah menengah atas negeri", 0, "SMAN"}, {"sma negeri", 0, "SMAN"},
	{"sekolah menengah pertama negeri", 0, "SMPN"}, {"smp negeri", 0, "SMPN"},
	{"sekolah dasar negeri", 0, "SDN"}, {"sd negeri", 0, "SDN"},
	{"sekolah menengah kejuruan", 0, "SMK"}, {"sekolah menengah atas", 0, "SMA"},
	{"sekolah menengah pertama", 0, "SMP"}, {"sekolah dasar", 0, "SD"},
	{"madrasah tsanawiyah negeri", 0, "MTsN"}, {"madrasah aliyah negeri", 0, "MAN"},
	{"politeknik", 0, "Poltek"}, {"pemerintah kota", 0, "Pemkot"}, {"pemerintah kota", 0, "Pemko"},
	{"pemko", 0, "Pemkot"}, {"pemerintah kabupaten", 0, "Pemkab"},
	{"pemerintah kota", 0, "Kota"}, {"pemerintah kabupaten", 0, "Kabupaten"},
	{"pemerintah provinsi", 0, "Provinsi"},
	{"pemerintah provinsi", 0, "Pemprov"}, {"dinas pendidikan", 0, "Disdik"},
	{"balai penjaminan mutu pendidikan", 0, "BPMP"},
	{"lembaga penjaminan mutu pendidikan", 0, "LPMP"},
	{"universitas islam negeri", 0, "UIN"},
	{"institut agama islam negeri", 0, "IAIN"},
	{"universitas airlangga", 0, "Unair"}, {"universitas gadjah mada", 0, "UGM"},
	{"universitas indonesia", 0, "UI"}, {"institut teknologi bandung", 0, "ITB"},
	{"institut pertanian bogor", 0, "IPB"},
	{"universitas ahmad dahlan", 0, "UAD"},
	{NULL}
};

static const struct lex_entry place[] = {
	{"indonesia", 0, "ID"}, {"malaysia", 0, "MY"}, {"thailand", 0, "TH"},
	{"jepang", 0, "JP"}, {"japan", 0, "JP"}, {"jepun", 0, "JP"},
	{"korea selatan", 0, "KR"}, {"south korea", 0, "KR"}, {"korea", 0, "KR"},
	{"tiongkok", 0, "CN"}, {"china", 0, "CN"}, {"cina", 0, "CN"},
	{"singapura", 0, "SG"}, {"singapore", 0, "SG"}, {"australia", 0, "AU"},
	{"belanda", 0, "NL"}, {"netherlands", 0, "NL"}, {"jerman", 0, "DE"},
	{"germany", 0, "DE"}, {"prancis", 0, "FR"}, {"perancis", 0, "FR"},
	{"france", 0, "FR"}, {"inggris", 0, "GB"}, {"united kingdom", 0, "GB"},
	{"uk", 0, "GB"}, {"amerika serikat", 0, "US"}, {"united states", 0, "US"},
	{"usa", 0, "US"}, {"taiwan", 0, "TW"}, {"filipina", 0, "PH"},
	{"philippines", 0, "PH"}, {"vietnam", 0, "VN"}, {"brunei", 0, "BN"},
	{"brunei darussalam", 0, "BN"}, {"india", 0, "IN"}, {"turki", 0, "TR"},
	{"turkey", 0, "TR"}, {"mesir", 0, "EG"}, {"egypt", 0, "EG"},
	{"arab saudi", 0, "SA"}, {"saudi arabia", 0, "SA"}, {"rusia", 0, "RU"},
	{"kanada", 0, "CA"}, {"canada", 0, "CA"}, {"selandia baru", 0, "NZ"},
	{"new zealand", 0, "NZ"}, {"timor leste", 0, "TL"}, {"kamboja", 0, "KH"},
	{"cambodia", 0, "KH"}, {"laos", 0, "LA"}, {"myanmar", 0, "MM"},
	{"bangkok", 0, "TH"}, {"chiang mai", 0, "TH"}, {"phuket", 0, "TH"},
	{"pattani", 0, "TH"}, {"songkhla", 0, "TH"}, {"yala", 0, "TH"},
	{"kuala lumpur", 0, "MY"}, {"selangor", 0, "MY"}, {"johor", 0, "MY"},
	{"johor bahru", 0, "MY"}, {"penang", 0, "MY"}, {"pulau pinang", 0, "MY"},
	{"sabah", 0, "MY"}, {"sarawak", 0, "MY"}, {"kelantan", 0, "MY"},
	{"perak", 0, "MY"}, {"melaka", 0, "MY"}, {"kedah", 0, "MY"},
	{"putrajaya", 0, "MY"}, {"shah alam", 0, "MY"}, {"ipoh", 0, "MY"},
	{"kuching", 0, "MY"}, {"kota kinabalu", 0, "MY"}, {"terengganu", 0, "MY"},
	{"pahang", 0, "MY"}, {"negeri sembilan", 0, "MY"},
	{"tokyo", 0, "JP"}, {"osaka", 0, "JP"}, {"kyoto", 0, "JP"},
	{"seoul", 0, "KR"}, {"busan", 0, "KR"}, {"beijing", 0, "CN"},
	{"shanghai", 0, "CN"}, {"guangzhou", 0, "CN"}, {"sydney", 0, "AU"},
	{"melbourne", 0, "AU"}, {"perth", 0, "AU"}, {"manila", 0, "PH"},
	{"hanoi", 0, "VN"}, {"taipei", 0, "TW"}, {"bandar seri begawan", 0, "BN"},
	{"dili", 0, "TL"}, {"london", 0, "GB"},
	{"jakarta", 0, "ID"}, {"dki jakarta", 0, "ID"}, {"surabaya", 0, "ID"},
	{"bandung", 0, "ID"}, {"medan", 0, "ID"}, {"semarang", 0, "ID"},
	{"makassar", 0, "ID"}, {"yogyakarta", 0, "ID"}, {"diy", 0, "ID"},
	{"balikpapan", 0, "ID"}, {"samarinda", 0, "ID"}, {"banjarmasin", 0, "ID"},
	{"palembang", 0, "ID"}, {"malang", 0, "ID"}, {"denpasar", 0, "ID"},
	{"pontianak", 0, "ID"}, {"padang", 0, "ID"}, {"pekanbaru", 0, "ID"},
	{"bali", 0, "ID"}, {"aceh", 0, "ID"}, {"riau", 0, "ID"}, {"jambi", 0, "ID"},
	{"lampung", 0, "ID"}, {"banten", 0, "ID"}, {"bengkulu", 0, "ID"},
	{"gorontalo", 0, "ID"}, {"papua", 0, "ID"}, {"maluku", 0, "ID"},
	{"kalimantan selatan", 0, "ID"}, {"kalimantan timur", 0, "ID"},
	{"kalimantan barat", 0, "ID"}, {"kalimantan tengah", 0, "ID"},
	{"kalimantan utara", 0, "ID"}, {"jawa timur", 0, "ID"},
	{"jawa barat", 0, "ID"}, {"jawa tengah", 0, "ID"},
	{"sumatera utara", 0, "ID"}, {"sumatera selatan", 0, "ID"},
	{"sumatera barat", 0, "ID"}, {"sumatra selatan", 0, "ID"},
	{"sulawesi selatan", 0, "ID"}, {"sulawesi utara", 0, "ID"},
	{"nusa tenggara barat", 0, "ID"}, {"nusa tenggara timur", 0, "ID"},
	{"kalsel", 0, "ID"}, {"kaltim", 0, "ID"}, {"kalbar", 0, "ID"},
	{"kalteng", 0, "ID"}, {"kaltara", 0, "ID"}, {"jatim", 0, "ID"},
	{"jabar", 0, "ID"}, {"jateng", 0, "ID"}, {"sumut", 0, "ID"},
	{"sumsel", 0, "ID"}, {"sumbar", 0, "ID"}, {"sulsel", 0, "ID"},
	{"sulut", 0, "ID"}, {"sulteng", 0, "ID"}, {"ntb", 0, "ID"},
	{"ntt", 0, "ID"}, {"babel", 0, "ID"}, {"kepri", 0, "ID"}, {"jember", 0, "ID"},
	{NULL}
};

/* Place words that end a school's name: "SMKN 2 Kandangan Kabupaten HSS". */
static const struct lex_entry qualifier[] = {
	{"kabupaten"}, {"kecamatan"}, {"provinsi"}, {"kota"}, {"kelurahan"},
	{"desa"}, {"district"}, {"province"}, {"daerah"}, {NULL}
};

static const struct lex_entry coop[] = {
	{"kerja sama"}, {"kerjasama"}, {"kemitraan"}, {"kolaborasi"},
	{"cooperation"}, {"partnership"}, {"collaboration"}, {"memorandum"},
	{"perjanjian"}, {"kesepakatan"}, {"nota"}, {"agreement"}, {"mou"},
	{"moa"}, {"pks"}, {"loi"}, {NULL}
};

static const struct lex_entry clutter[] = {
	{"copyright"}, {"\xc2\xa9"}, {"hak cipta"}, {"0 komentar"},
	{"0 tanggapan"}, {"0 comments"}, {NULL}
};

const struct lexicon lexicon_common = {
	"common",
	{
		[LEX_TITLE] = title, [LEX_DEGREE] = degree, [LEX_INST] = inst,
		[LEX_ABBREV] = abbrev, [LEX_PLACE] = place, [LEX_QUALIFIER] = qualifier, [LEX_COOP] = coop, [LEX_CLUTTER] = clutter,
	},
};
