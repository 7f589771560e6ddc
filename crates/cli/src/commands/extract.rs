//! `corroborate extract`: read and clean, print one JSON object per article, store nothing.

use std::io::Write;

use corroborate_model::Article;

use super::{Status, pipeline_options};
use crate::cli::{Cli, ExtractArgs};
use crate::progress;

pub fn run(cli: &Cli, args: &ExtractArgs) -> anyhow::Result<Status> {
    let options = pipeline_options(&args.input);
    let bar = progress::inputs_bar(0, cli.quiet);
    bar.set_message("extract");
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failures = 0;
    corroborate_pipeline::ingest(&args.input.inputs, &options, |batch| {
        bar.set_length(batch.inputs_total as u64);
        for result in batch.results {
            match result {
                Ok(article) if args.text => write_text(&mut out, &article)?,
                Ok(article) => writeln!(out, "{}", serde_json::to_string(&article)?)?,
                Err(failure) => {
                    failures += 1;
                    progress::report_line(&bar, &format!("error: {failure}"));
                }
            }
        }
        out.flush()?;
        bar.set_position(batch.inputs_done as u64);
        Ok::<(), anyhow::Error>(())
    })?;
    bar.finish_and_clear();
    Ok(Status::from_failures(failures))
}

fn write_text(out: &mut impl Write, article: &Article) -> std::io::Result<()> {
    writeln!(
        out,
        "# {}",
        article.title.as_deref().unwrap_or("(untitled)")
    )?;
    writeln!(out, "id: {}", article.id)?;
    for (label, value) in [
        ("source", article.source.clone()),
        ("published", article.published.map(|p| p.to_string())),
        ("url", article.url.clone()),
        ("language", article.language.clone()),
        (
            "authors",
            (!article.authors.is_empty()).then(|| article.authors.join(", ")),
        ),
    ] {
        if let Some(value) = value {
            writeln!(out, "{label}: {value}")?;
        }
    }
    writeln!(out, "\n{}\n", article.text)?;
    for removed in &article.removed {
        writeln!(
            out,
            "removed ({}): {}",
            removed.reason.as_str(),
            removed.text
        )?;
    }
    writeln!(out)
}
