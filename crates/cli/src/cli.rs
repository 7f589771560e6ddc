//! Command-line flags: what the user can ask for. Parsing only; the work is in `commands`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// corroborate: make sense of many news articles about the same happenings.
///
/// Reads articles from files, directories, globs, JSONL, WARC, RSS/Atom feeds and URLs, removes
/// web junk, stores them in an embedded SQLite database, and reports what they say.
#[derive(Debug, Parser)]
#[command(name = "corroborate", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The SQLite database file (created when missing).
    #[arg(
        long,
        global = true,
        default_value = "corroborate.db",
        env = "CORROBORATE_DB"
    )]
    pub db: PathBuf,

    /// Print only errors (no progress bars, no summaries on stderr).
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read inputs, clean them and store them; prints a summary (read / new / duplicate / failed).
    Ingest(IngestArgs),
    /// Read inputs and print one JSON object per clean article to stdout, storing nothing.
    Extract(ExtractArgs),
    /// List the stored articles.
    Articles(ArticlesArgs),
    /// Ingest the inputs, then analyse and report on everything stored.
    Run(RunArgs),
    /// Read inputs and print `id<TAB>event_id<TAB>story_id` per article, storing nothing.
    Cluster(ClusterArgs),
    /// Measure quality against gold annotations.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Serve the JSON API over the database (loopback only unless --allow-remote).
    Serve(ServeArgs),
}

/// Flags of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: std::net::SocketAddr,

    /// Bearer token the write endpoints (ingest, delete, re-run) require; without one they
    /// are refused.
    #[arg(long, env = "CORROBORATE_TOKEN", hide_env_values = true)]
    pub token: Option<String>,

    /// Allow a non-loopback --bind (a token is required as well).
    #[arg(long)]
    pub allow_remote: bool,

    /// Largest request body, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub body_limit: usize,

    /// Seconds a request may take before it is answered 408.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub request_timeout: u64,

    /// Let ingested URLs point at loopback and private-network addresses.
    #[arg(long)]
    pub allow_private: bool,
}

/// What `eval` measures.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Event clustering: pairwise and BCubed precision, recall and F1, overall and per dataset.
    Clusters(EvalClustersArgs),
}

/// Flags of `eval clusters`.
#[derive(Debug, Args)]
pub struct EvalClustersArgs {
    /// Articles, one JSON object per line (`id, title, text, date, source, url, dataset`).
    #[arg(long, value_name = "A.jsonl")]
    pub articles: PathBuf,

    /// Gold events, `id<TAB>event` per line.
    #[arg(long, value_name = "G.tsv")]
    pub gold: PathBuf,

    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Flags of `cluster`.
#[derive(Debug, Args)]
pub struct ClusterArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// Print the events and stories as JSON instead of one line per article.
    #[arg(long)]
    pub json: bool,
}

/// How inputs are read: shared by every command that takes inputs.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (read recursively), glob patterns, `-` for stdin, or http(s) URLs.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Allow fetching from loopback and private-network addresses (refused by default).
    #[arg(long)]
    pub allow_private: bool,

    /// Ignore robots.txt when fetching URLs.
    #[arg(long)]
    pub ignore_robots: bool,

    /// Refuse input files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 20 * 1024 * 1024)]
    pub max_file_bytes: u64,

    /// Seconds allowed for each HTTP request.
    #[arg(long, value_name = "SECONDS", default_value_t = 20)]
    pub timeout: u64,
}

impl InputArgs {
    /// Local inputs with the default limits (no network access is allowed to private addresses).
    pub fn local(inputs: Vec<String>) -> Self {
        Self {
            inputs,
            allow_private: false,
            ignore_robots: false,
            max_file_bytes: 20 * 1024 * 1024,
            timeout: 20,
        }
    }
}

/// Flags of `ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// Print the summary as JSON (with every failure) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Flags of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// Print JSON, one object per line (the default; accepted for symmetry with other commands).
    #[arg(long)]
    pub json: bool,

    /// Print a readable text block per article instead of JSON.
    #[arg(long, conflicts_with = "json")]
    pub text: bool,
}

/// Flags of `articles`.
#[derive(Debug, Args)]
pub struct ArticlesArgs {
    /// Print JSON, one object per line, with the full article (text and removed lines).
    #[arg(long)]
    pub json: bool,
}

/// Output formats of `run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Concise text for the terminal (coloured when stdout is a terminal).
    Text,
    /// JSON.
    Json,
    /// Markdown.
    Md,
    /// One self-contained HTML page.
    Html,
}

/// Flags of `run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// What to print on stdout (text is coloured when stdout is a terminal).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Also write every format as files into this directory.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}
