"""Request logs that never hold profile contents, names, e-mail addresses or secret tokens.

- `RequestLogMiddleware` writes one line per request to "careerpath.requests": the method,
  the matched route *pattern* ("plan/<str:token>/", never the path: paths carry the secret
  tokens of plans and invitations), the url name, the status, the duration, the user's
  numeric id and a request id (also sent as `X-Request-ID`). Nothing from the query string
  (client searches hold names) or the body.
- `HidePaths`, a filter on the console handler (and on "django.request"), rewrites Django's
  own records ("Not Found: /plan/…", "Forbidden (CSRF …): /invite/…", SuspiciousOperation
  messages) to name the route instead of the path, and tags every record logged during a
  request with its request id.
- `JsonFormatter` (production: one JSON object per line) and `PlainFormatter` (development);
  `DJANGO_LOG_FORMAT` picks one in settings.LOGGING.
"""

import contextvars
import datetime as dt
import json
import logging
import time
import traceback
import uuid

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("careerpath.requests")

UNMATCHED = "<unmatched>"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})
# The request line's fields, in the order the formatters write them.
FIELDS = ("request_id", "method", "route", "url_name", "status", "duration_ms", "user_id")
# What every LogRecord carries; anything else on a record came in through `extra`.
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}

_request_id = contextvars.ContextVar("careerpath_request_id", default=None)


def route_of(request: HttpRequest) -> str:
    """The URL pattern the request matched ("invite/<str:token>/"), or "<unmatched>"."""
    match = getattr(request, "resolver_match", None)
    return match.route if match is not None else UNMATCHED


def _user_id(request: HttpRequest) -> int | None:
    try:
        user = getattr(request, "user", None)
        return user.pk if user is not None and user.is_authenticated else None
    except Exception:  # a log line must never turn a response into an error
        return None


class RequestLogMiddleware:
    """One log line per request, from the route pattern: no path, query, body or name."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = uuid.uuid4().hex
        context = _request_id.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(context)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response["X-Request-ID"] = request.request_id
        match = getattr(request, "resolver_match", None)
        route = route_of(request)
        method = request.method if request.method in METHODS else "OTHER"
        logger.info(
            "%s %s %s %.1fms",
            method,
            UNMATCHED if match is None else f"/{route}",
            response.status_code,
            duration_ms,
            extra={
                "request_id": request.request_id,
                "method": method,
                "route": route,
                "url_name": match.view_name if match is not None else None,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": _user_id(request),
            },
        )
        return response


class HidePaths(logging.Filter):
    """Django's own request records name the route, not the path; records logged during a
    request carry its request id."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if getattr(record, "request_id", None) is None:
            # Django logs a 4xx/5xx response after the middleware returned: ask the request.
            record.request_id = getattr(request, "request_id", None) or _request_id.get()
        if isinstance(request, HttpRequest) and not getattr(record, "_paths_hidden", False):
            _hide_path(record, request)
            record._paths_hidden = True
        return True


def _hide_path(record: logging.LogRecord, request: HttpRequest) -> None:
    route = route_of(request)
    if record.name.startswith("django.security.") and record.name != "django.security.csrf":
        # The message is the exception's text (a Host header, a file name …): name its kind.
        record.msg, record.args = "%s: %s", (record.name.rsplit(".", 1)[1], route)
        return
    paths = {request.path, request.path_info, request.get_full_path()}
    paths |= {p.encode("unicode_escape").decode("ascii") for p in paths}  # as log_response
    if isinstance(record.args, tuple):
        record.args = tuple(route if isinstance(a, str) and a in paths else a for a in record.args)
    message = record.getMessage()
    for path in sorted(paths - {"", "/"}, key=len, reverse=True):
        message = message.replace(path, route)
    record.msg, record.args = message, ()


def _time(record: logging.LogRecord) -> str:
    moment = dt.datetime.fromtimestamp(record.created, tz=dt.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _extras(record: logging.LogRecord) -> dict:
    """The request fields, then any number passed in `extra` (counts, status codes).
    Other extras (Django's `request`, strings) are left out: they can hold anything."""
    out = {k: getattr(record, k) for k in FIELDS if getattr(record, k, None) is not None}
    for key, value in record.__dict__.items():
        if key in _STANDARD or key in out or key.startswith("_"):
            continue
        if isinstance(value, int | float) and not isinstance(value, bool):
            out[key] = value
    return out


def _exception_without_messages(error: BaseException) -> str:
    """The traceback of `error` and its causes, each exception by its type only: messages
    often quote the data at hand (a database error names the duplicate e-mail)."""
    chain, seen = [], set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        chain.append(error)
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    parts = []
    for error in reversed(chain):
        kind = type(error)
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(error.__traceback__))
        parts.append(f"{kind.__module__}.{kind.__qualname__} (message not logged)\n")
    return "".join(parts).rstrip("\n")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (ISO 8601, UTC), level, logger, message, the request
    fields when present; an exception as its type and stack, without its message."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": _time(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **_extras(record),
        }
        if record.exc_info and record.exc_info[1] is not None:
            kind = type(record.exc_info[1])
            entry["exc_type"] = f"{kind.__module__}.{kind.__qualname__}"
            entry["exc_stack"] = _exception_without_messages(record.exc_info[1])
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, default=str)


class PlainFormatter(logging.Formatter):
    """Readable lines for development: time, level, logger, message, then key=value fields.
    Exceptions print in full (messages included): this format is meant for your machine."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    in_message = frozenset({"method", "route", "status", "duration_ms", "status_code"})

    def formatMessage(self, record: logging.LogRecord) -> str:
        extras = _extras(record).items()
        fields = " ".join(f"{k}={v}" for k, v in extras if k not in self.in_message)
        line = super().formatMessage(record)
        return f"{line} {fields}" if fields else line
