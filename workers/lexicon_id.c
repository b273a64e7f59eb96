/* lexicon_id.c: Indonesian word tables of the extractor (see enum lex_kind).
 * Lower-case; "word*" matches words beginning so (affixed forms). */
#include "extract_int.h"

static const struct lex_entry sign[] = {
	{"menandatangani"}, {"menandatanganinya"}, {"ditandatangani"},
	{"penandatanganan"}, {"tandatangani"}, {"teken"}, {"meneken"},
	{"diteken"}, {"penekenan"}, {"tanda tangani"}, {"menanda tangani"},
	{"ditanda tangani"}, {"penanda tanganan"}, {"resmi menjalin kerja sama"},
	{"resmi menjalin kerjasama"}, {"resmi bekerja sama"}, {"resmi bekerjasama"},
	{"resmi menjalin kemitraan"}, {"resmi jalin kerja sama"},
	{"resmi jalin kerjasama"}, {"menyepakati nota*"}, {"meneken nota*"},
	/* issue 13: "melakukan MoU", "menjalin kerja sama dalam bentuk MoU" */
	{"melakukan mou"}, {"melakukan moa"}, {"melakukan memorandum"},
	{"melakukan nota kesepahaman"}, {"menjalin kerja sama dalam bentuk"},
	{"menjalin kerjasama dalam bentuk"}, {"jalin mou"}, {"menjalin mou"},
	{"jalin moa"}, {"menjalin moa"}, {"pertukaran dokumen"}, {"bertukar dokumen"},
	{NULL}
};

/* Roots of the signing verbs, found in any inflection or slight
 * misspelling by extract_morph.c ("ditekennya", "penandatangan",
 * "menandatangi"); val = edits tolerated on the peeled stem. */
static const struct lex_entry root[] = {
	{"tandatangan", 2, "sign"}, {"teken", 0, "sign"}, {NULL}
};

/* Schedules of a signing in its clause; val 1 needs a time after it. */
static const struct lex_entry schedule[] = {
	{"akan dilaksanakan", 1}, {"akan digelar", 1}, {"akan diadakan", 1},
	{"akan berlangsung", 1}, {"akan dilakukan", 1}, {"dijadwalkan", 0},
	{"dijadwalkan akan", 0}, {"rencananya akan", 0}, {"baru akan", 0},
	{"bersiap", 0}, {"persiapan", 0}, {NULL}
};

static const struct lex_entry at_time[] = {
	{"pada"}, {"tanggal"}, {"hari"}, {"besok"}, {"esok"}, {"lusa"}, {NULL}
};

/* Perfect markers: the signing is told as done. */
static const struct lex_entry done[] = {
	{"telah"}, {"sudah"}, {"usai"}, {"seusai"}, {"selesai"}, {NULL}
};

/* Dates of the occasion, the ceremony, or none on purpose (extract_when.c). */
static const struct lex_entry occasion[] = {
	{"acara yang sama"}, {"acara sama"}, {"kesempatan yang sama"},
	{"kesempatan sama"}, {"kesempatan itu"}, {"kesempatan tersebut"},
	{"di sela"}, {"di sela-sela"}, {"disela-sela"}, {"acara tersebut"},
	{"dalam acara itu"}, {"pada acara itu"}, {NULL}
};

/* val: HELD_BEFORE_AT also right before "di" in the location stage,
 * HELD_WHERE only the location stage's, HELD_WHEN only the date stage's. */
static const struct lex_entry held[] = {
	{"berlangsung", HELD_BEFORE_AT}, {"dilangsungkan"}, {"diadakan", HELD_BEFORE_AT},
	{"digelar"}, {"diselenggarakan"}, {"bertempat", HELD_BEFORE_AT},
	{"dilaksanakan", HELD_WHEN}, {NULL}
};

static const struct lex_entry recent[] = {
	{"baru-baru ini"}, {"belum lama ini"}, {"beberapa waktu lalu"}, {NULL}
};

/* Not agreements between institutions, though they begin like one. */
static const struct lex_entry notcoop[] = {
	{"perjanjian kerja individual"}, {"perjanjian kerja pppk"},
	{"perjanjian kerja pegawai"}, {"perjanjian kerja karyawan"},
	{"perjanjian kerja itu"}, {"perjanjian kerja tersebut"},
	{"perjanjian kerja dengan"}, {"perjanjian kinerja"}, {"perjanjian jual beli"},
	{"perjanjian pinjaman"}, {"perjanjian kredit"}, {NULL}
};

/* Programmes whose own length is not the agreement's (extract_when.c). */
static const struct lex_entry prognoun[] = {
	{"pelatihan"}, {"kursus"}, {"magang"}, {"beasiswa"}, {"diklat"},
	{"fellowship"}, {NULL}
};

