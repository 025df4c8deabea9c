//! The date families as regex sources, built from a value's time words and
//! compiled as one alternation (which family matched, and where) and split
//! per family (its groups), with each thread's search caches.

use super::TimeWords;
use super::direct::Direct;
use super::groups::{GroupIds, GroupNames};
use super::lexicon::{Lexicon, alternation};
use super::starts::Starts;
use regex_automata::meta;
use regex_automata::util::captures::Captures as GroupSlots;
use regex_automata::util::captures::GroupInfo;
use regex_syntax::hir::{Hir, HirKind};
use std::cell::RefCell;
use std::sync::OnceLock;

/// Day of month, with an optional ordinal suffix.
pub(super) const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?-u:\b)";
/// A plausible year for news text: [`crate::date_text::PLAUSIBLE_YEARS`].
pub(super) const YEAR: &str = r"(?:1[89][0-9]{2}|20[0-9]{2})(?-u:\b)";

/// The date families as regex sources, in priority order: joined with `|`
/// they are the one date pattern.
pub(super) fn families(lx: &Lexicon) -> Vec<String> {
    // Only abbreviations take a dot, so a sentence's full stop stays out.
    let abbreviations = lx
        .months
        .keys()
        .filter(|m| !lx.full_months.contains(m))
        .map(String::as_str);
    let month = format!(
        r"(?:(?:{})(?-u:\b)|(?:{})(?-u:\b)\.?)",
        alternation(lx.full_months.iter().map(String::as_str)),
        alternation(abbreviations)
    );
    let full_month = format!(
        r"(?:{})(?-u:\b)",
        alternation(lx.full_months.iter().map(String::as_str))
    );
    let weekday = format!(
        r"(?:{})(?-u:\b)",
        alternation(lx.weekdays.keys().map(String::as_str))
    );
    let modifier = format!(
        r"(?:(?i:{})(?:\s+(?i:on))?\s+|(?i:mid)-\s*)",
        alternation(lx.modifiers.iter().map(String::as_str))
    );
    let relative = alternation(lx.relative.keys().map(String::as_str));
    let reference_forms = with_capitals(lx.references.keys().map(String::as_str));
    let references = alternation(reference_forms.iter().map(String::as_str));
    let spelled = |keep: fn(i32) -> bool| {
        alternation(
            lx.number_words
                .iter()
                .filter(|(w, n)| keep(**n) && w.len() > 2)
                .map(|(w, _)| w.as_str()),
        )
    };
    let unit_words = spelled(|n| (1..=9).contains(&n));
    let teen_words = spelled(|n| (10..=19).contains(&n));
    let tens_words = spelled(|n| n >= 20 && n % 10 == 0);
    let holidays = alternation(lx.holidays.keys().map(String::as_str)).replace('\'', "['’]");
    let numbers = alternation(lx.number_words.keys().map(String::as_str));
    let units = alternation(lx.ago_units.keys().map(String::as_str));
    let parts = alternation(lx.day_parts.iter().map(String::as_str));
    let b = r"(?-u:\b)";
    let alternatives = [
        format!(
            r"{b}(?P<iso_y>{YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12][0-9]|3[01]){b}"
        ),
        format!(
            r"{b}(?P<num_a>[0-9]{{1,2}})(?P<num_s1>[./])(?P<num_b>[0-9]{{1,2}})(?P<num_s2>[./])(?P<num_y>{YEAR})"
        ),
        format!(
            r"(?P<mf_mod>{modifier})?(?P<mf_core>{b}(?:(?P<mf_wd>{weekday}),?\s+)?(?P<mf_m>{month})\s+(?P<mf_d>{DAY})(?:,?\s+(?P<mf_y>{YEAR}))?)"
        ),
        format!(
            r"(?P<df_mod>{modifier})?(?P<df_core>{b}(?:(?P<df_wd>{weekday}),?\s+)?(?:the\s+)?(?P<df_d>{DAY})(?:\s+of)?\s+(?P<df_m>{month})(?:,?\s+(?P<df_y>{YEAR}))?)"
        ),
        format!(
            r"(?P<pq_mod>{modifier})?(?P<pq_core>{b}(?:(?P<pq_det>(?i:the|this|last|next|its|a|that))\s+)?(?:(?P<pq_back>(?i:year-ago|year-earlier|comparable\s+year-ago|comparable\s+year-earlier))\s+)?(?:(?P<pq_y1>{YEAR})(?:'s|’s)?\s+|(?P<pq_rel>(?i:this|last|next))\s+year(?:'s|’s)\s+)?(?:(?P<pq_fis>(?i:fiscal))[\s-]+)?(?P<pq_ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last))[\s-]+(?:(?i:fiscal)\s+)?(?P<pq_unit>(?i:quarter|half)){b}(?:\s+of\s+(?:(?P<pq_y2>{YEAR})|(?P<pq_rel2>(?i:this|last|next))\s+year{b}|the\s+(?:current\s+|fiscal\s+)?year{b}))?(?:,?\s+(?P<pq_y3>{YEAR}))?)"
        ),
        format!(
            r"(?P<qq_core>{b}(?:(?P<qq_y1>{YEAR})[\s-])?(?P<qq>[QH][1-4]){b}(?:\s*(?P<qq_y2>{YEAR}))?)"
        ),
        format!(
            r"(?P<pr_core>{b}(?:(?:(?i:the|this|that|its))\s+(?:(?P<pr_y>{YEAR})\s+|(?P<pr_mod>(?i:latest|current|same|comparable|corresponding|previous|year-earlier|year-ago))\s+(?:(?P<pr_mod2>(?i:year-earlier|year-ago))\s+)?)?|(?P<pr_rel>(?i:last|this))\s+year(?:'s|’s)\s+|(?P<pr_ya>(?i:year-earlier|year-ago))\s+)(?P<pr_unit>quarter|period){b}(?P<pr_back>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year){b})?)"
        ),
        format!(
            r"(?P<ss_core>{b}(?:(?P<ss_det>(?i:this\s+past|this|last|next|the|early|late|mid))[\s-]+)?(?P<ss>(?i:spring|summer|fall|autumn|winter)){b}(?:\s+of\s+(?P<ss_y1>{YEAR})|,?\s+(?P<ss_y2>{YEAR}))?)"
        ),
        format!(r"(?P<fy_core>{b}(?i:fiscal)(?:\s+(?i:year))?\s+(?P<fy_y>{YEAR}))"),
        format!(
            r"(?P<my_mod>{modifier})?(?P<my_core>{b}(?P<my_m>{month})(?:,?\s+(?P<my_y>{YEAR})|\s+(?P<my_rel>(?i:last|this|next))\s+(?i:year){b}))"
        ),
        format!(r"(?P<rm_core>{b}(?P<rm_rel>(?i:last|this|next))\s+(?P<rm_m>{full_month}))"),
        format!(r"(?P<rel_mod>{modifier})?(?P<rel_core>{b}(?P<rel>(?i:{relative})){b})"),
        format!(
            r"(?P<ago_core>{b}(?P<ago_n>[0-9]{{1,3}}|(?i:{numbers}))\s+(?P<ago_u>(?i:{units}))\s+(?P<ago_w>(?i:ago|later|earlier)){b})"
        ),
        format!(
            r"(?P<wd_mod>{modifier})?(?P<wd_core>{b}(?:(?P<wd_dir>(?i:last|next|this))\s+)?(?P<wd>{weekday})(?:\s+(?P<wd_part>(?i:{parts})){b})?)"
        ),
        format!(
            r"(?P<sy_core>{b}(?:(?P<sy_m>{full_month})\s+)?(?P<sy_the>[Tt]he\s+year\s+)?(?:(?P<sy_c>[Nn]ineteen|[Tt]wenty)[\s-]+(?:(?P<sy_tens>{tens_words})(?:[\s-]+(?P<sy_unit>{unit_words}))?|(?P<sy_teen>{teen_words}))|(?P<sy_k>[Tt]wo\s+thousand)(?:\s+(?:and\s+)?(?P<sy_unit2>{unit_words}))?){b})"
        ),
        // What may follow "the year": white space or punctuation, not a letter,
        // a digit or a hyphen ("the year-ago quarter"). Listed, not `[^\w-]`:
        // that class is every char outside the word class, which grows the
        // union pattern's automaton (and each thread's caches) by megabytes.
        format!(
            r#"(?P<ty_core>{b}[Tt]he\s+(?:fiscal\s+)?year)(?P<ty_tail>[\s.,;:!?)\]'"’“”—–]|$)"#
        ),
        format!(r"(?P<cm_mod>{modifier})?(?P<cm_core>{b}(?P<cm_m>{full_month}))"),
        format!(
            r"(?P<hd_core>{b}(?:(?P<hd_dir>(?i:last|next|this))\s+)?(?P<hd>{holidays}){b}(?P<hd_week>\s+week{b})?(?:,?\s+(?P<hd_y>{YEAR}))?)"
        ),
        format!(r"(?P<yr_core>{b}(?P<yr>{YEAR}))"),
        format!(r"(?P<rf_core>{b}(?:{references}){b})"),
    ];
    alternatives.into()
}

