use super::*;
use crate::analysis::article_from_text;

fn corpus(bodies: &[(&str, &str)]) -> Corpus {
    let mut articles: Vec<_> = bodies
        .iter()
        .map(|(id, body)| article_from_text(id, body))
        .collect();
    crate::entities::link_corpus(&mut articles);
    Corpus {
        articles,
        warnings: Vec::new(),
    }
}

fn facts_of(corpus: &Corpus) -> Facts {
    Facts::build(corpus, &CorpusIndex::build(corpus))
}

/// The facts as sets of `(article id, sentence text)`.
fn texts(corpus: &Corpus, facts: &Facts) -> Vec<Vec<(String, String)>> {
    facts
        .facts
        .iter()
        .map(|fact| {
            let mut members: Vec<(String, String)> = fact
                .members
                .iter()
                .map(|m| {
                    let article = &corpus.articles[m.article];
                    (
                        article.id.clone(),
                        article
                            .sentence_text(&article.sentences[m.sentence])
                            .to_string(),
                    )
                })
                .collect();
            members.sort();
            members
        })
        .collect()
}

fn together(corpus: &Corpus, facts: &Facts, a: &str, b: &str) -> bool {
    texts(corpus, facts).iter().any(|fact| {
        fact.iter().any(|(_, s)| s.contains(a)) && fact.iter().any(|(_, s)| s.contains(b))
    })
}

const DAM_A: &str = "The Varnholt dam on the Esk river burst on Tuesday, flooding 1,200 homes in three villages.\n\n\
Engineer Mira Castellan said the spillway had been blocked by debris for weeks.\n\n\
The regional council will meet on Friday to discuss compensation.";
const DAM_B: &str = "Floodwater from the burst Varnholt dam swamped some 1,200 homes along the Esk river on Tuesday.\n\n\
Castellan, a hydraulic engineer, said debris had blocked the spillway for weeks before the collapse.\n\n\
Insurers expect claims to exceed last year's total.";
const DAM_C: &str = "Rescue teams used boats to reach stranded families after the dam failure.\n\n\
The council said it would discuss compensation for the flooded households at a meeting on Friday.";

#[test]
fn sentences_that_report_one_thing_form_one_fact() {
    let corpus = corpus(&[("a", DAM_A), ("b", DAM_B), ("c", DAM_C)]);
    let facts = facts_of(&corpus);
    assert!(
        together(
            &corpus,
            &facts,
            "dam on the Esk river burst",
            "swamped some 1,200 homes"
        ),
        "{:#?}",
        texts(&corpus, &facts)
    );
    assert!(
        together(
            &corpus,
            &facts,
            "spillway had been blocked",
            "debris had blocked the spillway"
        ),
        "{:#?}",
        texts(&corpus, &facts)
    );
    assert!(!together(
        &corpus,
        &facts,
        "Insurers expect",
        "Rescue teams"
    ));
    assert!(!together(
        &corpus,
        &facts,
        "dam on the Esk river burst",
        "spillway had been blocked"
    ));
}

#[test]
fn a_fact_holds_one_sentence_per_source_and_every_pair_matches() {
    let corpus = corpus(&[("a", DAM_A), ("b", DAM_B), ("c", DAM_C)]);
    let facts = facts_of(&corpus);
    for fact in &facts.facts {
        let mut articles: Vec<usize> = fact.members.iter().map(|m| m.article).collect();
        articles.sort_unstable();
        articles.dedup();
        assert_eq!(
            articles.len(),
            fact.members.len(),
            "one sentence per source"
        );
        assert!((0.0..=1.0).contains(&fact.agreement));
    }
}

#[test]
fn a_chain_of_near_matches_is_not_a_fact() {
    // a~b share the vote, b~c share the strike, a and c share nothing.
    let corpus = corpus(&[
        (
            "a",
            "Dockworkers in Harlow voted to accept the 9 percent pay offer from the port authority.",
        ),
        (
            "b",
            "Dockworkers in Harlow voted to accept a 9 percent pay offer, ending the strike that closed the Harlow container terminal for 17 days.",
        ),
        (
            "c",
            "The strike had closed the Harlow container terminal for 17 days and stranded forty ships.",
        ),
    ]);
    let facts = facts_of(&corpus);
    let linked = together(
        &corpus,
        &facts,
        "from the port authority",
        "ending the strike",
    ) || together(&corpus, &facts, "ending the strike", "stranded forty ships");
    assert!(linked, "{:#?}", texts(&corpus, &facts));
    assert!(!together(
        &corpus,
        &facts,
        "from the port authority",
        "stranded forty ships"
    ));
}

