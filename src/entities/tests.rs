//! Entity rules on invented sentences (names the seed articles never use).

use super::detect;
use crate::load::Format;
use crate::model::{Article, Entity, EntityType};
use crate::{sentences, structure};

fn entities(text: &str) -> Vec<Entity> {
    let blocks = structure::blocks(text, Format::Text);
    let sentences = sentences::split(text, &blocks);
    detect(text, &blocks, &sentences)
}

fn found(text: &str, surface: &str) -> Option<(EntityType, String)> {
    entities(text)
        .into_iter()
        .find(|entity| entity.text(text) == surface)
        .map(|entity| (entity.kind, entity.canonical.to_string()))
}

#[test]
fn titles_possessives_and_the_stay_outside_spans() {
    let text = "Finance Minister Olaf Brandtner's plan was rejected by the Bundestag Budget Committee on Tuesday.";
    assert_eq!(
        found(text, "Olaf Brandtner").map(|f| f.0),
        Some(EntityType::Person)
    );
    assert_eq!(
        found(text, "Bundestag Budget Committee").map(|f| f.0),
        Some(EntityType::Organization)
    );
    assert!(
        entities(text)
            .iter()
            .all(|e| !e.text(text).contains("Minister") && e.text(text) != "Tuesday")
    );
}

#[test]
fn surnames_link_to_the_full_name_of_the_article() {
    let text = "Kenyan opposition leader Amara Odhiambo spoke in Nairobi. Odhiambo said the vote was rigged.";
    let all = entities(text);
    let linked: Vec<&Entity> = all
        .iter()
        .filter(|e| &*e.canonical == "Amara Odhiambo")
        .collect();
    assert_eq!(linked.len(), 2, "{all:?}");
    assert_eq!(found(text, "Nairobi").map(|f| f.0), Some(EntityType::Place));
}

#[test]
fn organisation_suffixes_and_bracketed_acronyms() {
    let text =
        "The National Electoral Commission (NEC) said turnout was low. NEC officials blamed rain.";
    let all = entities(text);
    assert_eq!(
        all.iter()
            .filter(|e| &*e.canonical == "National Electoral Commission")
            .count(),
        3,
        "{all:?}"
    );
}

#[test]
fn headlines_weekdays_and_article_numbers_are_not_entities() {
    for text in [
        "MARKETS RALLY AS CENTRAL BANK HOLDS RATES",
        "Talks Resume on Border Dispute After Long Pause",
        "On Monday, the alliance invoked Article 4 again.",
    ] {
        let all = entities(text);
        assert!(
            all.iter().all(|e| e.kind != EntityType::Person),
            "{text}: {all:?}"
        );
        assert!(
            all.iter()
                .all(|e| !e.text(text).contains("Monday") && !e.text(text).contains("Article")),
            "{all:?}"
        );
    }
}

#[test]
fn abbreviations_of_countries_share_a_canonical_name() {
    let text = "The U.S. and the United States Navy met. US officials and UK envoys agreed.";
    assert_eq!(
        found(text, "U.S.").map(|f| f.1),
        Some("United States".to_string())
    );
    assert_eq!(
        found(text, "US").map(|f| f.1),
        Some("United States".to_string())
    );
    assert_eq!(
        found(text, "UK").map(|f| f.1),
        Some("United Kingdom".to_string())
    );
}

#[test]
fn transliterations_link_across_articles() {
    let make = crate::analysis::article_from_text;
    let mut articles: Vec<Article> = vec![
        make(
            "a",
            "Ukrainian President Volodymyr Zelenskiy met envoys on Friday.",
        ),
        make("b", "President Zelensky said the talks were useful."),
        make("c", "Volodymyr Zelenskyy spoke to reporters."),
    ];
    super::link_corpus(&mut articles);
    let canonicals: Vec<&str> = articles
        .iter()
        .flat_map(|article| article.entities.iter())
        .filter(|entity| entity.kind == EntityType::Person)
        .map(|entity| &*entity.canonical)
        .collect();
    assert_eq!(canonicals.len(), 3, "{canonicals:?}");
    assert!(
        canonicals.windows(2).all(|pair| pair[0] == pair[1]),
        "{canonicals:?}"
    );
}

#[test]
fn hostile_input_never_panics() {
    for text in [
        "",
        "’s",
        "\u{0}\u{1b}[31mX",
        "A-",
        "(ABC",
        "U.S.-",
        "Mr.",
        "of the",
        "É’s É’s",
    ] {
        entities(text);
    }
}