/// Whether the modifier is read around a match in code ([`super::modifier`])
/// rather than by the union: its words must be ASCII letters compared
/// without case, none of them 'k' or 's', whose case folds reach beyond
/// ASCII (the Kelvin sign, the long s).
pub(super) fn modifier_read_in_code(lx: &Lexicon) -> bool {
    lx.modifiers.iter().all(|w| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_alphabetic() && !matches!(b.to_ascii_lowercase(), b'k' | b's'))
    })
}

/// `tree` without its optional modifier (`(?P<xx_mod>...)?` opening it),
/// or None when it opens with none.
fn without_modifier(tree: &Hir) -> Option<Hir> {
    let HirKind::Concat(parts) = tree.kind() else {
        return None;
    };
    let HirKind::Repetition(optional) = parts.first()?.kind() else {
        return None;
    };
    let HirKind::Capture(group) = optional.sub.kind() else {
        return None;
    };
    let is_modifier = group.name.as_deref().is_some_and(|n| n.ends_with("_mod"));
    (is_modifier && optional.min == 0 && optional.max == Some(1))
        .then(|| Hir::concat(parts[1..].to_vec()))
}

/// Each of `words` as written (lowercase) and capitalised, as a sentence
/// opens with it: matching these costs the one pattern less than ignoring
/// case.
pub(super) fn with_capitals<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    words
        .into_iter()
        .flat_map(|w| {
            let mut chars = w.chars();
            let capital = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default();
            [w.to_string(), capital]
        })
        .collect()
}

