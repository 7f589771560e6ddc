//! The HTTP client: guarded against private addresses, polite per host, obeying robots.txt.

use std::collections::HashMap;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::thread;
use std::time::{Duration, Instant};

use texting_robots::Robot;
use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};
use url::Url;

use crate::{FetchOptions, SourceError};

/// The longest time spent connecting, whatever the total timeout.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest robots.txt `Crawl-delay` obeyed: a site asking for more gets this, so one
/// host cannot stall a run for hours.
const MAX_CRAWL_DELAY: Duration = Duration::from_secs(30);

/// What the server sent for a successful (2xx) request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedPage {
    /// The final URL, after redirects.
    pub url: String,
    /// The HTTP status code.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, at most [`FetchOptions::max_bytes`] long.
    pub body: Vec<u8>,
}

/// The HTTP client with per-host politeness and a robots.txt cache (blocking; one per run).
///
/// Every address a host name resolves to is checked before connecting, and the connection
/// goes to the checked addresses only (no second lookup a rebinding DNS could answer
/// differently). Redirects are followed by hand so that each hop gets the same checks.
pub struct Fetcher {
    options: FetchOptions,
    agent: ureq::Agent,
    /// When the last request to each host (scheme, host and port) started.
    last_request: HashMap<String, Instant>,
    /// The robots.txt verdict for each host, fetched once per run.
    robots: HashMap<String, RobotsRules>,
}

impl fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fetcher")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

enum RobotsRules {
    AllowAll,
    /// robots.txt could not be read (5xx, unreachable): the host is off limits for the run.
    DisallowAll(String),
    Parsed(Box<Robot>),
}

/// Why a request failed, before it is worded for the user.
enum Failure {
    /// The address is not public and private addresses are not allowed.
    Refused(String),
    /// The connection could not be made.
    Connect(String),
    /// The server answered with a non-success status.
    Status(u16),
    /// Anything else, already worded.
    Other(String),
}

impl Failure {
    fn reason(self) -> String {
        match self {
            Self::Refused(reason) | Self::Other(reason) => reason,
            Self::Connect(reason) => format!("cannot connect: {reason}"),
            Self::Status(status) => format!("HTTP status {status}"),
        }
    }
}

