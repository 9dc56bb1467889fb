#include "loaders/nlp/cues.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace ng::nlp::cues {

namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& title_heads() {
  static const WordSet set{
      "President", "Vice-President", "Minister", "Secretary", "Secretary-General", "General",
      "Gen", "Governor", "Gov", "Senator", "Sen", "Representative", "Rep", "Congressman",
      "Congresswoman", "Chancellor", "Mayor", "King", "Queen", "Prince", "Princess", "Pope",
      "Emperor", "Empress", "Sheikh", "Sheik", "Emir", "Sultan", "Ayatollah", "Premier",
      "Lieutenant", "Lt", "Colonel", "Col", "Captain", "Capt", "Major", "Maj", "Sergeant", "Sgt",
      "Admiral", "Adm", "Marshal", "Commander", "Brigadier", "Corporal", "Private", "Judge",
      "Justice", "Ambassador", "Commissioner", "Chairman", "Chairwoman", "Chairperson", "Chair",
      "Director", "Director-General", "Chief", "CEO", "Spokesman", "Spokeswoman", "Spokesperson",
      "Envoy", "Prosecutor", "Attorney", "Inspector", "Detective", "Officer", "Superintendent",
      "Coach", "Bishop", "Archbishop", "Cardinal", "Patriarch", "Metropolitan", "Rabbi", "Imam",
      "Cleric", "Professor", "Prof", "Dr", "Mr", "Mrs", "Ms", "Miss", "Mme", "Sir", "Dame",
      "Lord", "Lady", "Baroness", "Baron", "Speaker", "Leader", "Head", "Deputy", "Undersecretary",
      "Under-Secretary", "Adviser", "Advisor", "Counsel", "Chieftain", "Rev", "Reverend",
      "Father", "Sister", "Brother", "Mufti", "Crown", "Dalai", "President-elect",
      "Prime", "Premier-designate", "Treasurer", "Comptroller", "Ombudsman", "Auditor",
      "Magistrate", "Sheriff", "Constable", "Warden", "Dean", "Rector", "Provost", "Principal",
      "Pastor", "Deacon", "Governor-General", "Lieutenant-General", "Major-General",
      "Lt-Gen", "Maj-Gen", "Field", "Vice-Admiral", "Rear", "Congressmember", "Delegate",
      "Assemblyman", "Assemblywoman", "Councillor", "Councilor", "Councilman", "Councilwoman",
      "Alderman", "MP", "MEP", "MSP", "MLA", "MPP", "Legislator", "Lawmaker", "Mogul", "Founder", "Co-founder",
      "Chef", "Coordinator", "Administrator", "Manager", "Executive", "Economist", "Analyst",
      "Democrat"};
  return set;
}

const WordSet& title_modifiers() {
  static const WordSet set{
      "Defence", "Defense", "Foreign", "Interior", "Home", "Finance", "Health", "Prime", "Deputy",
      "Vice", "Acting", "Former", "First", "Second", "Chief", "Executive", "Economy", "Economic",
      "Justice", "Education", "Energy", "Agriculture", "Trade", "Transport", "Transportation",
      "Culture", "Labour", "Labor", "Environment", "Environmental", "State", "Supreme", "Senior",
      "Junior", "Assistant", "Associate", "Special", "Permanent", "Attorney", "Solicitor",
      "Commerce", "Industry", "Infrastructure", "Security", "National", "Army", "Navy", "Air",
      "Naval", "Military", "Intelligence", "Police", "Fire", "Emergency", "Emergencies",
      "Communications", "Information", "Digital", "Science", "Technology", "Research",
      "Housing", "Treasury", "Budget", "Tax", "Immigration", "Migration", "Veterans", "Welfare",
      "Social", "Public", "Works", "Development", "Foreign-Affairs", "Affairs", "Sports", "Sport",
      "Youth", "Women", "Family", "Tourism", "Fisheries", "Water", "Mining", "Mines", "Oil",
      "Petroleum", "Planning", "Reconstruction", "Regional", "Local", "Government", "Federal",
      "Provincial", "Municipal", "County", "City", "Majority", "Minority", "House", "Senate",
      "Parliamentary", "Presidential", "Press", "Opposition", "Party", "Union", "Central",
      "European", "General", "Lieutenant", "Major", "Rear", "Vice-", "Crown", "Field", "Grand",
      "High", "Head", "Managing", "Operating", "Financial", "Technical", "Medical", "Scientific",
      "Legal", "Political", "Diplomatic", "Military-Political", "Top", "Main", "Incoming",
      "Outgoing", "Interim", "Caretaker", "Elect", "Designate", "Leading", "Retired", "Ex",
      "Sheriff", "District", "Circuit", "Appeals", "Constitutional", "Lord", "Health-Care"};
  return set;
}

