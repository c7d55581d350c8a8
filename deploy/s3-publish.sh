#!/usr/bin/env bash
# Uploads a built site to an S3 bucket (served through a CDN, see the README)
# with the Content-Type and Cache-Control each kind of file needs: S3 stores
# both per object and serves them as set; the CDN passes them on.
#
# Order: fingerprinted assets first, then feeds, calendars and the API, pages
# last, and only then are objects the new site no longer has deleted. So a page
# never names a stylesheet that is not there yet.
#
# Usage: deploy/s3-publish.sh BUCKET [SITE]        (SITE defaults to _site)
# Needs the AWS CLI v2 and credentials allowed to s3:PutObject, s3:ListBucket
# and s3:DeleteObject on the bucket.
set -euo pipefail

bucket=${1:?usage: deploy/s3-publish.sh BUCKET [SITE]}
site=${2:-_site}
if [ ! -f "$site/index.html" ] || [ ! -f "$site/404.html" ]; then
  echo "s3-publish: $site does not look like a built site; run npm run build" >&2
  exit 1
fi

short='public, max-age=60, must-revalidate'
long='public, max-age=31536000, immutable'
hash='??????????' # fingerprints are 10 hex digits (src/eleventy/fingerprint.ts)

# put TYPE CACHE-CONTROL FILTER...: upload the files the filters select.
put() {
  local type=$1 cache=$2
  shift 2
  aws s3 cp "$site/" "s3://$bucket/" --recursive --only-show-errors \
    --exclude '*' "$@" --content-type "$type" --cache-control "$cache"
}

put 'text/css; charset=utf-8'              "$long"  --include "*.$hash.css"
put 'text/javascript; charset=utf-8'       "$long"  --include "*.$hash.js"
put 'text/css; charset=utf-8'              "$short" --include '*.css' --exclude "*.$hash.css"
put 'text/javascript; charset=utf-8'       "$short" --include '*.js' --exclude "*.$hash.js"
put 'application/rss+xml; charset=utf-8'   "$short" --include 'feed.xml' --include '*/feed.xml'
put 'application/atom+xml; charset=utf-8'  "$short" --include 'atom.xml' --include '*/atom.xml'
put 'application/feed+json; charset=utf-8' "$short" --include 'feed.json' --include '*/feed.json'
put 'text/calendar; charset=utf-8'         "$short" --include '*.ics'
put 'image/svg+xml; charset=utf-8'         "$short" --include '*.svg'
put 'application/json; charset=utf-8'      "$short" --include '*.json' --exclude 'feed.json' --exclude '*/feed.json'
put 'text/html; charset=utf-8'             "$short" --include '*.html'

# Anything else (images, ...) with types guessed from the extension; objects
# just uploaded are newer than their files, so sync leaves them alone. Then
# delete what the new site no longer has. `_headers` is for Netlify and
# Cloudflare Pages (docs/deploying.md): not uploaded.
aws s3 sync "$site/" "s3://$bucket/" --only-show-errors --delete --cache-control "$short" --exclude _headers
echo "s3-publish: $site -> s3://$bucket/"
