"""HTTP-level protection for the dashboard: who may bind where, who may write, what the browser may run.

`protect(app, policy)` wraps a Dash app's Flask server with:

- security headers on every response: a Content-Security-Policy whose `script-src` allows only our
  own files plus the SHA-256 hashes of the inline scripts actually present in the served page (Dash
  renders one: `new DashRenderer()`), never 'unsafe-inline' or 'unsafe-eval' for scripts;
  `frame-ancestors 'none'` and `X-Frame-Options: DENY` (no clickjacking of the edit buttons),
  `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` (shared dashboards must not leak
  their address to the sites that article links point to);
- authentication (HTTP Basic, or a bearer token, compared in constant time) when credentials are
  configured: for every request by default, or for writes only with `protect_reads=False`;
- read-only mode enforced here as well as in the app (defence in depth): a callback request whose
  output is not one of the known read callbacks is refused with 403, so a hand-made POST cannot reach
  a write even if a write callback were registered by mistake;
- a request size cap (Flask MAX_CONTENT_LENGTH) so an oversized upload is refused before it is
  buffered and decoded.

Which callbacks are reads is not a hand-kept list: `read_callbacks(settings, store)` builds the
read-only twin of the app and takes its callback keys, so a new write callback is a write here too.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import ipaddress
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, Response, request
from pydantic import SecretStr

UPDATE_PATH = "/_dash-update-component"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
REALM = "timeline"
# Room around an upload in a callback request: base64 grows the file by 4/3, and the same request
# carries other component state (the table's rows for the action buttons, up to max_table_rows).
REQUEST_OVERHEAD_BYTES = 4 * 1024 * 1024

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_DATA_TYPE = re.compile(r"""type\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)


@dataclass(frozen=True)
class Credentials:
    """Who may use a protected server. Secrets are SecretStr: their repr and str are masked."""

    user: str | None = None
    password: SecretStr | None = None
    token: SecretStr | None = None

    @classmethod
    def from_options(
        cls, user: str | None = None, password: str | None = None, token: str | None = None
    ) -> Credentials | None:
        """None when nothing is configured; ValueError (one line) when half a pair is given."""
        if bool(user) != bool(password):
            raise ValueError("give both --auth-user and --auth-password (or TIMELINE_AUTH_USER/_PASSWORD)")
        if not (user or token):
            return None
        return cls(
            user=user or None,
            password=SecretStr(password) if password else None,
            token=SecretStr(token) if token else None,
        )

    def describe(self) -> str:
        """For the start-up line: the kind of credential and the user name, never a secret."""
        kinds = []
        if self.user:
            kinds.append(f"basic auth as {self.user!r}")
        if self.token:
            kinds.append("bearer token")
        return " or ".join(kinds)

    def check(self, authorization: str | None) -> bool:
        """True when an Authorization header carries these credentials.

        Accepted: `Basic user:password`, `Bearer <token>`, and `Basic <any name>:<token>` so that a
        browser, which can only send Basic, can also use a token.
        """
        if not authorization:
            return False
        scheme, _, value = authorization.strip().partition(" ")
        scheme = scheme.lower()
        if scheme == "bearer" and self.token is not None:
            return _same(value.strip(), self.token)
        if scheme != "basic":
            return False
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return False
        name, sep, secret = decoded.partition(":")
        if not sep:
            return False
        ok = False
        if self.user is not None and self.password is not None:
            # Both compared (no short cut) so timing says nothing about which part was wrong.
            ok = _same(name, self.user) & _same(secret, self.password)
        if self.token is not None:
            ok = ok | _same(secret, self.token)
        return ok


def _same(given: str, expected: str | SecretStr) -> bool:
    want = expected.get_secret_value() if isinstance(expected, SecretStr) else expected
    return hmac.compare_digest(given.encode("utf-8"), want.encode("utf-8"))


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and 'localhost' only: anything else may be reachable from other machines."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def binding_refusal(host: str, *, read_only: bool, credentials: Credentials | None) -> str | None:
    """The one-line reason to refuse serving on `host`, or None when it is allowed."""
    if is_loopback(host) or read_only or credentials is not None:
        return None
    return (
        f"refusing to serve on {host}: anyone who can reach it could change the timeline; "
        "add --read-only, or --auth-user/--auth-password or --token (TIMELINE_AUTH_USER, "
        "TIMELINE_AUTH_PASSWORD, TIMELINE_TOKEN), or keep --host 127.0.0.1"
    )


