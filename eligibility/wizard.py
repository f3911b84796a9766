"""The self-assessment wizard at /assess/<step>/ (django-formtools, session storage).

Beyond formtools' defaults: Back and the step links keep what was typed on the current step;
"Add another" and "Remove" work as plain submit buttons (no JavaScript needed); a finished
assessment can be reopened at any step with every answer in place, and finished from there.
"""

from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit
from formtools.wizard.storage.session import SessionStorage
from formtools.wizard.views import NamedUrlSessionWizardView

from .catalog import get_snapshot
from .forms import STEPS, profile_from_steps, steps_from_profile
from .plans import PROFILE_SESSION_KEY
from .profile import MAX_ENTRIES

PREFILLED_FROM = "prefilled_from"  # extra data: which saved answers filled the steps
# Extra data: the steps whose kept answers are not valid yet (left by Back, a step link or
# another page, or refused by Continue): the step list says "not finished" for them.
DRAFTS = "drafts"
POST_RATE = "120/m"  # per address: a person clicks a few times a minute, a script thousands
# What a step keeps of a post in the session: each value at most MAX_VALUE characters (a date,
# a number, a code or a choice is far shorter), at most MAX_ENTRIES values a field. The
# "seen the warnings" field holds the warnings' words, so it may be longer.
MAX_VALUE = 1_000
MAX_CONFIRMED = 20_000
MANAGEMENT_COUNTS = ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")


def _entry_index(key: str, prefix: str) -> int | None:
    """The entry number in a formset key ("work-entries-2-role" → 2)."""
    if not key.startswith(prefix + "-"):
        return None
    head = key[len(prefix) + 1 :].split("-", 1)[0]
    return int(head) if head.isdecimal() else None  # isdigit() lets "²" through to int()


def remove_entry(data: MultiValueDict, prefix: str, index: int) -> MultiValueDict:
    """The step's data without entry `index`; later entries move up one place."""
    out = MultiValueDict()
    total = form_count(data, prefix)
    for key, values in data.lists():
        number = _entry_index(key, prefix)
        if number is None or number < index:
            out.setlist(key, values)
        elif number > index:
            out.setlist(key.replace(f"{prefix}-{number}-", f"{prefix}-{number - 1}-", 1), values)
    out.setlist(f"{prefix}-TOTAL_FORMS", [str(max(total - 1, 0))])
    return out


def form_count(data: MultiValueDict, prefix: str) -> int:
    """The entries' TOTAL_FORMS as posted; 0 when it is not a number (the formset then
    reports the tampering; int() here answered a 500)."""
    try:
        return max(int(data.get(f"{prefix}-TOTAL_FORMS", "0") or 0), 0)
    except ValueError:
        return 0


def known_step_data(form, data: MultiValueDict, management: str) -> MultiValueDict:
    """What of a post to the step of `form` is kept in the session: only the names the step's
    page can send (its own fields, its entries' counts and fields up to MAX_ENTRIES entries,
    the wizard's `management` field, the step's "seen the warnings" field), each value cut to
    a bounded length. One anonymous post with a 2.3 MB field stored 2.3 MB in the session.
    """
    names = {form.add_prefix(name) for name in form.fields} | {management}
    entries = getattr(form, "entries", None)
    entry_prefix, entry_fields = "", set()
    if entries is not None:
        entry_prefix = entries.prefix
        names |= {f"{entry_prefix}-{count}" for count in MANAGEMENT_COUNTS}
        entry_fields = set(entries.empty_form.fields)
    confirm = getattr(form, "confirm_name", None)
    kept = MultiValueDict()
    for key, values in data.lists():
        if key == confirm:
            limit = MAX_CONFIRMED
        elif key in names:
            limit = MAX_VALUE
        else:
            number = _entry_index(key, entry_prefix) if entry_prefix else None
            if number is None or number >= MAX_ENTRIES:
                continue
            if key[len(f"{entry_prefix}-{number}-") :] not in entry_fields:
                continue
            limit = MAX_VALUE
        kept.setlist(key, [str(value)[:limit] for value in values[:MAX_ENTRIES]])
    return kept


class WizardStorage(SessionStorage):
    """Session storage that writes the session only when the wizard's data changes.

    formtools' SessionStorage marks the session modified whenever it is read, so every page
    view of a step cost a database write.
    """

    def _get_data(self):
        return self.request.session[self.prefix]

    data = property(_get_data, SessionStorage._set_data)

    def _changed(self) -> None:
        self.request.session.modified = True

    def init_data(self):
        super().init_data()
        self._changed()

    def reset(self):
        super().reset()
        self._changed()

    def set_step_data(self, step, cleaned_data):
        super().set_step_data(step, cleaned_data)
        self._changed()

    def set_step_files(self, step, files):
        super().set_step_files(step, files)
        self._changed()

    def _set_current_step(self, step):
        super()._set_current_step(step)
        self._changed()

    current_step = property(SessionStorage._get_current_step, _set_current_step)

    def _set_extra_data(self, extra_data):
        super()._set_extra_data(extra_data)
        self._changed()

    extra_data = property(SessionStorage._get_extra_data, _set_extra_data)