static const struct lex_entry plan[] = {/* val 1: a condition, not a plan; tag: only in that language's text */
	{"akan"}, {"berencana"}, {"direncanakan"}, {"rencananya"}, {"rencana"},
	{"dijadwalkan"}, {"hendak"}, {"bakal"}, {"segera"}, {"menjajaki"},
	{"penjajakan"}, {"belum"}, {"ingin"}, {"mengajak"}, {"diharapkan dapat menandatangani"},
	{"tengah menyiapkan"}, {"mempersiapkan"}, {"kalau", 1}, {"jika", 1},
	{"apabila", 1, "id"}, {"sedianya"}, {"semestinya"}, {"seharusnya"},
	{"membahas"}, {"sedang membahas"}, {"mendiskusikan"}, {"pembahasan"},
	{"merundingkan"}, {"negosiasi"}, /* hopes */
	{"berharap dapat"}, {"berharap bisa"}, {"mengharapkan dapat"},
	{"semoga dapat"}, {"semoga bisa"}, {"harapannya dapat"},
	/* ready to sign: not yet signed */
	{"siap"}, {"siap diteken"},
	{NULL}
};

static const struct lex_entry cancel[] = {
	{"membatalkan"}, {"dibatalkan"}, {"batal"}, {"pembatalan"},
	{"memutus"}, {"diputus"}, {"pemutusan"}, {"mencabut"}, {"dicabut"},
	{"tidak jadi"}, {"ditunda"}, {"tertunda"}, {"menunda"}, {"penundaan"},
	{"diundur"}, {"mundur"}, {"urung"}, {"gagal"}, {NULL}
};

/* Negation just before a signing word. */
static const struct lex_entry negate[] = {
	{"tidak"}, {"tak"}, {"belum"}, {"bukan"}, {"tanpa"}, {"tidak ada"},
	{"belum ada"}, {"tak ada"}, {"tidak pernah"}, {"belum pernah"}, {NULL}
};

static const struct lex_entry notneg[] = {
	{"tidak hanya"}, {"tak hanya"}, {"bukan hanya"}, {"bukan sekadar"},
	{"tidak sekadar"}, {"tidak lama"}, {"tak lama"}, {"tidak lupa"}, {NULL}
};

static const struct lex_entry deny[] = {
	{"membantah"}, {"dibantah"}, {"bantahan"}, {"menyangkal"},
	{"disangkal"}, {"tidak benar"}, {"hoaks"}, {"hoax"}, {"kabar bohong"},
	{"berita bohong"}, {"informasi palsu"}, {"disinformasi"}, {NULL}
};

static const struct lex_entry online[] = {
	{"secara daring"}, {"secara virtual"}, {"secara online"}, {"daring"},
	{"melalui zoom"}, {"konferensi video"}, {NULL}
};

static const struct lex_entry represent[] = {
	{"diwakili", REP_AFTER}, {"diwakili oleh", REP_AFTER}, {"mewakili", REP_BEFORE},
	{"yang mewakili", REP_BEFORE}, {"atas nama", REP_BEFORE}, {NULL}
};

/* Just after a signing word: it has not happened yet. */
static const struct lex_entry future[] = {
	{"direncanakan"}, {"dijadwalkan"}, {"rencananya"},
	{"bulan depan"}, {"pekan depan"}, {"minggu depan"}, {"tahun depan"},
	{"mendatang"}, {"dalam waktu dekat"}, {NULL}
};

static const struct lex_entry past[] = {
	{"pernah"}, {"sebelumnya"}, {"sejak lama"}, {"beberapa tahun lalu"},
	{"tahun lalu"}, {"silam"}, /* counts so far */
	{"sejauh ini"}, {"hingga kini"}, {"sampai kini"}, {"hingga saat ini"},
	{"sampai saat ini"},
	{NULL}
};

static const struct lex_entry witness[] = {
	{"disaksikan"}, {"menyaksikan"}, {"turut hadir"}, {"dihadiri"},
	{"hadir pula"}, {"hadir juga"},
	/* an attendance list: "Hadir dalam kegiatan itu, ..." */
	{"hadir dalam"}, {"hadir pada"}, {"telah hadir"}, {NULL}
};

static const struct lex_entry type[] = {
	{"nota kesepahaman", AGR_MOU}, {"nota kesepakatan", AGR_MOU},
	{"memorandum saling pengertian", AGR_MOU}, {"mou", AGR_MOU},
	{"memorandum kesepahaman", AGR_MOU},
	{"perjanjian kerja sama", AGR_PKS}, {"perjanjian kerjasama", AGR_PKS},
	{"perjanjian kerja-sama", AGR_PKS}, {"pks", AGR_PKS},
	{"surat pernyataan kehendak", AGR_LOI}, {"surat minat", AGR_LOI},
	{"kesepakatan kerja sama", AGR_AGREEMENT},
	{"kesepakatan kerjasama", AGR_AGREEMENT},
	{"kesepakatan bersama", AGR_AGREEMENT}, {"perjanjian", AGR_AGREEMENT},
	{"kesepakatan", AGR_AGREEMENT}, {NULL}
};

