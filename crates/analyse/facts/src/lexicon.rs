//! Compact word lists the extractors share. Written by hand for this crate from general
//! knowledge (country and city names are public facts); kept small on purpose: they cover the
//! common case and the rules around them decide the rest.

/// Lower-case words that open or continue a person's title or role ("Deputy Foreign Minister").
pub const ROLE_WORDS: &[&str] = &[
    "president", "presidents", "vice", "prime", "minister", "ministers", "deputy", "foreign",
    "defence", "defense", "interior", "finance", "economy", "justice", "health", "energy",
    "trade", "education", "culture", "agriculture", "transport", "secretary", "general",
    "attorney", "chancellor", "chief", "head", "leader", "spokesperson", "spokesman",
    "spokeswoman", "ambassador", "envoy", "special", "senior", "adviser", "advisor", "aide",
    "negotiator", "delegation", "commander", "commander-in-chief", "governor", "mayor",
    "senator", "sen", "rep", "representative", "congressman", "congresswoman", "speaker",
    "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "sultan", "judge",
    "justice", "lawmaker", "mp", "director", "ceo", "chairman", "chairwoman", "chair",
    "founder", "executive", "officer", "official", "president-elect", "premier", "dr", "mr",
    "mrs", "ms", "miss", "prof", "professor", "gen", "lt", "col", "maj", "capt", "adm",
    "sgt", "colonel", "major", "captain", "admiral", "lieutenant", "sergeant", "field",
    "marshal", "of", "state", "national", "security", "council", "staff", "the",
    "intelligence", "military", "army", "navy", "press", "white", "house", "kremlin",
    "top", "former", "acting", "incoming", "outgoing", "first", "lady", "archbishop",
    "bishop", "cardinal", "rabbi", "imam", "coach", "manager", "striker", "nobel",
    "laureate", "author", "journalist", "reporter", "correspondent", "analyst", "economist",
    "scholar", "expert", "researcher", "scientist", "doctor", "nurse", "lawyer", "attorney",
    "prosecutor", "spokesperson's", "assistant", "under", "undersecretary", "commissioner",
    "high", "un", "eu", "nato", "affairs", "relations", "administration", "party",
    "opposition", "presidential", "government", "foreign-policy", "policy",
];

/// Words that make the following capitalised name a person on their own.
pub const PERSON_TITLES: &[&str] = &[
    "president", "presidents", "minister", "ministers", "secretary", "chancellor", "premier",
    "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "adviser", "advisor",
    "aide", "negotiator", "head", "leader", "governor", "mayor", "senator", "sen", "rep",
    "representative", "congressman", "congresswoman", "king", "queen", "prince", "princess",
    "pope", "sheikh", "emir", "sultan", "judge", "lawmaker", "mp", "director", "ceo",
    "chairman", "chairwoman", "founder", "dr", "mr", "mrs", "ms", "miss", "prof",
    "professor", "gen", "general", "lt", "col", "maj", "capt", "adm", "sgt", "colonel",
    "captain", "admiral", "lieutenant", "sergeant", "marshal", "commander", "chief",
    "president-elect", "archbishop", "bishop", "cardinal", "rabbi", "imam", "coach",
    "manager", "journalist", "reporter", "correspondent", "analyst", "economist", "scholar",
    "researcher", "scientist", "doctor", "lawyer", "prosecutor", "commissioner",
    "undersecretary", "official",
];

