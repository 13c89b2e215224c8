// The lists, and one hash map from word to class bits, all built on first use: lists held at
// namespace scope were filled in before main (35 KB written, 2,000 strlen calls), which every
// program linking the speakers paid at start-up, a search that reads no name among them.
// Russian words are listed folded (lower case); the map is keyed by the folded form of a token.
#include "speakers/name_lists.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "speakers/text_chars.hpp"

namespace gazette::speakers {
namespace {

// clang-format off
const std::vector<std::string_view>& role_words() {
    static const std::vector<std::string_view> words = {
        "president", "president-elect", "vice", "vice-president", "prime", "minister", "premier",
        "chancellor", "spokesman", "spokeswoman", "spokesperson", "press", "secretary",
        "secretary-general", "director", "director-general", "chairman", "chairwoman", "chair",
        "chief", "head", "leader", "deputy", "senator", "sen.", "sen", "governor", "gov.", "gov",
        "mayor", "representative", "rep.", "rep", "congressman", "congresswoman", "lawmaker", "mp",
        "mep", "ambassador", "envoy", "diplomat", "general", "gen.", "colonel", "col.",
        "lieutenant", "lt.", "major", "maj.", "captain", "capt.", "sergeant", "sgt.", "admiral",
        "adm.", "commander", "cmdr.", "officer", "judge", "justice", "attorney", "prosecutor",
        "lawyer", "professor", "prof.", "dr.", "doctor", "mr.", "mrs.", "ms.", "mr", "mrs", "ms",
        "dr", "miss", "mx.", "sir", "dame", "lord", "lady", "king", "queen", "prince", "princess",
        "emperor", "sheikh", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam",
        "reverend", "rev.", "father", "patriarch", "ceo", "cfo", "founder", "co-founder",
        "executive", "manager", "coach", "editor", "editor-in-chief", "correspondent", "reporter",
        "columnist", "commentator", "analyst", "economist", "politician", "opposition", "activist",
        "candidate", "nominee", "incumbent", "former", "ex", "acting", "interim", "then", "late",
        "first", "state", "foreign", "defense", "defence", "interior", "finance", "economy",
        "health", "trade", "energy", "education", "affairs", "national", "federal", "senior", "top",
        "assistant", "associate", "adviser", "advisor", "aide", "official", "democratic",
        "republican", "democrat", "conservative", "labour", "liberal", "independent", "socialist",
        "communist", "kremlin", "pentagon", "speaker", "whip", "counsel", "ayatollah", "supreme",
        "grand", "commissioner", "inspector", "detective", "chairperson", "member", "mogul",
        "billionaire", "businessman", "businesswoman", "tycoon", "oligarch", "dissident", "blogger",
        "scientist", "expert", "researcher", "historian", "writer", "author", "journalist",
        "presenter", "host", "anchor", "star", "singer", "actor", "actress", "player", "striker",
        "interlocutor", "political", "scientist", "treasurer", "brigadier", "marshal", "investor",
        "trader", "banker", "broker", "delegate", "strategist", "negotiator", "vice-chairman",
        "vice-chairwoman", "undersecretary", "under-secretary", "attorney-general",
        "solicitor-general", "aviation", "agriculture", "transport", "transportation", "industry",
        "environment", "labor", "employment", "housing", "fisheries", "economic", "agrarian",
        "budget", "technician", "vice-premier", "vice-minister", "vice-governor", "vice-chancellor",
        "deputy-governor", "villager", "pastor", "preacher", "evangelist", "pollster", "comedian",
        "comedienne", "co-anchor", "co-host", "donor", "advocate", "consultant", "organizer",
        "organiser", "chaplain", "surgeon", "physician", "novelist", "playwright", "filmmaker",
        "producer", "rapper", "musician", "guitarist", "athlete", "quarterback", "volunteer",
        "superintendent", "councilman", "councilwoman", "councilor", "councillor", "alderman",
        "assemblyman", "assemblywoman", "legislator", "lobbyist", "staffer", "moderator",
        "co-moderator", "challenger", "staff", "sheriff", "recorder", "clerk", "auditor",
        "comptroller", "warden", "constable", "trooper", "trustee", "boss", "committeeman",
        "committeewoman",
        // Russian (folded): roles, and adjectives that stand in front of them
        "политолог", "пресс-секретарь", "президент", "президента", "глава", "министр", "министра",
        "депутат", "эксперт", "аналитик", "представитель", "официальный", "спикер", "председатель",
        "посол", "губернатор", "мэр", "сенатор", "советник", "заместитель", "лидер", "журналист",
        "профессор", "политик", "экономист", "руководитель", "помощник", "директор", "секретарь",
        "канцлер", "госсекретарь", "премьер-министр", "премьер", "вице-президент", "бывший",
        "генеральный", "кремль", "кремля"};
    return words;
}

// Titles and roles that only a person bears (a subset of the roles): a name after one of them
// is a person's even when it is a single word ("President Reagan", "analyst Ellmann").
const std::vector<std::string_view>& title_words() {
    static const std::vector<std::string_view> words = {
        "president", "president-elect", "vice-president", "minister", "premier", "chancellor",
        "spokesman", "spokeswoman", "spokesperson", "secretary", "secretary-general", "director",
        "director-general", "chairman", "chairwoman", "chairperson", "chief", "head", "leader",
        "deputy", "senator", "sen.", "sen", "governor", "gov.", "gov", "mayor", "representative",
        "rep.", "rep", "congressman", "congresswoman", "lawmaker", "mp", "mep", "ambassador",
        "envoy", "diplomat", "general", "gen.", "colonel", "col.", "lieutenant", "lt.", "major",
        "maj.", "captain", "capt.", "sergeant", "sgt.", "admiral", "adm.", "commander", "cmdr.",
        "officer", "judge", "justice", "attorney", "prosecutor", "lawyer", "professor", "prof.",
        "dr.", "doctor", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr", "miss", "mx.", "sir",
        "dame", "lord", "lady", "king", "queen", "prince", "princess", "emperor", "sheikh", "pope",
        "cardinal", "bishop", "archbishop", "rabbi", "imam", "reverend", "rev.", "father",
        "patriarch", "ceo", "cfo", "founder", "co-founder", "executive", "manager", "coach",
        "editor", "editor-in-chief", "correspondent", "reporter", "columnist", "commentator",
        "analyst", "economist", "politician", "activist", "candidate", "nominee", "adviser",
        "advisor", "aide", "official", "speaker", "whip", "counsel", "ayatollah", "commissioner",
        "inspector", "detective", "member", "billionaire", "businessman", "businesswoman", "tycoon",
        "oligarch", "dissident", "blogger", "scientist", "expert", "researcher", "historian",
        "writer", "author", "journalist", "presenter", "actor", "actress", "singer", "player",
        "striker", "treasurer", "brigadier", "marshal", "investor", "trader", "banker", "broker",
        "delegate", "strategist", "negotiator", "vice-chairman", "vice-chairwoman",
        "undersecretary", "under-secretary", "attorney-general", "solicitor-general", "technician",
        "vice-premier", "vice-minister", "vice-governor", "vice-chancellor", "deputy-governor",
        "villager", "pastor", "preacher", "evangelist", "pollster", "comedian", "comedienne",
        "co-anchor", "co-host", "donor", "advocate", "consultant", "organizer", "organiser",
        "chaplain", "surgeon", "physician", "novelist", "playwright", "filmmaker", "producer",
        "rapper", "musician", "guitarist", "athlete", "quarterback", "volunteer", "superintendent",
        "councilman", "councilwoman", "councilor", "councillor", "alderman", "assemblyman",
        "assemblywoman", "legislator", "lobbyist", "staffer", "moderator", "co-moderator",
        "challenger", "staff", "sheriff", "recorder", "clerk", "auditor", "comptroller", "warden",
        "constable", "trooper", "политолог", "пресс-секретарь", "президент", "президента", "глава",
        "министр", "министра", "депутат", "эксперт", "аналитик", "представитель", "спикер",
        "председатель", "посол", "губернатор", "мэр", "сенатор", "советник", "заместитель", "лидер",
        "журналист", "профессор", "политик", "экономист", "руководитель", "помощник", "директор",
        "секретарь", "канцлер", "госсекретарь", "премьер-министр", "премьер", "вице-президент"};
    return words;
}

const std::vector<std::string_view>& demonym_words() {
    static const std::vector<std::string_view> words = {
        "russian", "american", "ukrainian", "chinese", "french", "german", "british", "english",
        "italian", "spanish", "mexican", "brazilian", "indian", "japanese", "korean", "iranian",
        "israeli", "palestinian", "syrian", "turkish", "polish", "belarusian", "belarussian",
        "georgian", "armenian", "azerbaijani", "kazakh", "canadian", "australian", "european",
        "african", "asian", "arab", "saudi", "egyptian", "iraqi", "afghan", "pakistani",
        "venezuelan", "cuban", "dutch", "swedish", "norwegian", "finnish", "danish", "swiss",
        "austrian", "hungarian", "czech", "slovak", "romanian", "bulgarian", "serbian", "croatian",
        "greek", "portuguese", "irish", "scottish", "welsh", "belgian", "estonian", "latvian",
        "lithuanian", "moldovan", "soviet", "chechen", "kurdish", "lebanese", "qatari", "emirati",
        "nigerian", "kenyan", "vietnamese", "thai", "indonesian", "filipino", "taiwanese",
        "argentine", "argentinian", "chilean", "colombian", "peruvian", "bolivian", "nicaraguan",
        "yemeni", "libyan", "tunisian", "algerian", "moroccan", "uzbek", "tajik", "kyrgyz",
        "turkmen", "mongolian", "western", "eastern", "northern", "southern", "central", "moslem",
        "muslim", "shi'ite", "shiite", "sunni", "christian", "jewish", "catholic", "orthodox",
        "protestant"};
    return words;
}

const std::vector<std::string_view>& place_words() {
    static const std::vector<std::string_view> words = {
        "russia", "ukraine", "china", "america", "usa", "united", "states", "kingdom", "britain",
        "england", "france", "germany", "italy", "spain", "mexico", "brazil", "india", "japan",
        "korea", "iran", "israel", "syria", "turkey", "poland", "belarus", "georgia", "armenia",
        "azerbaijan", "kazakhstan", "canada", "australia", "egypt", "iraq", "afghanistan",
        "pakistan", "venezuela", "cuba", "netherlands", "holland", "sweden", "norway", "finland",
        "denmark", "switzerland", "austria", "hungary", "czechia", "slovakia", "romania",
        "bulgaria", "serbia", "croatia", "greece", "portugal", "ireland", "scotland", "wales",
        "belgium", "estonia", "latvia", "lithuania", "moldova", "crimea", "donbas", "donbass",
        "europe", "asia", "africa", "arabia", "qatar", "emirates", "lebanon", "jordan", "libya",
        "tunisia", "algeria", "morocco", "nigeria", "kenya", "ethiopia", "sudan", "somalia",
        "yemen", "vietnam", "thailand", "indonesia", "malaysia", "philippines", "singapore",
        "taiwan", "mongolia", "argentina", "chile", "colombia", "peru", "bolivia", "ecuador",
        "uruguay", "paraguay", "nicaragua", "honduras", "guatemala", "panama", "haiti", "zealand",
        "iceland", "slovenia", "albania", "kosovo", "macedonia", "montenegro", "bosnia", "cyprus",
        "malta", "luxembourg", "uzbekistan", "tajikistan", "turkmenistan", "kyrgyzstan", "chechnya",
        "dagestan", "siberia", "caucasus", "balkans", "baltic", "kurdistan", "gaza", "palestine",
        "moscow", "washington", "london", "paris", "berlin", "beijing", "kyiv", "kiev", "minsk",
        "tokyo", "brussels", "tehran", "damascus", "ankara", "istanbul", "warsaw", "rome", "madrid",
        "vienna", "geneva", "prague", "budapest", "jerusalem", "delhi", "mumbai", "seoul",
        "pyongyang", "havana", "caracas", "ottawa", "toronto", "sydney", "canberra", "cairo",
        "baghdad", "kabul", "riyadh", "dubai", "doha", "tbilisi", "yerevan", "baku", "astana",
        "tashkent", "helsinki", "stockholm", "oslo", "copenhagen", "amsterdam", "york", "angeles",
        "chicago", "boston", "houston", "miami", "san", "seattle", "atlanta", "dallas",
        "philadelphia", "detroit", "petersburg", "novosibirsk", "sochi", "vladivostok", "kharkiv",
        "odesa", "odessa", "donetsk", "luhansk", "mariupol", "sevastopol", "lviv", "hong", "kong",
        "shanghai", "manila", "jakarta", "bangkok", "hanoi", "strasbourg", "hague", "davos",
        "munich", "milan", "barcelona", "lisbon", "dublin", "edinburgh", "athens", "belgrade",
        "sofia", "bucharest", "california", "texas", "florida", "virginia", "ohio", "michigan",
        "pennsylvania", "arizona", "nevada", "wisconsin", "carolina", "manhattan", "brooklyn",
        "north", "south", "east", "west", "new", "great", "upper", "lower", "middle", "eurasia",
        "earth", "world", "u.s.", "u.k.", "uk", "us", "eu", "ussr", "riga", "vilnius", "tallinn",
        "chisinau", "bratislava", "ljubljana", "zagreb", "sarajevo", "skopje", "tirana",
        "podgorica", "pristina", "nicosia", "valletta", "reykjavik", "bern", "zurich", "frankfurt",
        "hamburg", "cologne", "lyon", "marseille", "naples", "venice", "florence", "krakow",
        "gdansk", "kaliningrad", "murmansk", "yekaterinburg", "kazan", "samara", "omsk", "irkutsk",
        "grozny", "dnipro", "zaporizhzhia", "kherson", "bakhmut", "avdiivka", "bucha", "mykolaiv",
        "belgorod", "kursk", "rostov", "krasnodar", "volgograd", "tel", "aviv", "gaza", "ramallah",
        "beirut", "amman", "muscat", "sanaa", "manama", "kuwait", "islamabad", "karachi", "lahore",
        "dhaka", "colombo", "kathmandu", "kolkata", "bangalore", "chennai", "nairobi", "lagos",
        "abuja", "accra", "dakar", "addis", "ababa", "khartoum", "tripoli", "tunis", "algiers",
        "rabat", "casablanca", "johannesburg", "pretoria", "cape", "bogota", "lima", "santiago",
        "quito", "montevideo", "asuncion", "brasilia", "rio", "janeiro", "paulo", "managua",
        "tegucigalpa", "montreal", "vancouver", "melbourne", "auckland", "wellington", "osaka",
        "kyoto", "busan", "taipei", "macau", "ulaanbaatar", "almaty", "bishkek", "dushanbe",
        "ashgabat", "brussels", "luxembourg", "monaco", "vatican", "gibraltar", "greenland",
        "alaska", "hawaii", "ottawa", "quebec", "ontario", "bavaria", "catalonia", "tibet",
        "xinjiang", "kashmir", "punjab", "sinai", "golan", "transnistria", "abkhazia", "ossetia",
        "nagorno-karabakh", "karabakh", "idlib", "aleppo", "mosul", "basra", "kandahar", "city",
        "alabama", "arkansas", "colorado", "connecticut", "delaware", "idaho", "illinois",
        "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts",
        "minnesota", "mississippi", "missouri", "nebraska", "oklahoma", "oregon", "tennessee",
        "utah", "vermont", "wyoming", "dakota", "jersey", "hampshire", "puerto", "rico", "belt",
        "alberta", "manitoba", "saskatchewan", "paulo", "sao", "são", "wall", "street", "capitol",
        "latin", "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan",
        "ky", "md", "mich", "minn", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex",
        "va", "wis", "wyo", "n.y.", "n.j.",
        // Russian (folded), nominative and genitive: "пресс-секретарь президента России Дмитрий Песков"
        "россия", "россии", "сша", "украина", "украины", "москва", "москвы", "вашингтон",
        "вашингтона", "германия", "германии", "франция", "франции", "великобритания",
        "великобритании", "китай", "китая", "европа", "европы", "белоруссия", "белоруссии",
        "беларусь", "беларуси", "киев", "киева", "пекин", "пекина", "запад", "запада"};
    return words;
}

const std::vector<std::string_view>& organisation_words() {
    static const std::vector<std::string_view> words = {
        "kremlin", "pentagon", "congress", "senate", "parliament", "duma", "rada", "knesset",
        "house", "committee", "commission", "council", "ministry", "department", "agency", "office",
        "bureau", "administration", "government", "cabinet", "court", "union", "federation",
        "republic", "party", "university", "institute", "academy", "school", "college", "center",
        "centre", "foundation", "fund", "bank", "corporation", "corp.", "inc.", "inc", "ltd.",
        "ltd", "llc", "plc", "company", "group", "association", "organization", "organisation",
        "society", "alliance", "coalition", "army", "navy", "forces", "guard", "police", "service",
        "services", "security", "intelligence", "treaty", "agreement", "accord", "summit", "forum",
        "assembly", "board", "authority", "network", "channel", "station", "church", "museum",
        "hospital", "club", "team", "league", "ministries", "airlines", "airways", "motors",
        "holdings", "industries", "partners", "capital", "nato", "opec", "google", "apple",
        "microsoft", "amazon", "facebook", "twitter", "telegram", "youtube", "instagram", "tiktok",
        "meta", "tesla", "gazprom", "rosneft", "lukoil", "sberbank", "rosatom", "nasa", "spacex",
        "boeing", "airbus", "huawei", "samsung", "roscosmos", "naftogaz", "ukrenergo", "transneft",
        "novatek", "rostec", "aeroflot", "yandex", "vk", "pfizer", "moderna", "astrazeneca",
        "biontech", "netflix", "disney", "walmart", "exxon", "chevron", "shell", "bp", "total",
        "siemens", "volkswagen", "toyota", "nissan", "sony", "alibaba", "tencent", "baidu",
        "bytedance", "openai", "nvidia", "intel", "ibm", "oracle", "uber", "paypal", "visa",
        "mastercard", "sachs", "citi", "citigroup", "hsbc", "barclays", "ubs", "blackrock", "hamas",
        "hezbollah", "taliban", "isis", "fsb", "kgb", "cia", "fbi", "mi6", "interpol", "europol",
        "unesco", "unicef", "who", "imf", "wto", "osce", "iaea", "democrats", "republicans",
        "electoral", "college", "treasury", "homeland", "statue", "monitoring", "watch", "amnesty",
        "greenpeace", "commerce", "justice", "defense", "exchange", "stock", "oil", "gas",
        "petroli", "electric", "motor", "financial", "credit", "societe", "comissaria",
        "commodities", "research", "studies", "economics", "statistics", "reserve", "fed",
        "computer", "computers", "chemical", "pharmaceutical", "markets", "properties", "products",
        "stores", "foods", "industrie", "shipping", "utilities", "telecom", "ventures", "realty",
        "aerospace", "railroad", "railway", "cooperative", "consortium", "syndicate", "trading",
        "manufacturing", "partnership", "hotels", "broadcasting", "publishing", "pictures",
        "studios", "banks", "air", "county", "institution", "caucus", "initiative", "project",
        "programme", "кремль", "кремля"};
    return words;
}

// Endings of company names (also organisation words): a name followed by one of them elsewhere
// in the article ("Texaco Inc", "Merrill Lynch and Co") is a company's, not a person's.
const std::vector<std::string_view>& company_suffix_words() {
    static const std::vector<std::string_view> words = {
        "corp", "corp.", "corporation", "inc", "inc.", "incorporated", "co", "co.", "cos",
        "company", "ltd", "ltd.", "limited", "plc", "llc", "lp", "llp", "ag", "sa", "nv", "bv",
        "spa", "gmbh", "kk", "pty", "bhd", "oy", "group", "holdings", "holding", "bancorp",
        "bancorporation", "bancshares", "banco", "banca", "banque", "industries", "enterprises",
        "associates", "partners", "brothers", "securities", "capital", "resources", "petroleum",
        "systems", "technologies", "technology", "laboratories", "airlines", "airways", "motors",
        "bank", "trust", "savings", "electronics", "communications", "chemicals", "pharmaceuticals",
        "insurance", "investment", "investments", "mining", "mines", "international", "fund",
        "lines", "works"};
    return words;
}

const std::vector<std::string_view>& media_words() {
    static const std::vector<std::string_view> words = {
        "bloomberg", "reuters", "tass", "interfax", "ria", "novosti", "sputnik", "xinhua", "afp",
        "ap", "cnn", "bbc", "nbc", "cbs", "abc", "msnbc", "fox", "npr", "pbs", "politico", "axios",
        "guardian", "telegraph", "times", "post", "journal", "herald", "tribune", "gazette",
        "daily", "weekly", "news", "magazine", "newspaper", "tv", "television", "radio",
        "kommersant", "vedomosti", "izvestia", "rbc", "meduza", "rt", "yonhap", "kyodo", "nikkei",
        "haaretz", "forbes", "newsweek", "wire", "press", "voice", "voices", "echo", "pravda",
        "express", "mirror", "independent", "observer", "chronicle", "bulletin", "review",
        "insider", "yorker", "breitbart", "newsmax", "euronews", "dw", "france24", "aljazeera",
        "jazeera", "ukrinform", "unian", "podcast", "blog", "website", "agencies", "shimbun",
        "shinbun", "zeitung", "allgemeine", "spiegel", "handelsblatt", "figaro", "monde", "soir",
        "corriere", "repubblica", "stampa", "asahi", "yomiuri", "mainichi", "keizai", "izvestiya",
        "newsletter", "tanjug", "jiji", "ansa", "efe", "agence", "bernama", "antara", "irna",
        "kuna", "wam", "brief"};
    return words;
}

const std::vector<std::string_view>& generic_words() {
    static const std::vector<std::string_view> words = {
        "officials", "analysts", "experts", "observers", "sources", "source", "critics",
        "residents", "authorities", "witnesses", "investigators", "prosecutors", "lawmakers",
        "people", "statement", "report", "reports", "diplomats", "scientists", "researchers",
        "economists", "leaders", "politicians", "voters", "citizens", "protesters", "activists",
        "members", "supporters", "opponents", "journalists", "reporters", "commentators",
        "deputies", "senators", "everyone", "nobody", "someone", "somebody", "anyone", "document",
        "letter", "survey", "poll", "study", "data", "figures", "site", "spokesmen", "aides",
        "ministers", "presidents", "governments", "countries", "nations", "media", "polls", "both",
        "many", "most", "others", "several", "few", "all", "some", "none", "each", "russians",
        "americans", "ukrainians", "europeans", "chinese", "god", "election", "elections",
        "campaign", "war", "crisis", "operation", "day", "week", "month", "year", "today",
        "yesterday", "tomorrow", "tonight", "morning", "evening", "night", "weekend", "photo",
        "video", "image", "update", "updated", "breaking", "related", "similar", "advertisement",
        "copyright", "subscribe", "share", "follow", "download", "direct", "link", "click", "read",
        "also", "more", "comments", "comment", "note", "president-elect", "internet", "covid",
        "coronavirus", "brexit", "obamacare", "start",
        // plural common nouns that stand as subjects ("Traders said", "Defenders say")
        "traders", "dealers", "defenders", "exporters", "importers", "producers", "brokers",
        "bankers", "investors", "farmers", "growers", "workers", "consumers", "buyers", "sellers",
        "shippers", "miners", "refiners", "strategists", "forecasters", "insiders", "participants",
        "delegates", "negotiators", "organisers", "organizers", "campaigners", "demonstrators",
        "rebels", "militants", "separatists", "doctors", "teachers", "students", "parents",
        "families", "locals", "villagers", "survivors", "victims", "fans", "owners", "operators",
        "users", "customers", "employees", "unions", "regulators", "legislators", "judges",
        "lawyers", "attorneys", "manufacturers", "retailers", "lenders", "creditors", "bondholders",
        "shareholders", "stockholders", "underwriters", "merchants", "proponents", "advocates",
        "backers", "skeptics", "sceptics", "planners", "officers", "soldiers", "troops",
        "commanders", "monitors", "inspectors", "sources", "insurers", "market"};
    return words;
}

const std::vector<std::string_view>& function_words() {
    static const std::vector<std::string_view> words = {
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
        "i", "you", "his", "her", "their", "our", "my", "your", "him", "them", "us", "but", "and",
        "or", "nor", "so", "yet", "if", "when", "while", "after", "before", "since", "although",
        "though", "however", "meanwhile", "moreover", "furthermore", "still", "then", "now", "here",
        "there", "in", "on", "at", "by", "for", "from", "with", "without", "of", "to", "as",
        "about", "against", "according", "asked", "speaking", "last", "next", "earlier", "later",
        "other", "another", "every", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "twenty", "dozens", "hundreds", "thousands", "what",
        "why", "how", "who", "whom", "whose", "where", "which", "even", "just", "only", "not", "no",
        "yes", "obviously", "therefore", "accordingly", "indeed", "instead", "despite", "during",
        "under", "over", "among", "between", "through", "until", "unless", "because", "once",
        "such", "thus", "hence", "besides", "overall", "finally", "second", "third", "whatever",
        "whoever", "although", "unlike", "like", "amid", "via", "per", "into", "onto", "upon",
        "within", "across", "along", "around", "behind", "beyond", "near", "off", "out", "up",
        "down", "above", "below", "toward", "towards", "regardless", "perhaps", "maybe", "clearly",
        "apparently", "notably", "similarly", "likewise", "additionally", "nevertheless",
        "nonetheless", "otherwise", "rather", "back", "away", "together", "instead", "why", "let",
        "does", "did", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
        "would", "can", "could", "might", "must", "shall", "should", "dear", "hello", "thanks",
        "thank", "please", "oh", "ok", "okay", "well", "meanwhile", "anyway", "whether", "either",
        "neither", "whereas", "ago", "hi", "sorry", "wow"};
    return words;
}

const std::vector<std::string_view>& day_words() {
    static const std::vector<std::string_view> words = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon.",
        "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun."};
    return words;
}

const std::vector<std::string_view>& month_words() {
    static const std::vector<std::string_view> words = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
        "sep.", "sept.", "oct.", "nov.", "dec."};
    return words;
}

