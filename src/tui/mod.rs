//! The terminal UI. STUB.

use crate::model::Corpus;

pub fn run(_corpus: Corpus) -> std::io::Result<()> {
    eprintln!("dateline: the TUI is not built yet; try `dateline articles`");
    Ok(())
}