/// The union's trees: each family's without its modifier where `cores`
/// holds that, else its own (`trees`).
fn union_trees<'a>(cores: &'a [Option<Hir>], trees: &'a [Hir]) -> Vec<&'a Hir> {
    cores
        .iter()
        .zip(trees)
        .map(|(core, tree)| core.as_ref().unwrap_or(tree))
        .collect()
}

/// The date pattern split so that groups are cheap to read.
///
/// Reading groups from the one big pattern costs a backtracking search
/// over its whole NFA (hundreds of alternatives) per match. Instead, the
/// families as one multi-pattern automaton, earlier families first, so it
/// finds exactly the matches of [`TimeWords::pattern`] (`starts`, or the
/// regex `any`), find each match and which family it is, and only that
/// family's own small regex reads the groups, anchored on the match.
pub(super) struct Families {
    /// The families as one automaton searched from the places a match may
    /// start, each without its optional modifier when [`super::modifier`]
    /// reads that in code; None when the lazy DFA cannot take them.
    pub(super) starts: Option<Starts>,
    /// The same union as one regex, compiled when first needed: for
    /// [`Families::starts`]' None or a search it gives up.
    any: OnceLock<meta::Regex>,
    /// The union's syntax trees, each family's without its modifier when
    /// the union leaves it out (None: the family's own tree).
    cores: Vec<Option<Hir>>,
    /// The families that may open with the modifier (indices into the
    /// families), when the union leaves it out; empty otherwise.
    pub(super) modified: Vec<usize>,
    /// Bytes that may end a modifier before a date's start (the last
    /// letter of a modifier word, of "on", or a hyphen), and bytes that
    /// may open one, in either case: most matches have neither next to
    /// them.
    pub(super) modifier_ends: [bool; 256],
    pub(super) modifier_opens: [bool; 256],
    /// The words of `[modifiers]`, lowercase.
    pub(super) modifier_words: Vec<Box<[u8]>>,
    /// Those families whole, as one regex run anchored where a modifier
    /// starts; compiled when first needed.
    with_modifier: OnceLock<meta::Regex>,
    /// Each family's syntax tree, for its own regex.
    trees: Vec<Hir>,
    /// Each family's own regex, compiled when first needed: the families
    /// whose groups are read in code ([`Families::direct`]) need theirs
    /// only for a match those readers leave, which most corpora never hold.
    each: Vec<OnceLock<meta::Regex>>,
    /// Each family's groups, known from its syntax tree without its regex.
    pub(super) groups: Vec<GroupInfo>,
    /// Each family's group index for each group name: form_of asks for
    /// many names a family does not have, and the regex's own name table
    /// hashes slowly.
    pub(super) ids: Vec<GroupIds>,
    /// The stem of every group name of a family ("mf" of "mf_core", "wd" of
    /// "wd" and "wd_dir"), so that asking a family for another family's
    /// group costs no hashing; empty when the names share none.
    pub(super) prefixes: Vec<String>,
    /// Whether every group of a family is the whole match (the bare year,
    /// the reference words): its groups are read off the match itself,
    /// without running its regex.
    pub(super) whole: Vec<bool>,
    /// The families whose groups are read in code ([`super::direct`]),
    /// with the indices of their groups in [`Direct::group_names`] order.
    pub(super) direct: Vec<Option<(Direct, Vec<usize>)>>,
}

