//! Numbers that tell values apart: a stage that keeps per-thread scratch
//! for the automata of one value of its knowledge (regex caches, buffers
//! pointing into its tables) keys that scratch by the value's number, so
//! scratch made for one value is never used with another's.

use std::sync::atomic::{AtomicU64, Ordering};

/// A number no other value has had in this process: a stage that keeps
/// per-thread scratch for a value's automata (regex caches) keys it by
/// this, so scratch made for one value is never used with another's.
pub fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