fn kind_of(text: &str, surface: &str) -> Option<EntityType> {
    found(text, surface).map(|(kind, _)| kind)
}

#[test]
fn hyphenated_surnames_are_names() {
    let text = "Tom Ashby-Crane was convicted on Friday. Ashby-Crane, 31, denied the charges.";
    assert_eq!(
        found(text, "Tom Ashby-Crane"),
        Some((EntityType::Person, "Tom Ashby-Crane".into()))
    );
    assert_eq!(
        found(text, "Ashby-Crane"),
        Some((EntityType::Person, "Tom Ashby-Crane".into()))
    );
}

#[test]
fn townships_pagodas_districts_and_cities_are_places() {
    let text = "Rescuers reached Lindor Township of Vale Region, the Mira Pagoda and Taro City. \
                Lights went out in the Kessel District.";
    for place in [
        "Lindor Township",
        "Vale Region",
        "Mira Pagoda",
        "Taro City",
        "Kessel District",
    ] {
        assert_eq!(kind_of(text, place), Some(EntityType::Place), "{place}");
    }
    let text = "Floods hit Kaduna State and the Islamic State claimed an attack.";
    assert_eq!(kind_of(text, "Kaduna State"), Some(EntityType::Place));
    assert_ne!(kind_of(text, "Islamic State"), Some(EntityType::Place));
    // A district court's judge is a person, the country before it a place.
    let text = "The case went before U.S. District Judge Ana Reyes on Monday.";
    assert_eq!(kind_of(text, "Ana Reyes"), Some(EntityType::Person));
    assert_eq!(kind_of(text, "U.S."), Some(EntityType::Place));
    assert!(
        entities(text)
            .iter()
            .all(|e| !e.text(text).contains("District"))
    );
}

#[test]
fn brands_founders_and_places_after_in_are_typed_by_their_cue() {
    let text = "Videos on FlickTok showed the damage, said Ivo Marsh, the founder of Zentrix. \
                Flights to the capital resumed, and talks in Kampo Vella Nova ended.";
    assert_eq!(kind_of(text, "FlickTok"), Some(EntityType::Organization));
    assert_eq!(kind_of(text, "Zentrix"), Some(EntityType::Organization));
    assert_eq!(kind_of(text, "Kampo Vella Nova"), Some(EntityType::Place));
}

#[test]
fn a_gazetteer_word_that_is_a_named_persons_surname_is_that_person() {
    let text = "Lena Garland chaired the inquiry. Garland said the report was late.";
    assert_eq!(
        found(text, "Garland"),
        Some((EntityType::Person, "Lena Garland".into()))
    );
}

#[test]
fn datelines_time_zones_work_titles_and_furniture() {
    let text = "NAIROBI (Nordwire) - Talks resumed at 7 p.m. ET on Monday.\n\
                He starred in “The Long Night of Ardmore” for years.\n\
                By Ana Reyes and Tom Hale";
    assert_eq!(
        found(text, "NAIROBI"),
        Some((EntityType::Place, "Nairobi".into()))
    );
    let all = entities(text);
    assert!(
        all.iter().all(|e| e.text(text) != "ET"
            && !e.text(text).contains("Long Night")
            && e.text(text) != "Ana Reyes"),
        "{all:?}"
    );
}

fn linked_corpus(texts: &[&str]) -> Vec<Article> {
    let mut articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| crate::analysis::article_from_text(&format!("a{i}"), text))
        .collect();
    super::link_corpus(&mut articles);
    articles
}

fn canonical_in(articles: &[Article], surface: &str) -> Vec<(EntityType, String)> {
    articles
        .iter()
        .flat_map(|article| {
            article
                .entities
                .iter()
                .filter(|entity| entity.text(&article.body) == surface)
        })
        .map(|entity| (entity.kind, entity.canonical.to_string()))
        .collect()
}

