/* lexicon_ms.c: Malay word tables of the extractor (only what differs from
 * Indonesian; the matcher consults every language's tables). */
#include "extract_int.h"

static const struct lex_entry sign[] = {
	{"memeterai"}, {"dimeterai"}, {"pemeteraian"}, {"menandatangani"},
	{"menandatangan"}, {"ditandatangan"}, {"menandatanganinya"},
	{"termeterai"}, {"menandatangani memorandum"}, /* exchange ceremonies: "Majlis Pertukaran MoU" */
	{"pertukaran memorandum"}, {"pertukaran mou"}, {"pertukaran moa"},
	{"pertukaran dokumen"}, {"bertukar dokumen"}, {"bertukar memorandum"},
	{"bertukar mou"}, {"bertukar-tukar dokumen"},
	{NULL}
};

/* Roots of the signing verbs for extract_morph.c ("dimeteraikan",
 * "pemeteraiannya"); val = edits tolerated. */
static const struct lex_entry root[] = {
	{"meterai", 1, "sign"}, {NULL}
};

/* Schedules of a signing in its clause; val 1 needs a time after it. */
static const struct lex_entry schedule[] = {
	{"akan diadakan", 1}, {"akan berlangsung", 1}, {"akan dilaksanakan", 1},
	{"dijadualkan", 0}, {"dijadual", 0}, {NULL}
};

static const struct lex_entry at_time[] = {
	{"pada"}, {"tarikh"}, {"esok"}, {NULL}
};

/* An earlier agreement, or a count of them so far. */
static const struct lex_entry past[] = {
	{"setakat ini"}, {"sehingga kini"}, {"sebelum ini"}, {"pernah"}, {NULL}
};

/* Dates of the occasion, the ceremony, or none on purpose (extract_when.c). */
static const struct lex_entry occasion[] = {
	{"majlis sama"}, {"majlis yang sama"}, {"majlis itu"}, {"majlis tersebut"},
	{NULL}
};

static const struct lex_entry held[] = {
	{"berlangsung"}, {"diadakan"}, {"bertempat"}, {"dianjurkan", HELD_WHEN}, {NULL}
};

static const struct lex_entry recent[] = {
	{"baru-baru ini"}, {"baru ini"}, {NULL}
};

/* Programmes whose own length is not the agreement's (extract_when.c). */
static const struct lex_entry prognoun[] = {
	{"latihan"}, {"kursus"}, {"biasiswa"}, {"penempatan"}, {NULL}
};

static const struct lex_entry plan[] = {/* val 1: a condition, not a plan */
	{"bakal"}, {"dijangka"}, {"dijadual"}, {"dirancang"}, {"merancang"},
	{"bercadang"}, {"hendak"}, {"berbincang"}, {"membincangkan"},
	{"perbincangan"}, {"rundingan"}, {"berunding"},
	{"jika", 1}, {"sekiranya", 1}, /* hopes */
	{"berharap dapat"}, {"berharap untuk"}, {"diharap dapat"},
	{NULL}
};

static const struct lex_entry cancel[] = {
	{"membatalkan"}, {"dibatalkan"}, {"menamatkan"}, {"ditangguhkan"},
	{"ditangguh"}, {"tertangguh"}, {"penangguhan"}, {"menangguhkan"}, {NULL}
};

static const struct lex_entry negate[] = {
	{"tiada"}, {"tidak"}, {"belum"}, {"bukan"}, {"tanpa"}, {"tiada sebarang"},
	{"tidak pernah"}, {"belum pernah"}, {NULL}
};

static const struct lex_entry notneg[] = {
	{"bukan sahaja"}, {"tidak sahaja"}, {"bukan sekadar"}, {"tidak lama"}, {NULL}
};

static const struct lex_entry deny[] = {
	{"menafikan"}, {"dinafikan"}, {"penafian"}, {"kononnya"},
	{"tidak benar"}, {"berita palsu"}, {"tular"}, {NULL}
};

static const struct lex_entry online[] = {
	{"secara dalam talian"}, {"dalam talian"}, {"secara maya"}, {NULL}
};

