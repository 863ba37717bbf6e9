#!/usr/bin/env bash
# Builds the Linux .deb, unpacks it into a temporary root (dpkg -x: no root, no system change)
# and checks the installed app the way a user meets it:
#   package   size under 200 MB, declared dependencies, desktop entry, icon, .ssae association
#   version   the installed launcher's --version prints "SSAE Inspector <version>"
#   window    the launcher opens the main window under Xvfb (offline, fresh home folder)
#   engine    the installed engine loads the sample model and scores a sample image
#             (skipped with a message while sample-images/ has no .ssae model)
#   spark     no Spark in the app; spark-score says in one line how to get it
# Every run of the app has no network (unshare -n where allowed) and a fresh HOME, so it also
# shows that nothing is downloaded and that the natives land in ~/.ssae-inspector/djl.
#
# Usage: jpackage/linux/check-installed.sh [--no-build] [--deb FILE] [--app-image DIR] [--system-install]
#   --no-build        use the .deb already in target/installer
#   --deb FILE        check this .deb
#   --app-image DIR   check an app-image folder instead of a package (skips the package checks)
#   --system-install  also install the .deb for real (apt-get, as root: runs its maintainer
#                     scripts), check the menu entry, the .ssae association and
#                     /usr/bin/ssae-inspector, then remove it again. Changes the machine: CI only.
# Exits 0 when every check passed, 1 otherwise; each failure is printed as "FAIL: ...".
set -uo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)

BUILD=1
SYSTEM_INSTALL=0
DEB=""
APP_IMAGE=""
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) BUILD=0 ;;
        --deb) DEB=$(realpath "$2"); BUILD=0; shift ;;
        --app-image) APP_IMAGE=$(realpath "$2"); BUILD=0; shift ;;
        --system-install) SYSTEM_INSTALL=1 ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

# Paths given on the command line are relative to where the script was started; the rest to
# the repository.
cd "$REPO" || exit 1

MAX_DEB_BYTES=$((200 * 1024 * 1024))
WINDOW_TIMEOUT_S=${WINDOW_TIMEOUT_S:-120}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ssae-installer-check.XXXXXX")
FAILURES=()
APP_PID=""

cleanup() {
    if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; FAILURES+=("$*"); }
pass() { echo "ok:   $*"; }
skip() { echo "SKIP: $*"; }
section() { echo; echo "== $*"; }

# --- tools ---------------------------------------------------------------------------------
section "tools"
need=()
command -v xvfb-run >/dev/null || need+=(xvfb)
command -v xauth >/dev/null || need+=(xauth)
command -v xdotool >/dev/null || need+=(xdotool)
command -v xwininfo >/dev/null || need+=(x11-utils)
ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0' || need+=(libgtk-3-0)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null; }; then
        fail "could not install ${need[*]} with apt-get"
        exit 1
    fi
fi
# Runs the app without network where the kernel lets us (root, or unprivileged user namespaces).
OFFLINE=()
if unshare -n true 2>/dev/null; then
    OFFLINE=(unshare -n)
    pass "app runs without network (unshare -n)"
elif unshare -r -n true 2>/dev/null; then
    OFFLINE=(unshare -r -n)
    pass "app runs without network (unshare -r -n)"
else
    skip "cannot cut the network here (unshare not permitted); offline mode is still on"
fi

# --- build ---------------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
    section "build: mvn -B -Pinstaller package -DskipTests"
    start=$(date +%s)
    if ! mvn -B -q -Pinstaller package -DskipTests > "$WORK/build.log" 2>&1; then
        tail -40 "$WORK/build.log"
        fail "installer build failed (mvn -B -Pinstaller package -DskipTests)"
        exit 1
    fi
    pass "built in $(( $(date +%s) - start )) s"
fi