const WordSet& honorifics() {
  static const WordSet set{"Mr", "Mrs", "Ms", "Miss", "Mme", "Dr", "Sir", "Dame", "Prof",
                           "Professor", "Rev", "Reverend", "Lord", "Lady", "Mx", "Messrs"};
  return set;
}

const WordSet& role_nouns() {
  static const WordSet set{
      "spokesman", "spokeswoman", "spokesperson", "official", "officials", "minister", "president",
      "governor", "leader", "lawmaker", "legislator", "senator", "congressman", "congresswoman",
      "adviser", "advisor", "commander", "general", "chief", "head", "director", "chairman",
      "chairwoman", "chair", "ambassador", "envoy", "mayor", "prosecutor", "judge", "lawyer",
      "attorney", "economist", "professor", "researcher", "scientist", "doctor", "physician",
      "surgeon", "nurse", "expert", "activist", "founder", "co-founder", "executive", "ceo",
      "secretary", "deputy", "candidate", "coach", "captain", "player", "striker", "goalkeeper",
      "manager", "owner", "investor", "analyst", "strategist", "diplomat", "negotiator",
      "politician", "premier", "chancellor", "king", "queen", "prince", "princess", "monarch",
      "pope", "cleric", "bishop", "priest", "imam", "rabbi", "pastor", "officer", "soldier",
      "colonel", "lieutenant", "sergeant", "major", "admiral", "marshal", "commissioner",
      "inspector", "detective", "police", "sheriff", "mp", "mep", "deputy", "representative",
      "delegate", "councillor", "councilor", "aide", "adviser", "consultant", "engineer",
      "teacher", "student", "author", "writer", "journalist", "reporter", "correspondent",
      "editor", "historian", "philosopher", "sociologist", "psychologist", "biologist",
      "physicist", "chemist", "epidemiologist", "virologist", "meteorologist", "geologist",
      "volcanologist", "seismologist", "climatologist", "astronomer", "artist", "singer",
      "actor", "actress", "director", "producer", "musician", "athlete", "runner", "champion",
      "boxer", "fighter", "driver", "pilot", "farmer", "worker", "resident", "witness",
      "survivor", "victim", "mother", "father", "son", "daughter", "wife", "husband", "widow",
      "brother", "sister", "spokesmen", "chieftain", "warlord", "rebel", "militant",
      "administrator", "coordinator", "superintendent", "treasurer", "auditor", "regulator",
      "banker", "trader", "entrepreneur", "businessman", "businesswoman", "tycoon", "billionaire",
      "magnate", "mogul", "agent", "broker", "landlord", "tenant", "citizen", "voter",
      "protester", "demonstrator", "organizer", "organiser", "campaigner", "advocate", "critic",
      "opponent", "supporter", "ally", "rival", "colleague", "partner", "member", "fellow",
      "dean", "rector", "principal", "headteacher", "headmaster", "vice-president",
      "vice-chairman", "secretary-general", "director-general", "commander-in-chief",
      "attorney-general", "solicitor-general", "prime", "defender", "midfielder", "forward",
      "manager", "referee", "umpire", "jockey", "trainer", "skipper", "cyclist", "swimmer",
      "gymnast", "skier", "tennis", "golfer", "batsman", "bowler", "quarterback", "pitcher"};
  return set;
}

