//! The state file's tests: load and save, bad files, identities, marks.

use super::*;

fn key(dir: &Path) -> CorpusKey {
    CorpusKey::for_paths(&[dir.to_path_buf()])
}

fn sample(k: &CorpusKey) -> SavedState {
    SavedState {
        version: VERSION,
        corpus: k.names(),
        focus: Some("timeline".into()),
        article: Some("/x/a.txt".into()),
        reader_top: 120,
        event: Some(Place {
            file: "/x/a.txt".into(),
            start: 40,
            publication: false,
        }),
        follow: Some(FollowRef {
            name: "Anna Varga".into(),
            mention: None,
        }),
        read: vec!["/x/a.txt".into()],
        sort_by_file: false,
        config_sort_by_file: Some(false),
    }
}

#[test]
fn save_then_load_round_trips_and_leaves_no_temp_file() {
    let corpus = tempfile::tempdir().unwrap();
    let states = tempfile::tempdir().unwrap();
    let store = Store::in_dir(&states.path().join("dateline"), key(corpus.path()));
    assert_eq!(store.load(), Ok(None), "nothing saved yet is a fresh start");
    let s = sample(&store.key);
    store.save(&s).unwrap();
    assert_eq!(store.load(), Ok(Some(s.clone())));
    let mut s2 = s;
    s2.reader_top = 7;
    store.save(&s2).unwrap();
    assert_eq!(store.load(), Ok(Some(s2)));
    let files: Vec<_> = fs::read_dir(store.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(files.len(), 1, "only the state file: {files:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&store.path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by others: {mode:o}");
    }
    assert!(
        fs::read_dir(corpus.path()).unwrap().next().is_none(),
        "corpus untouched"
    );
}

#[test]
fn bad_files_are_warnings_not_failures() {
    let corpus = tempfile::tempdir().unwrap();
    let states = tempfile::tempdir().unwrap();
    let store = Store::in_dir(states.path(), key(corpus.path()));
    let good = serde_json::to_string(&sample(&store.key)).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not valid JSON", b"\x00\xffgarbage".to_vec()),
        ("truncated", good.as_bytes()[..good.len() / 2].to_vec()),
        ("truncated", Vec::new()),
        (
            "version 99",
            good.replace("\"version\":1", "\"version\":99").into_bytes(),
        ),
        ("no version", b"[1,2,3]".to_vec()),
        (
            "unexpected contents",
            good.replace("\"reader_top\":120", "\"reader_top\":-5")
                .into_bytes(),
        ),
        (
            "another corpus",
            good.replace(&store.key.names()[0], "/elsewhere")
                .into_bytes(),
        ),
    ];
    for (why, bytes) in cases {
        fs::write(&store.path, &bytes).unwrap();
        let err = store.load().unwrap_err();
        let (long, short) = (err.to_string(), err.short());
        assert!(
            long.contains(why) && long.contains("starting fresh"),
            "{why}: {long}"
        );
        assert!(long.contains(&*store.path.to_string_lossy()), "{long}");
        let dir = states.path().to_string_lossy();
        assert!(short.contains(why) && !short.contains(&*dir), "{short}");
    }
    // A folder where the file should be: unreadable, still only a warning.
    fs::remove_file(&store.path).unwrap();
    fs::create_dir(&store.path).unwrap();
    assert!(store.load().is_err());
    assert!(store.save(&sample(&store.key)).is_err());
}

#[test]
fn one_key_however_the_corpus_is_named() {
    let corpus = tempfile::tempdir().unwrap();
    let sub = corpus.path().join("news");
    fs::create_dir(&sub).unwrap();
    let direct = CorpusKey::for_paths(std::slice::from_ref(&sub));
    let dotted = CorpusKey::for_paths(&[sub.join("../news/.")]);
    assert_eq!(direct.names(), dotted.names());
    assert_eq!(direct.file_name(), dotted.file_name());
    assert_eq!(
        direct.article_id(&sub.join("a.txt")),
        dotted.article_id(&sub.join("../news/./a.txt"))
    );
    let other = CorpusKey::for_paths(&[corpus.path().to_path_buf()]);
    assert_ne!(direct.file_name(), other.file_name());
    let seeds = CorpusKey::for_paths(&[]);
    assert_eq!(seeds.file_name(), "seeds.json");
    assert_eq!(seeds.names(), vec![BUNDLED_KEY.to_string()]);
    assert_eq!(
        seeds.article_id(Path::new("seeds/000.txt")),
        "seeds/000.txt"
    );
}

