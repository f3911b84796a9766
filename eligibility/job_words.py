"""The words of a job option's reasons that depend on the catalog alone ("your registered
nurse (RN) licence", "a degree in social work", the names of its helpful certifications),
worded once per catalog (Snapshot.job_words) rather than for every person whose jobs are
listed; jobfit.job_fit picks those that fit the person. No Django import."""

from dataclasses import dataclass

from .kinds.words import a_or_an, lower_first

# The catalog arrives as an eligibility.snapshot.Snapshot, not imported here: the snapshot
# imports this module, and an import back would close a circle.


@dataclass(frozen=True, slots=True)
class JobWords:
    """Each background of one job type as (code, words), in its vocabulary's order."""

    licences: tuple[tuple[str, str], ...]
    fields: tuple[tuple[str, str], ...]
    roles: tuple[tuple[str, str], ...]
    settings: tuple[tuple[str, str], ...]
    helpful_names: tuple[str, ...]
    # The pay of each of its occupations found, in its order, as the results give it
    # (jobfit.job_fit copies them: the document's dicts are its own).
    pay: tuple[dict, ...]


def job_words(job, snap) -> JobWords:
    """The words of `job` (a snapshot.JobRole) with the names of `snap`'s vocabularies."""
    return JobWords(
        licences=tuple(
            (code, f"your {lower_first(term.name)} licence")
            for code, term in snap.licence_types.items()
            if code in job.background_licences
        ),
        fields=tuple(
            (code, f"a degree in {term.name.lower()}")
            for code, term in snap.degree_fields.items()
            if code in job.background_fields
        ),
        roles=tuple(
            (code, f"your work as {a_or_an(lower_first(term.name))}")
            for code, term in snap.roles.items()
            if code in job.background_roles
        ),
        settings=tuple(
            (code, term.name.lower())
            for code, term in snap.settings.items()
            if code in job.settings
        ),
        helpful_names=tuple(snap.credential_names[c] for c in job.helpful_certifications),
        pay=tuple(pay(wage) for wage in map(snap.wage, job.soc_codes) if wage is not None),
    )


def pay(wage) -> dict:
    """One occupation's national pay and employment (a snapshot.SocWage), with its source,
    in the results' words (docs/results-format.md, "pay")."""
    source = wage.source
    return {
        "soc": wage.code,
        "title": wage.title,
        "median_annual_wage": wage.median_annual_wage,
        "employment": wage.employment,
        "period": wage.period,
        "source_title": source.title if source else None,
        "source_url": source.url if source else None,
        "confidence": source.confidence if source else None,
    }