const WordSet& organization_heads() {
  static const WordSet set{
      "Ministry", "Department", "Agency", "Council", "Committee", "Commission", "Party", "Bank",
      "University", "College", "Institute", "Institution", "Academy", "School", "Court",
      "Tribunal", "Parliament", "Assembly", "Congress", "Senate", "Duma", "Rada", "Knesset",
      "Bundestag", "Cabinet", "Government", "Administration", "Office", "Bureau", "Service",
      "Services", "Army", "Navy", "Forces", "Guard", "Guards", "Police", "Command", "Corps",
      "Union", "Federation", "Association", "Organization", "Organisation", "Foundation", "Fund",
      "Group", "Corporation", "Corp", "Company", "Inc", "Ltd", "LLC", "Plc", "PLC", "AG", "GmbH",
      "Holdings", "Industries", "Airlines", "Airways", "Motors", "Systems", "Technologies",
      "Pharmaceuticals", "Bancorp", "Partners", "Ventures", "Labs", "News", "Times",
      "Post", "Journal", "Herald", "Tribune", "Gazette", "Telegraph", "Press", "Media",
      "Network", "Broadcasting", "Television", "Radio", "TV", "Club", "FC", "Society", "Church",
      "Movement", "Front", "Alliance", "League", "Coalition", "Authority", "Board", "Secretariat",
      "Directorate", "Inspectorate", "Brigade", "Battalion", "Regiment", "Division", "Fleet",
      "Cartel", "Mission", "Observatory", "Hospital", "Clinic", "Centre", "Center", "Trust",
      "Consortium", "Council", "Chamber", "Caucus", "Commissariat", "Ministries",
      "Agencies", "Magazine", "Daily", "Weekly", "Institute", "Laboratory", "Laboratories", "Brothers", "Bros", "Sons", "Co", "SA", "NV",
      "SpA", "AB", "ASA", "Oyj", "Limited", "Incorporated", "Enterprises", "Petroleum",
      "Electronics", "Telecom", "Communications",
      "Pharma", "Therapeutics", "Biotech", "Insurance", "Securities", "Investments", "Markets",
      "Exchange", "Reserve", "Treasury", "Parliamentary", "Faction", "Brigades", "Militia",
      "House", "Commons", "Lords", "Presidency", "Programme", "Program", "Initiative", "Fund",
      // Words that end company names.
      "Minerals", "Resources", "Metals", "Logistics", "Shipping", "Lines", "Foods", "Brands",
      "Biosciences", "Biologics", "Semiconductor", "Semiconductors", "Software", "Solutions",
      "Networks", "Robotics", "Aerospace", "Automotive", "Chemicals", "Textiles", "Railways",
      "Shipyards", "Dynamics", "Microsystems", "Instruments", "Entertainment", "Studios",
      "Pictures", "Records", "Publishing", "Retail", "Stores", "Hotels", "Resorts", "Cruises",
      "Utilities", "Power", "Petrochemicals", "Refining", "Construction", "Engineering",
      // Institutions and groups without a word above.
      "Museum", "Gallery", "Library", "Orchestra", "Choir", "Chorus", "Band", "Productions", "Force"};
  return set;
}

const WordSet& place_heads() {
  static const WordSet set{
      "Region", "Province", "Oblast", "Krai", "Kray", "Territory", "District", "County",
      "Prefecture", "Governorate", "Canton", "Municipality", "Borough", "Township", "Parish",
      "River", "Sea", "Ocean", "Lake", "Bay", "Gulf", "Strait", "Straits", "Channel", "Island",
      "Islands", "Isles", "Peninsula", "Mountain", "Mountains", "Mount", "Mt", "Hills", "Valley",
      "Desert", "Plateau", "Plain", "Plains", "Basin", "Delta", "Coast", "Beach", "Cape", "Bridge",
      "Station", "Airport", "Port", "Harbour", "Harbor", "Dam", "Canal", "Square", "Street",
      "Avenue", "Road", "Highway", "Boulevard", "Park", "Forest", "Reservoir", "Falls", "Glacier",
      "Volcano", "Crater", "Peak", "Airbase", "Stadium", "Arena", "Palace", "Cathedral", "Mosque", "Temple", "Monastery",
      "Castle", "Fortress", "Tower", "Memorial", "Cemetery", "Prison", "Village", "Town", "City", "Oasis", "Archipelago", "Atoll", "Lagoon", "Fjord", "Estuary",
      "Creek", "Brook", "Stream", "Terminal", "Pier", "Wharf", "Dock", "Docks", "Shipyard",
      "Oilfield", "Refinery", "Republic", "Emirate",
      "Kingdom", "Territories", "Areas", "Zone", "Lane"};
  return set;
}