@method_decorator(ratelimit(key="ip", rate=POST_RATE, method="POST", block=True), name="post")
@method_decorator(never_cache, name="dispatch")
class AssessmentWizard(NamedUrlSessionWizardView):
    form_list = STEPS
    storage_name = "eligibility.wizard.WizardStorage"
    template_name = "eligibility/wizard/step.html"
    url_name = "assess_step"
    done_step_name = "finished"
    finish_label = "See my results"

    def dispatch(self, request, *args, **kwargs):
        self.snapshot = get_snapshot()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self, step=None):
        kwargs = {"snapshot": self.snapshot}
        form_class = self.get_form_list().get(step or self.steps.current)
        if getattr(form_class, "uses_answers", False):
            kwargs["answers"] = self.answers_so_far(step or self.steps.current)
        return kwargs

    def answers_so_far(self, step: str) -> dict:
        """The profile keys of the other steps, from what the session holds for each one that
        is valid (the About step asks a question only of those it concerns). The steps are
        built here directly, not through get_form: none of them reads another's answers."""
        answers: dict = {}
        for name, form_class in self.get_form_list().items():
            data = self.storage.get_step_data(name)
            if name == step or data is None or getattr(form_class, "uses_answers", False):
                continue
            form = form_class(data=data, snapshot=self.snapshot,
                              prefix=self.get_form_prefix(name, form_class))  # fmt: skip
            if form.is_valid():
                answers.update(form.profile_part())
        return answers

    def saved_profile(self) -> dict | None:
        """The answers to start from: the finished assessment of this browser session."""
        return self.request.session.get(PROFILE_SESSION_KEY)

    def saved_profile_id(self) -> str:
        """Which saved answers the wizard's data was filled from (see `prefill`)."""
        return "session"

    def prefill(self) -> None:
        """Put every saved answer into the wizard's steps when it holds none of its own yet,
        or when it holds another version of the answers than the one saved now (an advisor's
        half-done update from last week, a client's newer answers).

        The one source of a step's data for the public wizard, an advisor's update and an
        invitation: `steps_from_profile`.
        """
        profile = self.saved_profile()
        extra = self.storage.extra_data
        stored = self.storage.data.get(self.storage.step_data_key)
        if not profile:
            return
        if stored and extra.get(PREFILLED_FROM) == self.saved_profile_id():
            return
        self.storage.reset()
        for step, data in steps_from_profile(profile, self.snapshot).items():
            self.storage.set_step_data(step, _multi(data))
        self.storage.extra_data = {PREFILLED_FROM: self.saved_profile_id()}

    def get(self, request, *args, **kwargs):
        self.prefill()
        step = kwargs.get("step")
        if step in self.get_form_list() and self.storage.current_step != step:
            # formtools renders the step named in the URL with the data of the storage's
            # current step, which is unset until a step has been left once: the first step
            # then showed empty and saving it lost the answers (issue 13, items 1-3).
            self.storage.current_step = step
        return super().get(request, *args, **kwargs)

    def post(self, *args, **kwargs):
        post = self.request.POST
        prefix = f"{self.steps.current}-entries"
        if "add_entry" in post or "remove_entry" in post:
            data = post.copy()
            data.pop("csrfmiddlewaretoken", None)
            if "add_entry" in post:
                total = form_count(data, prefix)
                data[f"{prefix}-TOTAL_FORMS"] = str(total + 1)
                step_form = self.get_form_list()[self.steps.current]
                for key, value in step_form.new_entry_data(prefix, total).items():
                    data.setlist(key, value if isinstance(value, list) else [value])
                anchor = f"#entry-{total + 1}"
            else:
                if post["remove_entry"].isdecimal():
                    data = remove_entry(data, prefix, int(post["remove_entry"]))
                anchor = "#entries"
            self.keep(self.get_form(data=data))
            return redirect(self.get_step_url(self.steps.current) + anchor)
        goto = post.get("wizard_goto_step")
        if goto in self.get_form_list():
            # Back (or a step link) keeps what was typed here, valid or not yet; a step left
            # untouched before it was ever answered stays unanswered (the About step's
            # questions, skipped past, were later shown as five errors).
            form = self.get_form(data=post)
            if (
                form.is_valid()
                or self.touched(form)
                or self.storage.get_step_data(self.steps.current) is not None
            ):
                self.keep(form)
            return self.render_goto_step(goto)
        if "wizard_finish" in post:
            form = self.get_form(data=post)
            self.keep(form)
            if not form.is_valid() or form.unconfirmed_warnings():
                return self.render(form)
            return self.render_done(form, **kwargs)
        if post.get(f"{self.prefix}-current_step", self.steps.current) not in self.get_form_list():
            # formtools would look the unknown step up and fail with a KeyError (a 500).
            raise SuspiciousOperation("The wizard's current step is not one of its steps.")
        return super().post(*args, **kwargs)

    def keep(self, form) -> None:
        """Keep what was posted to the current step in the session, valid or not, and whether
        it is a draft (not valid yet)."""
        self.storage.set_step_data(self.steps.current, self.known_data(form.data, form))
        self.mark_draft(draft=not form.is_valid())

    def mark_draft(self, *, draft: bool) -> None:
        """Record whether the current step's kept answers are a draft (not valid yet)."""
        step = self.steps.current
        drafts = set(self.storage.extra_data.get(DRAFTS, []))
        wanted = drafts | {step} if draft else drafts - {step}
        if wanted != drafts:
            self.storage.extra_data = {**self.storage.extra_data, DRAFTS: sorted(wanted)}

    @staticmethod
    def touched(form) -> bool:
        """Whether the person changed anything on the step's page (an answer, an entry)."""
        return form.has_changed() or bool(form.filled_entries())

    def render(self, form=None, **kwargs):
        # Continue refused the step: keep what was typed, so that leaving for another page
        # and coming back does not lose it (formtools keeps only a valid step).
        if (
            self.request.method == "POST"
            and form is not None
            and form.is_bound
            and form.prefix == self.get_form_prefix(self.steps.current, type(form))
            and not form.is_valid()
        ):
            self.keep(form)
        return super().render(form, **kwargs)

    def render_revalidation_failure(self, failed_step, form, **kwargs):
        # The answers kept for a step are not valid (left with a mistake), or there are none:
        # say so on it.
        if self.storage.get_step_data(failed_step) is None:
            text = "Your results need this step answered first: press Continue once it is done."
        else:
            text = "Your results need this step put right first: the problems are listed below."
        messages.error(self.request, text)
        return super().render_revalidation_failure(failed_step, form, **kwargs)

    def known_data(self, data: MultiValueDict, form=None) -> MultiValueDict:
        """`data` posted to the current step, as the session keeps it (`known_step_data`)."""
        if form is None:
            form = self.get_form(step=self.steps.current)
        return known_step_data(form, data, f"{self.prefix}-current_step")

    def process_step(self, form):
        # formtools stores what this returns (the raw post by default) for a valid step.
        self.mark_draft(draft=False)
        return self.known_data(form.data, form)

    def process_step_files(self, form):
        # No step has a file field: a posted file is not kept (nor a reason to fail).
        return {}

    def render_next_step(self, form, **kwargs):
        # A valid step with a warning not shown yet stays, once, to show it (its answers are
        # stored already); the next Continue moves on with the answers as they are.
        if form.unconfirmed_warnings():
            return self.render(form)
        return super().render_next_step(form, **kwargs)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        stored = self.storage.data.get(self.storage.step_data_key) or {}
        drafts = self.storage.extra_data.get(DRAFTS, [])
        current = self.steps.current
        context["steps"] = [
            {"name": name, "title": step.title, "current": name == current,
             "url": self.get_step_url(name), "visited": name in stored and name not in drafts,
             "unfinished": name in drafts}
            for name, step in STEPS
        ]  # fmt: skip
        context["can_finish"] = all(name in stored or name == current for name, _ in STEPS)
        context["nav"] = "assess"
        context["step_url"] = self.get_step_url(current)
        context["finish_label"] = self.finish_label
        # is_valid() first: the profile's own checks (hours a week between 1 and 80) put
        # their errors on the fields only then; a kept draft reopened showed none of them.
        context["errors"] = form.error_summary() if form.is_bound and not form.is_valid() else []
        context["warnings"] = [] if context["errors"] else form.warnings()
        context["warnings_key"] = form.warnings_key() if context["warnings"] else ""
        return context

    def done(self, form_list, form_dict=None, **kwargs):
        self.request.session[PROFILE_SESSION_KEY] = profile_from_steps(form_dict)
        return redirect("assess_results")

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"step": step})


def _multi(data: dict) -> MultiValueDict:
    out = MultiValueDict()
    for key, value in data.items():
        out.setlist(key, value if isinstance(value, list) else [value])
    return out