#[test]
fn nicknames_acronyms_and_spacing_link_across_articles() {
    let articles = linked_corpus(&[
        "Jeff Moreau, the port director, said ships were waiting.",
        "Port director Jeffrey Moreau said the cranes were idle.",
        "The Harbour Safety Board said the quay was unsafe.",
        "The HSB closed the quay on Monday.",
        "Flights landed in Kampo Vella on Monday.",
        "Talks in Kampovella ended on Tuesday.",
    ]);
    let jeffrey = canonical_in(&articles, "Jeffrey Moreau");
    assert_eq!(canonical_in(&articles, "Jeff Moreau"), jeffrey);
    assert_eq!(
        canonical_in(&articles, "HSB"),
        vec![(EntityType::Organization, "Harbour Safety Board".into())]
    );
    assert_eq!(
        canonical_in(&articles, "Kampovella"),
        canonical_in(&articles, "Kampo Vella")
    );
}

#[test]
fn short_forms_and_misspelt_rare_surnames_link_conservatively() {
    let articles = linked_corpus(&[
        "The Justice Department opened an inquiry.",
        "The Department of Justice said the inquiry was open.",
        "The U.S. Justice Department declined to comment.",
        "Judge Mara Hartwell chaired the hearing. It would resume, Hartwel said.",
        "Judge Mara Hartwel left the building.",
        "The farmer Tom Hartwel was not at the hearing.",
        "Minister Anna Vogel spoke first, and Minister Peter Vogel later.",
    ]);
    let justice = canonical_in(&articles, "Justice Department");
    assert_eq!(canonical_in(&articles, "Department of Justice"), justice);
    assert_eq!(canonical_in(&articles, "U.S. Justice Department"), justice);
    let hartwell = canonical_in(&articles, "Mara Hartwell");
    assert_eq!(canonical_in(&articles, "Mara Hartwel"), hartwell);
    assert_eq!(canonical_in(&articles, "Hartwel")[0], hartwell[0]);
    // Another first name, another person: nothing wrongly merged.
    assert_ne!(canonical_in(&articles, "Tom Hartwel")[0], hartwell[0]);
    assert_ne!(
        canonical_in(&articles, "Anna Vogel"),
        canonical_in(&articles, "Peter Vogel")
    );
}

#[test]
fn indexes_mastheads_and_dateline_states_are_not_people_or_organisations() {
    let text = "AUSTIN, TX (Nordwire) - The Hang Lo index fell 2% and the Kessel 300 index rose.\n\
                Oil stocks dragged the Brava Composite lower, NORWAY TODAY reported.";
    let all = entities(text);
    assert!(all.iter().all(|e| e.kind != EntityType::Person), "{all:?}");
    assert_eq!(kind_of(text, "TX"), Some(EntityType::Place));
    assert_eq!(
        kind_of(text, "NORWAY TODAY"),
        Some(EntityType::Organization)
    );
    assert!(all.iter().all(|e| e.text(text) != "NORWAY"), "{all:?}");
}

fn kinds(text: &str) -> Vec<(String, EntityType)> {
    entities(text)
        .into_iter()
        .map(|entity| (entity.text(text).to_string(), entity.kind))
        .collect()
}

fn person(name: &str) -> (String, EntityType) {
    (name.to_string(), EntityType::Person)
}

#[test]
fn the_tagger_finds_names_without_a_cue() {
    // The article writes "later" in lower case elsewhere: a common word.
    let found = kinds("Later Petrenko met Dahl in the capital. They spoke again later.");
    assert!(found.contains(&person("Petrenko")), "{found:?}");
    assert!(found.contains(&person("Dahl")), "{found:?}");
    assert!(
        !found.iter().any(|(text, _)| text.contains("Later")),
        "{found:?}"
    );
    // Alone, an opening word the article also writes in lower case is none.
    let found = kinds("Already the talks had stalled. Dahl had already left.");
    assert!(
        !found.iter().any(|(text, _)| text == "Already"),
        "{found:?}"
    );
    let found = kinds("Ivo Marchetti and Lena Okonkwo flew to Oslo on Sunday.");
    assert!(found.contains(&person("Ivo Marchetti")), "{found:?}");
    assert!(found.contains(&person("Lena Okonkwo")), "{found:?}");
}

#[test]
fn datelines_and_results_lines_are_read_by_the_tagger() {
    let text = "OSLO 1996-08-22\nThe talks ended without a deal, officials said.\n";
    assert!(
        kinds(text).contains(&("OSLO".to_string(), EntityType::Place)),
        "{:?}",
        kinds(text)
    );
    let text = "Results of the final round :\nTomas Varga ( Hungary ) beat Pieter Olsen ( Norway ) 6-3 6-4\n";
    let found = kinds(text);
    assert!(found.contains(&person("Tomas Varga")), "{found:?}");
    assert!(found.contains(&person("Pieter Olsen")), "{found:?}");
    assert!(
        found.contains(&("Norway".to_string(), EntityType::Place)),
        "{found:?}"
    );
}