const WordSet& region_heads() {
  static const WordSet set{"region", "province", "oblast", "krai", "kray", "territory", "district",
                           "county", "prefecture", "governorate", "state", "canton", "municipality",
                           "republic", "area"};
  return set;
}

const WordSet& shared_name_heads() {
  static const WordSet set{"river", "bridge", "station", "dam", "airport", "port", "harbour",
                           "harbor", "lake", "sea", "canal", "reservoir", "mountain", "mount",
                           "peninsula", "island", "city", "town", "village", "stadium", "arena",
                           "airbase", "base", "plant", "square", "desert", "strait", "gulf",
                           "bay", "valley", "palace", "cathedral", "mosque", "prison", "camp",
                           "refinery", "mine", "oilfield", "field", "terminal", "highway"};
  return set;
}

const WordSet& place_prepositions() {
  static const WordSet set{"in", "at", "near", "from", "to", "into", "across", "outside", "inside",
                           "toward", "towards", "around", "throughout", "via", "between", "through",
                           "within", "beyond", "off", "along", "over", "onto", "past", "out"};
  return set;
}

const WordSet& name_particles() {
  static const WordSet set{"de", "van", "von", "der", "den", "bin", "ibn", "bint", "al", "el",
                           "da", "di", "du", "del", "della", "dos", "das", "do", "la", "le",
                           "ter", "ten", "y", "zu", "af", "av", "abu", "ben", "st", "mac", "mc",
                           "ould", "ag", "dei", "degli", "des", "lo", "vom", "op", "het", "bar",
                           // "and" of other languages, inside names of parties and firms
                           "en", "et", "und"};
  return set;
}

const WordSet& phrase_connectors() {
  static const WordSet set{"of", "for", "and", "the", "on", "&", "in", "de", "del", "la", "des", "du"};
  return set;
}

const WordSet& never_entities() {
  static const WordSet set{
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
      "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
      "Christmas", "Easter", "Ramadan", "Eid", "Hanukkah", "Diwali", "Thanksgiving", "God", "Allah",
      "Internet", "English", "I", "AM", "PM", "GMT", "UTC", "BST", "CET", "EST", "EDT", "PST",
      "PDT", "CST", "CDT", "MSK", "AD", "BC", "CE", "BCE", "OK", "TV", "PC", "PhD", "Covid",
      "COVID", "COVID-19", "Covid-19", "Coronavirus", "Omicron", "Delta", "Photo", "Photos",
      "Video", "Videos", "Image", "Images", "Advertisement", "Reuters/", "File", "Updated",
      "Share", "Read", "Related", "Opinion", "Document", "Editorial", "Comment", "Comments",
      "Subscribe", "Newsletter", "Sign", "Log", "Email", "Print", "Tweet", "Facebook/",
      "Getty", "AFP/Getty", "Mr.", "Mrs.", "Ms.", "Dr.", "Hey", "Yes", "No", "Oh", "Please",
      "Thank", "Thanks", "Sorry", "Hello", "Goodbye", "Bye", "Welcome", "Breaking", "Live",
      "Exclusive", "Watch", "Listen", "Explainer", "Timeline", "Factbox", "Fact", "Q&A", "FAQ",
      "Earth", "Moon", "Sun"};
  return set;
}

const WordSet& government_seats() {
  static const WordSet set{"Kremlin", "White House", "Pentagon", "Downing Street", "Elysee",
                           "Élysée", "Elysee Palace", "Élysée Palace", "Quai d'Orsay",
                           "Zhongnanhai", "Blue House", "Capitol Hill", "Whitehall",
                           "Foggy Bottom", "Bankova", "Porte"};
  return set;
}