/// The stems of the families whose every group spans the whole match: no
/// optional part, nothing outside the named groups but word boundaries.
const WHOLE_MATCH_FAMILIES: [&str; 2] = ["yr", "rf"];

impl Families {
    /// The families of `lx` (their sources, [`families`] of it) compiled.
    pub(super) fn new(lx: &Lexicon, families: &[String]) -> Families {
        // Each family is parsed once: the same syntax trees build both the
        // multi-pattern regex and each family's own.
        let trees: Vec<Hir> = families
            .iter()
            .map(|f| regex_automata::util::syntax::parse(f).expect("date pattern parses"))
            .collect();
        // The union leaves the modifier out when code reads it: seven copies
        // of it at every start make the union's automaton far larger (states
        // are built per thread).
        let cores: Vec<Option<Hir>> = if modifier_read_in_code(lx) {
            trees.iter().map(without_modifier).collect()
        } else {
            trees.iter().map(|_| None).collect()
        };
        let modified: Vec<usize> = (0..cores.len()).filter(|&i| cores[i].is_some()).collect();
        let starts = Starts::new(&union_trees(&cores, &trees));
        let groups: Vec<GroupInfo> = trees
            .iter()
            .map(|tree| {
                let mut names = vec![None];
                capture_names(tree, &mut names);
                GroupInfo::new([names]).expect("date pattern groups")
            })
            .collect();
        let names = groups
            .iter()
            .map(|g| {
                g.pattern_names(regex_automata::PatternID::ZERO)
                    .enumerate()
                    .filter_map(|(i, n)| Some((n?, i)))
                    .collect()
            })
            .collect::<Vec<GroupNames>>();
        let prefixes: Vec<String> = names
            .iter()
            .map(|n| {
                let mut common: Option<&str> = None;
                for name in n.keys() {
                    let p = name.split_once('_').map_or(name, |(p, _)| p);
                    common = match common {
                        None => Some(p),
                        Some(c) if c == p => Some(c),
                        // Mixed prefixes: no shortcut for this family.
                        Some(_) => Some(""),
                    };
                }
                common.unwrap_or("").to_string()
            })
            .collect();
        let whole = prefixes
            .iter()
            .map(|p| WHOLE_MATCH_FAMILIES.contains(&p.as_str()))
            .collect();
        let direct = prefixes
            .iter()
            .zip(&names)
            .map(|(stem, names)| {
                let family = Direct::of_stem(stem)?;
                let indices = family
                    .group_names()
                    .iter()
                    .map(|n| names.get(n))
                    .collect::<Option<Vec<usize>>>()?;
                Some((family, indices))
            })
            .collect();
        let mut modifier_ends = [false; 256];
        let mut modifier_opens = [false; 256];
        if !modified.is_empty() {
            let words = lx.modifiers.iter().map(String::as_str);
            for w in words.chain(["on", "mid"]) {
                for (table, b) in [
                    (&mut modifier_ends, w.bytes().last()),
                    (&mut modifier_opens, w.bytes().next()),
                ] {
                    if let Some(b) = b {
                        table[usize::from(b.to_ascii_lowercase())] = true;
                        table[usize::from(b.to_ascii_uppercase())] = true;
                    }
                }
            }
            modifier_ends[usize::from(b'-')] = true;
        }
        let modifier_words = lx
            .modifiers
            .iter()
            .map(|w| w.to_ascii_lowercase().into_bytes().into())
            .collect();
        Families {
            starts,
            any: OnceLock::new(),
            cores,
            modified,
            modifier_ends,
            modifier_opens,
            modifier_words,
            with_modifier: OnceLock::new(),
            each: trees.iter().map(|_| OnceLock::new()).collect(),
            trees,
            groups,
            prefixes,
            whole,
            direct,
            ids: names.iter().map(GroupNames::ids).collect(),
        }
    }

