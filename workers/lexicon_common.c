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
	{"rumah sakit"}, {"rumah sakit umum daerah", 0, "ID"}, {"rsud", 0, "ID"}, {"company"}, {"corporation"},
	{"ltd", INST_SUFFIX}, {"inc", INST_SUFFIX}, {"bhd", INST_SUFFIX, "MY"},
	{"sdn bhd", INST_SUFFIX, "MY"}, {"sdn . bhd", INST_SUFFIX, "MY"},
	{"tbk", INST_SUFFIX, "ID"}, {"co ltd", INST_SUFFIX}, {"pte ltd", INST_SUFFIX, "SG"},
	{"llc", INST_SUFFIX}, {"plc", INST_SUFFIX}, {"foundation"}, {"ministry", 1},
	{"department", 1}, {"jabatan", 1, "MY"}, {"kerajaan", 1, "MY"},
	{"majlis", 1, "MY"}, {"kedutaan", 1}, {"embassy", 1}, {"fakultas", INST_UNIT},
	{"faculty", INST_UNIT}, {"fakulti", INST_UNIT}, {"asosiasi"}, {"association"}, {"persatuan"},
	{"perhimpunan"}, {"koperasi"}, {"council", 1}, {"agency", 1}, {"otoritas", 1},
	{"hospital"}, {"authority", 1}, {"cooperative"}, {"kumiai", INST_SUFFIX, "JP"},
	{"unair", INST_NAMED, "ID"}, {"ugm", INST_NAMED, "ID"}, {"itb", INST_NAMED, "ID"},
	{"ipb", INST_NAMED, "ID"}, {"ui", INST_NAMED, "ID"}, {"unesa", INST_NAMED, "ID"},
	{"unpad", INST_NAMED, "ID"}, {"undip", INST_NAMED, "ID"}, {"uny", INST_NAMED, "ID"},
	{"uad", INST_NAMED, "ID"}, {"ums", INST_NAMED, "ID"}, {"umm", INST_NAMED, "ID"},
	{"uitm", INST_NAMED, "MY"}, {"ukm", INST_NAMED, "MY"}, {"upm", INST_NAMED, "MY"},
	{"usm", INST_NAMED, "MY"}, {"utm", INST_NAMED, "MY"}, {"uum", INST_NAMED, "MY"},
	{"uniten", INST_NAMED, "MY"}, {"unimas", INST_NAMED, "MY"},
	/* Foreign heads; upper-case forms where the first letter is not ASCII
	 * (tokens are lower-cased in ASCII only). */
	{"hogeschool", 0, "NL"}, {"universiteit"}, {"hochschule"},
	{"fachhochschule", 0, "DE"}, {"universit\xc3\xa4t"}, {"universitat"},
	{"universitaet"}, {"\xc3\xbcniversitesi", INST_SUFFIX, "TR"},
	{"\xc3\x9cniversitesi", INST_SUFFIX, "TR"}, {"universitesi", INST_SUFFIX, "TR"},
	{"daigaku", INST_SUFFIX, "JP"}, {"gakuin", INST_SUFFIX, "JP"},
	{"gakuen", INST_SUFFIX, "JP"},
	{"universidad"}, {"universidade"}, {"universit\xc3\xa9"},
	{"universite"}, {"universit\xc3\xa0"}, {"politecnico"},
	{"polit\xc3\xa9" "cnica"}, {"politecnica"},
	{"pejabat pendidikan", 1, "MY"}, {"pejabat kesihatan", 1, "MY"},
	{"pejabat daerah", 1, "MY"}, {"pejabat tanah", 1, "MY"},
	/* Police, secretariats, ministries by their short forms, village
	 * governments. */
	{"kepolisian", 1, "ID"}, {"polda", 1, "ID"}, {"polres", 1, "ID"},
	{"polresta", 1, "ID"}, {"polrestabes", 1, "ID"}, {"polsek", 1, "ID"},
	{"polri", INST_NAMED, "ID"}, {"mabes polri", INST_NAMED, "ID"}, {"police", 1},
	{"sekretariat", 1}, {"secretariat", 1}, {"kemen*", 1, "ID"}, {"pemdes", 1, "ID"},
	/* Networks, consortia, groups; companies by their legal form. */
	{"network", 0}, {"konsortium", 0}, {"consortium", 0}, {"jaringan", 0},
	{"group", 0}, {"grup", 0}, {"berhad", INST_SUFFIX, "MY"},
	/* Hospitals, colleges and madrasah by their short forms; MAN, MTs and
	 * MA only written in capitals ("MAN 2 Sleman", not "man"). */
	{"rs", 0, "ID"}, {"rsup", 0, "ID"}, {"rsu", 0, "ID"}, {"puskesmas", 0, "ID"},
	{"ikip", 0, "ID"}, {"stih", 0, "ID"}, {"stit", 0, "ID"}, {"stai", 0, "ID"},
	{"stain", 0, "ID"}, {"stt", 0, "ID"}, {"slb", 0, "ID"}, {"paud", 0, "ID"}, {"man", INST_UPPER, "ID"},
	{"min", INST_UPPER, "ID"}, {"ma", INST_UPPER, "ID"}, {"mi", INST_UPPER, "ID"},
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
	{"rumah sakit umum daerah", 0, "RSUD"},
	{"kepolisian daerah", 0, "Polda"}, {"kepolisian resor", 0, "Polres"},
	{"kepolisian negara republik indonesia", 0, "Polri"},
	{NULL}
};