static const struct lex_entry represent[] = {
	{"bagi pihak"}, {"mewakili", REP_BEFORE}, {"diwakili", REP_AFTER},
	{"diwakili oleh", REP_AFTER},
	/* "Majlis ... disempurnakan oleh X, Pengerusi Y, bersama Z" */
	{"disempurnakan oleh"}, {NULL}
};

static const struct lex_entry future[] = {
	{"dijangka"}, {"dijadual"}, {"bulan depan"}, {"bulan hadapan"},
	{"minggu hadapan"}, {"tahun hadapan"}, {"kelak"}, {NULL}
};

static const struct lex_entry type[] = {
	{"memorandum persefahaman", AGR_MOU}, {"memorandum perjanjian", AGR_MOA},
	{"perjanjian persefahaman", AGR_MOU}, {"surat niat", AGR_LOI},
	{"perjanjian kerjasama", AGR_PKS}, {NULL}
};

static const struct lex_entry renew[] = {/* val 1: a verb that reports the renewing itself */
	{"melanjutkan"}, {"pembaharuan"}, {"memperbaharui", 1}, {"diperbaharui", 1},
	{"disambung", 1}, {"menyambung", 1}, {"penyambungan"}, {"memperbaharuinya", 1}, {NULL}
};

static const struct lex_entry month[] = {
	{"mac", 3}, {"jun", 6}, {"julai", 7}, {"ogos", 8}, {"okt", 10}, {"disember", 12},
	{"dis", 12}, {NULL}
};

static const struct lex_entry weekday[] = {
	{"isnin", 0}, {"khamis", 3}, {"jumaat", 4}, {"ahad", 6}, {NULL}
};

static const struct lex_entry relday[] = {
	{"semalam", 1}, {"kelmarin", 1}, {"hari ini", 0}, {"minggu lepas", 7},
	{"minggu lalu", 7}, {"bulan lepas", 30, "month"},
	{"bulan depan", -30, "month"}, {"bulan hadapan", -30, "month"},
{NULL}
};

static const struct lex_entry number[] = {
	{"lapan", 8}, {NULL}
};

static const struct lex_entry valid[] = {
	{"tempoh"}, {"sah"}, {"berkuat kuasa"}, {"bagi tempoh"}, {"dilanjutkan"},
	{"dilanjutkan sehingga"}, {"diperbaharui"},
	/* continued or renewed "sehingga tahun 2027": an end */
	{"diteruskan"}, {"penyambungan"}, {"disambung"}, {NULL}
};

static const struct lex_entry end_cue[] = {
	{"sehingga"}, {"hingga"}, {NULL}
};

static const struct lex_entry start_cue[] = {
	{"bermula"}, {"berkuat kuasa"}, {NULL}
};