#[test]
fn a_shared_quotation_makes_a_fact_even_in_different_surroundings() {
    let corpus = corpus(&[
        (
            "a",
            "“We will rebuild every single home before the winter comes,” the mayor told reporters at the town hall.",
        ),
        (
            "b",
            "Speaking on local radio, Mayor Ines Valdr promised: “We will rebuild every single home before the winter comes.”",
        ),
    ]);
    let facts = facts_of(&corpus);
    assert_eq!(facts.facts.len(), 1, "{:#?}", texts(&corpus, &facts));
}

#[test]
fn sentences_that_share_only_the_story_stay_apart() {
    let corpus = corpus(&[
        (
            "a",
            "The earthquake struck the coastal town of Pellmar at 4:12 in the morning.",
        ),
        (
            "b",
            "The earthquake measured magnitude 6.1, the national seismic agency said.",
        ),
    ]);
    let facts = facts_of(&corpus);
    assert!(facts.facts.is_empty(), "{:#?}", texts(&corpus, &facts));
}

#[test]
fn shuffling_the_sources_changes_no_fact() {
    let forward = corpus(&[("a", DAM_A), ("b", DAM_B), ("c", DAM_C)]);
    let backward = corpus(&[("c", DAM_C), ("b", DAM_B), ("a", DAM_A)]);
    let (f, b) = (facts_of(&forward), facts_of(&backward));
    let ids = |facts: &Facts| facts.facts.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&f), ids(&b));
    assert_eq!(texts(&forward, &f), texts(&backward, &b));
}

#[test]
fn syndicated_copies_are_one_source() {
    let corpus = corpus(&[("a", DAM_A), ("a-copy", DAM_A), ("b", DAM_B)]);
    let facts = facts_of(&corpus);
    assert!(facts.copies.is_copy(1));
    assert_eq!(facts.copies.groups().get(&0), Some(&vec![1]));
    for fact in &facts.facts {
        assert!(
            fact.members.iter().all(|m| m.article != 1),
            "copies are not members"
        );
    }
    // The copy's sentence stands on its original's fact.
    let copy_sentence = SentenceRef {
        article: 1,
        sentence: 0,
    };
    let original = SentenceRef {
        article: 0,
        sentence: 0,
    };
    assert_eq!(facts.facts_of(copy_sentence), facts.facts_of(original));
    let fact = *facts
        .facts_of(original)
        .first()
        .expect("the burst is reported twice");
    assert_eq!(facts.sentence_in(fact, 1), Some(0));
}

#[test]
fn found_topics_group_facts_on_one_subject_and_label_them() {
    let corpus = corpus(&[("a", DAM_A), ("b", DAM_B), ("c", DAM_C)]);
    let index = CorpusIndex::build(&corpus);
    let facts = Facts::build(&corpus, &index);
    let topics = found::topics(&corpus, &index, &facts);
    assert!(!topics.is_empty());
    let covered: usize = topics.iter().map(|t| t.facts.len()).sum();
    assert_eq!(
        covered,
        facts.facts.len(),
        "every shared fact is in a found topic"
    );
    for topic in &topics {
        assert!(topic.id.starts_with("found-"), "{}", topic.id);
        assert!(!topic.label.is_empty());
        assert_eq!(topic.origin, crate::topics::TopicOrigin::Found);
    }
}

#[test]
fn hostile_and_empty_corpora_give_no_facts() {
    for bodies in [
        vec![("a", "")],
        vec![("a", "\u{0}\u{1}"), ("b", "... ,,, !!!")],
        vec![("a", "Yes."), ("b", "Yes.")],
    ] {
        let corpus = corpus(&bodies);
        let facts = facts_of(&corpus);
        assert!(facts.facts.iter().all(|f| f.members.len() >= 2));
    }
}

// Invented: one report says "physicians ... injured", the other "doctors ...
// wounded"; the third has other people doing the same thing.
const CLINIC_A: &str = "Physicians at the Varnholt clinic treated forty injured miners after the explosion.\n\n\
The mine had been closed twice last year.";
const CLINIC_SAME: &str = "Doctors in Varnholt cared for wounded miners after a fire.\n\n\
Unions have called for an inquiry.";
const CLINIC_OTHER: &str = "Plumbers in Varnholt cared for tired miners after a fire.\n\n\
Unions have called for an inquiry.";

fn leads(corpus: &Corpus, facts: &Facts) -> (Evidence, bool) {
    let lead = |article| SentenceRef {
        article,
        sentence: 0,
    };
    facts
        .evidence(lead(0), lead(1))
        .unwrap_or_else(|| panic!("{:#?}", texts(corpus, facts)))
}

#[test]
fn different_words_of_one_sense_report_one_fact() {
    let corpus = corpus(&[("a", CLINIC_A), ("b", CLINIC_SAME)]);
    let facts = facts_of(&corpus);
    let (evidence, matches) = leads(&corpus, &facts);
    assert!(matches, "{evidence:?}");
    assert!(
        together(
            &corpus,
            &facts,
            "Physicians at the Varnholt",
            "Doctors in Varnholt"
        ),
        "{:#?}",
        texts(&corpus, &facts)
    );
}