static const struct lex_entry renew[] = {/* val 1: a verb that reports the renewing itself */
	{"memperpanjang", 1}, {"diperpanjang", 1}, {"perpanjangan"}, {"pembaharuan"},
	{"pembaruan"}, {"memperbarui", 1}, {"memperbaharui", 1}, {"diperbarui", 1},
	{"diperbaharui", 1}, {NULL}
};

static const struct lex_entry month[] = {
	{"januari", 1}, {"februari", 2}, {"pebruari", 2}, {"maret", 3},
	{"april", 4}, {"mei", 5}, {"juni", 6}, {"juli", 7}, {"agustus", 8},
	{"september", 9}, {"oktober", 10}, {"november", 11}, {"nopember", 11},
	{"desember", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4},
	{"jun", 6}, {"jul", 7}, {"agu", 8}, {"agt", 8}, {"agst", 8}, {"sep", 9},
	{"sept", 9}, {"okt", 10}, {"nov", 11}, {"des", 12}, {NULL}
};

static const struct lex_entry weekday[] = {
	{"senin", 0}, {"selasa", 1}, {"rabu", 2}, {"kamis", 3}, {"jumat", 4},
	{"jum'at", 4}, {"sabtu", 5}, {"minggu", 6}, {NULL}
};

static const struct lex_entry relday[] = {
	{"kemarin", 1}, {"kemarin lalu", 1}, {"hari ini", 0}, {"tadi pagi", 0},
	{"tadi siang", 0}, {"tadi malam", 1}, {"pekan lalu", 7},
	{"minggu lalu", 7}, {"bulan lalu", 30, "month"}, {"bulan depan", -30, "month"},
	{"bulan mendatang", -30, "month"},
	/* an editor's correction in brackets: "hari ini (kemarin-red)" */
	{"kemarin-red", 1}, {"kemarin-red.", 1}, {NULL}
};

static const struct lex_entry number[] = {
	{"satu", 1}, {"dua", 2}, {"tiga", 3}, {"empat", 4}, {"lima", 5},
	{"enam", 6}, {"tujuh", 7}, {"delapan", 8}, {"sembilan", 9},
	{"sepuluh", 10}, {"sebelas", 11}, {"dua belas", 12}, {"lima belas", 15},
	{"dua puluh", 20}, {"tiga puluh", 30}, {NULL}
};

static const struct lex_entry unit[] = {
	{"tahun", 'Y'}, {"bulan", 'M'}, {"minggu", 'W'}, {"pekan", 'W'},
	{"hari", 'D'}, {"thn", 'Y'}, {"bln", 'M'}, {"mgg", 'W'}, {NULL}
};

static const struct lex_entry seunit[] = {
	{"setahun", 'Y'}, {"sebulan", 'M'}, {"seminggu", 'W'}, {"sepekan", 'W'},
	{"sehari", 'D'}, {NULL}
};

static const struct lex_entry valid[] = {
	{"berlaku"}, {"masa berlaku"}, {"jangka waktu"}, {"berjangka"},
	{"berlaku selama"}, {"masa kerja sama"}, {"masa kerjasama"},
	{"berdurasi"}, {"diperpanjang"}, {"dilanjutkan"}, {"diperbarui"},
	{"diperbaharui"}, {NULL}
};

static const struct lex_entry end_cue[] = {
	{"hingga"}, {"sampai"}, {"sampai dengan"}, {"berakhir"}, {"s/d"}, {NULL}
};

static const struct lex_entry start_cue[] = {
	{"sejak"}, {"mulai"}, {"dimulai"}, {"terhitung"}, {NULL}
};

