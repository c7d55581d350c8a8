#!/usr/bin/env bash
# Publishes a built site to a web server's folder with no moment at which a
# reader can get a missing or half-copied site:
#
#   TARGET/releases/<time>/   one complete copy per publish (the newest KEEP kept)
#   TARGET/current            symlink to the live release; nginx's `root` is TARGET/current
#
# The copy goes into a temporary name first; the switch is one rename(2) of a
# symlink over `current`, which is atomic. (Renaming `_site/` itself, as
# `npm run build` does, leaves a gap of microseconds between moving the old
# folder away and the new one in; under steady traffic a request now and then
# lands in it and gets a 404.)
#
# Usage: deploy/publish.sh [SITE] [TARGET]     defaults: _site /var/www/status
#        KEEP=5 to change how many releases are kept (rollback: point `current`
#        at an older one the same way).
# Run it on the server after `npm run build`, or on the server after copying a
# CI-built `_site/` to it (e.g. `rsync -a --delete _site/ vm:/var/www/status/incoming/`
# then `deploy/publish.sh /var/www/status/incoming`).
set -euo pipefail

site=${1:-_site}
target=${2:-/var/www/status}
keep=${KEEP:-5}

if [ ! -f "$site/index.html" ] || [ ! -f "$site/404.html" ]; then
  echo "publish: $site does not look like a built site (no index.html or 404.html); run npm run build" >&2
  exit 1
fi
case $keep in '' | *[!0-9]* | 0) echo "publish: KEEP must be a whole number of at least 1" >&2; exit 1 ;; esac

mkdir -p "$target/releases"
if [ -e "$target/current" ] && [ ! -L "$target/current" ]; then
  echo "publish: $target/current exists and is not a symlink; move it away first" >&2
  exit 1
fi

name="$(date -u +%Y%m%dT%H%M%S.%NZ)"
release="$target/releases/$name"
# Copy under a temporary name: a copy cut short never carries a release name.
rm -rf "$release.partial"
cp -R "$site/." "$release.partial"
chmod -R a+rX "$release.partial"
mv "$release.partial" "$release"

# The switch: a new symlink renamed over the old one (mv -T: rename(2), atomic).
ln -s "releases/$name" "$target/current.new-$$"
mv -T "$target/current.new-$$" "$target/current"
echo "publish: $target/current -> releases/$name"

# Keep the newest $keep releases (the live one always among them); drop abandoned partial copies.
live=$(readlink "$target/current")
find "$target/releases" -mindepth 1 -maxdepth 1 -type d -name '*.partial' ! -name "$name.partial" -exec rm -rf {} +
find "$target/releases" -mindepth 1 -maxdepth 1 -type d ! -name '*.partial' -printf '%f\n' | sort -r | tail -n +"$((keep + 1))" |
  while read -r old; do
    [ "releases/$old" = "$live" ] || rm -rf "${target:?}/releases/$old"
  done
