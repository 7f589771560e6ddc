//! Clustering behaviour on real and realistic text.

mod common;

use std::collections::BTreeSet;

use corroborate_cluster::{ClusterOptions, Clusterer, Clustering, cluster};
use corroborate_model::{Article, content_hash};

/// Events as sets of member ids, order-free, for comparing groupings.
fn groups(clustering: &Clustering) -> BTreeSet<BTreeSet<String>> {
    clustering
        .events
        .iter()
        .map(|event| event.articles.iter().map(|a| a.to_string()).collect())
        .collect()
}

fn ids(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| n.to_string()).collect()
}

#[test]
fn example_corpus_is_three_events_of_one_story() {
    let articles = common::example_corpus();
    assert_eq!(articles.len(), 5);
    // Undated rounds of one set of talks: what all five share (Russia, Ukraine, Istanbul,
    // ceasefire) weighs little within the batch, so the defaults tell the rounds apart.
    let clustering = cluster(&articles, &ClusterOptions::default());
    let found = groups(&clustering);
    let prefixes = |group: &BTreeSet<String>| -> BTreeSet<String> {
        group
            .iter()
            .map(|id| id.get(..3).unwrap_or_default().to_string())
            .collect()
    };
    let found: BTreeSet<BTreeSet<String>> = found.iter().map(prefixes).collect();
    let expected: BTreeSet<BTreeSet<String>> =
        [ids(&["001"]), ids(&["000", "002", "003"]), ids(&["004"])]
            .into_iter()
            .collect();
    assert_eq!(found, expected, "{:#?}", clustering.events);
    assert_eq!(clustering.stories.len(), 1, "{:#?}", clustering.stories);
    assert_eq!(clustering.stories[0].events.len(), 3);
    // Labels come from the representative member; key terms from the centroid.
    for event in &clustering.events {
        assert!(event.articles.contains(&event.representative));
        assert!(!event.label.is_empty());
        assert!(!event.key_terms.is_empty());
    }
    // The stricter preset splits no less: each round stays apart, one story holds them.
    let fine = cluster(&articles, &ClusterOptions::fine_grained());
    assert_eq!(groups(&fine), groups(&clustering), "{:#?}", fine.events);
    assert_eq!(fine.stories.len(), 1, "{:#?}", fine.stories);
}

#[test]
fn dated_reports_split_by_happening_and_join_in_stories() {
    let articles = common::dated_fixture();
    let clustering = cluster(&articles, &ClusterOptions::default());
    let expected: BTreeSet<BTreeSet<String>> = [
        ids(&["flood-1", "flood-2", "flood-3"]),
        ids(&["flood-4", "flood-5"]),
        ids(&["rate-1", "rate-2", "rate-3"]),
        ids(&["bridge-1", "bridge-2", "bridge-3"]),
    ]
    .into_iter()
    .collect();
    assert_eq!(groups(&clustering), expected, "{:#?}", clustering.events);
    // The flood and its inquiry weeks later are one story; the others stand alone.
    assert_eq!(clustering.stories.len(), 3, "{:#?}", clustering.stories);
    let flood_story = clustering
        .stories
        .iter()
        .find(|story| story.events.len() == 2)
        .expect("a two-event story");
    assert_eq!(
        flood_story.first_date.map(|d| d.to_string()).as_deref(),
        Some("2024-02-10")
    );
    assert_eq!(
        flood_story.last_date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-21")
    );
    // Events are ordered by their earliest member, and their ids hash it.
    let first = &clustering.events[0];
    assert_eq!(first.articles[0].as_str(), "rate-1");
    assert_eq!(first.id, format!("e-{}", content_hash("rate-1")));
    assert_eq!(
        first.first_date.map(|d| d.to_string()).as_deref(),
        Some("2024-02-08")
    );
    assert_eq!(
        first.last_date.map(|d| d.to_string()).as_deref(),
        Some("2024-02-09")
    );
}

#[test]
fn candidates_through_the_term_index_find_the_same_events_and_stories() {
    // With more events than candidates scored, articles, merges and story links go through
    // the (term, time bucket) index instead of comparing everything: the heaviest terms must
    // still lead to the right events, and the flood to its inquiry weeks later.
    let articles = common::dated_fixture();
    let all_compared = cluster(&articles, &ClusterOptions::default());
    let indexed = cluster(
        &articles,
        &ClusterOptions {
            max_candidates: 2,
            ..ClusterOptions::default()
        },
    );
    assert_eq!(groups(&indexed), groups(&all_compared));
    assert_eq!(indexed.stories, all_compared.stories);
}