// Nouns that describe a company, a medium or a body: "the weekly Der Spiegel said", "brokers
// James Capel said", and in an apposition ", a computer systems company formed …, said".
const std::vector<std::string_view>& thing_noun_words() {
    static const std::vector<std::string_view> words = {
        "daily", "weekly", "newspaper", "newspapers", "paper", "magazine", "newsletter", "agency",
        "journal", "tabloid", "radio", "television", "broadcaster", "network", "channel", "station",
        "website", "outlet", "company", "companies", "firm", "group", "bank", "banks", "brokers",
        "brokerage", "house", "maker", "manufacturer", "producer", "carrier", "airline", "retailer",
        "insurer", "lender", "chain", "unit", "subsidiary", "concern", "operator", "processor",
        "utility", "partnership", "fund", "trust", "exporter", "importer", "shipper", "supplier",
        "conglomerate", "distributor", "underwriter", "underwriters", "arranger", "co-manager",
        "co-managers", "газета", "агентство", "издание", "компания"};
    return words;
}

const std::vector<std::string_view>& suffix_words() {
    static const std::vector<std::string_view> words = {
        "jr.", "jr", "sr.", "sr", "ii", "iii", "iv"};
    return words;
}

const std::vector<std::string_view>& particle_words() {
    static const std::vector<std::string_view> words = {
        "von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin",
        "ibn", "al", "el", "dos", "das", "do", "ter", "ten", "zu", "y", "af", "bint", "abu"};
    return words;
}

