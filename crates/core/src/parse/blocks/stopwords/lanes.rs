//! Stop-word hits counted in one number, one lane per language, for the
//! stop-word count that reads every word of every line.

use super::LANGUAGES;

/// Bits per language in [`Found`]'s lanes.
const LANE_BITS: u32 = 21;

/// Most bytes of a line whose words one [`Found`] counts before it is
/// flushed: a word takes a byte and a space, so a lane (one hit at most
/// per word) cannot fill.
pub(super) const CHUNK_BYTES: usize = 1 << (LANE_BITS - 2);

/// Stop-word hits of a line's words, one lane per language in one number,
/// so a hit adds one number ([`SPREAD`]) instead of looping over the
/// languages; moved into the saturating counts after each
/// [`CHUNK_BYTES`] of the line, so the loop over its words neither counts
/// the hits nor touches the counts.
#[derive(Default)]
pub(super) struct Found {
    lanes: u128,
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
    #[inline]
    pub(super) fn add(&mut self, mask: u8) {
        self.lanes += SPREAD[usize::from(mask) % SPREAD.len()];
    }

    pub(super) fn flush(&mut self, hits: &mut [u16; LANGUAGES]) {
        for (l, h) in hits.iter_mut().enumerate() {
            let n = (self.lanes >> (LANE_BITS as usize * l)) & ((1 << LANE_BITS) - 1);
            *h = h.saturating_add(u16::try_from(n).unwrap_or(u16::MAX));
        }
        self.lanes = 0;
    }
}
