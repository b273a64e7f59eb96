/* lexicon_en.c: English word tables of the extractor. */
#include "extract_int.h"

static const struct lex_entry sign[] = {
	{"signed"}, {"signing"}, {"signs"}, {"inked"}, {"inks"}, {"sealed"},
	{"entered into"}, {"formalised"}, {"formalized"}, {"sign"},
	{"put their names to"}, {"put their signatures to"}, {"affixed their signatures"},
	{"signatories were"}, {"countersigned"}, /* exchange ceremonies */
	{"exchanged memorand*"}, {"exchanged the memorand*"}, {"exchanged mou*"},
	{"exchanged the mou*"}, {"exchanged the agreement*"}, {"exchanged agreement*"},
	{"exchanged the document*"}, {"exchanged document*"}, {"exchange of document*"},
	{"exchange of the memorand*"}, {"exchange of memorand*"}, {"exchange of mou*"},
	{"exchange of the mou*"}, {"exchanged copies"}, {"exchanged signed"},
	{"exchanged a memorand*"}, {"exchanged an agreement"}, {"exchanged a mou*"},
	{NULL}
};

/* Schedules of a signing in its clause; val 1 needs a time after it. */
static const struct lex_entry schedule[] = {
	{"is set to"}, {"are set to"}, {"was set to"}, {"will take place", 1},
	{"will be held", 1}, {"to be held", 1}, {"prepare for"}, {"preparing for"},
	{"prepares for"}, {"is scheduled"}, {"are scheduled"}, {"scheduled for"},
	{NULL}
};

static const struct lex_entry at_time[] = {
	{"on"}, {"at"}, {"today"}, {"tomorrow"}, {"next"}, {NULL}
};

/* Perfect markers: the signing is told as done. */
static const struct lex_entry done[] = {
	{"has"}, {"have"}, {"had"}, {"yesterday"}, {"after"}, {NULL}
};

/* Dates of the occasion, the ceremony, or none on purpose (extract_when.c). */
static const struct lex_entry occasion[] = {
	{"same event"}, {"same occasion"}, {"same ceremony"}, {"sidelines"},
	{"opening ceremony"}, {"at the event"}, {"during the event"},
	{"on the occasion"}, {NULL}
};

static const struct lex_entry held[] = {
	{"took place", HELD_WHEN}, {"was held", HELD_WHEN}, {"held on", HELD_WHEN},
	{"held", HELD_BEFORE_AT | HELD_WHERE}, {"place", HELD_BEFORE_AT | HELD_WHERE},
	{"hosted", HELD_WHERE}, {NULL}
};

static const struct lex_entry recent[] = {
	{"recently"}, {"earlier this month"}, {NULL}
};

/* Programmes whose own length is not the agreement's (extract_when.c). */
static const struct lex_entry prognoun[] = {
	{"programme"}, {"program"}, {"fellowship"}, {"attachment"}, {"course"},
	{"courses"}, {"internship"}, {"residency"}, {"scholarship"}, {"training"},
	{NULL}
};

static const struct lex_entry plan[] = {/* val 1: a condition, not a plan */
	{"will"}, {"plans"}, {"plan"}, {"planned"}, {"planning"}, {"intends"},
	{"scheduled"}, {"to sign"}, {"is set to"}, {"are set to"}, {"expected to"},
	{"would"}, {"proposed"}, {"upcoming"}, {"exploring"}, {"once", 1},
	{"if", 1}, {"to be"}, {"ahead of"}, {"expects to"}, {"hopes to"},
	{"aims to"}, {"to renew"}, {"to extend"}, {"in talks"}, {"talks on"},
	{"talks to"}, {"negotiating"}, {"discussing"}, {"considering"}, /* hopes */
	{"hope to"}, {"hoping to"}, {"look forward to"}, {"looking forward to"},
	{NULL}
};

static const struct lex_entry cancel[] = {
	{"cancelled"}, {"canceled"}, {"cancels"}, {"terminated"}, {"terminates"},
	{"revoked"}, {"scrapped"}, {"withdrew"}, {"called off"}, {"postponed"},
	{"postpones"}, {"postponement"}, {"delayed"}, {"put off"}, {"deferred"},
	{"suspended"}, {"nullified"}, {"annulled"}, {"invalidated"}, {"rescinded"},
	{"null and void"}, {"nullifies"}, {"nullify"}, {"annuls"}, {"annul"}, {"voided"},
	{NULL}
};