# --- package -------------------------------------------------------------------------------
if [ -z "$APP_IMAGE" ]; then
    section "package"
    if [ -z "$DEB" ]; then
        DEB=$(ls -t target/installer/*.deb 2>/dev/null | head -1)
    fi
    if [ -z "$DEB" ] || [ ! -f "$DEB" ]; then
        fail "no .deb found (target/installer/*.deb)"
        exit 1
    fi
    bytes=$(stat -c %s "$DEB")
    echo "package: $DEB ($((bytes / 1024 / 1024)) MiB)"
    if [ "$bytes" -lt "$MAX_DEB_BYTES" ]; then pass ".deb is under 200 MiB"; else fail ".deb is $((bytes / 1024 / 1024)) MiB, over 200 MiB"; fi

    depends=$(dpkg-deb -f "$DEB" Depends)
    for dep in libgtk-3-0 libgl1 xdg-utils; do
        if grep -qE "(^|[ ,])$dep([ ,]|$)" <<< "$depends"; then pass "depends on $dep"; else fail "Depends lacks $dep: $depends"; fi
    done

    ROOT="$WORK/root"
    mkdir -p "$ROOT"
    if ! dpkg -x "$DEB" "$ROOT"; then fail "dpkg -x $DEB failed"; exit 1; fi
    pkg=$(dpkg-deb -f "$DEB" Package)
    APP_IMAGE="$ROOT/opt/$pkg"
    [ -d "$APP_IMAGE" ] || { fail "package does not install to /opt/$pkg"; exit 1; }
    echo "installed size: $(du -sm "$APP_IMAGE" | cut -f1) MiB in /opt/$pkg"

    desktop=$(ls "$APP_IMAGE"/lib/*.desktop 2>/dev/null | head -1)
    if [ -z "$desktop" ]; then
        fail "no desktop entry in /opt/$pkg/lib"
    else
        grep -qx 'Name=SSAE Inspector' "$desktop" && pass "desktop entry is named SSAE Inspector" || fail "desktop entry name: $(grep '^Name=' "$desktop")"
        grep -qE "^Exec=/opt/$pkg/bin/$pkg %[fF]$" "$desktop" && pass "desktop entry passes the opened file to the launcher" || fail "desktop Exec line: $(grep '^Exec=' "$desktop")"
        grep -qx 'MimeType=application/x-ssae-model;' "$desktop" && pass "desktop entry handles application/x-ssae-model" || fail "desktop MimeType line: $(grep '^MimeType=' "$desktop")"
        icon=$(sed -n 's/^Icon=//p' "$desktop")
        if [ -n "$icon" ] && [ -s "$ROOT$icon" ]; then pass "desktop icon $icon is installed"; else fail "desktop icon missing: '$icon'"; fi
        if command -v desktop-file-validate >/dev/null; then
            desktop-file-validate "$desktop" && pass "desktop-file-validate" || fail "desktop-file-validate $desktop"
        fi
    fi
    mimexml=$(ls "$APP_IMAGE"/lib/*MimeInfo.xml 2>/dev/null | head -1)
    if [ -n "$mimexml" ] && grep -q 'glob pattern="\*.ssae"' "$mimexml"; then pass "*.ssae files are declared as application/x-ssae-model"; else fail "no *.ssae mime declaration"; fi
    scripts="$WORK/control"
    dpkg-deb -e "$DEB" "$scripts"
    grep -q "xdg-desktop-menu install" "$scripts/postinst" && pass "postinst installs the menu entry" || fail "postinst does not install the desktop entry"
    grep -q "/usr/bin/$pkg" "$scripts/postinst" && pass "postinst links /usr/bin/$pkg" || fail "postinst does not link /usr/bin/$pkg"
fi

LAUNCHER=$(ls "$APP_IMAGE"/bin/* 2>/dev/null | head -1)
APPDIR="$APP_IMAGE/lib/app"
[ -x "$LAUNCHER" ] || { fail "no launcher in $APP_IMAGE/bin"; exit 1; }
echo "launcher: $LAUNCHER"

# Each run: fresh home, no network, no DJL settings from the caller. Java takes user.home from
# the password database, not from $HOME, hence the -Duser.home (the JVM notes it on stderr).
export HOME="$WORK/home"
mkdir -p "$HOME"
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
unset DJL_CACHE_DIR ENGINE_CACHE_DIR DJL_OFFLINE PYTORCH_LIBRARY_PATH PYTORCH_VERSION PYTORCH_FLAVOR
run_app() { "${OFFLINE[@]}" "$@"; }

# --- version -------------------------------------------------------------------------------
section "version"
expected_version=$(sed -n 's/^java-options=-Djpackage.app-version=//p' "$APPDIR"/*.cfg | head -1)
version_out=$(run_app "$LAUNCHER" --version 2>"$WORK/version.err")
if [ "$version_out" = "SSAE Inspector $expected_version" ]; then
    pass "--version prints '$version_out'"
else
    cat "$WORK/version.err"
    fail "--version printed '$version_out', expected 'SSAE Inspector $expected_version'"
fi

# --- sample images and model -------------------------------------------------------------
section "sample images"
MODEL=""
IMAGE=""
if [ -d "$REPO/sample-images" ]; then
    if [ -d "$APPDIR/sample-images" ]; then
        pass "sample images installed in $(sed "s|^$WORK/root||" <<< "$APPDIR")/sample-images"
        MODEL=$(find "$APPDIR/sample-images" -name '*.ssae' | sort | head -1)
        # An image the model is meant for: <name>/test/... next to <name>.ssae, else any test image.
        images() { find "$1" -type f -path '*/test/*' \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.bmp' -o -iname '*.tif' -o -iname '*.tiff' \) 2>/dev/null | sort; }
        [ -n "$MODEL" ] && IMAGE=$(images "$APPDIR/sample-images/$(basename "$MODEL" .ssae)" | grep -v '/good/' | head -1)
        [ -z "$IMAGE" ] && IMAGE=$(images "$APPDIR/sample-images" | head -1)
    else
        fail "sample-images/ exists in the repository but not in the installed app ($APPDIR/sample-images)"
    fi
else
    skip "the repository has no sample-images/ yet"
fi

# --- window --------------------------------------------------------------------------------
section "window (Xvfb)"
# Opening a model the way the desktop entry does (path as the argument) when there is one.
window_args=()
[ -n "$MODEL" ] && window_args=("$MODEL")
cat > "$WORK/window.sh" <<'EOF'
#!/usr/bin/env bash
# Runs inside xvfb-run: start the app, wait for a visible "SSAE Inspector" window.
log=$1; timeout=$2; shift 2
"$@" > "$log" 2>&1 &
pid=$!
for _ in $(seq 1 "$timeout"); do
    if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid"; echo "app exited with status $? before showing a window"; exit 1
    fi
    win=$(xdotool search --onlyvisible --name 'SSAE Inspector' 2>/dev/null | head -1)
    if [ -n "$win" ]; then
        echo "window '$(xdotool getwindowname "$win")' $(xwininfo -id "$win" | awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w "x" h}')"
        sleep 2
        kill -0 "$pid" 2>/dev/null || { echo "app died right after showing its window"; exit 1; }
        kill "$pid"; wait "$pid" 2>/dev/null
        exit 0
    fi
    sleep 1
done
echo "no visible 'SSAE Inspector' window after $timeout s"
xwininfo -root -tree | grep -E '^ +0x' | head -20
kill "$pid" 2>/dev/null
exit 1
EOF
chmod +x "$WORK/window.sh"
start=$(date +%s)
if window_out=$(run_app xvfb-run -a -s "-screen 0 1600x1000x24" "$WORK/window.sh" "$WORK/window.log" "$WINDOW_TIMEOUT_S" "$LAUNCHER" "${window_args[@]}" 2>&1); then
    pass "main window shown after $(( $(date +%s) - start )) s: $window_out"
else
    echo "$window_out"
    echo "--- app output (last 30 lines):"
    tail -30 "$WORK/window.log" 2>/dev/null
    fail "the installed app did not show its main window${window_args:+ (opening ${window_args[0]##*/})}"
