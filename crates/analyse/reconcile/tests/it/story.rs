//! One entity, one id across the events of a story.

use corroborate_model::{Article, ArticleId};
use corroborate_reconcile::{Brief, ReconcileOptions, reconcile, unify_story_entities};

fn brief(id: &str, text: &str) -> Brief {
    reconcile(
        &[Article::new(ArticleId::new(id), text)],
        &[],
        &ReconcileOptions::default(),
    )
}

fn person<'a>(brief: &'a Brief, surname_start: &str) -> Vec<&'a str> {
    brief
        .entities
        .iter()
        .filter(|entity| entity.kind == "person" && entity.name.contains(surname_start))
        .map(|entity| entity.id.as_str())
        .collect()
}

#[test]
fn spellings_and_surnames_of_one_person_share_an_id_across_events() {
    let first_round = brief(
        "round-one",
        "Deputy Foreign Minister Sergiy Kyslytsya said progress depended on pressure. \
         President Zelensky held a call with U.S. President Trump after the talks. \
         Russian negotiator Vladimir Medinsky said Moscow was satisfied with the meeting.",
    );
    let second_round = brief(
        "round-two",
        "Ukrainian Deputy Foreign Minister Serhiy Kyslytsia confirmed that Russia had declined \
         the ceasefire. Ukrainian President Volodymyr Zelenskiy spoke from Vilnius. \
         U.S. President Donald Trump has held back on sanctions against Russia. \
         Kremlin aide Vladimir Medinsky led the Russian side; President Vladimir Putin did not attend.",
    );
    let mut briefs = vec![first_round, second_round];
    unify_story_entities(&mut briefs);
    let [first, second] = briefs.as_slice() else {
        panic!("two briefs");
    };
    for surname in ["Kysly", "Zelensk", "Trump", "Medinsky"] {
        let (a, b) = (person(first, surname), person(second, surname));
        assert_eq!(a.len(), 1, "{surname}: {:?}", first.entities);
        assert_eq!(a, b, "{surname} has one id in both events");
    }
    // The full name wins over a surname alone, and every spelling is kept.
    let trump = first
        .entities
        .iter()
        .find(|entity| entity.name.contains("Trump"))
        .expect("Trump");
    assert_eq!(trump.name, "Donald Trump");
    assert!(trump.variants.iter().any(|variant| variant == "Trump"));
    // Two people who share a first name stay apart.
    assert_ne!(person(second, "Putin"), person(second, "Medinsky"));
    // Facts, participants and quote speakers use the story's ids.
    let ids: Vec<&str> = second.entities.iter().map(|e| e.id.as_str()).collect();
    assert!(
        second
            .participants
            .iter()
            .all(|id| ids.contains(&id.as_str()))
    );
    assert!(
        second
            .facts
            .iter()
            .flat_map(|fact| &fact.entities)
            .all(|id| ids.contains(&id.as_str()))
    );

    // Unifying again changes nothing.
    let again = briefs.clone();
    unify_story_entities(&mut briefs);
    assert_eq!(briefs, again);
}

#[test]
fn news_outlets_are_sources_not_participants() {
    let brief = reconcile(
        &[
            Article::new(
                ArticleId::new("a"),
                "Mayor Anna Lindqvist told the BBC that the bridge would reopen in March. \
                 Lindqvist said the city council had approved the repairs. The BBC has \
                 reported on the closure since January, and Reuters confirmed the council vote.",
            ),
            Article::new(
                ArticleId::new("b"),
                "The city council approved the bridge repairs, Mayor Anna Lindqvist told Reuters. \
                 The BBC reported that the bridge would reopen in March.",
            ),
        ],
        &[],
        &ReconcileOptions::default(),
    );
    let names: Vec<&str> = brief
        .participants
        .iter()
        .filter_map(|id| brief.entities.iter().find(|entity| entity.id == *id))
        .map(|entity| entity.name.as_str())
        .collect();
    assert!(names.contains(&"Anna Lindqvist"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|name| *name == "BBC" || *name == "Reuters"),
        "{names:?}"
    );
    // Still known as organisations.
    assert!(
        brief
            .entities
            .iter()
            .any(|entity| entity.name == "BBC" && entity.kind == "organisation")
    );
}