static const struct lex_entry place[] = {
	{"indonesia", 1, "ID"}, {"malaysia", 1, "MY"}, {"thailand", 1, "TH"},
	{"jepang", 1, "JP"}, {"japan", 1, "JP"}, {"jepun", 1, "JP"},
	{"korea selatan", 1, "KR"}, {"south korea", 1, "KR"}, {"korea", 1, "KR"},
	{"tiongkok", 1, "CN"}, {"china", 1, "CN"}, {"cina", 1, "CN"},
	{"singapura", 1, "SG"}, {"singapore", 1, "SG"}, {"australia", 1, "AU"},
	{"belanda", 1, "NL"}, {"netherlands", 1, "NL"}, {"jerman", 1, "DE"},
	{"germany", 1, "DE"}, {"prancis", 1, "FR"}, {"perancis", 1, "FR"},
	{"france", 1, "FR"}, {"inggris", 1, "GB"}, {"united kingdom", 1, "GB"},
	{"uk", 1, "GB"}, {"amerika serikat", 1, "US"}, {"united states", 1, "US"},
	{"usa", 1, "US"}, {"taiwan", 1, "TW"}, {"filipina", 1, "PH"},
	{"philippines", 1, "PH"}, {"vietnam", 1, "VN"}, {"brunei", 1, "BN"},
	{"brunei darussalam", 1, "BN"}, {"india", 1, "IN"}, {"turki", 1, "TR"},
	{"t\xc3\xbcrkiye", 1, "TR"}, {"turkiye", 1, "TR"}, {"korea utara", 1, "KP"},
	{"turkey", 1, "TR"}, {"mesir", 1, "EG"}, {"egypt", 1, "EG"},
	{"arab saudi", 1, "SA"}, {"saudi arabia", 1, "SA"}, {"rusia", 1, "RU"},
	{"kanada", 1, "CA"}, {"canada", 1, "CA"}, {"selandia baru", 1, "NZ"},
	{"new zealand", 1, "NZ"}, {"timor leste", 1, "TL"}, {"kamboja", 1, "KH"},
	{"cambodia", 1, "KH"}, {"laos", 1, "LA"}, {"myanmar", 1, "MM"},
	{"bangkok", 0, "TH"}, {"chiang mai", 0, "TH"}, {"phuket", 0, "TH"},
	{"pattani", 0, "TH"}, {"songkhla", 0, "TH"}, {"yala", 0, "TH"},
	{"kuala lumpur", 0, "MY"}, {"selangor", 1, "MY"}, {"johor", 0, "MY"},
	{"johor bahru", 0, "MY"}, {"penang", 0, "MY"}, {"pulau pinang", 1, "MY"},
	{"sabah", 1, "MY"}, {"sarawak", 1, "MY"}, {"kelantan", 1, "MY"},
	{"perak", 1, "MY"}, {"melaka", 1, "MY"}, {"kedah", 1, "MY"},
	{"putrajaya", 0, "MY"}, {"shah alam", 0, "MY"}, {"ipoh", 0, "MY"},
	{"kuching", 0, "MY"}, {"kota kinabalu", 0, "MY"}, {"terengganu", 1, "MY"},
	{"pahang", 1, "MY"}, {"negeri sembilan", 1, "MY"},
	{"tokyo", 0, "JP"}, {"osaka", 0, "JP"}, {"kyoto", 0, "JP"},
	{"seoul", 0, "KR"}, {"busan", 0, "KR"}, {"beijing", 0, "CN"},
	{"shanghai", 0, "CN"}, {"guangzhou", 0, "CN"}, {"sydney", 0, "AU"},
	{"melbourne", 0, "AU"}, {"perth", 0, "AU"}, {"manila", 0, "PH"},
	{"hanoi", 0, "VN"}, {"taipei", 0, "TW"}, {"bandar seri begawan", 0, "BN"},
	{"dili", 0, "TL"}, {"london", 0, "GB"},
	{"taichung", 0, "TW"}, {"kaohsiung", 0, "TW"}, {"tainan", 0, "TW"},
	{"hsinchu", 0, "TW"}, {"taoyuan", 0, "TW"}, {"nagano", 0, "JP"},
	{"hokkaido", 1, "JP"}, {"fukuoka", 0, "JP"}, {"nagoya", 0, "JP"},
	{"hiroshima", 0, "JP"}, {"sendai", 0, "JP"}, {"kobe", 0, "JP"},
	{"hokuriku", 0, "JP"}, {"okinawa", 1, "JP"}, {"yokohama", 0, "JP"},
	{"guangxi", 1, "CN"}, {"nanning", 0, "CN"}, {"chengdu", 0, "CN"},
	{"wuhan", 0, "CN"}, {"xiamen", 0, "CN"}, {"hangzhou", 0, "CN"},
	{"nanjing", 0, "CN"}, {"shenzhen", 0, "CN"}, {"kunming", 0, "CN"},
	{"yunnan", 1, "CN"}, {"guangdong", 1, "CN"}, {"fujian", 1, "CN"},
	{"satun", 0, "TH"}, {"narathiwat", 0, "TH"}, {"hat yai", 0, "TH"},
	{"khon kaen", 0, "TH"}, {"nakhon si thammarat", 0, "TH"}, {"trang", 0, "TH"},
	{"daegu", 0, "KR"}, {"incheon", 0, "KR"}, {"gwangju", 0, "KR"},
	{"brisbane", 0, "AU"}, {"adelaide", 0, "AU"}, {"canberra", 0, "AU"},
	{"darwin", 0, "AU"}, {"queensland", 1, "AU"}, {"victoria", 1, "AU"},
	{"western australia", 1, "AU"}, {"ho chi minh", 0, "VN"}, {"cebu", 0, "PH"},
	{"davao", 0, "PH"}, {"mindanao", 1, "PH"},
	{"george town", 0, "MY"}, {"serdang", 0, "MY"}, {"bangi", 0, "MY"},
	{"sintok", 0, "MY"}, {"kuala nerus", 0, "MY"}, {"kuantan", 0, "MY"},
	{"seremban", 0, "MY"}, {"alor setar", 0, "MY"}, {"kota bharu", 0, "MY"},
	{"kangar", 0, "MY"}, {"skudai", 0, "MY"}, {"kampar", 0, "MY"}, {"batang padang", 0, "MY"},
	{"tapah", 0, "MY"}, {"tanjung malim", 0, "MY"}, {"cyberjaya", 0, "MY"},
	{"gombak", 0, "MY"}, {"arau", 0, "MY"}, {"kuala terengganu", 0, "MY"},
	{"labuan", 0, "MY"}, {"miri", 0, "MY"}, {"sibu", 0, "MY"},
	{"bintulu", 0, "MY"}, {"sandakan", 0, "MY"}, {"tawau", 0, "MY"},
	{"batu pahat", 0, "MY"}, {"perlis", 1, "MY"}, {"petaling jaya", 0, "MY"},
	{"subang jaya", 0, "MY"}, {"nilai", 0, "MY"}, {"kajang", 0, "MY"},
	{"jakarta", 0, "ID"}, {"dki jakarta", 0, "ID"}, {"surabaya", 0, "ID"},
	{"bandung", 0, "ID"}, {"medan", 0, "ID"}, {"semarang", 0, "ID"},
	{"makassar", 0, "ID"}, {"yogyakarta", 0, "ID"}, {"diy", 1, "ID"},
	{"balikpapan", 0, "ID"}, {"samarinda", 0, "ID"}, {"banjarmasin", 0, "ID"},
	{"palembang", 0, "ID"}, {"malang", 0, "ID"}, {"denpasar", 0, "ID"},
	{"pontianak", 0, "ID"}, {"padang", 0, "ID"}, {"pekanbaru", 0, "ID"},
	{"bali", 1, "ID"}, {"aceh", 1, "ID"}, {"riau", 1, "ID"}, {"jambi", 1, "ID"},
	{"lampung", 1, "ID"}, {"banten", 1, "ID"}, {"bengkulu", 1, "ID"},
	{"gorontalo", 1, "ID"}, {"papua", 1, "ID"}, {"maluku", 1, "ID"},
	{"kalimantan selatan", 1, "ID"}, {"kalimantan timur", 1, "ID"},
	{"kalimantan barat", 1, "ID"}, {"kalimantan tengah", 1, "ID"},
	{"kalimantan utara", 1, "ID"}, {"jawa timur", 1, "ID"},
	{"jawa barat", 1, "ID"}, {"jawa tengah", 1, "ID"},
	{"sumatera utara", 1, "ID"}, {"sumatera selatan", 1, "ID"},
	{"sumatera barat", 1, "ID"}, {"sumatra selatan", 1, "ID"},
	{"sulawesi selatan", 1, "ID"}, {"sulawesi utara", 1, "ID"},
	{"nusa tenggara barat", 1, "ID"}, {"nusa tenggara timur", 1, "ID"},
	{"kalsel", 0, "ID"}, {"kaltim", 0, "ID"}, {"kalbar", 0, "ID"},
	{"kalteng", 0, "ID"}, {"kaltara", 0, "ID"}, {"jatim", 0, "ID"},
	{"jabar", 0, "ID"}, {"jateng", 0, "ID"}, {"sumut", 0, "ID"},
	{"sumsel", 0, "ID"}, {"sumbar", 0, "ID"}, {"sulsel", 0, "ID"},
	{"sulut", 0, "ID"}, {"sulteng", 0, "ID"}, {"ntb", 0, "ID"},
	{"ntt", 0, "ID"}, {"babel", 0, "ID"}, {"kepri", 0, "ID"}, {"jember", 0, "ID"},
	/* more towns and regencies of Indonesia, provinces in both languages */
	{"bogor", 0, "ID"}, {"depok", 0, "ID"}, {"bekasi", 0, "ID"}, {"tangerang", 0, "ID"},
	{"cirebon", 0, "ID"}, {"surakarta", 0, "ID"}, {"kediri", 0, "ID"},
	{"madiun", 0, "ID"}, {"banyuwangi", 0, "ID"}, {"probolinggo", 0, "ID"},
	{"pasuruan", 0, "ID"}, {"mojokerto", 0, "ID"}, {"sidoarjo", 0, "ID"},
	{"gresik", 0, "ID"}, {"lamongan", 0, "ID"}, {"bojonegoro", 0, "ID"},
	{"blitar", 0, "ID"}, {"tulungagung", 0, "ID"}, {"purwokerto", 0, "ID"},
	{"banyumas", 0, "ID"}, {"tegal", 0, "ID"}, {"pekalongan", 0, "ID"},
	{"magelang", 0, "ID"}, {"salatiga", 0, "ID"}, {"kudus", 0, "ID"}, {"jepara", 0, "ID"},
	{"klaten", 0, "ID"}, {"sleman", 0, "ID"}, {"bantul", 0, "ID"},
	{"tasikmalaya", 0, "ID"}, {"garut", 0, "ID"}, {"sukabumi", 0, "ID"},
	{"cianjur", 0, "ID"}, {"karawang", 0, "ID"}, {"purwakarta", 0, "ID"},
	{"cilegon", 0, "ID"}, {"mataram", 0, "ID"}, {"kupang", 0, "ID"}, {"ende", 0, "ID"}, {"maumere", 0, "ID"},
	{"ambon", 0, "ID"}, {"jayapura", 0, "ID"}, {"manokwari", 0, "ID"},
	{"sorong", 0, "ID"}, {"manado", 0, "ID"}, {"kendari", 0, "ID"}, {"mamuju", 0, "ID"},
	{"parepare", 0, "ID"}, {"palopo", 0, "ID"}, {"gowa", 0, "ID"}, {"tarakan", 0, "ID"},
	{"bontang", 0, "ID"}, {"palangka raya", 0, "ID"}, {"banjarbaru", 0, "ID"},
	{"singkawang", 0, "ID"}, {"batam", 0, "ID"}, {"tanjungpinang", 0, "ID"},
	{"pangkalpinang", 0, "ID"}, {"bandar lampung", 0, "ID"}, {"lubuklinggau", 0, "ID"},
	{"binjai", 0, "ID"}, {"pematangsiantar", 0, "ID"}, {"bukittinggi", 0, "ID"},
	{"payakumbuh", 0, "ID"}, {"dumai", 0, "ID"}, {"banda aceh", 0, "ID"},
	{"lhokseumawe", 0, "ID"}, {"ternate", 0, "ID"}, {"sumbawa", 0, "ID"},
	{"lombok", 0, "ID"}, {"kutai kartanegara", 0, "ID"}, {"tabanan", 0, "ID"},
	{"gianyar", 0, "ID"}, {"badung", 0, "ID"}, {"singaraja", 0, "ID"},
	{"buleleng", 0, "ID"}, {"karangasem", 0, "ID"}, {"labuan bajo", 0, "ID"},
	{"merauke", 0, "ID"}, {"timika", 0, "ID"}, {"bengkalis", 0, "ID"},
	{"tanjung selor", 0, "ID"}, {"nunukan", 0, "ID"}, {"sampit", 0, "ID"},
	{"kotabaru", 0, "ID"}, {"kolaka", 0, "ID"}, {"baubau", 0, "ID"}, {"bitung", 0, "ID"},
	{"tomohon", 0, "ID"}, {"purwodadi", 0, "ID"}, {"wonosobo", 0, "ID"},
	{"kebumen", 0, "ID"}, {"cilacap", 0, "ID"}, {"sragen", 0, "ID"},
	{"boyolali", 0, "ID"}, {"wonogiri", 0, "ID"}, {"ponorogo", 0, "ID"},
	{"ngawi", 0, "ID"}, {"pacitan", 0, "ID"}, {"trenggalek", 0, "ID"},
	{"situbondo", 0, "ID"}, {"bondowoso", 0, "ID"}, {"lumajang", 0, "ID"},
	{"jombang", 0, "ID"}, {"nganjuk", 0, "ID"}, {"tuban", 0, "ID"},
	{"pamekasan", 0, "ID"}, {"sumenep", 0, "ID"}, {"bangkalan", 0, "ID"},
	{"sampang", 0, "ID"}, {"subang", 0, "ID"}, {"sumedang", 0, "ID"},
	{"majalengka", 0, "ID"}, {"kuningan", 0, "ID"}, {"indramayu", 0, "ID"},
	{"pandeglang", 0, "ID"}, {"lebak", 0, "ID"},
	{"sulawesi tengah", 1, "ID"}, {"sulawesi tenggara", 1, "ID"},
	{"sulawesi barat", 1, "ID"}, {"kepulauan riau", 1, "ID"},
	{"bangka belitung", 1, "ID"}, {"kepulauan bangka belitung", 1, "ID"},
	{"papua barat", 1, "ID"}, {"papua selatan", 1, "ID"}, {"papua tengah", 1, "ID"},
	{"papua pegunungan", 1, "ID"}, {"maluku utara", 1, "ID"}, {"sumatra utara", 1, "ID"},
	{"sumatra barat", 1, "ID"}, {"di yogyakarta", 1, "ID"}, {"nusa tenggara", 1, "ID"},
	{"east java", 1, "ID"}, {"west java", 1, "ID"}, {"central java", 1, "ID"},
	{"east kalimantan", 1, "ID"}, {"south kalimantan", 1, "ID"},
	{"west kalimantan", 1, "ID"}, {"central kalimantan", 1, "ID"},
	{"north kalimantan", 1, "ID"}, {"north sumatra", 1, "ID"},
	{"north sumatera", 1, "ID"}, {"south sumatra", 1, "ID"}, {"west sumatra", 1, "ID"},
	{"south sulawesi", 1, "ID"}, {"north sulawesi", 1, "ID"},
	{"central sulawesi", 1, "ID"}, {"southeast sulawesi", 1, "ID"},
	{"west sulawesi", 1, "ID"}, {"west nusa tenggara", 1, "ID"},
	{"east nusa tenggara", 1, "ID"}, {"riau islands", 1, "ID"}, {"west papua", 1, "ID"},
	{"north maluku", 1, "ID"}, {"sumba", 1, "ID"}, {"flores", 1, "ID"},
	/* more towns of Malaysia */
	{"alor gajah", 0, "MY"}, {"muar", 0, "MY"}, {"kluang", 0, "MY"}, {"segamat", 0, "MY"},
	{"kulim", 0, "MY"}, {"sungai petani", 0, "MY"}, {"langkawi", 0, "MY"},
	{"teluk intan", 0, "MY"}, {"taiping", 0, "MY"}, {"lumut", 0, "MY"},
	{"kuala kangsar", 0, "MY"}, {"seri iskandar", 0, "MY"}, {"temerloh", 0, "MY"},
	{"bentong", 0, "MY"}, {"kemaman", 0, "MY"}, {"dungun", 0, "MY"}, {"machang", 0, "MY"},
	{"pasir mas", 0, "MY"}, {"tumpat", 0, "MY"}, {"ranau", 0, "MY"},
	{"keningau", 0, "MY"}, {"lahad datu", 0, "MY"}, {"semporna", 0, "MY"},
	{"sri aman", 0, "MY"}, {"kota samarahan", 0, "MY"}, {"mukah", 0, "MY"},
	{"limbang", 0, "MY"}, {"port dickson", 0, "MY"}, {"klang", 0, "MY"},
	{"puchong", 0, "MY"}, {"rawang", 0, "MY"}, {"sepang", 0, "MY"}, {"banting", 0, "MY"},
	{"ayer keroh", 0, "MY"}, {"durian tunggal", 0, "MY"}, {"jasin", 0, "MY"},
	{"pagoh", 0, "MY"}, {"parit raja", 0, "MY"}, {"nibong tebal", 0, "MY"},
	{"bukit mertajam", 0, "MY"}, {"butterworth", 0, "MY"}, {"seberang perai", 0, "MY"},
	{"pasir gudang", 0, "MY"}, {"iskandar puteri", 0, "MY"}, {"kota tinggi", 0, "MY"},
	{"mersing", 0, "MY"}, {"pontian", 0, "MY"}, {"jitra", 0, "MY"}, {"pendang", 0, "MY"},
	{"bagan serai", 0, "MY"}, {"kuala pilah", 0, "MY"},
	{NULL}
};

