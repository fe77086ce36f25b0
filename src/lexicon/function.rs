//! Function words, months and number words: closed English word classes that
//! the entity rules, the claims and the compare view's similarity all use.

/// English function words (lowercase): capitalised only at the start of a
/// sentence, and shared by any two sentences.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even",
    "ever", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
    "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself",
    "just", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now",
    "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "same", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon",
    "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who",
    "whom", "why", "will", "with", "would", "yet", "you", "your", "within", "without", "since",
    "among", "amid", "amidst", "though", "although", "via",
];

/// Capitalised words that open a sentence or a page line and are not names, beyond
/// the function words: sentence adverbs ("Meanwhile") and page words ("Read",
/// "Share"). The entity rules need them; the compare view does not, because
/// they carry meaning there ("today", "latest").
pub const SENTENCE_OPENERS: &[&str] = &[
    "Despite",
    "Several",
    "Many",
    "Every",
    "Beyond",
    "Unless",
    "According",
    "Nevertheless",
    "Meanwhile",
    "Furthermore",
    "Moreover",
    "Additionally",
    "Instead",
    "Still",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Last",
    "Next",
    "Another",
    "One",
    "Two",
    "Three",
    "Please",
    "Let",
    "Previous",
    "Toward",
    "Towards",
    "Following",
    "Given",
    "Like",
    "Unlike",
    "Read",
    "See",
    "Click",
    "Share",
    "Follow",
    "Subscribe",
    "Sign",
    "Home",
    "Related",
    "Top",
    "Latest",
];

/// Months and their abbreviations, as news writes dates ("March 3", "Feb.
/// 26"). "May" is one, but also a modal verb and a first name, so the name
/// rules do not treat it as a month.
pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Capitalised words that are never part of a name (months too, but for
/// "May": see [`MONTHS`]).
pub const NEVER_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "AM",
    "PM",
    "OK",
    "TV",
    "CEO",
    "GDP",
    "AI",
    "Covid",
    "COVID",
    "Internet",
    "God",
    "ET",
    "EST",
    "EDT",
    "PT",
    "PST",
    "PDT",
    "CT",
    "CST",
    "GMT",
    "BST",
    "UTC",
    "CET",
    "CEST",
];

/// Prepositions that govern a noun phrase: an entity after one is not a subject.
pub const PREPOSITIONS: &[&str] = &[
    "by", "of", "to", "from", "in", "with", "for", "on", "at", "against", "into", "over", "about",
    "between", "than", "toward", "towards", "without",
];

/// Number words: a quantity without digits ("seven counts", "dozens").
pub const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "double",
    "doubled",
    "tripled",
    "percent",
    "pct",
];

/// Words before a number that make it a name, not a quantity ("Article 5").
pub const NUMBER_NAMES: &[&str] = &[
    "Article",
    "Section",
    "Chapter",
    "Resolution",
    "No",
    "No.",
    "Number",
    "Phase",
    "Level",
    "Category",
    "Form",
    "Flight",
    "Route",
    "Paragraph",
    "Rule",
    "Item",
    "Page",
    "Vol",
    "Volume",
    "Highway",
    "Class",
    "Type",
    "Stage",
    "Part",
    "Title",
    "Act",
    "War",
];

/// Openers of commentary on what was just said ("This development ...").
pub const ANAPHORIC_OPENERS: &[&str] = &["this", "these", "their", "such", "it", "that"];

/// A function word in lowercase or capitalised at a sentence start: "The",
/// "the", never "US" or "IT".
pub fn is_function_word(word: &str) -> bool {
    let mut chars = word.chars();
    let rest_lower = chars.next().is_some() && chars.all(|c| !c.is_uppercase());
    rest_lower
        && FUNCTION_WORDS
            .iter()
            .any(|item| item.eq_ignore_ascii_case(word))
}