static const struct lex_entry program[] = {
	{"pertukaran pelajar", 0, "student_exchange"},
	{"pertukaran siswa", 0, "student_exchange"},
	{"pertukaran mahasiswa", 0, "student_exchange"},
	{"siswa bertukar", 0, "student_exchange"},
	{"mahasiswa bertukar", 0, "student_exchange"},
	{"pertukaran guru", 0, "teacher_exchange"},
	{"pertukaran dosen", 0, "staff_exchange"},
	{"mobilitas mahasiswa", 0, "student_exchange"},
	{"mobilitas dosen", 0, "staff_exchange"},
	{"kuliah kerja nyata", 0, "community_service"}, {"kkn", 0, "community_service"},
	{"praktik pengalaman lapangan", 0, "internship"},
	{"praktek pengalaman lapangan", 0, "internship"},
	{"peluang kerja", 0, "job_placement"}, {"merekrut lulusan", 0, "job_placement"},
	{"rekrutmen", 0, "job_placement"}, {"fasilitas", 0, "facilities"},
	{"makalah", 0, "publication"}, {"menerbitkan", 0, "publication"},
	{"artikel ilmiah", 0, "publication"}, {"seni budaya", 0, "culture"},
	{"pertukaran tenaga pendidik", 0, "teacher_exchange"},
	{"guru bertukar", 0, "teacher_exchange"},
	{"dosen bertukar", 0, "staff_exchange"},
	{"pertukaran staf", 0, "staff_exchange"},
	{"pertukaran pegawai", 0, "staff_exchange"},
	{"pertukaran tenaga kependidikan", 0, "staff_exchange"},
	{"magang", 0, "internship"}, {"pemagangan", 0, "internship"},
	{"praktik kerja lapangan", 0, "internship"},
	{"praktek kerja lapangan", 0, "internship"},
	{"praktik kerja industri", 0, "internship"},
	{"praktek kerja industri", 0, "internship"},
	{"prakerin", 0, "internship"}, {"pkl", 0, "internship"},
	{"penelitian terapan", 0, "applied_research"},
	{"riset terapan", 0, "applied_research"},
	{"penelitian", 0, "research"}, {"riset", 0, "research"},
	{"kurikulum", 0, "curriculum"},
	{"pelatihan", 0, "training"}, {"diklat", 0, "training"},
	{"peningkatan kompetensi", 0, "training"},
	{"pengembangan profesional", 0, "training"},
	{"bimbingan teknis", 0, "training"}, {"bimtek", 0, "training"},
	{"pembelajaran daring", 0, "e_learning"},
	{"pembelajaran jarak jauh", 0, "e_learning"},
	{"kelas daring", 0, "e_learning"}, {"kuliah daring", 0, "e_learning"},
	{"bahasa inggris", 0, "language"}, {"berbahasa inggris", 0, "language"},
	{"bahasa asing", 0, "language"}, {"kemampuan berbahasa", 0, "language"},
	{"bahasa indonesia", 0, "language"}, {"bahasa jepang", 0, "language"},
	{"bahasa mandarin", 0, "language"}, {"bahasa arab", 0, "language"},
	{"budaya", 0, "culture"}, {"kebudayaan", 0, "culture"},
	{"kultur", 0, "culture"}, {"pertukaran budaya", 0, "culture"},
	{"beasiswa", 0, "scholarship"},
	{"studi banding", 0, "benchmarking"}, {"penandaarasan", 0, "benchmarking"},
	{"imersi", 0, "immersion"}, {"immersi", 0, "immersion"},
	{"gelar ganda", 0, "joint_degree"}, {"gelar bersama", 0, "joint_degree"},
	{"program ganda", 0, "joint_degree"},
	{"pengabdian masyarakat", 0, "community_service"},
	{"pengabdian kepada masyarakat", 0, "community_service"},
	{"pengabdian pada masyarakat", 0, "community_service"},
	{"penyaluran lulusan", 0, "job_placement"},
	{"penempatan kerja", 0, "job_placement"},
	{"penyerapan lulusan", 0, "job_placement"},
	{"rekrutmen lulusan", 0, "job_placement"},
	{"bursa kerja", 0, "job_placement"},
	{"pendampingan", 0, "mentoring"}, {"pembinaan", 0, "mentoring"},
	{"bimbingan", 0, "mentoring"},
	{"penjaminan mutu", 0, "quality_assurance"},
	{"akreditasi", 0, "quality_assurance"},
	{"sarana dan prasarana", 0, "facilities"}, {"sarana prasarana", 0, "facilities"},
	{"penggunaan fasilitas", 0, "facilities"}, {"pemanfaatan fasilitas", 0, "facilities"},
	{"laboratorium bersama", 0, "facilities"},
	{"pemanfaatan laboratorium", 0, "facilities"},
	{"penggunaan laboratorium", 0, "facilities"},
	{"pemanfaatan lahan", 0, "facilities"}, {"penggunaan lahan", 0, "facilities"},
	{"penggunaan peralatan", 0, "facilities"}, {"pemanfaatan peralatan", 0, "facilities"},
	{"lulusan direkrut", 0, "job_placement"}, {"penyaluran kerja", 0, "job_placement"},
	{"merekrut alumni", 0, "job_placement"}, {"penyaluran tenaga kerja", 0, "job_placement"},
	{"kursus bahasa", 0, "language"}, {"bahasa turki", 0, "language"},
	{"bahasa jerman", 0, "language"}, {"bahasa korea", 0, "language"},
	{"bahasa belanda", 0, "language"}, {"bahasa prancis", 0, "language"},
	{"pengiriman instruktur", 0, "staff_exchange"},
	{"pengiriman tenaga ahli", 0, "staff_exchange"},
	{"penyusunan kurikulum", 0, "curriculum"}, {"penyelarasan kurikulum", 0, "curriculum"},
	{"kursus singkat", 0, "training"}, {"pelatihan singkat", 0, "training"},
	{"coaching", 0, "mentoring"},
	{"publikasi", 0, "publication"}, {"jurnal ilmiah", 0, "publication"},
	/* more phrasings: researchers, studies, grants of equipment, hiring, language classes, guest lecturers */
	{"kajian", 0, "research"}, {"peneliti", 0, "research"},
	{"riset bersama", 0, "research"}, {"membimbing", 0, "mentoring"},
	{"mentor", 0, "mentoring"}, {"hibah peralatan", 0, "facilities"},
	{"hibah mesin", 0, "facilities"}, {"berbagi fasilitas", 0, "facilities"},
	{"sarana", 0, "facilities"},
	{"menyerap lulusan", 0, "job_placement"},
	{"lowongan kerja", 0, "job_placement"},
	{"penyerapan tenaga kerja", 0, "job_placement"},
	{"direkrut", 0, "job_placement"}, {"kelas bahasa", 0, "language"},
	{"pelatihan bahasa", 0, "language"}, {"pembelajaran bahasa", 0, "language"},
	{"belajar bahasa", 0, "language"}, {"pengiriman dosen", 0, "staff_exchange"},
	{"dosen tamu", 0, "staff_exchange"}, {"pengabdian", 0, "community_service"},
	{"pemberdayaan masyarakat", 0, "community_service"},
	{"praktik industri", 0, "internship"}, {"praktek industri", 0, "internship"},
	{"kerja praktik", 0, "internship"}, {"kerja praktek", 0, "internship"},
	{"peningkatan kapasitas", 0, "training"},
	{"sertifikasi kompetensi", 0, "training"}, {"lokakarya", 0, "training"},
	{"sekolah ganda", 0, "joint_degree"},
	/* issue 13: clerkships and field placements, personnel exchange */
	{"koas", 0, "internship"}, {"ko-as", 0, "internship"}, {"coass", 0, "internship"},
	{"klinik senior", 0, "internship"}, {"kepaniteraan klinik", 0, "internship"},
	{"ppl", 0, "internship"}, {"kkl", 0, "internship"},
	{"kuliah kerja lapangan", 0, "internship"},
	{"pertukaran personel", 0, "staff_exchange"}, {"pertukaran personil", 0, "staff_exchange"},
	{"pembebasan biaya kuliah", 0, "scholarship"}, {"bebas biaya kuliah", 0, "scholarship"},
	{"kuliah gratis", 0, "scholarship"}, {"perkuliahan gratis", 0, "scholarship"},
	{"fasilitas perkuliahan gratis", 0, "scholarship"}, {"gratis biaya kuliah", 0, "scholarship"},
	{NULL}
};