const std::unordered_map<std::string_view, std::string_view>& speech_verbs() {
  // inflected form -> lemma
  static const auto map = [] {
    std::unordered_map<std::string_view, std::string_view> m;
    const auto add = [&m](std::string_view lemma, std::initializer_list<std::string_view> forms) {
      m.emplace(lemma, lemma);
      for (std::string_view f : forms) m.emplace(f, lemma);
    };
    add("say", {"said", "says", "saying"});
    add("tell", {"told", "tells", "telling"});
    add("state", {"stated", "states", "stating"});
    add("claim", {"claimed", "claims", "claiming"});
    add("warn", {"warned", "warns", "warning"});
    add("add", {"added", "adds", "adding"});
    add("urge", {"urged", "urges", "urging"});
    add("announce", {"announced", "announces", "announcing"});
    add("insist", {"insisted", "insists", "insisting"});
    add("deny", {"denied", "denies", "denying"});
    add("argue", {"argued", "argues", "arguing"});
    add("note", {"noted", "notes", "noting"});
    add("explain", {"explained", "explains", "explaining"});
    add("suggest", {"suggested", "suggests", "suggesting"});
    add("propose", {"proposed", "proposes", "proposing"});
    add("request", {"requested", "requests", "requesting"});
    add("report", {"reported", "reports", "reporting"});
    add("confirm", {"confirmed", "confirms", "confirming"});
    add("acknowledge", {"acknowledged", "acknowledges", "acknowledging"});
    add("admit", {"admitted", "admits", "admitting"});
    add("assert", {"asserted", "asserts", "asserting"});
    add("allege", {"alleged", "alleges", "alleging"});
    add("comment", {"commented", "comments", "commenting"});
    add("declare", {"declared", "declares", "declaring"});
    add("stress", {"stressed", "stresses", "stressing"});
    add("emphasize", {"emphasized", "emphasizes", "emphasizing", "emphasise", "emphasised",
                      "emphasises", "emphasising"});
    add("underline", {"underlined", "underlines", "underlining"});
    add("maintain", {"maintained", "maintains", "maintaining"});
    add("predict", {"predicted", "predicts", "predicting"});
    add("promise", {"promised", "promises", "promising"});
    add("pledge", {"pledged", "pledges", "pledging"});
    add("vow", {"vowed", "vows", "vowing"});
    add("reply", {"replied", "replies", "replying"});
    add("respond", {"responded", "responds", "responding"});
    add("write", {"wrote", "writes", "writing", "written"});
    add("tweet", {"tweeted", "tweets", "tweeting"});
    add("hail", {"hailed", "hails", "hailing"});
    add("praise", {"praised", "praises", "praising"});
    add("criticize", {"criticized", "criticizes", "criticizing", "criticise", "criticised",
                      "criticises", "criticising"});
    add("condemn", {"condemned", "condemns", "condemning"});
    add("accuse", {"accused", "accuses", "accusing"});
    add("demand", {"demanded", "demands", "demanding"});
    add("ask", {"asked", "asks", "asking"});
    add("order", {"ordered", "orders", "ordering"});
    add("command", {"commanded", "commands", "commanding"});
    add("recommend", {"recommended", "recommends", "recommending"});
    add("advise", {"advised", "advises", "advising"});
    add("reveal", {"revealed", "reveals", "revealing"});
    add("disclose", {"disclosed", "discloses", "disclosing"});
    add("concede", {"conceded", "concedes", "conceding"});
    add("estimate", {"estimated", "estimates", "estimating"});
    add("caution", {"cautioned", "cautions", "cautioning"});
    add("reiterate", {"reiterated", "reiterates", "reiterating"});
    add("repeat", {"repeated", "repeats", "repeating"});
    add("recall", {"recalled", "recalls", "recalling"});
    add("observe", {"observed", "observes", "observing"});
    add("remark", {"remarked", "remarks", "remarking"});
    add("contend", {"contended", "contends", "contending"});
    add("believe", {"believed", "believes", "believing"});
    add("think", {"thought", "thinks", "thinking"});
    add("forecast", {"forecasts", "forecasted", "forecasting"});
    add("counter", {"countered", "counters", "countering"});
    add("complain", {"complained", "complains", "complaining"});
    add("boast", {"boasted", "boasts", "boasting"});
    add("testify", {"testified", "testifies", "testifying"});
    add("inform", {"informed", "informs", "informing"});
    add("assure", {"assured", "assures", "assuring"});
    add("agree", {"agreed", "agrees", "agreeing"});
    add("conclude", {"concluded", "concludes", "concluding"});
    add("quip", {"quipped", "quips"});
    add("exclaim", {"exclaimed", "exclaims"});
    add("shout", {"shouted", "shouts"});
    add("cite", {"cited", "cites", "citing"});
    add("describe", {"described", "describes", "describing"});
    add("appeal", {"appealed", "appeals", "appealing"});
    add("call", {"called", "calls", "calling"});
    add("signal", {"signalled", "signaled", "signals", "signalling", "signaling"});
    add("indicate", {"indicated", "indicates", "indicating"});
    add("point", {"pointed", "points", "pointing"});
    add("express", {"expressed", "expresses", "expressing"});
    add("voice", {"voiced", "voices", "voicing"});
    add("welcome", {"welcomed", "welcomes", "welcoming"});
    add("threaten", {"threatened", "threatens", "threatening"});
    return m;
  }();
  return map;
}