const std::vector<std::string_view>& hyphen_prefix_words() {
    static const std::vector<std::string_view> words = {
        "al-", "el-", "ad-", "as-", "ash-", "ar-", "at-", "az-", "an-", "bin-", "abu-", "ibn-"};
    return words;
}
// clang-format on

using ClassMap = std::unordered_map<std::string_view, unsigned>;

const ClassMap& classes() {
    static const ClassMap map = [] {
        ClassMap m;
        auto add = [&m](const std::vector<std::string_view>& words, unsigned cls) {
            for (std::string_view w : words) m[w] |= cls;
        };
        add(role_words(), kClassRole);
        add(demonym_words(), kClassDemonym);
        add(place_words(), kClassPlace);
        add(organisation_words(), kClassOrganisation);
        add(media_words(), kClassMedia);
        add(generic_words(), kClassGeneric);
        add(function_words(), kClassFunction);
        add(day_words(), kClassDay);
        add(month_words(), kClassMonth);
        add(suffix_words(), kClassSuffix);
        add(title_words(), kClassTitle);
        add(company_suffix_words(), kClassCompany | kClassOrganisation);
        return m;
    }();
    return map;
}

}  // namespace

unsigned word_classes(std::string_view folded) {
    const ClassMap& map = classes();
    auto it = map.find(folded);
    if (it != map.end()) return it->second;
    // "secretary-treasurer", "co-chairman"'s kin: a hyphenated word whose every part is a role
    // is a role (and a person's title when every part is one).
    std::size_t hyphen = folded.find('-');
    if (hyphen == std::string_view::npos || hyphen == 0) return 0U;
    unsigned shared = kClassRole | kClassTitle;
    for (std::size_t start = 0; start <= folded.size();) {
        std::size_t stop = std::min(folded.find('-', start), folded.size());
        auto part = map.find(folded.substr(start, stop - start));
        if (part == map.end() || (part->second & kClassRole) == 0) return 0U;
        shared &= part->second;
        start = stop + 1;
    }
    return shared;
}

