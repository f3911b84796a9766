"""The JSON API: `POST /api/assess` and `GET /api/catalog` (docs/results-format.md).

The API speaks the same formats as the wizard and the `assess` command and holds no engine
logic: profiles go through `services.assess_many` (as in the CLI), against the
cached snapshot of the published catalog.

Refusals are JSON too, always `{"errors": {path: message}}`:

- 400 a profile that does not validate (every error by its path; in a list `[i].path`; a
  number beyond a field's bound, however many digits, names that field), a body that is not
  UTF-8 or not JSON, a list of more than `MAX_PROFILES` profiles (path `body`);
- 405 a method the endpoint does not answer, with an `Allow` header;
- 413 a body over `MAX_BODY_BYTES`, declared (Content-Length) or actually read;
- 415 a Content-Type other than `application/json` (415 rather than 400: the body was not
  looked at; a client can tell "wrong format" from "wrong data");
- 429 too many requests from one address (django-ratelimit raises; its middleware hands the
  refusal to settings.RATELIMIT_VIEW).

Nothing of a request body is ever logged.
"""

from collections.abc import Callable
from functools import wraps

import orjson
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.decorators import ratelimit

from . import strict_json
from .catalog import get_snapshot
from .profile import ProfileError
from .services import assess_many

MAX_BODY_BYTES = 256 * 1024
MAX_PROFILES = 100
ASSESS_RATE = "60/m"  # per client address
CATALOG_CACHE_CONTROL = "public, max-age=300"

View = Callable[..., HttpResponse]


class Refusal(Exception):
    """A request the API answers with `{"errors": ...}` and an error status."""

    def __init__(self, status: int, errors: dict[str, str]):
        super().__init__(status, errors)
        self.status = status
        self.errors = errors


class FastJsonResponse(HttpResponse):
    """JSON encoded by orjson: the results document is ~20 kB, and the standard encoder took
    a tenth of an assessment's whole request."""

    def __init__(self, data: object, status: int = 200) -> None:
        super().__init__(orjson.dumps(data), content_type="application/json", status=status)


def error_response(status: int, errors: dict[str, str]) -> HttpResponse:
    """The API's one shape for a refusal."""
    return FastJsonResponse({"errors": errors}, status=status)


def allow_methods(*methods: str) -> Callable[[View], View]:
    """Answer every other method with a JSON 405 carrying an `Allow` header."""
    allowed = ", ".join(methods)

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method not in methods:
                response = error_response(405, {"method": f"must be {' or '.join(methods)}"})
                response["Allow"] = allowed
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# --- POST /api/assess ---------------------------------------------------------------------


def require_json_content_type(request: HttpRequest) -> None:
    """Refuse (415) anything but `application/json`, in UTF-8 if a charset is named."""
    if (request.content_type or "").lower() != "application/json":
        raise Refusal(415, {"content_type": "must be application/json"})
    charset = request.content_params.get("charset")
    if charset is not None and charset.lower() not in ("utf-8", "utf8"):
        raise Refusal(415, {"content_type": "charset must be utf-8"})


def read_body(request: HttpRequest) -> bytes:
    """The raw body, refused (413) when over the limit, whether declared or actually read."""
    too_large = Refusal(413, {"body": f"must be at most {MAX_BODY_BYTES // 1024} KB"})
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = -1
    if declared < 0:
        raise Refusal(400, {"body": "has an invalid Content-Length"})
    if declared > MAX_BODY_BYTES:
        raise too_large
    try:
        body = request.body  # raises past settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    except RequestDataTooBig:
        raise too_large from None
    if len(body) > MAX_BODY_BYTES:
        raise too_large
    return body


def decode_json(body: bytes) -> object:
    """Strict JSON from UTF-8 bytes (NaN and Infinity refused); 400 otherwise."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal(400, {"body": "is not valid UTF-8"}) from None
    try:
        return strict_json.loads(text)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError; so are huge ints
        raise Refusal(400, {"body": "is not valid JSON"}) from None


def assess_all(data: object) -> object:
    """Results for one profile, or a list of results for a list; 400 with every error."""
    if isinstance(data, list) and len(data) > MAX_PROFILES:
        raise Refusal(400, {"body": f"must have at most {MAX_PROFILES} profiles"})
    try:
        return assess_many(data, get_snapshot())
    except ProfileError as refused:
        raise Refusal(400, refused.errors) from None


@csrf_exempt  # stateless: no session, no cookie is read, nothing is stored
@allow_methods("POST")
@never_cache
@ratelimit(key="ip", rate=ASSESS_RATE, method="POST", block=True)
def assess(request: HttpRequest) -> HttpResponse:
    """Assess a profile (or a list of up to 100) against the published catalog.

    The formats: docs/profile-format.md, docs/results-format.md."""
    try:
        require_json_content_type(request)
        results = assess_all(decode_json(read_body(request)))
    except Refusal as refusal:
        return error_response(refusal.status, refusal.errors)
    return FastJsonResponse(results)


# --- GET /api/catalog ---------------------------------------------------------------------


@allow_methods("GET", "HEAD")
def catalog(request: HttpRequest) -> HttpResponse:
    """The published catalog in the file format, cacheable for five minutes.

    The ETag is the quoted catalog version (a hash of the catalog's canonical form), so a
    client revalidating with If-None-Match gets a bodiless 304 until an editor changes a rule.
    """
    snapshot = get_snapshot()
    etag = quote_etag(snapshot.version)
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = JsonResponse({"catalog_version": snapshot.version, "catalog": snapshot.data})
    if response.status_code in (200, 304):
        response["ETag"] = etag
        response["Cache-Control"] = CATALOG_CACHE_CONTROL
    return response
