//! How English news writes quantities, dates and denials: what the insights
//! read to tell "800,000" from "eight hundred thousand" from "800k", and a
//! figure from its rounding. Kept apart from `NUMBER_WORDS` (which only says a
//! word is a quantity) because here each word needs its value.

/// Spelled-out numbers below a hundred and their values.
pub const SMALL_NUMBERS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

/// Multipliers written after a number, spelled or abbreviated ("2.5bn").
/// "m" is only a million next to a currency: alone it is as often metres.
pub const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("k", 1e3),
    ("million", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
    ("trn", 1e12),
];

/// Currency marks written before a number, with the currency they name.
pub const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("$", "dollar"),
    ("US$", "dollar"),
    ("£", "pound"),
    ("€", "euro"),
    ("¥", "yen"),
    ("₹", "rupee"),
];

/// Currency words written after a number (singular and plural).
pub const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "dollar"),
    ("dollars", "dollar"),
    ("usd", "dollar"),
    ("pound", "pound"),
    ("pounds", "pound"),
    ("gbp", "pound"),
    ("sterling", "pound"),
    ("euro", "euro"),
    ("euros", "euro"),
    ("eur", "euro"),
    ("yen", "yen"),
    ("yuan", "yuan"),
    ("renminbi", "yuan"),
    ("rupee", "rupee"),
    ("rupees", "rupee"),
    ("rouble", "rouble"),
    ("roubles", "rouble"),
    ("ruble", "rouble"),
    ("rubles", "rouble"),
];

/// Units of measure and what one of each is in the dimension's base unit
/// (metres, seconds), so "10 km" and "6.2 miles" compare.
pub const UNITS: &[(&str, &str, f64)] = &[
    ("km", "length", 1000.0),
    ("kms", "length", 1000.0),
    ("kilometre", "length", 1000.0),
    ("kilometres", "length", 1000.0),
    ("kilometer", "length", 1000.0),
    ("kilometers", "length", 1000.0),
    ("mile", "length", 1609.344),
    ("miles", "length", 1609.344),
    ("metre", "length", 1.0),
    ("metres", "length", 1.0),
    ("meter", "length", 1.0),
    ("meters", "length", 1.0),
    ("foot", "length", 0.3048),
    ("feet", "length", 0.3048),
    ("ft", "length", 0.3048),
    ("second", "time", 1.0),
    ("seconds", "time", 1.0),
    ("minute", "time", 60.0),
    ("minutes", "time", 60.0),
    ("mins", "time", 60.0),
    ("hour", "time", 3600.0),
    ("hours", "time", 3600.0),
    ("hrs", "time", 3600.0),
    ("day", "time", 86_400.0),
    ("days", "time", 86_400.0),
    ("week", "time", 604_800.0),
    ("weeks", "time", 604_800.0),
    ("month", "time", 2_629_746.0),
    ("months", "time", 2_629_746.0),
    ("year", "time", 31_556_952.0),
    ("years", "time", 31_556_952.0),
    ("decade", "time", 315_569_520.0),
    ("decades", "time", 315_569_520.0),
    ("kg", "mass", 1.0),
    ("kilograms", "mass", 1.0),
    ("tonnes", "mass", 1000.0),
    ("tons", "mass", 1000.0),
];

/// Words for a share out of a hundred.
pub const PERCENT_WORDS: &[&str] = &["percent", "pct", "pc"];

/// Words before a figure that make it approximate ("about 800").
pub const ABOUT_WORDS: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "estimated",
    "circa",
    "approx",
];
/// A figure just below the one written ("nearly 1,000").
pub const NEARLY_WORDS: &[&str] = &["nearly", "almost"];
/// One word before a figure the true one exceeds ("over 150"); the
/// two-word forms ("more than", "at least") are read as phrases.
pub const AT_LEAST_WORDS: &[&str] = &["over", "exceeding", "beyond"];
/// One word before a figure the true one stays under ("under four hours").
pub const AT_MOST_WORDS: &[&str] = &["under", "below"];

/// Words that say what a length measures ("a depth of 10 km", "30 metres
/// tall"), so that a depth is compared with a depth, not with a distance.
pub const LENGTH_NOUNS: &[(&str, &str)] = &[
    ("depth", "depth"),
    ("deep", "depth"),
    ("height", "height"),
    ("tall", "height"),
    ("high", "height"),
    ("length", "length"),
    ("long", "length"),
    ("width", "width"),
    ("wide", "width"),
    ("altitude", "altitude"),
];

pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words that deny the verb after them ("did not agree", "never signed").
pub const NEGATORS: &[&str] = &["not", "never", "n't", "no", "neither", "nor", "cannot"];

/// Words of one measure that news uses for the same count: "killed",
/// "dead" and "death toll" report one figure. Two figures are only compared
/// when they count the same thing.
pub const MEASURE_FAMILIES: &[&[&str]] = &[
    &[
        "dead",
        "death",
        "deaths",
        "die",
        "died",
        "dying",
        "kill",
        "killed",
        "killing",
        "killings",
        "toll",
        "fatalities",
        "lives",
        "bodies",
        "casualties",
        "perished",
    ],
    &[
        "injured", "injuries", "injuring", "wounded", "hurt", "injure",
    ],
    &[
        "missing",
        "trapped",
        "trapping",
        "buried",
        "unaccounted",
        "stranded",
    ],
    &["seat", "seats", "mps", "constituencies"],
    &["vote", "votes", "ballots"],
    &["storey", "storeys", "story", "stories", "floor", "floors"],
    &["magnitude", "richter"],
];

/// Nouns a count of anything may use: "144 people" says nothing of what
/// the count is about (killed, trapped, evacuated), so it aligns no figures.
pub const GENERIC_COUNT_HEADS: &[&str] = &[
    "people",
    "person",
    "persons",
    "individual",
    "other",
    "men",
    "women",
    "time",
    "more",
];

