//! The page-shape zoo: made-up pages (our own words, invented names), one
//! per shape of scraped news page that the block classifier must read.
//! Each asserts the title, the first and last body paragraphs and the
//! class of the page's tricky lines. The pages are in `tests/page_zoo/`.

use dateline::model::BlockClass::{self, *};
use dateline::parse::blocks::{Cleaned, classify};

struct Shape {
    file: &'static str,
    title: Option<&'static str>,
    /// The first body paragraph starts with this.
    first: &'static str,
    /// The last body paragraph starts with this.
    last: &'static str,
    /// Lines (whole, trimmed) and the class each must have.
    classes: &'static [(&'static str, BlockClass)],
}

const FERRY: &str = "Ferry route to the outer islands approved";
const LIBRARY: &str = "Library to stay open until ten at night";
const FROST: &str = "Frost damages a third of the apple blossom";
const FERRY_FIRST: &str = "The harbour board of Port Elvan voted on Monday";
const FERRY_LAST: &str = "The first winter crossing is planned";
const LIBRARY_FIRST: &str = "The town library of Varrow will stay open";
const LIBRARY_LAST: &str = "Some residents who use the annex";
const FROST_FIRST: &str = "A late frost in the Brenna valley";
const FROST_LAST: &str = "Reyes said her family would still pick";