/* Place words that end a school's name: "SMKN 2 Kandangan Kabupaten HSS". */
static const struct lex_entry qualifier[] = {
	{"kabupaten"}, {"kecamatan"}, {"provinsi"}, {"kota"}, {"kelurahan"},
	{"desa"}, {"district"}, {"province"}, {"daerah"}, {NULL}
};

static const struct lex_entry coop[] = {
	{"kerja sama"}, {"kerjasama"}, {"kemitraan"}, {"kolaborasi"},
	{"cooperation"}, {"partnership"}, {"collaboration"}, {"memorandum"}, {"memoranda"},
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
	{"belia"}, {"sumber manusia"}, {"latihan"}, {"penyelidikan"},
	{"penelitian"}, {"perencanaan"}, {"pembangunan"}, {"kepemudaan"},
	{"ketenagakerjaan"}, {"koperasi"}, {"perhubungan"}, {"lingkungan hidup"},
	{"kependudukan"}, {"pemberdayaan"}, {NULL}
};

/* Abbreviations written with a full stop inside a name: "Andi Muh.
 * Syahrir", "Perdana Autoteknik Sdn. Bhd.". */
static const struct lex_entry nameabbr[] = {
	{"muh"}, {"moh"}, {"moch"}, {"mochd"}, {"mhd"}, {"muhd"}, {"abd"}, {"akh"},
	{"ach"}, {"mohd"}, {"md"},
	{"sdn"}, {"pte"}, {"co"},
	/* company and region abbreviations before a name ("PT. Maju", "Kab. Gowa") */
	{"pt"}, {"cv"}, {"kab"}, {"kec"}, {"prov"}, {"jl"}, {"jln"}, {NULL}
};

