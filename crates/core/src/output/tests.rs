//! The rows and their renderers on a corpus parsed from made-up pages.

use super::rows::{self, EventFilter};
use super::{json, table};
use crate::model::{Corpus, DateValue};

fn corpus() -> Corpus {
    let page = |name: &str, text: &str| crate::ingest::Loaded::plain(name, text);
    crate::parse::build_corpus(
        &crate::parse::knowledge::Knowledge::shared_builtin(),
        vec![
            page(
                "harbour.txt",
                "Harbour ferry returns\n\nPublished 2025-04-02\n\n\
                 Mayor Tilda Brekke said on Thursday that the ferry would run again \
                 from 14 May 2025. Brekke said the council met in March.\n\n\
                 The crossing had stopped at some point.\n",
            ),
            page(
                "orchard.txt",
                "Orchard fair moves\n\nPublished 2025-03-11\n\n\
                 The fair will be held on 21 June 2025, Tilda Brekke told reporters \
                 \u{202e}today.\n",
            ),
        ],
        Vec::new(),
        None,
    )
}

fn text(f: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    f(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn date_labels_round_trip_through_display_and_parse() {
    for label in [
        "2025-04-25",
        "2025-W18",
        "2025-04",
        "2024-Q3",
        "2018-H1",
        "2023-WI",
        "2023-SP",
        "2024",
    ] {
        let v: DateValue = label.parse().unwrap();
        assert_eq!(v.to_string(), label);
        assert_eq!(v.label(), label);
    }
    assert_eq!(
        "2024-q3".parse::<DateValue>().unwrap().to_string(),
        "2024-Q3"
    );
    assert_eq!(
        " 2024-su ".parse::<DateValue>().unwrap().to_string(),
        "2024-SU"
    );
    for bad in [
        "",
        "24",
        "2025-13",
        "2025-02-30",
        "2025-W54",
        "2024-Q5",
        "April",
        "2024-XX",
    ] {
        assert!(bad.parse::<DateValue>().is_err(), "{bad}");
    }
}

#[test]
fn timeline_json_is_one_array_of_rows_in_date_order_then_unresolved() {
    let c = corpus();
    let out = text(|o| json::write_array(o, rows::events(&c, EventFilter::default())));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), rows::events(&c, EventFilter::default()).count());
    let dates: Vec<Option<&str>> = rows.iter().map(|r| r["date"].as_str()).collect();
    let first_null = dates
        .iter()
        .position(Option::is_none)
        .unwrap_or(dates.len());
    assert!(dates[first_null..].iter().all(Option::is_none), "{dates:?}");
    let dated: Vec<DateValue> = dates[..first_null]
        .iter()
        .map(|d| d.unwrap().parse().unwrap())
        .collect();
    assert!(
        dated.windows(2).all(|w| w[0].start <= w[1].start),
        "{dates:?}"
    );
    assert!(dates.contains(&Some("2025-05-14")), "{dates:?}");
    let may = rows.iter().find(|r| r["date"] == "2025-05-14").unwrap();
    assert_eq!(may["file"], "harbour.txt");
    assert_eq!(may["precision"], "day");
    let (start, end) = (may["start"].as_u64().unwrap(), may["end"].as_u64().unwrap());
    let raw = &c.articles[0].raw;
    assert_eq!(
        &raw[start as usize..end as usize],
        may["text"].as_str().unwrap()
    );
    assert!(
        may["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Tilda Brekke"),
        "{may}"
    );
    let keys: Vec<&String> = may.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "actors",
            "assumed_year",
            "date",
            "end",
            "file",
            "kind",
            "precision",
            "sentence",
            "start",
            "text",
            "url"
        ]
    );
}

#[test]
fn timeline_rows_made_on_every_core_are_the_rows_made_in_order() {
    let c = corpus();
    for f in [
        EventFilter::default(),
        EventFilter {
            references: true,
            ..EventFilter::default()
        },
    ] {
        let in_order = text(|o| json::write_array(o, rows::events(&c, f)));
        let sourced = text(|o| json::write_array_of(o, rows::event_sources(&c, f), |s| s.row(&c)));
        assert!(in_order.matches("\"date\"").count() > 1, "{in_order}");
        assert_eq!(sourced, in_order);
    }
}