#[test]
fn other_people_doing_the_same_get_no_credit_for_it() {
    let same = corpus(&[("a", CLINIC_A), ("b", CLINIC_SAME)]);
    let (synonymous, _) = leads(&same, &facts_of(&same));
    let corpus = corpus(&[("a", CLINIC_A), ("c", CLINIC_OTHER)]);
    let facts = facts_of(&corpus);
    let (evidence, matches) = leads(&corpus, &facts);
    assert!(!matches, "{evidence:?}");
    assert!(evidence.shared < synonymous.shared);
    assert!(evidence.content < synonymous.content);
    assert!(
        !together(
            &corpus,
            &facts,
            "Physicians at the Varnholt",
            "Plumbers in Varnholt"
        ),
        "{:#?}",
        texts(&corpus, &facts)
    );
}

#[test]
fn two_countries_doing_one_thing_are_two_facts() {
    let body = |country: &str, last: &str| {
        format!(
            "Aid for the Varnholt valley\n\n\
             {country} has agreed to send two field hospitals to the flooded Varnholt valley before the winter.\n\n\
             {last}"
        )
    };
    let bodies = [
        body(
            "Norway",
            "Engineers expect the river to fall by the weekend.",
        ),
        body(
            "Chile",
            "Schools in the lower towns stay closed until further notice.",
        ),
        body(
            "Oslo",
            "Donations to the regional appeal have doubled since Sunday.",
        ),
    ];
    let corpus = corpus(&[("a", &bodies[0]), ("b", &bodies[1]), ("c", &bodies[2])]);
    let facts = facts_of(&corpus);
    let rows = texts(&corpus, &facts);
    assert!(
        !together(&corpus, &facts, "Norway has", "Chile has"),
        "{rows:#?}"
    );
    assert!(
        !together(&corpus, &facts, "Chile has", "Oslo has"),
        "{rows:#?}"
    );
    // A capital acts for its country.
    assert!(
        together(&corpus, &facts, "Norway has", "Oslo has"),
        "{rows:#?}"
    );
}

#[test]
fn a_telling_figure_both_give_is_evidence_of_one_fact() {
    let a = "Floodwater reached 1,340 homes in the Varnholt valley on Tuesday, and rescue crews worked through the night.\n\n\
             The regional council will meet on Friday.";
    let b = |figure: &str| {
        format!(
            "Officials in the Varnholt valley counted {figure} flooded homes on Tuesday as the muddy river kept rising, \
             bridges closed, power lines fell and every school in the district stayed shut.\n\n\
             Insurers expect claims to exceed last year's total."
        )
    };
    let same = corpus(&[("a", a), ("b", &b("1,340"))]);
    let (evidence, matches) = leads(&same, &facts_of(&same));
    assert!(evidence.cosine < 0.3, "{evidence:?}");
    assert!(matches, "{evidence:?}");
    let other = corpus(&[("a", a), ("b", &b("2,780"))]);
    let (evidence, matches) = leads(&other, &facts_of(&other));
    assert!(!matches, "{evidence:?}");
}

#[test]
fn one_credit_written_two_ways_is_no_rival_speaker() {
    let body = |credit: &str, last: &str| {
        format!(
            "Water shortage in the Varnholt valley\n\n\
             {credit} said clean water was scarce in the flooded Varnholt valley.\n\n\
             {last}"
        )
    };
    let bodies = [
        body(
            "According to the news agency Tellpress, the Norway government",
            "Engineers expect the river to fall by the weekend.",
        ),
        body(
            "Norway\u{2019}s government",
            "Schools in the lower towns stay closed until further notice.",
        ),
    ];
    let corpus = corpus(&[("a", &bodies[0]), ("b", &bodies[1])]);
    let speakers: Vec<_> = corpus
        .articles
        .iter()
        .map(|article| article.claims[0].speaker.clone())
        .collect();
    assert_ne!(speakers[0], speakers[1], "the credits are written two ways");
    let facts = facts_of(&corpus);
    assert!(
        together(
            &corpus,
            &facts,
            "the Norway government said",
            "Norway\u{2019}s government said"
        ),
        "{:#?}",
        texts(&corpus, &facts)
    );
}

#[test]
fn a_speaker_key_folds_articles_and_possessives_only() {
    use super::features::speaker_key;
    assert_eq!(speaker_key("the Varnholt council"), "varnholt council");
    assert_eq!(speaker_key("Varnholt\u{2019}s council"), "varnholt council");
    assert_eq!(speaker_key("Varnholt's Council"), "varnholt council");
    assert_eq!(speaker_key("S and P"), "s and p");
    assert_ne!(speaker_key("Varnholt council"), speaker_key("Esk council"));
}
