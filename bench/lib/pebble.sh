# shellcheck shell=bash
# A private Pebble + pebble-challtestsrv for the issuance suite. Sourced after common.sh.
#
# start_pebble <dir> starts a fresh pair (nothing carries over: no account, no authorization)
# on free loopback ports, every name resolving to 127.0.0.1, real http-01 validation against
# 127.0.0.1:$HTTP_PORT with PEBBLE_VA_NOSLEEP=1 (no random validation delay),
# PEBBLE_WFE_NONCEREJECT=0 and PEBBLE_AUTHZREUSE=0. It sets ACME_URL, PKI (the CA that signed
# Pebble's HTTPS listener: $PKI/ca.pem), HTTP_PORT and HTTPS_PORT; stop_pebble stops the pair.

PEBBLE_PID="" CHALL_PID="" HTTP_PORT="" HTTPS_PORT="" ACME_URL=""

_make_pebble_pki() {
  [[ -f $PKI/ca.pem ]] && return 0
  mkdir -p "$PKI"
  ( cd "$PKI" || exit
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 \
      -subj "/CN=mdj bench ACME CA" -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign"
    openssl req -newkey rsa:2048 -nodes -keyout listener.key -out listener.csr -subj "/CN=localhost"
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > listener.ext
    openssl x509 -req -in listener.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 \
      -extfile listener.ext -out listener.pem ) >/dev/null 2>&1
}

start_pebble() {  # start_pebble <dir for its config and logs>
  local dir=$1 acme mgmt dns dns_mgmt
  PKI=${PKI:-$WORK/pki}
  _make_pebble_pki
  acme=$(free_port) mgmt=$(free_port) dns=$(free_port) dns_mgmt=$(free_port)
  HTTP_PORT=$(free_port) HTTPS_PORT=$(free_port)
  ACME_URL=https://localhost:$acme/dir
  cat > "$dir/pebble.json" <<EOF
{ "pebble": { "listenAddress": "127.0.0.1:$acme", "managementListenAddress": "127.0.0.1:$mgmt",
  "certificate": "$PKI/listener.pem", "privateKey": "$PKI/listener.key",
  "httpPort": $HTTP_PORT, "tlsPort": $HTTPS_PORT, "ocspResponderURL": "",
  "externalAccountBindingRequired": false } }
EOF
  pebble-challtestsrv -defaultIPv4 127.0.0.1 -defaultIPv6 "" -dns01 "127.0.0.1:$dns" \
    -management "127.0.0.1:$dns_mgmt" -http01 "" -https01 "" -tlsalpn01 "" > "$dir/challtestsrv.log" 2>&1 &
  CHALL_PID=$!
  started "$CHALL_PID"
  PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 PEBBLE_AUTHZREUSE=0 \
    pebble -config "$dir/pebble.json" -dnsserver "127.0.0.1:$dns" > "$dir/pebble.log" 2>&1 &
  PEBBLE_PID=$!
  started "$PEBBLE_PID"
  wait_until 20 curl -sf --cacert "$PKI/ca.pem" "$ACME_URL" || { say "pebble did not come up"; return 1; }
  wait_until 20 curl -sf -o /dev/null -X POST -d '{"ip":"127.0.0.1"}' "http://127.0.0.1:$dns_mgmt/set-default-ipv4" ||
    { say "challtestsrv did not come up"; return 1; }
}

stop_pebble() {
  [[ -z $PEBBLE_PID ]] || stop_pid "$PEBBLE_PID"
  [[ -z $CHALL_PID ]] || stop_pid "$CHALL_PID"
  PEBBLE_PID="" CHALL_PID=""
}
