//! Command-line arguments into classified inputs.

use std::path::{Path, PathBuf};

use crate::files::has_known_extension;
use crate::{Input, SourceError};

/// How deep a directory walk goes; deeper folders are reported, not read.
const MAX_DIRECTORY_DEPTH: usize = 64;

/// Expands command-line arguments into inputs.
///
/// - `-` is stdin; `http://` and `https://` arguments are URLs (checked to parse).
/// - A directory is walked recursively in sorted order, deterministic across runs; hidden
///   entries (names starting with `.`) and files of unknown extension are skipped inside it,
///   symbolic links to directories are not followed.
/// - An argument that names no existing path but holds `*`, `?` or `[` is a glob pattern
///   (`glob` crate); matches are sorted, and matched directories are walked.
/// - A named file is taken whatever its extension (its content is sniffed when unknown).
///
/// A missing path, a bad pattern, a glob matching nothing or an unreadable directory is an
/// `Err` for that argument; the other arguments are unaffected.
pub fn expand_inputs(args: &[String]) -> Vec<Result<Input, SourceError>> {
    let mut inputs = Vec::new();
    for argument in args {
        expand_argument(argument, &mut inputs);
    }
    inputs
}

fn expand_argument(argument: &str, inputs: &mut Vec<Result<Input, SourceError>>) {
    if argument == "-" {
        inputs.push(Ok(Input::Stdin));
        return;
    }
    let lowered = argument.get(..8).unwrap_or(argument).to_ascii_lowercase();
    if lowered.starts_with("http://") || lowered.starts_with("https://") {
        inputs.push(match url::Url::parse(argument) {
            Ok(url) if url.host().is_some() => Ok(Input::Url(argument.to_string())),
            Ok(_) => Err(SourceError::new(argument, "invalid URL: no host")),
            Err(error) => Err(SourceError::new(argument, format!("invalid URL: {error}"))),
        });
        return;
    }
    let path = Path::new(argument);
    if path.exists() {
        expand_path(path, inputs, 0);
        return;
    }
    if argument.contains(['*', '?', '[']) {
        expand_glob(argument, inputs);
        return;
    }
    inputs.push(Err(SourceError::new(argument, "no such file or directory")));
}

fn expand_glob(pattern: &str, inputs: &mut Vec<Result<Input, SourceError>>) {
    // Like a shell, `*` does not match names starting with a dot.
    let match_options = glob::MatchOptions {
        require_literal_leading_dot: true,
        ..glob::MatchOptions::new()
    };
    let paths = match glob::glob_with(pattern, match_options) {
        Ok(paths) => paths,
        Err(error) => {
            inputs.push(Err(SourceError::new(
                pattern,
                format!("bad glob pattern: {error}"),
            )));
            return;
        }
    };
    let mut matched = Vec::new();
    for entry in paths {
        match entry {
            Ok(path) => matched.push(path),
            Err(error) => inputs.push(Err(SourceError::new(
                error.path().display().to_string(),
                format!("cannot read: {}", error.error()),
            ))),
        }
    }
    if matched.is_empty() {
        inputs.push(Err(SourceError::new(
            pattern,
            "no file matches this pattern",
        )));
        return;
    }
    matched.sort();
    for path in matched {
        expand_path(&path, inputs, 0);
    }
}

fn expand_path(path: &Path, inputs: &mut Vec<Result<Input, SourceError>>, depth: usize) {
    if path.is_dir() {
        walk_directory(path, inputs, depth);
    } else {
        inputs.push(Ok(Input::Path(path.to_path_buf())));
    }
}

fn walk_directory(directory: &Path, inputs: &mut Vec<Result<Input, SourceError>>, depth: usize) {
    let name = || directory.display().to_string();
    if depth >= MAX_DIRECTORY_DEPTH {
        inputs.push(Err(SourceError::new(
            name(),
            format!("deeper than {MAX_DIRECTORY_DEPTH} folders, not read"),
        )));
        return;
    }
    let entries = match std::fs::read_dir(directory) {
        Ok(entries) => entries,
        Err(error) => {
            inputs.push(Err(SourceError::new(
                name(),
                format!("cannot read directory: {error}"),
            )));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(error) => inputs.push(Err(SourceError::new(
                name(),
                format!("cannot read directory: {error}"),
            ))),
        }
    }
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .is_some_and(|file_name| file_name.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        let Ok(link_metadata) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if link_metadata.is_dir() {
            walk_directory(&path, inputs, depth + 1);
        } else if link_metadata.file_type().is_symlink() && path.is_dir() {
            // Links to folders can form cycles: not followed.
            continue;
        } else if has_known_extension(&path) {
            inputs.push(Ok(Input::Path(path)));
        }
    }
}
