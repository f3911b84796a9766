"""Engine benchmark: median cost per profile against the seeded catalog, projection included.

Run with `make bench`. Profiles are varied but reproducible (fixed seed). The figures:
`evaluate` (status, eligible_on and the explanation tree of every certification),
`results_for` (the whole results document: plus sentences, next steps and job fit), and
`parse_profile` (validation) per 1,000 profiles, both of the bench's profiles and of their
normalised form (what the recompute reads back from stored assessments). Each profile is timed
REPEATS times and the figures are medians and 95th percentiles of all those timings, so that a
busy machine moves them less.
"""

import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eligibility.engine import evaluate  # noqa: E402
from eligibility.profile import parse_profile  # noqa: E402
from eligibility.services import results_for  # noqa: E402
from eligibility.snapshot import load_seed_snapshot  # noqa: E402

PROFILES = 3000
REPEATS = 3
BUDGET_MS = 1.0  # evaluate
DOCUMENT_BUDGET_MS = 0.5  # results_for (issues #15/#16)


def random_profile(rng: random.Random, snap) -> dict:
    as_of = dt.date(2026, 11, 23) + dt.timedelta(days=rng.randint(-400, 400))

    def day(lo: int, hi: int) -> str:
        return (as_of + dt.timedelta(days=rng.randint(lo, hi))).isoformat()

    experience = []
    for _ in range(rng.randint(0, 4)):
        start = as_of + dt.timedelta(days=rng.randint(-3000, 200))
        end = None if rng.random() < 0.5 else start + dt.timedelta(days=rng.randint(30, 2000))
        experience.append(
            {
                "role": rng.choice(list(snap.roles)),
                "setting": rng.choice(list(snap.settings)),
                "start": start.isoformat(),
                "end": end.isoformat() if end else None,
                "hours_per_week": rng.choice([16, 20, 24, 32, 36, 37.5, 40, 40, 40, 48]),
                "paid": rng.random() < 0.9,
                "supervised": rng.random() < 0.8,
                "supervisor_credentials": ["ccm"] if rng.random() < 0.3 else [],
                "self_employed": rng.random() < 0.05,
            }
        )
    return {
        "as_of": as_of.isoformat(),
        "licenses": [
            {
                "type": rng.choice(list(snap.licence_types)),
                "expires": day(-100, 1500) if rng.random() < 0.5 else None,
            }
            for _ in range(rng.randint(0, 2))
        ],  # fmt: skip
        "degrees": [
            {
                "level": rng.choice(list(snap.degree_levels)),
                "field": rng.choice(list(snap.degree_fields)),
                "accredited": rng.random() < 0.9,
            }
            for _ in range(rng.randint(0, 2))
        ],  # fmt: skip
        "credentials": rng.sample(["crc", "cdms", "acm", "ccm"], rng.randint(0, 1)),
        "experience": experience,
        "education": [
            {
                "topic": rng.choice(list(snap.ce_topics)),
                "hours": rng.randint(1, 20),
                "completed": day(-1400, 300),
            }
            for _ in range(rng.randint(0, 4))
        ],  # fmt: skip
        "references": rng.randint(0, 4),
        "attestations": ["good-moral-character"] if rng.random() < 0.9 else [],
    }


def median_ms(func, items) -> tuple[float, float]:
    """Median and 95th percentile of the cost of func(item), in ms, over REPEATS rounds."""
    costs = []
    for _ in range(REPEATS):
        for item in items:
            start = time.perf_counter()
            func(item)
            costs.append((time.perf_counter() - start) * 1000)
    return statistics.median(costs), statistics.quantiles(costs, n=20)[-1]


def per_thousand_ms(func, items) -> float:
    """The cost of func over 1,000 items, in ms: the median of REPEATS rounds over all."""
    rounds = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for item in items:
            func(item)
        rounds.append((time.perf_counter() - start) * 1000 / len(items) * 1000)
    return statistics.median(rounds)


def main() -> None:
    snap = load_seed_snapshot()
    rng = random.Random(20261125)
    raw = [random_profile(rng, snap) for _ in range(PROFILES)]
    profiles = [parse_profile(p, snap) for p in raw]
    for p in profiles[:200]:  # warm caches the way a long-running worker has them
        evaluate(p, snap)
    engine_median, engine_p95 = median_ms(lambda p: evaluate(p, snap), profiles)
    doc_median, doc_p95 = median_ms(lambda p: results_for(p, snap), profiles)
    parse_median, parse_p95 = median_ms(lambda p: parse_profile(p, snap), raw)
    parse_1000 = per_thousand_ms(lambda p: parse_profile(p, snap), raw)
    stored = [p.data for p in profiles]  # normalised: every default filled in
    stored_1000 = per_thousand_ms(lambda p: parse_profile(p, snap), stored)
    statuses = [r.status for p in profiles for r in evaluate(p, snap)]
    print(
        f"engine benchmark: {PROFILES} varied profiles x {len(snap.certifications)} certifications"
    )
    print(
        f"  evaluate (status, eligible_on, tree)  median {engine_median:.3f} ms"
        f"  p95 {engine_p95:.3f} ms"
    )
    print(
        f"  results_for (+ text, path, jobs)      median {doc_median:.3f} ms  p95 {doc_p95:.3f} ms"
    )
    print(
        f"  parse_profile (validation)            median {parse_median:.3f} ms"
        f"  p95 {parse_p95:.3f} ms"
    )
    print(
        f"  parse_profile per 1,000 profiles      {parse_1000:.1f} ms"
        f"  (normalised, as stored: {stored_1000:.1f} ms)"
    )
    print("  statuses: " + ", ".join(f"{s} {statuses.count(s)}" for s in sorted(set(statuses))))
    verdict = "within" if engine_median <= BUDGET_MS else "OVER"
    print(f"  budget {BUDGET_MS:.1f} ms per profile (evaluate): {verdict}")
    verdict = "within" if doc_median <= DOCUMENT_BUDGET_MS else "OVER"
    print(f"  budget {DOCUMENT_BUDGET_MS:.1f} ms per profile (results_for): {verdict}")


if __name__ == "__main__":
    main()