#[test]
fn cues_win_over_the_tagger_and_headings_need_evidence() {
    // A title keeps the person whole and a suffix keeps the organisation.
    let found =
        kinds("Talks stalled. Finance Minister Ana Ruiz left Velmora Holdings Corp. early.");
    assert!(found.contains(&person("Ana Ruiz")), "{found:?}");
    assert!(
        found.contains(&(
            "Velmora Holdings Corp.".to_string(),
            EntityType::Organization
        )),
        "{found:?}"
    );
    // A title-cased heading of common words names nobody; a name the prose
    // also uses is kept.
    let text = "Key Developments and Firm Positions\n\n\
                Negotiators reported key developments as Ruiz held firm positions.\n\n\
                Ruiz Stands Firm\n";
    let found = kinds(text);
    assert!(
        !found
            .iter()
            .any(|(text, _)| text.contains("Developments") || text.contains("Firm")),
        "{found:?}"
    );
}

#[test]
fn sentence_adverbs_dates_and_quoted_titles_name_nobody() {
    // No lower-case "already" elsewhere: the word class decides.
    let found = kinds("Already in custody, Dahl faces a long sentence.");
    assert!(
        !found.iter().any(|(text, _)| text == "Already"),
        "{found:?}"
    );
    let found =
        kinds("Quake rocks Norland\n28 Mar 2025\nRescuers searched the rubble, Dahl said.\n");
    assert!(!found.iter().any(|(text, _)| text == "Mar"), "{found:?}");
    let found = kinds("He joins “Hound of Main Street” fraudster Piet Varga among the convicted.");
    assert!(
        !found
            .iter()
            .any(|(text, _)| text == "Hound" || text == "Main Street"),
        "{found:?}"
    );
    assert!(found.contains(&person("Piet Varga")), "{found:?}");
}

#[test]
fn court_districts_and_papers_of_a_country_are_one_organisation() {
    let found = kinds("Ana Ruiz, the prosecutor for the Southern District of Norway, spoke.");
    assert!(
        found.contains(&(
            "Southern District of Norway".to_string(),
            EntityType::Organization
        )),
        "{found:?}"
    );
}

#[test]
fn the_rules_run_of_capitals_gives_the_tagger_its_first_word() {
    let text = "“We need help now,” Zaw Kyi Tun, the council spokesperson, told reporters.";
    let found = kinds(text);
    assert!(
        found.iter().any(|(text, _)| text == "Zaw Kyi Tun"),
        "{found:?}"
    );
}

#[test]
fn a_knight_named_by_title_and_given_name_is_the_full_name() {
    let text = "Sir Anton Greaves will lead the new government.\n\
                Sir Anton told supporters the work began today.";
    let sir = entities(text)
        .into_iter()
        .find(|entity| entity.start > text.find('\n').unwrap_or(0) && entity.text(text) == "Anton")
        .map(|entity| entity.canonical.to_string());
    assert_eq!(sir.as_deref(), Some("Anton Greaves"));
}

#[test]
fn a_party_named_by_its_members_is_the_party() {
    let articles = linked_corpus(&[
        "The Progressive Party won 390 seats in the vote.",
        "The Progressives celebrated in the capital, and the National Party conceded.",
        "The Nationals lost 120 seats.",
    ]);
    let canonical = |surface: &str| canonical_in(&articles, surface).first().cloned();
    assert!(canonical("Progressive Party").is_some());
    assert_eq!(canonical("Progressives"), canonical("Progressive Party"));
    assert!(canonical("National Party").is_some());
    assert_eq!(canonical("Nationals"), canonical("National Party"));
}