/* Heads of a unit's or a post's name (extract_program.c). */
static const struct lex_entry unithead[] = {
	{"bidang"}, {"direktorat"}, {"program studi"}, {"prodi"}, {"jurusan"},
	{"departemen"}, {"dinas"}, {"atase"}, {"lembaga"}, {"pusat"}, {"badan"},
	{"biro"}, {"kantor"}, {"fakultas"}, {"unit"}, {"divisi"}, {"seksi"},
	{"wakil"}, {"jabatan"}, {"bahagian"}, {"pejabat"}, {"department"},
	{"office"}, {"centre"}, {"center"}, {"directorate"}, {"division"},
	{"ministry"}, {"kementerian"}, {"kementrian"}, {"kaprodi"}, {"sekprodi"},
	{"attach*"}, {NULL}
};

/* Words that introduce an agreement's scope (extract_program.c). */
static const struct lex_entry scope[] = {
	{"meliputi"}, {"mencakup"}, {"mencakupi"}, {"merangkumi"}, {"bidang"},
	{"ruang lingkup"}, {"skop"}, {"antara lain"}, {"termasuk"}, {"covers"},
	{"cover"}, {"covering"}, {"include"}, {"includes"}, {"including"},
	{"areas"}, {"fields"}, {"scope"}, {"sepakat"}, {"bersepakat"}, {"agreed"}, {NULL}
};