fi

# --- engine --------------------------------------------------------------------------------
section "engine"
if [ -z "$MODEL" ]; then
    skip "no .ssae model in sample-images/ yet: the installed engine's scoring check is skipped"
elif [ -z "$IMAGE" ]; then
    fail "sample-images/ has a model but no image to score"
elif ! run_app "$LAUNCHER" --help 2>&1 | grep -qE '^\s+score\b'; then
    fail "the installed launcher has no 'score' command"
else
    csv="$WORK/scores.csv"
    start=$(date +%s)
    if run_app "$LAUNCHER" score --model "$MODEL" --csv "$csv" "$IMAGE" > "$WORK/score.log" 2>&1; then
        rows=$(($(wc -l < "$csv") - 1))
        if [ -s "$csv" ] && [ "$rows" -ge 1 ] && grep -qF "${IMAGE##*/}" "$csv"; then
            pass "scored ${IMAGE##*/} with ${MODEL##*/} in $(( $(date +%s) - start )) s ($rows row(s) in the CSV)"
        else
            fail "score wrote no row for ${IMAGE##*/}: $(head -3 "$csv" 2>/dev/null)"
        fi
    else
        tail -20 "$WORK/score.log"
        fail "'score --model ${MODEL##*/} --csv ... ${IMAGE##*/}' failed"
    fi
    if [ -d "$HOME/.ssae-inspector/djl" ]; then
        pass "PyTorch natives unpacked per user in ~/.ssae-inspector/djl ($(du -sm "$HOME/.ssae-inspector/djl" | cut -f1) MiB)"
    else
        fail "no ~/.ssae-inspector/djl after scoring (natives went elsewhere)"
    fi
    [ -e "$HOME/.djl.ai" ] && fail "DJL also wrote ~/.djl.ai"