#[test]
fn a_person_of_an_organisation_is_two_names() {
    let text = "Levels fell to a record low, Ines Holloway of the Marlow Institute said.\n\
                Sergeant Ravi Menon of Ashgrove Police said two men were held.\n\
                Meteorologist Sven Aaltonen of the Northern Weather Service said more rain was due.\n\
                \"The gauges are dry,\" said researcher Ines Holloway.";
    assert_eq!(
        found(text, "Ines Holloway").map(|f| f.0),
        Some(EntityType::Person)
    );
    assert_eq!(
        found(text, "Marlow Institute").map(|f| f.0),
        Some(EntityType::Organization)
    );
    assert_eq!(
        found(text, "Ravi Menon").map(|f| f.0),
        Some(EntityType::Person)
    );
    assert_eq!(
        found(text, "Ashgrove Police").map(|f| f.0),
        Some(EntityType::Organization)
    );
    assert_eq!(
        found(text, "Sven Aaltonen").map(|f| f.0),
        Some(EntityType::Person)
    );
    assert!(
        entities(text)
            .iter()
            .filter(|e| e.text(text) == "Ines Holloway")
            .all(|e| e.kind == EntityType::Person)
    );
    // A name of its own with "of" inside stays one organisation.
    let bank = "The Keston Chamber of Commerce said exports rose.";
    assert_eq!(
        found(bank, "Keston Chamber of Commerce").map(|f| f.0),
        Some(EntityType::Organization)
    );
}

#[test]
fn a_lone_surname_is_the_namesake_named_last_before_it() {
    let text = "For 41 years, Henrik Solvang has rowed the ferry across the lake.\n\
                \"There were eleven of us,\" Solvang said.\n\
                His daughter, Ingrid Solvang, worries about him.\n\
                \"He will not stop,\" Solvang said of her father.";
    let canonicals: Vec<String> = entities(text)
        .into_iter()
        .filter(|entity| entity.text(text) == "Solvang")
        .map(|entity| entity.canonical.to_string())
        .collect();
    assert_eq!(canonicals, ["Henrik Solvang", "Ingrid Solvang"]);
}

#[test]
fn a_name_after_a_verb_of_saying_and_a_role_is_a_person() {
    let text = "\"The gauges are dry,\" said glacier researcher Ines Holloway.";
    assert_eq!(
        found(text, "Ines Holloway").map(|f| f.0),
        Some(EntityType::Person)
    );
}

#[test]
fn a_guild_of_a_craft_is_one_organisation() {
    let text = "The Marrow Guild of Glassmakers said prices would rise.";
    assert_eq!(
        found(text, "Marrow Guild of Glassmakers").map(|f| f.0),
        Some(EntityType::Organization),
        "{:?}",
        entities(text)
    );
}

#[test]
fn a_plural_possessive_inside_an_organisation_name_is_part_of_it() {
    let text =
        "The head of the Dunvale Bakers' Federation, Ilse Mardon, said bread would cost more.";
    assert_eq!(
        found(text, "Dunvale Bakers' Federation").map(|f| f.0),
        Some(EntityType::Organization),
        "{:?}",
        entities(text)
    );
    // A closing quotation mark after a name is no possessive.
    let text = "She called them ‘the Dunvale Bakers’ and Harrow Foods said nothing.";
    assert!(
        entities(text).iter().all(|e| !e.text(text).contains('’')),
        "{:?}",
        entities(text)
    );
}

#[test]
fn a_barristers_rank_is_not_part_of_the_name() {
    let text = "Defending, Ilse Mardon KC said her client had been careless, not dishonest.";
    assert_eq!(
        found(text, "Ilse Mardon").map(|f| f.0),
        Some(EntityType::Person),
        "{:?}",
        entities(text)
    );
}

#[test]
fn corporate_roles_are_titles_and_trade_words_end_company_names() {
    let text = "Profit at Varrow Logistics rose 9 percent, Chief Financial Officer Ines Dovlatov said. \
                Pelkin Analytics and Torsby Ventures had forecast less. \
                Mira Santell of Hobart Financial agreed.";
    assert_eq!(
        found(text, "Ines Dovlatov").map(|f| f.0),
        Some(EntityType::Person)
    );
    assert!(
        entities(text)
            .iter()
            .all(|e| !e.text(text).contains("Chief"))
    );
    for company in [
        "Varrow Logistics",
        "Pelkin Analytics",
        "Torsby Ventures",
        "Hobart Financial",
    ] {
        assert_eq!(
            found(text, company).map(|f| f.0),
            Some(EntityType::Organization),
            "{company}: {:?}",
            entities(text)
        );
    }
}

