"""Saved plans: a private link that reopens a self-assessment later without an account."""

import hashlib
import secrets

from .models import SavedPlan

PROFILE_SESSION_KEY = "assessment_profile"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def save_plan(*, profile: dict) -> str:
    """Store the profile; return the token for the private link (shown once, never stored)."""
    token = secrets.token_urlsafe(32)
    SavedPlan.objects.create(token_hash=_hash(token), profile=profile)
    return token


def find_plan(token: str) -> SavedPlan | None:
    if not token or len(token) > 100:
        return None
    return SavedPlan.objects.filter(token_hash=_hash(token)).first()


def delete_plan(token: str) -> bool:
    deleted, _ = SavedPlan.objects.filter(token_hash=_hash(token)).delete()
    return bool(deleted)