/// Nationality and origin adjectives that may open a role ("Ukrainian Defence Minister").
pub const NATIONALITIES: &[&str] = &[
    "u.s", "us", "american", "british", "uk", "english", "scottish", "welsh", "irish",
    "french", "german", "italian", "spanish", "portuguese", "dutch", "belgian", "swiss",
    "austrian", "swedish", "norwegian", "danish", "finnish", "icelandic", "polish", "czech",
    "slovak", "hungarian", "romanian", "bulgarian", "greek", "turkish", "cypriot", "serbian",
    "croatian", "bosnian", "albanian", "slovenian", "estonian", "latvian", "lithuanian",
    "belarusian", "ukrainian", "russian", "moldovan", "georgian", "armenian", "azerbaijani",
    "kazakh", "uzbek", "chinese", "japanese", "korean", "north", "south", "taiwanese",
    "indian", "pakistani", "afghan", "iranian", "iraqi", "syrian", "lebanese", "israeli",
    "palestinian", "jordanian", "saudi", "emirati", "qatari", "kuwaiti", "yemeni", "omani",
    "egyptian", "libyan", "tunisian", "algerian", "moroccan", "sudanese", "ethiopian",
    "kenyan", "nigerian", "ghanaian", "south african", "congolese", "somali", "rwandan",
    "ugandan", "tanzanian", "canadian", "mexican", "brazilian", "argentine", "argentinian",
    "chilean", "colombian", "venezuelan", "peruvian", "cuban", "australian", "indonesian",
    "malaysian", "thai", "vietnamese", "filipino", "bangladeshi", "sri lankan", "nepali",
    "european", "african", "asian", "arab", "western", "eastern", "soviet", "catholic",
    "muslim", "christian", "jewish", "republican", "democratic", "democrat", "conservative",
    "labour", "liberal",
];

/// Common given names (romanised), used to tell a person's name from other capitalised runs.
pub const GIVEN_NAMES: &[&str] = &[
    // English and international
    "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
    "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven",
    "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald",
    "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan",
    "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory",
    "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron",
    "jose", "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "walter",
    "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl",
    "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe",
    "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan",
    "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis",
    "bobby", "philip", "johnny", "bill", "mike", "tom", "tony", "jim", "bob", "dick",
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
    "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly",
    "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah",
    "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley",
    "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine",
    "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria",
    "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly",
    "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea",
    "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa", "kathryn",
    "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia", "judy",
    "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia",
    "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis",
    "kamala", "hillary", "nancy", "kristi", "tulsi", "marco", "karoline", "keir", "rishi",
    "boris", "theresa", "ursula", "kaja", "antonio", "emmanuel", "olaf", "friedrich",
    "angela", "giorgia", "pedro", "recep", "tayyip", "hakan", "benjamin", "narendra",
    "xi", "shinzo", "fumio", "justin", "jair", "luiz", "inacio", "javier", "claudia",
    "andres", "gustavo", "nicolas", "mohammed", "muhammad", "mohammad", "ahmed", "ahmad",
    "ali", "hassan", "hussein", "omar", "abdul", "abdullah", "ibrahim", "khalid", "mahmoud",
    "mustafa", "yusuf", "abdel", "fattah", "bashar", "masoud", "ebrahim", "hamid", "tamim",
    "salman", "recep", "mehmet", "ahmet", "jean-noel", "jean-yves", "francois", "pierre",
    "jacques", "nicolas", "marine", "gerhard", "helmut", "annalena", "wolfgang", "hans",
    "karl", "giuseppe", "matteo", "sergio", "mario", "carlos", "luis", "miguel", "manuel",
    "fernando", "jorge", "ricardo", "roberto", "alejandro", "pablo", "diego", "lula",
    "cyril", "jacob", "abiy", "paul", "william", "uhuru", "bola", "yoweri", "antony",
    "lloyd", "jake", "mark", "steve", "pete", "jd", "j.d", "marcus", "lindsey", "mitch",
    "chuck", "ted", "elon", "jeff", "sam", "satya", "sundar", "tim", "warren", "jens",
    "mark", "kaja", "charles", "naftali", "yair", "mahmoud", "yahya", "ismail", "hasan",
    // Slavic and post-Soviet (several romanisations)
    "vladimir", "volodymyr", "volodimir", "sergei", "sergey", "serhiy", "serhii", "sergiy",
    "sergii", "serhij", "dmitry", "dmitri", "dmytro", "dmitriy", "andriy", "andrii",
    "andrey", "andrei", "oleksandr", "olexander", "aleksandr", "alexandr", "alexei",
    "alexey", "aleksei", "oleksiy", "oleksii", "mikhail", "mykhailo", "mykola", "nikolai",
    "nikolay", "yuri", "yury", "yuriy", "yurii", "viktor", "victor", "vitaly", "vitali",
    "vitalii", "ivan", "ihor", "igor", "petro", "pyotr", "pavel", "pavlo", "anatoly",
    "anatolii", "valery", "valerii", "valeriy", "yevgeny", "yevgeniy", "evgeny", "yevhen",
    "maxim", "maksym", "konstantin", "kostiantyn", "kostyantyn", "ruslan", "rustem",
    "rustam", "denys", "denis", "taras", "bohdan", "bogdan", "yaroslav", "roman", "oleg",
    "oleh", "kirill", "kyrylo", "grigory", "hryhoriy", "fyodor", "leonid", "arseniy",
    "arseny", "vadim", "vadym", "vasily", "vasyl", "stanislav", "gennady", "vyacheslav",
    "alexander", "nikita", "ramzan", "yulia", "yuliia", "olena", "elena", "yelena", "natalia",
    "nataliya", "natalya", "tatiana", "tetiana", "svetlana", "iryna", "irina", "olga",
    "oksana", "maria", "mariya", "lyudmila", "liudmyla", "anastasia", "ekaterina",
    "kateryna", "valentina", "marina", "galina", "halyna", "veronika", "ruslana",
    "alexandra", "oleksandra", "andrzej", "donald", "radoslaw", "lech", "aleksandar",
    "aleksander", "viktor", "milos", "vucic", "zoran", "tomas", "petr", "jan", "karel",
];

