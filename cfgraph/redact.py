"""Credentials never reach the screen: every URL cfgraph shows goes through :func:`redact_url`,
and text that might quote one (a driver's error) through :func:`scrub`.

A URL may carry credentials in its user part (``http://user:secret@host``, ``redis://:secret@host``,
``https://TOKEN@host``) or in its query (``unix:///run/redis.sock?password=secret``). The user
part is shown as ``***@`` whole (a lone user name may be a token), and each query value whose
name says it is a secret as ``***``.

>>> redact_url("http://user:s3cret@example.org:8080/store?graph=g")
'http://***@example.org:8080/store?graph=g'
>>> redact_url("unix:///run/redis.sock?db=0&password=s3cret")
'unix:///run/redis.sock?db=0&password=***'
>>> redact_url("redis://localhost:6379")
'redis://localhost:6379'
>>> scrub("cannot log in as user with s3cret", url_secrets("redis://user:s3cret@h"))
'cannot log in as *** with ***'
>>> split_credentials("http://me:p%40ss@host/store")
('http://host/store', ('me', 'p@ss'))
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = ["MASK", "SECRET_NAMES", "redact_url", "scrub", "split_credentials", "url_secrets"]

MASK = "***"
#: Query parameters whose value is a secret (matched in lower case, as a part of the name).
SECRET_NAMES = ("pass", "pwd", "secret", "token", "key", "auth", "credential", "signature")
_QUERY_VALUE = re.compile(r"(?P<name>[^&=;]+)=(?P<value>[^&;]*)")


def _secret_name(name: str) -> bool:
    lowered = unquote(name).lower()
    return any(part in lowered for part in SECRET_NAMES)


def _redact_query(query: str) -> str:
    def mask(match: re.Match[str]) -> str:
        if _secret_name(match.group("name")) and match.group("value"):
            return f"{match.group('name')}={MASK}"
        return match.group()

    return _QUERY_VALUE.sub(mask, query)


def redact_url(url: str) -> str:
    """*url* with its user part and secret query values masked (see the module); the rest is
    kept as written."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    authority, path = rest[:end], rest[end:]
    if "@" in authority:
        authority = f"{MASK}@{authority.rpartition('@')[2]}"
    path, hash_, fragment = path.partition("#")
    path, question, query = path.partition("?")
    shown = f"{authority}{path}{question}{_redact_query(query)}{hash_}{fragment}"
    return f"{scheme}{sep}{shown}"


def url_secrets(url: str) -> list[str]:
    """The secrets *url* carries (user part, secret query values), raw and percent-decoded."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return [url]
    found = []
    if "@" in parts.netloc:
        userinfo = parts.netloc.rpartition("@")[0]
        found += [userinfo, *userinfo.split(":", 1)]
    found += [v for k, v in parse_qsl(parts.query, keep_blank_values=True) if _secret_name(k)]
    found += [q.partition("=")[2] for q in re.split("[&;]", parts.query) if _secret_name(q.partition("=")[0])]
    return sorted({s for f in found for s in (f, unquote(f)) if s}, key=len, reverse=True)


def scrub(text: str, secrets: Iterable[str | None]) -> str:
    """*text* with every one of *secrets* (longest first) replaced by ``***``."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """*url* without its user part, and the (user, password) it held, percent-decoded."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, host = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    return parts._replace(netloc=host).geturl(), (unquote(user), unquote(password))