static const struct lex_entry negate[] = {
	{"no"}, {"not"}, {"never"}, {"nor"}, {"neither"}, {"without"},
	{"hasn't"}, {"haven't"}, {"wasn't"}, {"weren't"}, {"didn't"}, {NULL}
};

static const struct lex_entry notneg[] = {
	{"not only"}, {"no later than"}, {"no sooner"}, {"not just"}, {NULL}
};

static const struct lex_entry deny[] = {
	{"denied"}, {"denies"}, {"deny"}, {"denial"}, {"hoax"}, {"untrue"},
	{"not true"}, {"fake news"}, {"false report*"}, {"false claim*"},
	{"rumour*"}, {"rumor*"}, {NULL}
};

static const struct lex_entry online[] = {
	{"virtually"}, {"online"}, {"via video conference"}, {"via zoom"}, {NULL}
};

static const struct lex_entry represent[] = {
	{"on behalf of", REP_BEFORE}, {"representing", REP_BEFORE},
	{"represented by", REP_AFTER}, {"was represented by", REP_AFTER},
	{"were represented by", REP_AFTER}, {"was represented"}, {"were represented"},
	{"as the signatories"}, {"as signatories"}, {"as the signatory"}, {NULL}
};

static const struct lex_entry future[] = {
	{"next week"}, {"next month"}, {"next year"}, {"later this"},
	{"in the coming"}, {"soon"}, {"is scheduled"}, {"is planned"},
	{"is expected"}, {NULL}
};

static const struct lex_entry past[] = {
	{"previously"}, {"had signed"}, {"earlier signed"}, {"years ago"},
	{"last year"}, {"in the past"}, /* counts so far */
	{"so far"}, {"to date"}, {"thus far"},
	{NULL}
};

static const struct lex_entry witness[] = {
	{"witnessed"}, {"in the presence of"}, {"attended by"}, {"were present"},
	{"was present"}, {NULL}
};

static const struct lex_entry type[] = {
	{"memorandum of understanding", AGR_MOU}, {"memoranda of understanding", AGR_MOU},
	{"mou", AGR_MOU},
	{"memorandum of agreement", AGR_MOA}, {"moa", AGR_MOA},
	{"letter of intent", AGR_LOI}, {"loi", AGR_LOI},
	{"cooperation agreement", AGR_AGREEMENT}, {"agreement", AGR_AGREEMENT},
	{"partnership agreement", AGR_AGREEMENT}, {NULL}
};

static const struct lex_entry renew[] = {/* val 1: a verb that reports the renewing itself */
	{"renew", 1}, {"renewed", 1}, {"renewal"}, {"renews", 1}, {"extended", 1},
	{"extends", 1}, {"extension"}, {NULL}
};

static const struct lex_entry month[] = {
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
	{"june", 6}, {"july", 7}, {"august", 8}, {"september", 9},
	{"october", 10}, {"november", 11}, {"december", 12}, {"aug", 8},
	{"oct", 10}, {"dec", 12}, {NULL}
};

static const struct lex_entry weekday[] = {
	{"monday", 0}, {"tuesday", 1}, {"wednesday", 2}, {"thursday", 3},
	{"friday", 4}, {"saturday", 5}, {"sunday", 6}, {NULL}
};

static const struct lex_entry relday[] = {
	{"yesterday", 1}, {"today", 0}, {"last week", 7},
	{"last month", 30, "month"},
	{"next month", -30, "month"}, {NULL}
};

