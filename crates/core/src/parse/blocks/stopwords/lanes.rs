//! Stop-word hits counted in one number, one lane per language, for the
//! stop-word count that reads every word of every line.

use super::LANGUAGES;

/// Bits per language in [`Found`]'s lanes: a line adds at most one per word.
const LANE_BITS: u32 = 21;

/// Stop-word hits of a line's ASCII words, one lane per language in one
/// number, so a hit adds one number ([`SPREAD`]) instead of looping over
/// the languages; moved into the saturating counts before a lane can fill.
#[derive(Default)]
pub(super) struct Found {
    lanes: u128,
    since_flush: u32,
}

/// Each language mask spread over the lanes of [`Found`].
const SPREAD: [u128; 1 << LANGUAGES] = {
    let mut t = [0u128; 1 << LANGUAGES];
    let mut m = 0;
    while m < t.len() {
        let mut l = 0;
        while l < LANGUAGES {
            if m & (1 << l) != 0 {
                t[m] |= 1 << (LANE_BITS as usize * l);
            }
            l += 1;
        }
        m += 1;
    }
    t
};

impl Found {
    pub(super) fn add(&mut self, mask: u8, hits: &mut [u16; LANGUAGES]) {
        self.lanes += SPREAD[usize::from(mask) % SPREAD.len()];
        self.since_flush += 1;
        if self.since_flush == 1 << (LANE_BITS - 1) {
            self.flush(hits);
        }
    }

    pub(super) fn flush(&mut self, hits: &mut [u16; LANGUAGES]) {
        for (l, h) in hits.iter_mut().enumerate() {
            let n = (self.lanes >> (LANE_BITS as usize * l)) & ((1 << LANE_BITS) - 1);
            *h = h.saturating_add(u16::try_from(n).unwrap_or(u16::MAX));
        }
        self.lanes = 0;
        self.since_flush = 0;
    }
}
