"""The catalog's breadth (issue #16): the certifications of SPEC §3b.

scenarios_3b.py holds worked cases derived by hand from the rules (not by running the engine);
the tests that run them against the engine come with the certifications themselves.
"""