static const struct lex_entry clutter[] = {
	{"copyright"}, {"\xc2\xa9"}, {"hak cipta"}, {"0 komentar"},
	{"0 tanggapan"}, {"0 comments"}, {NULL}
};

/* Function words Indonesian and Malay share: they count for both, so they
 * weigh against English without moving the choice between the two. */
static const struct lex_entry func[] = {
	{"di", 1}, {"ke", 1}, {"dari", 1}, {"untuk", 1}, {"pada", 1}, {"akan", 1},
	{"dalam", 1}, {"oleh", 1}, {"itu", 1}, {"sebagai", 1}, {"kami", 1},
	{"mereka", 1}, {"atas", 1}, {"ia", 1}, {"lebih", 1}, {NULL}
};

/* ---- party stage -------------------------------------------------------- */

/* Lower-case words inside names. val 1: only after a head word. */
static const struct lex_entry namejoin[] = {
	{"of"}, {"for"}, {"the"}, {"&"}, {"de"}, {"del"}, {"du"}, {"der"}, {"des"},
	{"van"}, {"von"}, {"voor"}, {"f\xc3\xbcr"}, {"fur"}, {NULL}
};

static const struct lex_entry and_word[] = { {"dan"}, {"and"}, {"&"}, {NULL} };
static const struct lex_entry placeprep[] = { {"of"}, {"in"}, {NULL} };

