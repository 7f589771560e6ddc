//! Minimal terminal styling: ANSI colours only when asked for (the caller checks that stdout
//! is a terminal and `NO_COLOR` is unset).

use std::io::IsTerminal;

/// Whether stdout gets colours.
pub fn stdout_colours() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// Styles text for one stream.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    enabled: bool,
}

impl Painter {
    /// A painter that colours only when `enabled`.
    pub fn new(enabled: bool) -> Self {
        Self { enabled }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Bold.
    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    /// Dimmed, for secondary details.
    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    /// Green, for good news.
    pub fn green(&self, text: &str) -> String {
        self.paint("32", text)
    }

    /// Yellow, for warnings and single-source items.
    pub fn yellow(&self, text: &str) -> String {
        self.paint("33", text)
    }

    /// Red, for conflicts.
    pub fn red(&self, text: &str) -> String {
        self.paint("31", text)
    }
}