static const struct lex_entry program[] = {
	{"pertukaran pelajar", 0, "student_exchange"},
	{"pertukaran pensyarah", 0, "staff_exchange"},
	{"mobiliti pelajar", 0, "student_exchange"}, {"mobiliti pensyarah", 0, "staff_exchange"},
	{"khidmat komuniti", 0, "community_service"}, {"program komuniti", 0, "community_service"},
	{"peluang pekerjaan", 0, "job_placement"}, {"peluang kerjaya", 0, "job_placement"},
	{"penempatan graduan", 0, "job_placement"}, {"makmal", 0, "facilities"},
	{"menerbitkan", 0, "publication"}, {"makalah", 0, "publication"},
	{"penyelidikan gunaan", 0, "applied_research"}, {"budaya", 0, "culture"},
	{"pertukaran kakitangan", 0, "staff_exchange"},
	{"latihan industri", 0, "internship"}, {"latihan", 0, "training"},
	{"penyelidikan", 0, "research"}, {"biasiswa", 0, "scholarship"},
	{"pembelajaran dalam talian", 0, "e_learning"},
	{"ijazah bersama", 0, "joint_degree"}, {"dwi ijazah", 0, "joint_degree"},
	{"khidmat masyarakat", 0, "community_service"},
	{"penerbitan", 0, "publication"}, {"kemudahan", 0, "facilities"},
	{"kursus bahasa", 0, "language"}, {"penggunaan makmal", 0, "facilities"},
	{"graduan diambil bekerja", 0, "job_placement"}, {"peluang pekerjaan kepada graduan", 0, "job_placement"},
	{"penempatan pekerjaan", 0, "job_placement"}, {"pinjaman kakitangan", 0, "staff_exchange"},
	{"kursus jangka pendek", 0, "training"}, {"kursus pendek", 0, "training"},
	{"bimbingan", 0, "mentoring"}, {"penanda aras", 0, "benchmarking"},
	{"penandaarasan", 0, "benchmarking"},
	/* more phrasings: researchers, practical training, job offers, languages, advisory services */
	{"penyelidik", 0, "research"}, {"kajian", 0, "research"},
	{"latihan amali", 0, "internship"}, {"penempatan pelajar", 0, "internship"},
	{"praktikum", 0, "internship"}, {"diambil bekerja", 0, "job_placement"},
	{"tawaran kerja", 0, "job_placement"},
	{"tawaran pekerjaan", 0, "job_placement"}, {"membimbing", 0, "mentoring"},
	{"mentor", 0, "mentoring"}, {"berkongsi kemudahan", 0, "facilities"},
	{"peralatan", 0, "facilities"}, {"bahasa inggeris", 0, "language"},
	{"bahasa melayu", 0, "language"}, {"bahasa cina", 0, "language"},
	{"bahasa jepun", 0, "language"}, {"bahasa arab", 0, "language"},
	{"bahasa mandarin", 0, "language"},
	{"khidmat nasihat", 0, "community_service"},
	{"ijazah berkembar", 0, "joint_degree"},
	{"pertukaran staf", 0, "staff_exchange"},
	{"pensyarah pelawat", 0, "staff_exchange"},
	{"peningkatan kemahiran", 0, "training"}, {"latihan semula", 0, "training"},
	/* issue 13: industrial attachments, personnel exchange, sponsorship */
	{"sangkutan industri", 0, "internship"}, {"pertukaran personel", 0, "staff_exchange"},
	{"tajaan", 0, "scholarship"}, {"yuran percuma", 0, "scholarship"},
	{NULL}
};

static const struct lex_entry event[] = {
	{"latihan industri", 0, "internship"}, {"lawatan", 0, "visit"},
	{"mobiliti", 0, "exchange"},
	{"latihan", 0, "training"}, {NULL}
};

static const struct lex_entry func[] = {
	{"ialah", 3}, {"iaitu", 3}, {"kerana", 3}, {"persefahaman", 3},
	{"universiti", 3}, {"isnin", 3}, {"khamis", 3}, {"jumaat", 3},
	{"semalam", 2}, {"beliau", 2}, {"kerajaan", 2}, {"boleh", 2},
	{"pelajar", 1}, {"dengan", 1}, {"yang", 1}, {"dan", 1}, {"telah", 1},
	{"kerjasama", 1}, {"sebanyak", 1}, {"bagi", 1}, {"turut", 1},
	{"memeterai", 3}, {"majlis", 3}, {"kolej", 3}, {"encik", 3},
	{"negeri", 1}, {"lepas", 2}, {"sahaja", 3}, {"kepada", 1},
	{"berkata", 2}, {"dalam pada itu", 3}, {"sehingga", 1}, {"tahun ini", 1},
	{"ogos", 3}, {"disember", 3}, {"julai", 3}, {"mac", 2}, {"ahad", 2},
	{"bahawa", 3}, {"syarikat", 3}, {"pensyarah", 3}, {"kakitangan", 3},
	{"sdn", 3}, {"bhd", 3}, {"manakala", 3}, {"antarabangsa", 3},
	{"menerusi", 2}, {"dijadual", 2}, {"lawatan", 2}, {"hadapan", 2},
	{"pengarah", 2}, {"naib canselor", 3}, {"kata beliau", 2},
	{"perkhidmatan", 3}, {"peringkat", 2}, {"mahupun", 3}, {"seramai", 3},
	{NULL}
};

