#!/usr/bin/env bash
# OpenSSL interop through the fintechcrypto command (cli.md, "Signatures"), both directions per algorithm:
#   1. fintechcrypto keygen + sign, openssl verifies (and rejects a changed message);
#   2. openssl genpkey + sign, fintechcrypto verifies (and says valid:false for a changed message);
#   3. fintechcrypto signs with OpenSSL's key, openssl verifies.
# Ed25519 keys are raw on the command line (RFC 8032) and wrapped into RFC 8410 DER for OpenSSL; ECDSA signatures
# are IEEE P1363 r||s on the command line and X9.62 DER for OpenSSL; RSA-PSS uses MGF1-SHA-256 and a 32-byte salt.
#
# Usage: tests/interop/openssl-interop.sh
#   FINTECHCRYPTO="fintechcrypto" tests/interop/openssl-interop.sh   # use an installed tool instead of the repo build
# Exits non-zero on the first mismatch. Needs bash, openssl (3.x), xxd, awk, sed.

set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ -z "${FINTECHCRYPTO:-}" ]]; then
    dotnet build -c Release "$repo/src/Crypto.Cli" -nologo -v quiet >/dev/null
    FINTECHCRYPTO="dotnet run -c Release --no-build --project $repo/src/Crypto.Cli --"