/// Words around a count that say it has moved on since an earlier one.
pub const LATER_CUES: &[&str] = &[
    "risen",
    "rose",
    "climbed",
    "jumped",
    "grown",
    "increased",
    "now",
    "latest",
    "updated",
    "revised",
];

/// Words around a count that make it a projection a later count replaces.
pub const PROJECTION_CUES: &[&str] = &["projected", "expected", "forecast", "predicted", "exit"];

/// Words that make a figure the whole's ("nationwide"), not a part's.
pub const WHOLE_SCOPE: &[&str] = &[
    "nationwide",
    "countrywide",
    "whole",
    "entire",
    "overall",
    "national",
    "worldwide",
    "total",
];

/// Verbs that deny the verb after them ("failed to agree", "declined to sign").
pub const NEGATING_VERBS: &[&str] = &[
    "failed", "fails", "declined", "declines", "refused", "refuses",
];

/// Words that open a clause asserting nothing: "if the strike was not
/// settled", "unless it was settled", "whether it will sign".
pub const CONDITIONS: &[&str] = &["if", "unless", "whether", "lest"];

/// Words before a verb in its clause that make it a duty, a wish, a
/// possibility or a plan, not an act told: "have to be more competitive",
/// "wants to sell", "could build". ("may" only in lower case: the month.)
pub const UNASSERTED: &[&str] = &[
    "must",
    "should",
    "could",
    "might",
    "may",
    "want",
    "wants",
    "wanted",
    "hope",
    "hopes",
    "hoped",
    "plan",
    "plans",
    "planned",
    "aim",
    "aims",
    "seek",
    "seeks",
    "speculated",
    // A hedged denial ("is unlikely to follow"): nothing is affirmed.
    "unlikely",
];

/// Words before "to" that make the verb after it a duty or a need ("has
/// to pay", "needs to sign").
pub const DUTY_BEFORE_TO: &[&str] = &["have", "has", "had", "need", "needs", "needed"];

/// Verbs that say the opposite of each other of one thing ("accepted" /
/// "rejected" the offer), by the crude stem the insights compare verbs by
/// (endings -ing, -ed, -s, -e cut: "approved" is "approv").
pub const OPPOSITE_VERBS: &[(&str, &str)] = &[
    ("accept", "reject"),
    ("approv", "reject"),
    ("confirm", "deni"),
    ("admit", "deni"),
    ("win", "lost"),
    ("won", "lost"),
    ("pass", "fail"),
    ("ris", "fell"),
    ("ros", "fell"),
    ("increas", "decreas"),
    ("support", "oppos"),
];

/// Nouns for speakers who are not named: a statement credited to them is
/// anonymous, not attributed.
pub const ANONYMOUS_SPEAKERS: &[&str] = &[
    "sources",
    "source",
    "officials",
    "official",
    "people",
    "person",
    "insiders",
    "insider",
    "aides",
    "aide",
    "diplomats",
    "diplomat",
    "analysts",
    "observers",
    "experts",
    "residents",
    "witnesses",
    "reports",
];

/// Nouns of an event that a magnitude or a depth measures ("a 6.8
/// earthquake", "the tremor struck at a depth of 10 km").
pub const EVENT_NOUNS: &[&str] = &[
    "earthquake",
    "earthquakes",
    "quake",
    "quakes",
    "tremor",
    "tremors",
    "temblor",
    "temblors",
    "jolt",
    "shock",
    "eruption",
    "explosion",
    "blast",
];

/// Nouns of an event that follows or precedes the main one: its figures
/// are another event's, never a rival reading of the main event's.
pub const SEQUEL_NOUNS: &[&str] = &["aftershock", "aftershocks", "foreshock", "foreshocks"];

/// Words of a building's floors after a count ("a 30-storey tower", "12
/// floors"); "story" only hyphened, as "three stories" may be reports.
pub const STOREY_WORDS: &[&str] = &["storey", "storeys", "floor", "floors", "level", "levels"];

/// Words that say what a sum of money is, by its role: a fine and bail are
/// two sums of one case, never rival figures of one. The words are
/// matched whole, so "lost" and "stole" name one role: money taken from
/// its owners.
pub const MONEY_ROLES: &[(&str, &str)] = &[
    ("lost", "loss"),
    ("lose", "loss"),
    ("losing", "loss"),
    ("loss", "loss"),
    ("losses", "loss"),
    ("stole", "loss"),
    ("stolen", "loss"),
    ("steal", "loss"),
    ("stealing", "loss"),
    ("theft", "loss"),
    ("embezzled", "loss"),
    ("embezzling", "loss"),
    ("misappropriated", "loss"),
    ("defrauded", "loss"),
    ("swindled", "loss"),
    ("fine", "fine"),
    ("fined", "fine"),
    ("fines", "fine"),
    ("penalty", "fine"),
    ("bail", "bail"),
    ("ransom", "ransom"),
    ("damages", "damages"),
    ("compensation", "damages"),
];

/// Words right before a figure that make it another occurrence's ("an
/// earlier 5.0 tremor", "a second blast", "another $2m fine").
pub const OTHER_OCCURRENCE_CUES: &[&str] = &[
    "another",
    "earlier",
    "second",
    "previous",
    "prior",
    "separate",
    "subsequent",
];

/// Verbs that move a reported figure to a new value ("revised the
/// magnitude up to 7.9", "downgraded it to 5.4"): the later stage of one
/// reading, not a rival one.
pub const REVISION_VERBS: &[&str] = &[
    "revised",
    "revise",
    "revises",
    "upgraded",
    "upgrade",
    "downgraded",
    "downgrade",
    "corrected",
    "amended",
    "adjusted",
];