/// Countries, capitals, major cities and regions (lower case, romanised), for place mentions.
pub const PLACES: &[&str] = &[
    // countries
    "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia",
    "australia", "austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium",
    "belize", "benin", "bhutan", "bolivia", "bosnia", "botswana", "brazil", "brunei",
    "bulgaria", "burkina faso", "burundi", "cambodia", "cameroon", "canada", "chad", "chile",
    "china", "colombia", "congo", "costa rica", "croatia", "cuba", "cyprus", "czechia",
    "czech republic", "denmark", "djibouti", "ecuador", "egypt", "el salvador", "eritrea",
    "estonia", "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia",
    "georgia", "germany", "ghana", "greece", "guatemala", "guinea", "guyana", "haiti",
    "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland",
    "israel", "italy", "ivory coast", "jamaica", "japan", "jordan", "kazakhstan", "kenya",
    "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia",
    "libya", "liechtenstein", "lithuania", "luxembourg", "madagascar", "malawi", "malaysia",
    "maldives", "mali", "malta", "mauritania", "mauritius", "mexico", "moldova", "monaco",
    "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "burma", "namibia", "nepal",
    "netherlands", "new zealand", "nicaragua", "niger", "nigeria", "north korea",
    "north macedonia", "norway", "oman", "pakistan", "palestine", "panama",
    "papua new guinea", "paraguay", "peru", "philippines", "poland", "portugal", "qatar",
    "romania", "russia", "rwanda", "saudi arabia", "senegal", "serbia", "sierra leone",
    "singapore", "slovakia", "slovenia", "somalia", "south africa", "south korea",
    "south sudan", "spain", "sri lanka", "sudan", "suriname", "sweden", "switzerland",
    "syria", "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tunisia", "turkey",
    "turkiye", "türkiye", "turkmenistan", "uganda", "ukraine", "united arab emirates", "uae",
    "united kingdom", "uk", "britain", "great britain", "england", "scotland", "wales",
    "northern ireland", "united states", "u.s", "us", "usa", "america", "uruguay",
    "uzbekistan", "vatican", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe",
    // capitals and major cities
    "kabul", "tirana", "algiers", "buenos aires", "yerevan", "canberra", "sydney",
    "melbourne", "vienna", "baku", "manama", "dhaka", "minsk", "brussels", "sarajevo",
    "brasilia", "rio de janeiro", "sao paulo", "sofia", "phnom penh", "ottawa", "toronto",
    "montreal", "vancouver", "santiago", "beijing", "shanghai", "hong kong", "bogota",
    "zagreb", "havana", "nicosia", "prague", "copenhagen", "cairo", "tallinn", "addis ababa",
    "helsinki", "paris", "marseille", "tbilisi", "berlin", "munich", "frankfurt", "hamburg",
    "accra", "athens", "budapest", "reykjavik", "new delhi", "delhi", "mumbai", "jakarta",
    "tehran", "baghdad", "mosul", "basra", "dublin", "jerusalem", "tel aviv", "rome",
    "milan", "tokyo", "osaka", "amman", "astana", "almaty", "nairobi", "pristina",
    "bishkek", "riga", "beirut", "tripoli", "vilnius", "luxembourg", "kuala lumpur",
    "valletta", "mexico city", "chisinau", "ulaanbaatar", "podgorica", "rabat",
    "casablanca", "kathmandu", "amsterdam", "the hague", "rotterdam", "wellington",
    "auckland", "abuja", "lagos", "pyongyang", "skopje", "oslo", "muscat", "islamabad",
    "karachi", "lahore", "ramallah", "panama city", "lima", "manila", "warsaw", "krakow",
    "lisbon", "doha", "bucharest", "moscow", "st petersburg", "saint petersburg",
    "st. petersburg", "kigali", "riyadh", "jeddah", "mecca", "dakar", "belgrade",
    "bratislava", "ljubljana", "mogadishu", "pretoria", "johannesburg", "cape town", "seoul",
    "juba", "madrid", "barcelona", "colombo", "khartoum", "stockholm", "bern", "geneva",
    "zurich", "davos", "damascus", "aleppo", "taipei", "dushanbe", "dodoma", "bangkok",
    "tunis", "ankara", "istanbul", "ashgabat", "kampala", "kyiv", "kiev", "kharkiv",
    "kharkov", "odesa", "odessa", "lviv", "dnipro", "zaporizhzhia", "zaporizhzhia",
    "mariupol", "kherson", "mykolaiv", "sumy", "chernihiv", "bakhmut", "avdiivka",
    "pokrovsk", "donetsk", "luhansk", "abu dhabi", "dubai", "london", "manchester",
    "birmingham", "edinburgh", "glasgow", "washington", "new york", "los angeles", "chicago",
    "houston", "miami", "san francisco", "boston", "seattle", "montevideo", "tashkent",
    "caracas", "hanoi", "ho chi minh city", "sanaa", "aden", "lusaka", "harare", "gaza",
    "gaza city", "rafah", "khan younis", "west bank", "minsk", "brest", "belgorod", "kursk",
    "bryansk", "rostov", "sevastopol", "simferopol", "vladivostok", "novosibirsk",
    "yekaterinburg", "kazan", "sochi", "murmansk", "kaliningrad", "antalya", "izmir",
    "alaska", "anchorage", "strasbourg", "the vatican", "vatican city", "jeddah", "sharm el-sheikh",
    // regions, seas and areas
    "crimea", "donbas", "donbass", "kursk region", "europe", "asia", "africa",
    "north america", "south america", "latin america", "middle east", "balkans",
    "caucasus", "central asia", "scandinavia", "baltic", "baltics", "black sea",
    "baltic sea", "mediterranean", "red sea", "arctic", "antarctica", "pacific",
    "atlantic", "indian ocean", "persian gulf", "gulf", "sahel", "siberia", "kashmir",
    "xinjiang", "tibet", "catalonia", "bavaria", "texas", "california", "florida",
    "transnistria", "abkhazia", "south ossetia", "nagorno-karabakh", "karabakh", "sinai",
    "golan heights", "lebanon", "kurdistan", "darfur", "tigray", "bosphorus", "dnipro river",
    "kherson region", "donetsk region", "luhansk region", "zaporizhzhia region",
];

