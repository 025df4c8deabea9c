//! "Did you mean?" for a mistyped command. `dateline timline` parses as the
//! TUI on a PATH called `timline`; when no such file is there and the word is
//! one slip away from a command, the user meant the command, and saying so
//! beats "no such file or folder".

use clap::CommandFactory;

/// The command `word` is a slip of (a letter added, dropped, changed or two
/// swapped, at most two slips and fewer than a third of the word), when
/// `word` is a bare word and not an exact command. Hidden commands are never
/// suggested.
pub fn mistyped_command(word: &str) -> Option<String> {
    let cli = crate::args::Cli::command();
    let names = cli
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string());
    nearest(word, names)
}

/// The error for `dateline WORD ...` when WORD is no file or folder but a
/// slip of a command: a path that exists always wins.
pub fn unknown_command(paths: &[std::path::PathBuf]) -> Option<String> {
    let first = paths.first()?;
    if std::fs::symlink_metadata(first).is_ok() {
        return None;
    }
    let word = first.to_str()?;
    let meant = mistyped_command(word)?;
    Some(format!(
        "unknown command '{word}', did you mean '{meant}'? (no file or folder is called '{word}' either)"
    ))
}

/// The candidate closest to `word` within the slip budget; ties go to the
/// first. A word with a path separator or a dot is a path, never a slip.
fn nearest(word: &str, candidates: impl IntoIterator<Item = String>) -> Option<String> {
    if word.is_empty() || word.contains(['/', '.', '\\']) || word.chars().count() > 32 {
        return None;
    }
    let word = word.to_lowercase();
    let budget = (word.chars().count().saturating_sub(1) / 3).min(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&word, &c), c))
        .filter(|(d, _)| (1..=budget).contains(d) || *d == 0)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of neighbours each count one. Both words are short (a command
/// name), so the table is small.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, row) in d.chunks_mut(w).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_slip_from_a_command_is_that_command() {
        assert_eq!(mistyped_command("timline").as_deref(), Some("timeline"));
        assert_eq!(mistyped_command("artciles").as_deref(), Some("articles"));
        assert_eq!(mistyped_command("actor").as_deref(), Some("actors"));
        assert_eq!(mistyped_command("Stats").as_deref(), Some("stats"));
        assert_eq!(mistyped_command("mentiosn").as_deref(), Some("mentions"));
    }

    #[test]
    fn paths_and_far_words_are_not_slips() {
        assert_eq!(mistyped_command("news"), None);
        assert_eq!(mistyped_command("timeline.txt"), None);
        assert_eq!(mistyped_command("./timline"), None);
        assert_eq!(mistyped_command("archive"), None);
        assert_eq!(mistyped_command(""), None);
        // Short words get no slack: "mn" is not "man".
        assert_eq!(mistyped_command("mn"), None);
    }

    #[test]
    fn a_missing_first_path_that_is_a_slip_is_an_unknown_command() {
        let err = unknown_command(&["timline".into()]).unwrap();
        assert!(
            err.starts_with("unknown command 'timline', did you mean 'timeline'?"),
            "{err}"
        );
        assert_eq!(unknown_command(&["no-such-folder-here".into()]), None);
        assert_eq!(unknown_command(&[]), None);
    }

    #[test]
    fn hidden_commands_are_never_suggested() {
        assert_eq!(mistyped_command("tui-bnech"), None);
    }

    #[test]
    fn edit_distance_counts_each_kind_of_slip_once() {
        assert_eq!(edit_distance("timeline", "timeline"), 0);
        assert_eq!(edit_distance("timline", "timeline"), 1);
        assert_eq!(edit_distance("timelines", "timeline"), 1);
        assert_eq!(edit_distance("timeljne", "timeline"), 1);
        assert_eq!(edit_distance("tiemline", "timeline"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