/* Legal forms of companies. */
static const struct lex_entry legal[] = {
	{"pt", 1}, {"cv", 1}, {"tbk", 2}, {"bhd", 2}, {"berhad", 2}, {"ltd", 2},
	{"inc", 2}, {"llc", 2}, {"plc", 2}, {"sdn", 3}, {"co", 3}, {"pte", 3}, {NULL}
};

/* Head words and their English form: "Universitas Bina Karya" is written
 * "Bina Karya University" or "University of Bina Karya" in English text. */
static const struct lex_entry translate[] = {
	{"universitas", 0, "University"}, {"universiti", 0, "University"},
	{"politeknik", 0, "Polytechnic"}, {"institut", 0, "Institute"},
	{"kolej", 0, "College"}, {"akademi", 0, "Academy"}, {NULL}
};

/* ---- location stage ------------------------------------------------------- */

/* Words of news outlets' names ("Radar Malang", "Pontianak Post",
 * "(ANTARA)"). */
static const struct lex_entry outlet[] = {
	{"radar"}, {"post"}, {"pos"}, {"tribun"}, {"times"}, {"antara"}, {"antaranews"},
	{"bernama"}, {"kompas"}, {"detik"}, {"detiknews"}, {"okezone"}, {"liputan6"},
	{"republika"}, {"tempo"}, {"jpnn"}, {"kumparan"}, {"suara"}, {"harian"}, {"news"},
	{"online"}, {"daily"}, {"sindonews"}, {"viva"}, {"inews"}, {"jawapos"}, {"utusan"},
	{"malaymail"}, {"kompastv"}, {"tvri"}, {"rri"}, {"idntimes"}, {"merdeka"},
	{"beritasatu"}, {"medcom"}, {NULL}
};