/// Names that act as organisations on their own ("the Kremlin said"), several of them seats of
/// government named for the institution.
pub const ORGANISATIONS: &[&str] = &[
    "kremlin", "white house", "pentagon", "downing street", "elysee", "élysée",
    "state department", "foreign office", "congress", "senate", "parliament", "duma",
    "verkhovna rada", "rada", "bundestag", "knesset", "nato", "un", "united nations",
    "european union", "eu", "european commission", "security council", "un security council",
    "imf", "world bank", "who", "world health organization", "red cross",
    "international committee of the red cross", "icrc", "osce", "opec", "g7", "g20",
    "brics", "african union", "arab league", "asean", "hamas", "hezbollah", "taliban",
    "houthis", "wagner", "fbi", "cia", "nsa", "kgb", "fsb", "sbu", "gru", "mi6", "mossad",
    "interpol", "europol", "icc", "international criminal court", "supreme court",
    "federal reserve", "fed", "ecb", "european central bank", "reuters", "associated press",
    "ap", "afp", "bbc", "cnn", "tass", "ria novosti", "interfax", "ukrinform", "al jazeera",
    "bloomberg", "politico", "axios", "the new york times", "new york times",
    "washington post", "the guardian", "financial times", "wall street journal",
    "google", "apple", "microsoft", "amazon", "meta", "tesla", "openai", "nasa", "unicef",
    "unhcr", "wto", "iaea", "ohchr", "amnesty international", "human rights watch",
    "zelensky's office", "presidential office", "cabinet", "politburo", "vatican",
];

