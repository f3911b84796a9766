"""The container healthcheck: exit 0 when /healthz answers 200, 1 otherwise.

python:3.11-slim has no curl; this uses only the standard library. It asks the server in the
same container over plain HTTP (/healthz is exempt from the HTTPS redirect), with a Host
header the settings allow (the first of DJANGO_ALLOWED_HOSTS).

    python deploy/healthcheck.py [URL]     # default http://127.0.0.1:8000/healthz
"""

import os
import sys
import urllib.error
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000/healthz"


class RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect (to HTTPS, say) means /healthz is misconfigured: report it, do not follow."""

    def redirect_request(self, *args, **kwargs):
        return None


def host_header(allowed_hosts: str) -> str:
    """A host name ALLOWED_HOSTS accepts: ".example.org" allows "example.org"."""
    for host in allowed_hosts.split(","):
        host = host.strip().lstrip(".")
        if host and host != "*":
            return host
    return "localhost"


def main(url: str) -> int:
    if not url.startswith(("http://", "https://")):
        print(f"healthcheck: {url}: not an http(s) URL", file=sys.stderr)
        return 2
    request = urllib.request.Request(  # noqa: S310 (http and https only, checked above)
        url, headers={"Host": host_header(os.environ.get("DJANGO_ALLOWED_HOSTS", ""))}
    )
    try:
        # Straight to the server beside us, never through an HTTP(S)_PROXY of the environment.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), RefuseRedirects)
        with opener.open(request, timeout=5) as response:
            body = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read().decode(), error.code
    except OSError as error:
        print(f"healthcheck: {url}: {error}", file=sys.stderr)
        return 1
    print(f"healthcheck: {status} {body}")
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_URL))
