//! Article metadata: source (publisher) and an explicit publication date.

use super::clean::Cleaned;
use crate::model::Published;

/// STUB
pub fn source(_raw: &str, _cleaned: &Cleaned) -> Option<String> {
    None
}

/// STUB
pub fn explicit_published(_raw: &str, _cleaned: &Cleaned) -> Published {
    Published::default()
}
