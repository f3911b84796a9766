"""Keyboard-only helpers: move focus with Tab / Shift+Tab and read what has it.

Nothing here clicks or fills an element; it only presses keys on `page.keyboard` and reads
`document.activeElement` to know where the focus landed.
"""

import datetime as dt

from playwright.sync_api import Page

FOCUSED = """() => {
  const e = document.activeElement;
  return {
    tag: e.tagName.toLowerCase(), id: e.id, name: e.getAttribute("name") || "",
    type: e.getAttribute("type") || "", value: e.value === undefined ? "" : e.value,
    text: (e.innerText || "").replace(/\\s+/g, " ").trim(), checked: !!e.checked,
  };
}"""

MAX_PRESSES = 80  # a step page has about 40 tab stops; more means focus is lost or trapped


def focused(page: Page) -> dict:
    """What has the keyboard focus: tag, id, name, type, value, text, checked."""
    return page.evaluate(FOCUSED)


def _matches(now: dict, id: str | None, text: str | None) -> bool:
    if id is not None:
        return now["id"] == id
    return now["tag"] in ("a", "button") and now["text"] == text


def tab_to(page: Page, *, id: str | None = None, text: str | None = None, back: bool = False):
    """Press Tab (Shift+Tab with back=True) until the element with this id, or the link or
    button with exactly this text, has the focus. Returns the number of presses."""
    assert (id is None) != (text is None), "give id or text"
    key = "Shift+Tab" if back else "Tab"
    trail = []
    for presses in range(1, MAX_PRESSES + 1):
        page.keyboard.press(key)
        now = focused(page)
        if _matches(now, id, text):
            return presses
        trail.append(now["id"] or now["text"][:30] or now["tag"])
    raise AssertionError(f"{key} never reached {id or text!r}; focus went: {trail}")


def press_and_wait(page: Page, key: str) -> None:
    """Press a key that submits a form or follows a link, and wait for the new page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def type_date(page: Page, day: dt.date) -> None:
    """Type a date into the focused <input type="date"> (its month segment has the focus).

    Chromium's date field follows the locale; the contexts use en-US: month, day, year,
    each segment moving on to the next once it is complete.
    """
    page.keyboard.type(f"{day:%m%d%Y}")