#[test]
fn json_escapes_bidi_overrides_and_stays_valid() {
    let c = corpus();
    let out = text(|o| json::write_array(o, rows::articles(&c, false)));
    assert!(!out.contains('\u{202e}'));
    assert!(out.contains("\\u202e"), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let body = v[1]["body"].to_string();
    assert!(
        body.contains('\u{202e}') || body.contains("\\u202e"),
        "the value is kept: {body}"
    );
}

#[test]
fn a_date_filter_leaves_out_the_unresolved_and_an_actor_filter_keeps_theirs() {
    let c = corpus();
    let may: DateValue = "2025-05".parse().unwrap();
    let f = EventFilter {
        from: Some(may.start),
        to: Some(may.end()),
        ..EventFilter::default()
    };
    let rows: Vec<_> = rows::events(&c, f).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| {
        r.date
            .value()
            .is_some_and(|d| d.start.format("%Y-%m").to_string() == "2025-05")
    }));
    let brekke = crate::query::find_actor(&c, "brekke").unwrap();
    let f = EventFilter {
        actor: Some(brekke),
        ..EventFilter::default()
    };
    assert!(rows::events(&c, f).all(|r| r.actors.contains(&"Tilda Brekke")));
}

#[test]
fn tables_say_no_date_and_cut_long_cells() {
    let c = corpus();
    let out = text(|o| table::timeline(o, rows::events(&c, EventFilter::default())));
    assert!(out.lines().any(|l| l.starts_with("2025-05-14 ")), "{out}");
    let long = "word ".repeat(40);
    assert_eq!(table::fit(&long, 10), "word word…");
    assert_eq!(table::fit("a\u{1b}[2Jb", 20), "a\u{241b}[2Jb");
    assert_eq!(table::fit("日本語のテキスト", 7), "日本語…");
}

#[test]
fn a_failed_write_stops_the_rows() {
    struct Full(usize);
    impl std::io::Write for Full {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
            let n = b.len().min(self.0);
            self.0 -= n;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let c = corpus();
    let e = json::write_array(&mut Full(10), rows::articles(&c, false)).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe);
}

#[test]
fn a_reference_is_listed_only_when_asked_with_its_timeml_value_and_never_on_the_dated_timeline() {
    let c = crate::parse::build_corpus(
        &crate::parse::knowledge::Knowledge::shared_builtin(),
        vec![crate::ingest::Loaded::plain(
            "mill.txt",
            "Mill reopens\n\nPublished 2025-04-02\n\n\
             The mill is now open again, Orla Penn said on 1 April 2025. \
             When it reopens is not known.\n",
        )],
        Vec::new(),
        None,
    );
    assert!(c.events.iter().all(|e| e.date.label() != "PRESENT_REF"));
    let json_of = |f: EventFilter| -> Vec<serde_json::Value> {
        let out = text(|o| json::write_array(o, rows::events(&c, f)));
        serde_json::from_str::<serde_json::Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let plain = json_of(EventFilter::default());
    assert!(plain.iter().any(|r| r["date"] == "2025-04-01"), "{plain:?}");
    assert!(plain.iter().all(|r| r["text"] != "now"), "{plain:?}");
    let asked = json_of(EventFilter {
        references: true,
        ..EventFilter::default()
    });
    let now = asked
        .iter()
        .find(|r| r["text"] == "now")
        .expect("the reference is listed when asked");
    assert_eq!(now["date"], "PRESENT_REF");
    assert_eq!(now["kind"], "reference");
    assert_eq!(now["precision"], "unknown");
    assert_eq!(asked.len(), plain.len() + 1);
    let dated = rows::events(
        &c,
        EventFilter {
            from: chrono::NaiveDate::from_ymd_opt(2025, 1, 1),
            references: true,
            ..EventFilter::default()
        },
    );
    assert!(dated.into_iter().all(|r| r.text != "now"));
}

#[test]
fn an_event_date_prints_one_label_in_text_and_json() {
    use rows::EventDate;
    let day: DateValue = "2025-05-14".parse().unwrap();
    let forms = [
        (
            EventDate::Date(day),
            "2025-05-14",
            serde_json::json!("2025-05-14"),
        ),
        (
            EventDate::Reference(crate::model::TimeRef::Past),
            "PAST_REF",
            serde_json::json!("PAST_REF"),
        ),
        (
            EventDate::Unresolved,
            "(unresolved)",
            serde_json::Value::Null,
        ),
    ];
    for (date, shown, json) in forms {
        assert_eq!(date.to_string(), shown);
        assert_eq!(serde_json::to_value(date).unwrap(), json);
        assert_eq!(date.value(), (shown == "2025-05-14").then_some(day));
    }
    assert_eq!(EventDate::from(None), EventDate::Unresolved);
}