static const struct lex_entry number[] = {
	{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
	{"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10},
	{"eleven", 11}, {"twelve", 12}, {"fifteen", 15}, {"twenty", 20}, {NULL}
};

static const struct lex_entry unit[] = {
	{"year", 'Y'}, {"years", 'Y'}, {"month", 'M'}, {"months", 'M'},
	{"week", 'W'}, {"weeks", 'W'}, {"day", 'D'}, {"days", 'D'},
	{"year-long", 'Y'}, {NULL}
};

static const struct lex_entry valid[] = {
	{"valid"}, {"effective"}, {"runs"}, {"run for"}, {"period of"},
	{"term of"}, {"duration"}, {"in force"}, {"lasts"}, {"renewed for"},
	{"extended for"}, {"extended until"}, {"extended to"}, {NULL}
};

static const struct lex_entry end_cue[] = {
	{"until"}, {"till"}, {"through"}, {"expires"}, {"expiring"}, {"ends"},
	{NULL}
};

static const struct lex_entry start_cue[] = {
	{"from"}, {"starting"}, {"beginning"}, {"since"}, {"starts"}, {NULL}
};

static const struct lex_entry program[] = {
	{"student exchange", 0, "student_exchange"},
	{"students exchange", 0, "student_exchange"},
	{"exchange of students", 0, "student_exchange"},
	{"teacher exchange", 0, "teacher_exchange"},
	{"faculty exchange", 0, "staff_exchange"},
	{"lecturer exchange", 0, "staff_exchange"},
	{"staff exchanges", 0, "staff_exchange"}, {"student mobility", 0, "student_exchange"},
	{"interns", 0, "internship"}, {"dual master*", 0, "joint_degree"},
	{"community engagement", 0, "community_service"},
	{"community outreach", 0, "community_service"},
	{"community programmes", 0, "community_service"},
	{"community programs", 0, "community_service"},
	{"joint papers", 0, "publication"}, {"shared laboratories", 0, "facilities"},
	{"shared facilities", 0, "facilities"}, {"graduate employment", 0, "job_placement"},
	{"staff exchange", 0, "staff_exchange"},
	{"internship", 0, "internship"}, {"internships", 0, "internship"},
	{"applied research", 0, "applied_research"},
	{"research", 0, "research"}, {"curriculum", 0, "curriculum"},
	{"training", 0, "training"}, {"e-learning", 0, "e_learning"},
	{"online learning", 0, "e_learning"}, {"elearning", 0, "e_learning"},
	{"language", 0, "language"}, {"english proficiency", 0, "language"},
	{"culture", 0, "culture"}, {"cultural", 0, "culture"},
	{"scholarship", 0, "scholarship"}, {"scholarships", 0, "scholarship"},
	{"benchmarking", 0, "benchmarking"}, {"immersion", 0, "immersion"},
	{"joint degree", 0, "joint_degree"}, {"double degree", 0, "joint_degree"},
	{"dual degree", 0, "joint_degree"},
	{"community service", 0, "community_service"},
	{"job placement", 0, "job_placement"}, {"recruitment", 0, "job_placement"},
	{"mentoring", 0, "mentoring"}, {"mentorship", 0, "mentoring"},
	{"quality assurance", 0, "quality_assurance"},
	{"accreditation", 0, "quality_assurance"},
	{"facilities", 0, "facilities"}, {"publication", 0, "publication"},
	{"publications", 0, "publication"}, {"joint publication", 0, "publication"},
	{"use of laboratories", 0, "facilities"}, {"use of laboratory", 0, "facilities"},
	{"use of facilities", 0, "facilities"}, {"use of equipment", 0, "facilities"},
	{"use of land", 0, "facilities"}, {"offered jobs", 0, "job_placement"},
	{"job offers", 0, "job_placement"}, {"hire graduates", 0, "job_placement"},
	{"hiring graduates", 0, "job_placement"}, {"recruit graduates", 0, "job_placement"},
	{"language courses", 0, "language"}, {"language course", 0, "language"},
	{"language classes", 0, "language"}, {"secondment", 0, "staff_exchange"},
	{"secondments", 0, "staff_exchange"}, {"short courses", 0, "training"},
	{"short course", 0, "training"}, {"coaching", 0, "mentoring"},
	/* more phrasings: apprenticeships, placements, hiring, visiting staff, labs, twinning */
	{"researchers", 0, "research"}, {"research collaboration", 0, "research"},
	{"mentor", 0, "mentoring"}, {"mentors", 0, "mentoring"},
	{"apprenticeship", 0, "internship"}, {"apprenticeships", 0, "internship"},
	{"apprentices", 0, "internship"}, {"industrial attachment", 0, "internship"},
	{"industrial training", 0, "internship"}, {"work placement", 0, "internship"},
	{"work placements", 0, "internship"}, {"clinical placement", 0, "internship"},
	{"clinical placements", 0, "internship"}, {"practicum", 0, "internship"},
	{"employment opportunities", 0, "job_placement"},
	{"job opportunities", 0, "job_placement"},
	{"employ graduates", 0, "job_placement"},
	{"absorb graduates", 0, "job_placement"},
	{"staff mobility", 0, "staff_exchange"},
	{"visiting lecturers", 0, "staff_exchange"},
	{"visiting professors", 0, "staff_exchange"},
	{"guest lecturers", 0, "staff_exchange"}, {"laboratory", 0, "facilities"},
	{"laboratories", 0, "facilities"}, {"lab facilities", 0, "facilities"},
	{"equipment", 0, "facilities"}, {"curricula", 0, "curriculum"},
	{"syllabus", 0, "curriculum"}, {"course development", 0, "curriculum"},
	{"english language", 0, "language"}, {"language training", 0, "language"},
	{"mandarin classes", 0, "language"},
	{"community projects", 0, "community_service"},
	{"community development", 0, "community_service"},
	{"joint programme", 0, "joint_degree"},
	{"twinning programme", 0, "joint_degree"}, {"twinning", 0, "joint_degree"},
	{"online courses", 0, "e_learning"}, {"mooc", 0, "e_learning"},
	{"moocs", 0, "e_learning"}, {"blended learning", 0, "e_learning"},
	{"cultural exchange", 0, "culture"}, {"joint publications", 0, "publication"},
	{"upskilling", 0, "training"}, {"reskilling", 0, "training"},
	{"capacity building", 0, "training"},
	{"professional development", 0, "training"}, {"workshops", 0, "training"},
	/* issue 13: sponsorship, mobility, exchange lectures, R&D */
	{"sponsorship", 0, "scholarship"}, {"free tuition", 0, "scholarship"},
	{"tuition waiver", 0, "scholarship"}, {"tuition-free", 0, "scholarship"},
	{"student and academic mobility", 0, "student_exchange"},
	{"academic mobility", 0, "staff_exchange"}, {"exchange lectures", 0, "staff_exchange"},
	{"exchange lecture", 0, "staff_exchange"}, {"lecturers exchange", 0, "staff_exchange"},
	{"lecturer exchanges", 0, "staff_exchange"}, {"r & d", 0, "research"},
	{NULL}
};

static const struct lex_entry event[] = {
	{"exchange", 0, "exchange"}, {"exchanges", 0, "exchange"}, {"internship", 0, "internship"},
	{"training", 0, "training"}, {"workshop", 0, "training"},
	{"visit", 0, "visit"}, {"review", 0, "review"}, {"immersion", 0, "exchange"},
	{"mobility", 0, "exchange"}, {NULL}
};

static const struct lex_entry func[] = {
	{"the", 3}, {"and", 2}, {"of", 2}, {"to", 1}, {"with", 2}, {"is", 2},
	{"was", 2}, {"will", 2}, {"for", 2}, {"said", 2}, {"signed", 2},
	{"university", 2}, {"between", 2}, {"has", 2}, {"have", 2}, {"on", 1},
	{"a", 1}, {"an", 2}, {"this", 2}, {"its", 2}, {NULL}
};

static const struct lex_entry role[] = {
	{"vice-chancellor"}, {"vice chancellor"}, {"president"}, {"rector"},
	{"principal"}, {"headmaster"}, {"headmistress"}, {"director"},
	{"director general"}, {"dean"}, {"chairman"}, {"chairperson"},
	{"chief executive officer"}, {"ceo"}, {"head"}, {"mayor", 0, "Kota"},
	{"regent", 0, "Kabupaten"}, {"governor", 0, "Provinsi"}, {"minister"},
	{"managing director"}, {"secretary"}, {"chancellor"}, {"provost"},
	{"vice rector"}, {"vice-rector"}, {"deputy vice-chancellor"},
	{"deputy vice chancellor"}, {"vice-president"}, {"vice president"},
	{"president director"}, {"chief executive"}, {"executive director"},
	{"deputy director"}, {"general manager"}, {"deputy dean"},
	{"secretary-general"}, {"director-general"}, {"chief operating officer"},
	{"registrar"}, {"bursar"}, {NULL}
};

static const struct lex_entry title[] = {
	{"mr"}, {"mrs"}, {"ms"}, {"miss"}, {"sir"}, {"assoc"}, {"professor"},
	{"captain"}, {"capt"}, {"colonel"}, {"madam"}, {"mdm"},
	{NULL}
};

static const struct lex_entry venue[] = {
	{"campus"}, {"hall"}, {"building"}, {"office"}, {"room"}, {"auditorium"},
	{"hotel"}, {"complex"}, {"centre"}, {"center"}, {"tower"}, {"headquarters"}, {NULL}
};

static const struct lex_entry clutter[] = {
	{"read also"}, {"read more"}, {"also read"}, {"share this"}, {"share:"},
	{"copyright"}, {"all rights reserved"}, {"follow us"}, {"advertisement"},
	{"related:"}, {"related articles"}, {"comments"}, {"leave a comment"},
	{"leave a reply"}, {"empty comments"}, {"scroll to continue"},
	{"sign up"}, {"subscribe"}, {"\xc2\xa9"}, {NULL}
};

static const struct lex_entry stop[] = {
	{"and"}, {"with"}, {"between"}, {"signed"}, {"signs"}, {"inked"}, {"by"},
	{"while"}, {"whereas"},
	{"on"}, {"in"}, {"at"}, {"to"}, {"mou"}, {"monday"}, {"tuesday"},
	{"wednesday"}, {"thursday"}, {"friday"}, {"saturday"}, {"sunday"},
	{NULL}
};

static const struct lex_entry exchangee[] = {
	{"student", 0, "student_exchange"}, {"students", 0, "student_exchange"},
	{"teacher", 0, "teacher_exchange"}, {"teachers", 0, "teacher_exchange"},
	{"lecturer", 0, "staff_exchange"}, {"lecturers", 0, "staff_exchange"},
	{"faculty", 0, "staff_exchange"}, {"staff", 0, "staff_exchange"},
	{NULL}
};

/* ---- party stage -------------------------------------------------------- */

static const struct lex_entry eventname[] = {
	{"seminar"}, {"webinar"}, {"conference"}, {"congress"}, {"symposium"},
	{"festival"}, {"expo"}, {"summit"}, {"workshop"}, {"forum on"},
	{"convocation"}, {"ceremony"}, {NULL}
};

static const struct lex_entry namecut[] = {
	{"floor", 1}, {NULL}
};

static const struct lex_entry group[] = {
	{"institutions"}, {"companies"}, {"universities"}, {"organisations"},
	{"organizations"}, {"parties"}, {"partners"}, {"schools"}, {"colleges"},
	{"agencies"}, {"firms"}, {"hospitals"}, {"institutes"}, {NULL}
};

static const struct lex_entry listcue[] = {
	{"namely"}, {"include"}, {"includes"}, {"included"}, {"including"},
	{"are"}, {"were"},
	/* val 1: a list of members, not of signers */
	{"consisting of", 1}, {"comprising", 1}, {"members", 1}, {NULL}
};

static const struct lex_entry aliascue[] = { {"or"}, {"also known as"}, {NULL} };

/* Lower-case heads after a place ("The East Nusa Tenggara (NTT)
 * provincial government", "Kupang city government"). */
static const struct lex_entry govtail[] = {
	{"provincial government"}, {"regency government"}, {"city government"},
	{"state government"}, {"municipal government"}, {"district government"},
	{"regional government"}, {"provincial administration"}, {"city council"},
	{"municipal council"}, {"district council"}, {NULL}
};

/* Government heads written last ("Penang Island City Council"). */
static const struct lex_entry lasthead[] = {
	{"department"}, {"council"}, {"agency"}, {"authority"}, {"ministry"}, {"police"},
	{NULL}
};

static const struct lex_entry article[] = { {"the"}, {NULL} };
static const struct lex_entry involved[] = { {"involved"}, {NULL} };

/* ---- location stage ------------------------------------------------------- */

static const struct lex_entry at_word[] = { {"in"}, {"at", 1}, {NULL} };
static const struct lex_entry ceremony[] = {
	{"ceremony"}, {"signing"}, {"event"}, {NULL}
};
static const struct lex_entry here[] = { {"here"}, {NULL} };
static const struct lex_entry through[] = { {"through"}, {"via"}, {NULL} };
static const struct lex_entry pairword[] = {
	{"between", 1}, {"with"}, {"and"}, {NULL}
};

/* ---- signatories ---- */

/* Capitalised words of English portfolios ("Deputy Vice-Chancellor of
 * Research and Innovation", "Vice President of Market Exploration"). */
static const struct lex_entry notname[] = {
	{"academic"}, {"affairs"}, {"alumni"}, {"collaboration"},
	{"community"}, {"cooperation"}, {"corporate"}, {"development"},
	{"engagement"}, {"exploration"}, {"general"}, {"industry"},
	{"innovation"}, {"international"}, {"internationalisation"},
	{"internationalization"}, {"market"}, {"partnership"},
	{"partnerships"}, {"planning"}, {"relations"}, {"research"},
	{"strategic"}, {"student"}, {"students"}, {NULL}
};

static const struct lex_entry title_next[] = {
	{"emeritus"}, {"eng"}, {NULL}
};

static const struct lex_entry speaker[] = {
	{"according to"}, {"according to the"}, {"said"}, {"said the"}, {"says"},
	{"told"}, {"remarks"},
	{"speech"}, {NULL}
};

static const struct lex_entry aftersign[] = {
	{"after"}, {"following"}, {"before"}, {"ahead of"}, {NULL}
};

static const struct lex_entry as[] = {
	{"as"}, {NULL}
};

static const struct lex_entry join[] = {
	{"and"}, {"&"}, {NULL}
};

static const struct lex_entry says[] = {
	{"said"}, {"says"}, {"added"}, {"noted"}, {"explained"}, {"stated"},
	{NULL}
};

static const struct lex_entry self[] = {
	{"he"}, {"she"}, {"we"}, {"i"}, {NULL}
};

static const struct lex_entry clause[] = {
	{"while"}, {"whereas"}, {NULL}
};

static const struct lex_entry copula[] = {
	{"were"}, {"was"}, {NULL}
};

/* Between "the" and a role: "the district education head". */
static const struct lex_entry rolemod[] = {
	{"district"}, {"regional"}, {"state"}, {"municipal"}, {"education"},
	{"acting"}, {"village"}, {"national"}, {"county"}, {NULL}
};

const struct lexicon lexicon_en = {
	"en",
	{
		[LEX_SIGN] = sign, [LEX_PLAN] = plan, [LEX_CANCEL] = cancel,
		[LEX_PAST] = past, [LEX_WITNESS] = witness, [LEX_TYPE] = type,
		[LEX_RENEW] = renew, [LEX_MONTH] = month, [LEX_WEEKDAY] = weekday,
		[LEX_RELDAY] = relday, [LEX_NUMBER] = number, [LEX_UNIT] = unit,
		[LEX_VALID] = valid, [LEX_END] = end_cue, [LEX_START] = start_cue,
		[LEX_PROGRAM] = program, [LEX_EVENT] = event, [LEX_FUNC] = func,
		[LEX_ROLE] = role, [LEX_TITLE] = title, [LEX_VENUE] = venue,
		[LEX_CLUTTER] = clutter, [LEX_STOP] = stop, [LEX_EXCHANGEE] = exchangee,
		[LEX_FUTURE] = future, [LEX_ONLINE] = online, [LEX_NEGATE] = negate, [LEX_NOTNEG] = notneg, [LEX_DENY] = deny, [LEX_REPRESENT] = represent, [LEX_SCHEDULE] = schedule, [LEX_AT_TIME] = at_time, [LEX_DONE] = done,
		/* party stage */
		[LEX_EVENTNAME] = eventname, [LEX_NAMECUT] = namecut, [LEX_GROUP] = group,
		[LEX_LISTCUE] = listcue, [LEX_ALIASCUE] = aliascue, [LEX_THROUGH] = through, [LEX_PAIRWORD] = pairword,
		/* date stage */
		[LEX_PROGNOUN] = prognoun,
		[LEX_OCCASION] = occasion, [LEX_HELD] = held, [LEX_RECENT] = recent,
		[LEX_GOVTAIL] = govtail, [LEX_LASTHEAD] = lasthead, [LEX_ARTICLE] = article,
		[LEX_INVOLVED] = involved,
		/* location stage */
		[LEX_AT] = at_word, [LEX_CEREMONY] = ceremony, [LEX_HERE] = here,
		/* signatories */
		[LEX_NOTNAME] = notname, [LEX_TITLE_NEXT] = title_next, [LEX_SPEAKER] = speaker, [LEX_AFTERSIGN] = aftersign, [LEX_AS] = as, [LEX_JOIN] = join, [LEX_CLAUSE] = clause, [LEX_SAYS] = says, [LEX_SELF] = self, [LEX_COPULA] = copula, [LEX_ROLEMOD] = rolemod,
	},
};
