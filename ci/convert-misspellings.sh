#!/usr/bin/env bash
# Rebuilds rules/kubernetes/data/misspellings.yaml from Debian's misspell-fixer package
# (BSD-3-Clause; see rules/kubernetes/data/misspellings.NOTICE). Run by hand when refreshing:
#   apt-get download misspell-fixer && dpkg-deb -x misspell-fixer_*.deb x
#   ci/convert-misspellings.sh x/usr/share/misspell-fixer/rules > rules/kubernetes/data/misspellings.yaml
# Keeps the lower-case rules of the default, -R and -V sets (safe.0-2; safe.3 is derived from
# lintian's GPL list and is left out); kep-lint derives the Title and UPPER forms. A rule bounded
# by \b on both sides is a word ("teh the"); one without a closing \b is a stem that starts
# words ("seperat* separat*": "seperately" -> "separately"); others (inside words) are left out.
# Entries that are words (or dictionary variants) in their own right are dropped; a stem that only
# adds letters to its correction ("carefull* careful*") would flag every "carefully", so it
# matches the whole word only.
set -euo pipefail
valid_words='^(cancelation|dependant|heterogenous|cachable|planed)\*? '
# Stems that start real words ("comming" starts "commingled") match the whole word only.
word_only='^(comming)\*'
rules="${1:?usage: $0 DIR-WITH-safe.N.sed}"
version="$(dpkg-query -W -f='${Version}' misspell-fixer 2>/dev/null || echo 0.5-1)"
cat <<HEADER
# Common misspellings and their corrections, one "wrong right" pair a line, for the
# \`misspelling\` check kind ("stem* right*": every word that starts with the stem).
# Converted by ci/convert-misspellings.sh from misspell-fixer ${version} (Debian package
# misspell-fixer, rules safe.0-2.sed), Copyright 2013 Lajos Veres, BSD-3-Clause: see
# misspellings.NOTICE beside this file. Do not edit by hand.
source: "the kubernetes pack's list of common misspellings (from misspell-fixer, BSD-3-Clause)"
values:
HEADER
cat "$rules"/safe.0.sed "$rules"/safe.1.sed "$rules"/safe.2.sed |
  sed -nE -e 's#^s/\\b([a-z]+)\\b/([a-z]+( [a-z]+)*)/g$#\1 \2#p' \
    -e 's#^s/(\\b)?([a-z]+)/([a-z]+)/g$#\2* \3*#p' |
  awk '$1 != $2 && !seen[$1]++' |
  awk '/\*$/ { w = substr($1, 1, length($1) - 1); r = substr($2, 1, length($2) - 1);
                if (index(w, r) == 1) { print w " " r; next } } { print }' |
  sed -E "s/${word_only} ([a-z]+)\*$/\1 \2/" |
  grep -Ev "$valid_words" | LC_ALL=C sort -u | sed 's/^/  - "/; s/$/"/'