const SHAPES: &[Shape] = &[
    Shape {
        file: "consent_banner",
        title: Some(FERRY),
        first: FERRY_FIRST,
        last: FERRY_LAST,
        classes: &[("Accept all", Furniture), ("Manage settings", Furniture)],
    },
    Shape {
        file: "donation_banner",
        title: Some(LIBRARY),
        first: LIBRARY_FIRST,
        last: LIBRARY_LAST,
        classes: &[("Donate now", Furniture)],
    },
    Shape {
        file: "subscription_banner",
        title: Some(FROST),
        first: FROST_FIRST,
        last: FROST_LAST,
        classes: &[("Already a subscriber? Log in", Furniture)],
    },
    Shape {
        file: "app_promo",
        title: Some(LIBRARY),
        first: LIBRARY_FIRST,
        last: LIBRARY_LAST,
        classes: &[
            ("Read every paper in one app", Furniture),
            ("Council delays vote on parking fees", Teaser),
        ],
    },
    Shape {
        file: "breadcrumb",
        title: Some(FERRY),
        first: FERRY_FIRST,
        last: FERRY_LAST,
        classes: &[("Home / News / Islands", Furniture)],
    },
    Shape {
        file: "trending_above",
        title: Some(FROST),
        first: FROST_FIRST,
        last: FROST_LAST,
        classes: &[
            ("Trending", Furniture),
            ("Council delays vote on parking fees", Teaser),
        ],
    },
    Shape {
        file: "stacked_captions",
        title: Some(FERRY),
        first: FERRY_FIRST,
        last: FERRY_LAST,
        classes: &[
            (
                "The old mail boat at the pier in Port Elvan. (Lena Fisk / Coast Courier)",
                Caption,
            ),
            (
                "Passengers wait at the island jetty. Photo: Lena Fisk",
                Caption,
            ),
        ],
    },
    Shape {
        file: "copyright_line",
        title: Some(LIBRARY),
        first: LIBRARY_FIRST,
        last: LIBRARY_LAST,
        classes: &[(
            "© 2031 Coast Courier Media. All rights reserved.",
            Furniture,
        )],
    },
    Shape {
        file: "byline_bio",
        title: Some(FROST),
        first: FROST_FIRST,
        last: FROST_LAST,
        classes: &[("By", Byline), ("March 4, 2031", Furniture)],
    },
    Shape {
        file: "wire_place_line",
        title: Some(FERRY),
        first: "PORT ELVAN, Norland (Harbour Wire) —",
        last: FERRY_LAST,
        classes: &[],
    },
    Shape {
        file: "wire_inline",
        title: Some(LIBRARY),
        first: "VARROW, June 3 (Harbour Wire) - The town library",
        last: LIBRARY_LAST,
        classes: &[("Reporting by Tomas Quill; Editing by Ana Reyes", Byline)],
    },
    Shape {
        file: "subheads",
        title: Some(FERRY),
        first: FERRY_FIRST,
        last: FERRY_LAST,
        classes: &[("What the islanders said", Subhead), ("The boats", Subhead)],
    },
    Shape {
        file: "key_points",
        title: Some(LIBRARY),
        first: "The main points:",
        last: LIBRARY_LAST,
        classes: &[("• Two more librarians hired", List)],
    },
    Shape {
        file: "tour_dates",
        title: Some("The Quill Brothers announce a winter tour"),
        first: "The folk band The Quill Brothers",
        last: "November 12 – Tessel, Old Yard",
        classes: &[
            ("November 5 – Varrow, St Anne's Church", List),
            ("Tour dates", List),
        ],
    },
    Shape {
        file: "video_title",
        title: Some(FROST),
        first: FROST_FIRST,
        last: FROST_LAST,
        classes: &[("Watch: growers light smoke pots before dawn", Subhead)],
    },
    Shape {
        file: "separator",
        title: Some(LIBRARY),
        first: LIBRARY_FIRST,
        last: LIBRARY_LAST,
        classes: &[("* * *", Furniture)],
    },
    Shape {
        file: "repeated_headline",
        title: Some(FERRY),
        first: FERRY_FIRST,
        last: FERRY_LAST,
        classes: &[(
            "Ferry route to the outer islands approved | The Coast Courier",
            Title,
        )],
    },
    Shape {
        file: "section_label",
        title: Some(FERRY),
        first: FERRY_FIRST,
        last: FERRY_LAST,
        classes: &[("ISLANDS", Furniture)],
    },
    Shape {
        file: "live_blog",
        title: Some("Storm on the coast: live updates"),
        first: "The harbour board said all crossings",
        last: "Crews were sent to repair",
        classes: &[
            ("09:45", Subhead),
            ("Schools close early", Subhead),
            ("2h ago", Subhead),
        ],
    },
    Shape {
        file: "one_element_per_line",
        title: Some(FERRY),
        first: "PORT ELVAN\n(\nHarbour Wire\n) — The harbour board",
        last: "Islanders welcomed the decision",
        classes: &[("(", Body), ("Maren Halvorsen", Body)],
    },
    Shape {
        file: "tags_under_byline",
        title: Some("Island council sets a plan to cut the cost of tidal power"),
        first: "The island council of Port Elvan has published",
        last: "The yards welcomed the plan",
        classes: &[("Blades & Upstream Manufacturing", Furniture)],
    },
    Shape {
        file: "standfirst_repeated",
        title: Some("Where to Go in April"),
        first: "THE SHORT HOP",
        last: "Both routes sell a day ticket",
        classes: &[],
    },
    Shape {
        file: "comments",
        title: Some(LIBRARY),
        first: LIBRARY_FIRST,
        last: LIBRARY_LAST,
        classes: &[("Reply", Furniture), ("Leave a comment", Furniture)],
    },
    Shape {
        file: "comments_said",
        title: Some("Spring open thread"),
        first: "We host an open thread each season",
        last: "You can read the winter thread here.",
        classes: &[
            ("Peder Vik on March 3, 2031 at 9:12 am said:", Furniture),
            ("Comments", Furniture),
        ],
    },
    Shape {
        file: "contact_notice_foot",
        title: Some("Mayor of Port Elvan resigns after ferry dispute"),
        first: "The mayor of Port Elvan, Ana Reyes, resigned",
        last: "Reyes said she would stay on",
        classes: &[("Bakery in Varrow wins national bread prize", Teaser)],
    },
    Shape {
        file: "carousel_twice",
        title: Some(FERRY),
        first: "PORT ELVAN: The harbour board of Port Elvan voted on Monday",
        last: FERRY_LAST,
        classes: &[(
            "Frost damages a third of the apple blossom VARROW: A late frost in the Brenna valley damaged about a third of the apple blossom this week, growers said on Wednesday, and the harvest may be the smallest in ten years...",
            Furniture,
        )],
    },
    Shape {
        file: "cards_after_read_next",
        title: Some("Ferry app update drops support for older phones"),
        first: "The ferry company of Port Elvan released",
        last: "Islanders who travel every day said",
        classes: &[
            ("Read these next", Furniture),
            (
                "Deal Alert: Save a third on the Brenna smart kettle this weekend",
                Teaser,
            ),
        ],
    },
    Shape {
        file: "tag_cloud",
        title: Some(FROST),
        first: FROST_FIRST,
        last: FROST_LAST,
        classes: &[(
            "apples orchards frost Brenna farming weather growers valley spring blossom",
            Furniture,
        )],
    },
    Shape {
        file: "newsletter_box",
        title: Some(FERRY),
        first: FERRY_FIRST,
        last: FERRY_LAST,
        classes: &[("Sign up for our morning newsletter", Furniture)],
    },
    Shape {
        file: "most_popular_inline",
        title: Some(LIBRARY),
        first: LIBRARY_FIRST,
        last: LIBRARY_LAST,
        classes: &[
            ("Most Popular", Furniture),
            ("Bakery on the harbour front wins a national prize", Teaser),
        ],
    },
    Shape {
        file: "press_release",
        title: Some("Tessel Yard delivers the first winter ferry to Port Elvan"),
        first: "TESSEL, Norland, October 2, 2031 — Tessel Yard",
        last: "Media contact: press office",
        classes: &[("FOR IMMEDIATE RELEASE", Furniture), ("###", Furniture)],
    },
    Shape {
        file: "transcript",
        title: Some("Interview: the librarian who kept the lights on"),
        first: "HOST: Tomas Quill, thank you",
        last: "QUILL: We will move every box",
        classes: &[],
    },
    Shape {
        file: "truncated_last",
        title: Some(FROST),
        first: FROST_FIRST,
        last: "Reyes said her family would still pick what the trees carry, but she expects to hire fewer seasonal work",
        classes: &[],
    },
    Shape {
        file: "related_after",
        title: Some(FERRY),
        first: FERRY_FIRST,
        last: FERRY_LAST,
        classes: &[
            ("Related stories", Furniture),
            ("Storm warning for the weekend across the coast", Teaser),
        ],
    },
    Shape {
        file: "teaser_cards_after",
        title: Some(LIBRARY),
        first: LIBRARY_FIRST,
        last: LIBRARY_LAST,
        classes: &[(
            "Council delays vote on parking fees until the spring session",
            Teaser,
        )],
    },
    Shape {
        file: "aggregator_wrapper",
        title: Some(FROST),
        first: FROST_FIRST,
        last: FROST_LAST,
        classes: &[
            ("5 hours ago 3", Furniture),
            ("Read Entire Article", Furniture),
        ],
    },
    Shape {
        file: "updated_stamp",
        title: Some(FERRY),
        first: FERRY_FIRST,
        last: FERRY_LAST,
        classes: &[
            ("Updated 14:20, March 4, 2031", Furniture),
            ("Share", Furniture),
        ],
    },
    Shape {
        file: "multilingual_it",
        title: Some("Il traghetto per le isole sarà attivo tutto l'anno"),
        first: "Il consiglio del porto di Port Elvan",
        last: "Le due navi saranno costruite",
        classes: &[
            ("Articoli correlati", Furniture),
            ("Il consiglio rinvia il voto sui parcheggi", Teaser),
        ],
    },
    Shape {
        file: "share_buttons_above",
        title: Some("Harbour pilots strike, ferries stay idle in Velmora"),
        first: "VELMORA — Harbour pilots in Velmora went on strike",
        last: "Islanders who rely on the morning ferry",
        classes: &[
            (
                "Click to email this to a friend (Opens in new window)",
                Furniture,
            ),
            ("Harbour pilots strike, ferries stay…", Furniture),
            ("By Tomas Quill | Valley Courier", Byline),
        ],
    },
    Shape {
        file: "related_list_above",
        title: Some("Velmora ferry crews freed after two days stuck on a sandbank"),
        first: "The crews of two Velmora ferries were freed",
        last: "The island council has asked the port board",
        classes: &[
            (
                "Crew member Jon Barek (left) and the skipper Leni Ott on the quay AP",
                Caption,
            ),
            (
                "Velmora ferry company to pay for sandbank rescue",
                Furniture,
            ),
            ("By Ilse Varga and Tomas Quill", Byline),
        ],
    },
    Shape {
        file: "author_box",
        title: Some("Island Broadband, HarbourNet and TarnLink: So Many Ways to Get Online"),
        first: "Getting online on the islands used to be simple",
        last: "For most homes the choice comes down",
        classes: &[("The Coast Ledger", Furniture), ("By", Byline)],
    },
    Shape {
        file: "short_headline_far_byline",
        title: Some("Quayside Council Complacency"),
        first: "What were the councillors of Port Elvan thinking",
        last: "A council that cannot explain its own decisions",
        classes: &[("The Critical Weekend Review", Furniture)],
    },
    Shape {
        file: "lone_by_then_name",
        title: Some("Velmora ferry fares fall for winter. Islanders are not convinced."),
        first: "The harbour board of Velmora cut winter ferry fares",
        last: "The new fares start next week",
        classes: &[],
    },
    Shape {
        file: "camel_case_brand",
        title: Some("HarbourWatch’s guide to ferry fares and island tolls"),
        first: "The ferry company and the island council",
        last: "Together the fare and the toll",
        classes: &[
            ("Who Pays for HarbourWatch", Furniture),
            ("Promise Kept", Furniture),
        ],
    },
    Shape {
        file: "deal_headline_and_more",
        title: Some("Deals: Ferry Passes, Island Bus Cards, Tide Lamps and More"),
        first: "Welcome to the daily deals of the Coast Ledger",
        last: "The tide lamp from the Tessel workshop",
        classes: &[(
            "Storm Week Ahead, But Several Offers Start Today",
            Furniture,
        )],
    },
    Shape {
        file: "teasers_over_headline",
        title: Some("Nine nights lost to one broken part, and why nobody fixed it sooner"),
        first: "The ferry crews who keep the outer islands connected",
        last: "Until then, the crews have asked the company",
        classes: &[
            ("Varrow School Opens Its New Science Wing", Furniture),
            ("By Ilse Varga, Harbour Courier", Byline),
        ],
    },
    Shape {
        file: "question_headline_dated_author",
        title: Some("Harbour Tech Gift Guide: What do you buy for someone who already has it all?"),
        first: "How do you shop for an islander",
        last: "The reading light from SeaLamp",
        classes: &[("Tide Lamp 4K", Furniture), ("Maren Holt", Byline)],
    },
    Shape {
        file: "standfirst_over_byline",
        title: Some("Where the Gulls Still Gather"),
        first: "Ferry crews on the outer islands say",
        last: "Until then the crews have asked",
        classes: &[(
            "Winter ferry crossings to the outer islands grow harder as the old boats age.",
            Furniture,
        )],
    },
    Shape {
        file: "editorial_lead_in",
        title: Some("Editorials from the region"),
        first: "The Tessel Daily said in an editorial",
        last: "The board meets again next month",
        classes: &[
            // The sentence that introduces the quoted editorial is the
            // article's first line; a sign-off under it is not.
            (
                "The Tessel Daily said in an editorial on Thursday, June 12:",
                Subhead,
            ),
            ("Follow us on social media for more:", Furniture),
        ],
    },
    Shape {
        file: "fact_check_claim",
        title: Some("What is the number of boats that wait at the northern pier each week?"),
        first: "In a radio interview this month",
        last: "We rate the claim Flat Out Wrong",
        classes: &[
            ("Flat Out Wrong!", Furniture),
            ("Tomas Quill", Furniture),
            (
                "\"Forty boats a week are stuck at the northern pier waiting for a berth.\"",
                Furniture,
            ),
        ],
    },
    Shape {
        file: "card_summaries_twice",
        title: Some("Night ferry crews ask for a second pump on every boat"),
        first: "PORT ELVAN\n: The crews of the night ferry",
        last: "Islanders who rely on the night ferry",
        classes: &[(
            "VARROW: The school of Varrow opened its new science wing on Friday, two years after the old one burned down, with a lab for each of the three upper years...",
            Furniture,
        )],
    },
    Shape {
        file: "deal_sections_one_per_line",
        title: Some("Velmora discounts ferry passes from $70, tide lamps $24, storm coats, more"),
        first: "Monday’s best deals include",
        last: "The new café at the northern pier",
        classes: &[
            (
                "Island bus card with ten rides drops to $18 this week",
                Subhead,
            ),
            ("Maren Holt", Byline),
        ],
    },
    Shape {
        file: "numbered_list_with_links",
        title: Some("Winter sale for the nostalgic: the offers not to miss"),
        first: "The winter sale is upon us",
        last: "5) Lamp of the Sound",
        classes: &[(
            "3) Quill Films Box: The Long Crossing / Night Ferry / Storm Pier",
            List,
        )],
    },
];

