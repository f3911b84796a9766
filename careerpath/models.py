"""The site's own rows: nothing here belongs to a domain (catalog or advising)."""

from django.db import models


class RateCounter(models.Model):
    """A rate limit's count of one address's requests in one window (careerpath/counters.py
    reads and writes these rows in plain SQL)."""

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.BigIntegerField()
    expires = models.FloatField(db_index=True)  # seconds since the epoch

    class Meta:
        db_table = "careerpath_rate_counter"

    def __str__(self) -> str:
        return self.cache_key
