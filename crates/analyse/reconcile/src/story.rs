//! One name per entity across the events of a story.
//!
//! Each event's brief resolves its own entities, so one person can carry a different id in two
//! events of the same story when the events spell the name differently ("Sergiy Kyslytsya" in
//! one round of talks, "Serhiy Kyslytsia" in the next) or when an event names someone by
//! surname only ("Trump" beside "Donald Trump"). [`unify_story_entities`] resolves the entity
//! names of all the story's briefs together, with the same rules as within one event
//! ([`corroborate_facts::resolve_entities`]: romanisation keys, compatible first names, a
//! surname joining the one full name it fits), and rewrites every brief to the story's ids.

use std::collections::{BTreeMap, HashMap};

use corroborate_facts::{EntityKind, Mention, Span, resolve_entities};

use crate::{Brief, EntityRecord};

/// Most copies of a record's canonical name fed to the resolution: enough for the most
/// mentioned form to win, bounded so one huge event cannot drown the others.
const MAX_NAME_WEIGHT: usize = 20;

fn kind_of(kind: &str) -> Option<EntityKind> {
    match kind {
        "person" => Some(EntityKind::Person),
        "organisation" => Some(EntityKind::Organisation),
        "place" => Some(EntityKind::Place),
        _ => None,
    }
}

fn mention(name: &str, kind: EntityKind) -> Mention {
    Mention {
        span: Span {
            start: 0,
            end: name.len(),
        },
        surface: name.to_owned(),
        name: name.to_owned(),
        kind,
        role: None,
        metonym: false,
    }
}

/// Gives every entity one id and one canonical name across `briefs` (the briefs of one
/// story's events): records of one person, organisation or place in different events merge,
/// and fact entities, participants and quote speakers follow. Records of one brief that
/// become one entity are merged (mentions added, variants, roles and articles joined).
/// Idempotent; deterministic for a given order of `briefs`.
pub fn unify_story_entities(briefs: &mut [Brief]) {
    if briefs.len() < 2 {
        return;
    }
    // One synthetic mention per name form; the canonical name weighted by its mentions.
    let mut mentions: Vec<Mention> = Vec::new();
    let mut first_mention: HashMap<(usize, usize), usize> = HashMap::new();
    for (brief_index, brief) in briefs.iter().enumerate() {
        for (record_index, record) in brief.entities.iter().enumerate() {
            let Some(kind) = kind_of(&record.kind) else {
                continue;
            };
            first_mention.insert((brief_index, record_index), mentions.len());
            for _ in 0..record.mentions.clamp(1, MAX_NAME_WEIGHT) {
                mentions.push(mention(&record.name, kind));
            }
            for variant in &record.variants {
                if *variant != record.name {
                    mentions.push(mention(variant, kind));
                }
            }
        }
    }
    let (entities, assignment) = resolve_entities(&mentions);

    // The story-wide id and name of each record; records of entities the resolution left
    // alone keep their own.
    let mut renamed: Vec<HashMap<String, (String, String)>> = vec![HashMap::new(); briefs.len()];
    for ((brief_index, record_index), mention_index) in &first_mention {
        let Some(entity) = assignment
            .get(*mention_index)
            .and_then(|&entity| entities.get(entity))
        else {
            continue;
        };
        let Some(record) = briefs
            .get(*brief_index)
            .and_then(|brief| brief.entities.get(*record_index))
        else {
            continue;
        };
        if let Some(map) = renamed.get_mut(*brief_index) {
            map.insert(record.id.clone(), (entity.id.clone(), entity.name.clone()));
        }
    }
    for (brief, map) in briefs.iter_mut().zip(&renamed) {
        rewrite(brief, map);
    }
}

/// Rewrites one brief's entity ids and names by `map` (old id → new id and name).
fn rewrite(brief: &mut Brief, map: &HashMap<String, (String, String)>) {
    let new_id = |id: &str| {
        map.get(id)
            .map_or_else(|| id.to_owned(), |(new, _)| new.clone())
    };

    let mut merged: BTreeMap<String, EntityRecord> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for mut record in std::mem::take(&mut brief.entities) {
        if let Some((id, name)) = map.get(&record.id) {
            record.id = id.clone();
            if record.name != *name && !record.variants.contains(&record.name) {
                // The event's own canonical form stays among its variants.
                record.variants.insert(0, record.name.clone());
            }
            record.name = name.clone();
        }
        match merged.get_mut(&record.id) {
            Some(existing) => absorb(existing, record),
            None => {
                order.push(record.id.clone());
                merged.insert(record.id.clone(), record);
            }
        }
    }
    let mut entities: Vec<EntityRecord> = order.iter().filter_map(|id| merged.remove(id)).collect();
    // Most mentioned first, as within an event.
    entities.sort_by_key(|entity| std::cmp::Reverse(entity.mentions));
    brief.entities = entities;

    // Two ids that became one are listed once.
    let renamed = |ids: &[String]| {
        let mut unique = Vec::with_capacity(ids.len());
        extend_unique(&mut unique, ids.iter().map(|id| new_id(id)).collect());
        unique
    };
    for fact in &mut brief.facts {
        fact.entities = renamed(&fact.entities);
    }
    brief.participants = renamed(&brief.participants);
    for quote in &mut brief.quotes {
        if let Some((id, name)) = quote
            .speaker_entity
            .as_ref()
            .and_then(|speaker| map.get(speaker))
        {
            quote.speaker_entity = Some(id.clone());
            quote.speaker = Some(name.clone());
        }
    }
}

/// Folds `other` (the same entity) into `into`.
fn absorb(into: &mut EntityRecord, other: EntityRecord) {
    into.mentions += other.mentions;
    extend_unique(&mut into.variants, other.variants);
    extend_unique(&mut into.roles, other.roles);
    extend_unique(&mut into.articles, other.articles);
}

/// Appends the items of `more` that `list` lacks, in order.
fn extend_unique<T: PartialEq>(list: &mut Vec<T>, more: Vec<T>) {
    for item in more {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}