@dataclass(frozen=True)
class Policy:
    """What `protect` enforces on one app."""

    read_only: bool = False
    credentials: Credentials | None = None
    protect_reads: bool = True  # with credentials: True = every request needs them, False = writes only
    read_callbacks: frozenset[str] | None = None  # callback output keys that only read; None = all
    max_request_bytes: int = 2_000_000 * 4 // 3 + REQUEST_OVERHEAD_BYTES
    extra_csp: dict[str, tuple[str, ...]] = field(default_factory=dict)


def max_request_bytes(upload_max_bytes: int) -> int:
    """The request cap for an upload cap: the base64 of the largest file plus the other state."""
    return upload_max_bytes * 4 // 3 + 4 + REQUEST_OVERHEAD_BYTES


def read_callbacks(settings: Any, store: Any) -> frozenset[str]:
    """Output keys of the callbacks of the read-only app over `store`: everything else writes.

    Builds the read-only twin (registering callbacks touches nothing in the store) so the list can
    never fall behind the app.
    """
    from timeline.app import create_app
    from timeline.app_settings import dashboard_settings

    twin = create_app(dashboard_settings(settings, read_only=True), store)
    return frozenset(twin.callback_map)


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources ('sha256-...') for each executable inline <script> of a page, as served."""
    out: list[str] = []
    # Scripts inside HTML comments (Dash's IE notice) never run, so they get no hash.
    for m in _INLINE_SCRIPT.finditer(_COMMENT.sub("", html)):
        attrs = m.group("attrs")
        if re.search(r"\ssrc\s*=", attrs, re.IGNORECASE) or _DATA_TYPE.search(attrs):
            continue  # external files are covered by 'self'; JSON data blocks never run
        digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in out:
            out.append(source)
    return out


def content_security_policy(
    script_hashes: Iterable[str] = (), extra: dict[str, tuple[str, ...]] | None = None
) -> str:
    directives: dict[str, list[str]] = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        # Plotly and AG Grid set element styles at run time; inline *styles* cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    for name, values in (extra or {}).items():
        directives.setdefault(name, []).extend(v for v in values if v not in directives[name])
    return "; ".join(f"{k} {' '.join(v)}" for k, v in directives.items())


def _callback_output(body: bytes) -> str | None:
    try:
        data = json.loads(body or b"null")
    except ValueError:
        return None
    output = data.get("output") if isinstance(data, dict) else None
    return output if isinstance(output, str) else None


def is_write(method: str, path: str, body: bytes, reads: frozenset[str] | None) -> bool:
    """Whether a request may change something: any unsafe method except a known read callback."""
    if method.upper() in SAFE_METHODS:
        return False
    if reads is None or not path.endswith(UPDATE_PATH):
        return True
    output = _callback_output(body)
    return output is None or output not in reads


def _unauthorised() -> Response:
    resp = Response("authentication required\n", status=401, mimetype="text/plain")
    resp.headers["WWW-Authenticate"] = f'Basic realm="{REALM}", charset="UTF-8"'
    return resp


def _forbidden(reason: str) -> Response:
    return Response(f"{reason}\n", status=403, mimetype="text/plain")


def protect(app: Any, policy: Policy) -> Any:
    """Apply `policy` to a Dash app (or a bare Flask app); returns the same app."""
    server: Flask = app.server if hasattr(app, "server") else app
    server.config["MAX_CONTENT_LENGTH"] = policy.max_request_bytes
    reads = policy.read_callbacks
    creds = policy.credentials
    csp_cache: dict[str, str] = {}

    @server.before_request
    def _guard() -> Response | None:
        method, path = request.method, request.path
        length = request.content_length
        if length is not None and length > policy.max_request_bytes:
            return Response("request too large\n", status=413, mimetype="text/plain")
        authorised = creds is None or creds.check(request.headers.get("Authorization"))
        if not authorised and policy.protect_reads:
            return _unauthorised()  # before the body is even read
        write = method.upper() not in SAFE_METHODS and is_write(method, path, request.get_data(), reads)
        if write and not authorised:
            return _unauthorised()
        if write and policy.read_only:
            return _forbidden("this dashboard is read-only")
        return None

    @server.after_request
    def _headers(resp: Response) -> Response:
        csp = csp_cache.get("")
        if resp.mimetype == "text/html" and not resp.direct_passthrough:
            html = resp.get_data(as_text=True)
            hashes = inline_script_hashes(html)
            key = " ".join(hashes)
            csp = csp_cache.get(key)
            if csp is None:
                csp = csp_cache[key] = content_security_policy(hashes, policy.extra_csp)
        if csp is None:
            csp = csp_cache[""] = content_security_policy((), policy.extra_csp)
        headers = resp.headers
        headers["Content-Security-Policy"] = csp
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if creds is not None:
            # Answers behind a password must not sit in shared caches.
            headers.setdefault("Cache-Control", "private, no-store")
        return resp

    return app