static const struct lex_entry event[] = {
	{"pertukaran", 0, "exchange"}, {"bertukar", 0, "exchange"},
	{"magang", 0, "internship"}, {"pkl", 0, "internship"},
	{"praktik kerja", 0, "internship"}, {"prakerin", 0, "internship"},
	{"pelatihan", 0, "training"}, {"diklat", 0, "training"},
	{"lokakarya", 0, "training"}, {"kunjungan", 0, "visit"},
	{"berkunjung", 0, "visit"}, {"mengunjungi", 0, "visit"},
	{"evaluasi", 0, "review"}, {"peninjauan", 0, "review"},
	{"mobilitas", 0, "exchange"}, {"imersi", 0, "exchange"},
	{NULL}
};

/* Weight 2: rarely used by the other two languages. */
static const struct lex_entry func[] = {
	{"yang", 1}, {"dan", 1}, {"dengan", 1}, {"tersebut", 1}, {"adalah", 2},
	{"bahwa", 2}, {"tidak", 1}, {"karena", 2}, {"bisa", 2}, {"sudah", 2},
	{"kemarin", 2}, {"senin", 2}, {"kamis", 2}, {"jumat", 2}, {"jum'at", 2},
	{"sabtu", 2}, {"universitas", 2}, {"kesepahaman", 2}, {"saat", 1},
	{"mengatakan", 1}, {"ujarnya", 2}, {"katanya", 1}, {"melalui", 1},
	{"pihak", 1}, {"serta", 1}, {"kerja sama", 1}, {"sekolah", 1},
	{"siswa", 2}, {"pemerintah", 1}, {"kota", 1}, {"juga", 1}, {"ini", 1},
	{"agar", 2}, {"namun", 1}, {"pekan", 2}, {"para", 1}, {"bagi", 1},
	{"maret", 2}, {"juni", 2}, {"juli", 2}, {"agustus", 3}, {"desember", 2},
	{"nopember", 2}, {"pebruari", 2}, {"perusahaan", 3}, {"mahasiswa", 1},
	{"kabupaten", 2}, {"pemkot", 3}, {"pemkab", 3}, {"pemprov", 3},
	{"ujar", 2}, {"jelasnya", 2}, {"tuturnya", 3}, {"ungkapnya", 3},
	{"nantinya", 3}, {"dimulai", 2}, {"dosen", 2}, {"kata dia", 2},
	{NULL}
};

