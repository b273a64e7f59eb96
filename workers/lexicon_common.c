/* lexicon_common.c: tables shared by every language: institution head
 * words, their abbreviations, academic titles and degrees, and places with
 * their country (ISO 3166-1 alpha-2). */
#include "extract_int.h"

/* Academic and religious titles written before a name. */
static const struct lex_entry title[] = {
	{"dr"}, {"prof"}, {"ir"}, {"h"}, {"hj"}, {"drs"}, {"dra"}, {"ns"},
	{"kh"}, {"hc"}, {"prof dr"}, {"assoc prof"}, {"med"}, {NULL}
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
	{"institut", 0, "*"}, {"institute"}, {"politeknik", 0, "*"},
	{"poltek", 0, "ID"}, {"polytechnic"}, {"college"}, {"kolej", 0, "MY"},
	{"akademi"}, {"academy"}, {"sekolah"}, {"school"}, {"smk", 0, "ID"},
	{"smkn", 0, "ID"}, {"sma", 0, "ID"}, {"sman", 0, "ID"},
	{"smp", 0, "ID"}, {"smpn", 0, "ID"}, {"sdn", 0, "ID"}, {"sd", 0, "ID"},
	{"mts", 0, "ID"}, {"mtsn", 0, "ID"}, {"madrasah", 0, "ID"},
	{"pesantren", 0, "ID"}, {"pondok pesantren", 0, "ID"}, {"ponpes", 0, "ID"}, {"stie", 0, "ID"}, {"stikes", 0, "ID"},
	{"stkip", 0, "ID"}, {"stmik", 0, "ID"}, {"uin", 0, "ID"},
	{"iain", 0, "ID"}, {"pemerintah", 1}, {"pemkot", 1, "ID"},
	{"pemko", 1, "ID"}, {"pemkab", 1, "ID"}, {"pemprov", 1, "ID"},
	{"dinas", 1, "ID"}, {"disdik", 1, "ID"}, {"balai", 1, "ID"},
	{"bpmp", 1, "ID"}, {"lpmp", 1, "ID"}, {"kementerian", 1, "ID"},
	{"kementrian", 1, "ID"}, {"kemendikbud*", 1, "ID"}, {"kemenag", 1, "ID"},
	{"badan", 1}, {"lembaga"}, {"yayasan"}, {"pt", 0, "ID"}, {"bank"},
	{"rumah sakit"}, {"rsud", 0, "ID"}, {"company"}, {"corporation"},
	{"ltd", INST_SUFFIX}, {"inc", INST_SUFFIX}, {"bhd", INST_SUFFIX, "MY"},
	{"sdn bhd", INST_SUFFIX, "MY"}, {"sdn . bhd", INST_SUFFIX, "MY"},
	{"tbk", INST_SUFFIX, "ID"}, {"co ltd", INST_SUFFIX}, {"pte ltd", INST_SUFFIX, "SG"},
	{"llc", INST_SUFFIX}, {"plc", INST_SUFFIX}, {"foundation"}, {"ministry", 1},
	{"department", 1}, {"jabatan", 1, "MY"}, {"kerajaan", 1, "MY"},
	{"majlis", 1, "MY"}, {"kedutaan", 1}, {"embassy", 1}, {"fakultas"},
	{"faculty"}, {"asosiasi"}, {"association"}, {"persatuan"},
	{"perhimpunan"}, {"koperasi"}, {"council", 1}, {"agency", 1}, {"otoritas", 1},
	{"unair", INST_NAMED, "ID"}, {"ugm", INST_NAMED, "ID"}, {"itb", INST_NAMED, "ID"},
	{"ipb", INST_NAMED, "ID"}, {"ui", INST_NAMED, "ID"}, {"unesa", INST_NAMED, "ID"},
	{"unpad", INST_NAMED, "ID"}, {"undip", INST_NAMED, "ID"}, {"uny", INST_NAMED, "ID"},
	{"uad", INST_NAMED, "ID"}, {"ums", INST_NAMED, "ID"}, {"umm", INST_NAMED, "ID"},
	{"uitm", INST_NAMED, "MY"}, {"ukm", INST_NAMED, "MY"}, {"upm", INST_NAMED, "MY"},
	{"usm", INST_NAMED, "MY"}, {"utm", INST_NAMED, "MY"}, {"uum", INST_NAMED, "MY"},
	{"uniten", INST_NAMED, "MY"}, {"unimas", INST_NAMED, "MY"},
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
	{"pondok pesantren", 0, "Ponpes"},
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
	{"taichung", 0, "TW"}, {"kaohsiung", 0, "TW"}, {"tainan", 0, "TW"},
	{"hsinchu", 0, "TW"}, {"taoyuan", 0, "TW"}, {"nagano", 0, "JP"},
	{"hokkaido", 0, "JP"}, {"fukuoka", 0, "JP"}, {"nagoya", 0, "JP"},
	{"hiroshima", 0, "JP"}, {"sendai", 0, "JP"}, {"kobe", 0, "JP"},
	{"hokuriku", 0, "JP"}, {"okinawa", 0, "JP"}, {"yokohama", 0, "JP"},
	{"guangxi", 0, "CN"}, {"nanning", 0, "CN"}, {"chengdu", 0, "CN"},
	{"wuhan", 0, "CN"}, {"xiamen", 0, "CN"}, {"hangzhou", 0, "CN"},
	{"nanjing", 0, "CN"}, {"shenzhen", 0, "CN"}, {"kunming", 0, "CN"},
	{"yunnan", 0, "CN"}, {"guangdong", 0, "CN"}, {"fujian", 0, "CN"},
	{"satun", 0, "TH"}, {"narathiwat", 0, "TH"}, {"hat yai", 0, "TH"},
	{"khon kaen", 0, "TH"}, {"nakhon si thammarat", 0, "TH"}, {"trang", 0, "TH"},
	{"daegu", 0, "KR"}, {"incheon", 0, "KR"}, {"gwangju", 0, "KR"},
	{"brisbane", 0, "AU"}, {"adelaide", 0, "AU"}, {"canberra", 0, "AU"},
	{"darwin", 0, "AU"}, {"queensland", 0, "AU"}, {"victoria", 0, "AU"},
	{"western australia", 0, "AU"}, {"ho chi minh", 0, "VN"}, {"cebu", 0, "PH"},
	{"davao", 0, "PH"}, {"mindanao", 0, "PH"},
	{"george town", 0, "MY"}, {"serdang", 0, "MY"}, {"bangi", 0, "MY"},
	{"sintok", 0, "MY"}, {"kuala nerus", 0, "MY"}, {"kuantan", 0, "MY"},
	{"seremban", 0, "MY"}, {"alor setar", 0, "MY"}, {"kota bharu", 0, "MY"},
	{"kangar", 0, "MY"}, {"skudai", 0, "MY"}, {"cyberjaya", 0, "MY"},
	{"gombak", 0, "MY"}, {"arau", 0, "MY"}, {"kuala terengganu", 0, "MY"},
	{"labuan", 0, "MY"}, {"miri", 0, "MY"}, {"sibu", 0, "MY"},
	{"bintulu", 0, "MY"}, {"sandakan", 0, "MY"}, {"tawau", 0, "MY"},
	{"batu pahat", 0, "MY"}, {"perlis", 0, "MY"}, {"petaling jaya", 0, "MY"},
	{"subang jaya", 0, "MY"}, {"nilai", 0, "MY"}, {"kajang", 0, "MY"},
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

/* Words that begin a person's name by convention (Balinese birth-order
 * names): a run "Dinas Pariwisata Badung I Gede Wirawan" splits there. */
static const struct lex_entry namestart[] = {
	{"i"}, {"ni"}, {"made"}, {"gede"}, {"wayan"}, {"ketut"}, {"komang"},
	{"nyoman"}, {"putu"}, {"kadek"}, {"nengah"}, {NULL}
};

/* Sector nouns: "X dan <field>" continues an institution's name. */
static const struct lex_entry field[] = {
	{"pendidikan"}, {"kebudayaan"}, {"pelatihan"}, {"pariwisata"},
	{"olahraga"}, {"pemuda"}, {"teknologi"}, {"riset"}, {"inovasi"},
	{"informatika"}, {"komunikasi"}, {"perdagangan"}, {"perindustrian"},
	{"industri"}, {"tenaga kerja"}, {"transmigrasi"}, {"kesehatan"},
	{"keagamaan"}, {"sosial"}, {"kehutanan"}, {"pertanian"}, {"perikanan"},
	{"kelautan"}, {"pengembangan"}, {"sains"}, {"ekonomi"}, {"bisnis"},
	{"manajemen"}, {"kejuruan"}, {"keguruan"}, {"ilmu pendidikan"},
	{"teknik"}, {"kebudayaan"}, {"inovasi"}, {"technology"}, {"science"},
	{"sciences"}, {"research"}, {"innovation"}, {"culture"}, {"education"},
	{"training"}, {"tourism"}, {"sports"}, {"arts"}, {"humanities"},
	{"business"}, {"management"}, {"engineering"}, {"design"}, {"sukan"},
	{"belia"}, {"sumber manusia"}, {"latihan"}, {"penyelidikan"}, {NULL}
};

/* Abbreviations written with a full stop inside a name: "Andi Muh.
 * Syahrir", "Perdana Autoteknik Sdn. Bhd.". */
static const struct lex_entry nameabbr[] = {
	{"muh"}, {"moh"}, {"moch"}, {"mochd"}, {"mhd"}, {"muhd"}, {"abd"},
	{"sdn"}, {"pte"}, {"co"}, {NULL}
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
		[LEX_NAMESTART] = namestart, [LEX_FIELD] = field, [LEX_NAMEABBR] = nameabbr,
	},
};