#[test]
fn a_company_named_by_its_suffix_keeps_its_type_in_the_headline_and_alone() {
    let text = "Varrow Logistics lifts forecast\n\n\
                Profit at Varrow Logistics, the freight group, rose 9 percent.\n\n\
                Asked whether Varrow would bid for a rival, the chief executive smiled. \
                Analysts noted that Varrow's shares had risen.";
    let kinds: Vec<(String, EntityType)> = entities(text)
        .iter()
        .filter(|e| e.text(text).starts_with("Varrow"))
        .map(|e| (e.text(text).to_string(), e.kind))
        .collect();
    assert!(kinds.len() >= 3, "{kinds:?}");
    assert!(
        kinds
            .iter()
            .all(|(_, kind)| *kind == EntityType::Organization),
        "{kinds:?}"
    );
}

#[test]
fn a_name_in_apposition_to_a_persons_role_is_a_person() {
    let text = "Rates fell on Monday. Theodric Vallance-Ume, an analyst at Pellow Trust, was more cautious. \
                Bryn Talacre, the union's chief negotiator, said talks would resume.";
    assert_eq!(
        found(text, "Theodric Vallance-Ume").map(|f| f.0),
        Some(EntityType::Person),
        "{:?}",
        entities(text)
    );
    assert_eq!(
        found(text, "Bryn Talacre").map(|f| f.0),
        Some(EntityType::Person)
    );
}

#[test]
fn a_name_in_apposition_to_a_kind_of_body_is_an_organisation() {
    let text = "Shelling hit the port on Sunday. The Corran Casualty Register, an independent group that \
                counts the dead, put the toll at 52.";
    assert_eq!(
        found(text, "Corran Casualty Register").map(|f| f.0),
        Some(EntityType::Organization),
        "{:?}",
        entities(text)
    );
}

#[test]
fn surnames_with_particles_and_bodies_named_with_for() {
    let text = "Its leader Marieke van der Brink spoke first.\n\n\"We won,\" Van der Brink, 47, told supporters. \
                Ms van der Brink said more. Anneke de la Court said no. De la Court is a minister. \
                Mrs. Anneke de la Court left. Yasmina El Amrani spoke. El Amrani said no. \
                The Netherlands is a member. A government in The Hague was formed. \
                Dirk-Jan Veenstra of the Party for Renewal spoke. The Party for Renewal won. \
                Professor Ikenna Valdes-Haugen of Sestrel University Hospital said it worked.";
    let all = entities(text);
    let mention = |surface: &str| {
        all.iter()
            .filter(|entity| entity.text(text) == surface)
            .map(|entity| (entity.kind, entity.canonical.to_string()))
            .collect::<Vec<_>>()
    };
    let brink = (EntityType::Person, "Marieke van der Brink".to_string());
    assert_eq!(mention("Van der Brink"), vec![brink.clone()]);
    assert_eq!(mention("van der Brink"), vec![brink]);
    let court = (EntityType::Person, "Anneke de la Court".to_string());
    assert_eq!(
        mention("Anneke de la Court"),
        vec![court.clone(), court.clone()]
    );
    assert_eq!(mention("De la Court"), vec![court]);
    assert_eq!(
        mention("El Amrani"),
        vec![(EntityType::Person, "Yasmina El Amrani".to_string())]
    );
    assert_eq!(
        mention("Netherlands"),
        vec![(EntityType::Place, "The Netherlands".to_string())]
    );
    assert_eq!(mention("The Hague").len(), 1);
    assert_eq!(
        mention("Dirk-Jan Veenstra"),
        vec![(EntityType::Person, "Dirk-Jan Veenstra".to_string())]
    );
    assert_eq!(
        mention("Party for Renewal"),
        vec![(EntityType::Organization, "Party for Renewal".to_string()); 2]
    );
    assert_eq!(
        mention("Sestrel University Hospital"),
        vec![(
            EntityType::Organization,
            "Sestrel University Hospital".to_string()
        )]
    );
    assert_eq!(mention("Ikenna Valdes-Haugen").len(), 1);
}

#[test]
fn one_word_after_the_noun_of_a_body_is_that_body() {
    let text = "An exit poll by Ipsaro for public broadcaster NOV put the party first. \
                A survey by Peilmark found the same. Said pollster Ana Ruiz: it held.";
    assert_eq!(kind_of(text, "NOV"), Some(EntityType::Organization));
    assert_eq!(kind_of(text, "Ipsaro"), Some(EntityType::Organization));
    assert_eq!(kind_of(text, "Peilmark"), Some(EntityType::Organization));
    assert_eq!(kind_of(text, "Ana Ruiz"), Some(EntityType::Person));
}
