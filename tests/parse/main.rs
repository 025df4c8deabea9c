//! The parser on the seeds' gold, made-up pages and actors, and properties that hold for any text.
//! One test binary per part (not one per file) so the suite links fewer times.

mod gold_dates;
mod gold_people;
mod made_up_actors;
mod page_zoo;
mod properties;