// Verbs that report speech only in some frames, read off the parse
// (attribution/parse_clauses): "disputes these claims", "She continued:
// ...", "the letter reads, ...", "The city reasoned that ...". Kept out of
// the reporting verbs above, whose every use is evidence that a name speaks.
const std::unordered_map<std::string_view, std::string_view>& frame_speech_verbs() {
  static const auto map = [] {
    std::unordered_map<std::string_view, std::string_view> m;
    const auto add = [&m](std::string_view lemma, std::initializer_list<std::string_view> forms) {
      m.emplace(lemma, lemma);
      for (std::string_view f : forms) m.emplace(f, lemma);
    };
    add("dispute", {"disputed", "disputes", "disputing"});
    add("reject", {"rejected", "rejects", "rejecting"});
    add("reason", {"reasoned", "reasons", "reasoning"});
    add("continue", {"continued", "continues", "continuing"});
    add("characterize", {"characterized", "characterizes", "characterizing", "characterise", "characterised",
                         "characterises", "characterising"});
    add("rate", {"rated", "rates", "rating"});
    add("read", {"reads", "reading"});
    add("question", {"questioned", "questions", "questioning"});
    add("reaffirm", {"reaffirmed", "reaffirms", "reaffirming"});
    add("affirm", {"affirmed", "affirms", "affirming"});
    add("retort", {"retorted", "retorts"});
    add("sigh", {"sighed", "sighs"});
    add("clarify", {"clarified", "clarifies", "clarifying"});
    add("recount", {"recounted", "recounts", "recounting"});
    return m;
  }();
  return map;
}

const WordSet& addressee_verbs() {
  static const WordSet set{"tell", "urge", "ask", "order", "command", "advise", "inform", "assure",
                           "warn", "remind", "call", "appeal", "request"};
  return set;
}

const WordSet& speech_nouns() {
  static const WordSet set{"hope", "caution", "concern", "concerns", "doubt", "doubts", "confidence",
                           "optimism", "pessimism", "regret", "support", "opposition", "fear",
                           "fears", "frustration", "anger", "gratitude", "sympathy", "condolences",
                           "alarm", "dismay", "disappointment", "satisfaction", "skepticism",
                           "scepticism", "outrage", "surprise", "solidarity", "worry", "worries",
                           "belief", "readiness", "willingness", "view", "position", "desire"};
  return set;
}