/// Seats of government whose name stands for the institution: always metonymic.
pub const SEATS_OF_POWER: &[&str] = &[
    "kremlin", "white house", "pentagon", "downing street", "elysee", "élysée", "bankova",
    "zhongnanhai", "quai d'orsay", "foggy bottom", "whitehall", "blue house", "vatican",
];

/// Last words that make a capitalised run an organisation ("Defence Ministry", "Red Cross").
pub const ORGANISATION_SUFFIXES: &[&str] = &[
    "ministry", "council", "committee", "commission", "agency", "office", "department",
    "service", "services", "bureau", "court", "parliament", "assembly", "party", "union",
    "organization", "organisation", "association", "institute", "university", "college",
    "school", "bank", "fund", "group", "corporation", "corp", "company", "inc", "ltd",
    "llc", "plc", "co", "foundation", "forces", "force", "army", "navy", "guard", "police",
    "command", "federation", "league", "alliance", "front", "movement", "network", "news",
    "times", "post", "journal", "press", "media", "television", "tv", "radio", "agency",
    "authority", "administration", "government", "senate", "congress", "cabinet",
    "secretariat", "directorate", "brigade", "battalion", "regiment", "division", "corps",
    "church", "club", "society", "center", "centre", "programme", "program", "initiative",
    "exchange", "airlines", "airways", "group", "holdings", "motors", "energy", "systems",
];

/// Last words that make a capitalised run a place ("Black Sea", "Kursk Region").
pub const PLACE_SUFFIXES: &[&str] = &[
    "sea", "ocean", "river", "lake", "mountains", "mountain", "mount", "island", "islands",
    "peninsula", "region", "oblast", "province", "state", "county", "city", "valley",
    "strait", "gulf", "bay", "desert", "street", "square", "avenue", "district", "palace",
    "airport", "port", "border", "coast", "canal", "bridge", "plant", "station",
];

