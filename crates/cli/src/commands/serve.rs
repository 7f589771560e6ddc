//! `corroborate serve`: the JSON API over the database until Ctrl-C or SIGTERM.

use std::time::Duration;

use corroborate_serve::{ServeOptions, serve_until_signal};

use super::Status;
use crate::cli::{Cli, ServeArgs};

pub fn run(cli: &Cli, args: &ServeArgs) -> anyhow::Result<Status> {
    let options = ServeOptions {
        bind: args.bind,
        token: args.token.clone(),
        body_limit: args.body_limit,
        timeout: Duration::from_secs(args.request_timeout.max(1)),
        allow_remote: args.allow_remote,
        allow_private_urls: args.allow_private,
        ..ServeOptions::new(cli.db.clone())
    };
    let quiet = cli.quiet;
    let writes = if options
        .token
        .as_deref()
        .is_some_and(|token| !token.is_empty())
    {
        "writes need the bearer token"
    } else {
        "writes disabled (no token)"
    };
    serve_until_signal(options, |address| {
        if !quiet {
            eprintln!("serving http://{address}/api/v1 ({writes}); Ctrl-C stops");
        }
    })?;
    Ok(Status::Success)
}