fi

# --- Spark left out (issue 14) ---------------------------------------------------------------
section "spark left out"
spark_jars=$(find "$APP_IMAGE" -name 'spark-*.jar' -o -name 'scala-library-*.jar' -o -name 'hadoop-client-*.jar' | head -3)
if [ -z "$spark_jars" ]; then pass "no Spark, Scala or Hadoop jar in the app"; else fail "the app ships Spark: $spark_jars"; fi
spark_err=$(run_app "$LAUNCHER" spark-score --model m.ssae --out "$WORK/spark-out" x.png 2>&1 >/dev/null)
spark_code=$?
spark_err=$(grep -v '^Picked up JAVA_TOOL_OPTIONS' <<< "$spark_err") # the JVM's notice of this script's own setting
if [ "$spark_code" = 2 ] && [ "$(printf '%s\n' "$spark_err" | wc -l)" = 1 ] && [[ "$spark_err" == "error: spark-score needs Apache Spark"* ]]; then
    pass "spark-score says in one line how to get Spark"
else
    fail "spark-score without Spark: exit $spark_code, '$spark_err'"
fi

# --- system install (opt-in) -------------------------------------------------------------
if [ "$SYSTEM_INSTALL" = 1 ]; then
    section "system install"
    if [ -z "${pkg:-}" ]; then
        fail "--system-install needs a .deb (not --app-image)"
    elif [ "$(id -u)" -ne 0 ]; then
        fail "--system-install must run as root"
    elif dpkg -s "$pkg" >/dev/null 2>&1; then
        fail "$pkg is already installed on this machine; not touching it"
    else
        deb_abs=$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")
        if (unset JAVA_TOOL_OPTIONS; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb_abs") > "$WORK/apt.log" 2>&1; then
            pass "apt-get install ran the maintainer scripts"
            out=$(env -u JAVA_TOOL_OPTIONS /usr/bin/$pkg --version 2>&1)
            [ "$out" = "SSAE Inspector $expected_version" ] && pass "/usr/bin/$pkg --version" || fail "/usr/bin/$pkg --version printed '$out'"
            ls /usr/share/applications/*"$pkg"*.desktop >/dev/null 2>&1 && pass "menu entry in /usr/share/applications" || fail "no menu entry in /usr/share/applications"
            touch "$WORK/model.ssae"
            type=$(xdg-mime query filetype "$WORK/model.ssae" 2>/dev/null)
            [ "$type" = "application/x-ssae-model" ] && pass "a .ssae file is application/x-ssae-model" || fail ".ssae files are '$type'"
            handler=$(xdg-mime query default application/x-ssae-model 2>/dev/null)
            [[ "$handler" == *"$pkg"*.desktop ]] && pass ".ssae files open with $handler" || fail ".ssae files open with '$handler'"
        else
            tail -20 "$WORK/apt.log"
            fail "apt-get install $DEB failed"
        fi
        if dpkg -s "$pkg" >/dev/null 2>&1; then
            if dpkg -P "$pkg" > "$WORK/remove.log" 2>&1; then
                [ -e "/usr/bin/$pkg" ] && fail "/usr/bin/$pkg left behind after removal" || pass "removed cleanly"
            else
                tail -20 "$WORK/remove.log"
                fail "dpkg -P $pkg failed"
            fi
        fi
    fi
fi

# --- summary -------------------------------------------------------------------------------
echo
if [ ${#FAILURES[@]} -eq 0 ]; then
    echo "installer check passed"
    exit 0
fi
echo "installer check FAILED (${#FAILURES[@]}):"
printf '  - %s\n' "${FAILURES[@]}"
exit 1