#[test]
fn read_marks_of_files_absent_now_survive_a_save() {
    let corpus = tempfile::tempdir().unwrap();
    let states = tempfile::tempdir().unwrap();
    let store = Store::in_dir(states.path(), key(corpus.path()));
    let mut s = sample(&store.key);
    s.read = vec!["/c/away/b.txt".into(), "/c/here/a.txt".into()];
    store.save(&s).unwrap();
    // A session with the subfolder `away` missing knows only `here`.
    s.read = vec!["/c/here/a.txt".into(), "/c/here/c.txt".into()];
    s.reader_top = 9;
    store.save(&s).unwrap();
    let saved = store.load().unwrap().unwrap();
    assert_eq!(
        saved.read,
        ["/c/away/b.txt", "/c/here/a.txt", "/c/here/c.txt"]
    );
    assert_eq!(saved.reader_top, 9, "the place is the last save's");
}

#[test]
fn two_instances_quitting_in_turn_keep_both_sets_of_marks() {
    let corpus = tempfile::tempdir().unwrap();
    let states = tempfile::tempdir().unwrap();
    let one = Store::in_dir(states.path(), key(corpus.path()));
    let two = Store::in_dir(states.path(), key(corpus.path()));
    let mut first = sample(&one.key);
    first.read = vec!["/c/x.txt".into()];
    let mut second = sample(&two.key);
    second.read = vec!["/c/z.txt".into()];
    second.article = Some("/c/z.txt".into());
    // Both opened before either saved; both quit.
    let threads = [(one, first), (two, second)]
        .map(|(store, s)| std::thread::spawn(move || store.save(&s).unwrap()));
    threads.into_iter().for_each(|t| t.join().unwrap());
    let saved = Store::in_dir(states.path(), key(corpus.path()))
        .load()
        .unwrap()
        .unwrap();
    assert_eq!(saved.read, ["/c/x.txt", "/c/z.txt"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_planted_as_the_temporary_is_not_followed() {
    let corpus = tempfile::tempdir().unwrap();
    let states = tempfile::tempdir().unwrap();
    let store = Store::in_dir(states.path(), key(corpus.path()));
    let victim = corpus.path().join("victim.txt");
    fs::write(&victim, "keep me").unwrap();
    let name = store.path.file_name().unwrap().to_str().unwrap();
    let tmp = states
        .path()
        .join(format!(".{name}.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&victim, &tmp).unwrap();
    store.save(&sample(&store.key)).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(store.load().unwrap(), Some(sample(&store.key)));
    assert!(!tmp.exists() && fs::symlink_metadata(&tmp).is_err());
}

#[cfg(unix)]
#[test]
fn names_differing_only_in_bytes_that_are_not_utf8_are_two_identities() {
    use std::os::unix::ffi::OsStrExt;
    let k = CorpusKey::for_paths(&[]);
    let a = Path::new(std::ffi::OsStr::from_bytes(b"seeds/caf\xe9.txt"));
    let b = Path::new(std::ffi::OsStr::from_bytes(b"seeds/caf\xe8.txt"));
    assert_eq!(k.article_id(a), "seeds/caf\\xE9.txt");
    assert_ne!(k.article_id(a), k.article_id(b));
    assert_eq!(k.article_id(Path::new("seeds/café.txt")), "seeds/café.txt");
}

#[test]
fn hash_is_stable() {
    // Changing it would orphan every user's state files.
    assert_eq!(crate::hash::stable(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(crate::hash::stable(b"a"), 0xaf63_dc4c_8601_ec8c);
}

/// Rewrites the state file's date for `mark` to `days` ago.
fn set_absent_since(store: &Store, mark: &str, days: u64) {
    let mut v: serde_json::Value = serde_json::from_slice(&fs::read(&store.path).unwrap()).unwrap();
    let since = marks::now() - days * 24 * 60 * 60;
    v["absent_since"][mark] = since.into();
    fs::write(&store.path, serde_json::to_vec(&v).unwrap()).unwrap();
}

#[test]
fn a_mark_is_pruned_on_save_only_once_its_file_has_been_gone_for_long() {
    let corpus = tempfile::tempdir().unwrap();
    let states = tempfile::tempdir().unwrap();
    let store = Store::in_dir(states.path(), key(corpus.path()));
    let at = |p: &str| {
        let path = corpus.path().join(p);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "text").unwrap();
        identity(&path)
    };
    let (a, other) = (at("here/a.txt"), at("here/other.txt"));
    let (b, c) = (at("away/b.txt"), at("away/c.txt"));
    let mut s = sample(&store.key);
    s.read = vec![a.clone(), b.clone(), c.clone(), other.clone()];
    store.save(&s).unwrap();
    // The folder goes away; a session without it (and without the mark
    // another instance made of `other`) saves: nothing is lost.
    fs::remove_dir_all(corpus.path().join("away")).unwrap();
    s.read = vec![a.clone()];
    store.save(&s).unwrap();
    assert_eq!(store.load().unwrap().unwrap().read.len(), 4);
    let dates = marks::absences(&fs::read(&store.path).unwrap());
    assert_eq!(
        dates.keys().collect::<Vec<_>>(),
        [&b, &c],
        "only the missing are dated"
    );
    // Long after, `b` has been gone a day more than the limit, `c` a day less.
    let limit = marks::PRUNE_AFTER.as_secs() / (24 * 60 * 60);
    set_absent_since(&store, &b, limit + 1);
    set_absent_since(&store, &c, limit - 1);
    store.save(&s).unwrap();
    let mut kept = vec![a.clone(), c.clone(), other.clone()];
    kept.sort();
    assert_eq!(store.load().unwrap().unwrap().read, kept);
    // `c` comes back: its date goes, its mark stays.
    at("away/c.txt");
    store.save(&s).unwrap();
    assert_eq!(store.load().unwrap().unwrap().read, kept);
    assert!(marks::absences(&fs::read(&store.path).unwrap()).is_empty());
}

#[test]
fn a_prune_on_request_drops_the_marks_of_files_not_in_the_corpus_and_keeps_the_place() {
    let corpus = tempfile::tempdir().unwrap();
    let states = tempfile::tempdir().unwrap();
    let store = Store::in_dir(states.path(), key(corpus.path()));
    let present: crate::hash::FxSet<String> = ["/c/a.txt", "/c/n.warc"]
        .map(String::from)
        .into_iter()
        .collect();
    assert_eq!(
        store.prune(&present),
        Ok(Vec::new()),
        "no state file: nothing to do"
    );
    let mut s = sample(&store.key);
    s.read = ["/c/a.txt", "/c/gone.txt", "/c/n.warc#2", "/c/old.warc#1"]
        .map(String::from)
        .into();
    store.save(&s).unwrap();
    let summary = store.marks(&present).unwrap().unwrap();
    assert_eq!(summary.read, 4);
    let absent: Vec<&str> = summary.absent.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(absent, ["/c/gone.txt", "/c/old.warc#1"]);
    assert_eq!(
        store.prune(&present).unwrap(),
        ["/c/gone.txt", "/c/old.warc#1"]
    );
    let saved = store.load().unwrap().unwrap();
    assert_eq!(saved.read, ["/c/a.txt", "/c/n.warc#2"]);
    assert_eq!((saved.article, saved.reader_top), (s.article, s.reader_top));
    assert!(store.marks(&present).unwrap().unwrap().absent.is_empty());
}
