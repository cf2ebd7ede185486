#!/usr/bin/env bash
# Verifies one version's Ed25519 signature with curl and plain openssl (3.x, for -rawin).
# Usage: docs/verify-version.sh BASE_URL VERSION [HASH]
#   HASH (e.g. the one a notice mail states): check that the signature covers that hash.
# Exit 0 and "Signature Verified Successfully" when it verifies.
set -euo pipefail
base=${1:?usage: verify-version.sh BASE_URL VERSION [HASH]}; n=${2:?version number}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; cd "$work"

# 1. The version and the published keys (compact JSON; one string member read with sed).
curl -fsS -H 'Accept: application/json' "$base/api/v1/versions/$n" > version.json
curl -fsS "$base/.well-known/subprocessor-keys.json" > keys.json
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$2"; }
effective=$(field effectiveAt version.json); hash=${3:-$(field hash version.json)}
kid=$(field keyId version.json); signature=$(field value version.json)
x=$(tr '{' '\n' < keys.json | grep "\"kid\":\"$kid\"" | sed -n 's/.*"x":"\([^"]*\)".*/\1/p')
unb64url() { local s; s=$(printf '%s' "$1" | tr '_-' '/+'); while [ $(( ${#s} % 4 )) -ne 0 ]; do s="$s="; done
             printf '%s' "$s" | openssl base64 -d -A; }

# 2. The raw 32-byte key x as a DER SubjectPublicKeyInfo (prefix 302a300506032b6570032100), then PEM.
{ printf '\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00'; unb64url "$x"; } > key.der
openssl pkey -pubin -inform DER -in key.der -out key.pem

# 3. The signed message, exactly, with no trailing newline; 4. the signature, base64url-decoded.
printf 'subprocessor-list/v1\n%s\n%s\n%s' "$n" "$effective" "$hash" > msg
unb64url "$signature" > sig
openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in msg -sigfile sig
