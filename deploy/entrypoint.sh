#!/bin/sh
# The container's entrypoint: bring the database up to date, then hand over to the command
# (gunicorn, the image's CMD). deploy/prestart.py waits for the database (up to
# DATABASE_WAIT_SECONDS), runs `migrate --noinput` (the rate-limit counters' table is one of
# its) and `createcachetable` (the cache, table careerpath_cache), and loads the seeded catalog with
# `load_catalog` when the catalog is empty, i.e. on the first start; later starts keep the
# editors' changes. Replicas starting together take turns, so migrations run once.
set -eu
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-careerpath.settings}"

python deploy/prestart.py
exec "$@"
