"""The not-self-employed condition: none of the person's work was self-employed. It has no
parameters, so the base Kind's empty `build` is all it needs."""

from .base import Kind

KIND = Kind("not-self-employed", "Not self-employed")