static const struct lex_entry role[] = {
	{"naib canselor"}, {"timbalan naib canselor"}, {"pengetua"},
	{"guru besar"}, {"pengarah"}, {"ketua pegawai eksekutif"},
	{"pengerusi"}, {"presiden"}, {"timbalan menteri"}, {"menteri besar"},
	{"ketua menteri"}, {"datuk bandar"}, {"setiausaha"}, {"ketua pengarah"},
	{"timbalan pengarah"}, {"pengurus besar"}, {"pengarah urusan"}, {"pengarah urusannya"}, {"pengurus"}, {"dekan"},
	{"timbalan dekan"}, {"ketua pegawai eksekutifnya"}, {"pengarahnya"},
	{"naib canselornya"}, {"ketua jabatan"}, {"yang dipertua"},
	{"pegawai pendidikan daerah"}, {"pegawai pendidikan negeri"}, {"ketua eksekutif"},
	{"pendaftar"}, {"bendahari"}, {"naib presiden"}, {"timbalan rektor"},
	{"timbalan presiden"}, {"timbalan ketua pengarah"}, {NULL}
};

static const struct lex_entry title[] = {
	{"tan sri"}, {"puan sri"}, {"dato' sri"}, {"datuk seri"}, {"datuk"},
	{"dato'"}, {"dato"}, {"datin"}, {"tun"}, {"tn"}, {"encik"}, {"en"},
	{"puan"}, {"cik"}, {"haji"}, {"hajah"}, {"ts"}, {"tuan"}, {"tuan haji"},
	{"dato ' sri"}, {"dato ' seri"}, {"dato seri"}, {"dato sri"}, {"datuk sri"},
	{"tengku"}, {"tunku"}, {"ybhg"}, {"yb"}, {"profesor"}, {"profesor madya"},
	{"prof madya"}, {"datin paduka"}, {"ts dr"}, {"ybrs"}, {"yang berbahagia"},
	{"gs"}, {"sr"},
	{NULL}
};

static const struct lex_entry venue[] = {
	{"dewan"}, {"bilik"}, {"pejabat"}, {"wisma"}, {"menara"}, {"bangunan"},
	{"auditorium"}, {"kompleks"}, {"hotel"}, {"kampus"}, {"dataran"}, {NULL}
};

static const struct lex_entry stop[] = {
	{"memeterai"}, {"bersama"}, {"dengan"}, {"manakala"}, {"isnin"}, {"khamis"},
	{"jumaat"}, {"ahad"}, {NULL}
};

static const struct lex_entry exchangee[] = {
	{"pensyarah", 0, "staff_exchange"}, {"kakitangan", 0, "staff_exchange"},
	{NULL}
};

/* ---- party stage -------------------------------------------------------- */

static const struct lex_entry eventname[] = {
	{"seminar"}, {"webinar"}, {"persidangan"}, {"kongres"}, {"simposium"},
	{"festival"}, {"pameran"}, {"mesyuarat"}, {"konvokesyen"}, {"karnival"},
	{"pertandingan"}, {NULL}
};

static const struct lex_entry namejoin[] = {
	{"cawangan", 1}, {"kampus", 1}, {NULL}
};

static const struct lex_entry namecut[] = {
	{"bahagian"}, {"aras", 1}, {NULL}
};

static const struct lex_entry group[] = {
	{"institusi"}, {"agensi"}, {"syarikat"}, {"universiti"}, {"organisasi"},
	{"pihak"}, {"rakan"}, {"kolej"}, {"sekolah"}, {"ipt"}, {"ipta"}, {"ipts"},
	{NULL}
};

static const struct lex_entry listcue[] = {
	{"iaitu"}, {"ialah"}, {"adalah"}, {"termasuk"}, {"antaranya"},
	/* val 1: a list of members, not of signers */
	{"terdiri daripada", 1}, {"dianggotai", 1}, {"anggota", 1}, {NULL}
};

static const struct lex_entry aliascue[] = { {"atau"}, {NULL} };
static const struct lex_entry through[] = { {"melalui"}, {"menerusi"}, {NULL} };
static const struct lex_entry pairword[] = {
	{"antara", 1}, {"dengan"}, {"dan"}, {"serta"}, {"bersama"}, {NULL}
};

