//! `refresh`: every followed feed fetched once, its new items imported. One
//! feed failing (DNS, TLS, a status, a timeout, a page that is no feed) is
//! reported and the others go on.

use super::fetch::{Fetched, Fetcher, Validators};
use super::{ImportLine, ImportStatus, article_from_item, feed, reserved_ids};
use crate::store::articles::{Provenance, ProvenanceKind};
use crate::store::{Library, StoreError};
use serde::Serialize;

/// How one feed's refresh ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedReport {
    pub feed: i64,
    pub url: String,
    pub name: Option<String>,
    /// `ok`, `not_modified` or `error`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub added: usize,
    pub duplicates: usize,
    pub refused: usize,
    pub items: Vec<ImportLine>,
}

/// Refreshes every feed in order, calling `progress` before each with its
/// position, the total and the feed's address.
pub fn refresh(
    library: &mut Library,
    fetcher: &mut Fetcher,
    progress: &mut dyn FnMut(usize, usize, &str),
) -> Result<Vec<FeedReport>, StoreError> {
    let feeds = library.feeds()?;
    let reserved = reserved_ids();
    let reserved: Vec<&str> = reserved.iter().map(String::as_str).collect();
    let mut reports = Vec::with_capacity(feeds.len());
    for (index, followed) in feeds.iter().enumerate() {
        progress(index + 1, feeds.len(), &followed.url);
        let mut report = FeedReport {
            feed: followed.id,
            url: crate::sanitize::for_terminal(&followed.url),
            name: followed.name.as_deref().map(crate::sanitize::for_terminal),
            status: "ok",
            error: None,
            added: 0,
            duplicates: 0,
            refused: 0,
            items: Vec::new(),
        };
        let validators = Validators {
            etag: followed.etag.as_deref(),
            last_modified: followed.last_modified.as_deref(),
        };
        match fetcher.get(&followed.url, &validators) {
            Err(error) => {
                report.status = "error";
                library.record_fetch(followed.id, None, None, &format!("error: {error}"))?;
                report.error = Some(error);
            }
            Ok(Fetched::NotModified) => {
                report.status = "not_modified";
                library.record_fetch(followed.id, None, None, "not modified")?;
            }
            Ok(Fetched::Body {
                bytes,
                etag,
                last_modified,
            }) => match feed::parse(&bytes) {
                Err(error) => {
                    report.status = "error";
                    library.record_fetch(followed.id, None, None, &format!("error: {error}"))?;
                    report.error = Some(error);
                }
                Ok(parsed) => {
                    let name = followed.name.as_deref().or(parsed.title.as_deref());
                    for (number, reason) in &parsed.broken {
                        report
                            .items
                            .push(ImportLine::refused(format!("#{number}"), reason.clone()));
                    }
                    library.begin_batch()?;
                    for item in &parsed.items {
                        let line = import_item(
                            library,
                            fetcher,
                            followed.id,
                            &followed.url,
                            name,
                            item,
                            &reserved,
                        )?;
                        report.items.push(line);
                    }
                    library.end_batch()?;
                    for line in &report.items {
                        match line.status {
                            ImportStatus::Added => report.added += 1,
                            ImportStatus::Duplicate => report.duplicates += 1,
                            ImportStatus::Refused => report.refused += 1,
                        }
                    }
                    let status = format!("ok: {} new", report.added);
                    library.record_fetch(
                        followed.id,
                        etag.as_deref(),
                        last_modified.as_deref(),
                        &status,
                    )?;
                }
            },
        }
        reports.push(report);
    }
    Ok(reports)
}

/// Imports one item; a summary-only item is replaced by its linked page
/// (fetched within the same limits), or kept as the summary when that fails.
fn import_item(
    library: &mut Library,
    fetcher: &mut Fetcher,
    feed_id: i64,
    feed_url: &str,
    feed_name: Option<&str>,
    item: &feed::FeedItem,
    reserved: &[&str],
) -> Result<ImportLine, StoreError> {
    let input = format!("#{}", item.number);
    let provenance = Provenance {
        kind: ProvenanceKind::Feed,
        location: feed_url.to_string(),
        feed_id: Some(feed_id),
        guid: Some(item.guid.clone()),
    };
    let mut note = None;
    let page = match (&item.link, item.is_summary_only()) {
        (Some(link), true) if !library.has_guid(feed_id, &item.guid)? => {
            match fetcher.get(link, &Validators::default()) {
                Ok(Fetched::Body { bytes, .. }) => match crate::load::decode(&bytes) {
                    Ok((text, _)) => Some(text),
                    Err(reason) => {
                        note = Some(format!("linked page not read ({reason}); kept the summary"));
                        None
                    }
                },
                Ok(Fetched::NotModified) => None,
                Err(error) => {
                    note = Some(format!(
                        "linked page not fetched ({error}); kept the summary"
                    ));
                    None
                }
            }
        }
        _ => None,
    };
    let article = match article_from_item(item, feed_name, page, provenance.clone()) {
        Ok(article) => article,
        Err(reason) => return Ok(ImportLine::refused(input, reason)),
    };
    let mut line = super::offer(library, input, &article, reserved)?;
    if let Some(note) = note {
        line.reason = Some(note);
    }
    Ok(line)
}
