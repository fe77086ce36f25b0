//! Canonical article addresses: two links to one article (with tracking
//! parameters, a fragment, another letter case in the host, a default port)
//! become one string, which identifies the article across feeds.

/// Query parameters that only say how the reader arrived, never which page.
const TRACKING: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "ref",
    "ref_src", "cmpid", "ito", "ocid", "smid", "cmp", "share", "s_cid",
];

/// The canonical form of an http(s) address, or `None` for anything else
/// (a relative link, `mailto:`, text that is not an address).
pub fn canonical(address: &str) -> Option<String> {
    let address = address.trim();
    let (scheme, rest) = address.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = rest.split('#').next().unwrap_or("");
    let (authority, path_and_query) = match rest.find(['/', '?']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let authority = authority
        .rsplit('@')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = match (scheme.as_str(), authority.rsplit_once(':')) {
        ("http", Some((host, "80"))) | ("https", Some((host, "443"))) => host.to_string(),
        _ => authority,
    };
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    if host.is_empty() {
        return None;
    }
    let (path, query) = match path_and_query.split_once('?') {
        Some((path, query)) => (path, query),
        None => (path_and_query, ""),
    };
    let path = path.trim_end_matches('/');
    let mut kept: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or("").to_ascii_lowercase();
            !key.starts_with("utm_") && !TRACKING.contains(&key.as_str())
        })
        .collect();
    kept.sort_unstable();
    let query = if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    };
    // Both schemes name one article: a feed may link either.
    Some(format!("{host}{path}{query}"))
}

/// The host of an http(s) address, for the per-host delay between fetches.
pub fn host(address: &str) -> Option<String> {
    canonical(address).map(|canonical| canonical.split(['/', '?']).next().unwrap_or("").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_fragments_case_and_ports_fold_away() {
        let plain = canonical("https://news.example.org/world/story-1");
        for variant in [
            "https://news.example.org/world/story-1?utm_source=feed&utm_medium=rss",
            "http://NEWS.example.org:80/world/story-1/#comments",
            "https://www.news.example.org/world/story-1?fbclid=abc",
            "https://news.example.org:443/world/story-1",
        ] {
            assert_eq!(canonical(variant), plain, "{variant}");
        }
    }

    #[test]
    fn parameters_that_name_the_page_are_kept_in_one_order() {
        assert_eq!(
            canonical("https://example.org/view?id=7&page=2&utm_campaign=x"),
            canonical("https://example.org/view?page=2&id=7")
        );
        assert_ne!(
            canonical("https://example.org/view?id=7"),
            canonical("https://example.org/view?id=8")
        );
    }

    #[test]
    fn only_web_addresses_have_a_canonical_form() {
        assert_eq!(canonical("mailto:desk@example.org"), None);
        assert_eq!(canonical("/relative/path"), None);
        assert_eq!(canonical("https://"), None);
        assert_eq!(
            host("https://www.Example.org/a?b=c").as_deref(),
            Some("example.org")
        );
    }
}