static const struct lex_entry role[] = {
	{"kepala sekolah"}, {"kepala"},
	{"wakil kepala sekolah"}, {"wakil kepala"}, {"rektor"}, {"wakil rektor"},
	{"direktur utama"}, {"direktur"}, {"wakil direktur"}, {"dekan"},
	{"wakil dekan"}, {"ketua"}, {"ketua umum"}, {"wakil ketua"},
	{"wali kota", 0, "Kota"}, {"walikota", 0, "Kota"},
	{"wakil wali kota", 0, "Kota"}, {"wakil walikota", 0, "Kota"},
	{"bupati", 0, "Kabupaten"}, {"wakil bupati", 0, "Kabupaten"},
	{"gubernur", 0, "Provinsi"}, {"wakil gubernur", 0, "Provinsi"},
	{"sekretaris daerah"}, {"sekda"}, {"sekretaris"}, {"menteri"},
	{"pimpinan"}, {"pemimpin"}, {"kadis"}, {"kadisdik"}, {"camat"},
	{"presiden direktur"}, {"manajer"}, {"general manager"}, {"kepala kantor"},
	{"koordinator"}, {"plt kepala"}, {"pj wali kota", 0, "Kota"},
	{"pj bupati", 0, "Kabupaten"}, {"pj gubernur", 0, "Provinsi"},
	{"pengasuh"}, {"kepala cabang dinas"}, {"direktur eksekutif"},
	{"wakil presiden"}, {"presiden"}, {"pelaksana tugas"}, {"plt"},
	/* ministries and police */
	{"direktur jenderal"}, {"dirjen"}, {"menteri koordinator"}, {"menko"},
	{"kapolda"}, {"wakapolda"}, {"kapolres"}, {"kapolri"},
	/* village heads: their village's government (gov_inst) */
	{"kepala desa", 0, "Desa"}, {"kades", 0, "Desa"}, {"perbekel", 0, "Desa"},
	{NULL}
};

static const struct lex_entry title[] = {
	{"bapak"}, {"ibu"}, {"pak"}, {"bu"}, {"sdr"}, {"saudara"}, {"drs"},
	{"dra"}, {"drg"}, {"kh"}, {"ustadz"}, {"ustaz"}, {"apt"},
	/* veterinary doctor; police ranks */
	{"drh"}, {"irjen"}, {"brigjen"}, {"kombes"}, {"akbp"}, {"kompol"}, {NULL}
};

static const struct lex_entry venue[] = {
	{"kampus"}, {"gedung"}, {"aula"}, {"ruang"}, {"ruangan"}, {"kantor"},
	{"balai kota", 1}, {"balaikota", 1}, {"pendopo", 1}, {"rumah dinas", 1},
	{"hotel"}, {"auditorium"}, {"gedung negara", 1}, {"balai senat"},
	{"balai sidang"}, {"balairung"}, {"graha"}, {"wisma"}, {"pendapa", 1}, {"menara"},
	{"kompleks"}, {"rektorat"}, {NULL}
};

static const struct lex_entry clutter[] = {
	{"baca juga"}, {"baca:"}, {"simak juga"}, {"lihat juga"}, {"editor:"},
	{"editor :"}, {"pewarta:"}, {"pewarta :"}, {"penulis:"}, {"penulis :"},
	{"reporter:"}, {"reporter :"}, {"sumber:"}, {"sumber :"}, {"beri komentar"},
	{"komentar"}, {"tanggapan"}, {"balasan"}, {"bagikan"}, {"diterbitkan :"},
	{"diterbitkan:"}, {"kategori :"}, {"kategori:"}, {"ikuti kami"},
	{"ikuti berita"}, {"dapatkan update"}, {"tag:"}, {"tags:"}, {"iklan"},
	{"gulir ke bawah"}, {"artikel terkait"}, {"berita terkait"}, {"foto:"},
	{NULL}
};

static const struct lex_entry stop[] = {
	{"dan"}, {"dengan"}, {"bersama"}, {"serta"}, {"antara"}, {"melalui"}, {"oleh"},
	{"sedangkan"}, {"sementara"},
	{"untuk"}, {"di"}, {"ke"}, {"dari"}, {"pada"}, {"dalam"}, {"yang"},
	{"menandatangani"}, {"tandatangani"}, {"teken"}, {"jalin"}, {"gandeng"},
	{"menggandeng"}, {"jalin kerja sama"}, {"sepakat"}, {"kerja sama"},
	{"kerjasama"}, {"mou"}, {"pks"}, {"resmi"}, {"senin"}, {"selasa"},
	{"rabu"}, {"kamis"}, {"jumat"}, {"jum'at"}, {"sabtu"}, {NULL}
};

