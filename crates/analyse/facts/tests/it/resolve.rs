//! Linking mentions across the texts of one story into entities.

use corroborate_facts::{EntityKind, Mention, find_mentions, name_key, resolve_entities};

fn mentions_of(sentences: &[&str]) -> Vec<Mention> {
    sentences.iter().flat_map(|s| find_mentions(s)).collect()
}

/// Index of the entity the mention named `name` was linked to.
fn entity_of(mentions: &[Mention], links: &[usize], name: &str) -> usize {
    let position = mentions
        .iter()
        .position(|m| m.name == name)
        .unwrap_or_else(|| panic!("no mention {name:?} in {mentions:?}"));
    links[position]
}

#[test]
fn transliteration_variants_share_a_key() {
    for (a, b) in [
        ("Zelensky", "Zelenskyy"),
        ("Zelensky", "Zelenskiy"),
        ("Zelenskyy", "Zelenskii"),
        ("Kyslytsia", "Kyslytsya"),
        ("Sergiy", "Serhiy"),
        ("Serhii", "Sergey"),
        ("Kyiv", "Kiev"),
        ("Oleksandr", "Oleksandr"),
    ] {
        assert_eq!(name_key(a), name_key(b), "{a} / {b}");
    }
    for (a, b) in [
        ("Putin", "Medinsky"),
        ("Zelensky", "Zelenska"),
        ("Peskov", "Putin"),
    ] {
        assert_ne!(name_key(a), name_key(b), "{a} / {b}");
    }
}

#[test]
fn links_story_mentions_across_outlets() {
    // Sentences as four outlets wrote them about the same talks.
    let mentions = mentions_of(&[
        "Deputy Foreign Minister Serhiy Kyslytsia called for direct talks between Presidents Zelensky and Putin.",
        "Ukrainian Deputy Foreign Minister Sergiy Kyslytsya said the memorandum was received.",
        "Ukrainian President Volodymyr Zelenskiy dismissed the offer.",
        "Russian President Vladimir Putin did not attend; Russian delegation head Vladimir Medinsky led the team.",
        "Medinsky said the bodies of 6,000 soldiers would be returned.",
        "Volodymyr Zelenskyy said Kyiv was ready for a meeting, and Kiev sent its delegation.",
        "Kremlin spokesman Dmitry Peskov said Putin had no plans to travel.",
    ]);
    let (entities, links) = resolve_entities(&mentions);
    assert_eq!(links.len(), mentions.len());

    let kyslytsia = entity_of(&mentions, &links, "Serhiy Kyslytsia");
    assert_eq!(entity_of(&mentions, &links, "Sergiy Kyslytsya"), kyslytsia);

    let zelensky = entity_of(&mentions, &links, "Zelensky");
    assert_eq!(
        entity_of(&mentions, &links, "Volodymyr Zelenskiy"),
        zelensky
    );
    assert_eq!(
        entity_of(&mentions, &links, "Volodymyr Zelenskyy"),
        zelensky
    );

    let putin = entity_of(&mentions, &links, "Vladimir Putin");
    let medinsky = entity_of(&mentions, &links, "Vladimir Medinsky");
    assert_ne!(putin, medinsky, "people sharing a first name stay apart");
    assert_eq!(entity_of(&mentions, &links, "Putin"), putin);
    assert_eq!(entity_of(&mentions, &links, "Medinsky"), medinsky);
    assert_ne!(entity_of(&mentions, &links, "Dmitry Peskov"), putin);

    assert_eq!(
        entity_of(&mentions, &links, "Kyiv"),
        entity_of(&mentions, &links, "Kiev")
    );

    let zelensky_entity = &entities[zelensky];
    assert_eq!(zelensky_entity.kind, EntityKind::Person);
    assert!(
        zelensky_entity.name.starts_with("Volodymyr Zelensk"),
        "{zelensky_entity:?}"
    );
    assert!(zelensky_entity.variants.contains(&"Zelensky".to_string()));
    assert!(
        zelensky_entity
            .roles
            .iter()
            .any(|r| r == "Ukrainian President"),
        "{zelensky_entity:?}"
    );
    assert!(
        entities[medinsky]
            .roles
            .contains(&"Russian delegation head".to_string())
    );
    assert_eq!(entities[putin].name, "Vladimir Putin");

    let ids: std::collections::HashSet<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), entities.len(), "ids are unique");
    assert!(entities.iter().any(|e| e.id == "person:vladimir-putin"));
}

#[test]
fn different_surnames_with_a_shared_first_name_stay_apart() {
    let mentions = mentions_of(&[
        "Sergei Lavrov met Sergei Shoigu in Moscow.",
        "Lavrov later spoke to reporters.",
        "Olena Zelenska visited a school while Volodymyr Zelensky was in Brussels.",
        "Zelenska thanked the teachers.",
    ]);
    let (entities, links) = resolve_entities(&mentions);
    assert_ne!(
        entity_of(&mentions, &links, "Sergei Lavrov"),
        entity_of(&mentions, &links, "Sergei Shoigu")
    );
    assert_eq!(
        entity_of(&mentions, &links, "Lavrov"),
        entity_of(&mentions, &links, "Sergei Lavrov")
    );
    assert_ne!(
        entity_of(&mentions, &links, "Olena Zelenska"),
        entity_of(&mentions, &links, "Volodymyr Zelensky")
    );
    assert_eq!(
        entity_of(&mentions, &links, "Zelenska"),
        entity_of(&mentions, &links, "Olena Zelenska")
    );
    assert_eq!(
        entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .count(),
        4
    );
}

#[test]
fn resolving_nothing_gives_nothing() {
    let (entities, links) = resolve_entities(&[]);
    assert!(entities.is_empty() && links.is_empty());
}

#[test]
fn a_surname_read_as_a_place_joins_the_person_named_in_full() {
    let mentions = mentions_of(&[
        "This falls in line with what Oppenheimer’s Andrew Uerkwitz has been predicting for months.",
        "The forecast from Uerkwitz was cautious about the new watch.",
        "Stocks fell in Washington and in Oppenheimer trading.",
    ]);
    let (entities, links) = resolve_entities(&mentions);
    let full = entity_of(&mentions, &links, "Andrew Uerkwitz");
    let alone = entity_of(&mentions, &links, "Uerkwitz");
    assert_eq!(full, alone, "{entities:?}");
    assert_eq!(entities[full].kind, EntityKind::Person);
    // A known place keeps its kind.
    let washington = entity_of(&mentions, &links, "Washington");
    assert_eq!(entities[washington].kind, EntityKind::Place);
}
