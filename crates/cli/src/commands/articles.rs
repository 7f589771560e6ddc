//! `corroborate articles`: list what is stored.

use std::io::Write;

use corroborate_store::{SqliteStore, Store};

use super::Status;
use crate::cli::{ArticlesArgs, Cli};

pub fn run(cli: &Cli, args: &ArticlesArgs) -> anyhow::Result<Status> {
    let store = SqliteStore::open(&cli.db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        for article in store.all_articles()? {
            writeln!(out, "{}", serde_json::to_string(&article)?)?;
        }
    } else {
        let rows = store.articles()?;
        for row in &rows {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{} words\t{} removed\t{}",
                row.id,
                row.published
                    .map(|p| p.date().to_string())
                    .unwrap_or_else(|| "-".into()),
                row.source.as_deref().unwrap_or("-"),
                row.language.as_deref().unwrap_or("-"),
                row.words,
                row.removed,
                row.title.as_deref().unwrap_or("(untitled)"),
            )?;
        }
        if !cli.quiet {
            eprintln!("{} articles in {}", rows.len(), cli.db.display());
        }
    }
    out.flush()?;
    Ok(Status::Success)
}
