#!/bin/sh
# Regenerates the sample changeset files in sync/samples/ (format 3: chain-signed ranges, compressed records)
# with the real commands. sync/samples/v1/ (format 1, unsigned) and sync/samples/v2/ (format 2, a signature
# per change) hold the samples earlier Concords wrote; they are never regenerated.
# Usage (from the repository root, after swift build): sh sync/samples/make-samples.sh
#
# Two replicas built from the built-in seeds, Ana and Bo:
#   01-ana-adds.concord     Ana adds a person, an alias, a summary and a note on seed paragraph 002:1
#   02-bo-edits.concord     Bo (after importing 01) sets the summary and the place (export --for Ana)
#   03-ana-concurrent.concord  Ana, without Bo's edit, sets the summary again: a conflict with Bo's
# Ana and Bo trust each other's keys (concord key, concord trust add); every file is signed.
# Tests/ConcordKitTests/Sync/File/SampleFilesTests.swift imports them into fresh knowledge bases,
# in several orders, and checks what a user would see.
set -eu
concord=${CONCORD:-.build/debug/concord}
out=sync/samples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1
ana="--db $work/ana.db --author Ana"
bo="--db $work/bo.db --author Bo"

$concord add person "Sample Rapporteur" $ana
$concord key $bo >/dev/null
key_of() { $concord key --json $1 | sed 's/.*"public_key":"\([0-9a-f]*\)".*/\1/'; }
$concord trust add Ana "$(key_of "$ana")" $bo
$concord trust add Bo "$(key_of "$bo")" $ana
$concord alias "Sample Rapporteur" "S. Rapporteur" $ana
$concord set "Sample Rapporteur" summary "Added for the sync samples" $ana
$concord note 002:1 "Sample note on a seed paragraph" $ana
$concord export "$out/01-ana-adds.concord" $ana

$concord import "$out/01-ana-adds.concord" $bo
$concord set "Sample Rapporteur" summary "Summary as Bo wrote it" $bo
$concord set "Sample Rapporteur" place "Geneva" $bo
ana_vector=$($concord status --json $ana | sed 's/.*"version_vector":"\([^"]*\)".*/\1/')
$concord export "$out/02-bo-edits.concord" --for "$($concord status --json $ana | sed 's/.*"replica":"\([0-9a-f]*\)".*/\1/')" $bo

$concord set "Sample Rapporteur" summary "Summary as Ana rewrote it" $ana
$concord export "$out/03-ana-concurrent.concord" --since "$ana_vector" $ana
ls -l "$out"/*.concord
