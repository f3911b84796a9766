"""The address a request is counted against by the rate limits (settings.RATELIMIT_IP_META_KEY).

Behind a proxy the connection comes from the proxy, so the client's address is read from the
header the proxy sets (settings.RATELIMIT_CLIENT_IP_META_KEY, from DJANGO_RATELIMIT_IP_META_KEY).
django-ratelimit's own lookup answers 500 when that header is missing or is not an address;
here a missing or invalid value falls back to the connection's address (REMOTE_ADDR) instead,
so such a request still gets an answer and is still counted (against the proxy's address).

Trusting the header is only safe when the proxy overwrites it: see README, "Behind a proxy".
"""

import ipaddress
import logging

from django.conf import settings
from django.http import HttpRequest

logger = logging.getLogger(__name__)

# When not even the connection has an address (gunicorn on a Unix socket with no header set),
# every such request shares one count: stricter than none, and never a 500.
UNKNOWN = "0.0.0.0"  # noqa: S104 - an address to count against, not to bind  # nosec B104


def client_ip(request: HttpRequest) -> str:
    """The client's address: the configured header's if it holds one, else the connection's.

    A list such as X-Forwarded-For ("client-sent, …, added-by-proxy") counts its right-most
    entry, the one the trusted proxy appended; what is left of it the client can invent.
    """
    meta_key = getattr(settings, "RATELIMIT_CLIENT_IP_META_KEY", "REMOTE_ADDR")
    address = _address(request.META.get(meta_key))
    if address is None and meta_key != "REMOTE_ADDR":
        # No path or value in the message: the header may hold anything a client sent.
        logger.warning("%s is missing or not an address; counting the connection's", meta_key)
        address = _address(request.META.get("REMOTE_ADDR"))
    if address is None:
        logger.warning("the connection has no address; counting it as %s", UNKNOWN)
        return UNKNOWN
    return address


def _address(value) -> str | None:
    """The right-most entry of `value` as a normalised IP address, or None if it is not one."""
    if not isinstance(value, str):
        return None
    # An IPv6 zone ("fe80::1%eth0") names the proxy's interface, not the client.
    last = value.rsplit(",", 1)[-1].strip().split("%", 1)[0]
    try:
        address = ipaddress.ip_address(last)
    except ValueError:
        return None
    # A dual-stack proxy writes IPv4 clients as "::ffff:203.0.113.7"; counted as IPv6, every
    # IPv4 client would fall in the same /64 (RATELIMIT_IPV6_MASK) and share one count.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)