bool is_particle_word(std::string_view word) {
    for (std::string_view w : particle_words())
        if (w == word) return true;
    return false;
}

bool is_thing_noun(std::string_view folded) {
    static const std::unordered_set<std::string_view> nouns(thing_noun_words().begin(), thing_noun_words().end());
    return nouns.contains(folded);
}

bool looks_like_plural_noun(std::string_view folded) {
    if ((word_classes(folded) & kClassGeneric) != 0 && folded.size() > 3 && folded.back() == 's') {
        return true;
    }
    if (folded.size() < 6) return false;
    for (std::string_view ending :
         {"ers", "ors", "ists", "ants", "ents", "ians", "ees", "ives", "ans", "als", "ies"}) {
        if (folded.ends_with(ending)) return true;
    }
    return false;
}

namespace {

constexpr std::size_t kMinSlipTitle = 7;  // shorter titles are too close to names and words

// `word` is `title` with one letter dropped (not the first).
bool dropped_letter(std::string_view word, std::string_view title) {
    std::size_t i = 0;
    while (i < word.size() && word[i] == title[i]) ++i;
    return i > 0 && word.substr(i) == title.substr(i + 1);
}

// Same length: one letter changed, or two neighbours swapped (not the first letter).
bool changed_letter(std::string_view word, std::string_view title) {
    std::size_t i = 0;
    while (i < word.size() && word[i] == title[i]) ++i;
    if (i == 0 || i == word.size()) return false;
    if (word.substr(i + 1) == title.substr(i + 1)) return true;
    return i + 1 < word.size() && word[i] == title[i + 1] && word[i + 1] == title[i] &&
           word.substr(i + 2) == title.substr(i + 2);
}

}  // namespace

