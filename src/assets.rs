//! Data the parser reads, compiled in from `assets/`. Each file documents its
//! own format; a user can read and extend them.