/* Prefixes of a town's administrative name ("Kota Tottori" -> "Tottori"). */
static const struct lex_entry townprefix[] = {
	{"kota"}, {"kabupaten"}, {"city of"}, {NULL}
};

static const struct lex_entry parent[] = {
	{"universitas"}, {"universiti"}, {"university"}, {"institut"}, {"institute"},
	{"politeknik"}, {"polytechnic"}, {"kolej"}, {"college"}, {"sekolah tinggi"},
	{NULL}
};

/* Royal and religious titles that begin the person part of an
 * institution's name. */
static const struct lex_entry inside[] = {
	{"sultan"}, {"tun"}, {"tunku"}, {"tuanku"}, {"raja"}, {"tengku"},
	{"sunan"}, {"syekh"}, {"syeikh"}, {"sheikh"}, {"teuku"}, {NULL}
};

/* ---- signatories ---- */

/* Generic words naming a kind of institution before or after a role ("the
 * polytechnic's director", "Pengetua kolej,"); tag: a word of the party
 * keys of that kind. */
static const struct lex_entry kind[] = {
	{"polytechnic", 0, "politeknik"}, {"polytechnic", 0, "poltek"},
	{"polytechnic", 0, "polytechnic"}, {"university", 0, "universitas"},
	{"university", 0, "universiti"}, {"university", 0, "university"},
	{"university", 0, "uin"}, {"university", 0, "univ"},
	{"college", 0, "college"}, {"college", 0, "kolej"},
	{"institute", 0, "institut"}, {"institute", 0, "institute"},
	{"school", 0, "sekolah"}, {"school", 0, "school"}, {"school", 0, "smk"},
	{"school", 0, "smkn"}, {"school", 0, "sma"}, {"school", 0, "sman"},
	{"school", 0, "smp"}, {"school", 0, "smpn"}, {"school", 0, "madrasah"},
	{"regency", 0, "pemkab"}, {"regency", 0, "kabupaten"},
	{"regency", 0, "regency"}, {"provincial", 0, "pemprov"},
	{"provincial", 0, "provinsi"}, {"provincial", 0, "province"},
	{"provincial", 0, "provincial"}, {"province", 0, "pemprov"},
	{"province", 0, "provinsi"}, {"province", 0, "province"},
	{"province", 0, "provincial"}, {"city", 0, "pemkot"}, {"city", 0, "kota"},
	{"city", 0, "city"}, {"company", 0, "pt"}, {"company", 0, "sdn"},
	{"company", 0, "tbk"}, {"company", 0, "company"}, {"company", 0, "ltd"},
	{"company", 0, "inc"}, {"company", 0, "corporation"}, {"firm", 0, "pt"},
	{"firm", 0, "sdn"}, {"firm", 0, "tbk"}, {"firm", 0, "ltd"},
	{"firm", 0, "inc"}, {"ministry", 0, "kementerian"},
	{"ministry", 0, "ministry"}, {"hospital", 0, "hospital"},
	{"hospital", 0, "rs"}, {"hospital", 0, "rumah"},
	{"foundation", 0, "yayasan"}, {"foundation", 0, "foundation"},
	{"department", 0, "department"}, {"department", 0, "jabatan"},
	{"department", 0, "dinas"}, {"council", 0, "council"},
	{"council", 0, "majlis"}, {"agency", 0, "agency"}, {"agency", 0, "badan"},
	{"academy", 0, "academy"}, {"academy", 0, "akademi"}, {"group", 0, "group"},
	{"group", 0, "pt"}, {"group", 0, "sdn"}, {"group", 0, "bhd"},
	{"group", 0, "berhad"}, {"group", 0, "tbk"}, {"kolej", 0, "kolej"},
	{"kolej", 0, "college"}, {"sekolah", 0, "sekolah"}, {"sekolah", 0, "smk"},
	{"sekolah", 0, "sma"}, {"sekolah", 0, "smp"}, {"sekolah", 0, "smkn"},
	{"sekolah", 0, "sman"}, {"sekolah", 0, "smpn"},
	{"universiti", 0, "universiti"}, {"universitas", 0, "universitas"},
	{"syarikat", 0, "syarikat"}, {"syarikat", 0, "sdn"}, {"syarikat", 0, "bhd"},
	{"syarikat", 0, "berhad"}, {"perusahaan", 0, "pt"},
	{"perusahaan", 0, "tbk"}, {"politeknik", 0, "politeknik"},
	{"jabatan", 0, "jabatan"}, {"majlis", 0, "majlis"}, {"dinas", 0, "dinas"}, {NULL}
};