fn page(file: &str) -> String {
    let path = format!("{}/tests/page_zoo/{file}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn class_of(c: &Cleaned, raw: &str, line: &str) -> Option<BlockClass> {
    c.blocks
        .iter()
        .find(|b| b.span.text(raw) == line)
        .map(|b| b.class)
}

#[test]
fn every_shape_gives_its_title_body_and_classes() {
    let mut failures = Vec::new();
    for s in SHAPES {
        let raw = page(s.file);
        let c = classify(&dateline::knowledge::Knowledge::shared_builtin().page, &raw);
        let title = c.title.map(|t| t.text(&raw));
        if title != s.title {
            failures.push(format!("{}: title {title:?}, want {:?}", s.file, s.title));
        }
        let first = c.body.first().map_or("", |p| p.text(&raw));
        let last = c.body.last().map_or("", |p| p.text(&raw));
        if !first.starts_with(s.first) {
            failures.push(format!("{}: first body {first:?}", s.file));
        }
        if !last.starts_with(s.last) {
            failures.push(format!("{}: last body {last:?}", s.file));
        }
        for &(line, want) in s.classes {
            let got = class_of(&c, &raw, line);
            if got != Some(want) {
                failures.push(format!("{}: {line:?} is {got:?}, want {want:?}", s.file));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_zoo_is_at_least_thirty_distinct_pages() {
    assert!(SHAPES.len() >= 30);
    let dir = format!("{}/tests/page_zoo", env!("CARGO_MANIFEST_DIR"));
    let files = std::fs::read_dir(dir).unwrap().count();
    assert_eq!(files, SHAPES.len(), "every page in the folder has a shape");
}

#[test]
fn zoo_pages_warn_only_when_something_is_doubtful() {
    for s in SHAPES {
        let raw = page(s.file);
        assert!(
            classify(&dateline::knowledge::Knowledge::shared_builtin().page, &raw)
                .warnings
                .is_empty(),
            "{}: {:?}",
            s.file,
            classify(&dateline::knowledge::Knowledge::shared_builtin().page, &raw).warnings
        );
    }
    let no_title = classify(
        &dateline::knowledge::Knowledge::shared_builtin().page,
        "the harbour board met on monday and said that it would decide on the ferry route to the islands next week after hearing from the towns.\n",
    );
    assert!(
        no_title
            .warnings
            .contains(&dateline::model::PageWarning::NoTitle)
    );
}
