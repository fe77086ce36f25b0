//! Fetching feeds and pages over HTTP with ureq, bounded in every way a
//! server can misbehave: a connect and a whole-request timeout, a body size
//! limit, a redirect limit, and a delay between two requests to one host.
//! Conditional GET (ETag, Last-Modified) lets an unchanged feed cost a 304.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// The bounds of one refresh; tests shorten them.
#[derive(Debug, Clone)]
pub struct Limits {
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_bytes: u64,
    pub max_redirects: u32,
    /// The least time between two requests to the same host.
    pub per_host_delay: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            per_host_delay: Duration::from_secs(1),
        }
    }
}

/// A fetched document, or the server's word that it has not changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    NotModified,
}

/// Validators from the last fetch, sent back for a conditional GET.
#[derive(Debug, Clone, Default)]
pub struct Validators<'a> {
    pub etag: Option<&'a str>,
    pub last_modified: Option<&'a str>,
}

pub struct Fetcher {
    agent: ureq::Agent,
    limits: Limits,
    last_request: HashMap<String, Instant>,
}

impl Fetcher {
    pub fn new(limits: Limits) -> Fetcher {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_connect(Some(limits.connect_timeout))
            .timeout_global(Some(limits.timeout))
            .max_redirects(limits.max_redirects)
            .max_redirects_will_error(true)
            .http_status_as_error(false)
            .user_agent(concat!("crossread/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Fetcher {
            agent,
            limits,
            last_request: HashMap::new(),
        }
    }

    /// GETs `address`; an error says what went wrong in words a reader
    /// understands (the status, "timed out", "larger than 10 MiB").
    pub fn get(&mut self, address: &str, validators: &Validators<'_>) -> Result<Fetched, String> {
        self.wait_for_host(address);
        let mut request = self.agent.get(address);
        if let Some(etag) = validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(last_modified) = validators.last_modified {
            request = request.header("If-Modified-Since", last_modified);
        }
        let mut response = request
            .call()
            .map_err(|error| describe(&error, &self.limits))?;
        let status = response.status();
        if status.as_u16() == 304 {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(format!(
                "HTTP {}{}",
                status.as_u16(),
                status
                    .canonical_reason()
                    .map(|reason| format!(" {reason}"))
                    .unwrap_or_default()
            ));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(crate::sanitize::for_terminal)
        };
        let etag = header("etag");
        let last_modified = header("last-modified");
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.limits.max_bytes)
            .read_to_vec()
            .map_err(|error| describe(&error, &self.limits))?;
        Ok(Fetched::Body {
            bytes,
            etag,
            last_modified,
        })
    }

    fn wait_for_host(&mut self, address: &str) {
        let Some(host) = super::url::host(address) else {
            return;
        };
        if let Some(last) = self.last_request.get(&host) {
            let since = last.elapsed();
            if since < self.limits.per_host_delay {
                std::thread::sleep(self.limits.per_host_delay - since);
            }
        }
        self.last_request.insert(host, Instant::now());
    }
}

fn describe(error: &ureq::Error, limits: &Limits) -> String {
    match error {
        ureq::Error::Timeout(_) => format!("timed out (after {} s)", limits.timeout.as_secs_f32()),
        ureq::Error::BodyExceedsLimit(_) => format!(
            "larger than {} MiB, not read",
            limits.max_bytes / (1024 * 1024)
        ),
        ureq::Error::TooManyRedirects => {
            format!("more than {} redirects", limits.max_redirects)
        }
        other => crate::sanitize::for_terminal(&other.to_string()),
    }
}