/* Head words of a unit inside a larger institution (party keys). */
static const struct lex_entry unitkey[] = {
	{"badan"}, {"dinas"}, {"fakultas"}, {"faculty"}, {"direktorat"},
	{"sekretariat"}, {"biro"}, {"bagian"}, {"jabatan"}, {"pusat"}, {"unit"},
	{"kantor"}, {"bappeda"}, {"disdik"}, {"dispar"}, {NULL}
};

/* Party keys of regional governments. */
static const struct lex_entry govkey[] = {
	{"pemerintah"}, {"pemkab"}, {"pemkot"}, {"pemko"}, {"pemprov"}, {NULL}
};

/* Lower-case particles between the capitalised words of a name ("Anouk de
 * Vries", "Rahimah binti Yusof", "Ahmad bin Salleh al-Amin"). */
static const struct lex_entry particle[] = {
	{"bin"}, {"binti"}, {"bt"}, {"de"}, {"van"}, {"von"}, {"der"}, {"den"},
	{"da"}, {"dos"}, {"del"}, {"la"}, {"le"}, {"al"}, {"el"}, {"ter"}, {NULL}
};

const struct lexicon lexicon_common = {
	"common",
	{
		[LEX_TITLE] = title, [LEX_DEGREE] = degree, [LEX_INST] = inst,
		[LEX_ABBREV] = abbrev, [LEX_PLACE] = place, [LEX_QUALIFIER] = qualifier, [LEX_COOP] = coop, [LEX_CLUTTER] = clutter,
		[LEX_NAMESTART] = namestart, [LEX_FIELD] = field, [LEX_NAMEABBR] = nameabbr,
		[LEX_UNITHEAD] = unithead, [LEX_SCOPE] = scope,
		[LEX_FUNC] = func,
		/* party stage */
		[LEX_NAMEJOIN] = namejoin, [LEX_INSIDE] = inside, [LEX_PARENT] = parent,
		[LEX_AND] = and_word, [LEX_PLACEPREP] = placeprep, [LEX_LEGAL] = legal,
		[LEX_TRANSLATE] = translate,
		/* location stage */
		[LEX_OUTLET] = outlet, [LEX_TOWNPREFIX] = townprefix,
		/* signatories */
		[LEX_PARTICLE] = particle, [LEX_KIND] = kind, [LEX_UNITKEY] = unitkey,
		[LEX_GOVKEY] = govkey,
	},
};