impl Fetcher {
    /// A fetcher with the given options.
    pub fn new(options: FetchOptions) -> Result<Self, SourceError> {
        if options.timeout.is_zero() {
            return Err(SourceError::new(
                "fetch options",
                "timeout must be longer than zero",
            ));
        }
        let config: Config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            // An environment proxy would be the only address resolved, defeating the check.
            .proxy(None)
            .user_agent(options.user_agent.as_str())
            .accept(
                "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,\
                 application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            )
            .timeout_global(Some(options.timeout))
            .timeout_connect(Some(options.timeout.min(CONNECT_TIMEOUT)))
            .build();
        let resolver = GuardedResolver {
            allow_private: options.allow_private,
        };
        let agent = ureq::Agent::with_parts(config, DefaultConnector::new(), resolver);
        Ok(Self {
            options,
            agent,
            last_request: HashMap::new(),
            robots: HashMap::new(),
        })
    }

    /// The options this fetcher was made with.
    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// Fetches `url` (http or https), following redirects, obeying robots.txt and
    /// politeness. Non-2xx answers, oversized bodies, refused addresses and timeouts are
    /// errors naming the URL.
    pub fn fetch(&mut self, url: &str) -> Result<FetchedPage, SourceError> {
        let parsed = parse_http_url(url).map_err(|reason| SourceError::new(url, reason))?;
        self.fetch_following_redirects(parsed, true)
            .map_err(|failure| SourceError::new(url, failure.reason()))
    }

    fn fetch_following_redirects(
        &mut self,
        mut url: Url,
        check_robots: bool,
    ) -> Result<FetchedPage, Failure> {
        let mut hops = 0;
        loop {
            if check_robots && self.options.respect_robots {
                self.check_robots(&url)?;
            }
            self.wait_politely(&url);
            let mut response = self
                .agent
                .get(url.as_str())
                .call()
                .map_err(|error| self.failure_from(error))?;
            let status = response.status().as_u16();
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|value| value.to_str().ok())
                    .map(str::to_string)
            };
            let location = if (300..400).contains(&status) {
                header("location")
            } else {
                None
            };
            if let Some(location) = location {
                if hops >= self.options.max_redirects {
                    return Err(Failure::Other(format!(
                        "too many redirects (more than {})",
                        self.options.max_redirects
                    )));
                }
                hops += 1;
                let next = url.join(location.trim()).map_err(|error| {
                    Failure::Other(format!("bad redirect location {location:?}: {error}"))
                })?;
                if !matches!(next.scheme(), "http" | "https") {
                    return Err(Failure::Other(format!(
                        "redirect to a non-HTTP URL: {next}"
                    )));
                }
                url = next;
                continue;
            }
            if !(200..300).contains(&status) {
                return Err(Failure::Status(status));
            }
            let content_type = header("content-type");
            let max_bytes = self.options.max_bytes;
            let too_large =
                || Failure::Other(format!("response body larger than {max_bytes} bytes"));
            if header("content-length")
                .and_then(|length| length.trim().parse::<u64>().ok())
                .is_some_and(|length| length > max_bytes)
            {
                return Err(too_large());
            }
            let body = match response
                .body_mut()
                .with_config()
                .limit(max_bytes)
                .read_to_vec()
            {
                Ok(body) => body,
                Err(ureq::Error::BodyExceedsLimit(_)) => return Err(too_large()),
                Err(error) => return Err(self.failure_from(error)),
            };
            return Ok(FetchedPage {
                url: url.to_string(),
                status,
                content_type,
                body,
            });
        }
    }

    /// Sleeps until the politeness delay since the last request to this host has passed.
    /// A robots.txt `Crawl-delay` longer than the configured politeness is honoured, up to
    /// [`MAX_CRAWL_DELAY`].
    fn wait_politely(&mut self, url: &Url) {
        let host = url.origin().ascii_serialization();
        let crawl_delay = match self.robots.get(&host) {
            Some(RobotsRules::Parsed(robot)) => robot
                .delay
                .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
                .map(|seconds| Duration::from_secs_f32(seconds.min(MAX_CRAWL_DELAY.as_secs_f32()))),
            _ => None,
        };
        let delay = crawl_delay.map_or(self.options.politeness, |delay| {
            delay.max(self.options.politeness)
        });
        if let Some(last) = self.last_request.get(&host) {
            let waited = last.elapsed();
            if waited < delay {
                thread::sleep(delay - waited);
            }
        }
        self.last_request.insert(host, Instant::now());
    }

    fn check_robots(&mut self, url: &Url) -> Result<(), Failure> {
        let host = url.origin().ascii_serialization();
        if !self.robots.contains_key(&host) {
            let rules = self.fetch_robots(&host)?;
            self.robots.insert(host.clone(), rules);
        }
        match self.robots.get(&host) {
            Some(RobotsRules::Parsed(robot)) if !robot.allowed(url.as_str()) => {
                Err(Failure::Other("disallowed by robots.txt".to_string()))
            }
            Some(RobotsRules::DisallowAll(reason)) => Err(Failure::Other(format!(
                "robots.txt unavailable ({reason}): host skipped for this run"
            ))),
            _ => Ok(()),
        }
    }

    fn fetch_robots(&mut self, host: &str) -> Result<RobotsRules, Failure> {
        let robots_url = parse_http_url(&format!("{host}/robots.txt")).map_err(Failure::Other)?;
        match self.fetch_following_redirects(robots_url, false) {
            Ok(page) => {
                let agent_name = robot_agent_name(&self.options.user_agent);
                Ok(match Robot::new(agent_name, &page.body) {
                    Ok(robot) => RobotsRules::Parsed(Box::new(robot)),
                    // An unreadable robots.txt states no rule.
                    Err(_) => RobotsRules::AllowAll,
                })
            }
            Err(Failure::Status(status)) if (400..500).contains(&status) => {
                Ok(RobotsRules::AllowAll)
            }
            // A refused address refuses the page itself, with that reason.
            Err(Failure::Refused(reason)) => Err(Failure::Refused(reason)),
            Err(failure) => Ok(RobotsRules::DisallowAll(failure.reason())),
        }
    }

    fn failure_from(&self, error: ureq::Error) -> Failure {
        match error {
            ureq::Error::Other(inner) if inner.is::<RefusedAddress>() => {
                Failure::Refused(inner.to_string())
            }
            ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
                Failure::Connect(format!(
                    "timed out after {:?}",
                    self.options.timeout.min(CONNECT_TIMEOUT)
                ))
            }
            ureq::Error::Timeout(_) => {
                Failure::Other(format!("timed out after {:?}", self.options.timeout))
            }
            ureq::Error::HostNotFound => Failure::Connect("host not found".to_string()),
            ureq::Error::ConnectionFailed => Failure::Connect("connection failed".to_string()),
            ureq::Error::Io(io) if is_connect_error(io.kind()) => Failure::Connect(io.to_string()),
            other => Failure::Other(format!("request failed: {other}")),
        }
    }
}

