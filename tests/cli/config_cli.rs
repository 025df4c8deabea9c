//! The config file as the binary sees it: the default corpus and sort on
//! the command line, relative and missing corpus paths, bad files stopping
//! everything before it runs, `--config FILE`. Every run gets its own
//! `XDG_CONFIG_HOME`, so the developer's real config never leaks in.

use crate::cli_common;

use std::path::Path;

/// A TOML string literal for a path.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A temp `XDG_CONFIG_HOME` holding `config.toml` with `text`.
fn xdg_with(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dateline")).unwrap();
    std::fs::write(dir.path().join("dateline/config.toml"), text).unwrap();
    dir
}

fn run_with(xdg: &Path, args: &[&str]) -> std::process::Output {
    cli_common::dateline()
        .env("XDG_CONFIG_HOME", xdg)
        .args(args)
        .output()
        .unwrap()
}

/// The file names of `dateline articles` (table) in the order listed.
fn listed_files(out: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().find(|w| w.ends_with(".txt")))
        .map(str::to_string)
        .collect()
}

#[test]
fn default_corpus_and_sort_take_effect_on_the_command_line() {
    let corpus = tempfile::tempdir().unwrap();
    let art = |title: &str, date: &str| {
        format!(
            "{title}\n\nPublished {date}\n\nThe harbour board approved a ferry route on Monday, officials said.\n"
        )
    };
    cli_common::write(
        corpus.path(),
        "a_late.txt",
        art("Late ferry news", "12 March 2025").as_bytes(),
    );
    cli_common::write(
        corpus.path(),
        "b_early.txt",
        art("Early ferry news", "3 January 2020").as_bytes(),
    );
    let dir = corpus.path().display().to_string();

    let by_date = xdg_with(&format!("corpus = {}\n", quoted(&dir)));
    let out = run_with(by_date.path(), &["articles"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dated = listed_files(&out);
    assert_eq!(
        dated.len(),
        2,
        "the configured corpus, not the seeds: {dated:?}"
    );

    let by_file = xdg_with(&format!("sort = \"file\"\ncorpus = {}\n", quoted(&dir)));
    let out = run_with(by_file.path(), &["articles"]);
    assert_eq!(listed_files(&out), ["a_late.txt", "b_early.txt"]);
    assert_ne!(dated, listed_files(&out), "the dates put b first");

    // A PATH on the command line still wins over the configured corpus.
    let out = run_with(by_file.path(), &["articles", "--json", "seeds"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(5));
    // And JSON timeline rows come from the configured corpus too.
    let out = run_with(by_date.path(), &["timeline", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|r| r["file"].as_str().unwrap().starts_with(&dir)),
        "{v}"
    );
}

#[test]
fn a_relative_corpus_is_relative_to_the_config_folder() {
    let xdg = xdg_with("corpus = \"news\"\n");
    let news = xdg.path().join("dateline/news");
    std::fs::create_dir(&news).unwrap();
    cli_common::write(&news, "one.txt", cli_common::GOOD.as_bytes());
    let out = run_with(xdg.path(), &["articles"]);
    assert_eq!(listed_files(&out), ["one.txt"]);
}

/// A configured corpus that is not there is an error naming the config
/// file, for a command as for the TUI; an empty path (which would be the
/// config folder, config file and all) is an error naming its line.
#[test]
fn a_missing_or_empty_configured_corpus_names_the_config_file() {
    let xdg = xdg_with("corpus = \"/no/such/news\"\n");
    for args in [
        &["articles"][..],
        &["export", "--format", "csv"],
        &["stats"],
    ] {
        let out = run_with(xdg.path(), args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("no such file or folder: /no/such/news (the corpus set in ")
                && err.contains("config.toml)"),
            "{args:?}: {err}"
        );
    }
    // `dateline config` passes the file but says what is missing.
    let out = run_with(xdg.path(), &["config"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("config.toml: ok\n"));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "dateline: warning: corpus: no such file or folder: /no/such/news\n"
    );
    let xdg = xdg_with("corpus = \"\"\n");
    let out = run_with(xdg.path(), &["articles"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "the config folder was loaded");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("config.toml:1: corpus: an empty path"),
        "{err}"
    );
}

#[test]
fn a_bad_file_is_an_error_naming_file_and_line_before_anything_runs() {
    let xdg = xdg_with("sort = \"file\"\n\n[keys.global]\ndown = \"ctrl-foo\"\n");
    let file = xdg.path().join("dateline/config.toml");
    // A command reads only the sort order and the corpus: it runs, and
    // passes on what the TUI will refuse as a warning.
    let out = run_with(xdg.path(), &["articles"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!out.stdout.is_empty());
    assert!(
        err.contains(&format!(
            "warning: {}:4: down: unknown key \"ctrl-foo\"",
            file.display()
        )),
        "{err}"
    );
    for args in [&[][..], &["config"][..]] {
        let out = run_with(xdg.path(), args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            err.contains(&format!(
                "{}:4: down: unknown key \"ctrl-foo\"",
                file.display()
            )),
            "{args:?}: {err}"
        );
        assert!(!err.contains("terminal"), "failed before the TUI: {err}");
    }
    // `config --default` and `--path` still answer, to help fix it.
    assert!(
        run_with(xdg.path(), &["config", "--default"])
            .status
            .success()
    );
    let out = run_with(xdg.path(), &["config", "--path"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        file.display().to_string()
    );
}

#[test]
fn config_flag_and_missing_files() {
    let empty = tempfile::tempdir().unwrap();
    // No file at the default place: the defaults, and `config` says so.
    let out = run_with(empty.path(), &["config"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("not found; using the defaults"));
    // --config names a file that must exist, before or after the command.
    let missing = empty.path().join("nope.toml");
    let m = missing.to_str().unwrap();
    for args in [
        &["--config", m, "articles"][..],
        &["articles", "--config", m][..],
    ] {
        let out = run_with(empty.path(), args);
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("nope.toml"));
    }
    let good = cli_common::write(empty.path(), "mine.toml", b"sort = \"file\"\n");
    let out = run_with(empty.path(), &["--config", &good, "config"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{good}: ok")
    );
    let out = run_with(empty.path(), &["--config", &good, "articles", "seeds"]);
    assert!(out.status.success());
    // PATHs before a command are refused rather than ignored.
    let out = run_with(empty.path(), &["seeds", "articles"]);
    assert_eq!(out.status.code(), Some(1));
}

/// The rows of a `--json` command run with the config home `xdg`, each
/// as the pair of its fields `a` and `b` (a string's text, else its JSON).
fn json_pairs(xdg: &Path, args: &[&str], (a, b): (&str, &str)) -> Vec<(String, String)> {
    let out = run_with(xdg, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let field = |row: &serde_json::Value, k: &str| match &row[k] {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    v.as_array()
        .unwrap()
        .iter()
        .map(|row| (field(row, a), field(row, b)))
        .collect()
}

/// The names and kinds `actors --json` gives for `corpus`.
fn actor_kinds(xdg: &Path, corpus: &Path) -> Vec<(String, String)> {
    let args = ["actors", corpus.to_str().unwrap(), "--json"];
    json_pairs(xdg, &args, ("name", "kind"))
}

#[test]
fn the_users_own_actors_file_beside_the_config_is_read_and_checked() {
    let corpus = tempfile::tempdir().unwrap();
    cli_common::write(
        corpus.path(),
        "a.txt",
        b"Published 3 March 2031\n\nVarga Lund signed the harbour contract on Monday, the Velmora council said.\n",
    );
    let xdg = xdg_with("");
    let lund = |kinds: &[(String, String)]| {
        kinds
            .iter()
            .find(|(n, _)| n == "Varga Lund")
            .map(|(_, k)| k.clone())
    };
    // Read as a person by default; the user's file says it is a firm.
    assert_eq!(
        lund(&actor_kinds(xdg.path(), corpus.path())).as_deref(),
        Some("person")
    );
    let actors = xdg.path().join("dateline/actors.toml");
    std::fs::write(
        &actors,
        "[[actor]]\nname = \"Varga Lund\"\nkind = \"organisation\"\n",
    )
    .unwrap();
    assert_eq!(
        lund(&actor_kinds(xdg.path(), corpus.path())).as_deref(),
        Some("organisation")
    );
    let checked = run_with(xdg.path(), &["config"]);
    assert!(
        String::from_utf8_lossy(&checked.stdout).contains("actors.toml: ok (1 actor)"),
        "{checked:?}"
    );

    // A mistake stops every command, naming the file and the line.
    std::fs::write(&actors, "[[actor]]\nname = \"Varga Lund\"\nknd = \"org\"\n").unwrap();
    stops_naming(
        xdg.path(),
        &["actors", corpus.path().to_str().unwrap()],
        "actors.toml:3: unknown field `knd`",
    );
    std::fs::write(
        &actors,
        "[[actor]]\nname = \"Varga Lund\"\nkind = \"ship\"\n",
    )
    .unwrap();
    let out = run_with(xdg.path(), &["actors", corpus.path().to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown kind \"ship\""));
}

/// The texts and dates of `timeline --json` on `corpus`.
fn timeline_dates(xdg: &Path, corpus: &Path) -> Vec<(String, String)> {
    let args = ["timeline", corpus.to_str().unwrap(), "--json"];
    json_pairs(xdg, &args, ("text", "date"))
}

#[test]
fn the_users_time_words_file_adds_to_the_bundled_words_and_a_mistake_stops_dateline() {
    let corpus = tempfile::tempdir().unwrap();
    cli_common::write(
        corpus.path(),
        "a.txt",
        b"Published 3 March 2031\n\nThe Velmora ferry will sail again on Harbour Day, the council said on 2 March 2031.\n",
    );
    let xdg = xdg_with("");
    let harbour_day = |dates: &[(String, String)]| {
        dates
            .iter()
            .find(|(t, _)| t.contains("Harbour Day"))
            .map(|(_, d)| d.clone())
    };
    assert_eq!(
        harbour_day(&timeline_dates(xdg.path(), corpus.path())),
        None
    );
    let words = xdg.path().join("dateline/time_words.txt");
    std::fs::write(
        &words,
        "# Velmora's own days\n[holidays]\nHarbour Day | 06-21\n",
    )
    .unwrap();
    assert_eq!(
        harbour_day(&timeline_dates(xdg.path(), corpus.path())).as_deref(),
        Some("2031-06-21")
    );
    let checked = run_with(xdg.path(), &["config"]);
    assert!(
        String::from_utf8_lossy(&checked.stdout).contains("time_words.txt: ok (1 entry)"),
        "{checked:?}"
    );

    // A line dateline cannot read stops every command, naming the file and the line.
    std::fs::write(&words, "[holidays]\nHarbour Day | 06-21\nRegatta Day\n").unwrap();
    stops_naming(
        xdg.path(),
        &["timeline", corpus.path().to_str().unwrap()],
        "time_words.txt:3: a holiday is",
    );
}

/// Both `command` and `dateline config` fail with the config home `xdg`,
/// saying `said` on stderr.
fn stops_naming(xdg: &Path, command: &[&str], said: &str) {
    for args in [command, &["config"]] {
        let out = run_with(xdg, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(err.contains(said), "{err}");
    }
}

/// The file names and clean bodies `articles --json` gives for `corpus`.
fn bodies(xdg: &Path, corpus: &Path) -> Vec<(String, String)> {
    let args = ["articles", corpus.to_str().unwrap(), "--json"];
    json_pairs(xdg, &args, ("file", "body"))
}

#[test]
fn the_users_furniture_file_takes_a_sites_widget_out_of_the_body_and_a_mistake_stops_dateline() {
    let corpus = tempfile::tempdir().unwrap();
    cli_common::write(
        corpus.path(),
        "a.txt",
        b"Published 3 March 2031\n\nThe Velmora council approved the new ferry timetable on Monday after a long debate about costs, crews and routes.\n\nTide times at Velmora quay, high water 06:12 and 18:40, low water 00:05 and 12:30, updated each morning.\n\nThe harbour master said the first sailing would leave at dawn and the last at dusk through the summer.\n",
    );
    let xdg = xdg_with("");
    let tide_in_body = |bodies: &[(String, String)]| bodies[0].1.contains("Tide times");
    assert!(tide_in_body(&bodies(xdg.path(), corpus.path())));
    let furniture = xdg.path().join("dateline/furniture.toml");
    std::fs::write(
        &furniture,
        "# Velmora Courier widgets\n[line]\npatterns = ['^tide times at ']\n",
    )
    .unwrap();
    let after = bodies(xdg.path(), corpus.path());
    assert!(!tide_in_body(&after), "{after:?}");
    assert!(after[0].1.contains("first sailing"), "{after:?}");
    let checked = run_with(xdg.path(), &["config"]);
    assert!(
        String::from_utf8_lossy(&checked.stdout).contains("furniture.toml: ok (1 pattern)"),
        "{checked:?}"
    );

    // A pattern that does not compile stops every command, naming the file and the line.
    std::fs::write(&furniture, "[line]\npatterns = [\n  '^tide (times']\n").unwrap();
    stops_naming(
        xdg.path(),
        &["articles", corpus.path().to_str().unwrap()],
        "furniture.toml:3: the pattern '^tide (times' does not compile",
    );
}

#[test]
fn the_users_publishers_file_names_a_local_paper_as_the_source_and_a_mistake_stops_dateline() {
    let corpus = tempfile::tempdir().unwrap();
    cli_common::write(
        corpus.path(),
        "a.txt",
        b"Ferry fares rise in Velmora\n\nPublished 3 March 2031\n\nThe ferry company will raise fares in April, its director told Harbour Light on Monday, after a winter of storms and repairs.\n",
    );
    let xdg = xdg_with("");
    let args = ["articles", corpus.path().to_str().unwrap(), "--json"];
    let source = |xdg: &Path| json_pairs(xdg, &args, ("file", "source"))[0].1.clone();
    assert_eq!(source(xdg.path()), "null");
    let publishers = xdg.path().join("dateline/publishers.toml");
    std::fs::write(
        &publishers,
        "# Velmora's papers\nnames = [\"Harbour Light\"]\n",
    )
    .unwrap();
    assert_eq!(source(xdg.path()), "Harbour Light");
    let checked = run_with(xdg.path(), &["config"]);
    assert!(
        String::from_utf8_lossy(&checked.stdout).contains("publishers.toml: ok (1 name)"),
        "{checked:?}"
    );

    std::fs::write(
        &publishers,
        "names = [\"Harbour Light\"]\nendings = [\"Lamp\"]\n",
    )
    .unwrap();
    stops_naming(
        xdg.path(),
        &["articles", corpus.path().to_str().unwrap()],
        "publishers.toml:2: unknown field `endings`",
    );
}