    /// The union as one regex (pattern `i` is family `i`, without its
    /// modifier when [`Families::modified`] is not empty). No prefilter: the
    /// families start with too many words for a literal search to skip
    /// text, and extracting the literals costs more at start-up than it
    /// saves.
    pub(super) fn any(&self) -> &meta::Regex {
        self.any.get_or_init(|| {
            meta::Regex::builder()
                .configure(
                    meta::Config::new()
                        .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit)
                        .auto_prefilter(false),
                )
                .build_many_from_hir(&union_trees(&self.cores, &self.trees))
                .expect("date pattern compiles")
        })
    }

    /// The families that may open with the modifier, whole, as one regex
    /// (pattern `k` is family `modified[k]`).
    pub(super) fn with_modifier(&self) -> &meta::Regex {
        self.with_modifier.get_or_init(|| {
            let trees: Vec<&Hir> = self.modified.iter().map(|&i| &self.trees[i]).collect();
            // Run anchored on a few matches only: no automaton to build.
            meta::Regex::builder()
                .configure(
                    meta::Config::new()
                        .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit)
                        .hybrid(false)
                        .onepass(false)
                        .auto_prefilter(false),
                )
                .build_many_from_hir(&trees)
                .expect("date pattern compiles")
        })
    }

    /// Family `i`'s own regex, compiled on first use. It only ever runs
    /// anchored on a known match, so it needs no lazy DFA (and no reverse
    /// NFA for one) and no prefilter: that cuts its build to the NFA.
    pub(super) fn family(&self, i: usize) -> &meta::Regex {
        self.each[i].get_or_init(|| {
            meta::Regex::builder()
                .configure(meta::Config::new().hybrid(false).auto_prefilter(false))
                .build_from_hir(&self.trees[i])
                .expect("date pattern compiles")
        })
    }
}

/// The names of the groups of `tree`, at their indices (group 0 is the
/// whole match, unnamed): the groups its regex will have.
fn capture_names(tree: &Hir, names: &mut Vec<Option<String>>) {
    match tree.kind() {
        HirKind::Capture(c) => {
            let i = c.index as usize;
            if names.len() <= i {
                names.resize(i + 1, None);
            }
            names[i] = c.name.as_deref().map(str::to_string);
            capture_names(&c.sub, names);
        }
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            for sub in subs {
                capture_names(sub, names);
            }
        }
        HirKind::Repetition(r) => capture_names(&r.sub, names),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
    }
}

/// Search state for one value's [`Families`], one per thread: the regexes'
/// own cache pools serve only their first thread quickly.
pub(super) struct Caches {
    /// The [`TimeWords::id`] of the value whose regexes these caches are
    /// for: a cache is never used with another regex.
    owner: u64,
    /// For [`Families::starts`].
    pub(super) starts: Option<regex_automata::hybrid::dfa::Cache>,
    /// For [`Families::any`], made on its first search.
    pub(super) any: Option<meta::Cache>,
    /// For [`Families::with_modifier`], made on its first search.
    pub(super) with_modifier: Option<meta::Cache>,
    /// A family's regex cache, made when its regex first runs in this
    /// thread, and its group slots.
    pub(super) each: Vec<(Option<meta::Cache>, GroupSlots)>,
}

impl Caches {
    fn new(words: &TimeWords) -> Self {
        let split = words.split();
        Caches {
            owner: words.id,
            starts: split.starts.as_ref().map(Starts::create_cache),
            any: None,
            with_modifier: None,
            each: split
                .groups
                .iter()
                .map(|g| (None, GroupSlots::all(g.clone())))
                .collect(),
        }
    }
}

thread_local! {
    /// None until this thread searches (again after a release). The
    /// lazy automata's states grow in them, and are reused by every
    /// article the thread parses with the same value.
    static CACHES: RefCell<Option<Caches>> = const { RefCell::new(None) };
}

/// `f` with this thread's search state for `words`: kept from the last
/// search when that was with the same value, else made anew (a change of
/// value costs the states built so far, never a wrong reuse).
pub(super) fn with_caches<R>(words: &TimeWords, f: impl FnOnce(&mut Caches) -> R) -> R {
    CACHES.with_borrow_mut(|slot| {
        if slot.as_ref().is_some_and(|c| c.owner != words.id) {
            *slot = None;
        }
        f(slot.get_or_insert_with(|| Caches::new(words)))
    })
}

/// Gives back this thread's search state, grown while parsing (see
/// [`crate::parse::release_thread_scratch`]).
pub(super) fn release_caches() {
    CACHES.with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            *c = None;
        }
    });
}