// The titles long enough to be misspelled, by first byte (a slip keeps the first letter): a
// word is compared with a dozen of them, not with every title (asked of most capitalised words).
const std::array<std::vector<std::string_view>, 256>& slip_titles_by_first_byte() {
    static const auto by_byte = [] {
        std::array<std::vector<std::string_view>, 256> out;
        for (std::string_view title : title_words())
            if (title.size() >= kMinSlipTitle) out[static_cast<unsigned char>(title.front())].push_back(title);
        return out;
    }();
    return by_byte;
}

bool is_misspelled_title(std::string_view folded) {
    if (folded.size() + 1 < kMinSlipTitle) return false;
    for (std::string_view title : slip_titles_by_first_byte()[static_cast<unsigned char>(folded.front())]) {
        if (title.size() == folded.size() + 1 && dropped_letter(folded, title)) return true;
        if (title.size() == folded.size() && changed_letter(folded, title)) return true;
    }
    return false;
}

bool is_state_abbreviation(std::string_view folded) {
    static const std::unordered_set<std::string_view> states = {
        "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "md",
        "mich", "minn", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "wis",
        "wyo"};
    return states.contains(folded);
}

bool has_hyphen_prefix(std::string_view text) {
    std::size_t hyphen = text.find('-');
    if (hyphen == std::string_view::npos || hyphen > 3) return false;
    for (std::string_view prefix : hyphen_prefix_words()) {
        if (text.size() > prefix.size() && text.substr(0, prefix.size()) == prefix) {
            return is_upper(decode_at(text, prefix.size()).value);
        }
    }
    return false;
}

}  // namespace gazette::speakers