/* ---- location stage ------------------------------------------------------- */

static const struct lex_entry ceremony[] = {
	{"majlis"}, {"pemeteraian"}, {NULL}
};

/* ---- signatories ---- */

/* Capitalised words of Malay portfolios and units ("Timbalan Naib
 * Canselor (Hal Ehwal Akademik)", "Ketua Penolong Pengarah"). */
static const struct lex_entry notname[] = {
	{"antarabangsa"}, {"ehwal"}, {"hal ehwal"}, {"jaringan"},
	{"kemahiran"}, {"komuniti"}, {"korporat"}, {"pelajar"},
	{"pembangunan"}, {"penolong"}, {"penyelidikan"}, {"perancangan"},
	{"perhubungan"}, {"pengajian"}, {"pentadbiran"}, {"siswazah"},
	{"strategik"}, {"tinggi"}, {NULL}
};

static const struct lex_entry title_next[] = {
	{"madya"}, {"paduka"}, {"emeritus"}, {"wira"}, {"setia"}, {NULL}
};

static const struct lex_entry speaker[] = {
	{"kata"}, {"kata beliau"}, {"menurut"}, {"ujar"}, {"jelas"},
	{"dinyatakan"}, {"dijelaskan"}, {"ucapan"}, {NULL}
};

static const struct lex_entry aftersign[] = {
	{"selepas"}, {"sebelum"}, {"usai"}, {"setelah"}, {NULL}
};

static const struct lex_entry as[] = {
	{"selaku"}, {NULL}
};

static const struct lex_entry says[] = {
	{"berkata"}, {"menyatakan"}, {"menjelaskan"}, {"berharap"}, {NULL}
};

static const struct lex_entry clause[] = {
	{"manakala"}, {NULL}
};

static const struct lex_entry join[] = {
	{"bersama-sama"}, {"bersama sama"}, {NULL}
};

const struct lexicon lexicon_ms = {
	"ms",
	{
		[LEX_SIGN] = sign, [LEX_PLAN] = plan, [LEX_CANCEL] = cancel,
		[LEX_TYPE] = type, [LEX_RENEW] = renew, [LEX_MONTH] = month,
		[LEX_WEEKDAY] = weekday, [LEX_RELDAY] = relday, [LEX_NUMBER] = number,
		[LEX_VALID] = valid, [LEX_END] = end_cue, [LEX_START] = start_cue,
		[LEX_PROGRAM] = program, [LEX_EVENT] = event, [LEX_FUNC] = func,
		[LEX_ROLE] = role, [LEX_TITLE] = title, [LEX_VENUE] = venue,
		[LEX_STOP] = stop, [LEX_EXCHANGEE] = exchangee,
		[LEX_FUTURE] = future, [LEX_ONLINE] = online, [LEX_NEGATE] = negate, [LEX_NOTNEG] = notneg, [LEX_DENY] = deny, [LEX_REPRESENT] = represent, [LEX_PAST] = past, [LEX_ROOT] = root, [LEX_SCHEDULE] = schedule, [LEX_AT_TIME] = at_time,
		/* party stage */
		[LEX_EVENTNAME] = eventname, [LEX_NAMEJOIN] = namejoin, [LEX_NAMECUT] = namecut, [LEX_GROUP] = group,
		[LEX_LISTCUE] = listcue, [LEX_ALIASCUE] = aliascue, [LEX_THROUGH] = through, [LEX_PAIRWORD] = pairword,
		/* date stage */
		[LEX_PROGNOUN] = prognoun,
		[LEX_OCCASION] = occasion, [LEX_HELD] = held, [LEX_RECENT] = recent,
		/* location stage */
		[LEX_CEREMONY] = ceremony,
		/* signatories */
		[LEX_NOTNAME] = notname, [LEX_TITLE_NEXT] = title_next, [LEX_SPEAKER] = speaker, [LEX_AFTERSIGN] = aftersign, [LEX_AS] = as, [LEX_CLAUSE] = clause, [LEX_SAYS] = says, [LEX_JOIN] = join,
	},
};