static const struct lex_entry exchangee[] = {
	{"siswa", 0, "student_exchange"}, {"pelajar", 0, "student_exchange"},
	{"mahasiswa", 0, "student_exchange"}, {"peserta didik", 0, "student_exchange"},
	{"guru", 0, "teacher_exchange"}, {"dosen", 0, "staff_exchange"},
	{"pengajar", 0, "teacher_exchange"}, {"tenaga pendidik", 0, "teacher_exchange"},
	{"staf", 0, "staff_exchange"}, {"pegawai", 0, "staff_exchange"},
	{"karyawan", 0, "staff_exchange"}, {"tenaga kependidikan", 0, "staff_exchange"},
	{NULL}
};

/* ---- party stage -------------------------------------------------------- */

static const struct lex_entry eventname[] = {
	{"temu"}, {"reuni"}, {"seminar"}, {"webinar"}, {"lokakarya"}, {"konferensi"},
	{"kongres"}, {"simposium"}, {"festival"}, {"pameran"}, {"rapat"}, {"musyawarah"},
	{"peringatan"}, {"pelantikan"}, {"wisuda"}, {"dies natalis"}, {"upacara"},
	{"lomba"}, {NULL}
};

static const struct lex_entry namejoin[] = {
	{"kampus", 1}, {NULL}
};

/* val 1: ends the name of any head ("Universitas X Lantai VI"). */
static const struct lex_entry namecut[] = {
	{"bidang"}, {"lantai", 1}, {NULL}
};

static const struct lex_entry group[] = {
	{"institusi"}, {"instansi"}, {"lembaga"}, {"organisasi"}, {"perguruan tinggi"},
	{"kampus"}, {"universitas"}, {"perusahaan"}, {"sekolah"}, {"madrasah"},
	{"mitra"}, {"pihak"}, {"industri"}, {"rumah sakit"}, {"pemerintah daerah"},
	{"dinas"}, {"bank"}, {"smk"}, {"pt"}, {NULL}
};

static const struct lex_entry listcue[] = {
	{"yaitu"}, {"yakni"}, {"adalah"}, {"ialah"}, {"antara lain"}, {"meliputi"},
	{"diantaranya"}, {"di antaranya"},
	/* val 1: a list of members, not of signers */
	{"terdiri dari", 1}, {"terdiri atas", 1}, {"beranggotakan", 1}, {"anggota", 1}, {NULL}
};

static const struct lex_entry aliascue[] = { {"atau"}, {NULL} };
static const struct lex_entry through[] = { {"melalui"}, {NULL} };
static const struct lex_entry pairword[] = {
	{"antara", 1}, {"dengan"}, {"dan"}, {"serta"}, {"bersama"}, {NULL}
};

static const struct lex_entry involved[] = { {"terlibat"}, {NULL} };

/* ---- location stage ------------------------------------------------------- */

static const struct lex_entry at_word[] = { {"di"}, {NULL} };
static const struct lex_entry ceremony[] = {
	{"penandatanganan"}, {"acara"}, {"upacara"}, {"seremoni"}, {"prosesi"}, {NULL}
};
static const struct lex_entry here[] = { {"di sini"}, {NULL} };

/* Provinces by their usual short forms: "Polda Maluku Utara" is "Polda
 * Malut". */
static const struct lex_entry placeabbr[] = {
	{"maluku utara", 0, "Malut"}, {"nusa tenggara timur", 0, "NTT"},
	{"nusa tenggara barat", 0, "NTB"}, {"jawa tengah", 0, "Jateng"},
	{"jawa timur", 0, "Jatim"}, {"jawa barat", 0, "Jabar"},
	{"kalimantan timur", 0, "Kaltim"}, {"kalimantan selatan", 0, "Kalsel"},
	{"kalimantan barat", 0, "Kalbar"}, {"kalimantan tengah", 0, "Kalteng"},
	{"kalimantan utara", 0, "Kaltara"}, {"sumatera utara", 0, "Sumut"},
	{"sumatera selatan", 0, "Sumsel"}, {"sumatera barat", 0, "Sumbar"},
	{"sulawesi selatan", 0, "Sulsel"}, {"sulawesi utara", 0, "Sulut"},
	{"sulawesi tengah", 0, "Sulteng"}, {"sulawesi tenggara", 0, "Sultra"},
	{"sulawesi barat", 0, "Sulbar"}, {"kepulauan riau", 0, "Kepri"},
	{"bangka belitung", 0, "Babel"}, {"daerah istimewa yogyakarta", 0, "DIY"},
	{NULL}
};

/* ---- signatories ---- */

/* Capitalised words of portfolios and units after a role ("Wakil Rektor
 * Bidang Kemahasiswaan", "Menteri Desa dan Pembangunan Daerah
 * Tertinggal"): never part of a person's name. */
