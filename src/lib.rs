//! crossread: read and compare how different outlets report the same story.
//!
//! Module map (engine first; nothing above `tui` imports ratatui or crossterm):
//! - [`model`]: the data types and the JSON contract; offsets into `Article::body`.
//! - [`load`]: built-in corpus and user files (txt, md, html) into `Document`s.
//! - [`sanitize`]: makes text safe for a terminal.
//! - [`fsio`]: opening files without blocking on FIFOs and devices; walk loops.
//! - [`structure`]: blocks (title, heading, paragraph, list item, boilerplate).
//! - [`sentences`]: sentence segmentation.
//! - [`entities`], [`claims`]: who is named and what is claimed; [`ner`]: the
//!   statistical name tagger the entity rules combine with.
//! - [`analysis`]: the pipeline, `Document` to `Article`, and `open_corpus`.
//! - [`facts`]: sentences of different sources that report the same thing,
//!   found once per corpus, syndicated copies, and the topics found in it.
//! - [`insights`]: on the facts, who corroborates, who disagrees on a detail,
//!   who hedges, who is silent, and how a quotation travels.
//! - [`topics`], [`compare`]: topic retrieval and the fact-per-row comparison.
//! - [`search`]: fuzzy sentence search (query language, index, ranking, cache).
//! - [`store`]: the library database (SQLite), reading state, the analysis cache.
//! - [`library`]: import, feeds and refresh, OPML, near-duplicates, above the store.
//! - [`worker`]: latest-request-only background jobs for the front ends;
//!   [`parallel`]: engine work shared out over the cores.
//! - [`config`]: the config file: where it is, reading it, TOML positions.
//! - [`cli`]: the scriptable command line; [`tui`]: the terminal reader.

pub mod analysis;
pub mod claims;
pub mod cli;
pub mod compare;
pub mod config;
pub mod entities;
pub mod facts;
pub mod fsio;
pub mod insights;
pub mod lexicon;
pub mod library;
pub mod load;
pub mod model;
pub mod ner;
pub mod parallel;
pub mod sanitize;
pub mod search;
pub mod sentences;
pub mod store;
pub mod structure;
pub mod topics;
pub mod tui;
pub mod worker;
