//! Touches to the extracted text once the metadata is known.

use crate::metadata::squash;

/// Drops a first paragraph that only repeats the headline.
pub(crate) fn remove_title_line(text: &str, title: Option<&str>) -> String {
    let Some(title) = title.map(squash).filter(|title| !title.is_empty()) else {
        return text.to_owned();
    };
    match text.split_once("\n\n") {
        Some((first, rest)) if squash(first).eq_ignore_ascii_case(&title) => rest.to_owned(),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_a_repeated_headline() {
        assert_eq!(
            remove_title_line("Talks end\n\nBody.", Some("Talks  end")),
            "Body."
        );
        assert_eq!(
            remove_title_line("Body.\n\nMore.", Some("Talks end")),
            "Body.\n\nMore."
        );
    }
}