fi
command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 2; }
command -v xxd >/dev/null || { echo "xxd is required" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*" >&2; }

fc() { $FINTECHCRYPTO "$@" 2>/dev/null; }
field() { sed -n "s/.*\"$1\":\"\\([0-9a-f]*\\)\".*/\\1/p"; }
unhex() { xxd -r -p; }
tohex() { xxd -p | tr -d '\n'; }

printf '%s' '<Document><FIToFICstmrCdtTrf><GrpHdr><MsgId>OPENSSL-INTEROP-1</MsgId></GrpHdr><IntrBkSttlmAmt Ccy="EUR">42.00</IntrBkSttlmAmt></FIToFICstmrCdtTrf></Document>' > msg.bin
printf '%s' '<Document><FIToFICstmrCdtTrf><GrpHdr><MsgId>OPENSSL-INTEROP-1</MsgId></GrpHdr><IntrBkSttlmAmt Ccy="EUR">42000.00</IntrBkSttlmAmt></FIToFICstmrCdtTrf></Document>' > tampered.bin
msg="$(tohex < msg.bin)"
tampered="$(tohex < tampered.bin)"

# IEEE P1363 r||s (hex) -> DER Ecdsa-Sig-Value file, via openssl asn1parse -genconf.
p1363_to_der() {
    local sig="$1" out="$2"
    printf 'asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x%s\ns=INTEGER:0x%s\n' "${sig:0:64}" "${sig:64:64}" > sig.cnf
    openssl asn1parse -genconf sig.cnf -out "$out" -noout >/dev/null
}
# DER Ecdsa-Sig-Value file -> IEEE P1363 r||s (hex), each integer left-padded to 32 bytes.
der_to_p1363() {
    openssl asn1parse -inform DER -in "$1" | awk -F: '/INTEGER/ { v = tolower($NF); while (length(v) < 64) v = "0" v; printf "%s", substr(v, length(v) - 63) }'
}

# openssl verify commands per algorithm family: verify_<family> PUBKEY.pem MESSAGE SIGFILE
verify_ed25519() { openssl pkeyutl -verify -pubin -inkey "$1" -rawin -in "$2" -sigfile "$3" >/dev/null 2>&1; }
verify_ecdsa() { openssl dgst -sha256 -verify "$1" -signature "$3" "$2" >/dev/null 2>&1; }
verify_rsapss() {
    openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -sigopt rsa_mgf1_md:sha256 \
        -verify "$1" -signature "$3" "$2" >/dev/null 2>&1
}

check_openssl_verifies() { # NAME FAMILY PUB.pem SIGFILE
    if "verify_$2" "$3" msg.bin "$4"; then pass "$1: openssl verifies"; else fail "$1: openssl rejects a valid signature"; fi
    if "verify_$2" "$3" tampered.bin "$4"; then fail "$1: openssl accepts a changed message"; else pass "$1: openssl rejects a changed message"; fi
}
check_fc_verifies() { # NAME ALG PK-HEX SIG-HEX
    local ok bad
    ok="$(fc sign verify --alg "$2" --pk "$3" --msg "$msg" --sig "$4" || true)"
    bad="$(fc sign verify --alg "$2" --pk "$3" --msg "$tampered" --sig "$4" || true)"
    [[ "$ok" == '{"valid":true}' ]] && pass "$1: fintechcrypto verifies" || fail "$1: fintechcrypto said $ok"
    [[ "$bad" == '{"valid":false}' ]] && pass "$1: fintechcrypto rejects a changed message" || fail "$1: fintechcrypto said $bad for a changed message"
}

ED_SPKI_PREFIX=302a300506032b6570032100          # RFC 8410 SubjectPublicKeyInfo for Ed25519, then 32 bytes
ED_PKCS8_PREFIX=302e020100300506032b657004220420 # RFC 8410 OneAsymmetricKey v1 for Ed25519, then 32 bytes

# ---------------- Ed25519 ----------------
name="Ed25519 fintechcrypto->openssl"
keys="$(fc sign keygen --alg Ed25519)"
pk="$(field publicKey <<< "$keys")"; sk="$(field privateKey <<< "$keys")"
echo "$ED_SPKI_PREFIX$pk" | unhex | openssl pkey -pubin -inform DER -out pub.pem
sig="$(fc sign sign --alg Ed25519 --sk "$sk" --msg "$msg" | field signature)"
echo "$sig" | unhex > sig.bin
check_openssl_verifies "$name" ed25519 pub.pem sig.bin
echo "$ED_PKCS8_PREFIX$sk" | unhex | openssl pkey -inform DER -out key.pem
openssl pkeyutl -sign -inkey key.pem -rawin -in msg.bin -out ossl.bin
[[ "$(tohex < ossl.bin)" == "$sig" ]] && pass "$name: same deterministic signature as openssl" || fail "$name: signatures differ from openssl's"

name="Ed25519 openssl->fintechcrypto"
openssl genpkey -algorithm ed25519 -out key.pem
openssl pkey -in key.pem -pubout -outform DER -out pub.der
openssl pkcs8 -topk8 -nocrypt -in key.pem -outform DER -out key.der
pk="$(tail -c 32 pub.der | tohex)"; sk="$(tail -c 32 key.der | tohex)"
openssl pkeyutl -sign -inkey key.pem -rawin -in msg.bin -out sig.bin
check_fc_verifies "$name" Ed25519 "$pk" "$(tohex < sig.bin)"
[[ "$(fc sign sign --alg Ed25519 --sk "$sk" --msg "$msg" | field signature)" == "$(tohex < sig.bin)" ]] \
    && pass "$name: fintechcrypto reproduces openssl's signature" || fail "$name: fintechcrypto's signature differs"

# ---------------- ECDSA P-256 SHA-256 ----------------
name="ECDSA-P256-SHA256 fintechcrypto->openssl"
keys="$(fc sign keygen --alg ECDSA-P256-SHA256)"
echo "$(field publicKey <<< "$keys")" | unhex | openssl pkey -pubin -inform DER -out pub.pem
sk="$(field privateKey <<< "$keys")"
for mode in "" "--deterministic"; do
    sig="$(fc sign sign --alg ECDSA-P256-SHA256 --sk "$sk" --msg "$msg" $mode | field signature)"
    p1363_to_der "$sig" sig.der
    check_openssl_verifies "$name ${mode:-randomized}" ecdsa pub.pem sig.der
done

name="ECDSA-P256-SHA256 openssl->fintechcrypto"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem
openssl pkey -in key.pem -pubout -out pub.pem
pk="$(openssl pkey -pubin -in pub.pem -outform DER | tohex)"
openssl dgst -sha256 -sign key.pem -out sig.der msg.bin
check_fc_verifies "$name" ECDSA-P256-SHA256 "$pk" "$(der_to_p1363 sig.der)"
sk="$(openssl pkcs8 -topk8 -nocrypt -in key.pem -outform DER | tohex)"
p1363_to_der "$(fc sign sign --alg ECDSA-P256-SHA256 --sk "$sk" --msg "$msg" | field signature)" lib.der
check_openssl_verifies "$name (openssl key, fintechcrypto signs)" ecdsa pub.pem lib.der

# ---------------- RSA-PSS SHA-256 ----------------
for bits in 2048 3072; do
    alg="RSA-PSS-$bits-SHA256"
    name="$alg fintechcrypto->openssl"
    keys="$(fc sign keygen --alg "$alg")"
    echo "$(field publicKey <<< "$keys")" | unhex | openssl pkey -pubin -inform DER -out pub.pem
    fc sign sign --alg "$alg" --sk "$(field privateKey <<< "$keys")" --msg "$msg" | field signature | unhex > sig.bin
    check_openssl_verifies "$name" rsapss pub.pem sig.bin

    for keytype in RSA RSA-PSS; do
        name="$alg openssl($keytype key)->fintechcrypto"
        openssl genpkey -algorithm "$keytype" -pkeyopt "rsa_keygen_bits:$bits" -out key.pem 2>/dev/null
        openssl pkey -in key.pem -pubout -out pub.pem
        pk="$(openssl pkey -pubin -in pub.pem -outform DER | tohex)"
        openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -sigopt rsa_mgf1_md:sha256 \
            -sign key.pem -out sig.bin msg.bin
        check_fc_verifies "$name" "$alg" "$pk" "$(tohex < sig.bin)"
        sk="$(openssl pkcs8 -topk8 -nocrypt -in key.pem -outform DER | tohex)"
        fc sign sign --alg "$alg" --sk "$sk" --msg "$msg" | field signature | unhex > lib.bin
        check_openssl_verifies "$name (openssl key, fintechcrypto signs)" rsapss pub.pem lib.bin
    done
done

if (( failures > 0 )); then
    echo "openssl interop: $failures FAILED" >&2
    exit 1
fi
echo "openssl interop: all checks passed" >&2