/// Capitalised words that are not names on their own: weekdays, months, and words often
/// capitalised in headlines or at sentence start.
pub const NOT_NAMES: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "i", "god", "internet", "covid", "covid-19", "christmas", "easter",
    "ramadan", "eid", "new", "year", "day", "war", "world", "ok", "tv", "am", "pm", "a.m",
    "p.m", "ceo", "gdp", "ad", "bc", "english", "the", "this", "that", "these", "those",
    "a", "an", "and", "or", "but", "if", "when", "while", "as", "at", "in", "on", "for",
    "with", "by", "from", "to", "of", "after", "before", "since", "during", "despite",
    "although", "though", "meanwhile", "however", "instead", "also", "still", "yet", "so",
    "then", "there", "here", "it", "its", "he", "she", "they", "we", "you", "his", "her",
    "their", "our", "my", "your", "who", "what", "which", "where", "why", "how", "all",
    "both", "some", "many", "most", "more", "several", "few", "no", "not", "one", "two",
    "three", "earlier", "later", "last", "next", "according", "asked", "speaking", "under",
    "amid", "among", "between", "over", "about", "against", "without", "within", "read",
    "watch", "related", "share", "update", "updated", "breaking", "live", "photo", "video",
    "interestingly", "notably", "finally", "overall", "yesterday", "today", "tomorrow",
    "president", "minister", "presidents", "mr", "mrs", "ms", "dr", "sir", "lord", "lady",
    "peace", "talks", "experts", "officials", "analysts", "critics", "residents", "many",
    "those", "such", "each", "every", "other", "another", "any", "only", "just", "even",
    "now", "once", "first", "second", "third", "like", "unlike", "per", "via", "following",
    "ahead", "around", "across", "toward", "towards", "upon", "until", "unless", "because",
    "whether", "do", "does", "did", "is", "are", "was", "were", "be", "has", "have", "had",
    "will", "would", "can", "could", "should", "must", "might", "let", "please", "yes", "reply", "comment", "comments", "subscribe", "login", "sign", "advertisement", "home", "menu", "search", "news",
];

/// Verbs that follow a subject acting on its own ("Moscow rejected"): used to spot metonymic
/// places and speakers.
pub const ACTOR_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "stated", "states", "added", "adds", "wrote",
    "writes", "announced", "announces", "declared", "insisted", "insists", "demanded",
    "demands", "rejected", "rejects", "refused", "refuses", "agreed", "agrees", "accused",
    "accuses", "denied", "denies", "claimed", "claims", "offered", "offers", "proposed",
    "proposes", "launched", "launches", "responded", "warned", "warns", "threatened",
    "wants", "wanted", "hopes", "hoped", "seeks", "sought", "seized", "seize", "seizes",
    "captured", "attacked", "struck", "invaded", "annexed", "sent", "sends", "pushed",
    "pushes", "called", "calls", "urged", "urges", "signed", "signs", "approved", "approves",
    "confirmed", "confirms", "believes", "believed", "sees", "saw", "considers", "considered",
    "expects", "expected", "will", "would", "has", "had", "is", "was", "must", "could",
    "should", "can", "may", "did", "does", "didn't", "doesn't", "won't", "hasn't", "isn't",
    "wasn't", "continues", "continued", "reiterated", "stressed", "emphasized", "emphasised",
    "noted", "argued", "argues", "suggested", "suggests", "presented", "submitted",
    "delivered", "handed", "returned", "released", "imposed", "blamed", "condemned",
    "welcomed", "praised", "criticised", "criticized", "slammed", "dismissed", "reported",
    "reports", "explained", "replied", "commented", "acknowledged", "admitted", "vowed",
    "promised", "pledged", "asked", "asks", "plans", "planned", "intends", "needs",
];

/// Verbs of saying, for quote attribution.
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "stated", "states", "wrote", "writes", "added", "adds", "told",
    "tells", "declared", "declares", "announced", "insisted", "insists", "explained",
    "explains", "noted", "notes", "argued", "argues", "replied", "replies", "answered",
    "responded", "commented", "remarked", "stressed", "emphasized", "emphasised", "warned",
    "warns", "asked", "asks", "continued", "concluded", "posted", "tweeted", "recalled",
    "acknowledged", "admitted", "claimed", "claims", "reiterated", "observed", "confirmed",
    "confirms", "according", "urged", "urges", "quipped", "joked", "shouted", "cautioned",
    "predicted", "complained", "lamented", "suggested", "underlined", "underscored",
    "described", "describing", "calling", "called", "dubbed", "termed", "writing", "saying",
];

/// Pronouns that point back to an earlier speaker.
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// True when `word` (any case) is in `list`.
pub fn contains(list: &[&str], word: &str) -> bool {
    let lower = word.to_lowercase();
    list.iter().any(|entry| *entry == lower)
}
