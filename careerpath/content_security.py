"""The Content-Security-Policy middleware, with the one exception the admin needs."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase

ADMIN_PREFIX = "/admin/"
# django-simple-history's history list (every catalog row's "History" page) carries
# style="border-top: 0", the admin's only inline style. Allow exactly that declaration, by
# its hash, in the admin only, rather than 'unsafe-inline'; the public pages get no exception.
ADMIN_POLICY_UPDATE = {
    "style-src-attr": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"]
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware (CONTENT_SECURITY_POLICY in settings), plus ADMIN_POLICY_UPDATE
    under /admin/ unless a view set its own update with csp's decorators."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if parts.update is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.update = ADMIN_POLICY_UPDATE
        return parts
