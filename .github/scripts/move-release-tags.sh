#!/usr/bin/env bash
# On a published release vX.Y.Z, point the moving tags vX and vX.Y at the release's commit and
# push them, so `uses: owner/repo@v1` gets the release. A backport (v1.2.5 after v1.3.0 exists)
# moves only the tags of which it is the newest release (v1.2, not v1).
#
#   usage: move-release-tags.sh vX.Y.Z        (in a clone whose remote is $REMOTE, default origin)
set -euo pipefail
TAG=${1:-}
REMOTE=${REMOTE:-origin}
fail() { echo "::error::$*" >&2; exit 1; }

[[ $TAG =~ ^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] ||
  fail "release tag '$TAG' is not vX.Y.Z (a pre-release moves no tag)"
major=v${BASH_REMATCH[1]}
minor=$major.${BASH_REMATCH[2]}

git fetch --quiet --force "$REMOTE" 'refs/tags/*:refs/tags/*'
commit=$(git rev-parse --verify --quiet "refs/tags/$TAG^{commit}") || fail "tag $TAG is not in $REMOTE"
for file in action.yml dist/index.js; do
  git cat-file -e "$commit:$file" 2>/dev/null || fail "$TAG ($commit) has no $file: the action cannot run from it"
done

# the newest vX.Y.Z release whose name starts with the prefix
newest() {
  git tag -l "$1.*" | grep -E "^${1//./\\.}\\.[0-9]+(\\.[0-9]+)?$" | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' | sort -V | tail -n 1
}

moving=()
for t in "$major" "$minor"; do
  if [ "$(newest "$t")" = "$TAG" ]; then
    moving+=("$t")
  else
    echo "$t stays at $(newest "$t"), newer than $TAG"
  fi
done
[ ${#moving[@]} -gt 0 ] || exit 0
for t in "${moving[@]}"; do git tag --force "$t" "$commit" >/dev/null; done
git push --quiet --atomic --force "$REMOTE" "${moving[@]/#/refs/tags/}"
for t in "${moving[@]}"; do echo "$t → $TAG ($commit)"; done