const WordSet& verb_fillers() {
  static const WordSet set{"has", "had", "have", "also", "officially", "later", "earlier", "then",
                           "again", "previously", "repeatedly", "publicly", "recently", "once",
                           "already", "reportedly", "separately", "further", "still", "now",
                           "subsequently", "initially", "first", "finally", "has,", "would",
                           "will", "could", "might", "may", "did", "does", "do", "is", "was",
                           "were", "are", "been", "be", "even", "just", "formally", "quickly",
                           "strongly", "flatly", "openly", "bluntly", "frankly", "privately",
                           "angrily", "calmly", "firmly", "loudly", "simply", "clearly",
                           "explicitly", "specifically", "only", "not", "never", "always",
                           "often", "sometimes", "confidently", "cautiously", "tersely",
                           "emphatically", "personally", "directly", "widely", "allegedly"};
  return set;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

bool is_title_head(std::string_view word) noexcept { return title_heads().count(word) != 0; }
bool is_title_modifier(std::string_view word) noexcept { return title_modifiers().count(word) != 0; }
bool is_honorific(std::string_view word) noexcept { return honorifics().count(word) != 0; }
bool is_role_noun(std::string_view lower_word) noexcept { return role_nouns().count(lower_word) != 0; }
bool is_organization_head(std::string_view word) noexcept {
  return organization_heads().count(word) != 0;
}

int organization_suffix(std::string_view first, std::string_view second) noexcept {
  static const WordSet two_first{"news", "press", "state", "wire", "broadcasting", "television",
                                 "media", "intelligence", "security", "oil", "energy", "mining",
                                 "tech", "technology", "defence", "defense", "investment",
                                 "political", "opposition", "ruling", "rebel", "militant",
                                 "armed", "paramilitary", "ratings", "research", "consulting",
                                 "accounting", "shipping", "insurance", "car", "steel", "chemical",
                                 "drug", "pharmaceutical", "telecom", "telecoms", "software",
                                 "internet", "social", "messaging", "streaming", "airline",
                                 "football", "soccer", "basketball", "hockey", "baseball", "rugby",
                                 "cricket", "human", "rights", "aid", "charity", "think",
                                 "polling", "private", "military", "mercenary"};
  static const WordSet heads{"agency", "agencies", "newspaper", "daily", "broadcaster", "party",
                             "company", "firm", "group", "ministry", "militia", "network",
                             "channel", "outlet", "website", "tabloid", "magazine", "weekly",
                             "service", "organization", "organisation", "bank", "lender",
                             "airline", "carrier", "giant", "maker", "manufacturer", "producer",
                             "club", "team", "union", "movement", "alliance", "coalition",
                             "foundation", "charity", "institute", "university", "court",
                             "council", "committee", "commission", "platform", "app",
                             "tank", "government", "administration", "regime", "army",
                             "navy", "forces", "watchdog", "regulator", "monitor", "contractor",
                             "corporation", "conglomerate", "startup", "insurer", "operator"};
  if (two_first.count(first) != 0 && heads.count(second) != 0) return 2;
  static const WordSet one{"agency", "newspaper", "daily", "broadcaster", "party", "militia",
                           "ministry", "tabloid", "magazine", "weekly", "website", "outlet",
                           "lender", "insurer",
                           "conglomerate", "watchdog", "carmaker", "automaker", "airline",
                           "channel", "group", "network", "company", "corporation", "bank",
                           "club", "university"};
  return one.count(first) != 0 ? 1 : 0;
}

bool is_party_plural(std::string_view word) noexcept {
  static const WordSet set{"Democrats", "Republicans", "Conservatives", "Tories", "Liberals", "Socialists",
                           "Communists", "Greens", "Nationalists", "Populists", "Centrists", "Labourites",
                           "Social Democrats", "Christian Democrats", "Liberal Democrats", "Free Democrats",
                           "Lib Dems", "Sandinistas", "Peronists", "Gaullists", "Whigs", "Unionists",
                           "Republicains", "Labour"};
  return set.count(word) != 0;
}

bool is_government_seat(std::string_view name) noexcept { return government_seats().count(name) != 0; }
bool is_place_head(std::string_view word) noexcept { return place_heads().count(word) != 0; }

int place_suffix(std::string_view first, std::string_view second) noexcept {
  static const WordSet two_first{"train", "railway", "rail", "bus", "metro", "subway", "power",
                                 "nuclear", "hydroelectric", "border", "military", "air", "naval",
                                 "refugee", "detention", "oil", "gas", "coal", "industrial",
                                 "international", "regional", "central", "main"};
  static const WordSet two_second{"station", "plant", "crossing", "base", "camp", "airport",
                                  "field", "terminal", "port", "hub", "zone", "center", "centre"};
  if (two_first.count(first) != 0 && two_second.count(second) != 0) return 2;
  static const WordSet one{"region", "province", "oblast", "krai", "territory", "district",
                           "county", "prefecture", "governorate", "river", "bridge", "station",
                           "dam", "airport", "port", "harbour", "harbor", "lake", "sea", "canal",
                           "reservoir", "peninsula", "island", "islands", "strait", "gulf", "bay",
                           "valley", "desert", "mountains", "city", "town", "village", "airbase",
                           "square", "street", "avenue", "highway", "stadium", "arena", "plant",
                           "municipality", "settlement", "coast", "border", "oblast's",
                           "refinery", "prison", "camp"};
  return one.count(first) != 0 ? 1 : 0;
}

bool place_head_shares_name(std::string_view lower_head) noexcept {
  return shared_name_heads().count(lower_head) != 0;
}
bool is_region_head(std::string_view lower_head) noexcept { return region_heads().count(lower_head) != 0; }
bool is_place_preposition(std::string_view w) noexcept { return place_prepositions().count(w) != 0; }
bool is_name_particle(std::string_view w) noexcept { return name_particles().count(w) != 0; }
bool is_phrase_connector(std::string_view w) noexcept { return phrase_connectors().count(w) != 0; }
bool is_never_entity(std::string_view word) noexcept { return never_entities().count(word) != 0; }

bool is_boilerplate_line(std::string_view line) noexcept {
  static const WordSet lines{
      "advertisement", "advertisement ~ scroll to continue", "scroll to continue", "share",
      "share this", "share this article", "skip to content", "skip to main content", "read also",
      "read also:", "read more", "read more:", "related", "related:", "related articles",
      "related posts", "similar posts", "leave a reply", "leave a comment", "latest",
      "latest news", "subscribe", "sign up", "newsletter", "comments", "advertising",
      "sponsored", "sponsored content", "recommended", "most read", "more on this story",
      "follow us", "trending", "top stories", "you may also like", "see also", "continue reading",
      "story continues below advertisement", "print", "email", "back to top", "menu", "search",
      "close", "home", "news", "world", "log in", "login", "cookies", "accept cookies",
      "all rights reserved", "copyright", "photo", "video", "watch", "listen"};
  std::string lower = lower_ascii(line);
  while (!lower.empty() && (lower.back() == ' ' || lower.back() == '\t')) lower.pop_back();
  return lines.count(lower) != 0;
}

std::optional<PronounKind> subject_pronoun(std::string_view w) noexcept {
  if (w == "he" || w == "him" || w == "his") return PronounKind::Male;
  if (w == "she" || w == "her" || w == "hers") return PronounKind::Female;
  if (w == "it" || w == "its") return PronounKind::Neuter;
  if (w == "they" || w == "them" || w == "their") return PronounKind::Plural;
  return std::nullopt;
}

std::optional<std::string_view> speech_verb_lemma(std::string_view lower_word) noexcept {
  const auto& map = speech_verbs();
  const auto it = map.find(lower_word);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string_view> frame_speech_verb_lemma(std::string_view lower_word) noexcept {
  const auto& map = frame_speech_verbs();
  const auto it = map.find(lower_word);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

// Verbs whose object (with its predicate) is what was said: "denied the
// charges", "called the plan reckless", "urged Ukraine to talk".
bool object_is_content(std::string_view lemma) noexcept {
  static constexpr std::string_view kVerbs[] = {
      "deny", "dispute", "confirm", "reject", "demand", "request", "propose", "warn",
      "urge", "ask", "call", "describe", "characterize", "rate", "hail", "condemn", "criticize",
      "order", "advise", "recommend", "accuse",
      "admit", "acknowledge", "allege", "claim", "praise", "question", "express", "voice", "appeal"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), lemma) != std::end(kVerbs);
}

bool takes_addressee(std::string_view lemma) noexcept { return addressee_verbs().count(lemma) != 0; }
bool is_speech_noun(std::string_view w) noexcept { return speech_nouns().count(w) != 0; }
bool is_verb_filler(std::string_view w) noexcept { return verb_fillers().count(w) != 0; }

}  // namespace ng::nlp::cues