static const struct lex_entry notname[] = {
	{"akademik"}, {"alumni"}, {"bidang"}, {"bisnis"}, {"daerah"}, {"desa"},
	{"hubungan"}, {"humas"}, {"inovasi"}, {"internasional"},
	{"internasionalisasi"}, {"jenderal"}, {"kebudayaan"},
	{"kelembagaan"}, {"kemahasiswaan"}, {"kemitraan"}, {"kepegawaian"},
	{"kewirausahaan"},
	{"kerja sama"}, {"kerjasama"}, {"keuangan"}, {"manusia"},
	{"masyarakat"}, {"pembangunan"}, {"pemberdayaan"}, {"pendidikan"},
	{"penelitian"}, {"pengabdian"}, {"pengelolaan"}, {"perencanaan"},
	{"pascasarjana"}, {"studi"}, {"sumber daya"}, {"tertinggal"}, {"umum"},
	{"urusan"}, {NULL}
};

static const struct lex_entry title_next[] = {
	{"seri"}, {"sri"}, {"pol"}, {NULL}
};

static const struct lex_entry speaker[] = {
	{"menurut"}, {"kata"}, {"ujar"}, {"ungkap"}, {"jelas"}, {"tutur"},
	{"dinyatakan"}, {"disampaikan"}, {"dikatakan"}, {"diungkapkan"},
	{"dijelaskan"}, {"sambutan"}, {NULL}
};

static const struct lex_entry aftersign[] = {
	{"usai"}, {"seusai"}, {"setelah"}, {"sesudah"}, {"sebelum"},
	{"selesai"}, {NULL}
};

static const struct lex_entry as[] = {
	{"selaku"}, {"sebagai"}, {NULL}
};

static const struct lex_entry join[] = {
	{"dan"}, {"serta"}, {NULL}
};

static const struct lex_entry says[] = {
	{"mengatakan"}, {"menyampaikan"}, {"menjelaskan"}, {"mengungkapkan"},
	{"menegaskan"}, {"menambahkan"}, {"mendukung"}, {"berharap"},
	{"menyatakan"}, {"menuturkan"}, {NULL}
};

static const struct lex_entry self[] = {
	{"beliau"}, {"dia"}, {"saya"}, {"kami"}, {"pihaknya"}, {NULL}
};

static const struct lex_entry clause[] = {
	{"sedangkan"}, {"sementara"}, {NULL}
};

const struct lexicon lexicon_id = {
	"id",
	{
		[LEX_SIGN] = sign, [LEX_PLAN] = plan, [LEX_CANCEL] = cancel,
		[LEX_PAST] = past, [LEX_WITNESS] = witness, [LEX_TYPE] = type,
		[LEX_RENEW] = renew, [LEX_MONTH] = month, [LEX_WEEKDAY] = weekday,
		[LEX_RELDAY] = relday, [LEX_NUMBER] = number, [LEX_UNIT] = unit,
		[LEX_SEUNIT] = seunit, [LEX_VALID] = valid, [LEX_END] = end_cue,
		[LEX_START] = start_cue, [LEX_PROGRAM] = program, [LEX_EVENT] = event,
		[LEX_FUNC] = func, [LEX_ROLE] = role, [LEX_TITLE] = title,
		[LEX_VENUE] = venue, [LEX_CLUTTER] = clutter, [LEX_STOP] = stop, [LEX_EXCHANGEE] = exchangee,
		[LEX_FUTURE] = future, [LEX_ONLINE] = online, [LEX_NEGATE] = negate, [LEX_NOTNEG] = notneg, [LEX_DENY] = deny, [LEX_REPRESENT] = represent, [LEX_ROOT] = root, [LEX_SCHEDULE] = schedule, [LEX_AT_TIME] = at_time, [LEX_DONE] = done,
		/* party stage */
		[LEX_EVENTNAME] = eventname, [LEX_NAMEJOIN] = namejoin, [LEX_NAMECUT] = namecut, [LEX_GROUP] = group,
		[LEX_LISTCUE] = listcue, [LEX_ALIASCUE] = aliascue, [LEX_THROUGH] = through, [LEX_PAIRWORD] = pairword, [LEX_PLACEABBR] = placeabbr,
		[LEX_NOTCOOP] = notcoop,
		/* date stage */
		[LEX_PROGNOUN] = prognoun,
		[LEX_OCCASION] = occasion, [LEX_HELD] = held, [LEX_RECENT] = recent,
		[LEX_INVOLVED] = involved,
		/* location stage */
		[LEX_AT] = at_word, [LEX_CEREMONY] = ceremony, [LEX_HERE] = here,
		/* signatories */
		[LEX_NOTNAME] = notname, [LEX_TITLE_NEXT] = title_next, [LEX_SPEAKER] = speaker, [LEX_AFTERSIGN] = aftersign, [LEX_AS] = as, [LEX_JOIN] = join, [LEX_CLAUSE] = clause, [LEX_SAYS] = says, [LEX_SELF] = self,
	},
};