fn is_connect_error(kind: std::io::ErrorKind) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        kind,
        ConnectionRefused
            | ConnectionReset
            | ConnectionAborted
            | AddrNotAvailable
            | NotConnected
            | HostUnreachable
            | NetworkUnreachable
    )
}

/// Parses an http(s) URL, refusing other schemes.
fn parse_http_url(text: &str) -> Result<Url, String> {
    let url = Url::parse(text.trim()).map_err(|error| format!("invalid URL: {error}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("unsupported URL scheme {:?}", url.scheme()));
    }
    if url.host().is_none() {
        return Err("URL has no host".to_string());
    }
    Ok(url)
}

/// The product token of a User-Agent (`corroborate` in `corroborate/0.1 (+...)`), which is
/// what robots.txt groups name.
fn robot_agent_name(user_agent: &str) -> &str {
    user_agent
        .split(['/', ' '])
        .next()
        .filter(|name| !name.is_empty())
        .unwrap_or(user_agent)
}

/// The error a refused address produces inside ureq, recognised again in `failure_from`.
#[derive(Debug)]
struct RefusedAddress(IpAddr);

impl fmt::Display for RefusedAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "refused: {} is a private or local address (allow_private is off)",
            self.0
        )
    }
}

impl std::error::Error for RefusedAddress {}

/// Resolves with the system resolver, then refuses the host if any address is not public.
#[derive(Debug)]
struct GuardedResolver {
    allow_private: bool,
}

impl Resolver for GuardedResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addresses = DefaultResolver::default().resolve(uri, config, timeout)?;
        if self.allow_private {
            return Ok(addresses);
        }
        if let Some(address) = addresses.iter().find(|address| !is_public(address.ip())) {
            return Err(ureq::Error::Other(Box::new(RefusedAddress(address.ip()))));
        }
        Ok(addresses)
    }
}

/// False for loopback, private, link-local, unique-local, CGNAT, unspecified, multicast,
/// broadcast and "this network" addresses, including IPv4 ones embedded in IPv6.
pub(crate) fn is_public(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(address: Ipv4Addr) -> bool {
    let [first, second, ..] = address.octets();
    let cgnat = first == 100 && (64..128).contains(&second);
    let this_network = first == 0;
    !(address.is_loopback()
        || address.is_private()
        || address.is_link_local()
        || address.is_unspecified()
        || address.is_broadcast()
        || address.is_multicast()
        || cgnat
        || this_network)
}

fn is_public_v6(address: Ipv6Addr) -> bool {
    if let Some(v4) = address.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let segments = address.segments();
    // NAT64 (64:ff9b::/96) reaches the embedded IPv4 address.
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        let [.., high, low] = segments;
        return is_public_v4(Ipv4Addr::from((u32::from(high) << 16) | u32::from(low)));
    }
    let unique_local = (segments[0] & 0xfe00) == 0xfc00;
    let link_local = (segments[0] & 0xffc0) == 0xfe80;
    let site_local = (segments[0] & 0xffc0) == 0xfec0;
    !(address.is_loopback()
        || address.is_unspecified()
        || address.is_multicast()
        || unique_local
        || link_local
        || site_local)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_private_and_public_addresses() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "64:ff9b::a00:1",
        ] {
            let address: IpAddr = private.parse().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
            assert!(!is_public(address), "{private}");
        }
        for public in [
            "93.184.216.34",
            "100.128.0.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            let address: IpAddr = public.parse().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
            assert!(is_public(address), "{public}");
        }
    }

    #[test]
    fn robot_name_is_the_product_token() {
        assert_eq!(
            robot_agent_name("corroborate/0.1 (+https://x)"),
            "corroborate"
        );
        assert_eq!(robot_agent_name("plain"), "plain");
    }
}
