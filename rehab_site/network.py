"""The visitor's real address, even behind a load balancer, without trusting spoofed headers.

X-Forwarded-For is only believed when the request came from one of TRUSTED_PROXIES; then
the right-most address that is not itself a trusted proxy is the client. Used by login
throttling (django-axes) and by the inquiry rate limit.
"""

import ipaddress
from functools import cache

from django.conf import settings


@cache
def _trusted_networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(
        ip in network for network in _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    )


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted(remote):
        return remote
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    ]
    for address in reversed([part for part in forwarded if part]):
        if not _is_trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote
    return remote