#[test]
fn shuffled_input_gives_the_same_clustering() {
    for articles in [common::example_corpus(), common::dated_fixture()] {
        let reference =
            serde_json::to_string(&cluster(&articles, &ClusterOptions::default())).unwrap();
        let mut reversed = articles.clone();
        reversed.reverse();
        let mut rotated = articles.clone();
        rotated.rotate_left(3);
        for shuffled in [reversed, rotated] {
            let again =
                serde_json::to_string(&cluster(&shuffled, &ClusterOptions::default())).unwrap();
            assert_eq!(reference, again);
        }
    }
}

#[test]
fn same_result_on_one_thread() {
    let articles = common::dated_fixture();
    let reference = serde_json::to_string(&cluster(&articles, &ClusterOptions::default())).unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let single = pool.install(|| {
        serde_json::to_string(&cluster(&articles, &ClusterOptions::default())).unwrap()
    });
    assert_eq!(reference, single);
}

fn one_by_one(articles: &[Article], options: &ClusterOptions) -> Clustering {
    let mut ordered: Vec<&Article> = articles.iter().collect();
    ordered.sort_by_key(|a| (a.published.map(|p| p.date()), a.id.clone()));
    let mut clusterer = Clusterer::new(options.clone());
    for article in ordered {
        let changed = clusterer.add(std::slice::from_ref(article));
        assert_eq!(changed.len(), 1, "one article changes one event");
    }
    clusterer.clustering()
}

#[test]
fn one_by_one_matches_batch() {
    let articles = common::dated_fixture();
    let options = ClusterOptions::default();
    let batch = cluster(&articles, &options);
    let incremental = one_by_one(&articles, &options);
    assert_eq!(groups(&batch), groups(&incremental));
    assert_eq!(batch.stories.len(), incremental.stories.len());
}

#[test]
fn a_short_stream_is_clustered_like_a_batch() {
    // Fed one at a time, the first articles are clustered again with each addition, so the
    // vocabulary all five share weighs as little as in a batch and the rounds stay apart.
    let articles = common::example_corpus();
    let options = ClusterOptions::default();
    let batch = cluster(&articles, &options);
    let streamed = one_by_one(&articles, &options);
    assert_eq!(groups(&batch), groups(&streamed));
    assert_eq!(streamed.events.len(), 3);
    assert_eq!(streamed.stories.len(), 1);
}

#[test]
fn stored_state_resumes_where_it_stopped() {
    let articles = common::dated_fixture();
    let (first, second) = articles.split_at(5);
    let mut clusterer = Clusterer::new(ClusterOptions::default());
    clusterer.add(first);
    let stored = serde_json::to_string(&clusterer).unwrap();
    let mut restored: Clusterer = serde_json::from_str(&stored).unwrap();
    assert_eq!(
        serde_json::to_string(&restored.clustering()).unwrap(),
        serde_json::to_string(&clusterer.clustering()).unwrap()
    );
    let changed_restored = restored.add(second);
    let changed_original = clusterer.add(second);
    assert_eq!(changed_restored, changed_original);
    assert_eq!(
        serde_json::to_string(&restored.clustering()).unwrap(),
        serde_json::to_string(&clusterer.clustering()).unwrap()
    );
    // Adding the same articles again changes nothing.
    assert!(restored.add(second).is_empty());
}

#[test]
fn empty_and_blank_input() {
    let clustering = cluster(&[], &ClusterOptions::default());
    assert!(clustering.events.is_empty() && clustering.stories.is_empty());
    let blank = vec![
        Article::new(corroborate_model::ArticleId::new("a"), ""),
        Article::new(corroborate_model::ArticleId::new("b"), "  \n\n ... "),
    ];
    let clustering = cluster(&blank, &ClusterOptions::default());
    assert_eq!(
        clustering.events.len(),
        2,
        "nothing to compare: each stands alone"
    );
    assert_eq!(clustering.stories.len(), 2);
}

#[test]
fn a_notice_repeated_word_for_word_does_not_make_an_event() {
    // Archived pages of three different reports kept only a social widget's notice; the
    // notice says nothing of what happened, so it must not group them.
    let notice = "Tweet with a location\n\nYou can add location information to your Tweets, \
                  such as your city or precise location, from the web and via third-party \
                  applications. You always have the option to delete your Tweet location \
                  history.";
    let articles: Vec<Article> = ["page-1", "page-2", "page-3"]
        .iter()
        .map(|id| Article::new(corroborate_model::ArticleId::new(*id), notice))
        .collect();
    let clustering = cluster(&articles, &ClusterOptions::default());
    assert_eq!(clustering.events.len(), 3, "{:#?}", clustering.events);
    // Counted as a template only from the third copy on: two copies are one report.
    let two = cluster(&articles[..2], &ClusterOptions::default());
    assert_eq!(two.events.len(), 1, "{:#?}", two.events);
    let off = ClusterOptions {
        template_copies: 0,
        ..ClusterOptions::default()
    };
    assert_eq!(cluster(&articles, &off).events.len(), 1);
}
