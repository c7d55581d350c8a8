#!/bin/sh
# Keeps `npm run notify`'s state file on a branch of the site's repository
# (default `notify-state`), so CI runs share it and a cache eviction cannot
# lose it (docs/notify.md).
#
#   deploy/notify-state.sh load [REMOTE]   before `npm run notify`
#   deploy/notify-state.sh save [REMOTE]   after it, also when it failed
#
# `save` commits the file on top of the commit `load` fetched and pushes
# without force: if another run pushed in between, the push is rejected (a
# compare-and-swap) and this exits 1, saying so. Serialize the runs (GitHub
# `concurrency`, GitLab `resource_group`) so that this never happens.
set -eu
action=${1:?usage: deploy/notify-state.sh load|save [REMOTE]}
remote=${2:-origin}
branch=${NOTIFY_STATE_BRANCH:-notify-state}
file=${NOTIFY_STATE_FILE:-.noticeboard/notify-state.json}
base="$file.base"

case $action in
load)
  mkdir -p "$(dirname "$file")"
  if git fetch -q --depth=1 "$remote" "refs/heads/$branch" 2>/dev/null; then
    git rev-parse FETCH_HEAD >"$base"
    git show FETCH_HEAD:notify-state.json >"$file"
    echo "notify state loaded from $branch ($(cut -c1-12 "$base"))"
  else
    : >"$base"
    echo "no $branch branch yet: the first notify run records a baseline"
  fi
  ;;
save)
  if [ ! -f "$file" ]; then echo "no notify state to save"; exit 0; fi
  parent=$(cat "$base" 2>/dev/null || true)
  if [ -n "$parent" ] && [ "$(git rev-parse "$parent:notify-state.json")" = "$(git hash-object "$file")" ]; then
    echo "notify state unchanged"
    exit 0
  fi
  blob=$(git hash-object -w "$file")
  tree=$(printf '100644 blob %s\tnotify-state.json\n' "$blob" | git mktree)
  export GIT_AUTHOR_NAME=noticeboard GIT_AUTHOR_EMAIL=noticeboard@localhost
  export GIT_COMMITTER_NAME=noticeboard GIT_COMMITTER_EMAIL=noticeboard@localhost
  commit=$(git commit-tree "$tree" ${parent:+-p "$parent"} -m "notify state")
  if ! git push -q "$remote" "$commit:refs/heads/$branch"; then
    echo "the push of $branch was rejected: another notify run saved its state first; check that runs are serialized" >&2
    exit 1
  fi
  echo "$commit" >"$base"
  echo "notify state saved to $branch"
  ;;
*)
  echo "usage: deploy/notify-state.sh load|save [REMOTE]" >&2
  exit 2
  ;;
esac
