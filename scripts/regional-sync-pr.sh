#!/usr/bin/env bash
# The weekly regional sync (.github/workflows/regional-sync.yml), runnable by hand: sync the newest release of
# the regional core (or the one given) and, when the manual's copy changed, put it on one branch and open or
# update one pull request whose description is the sync's summary: chapters added, changed and withdrawn,
# and the local additions whose chapters changed, for their owners to check before it is merged.
# A release that would give the manual problems is not synced: the sync fails naming them, and nothing is pushed.
# Needs a git remote "origin" and an authenticated `gh`; MANUAL names the command (default .venv/bin/manual);
# BUILD, when set, is run on the synced manual before anything is pushed (the workflow's strict build).
set -euo pipefail

release="${1:-}"
branch="${REGIONAL_SYNC_BRANCH:-regional-sync}"
manual="${MANUAL:-.venv/bin/manual}"

args=()
if [ -n "$release" ]; then args+=(--release "$release"); fi
summary="$(mktemp)"
trap 'rm -f "$summary" "$summary.body"' EXIT
"$manual" sync-regional "${args[@]}" >"$summary"
cat "$summary"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$summary" >>"$GITHUB_STEP_SUMMARY"; fi

if [ -z "$(git status --porcelain -- regional regional.lock.yml)" ]; then
  echo "Nothing to propose: the manual already has this regional release."
  exit 0
fi

if [ -n "${BUILD:-}" ]; then bash -c "$BUILD"; fi

synced="$(sed -n 's/^# Regional core: release \([^ ]*\).*/\1/p' "$summary" | head -n 1)"
title="Regional core release $synced"
{
  cat "$summary"
  echo
  echo "Opened by the weekly regional sync. Before merging, the owner of each local addition listed above"
  echo "checks that it still fits the new regional text, edits it if not, and sets its \`checked:\` date."
  echo "Regional chapters are the region's: change them in the regional core, never in \`regional/\`."
} >"$summary.body"

git switch --quiet -C "$branch"
git add -- regional regional.lock.yml
git -c user.name="${GIT_AUTHOR_NAME:-github-actions[bot]}" \
  -c user.email="${GIT_AUTHOR_EMAIL:-41898282+github-actions[bot]@users.noreply.github.com}" \
  commit --quiet -m "Sync the regional core: release $synced"
git push --quiet --force origin "$branch"

open="$(gh pr list --head "$branch" --state open --json number --jq '.[0].number // empty')"
if [ -n "$open" ]; then
  gh pr edit "$open" --title "$title" --body-file "$summary.body"
  echo "Updated pull request #$open: $title"
else
  gh pr create --head "$branch" --title "$title" --body-file "$summary.body"
  echo "Opened a pull request: $title"
fi
