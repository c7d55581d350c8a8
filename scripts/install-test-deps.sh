#!/usr/bin/env bash
# Installs the Debian packages the test suite uses (the npm ones come from
# package-lock.json via `npm ci`). Safe to run again: it installs only what is
# missing. Needs root (or sudo) and Debian's package mirrors.
set -euo pipefail

# package -> why
packages=(
  libxml2-utils   # xmllint: well-formed feeds in tests/helpers/check-site.ts
  python3-vobject # strict iCalendar validation in tests/helpers/check-site.ts
  python3-feedparser # tests/feed-clients.test.ts reads the feeds as feedparser users do
  python3-icalendar  # tests/feed-clients.test.ts reads the calendars with python icalendar
  chromium        # headless browser for accessibility, script and screenshot tests (via playwright-core)
  openjdk-17-jre-headless # runs the Nu Html Checker (npm vnu-jar)
  nginx           # tests/serve.test.ts serves the built site with deploy/nginx.conf on 127.0.0.1
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Debian test packages present: ${packages[*]}"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The tests start their own nginx on a loopback port; the system service the
# package may have just started on port 80 is not needed, so stop and disable it.
if [[ " ${missing[*]} " == *" nginx "* ]] && command -v systemctl >/dev/null && systemctl is-active --quiet nginx 2>/dev/null; then
  $sudo systemctl disable --now nginx
fi
