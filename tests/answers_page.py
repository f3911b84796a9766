"""Read the summary of answers ("Your answers") off a page, the way a person reads it."""

from html.parser import HTMLParser


class _SummaryParser(HTMLParser):
    """The summary's groups (title -> lines) and its change controls (text -> target)."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.depth = 0  # <section> nesting inside the summary
        self.heading = ""
        self.groups: dict[str, list[str]] = {}
        self.links: dict[str, str] = {}  # "Change licences" -> href
        self.buttons: dict[str, tuple[str, str]] = {}  # "Change licences" -> (action, step)
        self._title: str | None = None
        self._text: str | None = None  # the text being read (a line, a link, a heading)
        self._kind = ""
        self._href = ""
        self._action = ""
        self._value = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and a.get("id") == "answers":
            self.inside, self.depth = True, 1
            return
        if not self.inside:
            return
        if tag == "section":
            self.depth += 1
        elif tag == "h2":
            self._kind, self._text = "heading", ""
        elif tag == "dt":
            self._kind, self._text = "title", ""
        elif tag in ("li", "p") and self._title is not None and self._kind == "":
            self._kind, self._text = "line", ""
        elif tag == "a":
            self._kind, self._text, self._href = "link", "", a.get("href", "")
        elif tag == "form":
            self._action = a.get("action", "")
        elif tag == "button":
            self._kind, self._text, self._value = "button", "", a.get("value", "")

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "section":
            self.depth -= 1
            self.inside = self.depth > 0
            return
        text = " ".join((self._text or "").split())
        if tag == "h2" and self._kind == "heading":
            self.heading = text
        elif tag == "dt" and self._kind == "title":
            self._title = text
            self.groups[text] = []
        elif tag in ("li", "p") and self._kind == "line":
            self.groups[self._title].append(text)
        elif tag == "a" and self._kind == "link":
            self.links[text] = self._href
        elif tag == "button" and self._kind == "button":
            self.buttons[text] = (self._action, self._value)
        else:
            return
        self._kind, self._text = "", None

    def handle_data(self, data):
        if self._text is not None:
            self._text += data


def answers_summary(html: str) -> _SummaryParser:
    """The summary of answers on a page: .heading, .groups, .links and .buttons."""
    parser = _SummaryParser()
    parser.feed(html)
    return parser
