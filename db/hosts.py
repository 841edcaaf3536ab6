"""Answer only requests addressed to an allowed host name (issue 14: DNS rebinding).

A page on any web site can point its own host name at 127.0.0.1 and then read the local
site as if it were its own (DNS rebinding): the browser sends that site's name in the
``Host`` header. So only localhost names are answered, plus the address ``serve`` was told to
listen on and the names given with ``serve --allow-host`` (``--allow-host '*'`` answers any).
Other hosts get ``400 Bad Request`` naming the flag.
"""

from __future__ import annotations

LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_ADDRESSES = frozenset({"", "0.0.0.0", "::"})


def allowed_hosts(listen: str | None, extra: tuple[str, ...] | list[str] = ()) -> list[str]:
    """Localhost names, the listening address when it names one host, and ``extra``."""
    names = set(LOCAL_NAMES)
    if listen and listen not in WILDCARD_ADDRESSES:
        names.add(listen.strip("[]").lower())
    names.update(h.strip().strip("[]").lower() for h in extra if h.strip())
    return sorted(names)


def host_name(header: str) -> str:
    """``Host`` header -> name, without port or IPv6 brackets: "[::1]:8001" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    if header.count(":") == 1:
        return header.split(":", 1)[0]
    return header.rstrip(".")


def is_allowed(header: str | None, allowed: list[str]) -> bool:
    if "*" in allowed:
        return True
    if not header:
        return False
    name = host_name(header)
    return name in allowed or name.endswith(".localhost")


def host_guard(app, allowed: list[str]):
    """ASGI middleware: requests for other hosts get 400 before Datasette sees them."""

    async def guarded(scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), None)
            if not is_allowed(host, allowed):
                body = (
                    f"400 Bad Request: this site answers only to {', '.join(allowed)}; "
                    "to allow another host name start serve with --allow-host NAME\n"
                ).encode()
                if scope["type"] == "websocket":
                    await send({"type": "websocket.close", "code": 1008})
                    return
                await send(
                    {
                        "type": "http.response.start",
                        "status": 400,
                        "headers": [
                            (b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await app(scope, receive, send)

    return guarded
